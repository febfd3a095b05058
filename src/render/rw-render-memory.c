/* rw-render-memory.c: stacked memory bars against capacity markers
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include <math.h>

#include "rw-render-private.h"

static char *
verdict_text (const RwChartData *data,
              const RwEstimate  *est)
{
  g_autofree char *total = _rw_format_gb (data, est->memory.total);
  g_autofree char *device = _rw_format_gb (data, est->memory.device_capacity);
  g_autofree char *capacity = _rw_format_gb (data, est->memory.capacity);
  g_autofree char *spill = _rw_format_gb (data, est->memory.spill);

  switch (est->fit)
    {
    case RW_FIT_FITS:
      /* TRANSLATORS: "78.4 GB of 119.7 GB · fits" */
      return g_strdup_printf (_("%s of %s · fits"), total, device);
    case RW_FIT_SPILLS:
      /* TRANSLATORS: "141 GB · 109 GB in host RAM, slower" */
      return g_strdup_printf (_("%s · %s in host RAM, slower"), total, spill);
    case RW_FIT_DOES_NOT_FIT:
      /* TRANSLATORS: "412 GB of 160 GB · does not fit" */
      return g_strdup_printf (_("%s of %s · does not fit"), total, capacity);
    default:
      g_return_val_if_reached (NULL);
    }
}

static double
axis_max (const RwChartData *data)
{
  double unit = rw_memory_units_get_bytes (data->units);
  double max = unit;

  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwMemoryBreakdown *m = &data->estimates[i].memory;

      if (isfinite (m->total))
        max = MAX (max, m->total);
      if (isfinite (m->capacity))
        max = MAX (max, m->capacity);
      if (isfinite (m->device_capacity))
        max = MAX (max, m->device_capacity);
    }
  return max / unit;
}

void
_rw_render_memory_chart_full (const RwChartData  *data,
                              cairo_t            *cr,
                              double              width,
                              double              height,
                              const RwChartStyle *style,
                              RwChartGeometry    *geometry)
{
  RwCanvas c = { 0 };
  RwLegendItem legend[RW_MEMORY_PART_N + 3];
  guint n_legend = 0;
  gboolean any_spill = FALSE, any_discrete = FALSE;
  double top, bottom, tick_h, name_h, row_h, bar_h, max, step;
  RwRect plot;
  int target;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  _rw_canvas_begin (&c, cr, width, height, style);
  c.geometry = geometry;
  top = _rw_header (&c, rw_chart_kind_get_title (RW_CHART_MEMORY), data->subtitle);

  /* Legend: only the parts some system actually has. */
  for (guint p = 0; p < RW_MEMORY_PART_N; p++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < data->n_systems; i++)
        used |= _rw_memory_part_bytes (&data->estimates[i].memory, p) > 0;
      if (used)
        legend[n_legend++] = (RwLegendItem) { _rw_memory_part_name (p), c.style->segments[p], RW_SWATCH_BOX,
                                              c.style->segment_outlines[p] };
    }
  for (guint i = 0; i < data->n_systems; i++)
    {
      any_spill |= data->estimates[i].memory.spill > 0;
      any_discrete |= data->systems[i]->memory_model == RW_MEMORY_DISCRETE;
    }
  if (any_spill)
    legend[n_legend++] = (RwLegendItem) { _("In host RAM"), c.style->hatch, RW_SWATCH_HATCH };
  legend[n_legend++] = (RwLegendItem) { any_discrete ? _("VRAM or usable memory") : _("Usable memory"),
                                        c.style->marker, RW_SWATCH_LINE };
  if (any_discrete)
    legend[n_legend++] = (RwLegendItem) { _("VRAM + host RAM"), c.style->marker, RW_SWATCH_DASH };

  {
    double lh = _rw_legend (&c, legend, n_legend, c.pad, top, width - 2 * c.pad, FALSE);
    _rw_legend (&c, legend, n_legend, c.pad, top, width - 2 * c.pad, TRUE);
    if (geometry != NULL)
      geometry->legend = (RwRect) { c.pad, top, width - 2 * c.pad, lh };
    top += lh + c.font * 0.8;
  }

  _rw_text_extents (&c, "0 GB", 0.8, FALSE, NULL, &tick_h);
  _rw_text_extents (&c, "Ag", 0.95, TRUE, NULL, &name_h);
  bottom = height - c.pad * 0.8 - tick_h - c.font * 0.3;

  /* Leave half a tick label of room on both sides so end labels never clip. */
  {
    double w0;
    _rw_text_extents (&c, "0000 GiB", 0.8, FALSE, &w0, NULL);
    plot = (RwRect) { c.pad, top, width - 2 * c.pad - w0 / 2, bottom - top };
  }
  if (plot.height < name_h * 2 || plot.width < c.font * 4)
    {
      _rw_canvas_end (&c);
      return;
    }

  max = axis_max (data);
  target = (int) CLAMP (plot.width / (c.font * 6.5), 2, 10);
  step = _rw_nice_step (max, target);
  max = ceil (max / step - 1e-9) * step;

  /* Grid and axis labels. */
  cairo_set_line_width (cr, c.line);
  for (int t = 0; t * step <= max + step * 1e-6; t++)
    {
      double v = t * step;
      double x = plot.x + v / max * plot.width;
      double sx = _rw_snap (&c, x, c.line);
      g_autofree char *label = _rw_tick_gb (data, v, step);

      _rw_set_color (cr, t == 0 ? &c.style->axis : &c.style->grid);
      cairo_move_to (cr, sx, plot.y);
      cairo_line_to (cr, sx, plot.y + plot.height);
      cairo_stroke (cr);
      _rw_text (&c, label, x, bottom + c.font * 0.3, t == 0 ? 0 : 0.5, 0, 0.8, FALSE,
                &c.style->dim_foreground, -1);
    }

  row_h = plot.height / data->n_systems;
  bar_h = CLAMP (row_h - name_h - c.font * 1.2, c.font * 0.6, c.font * 4.5);

  if (geometry != NULL)
    {
      geometry->plot = plot;
      geometry->n_bars = MIN (data->n_systems, RW_GEOMETRY_MAX);
      geometry->x_min = 0;
      geometry->x_max = max;
      geometry->y_min = geometry->y_max = NAN;
      geometry->x_log = FALSE;
    }

  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwEstimate *est = &data->estimates[i];
      const RwMemoryBreakdown *m = &est->memory;
      /* Each name + bar group sits in the middle of its share of the plot. */
      double row_y = plot.y + i * row_h + MAX (0, (row_h - name_h - c.font * 1.2 - bar_h) / 2);
      double bar_y = row_y + name_h + c.font * 0.3;
      double x = plot.x;
      double scale = plot.width / (max * rw_memory_units_get_bytes (data->units));
      double total_x = plot.x + (isfinite (m->total) ? m->total : 0) * scale;
      double tick_ext = c.font * 0.35;
      g_autofree char *verdict = verdict_text (data, est);
      double name_w;

      /* Name in bold, the verdict after it, in red when it does not fit. */
      _rw_text_extents (&c, _rw_system_label (data->systems[i]), 0.95, TRUE, &name_w, NULL);
      name_w = MIN (name_w, plot.width * 0.6);
      _rw_text (&c, _rw_system_label (data->systems[i]), plot.x, row_y, 0, 0, 0.95, TRUE,
                &c.style->foreground, plot.width * 0.6);
      _rw_text (&c, verdict, plot.x + name_w + c.font * 0.6, row_y + name_h * 0.08, 0, 0, 0.85, FALSE,
                est->fit == RW_FIT_DOES_NOT_FIT ? &c.style->error : &c.style->dim_foreground,
                MAX (plot.width + c.pad - name_w - c.font * 0.6, c.font));

      /* A faint track shows the room the system has. */
      if (isfinite (m->capacity) && m->capacity > 0)
        {
          RwColor track = c.style->grid;

          track.alpha *= 0.5;
          _rw_fill_rect (&c, plot.x, bar_y, m->capacity * scale, bar_h, &track);
        }

      for (guint p = 0; p < RW_MEMORY_PART_N; p++)
        {
          double bytes = _rw_memory_part_bytes (m, p);
          double w = isfinite (bytes) && bytes > 0 ? bytes * scale : 0;

          if (w <= 0)
            continue;
          _rw_fill_rect (&c, x, bar_y, w, bar_h, &c.style->segments[p]);
          x += w;
        }

      /* Spilled bytes are hatched: they run at host-RAM speed. */
      if (isfinite (m->spill) && m->spill > 0)
        {
          double sx = plot.x + MAX (0, m->total - m->spill) * scale;

          _rw_hatch_rect (&c, sx, bar_y, total_x - sx, bar_h, &c.style->hatch);
          if (geometry != NULL && i < RW_GEOMETRY_MAX)
            geometry->spill_x[i] = sx;
        }
      else if (geometry != NULL && i < RW_GEOMETRY_MAX)
        geometry->spill_x[i] = NAN;

      /* Each segment's outline over fill and hatch: it carries the 3:1
       * against the background that a light fill (dark in dark mode)
       * cannot. */
      x = plot.x;
      for (guint p = 0; p < RW_MEMORY_PART_N; p++)
        {
          double bytes = _rw_memory_part_bytes (m, p);
          double w = isfinite (bytes) && bytes > 0 ? bytes * scale : 0;

          if (w <= 0)
            continue;
          _rw_outline_rect (&c, x, bar_y, w, bar_h, &c.style->segment_outlines[p]);
          x += w;
        }

      /* What does not fit at all is outlined in the error colour. */
      if (est->fit == RW_FIT_DOES_NOT_FIT && isfinite (m->capacity) && m->total > m->capacity)
        {
          double cx = plot.x + m->capacity * scale;
          double lw = _rw_snap_width (&c, c.line * 2);

          _rw_set_color (cr, &c.style->error);
          cairo_set_line_width (cr, lw);
          cairo_rectangle (cr, cx + lw / 2, bar_y + lw / 2, total_x - cx - lw, bar_h - lw);
          cairo_stroke (cr);
        }

      /* Values inside the segments where they fit, on a patch of the
       * segment's colour so the hatch never runs through the digits. */
      x = plot.x;
      for (guint p = 0; p < RW_MEMORY_PART_N && bar_h >= c.font * 1.1; p++)
        {
          double bytes = _rw_memory_part_bytes (m, p);
          double w = isfinite (bytes) && bytes > 0 ? bytes * scale : 0;
          g_autofree char *v = NULL;
          double tw, th;

          if (w <= 0)
            continue;
          {
            double in_units = bytes / rw_memory_units_get_bytes (data->units);

            v = rw_format_number (in_units, in_units >= 100 ? 0 : 1);
          }
          _rw_text_extents (&c, v, 0.8, FALSE, &tw, &th);
          if (tw + c.font * 0.8 < w)
            {
              /* Inside the segment's outline. */
              double lw = _rw_snap_width (&c, c.line);
              double py = MAX (bar_y + bar_h / 2 - th / 2, bar_y + lw);
              double ph = MIN (th, bar_h - 2 * lw);

              _rw_fill_rect (&c, x + w / 2 - tw / 2 - c.font * 0.25, py,
                             tw + c.font * 0.5, ph, &c.style->segments[p]);
              _rw_text (&c, v, x + w / 2, bar_y + bar_h / 2, 0.5, 0.5, 0.8, FALSE,
                        &c.style->foreground, -1);
            }
          x += w;
        }

      /* Capacity markers: solid at the fast pool, dashed at VRAM + host RAM. */
      {
        double lw = _rw_snap_width (&c, c.line * 2);
        double dx = _rw_snap (&c, plot.x + m->device_capacity * scale, lw);
        double marker_label_end = -G_MAXDOUBLE;

        _rw_set_color (cr, &c.style->marker);
        cairo_set_line_width (cr, lw);
        cairo_move_to (cr, dx, bar_y - tick_ext);
        cairo_line_to (cr, dx, bar_y + bar_h + tick_ext);
        cairo_stroke (cr);
        if (geometry != NULL && i < RW_GEOMETRY_MAX)
          {
            geometry->markers[i] = dx;
            geometry->markers2[i] = NAN;
          }
        /* The marker's size under it, where the row has room. */
        if (row_h - (bar_y + bar_h - (plot.y + i * row_h)) > tick_h * 1.2 + tick_ext)
          {
            g_autofree char *label = _rw_format_gb (data, m->device_capacity);
            double tw;

            _rw_text_extents (&c, label, 0.75, FALSE, &tw, NULL);
            marker_label_end = dx + tw / 2;
            _rw_text (&c, label, MAX (dx, plot.x + tw / 2), bar_y + bar_h + tick_ext, 0.5, 0, 0.75, FALSE,
                      &c.style->dim_foreground, -1);
          }

        if (data->systems[i]->memory_model == RW_MEMORY_DISCRETE && isfinite (m->capacity) &&
            m->capacity > m->device_capacity)
          {
            double cx = _rw_snap (&c, plot.x + m->capacity * scale, lw);
            double dash[] = { c.font * 0.35, c.font * 0.25 };

            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, cx, bar_y - tick_ext);
            cairo_line_to (cr, cx, bar_y + bar_h + tick_ext);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
            if (geometry != NULL && i < RW_GEOMETRY_MAX)
              geometry->markers2[i] = cx;
            if (marker_label_end > -G_MAXDOUBLE)
              {
                g_autofree char *label = _rw_format_gb (data, m->capacity);
                double tw;

                _rw_text_extents (&c, label, 0.75, FALSE, &tw, NULL);
                if (cx - tw / 2 > marker_label_end + c.font * 0.5)
                  _rw_text (&c, label, MIN (cx, plot.x + plot.width + c.pad - tw / 2),
                            bar_y + bar_h + tick_ext, 0.5, 0, 0.75, FALSE, &c.style->dim_foreground, -1);
              }
          }
      }

      if (geometry != NULL && i < RW_GEOMETRY_MAX)
        geometry->bars[i] = (RwRect) { plot.x, bar_y, total_x - plot.x, bar_h };
    }

  _rw_canvas_end (&c);
}

void
rw_render_memory_chart (const RwChartData  *data,
                        cairo_t            *cr,
                        double              width,
                        double              height,
                        const RwChartStyle *style)
{
  _rw_render_memory_chart_full (data, cr, width, height, style, NULL);
}

char *
rw_render_describe_memory_chart (const RwChartData *data)
{
  GString *s;

  g_return_val_if_fail (data != NULL, NULL);

  s = g_string_new (NULL);
  /* TRANSLATORS: %s is the workload, e.g. "Llama 3.3 70B · Q4_K_M · …" */
  g_string_append_printf (s, _("Memory needed by %s on each system, against what it can hold."),
                          data->subtitle);
  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwEstimate *est = &data->estimates[i];
      g_autofree char *total = _rw_format_gb (data, est->memory.total);
      g_autofree char *weights = _rw_format_gb (data, est->memory.weights);
      g_autofree char *kv = _rw_format_gb (data, est->memory.kv_cache);
      g_autofree char *device = _rw_format_gb (data, est->memory.device_capacity);
      g_autofree char *capacity = _rw_format_gb (data, est->memory.capacity);
      g_autofree char *spill = _rw_format_gb (data, est->memory.spill);

      g_string_append_c (s, ' ');
      /* TRANSLATORS: "DGX Spark needs 78.4 GB (weights 42.5 GB, KV cache 10.7 GB) of 119.7 GB of fast memory" */
      g_string_append_printf (s, _("%s needs %s (weights %s, KV cache %s) of %s of fast memory"),
                              _rw_system_label (data->systems[i]), total, weights, kv, device);
      switch (est->fit)
        {
        case RW_FIT_FITS:
          g_string_append (s, _(": it fits."));
          break;
        case RW_FIT_SPILLS:
          g_string_append_printf (s, _(": %s spill to host RAM and run slower."), spill);
          break;
        case RW_FIT_DOES_NOT_FIT:
          g_string_append_printf (s, _(": it does not fit, even in %s."), capacity);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (s, FALSE);
}

/* rw-render-throughput.c: decode tokens/s against context depth
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include <math.h>

#include "rw-render-private.h"

static gboolean
spills_at (const RwChartData *data,
           guint              system,
           guint              depth)
{
  return data->depth_fit[system * RW_CHART_N_DEPTHS + depth] == RW_FIT_SPILLS;
}

void
_rw_render_throughput_chart_full (const RwChartData  *data,
                                  cairo_t            *cr,
                                  double              width,
                                  double              height,
                                  const RwChartStyle *style,
                                  RwChartGeometry    *geometry)
{
  RwCanvas c = { 0 };
  RwLegendItem legend[RW_GEOMETRY_MAX];
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_legend = 0;
  gboolean any_spill = FALSE;
  double top, bottom, label_h, max = 0, step, axis_w, lx_min, lx_max, label_w;
  guint last;
  int stride;
  RwRect plot;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  _rw_canvas_begin (&c, cr, width, height, style);
  c.geometry = geometry;
  top = _rw_header (&c, rw_chart_kind_get_title (RW_CHART_THROUGHPUT), data->subtitle);

  last = MAX (data->n_depths_used, 3) - 1;
  for (guint i = 0; i < data->n_systems; i++)
    {
      gboolean fits_somewhere = FALSE;

      for (guint d = 0; d <= last; d++)
        {
          double v = rw_chart_data_decode_at (data, i, d);

          if (isfinite (v))
            {
              max = MAX (max, v);
              fits_somewhere = TRUE;
              any_spill |= spills_at (data, i, d);
            }
        }
      if (n_legend + 1 < G_N_ELEMENTS (legend))
        {
          const char *name = _rw_system_label (data->systems[i]);

          if (!fits_somewhere)
            {
              /* TRANSLATORS: a legend entry for a system with no line */
              g_ptr_array_add (labels, g_strdup_printf (_("%s (does not fit)"), name));
              name = g_ptr_array_index (labels, labels->len - 1);
            }
          legend[n_legend++] = (RwLegendItem) { name, c.style->series[i % RW_CHART_N_SERIES], RW_SWATCH_LINE };
        }
    }
  if (any_spill)
    legend[n_legend++] = (RwLegendItem) { _("Spills to host RAM"), c.style->dim_foreground, RW_SWATCH_DASH };

  {
    double lh = _rw_legend (&c, legend, n_legend, c.pad, top, width - 2 * c.pad, TRUE);
    if (geometry != NULL)
      geometry->legend = (RwRect) { c.pad, top, width - 2 * c.pad, lh };
    top += lh + c.font * 0.8;
  }

  if (!(max > 0))
    {
      _rw_render_no_data (&c, top, _("The model does not fit on any system at any context"));
      _rw_canvas_end (&c);
      return;
    }

  _rw_text_extents (&c, "1K", 0.8, FALSE, &label_w, &label_h);
  /* Room for the unit above the value axis. */
  top += label_h;
  bottom = height - c.pad * 0.8 - label_h - c.font * 0.3;
  plot = (RwRect) { c.pad, top, width - 2 * c.pad, bottom - top };
  if (plot.height < c.font * 2)
    {
      _rw_canvas_end (&c);
      return;
    }

  step = _rw_nice_step (max, (int) CLAMP (plot.height / (c.font * 3.5), 2, 8));
  max = ceil (max / step - 1e-9) * step;
  axis_w = _rw_value_axis (&c, data, &plot, 0, max, step, _rw_tick_number, FALSE);
  _rw_text_extents (&c, "256K", 0.8, FALSE, &label_w, NULL);
  plot.x += MAX (axis_w, label_w / 2);
  plot.width -= MAX (axis_w, label_w / 2) + label_w / 2;
  _rw_value_axis (&c, data, &plot, 0, max, step, _rw_tick_number, TRUE);
  /* The unit over the value labels, from the left margin so it never clips. */
  _rw_text (&c, _("tok/s"), c.pad, plot.y - c.font * 0.4, 0, 1, 0.8, FALSE,
            &c.style->dim_foreground, -1);

  lx_min = log2 (data->depths[0]);
  lx_max = log2 (data->depths[last]);
#define X_OF(depth) (plot.x + (log2 (depth) - lx_min) / (lx_max - lx_min) * plot.width)
#define Y_OF(v) (plot.y + plot.height - (v) / max * plot.height)

  /* Ticks at powers of two, thinned so the labels never touch. */
  stride = 1;
  while (plot.width / (lx_max - lx_min) * stride < label_w * 1.6 && stride < 16)
    stride *= 2;
  for (guint d = 0; d <= last; d += 2)
    {
      double x = X_OF (data->depths[d]);
      double sx = _rw_snap (&c, x, c.line);
      g_autofree char *label = NULL;

      if ((d / 2) % stride != 0)
        continue;
      label = _rw_format_tokens (data->depths[d]);
      _rw_set_color (cr, &c.style->grid);
      cairo_set_line_width (cr, c.line);
      cairo_move_to (cr, sx, plot.y);
      cairo_line_to (cr, sx, plot.y + plot.height);
      cairo_stroke (cr);
      _rw_text (&c, label, x, bottom + c.font * 0.3, 0.5, 0, 0.8, FALSE, &c.style->dim_foreground, -1);
    }

  /* The workload's own context, for orientation. */
  if (data->workload.context >= data->depths[0] && data->workload.context <= data->depths[last])
    {
      double x = _rw_snap (&c, X_OF (data->workload.context), c.line);
      double dash[] = { c.font * 0.3, c.font * 0.3 };
      g_autofree char *ctx = _rw_format_tokens (data->workload.context);
      /* TRANSLATORS: marks the user's chosen context on the axis, e.g. "your 32K" */
      g_autofree char *label = g_strdup_printf (_("your %s"), ctx);
      double tw;

      _rw_set_color (cr, &c.style->axis);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* Right of the line, or left of it near the plot's right edge. */
      _rw_text_extents (&c, label, 0.75, FALSE, &tw, NULL);
      if (x + c.font * 0.3 + tw <= plot.x + plot.width)
        _rw_text (&c, label, x + c.font * 0.3, plot.y, 0, 0, 0.75, FALSE, &c.style->dim_foreground, -1);
      else
        _rw_text (&c, label, x - c.font * 0.3, plot.y, 1, 0, 0.75, FALSE, &c.style->dim_foreground, -1);
    }

  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwColor *color = &c.style->series[i % RW_CHART_N_SERIES];
      double lw = _rw_snap_width (&c, MAX (2.0, 2.5 * c.u));
      double dash[] = { lw * 2.5, lw * 1.5 };

      cairo_set_line_width (cr, lw);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      _rw_set_color (cr, color);
      for (guint d = 1; d <= last; d++)
        {
          double v0 = rw_chart_data_decode_at (data, i, d - 1);
          double v1 = rw_chart_data_decode_at (data, i, d);

          if (!isfinite (v0) || !isfinite (v1))
            continue;
          /* Dashed where part of the model runs from host RAM. */
          if (spills_at (data, i, d - 1) || spills_at (data, i, d))
            cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, X_OF (data->depths[d - 1]), Y_OF (v0));
          cairo_line_to (cr, X_OF (data->depths[d]), Y_OF (v1));
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      for (guint d = 0; d <= last; d += 2)
        {
          double v = rw_chart_data_decode_at (data, i, d);

          if (!isfinite (v))
            continue;
          cairo_arc (cr, X_OF (data->depths[d]), Y_OF (v), lw * 1.4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  if (geometry != NULL)
    {
      geometry->plot = plot;
      geometry->n_bars = 0;
      geometry->x_min = data->depths[0];
      geometry->x_max = data->depths[last];
      geometry->x_log = TRUE;
      geometry->y_min = 0;
      geometry->y_max = max;
    }
#undef X_OF
#undef Y_OF

  _rw_canvas_end (&c);
}

void
rw_render_throughput_chart (const RwChartData  *data,
                            cairo_t            *cr,
                            double              width,
                            double              height,
                            const RwChartStyle *style)
{
  _rw_render_throughput_chart_full (data, cr, width, height, style, NULL);
}

char *
rw_render_describe_throughput_chart (const RwChartData *data)
{
  GString *s;
  g_autofree char *from = NULL, *to = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  from = _rw_format_tokens (data->depths[0]);
  to = _rw_format_tokens (data->depths[RW_CHART_N_DEPTHS - 1]);
  s = g_string_new (NULL);
  /* TRANSLATORS: "from 1K to 1M tokens" */
  g_string_append_printf (s, _("Decode speed of one sequence, in tokens per second, as the context grows from %s to %s tokens, with the KV cache sized for that context."),
                          from, to);
  for (guint i = 0; i < data->n_systems; i++)
    {
      int first = -1, last = -1;

      for (guint d = 0; d < RW_CHART_N_DEPTHS; d++)
        if (isfinite (rw_chart_data_decode_at (data, i, d)))
          {
            if (first < 0)
              first = d;
            last = d;
          }
      g_string_append_c (s, ' ');
      if (first < 0)
        {
          g_string_append_printf (s, _("%s: does not fit at any context."),
                                  _rw_system_label (data->systems[i]));
          continue;
        }
      {
        g_autofree char *v0 = rw_format_number (rw_chart_data_decode_at (data, i, first), 1);
        g_autofree char *v1 = rw_format_number (rw_chart_data_decode_at (data, i, last), 1);
        g_autofree char *d0 = _rw_format_tokens (data->depths[first]);
        g_autofree char *d1 = _rw_format_tokens (data->depths[last]);

        /* TRANSLATORS: "DGX Spark: 4.6 tok/s at 1K, 2.1 tok/s at 512K." */
        g_string_append_printf (s, _("%s: %s tok/s at %s, %s tok/s at %s."),
                                _rw_system_label (data->systems[i]), v0, d0, v1, d1);
      }
    }
  return g_string_free (s, FALSE);
}

/* rw-render-validation.c: predicted against measured tok/s
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every measured row on the compared systems' chips as a mark: measured
 * tok/s across, the core's prediction up, both on log scales so a 10 %
 * miss is the same distance at 30 and at 3,000 tok/s. The diagonal is a
 * perfect prediction; the bands around it are ±10 % and ±25 %. Decode rows
 * are dots, prefill rows squares, one colour per compared system.
 */
#include <glib/gi18n-lib.h>

#include <math.h>

#include "rw-render-private.h"

static const double bands[] = { 0.25, 0.10 };

/* The decade-aligned range that holds [lo, hi], at least one decade. */
static void
log_range (double  lo,
           double  hi,
           double *min,
           double *max)
{
  *min = pow (10, floor (log10 (lo)));
  *max = pow (10, ceil (log10 (hi)));
  if (*max / *min < 10)
    *max = *min * 10;
  /* Trim a decade edge that holds nothing but half a step of room. */
  if (lo >= *min * 2)
    *min *= 2;
  if (hi <= *max / 2)
    *max /= 2;
}

static guint
count_within (const RwChartData *data,
              double             band)
{
  guint n = 0;

  for (guint i = 0; i < data->validation->len; i++)
    {
      const RwChartEvidence *e = &g_array_index (data->validation, RwChartEvidence, i);

      n += fabs (e->predicted / e->measured - 1) <= band + 1e-12;
    }
  return n;
}

static char *
tick_label (double value)
{
  return rw_format_number (value, value < 1 ? 1 : 0);
}

void
_rw_render_validation_chart_full (const RwChartData  *data,
                                  cairo_t            *cr,
                                  double              width,
                                  double              height,
                                  const RwChartStyle *style,
                                  RwChartGeometry    *geometry)
{
  RwCanvas c = { 0 };
  RwLegendItem legend[RW_GEOMETRY_MAX];
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_legend = 0, n_points = data->validation->len;
  double top, bottom, label_w, label_h, lo = INFINITY, hi = 0, min, max, lmin, lmax, r;
  RwColor band_colors[G_N_ELEMENTS (bands)];
  RwRect plot;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  _rw_canvas_begin (&c, cr, width, height, style);
  c.geometry = geometry;
  top = _rw_header (&c, rw_chart_kind_get_title (RW_CHART_VALIDATION), data->subtitle);

  /* Tints of the text colour, so they read in light and dark alike. */
  band_colors[0] = _rw_color_mix (&c.style->background, &c.style->foreground, 0.10);
  band_colors[1] = _rw_color_mix (&c.style->background, &c.style->foreground, 0.22);

  for (guint i = 0; i < data->n_systems && n_legend + 4 < G_N_ELEMENTS (legend); i++)
    {
      guint n = 0;

      for (guint p = 0; p < n_points; p++)
        n += g_array_index (data->validation, RwChartEvidence, p).system == i;
      /* TRANSLATORS: a legend entry, "DGX Spark (208 rows)" */
      g_ptr_array_add (labels, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u row)",
                                                             "%s (%u rows)", n),
                                                _rw_system_label (data->systems[i]), n));
      legend[n_legend++] = (RwLegendItem) { g_ptr_array_index (labels, labels->len - 1),
                                            c.style->series[i % RW_CHART_N_SERIES], RW_SWATCH_POINT };
    }
  legend[n_legend++] = (RwLegendItem) { _("decode (tgN), dot"), c.style->foreground, RW_SWATCH_POINT };
  legend[n_legend++] = (RwLegendItem) { _("prefill (ppN), square"), c.style->foreground, RW_SWATCH_BOX };
  legend[n_legend++] = (RwLegendItem) { _("within ±10 %"), band_colors[1], RW_SWATCH_BOX };
  legend[n_legend++] = (RwLegendItem) { _("within ±25 %"), band_colors[0], RW_SWATCH_BOX };
  {
    double lh = _rw_legend (&c, legend, n_legend, c.pad, top, width - 2 * c.pad, TRUE);
    if (geometry != NULL)
      geometry->legend = (RwRect) { c.pad, top, width - 2 * c.pad, lh };
    top += lh + c.font * 0.8;
  }

  for (guint p = 0; p < n_points; p++)
    {
      const RwChartEvidence *e = &g_array_index (data->validation, RwChartEvidence, p);

      lo = MIN (lo, MIN (e->measured, e->predicted));
      hi = MAX (hi, MAX (e->measured, e->predicted));
    }
  if (n_points == 0 || !(lo > 0))
    {
      _rw_render_no_data (&c, top, _("No measured rows on these systems' chips"));
      _rw_canvas_end (&c);
      return;
    }
  log_range (lo, hi, &min, &max);
  lmin = log10 (min);
  lmax = log10 (max);

  _rw_text_extents (&c, "10,000", 0.8, FALSE, &label_w, &label_h);
  top += label_h;
  bottom = height - c.pad * 0.8 - 2 * label_h - c.font * 0.5;
  plot = (RwRect) { c.pad + label_w + c.font * 0.5, top, 0, bottom - top };
  plot.width = width - c.pad - plot.x - label_w / 2;
  /* Square: the diagonal at 45°, so a band is as wide as it looks;
   * centred in the room there is. */
  if (plot.width > plot.height)
    {
      plot.x += (plot.width - plot.height) / 2;
      plot.width = plot.height;
    }
  else
    plot.height = plot.width;
  if (plot.height < c.font * 2)
    {
      _rw_canvas_end (&c);
      return;
    }

#define X_OF(v) (plot.x + (log10 (v) - lmin) / (lmax - lmin) * plot.width)
#define Y_OF(v) (plot.y + plot.height - (log10 (v) - lmin) / (lmax - lmin) * plot.height)

  /* Bands, widest first: between (1 − b)·x and (1 + b)·x. */
  cairo_save (cr);
  cairo_rectangle (cr, plot.x, plot.y, plot.width, plot.height);
  cairo_clip (cr);
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      _rw_set_color (cr, &band_colors[b]);
      cairo_move_to (cr, X_OF (min), Y_OF (min * (1 + bands[b])));
      cairo_line_to (cr, X_OF (max), Y_OF (max * (1 + bands[b])));
      cairo_line_to (cr, X_OF (max), Y_OF (max * (1 - bands[b])));
      cairo_line_to (cr, X_OF (min), Y_OF (min * (1 - bands[b])));
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  /* Grid and labels at 1, 2 and 5 of each decade (1 only when tight). */
  for (double decade = min / 10; decade <= max; decade *= 10)
    for (guint k = 0; k < 3; k++)
      {
        static const double mult[] = { 1, 2, 5 };
        double v = decade * mult[k];
        double x, y, sx, sy;
        g_autofree char *label = NULL;

        if (v < min * 0.999 || v > max * 1.001)
          continue;
        if (k > 0 && plot.width / (lmax - lmin) < label_w * 2.2)
          continue;
        x = X_OF (v);
        y = Y_OF (v);
        sx = _rw_snap (&c, x, c.line);
        sy = _rw_snap (&c, y, c.line);
        label = tick_label (v);
        _rw_set_color (cr, &c.style->grid);
        cairo_set_line_width (cr, c.line);
        cairo_move_to (cr, sx, plot.y);
        cairo_line_to (cr, sx, plot.y + plot.height);
        cairo_move_to (cr, plot.x, sy);
        cairo_line_to (cr, plot.x + plot.width, sy);
        cairo_stroke (cr);
        _rw_text (&c, label, x, plot.y + plot.height + c.font * 0.3, 0.5, 0, 0.8, FALSE,
                  &c.style->dim_foreground, -1);
        _rw_text (&c, label, plot.x - c.font * 0.3, y, 1, 0.5, 0.8, FALSE,
                  &c.style->dim_foreground, -1);
      }
  _rw_text (&c, _("measured tok/s"), plot.x + plot.width / 2, bottom + label_h + c.font * 0.2,
            0.5, 0, 0.8, FALSE, &c.style->dim_foreground, -1);
  _rw_text (&c, _("predicted tok/s"), plot.x - label_w - c.font * 0.3, plot.y - c.font * 0.4, 0, 1,
            0.8, FALSE, &c.style->dim_foreground, -1);
  /* The axes along the plot's left and bottom edges. */
  _rw_set_color (cr, &c.style->axis);
  cairo_set_line_width (cr, c.line);
  cairo_move_to (cr, _rw_snap (&c, plot.x, c.line), plot.y);
  cairo_line_to (cr, _rw_snap (&c, plot.x, c.line), _rw_snap (&c, plot.y + plot.height, c.line));
  cairo_line_to (cr, plot.x + plot.width, _rw_snap (&c, plot.y + plot.height, c.line));
  cairo_stroke (cr);

  /* The perfect prediction. */
  _rw_set_color (cr, &c.style->axis);
  cairo_set_line_width (cr, _rw_snap_width (&c, MAX (1.0, 1.5 * c.u)));
  cairo_move_to (cr, X_OF (min), Y_OF (min));
  cairo_line_to (cr, X_OF (max), Y_OF (max));
  cairo_stroke (cr);

  /* Marks, ringed in the background so overlapping ones stay apart. */
  r = MAX (2.5, 3.5 * c.u);
  if (geometry != NULL)
    geometry->n_bars = 0;
  for (guint p = 0; p < n_points; p++)
    {
      const RwChartEvidence *e = &g_array_index (data->validation, RwChartEvidence, p);
      double x = X_OF (e->measured);
      double y = Y_OF (e->predicted);

      _rw_set_color (cr, &c.style->background);
      if (e->decode)
        cairo_arc (cr, x, y, r + c.line * 1.5, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, x - r - c.line * 1.5, y - r - c.line * 1.5,
                         2 * (r + c.line * 1.5), 2 * (r + c.line * 1.5));
      cairo_fill (cr);
      _rw_set_color (cr, &c.style->series[e->system % RW_CHART_N_SERIES]);
      if (e->decode)
        cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      cairo_fill (cr);
      if (geometry != NULL && geometry->n_bars < RW_GEOMETRY_MAX)
        geometry->bars[geometry->n_bars++] = (RwRect) { x - r, y - r, 2 * r, 2 * r };
    }

  if (geometry != NULL)
    {
      geometry->plot = plot;
      geometry->x_min = min;
      geometry->x_max = max;
      geometry->x_log = TRUE;
      geometry->y_min = min;
      geometry->y_max = max;
    }
#undef X_OF
#undef Y_OF

  _rw_canvas_end (&c);
}

void
rw_render_validation_chart (const RwChartData  *data,
                            cairo_t            *cr,
                            double              width,
                            double              height,
                            const RwChartStyle *style)
{
  _rw_render_validation_chart_full (data, cr, width, height, style, NULL);
}

char *
rw_render_describe_validation_chart (const RwChartData *data)
{
  GString *s;
  guint n = data->validation->len;

  g_return_val_if_fail (data != NULL, NULL);

  s = g_string_new (NULL);
  if (n == 0)
    {
      g_string_append (s, _("Predicted against measured speed: no measured rows on these systems' chips."));
      return g_string_free (s, FALSE);
    }
  {
    g_autofree char *n10 = rw_format_number (count_within (data, 0.10), 0);
    g_autofree char *n25 = rw_format_number (count_within (data, 0.25), 0);
    g_autofree char *total = rw_format_number (n, 0);

    /* TRANSLATORS: "Predicted against measured tokens/s for 230 llama.cpp rows measured on these systems' chips: 180 within ±10 %, 221 within ±25 %." */
    g_string_append_printf (s, _("Predicted against measured tokens/s for %s llama.cpp rows measured on these systems' chips: %s within ±10 %%, %s within ±25 %%."),
                            total, n10, n25);
  }
  for (guint i = 0; i < data->n_systems; i++)
    {
      double error = data->speed_error[i];

      g_string_append_c (s, ' ');
      if (!isfinite (error))
        /* TRANSLATORS: "Mac Studio M4 Max: no measured rows." */
        g_string_append_printf (s, _("%s: no measured rows."), _rw_system_label (data->systems[i]));
      else
        {
          g_autofree char *pct = rw_format_number (error * 100, 1);

          /* TRANSLATORS: "DGX Spark: median error 5.6 %." */
          g_string_append_printf (s, _("%s: median error %s %%."), _rw_system_label (data->systems[i]), pct);
        }
    }
  return g_string_free (s, FALSE);
}

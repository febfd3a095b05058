/* rw-render-tco.c: total cost of ownership over the years, break-even points
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include <math.h>

#include "rw-render-private.h"

/* Why a system has no TCO line, or NULL when it has one. */
static const char *
missing_reason (const RwChartData *data,
                guint              system)
{
  const RwSystem *s = data->systems[system];

  for (guint step = 0; step < data->n_tco; step++)
    if (isfinite (rw_chart_data_tco_at (data, system, step)))
      return NULL;
  if (!isfinite (data->estimates[system].price))
    return _("no price");
  if (!isfinite (s->power_load.value))
    return _("power draw not published");
  return _("n/a");
}

static char *
format_years (double years)
{
  g_autofree char *n = rw_format_number (years, fabs (years - round (years)) < 0.05 ? 0 : 1);

  /* TRANSLATORS: a duration, "2.4 years"; the plural follows the rounded number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years",
                                       (gulong) MAX (round (years), 0)), n);
}

void
_rw_render_tco_chart_full (const RwChartData  *data,
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
  double top, bottom, label_h, label_w, max = 0, step, xstep, axis_w;
  RwRect plot;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  _rw_canvas_begin (&c, cr, width, height, style);
  c.geometry = geometry;
  top = _rw_header (&c, rw_chart_kind_get_title (RW_CHART_TCO), data->subtitle);

  for (guint i = 0; i < data->n_systems && n_legend + 1 < G_N_ELEMENTS (legend); i++)
    {
      const char *name = _rw_system_label (data->systems[i]);
      const char *reason = missing_reason (data, i);

      /* A system without a line says why in the legend. */
      if (reason != NULL)
        {
          /* TRANSLATORS: "Custom 5090 (power draw not published)" */
          g_ptr_array_add (labels, g_strdup_printf (_("%s (%s)"), name, reason));
          name = g_ptr_array_index (labels, labels->len - 1);
        }
      legend[n_legend++] = (RwLegendItem) { name, c.style->series[i % RW_CHART_N_SERIES], RW_SWATCH_LINE };
    }
  if (data->break_evens->len > 0)
    legend[n_legend++] = (RwLegendItem) { _("Break-even"), c.style->foreground, RW_SWATCH_POINT };
  {
    double lh = _rw_legend (&c, legend, n_legend, c.pad, top, width - 2 * c.pad, TRUE);
    if (geometry != NULL)
      geometry->legend = (RwRect) { c.pad, top, width - 2 * c.pad, lh };
    top += lh + c.font * 0.8;
  }

  for (guint i = 0; i < data->n_systems; i++)
    for (guint s = 0; s < data->n_tco; s++)
      if (isfinite (rw_chart_data_tco_at (data, i, s)))
        max = MAX (max, rw_chart_data_tco_at (data, i, s));
  if (!(max > 0))
    {
      _rw_render_no_data (&c, top, _("No system has a price"));
      _rw_canvas_end (&c);
      return;
    }

  _rw_text_extents (&c, "5 years", 0.8, FALSE, &label_w, &label_h);
  top += label_h * 0.5;
  bottom = height - c.pad * 0.8 - label_h - c.font * 0.3;
  plot = (RwRect) { c.pad, top, width - 2 * c.pad, bottom - top };
  if (plot.height < c.font * 2)
    {
      _rw_canvas_end (&c);
      return;
    }

  step = _rw_nice_step (max, (int) CLAMP (plot.height / (c.font * 3.5), 2, 8));
  max = ceil (max / step - 1e-9) * step;
  axis_w = _rw_value_axis (&c, data, &plot, 0, max, step, _rw_tick_money, FALSE);
  plot.x += axis_w;
  plot.width -= axis_w + label_w / 2;
  _rw_value_axis (&c, data, &plot, 0, max, step, _rw_tick_money, TRUE);

#define X_OF(y) (plot.x + (y) / data->tco_years * plot.width)
#define Y_OF(v) (plot.y + plot.height - (v) / max * plot.height)

  xstep = _rw_nice_step (data->tco_years, (int) CLAMP (plot.width / (label_w * 1.8), 1, 10));
  xstep = MAX (xstep, 1.0);
  for (double y = 0; y <= data->tco_years + 1e-9; y += xstep)
    {
      double x = X_OF (y);
      double sx = _rw_snap (&c, x, c.line);
      gboolean last = y + xstep > data->tco_years + 1e-9;
      g_autofree char *label = last ? format_years (y) : rw_format_number (y, 0);

      _rw_set_color (cr, y == 0 ? &c.style->axis : &c.style->grid);
      cairo_set_line_width (cr, c.line);
      cairo_move_to (cr, sx, plot.y);
      cairo_line_to (cr, sx, plot.y + plot.height);
      cairo_stroke (cr);
      _rw_text (&c, label, x, bottom + c.font * 0.3, y == 0 ? 0 : 0.5, 0, 0.8, FALSE,
                &c.style->dim_foreground, -1);
    }

  /* The workload's horizon. */
  if (data->workload.years > 0 && data->workload.years < data->tco_years)
    {
      double x = _rw_snap (&c, X_OF (data->workload.years), c.line);
      double dash[] = { c.font * 0.3, c.font * 0.3 };
      g_autofree char *years = format_years (data->workload.years);
      double tw;

      _rw_set_color (cr, &c.style->axis);
      cairo_set_line_width (cr, c.line);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      _rw_text_extents (&c, years, 0.75, FALSE, &tw, NULL);
      if (x + c.font * 0.3 + tw <= plot.x + plot.width)
        _rw_text (&c, years, x + c.font * 0.3, plot.y, 0, 0, 0.75, FALSE, &c.style->dim_foreground, -1);
      else
        _rw_text (&c, years, x - c.font * 0.3, plot.y, 1, 0, 0.75, FALSE, &c.style->dim_foreground, -1);
    }

  for (guint i = 0; i < data->n_systems; i++)
    {
      gboolean started = FALSE;

      _rw_set_color (cr, &c.style->series[i % RW_CHART_N_SERIES]);
      cairo_set_line_width (cr, _rw_snap_width (&c, MAX (2.0, 2.5 * c.u)));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint s = 0; s < data->n_tco; s++)
        {
          double v = rw_chart_data_tco_at (data, i, s);

          if (!isfinite (v))
            {
              started = FALSE;
              continue;
            }
          if (started)
            cairo_line_to (cr, X_OF (rw_chart_data_tco_year (data, s)), Y_OF (v));
          else
            cairo_move_to (cr, X_OF (rw_chart_data_tco_year (data, s)), Y_OF (v));
          started = TRUE;
        }
      cairo_stroke (cr);
    }

  /* Break-even points: a dot ringed in the background colour, and when. */
  for (guint b = 0; b < data->break_evens->len; b++)
    {
      const RwBreakEven *be = &g_array_index (data->break_evens, RwBreakEven, b);
      double x = X_OF (be->years), y = Y_OF (be->cost);
      double r = MAX (3.0, 4.5 * c.u);
      g_autofree char *label = format_years (be->years);
      double tw;

      _rw_set_color (cr, &c.style->background);
      cairo_arc (cr, x, y, r * 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
      _rw_set_color (cr, &c.style->foreground);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      _rw_text_extents (&c, label, 0.8, TRUE, &tw, NULL);
      _rw_text (&c, label, CLAMP (x, plot.x + tw / 2, plot.x + plot.width - tw / 2),
                MAX (y - r * 1.8, plot.y + label_h), 0.5, 1, 0.8, TRUE, &c.style->foreground, -1);
    }

  if (geometry != NULL)
    {
      geometry->plot = plot;
      geometry->n_bars = 0;
      geometry->x_min = 0;
      geometry->x_max = data->tco_years;
      geometry->x_log = FALSE;
      geometry->y_min = 0;
      geometry->y_max = max;
    }
#undef X_OF
#undef Y_OF

  _rw_canvas_end (&c);
}

void
rw_render_tco_chart (const RwChartData  *data,
                     cairo_t            *cr,
                     double              width,
                     double              height,
                     const RwChartStyle *style)
{
  _rw_render_tco_chart_full (data, cr, width, height, style, NULL);
}

char *
rw_render_describe_tco_chart (const RwChartData *data)
{
  GString *s;
  g_autofree char *kwh = NULL, *hours = NULL, *horizon = NULL;
  guint n_lines = 0;

  g_return_val_if_fail (data != NULL, NULL);

  kwh = _rw_format_money (data, data->workload.electricity_price, 2);
  hours = rw_format_number (data->workload.hours_per_day, 0);
  horizon = format_years (data->workload.years);
  s = g_string_new (NULL);
  /* TRANSLATORS: "… at $0.15 per kWh and 8 hours a day of load." */
  g_string_append_printf (s, _("Purchase price plus electricity over the years, at %s per kWh and %s hours a day of load."),
                          kwh, hours);
  for (guint i = 0; i < data->n_systems; i++)
    {
      g_autofree char *now = _rw_format_money (data, rw_chart_data_tco_at (data, i, 0), 0);
      g_autofree char *later = _rw_format_money (data, data->estimates[i].tco, 0);
      const char *reason = missing_reason (data, i);

      g_string_append_c (s, ' ');
      if (reason != NULL)
        {
          /* TRANSLATORS: "Custom 5090: no total, power draw not published." */
          g_string_append_printf (s, _("%s: no total, %s."), _rw_system_label (data->systems[i]), reason);
          continue;
        }
      /* TRANSLATORS: "DGX Spark: $3,999 to buy, $4,270 after 3 years." */
      g_string_append_printf (s, _("%s: %s to buy, %s after %s."),
                              _rw_system_label (data->systems[i]), now, later, horizon);
    }
  for (guint b = 0; b < data->break_evens->len; b++)
    {
      const RwBreakEven *be = &g_array_index (data->break_evens, RwBreakEven, b);
      g_autofree char *when = format_years (be->years);

      g_string_append_c (s, ' ');
      /* TRANSLATORS: "Custom 5090 becomes cheaper to own than DGX Spark after 2.4 years." */
      g_string_append_printf (s, _("%s becomes cheaper to own than %s after %s."),
                              _rw_system_label (data->systems[be->b]),
                              _rw_system_label (data->systems[be->a]), when);
    }
  for (guint i = 0; i < data->n_systems; i++)
    n_lines += missing_reason (data, i) == NULL;
  if (data->break_evens->len == 0 && n_lines > 1)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, _("No two systems change places within the chart."));
    }
  return g_string_free (s, FALSE);
}

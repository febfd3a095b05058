/* rw-render-breakeven.c: rent or buy — cumulative cost over hours of use
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owned machines start at their price and add their electricity at load;
 * rented GPUs start at zero and add their hourly price. Both are straight
 * lines (rw_estimate_cost_after_hours()), so each is drawn from its two
 * ends; where an owned line falls below a rented one is marked and
 * labelled with its hours (and months at the workload's hours a day, which
 * the top axis also shows).
 */
#include <glib/gi18n-lib.h>

#include <math.h>

#include "rw-render-private.h"

/* Why a system has no line, or NULL when it has one. */
static const char *
missing_reason (const RwChartData *data,
                guint              system)
{
  const RwEstimate *est = &data->estimates[system];

  if (isfinite (rw_estimate_cost_after_hours (est, &data->workload, 1)))
    return NULL;
  if (rw_system_is_cloud (data->systems[system]) || !isfinite (est->price))
    return _("no price");
  if (!isfinite (est->power_load_w))
    return _("power draw not published");
  return _("n/a");
}

static double
cost_at (const RwChartData *data,
         guint              system,
         double             hours)
{
  return rw_estimate_cost_after_hours (&data->estimates[system], &data->workload, hours);
}

static gboolean
crossing_in_range (const RwChartData    *data,
                   const RwRentCrossing *crossing)
{
  return crossing->hours <= data->rent_hours
         && missing_reason (data, crossing->owned) == NULL
         && missing_reason (data, crossing->cloud) == NULL;
}

/* The months axis along the top: ticks at a 1-2-5 step of months. */
static void
months_axis (RwCanvas          *c,
             const RwChartData *data,
             const RwRect      *plot,
             double             label_w)
{
  double months = rw_chart_data_hours_to_months (data, data->rent_hours);
  double step;

  if (!(months > 0))
    return;
  step = _rw_nice_step (months, (int) CLAMP (plot->width / (label_w * 1.8), 1, 10));
  for (double m = step; m <= months + 1e-9; m += step)
    {
      double x = plot->x + m / months * plot->width;
      double sx = _rw_snap (c, x, c->line);
      g_autofree char *label = rw_format_number (m, _rw_step_decimals (step));

      _rw_set_color (c->cr, &c->style->axis);
      cairo_set_line_width (c->cr, c->line);
      cairo_move_to (c->cr, sx, plot->y - c->font * 0.25);
      cairo_line_to (c->cr, sx, plot->y);
      cairo_stroke (c->cr);
      _rw_text (c, label, x, plot->y - c->font * 0.3, 0.5, 1, 0.75, FALSE, &c->style->dim_foreground, -1);
    }
  {
    g_autofree char *hours = rw_format_number (data->workload.hours_per_day, 0);
    /* TRANSLATORS: the top axis of the rent-or-buy chart, "months at 8 h a day" */
    g_autofree char *title = g_strdup_printf (_("months at %s h a day"), hours);

    _rw_text (c, title, plot->x, plot->y - c->font * 0.3, 0, 1, 0.75, FALSE, &c->style->dim_foreground, -1);
  }
}

void
_rw_render_breakeven_chart_full (const RwChartData  *data,
                                 cairo_t            *cr,
                                 double              width,
                                 double              height,
                                 const RwChartStyle *style,
                                 RwChartGeometry    *geometry)
{
  RwCanvas c = { 0 };
  RwLegendItem legend[RW_GEOMETRY_MAX];
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_legend = 0, n_marked = 0;
  double top, bottom, label_h, label_w, max = 0, step, xstep, axis_w;
  gboolean months = isfinite (rw_chart_data_hours_to_months (data, 1));
  RwRect plot;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  _rw_canvas_begin (&c, cr, width, height, style);
  c.geometry = geometry;
  top = _rw_header (&c, rw_chart_kind_get_title (RW_CHART_BREAKEVEN), data->subtitle);

  for (guint i = 0; i < data->n_systems && n_legend + 1 < G_N_ELEMENTS (legend); i++)
    {
      const char *name = _rw_system_label (data->systems[i]);
      const char *reason = missing_reason (data, i);

      if (reason != NULL)
        {
          g_ptr_array_add (labels, g_strdup_printf (_("%s (%s)"), name, reason));
          name = g_ptr_array_index (labels, labels->len - 1);
        }
      /* Rented GPUs are dashed, so the kind reads without colour. */
      legend[n_legend++] = (RwLegendItem) { name, c.style->series[i % RW_CHART_N_SERIES],
                                            rw_system_is_cloud (data->systems[i]) ? RW_SWATCH_DASH
                                                                                  : RW_SWATCH_LINE };
    }
  for (guint k = 0; k < data->rent_crossings->len; k++)
    n_marked += crossing_in_range (data, &g_array_index (data->rent_crossings, RwRentCrossing, k));
  if (n_marked > 0)
    legend[n_legend++] = (RwLegendItem) { _("Break-even"), c.style->foreground, RW_SWATCH_POINT };
  {
    double lh = _rw_legend (&c, legend, n_legend, c.pad, top, width - 2 * c.pad, TRUE);
    if (geometry != NULL)
      geometry->legend = (RwRect) { c.pad, top, width - 2 * c.pad, lh };
    top += lh + c.font * 0.8;
  }

  for (guint i = 0; i < data->n_systems; i++)
    if (missing_reason (data, i) == NULL)
      max = MAX (max, MAX (cost_at (data, i, 0), cost_at (data, i, data->rent_hours)));
  if (!(max > 0))
    {
      _rw_render_no_data (&c, top, _("No system has a price"));
      _rw_canvas_end (&c);
      return;
    }

  _rw_text_extents (&c, "10,000 h", 0.8, FALSE, &label_w, &label_h);
  top += label_h * (months ? 1.6 : 0.5);
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

#define X_OF(h) (plot.x + (h) / data->rent_hours * plot.width)
#define Y_OF(v) (plot.y + plot.height - (v) / max * plot.height)

  xstep = _rw_nice_step (data->rent_hours, (int) CLAMP (plot.width / (label_w * 1.6), 1, 10));
  for (double h = 0; h <= data->rent_hours + 1e-9; h += xstep)
    {
      double x = X_OF (h);
      double sx = _rw_snap (&c, x, c.line);
      gboolean last = h + xstep > data->rent_hours + 1e-9;
      g_autofree char *n = rw_format_number (h, 0);
      /* TRANSLATORS: the last label of the hours axis, "10,000 h" */
      g_autofree char *label = last ? g_strdup_printf (_("%s h"), n) : g_strdup (n);

      _rw_set_color (cr, h == 0 ? &c.style->axis : &c.style->grid);
      cairo_set_line_width (cr, c.line);
      cairo_move_to (cr, sx, plot.y);
      cairo_line_to (cr, sx, plot.y + plot.height);
      cairo_stroke (cr);
      _rw_text (&c, label, x, bottom + c.font * 0.3, h == 0 ? 0 : last ? 1 : 0.5, 0, 0.8, FALSE,
                &c.style->dim_foreground, -1);
    }
  if (months)
    months_axis (&c, data, &plot, label_w);

  /* Clip the lines to the plot: a steep rented line leaves it at the top. */
  cairo_save (cr);
  cairo_rectangle (cr, plot.x, plot.y, plot.width, plot.height);
  cairo_clip (cr);
  for (guint i = 0; i < data->n_systems; i++)
    {
      double dash[] = { 3.0 * MAX (2.0, 2.5 * c.u), 2.0 * MAX (2.0, 2.5 * c.u) };

      if (missing_reason (data, i) != NULL)
        continue;
      _rw_set_color (cr, &c.style->series[i % RW_CHART_N_SERIES]);
      cairo_set_line_width (cr, _rw_snap_width (&c, MAX (2.0, 2.5 * c.u)));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      if (rw_system_is_cloud (data->systems[i]))
        cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, X_OF (0), Y_OF (cost_at (data, i, 0)));
      cairo_line_to (cr, X_OF (data->rent_hours), Y_OF (cost_at (data, i, data->rent_hours)));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_restore (cr);

  /* Crossings: a dot ringed in the background colour, and when. */
  for (guint k = 0; k < data->rent_crossings->len; k++)
    {
      const RwRentCrossing *crossing = &g_array_index (data->rent_crossings, RwRentCrossing, k);
      double x, y, r = MAX (3.0, 4.5 * c.u), tw;
      g_autofree char *hours = NULL;

      if (!crossing_in_range (data, crossing))
        continue;
      x = X_OF (crossing->hours);
      y = Y_OF (crossing->cost);
      _rw_set_color (cr, &c.style->background);
      cairo_arc (cr, x, y, r * 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
      _rw_set_color (cr, &c.style->foreground);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      if (c.compact && n_marked > 3)
        continue;
      {
        g_autofree char *n = rw_format_number (crossing->hours, 0);

        hours = g_strdup_printf (_("%s h"), n);
      }
      _rw_text_extents (&c, hours, 0.75, TRUE, &tw, NULL);
      _rw_text (&c, hours, CLAMP (x, plot.x + tw / 2, plot.x + plot.width - tw / 2),
                MAX (y - r * 1.8, plot.y + label_h), 0.5, 1, 0.75, TRUE, &c.style->foreground, -1);
    }

  if (geometry != NULL)
    {
      geometry->plot = plot;
      geometry->n_bars = 0;
      geometry->x_min = 0;
      geometry->x_max = data->rent_hours;
      geometry->x_log = FALSE;
      geometry->y_min = 0;
      geometry->y_max = max;
    }
#undef X_OF
#undef Y_OF

  _rw_canvas_end (&c);
}

void
rw_render_breakeven_chart (const RwChartData  *data,
                           cairo_t            *cr,
                           double              width,
                           double              height,
                           const RwChartStyle *style)
{
  _rw_render_breakeven_chart_full (data, cr, width, height, style, NULL);
}

char *
rw_render_describe_breakeven_chart (const RwChartData *data)
{
  GString *s;
  g_autofree char *kwh = NULL;
  guint n_owned = 0, n_cloud = 0;

  g_return_val_if_fail (data != NULL, NULL);

  kwh = _rw_format_money (data, data->workload.electricity_price, 2);
  s = g_string_new (NULL);
  /* TRANSLATORS: "… adding electricity at $0.15 per kWh; …" */
  g_string_append_printf (s, _("Cumulative cost against hours of use: a machine you buy starts at its price and adds its electricity at %s per kWh; a rented GPU starts at nothing and adds its hourly price."),
                          kwh);
  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwEstimate *est = &data->estimates[i];
      const char *name = _rw_system_label (data->systems[i]);
      const char *reason = missing_reason (data, i);

      g_string_append_c (s, ' ');
      if (reason != NULL)
        {
          /* TRANSLATORS: "Custom 5090: no line, power draw not published." */
          g_string_append_printf (s, _("%s: no line, %s."), name, reason);
          continue;
        }
      if (rw_system_is_cloud (data->systems[i]))
        {
          g_autofree char *hourly = _rw_format_money (data, est->per_hour, 2);

          n_cloud++;
          /* TRANSLATORS: "H100 SXM (cloud): $3.99 an hour." */
          g_string_append_printf (s, _("%s: %s an hour."), name, hourly);
        }
      else
        {
          g_autofree char *price = _rw_format_money (data, est->price, 0);
          g_autofree char *energy = _rw_format_money (data, cost_at (data, i, 1) - cost_at (data, i, 0), 3);

          n_owned++;
          /* TRANSLATORS: "DGX Spark: $3,999 up front, then $0.023 an hour of electricity." */
          g_string_append_printf (s, _("%s: %s up front, then %s an hour of electricity."), name, price, energy);
        }
    }
  for (guint o = 0; o < data->n_systems; o++)
    for (guint c = 0; c < data->n_systems; c++)
      {
        double hours;

        if (rw_system_is_cloud (data->systems[o]) || !rw_system_is_cloud (data->systems[c])
            || missing_reason (data, o) != NULL || missing_reason (data, c) != NULL)
          continue;
        hours = rw_estimate_break_even_hours (&data->estimates[o], &data->estimates[c], &data->workload);
        g_string_append_c (s, ' ');
        if (isinf (hours))
          /* TRANSLATORS: "Renting H100 SXM (cloud) never costs more than owning DGX H100." */
          g_string_append_printf (s, _("Renting %s never costs more than owning %s."),
                                  _rw_system_label (data->systems[c]), _rw_system_label (data->systems[o]));
        else
          {
            g_autofree char *when = _rw_format_hours (data, hours);

            /* TRANSLATORS: "Owning DGX Spark costs less than renting H100 SXM (cloud) after 1,008 h (4.1 months)." */
            g_string_append_printf (s, _("Owning %s costs less than renting %s after %s."),
                                    _rw_system_label (data->systems[o]),
                                    _rw_system_label (data->systems[c]), when);
          }
      }
  if (n_owned == 0 || n_cloud == 0)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, _("Compare a machine you buy with a rented GPU to see when owning pays off."));
    }
  return g_string_free (s, FALSE);
}

/* rw-render-cost.c: cost per dense TFLOP, grouped by precision
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include <math.h>

#include "rw-render-private.h"

static const char *
precision_label (RwPrecision p)
{
  switch (p)
    {
    case RW_PRECISION_FP4:  return "FP4";
    case RW_PRECISION_FP8:  return "FP8";
    case RW_PRECISION_INT8: return "INT8";
    case RW_PRECISION_FP16: return "FP16/BF16";
    case RW_PRECISION_FP32: return "FP32";
    default:                g_return_val_if_reached ("");
    }
}

void
_rw_render_cost_chart_full (const RwChartData  *data,
                            cairo_t            *cr,
                            double              width,
                            double              height,
                            const RwChartStyle *style,
                            RwChartGeometry    *geometry)
{
  RwCanvas c = { 0 };
  RwLegendItem legend[RW_GEOMETRY_MAX];
  guint n_legend = 0;
  gboolean any_assumed = FALSE;
  double top, bottom, label_h, max = 0, step, axis_w, group_w, slot_w;
  RwRect plot;
  int target;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  _rw_canvas_begin (&c, cr, width, height, style);
  c.geometry = geometry;
  top = _rw_header (&c, rw_chart_kind_get_title (RW_CHART_COST), data->subtitle);

  for (guint i = 0; i < data->n_systems && n_legend + 1 < G_N_ELEMENTS (legend); i++)
    {
      legend[n_legend++] = (RwLegendItem) { _rw_system_label (data->systems[i]),
                                            c.style->series[i % RW_CHART_N_SERIES], RW_SWATCH_BOX };
      for (guint p = 0; p < RW_PRECISION_N; p++)
        any_assumed |= data->systems[i]->peak[p].assumed && isfinite (data->estimates[i].per_tflop[p]);
    }
  if (any_assumed)
    legend[n_legend++] = (RwLegendItem) { _("≈ assumed peak, not published"),
                                          _rw_color_mix (&c.style->series[0], &c.style->background, 0.55),
                                          RW_SWATCH_BOX, c.style->series[0] };
  {
    double lh = _rw_legend (&c, legend, n_legend, c.pad, top, width - 2 * c.pad, TRUE);
    if (geometry != NULL)
      geometry->legend = (RwRect) { c.pad, top, width - 2 * c.pad, lh };
    top += lh + c.font * 0.8;
  }

  for (guint i = 0; i < data->n_systems; i++)
    for (guint p = 0; p < RW_PRECISION_N; p++)
      if (isfinite (data->estimates[i].per_tflop[p]))
        max = MAX (max, data->estimates[i].per_tflop[p]);

  if (!(max > 0))
    {
      _rw_render_no_data (&c, top, _("No system has a published peak or a price"));
      _rw_canvas_end (&c);
      return;
    }

  _rw_text_extents (&c, "FP16", 0.85, FALSE, NULL, &label_h);
  bottom = height - c.pad * 0.8 - label_h - c.font * 0.3;
  /* Headroom for the value labels above the tallest bar. */
  top += label_h;
  plot = (RwRect) { c.pad, top, width - 2 * c.pad, bottom - top };
  if (plot.height < c.font * 2)
    {
      _rw_canvas_end (&c);
      return;
    }

  target = (int) CLAMP (plot.height / (c.font * 3.5), 2, 8);
  step = _rw_nice_step (max, target);
  max = ceil (max / step - 1e-9) * step;
  axis_w = _rw_value_axis (&c, data, &plot, 0, max, step, _rw_tick_money, FALSE);
  plot.x += axis_w;
  plot.width -= axis_w;
  _rw_value_axis (&c, data, &plot, 0, max, step, _rw_tick_money, TRUE);

  group_w = plot.width / RW_PRECISION_N;
  slot_w = group_w * 0.8 / data->n_systems;

  if (geometry != NULL)
    {
      geometry->plot = plot;
      geometry->n_bars = MIN (RW_PRECISION_N * data->n_systems, RW_GEOMETRY_MAX);
      geometry->x_min = geometry->x_max = NAN;
      geometry->y_min = 0;
      geometry->y_max = max;
      geometry->x_log = FALSE;
    }

  for (guint p = 0; p < RW_PRECISION_N; p++)
    {
      double gx = plot.x + p * group_w;

      _rw_text (&c, precision_label (p), gx + group_w / 2, bottom + c.font * 0.3, 0.5, 0, 0.85, FALSE,
                &c.style->foreground, group_w);

      for (guint i = 0; i < data->n_systems; i++)
        {
          double v = data->estimates[i].per_tflop[p];
          double sx = gx + group_w * 0.1 + i * slot_w;
          /* Whole device pixels, so bar edges are crisp. */
          double bx = round ((sx + slot_w * 0.07) * c.device_scale) / c.device_scale;
          double bw = round ((sx + slot_w * 0.93) * c.device_scale) / c.device_scale - bx;
          guint g = p * data->n_systems + i;

          if (isfinite (v))
            {
              double h = v / max * plot.height;
              g_autofree char *label = _rw_format_per_tflop (data, i, p);
              double tw;

              const RwColor *color = &c.style->series[i % RW_CHART_N_SERIES];

              /* A cost from an assumed peak: a pale bar with an outline, so
               * it never passes for a published figure. */
              if (data->systems[i]->peak[p].assumed)
                {
                  RwColor pale = _rw_color_mix (color, &c.style->background, 0.55);
                  double lw = _rw_snap_width (&c, c.line * 1.5);

                  _rw_fill_rect (&c, bx, plot.y + plot.height - h, bw, h, color);
                  if (bw > 3 * lw && h > 2 * lw)
                    _rw_fill_rect (&c, bx + lw, plot.y + plot.height - h + lw, bw - 2 * lw, h - lw, &pale);
                }
              else
                _rw_fill_rect (&c, bx, plot.y + plot.height - h, bw, h, color);
              _rw_text_extents (&c, label, 0.75, FALSE, &tw, NULL);
              if (tw <= slot_w * 1.05)
                _rw_text (&c, label, bx + bw / 2, plot.y + plot.height - h - c.font * 0.15, 0.5, 1,
                          0.75, FALSE, &c.style->foreground, -1);
              if (geometry != NULL && g < RW_GEOMETRY_MAX)
                geometry->bars[g] = (RwRect) { bx, plot.y + plot.height - h, bw, h };
            }
          else
            {
              /* Unpublished: a label in the slot, never a bar of height zero. */
              double size = MIN (0.75, slot_w / (c.font * 1.3));
              double tw;

              if (size >= 0.45)
                {
                  _rw_text_extents (&c, _("not published"), size, FALSE, &tw, NULL);
                  if (tw > plot.height - c.font * 0.6)
                    size *= (plot.height - c.font * 0.6) / tw;
                  _rw_text_rotated (&c, _("not published"), bx + bw / 2,
                                    plot.y + plot.height - c.font * 0.3, size, &c.style->dim_foreground);
                }
              if (geometry != NULL && g < RW_GEOMETRY_MAX)
                geometry->bars[g] = (RwRect) { bx, plot.y + plot.height, bw, 0 };
            }
        }
    }

  _rw_canvas_end (&c);
}

void
rw_render_cost_chart (const RwChartData  *data,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      const RwChartStyle *style)
{
  _rw_render_cost_chart_full (data, cr, width, height, style, NULL);
}

char *
rw_render_describe_cost_chart (const RwChartData *data)
{
  GString *s;

  g_return_val_if_fail (data != NULL, NULL);

  s = g_string_new (_("Price divided by the dense tensor peak, per TFLOP/s, at each precision."));
  for (guint i = 0; i < data->n_systems; i++)
    {
      g_autofree char *price = _rw_format_money (data, data->estimates[i].price, 0);
      gboolean first = TRUE;

      g_string_append_c (s, ' ');
      /* TRANSLATORS: "DGX Spark ($3,999): " followed by the figures */
      g_string_append_printf (s, _("%s (%s): "), _rw_system_label (data->systems[i]), price);
      for (guint p = 0; p < RW_PRECISION_N; p++)
        {
          double v = data->estimates[i].per_tflop[p];
          g_autofree char *label = NULL;

          if (!first)
            g_string_append (s, ", ");
          first = FALSE;
          if (isfinite (v))
            label = _rw_format_per_tflop (data, i, p);
          else
            label = g_strdup (_("not published"));
          g_string_append_printf (s, "%s %s", precision_label (p), label);
        }
      g_string_append_c (s, '.');
    }
  for (guint i = 0; i < data->n_systems; i++)
    for (guint p = 0; p < RW_PRECISION_N; p++)
      if (data->systems[i]->peak[p].assumed && isfinite (data->estimates[i].per_tflop[p]))
        {
          g_string_append_c (s, ' ');
          g_string_append (s, _("≈ marks a cost based on an assumed peak (see the sources)."));
          return g_string_free (s, FALSE);
        }
  return g_string_free (s, FALSE);
}

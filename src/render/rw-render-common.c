/* rw-render-common.c: text, legend, axes and pixel snapping for the charts
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include <math.h>

#include "rw-render-private.h"

/* The size every proportion is designed at. */
#define DESIGN_WIDTH  1280.0
#define DESIGN_HEIGHT 800.0

void
_rw_set_color (cairo_t       *cr,
               const RwColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

RwColor
_rw_color_mix (const RwColor *a,
               const RwColor *b,
               double         t)
{
  RwColor c = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };

  return c;
}

void
_rw_canvas_begin (RwCanvas           *c,
                  cairo_t            *cr,
                  double              width,
                  double              height,
                  const RwChartStyle *style)
{
  double dx = 1, dy = 0;
  double scale;

  if (style == NULL)
    {
      rw_chart_style_init_light (&c->fallback);
      style = &c->fallback;
    }

  c->cr = cr;
  c->style = style;
  c->width = width;
  c->height = height;

  /* Text and strokes grow with the area (geometric mean of both sides), so
   * a 4K export looks like the 1280×800 one, only sharper; below ~1090×680
   * they stop shrinking, at about the UI font size, to stay readable. */
  scale = style->scale > 0 ? style->scale : 1.0;
  c->u = CLAMP (sqrt ((width * height) / (DESIGN_WIDTH * DESIGN_HEIGHT)), 0.85, 4.0) * scale;
  c->font = style->font_size > 0 ? style->font_size * c->u : 13.0 * c->u;
  c->font = MIN (c->font, MAX (height / 15.0, 6.0));
  c->pad = MAX (c->font * 1.1, 6.0);
  /* WCAG asks for text people can read: none under 11 px at 1×, whatever
   * the relative size a label asks for. */
  c->min_text = RW_MIN_TEXT_PX * scale;
  c->smallest_text = G_MAXDOUBLE;
  c->geometry = NULL;
  c->compact = width < 560 || height < 360;

  cairo_user_to_device_distance (cr, &dx, &dy);
  c->device_scale = hypot (dx, dy) > 0 ? hypot (dx, dy) : 1.0;
  c->line = _rw_snap_width (c, MAX (1.0, c->u));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  _rw_set_color (cr, &style->background);
  cairo_paint (cr);

  c->layout = pango_cairo_create_layout (cr);
  c->font_desc = pango_font_description_from_string (style->font_family != NULL ?
                                                      style->font_family : "sans-serif");
  pango_layout_set_auto_dir (c->layout, TRUE);
}

void
_rw_canvas_end (RwCanvas *c)
{
  if (c->geometry != NULL)
    c->geometry->smallest_text = c->smallest_text;
  g_clear_object (&c->layout);
  g_clear_pointer (&c->font_desc, pango_font_description_free);
  cairo_restore (c->cr);
}

static void
prepare_layout (RwCanvas   *c,
                const char *text,
                double      size,
                gboolean    bold,
                double      max_width,
                gboolean    wrap)
{
  size = MAX (c->font * size, c->min_text);
  c->smallest_text = MIN (c->smallest_text, size);
  pango_font_description_set_absolute_size (c->font_desc, size * PANGO_SCALE);
  pango_font_description_set_weight (c->font_desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (c->layout, c->font_desc);
  if (max_width > 0)
    {
      pango_layout_set_width (c->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (c->layout, wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (c->layout, PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      pango_layout_set_width (c->layout, -1);
      pango_layout_set_ellipsize (c->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_text (c->layout, text, -1);
}

static void
layout_size (RwCanvas *c,
             double   *width,
             double   *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (c->layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
_rw_text_extents (RwCanvas   *c,
                  const char *text,
                  double      size,
                  gboolean    bold,
                  double     *width,
                  double     *height)
{
  prepare_layout (c, text, size, bold, -1, FALSE);
  layout_size (c, width, height);
}

void
_rw_text (RwCanvas      *c,
          const char    *text,
          double         x,
          double         y,
          double         xalign,
          double         yalign,
          double         size,
          gboolean       bold,
          const RwColor *color,
          double         max_width)
{
  PangoRectangle logical;
  double w, h;

  prepare_layout (c, text, size, bold, max_width, FALSE);
  pango_layout_get_extents (c->layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  _rw_set_color (c->cr, color);
  cairo_move_to (c->cr, x - xalign * w - (double) logical.x / PANGO_SCALE, y - yalign * h);
  pango_cairo_show_layout (c->cr, c->layout);
}

void
_rw_text_rotated (RwCanvas      *c,
                  const char    *text,
                  double         x,
                  double         y,
                  double         size,
                  const RwColor *color)
{
  double h;

  /* Reads bottom to top, starting at (x, y), centred on x. */
  prepare_layout (c, text, size, FALSE, -1, FALSE);
  layout_size (c, NULL, &h);
  cairo_save (c->cr);
  cairo_translate (c->cr, x, y);
  cairo_rotate (c->cr, -G_PI / 2);
  pango_cairo_update_layout (c->cr, c->layout);
  _rw_set_color (c->cr, color);
  cairo_move_to (c->cr, 0, -h / 2);
  pango_cairo_show_layout (c->cr, c->layout);
  cairo_restore (c->cr);
  pango_cairo_update_layout (c->cr, c->layout);
}

double
_rw_paragraph (RwCanvas      *c,
               const char    *text,
               double         x,
               double         y,
               double         width,
               double         size,
               gboolean       bold,
               const RwColor *color,
               gboolean       draw)
{
  double h;

  prepare_layout (c, text, size, bold, width, TRUE);
  layout_size (c, NULL, &h);
  if (draw)
    {
      _rw_set_color (c->cr, color);
      cairo_move_to (c->cr, x, y);
      pango_cairo_show_layout (c->cr, c->layout);
    }
  return h;
}

double
_rw_header (RwCanvas   *c,
            const char *title,
            const char *subtitle)
{
  double y = c->pad * 0.8;
  double w = c->width - 2 * c->pad;
  double h;

  _rw_text_extents (c, title, 1.3, TRUE, NULL, &h);
  _rw_text (c, title, c->pad, y, 0, 0, 1.3, TRUE, &c->style->foreground, w);
  y += h;
  if (subtitle != NULL && *subtitle)
    {
      _rw_text_extents (c, subtitle, 0.9, FALSE, NULL, &h);
      _rw_text (c, subtitle, c->pad, y, 0, 0, 0.9, FALSE, &c->style->dim_foreground, w);
      y += h;
    }
  return y + c->font * 0.5;
}

static void
draw_swatch (RwCanvas           *c,
             const RwLegendItem *item,
             double              x,
             double              y,
             double              size)
{
  cairo_t *cr = c->cr;

  switch (item->kind)
    {
    case RW_SWATCH_BOX:
      if (item->outline.alpha > 0)
        _rw_fill_rect_outlined (c, x, y, size, size, &item->color, &item->outline);
      else
        _rw_fill_rect (c, x, y, size, size, &item->color);
      break;
    case RW_SWATCH_HATCH:
      {
        RwColor base = _rw_color_mix (&c->style->background, &c->style->hatch, 0.15);
        _rw_fill_rect (c, x, y, size, size, &base);
        _rw_hatch_rect (c, x, y, size, size, &item->color);
      }
      break;
    case RW_SWATCH_LINE:
    case RW_SWATCH_DASH:
      _rw_set_color (cr, &item->color);
      cairo_set_line_width (cr, MAX (c->line * 2, size * 0.18));
      if (item->kind == RW_SWATCH_DASH)
        {
          double dash[] = { size * 0.3, size * 0.2 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_move_to (cr, x, y + size / 2);
      cairo_line_to (cr, x + size * 1.4, y + size / 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case RW_SWATCH_POINT:
      _rw_set_color (cr, &item->color);
      cairo_arc (cr, x + size * 0.7, y + size / 2, size * 0.32, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

double
_rw_legend (RwCanvas           *c,
            const RwLegendItem *items,
            guint               n_items,
            double              x,
            double              y,
            double              max_width,
            gboolean            draw)
{
  /* Small charts keep more room for the data. */
  double text_size = c->compact ? 0.75 : 0.85;
  double size = c->font * text_size;
  double gap = c->font * 0.4;
  double spacing = c->font * 1.2;
  double line_h, cx = x, cy = y;

  if (n_items == 0)
    return 0;

  _rw_text_extents (c, "Ag", text_size, FALSE, NULL, &line_h);
  line_h = MAX (line_h, size) * 1.15;

  for (guint i = 0; i < n_items; i++)
    {
      double sw = (items[i].kind == RW_SWATCH_LINE || items[i].kind == RW_SWATCH_DASH ||
                   items[i].kind == RW_SWATCH_POINT) ? size * 1.4 : size;
      double tw, item_w;

      _rw_text_extents (c, items[i].label, text_size, FALSE, &tw, NULL);
      tw = MIN (tw, max_width - sw - gap);
      item_w = sw + gap + tw;
      if (cx > x && cx + item_w > x + max_width)
        {
          cx = x;
          cy += line_h;
        }
      if (draw)
        {
          draw_swatch (c, &items[i], cx, cy + (line_h - size) / 2, size);
          _rw_text (c, items[i].label, cx + sw + gap, cy + line_h / 2, 0, 0.5, text_size, FALSE,
                    &c->style->foreground, MAX (tw, 1) + 1);
        }
      cx += item_w + spacing;
    }

  return cy + line_h - y;
}

double
_rw_snap_width (RwCanvas *c,
                double    line_width)
{
  double device = MAX (1.0, round (line_width * c->device_scale));

  return device / c->device_scale;
}

double
_rw_snap (RwCanvas *c,
          double    v,
          double    line_width)
{
  double device_width = MAX (1.0, round (line_width * c->device_scale));
  double dv = v * c->device_scale;

  /* Odd widths centre on a pixel's middle, even ones on its edge. */
  if (fmod (device_width, 2.0) == 1.0)
    dv = floor (dv) + 0.5;
  else
    dv = round (dv);
  return dv / c->device_scale;
}

void
_rw_fill_rect (RwCanvas      *c,
               double         x,
               double         y,
               double         w,
               double         h,
               const RwColor *color)
{
  double x0 = round (x * c->device_scale) / c->device_scale;
  double y0 = round (y * c->device_scale) / c->device_scale;
  double x1 = round ((x + w) * c->device_scale) / c->device_scale;
  double y1 = round ((y + h) * c->device_scale) / c->device_scale;

  if (x1 <= x0 || y1 <= y0)
    return;
  _rw_set_color (c->cr, color);
  cairo_rectangle (c->cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (c->cr);
}

void
_rw_outline_rect (RwCanvas      *c,
                  double         x,
                  double         y,
                  double         w,
                  double         h,
                  const RwColor *outline)
{
  double lw = _rw_snap_width (c, c->line);
  double x0 = round (x * c->device_scale) / c->device_scale;
  double y0 = round (y * c->device_scale) / c->device_scale;
  double x1 = round ((x + w) * c->device_scale) / c->device_scale;
  double y1 = round ((y + h) * c->device_scale) / c->device_scale;

  if (x1 <= x0 || y1 <= y0)
    return;
  /* Too narrow for a fill inside the outline: all outline. */
  if (x1 - x0 <= 3 * lw || y1 - y0 <= 3 * lw)
    {
      _rw_fill_rect (c, x, y, w, h, outline);
      return;
    }
  _rw_set_color (c->cr, outline);
  cairo_set_line_width (c->cr, lw);
  cairo_rectangle (c->cr, x0 + lw / 2, y0 + lw / 2, x1 - x0 - lw, y1 - y0 - lw);
  cairo_stroke (c->cr);
}

void
_rw_fill_rect_outlined (RwCanvas      *c,
                        double         x,
                        double         y,
                        double         w,
                        double         h,
                        const RwColor *fill,
                        const RwColor *outline)
{
  _rw_fill_rect (c, x, y, w, h, fill);
  _rw_outline_rect (c, x, y, w, h, outline);
}

void
_rw_hatch_rect (RwCanvas      *c,
                double         x,
                double         y,
                double         w,
                double         h,
                const RwColor *color)
{
  cairo_t *cr = c->cr;
  /* At least ~2.4 device pixels wide, so some pixels carry the pure colour. */
  double lw = MAX (1.6 * c->u, 2.4 / c->device_scale);
  double spacing = lw * 3.2;

  if (w <= 0 || h <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  _rw_set_color (cr, color);
  cairo_set_line_width (cr, lw);
  for (double s = x - h; s < x + w + h; s += spacing)
    {
      cairo_move_to (cr, s, y + h);
      cairo_line_to (cr, s + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

double
_rw_nice_step (double range,
               int    target)
{
  double raw, mag, n;

  if (!(range > 0) || !isfinite (range))
    return 1.0;
  raw = range / MAX (target, 1);
  mag = pow (10, floor (log10 (raw)));
  n = raw / mag;
  if (n <= 1.0)
    return mag;
  if (n <= 2.0)
    return 2 * mag;
  if (n <= 5.0)
    return 5 * mag;
  return 10 * mag;
}

int
_rw_step_decimals (double step)
{
  if (step >= 1 || !(step > 0))
    return 0;
  return (int) ceil (-log10 (step) - 1e-9);
}

char *
_rw_tick_gb (const RwChartData *data,
             double             value,
             double             step)
{
  /* @value is in @data's units already (the axis runs in GB or GiB). */
  return rw_format_memory (value * rw_memory_units_get_bytes (data->units),
                           _rw_step_decimals (step), data->units);
}

char *
_rw_tick_money (const RwChartData *data,
                double             value,
                double             step)
{
  return _rw_format_money (data, value, _rw_step_decimals (step));
}

char *
_rw_tick_number (const RwChartData *data,
                 double             value,
                 double             step)
{
  return rw_format_number (value, _rw_step_decimals (step));
}

double
_rw_value_axis (RwCanvas          *c,
                const RwChartData *data,
                const RwRect      *plot,
                double             min,
                double             max,
                double             step,
                RwTickFormat       format,
                gboolean           draw)
{
  double widest = 0;
  double gap = c->font * 0.5;

  for (int i = 0; ; i++)
    {
      double v = min + i * step;
      g_autofree char *label = NULL;
      double tw;

      if (v > max + step * 1e-6)
        break;
      label = format (data, v, step);
      _rw_text_extents (c, label, 0.8, FALSE, &tw, NULL);
      widest = MAX (widest, tw);
      if (draw)
        {
          double y = plot->y + plot->height - (v - min) / (max - min) * plot->height;
          double sy = _rw_snap (c, y, c->line);

          _rw_set_color (c->cr, i == 0 ? &c->style->axis : &c->style->grid);
          cairo_set_line_width (c->cr, c->line);
          cairo_move_to (c->cr, plot->x, sy);
          cairo_line_to (c->cr, plot->x + plot->width, sy);
          cairo_stroke (c->cr);
          _rw_text (c, label, plot->x - gap, y, 1, 0.5, 0.8, FALSE, &c->style->dim_foreground, -1);
        }
    }
  return widest + gap;
}

void
_rw_render_no_data (RwCanvas   *c,
                    double      top,
                    const char *message)
{
  double y = top + (c->height - top) / 2;

  _rw_text (c, message, c->width / 2, y, 0.5, 0.5, 1.0, FALSE, &c->style->dim_foreground,
            c->width - 2 * c->pad);
}

void
_rw_render_chart_full (const RwChartData  *data,
                       RwChartKind         kind,
                       cairo_t            *cr,
                       double              width,
                       double              height,
                       const RwChartStyle *style,
                       RwChartGeometry    *geometry)
{
  switch (kind)
    {
    case RW_CHART_MEMORY:
      _rw_render_memory_chart_full (data, cr, width, height, style, geometry);
      break;
    case RW_CHART_COST:
      _rw_render_cost_chart_full (data, cr, width, height, style, geometry);
      break;
    case RW_CHART_THROUGHPUT:
      _rw_render_throughput_chart_full (data, cr, width, height, style, geometry);
      break;
    case RW_CHART_TCO:
      _rw_render_tco_chart_full (data, cr, width, height, style, geometry);
      break;
    case RW_CHART_BREAKEVEN:
      _rw_render_breakeven_chart_full (data, cr, width, height, style, geometry);
      break;
    case RW_CHART_VALIDATION:
      _rw_render_validation_chart_full (data, cr, width, height, style, geometry);
      break;
    default:
      g_return_if_reached ();
    }
}

void
rw_render_chart (const RwChartData  *data,
                 RwChartKind         kind,
                 cairo_t            *cr,
                 double              width,
                 double              height,
                 const RwChartStyle *style)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);
  _rw_render_chart_full (data, kind, cr, width, height, style, NULL);
}

char *
rw_render_describe_chart (const RwChartData *data,
                          RwChartKind        kind)
{
  switch (kind)
    {
    case RW_CHART_MEMORY:     return rw_render_describe_memory_chart (data);
    case RW_CHART_COST:       return rw_render_describe_cost_chart (data);
    case RW_CHART_THROUGHPUT: return rw_render_describe_throughput_chart (data);
    case RW_CHART_TCO:        return rw_render_describe_tco_chart (data);
    case RW_CHART_BREAKEVEN:  return rw_render_describe_breakeven_chart (data);
    case RW_CHART_VALIDATION: return rw_render_describe_validation_chart (data);
    default:                  g_return_val_if_reached (NULL);
    }
}

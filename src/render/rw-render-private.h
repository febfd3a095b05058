/* rw-render-private.h: layout helpers shared by the chart renderers
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "rw-chart-data-private.h"
#include "rw-render.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} RwRect;

#define RW_GEOMETRY_MAX 64

/* Where a chart put things, so tests can look at the right pixels.
 * memory: bars[i] = system i's whole bar (0…total), markers[i] = x of its
 *   fast-memory marker, markers2[i] = x of VRAM + host RAM (NAN if unified),
 *   spill_x[i] = x where the hatched spilled part starts (NAN if none).
 * cost: bars[p * n_systems + i] = the slot of system i at precision p; its
 *   height is 0 where the peak is unpublished (no bar).
 * throughput/tco: plot + axis ranges map values to pixels.
 * validation: plot, the log range (x_min … x_max on both axes) and bars[i]
 *   = the box of the i-th mark (first RW_GEOMETRY_MAX). */
typedef struct
{
  RwRect   plot;
  RwRect   legend;
  guint    n_bars;
  RwRect   bars[RW_GEOMETRY_MAX];
  double   markers[RW_GEOMETRY_MAX];
  double   markers2[RW_GEOMETRY_MAX];
  double   spill_x[RW_GEOMETRY_MAX];
  double   x_min, x_max, y_min, y_max;
  gboolean x_log;
  double   smallest_text;   /* px, the smallest text drawn */
} RwChartGeometry;

/* No chart text under this size at 1× (WCAG: text people can read). */
#define RW_MIN_TEXT_PX 11.0

typedef struct
{
  cairo_t               *cr;
  const RwChartStyle    *style;
  double                 width;
  double                 height;
  double                 u;             /* size unit: 1 at 1280×800 */
  double                 font;          /* base font size, px */
  double                 min_text;      /* no text smaller, px (11 at 1×) */
  double                 smallest_text; /* the smallest drawn so far, px */
  RwChartGeometry       *geometry;      /* a renderer sets it after _begin;
                                           _end fills in smallest_text */
  double                 pad;           /* outer margin */
  double                 line;          /* hairline, one device pixel or more */
  double                 device_scale;  /* device px per user unit */
  gboolean               compact;       /* small: fewer labels */
  PangoLayout           *layout;
  PangoFontDescription  *font_desc;
  RwChartStyle           fallback;
} RwCanvas;

typedef enum
{
  RW_SWATCH_BOX,
  RW_SWATCH_HATCH,
  RW_SWATCH_LINE,
  RW_SWATCH_DASH,
  RW_SWATCH_POINT,
} RwSwatch;

typedef struct
{
  const char *label;
  RwColor     color;
  RwSwatch    kind;
  RwColor     outline;   /* a box's outline; alpha 0 (the default): none */
} RwLegendItem;

typedef char *(*RwTickFormat) (const RwChartData *data,
                               double             value,
                               double             step);

void    _rw_canvas_begin     (RwCanvas           *c,
                              cairo_t            *cr,
                              double              width,
                              double              height,
                              const RwChartStyle *style);
void    _rw_canvas_end       (RwCanvas           *c);
void    _rw_set_color        (cairo_t            *cr,
                              const RwColor      *color);
RwColor _rw_color_mix        (const RwColor      *a,
                              const RwColor      *b,
                              double              t);

/* Text: @size is relative to the base font; @max_width > 0 ellipsizes. */
void    _rw_text_extents     (RwCanvas           *c,
                              const char         *text,
                              double              size,
                              gboolean            bold,
                              double             *width,
                              double             *height);
void    _rw_text             (RwCanvas           *c,
                              const char         *text,
                              double              x,
                              double              y,
                              double              xalign,
                              double              yalign,
                              double              size,
                              gboolean            bold,
                              const RwColor      *color,
                              double              max_width);
void    _rw_text_rotated     (RwCanvas           *c,
                              const char         *text,
                              double              x,
                              double              y,
                              double              size,
                              const RwColor      *color);
/* Wrapped paragraph at @x, @y, @width wide; returns its height. */
double  _rw_paragraph        (RwCanvas           *c,
                              const char         *text,
                              double              x,
                              double              y,
                              double              width,
                              double              size,
                              gboolean            bold,
                              const RwColor      *color,
                              gboolean            draw);

/* Title and subtitle at the top; returns the y below them. */
double  _rw_header           (RwCanvas           *c,
                              const char         *title,
                              const char         *subtitle);
/* Legend as a wrapping row of items in (x, y, max_width); returns its
 * height; draws only if @draw. */
double  _rw_legend           (RwCanvas           *c,
                              const RwLegendItem *items,
                              guint               n_items,
                              double              x,
                              double              y,
                              double              max_width,
                              gboolean            draw);

/* Pixel grid: a coordinate where a line of @line_width (user units) is crisp. */
double  _rw_snap             (RwCanvas           *c,
                              double              v,
                              double              line_width);
double  _rw_snap_width       (RwCanvas           *c,
                              double              line_width);
void    _rw_fill_rect        (RwCanvas           *c,
                              double              x,
                              double              y,
                              double              w,
                              double              h,
                              const RwColor      *color);
/* An outline drawn inside a box's edge, so neighbouring boxes keep each
 * their own; a box too small for a fill inside it is all outline. */
void    _rw_outline_rect     (RwCanvas           *c,
                              double              x,
                              double              y,
                              double              w,
                              double              h,
                              const RwColor      *outline);
/* _rw_fill_rect () then _rw_outline_rect (). */
void    _rw_fill_rect_outlined (RwCanvas         *c,
                                double            x,
                                double            y,
                                double            w,
                                double            h,
                                const RwColor    *fill,
                                const RwColor    *outline);
void    _rw_hatch_rect       (RwCanvas           *c,
                              double              x,
                              double              y,
                              double              w,
                              double              h,
                              const RwColor      *color);

/* A 1-2-5 step giving about @target intervals over @range. */
double  _rw_nice_step        (double              range,
                              int                 target);
/* Decimals needed to print multiples of @step. */
int     _rw_step_decimals    (double              step);

/* Value axis on the left with grid lines across the plot; linear from
 * @min to @max; labels from @format. Returns the label column width it
 * would need when !@draw. */
double  _rw_value_axis       (RwCanvas           *c,
                              const RwChartData  *data,
                              const RwRect       *plot,
                              double              min,
                              double              max,
                              double              step,
                              RwTickFormat        format,
                              gboolean            draw);

char   *_rw_tick_gb          (const RwChartData  *data,
                              double              value,
                              double              step);
char   *_rw_tick_money       (const RwChartData  *data,
                              double              value,
                              double              step);
char   *_rw_tick_number      (const RwChartData  *data,
                              double              value,
                              double              step);

void    _rw_render_no_data   (RwCanvas           *c,
                              double              top,
                              const char         *message);

void    _rw_render_memory_chart_full      (const RwChartData  *data,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const RwChartStyle *style,
                                           RwChartGeometry    *geometry);
void    _rw_render_cost_chart_full        (const RwChartData  *data,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const RwChartStyle *style,
                                           RwChartGeometry    *geometry);
void    _rw_render_throughput_chart_full  (const RwChartData  *data,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const RwChartStyle *style,
                                           RwChartGeometry    *geometry);
void    _rw_render_tco_chart_full         (const RwChartData  *data,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const RwChartStyle *style,
                                           RwChartGeometry    *geometry);
void    _rw_render_breakeven_chart_full   (const RwChartData  *data,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const RwChartStyle *style,
                                           RwChartGeometry    *geometry);
void    _rw_render_validation_chart_full  (const RwChartData  *data,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const RwChartStyle *style,
                                           RwChartGeometry    *geometry);
void    _rw_render_chart_full             (const RwChartData  *data,
                                           RwChartKind         kind,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const RwChartStyle *style,
                                           RwChartGeometry    *geometry);

G_END_DECLS

/* rw-chart-style.h: colours, font and scale the chart renderers draw with
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An RGBA colour, components 0…1 (GdkRGBA-compatible layout, but no GTK). */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} RwColor;

#define RW_CHART_N_SERIES   12  /* one colour per compared system, cycled */
#define RW_CHART_N_SEGMENTS 6   /* memory parts: weights … overhead, see RwMemoryPart */

/* A plain value type: copy it with `=`, nothing to free. font_family points to
 * a static or interned string (g_intern_string()). */
typedef struct
{
  RwColor      background;
  RwColor      foreground;       /* titles, labels */
  RwColor      dim_foreground;   /* subtitles, axis labels */
  RwColor      grid;
  RwColor      axis;
  RwColor      marker;           /* capacity markers */
  RwColor      hatch;            /* stripes over memory spilled to host RAM */
  RwColor      error;            /* "does not fit" */
  RwColor      series[RW_CHART_N_SERIES];    /* GNOME palette: blue, orange, green, … */
  RwColor      segments[RW_CHART_N_SEGMENTS];/* weights, KV cache, activations,
                                               gradients, optimizer, overhead */
  RwColor      segment_outlines[RW_CHART_N_SEGMENTS]; /* drawn around each
                                               segment: the marks' 3:1 against
                                               the background where the fill,
                                               chosen for the text on it, has
                                               less */
  const char  *font_family;      /* "Cantarell, DejaVu Sans, sans-serif" style list */
  double       font_size;        /* base size in px at 1280×800 and scale 1 */
  double       scale;            /* extra factor on text and lines (1 = automatic) */
  gboolean     dark;
} RwChartStyle;

/* Dark charts sit on libadwaita's dark card (8 % white over #242424,
 * #363636), so that is their background, on screen and in exports. */
void  rw_chart_style_init_light  (RwChartStyle *style);
void  rw_chart_style_init_dark   (RwChartStyle *style);

/* WCAG 2.1 relative luminance of an opaque colour (its alpha is ignored),
 * 0 for black to 1 for white. */
double  rw_color_luminance  (const RwColor *color);
/* WCAG 2.1 contrast ratio of two opaque colours, 1 to 21. */
double  rw_color_contrast   (const RwColor *a,
                             const RwColor *b);
/* @top painted over the opaque @bottom: what a translucent colour shows. */
RwColor rw_color_over       (const RwColor *top,
                             const RwColor *bottom);

G_END_DECLS

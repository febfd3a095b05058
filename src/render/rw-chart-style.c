/* rw-chart-style.c: the GNOME palette for light and dark charts
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-chart-style.h"

#include <math.h>
#include <string.h>

static RwColor
hex (guint32 rgb)
{
  RwColor c = {
    ((rgb >> 16) & 0xff) / 255.0,
    ((rgb >> 8) & 0xff) / 255.0,
    (rgb & 0xff) / 255.0,
    1.0,
  };

  return c;
}

static RwColor
hexa (guint32 rgb,
      double  alpha)
{
  RwColor c = hex (rgb);

  c.alpha = alpha;
  return c;
}

static void
init_common (RwChartStyle *style)
{
  memset (style, 0, sizeof *style);
  /* Cantarell is GNOME's UI font; DejaVu covers most scripts where it is missing. */
  style->font_family = "Cantarell, DejaVu Sans, Noto Sans, sans-serif";
  style->font_size = 13.0;
  style->scale = 1.0;
}

void
rw_chart_style_init_light (RwChartStyle *style)
{
  /* Series: the 3rd–5th shades of the GNOME palette, then libadwaita's
   * teal, pink and slate accents and a deep purple; every one at least 3:1
   * on white (the yellow is libadwaita's warning colour: #e5a50a was 2.2:1). */
  static const guint32 series[RW_CHART_N_SERIES] = {
    0x1c71d8, 0xe66100, 0x26a269, 0x9141ac, 0xc01c28, 0x865e3c, 0x9c6e03, 0x5e5c64,
    0x2190a4, 0xd56199, 0x6f8396, 0x613583,
  };
  /* Segments: light fills, so the figures on them read at 6:1 or more, each
   * outlined in a dark shade of its hue (4.5–6.8:1 on white; the fills alone
   * are 1.3–2.7:1). */
  static const guint32 segments[RW_CHART_N_SEGMENTS] = {
    0x62a0ea, 0x57e389, 0xf8e45c, 0xdc8add, 0xffa348, 0xc0bfbc,
  };
  static const guint32 outlines[RW_CHART_N_SEGMENTS] = {
    0x1a5fb4, 0x1b8553, 0x9c6e03, 0x813d9c, 0xc64600, 0x5e5c64,
  };

  g_return_if_fail (style != NULL);

  init_common (style);
  style->background = hex (0xffffff);
  style->foreground = hexa (0x000000, 0.8);
  style->dim_foreground = hexa (0x000000, 0.55);
  style->grid = hexa (0x000000, 0.1);
  style->axis = hexa (0x000000, 0.45);
  style->marker = hex (0x241f31);
  style->hatch = hex (0x3d3846);
  style->error = hex (0xc01c28);
  for (guint i = 0; i < RW_CHART_N_SERIES; i++)
    style->series[i] = hex (series[i]);
  for (guint i = 0; i < RW_CHART_N_SEGMENTS; i++)
    {
      style->segments[i] = hex (segments[i]);
      style->segment_outlines[i] = hex (outlines[i]);
    }
  style->dark = FALSE;
}

void
rw_chart_style_init_dark (RwChartStyle *style)
{
  static const guint32 series[RW_CHART_N_SERIES] = {
    0x62a0ea, 0xffa348, 0x57e389, 0xdc8add, 0xf66151, 0xcdab8f, 0xf8e45c, 0xc0bfbc,
    0x4fb8cc, 0xf08cba, 0x99a9b8, 0xc061cb,
  };
  /* Segments: fills dark enough for white figures (4.6:1 or more), each
   * outlined in a light shade of its hue (5.0–10:1 on the card). */
  static const guint32 segments[RW_CHART_N_SEGMENTS] = {
    0x1c71d8, 0x1b8553, 0x8f6a00, 0x9141ac, 0xc64600, 0x5e5c64,
  };
  static const guint32 outlines[RW_CHART_N_SEGMENTS] = {
    0x99c1f1, 0x8ff0a4, 0xf9f06b, 0xdc8add, 0xffbe6f, 0xdeddda,
  };

  g_return_if_fail (style != NULL);

  init_common (style);
  /* libadwaita's dark card: 8 % white over the #242424 window. */
  style->background = hex (0x363636);
  style->foreground = hex (0xffffff);
  style->dim_foreground = hexa (0xffffff, 0.6);
  style->grid = hexa (0xffffff, 0.12);
  style->axis = hexa (0xffffff, 0.5);
  style->marker = hex (0xf6f5f4);
  style->hatch = hex (0xdeddda);
  style->error = hex (0xff7b63);
  for (guint i = 0; i < RW_CHART_N_SERIES; i++)
    style->series[i] = hex (series[i]);
  for (guint i = 0; i < RW_CHART_N_SEGMENTS; i++)
    {
      style->segments[i] = hex (segments[i]);
      style->segment_outlines[i] = hex (outlines[i]);
    }
  style->dark = TRUE;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
rw_color_luminance (const RwColor *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

double
rw_color_contrast (const RwColor *a,
                   const RwColor *b)
{
  double la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1.0);

  la = rw_color_luminance (a);
  lb = rw_color_luminance (b);
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

RwColor
rw_color_over (const RwColor *top,
               const RwColor *bottom)
{
  RwColor c = { 0, 0, 0, 1.0 };

  g_return_val_if_fail (top != NULL && bottom != NULL, c);

  c.red = top->red * top->alpha + bottom->red * (1 - top->alpha);
  c.green = top->green * top->alpha + bottom->green * (1 - top->alpha);
  c.blue = top->blue * top->alpha + bottom->blue * (1 - top->alpha);
  return c;
}

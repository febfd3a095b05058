/* rw-chart-style.c: the GNOME palette for light and dark charts
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-chart-style.h"

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
  /* Series: the 3rd–5th shades of the GNOME palette, dark enough on white,
   * then libadwaita's teal, pink and slate accents and a deep purple. */
  static const guint32 series[RW_CHART_N_SERIES] = {
    0x1c71d8, 0xe66100, 0x26a269, 0x9141ac, 0xc01c28, 0x865e3c, 0xe5a50a, 0x5e5c64,
    0x2190a4, 0xd56199, 0x6f8396, 0x613583,
  };
  /* Segments: lighter shades, so the text and hatch on them stay legible. */
  static const guint32 segments[RW_CHART_N_SEGMENTS] = {
    0x62a0ea, 0x57e389, 0xf8e45c, 0xdc8add, 0xffa348, 0xc0bfbc,
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
    style->segments[i] = hex (segments[i]);
  style->dark = FALSE;
}

void
rw_chart_style_init_dark (RwChartStyle *style)
{
  static const guint32 series[RW_CHART_N_SERIES] = {
    0x62a0ea, 0xffa348, 0x57e389, 0xdc8add, 0xf66151, 0xcdab8f, 0xf8e45c, 0xc0bfbc,
    0x4fb8cc, 0xf08cba, 0x99a9b8, 0xc061cb,
  };
  static const guint32 segments[RW_CHART_N_SEGMENTS] = {
    0x1c71d8, 0x26a269, 0xc89a00, 0x9141ac, 0xc64600, 0x5e5c64,
  };

  g_return_if_fail (style != NULL);

  init_common (style);
  style->background = hex (0x1e1e1e);
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
    style->segments[i] = hex (segments[i]);
  style->dark = TRUE;
}

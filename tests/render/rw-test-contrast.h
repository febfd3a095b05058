/* rw-test-contrast.h: the chart palette against WCAG 2.1 AA, for the render
 * and accessibility tests
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WCAG 2.1 AA: text 4.5:1 against what it is drawn on (1.4.3), graphical
 * objects a chart needs to be understood 3:1 against adjacent colours
 * (1.4.11). Grid lines and the capacity track are decoration and exempt.
 */
#pragma once

#include "rigwise-render.h"

#define RW_TEST_TEXT_CONTRAST 4.5
#define RW_TEST_MARK_CONTRAST 3.0

static inline void
test_contrast_pair (GString       *problems,
                    const char    *style_name,
                    const char    *what,
                    const RwColor *fg,
                    const RwColor *bg,
                    double         minimum)
{
  RwColor front = rw_color_over (fg, bg);
  double ratio = rw_color_contrast (&front, bg);

  if (ratio < minimum)
    g_string_append_printf (problems, "%s: %s %.2f:1, needs %.1f:1\n", style_name, what, ratio, minimum);
}

/* Appends every pair of @style below its limit to @problems. */
static inline void
test_check_palette_contrast (const RwChartStyle *style,
                             const char         *style_name,
                             GString            *problems)
{
  const RwColor *bg = &style->background;

  test_contrast_pair (problems, style_name, "title text", &style->foreground, bg, RW_TEST_TEXT_CONTRAST);
  test_contrast_pair (problems, style_name, "axis and legend text", &style->dim_foreground, bg,
                      RW_TEST_TEXT_CONTRAST);
  test_contrast_pair (problems, style_name, "\"does not fit\" text", &style->error, bg, RW_TEST_TEXT_CONTRAST);
  test_contrast_pair (problems, style_name, "axis line", &style->axis, bg, RW_TEST_MARK_CONTRAST);
  test_contrast_pair (problems, style_name, "capacity marker", &style->marker, bg, RW_TEST_MARK_CONTRAST);
  test_contrast_pair (problems, style_name, "spill hatch", &style->hatch, bg, RW_TEST_MARK_CONTRAST);

  for (guint i = 0; i < RW_CHART_N_SERIES; i++)
    {
      g_autofree char *what = g_strdup_printf ("series %u", i);

      test_contrast_pair (problems, style_name, what, &style->series[i], bg, RW_TEST_MARK_CONTRAST);
    }

  for (guint i = 0; i < RW_CHART_N_SEGMENTS; i++)
    {
      const RwColor *fill = &style->segments[i];
      RwColor fill_on_bg = rw_color_over (fill, bg);
      g_autofree char *text = g_strdup_printf ("figure on segment %u", i);
      g_autofree char *mark = g_strdup_printf ("segment %u (fill or outline)", i);
      g_autofree char *hatch = g_strdup_printf ("spill hatch on segment %u", i);

      /* The figures written on a segment. */
      test_contrast_pair (problems, style_name, text, &style->foreground, &fill_on_bg, RW_TEST_TEXT_CONTRAST);
      /* The segment against the background: its fill, or else its outline. */
      if (rw_color_contrast (&fill_on_bg, bg) < RW_TEST_MARK_CONTRAST)
        test_contrast_pair (problems, style_name, mark, &style->segment_outlines[i], bg,
                            RW_TEST_MARK_CONTRAST);
      /* Spilled memory is hatched over the segments. */
      test_contrast_pair (problems, style_name, hatch, &style->hatch, &fill_on_bg, RW_TEST_MARK_CONTRAST);
    }
}

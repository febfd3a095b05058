/* rw-figure.h: a number with the source it comes from
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every hardware number and every price in the catalog is an RwFigure: the
 * value, the URL it was taken from and the date the source states it for.
 * A figure the vendor does not publish has value NAN and a note saying so;
 * a figure the app assumes (e.g. GB10 dense BF16) has assumed = TRUE and a
 * note stating the assumption. */
typedef struct
{
  double    value;
  char     *source;   /* URL, never NULL for a loaded figure */
  char     *date;     /* "YYYY-MM" or "YYYY-MM-DD" */
  char     *note;     /* nullable */
  gboolean  assumed;
} RwFigure;

void      rw_figure_clear        (RwFigure       *figure);
void      rw_figure_copy_into    (RwFigure       *dest,
                                  const RwFigure *src);
void      rw_figure_set          (RwFigure       *figure,
                                  double          value,
                                  const char     *source,
                                  const char     *date,
                                  const char     *note,
                                  gboolean        assumed);
gboolean  rw_figure_is_known     (const RwFigure *figure);

G_END_DECLS

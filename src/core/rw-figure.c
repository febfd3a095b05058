/* rw-figure.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-figure.h"

void
rw_figure_clear (RwFigure *figure)
{
  g_clear_pointer (&figure->source, g_free);
  g_clear_pointer (&figure->date, g_free);
  g_clear_pointer (&figure->note, g_free);
  figure->value = 0;
  figure->assumed = FALSE;
}

void
rw_figure_set (RwFigure   *figure,
               double      value,
               const char *source,
               const char *date,
               const char *note,
               gboolean    assumed)
{
  /* Duplicate first: the arguments may point into @figure itself. */
  char *new_source = g_strdup (source);
  char *new_date = g_strdup (date);
  char *new_note = g_strdup (note);

  rw_figure_clear (figure);
  figure->value = value;
  figure->source = new_source;
  figure->date = new_date;
  figure->note = new_note;
  figure->assumed = assumed;
}

void
rw_figure_copy_into (RwFigure       *dest,
                     const RwFigure *src)
{
  if (dest == src)
    return;
  rw_figure_set (dest, src->value, src->source, src->date, src->note, src->assumed);
}

gboolean
rw_figure_is_known (const RwFigure *figure)
{
  return figure != NULL && isfinite (figure->value);
}

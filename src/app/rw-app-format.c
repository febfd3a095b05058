/* rw-app-format.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rigwise-render.h"
#include "rw-app-format.h"

/* Numbers go through render's rw_format_number(): the locale's grouping and
 * decimal mark, the same as in the charts. */

/* One decimal, as the tables read best; the charts choose their own. */
char *
rw_app_format_bytes (double        bytes,
                     RwMemoryUnits units)
{
  return rw_format_memory (bytes, 1, units);
}

char *
rw_app_format_tok_s (double tok_s)
{
  g_autofree char *n = NULL;

  if (!isfinite (tok_s))
    return g_strdup (_("n/a"));
  n = rw_format_number (tok_s, tok_s < 10 ? 2 : tok_s < 100 ? 1 : 0);
  /* Translators: tokens per second */
  return g_strdup_printf (_("%s tok/s"), n);
}

char *
rw_app_format_seconds (double seconds)
{
  g_autofree char *n = NULL;

  if (!isfinite (seconds))
    return g_strdup (_("n/a"));
  if (seconds < 1)
    {
      n = rw_format_number (seconds * 1000, 0);
      /* Translators: milliseconds */
      return g_strdup_printf (_("%s ms"), n);
    }
  if (seconds < 120)
    {
      n = rw_format_number (seconds, 1);
      /* Translators: seconds */
      return g_strdup_printf (_("%s s"), n);
    }
  n = rw_format_number (seconds / 60, 1);
  /* Translators: minutes */
  return g_strdup_printf (_("%s min"), n);
}

char *
rw_app_format_money (double             amount,
                     const char        *currency,
                     RwCurrencyDisplay  display)
{
  return rw_format_money (amount, currency != NULL ? currency : "USD",
                          fabs (amount) < 10 ? 2 : 0, display);
}

char *
rw_app_format_tokens (guint tokens)
{
  if (tokens >= 1024 * 1024 && tokens % (1024 * 1024) == 0)
    /* Translators: a context length in binary millions of tokens, "1M" */
    return g_strdup_printf (_("%uM"), tokens / (1024 * 1024));
  if (tokens >= 1024 && tokens % 1024 == 0)
    /* Translators: a context length in thousands of tokens, "32K" */
    return g_strdup_printf (_("%uK"), tokens / 1024);
  return rw_format_number (tokens, 0);
}

char *
rw_app_format_count (double value)
{
  g_autofree char *n = NULL;

  if (!isfinite (value))
    return g_strdup (_("n/a"));
  if (value >= 1e9)
    {
      n = rw_format_number (value / 1e9, 1);
      /* Translators: billions of parameters */
      return g_strdup_printf (_("%s B"), n);
    }
  if (value >= 1e6)
    {
      n = rw_format_number (value / 1e6, 1);
      /* Translators: millions of parameters */
      return g_strdup_printf (_("%s M"), n);
    }
  return rw_format_number (value, 0);
}

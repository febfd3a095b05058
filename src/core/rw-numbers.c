/* rw-numbers.c: every figure as text
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rw-numbers.h"

/* ------------------------------------------------------------------ */
/* Formatting                                                         */

/* Inserts the locale's thousands separator into the digit string @digits
 * following the localeconv() grouping rules (the last size repeats). */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *sep,
                const char *grouping)
{
  gsize len = strlen (digits);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize pos = len;
  const char *g = grouping;
  int size = 0;

  if (sep == NULL || *sep == '\0' || grouping == NULL || *grouping == '\0')
    {
      g_string_append (out, digits);
      return;
    }

  /* Walk from the right, collecting the positions where a separator goes. */
  for (;;)
    {
      if (*g != '\0')
        {
          if (*g == CHAR_MAX)
            break;
          size = *g++;
        }
      if (size <= 0 || pos <= (gsize) size)
        break;
      pos -= size;
      g_array_prepend_val (cuts, pos);
    }

  pos = 0;
  for (guint i = 0; i < cuts->len; i++)
    {
      gsize cut = g_array_index (cuts, gsize, i);

      g_string_append_len (out, digits + pos, cut - pos);
      g_string_append (out, sep);
      pos = cut;
    }
  g_string_append (out, digits + pos);
}

/* The C and POSIX locales (C.UTF-8 too) define no grouping at all, which
 * would print "$3999" in a container or a CI job: there the figures are
 * written as in en_US ("$3,999"), which is what the strings are in. */
static gboolean
locale_is_plain_c (void)
{
  const char *name = setlocale (LC_NUMERIC, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX")
         || g_str_has_prefix (name, "C.");
}

char *
rw_format_number (double value,
                  int    decimals)
{
  const struct lconv *lc = localeconv ();
  GString *out;
  char digits[32];
  guint64 scale = 1;
  guint64 scaled;
  double magnitude;

  if (!isfinite (value))
    return g_strdup (_("n/a"));

  decimals = CLAMP (decimals, 0, 6);
  for (int i = 0; i < decimals; i++)
    scale *= 10;

  magnitude = fabs (value) * scale;
  if (magnitude >= 9e18)
    return g_strdup_printf ("%.3g", value);

  /* Integer arithmetic so the digits never depend on the locale's printf. */
  scaled = (guint64) llround (magnitude);
  out = g_string_new (NULL);
  if (value < 0 && scaled != 0)
    g_string_append_c (out, '-');

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, scaled / scale);
  if (locale_is_plain_c ())
    append_grouped (out, digits, ",", "\3");
  else
    append_grouped (out, digits, lc->thousands_sep, lc->grouping);

  if (decimals > 0)
    {
      const char *point = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";

      g_snprintf (digits, sizeof digits, "%0*" G_GUINT64_FORMAT, decimals, scaled % scale);
      g_string_append (out, point);
      g_string_append (out, digits);
    }

  return g_string_free (out, FALSE);
}

char *
rw_format_money (double             value,
                 const char        *currency,
                 int                decimals,
                 RwCurrencyDisplay  display)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup (_("n/a"));

  number = rw_format_number (value, decimals);
  if (display == RW_CURRENCY_DISPLAY_SYMBOL)
    {
      /* Translators: an amount in US dollars; put the sign where your
       * language does ("%s $") */
      if (g_str_equal (currency, "USD"))
        return g_strdup_printf (_("$%s"), number);
      /* Translators: an amount in pounds sterling */
      if (g_str_equal (currency, "GBP"))
        return g_strdup_printf (_("£%s"), number);
      /* Translators: an amount in euros */
      if (g_str_equal (currency, "EUR"))
        return g_strdup_printf (_("%s €"), number);
    }
  /* Translators: an amount followed by its ISO 4217 currency code, "3,999 USD" */
  return g_strdup_printf (_("%s %s"), number, currency);
}

double
rw_memory_units_get_bytes (RwMemoryUnits units)
{
  return units == RW_MEMORY_UNITS_GIB ? 1024.0 * 1024.0 * 1024.0 : 1e9;
}

char *
rw_format_memory (double        bytes,
                  int           decimals,
                  RwMemoryUnits units)
{
  g_autofree char *number = NULL;

  if (!isfinite (bytes))
    return g_strdup (_("n/a"));
  number = rw_format_number (bytes / rw_memory_units_get_bytes (units), decimals);
  if (units == RW_MEMORY_UNITS_GIB)
    /* TRANSLATORS: gibibytes (2^30 bytes) */
    return g_strdup_printf (_("%s GiB"), number);
  /* TRANSLATORS: gigabytes (10^9 bytes) */
  return g_strdup_printf (_("%s GB"), number);
}


char *
rw_format_tok_s (double tok_s)
{
  g_autofree char *n = NULL;

  if (!isfinite (tok_s))
    return g_strdup (_("n/a"));
  /* Two significant digits below 10 tok/s, whole numbers above: the
   * estimates are good to about ten percent, never to a hundredth. */
  n = rw_format_number (tok_s, tok_s < 1 ? 2 : tok_s < 10 ? 1 : 0);
  /* Translators: tokens per second */
  return g_strdup_printf (_("%s tok/s"), n);
}

char *
rw_format_tokens (guint tokens)
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
rw_format_duration (double seconds)
{
  g_autofree char *n = NULL;

  if (!isfinite (seconds) || seconds < 0)
    return g_strdup (_("n/a"));
  if (seconds < 1)
    {
      n = rw_format_number (seconds * 1000, 0);
      /* Translators: milliseconds */
      return g_strdup_printf (_("%s ms"), n);
    }
  if (seconds < 120)
    {
      n = rw_format_number (seconds, seconds < 10 ? 2 : 1);
      /* Translators: seconds */
      return g_strdup_printf (_("%s s"), n);
    }
  if (seconds < 2 * 3600)
    {
      n = rw_format_number (seconds / 60, 0);
      /* Translators: minutes */
      return g_strdup_printf (_("%s min"), n);
    }
  if (seconds < 2 * 86400)
    {
      n = rw_format_number (seconds / 3600, 1);
      /* Translators: hours */
      return g_strdup_printf (_("%s h"), n);
    }
  n = rw_format_number (seconds / 86400, 1);
  /* Translators: days */
  return g_strdup_printf (_("%s days"), n);
}

char *
rw_format_ratio (double ratio)
{
  g_autofree char *n = NULL;

  if (!isfinite (ratio))
    return g_strdup (_("n/a"));
  n = rw_format_number (ratio, ratio < 10 ? 1 : 0);
  /* Translators: how many times faster, "1.6×" */
  return g_strdup_printf (_("%s×"), n);
}

/* rw-numbers.h: every figure as text, the same in the app, the charts, the
 * report and the command line
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How memory sizes and amounts are written (Preferences): decimal GB or
 * binary GiB; "$3,999" or "3,999 USD". Rigwise never converts currencies. */
typedef enum
{
  RW_MEMORY_UNITS_GB,
  RW_MEMORY_UNITS_GIB,
} RwMemoryUnits;

typedef enum
{
  RW_CURRENCY_DISPLAY_SYMBOL,
  RW_CURRENCY_DISPLAY_CODE,
} RwCurrencyDisplay;

/* Numbers formatted for the current LC_NUMERIC: thousands separators and
 * the locale's decimal mark ("1 234,5" in fr_FR, "1,234.5" in en_US, and
 * "1,234.5" in the C locale, which has no grouping of its own); "n/a" for
 * NAN. */
char         *rw_format_number            (double             value,
                                           int                decimals);
/* An amount in @currency (ISO 4217): with @display SYMBOL "$3,999",
 * "£3,999", "3,999 €" (placed as the translation says), other currencies
 * by code; with CODE always "3,999 USD". "n/a" for NAN. */
char         *rw_format_money             (double             value,
                                           const char        *currency,
                                           int                decimals,
                                           RwCurrencyDisplay  display);
/* Bytes in @units with @decimals: "78.4 GB" (10^9) or "73.0 GiB" (2^30). */
char         *rw_format_memory            (double             bytes,
                                           int                decimals,
                                           RwMemoryUnits      units);
/* Bytes per GB or GiB. */
double        rw_memory_units_get_bytes   (RwMemoryUnits      units);
/* "4.8 tok/s", "415 tok/s": no more digits than the estimates support. */
char         *rw_format_tok_s             (double             tok_s);
/* A token count: "32K", "1M" for multiples of 1024, else "1,500". */
char         *rw_format_tokens            (guint              tokens);
/* A time span: "850 ms", "2.7 s", "14 min", "3.5 h", "2.1 days". */
char         *rw_format_duration          (double             seconds);
/* How many times as much: "1.6×", "12×". */
char         *rw_format_ratio             (double             ratio);

G_END_DECLS

/* rw-app-format.h: how the app writes the core's numbers for people
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rigwise-render.h"

G_BEGIN_DECLS

/* Every function returns a newly allocated string, and "n/a" (translated)
 * for NAN, so an unknown figure never reads as zero. */
char *rw_app_format_bytes    (double             bytes,
                              RwMemoryUnits      units);
char *rw_app_format_tok_s    (double       tok_s);
char *rw_app_format_seconds  (double       seconds);
char *rw_app_format_money    (double             amount,
                              const char        *currency,
                              RwCurrencyDisplay  display);
char *rw_app_format_tokens   (guint        tokens);
char *rw_app_format_count    (double       value);

G_END_DECLS

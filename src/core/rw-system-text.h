/* rw-system-text.h: a catalog system's names and panel text in the user's
 * language
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-system.h"

G_BEGIN_DECLS

/* The bundled catalog's text is translated like the app's strings: it is
 * extracted into the template by data/catalog/extract-strings.py and looked
 * up here at display time. The catalog itself keeps the English (which is
 * what user catalog files, scenarios and JSON output carry); the user's own
 * systems are shown as they wrote them. */
const char *rw_system_get_display_name (const RwSystem *system);
/* The short name for legends and columns ("DGX Spark"), else the name. */
const char *rw_system_get_label        (const RwSystem *system);
/* Panel @panel's text, NULL when the catalog has none. */
const char *rw_system_get_panel_text   (const RwSystem *system,
                                        RwPanel         panel);

G_END_DECLS

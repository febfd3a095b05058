/* rw-system-text.c: a catalog system's names and panel text in the user's
 * language
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "rw-system-text.h"

static const char *
translate (const RwSystem *system,
           const char     *text)
{
  if (text == NULL || *text == '\0' || system->user_defined)
    return text;
  /* Not _(): the msgids come from data/catalog/catalog-strings.c. */
  return g_dgettext (GETTEXT_PACKAGE, text);
}

const char *
rw_system_get_display_name (const RwSystem *system)
{
  g_return_val_if_fail (system != NULL, NULL);

  return translate (system, system->name != NULL ? system->name : system->id);
}

const char *
rw_system_get_label (const RwSystem *system)
{
  g_return_val_if_fail (system != NULL, NULL);

  if (system->short_name != NULL && *system->short_name != '\0')
    return translate (system, system->short_name);
  return rw_system_get_display_name (system);
}

const char *
rw_system_get_panel_text (const RwSystem *system,
                          RwPanel         panel)
{
  g_return_val_if_fail (system != NULL, NULL);
  g_return_val_if_fail (panel < RW_PANEL_N, NULL);

  return translate (system, system->panel[panel]);
}

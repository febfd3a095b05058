/* main.c: starts Rigwise
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rw-application.h"
#include "rw-screenshot.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RwApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Tests and `meson devenv` use the catalogs built in <build>/po. */
  localedir = g_getenv ("RIGWISE_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rw_application_new ();
  rw_screenshot_install (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), argc, argv);
}

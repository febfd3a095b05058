/* test-i18n.c: Rigwise speaks German when the user does
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the application with LANGUAGE=de and the German locale, with the
 * catalogs built in <build>/po (RIGWISE_LOCALEDIR, honoured by main.c too),
 * and checks labels of the real main window against po/de.po. Needs the
 * de_DE.UTF-8 locale (Debian package locales-all) and a display; without a
 * display it skips, unless RIGWISE_REQUIRE_DISPLAY is set, then it fails.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rw-application.h"
#include "rw-window.h"

static gboolean have_display;

static RwWindow *
start_app (RwApplication **app_out)
{
  g_autoptr(RwApplication) app = rw_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  /* No session bus in tests: never look for another instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (RW_IS_WINDOW (window));
  *app_out = g_steal_pointer (&app);

  return RW_WINDOW (window);
}

static void
stop_app (RwApplication *app,
          RwWindow      *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (app);
}

static void
require_display (void)
{
  if (have_display)
    return;
  if (g_getenv ("RIGWISE_REQUIRE_DISPLAY") != NULL)
    g_test_fail_printf ("no display, and RIGWISE_REQUIRE_DISPLAY is set");
  else
    g_test_skip ("no display");
}

/* The catalog itself: built by i18n.gettext into <build>/po/de/LC_MESSAGES. */
static void
test_catalog_loaded (void)
{
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "de_DE.UTF-8");
  /* po/de.po: msgid "Main Menu" */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Main Menu"), ==, "Hauptmenü");
  /* German plural forms (nplurals=2; plural=(n != 1)) from the header;
   * src/render/rw-render-tco.c: "%s year" / "%s years". */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", 1), ==, "%s Jahr");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", 3), ==, "%s Jahre");
}

/* The view switcher's pages, from the GtkBuilder template rw-window.ui. */
static void
test_view_titles (void)
{
  static const struct { const char *name; const char *title; } expected[] = {
    { "compare", "_Vergleich" },
    { "fit", "_Speicher" },
    { "speed", "_Tempo" },
    { "cost", "_Kosten" },
  };
  g_autoptr(RwApplication) app = NULL;
  RwWindow *window;
  AdwViewStack *stack;

  require_display ();
  if (!have_display)
    return;

  window = start_app (&app);
  stack = rw_window_get_view_stack (window);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, expected[i].name);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      page = adw_view_stack_get_page (stack, child);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected[i].title);
    }

  stop_app (g_steal_pointer (&app), window);
}

static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *icon_name)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A tooltip set in the template of the header bar. */
static void
test_header_bar (void)
{
  g_autoptr(RwApplication) app = NULL;
  RwWindow *window;
  GtkWidget *menu_button;

  require_display ();
  if (!have_display)
    return;

  window = start_app (&app);
  menu_button = find_menu_button (GTK_WIDGET (window), "open-menu-symbolic");
  g_assert_nonnull (menu_button);
  /* po/de.po: msgid "Main Menu" */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Hauptmenü");

  stop_app (g_steal_pointer (&app), window);
}

static GtkWidget *
find_label_ending (GtkWidget  *widget,
                   const char *suffix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), suffix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_ending (child, suffix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Numbers in the UI follow the German locale: "." groups thousands
 * (de_DE's LC_NUMERIC thousands_sep), and the sentence around it is German. */
static void
test_number_format (void)
{
  g_autoptr(RwApplication) app = NULL;
  RwWorkloadSidebar *sidebar;
  RwWindow *window;
  GtkWidget *label;

  require_display ();
  if (!have_display)
    return;

  window = start_app (&app);
  sidebar = rw_window_get_sidebar (window);
  /* 40960 tokens = 40 × 1024: "40K" (rw_app_format_tokens, binary K), and
   * "40.960" in full with German grouping. */
  rw_workload_sidebar_set_context (sidebar, 40960);
  /* po/de.po: "%s (%s tokens)" -> "%s (%s Token)" */
  label = find_label_ending (GTK_WIDGET (sidebar), " Token)");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "40K (40.960 Token)");

  stop_app (g_steal_pointer (&app), window);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RIGWISE_LOCALEDIR");

  /* Before GTK reads the environment: German messages, German formats. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    g_printerr ("test-i18n: the de_DE.UTF-8 locale is missing (install locales-all)\n");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/i18n/catalog-loaded", test_catalog_loaded);
  g_test_add_func ("/i18n/view-titles", test_view_titles);
  g_test_add_func ("/i18n/header-bar", test_header_bar);
  g_test_add_func ("/i18n/number-format", test_number_format);

  return g_test_run ();
}

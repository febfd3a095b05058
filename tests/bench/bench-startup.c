/* bench-startup.c: cold start to the first frame of the main window
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without arguments, starts itself ROUNDS times as a fresh process (a cold
 * start each: exec, GTK and libadwaita init, catalog load, window build,
 * first estimate, first paint) and prints the median and the best. With
 * --child it is one such start: it prints the microseconds from process
 * creation to the end of the window's first painted frame and exits.
 * Needs a display (xvfb-run -a with GDK_BACKEND=x11); a benchmark, not a
 * test: nothing here asserts a time.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "rw-window.h"

#define ROUNDS 7

/* CLOCK_MONOTONIC microseconds at which this process was created, from
 * /proc/self/stat (field 22, in clock ticks since boot). */
static gint64
process_start_us (void)
{
  g_autofree char *stat = NULL;
  char *p;
  unsigned long long ticks = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (p = strrchr (stat, ')')) == NULL)
    return -1;
  /* Fields after the command name start at 3 (state). */
  p += 2;
  for (int field = 3; field < 22 && p != NULL; field++)
    p = strchr (p, ' ') ? strchr (p, ' ') + 1 : NULL;
  if (p == NULL || sscanf (p, "%llu", &ticks) != 1)
    return -1;
  return (gint64) (ticks * G_USEC_PER_SEC / (unsigned long long) sysconf (_SC_CLK_TCK));
}

static void
on_first_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static int
run_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCatalog) catalog = NULL;
  RwWindow *window;
  gboolean painted = FALSE;
  struct timespec ts;
  gint64 now, start;

  if (!gtk_init_check ())
    return 77;
  adw_init ();

  catalog = rw_catalog_new_default (&error);
  if (catalog == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  window = rw_window_new (NULL, catalog, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_first_paint_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  /* Same clock as /proc's start time (boot-based monotonic). */
  clock_gettime (CLOCK_BOOTTIME, &ts);
  now = (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
  start = process_start_us ();
  printf ("%" G_GINT64_FORMAT "\n", start >= 0 ? now - start : -1);
  return 0;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  gint64 times[ROUNDS];

  if (argc > 1 && g_str_equal (argv[1], "--child"))
    return run_child ();

  for (int i = 0; i < ROUNDS; i++)
    {
      const char *child_argv[] = { argv[0], "--child", NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error))
        {
          g_printerr ("bench-startup: %s\n", error->message);
          return 1;
        }
      if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
        {
          printf ("bench-startup: no display, nothing measured\n");
          return 77;
        }
      if (!g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("bench-startup: %s\n", error->message);
          return 1;
        }
      times[i] = g_ascii_strtoll (out, NULL, 10);
    }

  qsort (times, ROUNDS, sizeof times[0], compare_gint64);
  printf ("cold start to first frame (%d runs): median %.0f ms, best %.0f ms\n",
          ROUNDS, times[ROUNDS / 2] / 1000.0, times[0] / 1000.0);
  return 0;
}

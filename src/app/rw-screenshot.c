/* rw-screenshot.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With RIGWISE_SCREENSHOT=FILE.png in the environment, the first window is
 * saved to FILE.png once it has been drawn and settled, then the application
 * quits. The app renders its own window, so this works the same natively,
 * under Xvfb and inside the Flatpak sandbox (where no X tool can reach it):
 * tests/screenshots.sh makes the AppStream screenshots with it and
 * tests/flatpak/run.sh checks the installed Flatpak draws its UI.
 */
#include "config.h"

#include "rw-screenshot.h"

/* Time after the first frame for charts computed in worker threads and
 * libadwaita transitions to settle. */
#define SETTLE_MS 1500

typedef struct
{
  GtkApplication *application;
  GtkWindow      *window;
  char           *path;
  gulong          window_added_id;
  gulong          map_id;
  gulong          after_paint_id;
} Shot;

static void
shot_free (Shot *shot)
{
  g_clear_object (&shot->window);
  g_free (shot->path);
  g_free (shot);
}

gboolean
rw_screenshot_save_window (GtkWindow   *window,
                           const char  *path,
                           GError     **error)
{
  GtkWidget *widget = GTK_WIDGET (window);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   "The window has not been drawn yet");
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   "The window has nothing to draw");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);

  return g_file_set_contents (path, g_bytes_get_data (png, NULL),
                              (gssize) g_bytes_get_size (png), error);
}

static gboolean
settled_cb (gpointer user_data)
{
  Shot *shot = user_data;
  g_autoptr(GError) error = NULL;

  if (rw_screenshot_save_window (shot->window, shot->path, &error))
    g_message ("Saved a screenshot of the window to %s", shot->path);
  else
    g_printerr ("Could not save a screenshot to %s: %s\n", shot->path, error->message);

  g_application_quit (G_APPLICATION (shot->application));
  shot_free (shot);

  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock *frame_clock,
                        gpointer       user_data)
{
  Shot *shot = user_data;

  g_clear_signal_handler (&shot->after_paint_id, frame_clock);
  g_timeout_add (SETTLE_MS, settled_cb, shot);
}

static void
window_mapped_cb (GtkWidget *widget,
                  gpointer   user_data)
{
  Shot *shot = user_data;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_clear_signal_handler (&shot->map_id, widget);
  shot->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                           G_CALLBACK (first_frame_painted_cb), shot);
  gtk_widget_queue_draw (widget);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  Shot *shot = user_data;

  /* Only the first window: dialogs opened later are not what was asked for. */
  g_clear_signal_handler (&shot->window_added_id, application);
  shot->window = g_object_ref (window);
  shot->map_id = g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), shot);
}

/**
 * rw_screenshot_install:
 * @application: the application, before it runs
 *
 * If RIGWISE_SCREENSHOT is set, arranges for the first window to be saved
 * as a PNG to that path once drawn, and for the application to quit then.
 * Does nothing otherwise.
 */
void
rw_screenshot_install (GtkApplication *application)
{
  const char *path = g_getenv ("RIGWISE_SCREENSHOT");
  Shot *shot;

  g_return_if_fail (GTK_IS_APPLICATION (application));

  if (path == NULL || *path == '\0')
    return;

  shot = g_new0 (Shot, 1);
  shot->application = application;
  shot->path = g_strdup (path);
  shot->window_added_id = g_signal_connect (application, "window-added",
                                            G_CALLBACK (window_added_cb), shot);
}

/* rw-screenshot.h
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean rw_screenshot_save_window (GtkWindow   *window,
                                    const char  *path,
                                    GError     **error);
void     rw_screenshot_install     (GtkApplication *application);

G_END_DECLS

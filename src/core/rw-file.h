/* rw-file.h: saving a file so that a crash never leaves half of it
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The temporary of a save of DIR/NAME is DIR/.NAME.rigwise-save-XXXXXX
 * (six random letters or digits), a name only Rigwise uses. */
#define RW_FILE_SAVE_INFIX ".rigwise-save-"

/* Writes @length bytes of @data to @path so that @path always holds either
 * the old or the new contents: a temporary beside it is written, fsync()ed
 * and renamed over @path, then the directory is fsync()ed. The temporary is
 * flock()ed while it exists; temporaries of this naming for the same @path
 * that nobody holds — left by a save that was killed (kill -9, a crash, a
 * power cut) — are removed first. A save in progress in another process
 * holds its lock and keeps its temporary. On failure (G_FILE_ERROR, the
 * message names the file) @path is as it was and no temporary is left.
 * @mode is the new file's permissions (before the umask). */
gboolean rw_file_save_atomic (const char  *path,
                              const char  *data,
                              gsize        length,
                              int          mode,
                              GError     **error);

G_END_DECLS

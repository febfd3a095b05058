/* rw-file.c: saving a file so that a crash never leaves half of it
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_file_set_contents() names its temporary NAME.XXXXXX, and after a kill -9
 * it stays there for ever: nobody can tell it from a user's own
 * "trip.rigwise.backup1". Our temporaries carry a name only Rigwise uses and
 * an flock() while they are being written, so the next save can tell a
 * stale one (no lock) from one another process is writing (locked).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rw-file.h"

#define SUFFIX_LEN 6   /* mkstemp's XXXXXX */

/* "Could not DOING NAME: why" */
static gboolean
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *doing,
                 const char *name)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "Could not %s %s: %s", doing, name, g_strerror (saved_errno));
  return FALSE;
}

/* ".NAME.rigwise-save-" followed by exactly six letters or digits. */
static gboolean
is_our_temporary (const char *entry,
                  const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  if (strncmp (entry, prefix, prefix_len) != 0 || strlen (entry) != prefix_len + SUFFIX_LEN)
    return FALSE;
  for (gsize i = prefix_len; entry[i] != '\0'; i++)
    if (!g_ascii_isalnum (entry[i]))
      return FALSE;
  return TRUE;
}

/* Removes the temporaries of earlier saves of the same file that nobody
 * holds. Best effort: a folder that cannot be listed has nothing to clean
 * that the save itself could create. */
static void
remove_stale_temporaries (const char *dir,
                          const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;

  if (handle == NULL)
    return;
  while ((entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      int fd;

      if (!is_our_temporary (entry, prefix))
        continue;
      path = g_build_filename (dir, entry, NULL);
      /* Regular files of ours only: never follow a link someone put there. */
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid ()
          && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Creates and locks a temporary; a cleaner in another process may unlink it
 * between mkstemp() and flock(), so check that the name is still ours. */
static int
open_temporary (const char  *dir,
                const char  *prefix,
                int          mode,
                char       **tmp_path,
                GError     **error)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *path = g_strconcat (dir, G_DIR_SEPARATOR_S, prefix, "XXXXXX", NULL);
      GStatBuf by_name, by_fd;
      int fd;

      fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, mode);
      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (dir);

          set_errno_error (error, saved_errno, "create a temporary file in", display);
          return -1;
        }
      if (flock (fd, LOCK_EX) == 0 && g_lstat (path, &by_name) == 0 && fstat (fd, &by_fd) == 0
          && by_name.st_ino == by_fd.st_ino && by_name.st_dev == by_fd.st_dev)
        {
          *tmp_path = g_steal_pointer (&path);
          return fd;
        }
      close (fd);
    }
  {
    g_autofree char *display = g_filename_display_name (dir);

    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 "Could not keep a temporary file in %s", display);
  }
  return -1;
}

gboolean
rw_file_save_atomic (const char  *path,
                     const char  *data,
                     gsize        length,
                     int          mode,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  int saved_errno;
  int fd, dir_fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = g_strconcat (".", base, RW_FILE_SAVE_INFIX, NULL);
  display = g_filename_display_name (path);

  remove_stale_temporaries (dir, prefix);

  fd = open_temporary (dir, prefix, mode, &tmp_path, error);
  if (fd < 0)
    return FALSE;

  if (!write_all (fd, data != NULL ? data : "", length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      close (fd);
      return set_errno_error (error, saved_errno, "write", display);
    }
  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      close (fd);
      return set_errno_error (error, saved_errno, "replace", display);
    }
  /* Unlocked only once renamed: a cleaner never sees it unlocked. */
  close (fd);

  /* The rename itself must reach the disk too. */
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

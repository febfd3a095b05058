/* test-cli-prices.c: `rigwise-cli prices show|refresh`, exit codes and output
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real executable (its path is the first argument) against the
 * loopback test server, with its own XDG cache and data dirs.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "rw-test-server.h"

static const char *cli_path;

typedef struct
{
  RwTestServer *server;
  char         *tmpdir;
  char         *cache_path;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *example_path = g_build_filename (g_getenv ("RIGWISE_DATADIR"), "price-feed.example.json", NULL);
  g_autoptr(GBytes) example = read_file (example_path);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) changed = NULL;
  char *at;

  g_assert_nonnull (example);
  f->server = rw_test_server_new ();
  f->tmpdir = g_dir_make_tmp ("rigwise-cli-prices-XXXXXX", &error);
  g_assert_no_error (error);
  f->cache_path = g_build_filename (f->tmpdir, "cache", "rigwise", "price-feed.json", NULL);

  rw_test_server_add_feed (f->server, "/feed.json", example, "\"example-1\"", NULL);
  rw_test_server_add (f->server, "/404", 404, NULL, NULL, RW_TEST_REPLY_NORMAL);

  /* The example with the DGX Spark at 4699 instead of 3999, and the rented
   * H100 at $2.49 an hour instead of $3.99 (same length, so in place). */
  text = g_strndup (g_bytes_get_data (example, NULL), g_bytes_get_size (example));
  at = strstr (text, "\"id\": \"dgx-spark\", \"price\": 3999,");
  g_assert_nonnull (at);
  memcpy (strstr (at, "3999"), "4699", 4);
  at = strstr (text, "\"id\": \"cloud-h100-sxm\", \"price\": 3.99,");
  g_assert_nonnull (at);
  memcpy (strstr (at, "3.99"), "2.49", 4);
  changed = g_bytes_new (text, strlen (text));
  rw_test_server_add (f->server, "/changed.json", 200, NULL, changed, RW_TEST_REPLY_NORMAL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rw_test_server_free (f->server);
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->cache_path);
}

/* Runs rigwise-cli with @args (NULL-terminated) in the fixture's dirs. */
static void
run_cli (Fixture    *f,
         Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *cache = g_build_filename (f->tmpdir, "cache", NULL);
  g_autofree char *data = g_build_filename (f->tmpdir, "data", NULL);
  g_autofree char *config = g_build_filename (f->tmpdir, "config", NULL);
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static char *
url (Fixture    *f,
     const char *path)
{
  return rw_test_server_get_url (f->server, path);
}

static void
test_refresh_and_show (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *feed = url (f, "/feed.json");
  g_autofree char *changed = url (f, "/changed.json");
  g_autoptr(GBytes) cache = NULL;
  g_auto(Run) before = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) third = { 0 };
  g_auto(Run) shown = { 0 };

  run_cli (f, &before, "prices", "show", NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_true (g_str_has_prefix (before.out, "Prices in use: Bundled prices (23, each dated in the catalog)\n"));
  g_assert_nonnull (strstr (before.out, "\ndgx-spark                   $3,999.00  bundled  2025-10-16  https://"));
  /* A rented GPU's price is per hour, and says so. */
  g_assert_nonnull (strstr (before.out, "\ncloud-h100-sxm                $3.99/h  bundled  2026-11-09  https://www.runpod.io/pricing\n"));

  /* Applied: exit 0, and the cache holds it. */
  run_cli (f, &first, "prices", "refresh", "--url", feed, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_str_has_prefix (first.out,
                                   "Prices updated (23 items, as of 2026-11-25, from “Rigwise example feed (the bundled catalog's prices)”)\n"));
  g_assert_cmpstr (first.err, ==, "");
  g_assert_true (g_file_test (f->cache_path, G_FILE_TEST_IS_REGULAR));

  /* Confirmed unchanged by a 304: exit 0. */
  run_cli (f, &second, "prices", "refresh", "--url", feed, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_true (g_str_has_prefix (second.out, "Prices unchanged (23 items, as of 2026-11-25"));
  g_assert_cmpuint (rw_test_server_get_n_requests (f->server, "/feed.json"), ==, 2);

  run_cli (f, &after, "prices", "show", NULL);
  g_assert_cmpint (after.status, ==, 0);
  g_assert_true (g_str_has_prefix (after.out,
                                   "Prices in use: 23 prices from the price feed “Rigwise example feed (the bundled catalog's prices)”, as of 2026-11-25 (fetched "));
  g_assert_nonnull (strstr (after.out, "\ndgx-spark                   $3,999.00  feed     2025-10-16  https://"));

  /* A newer feed replaces the cached one. */
  run_cli (f, &third, "prices", "refresh", "--url", changed, NULL);
  g_assert_cmpint (third.status, ==, 0);
  run_cli (f, &shown, "prices", "show", "--json", NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_nonnull (strstr (shown.out, "\"id\" : \"dgx-spark\",\n      \"price\" : 4699.0,\n      \"currency\" : \"USD\",\n      \"unit\" : \"USD\",\n      \"origin\" : \"feed\","));
  /* The feed item whose id is a cloud system set its hourly price. */
  {
    const char *h100 = strstr (shown.out, "\"id\" : \"cloud-h100-sxm\",\n      \"price\" : 2.49");
    g_autofree char *entry = NULL;

    g_assert_nonnull (h100);
    entry = g_strndup (h100, strchr (h100, '}') - h100);
    g_assert_nonnull (strstr (entry, "\"unit\" : \"USD/h\""));
    g_assert_nonnull (strstr (entry, "\"origin\" : \"feed\""));
  }
  cache = read_file (f->cache_path);
  g_assert_nonnull (cache);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (cache, NULL), g_bytes_get_size (cache), "4699"));

  /* Every other command costs with the prices in use: the Spark at the
   * feed's 4699, its TCO from that price. */
  {
    g_auto(Run) estimate = { 0 };
    g_auto(Run) export = { 0 };
    g_autofree char *pdf = g_build_filename (f->tmpdir, "report.pdf", NULL);

    run_cli (f, &estimate, "estimate", "--system", "dgx-spark", "--params", "8", "--json", NULL);
    g_assert_cmpint (estimate.status, ==, 0);
    g_assert_nonnull (strstr (estimate.out, "\"price\" : 4699.0,"));
    g_assert_null (strstr (estimate.out, "\"price\" : 3999"));

    run_cli (f, &export, "export", "--chart", "report", "--system", "dgx-spark", "--params", "8",
             "--output", pdf, NULL);
    g_assert_cmpint (export.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  {
    /* The rent at the feed's $2.49 an hour: per_hour, and 8 h a day for 3
     * years = 2.49 · 8 · 365 · 3 = $21,812.40 of TCO. */
    g_auto(Run) estimate = { 0 };

    run_cli (f, &estimate, "estimate", "--system", "cloud-h100-sxm", "--params", "8", "--json", NULL);
    g_assert_cmpint (estimate.status, ==, 0);
    g_assert_nonnull (strstr (estimate.out, "\"per_hour\" : 2.49"));
    g_assert_nonnull (strstr (estimate.out, "\"tco\" : 21812.4"));
  }
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *feed = url (f, "/feed.json");
  g_autofree char *missing = url (f, "/404");
  g_autoptr(GBytes) cache_before = NULL;
  g_autoptr(GBytes) cache_after = NULL;
  g_auto(Run) good = { 0 };
  g_auto(Run) not_found = { 0 };
  g_auto(Run) insecure = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) no_action = { 0 };
  g_auto(Run) corrupt = { 0 };

  run_cli (f, &good, "prices", "refresh", "--url", feed, NULL);
  g_assert_cmpint (good.status, ==, 0);
  cache_before = read_file (f->cache_path);

  run_cli (f, &not_found, "prices", "refresh", "--url", missing, NULL);
  g_assert_cmpint (not_found.status, ==, 1);
  g_assert_cmpstr (not_found.out, ==, "");
  g_assert_nonnull (strstr (not_found.err, "answered HTTP 404 (Not Found)"));

  run_cli (f, &insecure, "prices", "refresh", "--url", "http://example.com/prices.json", NULL);
  g_assert_cmpint (insecure.status, ==, 1);
  g_assert_nonnull (strstr (insecure.err, "Refusing plain http to “example.com”"));

  cache_after = read_file (f->cache_path);
  g_assert_true (g_bytes_equal (cache_before, cache_after));

  run_cli (f, &usage, "prices", "fetch", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "unknown action “fetch”"));
  run_cli (f, &no_action, "prices", NULL);
  g_assert_cmpint (no_action.status, ==, 2);

  /* A corrupt cache is mentioned and not used: the bundle is in use. */
  g_assert_true (g_file_set_contents (f->cache_path, "{\"cache_version\": 1, \"url\": ", -1, NULL));
  run_cli (f, &corrupt, "prices", "show", NULL);
  g_assert_cmpint (corrupt.status, ==, 0);
  g_assert_true (g_str_has_prefix (corrupt.out, "Prices in use: Bundled prices (23, each dated in the catalog)\n"));
  g_assert_nonnull (strstr (corrupt.err, "is not usable and was ignored: Not valid JSON at line 1, column 29: the document ends early"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* meson passes the executable after the GTest options. */
  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];

  g_test_add ("/cli-prices/refresh-and-show", Fixture, NULL, fixture_set_up, test_refresh_and_show, fixture_tear_down);
  g_test_add ("/cli-prices/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);

  return g_test_run ();
}

/* rw-cli-prices.c: `rigwise-cli prices show|refresh`
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>

#include "rw-cli.h"
#include "rw-price-refresher.h"

typedef struct
{
  GMainLoop            *loop;
  RwPriceRefreshReport *report;
  GError               *error;
} Refresh;

static const char *
origin_name (RwPriceOrigin origin)
{
  switch (origin)
    {
    case RW_PRICE_ORIGIN_BUNDLED:
      return "bundled";
    case RW_PRICE_ORIGIN_FEED:
      return "feed";
    case RW_PRICE_ORIGIN_USER:
      return "yours";
    default:
      return "?";
    }
}

/* The GSettings key when the schema is installed (or compiled in the build
 * dir and named by GSETTINGS_SCHEMA_DIR), else the build's default. */
static char *
default_feed_url (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "price-feed-url"))
    return g_strdup (PRICE_FEED_URL);
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "price-feed-url");
}

static int
prices_show (RwCatalog  *catalog,
             gboolean    as_json)
{
  g_autoptr(RwPriceRefresher) refresher = rw_price_refresher_new (catalog, NULL);
  g_auto(GStrv) ids = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *currency = NULL;
  g_autofree char *unit_hourly = NULL;

  rw_cli_load_price_cache (refresher);
  ids = rw_catalog_list_price_items (catalog);
  for (guint i = 0; i < rw_catalog_get_n_systems (catalog) && currency == NULL; i++)
    currency = rw_catalog_get_system (catalog, i)->currency;
  unit_hourly = g_strconcat (currency != NULL ? currency : "", "/h", NULL);

  if (as_json)
    {
      GDateTime *fetched = rw_price_refresher_get_fetched_at (refresher);
      g_autofree char *when = fetched != NULL ? g_date_time_format_iso8601 (fetched) : NULL;

      b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, rw_price_refresher_get_status (refresher));
      json_builder_set_member_name (b, "feed");
      if (rw_price_refresher_get_feed_source (refresher) != NULL)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "source");
          json_builder_add_string_value (b, rw_price_refresher_get_feed_source (refresher));
          json_builder_set_member_name (b, "date");
          json_builder_add_string_value (b, rw_price_refresher_get_feed_date (refresher));
          json_builder_set_member_name (b, "url");
          json_builder_add_string_value (b, rw_price_refresher_get_feed_url (refresher));
          json_builder_set_member_name (b, "fetched_at");
          json_builder_add_string_value (b, when);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "prices");
      json_builder_begin_array (b);
    }
  else
    g_string_append_printf (out, "%-24s %12s  %-7s  %-10s  %s\n", "id", "price", "in use", "date", "source");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      RwPriceOrigin origin = RW_PRICE_ORIGIN_BUNDLED;
      const RwFigure *price = rw_catalog_get_price (catalog, ids[i], &origin);
      gboolean hourly = rw_catalog_price_is_hourly (catalog, ids[i]);

      if (price == NULL)
        continue;
      if (b != NULL)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, ids[i]);
          json_builder_set_member_name (b, "price");
          if (isfinite (price->value))
            json_builder_add_double_value (b, price->value);
          else
            json_builder_add_null_value (b);   /* not published */
          json_builder_set_member_name (b, "currency");
          json_builder_add_string_value (b, currency);
          json_builder_set_member_name (b, "unit");
          json_builder_add_string_value (b, hourly ? unit_hourly : currency);
          json_builder_set_member_name (b, "origin");
          json_builder_add_string_value (b, origin_name (origin));
          json_builder_set_member_name (b, "date");
          json_builder_add_string_value (b, price->date);
          json_builder_set_member_name (b, "source");
          json_builder_add_string_value (b, price->source);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *amount = isfinite (price->value)
                                    ? rw_cli_format_money (price->value, currency, 2)
                                    : g_strdup ("n/a");
          g_autofree char *money = g_strconcat (amount, hourly ? "/h" : "", NULL);

          g_string_append_printf (out, "%-24s %12s  %-7s  %-10s  %s\n", ids[i], money,
                                  origin_name (origin), price->date, price->source);
        }
    }

  if (b != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      rw_cli_print_json (root);
      return 0;
    }

  printf ("Prices in use: %s\n\n%s", rw_price_refresher_get_status (refresher), out->str);
  return 0;
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Refresh *r = user_data;

  r->report = rw_price_refresher_refresh_finish (RW_PRICE_REFRESHER (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

static int
prices_refresh (RwCatalog  *catalog,
                const char *url_option)
{
  g_autoptr(RwPriceRefresher) refresher = rw_price_refresher_new (catalog, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = url_option != NULL ? g_strdup (url_option) : default_feed_url ();
  Refresh r = { 0 };
  guint sigint;

  rw_cli_load_price_cache (refresher);

  /* Ctrl+C cancels the transfer cleanly. */
  sigint = g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
  r.loop = g_main_loop_new (NULL, FALSE);
  rw_price_refresher_refresh_async (refresher, url, cancellable, refreshed_cb, &r);
  g_main_loop_run (r.loop);
  g_main_loop_unref (r.loop);
  g_source_remove (sigint);

  if (r.report == NULL)
    {
      g_prefix_error (&r.error, "prices refresh: %s: ", url);
      fprintf (stderr, "rigwise-cli: %s\n", r.error->message);
      g_clear_error (&r.error);
      return RW_CLI_ERROR_FAILED;
    }

  for (guint i = 0; i < r.report->issues->len; i++)
    fprintf (stderr, "rigwise-cli: skipped: %s\n", (const char *) r.report->issues->pdata[i]);
  if (r.report->unchanged)
    printf ("Prices unchanged (%u items, as of %s, from “%s”)\n",
            r.report->n_applied, r.report->date, r.report->source_name);
  else
    printf ("Prices updated (%u items, as of %s, from “%s”)\n",
            r.report->n_applied, r.report->date, r.report->source_name);
  printf ("Prices in use: %s\n", rw_price_refresher_get_status (refresher));
  rw_price_refresh_report_free (r.report);
  return 0;
}

int
rw_cli_prices (RwCatalog  *catalog,
               int         argc,
               char      **argv)
{
  g_autoptr(RwCliOptionParser) parser = NULL;
  GOptionContext *context;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      "Fetch this feed instead of the price-feed-url setting (https; http only to 127.0.0.1 or ::1)", "URL" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, "Print JSON (show)", NULL },
    { NULL }
  };

  parser = rw_cli_option_parser_new ("show|refresh");
  context = rw_cli_option_parser_get_context (parser);
  g_option_context_set_summary (context,
                                "show: the prices in use, with where each comes from (bundled, feed, yours), its date and source.\n"
                                "refresh: fetch the price feed, check it, cache it and report.\n"
                                "Exit status of refresh: 0 when prices were applied or confirmed unchanged, 1 otherwise.");
  rw_cli_option_parser_add (parser, entries);
  if (!rw_cli_option_parser_parse (parser, &argc, &argv, &error))
    return rw_cli_report_error (error);

  if (argc != 2)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "prices: give “show” or “refresh” (see rigwise-cli prices --help)");
      return rw_cli_report_error (error);
    }
  if (g_str_equal (argv[1], "show"))
    {
      if (url != NULL)
        {
          g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE, "prices show: --url is for refresh");
          return rw_cli_report_error (error);
        }
      return prices_show (catalog, as_json);
    }
  if (g_str_equal (argv[1], "refresh"))
    {
      if (as_json)
        {
          g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE, "prices refresh: --json is for show");
          return rw_cli_report_error (error);
        }
      return prices_refresh (catalog, url);
    }
  g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
               "prices: unknown action “%s” (show or refresh)", argv[1]);
  return rw_cli_report_error (error);
}

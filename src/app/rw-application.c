/* rw-application.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rw-application.h"
#include "rw-price-refresher.h"
#include "rw-preferences-window.h"
#include "rw-window.h"

struct _RwApplication
{
  AdwApplication  parent_instance;

  RwCatalog        *catalog;
  GError           *catalog_error;
  GSettings        *settings;
  RwPriceRefresher *refresher;
  GCancellable     *refresh_cancellable;
};

G_DEFINE_FINAL_TYPE (RwApplication, rw_application, ADW_TYPE_APPLICATION)

static void
add_source (GHashTable *hosts,
            GPtrArray  *entries,
            const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (url == NULL || !g_str_has_prefix (url, "http"))
    return;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return;
  if (g_str_has_prefix (host, "www."))
    host += 4;
  if (g_hash_table_contains (hosts, host))
    return;
  g_hash_table_add (hosts, g_strdup (host));
  /* AdwAboutWindow turns "Name https://…" into a link named Name. */
  g_ptr_array_add (entries, g_strdup_printf ("%s %s", host, url));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* One entry per web site the catalog cites, first URL seen for each. */
static char **
collect_sources (RwCatalog *catalog)
{
  g_autoptr(GHashTable) hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; catalog != NULL && i < rw_catalog_get_n_systems (catalog); i++)
    {
      const RwSystem *s = rw_catalog_get_system (catalog, i);
      const RwFigure *figures[] = {
        &s->device_memory, &s->device_usable, &s->device_bandwidth, &s->host_memory,
        &s->host_bandwidth, &s->link_bandwidth, &s->power_load, &s->power_idle, &s->price,
      };

      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        add_source (hosts, entries, figures[f]->source);
      for (guint p = 0; p < RW_PRECISION_N; p++)
        add_source (hosts, entries, s->peak[p].source);
      for (guint p = 0; p < RW_PANEL_N; p++)
        add_source (hosts, entries, s->panel_source[p]);
      for (guint c = 0; s->components != NULL && c < s->components->len; c++)
        add_source (hosts, entries, ((RwComponent *) g_ptr_array_index (s->components, c))->price.source);
    }
  for (guint i = 0; catalog != NULL && i < rw_catalog_get_n_models (catalog); i++)
    add_source (hosts, entries, rw_catalog_get_model (catalog, i)->source);

  g_ptr_array_sort (entries, compare_strings);
  g_ptr_array_add (entries, NULL);
  return (char **) g_ptr_array_steal (entries, NULL);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RwApplication *self = RW_APPLICATION (user_data);
  static const char *developers[] = { "The Rigwise authors https://github.com/rigwise/rigwise", NULL };
  g_auto(GStrv) sources = collect_sources (self->catalog);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Rigwise"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Rigwise authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Choose a machine for running and fine-tuning large language models locally: "
                                      "does it fit, how fast does it run, and what does it cost."),
                        "website", "https://github.com/rigwise/rigwise",
                        "issue-url", "https://github.com/rigwise/rigwise/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Rigwise authors",
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  if (sources[0] != NULL)
    adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Sources"),
                                         (const char **) sources);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (rw_preferences_window_new (parent)));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Close rather than quit, so windows save their state. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

static void
for_each_window (RwApplication *self,
                 void         (*func) (RwWindow *window, gpointer data),
                 gpointer       data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (RW_IS_WINDOW (l->data))
      func (l->data, data);
}

static void
toast_window (RwWindow *window,
              gpointer  message)
{
  rw_window_add_toast (window, message);
}

static void
prices_changed (RwWindow *window,
                gpointer  data)
{
  rw_window_prices_changed (window);
}

static void
show_refresh_progress (RwWindow *window,
                       gpointer  data)
{
  RwPriceRefresher *refresher = data;

  rw_window_set_refresh_progress (window, rw_price_refresher_get_busy (refresher),
                                  rw_price_refresher_get_progress (refresher));
}

static void
update_refresh_actions (RwApplication *self)
{
  gboolean busy = self->refresher != NULL && rw_price_refresher_get_busy (self->refresher);
  GAction *refresh = g_action_map_lookup_action (G_ACTION_MAP (self), "refresh-prices");
  GAction *cancel = g_action_map_lookup_action (G_ACTION_MAP (self), "cancel-refresh");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (refresh), self->refresher != NULL && !busy);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (cancel), busy);
}

static void
on_refresh_progress_cb (RwApplication *self)
{
  for_each_window (self, show_refresh_progress, self->refresher);
  update_refresh_actions (self);
}

static void
refresh_finished_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RwApplication) self = user_data;
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  report = rw_price_refresher_refresh_finish (RW_PRICE_REFRESHER (source), result, &error);
  g_clear_object (&self->refresh_cancellable);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Price refresh cancelled; the prices in use did not change"));
      else
        /* Translators: %s is the reason */
        message = g_strdup_printf (_("Could not refresh prices: %s"), error->message);
    }
  else if (report->unchanged)
    /* Translators: %s is the date of the price feed */
    message = g_strdup_printf (_("Prices are up to date (as of %s)"), report->date);
  else
    /* Translators: %u is a count of prices, %s the date of the price feed */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Prices updated (%u item, as of %s)",
                                            "Prices updated (%u items, as of %s)",
                                            report->n_applied),
                               report->n_applied, report->date);

  if (report != NULL)
    for_each_window (self, prices_changed, NULL);
  for_each_window (self, toast_window, message);
  on_refresh_progress_cb (self);
}

static void
refresh_prices_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  RwApplication *self = RW_APPLICATION (user_data);
  g_autofree char *url = NULL;

  if (self->refresher == NULL || rw_price_refresher_get_busy (self->refresher))
    return;

  url = g_settings_get_string (self->settings, "price-feed-url");
  self->refresh_cancellable = g_cancellable_new ();
  rw_price_refresher_refresh_async (self->refresher, url, self->refresh_cancellable,
                                    refresh_finished_cb, g_object_ref (self));
  on_refresh_progress_cb (self);
}

static void
cancel_refresh_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  RwApplication *self = RW_APPLICATION (user_data);

  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
}

static void
rw_application_activate (GApplication *application)
{
  RwApplication *self = RW_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (rw_window_new (GTK_APPLICATION (self), self->catalog, self->catalog_error));
      gtk_window_present (window);
      /* Only when the user asked for it in Preferences: offline by default. */
      if (self->refresher != NULL && g_settings_get_boolean (self->settings, "refresh-prices-at-start"))
        g_action_group_activate_action (G_ACTION_GROUP (self), "refresh-prices", NULL);
      return;
    }
  gtk_window_present (window);
}

/* `rigwise trip.rigwise`, or a double-click in Files: each file in a
 * window of its own, the first in the window already open if there is one. */
static void
rw_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  RwApplication *self = RW_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *window = i == 0 ? gtk_application_get_active_window (GTK_APPLICATION (self)) : NULL;
      g_autoptr(GError) error = NULL;

      if (window == NULL)
        window = GTK_WINDOW (rw_window_new (GTK_APPLICATION (self), self->catalog, self->catalog_error));
      gtk_window_present (window);
      if (self->catalog == NULL)
        continue;  /* the window says why nothing can be shown */
      if (!rw_window_open_scenario_file (RW_WINDOW (window), files[i], &error))
        {
          /* Translators: %s is the reason, naming the file and the field */
          g_autofree char *message = g_strdup_printf (_("Could not open the scenario: %s"), error->message);

          rw_window_add_toast (RW_WINDOW (window), message);
        }
    }
}

static void
rw_application_startup (GApplication *application)
{
  RwApplication *self = RW_APPLICATION (application);
  static const GActionEntry entries[] = {
    { "about", about_activated_cb, NULL, NULL, NULL, { 0 } },
    { "preferences", preferences_activated_cb, NULL, NULL, NULL, { 0 } },
    { "quit", quit_activated_cb, NULL, NULL, NULL, { 0 } },
    { "refresh-prices", refresh_prices_activated_cb, NULL, NULL, NULL, { 0 } },
    { "cancel-refresh", cancel_refresh_activated_cb, NULL, NULL, NULL, { 0 } },
  };
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.refresh-prices", { "<Control>r", NULL } },
    { "win.open-scenario", { "<Control>o", NULL } },
    { "win.save-scenario", { "<Control>s", NULL } },
    { "win.export-chart", { "<Control>e", NULL } },
    { "win.export-report", { "<Control><Shift>e", NULL } },
    { "win.import-model", { "<Control>i", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (rw_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  self->catalog = rw_catalog_new_default (&self->catalog_error);
  if (self->catalog == NULL)
    g_warning ("Could not load the catalog: %s", self->catalog_error->message);
  else
    {
      g_autoptr(GError) error = NULL;

      /* The last good feed overlays the bundled prices, without any network. */
      self->refresher = rw_price_refresher_new (self->catalog, NULL);
      if (!rw_price_refresher_load_cache (self->refresher, &error)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_message ("Not using the cached price feed: %s", error->message);
      g_signal_connect_object (self->refresher, "notify::busy",
                               G_CALLBACK (on_refresh_progress_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->refresher, "notify::progress",
                               G_CALLBACK (on_refresh_progress_cb), self, G_CONNECT_SWAPPED);
    }
  update_refresh_actions (self);
}

static void
rw_application_finalize (GObject *object)
{
  RwApplication *self = RW_APPLICATION (object);

  g_clear_object (&self->refresh_cancellable);
  g_clear_object (&self->refresher);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_error (&self->catalog_error);

  G_OBJECT_CLASS (rw_application_parent_class)->finalize (object);
}

static void
rw_application_class_init (RwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rw_application_finalize;
  app_class->activate = rw_application_activate;
  app_class->open = rw_application_open;
  app_class->startup = rw_application_startup;
}

static void
rw_application_init (RwApplication *self)
{
}

RwApplication *
rw_application_new (void)
{
  return g_object_new (RW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/rigwise/Rigwise",
                       NULL);
}

RwCatalog *
rw_application_get_catalog (RwApplication *self)
{
  g_return_val_if_fail (RW_IS_APPLICATION (self), NULL);

  return self->catalog;
}

/* rw-price-refresher.c: refreshes the catalog's feed prices, off the main thread
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker thread fetches, validates against a snapshot of the catalog's
 * price items and writes the cache; only the main thread touches the
 * catalog, and only once everything before it succeeded.
 */
#include "rw-price-refresher.h"

struct _RwPriceRefresher
{
  GObject             parent_instance;

  RwCatalog          *catalog;
  char               *cache_path;
  RwPriceFetchLimits  limits;

  gboolean            busy;
  double              progress;
  char               *status;

  char               *feed_source;
  char               *feed_date;
  char               *feed_url;
  GDateTime          *fetched_at;
};

G_DEFINE_FINAL_TYPE (RwPriceRefresher, rw_price_refresher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_CACHE_PATH,
  PROP_BUSY,
  PROP_PROGRESS,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker needs; filled on the main thread, then only read. */
typedef struct
{
  char               *url;
  char               *cache_path;
  RwPriceFetchLimits  limits;
  GHashTable         *snapshot;
  GTask              *task;         /* unowned: the worker's task */
  gint64              last_progress;
} RefreshData;

/* What the worker hands back. */
typedef struct
{
  RwPriceFeed *feed;
  gboolean     unchanged;
  char        *url;
  GDateTime   *fetched_at;
  char        *cache_warning;
} Fetched;

typedef struct
{
  GTask   *task;
  goffset  received;
  goffset  total;
} Progress;

void
rw_price_refresh_report_free (RwPriceRefreshReport *report)
{
  if (report == NULL)
    return;
  g_free (report->date);
  g_free (report->source_name);
  g_free (report->currency);
  g_clear_pointer (&report->issues, g_ptr_array_unref);
  g_free (report);
}

static void
refresh_data_free (RefreshData *data)
{
  g_free (data->url);
  g_free (data->cache_path);
  g_clear_pointer (&data->snapshot, g_hash_table_unref);
  g_free (data);
}

static void
fetched_free (Fetched *fetched)
{
  g_clear_pointer (&fetched->feed, rw_price_feed_free);
  g_free (fetched->url);
  g_clear_pointer (&fetched->fetched_at, g_date_time_unref);
  g_free (fetched->cache_warning);
  g_free (fetched);
}

static void
set_busy (RwPriceRefresher *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_progress (RwPriceRefresher *self,
              double            progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
remember_feed (RwPriceRefresher *self,
               RwPriceFeed      *feed,
               const char       *url,
               GDateTime        *fetched_at)
{
  g_free (self->feed_source);
  self->feed_source = g_strdup (feed->source_name);
  g_free (self->feed_date);
  self->feed_date = g_strdup (feed->date);
  g_free (self->feed_url);
  self->feed_url = g_strdup (url);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  self->fetched_at = fetched_at != NULL ? g_date_time_ref (fetched_at) : NULL;
}

static RwPriceRefreshReport *
make_report (RwPriceFeed *feed,
             guint        n_applied,
             gboolean     unchanged)
{
  RwPriceRefreshReport *report = g_new0 (RwPriceRefreshReport, 1);

  report->unchanged = unchanged;
  report->n_applied = n_applied;
  report->date = g_strdup (feed->date);
  report->source_name = g_strdup (feed->source_name);
  report->currency = g_strdup (feed->currency);
  report->issues = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < feed->issues->len; i++)
    {
      RwPriceFeedIssue *issue = feed->issues->pdata[i];

      g_ptr_array_add (report->issues, g_strdup (issue->error->message));
    }
  return report;
}

static gboolean
progress_dispatched_cb (gpointer user_data)
{
  Progress *p = user_data;
  RwPriceRefresher *self = g_task_get_source_object (p->task);

  /* A late report must not undo the final state. */
  if (!g_task_get_completed (p->task) && self->busy)
    set_progress (self, p->total > 0 ? CLAMP ((double) p->received / (double) p->total, 0.0, 1.0) : -1.0);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer user_data)
{
  Progress *p = user_data;

  g_object_unref (p->task);
  g_free (p);
}

/* Called in the worker thread by libcurl. */
static void
fetch_progressed_cb (goffset  received,
                     goffset  total,
                     gpointer user_data)
{
  RefreshData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  GSource *source;
  Progress *p;

  if (now - data->last_progress < 50 * G_TIME_SPAN_MILLISECOND && received != total)
    return;
  data->last_progress = now;
  p = g_new0 (Progress, 1);
  p->task = g_object_ref (data->task);
  p->received = received;
  p->total = total;
  /* Always an idle source: g_main_context_invoke() would run the callback
   * right here, in the worker, whenever the main thread is not iterating. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_dispatched_cb, p, progress_free);
  g_source_attach (source, g_task_get_context (data->task));
  g_source_unref (source);
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RefreshData *data = task_data;
  g_autoptr(RwPriceCacheEntry) cached = NULL;
  g_autoptr(RwPriceFetchResult) result = NULL;
  g_autoptr(RwPriceFeed) feed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) cache_error = NULL;
  const char *etag = NULL, *last_modified = NULL;
  GBytes *document;
  Fetched *fetched;

  /* Conditional only when we hold a valid copy from the same address. */
  cached = rw_price_cache_load (data->cache_path, NULL);
  if (cached != NULL && g_strcmp0 (cached->url, data->url) == 0)
    {
      etag = cached->etag;
      last_modified = cached->last_modified;
    }

  result = rw_price_fetch_sync (data->url, etag, last_modified, &data->limits, cancellable,
                                fetch_progressed_cb, data, &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (result->not_modified)
    {
      feed = g_steal_pointer (&cached->feed);
      document = cached->document;
    }
  else
    {
      feed = rw_price_feed_new_from_bytes (result->body, &error);
      if (feed == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      document = result->body;
    }

  if (!rw_price_feed_select (feed, data->snapshot, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Past this point the refresh counts: cancelling no longer undoes it. */
  if (g_task_return_error_if_cancelled (task))
    return;

  fetched = g_new0 (Fetched, 1);
  if (!rw_price_cache_save (data->cache_path, document, data->url,
                            result->not_modified ? cached->etag : result->etag,
                            result->not_modified ? cached->last_modified : result->last_modified,
                            now, &cache_error))
    fetched->cache_warning = g_strdup (cache_error->message);
  fetched->feed = g_steal_pointer (&feed);
  fetched->unchanged = result->not_modified;
  fetched->url = g_strdup (data->url);
  fetched->fetched_at = g_date_time_ref (now);
  g_task_return_pointer (task, fetched, (GDestroyNotify) fetched_free);
}

static void
refresh_fetched_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RwPriceRefresher *self = RW_PRICE_REFRESHER (source_object);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  RwPriceRefreshReport *report;
  Fetched *fetched;
  guint n_applied = 0;

  fetched = g_task_propagate_pointer (G_TASK (result), &error);
  set_progress (self, fetched != NULL ? 1.0 : 0.0);
  set_busy (self, FALSE);
  if (fetched == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (!rw_price_feed_apply (fetched->feed, self->catalog, &n_applied, &error))
    {
      fetched_free (fetched);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  remember_feed (self, fetched->feed, fetched->url, fetched->fetched_at);
  rw_price_refresher_update_status (self);

  report = make_report (fetched->feed, n_applied, fetched->unchanged);
  if (fetched->cache_warning != NULL)
    g_ptr_array_add (report->issues, g_strdup (fetched->cache_warning));
  fetched_free (fetched);
  g_task_return_pointer (outer, report, (GDestroyNotify) rw_price_refresh_report_free);
}

static char *
describe_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

void
rw_price_refresher_update_status (RwPriceRefresher *self)
{
  g_autoptr(GString) status = g_string_new (NULL);
  guint counts[3] = { 0 };

  g_return_if_fail (RW_IS_PRICE_REFRESHER (self));

  rw_price_refresher_count_origins (self, counts);
  if (counts[RW_PRICE_ORIGIN_FEED] > 0 && self->feed_source != NULL)
    {
      g_autofree char *when = describe_time (self->fetched_at);

      g_string_append_printf (status, "%u %s from the price feed “%s”, as of %s (fetched %s)",
                              counts[RW_PRICE_ORIGIN_FEED],
                              counts[RW_PRICE_ORIGIN_FEED] == 1 ? "price" : "prices",
                              self->feed_source, self->feed_date, when);
      if (counts[RW_PRICE_ORIGIN_BUNDLED] > 0)
        g_string_append_printf (status, "; %u bundled", counts[RW_PRICE_ORIGIN_BUNDLED]);
    }
  else
    {
      g_string_append_printf (status, "Bundled prices (%u, each dated in the catalog)",
                              counts[RW_PRICE_ORIGIN_BUNDLED]);
    }
  if (counts[RW_PRICE_ORIGIN_USER] > 0)
    g_string_append_printf (status, "; %u of your own", counts[RW_PRICE_ORIGIN_USER]);

  if (g_strcmp0 (self->status, status->str) == 0)
    return;
  g_free (self->status);
  self->status = g_string_free (g_steal_pointer (&status), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
rw_price_refresher_finalize (GObject *object)
{
  RwPriceRefresher *self = (RwPriceRefresher *) object;

  g_clear_object (&self->catalog);
  g_free (self->cache_path);
  g_free (self->status);
  g_free (self->feed_source);
  g_free (self->feed_date);
  g_free (self->feed_url);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);

  G_OBJECT_CLASS (rw_price_refresher_parent_class)->finalize (object);
}

static void
rw_price_refresher_constructed (GObject *object)
{
  RwPriceRefresher *self = (RwPriceRefresher *) object;

  G_OBJECT_CLASS (rw_price_refresher_parent_class)->constructed (object);

  if (self->cache_path == NULL)
    self->cache_path = rw_price_cache_get_default_path ();
  if (self->catalog != NULL)
    rw_price_refresher_update_status (self);
}

static void
rw_price_refresher_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RwPriceRefresher *self = RW_PRICE_REFRESHER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_CACHE_PATH:
      g_value_set_string (value, self->cache_path);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_price_refresher_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RwPriceRefresher *self = RW_PRICE_REFRESHER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_CACHE_PATH:
      self->cache_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_price_refresher_class_init (RwPriceRefresherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rw_price_refresher_finalize;
  object_class->constructed = rw_price_refresher_constructed;
  object_class->get_property = rw_price_refresher_get_property;
  object_class->set_property = rw_price_refresher_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, RW_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CACHE_PATH] =
    g_param_spec_string ("cache-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, -1.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rw_price_refresher_init (RwPriceRefresher *self)
{
  rw_price_fetch_limits_init (&self->limits);
}

RwPriceRefresher *
rw_price_refresher_new (RwCatalog  *catalog,
                        const char *cache_path)
{
  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);

  return g_object_new (RW_TYPE_PRICE_REFRESHER,
                       "catalog", catalog,
                       "cache-path", cache_path,
                       NULL);
}

RwCatalog *
rw_price_refresher_get_catalog (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), NULL);
  return self->catalog;
}

const char *
rw_price_refresher_get_cache_path (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), NULL);
  return self->cache_path;
}

void
rw_price_refresher_set_limits (RwPriceRefresher         *self,
                               const RwPriceFetchLimits *limits)
{
  g_return_if_fail (RW_IS_PRICE_REFRESHER (self));
  g_return_if_fail (limits != NULL);
  self->limits = *limits;
}

gboolean
rw_price_refresher_load_cache (RwPriceRefresher  *self,
                               GError           **error)
{
  g_autoptr(RwPriceCacheEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), FALSE);

  entry = rw_price_cache_load (self->cache_path, error);
  if (entry == NULL)
    return FALSE;
  if (!rw_price_feed_apply (entry->feed, self->catalog, NULL, &local_error))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CACHE,
                   "The cached price feed was not used: %s", local_error->message);
      return FALSE;
    }
  remember_feed (self, entry->feed, entry->url, entry->fetched_at);
  rw_price_refresher_update_status (self);
  return TRUE;
}

void
rw_price_refresher_refresh_async (RwPriceRefresher    *self,
                                  const char          *url,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RefreshData *data;

  g_return_if_fail (RW_IS_PRICE_REFRESHER (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  /* Once applied, a refresh is reported as done even if cancelled late. */
  g_task_set_check_cancellable (outer, FALSE);

  if (self->busy)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "Prices are already being refreshed");
      return;
    }
  /* Refuse a bad address at once, without starting a thread. */
  if (!rw_price_fetch_check_url (url, &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (RefreshData, 1);
  data->url = g_strdup (url);
  data->cache_path = g_strdup (self->cache_path);
  data->limits = self->limits;
  data->snapshot = rw_price_feed_catalog_snapshot (self->catalog);

  task = g_task_new (self, cancellable, refresh_fetched_cb, g_steal_pointer (&outer));
  g_task_set_name (task, "[rigwise] price refresh");
  g_task_set_check_cancellable (task, FALSE);
  data->task = task;
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  set_progress (self, -1.0);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, refresh_thread);
}

RwPriceRefreshReport *
rw_price_refresher_refresh_finish (RwPriceRefresher  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
rw_price_refresher_get_busy (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), FALSE);
  return self->busy;
}

double
rw_price_refresher_get_progress (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), 0.0);
  return self->progress;
}

const char *
rw_price_refresher_get_status (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), NULL);
  return self->status;
}

const char *
rw_price_refresher_get_feed_source (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), NULL);
  return self->feed_source;
}

const char *
rw_price_refresher_get_feed_date (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), NULL);
  return self->feed_date;
}

const char *
rw_price_refresher_get_feed_url (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), NULL);
  return self->feed_url;
}

GDateTime *
rw_price_refresher_get_fetched_at (RwPriceRefresher *self)
{
  g_return_val_if_fail (RW_IS_PRICE_REFRESHER (self), NULL);
  return self->fetched_at;
}

void
rw_price_refresher_count_origins (RwPriceRefresher *self,
                                  guint             counts[3])
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (RW_IS_PRICE_REFRESHER (self));

  counts[0] = counts[1] = counts[2] = 0;
  ids = rw_catalog_list_price_items (self->catalog);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      RwPriceOrigin origin = RW_PRICE_ORIGIN_BUNDLED;

      if (rw_catalog_get_price (self->catalog, ids[i], &origin) != NULL && (guint) origin < 3)
        counts[origin]++;
    }
}

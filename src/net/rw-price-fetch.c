/* rw-price-fetch.c: one guarded HTTPS GET of a price feed, with libcurl
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redirects are followed here, not by curl: each Location is checked with
 * the same URL policy as the first request (and must keep its scheme), so a
 * loopback test server cannot bounce us to a plain-http host elsewhere and
 * http → https is reported as the scheme change it is. curl is additionally
 * restricted to the original scheme with CURLOPT_PROTOCOLS_STR.
 */
#include "config.h"

#include <curl/curl.h>
#include <string.h>

#include "rw-json.h"
#include "rw-price-feed.h"
#include "rw-price-fetch.h"

#define MAX_URL_LENGTH 2048

/* What libcurl returns for a header line above its own 100 KB limit. */
static gboolean
is_header_overflow (CURLcode code)
{
#if LIBCURL_VERSION_NUM >= 0x080600
  if (code == CURLE_TOO_LARGE)
    return TRUE;
#endif
  return code == CURLE_OUT_OF_MEMORY;
}

typedef struct
{
  CURL                     *curl;
  GByteArray               *body;
  gsize                     max_body;
  gboolean                  too_large;
  gsize                     header_bytes;   /* of the current response */
  gboolean                  headers_too_large;
  gboolean                  body_unwanted;  /* not a 200: stop reading */
  long                      status;
  char                     *reason;
  char                     *etag;
  char                     *last_modified;
  GCancellable             *cancellable;
  gboolean                  cancelled;
  RwPriceFetchProgressFunc  progress;
  gpointer                  progress_data;
  curl_off_t                last_reported;
} Transfer;

void
rw_price_fetch_limits_init (RwPriceFetchLimits *limits)
{
  limits->connect_timeout_ms = 10000;
  limits->total_timeout_ms = 30000;
  limits->low_speed_time_s = 10;
  limits->low_speed_limit = 64;
  limits->max_body = RW_PRICE_FETCH_MAX_BODY;
  limits->max_redirects = RW_PRICE_FETCH_MAX_REDIRECTS;
}

void
rw_price_fetch_result_free (RwPriceFetchResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result->url);
  g_free (result);
}

static gpointer
init_curl_once (gpointer data)
{
  return GINT_TO_POINTER (curl_global_init (CURL_GLOBAL_DEFAULT) == CURLE_OK);
}

static gboolean
ensure_curl (GError **error)
{
  static GOnce once = G_ONCE_INIT;

  if (!GPOINTER_TO_INT (g_once (&once, init_curl_once, NULL)))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_NETWORK,
                   "Could not initialise libcurl");
      return FALSE;
    }
  return TRUE;
}

/* The URL's scheme (lower case), or NULL when it is not an acceptable URL. */
static char *
checked_scheme (const char  *url,
                GError     **error)
{
  CURLU *u;
  char *scheme = NULL, *host = NULL;
  char *result = NULL;

  if (url == NULL || *url == '\0' || strlen (url) > MAX_URL_LENGTH)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INSECURE_URL,
                   "The price feed address is empty or too long");
      return NULL;
    }

  u = curl_url ();
  if (u == NULL ||
      curl_url_set (u, CURLUPART_URL, url, 0) != CURLUE_OK ||
      curl_url_get (u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
      curl_url_get (u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INSECURE_URL,
                   "“%s” is not a valid address", g_utf8_validate (url, -1, NULL) ? url : "?");
      goto out;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0 && *host != '\0')
    {
      result = g_strdup ("https");
    }
  else if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      g_autoptr(GInetAddress) address = NULL;
      g_autofree char *bare = NULL;
      gsize len = strlen (host);

      /* Only a literal loopback address: a name could resolve anywhere. */
      if (len > 2 && host[0] == '[' && host[len - 1] == ']')
        bare = g_strndup (host + 1, len - 2);
      else
        bare = g_strdup (host);
      address = g_inet_address_new_from_string (bare);
      if (address != NULL &&
          ((g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4 &&
            g_inet_address_to_bytes (address)[0] == 127) ||
           (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6 &&
            g_inet_address_get_is_loopback (address))))
        result = g_strdup ("http");
      else
        g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INSECURE_URL,
                     "Refusing plain http to “%s”: price feeds are fetched over https "
                     "(http is allowed only to 127.0.0.1 or ::1, for tests)", host);
    }
  else
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INSECURE_URL,
                   "Refusing the “%s” scheme: price feeds are fetched over https", scheme);
    }

out:
  curl_free (scheme);
  curl_free (host);
  curl_url_cleanup (u);
  return result;
}

gboolean
rw_price_fetch_check_url (const char  *url,
                          GError     **error)
{
  g_autofree char *scheme = checked_scheme (url, error);

  return scheme != NULL;
}

static char *
header_value (const char *line,
              gsize       len,
              const char *name)
{
  gsize name_len = strlen (name);
  g_autofree char *value = NULL;

  if (len <= name_len || g_ascii_strncasecmp (line, name, name_len) != 0 || line[name_len] != ':')
    return NULL;
  value = g_strndup (line + name_len + 1, len - name_len - 1);
  g_strstrip (value);
  /* Stored and sent back verbatim: keep it to printable ASCII. */
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isprint (*p))
      return NULL;
  if (*value == '\0' || strlen (value) > 256)
    return NULL;
  return g_steal_pointer (&value);
}

static size_t
header_received_cb (char   *buffer,
                    size_t  size,
                    size_t  n_items,
                    void   *user_data)
{
  Transfer *t = user_data;
  gsize len = size * n_items;
  char *value;

  /* Headers are bounded like the body: a server may not make us hold
   * megabytes of them (libcurl only bounds one line, at 100 KB). */
  if (len >= 5 && memcmp (buffer, "HTTP/", 5) == 0)
    t->header_bytes = 0;
  t->header_bytes = (gsize) rw_size_add (t->header_bytes, len);
  if (t->header_bytes > RW_PRICE_FETCH_MAX_HEADERS)
    {
      t->headers_too_large = TRUE;
      return 0;
    }

  if (len >= 5 && memcmp (buffer, "HTTP/", 5) == 0)
    {
      /* A new response (e.g. after "100 Continue"): start over. */
      const char *space = memchr (buffer, ' ', len);

      g_clear_pointer (&t->etag, g_free);
      g_clear_pointer (&t->last_modified, g_free);
      g_clear_pointer (&t->reason, g_free);
      t->status = 0;
      if (space != NULL)
        {
          gsize rest = len - (gsize) (space + 1 - buffer);
          g_autofree char *line = g_strndup (space + 1, MIN (rest, 80));

          g_strstrip (line);
          t->status = (long) g_ascii_strtoll (line, NULL, 10);
          if (strlen (line) > 4)
            {
              t->reason = g_strdup (line + 4);
              for (char *p = t->reason; *p != '\0'; p++)
                if (!g_ascii_isprint (*p))
                  *p = '?';
            }
        }
      return len;
    }

  if ((value = header_value (buffer, len, "ETag")) != NULL)
    {
      g_free (t->etag);
      t->etag = value;
    }
  else if ((value = header_value (buffer, len, "Last-Modified")) != NULL)
    {
      g_free (t->last_modified);
      t->last_modified = value;
    }
  else if ((value = header_value (buffer, len, "Content-Length")) != NULL)
    {
      guint64 declared = 0;
      gboolean digits = value[strspn (value, "0123456789")] == '\0';

      /* Refuse a declared oversized body before a byte of it arrives; a
       * length beyond 64 bits (10^23) is oversized too, not unparsable. */
      if (t->status == 200 && digits &&
          (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &declared, NULL) ||
           declared > t->max_body))
        t->too_large = TRUE;
      g_free (value);
      if (t->too_large)
        return 0;
    }
  return len;
}

static size_t
body_received_cb (char   *buffer,
                  size_t  size,
                  size_t  n_items,
                  void   *user_data)
{
  Transfer *t = user_data;
  gsize len = size * n_items;

  /* A redirect's or an error page's body is of no use: stop reading. */
  if (t->status != 200)
    {
      t->body_unwanted = TRUE;
      return 0;
    }
  if (t->body->len + len > t->max_body)
    {
      t->too_large = TRUE;
      return 0;
    }
  g_byte_array_append (t->body, (const guint8 *) buffer, (guint) len);
  return len;
}

static int
transfer_progressed_cb (void       *user_data,
                        curl_off_t  dl_total,
                        curl_off_t  dl_now,
                        curl_off_t  ul_total,
                        curl_off_t  ul_now)
{
  Transfer *t = user_data;

  if (g_cancellable_is_cancelled (t->cancellable))
    {
      t->cancelled = TRUE;
      return 1;
    }
  if (t->progress != NULL && dl_now != t->last_reported)
    {
      t->last_reported = dl_now;
      t->progress ((goffset) dl_now, (goffset) MAX (dl_total, 0), t->progress_data);
    }
  return 0;
}

static void
transfer_reset (Transfer *t)
{
  g_byte_array_set_size (t->body, 0);
  t->too_large = FALSE;
  t->header_bytes = 0;
  t->headers_too_large = FALSE;
  t->body_unwanted = FALSE;
  t->status = 0;
  g_clear_pointer (&t->reason, g_free);
  g_clear_pointer (&t->etag, g_free);
  g_clear_pointer (&t->last_modified, g_free);
  t->last_reported = -1;
}

static void
set_curl_error (GError     **error,
                CURLcode     code,
                const char  *detail,
                const char  *url,
                const RwPriceFetchLimits *limits)
{
  const char *why = detail != NULL && *detail != '\0' ? detail : curl_easy_strerror (code);

  /* An int: CURLcode has ~100 values and -Wswitch-enum wants them all. */
  switch ((int) code)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_DNS,
                   "Could not find the price feed's server (DNS): %s", why);
      break;
    case CURLE_COULDNT_CONNECT:
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CONNECT,
                   "Could not connect to the price feed's server: %s", why);
      break;
    case CURLE_OPERATION_TIMEDOUT:
      /* A resolver that never answers is a DNS failure, not a slow server. */
      if (g_str_has_prefix (why, "Resolving timed out"))
        {
          g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_DNS,
                       "Could not find the price feed's server (DNS): %s", why);
          break;
        }
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_TIMEOUT,
                   "The price feed timed out (limits: connect %u ms, total %u ms, "
                   "below %u bytes/s for %u s): %s",
                   limits->connect_timeout_ms, limits->total_timeout_ms,
                   limits->low_speed_limit, limits->low_speed_time_s, why);
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_TLS,
                   "Secure connection to the price feed failed (TLS): %s", why);
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INSECURE_URL,
                   "Refusing “%s”: %s", url, why);
      break;
    case CURLE_FILESIZE_EXCEEDED:
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_TOO_LARGE,
                   "The price feed is larger than %" G_GSIZE_FORMAT " bytes", limits->max_body);
      break;
    default:
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_NETWORK,
                   "Downloading the price feed failed: %s", why);
      break;
    }
}

static gboolean
is_redirect (long status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

RwPriceFetchResult *
rw_price_fetch_sync (const char               *url,
                     const char               *etag,
                     const char               *last_modified,
                     const RwPriceFetchLimits *limits,
                     GCancellable             *cancellable,
                     RwPriceFetchProgressFunc  progress,
                     gpointer                  progress_data,
                     GError                  **error)
{
  RwPriceFetchLimits defaults;
  g_autofree char *scheme = NULL;
  g_autofree char *current_url = NULL;
  g_autofree char *user_agent = NULL;
  g_autoptr(RwPriceFetchResult) result = NULL;
  struct curl_slist *headers = NULL;
  char error_buffer[CURL_ERROR_SIZE];
  Transfer t = { 0 };
  gint64 deadline;
  guint n_redirects = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      rw_price_fetch_limits_init (&defaults);
      limits = &defaults;
    }

  /* Decide on the URL before anything touches the network. */
  scheme = checked_scheme (url, error);
  if (scheme == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!ensure_curl (error))
    return NULL;

  t.curl = curl_easy_init ();
  if (t.curl == NULL)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_NETWORK,
                   "Could not create a libcurl handle");
      return NULL;
    }
  t.body = g_byte_array_new ();
  t.max_body = limits->max_body;
  t.cancellable = cancellable;
  t.progress = progress;
  t.progress_data = progress_data;

  headers = curl_slist_append (headers, "Accept: application/json");
  if (etag != NULL && *etag != '\0')
    {
      g_autofree char *line = g_strdup_printf ("If-None-Match: %s", etag);
      headers = curl_slist_append (headers, line);
    }
  if (last_modified != NULL && *last_modified != '\0')
    {
      g_autofree char *line = g_strdup_printf ("If-Modified-Since: %s", last_modified);
      headers = curl_slist_append (headers, line);
    }
  user_agent = g_strdup_printf ("Rigwise/%s (price feed)", PACKAGE_VERSION);

  curl_easy_setopt (t.curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (t.curl, CURLOPT_PROTOCOLS_STR, scheme);
  curl_easy_setopt (t.curl, CURLOPT_REDIR_PROTOCOLS_STR, scheme);
  curl_easy_setopt (t.curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (t.curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (t.curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt (t.curl, CURLOPT_CONNECTTIMEOUT_MS, (long) limits->connect_timeout_ms);
  curl_easy_setopt (t.curl, CURLOPT_LOW_SPEED_LIMIT, (long) limits->low_speed_limit);
  curl_easy_setopt (t.curl, CURLOPT_LOW_SPEED_TIME, (long) limits->low_speed_time_s);
  curl_easy_setopt (t.curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (t.curl, CURLOPT_USERAGENT, user_agent);
  curl_easy_setopt (t.curl, CURLOPT_ERRORBUFFER, error_buffer);
  /* libcurl refuses a declared length above this itself, too. */
  curl_easy_setopt (t.curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t) limits->max_body);
  curl_easy_setopt (t.curl, CURLOPT_HEADERFUNCTION, header_received_cb);
  curl_easy_setopt (t.curl, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt (t.curl, CURLOPT_WRITEFUNCTION, body_received_cb);
  curl_easy_setopt (t.curl, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt (t.curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (t.curl, CURLOPT_XFERINFOFUNCTION, transfer_progressed_cb);
  curl_easy_setopt (t.curl, CURLOPT_XFERINFODATA, &t);
  /* A loopback test server is never reached through a proxy. */
  if (strcmp (scheme, "http") == 0)
    curl_easy_setopt (t.curl, CURLOPT_NOPROXY, "*");

  deadline = g_get_monotonic_time () + (gint64) limits->total_timeout_ms * 1000;
  current_url = g_strdup (url);

  for (;;)
    {
      gint64 remaining_ms = (deadline - g_get_monotonic_time ()) / 1000;
      CURLcode code;
      char *location = NULL;

      if (remaining_ms <= 0)
        {
          g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_TIMEOUT,
                       "The price feed timed out after %u ms (following redirects)",
                       limits->total_timeout_ms);
          break;
        }
      transfer_reset (&t);
      error_buffer[0] = '\0';
      curl_easy_setopt (t.curl, CURLOPT_URL, current_url);
      curl_easy_setopt (t.curl, CURLOPT_TIMEOUT_MS, (long) remaining_ms);

      code = curl_easy_perform (t.curl);

      if (t.cancelled || (code != CURLE_OK && g_cancellable_is_cancelled (cancellable)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Price refresh cancelled");
          break;
        }
      /* Ours on all header lines stops the transfer; libcurl's own on one
       * line (100 KB) fails while the headers are read, after the status
       * line and before any body, as "out of memory" (CURLE_TOO_LARGE from
       * libcurl 8.6). */
      if (t.headers_too_large ||
          (is_header_overflow (code) && t.status != 0 && t.body->len == 0))
        {
          g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_TOO_LARGE,
                       "The price feed's server sent response headers larger than the limit "
                       "of %u bytes", (guint) RW_PRICE_FETCH_MAX_HEADERS);
          break;
        }
      if (t.too_large)
        {
          g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_TOO_LARGE,
                       "The price feed is larger than the limit of %" G_GSIZE_FORMAT " bytes",
                       limits->max_body);
          break;
        }
      if (code != CURLE_OK && !t.body_unwanted)
        {
          set_curl_error (error, code, error_buffer, current_url, limits);
          break;
        }

      if (is_redirect (t.status))
        {
          g_autofree char *next_scheme = NULL;
          g_autoptr(GError) url_error = NULL;

          curl_easy_getinfo (t.curl, CURLINFO_REDIRECT_URL, &location);
          if (location == NULL)
            {
              g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_HTTP_STATUS,
                           "The server answered HTTP %ld without a Location", t.status);
              break;
            }
          if (n_redirects >= limits->max_redirects)
            {
              g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_TOO_MANY_REDIRECTS,
                           "The price feed redirected more than %u times", limits->max_redirects);
              break;
            }
          next_scheme = checked_scheme (location, &url_error);
          if (next_scheme != NULL && strcmp (next_scheme, scheme) != 0)
            {
              g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEME_CHANGE,
                           "Refusing a redirect from %s to %s: a redirect may not change the scheme",
                           scheme, next_scheme);
              break;
            }
          if (next_scheme == NULL)
            {
              /* An ftp:// or gopher:// target is a scheme change too. */
              const char *target_scheme = g_uri_peek_scheme (location);

              if (target_scheme != NULL && g_ascii_strcasecmp (target_scheme, scheme) != 0)
                g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEME_CHANGE,
                             "Refusing a redirect from %s to %s: a redirect may not change the scheme",
                             scheme, target_scheme);
              else
                g_propagate_prefixed_error (error, g_steal_pointer (&url_error), "Refusing a redirect: ");
              break;
            }
          n_redirects++;
          g_free (current_url);
          current_url = g_strdup (location);
          continue;
        }

      if (t.status == 304 && ((etag != NULL && *etag != '\0') || (last_modified != NULL && *last_modified != '\0')))
        {
          result = g_new0 (RwPriceFetchResult, 1);
          result->not_modified = TRUE;
          result->status = 304;
        }
      else if (t.status == 200 && code == CURLE_OK)
        {
          result = g_new0 (RwPriceFetchResult, 1);
          result->body = g_bytes_new (t.body->data, t.body->len);
          result->status = 200;
        }
      else
        {
          g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_HTTP_STATUS,
                       "The price feed's server answered HTTP %ld%s%s%s",
                       t.status, t.reason != NULL ? " (" : "",
                       t.reason != NULL ? t.reason : "", t.reason != NULL ? ")" : "");
          break;
        }

      result->etag = g_steal_pointer (&t.etag);
      result->last_modified = g_steal_pointer (&t.last_modified);
      result->url = g_steal_pointer (&current_url);
      break;
    }

  curl_easy_cleanup (t.curl);
  curl_slist_free_all (headers);
  g_byte_array_unref (t.body);
  g_free (t.reason);
  g_free (t.etag);
  g_free (t.last_modified);

  return g_steal_pointer (&result);
}

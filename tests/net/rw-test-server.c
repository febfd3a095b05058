/* rw-test-server.c: a real HTTP/1.1 server on 127.0.0.1, in its own thread
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the manner of gnome-calendar's tests/gcal-simple-server.c: a listening
 * socket on port 0 of the loopback interface, an accept thread and one
 * thread per connection, speaking just enough HTTP/1.1 for one GET per
 * connection ("Connection: close").
 */
#include <string.h>

#include "rw-test-server.h"

#define ENDLESS_TOTAL (100 * 1024 * 1024)

typedef struct
{
  guint           status;
  char           *headers;
  GBytes         *body;
  RwTestReplyMode mode;
  char           *etag;           /* feeds only */
  char           *last_modified;
  guint           n_requests;
  GHashTable     *last_headers;   /* lower-case name → value */
} Route;

struct _RwTestServer
{
  GSocket      *socket;
  guint16       port;
  GThread      *accept_thread;
  GCancellable *cancellable;
  GMutex        lock;
  GHashTable   *routes;           /* path → Route* */
  GPtrArray    *threads;          /* GThread* of connections */
  guint64       endless_sent;
  guint         endless_done;
};

typedef struct
{
  RwTestServer *server;
  GSocket      *socket;
} Connection;

static void
route_free (Route *route)
{
  g_free (route->headers);
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route->etag);
  g_free (route->last_modified);
  g_clear_pointer (&route->last_headers, g_hash_table_unref);
  g_free (route);
}

static const char *
reason_of (guint status)
{
  switch (status)
    {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    default: return "Whatever";
    }
}

static gboolean
send_all (GSocket      *socket,
          const char   *data,
          gsize         length,
          GCancellable *cancellable)
{
  while (length > 0)
    {
      gssize sent = g_socket_send (socket, data, length, cancellable, NULL);

      if (sent <= 0)
        return FALSE;
      data += sent;
      length -= (gsize) sent;
    }
  return TRUE;
}

/* Reads the request head; returns the path and fills @headers. */
static char *
read_request (GSocket      *socket,
              GHashTable   *headers,
              GCancellable *cancellable)
{
  g_autoptr(GString) head = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) request = NULL;
  char buffer[4096];

  while (strstr (head->str, "\r\n\r\n") == NULL)
    {
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, cancellable, NULL);

      if (n <= 0 || head->len > 65536)
        return NULL;
      g_string_append_len (head, buffer, n);
      /* A TLS ClientHello (record type 22): answer in plain HTTP, which
       * fails the handshake at once instead of leaving it to time out. */
      if ((guchar) head->str[0] == 0x16)
        {
          static const char answer[] = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n";

          send_all (socket, answer, sizeof answer - 1, cancellable);
          return NULL;
        }
    }

  lines = g_strsplit (head->str, "\r\n", -1);
  request = g_strsplit (lines[0], " ", 3);
  if (g_strv_length (request) != 3 || strcmp (request[0], "GET") != 0)
    return NULL;
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      g_hash_table_insert (headers, g_ascii_strdown (lines[i], colon - lines[i]),
                           g_strstrip (g_strdup (colon + 1)));
    }
  return g_strdup (request[1]);
}

static void
reply (RwTestServer *server,
       GSocket      *socket,
       const char   *path,
       GHashTable   *headers)
{
  g_autoptr(GString) head = g_string_new (NULL);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  RwTestReplyMode mode = RW_TEST_REPLY_NORMAL;
  guint status = 404;
  Route *route;

  g_mutex_lock (&server->lock);
  route = g_hash_table_lookup (server->routes, path);
  if (route != NULL)
    {
      route->n_requests++;
      g_clear_pointer (&route->last_headers, g_hash_table_unref);
      route->last_headers = g_hash_table_ref (headers);
      status = route->status;
      extra = g_strdup (route->headers);
      body = route->body != NULL ? g_bytes_ref (route->body) : NULL;
      mode = route->mode;
      etag = g_strdup (route->etag);
      last_modified = g_strdup (route->last_modified);
    }
  g_mutex_unlock (&server->lock);

  if (etag != NULL && g_strcmp0 (g_hash_table_lookup (headers, "if-none-match"), etag) == 0)
    {
      status = 304;
      g_clear_pointer (&body, g_bytes_unref);
    }

  g_string_append_printf (head, "HTTP/1.1 %u %s\r\nConnection: close\r\n", status, reason_of (status));
  if (etag != NULL)
    g_string_append_printf (head, "ETag: %s\r\n", etag);
  if (last_modified != NULL)
    g_string_append_printf (head, "Last-Modified: %s\r\n", last_modified);
  if (extra != NULL)
    g_string_append (head, extra);

  switch (mode)
    {
    case RW_TEST_REPLY_NORMAL:
      g_string_append_printf (head, "Content-Type: application/json\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                              body != NULL ? g_bytes_get_size (body) : 0);
      if (send_all (socket, head->str, head->len, server->cancellable) && body != NULL)
        send_all (socket, g_bytes_get_data (body, NULL), g_bytes_get_size (body), server->cancellable);
      break;

    case RW_TEST_REPLY_STALL:
      g_string_append (head, "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"schema\"");
      if (send_all (socket, head->str, head->len, server->cancellable))
        {
          /* Until the client hangs up (readable at EOF), at most 20 s. */
          g_socket_condition_timed_wait (socket, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                         20 * G_USEC_PER_SEC, server->cancellable, NULL);
        }
      break;

    case RW_TEST_REPLY_ENDLESS:
    case RW_TEST_REPLY_ENDLESS_UNDECLARED:
      if (mode == RW_TEST_REPLY_ENDLESS)
        g_string_append_printf (head, "Content-Length: %d\r\n", ENDLESS_TOTAL);
      g_string_append (head, "Content-Type: application/json\r\n\r\n");
      if (send_all (socket, head->str, head->len, server->cancellable))
        {
          char chunk[16384];
          guint64 sent = 0;

          memset (chunk, ' ', sizeof chunk);
          while (sent < ENDLESS_TOTAL &&
                 send_all (socket, chunk, sizeof chunk, server->cancellable))
            sent += sizeof chunk;
          g_mutex_lock (&server->lock);
          server->endless_sent += sent;
          server->endless_done++;
          g_mutex_unlock (&server->lock);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gpointer
connection_thread (gpointer user_data)
{
  Connection *c = user_data;
  g_autoptr(GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = read_request (c->socket, headers, c->server->cancellable);

  if (path != NULL)
    reply (c->server, c->socket, path, headers);
  g_socket_shutdown (c->socket, FALSE, TRUE, NULL);
  g_socket_close (c->socket, NULL);
  g_object_unref (c->socket);
  g_free (c);
  return NULL;
}

static gpointer
accept_thread (gpointer user_data)
{
  RwTestServer *server = user_data;

  for (;;)
    {
      GSocket *client = g_socket_accept (server->socket, server->cancellable, NULL);
      Connection *c;

      if (client == NULL)
        break;
      c = g_new0 (Connection, 1);
      c->server = server;
      c->socket = client;
      g_mutex_lock (&server->lock);
      g_ptr_array_add (server->threads, g_thread_new ("test-http-conn", connection_thread, c));
      g_mutex_unlock (&server->lock);
    }
  return NULL;
}

RwTestServer *
rw_test_server_new (void)
{
  RwTestServer *server = g_new0 (RwTestServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&server->lock);
  server->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  server->threads = g_ptr_array_new ();
  server->cancellable = g_cancellable_new ();

  server->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (server->socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (server->socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (server->socket, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  server->accept_thread = g_thread_new ("test-http-accept", accept_thread, server);
  return server;
}

void
rw_test_server_free (RwTestServer *server)
{
  g_cancellable_cancel (server->cancellable);
  g_thread_join (server->accept_thread);
  /* Connection threads end once their client is gone or on cancel. */
  for (guint i = 0; i < server->threads->len; i++)
    g_thread_join (server->threads->pdata[i]);
  g_ptr_array_unref (server->threads);
  g_socket_close (server->socket, NULL);
  g_object_unref (server->socket);
  g_object_unref (server->cancellable);
  g_hash_table_unref (server->routes);
  g_mutex_clear (&server->lock);
  g_free (server);
}

guint16
rw_test_server_get_port (RwTestServer *server)
{
  return server->port;
}

char *
rw_test_server_get_url (RwTestServer *server,
                        const char   *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", server->port, path);
}

void
rw_test_server_add (RwTestServer   *server,
                    const char     *path,
                    guint           status,
                    const char     *headers,
                    GBytes         *body,
                    RwTestReplyMode mode)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  route->headers = g_strdup (headers);
  route->body = body != NULL ? g_bytes_ref (body) : NULL;
  route->mode = mode;
  g_mutex_lock (&server->lock);
  g_hash_table_insert (server->routes, g_strdup (path), route);
  g_mutex_unlock (&server->lock);
}

void
rw_test_server_add_feed (RwTestServer *server,
                         const char   *path,
                         GBytes       *body,
                         const char   *etag,
                         const char   *last_modified)
{
  Route *route = g_new0 (Route, 1);

  route->status = 200;
  route->body = g_bytes_ref (body);
  route->mode = RW_TEST_REPLY_NORMAL;
  route->etag = g_strdup (etag);
  route->last_modified = g_strdup (last_modified);
  g_mutex_lock (&server->lock);
  g_hash_table_insert (server->routes, g_strdup (path), route);
  g_mutex_unlock (&server->lock);
}

guint
rw_test_server_get_n_requests (RwTestServer *server,
                               const char   *path)
{
  Route *route;
  guint n = 0;

  g_mutex_lock (&server->lock);
  route = g_hash_table_lookup (server->routes, path);
  if (route != NULL)
    n = route->n_requests;
  g_mutex_unlock (&server->lock);
  return n;
}

char *
rw_test_server_get_last_header (RwTestServer *server,
                                const char   *path,
                                const char   *header)
{
  g_autofree char *name = g_ascii_strdown (header, -1);
  char *value = NULL;
  Route *route;

  g_mutex_lock (&server->lock);
  route = g_hash_table_lookup (server->routes, path);
  if (route != NULL && route->last_headers != NULL)
    value = g_strdup (g_hash_table_lookup (route->last_headers, name));
  g_mutex_unlock (&server->lock);
  return value;
}

guint64
rw_test_server_get_endless_sent (RwTestServer *server,
                                 guint        *n_done)
{
  guint64 sent;

  g_mutex_lock (&server->lock);
  sent = server->endless_sent;
  if (n_done != NULL)
    *n_done = server->endless_done;
  g_mutex_unlock (&server->lock);
  return sent;
}

/* rw-test-server.h: a real HTTP/1.1 server on 127.0.0.1, in its own thread
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RW_TEST_REPLY_NORMAL,   /* status, headers and body, then close */
  RW_TEST_REPLY_STALL,    /* headers announcing a body, then nothing until the client gives up */
  RW_TEST_REPLY_ENDLESS,  /* 200, "Content-Length: 104857600", body streamed until the client hangs up */
  RW_TEST_REPLY_ENDLESS_UNDECLARED, /* the same without a Content-Length */
} RwTestReplyMode;

typedef struct _RwTestServer RwTestServer;

RwTestServer *rw_test_server_new           (void);
void          rw_test_server_free          (RwTestServer   *server);
guint16       rw_test_server_get_port      (RwTestServer   *server);
/* "http://127.0.0.1:PORT" + @path */
char         *rw_test_server_get_url       (RwTestServer   *server,
                                            const char     *path);

/* @headers: extra header lines, each ending in "\r\n", or NULL. @body may
 * be NULL. */
void          rw_test_server_add           (RwTestServer   *server,
                                            const char     *path,
                                            guint           status,
                                            const char     *headers,
                                            GBytes         *body,
                                            RwTestReplyMode mode);
/* A feed with an ETag and Last-Modified: answers 304 Not Modified when the
 * request's If-None-Match is @etag. */
void          rw_test_server_add_feed      (RwTestServer   *server,
                                            const char     *path,
                                            GBytes         *body,
                                            const char     *etag,
                                            const char     *last_modified);

guint         rw_test_server_get_n_requests (RwTestServer  *server,
                                             const char    *path);
/* The value of @header in the last request for @path, or NULL. */
char         *rw_test_server_get_last_header (RwTestServer *server,
                                              const char   *path,
                                              const char   *header);
/* Bytes the server sent as bodies of ENDLESS replies, in all, and how
 * many of those replies have ended (the client hung up, or 100 MB). */
guint64       rw_test_server_get_endless_sent (RwTestServer *server,
                                               guint        *n_done);

G_END_DECLS

/* rw-gguf-writer.h: writes GGUF files for tests, the fuzzer's seeds and
 * the cross-check against an independent parser
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RwGgufWriter RwGgufWriter;

/* @version: 2 or 3 (any value, to write broken files). */
RwGgufWriter *rw_gguf_writer_new         (guint32       version);
void          rw_gguf_writer_free        (RwGgufWriter *writer);

/* Metadata, in the order added. @type is a GGUF value type (0 uint8 …
 * 12 float64); the value is the little-endian bytes of one element. */
void          rw_gguf_writer_add_raw     (RwGgufWriter *writer,
                                          const char   *key,
                                          guint32       type,
                                          const void   *value,
                                          gsize         size);
void          rw_gguf_writer_add_uint32  (RwGgufWriter *writer,
                                          const char   *key,
                                          guint32       value);
void          rw_gguf_writer_add_uint64  (RwGgufWriter *writer,
                                          const char   *key,
                                          guint64       value);
void          rw_gguf_writer_add_int32   (RwGgufWriter *writer,
                                          const char   *key,
                                          gint32        value);
void          rw_gguf_writer_add_float32 (RwGgufWriter *writer,
                                          const char   *key,
                                          float         value);
void          rw_gguf_writer_add_bool    (RwGgufWriter *writer,
                                          const char   *key,
                                          gboolean      value);
void          rw_gguf_writer_add_string  (RwGgufWriter *writer,
                                          const char   *key,
                                          const char   *value);
/* An array of @n elements of @type, each @element_size little-endian bytes
 * at @elements. */
void          rw_gguf_writer_add_array   (RwGgufWriter *writer,
                                          const char   *key,
                                          guint32       type,
                                          const void   *elements,
                                          gsize         element_size,
                                          guint64       n);
void          rw_gguf_writer_add_uint32_array (RwGgufWriter  *writer,
                                               const char    *key,
                                               const guint32 *values,
                                               guint64        n);
void          rw_gguf_writer_add_string_array (RwGgufWriter       *writer,
                                               const char         *key,
                                               const char * const *values,
                                               guint64             n);
/* An array of arrays: @n arrays of uint32 of @inner elements each. */
void          rw_gguf_writer_add_nested_array (RwGgufWriter  *writer,
                                               const char    *key,
                                               const guint32 *values,
                                               guint64        n,
                                               guint64        inner);

/* A tensor of ggml @type and shape @dims (ne[0] first). Its offset is laid
 * out when the file is written: consecutive, each aligned to the file's
 * alignment (general.alignment if added as a uint32, else 32). */
void          rw_gguf_writer_add_tensor  (RwGgufWriter  *writer,
                                          const char    *name,
                                          guint32        type,
                                          guint32        n_dims,
                                          const guint64 *dims);
/* Bytes of a tensor of @type and @dims, as ggml lays it out. */
guint64       rw_gguf_writer_tensor_bytes (guint32        type,
                                           guint32        n_dims,
                                           const guint64 *dims);

/* The header (with the padding before the data) and the whole file's size. */
GBytes       *rw_gguf_writer_header      (RwGgufWriter  *writer,
                                          guint64       *file_size);
/* Writes the header and makes the file as long as its tensor data, sparse
 * (a 100 GB model costs nothing on disk). */
gboolean      rw_gguf_writer_write_file  (RwGgufWriter  *writer,
                                          const char    *path,
                                          GError       **error);
/* The header and zero-filled data, in memory (small models). */
GBytes       *rw_gguf_writer_to_bytes    (RwGgufWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwGgufWriter, rw_gguf_writer_free)

G_END_DECLS

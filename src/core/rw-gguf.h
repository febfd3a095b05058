/* rw-gguf.h: the header of a GGUF file (llama.cpp's model format)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-format.h"
#include "rw-ggml.h"
#include "rw-model.h"

G_BEGIN_DECLS

/* Reading a GGUF file. Messages start with the file's name. */
#define RW_GGUF_ERROR (rw_gguf_error_quark ())
typedef enum
{
  RW_GGUF_ERROR_IO,           /* missing, unreadable, not a regular file */
  RW_GGUF_ERROR_NOT_GGUF,     /* no "GGUF" magic */
  RW_GGUF_ERROR_VERSION,      /* a version other than 2 or 3, or big-endian */
  RW_GGUF_ERROR_TRUNCATED,    /* the header runs past the end of the file */
  RW_GGUF_ERROR_INVALID,      /* a count, length, type, shape or offset that cannot be */
  RW_GGUF_ERROR_UNSUPPORTED,  /* well formed, but not a model Rigwise can size */
  RW_GGUF_ERROR_SPLIT,        /* a shard of a split model is missing or does not match */
} RwGgufError;

GQuark rw_gguf_error_quark (void);

/* GGUF metadata value types (gguf.h enum gguf_type). */
typedef enum
{
  RW_GGUF_TYPE_UINT8,
  RW_GGUF_TYPE_INT8,
  RW_GGUF_TYPE_UINT16,
  RW_GGUF_TYPE_INT16,
  RW_GGUF_TYPE_UINT32,
  RW_GGUF_TYPE_INT32,
  RW_GGUF_TYPE_FLOAT32,
  RW_GGUF_TYPE_BOOL,
  RW_GGUF_TYPE_STRING,
  RW_GGUF_TYPE_ARRAY,
  RW_GGUF_TYPE_UINT64,
  RW_GGUF_TYPE_INT64,
  RW_GGUF_TYPE_FLOAT64,
} RwGgufType;
#define RW_GGUF_TYPE_N (RW_GGUF_TYPE_FLOAT64 + 1)

/* One tensor's entry in the header. */
typedef struct
{
  char     *name;
  guint32   n_dims;
  guint64   dims[4];       /* ne[0] is the row (contiguous) dimension */
  guint32   type;          /* enum ggml_type */
  guint64   offset;        /* from the start of the tensor data */
  guint64   n_elements;
  guint64   n_bytes;       /* ne[0] / block_size · type_size · ne[1] · ne[2] · ne[3] */
} RwGgufTensor;

typedef struct _RwGguf RwGguf;

/* Reads @length bytes at @offset into @buffer; FALSE with an error when
 * it cannot (the caller never asks beyond the size it was given). */
typedef gboolean (*RwGgufReadFunc) (gpointer   user_data,
                                    guint64    offset,
                                    guint8    *buffer,
                                    gsize      length,
                                    GError   **error);

/* Parses the header of a GGUF file of @size bytes through @read: magic,
 * version 2 or 3, counts, every metadata pair (all value types, arrays
 * included), the tensor infos, the alignment. Only the header is read, in
 * order, a buffer at a time; no tensor data. Every count and length is
 * checked against @size before anything is allocated for it; numeric arrays
 * are kept up to 1 Mi elements, string arrays only as their length (the
 * tokenizer's vocabulary). @name (a file name) starts every message. */
RwGguf             *rw_gguf_read          (const char     *name,
                                           guint64         size,
                                           RwGgufReadFunc  read,
                                           gpointer        user_data,
                                           GError        **error);
/* A regular file at @path (a FIFO or directory is refused, not waited on). */
RwGguf             *rw_gguf_read_file     (const char     *path,
                                           GError        **error);
/* @size bytes in memory (tests, the fuzzer). */
RwGguf             *rw_gguf_read_data     (const char     *name,
                                           const void     *data,
                                           gsize           size,
                                           GError        **error);
void                rw_gguf_free          (RwGguf         *gguf);

const char         *rw_gguf_get_name      (const RwGguf   *gguf);
guint32             rw_gguf_get_version   (const RwGguf   *gguf);
guint32             rw_gguf_get_alignment (const RwGguf   *gguf);
/* Bytes before the tensor data: the header and its padding. */
guint64             rw_gguf_get_data_offset (const RwGguf *gguf);
guint64             rw_gguf_get_file_size (const RwGguf   *gguf);

guint               rw_gguf_get_n_keys    (const RwGguf   *gguf);
const char         *rw_gguf_get_key       (const RwGguf   *gguf,
                                           guint           index);
/* The type of @key's value, or -1 when absent. For arrays, @element_type
 * and @length describe the elements. */
int                 rw_gguf_get_type      (const RwGguf   *gguf,
                                           const char     *key,
                                           RwGgufType     *element_type,
                                           guint64        *length);
/* An integer (of any width, signedness, or a bool) that is ≥ 0. */
gboolean            rw_gguf_get_uint      (const RwGguf   *gguf,
                                           const char     *key,
                                           guint64        *value);
/* Any number. */
gboolean            rw_gguf_get_number    (const RwGguf   *gguf,
                                           const char     *key,
                                           double         *value);
const char         *rw_gguf_get_string    (const RwGguf   *gguf,
                                           const char     *key);
/* A numeric or bool array's elements as doubles (exact for integers below
 * 2^53), NULL when absent, not such an array, or not kept (too long). */
const double       *rw_gguf_get_array     (const RwGguf   *gguf,
                                           const char     *key,
                                           guint64        *length);

guint64             rw_gguf_get_n_tensors (const RwGguf   *gguf);
const RwGgufTensor *rw_gguf_get_tensor    (const RwGguf   *gguf,
                                           guint64         index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwGguf, rw_gguf_free)

/* A model from GGUF shards (one, or all of a split model in order): the
 * architecture from general.architecture and its {arch}.* keys, which
 * layers are attention, recurrent or MLP-only from the tensors each block
 * has, and the exact parameter count and bytes of every tensor
 * (RwModel.tensors: the token embedding apart, as it stays in host RAM).
 * @format is set to the file's own weight format, "Q4_K_M, from the file"
 * (RwFormat.from_file): its id is "gguf", its bits per weight the file's
 * average, and its compute precisions those of @like when the catalog has
 * the file type (NULL otherwise). */
RwModel            *rw_gguf_model_new     (RwGguf * const  *shards,
                                           guint            n_shards,
                                           const RwFormat  *like,
                                           RwFormat       **format,
                                           GError         **error);

/* The file type's name ("Q4_K_M") of a GGUF: general.file_type, or the
 * type holding most bytes of the 2-D tensors when the key is absent. */
char               *rw_gguf_file_type     (RwGguf * const  *shards,
                                           guint            n_shards);

/* The shard file names of a split model from its first shard's name
 * ("…-00001-of-00003.gguf" → the three names), or just @path. Fails when
 * @path is a later shard (naming the first). */
GStrv               rw_gguf_split_paths   (const char     *path,
                                           GError        **error);

/* Reads @path and, for a split model, every other shard, and returns the
 * model (see rw_gguf_model_new()). @lookup_like, when not NULL, finds the
 * catalog's format for a lower-case file type id ("q4_k_m"). */
typedef const RwFormat *(*RwGgufFormatLookup) (const char *id,
                                               gpointer    user_data);
RwModel            *rw_gguf_model_load_file (const char          *path,
                                             RwGgufFormatLookup   lookup_like,
                                             gpointer             lookup_data,
                                             RwFormat           **format,
                                             GError             **error);

G_END_DECLS

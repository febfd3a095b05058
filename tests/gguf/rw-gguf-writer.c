/* rw-gguf-writer.c: writes GGUF files for tests
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Independent of the reader in src/core: its own table of block sizes
 * (../shared/reference/quant-bpw.csv) and its own byte layout, after
 * ggml's docs/gguf.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rw-gguf-writer.h"

typedef struct
{
  char    *name;
  guint32  type;
  guint32  n_dims;
  guint64  dims[4];
} Tensor;

struct _RwGgufWriter
{
  guint32     version;
  guint64     n_kv;
  GByteArray *kv;
  GArray     *tensors;
  guint32     alignment;
};

/* ggml type → weights per block, bytes per block (quant-bpw.csv). */
static const struct { guint32 type; guint32 block; guint32 bytes; } blocks[] = {
  { 0, 1, 4 }, { 1, 1, 2 }, { 2, 32, 18 }, { 3, 32, 20 }, { 6, 32, 22 }, { 7, 32, 24 },
  { 8, 32, 34 }, { 9, 32, 36 }, { 10, 256, 84 }, { 11, 256, 110 }, { 12, 256, 144 },
  { 13, 256, 176 }, { 14, 256, 210 }, { 15, 256, 292 }, { 16, 256, 66 }, { 17, 256, 74 },
  { 18, 256, 98 }, { 19, 256, 50 }, { 20, 32, 18 }, { 21, 256, 110 }, { 22, 256, 82 },
  { 23, 256, 136 }, { 24, 1, 1 }, { 25, 1, 2 }, { 26, 1, 4 }, { 27, 1, 8 }, { 28, 1, 8 },
  { 29, 256, 56 }, { 30, 1, 2 }, { 34, 256, 54 }, { 35, 256, 66 }, { 39, 32, 17 },
  { 40, 64, 36 }, { 41, 128, 18 }, { 42, 64, 18 },
};

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  guint8 b[4] = { v, v >> 8, v >> 16, v >> 24 };

  g_byte_array_append (out, b, 4);
}

static void
put_u64 (GByteArray *out,
         guint64     v)
{
  guint8 b[8];

  for (guint i = 0; i < 8; i++)
    b[i] = (guint8) (v >> (8 * i));
  g_byte_array_append (out, b, 8);
}

static void
put_string (GByteArray *out,
            const char *s)
{
  put_u64 (out, strlen (s));
  g_byte_array_append (out, (const guint8 *) s, (guint) strlen (s));
}

static void
tensor_clear (Tensor *t)
{
  g_free (t->name);
}

RwGgufWriter *
rw_gguf_writer_new (guint32 version)
{
  RwGgufWriter *w = g_new0 (RwGgufWriter, 1);

  w->version = version;
  w->kv = g_byte_array_new ();
  w->tensors = g_array_new (FALSE, TRUE, sizeof (Tensor));
  g_array_set_clear_func (w->tensors, (GDestroyNotify) tensor_clear);
  w->alignment = 32;
  return w;
}

void
rw_gguf_writer_free (RwGgufWriter *w)
{
  if (w == NULL)
    return;
  g_byte_array_unref (w->kv);
  g_array_unref (w->tensors);
  g_free (w);
}

void
rw_gguf_writer_add_raw (RwGgufWriter *w,
                        const char   *key,
                        guint32       type,
                        const void   *value,
                        gsize         size)
{
  put_string (w->kv, key);
  put_u32 (w->kv, type);
  g_byte_array_append (w->kv, value, (guint) size);
  w->n_kv++;
}

void
rw_gguf_writer_add_uint32 (RwGgufWriter *w,
                           const char   *key,
                           guint32       value)
{
  guint8 b[4] = { value, value >> 8, value >> 16, value >> 24 };

  if (g_str_equal (key, "general.alignment") && value > 0)
    w->alignment = value;
  rw_gguf_writer_add_raw (w, key, 4, b, 4);
}

void
rw_gguf_writer_add_uint64 (RwGgufWriter *w,
                           const char   *key,
                           guint64       value)
{
  guint8 b[8];

  for (guint i = 0; i < 8; i++)
    b[i] = (guint8) (value >> (8 * i));
  rw_gguf_writer_add_raw (w, key, 10, b, 8);
}

void
rw_gguf_writer_add_int32 (RwGgufWriter *w,
                          const char   *key,
                          gint32        value)
{
  guint32 u = (guint32) value;
  guint8 b[4] = { u, u >> 8, u >> 16, u >> 24 };

  rw_gguf_writer_add_raw (w, key, 5, b, 4);
}

void
rw_gguf_writer_add_float32 (RwGgufWriter *w,
                            const char   *key,
                            float         value)
{
  guint32 u;
  guint8 b[4];

  memcpy (&u, &value, 4);
  b[0] = u; b[1] = u >> 8; b[2] = u >> 16; b[3] = u >> 24;
  rw_gguf_writer_add_raw (w, key, 6, b, 4);
}

void
rw_gguf_writer_add_bool (RwGgufWriter *w,
                         const char   *key,
                         gboolean      value)
{
  guint8 b = value ? 1 : 0;

  rw_gguf_writer_add_raw (w, key, 7, &b, 1);
}

void
rw_gguf_writer_add_string (RwGgufWriter *w,
                           const char   *key,
                           const char   *value)
{
  g_autoptr(GByteArray) s = g_byte_array_new ();

  put_string (s, value);
  rw_gguf_writer_add_raw (w, key, 8, s->data, s->len);
}

void
rw_gguf_writer_add_array (RwGgufWriter *w,
                          const char   *key,
                          guint32       type,
                          const void   *elements,
                          gsize         element_size,
                          guint64       n)
{
  put_string (w->kv, key);
  put_u32 (w->kv, 9);
  put_u32 (w->kv, type);
  put_u64 (w->kv, n);
  g_byte_array_append (w->kv, elements, (guint) (element_size * n));
  w->n_kv++;
}

void
rw_gguf_writer_add_uint32_array (RwGgufWriter  *w,
                                 const char    *key,
                                 const guint32 *values,
                                 guint64        n)
{
  g_autoptr(GByteArray) packed = g_byte_array_new ();

  for (guint64 i = 0; i < n; i++)
    put_u32 (packed, values[i]);
  rw_gguf_writer_add_array (w, key, 4, packed->data, 4, n);
}

void
rw_gguf_writer_add_string_array (RwGgufWriter       *w,
                                 const char         *key,
                                 const char * const *values,
                                 guint64             n)
{
  put_string (w->kv, key);
  put_u32 (w->kv, 9);
  put_u32 (w->kv, 8);
  put_u64 (w->kv, n);
  for (guint64 i = 0; i < n; i++)
    put_string (w->kv, values[i]);
  w->n_kv++;
}

void
rw_gguf_writer_add_nested_array (RwGgufWriter  *w,
                                 const char    *key,
                                 const guint32 *values,
                                 guint64        n,
                                 guint64        inner)
{
  put_string (w->kv, key);
  put_u32 (w->kv, 9);
  put_u32 (w->kv, 9);
  put_u64 (w->kv, n);
  for (guint64 i = 0; i < n; i++)
    {
      put_u32 (w->kv, 4);
      put_u64 (w->kv, inner);
      for (guint64 j = 0; j < inner; j++)
        put_u32 (w->kv, values[i * inner + j]);
    }
  w->n_kv++;
}

void
rw_gguf_writer_add_tensor (RwGgufWriter  *w,
                           const char    *name,
                           guint32        type,
                           guint32        n_dims,
                           const guint64 *dims)
{
  Tensor t = { g_strdup (name), type, n_dims, { 1, 1, 1, 1 } };

  for (guint32 d = 0; d < n_dims && d < 4; d++)
    t.dims[d] = dims[d];
  g_array_append_val (w->tensors, t);
}

guint64
rw_gguf_writer_tensor_bytes (guint32        type,
                             guint32        n_dims,
                             const guint64 *dims)
{
  guint64 rows = 1;

  for (guint32 d = 1; d < n_dims; d++)
    rows *= dims[d];
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (blocks[i].type == type)
      return dims[0] / blocks[i].block * blocks[i].bytes * rows;
  return 0;
}

static guint64
align (guint64 v,
       guint32 alignment)
{
  return (v + alignment - 1) / alignment * alignment;
}

GBytes *
rw_gguf_writer_header (RwGgufWriter *w,
                       guint64      *file_size)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint64 offset = 0;

  g_byte_array_append (out, (const guint8 *) "GGUF", 4);
  put_u32 (out, w->version);
  put_u64 (out, w->tensors->len);
  put_u64 (out, w->n_kv);
  g_byte_array_append (out, w->kv->data, w->kv->len);
  for (guint i = 0; i < w->tensors->len; i++)
    {
      Tensor *t = &g_array_index (w->tensors, Tensor, i);

      put_string (out, t->name);
      put_u32 (out, t->n_dims);
      for (guint32 d = 0; d < t->n_dims; d++)
        put_u64 (out, t->dims[d]);
      put_u32 (out, t->type);
      put_u64 (out, offset);
      offset = align (offset + rw_gguf_writer_tensor_bytes (t->type, t->n_dims, t->dims),
                      w->alignment);
    }
  {
    guint unpadded = out->len;

    g_byte_array_set_size (out, (guint) align (out->len, w->alignment));
    memset (out->data + unpadded, 0, out->len - unpadded);
  }
  if (file_size != NULL)
    *file_size = out->len + offset;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
rw_gguf_writer_write_file (RwGgufWriter  *w,
                           const char    *path,
                           GError       **error)
{
  g_autoptr(GBytes) header = NULL;
  guint64 size;
  gsize length;
  const guint8 *data;
  int fd;

  header = rw_gguf_writer_header (w, &size);
  data = g_bytes_get_data (header, &length);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 || write (fd, data, length) != (ssize_t) length || ftruncate (fd, (off_t) size) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  return close (fd) == 0;
}

GBytes *
rw_gguf_writer_to_bytes (RwGgufWriter *w)
{
  g_autoptr(GBytes) header = NULL;
  GByteArray *out;
  guint64 size;
  gsize length;
  const guint8 *data;

  header = rw_gguf_writer_header (w, &size);
  data = g_bytes_get_data (header, &length);
  out = g_byte_array_sized_new ((guint) size);
  g_byte_array_append (out, data, (guint) length);
  g_byte_array_set_size (out, (guint) size);
  memset (out->data + length, 0, size - length);
  return g_byte_array_free_to_bytes (out);
}

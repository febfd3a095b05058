/* rw-gguf.c: the header of a GGUF file
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout (ggml's docs/gguf.md; gguf.cpp gguf_init_from_file_impl()),
 * all little-endian:
 *   "GGUF", u32 version (2, 3), u64 n_tensors, u64 n_kv,
 *   n_kv × { string key, u32 type, value },
 *   n_tensors × { string name, u32 n_dims, u64 ne[n_dims], u32 ggml_type, u64 offset },
 *   padding to general.alignment (u32, default 32), then the tensor data;
 *   string = u64 length + bytes; array = u32 element type, u64 count, elements.
 * Nothing is allocated for a count or length before the bytes it claims
 * are known to lie inside the file, and what is kept grows only with the
 * bytes actually read, so a hostile header costs at most a few times its
 * own size in memory however large the counts it claims.
 */
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rw-gguf.h"

G_DEFINE_QUARK (rw-gguf-error-quark, rw_gguf_error)

#define GGUF_MAGIC          "GGUF"
#define DEFAULT_ALIGNMENT   32
#define BUFFER_SIZE         (64 * 1024)
#define MAX_KEY_LENGTH      65535        /* far beyond any real key */
#define MAX_KEPT_STRING     4096         /* longer values (chat templates) are skipped */
#define MAX_KEPT_ARRAY      (1u << 20)   /* per-layer arrays are ~100 long */
#define MAX_TENSOR_NAME     256          /* ggml keeps 63 bytes */
#define MAX_ARRAY_DEPTH     3
#define MAX_TENSORS         (1u << 24)
#define MAX_KEYS            (1u << 20)
#define MAX_DIMS            4            /* GGML_MAX_DIMS */
/* Real headers (a 262 K-token vocabulary with its merges) are tens of MB;
 * one larger than this is a file built to keep a reader busy. */
#define MAX_HEADER_BYTES    (G_GUINT64_CONSTANT (256) << 20)
#define MAX_NESTED_ELEMENTS 65536
/* The smallest a metadata pair and a tensor info can be on disk. */
#define MIN_PAIR_BYTES      (8 + 1 + 4 + 1)
#define MIN_TENSOR_BYTES    (8 + 1 + 4 + 8 + 4 + 8)

typedef struct
{
  char       *key;
  RwGgufType  type;
  RwGgufType  element_type;  /* arrays */
  guint64     length;        /* arrays */
  gboolean    negative;      /* signed integer below 0 */
  guint64     u;             /* integers and bools */
  double      number;        /* every numeric scalar */
  char       *string;        /* kept strings */
  double     *array;         /* kept numeric and bool arrays */
} Pair;

struct _RwGguf
{
  char         *name;
  guint32       version;
  guint32       alignment;
  guint64       size;
  guint64       data_offset;
  GPtrArray    *pairs;       /* Pair* in file order */
  GHashTable   *by_key;      /* key → Pair* */
  GArray       *tensors;     /* RwGgufTensor */
};

typedef struct
{
  const char     *name;
  RwGgufReadFunc  read;
  gpointer        user_data;
  guint64         size;
  guint64         pos;       /* next byte to hand out */
  guint8         *buffer;
  guint64         buffer_start;
  gsize           buffer_length;
} Reader;

static void
pair_free (Pair *pair)
{
  g_free (pair->key);
  g_free (pair->string);
  g_free (pair->array);
  g_free (pair);
}

static void
tensor_clear (RwGgufTensor *tensor)
{
  g_free (tensor->name);
}

void
rw_gguf_free (RwGguf *gguf)
{
  if (gguf == NULL)
    return;
  g_free (gguf->name);
  g_clear_pointer (&gguf->by_key, g_hash_table_unref);
  g_clear_pointer (&gguf->pairs, g_ptr_array_unref);
  g_clear_pointer (&gguf->tensors, g_array_unref);
  g_free (gguf);
}

static gboolean
truncated (Reader      *r,
           const char  *what,
           GError     **error)
{
  if (r->pos + 16 < r->size && r->pos >= MAX_HEADER_BYTES - 16)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: the header goes on past %" G_GUINT64_FORMAT " MiB, more than any "
                   "model's", r->name, MAX_HEADER_BYTES >> 20);
      return FALSE;
    }
  g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_TRUNCATED,
               "%s: the header ends early: %s at byte %" G_GUINT64_FORMAT
               " runs past the end of the file (%" G_GUINT64_FORMAT " bytes)",
               r->name, what, r->pos, r->size);
  return FALSE;
}

/* TRUE when @n more bytes lie inside the file (and inside the header's
 * limit). */
static gboolean
fits (Reader  *r,
      guint64  n)
{
  return n <= r->size - r->pos && n <= MAX_HEADER_BYTES - MIN (r->pos, MAX_HEADER_BYTES);
}

static gboolean
read_bytes (Reader      *r,
            void        *out,
            gsize        n,
            const char  *what,
            GError     **error)
{
  guint8 *dest = out;

  if (!fits (r, n))
    return truncated (r, what, error);

  while (n > 0)
    {
      gsize chunk;

      if (r->pos < r->buffer_start || r->pos >= r->buffer_start + r->buffer_length)
        {
          gsize want;

          /* Large reads go straight to the caller's memory. */
          if (n >= BUFFER_SIZE)
            {
              if (!r->read (r->user_data, r->pos, dest, n, error))
                return FALSE;
              r->pos += n;
              return TRUE;
            }
          want = (gsize) MIN ((guint64) BUFFER_SIZE, r->size - r->pos);
          if (!r->read (r->user_data, r->pos, r->buffer, want, error))
            return FALSE;
          r->buffer_start = r->pos;
          r->buffer_length = want;
        }
      chunk = (gsize) MIN ((guint64) n, r->buffer_start + r->buffer_length - r->pos);
      memcpy (dest, r->buffer + (r->pos - r->buffer_start), chunk);
      dest += chunk;
      r->pos += chunk;
      n -= chunk;
    }
  return TRUE;
}

static gboolean
skip (Reader      *r,
      guint64      n,
      const char  *what,
      GError     **error)
{
  if (!fits (r, n))
    return truncated (r, what, error);
  r->pos += n;
  return TRUE;
}

static gboolean
read_u32 (Reader      *r,
          guint32     *out,
          const char  *what,
          GError     **error)
{
  guint8 b[4];

  if (!read_bytes (r, b, 4, what, error))
    return FALSE;
  *out = (guint32) b[0] | (guint32) b[1] << 8 | (guint32) b[2] << 16 | (guint32) b[3] << 24;
  return TRUE;
}

static gboolean
read_u64 (Reader      *r,
          guint64     *out,
          const char  *what,
          GError     **error)
{
  guint8 b[8];

  if (!read_bytes (r, b, 8, what, error))
    return FALSE;
  *out = 0;
  for (int i = 7; i >= 0; i--)
    *out = *out << 8 | b[i];
  return TRUE;
}

/* A string's length is checked against the file before its bytes are
 * allocated; only strings of at most @keep bytes are returned (in @out,
 * NUL-terminated), longer ones are skipped and @out left NULL. */
static gboolean
read_string (Reader      *r,
             gsize        keep,
             char       **out,
             guint64     *length,
             const char  *what,
             GError     **error)
{
  guint64 n;

  *out = NULL;
  if (!read_u64 (r, &n, what, error))
    return FALSE;
  if (length != NULL)
    *length = n;
  if (!fits (r, n))
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: %s at byte %" G_GUINT64_FORMAT " claims %" G_GUINT64_FORMAT
                   " bytes, more than the file has left", r->name, what, r->pos - 8, n);
      return FALSE;
    }
  if (n > keep || keep == 0)
    return skip (r, n, what, error);
  *out = g_malloc (n + 1);
  if (!read_bytes (r, *out, n, what, error))
    {
      g_clear_pointer (out, g_free);
      return FALSE;
    }
  (*out)[n] = '\0';
  return TRUE;
}

static gsize
scalar_size (RwGgufType type)
{
  switch (type)
    {
    case RW_GGUF_TYPE_UINT8:
    case RW_GGUF_TYPE_INT8:
    case RW_GGUF_TYPE_BOOL:
      return 1;
    case RW_GGUF_TYPE_UINT16:
    case RW_GGUF_TYPE_INT16:
      return 2;
    case RW_GGUF_TYPE_UINT32:
    case RW_GGUF_TYPE_INT32:
    case RW_GGUF_TYPE_FLOAT32:
      return 4;
    case RW_GGUF_TYPE_UINT64:
    case RW_GGUF_TYPE_INT64:
    case RW_GGUF_TYPE_FLOAT64:
      return 8;
    case RW_GGUF_TYPE_STRING:
    case RW_GGUF_TYPE_ARRAY:
    default:
      return 0;
    }
}

/* Decodes a little-endian scalar of @type at @b into @pair's number
 * fields. */
static gboolean
decode_scalar (Reader       *r,
               RwGgufType    type,
               const guint8 *b,
               Pair         *pair,
               GError      **error)
{
  guint64 raw = 0;
  gsize size = scalar_size (type);

  for (gsize i = size; i-- > 0;)
    raw = raw << 8 | b[i];

  pair->negative = FALSE;
  switch (type)
    {
    case RW_GGUF_TYPE_UINT8:
    case RW_GGUF_TYPE_UINT16:
    case RW_GGUF_TYPE_UINT32:
    case RW_GGUF_TYPE_UINT64:
      pair->u = raw;
      pair->number = (double) raw;
      break;
    case RW_GGUF_TYPE_INT8:
    case RW_GGUF_TYPE_INT16:
    case RW_GGUF_TYPE_INT32:
    case RW_GGUF_TYPE_INT64:
      {
        /* Sign-extend from the top bit of the width. */
        guint bits = (guint) size * 8;
        gint64 value = bits < 64 && (raw >> (bits - 1)) & 1
                       ? (gint64) (raw | ~((G_GUINT64_CONSTANT (1) << bits) - 1))
                       : (gint64) raw;

        pair->negative = value < 0;
        pair->u = value < 0 ? 0 : (guint64) value;
        pair->number = (double) value;
      }
      break;
    case RW_GGUF_TYPE_FLOAT32:
      {
        guint32 bits32 = (guint32) raw;
        float f;

        memcpy (&f, &bits32, sizeof f);
        pair->number = f;
        pair->u = 0;
      }
      break;
    case RW_GGUF_TYPE_FLOAT64:
      memcpy (&pair->number, &raw, sizeof pair->number);
      pair->u = 0;
      break;
    case RW_GGUF_TYPE_BOOL:
      if (raw > 1)
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                       "%s: metadata “%s”: a bool must be 0 or 1, not %u",
                       r->name, pair->key, (guint) raw);
          return FALSE;
        }
      pair->u = raw;
      pair->number = (double) raw;
      break;
    case RW_GGUF_TYPE_STRING:
    case RW_GGUF_TYPE_ARRAY:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
check_type (Reader      *r,
            const char  *key,
            guint32      type,
            GError     **error)
{
  if (type < RW_GGUF_TYPE_N)
    return TRUE;
  g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
               "%s: metadata “%s”: %u is not a GGUF value type", r->name, key, type);
  return FALSE;
}

/* Skips an array nested in an array (kept nowhere), @depth deep. */
static gboolean
skip_array (Reader      *r,
            const char  *key,
            guint        depth,
            GError     **error)
{
  guint32 type;
  guint64 n;

  if (depth > MAX_ARRAY_DEPTH)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: metadata “%s”: arrays nested more than %u deep", r->name, key,
                   MAX_ARRAY_DEPTH);
      return FALSE;
    }
  if (!read_u32 (r, &type, "an array's element type", error) ||
      !check_type (r, key, type, error) ||
      !read_u64 (r, &n, "an array's length", error))
    return FALSE;

  if (type == RW_GGUF_TYPE_STRING || type == RW_GGUF_TYPE_ARRAY)
    {
      /* Each element takes at least its 8-byte length (or 12-byte array
       * header), so a count beyond that cannot be in the file. */
      guint64 min = type == RW_GGUF_TYPE_STRING ? 8 : 12;

      if (n > (r->size - r->pos) / min ||
          (type == RW_GGUF_TYPE_ARRAY && n > MAX_NESTED_ELEMENTS))
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                       "%s: metadata “%s”: an array of %" G_GUINT64_FORMAT
                       " elements cannot fit in the rest of the file", r->name, key, n);
          return FALSE;
        }
      for (guint64 i = 0; i < n; i++)
        {
          char *ignored;

          if (type == RW_GGUF_TYPE_STRING
              ? !read_string (r, 0, &ignored, NULL, "a string in an array", error)
              : !skip_array (r, key, depth + 1, error))
            return FALSE;
        }
      return TRUE;
    }

  if (n > (r->size - r->pos) / scalar_size (type))
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: metadata “%s”: an array of %" G_GUINT64_FORMAT
                   " elements cannot fit in the rest of the file", r->name, key, n);
      return FALSE;
    }
  return skip (r, n * scalar_size (type), "an array", error);
}

static gboolean
read_array (Reader   *r,
            Pair     *pair,
            GError  **error)
{
  guint32 type;
  guint64 n;
  gsize size;

  if (!read_u32 (r, &type, "an array's element type", error) ||
      !check_type (r, pair->key, type, error) ||
      !read_u64 (r, &n, "an array's length", error))
    return FALSE;
  pair->element_type = type;
  pair->length = n;

  if (type == RW_GGUF_TYPE_STRING || type == RW_GGUF_TYPE_ARRAY)
    {
      guint64 min = type == RW_GGUF_TYPE_STRING ? 8 : 12;

      if (n > (r->size - r->pos) / min ||
          (type == RW_GGUF_TYPE_ARRAY && n > MAX_NESTED_ELEMENTS))
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                       "%s: metadata “%s”: an array of %" G_GUINT64_FORMAT
                       " elements cannot fit in the rest of the file", r->name, pair->key, n);
          return FALSE;
        }
      /* Only the length is kept (the vocabulary's size). */
      for (guint64 i = 0; i < n; i++)
        {
          char *ignored;

          if (type == RW_GGUF_TYPE_STRING
              ? !read_string (r, 0, &ignored, NULL, "a string in an array", error)
              : !skip_array (r, pair->key, 2, error))
            return FALSE;
        }
      return TRUE;
    }

  size = scalar_size (type);
  if (n > (r->size - r->pos) / size)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: metadata “%s”: an array of %" G_GUINT64_FORMAT
                   " elements cannot fit in the rest of the file", r->name, pair->key, n);
      return FALSE;
    }
  if (n > MAX_KEPT_ARRAY)
    return skip (r, n * size, "an array", error);

  pair->array = g_new (double, MAX (n, 1));
  for (guint64 i = 0; i < n; i++)
    {
      guint8 b[8];
      Pair element = { .key = pair->key };

      if (!read_bytes (r, b, size, "an array element", error) ||
          !decode_scalar (r, type, b, &element, error))
        return FALSE;
      pair->array[i] = element.number;
    }
  return TRUE;
}

static gboolean
read_pair (Reader   *r,
           guint64   index,
           Pair     *pair,
           GError  **error)
{
  guint32 type;
  guint64 length;

  if (!read_string (r, MAX_KEY_LENGTH, &pair->key, &length, "a metadata key", error))
    return FALSE;
  if (pair->key == NULL || length == 0 || strlen (pair->key) != length ||
      !g_utf8_validate (pair->key, -1, NULL))
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: metadata key %" G_GUINT64_FORMAT " is empty, too long or not UTF-8 text",
                   r->name, index);
      return FALSE;
    }
  if (!read_u32 (r, &type, "a metadata value type", error) ||
      !check_type (r, pair->key, type, error))
    return FALSE;
  pair->type = type;

  if (type == RW_GGUF_TYPE_STRING)
    {
      char *value;

      if (!read_string (r, MAX_KEPT_STRING, &value, &length, "a metadata string", error))
        return FALSE;
      if (value != NULL && (strlen (value) != length || !g_utf8_validate (value, -1, NULL)))
        g_clear_pointer (&value, g_free);
      pair->string = value;
      return TRUE;
    }
  if (type == RW_GGUF_TYPE_ARRAY)
    return read_array (r, pair, error);

  {
    guint8 b[8];

    return read_bytes (r, b, scalar_size (type), "a metadata value", error) &&
           decode_scalar (r, type, b, pair, error);
  }
}

static gboolean
read_tensor (Reader        *r,
             RwGguf        *gguf,
             guint64        index,
             RwGgufTensor  *t,
             GError       **error)
{
  const RwGgmlType *type;
  guint64 length, rows = 1;

  if (!read_string (r, MAX_TENSOR_NAME, &t->name, &length, "a tensor name", error))
    return FALSE;
  if (t->name == NULL || length == 0 || strlen (t->name) != length ||
      !g_utf8_validate (t->name, -1, NULL))
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: the name of tensor %" G_GUINT64_FORMAT " is empty, longer than %u bytes "
                   "or not UTF-8 text", r->name, index, MAX_TENSOR_NAME);
      return FALSE;
    }
  if (!read_u32 (r, &t->n_dims, "a tensor's dimension count", error))
    return FALSE;
  if (t->n_dims < 1 || t->n_dims > MAX_DIMS)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: tensor “%s” has %u dimensions (1 to %u)", r->name, t->name,
                   t->n_dims, MAX_DIMS);
      return FALSE;
    }
  for (guint d = 0; d < MAX_DIMS; d++)
    t->dims[d] = 1;
  for (guint d = 0; d < t->n_dims; d++)
    if (!read_u64 (r, &t->dims[d], "a tensor dimension", error))
      return FALSE;
  if (!read_u32 (r, &t->type, "a tensor type", error) ||
      !read_u64 (r, &t->offset, "a tensor offset", error))
    return FALSE;

  type = rw_ggml_type_lookup (t->type);
  if (type == NULL)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_UNSUPPORTED,
                   "%s: tensor “%s” has ggml type %u, which Rigwise does not know (removed from "
                   "GGUF, or newer than this version)", r->name, t->name, t->type);
      return FALSE;
    }

  /* ggml counts elements in int64_t: every product must stay below 2^63. */
  t->n_elements = 1;
  for (guint d = 0; d < MAX_DIMS; d++)
    if (t->dims[d] > G_MAXINT64 ||
        !g_uint64_checked_mul (&t->n_elements, t->n_elements, t->dims[d]) ||
        t->n_elements > G_MAXINT64)
      {
        g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                     "%s: tensor “%s”: its shape has more elements than ggml can count",
                     r->name, t->name);
        return FALSE;
      }
  if (t->dims[0] % type->block_size != 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: tensor “%s”: a row of %" G_GUINT64_FORMAT " is not whole %s blocks of %u",
                   r->name, t->name, t->dims[0], type->name, type->block_size);
      return FALSE;
    }
  for (guint d = 1; d < MAX_DIMS; d++)
    rows *= t->dims[d];   /* ≤ n_elements: no overflow */
  if (!g_uint64_checked_mul (&t->n_bytes, t->dims[0] / type->block_size, type->type_size) ||
      !g_uint64_checked_mul (&t->n_bytes, t->n_bytes, rows))
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: tensor “%s” would be larger than 2^64 bytes", r->name, t->name);
      return FALSE;
    }
  if (t->offset % gguf->alignment != 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: tensor “%s”: offset %" G_GUINT64_FORMAT " is not a multiple of the "
                   "alignment, %u", r->name, t->name, t->offset, gguf->alignment);
      return FALSE;
    }
  return TRUE;
}

/* The tensors must lie inside the data section, one after another without
 * overlapping (so no tensor can be claimed twice to inflate the total). */
typedef struct
{
  guint64 start;
  guint64 end;
  guint   index;
} Extent;

static int
compare_extents (gconstpointer a,
                 gconstpointer b)
{
  const Extent *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static gboolean
check_tensor_data (RwGguf   *gguf,
                   GError  **error)
{
  guint64 data = gguf->size - gguf->data_offset;
  g_autofree Extent *extents = g_new (Extent, MAX (gguf->tensors->len, 1));

  for (guint i = 0; i < gguf->tensors->len; i++)
    {
      const RwGgufTensor *t = &g_array_index (gguf->tensors, RwGgufTensor, i);
      guint64 end;

      if (!g_uint64_checked_add (&end, t->offset, t->n_bytes) || end > data)
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                       "%s: tensor “%s” (%" G_GUINT64_FORMAT " bytes at %" G_GUINT64_FORMAT
                       ") ends beyond the file, whose tensor data is %" G_GUINT64_FORMAT " bytes",
                       gguf->name, t->name, t->n_bytes, t->offset, data);
          return FALSE;
        }
      extents[i] = (Extent) { t->offset, end, i };
    }
  qsort (extents, gguf->tensors->len, sizeof (Extent), compare_extents);
  for (guint i = 1; i < gguf->tensors->len; i++)
    if (extents[i].start < extents[i - 1].end)
      {
        g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                     "%s: tensors “%s” and “%s” overlap in the file", gguf->name,
                     g_array_index (gguf->tensors, RwGgufTensor, extents[i - 1].index).name,
                     g_array_index (gguf->tensors, RwGgufTensor, extents[i].index).name);
        return FALSE;
      }
  return TRUE;
}

RwGguf *
rw_gguf_read (const char      *name,
              guint64          size,
              RwGgufReadFunc   read,
              gpointer         user_data,
              GError         **error)
{
  g_autoptr(RwGguf) gguf = NULL;
  g_autofree guint8 *buffer = NULL;
  g_autoptr(GHashTable) tensor_names = NULL;
  Reader r = { 0 };
  guint8 magic[4];
  guint64 n_tensors, n_kv;

  g_return_val_if_fail (name != NULL && read != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = g_malloc (BUFFER_SIZE);
  r = (Reader) { name, read, user_data, size, 0, buffer, 0, 0 };

  gguf = g_new0 (RwGguf, 1);
  gguf->name = g_strdup (name);
  gguf->size = size;
  gguf->alignment = DEFAULT_ALIGNMENT;
  gguf->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  gguf->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  gguf->tensors = g_array_new (FALSE, TRUE, sizeof (RwGgufTensor));
  g_array_set_clear_func (gguf->tensors, (GDestroyNotify) tensor_clear);

  if (size < 4 || !read_bytes (&r, magic, 4, "the magic", NULL) || memcmp (magic, GGUF_MAGIC, 4) != 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_NOT_GGUF,
                   "%s: not a GGUF file (it does not start with “GGUF”)", name);
      return NULL;
    }
  if (!read_u32 (&r, &gguf->version, "the version", error))
    return NULL;
  if (gguf->version != 2 && gguf->version != 3)
    {
      /* A big-endian file reads as 0x0N000000 here. */
      if ((gguf->version & 0xffff) == 0 && gguf->version >> 16 != 0)
        g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_VERSION,
                     "%s: a big-endian GGUF file; Rigwise reads little-endian ones, "
                     "as llama.cpp writes them", name);
      else
        g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_VERSION,
                     "%s: GGUF version %u; Rigwise reads versions 2 and 3%s", name, gguf->version,
                     gguf->version == 1 ? " (convert the model again with a current llama.cpp)" : "");
      return NULL;
    }
  if (!read_u64 (&r, &n_tensors, "the tensor count", error) ||
      !read_u64 (&r, &n_kv, "the metadata count", error))
    return NULL;

  /* Every pair and every tensor info takes some bytes: claims beyond what
   * the file can hold are refused before anything is read for them. */
  if (n_kv > MAX_KEYS || n_tensors > MAX_TENSORS ||
      n_kv > (size - r.pos) / MIN_PAIR_BYTES ||
      n_tensors > (size - r.pos - n_kv * MIN_PAIR_BYTES) / MIN_TENSOR_BYTES)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: the header claims %" G_GUINT64_FORMAT " metadata pairs and %"
                   G_GUINT64_FORMAT " tensors, more than a file of %" G_GUINT64_FORMAT
                   " bytes can hold", name, n_kv, n_tensors, size);
      return NULL;
    }

  for (guint64 i = 0; i < n_kv; i++)
    {
      Pair *pair = g_new0 (Pair, 1);

      g_ptr_array_add (gguf->pairs, pair);
      if (!read_pair (&r, i, pair, error))
        return NULL;
      if (g_hash_table_contains (gguf->by_key, pair->key))
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                       "%s: metadata “%s” appears twice", name, pair->key);
          return NULL;
        }
      g_hash_table_insert (gguf->by_key, pair->key, pair);
    }

  {
    Pair *alignment = g_hash_table_lookup (gguf->by_key, "general.alignment");

    if (alignment != NULL)
      {
        if (alignment->type != RW_GGUF_TYPE_UINT32 || alignment->u == 0 ||
            (alignment->u & (alignment->u - 1)) != 0)
          {
            g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                         "%s: general.alignment must be a power of two in a uint32", name);
            return NULL;
          }
        gguf->alignment = (guint32) alignment->u;
      }
  }

  tensor_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint64 i = 0; i < n_tensors; i++)
    {
      RwGgufTensor *t;

      g_array_set_size (gguf->tensors, gguf->tensors->len + 1);
      t = &g_array_index (gguf->tensors, RwGgufTensor, gguf->tensors->len - 1);
      if (!read_tensor (&r, gguf, i, t, error))
        return NULL;
      if (!g_hash_table_add (tensor_names, t->name))
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                       "%s: tensor “%s” appears twice", name, t->name);
          return NULL;
        }
    }

  /* The data start at the next multiple of the alignment. */
  gguf->data_offset = r.pos + (gguf->alignment - r.pos % gguf->alignment) % gguf->alignment;
  if (gguf->data_offset > size && n_tensors > 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_TRUNCATED,
                   "%s: the file ends before its tensor data starts", name);
      return NULL;
    }
  gguf->data_offset = MIN (gguf->data_offset, size);
  if (!check_tensor_data (gguf, error))
    return NULL;

  return g_steal_pointer (&gguf);
}

typedef struct
{
  int          fd;
  const char  *name;
} FileSource;

static gboolean
file_read_cb (gpointer   user_data,
              guint64    offset,
              guint8    *buffer,
              gsize      length,
              GError   **error)
{
  FileSource *source = user_data;

  while (length > 0)
    {
      ssize_t n = pread (source->fd, buffer, length, (off_t) offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error (error, RW_GGUF_ERROR, n == 0 ? RW_GGUF_ERROR_TRUNCATED : RW_GGUF_ERROR_IO,
                       "%s: %s", source->name,
                       n == 0 ? "the file ended while it was read (changed on disk?)"
                              : g_strerror (saved));
          return FALSE;
        }
      buffer += n;
      offset += (guint64) n;
      length -= (gsize) n;
    }
  return TRUE;
}

RwGguf *
rw_gguf_read_file (const char  *path,
                   GError     **error)
{
  g_autofree char *name = NULL;
  FileSource source;
  struct stat st;
  RwGguf *gguf;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  /* O_NONBLOCK: opening a FIFO without a writer must not wait. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_IO, "%s: %s", name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_IO,
                   "%s: not a regular file", name);
      close (fd);
      return NULL;
    }
  source = (FileSource) { fd, name };
  gguf = rw_gguf_read (name, (guint64) st.st_size, file_read_cb, &source, error);
  close (fd);
  return gguf;
}

typedef struct
{
  const guint8 *data;
} MemorySource;

static gboolean
memory_read_cb (gpointer   user_data,
                guint64    offset,
                guint8    *buffer,
                gsize      length,
                GError   **error)
{
  MemorySource *source = user_data;

  memcpy (buffer, source->data + offset, length);
  return TRUE;
}

RwGguf *
rw_gguf_read_data (const char  *name,
                   const void  *data,
                   gsize        size,
                   GError     **error)
{
  MemorySource source = { data };

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  return rw_gguf_read (name, size, memory_read_cb, &source, error);
}

const char *
rw_gguf_get_name (const RwGguf *gguf)
{
  return gguf->name;
}

guint32
rw_gguf_get_version (const RwGguf *gguf)
{
  return gguf->version;
}

guint32
rw_gguf_get_alignment (const RwGguf *gguf)
{
  return gguf->alignment;
}

guint64
rw_gguf_get_data_offset (const RwGguf *gguf)
{
  return gguf->data_offset;
}

guint64
rw_gguf_get_file_size (const RwGguf *gguf)
{
  return gguf->size;
}

guint
rw_gguf_get_n_keys (const RwGguf *gguf)
{
  return gguf->pairs->len;
}

const char *
rw_gguf_get_key (const RwGguf *gguf,
                 guint         index)
{
  g_return_val_if_fail (index < gguf->pairs->len, NULL);
  return ((Pair *) gguf->pairs->pdata[index])->key;
}

int
rw_gguf_get_type (const RwGguf *gguf,
                  const char   *key,
                  RwGgufType   *element_type,
                  guint64      *length)
{
  Pair *pair = g_hash_table_lookup (gguf->by_key, key);

  if (pair == NULL)
    return -1;
  if (element_type != NULL)
    *element_type = pair->element_type;
  if (length != NULL)
    *length = pair->length;
  return (int) pair->type;
}

gboolean
rw_gguf_get_uint (const RwGguf *gguf,
                  const char   *key,
                  guint64      *value)
{
  Pair *pair = g_hash_table_lookup (gguf->by_key, key);

  if (pair == NULL || pair->negative || pair->type == RW_GGUF_TYPE_STRING ||
      pair->type == RW_GGUF_TYPE_ARRAY || pair->type == RW_GGUF_TYPE_FLOAT32 ||
      pair->type == RW_GGUF_TYPE_FLOAT64)
    return FALSE;
  *value = pair->u;
  return TRUE;
}

gboolean
rw_gguf_get_number (const RwGguf *gguf,
                    const char   *key,
                    double       *value)
{
  Pair *pair = g_hash_table_lookup (gguf->by_key, key);

  if (pair == NULL || pair->type == RW_GGUF_TYPE_STRING || pair->type == RW_GGUF_TYPE_ARRAY)
    return FALSE;
  *value = pair->number;
  return TRUE;
}

const char *
rw_gguf_get_string (const RwGguf *gguf,
                    const char   *key)
{
  Pair *pair = g_hash_table_lookup (gguf->by_key, key);

  return pair != NULL && pair->type == RW_GGUF_TYPE_STRING ? pair->string : NULL;
}

const double *
rw_gguf_get_array (const RwGguf *gguf,
                   const char   *key,
                   guint64      *length)
{
  Pair *pair = g_hash_table_lookup (gguf->by_key, key);

  if (pair == NULL || pair->type != RW_GGUF_TYPE_ARRAY || pair->array == NULL)
    return NULL;
  if (length != NULL)
    *length = pair->length;
  return pair->array;
}

guint64
rw_gguf_get_n_tensors (const RwGguf *gguf)
{
  return gguf->tensors->len;
}

const RwGgufTensor *
rw_gguf_get_tensor (const RwGguf *gguf,
                    guint64       index)
{
  g_return_val_if_fail (index < gguf->tensors->len, NULL);
  return &g_array_index (gguf->tensors, RwGgufTensor, index);
}

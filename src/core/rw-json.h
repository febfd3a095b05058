/* rw-json.h: the one way in and the one way out for JSON
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every JSON document Rigwise reads goes through rw_json_read_*(), and every
 * document it writes through rw_json_to_data() (files: rw_json_save_file()).
 *
 * READING. json-glib 1.6 is lenient where hostile input hurts: it recurses
 * once per nesting level (200 000 "[" overflow the stack), wraps integers
 * that do not fit in 64 bits, accepts single quotes, leading zeros and
 * duplicate keys, and mmap()s whatever path it is given (a FIFO blocks for
 * ever, a directory fails with "No such device"). The reader here builds the
 * same JsonNode tree without recursion and refuses, with a message naming
 * the file (or @origin), the line and the column:
 *   - anything but a regular file: a directory, FIFO, socket or device
 *     (RW_JSON_ERROR_NOT_REGULAR); FIFOs are opened non-blocking, so a FIFO
 *     without a writer cannot hang the caller;
 *   - more bytes, or more values, than the kind allows (TOO_LARGE);
 *   - nesting deeper than the kind allows (TOO_DEEP);
 *   - anything RFC 8259 does not allow (SYNTAX): not UTF-8, a NUL byte,
 *     single quotes, leading zeros, trailing commas, a duplicate member name
 *     in one object, "\u0000" or a lone surrogate in a string, an integer
 *     outside 64 bits, NaN and Infinity. (A number beyond a double, 1e999,
 *     reads as an infinity, as in json-glib: field readers check
 *     isfinite() and name the field.)
 *     Only RW_JSON_KIND_HF_CONFIG takes NaN, Infinity and -Infinity, as
 *     Python's json module writes them into config.json files; they become
 *     double nodes holding NAN and ±INFINITY, so readers must check
 *     isfinite() on every number they use.
 * A leading UTF-8 byte order mark is skipped (RFC 8259 §8.1 allows it).
 * Integers become G_TYPE_INT64 nodes, other numbers G_TYPE_DOUBLE.
 *
 * Each kind of input has its limits in one table (rw_json_get_limits(),
 * quoted in the README's "Limits" section). A new kind of input (a hub API
 * response, a runtime's config) gets a row there, not a private reader.
 *
 * WRITING. json-glib's generator writes 1e-8 as "1e-08.0", which no JSON
 * parser reads back, and turns non-ASCII text into "?" in the C locale.
 * rw_json_to_data() writes the tree with json-glib's layout ("key" : value,
 * two-space indent when pretty) but with numbers that are always valid JSON:
 * integers as integers, doubles in the shortest form that reads back to the
 * same double, with ".0" added only to plain digits ("0.1", "1e-08", "3.0");
 * NaN and infinities, which JSON cannot hold, as null. Strings are written
 * as UTF-8 whatever the locale (invalid sequences as U+FFFD), with the
 * control characters escaped.
 *
 * SIZES. rw_size_add() and rw_size_mul() saturate at G_MAXUINT64 instead of
 * wrapping, for byte counts built from untrusted numbers.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RW_JSON_ERROR (rw_json_error_quark ())
typedef enum
{
  RW_JSON_ERROR_NOT_FOUND,    /* no such file */
  RW_JSON_ERROR_IO,           /* cannot be opened or read */
  RW_JSON_ERROR_NOT_REGULAR,  /* a directory, FIFO, socket or device */
  RW_JSON_ERROR_TOO_LARGE,    /* more bytes or values than the kind allows */
  RW_JSON_ERROR_TOO_DEEP,     /* nested deeper than the kind allows */
  RW_JSON_ERROR_SYNTAX,       /* not strict JSON; the message gives line and column */
} RwJsonError;

GQuark rw_json_error_quark (void);

/* The kinds of JSON input, each with its own limits. */
typedef enum
{
  RW_JSON_KIND_CATALOG,       /* a catalog file, bundled or the user's */
  RW_JSON_KIND_HF_CONFIG,     /* a Hugging Face config.json */
  RW_JSON_KIND_SCENARIO,      /* a .rigwise file, or the app's last-scenario setting */
  RW_JSON_KIND_PRICE_FEED,    /* a downloaded price feed */
  RW_JSON_KIND_PRICE_CACHE,   /* the cached price feed */
  RW_JSON_KIND_N,
} RwJsonKind;

typedef struct
{
  const char *what;           /* "a Hugging Face config.json", for messages */
  guint64     max_bytes;
  guint       max_depth;      /* containers inside containers; 1 is a flat object */
  guint       max_values;     /* every value counts, containers included */
  gboolean    nonfinite;      /* NaN, Infinity and -Infinity accepted */
} RwJsonLimits;

const RwJsonLimits *rw_json_get_limits      (RwJsonKind     kind);

/* Reads and parses the regular file at @path. Messages start with the
 * file's display name ("config.json: …"). A missing file is
 * RW_JSON_ERROR_NOT_FOUND. Free the result with json_node_unref(). */
JsonNode           *rw_json_read_file       (const char    *path,
                                             RwJsonKind     kind,
                                             GError       **error);
/* Only the checks and the reading of rw_json_read_file(): the bytes, NUL
 * terminated, for callers that parse them with rw_json_read_data() under
 * an origin of their own. */
char               *rw_json_read_file_contents (const char *path,
                                                RwJsonKind  kind,
                                                gsize      *length,
                                                GError    **error);
/* The same for a GFile: local files go through rw_json_read_file(); others
 * (gvfs) must report a regular file within the size cap. */
JsonNode           *rw_json_read_gfile      (GFile         *file,
                                             RwJsonKind     kind,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* Parses @length bytes at @data (no NUL terminator needed). Messages start
 * with "@origin: " when @origin is not NULL. */
JsonNode           *rw_json_read_data       (const char    *data,
                                             gsize          length,
                                             RwJsonKind     kind,
                                             const char    *origin,
                                             GError       **error);

/* Moves an RW_JSON_ERROR into a caller's domain, message unchanged:
 * NOT_FOUND, IO and NOT_REGULAR become @io_code, TOO_LARGE @too_large_code,
 * TOO_DEEP and SYNTAX @syntax_code. Other domains are left alone. */
void                rw_json_error_convert   (GError       **error,
                                             GQuark         domain,
                                             int            io_code,
                                             int            too_large_code,
                                             int            syntax_code);

/* The document for @node, pretty (two-space indent) or compact, always
 * valid JSON, without a final newline. @length may be NULL. */
char               *rw_json_to_data         (JsonNode      *node,
                                             gboolean       pretty,
                                             gsize         *length);

/* Appends @value as rw_json_to_data() writes numbers (null when not
 * finite), for writers that build JSON text themselves. */
void                rw_json_append_double   (GString       *out,
                                             double         value);

/* Writes @node pretty, with a final newline, atomically to @path (see
 * rw_file_save_atomic() in rw-file.h). Errors are G_FILE_ERROR. */
gboolean            rw_json_save_file       (JsonNode      *node,
                                             const char    *path,
                                             int            mode,
                                             GError       **error);

/* Byte counts: a + b and a × b, G_MAXUINT64 on overflow. */
static inline guint64
rw_size_add (guint64 a,
             guint64 b)
{
  return a > G_MAXUINT64 - b ? G_MAXUINT64 : a + b;
}

static inline guint64
rw_size_mul (guint64 a,
             guint64 b)
{
  return b != 0 && a > G_MAXUINT64 / b ? G_MAXUINT64 : a * b;
}

G_END_DECLS

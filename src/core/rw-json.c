/* rw-json.c: the one way in for JSON: files checked, then a strict parser
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser walks the document once with an explicit stack (no recursion,
 * so nesting costs heap, never C stack) and builds json-glib nodes as it
 * goes; see rw-json.h for what it refuses and why.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rw-json.h"

G_DEFINE_QUARK (rw-json-error-quark, rw_json_error)

#define KiB 1024u
#define MiB (1024u * 1024u)

/* The limits of each kind of input, quoted in the README ("Limits"). The
 * largest real files are far below: the bundled systems.json is 66 KB, the
 * largest config.json in shared/reference/hf-configs 4.2 KB, a scenario a
 * config plus 1 KB. Every value costs json-glib about 100 bytes, so the
 * value caps bound memory as the byte caps bound time. */
static const RwJsonLimits limits[RW_JSON_KIND_N] = {
  [RW_JSON_KIND_CATALOG] = { "a catalog file", 2 * MiB, 32, 200000, FALSE },
  [RW_JSON_KIND_HF_CONFIG] = { "a Hugging Face config.json", 1 * MiB, 32, 100000, TRUE },
  /* A scenario embeds a config two levels down. */
  [RW_JSON_KIND_SCENARIO] = { "a scenario", 2 * MiB, 34, 110000, FALSE },
  [RW_JSON_KIND_PRICE_FEED] = { "a price feed", 1 * MiB, 32, 200000, FALSE },
  /* The feed document is one string member: a 1 MiB feed with every
   * character escaped stays below 8 MiB. */
  [RW_JSON_KIND_PRICE_CACHE] = { "the price cache", 8 * MiB, 4, 64, FALSE },
};

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_END,       /* just after "[" */
  EXPECT_KEY,                /* after "," in an object */
  EXPECT_KEY_OR_END,         /* just after "{" */
  EXPECT_COLON,
  EXPECT_COMMA_OR_END,
  EXPECT_NOTHING,            /* the top-level value is complete */
} State;

typedef struct
{
  const char         *data;
  gsize               length;
  gsize               pos;
  const RwJsonLimits *limits;
  const char         *origin;
  guint               n_values;
  GPtrArray          *stack;   /* JsonNode* containers, borrowed from the tree */
  JsonNode           *root;    /* owned */
  char               *key;     /* member name waiting for its value */
} Parser;

const RwJsonLimits *
rw_json_get_limits (RwJsonKind kind)
{
  g_return_val_if_fail ((guint) kind < RW_JSON_KIND_N, NULL);
  return &limits[kind];
}

static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      guchar c = (guchar) data[i];

      if (c == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        {
          /* Characters, not bytes, as an editor counts them. */
          (*column)++;
        }
    }
}

/* "origin: message", or "Message" when there is no origin. */
static void
set_error (GError    **error,
           const char *origin,
           RwJsonError code,
           const char *message)
{
  if (origin != NULL)
    g_set_error (error, RW_JSON_ERROR, code, "%s: %s", origin, message);
  else
    g_set_error (error, RW_JSON_ERROR, code, "%c%s", g_ascii_toupper (message[0]), message + 1);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (Parser     *p,
         GError    **error,
         RwJsonError code,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;
  guint line, column;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (p->data, MIN (p->pos, p->length), &line, &column);
  message = g_strdup_printf ("not valid JSON at line %u, column %u: %s", line, column, what);
  set_error (error, p->origin, code, message);
  return FALSE;
}

static int
hex_value (char ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser   *p,
           gunichar *out,
           GError  **error)
{
  gunichar value = 0;

  if (p->length - p->pos < 4)
    return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "truncated \\u escape");
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p->data[p->pos + i]);

      if (h < 0)
        return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "bad \\u escape");
      value = value * 16 + (gunichar) h;
    }
  p->pos += 4;
  *out = value;
  return TRUE;
}

/* At the opening quote; the text is already known to be UTF-8 without NUL. */
static char *
read_string (Parser  *p,
             GError **error)
{
  g_autoptr(GString) out = NULL;
  gsize start = ++p->pos;

  /* Most strings have no escapes: copy them in one go. */
  while (p->pos < p->length && p->data[p->pos] != '"' && p->data[p->pos] != '\\'
         && (guchar) p->data[p->pos] >= 0x20)
    p->pos++;
  if (p->pos < p->length && p->data[p->pos] == '"')
    return g_strndup (p->data + start, p->pos++ - start);

  out = g_string_new_len (p->data + start, (gssize) (p->pos - start));
  while (p->pos < p->length)
    {
      guchar ch = (guchar) p->data[p->pos];

      if (ch == '"')
        {
          p->pos++;
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
      if (ch < 0x20)
        {
          fail_at (p, error, RW_JSON_ERROR_SYNTAX, "control character in a string");
          return NULL;
        }
      if (ch != '\\')
        {
          g_string_append_c (out, (char) ch);
          p->pos++;
          continue;
        }

      p->pos++;
      if (p->pos >= p->length)
        break;
      ch = (guchar) p->data[p->pos++];
      switch (ch)
        {
        case '"': case '\\': case '/':
          g_string_append_c (out, (char) ch);
          break;
        case 'b':
          g_string_append_c (out, '\b');
          break;
        case 'f':
          g_string_append_c (out, '\f');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'u':
          {
            gunichar u;

            if (!read_hex4 (p, &u, error))
              return NULL;
            /* Strings are C strings: a NUL would cut them short. */
            if (u == 0)
              {
                fail_at (p, error, RW_JSON_ERROR_SYNTAX, "NUL character (\\u0000) in a string");
                return NULL;
              }
            if (u >= 0xDC00 && u <= 0xDFFF)
              {
                fail_at (p, error, RW_JSON_ERROR_SYNTAX, "unpaired low surrogate in a string");
                return NULL;
              }
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low;

                if (p->length - p->pos < 2 || p->data[p->pos] != '\\' || p->data[p->pos + 1] != 'u')
                  {
                    fail_at (p, error, RW_JSON_ERROR_SYNTAX, "unpaired high surrogate in a string");
                    return NULL;
                  }
                p->pos += 2;
                if (!read_hex4 (p, &low, error))
                  return NULL;
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    fail_at (p, error, RW_JSON_ERROR_SYNTAX, "unpaired high surrogate in a string");
                    return NULL;
                  }
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (out, u);
          }
          break;
        default:
          p->pos--;
          fail_at (p, error, RW_JSON_ERROR_SYNTAX, "unknown escape \\%c",
                   g_ascii_isprint (ch) ? ch : '?');
          return NULL;
        }
    }
  fail_at (p, error, RW_JSON_ERROR_SYNTAX, "unterminated string");
  return NULL;
}

static gboolean
is_digit (Parser *p)
{
  return p->pos < p->length && g_ascii_isdigit (p->data[p->pos]);
}

static gboolean
looking_at (Parser     *p,
            const char *word)
{
  gsize len = strlen (word);

  return p->length - p->pos >= len && memcmp (p->data + p->pos, word, len) == 0;
}

static JsonNode *
read_number (Parser  *p,
             GError **error)
{
  gsize start = p->pos;
  gsize int_start, int_len;
  gboolean negative = FALSE, integer = TRUE;
  g_autofree char *text = NULL;
  double value;

  if (p->data[p->pos] == '-')
    {
      negative = TRUE;
      p->pos++;
      /* Python writes -Infinity; only config.json files may hold it. */
      if (p->limits->nonfinite && looking_at (p, "Infinity"))
        {
          p->pos += strlen ("Infinity");
          return json_node_init_double (json_node_alloc (), -INFINITY);
        }
    }
  int_start = p->pos;
  if (!is_digit (p))
    {
      fail_at (p, error, RW_JSON_ERROR_SYNTAX, "a number needs digits");
      return NULL;
    }
  if (p->data[p->pos] == '0')
    {
      p->pos++;
      if (is_digit (p))
        {
          fail_at (p, error, RW_JSON_ERROR_SYNTAX, "leading zero in a number");
          return NULL;
        }
    }
  else
    {
      while (is_digit (p))
        p->pos++;
    }
  int_len = p->pos - int_start;

  if (p->pos < p->length && p->data[p->pos] == '.')
    {
      integer = FALSE;
      p->pos++;
      if (!is_digit (p))
        {
          fail_at (p, error, RW_JSON_ERROR_SYNTAX, "digits must follow the decimal point");
          return NULL;
        }
      while (is_digit (p))
        p->pos++;
    }
  if (p->pos < p->length && (p->data[p->pos] == 'e' || p->data[p->pos] == 'E'))
    {
      integer = FALSE;
      p->pos++;
      if (p->pos < p->length && (p->data[p->pos] == '+' || p->data[p->pos] == '-'))
        p->pos++;
      if (!is_digit (p))
        {
          fail_at (p, error, RW_JSON_ERROR_SYNTAX, "digits must follow the exponent");
          return NULL;
        }
      while (is_digit (p))
        p->pos++;
    }

  text = g_strndup (p->data + start, p->pos - start);
  if (integer)
    {
      const char *limit = negative ? "9223372036854775808" : "9223372036854775807";
      gsize limit_len = strlen (limit);

      /* json-glib would wrap it to another number. */
      if (int_len > limit_len ||
          (int_len == limit_len && memcmp (p->data + int_start, limit, limit_len) > 0))
        {
          p->pos = start;
          fail_at (p, error, RW_JSON_ERROR_SYNTAX, "integer does not fit in 64 bits");
          return NULL;
        }
      return json_node_init_int (json_node_alloc (), g_ascii_strtoll (text, NULL, 10));
    }

  /* Beyond a double (1e999) reads as an infinity, as json-glib reads it:
   * the field reader that gets it refuses it and names the field. */
  value = g_ascii_strtod (text, NULL);
  return json_node_init_double (json_node_alloc (), value);
}

/* Attaches a complete value (or a container just opened) to its parent. */
static void
attach (Parser   *p,
        JsonNode *node)
{
  JsonNode *parent;

  if (p->stack->len == 0)
    {
      p->root = node;
      return;
    }
  parent = g_ptr_array_index (p->stack, p->stack->len - 1);
  if (JSON_NODE_HOLDS_ARRAY (parent))
    json_array_add_element (json_node_get_array (parent), node);
  else
    json_object_set_member (json_node_get_object (parent), p->key, node);
  g_clear_pointer (&p->key, g_free);
}

static gboolean
count_value (Parser  *p,
             GError **error)
{
  if (++p->n_values <= p->limits->max_values)
    return TRUE;
  return fail_at (p, error, RW_JSON_ERROR_TOO_LARGE, "more than %u values (%s may have at most %u)",
                  p->limits->max_values, p->limits->what, p->limits->max_values);
}

/* Reads one scalar, or opens a container. */
static gboolean
read_value (Parser  *p,
            State   *state,
            GError **error)
{
  char ch = p->data[p->pos];
  JsonNode *node = NULL;

  if (!count_value (p, error))
    return FALSE;

  switch (ch)
    {
    case '{':
    case '[':
      if (p->stack->len >= p->limits->max_depth)
        return fail_at (p, error, RW_JSON_ERROR_TOO_DEEP, "nested deeper than %u levels",
                        p->limits->max_depth);
      if (ch == '{')
        {
          node = json_node_init (json_node_alloc (), JSON_NODE_OBJECT);
          json_node_take_object (node, json_object_new ());
        }
      else
        {
          node = json_node_init (json_node_alloc (), JSON_NODE_ARRAY);
          json_node_take_array (node, json_array_new ());
        }
      attach (p, node);
      g_ptr_array_add (p->stack, node);
      p->pos++;
      *state = ch == '{' ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
      return TRUE;
    case '"':
      {
        g_autofree char *text = read_string (p, error);

        if (text == NULL)
          return FALSE;
        node = json_node_init_string (json_node_alloc (), text);
      }
      break;
    case 't':
    case 'f':
    case 'n':
      if (looking_at (p, "true") || looking_at (p, "false"))
        {
          node = json_node_init_boolean (json_node_alloc (), ch == 't');
          p->pos += ch == 't' ? 4 : 5;
        }
      else if (looking_at (p, "null"))
        {
          node = json_node_init_null (json_node_alloc ());
          p->pos += 4;
        }
      else
        return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "unexpected character");
      break;
    default:
      if (ch == '-' || g_ascii_isdigit (ch))
        {
          node = read_number (p, error);
          if (node == NULL)
            return FALSE;
          break;
        }
      if (p->limits->nonfinite && (looking_at (p, "NaN") || looking_at (p, "Infinity")))
        {
          node = json_node_init_double (json_node_alloc (), ch == 'N' ? NAN : INFINITY);
          p->pos += ch == 'N' ? 3 : 8;
          break;
        }
      if (g_ascii_isalpha (ch))
        return fail_at (p, error, RW_JSON_ERROR_SYNTAX,
                        "unexpected word (NaN, Infinity and bare names are not JSON)");
      if (ch == '\'')
        return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "strings take double quotes");
      return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "expected a value");
    }

  attach (p, node);
  *state = p->stack->len == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_END;
  return TRUE;
}

static gboolean
parse (Parser  *p,
       GError **error)
{
  State state = EXPECT_VALUE;

  for (;;)
    {
      char ch;

      while (p->pos < p->length && (p->data[p->pos] == ' ' || p->data[p->pos] == '\t' ||
                                    p->data[p->pos] == '\n' || p->data[p->pos] == '\r'))
        p->pos++;

      if (p->pos >= p->length)
        {
          if (state == EXPECT_NOTHING)
            return TRUE;
          return fail_at (p, error, RW_JSON_ERROR_SYNTAX,
                          p->length == 0 ? "the document is empty" : "the document ends early");
        }

      ch = p->data[p->pos];
      switch (state)
        {
        case EXPECT_NOTHING:
          return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "data after the end of the document");

        case EXPECT_VALUE_OR_END:
          if (ch == ']')
            goto close_container;
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (!read_value (p, &state, error))
            return FALSE;
          break;

        case EXPECT_KEY_OR_END:
          if (ch == '}')
            goto close_container;
          G_GNUC_FALLTHROUGH;
        case EXPECT_KEY:
          {
            JsonNode *object = g_ptr_array_index (p->stack, p->stack->len - 1);
            gsize key_pos = p->pos;

            if (ch != '"')
              return fail_at (p, error, RW_JSON_ERROR_SYNTAX,
                              "expected a member name in double quotes");
            p->key = read_string (p, error);
            if (p->key == NULL)
              return FALSE;
            if (json_object_has_member (json_node_get_object (object), p->key))
              {
                p->pos = key_pos;
                return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "duplicate member “%s”", p->key);
              }
            state = EXPECT_COLON;
          }
          break;

        case EXPECT_COLON:
          if (ch != ':')
            return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "expected “:”");
          p->pos++;
          state = EXPECT_VALUE;
          break;

        case EXPECT_COMMA_OR_END:
          {
            JsonNode *top = g_ptr_array_index (p->stack, p->stack->len - 1);
            gboolean in_object = JSON_NODE_HOLDS_OBJECT (top);

            if (ch == ',')
              {
                p->pos++;
                state = in_object ? EXPECT_KEY : EXPECT_VALUE;
                break;
              }
            if ((ch == '}' && in_object) || (ch == ']' && !in_object))
              goto close_container;
            return fail_at (p, error, RW_JSON_ERROR_SYNTAX, "expected “,” or “%c”",
                            in_object ? '}' : ']');
          }

        default:
          g_assert_not_reached ();
        }
      continue;

    close_container:
      p->pos++;
      g_ptr_array_set_size (p->stack, p->stack->len - 1);
      state = p->stack->len == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_END;
    }
}

JsonNode *
rw_json_read_data (const char  *data,
                   gsize        length,
                   RwJsonKind   kind,
                   const char  *origin,
                   GError     **error)
{
  Parser p = { 0, };
  const char *end = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail ((guint) kind < RW_JSON_KIND_N, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p.data = data != NULL ? data : "";
  p.length = length;
  p.limits = &limits[kind];
  p.origin = origin;

  if (length > p.limits->max_bytes)
    {
      g_autofree char *message =
        g_strdup_printf ("%" G_GSIZE_FORMAT " bytes, more than the %" G_GUINT64_FORMAT
                         " bytes %s may have", length, p.limits->max_bytes, p.limits->what);
      set_error (error, origin, RW_JSON_ERROR_TOO_LARGE, message);
      return NULL;
    }

  /* RFC 8259 §8.1 lets a parser ignore a byte order mark. */
  if (length >= 3 && memcmp (p.data, "\xef\xbb\xbf", 3) == 0)
    {
      p.data += 3;
      p.length -= 3;
    }

  /* Invalid UTF-8 or a NUL byte anywhere: refuse before reading further. */
  if (!g_utf8_validate_len (p.data, p.length, &end))
    {
      p.pos = (gsize) (end - p.data);
      fail_at (&p, error, RW_JSON_ERROR_SYNTAX, "not UTF-8 text (or a NUL byte)");
      return NULL;
    }

  p.stack = g_ptr_array_new ();
  ok = parse (&p, error);
  g_ptr_array_unref (p.stack);
  g_free (p.key);
  if (!ok)
    {
      g_clear_pointer (&p.root, json_node_unref);
      return NULL;
    }
  return p.root;
}

static const char *
file_type_name (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a directory";
  if (S_ISFIFO (mode))
    return "a FIFO (named pipe)";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return "a device";
  return "not a regular file";
}

static gboolean
check_stat (const char         *name,
            const GStatBuf     *st,
            const RwJsonLimits *lim,
            GError            **error)
{
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_REGULAR,
                   "%s: %s, not a regular file", name, file_type_name (st->st_mode));
      return FALSE;
    }
  if ((guint64) st->st_size > lim->max_bytes)
    {
      g_set_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_LARGE,
                   "%s: %" G_GUINT64_FORMAT " bytes, more than the %" G_GUINT64_FORMAT
                   " bytes %s may have", name, (guint64) st->st_size, lim->max_bytes, lim->what);
      return FALSE;
    }
  return TRUE;
}

static void
set_errno_error (GError    **error,
                 const char *name,
                 const char *doing,
                 int         saved_errno)
{
  g_set_error (error, RW_JSON_ERROR,
               saved_errno == ENOENT ? RW_JSON_ERROR_NOT_FOUND : RW_JSON_ERROR_IO,
               "%s: %s%s", name, doing, g_strerror (saved_errno));
}

char *
rw_json_read_file_contents (const char  *path,
                            RwJsonKind   kind,
                            gsize       *length_out,
                            GError     **error)
{
  const RwJsonLimits *lim;
  g_autofree char *name = NULL;
  g_autofree char *buffer = NULL;
  gsize size, length = 0;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail ((guint) kind < RW_JSON_KIND_N, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lim = &limits[kind];
  name = g_filename_display_basename (path);
  if (length_out != NULL)
    *length_out = 0;

  /* Look before opening: opening a device can have effects of its own. */
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, name, "", errno);
      return NULL;
    }
  if (!check_stat (name, &st, lim, error))
    return NULL;

  /* Non-blocking, so that a FIFO put there since cannot hang the open. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, name, "could not open: ", errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !check_stat (name, &st, lim, error))
    {
      if (error != NULL && *error == NULL)
        set_errno_error (error, name, "", errno);
      close (fd);
      return NULL;
    }

  /* One byte more than the cap tells a file that grew since fstat(). */
  size = (gsize) MIN ((guint64) st.st_size, lim->max_bytes) + 1;
  buffer = g_malloc (size);
  for (;;)
    {
      gssize n;

      if (length == size)
        {
          if (length > lim->max_bytes)
            break;
          size = (gsize) MIN (rw_size_mul (size, 2), lim->max_bytes + 1);
          buffer = g_realloc (buffer, size);
        }
      n = read (fd, buffer + length, size - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, name, "could not read: ", errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  close (fd);

  if (length > lim->max_bytes)
    {
      g_set_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_LARGE,
                   "%s: more than the %" G_GUINT64_FORMAT " bytes %s may have",
                   name, lim->max_bytes, lim->what);
      return NULL;
    }
  if (length_out != NULL)
    *length_out = length;
  /* NUL-terminated for callers that want a C string. */
  buffer = g_realloc (buffer, length + 1);
  buffer[length] = '\0';
  return g_steal_pointer (&buffer);
}

JsonNode *
rw_json_read_file (const char  *path,
                   RwJsonKind   kind,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  contents = rw_json_read_file_contents (path, kind, &length, error);
  if (contents == NULL)
    return NULL;
  name = g_filename_display_basename (path);
  return rw_json_read_data (contents, length, kind, name, error);
}

JsonNode *
rw_json_read_gfile (GFile         *file,
                    RwJsonKind     kind,
                    GCancellable  *cancellable,
                    GError       **error)
{
  const RwJsonLimits *lim;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail ((guint) kind < RW_JSON_KIND_N, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_peek_path (file) != NULL)
    return rw_json_read_file (g_file_peek_path (file), kind, error);

  lim = &limits[kind];
  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, RW_JSON_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                   ? RW_JSON_ERROR_NOT_FOUND : RW_JSON_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_REGULAR,
                   "%s: not a regular file", name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > lim->max_bytes)
    {
      g_set_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_LARGE,
                   "%s: %" G_GUINT64_FORMAT " bytes, more than the %" G_GUINT64_FORMAT
                   " bytes %s may have", name, (guint64) g_file_info_get_size (info),
                   lim->max_bytes, lim->what);
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  buffer = g_malloc (lim->max_bytes + 1);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, lim->max_bytes + 1, &length,
                                cancellable, &local_error))
    {
      g_set_error (error, RW_JSON_ERROR, RW_JSON_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (length > lim->max_bytes)
    {
      g_set_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_LARGE,
                   "%s: more than the %" G_GUINT64_FORMAT " bytes %s may have",
                   name, lim->max_bytes, lim->what);
      return NULL;
    }
  return rw_json_read_data (buffer, length, kind, name, error);
}

void
rw_json_error_convert (GError **error,
                       GQuark   domain,
                       int      io_code,
                       int      too_large_code,
                       int      syntax_code)
{
  if (error == NULL || *error == NULL || (*error)->domain != RW_JSON_ERROR)
    return;
  switch ((RwJsonError) (*error)->code)
    {
    case RW_JSON_ERROR_NOT_FOUND:
    case RW_JSON_ERROR_IO:
    case RW_JSON_ERROR_NOT_REGULAR:
      (*error)->code = io_code;
      break;
    case RW_JSON_ERROR_TOO_LARGE:
      (*error)->code = too_large_code;
      break;
    case RW_JSON_ERROR_TOO_DEEP:
    case RW_JSON_ERROR_SYNTAX:
    default:
      (*error)->code = syntax_code;
      break;
    }
  (*error)->domain = domain;
}

/* rw-json-strict.c: a strict, non-recursive JSON checker run before json-glib
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 is lenient where a hostile feed could hurt: it accepts
 * 'single quotes', leading zeros and duplicate keys, wraps integers that do
 * not fit in 64 bits to other numbers, and recurses once per nesting level
 * (a megabyte of "[" overflows the stack). This checker walks the document
 * once with an explicit stack and refuses all of that, naming the line and
 * column, so json-glib only ever sees plain RFC 8259 JSON.
 */
#include <string.h>

#include "rw-price-feed.h"

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
  const char  *data;
  gsize        length;
  gsize        pos;
  guint        max_depth;
  guint        depth;
  char        *kinds;        /* '[' or '{' per level */
  GHashTable **keys;         /* the keys seen per object level */
} Checker;

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
          /* Count characters, not bytes, as json-glib does. */
          (*column)++;
        }
    }
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail_at (Checker    *c,
         GError    **error,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;
  guint line, column;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (c->data, MIN (c->pos, c->length), &line, &column);
  g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_BAD_JSON,
               "Not valid JSON at line %u, column %u: %s", line, column, what);
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
read_hex4 (Checker  *c,
           gunichar *out,
           GError  **error)
{
  gunichar value = 0;

  if (c->length - c->pos < 4)
    return fail_at (c, error, "truncated \\u escape");
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (c->data[c->pos + i]);

      if (h < 0)
        return fail_at (c, error, "bad \\u escape");
      value = value * 16 + (gunichar) h;
    }
  c->pos += 4;
  *out = value;
  return TRUE;
}

/* At the opening quote. Decodes into @decoded when it is not NULL. */
static gboolean
read_string (Checker  *c,
             GString  *decoded,
             GError  **error)
{
  c->pos++;
  while (c->pos < c->length)
    {
      guchar ch = (guchar) c->data[c->pos];

      if (ch == '"')
        {
          c->pos++;
          return TRUE;
        }
      if (ch < 0x20)
        return fail_at (c, error, "control character in a string");
      if (ch != '\\')
        {
          if (decoded != NULL)
            g_string_append_c (decoded, (char) ch);
          c->pos++;
          continue;
        }

      c->pos++;
      if (c->pos >= c->length)
        break;
      ch = (guchar) c->data[c->pos++];
      switch (ch)
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          if (decoded != NULL)
            g_string_append_c (decoded, (char) ch);
          break;
        case 'u':
          {
            gunichar u;

            if (!read_hex4 (c, &u, error))
              return FALSE;
            if (u == 0)
              return fail_at (c, error, "NUL character (\\u0000) in a string");
            if (u >= 0xDC00 && u <= 0xDFFF)
              return fail_at (c, error, "unpaired low surrogate in a string");
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low;

                if (c->length - c->pos < 2 || c->data[c->pos] != '\\' || c->data[c->pos + 1] != 'u')
                  return fail_at (c, error, "unpaired high surrogate in a string");
                c->pos += 2;
                if (!read_hex4 (c, &low, error))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  return fail_at (c, error, "unpaired high surrogate in a string");
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            if (decoded != NULL)
              g_string_append_unichar (decoded, u);
          }
          break;
        default:
          c->pos--;
          return fail_at (c, error, "unknown escape \\%c", g_ascii_isprint (ch) ? ch : '?');
        }
    }
  return fail_at (c, error, "unterminated string");
}

static gboolean
is_digit (Checker *c)
{
  return c->pos < c->length && g_ascii_isdigit (c->data[c->pos]);
}

static gboolean
read_number (Checker *c,
             GError **error)
{
  gsize start = c->pos;
  gsize int_start, int_len;
  gboolean negative = FALSE, integer = TRUE;

  if (c->data[c->pos] == '-')
    {
      negative = TRUE;
      c->pos++;
    }
  int_start = c->pos;
  if (!is_digit (c))
    return fail_at (c, error, "a number needs digits");
  if (c->data[c->pos] == '0')
    {
      c->pos++;
      if (is_digit (c))
        return fail_at (c, error, "leading zero in a number");
    }
  else
    {
      while (is_digit (c))
        c->pos++;
    }
  int_len = c->pos - int_start;

  if (c->pos < c->length && c->data[c->pos] == '.')
    {
      integer = FALSE;
      c->pos++;
      if (!is_digit (c))
        return fail_at (c, error, "digits must follow the decimal point");
      while (is_digit (c))
        c->pos++;
    }
  if (c->pos < c->length && (c->data[c->pos] == 'e' || c->data[c->pos] == 'E'))
    {
      integer = FALSE;
      c->pos++;
      if (c->pos < c->length && (c->data[c->pos] == '+' || c->data[c->pos] == '-'))
        c->pos++;
      if (!is_digit (c))
        return fail_at (c, error, "digits must follow the exponent");
      while (is_digit (c))
        c->pos++;
    }

  /* json-glib reads integers as gint64 and silently wraps on overflow. */
  if (integer)
    {
      const char *limit = negative ? "9223372036854775808" : "9223372036854775807";
      gsize limit_len = strlen (limit);

      if (int_len > limit_len ||
          (int_len == limit_len && memcmp (c->data + int_start, limit, limit_len) > 0))
        {
          c->pos = start;
          return fail_at (c, error, "integer does not fit in 64 bits");
        }
    }
  return TRUE;
}

static gboolean
read_literal (Checker    *c,
              const char *word,
              GError    **error)
{
  gsize len = strlen (word);

  if (c->length - c->pos < len || memcmp (c->data + c->pos, word, len) != 0)
    return fail_at (c, error, "unexpected character");
  c->pos += len;
  return TRUE;
}

static void
checker_clear (Checker *c)
{
  for (guint i = 0; i <= c->max_depth; i++)
    g_clear_pointer (&c->keys[i], g_hash_table_unref);
  g_free (c->keys);
  g_free (c->kinds);
}

/* Reads one scalar, or opens a container. Returns the next state. */
static gboolean
read_value (Checker *c,
            State   *state,
            GError **error)
{
  char ch = c->data[c->pos];

  switch (ch)
    {
    case '{':
    case '[':
      if (c->depth >= c->max_depth)
        return fail_at (c, error, "nested deeper than %u levels", c->max_depth);
      c->depth++;
      c->kinds[c->depth] = ch;
      if (ch == '{')
        {
          if (c->keys[c->depth] == NULL)
            c->keys[c->depth] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          else
            g_hash_table_remove_all (c->keys[c->depth]);
        }
      c->pos++;
      *state = ch == '{' ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
      return TRUE;
    case '"':
      if (!read_string (c, NULL, error))
        return FALSE;
      break;
    case 't':
      if (!read_literal (c, "true", error))
        return FALSE;
      break;
    case 'f':
      if (!read_literal (c, "false", error))
        return FALSE;
      break;
    case 'n':
      if (!read_literal (c, "null", error))
        return FALSE;
      break;
    default:
      if (ch == '-' || g_ascii_isdigit (ch))
        {
          if (!read_number (c, error))
            return FALSE;
          break;
        }
      if (g_ascii_isalpha (ch))
        return fail_at (c, error, "unexpected word (NaN, Infinity and bare names are not JSON)");
      if (ch == '\'')
        return fail_at (c, error, "strings take double quotes");
      return fail_at (c, error, "expected a value");
    }
  *state = c->depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_END;
  return TRUE;
}

gboolean
rw_json_check_strict (const char  *data,
                      gsize        length,
                      guint        max_depth,
                      GError     **error)
{
  Checker c = { data, length, 0, max_depth, 0, NULL, NULL };
  State state = EXPECT_VALUE;
  const char *end = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* Invalid UTF-8 or a NUL byte anywhere: refuse before reading further. */
  if (!g_utf8_validate_len (data, length, &end))
    {
      c.pos = (gsize) (end - data);
      return fail_at (&c, error, "not UTF-8 text (or a NUL byte)");
    }

  c.kinds = g_new0 (char, max_depth + 1);
  c.keys = g_new0 (GHashTable *, max_depth + 1);

  for (;;)
    {
      char ch;

      while (c.pos < length &&
             (data[c.pos] == ' ' || data[c.pos] == '\t' || data[c.pos] == '\n' || data[c.pos] == '\r'))
        c.pos++;

      if (c.pos >= length)
        {
          if (state == EXPECT_NOTHING)
            ok = TRUE;
          else
            fail_at (&c, error, "the document ends early");
          break;
        }

      ch = data[c.pos];
      switch (state)
        {
        case EXPECT_NOTHING:
          fail_at (&c, error, "data after the end of the document");
          goto out;

        case EXPECT_VALUE_OR_END:
          if (ch == ']')
            goto close_container;
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (!read_value (&c, &state, error))
            goto out;
          break;

        case EXPECT_KEY_OR_END:
          if (ch == '}')
            goto close_container;
          G_GNUC_FALLTHROUGH;
        case EXPECT_KEY:
          {
            g_autoptr(GString) key = g_string_new (NULL);
            gsize key_pos = c.pos;

            if (ch != '"')
              {
                fail_at (&c, error, "expected a member name in double quotes");
                goto out;
              }
            if (!read_string (&c, key, error))
              goto out;
            if (g_hash_table_contains (c.keys[c.depth], key->str))
              {
                c.pos = key_pos;
                fail_at (&c, error, "duplicate member “%s”", key->str);
                goto out;
              }
            g_hash_table_add (c.keys[c.depth], g_string_free (g_steal_pointer (&key), FALSE));
            state = EXPECT_COLON;
          }
          break;

        case EXPECT_COLON:
          if (ch != ':')
            {
              fail_at (&c, error, "expected “:”");
              goto out;
            }
          c.pos++;
          state = EXPECT_VALUE;
          break;

        case EXPECT_COMMA_OR_END:
          if (ch == ',')
            {
              c.pos++;
              state = c.kinds[c.depth] == '{' ? EXPECT_KEY : EXPECT_VALUE;
              break;
            }
          if ((ch == '}' && c.kinds[c.depth] == '{') || (ch == ']' && c.kinds[c.depth] == '['))
            goto close_container;
          fail_at (&c, error, "expected “,” or “%c”", c.kinds[c.depth] == '{' ? '}' : ']');
          goto out;

        default:
          g_assert_not_reached ();
        }
      continue;

    close_container:
      c.pos++;
      c.depth--;
      state = c.depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_END;
    }

out:
  checker_clear (&c);
  return ok;
}

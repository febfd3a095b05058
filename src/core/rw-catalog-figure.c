/* rw-catalog-figure.c: figure objects and their units
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every hardware number and price is a figure {"value", "unit", "source",
 * "date", "note", "assumed"}: the unit is converted to SI (bytes, bytes/s,
 * FLOP/s, W) or checked against the system's currency, the source is a
 * "sources" key or a URL, and the date is the figure's or its source's.
 */
#include "config.h"

#include <math.h>

#include "rw-catalog-private.h"

typedef struct
{
  const char *unit;
  double      scale;
} Unit;

static const Unit bytes_units[] = {
  { "B", 1 }, { "kB", 1e3 }, { "KB", 1e3 }, { "MB", 1e6 }, { "GB", 1e9 }, { "TB", 1e12 },
  { "KiB", 1024.0 }, { "MiB", 1048576.0 }, { "GiB", 1073741824.0 }, { "TiB", 1099511627776.0 },
  { NULL, 0 },
};
static const Unit bandwidth_units[] = {
  { "B/s", 1 }, { "MB/s", 1e6 }, { "GB/s", 1e9 }, { "TB/s", 1e12 },
  { "MiB/s", 1048576.0 }, { "GiB/s", 1073741824.0 },
  /* Network links are quoted in bits. */
  { "Mb/s", 1e6 / 8 }, { "Gb/s", 1e9 / 8 },
  { NULL, 0 },
};
static const Unit flops_units[] = {
  { "FLOPS", 1 }, { "GFLOPS", 1e9 }, { "TFLOPS", 1e12 }, { "PFLOPS", 1e15 },
  /* Integer tensor peaks. */
  { "TOPS", 1e12 },
  { NULL, 0 },
};
static const Unit power_units[] = {
  { "W", 1 }, { "kW", 1e3 },
  { NULL, 0 },
};

static double
unit_scale (const Unit *units,
            const char *unit)
{
  for (guint i = 0; units[i].unit != NULL; i++)
    if (g_str_equal (units[i].unit, unit))
      return units[i].scale;
  return 0;
}

static char *
unit_list (const Unit *units)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; units[i].unit != NULL; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", units[i].unit);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Reads the figure object @member of @object into @figure, converting
 * its unit to SI. Prices must be in @currency. */
gboolean
rw_field_figure (const RwFieldWhere  *where,
                 JsonObject          *object,
                 const char          *prefix,
                 const char          *member,
                 RwDimension          dimension,
                 RwFigureFlags        flags,
                 const char          *currency,
                 RwFigure            *figure,
                 GError             **error)
{
  static const char * const known[] = { "value", "unit", "source", "date", "note", "assumed", NULL };
  g_autofree char *path = rw_field_join (prefix, member);
  g_autofree char *value_path = rw_field_join (path, "value");
  g_autofree char *unit_path = rw_field_join (path, "unit");
  g_autofree char *source_path = rw_field_join (path, "source");
  g_autofree char *date_path = rw_field_join (path, "date");
  JsonObject *fig = NULL;
  JsonNode *value_node;
  const char *unit = NULL;
  const char *ref = NULL;
  const char *date = NULL;
  const char *note = NULL;
  const char *url = NULL;
  const char *source_date = NULL;
  gboolean assumed = FALSE;
  double value = NAN;
  double scale = 1;

  if (!rw_field_object (where, object, prefix, member, (flags & RW_FIGURE_REQUIRED) != 0, &fig, error))
    return FALSE;
  if (fig == NULL)
    return TRUE;
  if (!rw_field_check_members (where, fig, path, known, error))
    return FALSE;

  value_node = json_object_get_member (fig, "value");
  if (value_node == NULL)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, value_path, "missing");
  if (JSON_NODE_HOLDS_NULL (value_node))
    {
      if (!(flags & RW_FIGURE_NULLABLE))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, value_path,
                              "expected a number, found null");
    }
  else if (!rw_field_node_is_number (value_node))
    {
      return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, value_path,
                            "expected a number, found %s", rw_field_type_name (value_node));
    }
  else
    {
      value = json_node_get_double (value_node);
      if (!isfinite (value))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, value_path,
                              "not a finite number");
      if (value <= 0)
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, value_path,
                              "%g must be greater than zero", value);
    }

  if (!rw_field_string (where, fig, path, "unit", TRUE, &unit, error)
      || !rw_field_string (where, fig, path, "date", FALSE, &date, error)
      || !rw_field_string (where, fig, path, "note", FALSE, &note, error)
      || !rw_field_boolean (where, fig, path, "assumed", FALSE, &assumed, error))
    return FALSE;

  if (dimension == RW_DIMENSION_PRICE)
    {
      if (!g_str_equal (unit, currency))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, unit_path,
                              "price in %s, expected the currency %s", unit, currency);
    }
  else if (dimension == RW_DIMENSION_PRICE_PER_HOUR)
    {
      g_autofree char *per_hour = g_strconcat (currency, "/h", NULL);

      if (!g_str_equal (unit, per_hour))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, unit_path,
                              "hourly price in “%s”, expected “%s”", unit, per_hour);
    }
  else
    {
      const Unit *units = NULL;

      switch (dimension)
        {
        case RW_DIMENSION_BYTES:
          units = bytes_units;
          break;
        case RW_DIMENSION_BANDWIDTH:
          units = bandwidth_units;
          break;
        case RW_DIMENSION_FLOPS:
          units = flops_units;
          break;
        case RW_DIMENSION_POWER:
          units = power_units;
          break;
        case RW_DIMENSION_PRICE:
        case RW_DIMENSION_PRICE_PER_HOUR:
        default:
          g_assert_not_reached ();
        }
      scale = unit_scale (units, unit);
      if (scale == 0)
        {
          g_autofree char *list = unit_list (units);
          return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, unit_path,
                                "unknown unit “%s” (expected one of %s)", unit, list);
        }
    }

  if (json_object_get_member (fig, "source") == NULL)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_NO_SOURCE, source_path, "missing");
  if (!rw_field_string (where, fig, path, "source", TRUE, &ref, error)
      || !rw_field_source (where, source_path, ref, &url, &source_date, error))
    return FALSE;
  if (date == NULL)
    date = source_date;
  if (date == NULL)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_NO_SOURCE, date_path,
                          "missing (neither the figure nor its source has a date)");
  if (!rw_field_is_date (date, FALSE))
    return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, date_path,
                          "“%s” is not YYYY-MM or YYYY-MM-DD", date);
  if (note == NULL && (isnan (value) || assumed))
    {
      g_autofree char *note_path = rw_field_join (path, "note");

      return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, note_path,
                            isnan (value) ? "a null value needs a note saying why it is unknown"
                                 : "an assumed value needs a note stating the assumption");
    }

  rw_figure_set (figure, isnan (value) ? NAN : value * scale, url, date, note, assumed);
  return TRUE;
}

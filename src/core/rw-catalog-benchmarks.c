/* rw-catalog-benchmarks.c: the "benchmarks" section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measured llama-bench rows for `rigwise-cli validate`, each naming a
 * system (or a calibration device), model and weight format of the
 * catalog; "exclude" says why a row is kept out of calibration.
 */
#include "config.h"

#include <string.h>

#include "rw-catalog-private.h"

gboolean
rw_catalog_parse_benchmarks (RwCatalogLoad  *load,
                             JsonNode       *section,
                             GError        **error)
{
  static const char * const known[] = {
    "system", "model", "weights", "runtime", "api", "test", "depth", "batch", "ubatch", "tok_s",
    "build", "date", "source", "note", "exclude", NULL,
  };
  JsonArray *array = json_node_get_array (section);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwBenchmark) benchmark = rw_benchmark_new ();
      g_autofree char *label = g_strdup_printf ("#%u", i + 1);
      RwFieldWhere where = { load, "benchmark", label };
      JsonObject *entry = NULL;
      const char *system = NULL;
      const char *model = NULL;
      const char *weights = NULL;
      const char *runtime = NULL;
      const char *test = NULL;
      const char *build = NULL;
      const char *date = NULL;
      const char *ref = NULL;
      const char *url = NULL;
      const char *source_date = NULL;
      const char *api = NULL;
      const char *note = NULL;
      const char *exclude = NULL;
      char *end = NULL;
      guint64 tokens;

      if (!rw_field_section_entry (load, array, i, "benchmark", NULL, &entry, NULL, error))
        return FALSE;
      if (!rw_field_check_members (&where, entry, NULL, known, error)
          || !rw_field_string (&where, entry, NULL, "system", TRUE, &system, error)
          || !rw_field_string (&where, entry, NULL, "model", TRUE, &model, error)
          || !rw_field_string (&where, entry, NULL, "weights", TRUE, &weights, error)
          || !rw_field_string (&where, entry, NULL, "runtime", TRUE, &runtime, error)
          || !rw_field_string (&where, entry, NULL, "test", TRUE, &test, error)
          || !rw_field_uint (&where, entry, NULL, "depth", TRUE, 0, &benchmark->depth, error)
          || !rw_field_uint (&where, entry, NULL, "batch", TRUE, 1, &benchmark->batch, error)
          || !rw_field_positive (&where, entry, NULL, "tok_s", TRUE, 0, &benchmark->tok_s, error)
          || !rw_field_string (&where, entry, NULL, "build", TRUE, &build, error)
          || !rw_field_string (&where, entry, NULL, "date", TRUE, &date, error)
          || !rw_field_string (&where, entry, NULL, "source", FALSE, &ref, error)
          || !rw_field_string (&where, entry, NULL, "api", FALSE, &api, error)
          || !rw_field_uint (&where, entry, NULL, "ubatch", FALSE, 1, &benchmark->ubatch, error)
          || !rw_field_string (&where, entry, NULL, "note", FALSE, &note, error)
          || !rw_field_string (&where, entry, NULL, "exclude", FALSE, &exclude, error))
        return FALSE;
      if (api != NULL)
        {
          RwApi value;

          if (!rw_api_from_string (api, &value))
            return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "api",
                                  "unknown API “%s” (cuda, metal, vulkan, rocm)", api);
          benchmark->api = value;
        }
      if (ref == NULL)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_NO_SOURCE, "source", "missing");
      if (!rw_field_source (&where, "source", ref, &url, &source_date, error))
        return FALSE;
      if (!rw_field_is_date (date, TRUE))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "date",
                              "“%s” is not YYYY, YYYY-MM or YYYY-MM-DD", date);
      if (!rw_field_id_known (load->system_ids, load->catalog->system_index, system)
          && !rw_field_id_known (load->device_ids, load->catalog->device_index, system))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_UNKNOWN_ID, "system",
                              "no system or device “%s” in the catalog", system);
      if (!rw_field_id_known (load->model_ids, load->catalog->model_index, model))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_UNKNOWN_ID, "model",
                              "no model “%s” in the catalog", model);
      if (!rw_field_id_known (load->format_ids, load->catalog->format_index, weights))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_UNKNOWN_ID, "weights",
                              "no format “%s” in the catalog", weights);

      /* llama-bench's own notation: ppN is a prefill of N tokens, tgN a
       * generation of N tokens. */
      if (g_str_has_prefix (test, "pp"))
        benchmark->kind = RW_BENCHMARK_PREFILL;
      else if (g_str_has_prefix (test, "tg"))
        benchmark->kind = RW_BENCHMARK_DECODE;
      else
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "test",
                              "“%s” is not ppN or tgN", test);
      tokens = g_ascii_strtoull (test + 2, &end, 10);
      if (end == test + 2 || *end != '\0' || tokens == 0 || tokens > G_MAXINT32)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "test",
                              "“%s” is not ppN or tgN with N > 0", test);

      benchmark->tokens = (guint) tokens;
      benchmark->system_id = g_strdup (system);
      benchmark->model_id = g_strdup (model);
      benchmark->weights_id = g_strdup (weights);
      benchmark->runtime = g_strdup (runtime);
      benchmark->build = g_strdup (build);
      benchmark->date = g_strdup (date);
      benchmark->source = g_strdup (url);
      benchmark->note = g_strdup (note);
      benchmark->exclude = g_strdup (exclude);
      g_ptr_array_add (load->benchmarks, g_steal_pointer (&benchmark));
    }
  return TRUE;
}

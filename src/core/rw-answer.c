/* rw-answer.c: the outcome of a comparison in plain words and numbers
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which machines run the workload and how, which decodes, prefills or
 * trains faster and by how much, which costs less to buy and to own, and
 * when each is the better choice. Every number comes from the estimates;
 * this file only compares and words them.
 */
#include <glib/gi18n-lib.h>

#include <math.h>

#include "rw-answer.h"
#include "rw-system-text.h"

static const char * const kind_keys[RW_ANSWER_N] = {
  "fit", "decode", "prefill", "price", "tco", "train",
};

typedef struct
{
  const RwWorkload  *workload;
  const RwEstimate  *estimates;
  guint              n;
  RwMemoryUnits      units;
  RwCurrencyDisplay  currency;
} Ctx;

static const char *
system_name (const RwSystem *system)
{
  return rw_system_get_label (system);
}

static gboolean
runs (const RwEstimate *e)
{
  return e->fit != RW_FIT_DOES_NOT_FIT;
}

static char *
bytes_text (const Ctx *ctx,
            double     bytes)
{
  return rw_format_memory (bytes, 1, ctx->units);
}

static char *
money_text (const Ctx        *ctx,
            const RwEstimate *e,
            double            amount)
{
  const char *currency = e->system->currency != NULL ? e->system->currency : "USD";

  return rw_format_money (amount, currency, fabs (amount) < 10 ? 2 : 0, ctx->currency);
}

/* The figure an answer kind compares, NAN where the system does not
 * qualify; @higher says which way is better. */
static double
figure (const Ctx        *ctx,
        const RwEstimate *e,
        RwAnswerKind      kind,
        gboolean         *higher)
{
  gboolean inference = ctx->workload->mode == RW_MODE_INFERENCE;

  *higher = TRUE;
  if (!runs (e))
    return NAN;
  switch (kind)
    {
    case RW_ANSWER_FIT:
      /* Fast memory to spare when it all fits; else the share of layers on
       * the device, below zero so that any full fit ranks first. */
      if (e->fit == RW_FIT_FITS)
        return e->memory.device_capacity - e->memory.total;
      return (double) e->layers_on_device / MAX (1u, e->layers_on_device + e->layers_on_host) - 2;
    case RW_ANSWER_DECODE:
      return inference ? e->decode_tok_s : NAN;
    case RW_ANSWER_PREFILL:
      return inference ? e->prefill_tok_s : NAN;
    case RW_ANSWER_TRAIN:
      return inference ? NAN : e->train_tok_s;
    case RW_ANSWER_PRICE:
      *higher = FALSE;
      return e->price;
    case RW_ANSWER_TCO:
      *higher = FALSE;
      return e->tco;
    default:
      g_return_val_if_reached (NAN);
    }
}

/* The best and the runner-up for @kind (indices, -1 when none); ties go to
 * the system compared first. */
static void
rank (const Ctx    *ctx,
      RwAnswerKind  kind,
      int          *best,
      int          *second)
{
  *best = *second = -1;
  for (guint i = 0; i < ctx->n; i++)
    {
      gboolean higher;
      double v = figure (ctx, &ctx->estimates[i], kind, &higher);
      double b, s;

      if (!isfinite (v))
        continue;
      b = *best >= 0 ? figure (ctx, &ctx->estimates[*best], kind, &higher) : NAN;
      s = *second >= 0 ? figure (ctx, &ctx->estimates[*second], kind, &higher) : NAN;
      if (*best < 0 || (higher ? v > b : v < b))
        {
          *second = *best;
          *best = (int) i;
        }
      else if (*second < 0 || (higher ? v > s : v < s))
        *second = (int) i;
    }
}

/* "A, B and C" in the translation's words. */
static char *
join_list (GPtrArray *items)
{
  g_autofree char *out = NULL;

  if (items->len == 0)
    return g_strdup ("");
  out = g_strdup (g_ptr_array_index (items, 0));
  for (guint i = 1; i < items->len; i++)
    {
      char *next;

      if (i + 1 == items->len)
        /* Translators: the last two items of a list, "faster decode and a lower price" */
        next = g_strdup_printf (_("%s and %s"), out, (char *) g_ptr_array_index (items, i));
      else
        /* Translators: items of a list before the last two, "faster decode, faster prefill" */
        next = g_strdup_printf (_("%s, %s"), out, (char *) g_ptr_array_index (items, i));
      g_free (out);
      out = next;
    }
  return g_steal_pointer (&out);
}

static char *
years_text (double years)
{
  g_autofree char *n = rw_format_number (years, years == floor (years) ? 0 : 1);

  /* Translators: a span of years, "3 years" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years",
                                       years == 1 ? 1 : 2), n);
}

static char *
fit_line (const Ctx        *ctx,
          const RwEstimate *e)
{
  const char *name = system_name (e->system);
  g_autofree char *total = bytes_text (ctx, e->memory.total);
  g_autofree char *device = bytes_text (ctx, e->memory.device_capacity);

  switch (e->fit)
    {
    case RW_FIT_FITS:
      /* Translators: a system, the memory the workload needs, and the system's fast memory */
      return g_strdup_printf (_("%s: fits in fast memory (%s of %s)"), name, total, device);
    case RW_FIT_SPILLS:
      {
        g_autofree char *spill = bytes_text (ctx, e->memory.spill);

        if (e->placement == RW_PLACEMENT_EXPERT_OFFLOAD)
          /* Translators: a system; layers whose routed experts are in host RAM, of all
           * layers; the bytes they take (llama.cpp --n-cpu-moe) */
          return g_strdup_printf (_("%s: runs with the experts of %u of %u layers (%s) in host RAM, which slows it down"),
                                  name, e->cpu_moe_layers, e->layers_on_device + e->layers_on_host, spill);
        /* Translators: a system; layers in host RAM of all layers; the bytes
         * they take. Those layers run at host-memory speed. */
        return g_strdup_printf (_("%s: runs with %u of %u layers (%s) in host RAM, which slows it down"),
                                name, e->layers_on_host, e->layers_on_device + e->layers_on_host, spill);
      }
    case RW_FIT_DOES_NOT_FIT:
      {
        /* Training never offloads: only fast memory counts. */
        double has = ctx->workload->mode == RW_MODE_INFERENCE ? e->memory.capacity
                                                              : e->memory.device_capacity;
        g_autofree char *capacity = bytes_text (ctx, has);

        /* Translators: a system, the memory the workload needs, and all the system offers it */
        return g_strdup_printf (_("%s: does not fit (needs %s, has %s)"), name, total, capacity);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/* One speed comparison, or NULL when no system has the figure. */
static char *
speed_line (const Ctx    *ctx,
            RwAnswerKind  kind,
            gboolean     *lead)
{
  int best, second;
  gboolean higher;
  double b, s;
  const char *bname, *sname;
  g_autofree char *bt = NULL;
  g_autofree char *st = NULL;
  g_autofree char *ratio = NULL;

  *lead = FALSE;
  rank (ctx, kind, &best, &second);
  if (best < 0)
    return NULL;
  b = figure (ctx, &ctx->estimates[best], kind, &higher);
  bname = system_name (ctx->estimates[best].system);
  bt = rw_format_tok_s (b);
  if (second < 0)
    {
      switch (kind)
        {
        /* Translators: a system and its estimated decode speed */
        case RW_ANSWER_DECODE: return g_strdup_printf (_("%s decodes at %s"), bname, bt);
        /* Translators: a system and its estimated prefill (prompt processing) speed */
        case RW_ANSWER_PREFILL: return g_strdup_printf (_("%s prefills at %s"), bname, bt);
        /* Translators: a system and its estimated training speed */
        case RW_ANSWER_TRAIN: return g_strdup_printf (_("%s trains at %s"), bname, bt);
        case RW_ANSWER_FIT:
        case RW_ANSWER_PRICE:
        case RW_ANSWER_TCO:
        default: g_return_val_if_reached (NULL);
        }
    }

  s = figure (ctx, &ctx->estimates[second], kind, &higher);
  sname = system_name (ctx->estimates[second].system);
  st = rw_format_tok_s (s);
  if (b < s * RW_ANSWER_SAME_RATIO)
    {
      switch (kind)
        {
        /* Translators: two systems and their decode speeds, within the estimates' accuracy */
        case RW_ANSWER_DECODE: return g_strdup_printf (_("%s and %s decode about as fast (%s and %s)"), bname, sname, bt, st);
        /* Translators: two systems and their prefill speeds, within the estimates' accuracy */
        case RW_ANSWER_PREFILL: return g_strdup_printf (_("%s and %s prefill about as fast (%s and %s)"), bname, sname, bt, st);
        /* Translators: two systems and their training speeds, within the estimates' accuracy */
        case RW_ANSWER_TRAIN: return g_strdup_printf (_("%s and %s train about as fast (%s and %s)"), bname, sname, bt, st);
        case RW_ANSWER_FIT:
        case RW_ANSWER_PRICE:
        case RW_ANSWER_TCO:
        default: g_return_val_if_reached (NULL);
        }
    }

  *lead = TRUE;
  ratio = rw_format_ratio (b / s);
  switch (kind)
    {
    /* Translators: "DGX Spark decodes 1.6× as fast as Custom RTX 5090 (4.8 tok/s against 3.1 tok/s)" */
    case RW_ANSWER_DECODE: return g_strdup_printf (_("%s decodes %s as fast as %s (%s against %s)"), bname, ratio, sname, bt, st);
    /* Translators: "Custom RTX 5090 prefills 2.0× as fast as DGX Spark (415 tok/s against 204 tok/s)" */
    case RW_ANSWER_PREFILL: return g_strdup_printf (_("%s prefills %s as fast as %s (%s against %s)"), bname, ratio, sname, bt, st);
    /* Translators: "Custom RTX 5090 trains 3.4× as fast as DGX Spark (4,018 tok/s against 1,199 tok/s)" */
    case RW_ANSWER_TRAIN: return g_strdup_printf (_("%s trains %s as fast as %s (%s against %s)"), bname, ratio, sname, bt, st);
    case RW_ANSWER_FIT:
    case RW_ANSWER_PRICE:
    case RW_ANSWER_TCO:
    default: g_return_val_if_reached (NULL);
    }
}

static char *
cost_line (const Ctx    *ctx,
           RwAnswerKind  kind,
           gboolean     *lead)
{
  int best, second;
  gboolean higher;
  const RwEstimate *be, *se;
  double b, s;
  g_autofree char *bt = NULL;
  g_autofree char *st = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *years = years_text (ctx->workload->years);

  *lead = FALSE;
  rank (ctx, kind, &best, &second);
  if (best < 0)
    return NULL;
  be = &ctx->estimates[best];
  b = figure (ctx, be, kind, &higher);
  bt = money_text (ctx, be, b);
  if (second < 0)
    {
      if (kind == RW_ANSWER_PRICE)
        /* Translators: a system and its price */
        return g_strdup_printf (_("%s costs %s"), system_name (be->system), bt);
      /* Translators: a system, its total cost of ownership, and the span, "3 years" */
      return g_strdup_printf (_("%s costs %s to own over %s"), system_name (be->system), bt, years);
    }

  se = &ctx->estimates[second];
  s = figure (ctx, se, kind, &higher);
  st = money_text (ctx, se, s);
  /* Prices in different currencies are never compared (nor converted). */
  if (g_strcmp0 (be->system->currency, se->system->currency) != 0)
    return NULL;
  if (llround (s) == llround (b))
    {
      if (kind == RW_ANSWER_PRICE)
        /* Translators: two systems with the same price */
        return g_strdup_printf (_("%s and %s cost the same (%s)"), system_name (be->system),
                                system_name (se->system), bt);
      /* Translators: two systems with the same total cost of ownership over a span, "3 years" */
      return g_strdup_printf (_("%s and %s cost the same to own over %s (%s)"), system_name (be->system),
                              system_name (se->system), years, bt);
    }

  *lead = TRUE;
  diff = money_text (ctx, be, s - b);
  if (kind == RW_ANSWER_PRICE)
    /* Translators: "DGX Spark costs $3,465 less to buy than Custom RTX 5090 ($3,999 against $7,464)" */
    return g_strdup_printf (_("%s costs %s less to buy than %s (%s against %s)"),
                            system_name (be->system), diff, system_name (se->system), bt, st);
  /* Translators: "Over 3 years, DGX Spark costs $4,114 less to own than Custom RTX 5090 ($4,270 against $8,384)" */
  return g_strdup_printf (_("Over %s, %s costs %s less to own than %s (%s against %s)"),
                          years, system_name (be->system), diff, system_name (se->system), bt, st);
}

static char **
strv_from (GPtrArray *lines)
{
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

RwAnswer *
rw_answer_new (const RwWorkload  *workload,
               const RwEstimate  *estimates,
               guint              n,
               RwMemoryUnits      units,
               RwCurrencyDisplay  currency)
{
  Ctx ctx = { workload, estimates, n, units, currency };
  g_autoptr(GPtrArray) fit = g_ptr_array_new ();
  g_autoptr(GPtrArray) speed = g_ptr_array_new ();
  g_autoptr(GPtrArray) cost = g_ptr_array_new ();
  g_autoptr(GPtrArray) choose = g_ptr_array_new ();
  g_autofree GPtrArray **strengths = NULL;
  gboolean lead[RW_ANSWER_N] = { FALSE };
  RwAnswer *answer;
  guint n_runs = 0, n_fits = 0, n_leaders = 0;
  int leader = -1, other_leader = -1;

  g_return_val_if_fail (workload != NULL, NULL);
  g_return_val_if_fail (n == 0 || estimates != NULL, NULL);

  answer = g_new0 (RwAnswer, 1);
  for (guint k = 0; k < RW_ANSWER_N; k++)
    {
      int best, second;

      rank (&ctx, k, &best, &second);
      answer->best[k] = best >= 0 ? estimates[best].system : NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (fit, fit_line (&ctx, &estimates[i]));
      n_runs += runs (&estimates[i]);
      n_fits += estimates[i].fit == RW_FIT_FITS;
    }

  {
    static const RwAnswerKind speed_kinds[] = { RW_ANSWER_DECODE, RW_ANSWER_PREFILL, RW_ANSWER_TRAIN };
    static const RwAnswerKind cost_kinds[] = { RW_ANSWER_PRICE, RW_ANSWER_TCO };

    for (guint k = 0; k < G_N_ELEMENTS (speed_kinds); k++)
      {
        char *line = speed_line (&ctx, speed_kinds[k], &lead[speed_kinds[k]]);

        if (line != NULL)
          g_ptr_array_add (speed, line);
      }
    for (guint k = 0; k < G_N_ELEMENTS (cost_kinds); k++)
      {
        char *line = cost_line (&ctx, cost_kinds[k], &lead[cost_kinds[k]]);

        if (line != NULL)
          g_ptr_array_add (cost, line);
      }
  }

  /* Room to spare counts as a strength when only the best holds it all
   * in fast memory, or holds it with clearly more to spare. */
  {
    int best, second;
    gboolean higher;

    rank (&ctx, RW_ANSWER_FIT, &best, &second);
    if (best >= 0 && second >= 0 && estimates[best].fit == RW_FIT_FITS)
      {
        double b = figure (&ctx, &estimates[best], RW_ANSWER_FIT, &higher);
        double s = figure (&ctx, &estimates[second], RW_ANSWER_FIT, &higher);

        lead[RW_ANSWER_FIT] = estimates[second].fit != RW_FIT_FITS || b > s * RW_ANSWER_SAME_RATIO;
      }
  }

  /* What each system leads on, in the order of the kinds. */
  strengths = g_new0 (GPtrArray *, MAX (n, 1));
  for (guint k = 0; k < RW_ANSWER_N; k++)
    {
      g_autofree char *years = NULL;
      guint i;
      char *text;

      if (!lead[k] || answer->best[k] == NULL)
        continue;
      for (i = 0; i < n && estimates[i].system != answer->best[k]; i++)
        ;
      if (i == n)
        continue;
      switch ((RwAnswerKind) k)
        {
        case RW_ANSWER_FIT:
          text = g_strdup (n_fits == 1 ? _("holding it all in fast memory")
                                       : _("the most memory to spare"));
          break;
        case RW_ANSWER_DECODE: text = g_strdup (_("faster decode")); break;
        case RW_ANSWER_PREFILL: text = g_strdup (_("faster prompt processing")); break;
        case RW_ANSWER_TRAIN: text = g_strdup (_("faster training")); break;
        case RW_ANSWER_PRICE: text = g_strdup (_("a lower price")); break;
        case RW_ANSWER_TCO:
          years = years_text (workload->years);
          /* Translators: a strength, "a lower cost over 3 years" */
          text = g_strdup_printf (_("a lower cost over %s"), years);
          break;
        default:
          g_return_val_if_reached (answer);
        }
      if (strengths[i] == NULL)
        {
          strengths[i] = g_ptr_array_new_with_free_func (g_free);
          n_leaders++;
          if (leader < 0)
            leader = (int) i;
          else if (other_leader < 0)
            other_leader = (int) i;
        }
      g_ptr_array_add (strengths[i], text);
    }
  for (guint i = 0; i < n; i++)
    {
      if (strengths[i] != NULL)
        {
          g_autofree char *list = join_list (strengths[i]);

          /* Translators: a system and what it leads on, "Choose DGX Spark for faster decode and a lower price" */
          g_ptr_array_add (choose, g_strdup_printf (_("Choose %s for %s"),
                                                    system_name (estimates[i].system), list));
          g_ptr_array_unref (strengths[i]);
        }
    }

  if (n == 0)
    answer->headline = g_strdup (_("No machines to compare"));
  else if (n_runs == 0)
    answer->headline = n == 1
      /* Translators: the verdict; %s is a system */
      ? g_strdup_printf (_("Does not fit on %s"), system_name (estimates[0].system))
      : g_strdup (_("Does not fit on any of the machines compared"));
  else if (n == 1)
    answer->headline = estimates[0].fit == RW_FIT_FITS
      /* Translators: the verdict; %s is a system */
      ? g_strdup_printf (_("Fits in fast memory on %s"), system_name (estimates[0].system))
      /* Translators: the verdict; %s is a system */
      : g_strdup_printf (_("Runs on %s, partly from host RAM"), system_name (estimates[0].system));
  else if (n_runs == 1)
    /* Translators: the verdict; %s is a system */
    answer->headline = g_strdup_printf (_("Only %s runs this workload"),
                                        system_name (answer->best[RW_ANSWER_FIT]));
  else if (n_leaders == 1)
    /* Translators: the verdict; %s is a system that leads on every count that differs */
    answer->headline = g_strdup_printf (_("%s is the better choice for this workload"),
                                        system_name (estimates[leader].system));
  else if (n_leaders == 2)
    /* Translators: the verdict; two systems, each better at something */
    answer->headline = g_strdup_printf (_("%s or %s, depending on what matters most"),
                                        system_name (estimates[leader].system),
                                        system_name (estimates[other_leader].system));
  else if (n_leaders == 0)
    answer->headline = g_strdup (_("The machines are about even for this workload"));
  else
    answer->headline = g_strdup (_("No machine leads on every count"));

  answer->fit = strv_from (g_steal_pointer (&fit));
  answer->speed = strv_from (g_steal_pointer (&speed));
  answer->cost = strv_from (g_steal_pointer (&cost));
  answer->choose = strv_from (g_steal_pointer (&choose));
  return answer;
}

void
rw_answer_free (RwAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->headline);
  g_strfreev (answer->fit);
  g_strfreev (answer->speed);
  g_strfreev (answer->cost);
  g_strfreev (answer->choose);
  g_free (answer);
}

char *
rw_answer_dup_summary (const RwAnswer *answer)
{
  GString *out;
  char * const *parts[] = { answer->fit, answer->speed, answer->cost, answer->choose };

  g_return_val_if_fail (answer != NULL, NULL);

  out = g_string_new (answer->headline);
  g_string_append_c (out, '.');
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; parts[p][i] != NULL; i++)
      {
        g_string_append_c (out, '\n');
        g_string_append (out, parts[p][i]);
        g_string_append_c (out, '.');
      }
  return g_string_free (out, FALSE);
}

const char *
rw_answer_kind_to_string (RwAnswerKind kind)
{
  g_return_val_if_fail (kind < RW_ANSWER_N, NULL);

  return kind_keys[kind];
}

void
rw_answer_to_json_builder (const RwAnswer *answer,
                           JsonBuilder    *builder)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (answer != NULL);
  g_return_if_fail (JSON_IS_BUILDER (builder));

  summary = rw_answer_dup_summary (answer);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary);
  json_builder_set_member_name (builder, "best");
  json_builder_begin_object (builder);
  for (guint k = 0; k < RW_ANSWER_N; k++)
    {
      json_builder_set_member_name (builder, kind_keys[k]);
      if (answer->best[k] != NULL)
        json_builder_add_string_value (builder, answer->best[k]->id);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

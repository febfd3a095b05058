/* rw-fit-view.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rw-a11y.h"
#include "rw-app-format.h"
#include "rw-fit-view.h"
#include "rw-stat-table.h"
#include "rw-widget-util.h"

struct _RwFitView
{
  GtkWidget    parent_instance;

  GtkBox      *content;
  GtkLabel    *subtitle;

  RwChartCard *chart;
  RwStatTable *table;
  GtkLabel    *fits_caption;
  RwStatTable *fits_table;
};

G_DEFINE_FINAL_TYPE (RwFitView, rw_fit_view, GTK_TYPE_WIDGET)

#define N_MAX 16

static void
add_bytes_row (RwStatTable   *table,
               const char    *title,
               const double   values[],
               guint          n,
               RwMemoryUnits  units)
{
  char *cells[N_MAX] = { NULL, };

  for (guint i = 0; i < n; i++)
    cells[i] = rw_app_format_bytes (values[i], units);
  rw_stat_table_add_row (table, title, (const char * const *) cells);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
}

static void
rw_fit_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RW_TYPE_FIT_VIEW);
  /* The template's root box is not a bound child: unparent it ourselves. */
  rw_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (rw_fit_view_parent_class)->dispose (object);
}

static void
rw_fit_view_class_init (RwFitViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_fit_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-fit-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RwFitView, content);
  gtk_widget_class_bind_template_child (widget_class, RwFitView, subtitle);
}

static void
rw_fit_view_init (RwFitView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chart = g_object_new (RW_TYPE_CHART_CARD, "kind", RW_CHART_MEMORY, NULL);
  gtk_box_append (self->content, GTK_WIDGET (self->chart));

  gtk_box_append (self->content, rw_heading_new (_("Memory Breakdown"), 2));

  self->table = RW_STAT_TABLE (rw_stat_table_new (_("Memory breakdown")));
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "stat-table");
  gtk_box_append (self->content, GTK_WIDGET (self->table));

  gtk_box_append (self->content, rw_heading_new (_("What Fits"), 2));
  self->fits_caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->fits_caption, 0);
  gtk_label_set_wrap (self->fits_caption, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->fits_caption), "dim-label");
  gtk_box_append (self->content, GTK_WIDGET (self->fits_caption));
  self->fits_table = RW_STAT_TABLE (rw_stat_table_new (_("What fits")));
  gtk_widget_add_css_class (GTK_WIDGET (self->fits_table), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->fits_table), "stat-table");
  gtk_box_append (self->content, GTK_WIDGET (self->fits_table));
}

void
rw_fit_view_set_data (RwFitView   *self,
                      RwChartData *data)
{
  guint n;
  const char *headers[N_MAX];
  double v[N_MAX] = { 0, };
  RwStatTable *table;
  char *cells[N_MAX] = { NULL, };

  g_return_if_fail (RW_IS_FIT_VIEW (self));
  g_return_if_fail (data != NULL);

  n = MIN (rw_chart_data_get_n_systems (data), N_MAX);
  table = self->table;
  gtk_label_set_label (self->subtitle, rw_chart_data_get_subtitle (data));
  rw_chart_card_set_data (self->chart, data);

  for (guint i = 0; i < n; i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      headers[i] = rw_system_get_label (system);
    }
  rw_stat_table_set_columns (table, "", headers, n);

/* Gradients and optimizer state only exist when training: rows that are
 * zero on every system are left out rather than listed as 0. */
#define ROW(title, field, always) \
  G_STMT_START { \
    gboolean any = (always); \
    for (guint i = 0; i < n; i++) \
      { \
        v[i] = rw_chart_data_get_estimate (data, i)->memory.field; \
        any |= v[i] != 0; \
      } \
    if (any) \
      add_bytes_row (table, title, v, n, rw_chart_data_get_memory_units (data)); \
  } G_STMT_END

  ROW (_("Weights"), weights, TRUE);
  ROW (_("KV cache"), kv_cache, TRUE);
  ROW (_("Activations"), activations, TRUE);
  ROW (_("Gradients"), gradients, FALSE);
  ROW (_("Optimizer state"), optimizer, FALSE);
  ROW (_("Runtime overhead"), overhead, TRUE);
  ROW (_("Total"), total, TRUE);
  ROW (_("Usable GPU or unified memory"), device_capacity, TRUE);
  /* Training does not offload: host RAM and layer placement mean nothing
   * for it. */
  if (rw_chart_data_get_workload (data)->mode == RW_MODE_INFERENCE)
    {
      ROW (_("Usable with host RAM"), capacity, TRUE);
      ROW (_("Spilled to host RAM"), spill, TRUE);
    }
#undef ROW

  if (rw_chart_data_get_workload (data)->mode == RW_MODE_INFERENCE)
    {
      for (guint i = 0; i < n; i++)
        {
          const RwEstimate *e = rw_chart_data_get_estimate (data, i);

          if (e->fit == RW_FIT_DOES_NOT_FIT)
            cells[i] = g_strdup (_("n/a"));
          else
            /* Translators: layers on the GPU of all layers */
            cells[i] = g_strdup_printf (_("%u of %u"), e->layers_on_device,
                                        e->layers_on_device + e->layers_on_host);
        }
      rw_stat_table_add_row (table, _("Layers on the GPU"), (const char * const *) cells);
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&cells[i], g_free);

      /* Where a model that does not fit the GPU goes: whole layers, or the
       * routed experts only (chosen for the faster decode). */
      for (guint i = 0; i < n; i++)
        {
          const RwEstimate *e = rw_chart_data_get_estimate (data, i);

          if (e->fit == RW_FIT_DOES_NOT_FIT)
            cells[i] = g_strdup (_("n/a"));
          else if (e->placement == RW_PLACEMENT_EXPERT_OFFLOAD)
            /* Translators: llama.cpp's --n-cpu-moe: the routed experts of the first N layers stay in host RAM */
            cells[i] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Experts of %u layer in host RAM",
                                                     "Experts of %u layers in host RAM",
                                                     e->cpu_moe_layers),
                                        e->cpu_moe_layers);
          else if (e->placement == RW_PLACEMENT_LAYER_SPLIT)
            cells[i] = g_strdup (_("Whole layers split"));
          else
            cells[i] = g_strdup (_("All in fast memory"));
        }
      rw_stat_table_add_row (table, _("Placement"), (const char * const *) cells);
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&cells[i], g_free);
    }
  for (guint i = 0; i < n; i++)
    {
      switch (rw_chart_data_get_estimate (data, i)->fit)
        {
        case RW_FIT_FITS: cells[i] = g_strdup (_("Fits")); break;
        case RW_FIT_SPILLS: cells[i] = g_strdup (_("Spills to RAM")); break;
        case RW_FIT_DOES_NOT_FIT: cells[i] = g_strdup (_("Does not fit")); break;
        default: g_assert_not_reached ();
        }
    }
  rw_stat_table_add_row (table, _("Verdict"), (const char * const *) cells);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
}

/* How many of the models that fit each machine the section names. */
#define N_MODELS_SHOWN 5

static char *
context_text (guint         tokens,
              const RwLimit limit,
              gboolean      show_limit)
{
  g_autofree char *t = NULL;

  if (tokens == 0)
    return g_strdup (_("None"));
  t = rw_app_format_tokens (tokens);
  if (!show_limit)
    return g_steal_pointer (&t);
  if (limit == RW_LIMIT_MODEL)
    /* Translators: the longest context, stopped by the model's own limit, "128K (model limit)" */
    return g_strdup_printf (_("%s (model limit)"), t);
  /* Translators: the longest context, stopped by memory, "92K (memory)" */
  return g_strdup_printf (_("%s (memory)"), t);
}

void
rw_fit_view_set_what_fits (RwFitView          *self,
                           const RwWorkload   *workload,
                           RwWhatFits * const *fits,
                           guint               n_fits)
{
  const char *headers[N_MAX];
  char *cells[N_MAX] = { NULL, };
  RwStatTable *table;
  guint n;
  gboolean training;
  g_autofree char *tokens = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *best_title = NULL;

  g_return_if_fail (RW_IS_FIT_VIEW (self));
  g_return_if_fail (workload != NULL);

  n = MIN (n_fits, N_MAX);
  table = self->fits_table;
  training = workload->mode != RW_MODE_INFERENCE;
  for (guint i = 0; i < n; i++)
    headers[i] = rw_system_get_label (fits[i]->system);
  rw_stat_table_set_columns (table, "", headers, n);

  tokens = rw_app_format_tokens (training ? workload->seq_len : workload->context);
  caption = training
    /* Translators: the Fit view's "What Fits" section when fine-tuning; %s is a format ("BF16") */
    ? g_strdup_printf (_("The longest training sequence each machine holds in fast memory, and the "
                         "catalog’s models that fit with %s weights, fastest first."),
                       workload->weights->name)
    /* Translators: the Fit view's "What Fits" section; %s is the weight format, %s the context ("32K") */
    : g_strdup_printf (_("The longest context each machine runs, the weight format with the most bits "
                         "that fits in fast memory, and the catalog’s models that fit with %s weights "
                         "at %s, fastest first."),
                       workload->weights->name, tokens);
  gtk_label_set_label (self->fits_caption, caption);

  if (!training)
    {
      for (guint i = 0; i < n; i++)
        cells[i] = context_text (fits[i]->max_context, fits[i]->limited_by, TRUE);
      rw_stat_table_add_row (table, _("Longest context"), (const char * const *) cells);
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&cells[i], g_free);
    }

  for (guint i = 0; i < n; i++)
    cells[i] = context_text (fits[i]->max_context_on_device, fits[i]->limited_by,
                             fits[i]->max_context_on_device == fits[i]->max_context);
  rw_stat_table_add_row (table, training ? _("Longest sequence") : _("Longest in fast memory"),
                         (const char * const *) cells);
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&cells[i], g_free);

  if (!training)
    {
      for (guint i = 0; i < n; i++)
        cells[i] = g_strdup (fits[i]->best_weights != NULL ? fits[i]->best_weights->name : _("None"));
      /* Translators: a row title: the best weight format at the chosen context, "Best weights at 32K" */
      best_title = g_strdup_printf (_("Best weights at %s"), tokens);
      rw_stat_table_add_row (table, best_title, (const char * const *) cells);
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&cells[i], g_free);
    }

  for (guint i = 0; i < n; i++)
    {
      GArray *models = fits[i]->models;
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint m = 0; m < models->len && m < N_MODELS_SHOWN; m++)
        {
          const RwModelFit *fit = &g_array_index (models, RwModelFit, m);
          g_autofree char *speed = rw_app_format_tok_s (fit->tok_s);

          if (m > 0)
            g_string_append_c (text, '\n');
          /* Translators: a model that fits and its speed, "Llama 3.1 8B, 45 tok/s" */
          g_string_append_printf (text, _("%s, %s"), fit->model->name ? fit->model->name : fit->model->id,
                                  speed);
        }
      if (models->len > N_MODELS_SHOWN)
        {
          g_string_append_c (text, '\n');
          /* Translators: how many more models fit than are listed */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                     models->len - N_MODELS_SHOWN),
                                  models->len - N_MODELS_SHOWN);
        }
      cells[i] = models->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup (_("None"));
    }
  rw_stat_table_add_row (table, _("Models that fit"), (const char * const *) cells);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
}

RwStatTable *
rw_fit_view_get_what_fits_table (RwFitView *self)
{
  g_return_val_if_fail (RW_IS_FIT_VIEW (self), NULL);
  return self->fits_table;
}

RwChartCard *
rw_fit_view_get_main_chart (RwFitView *self)
{
  g_return_val_if_fail (RW_IS_FIT_VIEW (self), NULL);

  return self->chart;
}

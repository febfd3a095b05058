/* rw-speed-view.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rw-a11y.h"
#include "rw-app-format.h"
#include "rw-speed-view.h"
#include "rw-stat-table.h"
#include "rw-widget-util.h"

struct _RwSpeedView
{
  GtkWidget    parent_instance;

  GtkBox      *content;
  GtkLabel    *subtitle;

  RwChartCard *chart;
  RwStatTable *table;
  GtkWidget   *note;
  GtkWidget   *evidence_heading;
  GtkWidget   *evidence_note;
  GtkWidget   *evidence_box;   /* one boxed list of measured rows per system */
  RwChartCard *validation_chart;
  GtkWidget   *dataset_group;  /* training only: the dataset the time is for */
  GtkSpinButton *dataset_spin;
  GSettings   *settings;
  RwChartData *data;           /* the last shown, to redo the time on a new size */
};

G_DEFINE_FINAL_TYPE (RwSpeedView, rw_speed_view, GTK_TYPE_WIDGET)

#define N_MAX 16
/* Measured rows shown per system. */
#define RW_CHART_EVIDENCE_SHOWN 4

typedef char *(*FormatFunc) (double value);

static gboolean
any_finite (RwChartData *data,
            guint        n,
            gsize        offset)
{
  for (guint i = 0; i < n; i++)
    {
      const RwEstimate *e = rw_chart_data_get_estimate (data, i);
      if (isfinite (G_STRUCT_MEMBER (double, e, offset)))
        return TRUE;
    }
  return FALSE;
}

static void
add_row (RwStatTable *table,
         RwChartData *data,
         guint        n,
         const char  *title,
         gsize        offset,
         FormatFunc   format)
{
  char *cells[N_MAX] = { NULL, };

  for (guint i = 0; i < n; i++)
    cells[i] = format (G_STRUCT_MEMBER (double, rw_chart_data_get_estimate (data, i), offset));
  rw_stat_table_add_row (table, title, (const char * const *) cells);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
}

static char *
format_percent (double fraction)
{
  if (!isfinite (fraction))
    return g_strdup (_("n/a"));
  /* Translators: a percentage */
  return g_strdup_printf (_("%.0f %%"), fraction * 100);
}

/* A speed with the digits its error supports: the median error of the
 * rows measured on that chip (8 % → "57 tok/s", "2,400 tok/s"); three
 * digits only below 3 %, two without rows. */
static char *
format_tok_s_supported (double tok_s,
                        double error)
{
  int digits = isfinite (error) && error < 0.03 ? 3 : 2;
  int exponent;
  double magnitude;
  g_autofree char *n = NULL;

  if (!isfinite (tok_s) || tok_s <= 0)
    return rw_app_format_tok_s (tok_s);
  exponent = (int) floor (log10 (tok_s));
  magnitude = pow (10, exponent - (digits - 1));
  n = rw_format_number (round (tok_s / magnitude) * magnitude, MAX (0, digits - 1 - exponent));
  /* Translators: tokens per second */
  return g_strdup_printf (_("%s tok/s"), n);
}

static void
add_speed_row (RwStatTable *table,
               RwChartData *data,
               guint        n,
               const char  *title,
               gsize        offset)
{
  char *cells[N_MAX] = { NULL, };

  for (guint i = 0; i < n; i++)
    cells[i] = format_tok_s_supported (G_STRUCT_MEMBER (double, rw_chart_data_get_estimate (data, i), offset),
                                       rw_chart_data_get_speed_error (data, i));
  rw_stat_table_add_row (table, title, (const char * const *) cells);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
}

/* One boxed list per system: the measured rows nearest the workload on its
 * chip, measured against predicted, each linking to its source. */
static void
fill_evidence (RwSpeedView *self,
               RwChartData *data,
               guint        n)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (self->evidence_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->evidence_box), child);

  for (guint i = 0; i < n; i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      const RwChartEvidence *rows[RW_CHART_EVIDENCE_SHOWN];
      guint n_rows = rw_chart_data_get_evidence (data, i, rows, G_N_ELEMENTS (rows));
      GtkWidget *title = gtk_label_new (system->short_name ? system->short_name : system->name);
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (self->evidence_box), title);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_label (GTK_LABEL (title)), -1);
      if (n_rows == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         _("No measured rows on this chip: the estimate rests on "
                                           "its backend's calibration on other machines"));
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      for (guint r = 0; r < n_rows; r++)
        {
          const RwChartEvidence *e = rows[r];
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *link = gtk_link_button_new_with_label (e->source, _("Source"));
          g_autofree char *measured = rw_app_format_tok_s (e->measured);
          g_autofree char *predicted = rw_app_format_tok_s (e->predicted);
          g_autofree char *error = rw_format_number ((e->predicted / e->measured - 1) * 100, 0);
          g_autofree char *depth = rw_format_number (e->depth, 0);
          g_autofree char *heading = NULL;
          g_autofree char *detail = NULL;

          any = TRUE;
          /* Translators: a measured benchmark row, "gpt-oss-120b · mxfp4_moe · tg32 at depth 4,096 · 1 sequence on dgx-spark" */
          heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s · %s · %s at depth %s · %u sequence on %s",
                                                  "%s · %s · %s at depth %s · %u sequences on %s", e->batch),
                                     e->model, e->format, e->test, depth, e->batch, e->machine);
          if (e->build == NULL || g_strcmp0 (e->build, "not captured") == 0)
            /* Translators: "measured 55.7 tok/s, predicted 54.4 tok/s (-2 %)": the source gives no build */
            detail = g_strdup_printf (_("measured %s, predicted %s (%s%s %%), llama.cpp build not stated"),
                                      measured, predicted, e->predicted >= e->measured ? "+" : "", error);
          else
            /* Translators: "measured 55.7 tok/s, predicted 54.4 tok/s (-2 %), llama.cpp build 11fb327bf (7941)" */
            detail = g_strdup_printf (_("measured %s, predicted %s (%s%s %%), llama.cpp build %s"),
                                      measured, predicted, e->predicted >= e->measured ? "+" : "", error,
                                      e->build);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
          gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (link, e->source);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (GTK_BOX (self->evidence_box), list);
    }
  gtk_widget_set_visible (self->evidence_note, any);
}

static void refill (RwSpeedView *self);

static void
on_dataset_changed_cb (RwSpeedView *self)
{
  if (self->data != NULL)
    refill (self);
}

static void
rw_speed_view_dispose (GObject *object)
{
  RwSpeedView *self = RW_SPEED_VIEW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->data, rw_chart_data_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), RW_TYPE_SPEED_VIEW);
  /* The template's root box is not a bound child: unparent it ourselves. */
  rw_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (rw_speed_view_parent_class)->dispose (object);
}

static void
rw_speed_view_class_init (RwSpeedViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_speed_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-speed-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RwSpeedView, content);
  gtk_widget_class_bind_template_child (widget_class, RwSpeedView, subtitle);
}

static void
rw_speed_view_init (RwSpeedView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_box_append (self->content, rw_heading_new (_("Estimated Speed"), 2));

  self->table = RW_STAT_TABLE (rw_stat_table_new (_("Estimated speed")));
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "stat-table");
  gtk_box_append (self->content, GTK_WIDGET (self->table));

  self->note = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->note), 0);
  gtk_label_set_wrap (GTK_LABEL (self->note), TRUE);
  gtk_widget_add_css_class (self->note, "dim-label");
  gtk_widget_add_css_class (self->note, "caption");
  gtk_box_append (self->content, self->note);

  /* Fine-tuning: how long one pass over a dataset takes. */
  {
    GtkWidget *list = gtk_list_box_new ();
    GtkWidget *row = adw_action_row_new ();

    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "boxed-list");
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Training dataset"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Millions of tokens in one epoch"));
    self->dataset_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0.001, 1000000, 1));
    gtk_spin_button_set_digits (self->dataset_spin, 1);
    gtk_widget_set_valign (GTK_WIDGET (self->dataset_spin), GTK_ALIGN_CENTER);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->dataset_spin));
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->dataset_spin));
    rw_a11y_name_from_row (ADW_ACTION_ROW (row));
    gtk_list_box_append (GTK_LIST_BOX (list), row);
    self->dataset_group = list;
    gtk_widget_set_visible (list, FALSE);
    gtk_box_insert_child_after (self->content, list, GTK_WIDGET (self->subtitle));

    self->settings = g_settings_new (APP_ID);
    g_settings_bind (self->settings, "dataset-mtokens", self->dataset_spin, "value",
                     G_SETTINGS_BIND_DEFAULT);
    g_signal_connect_object (self->dataset_spin, "value-changed", G_CALLBACK (on_dataset_changed_cb),
                             self, G_CONNECT_SWAPPED);
  }

  self->chart = g_object_new (RW_TYPE_CHART_CARD, "kind", RW_CHART_THROUGHPUT, NULL);
  gtk_box_append (self->content, GTK_WIDGET (self->chart));

  /* The evidence: measured rows next to what the model predicts for them. */
  self->evidence_heading = rw_heading_new (_("Measured on These Chips"), 2);
  gtk_box_append (self->content, self->evidence_heading);
  self->evidence_note = gtk_label_new (_("The published llama.cpp measurements nearest this workload "
                                         "on each machine's chip, with the estimate for each: how far "
                                         "to trust the figures above."));
  gtk_label_set_xalign (GTK_LABEL (self->evidence_note), 0);
  gtk_label_set_wrap (GTK_LABEL (self->evidence_note), TRUE);
  gtk_widget_add_css_class (self->evidence_note, "dim-label");
  gtk_box_append (self->content, self->evidence_note);
  self->evidence_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (self->content, self->evidence_box);
  self->validation_chart = g_object_new (RW_TYPE_CHART_CARD, "kind", RW_CHART_VALIDATION, NULL);
  gtk_box_append (self->content, GTK_WIDGET (self->validation_chart));
}

void
rw_speed_view_set_data (RwSpeedView *self,
                        RwChartData *data)
{
  g_return_if_fail (RW_IS_SPEED_VIEW (self));
  g_return_if_fail (data != NULL);

  rw_chart_data_ref (data);
  g_clear_pointer (&self->data, rw_chart_data_unref);
  self->data = data;
  refill (self);
}

static void
refill (RwSpeedView *self)
{
  RwChartData *data = self->data;
  const char *headers[N_MAX];
  char *cells[N_MAX] = { NULL, };
  RwStatTable *table;
  gboolean decodes;
  gboolean training = rw_chart_data_get_workload (data)->mode != RW_MODE_INFERENCE;
  guint n;

  /* A fine-tune has no decode against context: no inference chart, and
   * the dataset its time is given for. */
  gtk_widget_set_visible (GTK_WIDGET (self->chart), !training);
  gtk_widget_set_visible (self->dataset_group, training);
  gtk_widget_set_visible (self->evidence_heading, !training);
  gtk_widget_set_visible (self->evidence_box, !training);
  gtk_widget_set_visible (GTK_WIDGET (self->validation_chart), !training);

  n = MIN (rw_chart_data_get_n_systems (data), N_MAX);
  table = self->table;
  gtk_label_set_label (self->subtitle, rw_chart_data_get_subtitle (data));
  rw_chart_card_set_data (self->chart, data);
  rw_chart_card_set_data (self->validation_chart, data);

  for (guint i = 0; i < n; i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      headers[i] = rw_system_get_label (system);
    }
  rw_stat_table_set_columns (table, "", headers, n);

  /* Rows that apply to no machine (inference speeds of a training workload,
   * training speed of an inference one) are left out, not filled with n/a.
   * Decode slows as the KV cache fills: give it at the workload's depth
   * (usually an empty context, as llama-bench's tg128 measures it) and with
   * the whole context cached, the throughput chart's point at the context. */
  decodes = any_finite (data, n, G_STRUCT_OFFSET (RwEstimate, decode_tok_s));
  if (decodes)
    {
      const RwWorkload *w = rw_chart_data_get_workload (data);
      g_autofree char *depth_title = rw_chart_data_dup_decode_title (w->depth);

      add_speed_row (table, data, n, depth_title, G_STRUCT_OFFSET (RwEstimate, decode_tok_s));

      if (w->context > w->depth)
        {
          g_autofree char *full_title = rw_chart_data_dup_decode_title (w->context);

          for (guint i = 0; i < n; i++)
            cells[i] = format_tok_s_supported (rw_chart_data_get_decode_full_context (data, i),
                                               rw_chart_data_get_speed_error (data, i));
          rw_stat_table_add_row (table, full_title, (const char * const *) cells);
          for (guint i = 0; i < n; i++)
            g_clear_pointer (&cells[i], g_free);
        }
    }
  /* With one sequence the whole batch is that sequence: say it once. */
  {
    gboolean batched = FALSE;

    for (guint i = 0; i < n; i++)
      {
        const RwEstimate *e = rw_chart_data_get_estimate (data, i);
        batched |= isfinite (e->decode_tok_s_total) && e->decode_tok_s_total != e->decode_tok_s;
      }
    if (batched)
      add_speed_row (table, data, n, _("Decode, whole batch"),
                     G_STRUCT_OFFSET (RwEstimate, decode_tok_s_total));
  }
  if (any_finite (data, n, G_STRUCT_OFFSET (RwEstimate, prefill_tok_s)))
    add_speed_row (table, data, n, _("Prefill"), G_STRUCT_OFFSET (RwEstimate, prefill_tok_s));
  if (any_finite (data, n, G_STRUCT_OFFSET (RwEstimate, ttft_s)))
    add_row (table, data, n, _("Time to first token"),
             G_STRUCT_OFFSET (RwEstimate, ttft_s), rw_app_format_seconds);
  if (training)
    {
      double tokens = gtk_spin_button_get_value (self->dataset_spin) * 1e6;
      g_autofree char *amount = rw_format_number (tokens / 1e6, tokens < 1e7 ? 1 : 0);
      /* Translators: a row title: the time one pass over the dataset takes, "Time for 100M tokens" */
      g_autofree char *title = g_strdup_printf (_("Time for %sM tokens"), amount);

      add_row (table, data, n, _("Training"),
               G_STRUCT_OFFSET (RwEstimate, train_tok_s), rw_app_format_tok_s);
      for (guint i = 0; i < n; i++)
        {
          double tok_s = rw_chart_data_get_estimate (data, i)->train_tok_s;

          cells[i] = isfinite (tok_s) && tok_s > 0 ? rw_format_duration (tokens / tok_s) : g_strdup (_("n/a"));
        }
      rw_stat_table_add_row (table, title, (const char * const *) cells);
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&cells[i], g_free);
    }

  if (decodes)
    {
      for (guint i = 0; i < n; i++)
        {
          const RwEstimate *e = rw_chart_data_get_estimate (data, i);

          if (!isfinite (e->decode_tok_s))
            cells[i] = g_strdup (_("n/a"));
          else
            cells[i] = g_strdup (e->decode_compute_bound ? _("Compute") : _("Memory bandwidth"));
        }
      rw_stat_table_add_row (table, _("Decode limited by"), (const char * const *) cells);
      for (guint i = 0; i < n; i++)
        g_free (cells[i]);

      add_row (table, data, n, _("Share of bandwidth reached"),
               G_STRUCT_OFFSET (RwEstimate, decode_efficiency), format_percent);
    }
  if (!training)
    add_row (table, data, n, _("Share of compute peak reached"),
             G_STRUCT_OFFSET (RwEstimate, prefill_efficiency), format_percent);

  gtk_label_set_label (GTK_LABEL (self->note),
                       training
                       ? _("Training speed is estimated from the FLOPs a token takes forward and backward "
                           "and the BF16 tensor peak, scaled by the efficiency fine-tunes reach. n/a: the "
                           "run does not fit in fast memory, which training cannot spill out of.")
                       : _("Speeds are estimates from memory bandwidth and tensor peaks, scaled by what "
                           "llama.cpp reaches on each compute API in published benchmarks, rounded to the "
                           "digits their measured rows support. n/a: the figure does not apply, or the "
                           "workload does not fit."));
  if (!training)
    fill_evidence (self, data, n);
}

RwChartCard *
rw_speed_view_get_main_chart (RwSpeedView *self)
{
  g_return_val_if_fail (RW_IS_SPEED_VIEW (self), NULL);

  return self->chart;
}

RwStatTable *
rw_speed_view_get_table (RwSpeedView *self)
{
  g_return_val_if_fail (RW_IS_SPEED_VIEW (self), NULL);

  return self->table;
}

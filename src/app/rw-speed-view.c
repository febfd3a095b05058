/* rw-speed-view.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
};

G_DEFINE_FINAL_TYPE (RwSpeedView, rw_speed_view, GTK_TYPE_WIDGET)

#define N_MAX 16

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

static void
rw_speed_view_dispose (GObject *object)
{
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

  self->chart = g_object_new (RW_TYPE_CHART_CARD, "kind", RW_CHART_THROUGHPUT, NULL);
  gtk_box_append (self->content, GTK_WIDGET (self->chart));
}

void
rw_speed_view_set_data (RwSpeedView *self,
                        RwChartData *data)
{
  const char *headers[N_MAX];
  char *cells[N_MAX] = { NULL, };
  RwStatTable *table;
  gboolean decodes;
  guint n;

  g_return_if_fail (RW_IS_SPEED_VIEW (self));
  g_return_if_fail (data != NULL);

  n = MIN (rw_chart_data_get_n_systems (data), N_MAX);
  table = self->table;
  gtk_label_set_label (self->subtitle, rw_chart_data_get_subtitle (data));
  rw_chart_card_set_data (self->chart, data);

  for (guint i = 0; i < n; i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      headers[i] = system->short_name ? system->short_name : system->name;
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

      add_row (table, data, n, depth_title,
               G_STRUCT_OFFSET (RwEstimate, decode_tok_s), rw_app_format_tok_s);

      if (w->context > w->depth)
        {
          g_autofree char *full_title = rw_chart_data_dup_decode_title (w->context);

          for (guint i = 0; i < n; i++)
            cells[i] = rw_app_format_tok_s (rw_chart_data_get_decode_full_context (data, i));
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
      add_row (table, data, n, _("Decode, whole batch"),
               G_STRUCT_OFFSET (RwEstimate, decode_tok_s_total), rw_app_format_tok_s);
  }
  if (any_finite (data, n, G_STRUCT_OFFSET (RwEstimate, prefill_tok_s)))
    add_row (table, data, n, _("Prefill"),
             G_STRUCT_OFFSET (RwEstimate, prefill_tok_s), rw_app_format_tok_s);
  if (any_finite (data, n, G_STRUCT_OFFSET (RwEstimate, ttft_s)))
    add_row (table, data, n, _("Time to first token"),
             G_STRUCT_OFFSET (RwEstimate, ttft_s), rw_app_format_seconds);
  if (any_finite (data, n, G_STRUCT_OFFSET (RwEstimate, train_tok_s)))
    add_row (table, data, n, _("Training"),
             G_STRUCT_OFFSET (RwEstimate, train_tok_s), rw_app_format_tok_s);

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
  add_row (table, data, n, _("Share of compute peak reached"),
           G_STRUCT_OFFSET (RwEstimate, prefill_efficiency), format_percent);

  gtk_label_set_label (GTK_LABEL (self->note),
                       _("Speeds are estimates from memory bandwidth and tensor peaks, scaled by the "
                         "efficiencies llama.cpp reaches on each machine in published benchmarks. "
                         "n/a: the figure does not apply, or the workload does not fit."));
}

RwChartCard *
rw_speed_view_get_main_chart (RwSpeedView *self)
{
  g_return_val_if_fail (RW_IS_SPEED_VIEW (self), NULL);

  return self->chart;
}

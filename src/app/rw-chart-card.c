/* rw-chart-card.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rw-a11y.h"
#include "rw-chart-card.h"
#include "rw-export-dialog.h"
#include "rw-stat-table.h"
#include "rw-widget-util.h"

struct _RwChartCard
{
  GtkWidget        parent_instance;

  GtkLabel        *title_label;
  GtkButton       *table_button;
  GtkMenuButton   *menu_button;
  GtkStack        *stack;
  RwChartWidget   *chart;
  RwStatTable     *table;

  gboolean         show_table;
};

G_DEFINE_FINAL_TYPE (RwChartCard, rw_chart_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rebuilds the table from render's; only when it is shown. */
static void
update_table (RwChartCard *self)
{
  RwChartData *data = rw_chart_widget_get_data (self->chart);
  g_autoptr(RwChartTable) table = NULL;

  rw_stat_table_set_columns (self->table, "", NULL, 0);
  if (data == NULL || !self->show_table)
    return;

  table = rw_chart_data_get_table (data, rw_chart_widget_get_kind (self->chart));
  if (table == NULL || table->n_columns == 0)
    return;

  /* Render's first column names the rows. */
  rw_stat_table_set_columns (self->table, table->columns[0],
                             (const char * const *) table->columns + 1, table->n_columns - 1);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      rw_stat_table_add_row (self->table, cells[0], (const char * const *) cells + 1);
    }
}

static void
update_title (RwChartCard *self)
{
  const char *title = rw_chart_kind_get_title (rw_chart_widget_get_kind (self->chart));

  gtk_label_set_label (self->title_label, title);
  rw_stat_table_set_name (self->table, title);
}

/* The button says what pressing it does: "Show as table", then "Show as
 * chart". */
static void
update_table_button (RwChartCard *self)
{
  const char *label = self->show_table ? _("Show as chart") : _("Show as table");

  gtk_button_set_icon_name (self->table_button,
                            self->show_table ? "rw-bar-chart-symbolic" : "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button),
                               self->show_table ? _("Show as Chart") : _("Show as Table"));
  rw_a11y_name (GTK_WIDGET (self->table_button), label, NULL);
}

static void
on_table_clicked_cb (RwChartCard *self)
{
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self->table_button));

  rw_chart_card_set_show_table (self, !self->show_table);
  /* Swapping the pages must not drop the keyboard focus. */
  if (focused)
    gtk_widget_grab_focus (GTK_WIDGET (self->table_button));
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rw_chart_card_export (RW_CHART_CARD (widget), g_variant_get_string (parameter, NULL));
}

static void
rw_chart_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RwChartCard *self = RW_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, rw_chart_card_get_kind (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_chart_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RwChartCard *self = RW_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      rw_chart_card_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_chart_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RW_TYPE_CHART_CARD);
  /* The template's root box is not a bound child: unparent it ourselves. */
  rw_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (rw_chart_card_parent_class)->dispose (object);
}

static void
rw_chart_card_class_init (RwChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_chart_card_dispose;
  object_class->get_property = rw_chart_card_get_property;
  object_class->set_property = rw_chart_card_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, RW_CHART_N - 1, RW_CHART_MEMORY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RW_TYPE_CHART_WIDGET);
  g_type_ensure (RW_TYPE_STAT_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-chart-card.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RwChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, RwChartCard, table_button);
  gtk_widget_class_bind_template_child (widget_class, RwChartCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RwChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, RwChartCard, chart);
  gtk_widget_class_bind_template_child (widget_class, RwChartCard, table);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_activated_cb);
}

static void
rw_chart_card_init (RwChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->table_button, "clicked",
                            G_CALLBACK (on_table_clicked_cb), self);
  rw_a11y_name (GTK_WIDGET (self->menu_button), _("Export chart"), NULL);
  update_table_button (self);
  update_title (self);
}

RwChartKind
rw_chart_card_get_kind (RwChartCard *self)
{
  g_return_val_if_fail (RW_IS_CHART_CARD (self), RW_CHART_MEMORY);

  return rw_chart_widget_get_kind (self->chart);
}

void
rw_chart_card_set_kind (RwChartCard *self,
                        RwChartKind  kind)
{
  g_return_if_fail (RW_IS_CHART_CARD (self));

  if (rw_chart_widget_get_kind (self->chart) == kind)
    return;
  rw_chart_widget_set_kind (self->chart, kind);
  update_title (self);
  update_table (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
rw_chart_card_set_data (RwChartCard *self,
                        RwChartData *data)
{
  g_return_if_fail (RW_IS_CHART_CARD (self));

  rw_chart_widget_set_data (self->chart, data);
  update_table (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", data != NULL);
}

RwChartWidget *
rw_chart_card_get_chart (RwChartCard *self)
{
  g_return_val_if_fail (RW_IS_CHART_CARD (self), NULL);

  return self->chart;
}

gboolean
rw_chart_card_get_show_table (RwChartCard *self)
{
  g_return_val_if_fail (RW_IS_CHART_CARD (self), FALSE);

  return self->show_table;
}

void
rw_chart_card_set_show_table (RwChartCard *self,
                              gboolean     show_table)
{
  g_return_if_fail (RW_IS_CHART_CARD (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  update_table (self);
  gtk_stack_set_visible_child_name (self->stack, show_table ? "table" : "chart");
  update_table_button (self);
}

void
rw_chart_card_export (RwChartCard *self,
                      const char  *format)
{
  GtkRoot *root;
  RwChartData *data;

  g_return_if_fail (RW_IS_CHART_CARD (self));

  data = rw_chart_widget_get_data (self->chart);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (data == NULL || !GTK_IS_WINDOW (root))
    return;

  rw_export_dialog_present (GTK_WINDOW (root), data,
                            (int) rw_chart_widget_get_kind (self->chart), format);
}

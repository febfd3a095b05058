/* rw-cost-view.c
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
#include "rw-cost-view.h"
#include "rw-stat-table.h"
#include "rw-widget-util.h"

struct _RwCostView
{
  GtkWidget    parent_instance;

  GtkBox      *content;
  GtkLabel    *subtitle;

  GSettings   *settings;
  RwChartCard *cost_chart;
  RwChartCard *tco_chart;
  RwChartCard *breakeven_chart;
  RwStatTable *table;
  GtkWidget   *note;
};

G_DEFINE_FINAL_TYPE (RwCostView, rw_cost_view, GTK_TYPE_WIDGET)

#define N_MAX 16

static GtkWidget *
spin_row_new (GSettings  *settings,
              const char *key,
              const char *title,
              const char *subtitle,
              double      lower,
              double      upper,
              double      step,
              guint       digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_settings_bind (settings, key, gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)),
                   "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  rw_a11y_name_from_row (ADW_ACTION_ROW (row));
  return row;
}

static void
add_money_row (RwStatTable *table,
               RwChartData *data,
               guint        n,
               const char  *title,
               gsize        offset)
{
  char *cells[N_MAX] = { NULL, };

  for (guint i = 0; i < n; i++)
    {
      const RwEstimate *e = rw_chart_data_get_estimate (data, i);
      cells[i] = rw_app_format_money (G_STRUCT_MEMBER (double, e, offset),
                                      rw_chart_data_get_system (data, i)->currency,
                                      rw_chart_data_get_currency_display (data));
    }
  rw_stat_table_add_row (table, title, (const char * const *) cells);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
}

static void
rw_cost_view_dispose (GObject *object)
{
  RwCostView *self = RW_COST_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RW_TYPE_COST_VIEW);
  /* The template's root box is not a bound child: unparent it ourselves. */
  rw_widget_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rw_cost_view_parent_class)->dispose (object);
}

static void
rw_cost_view_class_init (RwCostViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_cost_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-cost-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RwCostView, content);
  gtk_widget_class_bind_template_child (widget_class, RwCostView, subtitle);
}

static void
rw_cost_view_init (RwCostView *self)
{
  GtkWidget *group;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Running Costs"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row_new (self->settings, "electricity-price",
                                           _("Electricity price"), _("Per kWh, in the prices' currency"),
                                           0.0, 10.0, 0.01, 2));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row_new (self->settings, "hours-per-day",
                                           _("Hours per day"), _("Time under load"),
                                           0.0, 24.0, 0.5, 1));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row_new (self->settings, "years",
                                           _("Years"), _("Period of ownership"),
                                           0.5, 10.0, 0.5, 1));
  gtk_box_append (self->content, group);

  gtk_box_append (self->content, rw_heading_new (_("Cost Figures"), 2));

  self->table = RW_STAT_TABLE (rw_stat_table_new (_("Cost figures")));
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "stat-table");
  gtk_box_append (self->content, GTK_WIDGET (self->table));

  self->note = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->note), 0);
  gtk_label_set_wrap (GTK_LABEL (self->note), TRUE);
  gtk_widget_add_css_class (self->note, "dim-label");
  gtk_widget_add_css_class (self->note, "caption");
  gtk_box_append (self->content, self->note);

  self->cost_chart = g_object_new (RW_TYPE_CHART_CARD, "kind", RW_CHART_COST, NULL);
  gtk_box_append (self->content, GTK_WIDGET (self->cost_chart));
  self->tco_chart = g_object_new (RW_TYPE_CHART_CARD, "kind", RW_CHART_TCO, NULL);
  gtk_box_append (self->content, GTK_WIDGET (self->tco_chart));
  /* Rent or buy: owned machines against rented GPUs over hours of use. */
  self->breakeven_chart = g_object_new (RW_TYPE_CHART_CARD, "kind", RW_CHART_BREAKEVEN, NULL);
  gtk_box_append (self->content, GTK_WIDGET (self->breakeven_chart));
}

void
rw_cost_view_set_data (RwCostView  *self,
                       RwChartData *data)
{
  static const struct { RwPrecision precision; const char *label; } precisions[] = {
    { RW_PRECISION_FP4, N_("Per dense FP4 TFLOP/s") },
    { RW_PRECISION_FP8, N_("Per dense FP8 TFLOP/s") },
    { RW_PRECISION_INT8, N_("Per dense INT8 TOP/s") },
    { RW_PRECISION_FP16, N_("Per dense FP16/BF16 TFLOP/s") },
    { RW_PRECISION_FP32, N_("Per FP32 TFLOP/s") },
  };
  const char *headers[N_MAX];
  char *cells[N_MAX] = { NULL, };
  RwStatTable *table;
  gboolean any_assumed = FALSE;
  RwCurrencyDisplay display;
  guint n;

  g_return_if_fail (RW_IS_COST_VIEW (self));
  g_return_if_fail (data != NULL);

  n = MIN (rw_chart_data_get_n_systems (data), N_MAX);
  display = rw_chart_data_get_currency_display (data);
  table = self->table;
  {
    g_autofree char *subtitle = g_strdup_printf ("%s\n%s", rw_chart_data_get_subtitle (data),
                                                 rw_chart_data_get_price_note (data));
    gtk_label_set_label (self->subtitle, subtitle);
  }
  rw_chart_card_set_data (self->cost_chart, data);
  rw_chart_card_set_data (self->tco_chart, data);
  rw_chart_card_set_data (self->breakeven_chart, data);

  for (guint i = 0; i < n; i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      headers[i] = rw_system_get_label (system);
    }
  rw_stat_table_set_columns (table, "", headers, n);

  add_money_row (table, data, n, _("Price"), G_STRUCT_OFFSET (RwEstimate, price));
  for (guint p = 0; p < G_N_ELEMENTS (precisions); p++)
    {
      for (guint i = 0; i < n; i++)
        {
          const RwEstimate *e = rw_chart_data_get_estimate (data, i);
          double v = e->per_tflop[precisions[p].precision];

          const RwSystem *system = rw_chart_data_get_system (data, i);

          /* NAN here means the vendor publishes no such peak; an assumed
           * peak is marked as the charts mark it. */
          if (!isfinite (v))
            cells[i] = g_strdup (_("not published"));
          else if (system->peak[precisions[p].precision].assumed)
            {
              g_autofree char *money = rw_app_format_money (v, system->currency, display);
              /* Translators: a cost from an assumed, unpublished peak */
              cells[i] = g_strdup_printf (_("≈ %s"), money);
              any_assumed = TRUE;
            }
          else
            cells[i] = rw_app_format_money (v, system->currency, display);
        }
      rw_stat_table_add_row (table, _(precisions[p].label), (const char * const *) cells);
      for (guint i = 0; i < n; i++)
        g_free (cells[i]);
    }
  /* The cost per GB is per decimal GB whatever the units shown elsewhere. */
  add_money_row (table, data, n,
                 rw_chart_data_get_memory_units (data) == RW_MEMORY_UNITS_GIB
                 ? _("Per GB of fast memory (decimal)") : _("Per GB of fast memory"),
                 G_STRUCT_OFFSET (RwEstimate, per_gb));
  add_money_row (table, data, n, _("Per decode token/s"), G_STRUCT_OFFSET (RwEstimate, per_decode_tok_s));
  add_money_row (table, data, n, _("Electricity per million tokens"), G_STRUCT_OFFSET (RwEstimate, energy_per_mtok));
  add_money_row (table, data, n, _("Electricity per year"), G_STRUCT_OFFSET (RwEstimate, energy_per_year));
  {
    double years = g_settings_get_double (self->settings, "years");
    g_autofree char *number = rw_format_number (years, years == floor (years) ? 0 : 1);
    /* Translators: %s is a number of years, possibly fractional ("2.5") */
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Total cost over %s year",
                                                           "Total cost over %s years",
                                                           years == 1.0 ? 1 : 2),
                                              number);

    add_money_row (table, data, n, title, G_STRUCT_OFFSET (RwEstimate, tco));
  }
  /* Rent or buy: a rented GPU's hourly price, an owned machine's price
   * spread over its hours of use plus electricity. */
  add_money_row (table, data, n, _("Per hour of use"), G_STRUCT_OFFSET (RwEstimate, per_hour));
  add_money_row (table, data, n, _("Per million tokens"), G_STRUCT_OFFSET (RwEstimate, per_mtok));

  gtk_label_set_label (GTK_LABEL (self->note),
                       any_assumed
                       ? _("≈: the vendor publishes no such dense peak; the figure assumes one, as the "
                           "catalog notes. Not published: no peak, not even an assumed one. "
                           "n/a: the figure does not apply.")
                       : _("Not published: the vendor publishes no such peak. "
                           "n/a: the figure does not apply."));
}

RwChartCard *
rw_cost_view_get_main_chart (RwCostView *self)
{
  g_return_val_if_fail (RW_IS_COST_VIEW (self), NULL);

  return self->cost_chart;
}

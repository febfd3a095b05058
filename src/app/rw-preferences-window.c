/* rw-preferences-window.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rw-a11y.h"
#include "rw-preferences-window.h"

struct _RwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *units_row;
  AdwComboRow          *currency_row;
  GtkAdjustment        *electricity_adjustment;
  GtkAdjustment        *hours_adjustment;
  GtkAdjustment        *years_adjustment;
  AdwEntryRow          *feed_row;
  GtkSwitch            *refresh_switch;
  GtkSpinButton        *electricity_spin;
  GtkSpinButton        *hours_spin;
  GtkSpinButton        *years_spin;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (RwPreferencesWindow, rw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Enum keys and combo rows list their choices in the same order; the
 * mapping's user data is the keys' nicks in that order. */
static const char * const units_nicks[] = { "gb", "gib", NULL };
static const char * const currency_display_nicks[] = { "symbol", "code", NULL };

static gboolean
enum_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
enum_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[selected]);
}

static void
rw_preferences_window_dispose (GObject *object)
{
  RwPreferencesWindow *self = RW_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rw_preferences_window_parent_class)->dispose (object);
}

static void
rw_preferences_window_class_init (RwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, electricity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, hours_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, years_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, feed_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, refresh_switch);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, electricity_spin);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, years_spin);
}

static void
rw_preferences_window_init (RwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkWidget *controls[] = {
      GTK_WIDGET (self->electricity_spin), GTK_WIDGET (self->hours_spin),
      GTK_WIDGET (self->years_spin), GTK_WIDGET (self->refresh_switch),
    };

    for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
      rw_a11y_name_from_row (ADW_ACTION_ROW (gtk_widget_get_ancestor (controls[i], ADW_TYPE_ACTION_ROW)));
  }
  rw_a11y_name_combo_items (self->units_row);
  rw_a11y_name_combo_items (self->currency_row);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "units", self->units_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                enum_get_mapping, enum_set_mapping,
                                (gpointer) units_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "currency-display", self->currency_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                enum_get_mapping, enum_set_mapping,
                                (gpointer) currency_display_nicks, NULL);
  g_settings_bind (self->settings, "electricity-price", self->electricity_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "hours-per-day", self->hours_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "years", self->years_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "price-feed-url", self->feed_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "refresh-prices-at-start", self->refresh_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

RwPreferencesWindow *
rw_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (RW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

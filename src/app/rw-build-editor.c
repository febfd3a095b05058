/* rw-build-editor.c: edit a custom build's parts and prices
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through rw-user-systems: the core derives the build's
 * figures, the user catalog file keeps them, and the totals shown here are
 * read back from the catalog's entry, so the editor computes nothing.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rw-a11y.h"
#include "rw-app-format.h"
#include "rw-build-editor.h"
#include "rw-user-systems.h"

struct _RwBuildEditor
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwComboRow         *build_row;
  GtkLabel            *price_total_label;
  GtkLabel            *vram_total_label;
  GtkLabel            *ram_total_label;
  AdwComboRow         *gpu_row;
  GtkSpinButton       *gpu_count_spin;
  AdwComboRow         *ram_row;
  GtkSpinButton       *ram_kits_spin;
  AdwComboRow         *storage_row;
  AdwPreferencesGroup *prices_group;
  GtkButton           *reset_button;

  RwCatalog           *catalog;
  GSettings           *settings;      /* for the GB/GiB and currency preferences */
  GPtrArray           *build_ids;     /* char*, parallel to build_row */
  GPtrArray           *gpus;          /* RwComponent*, parallel to gpu_row */
  GPtrArray           *rams;
  GPtrArray           *storages;
  GPtrArray           *price_rows;    /* AdwActionRow*, data "component-id", "spin" */
  char                *system_id;
  guint                updating;      /* > 0: widgets being filled in, not edited */
};

G_DEFINE_FINAL_TYPE (RwBuildEditor, rw_build_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (RwBuildEditor *self);

static RwSystem *
current_system (RwBuildEditor *self)
{
  if (self->system_id == NULL)
    return NULL;
  return rw_catalog_lookup_system (self->catalog, self->system_id);
}

static const RwComponent *
system_part (const RwSystem *system,
             const char     *kind)
{
  for (guint i = 0; system != NULL && i < system->components->len; i++)
    {
      const RwComponent *component = g_ptr_array_index (system->components, i);

      if (g_strcmp0 (component->kind, kind) == 0)
        return component;
    }
  return NULL;
}

static const char *
kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } kinds[] = {
    { "gpu", N_("GPU") }, { "cpu", N_("CPU") }, { "ram", N_("Memory") },
    { "storage", N_("Storage") }, { "board", N_("Motherboard") },
    { "psu", N_("Power supply") }, { "case", N_("Case") }, { "cooler", N_("Cooler") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].label);
  return kind;
}

static void
show_error (RwBuildEditor *self,
            const GError  *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Fills a combo row with @parts (names) and selects the one with @id. */
static void
fill_parts_row (AdwComboRow *row,
                GPtrArray   *parts,
                const char  *id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < parts->len; i++)
    {
      const RwComponent *part = g_ptr_array_index (parts, i);

      gtk_string_list_append (names, part->name);
      if (g_strcmp0 (part->id, id) == 0)
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (row), parts->len > 0);
}

static char *
price_subtitle (RwBuildEditor     *self,
                const RwComponent *component,
                const char        *currency)
{
  RwPriceOrigin origin = RW_PRICE_ORIGIN_BUNDLED;
  const RwFigure *price = rw_catalog_get_price (self->catalog, component->id, &origin);
  const char *from;

  switch (origin)
    {
    case RW_PRICE_ORIGIN_USER:
      from = _("your price");
      break;
    case RW_PRICE_ORIGIN_FEED:
      from = _("price feed");
      break;
    case RW_PRICE_ORIGIN_BUNDLED:
    default:
      from = _("catalog price");
      break;
    }
  if (price != NULL && price->date != NULL)
    /* Translators: "GPU × 2 · catalog price, 2026-01" */
    return g_strdup_printf (_("%s × %u · %s, %s"), kind_label (component->kind),
                            component->quantity, from, price->date);
  return g_strdup_printf (_("%s × %u · %s"), kind_label (component->kind),
                          component->quantity, from);
}

static void
update_totals (RwBuildEditor *self)
{
  RwSystem *system = current_system (self);
  g_autofree char *price = NULL;
  g_autofree char *vram = NULL;
  g_autofree char *ram = NULL;
  RwMemoryUnits units;

  if (system == NULL)
    {
      gtk_label_set_label (self->price_total_label, _("n/a"));
      gtk_label_set_label (self->vram_total_label, _("n/a"));
      gtk_label_set_label (self->ram_total_label, _("n/a"));
      return;
    }

  units = g_settings_get_enum (self->settings, "units");
  price = rw_app_format_money (rw_system_total_price (system), system->currency,
                               g_settings_get_enum (self->settings, "currency-display"));
  vram = rw_app_format_bytes (system->device_memory.value, units);
  ram = rw_app_format_bytes (system->host_memory.value, units);
  gtk_label_set_label (self->price_total_label, price);
  gtk_label_set_label (self->vram_total_label, vram);
  gtk_label_set_label (self->ram_total_label, ram);

  for (guint i = 0; i < self->price_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->price_rows, i);
      const char *id = g_object_get_data (G_OBJECT (row), "component-id");

      for (guint j = 0; j < system->components->len; j++)
        {
          const RwComponent *component = g_ptr_array_index (system->components, j);

          if (g_str_equal (component->id, id))
            {
              g_autofree char *subtitle = price_subtitle (self, component, system->currency);
              adw_action_row_set_subtitle (row, subtitle);
              gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "spin")),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                              -1);
            }
        }
    }
}

static void
changed (RwBuildEditor *self)
{
  update_totals (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Callbacks */

static void
on_price_changed_cb (GtkSpinButton *spin,
                     RwBuildEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (spin), "component-id");
  const RwFigure *current;
  double value = gtk_spin_button_get_value (spin);

  if (self->updating > 0)
    return;
  /* Only what the user typed is an edit; a field showing the catalog's
   * price at its precision is not. */
  current = rw_catalog_get_price (self->catalog, id, NULL);
  if (current != NULL && fabs (current->value - value) < 0.005)
    return;

  if (!rw_user_systems_set_price (self->catalog, id, value, &error))
    {
      show_error (self, error);
      self->updating++;
      if (current != NULL)
        gtk_spin_button_set_value (spin, current->value);
      self->updating--;
      return;
    }
  changed (self);
}

static void
rebuild_price_rows (RwBuildEditor *self)
{
  RwSystem *system = current_system (self);

  for (guint i = 0; i < self->price_rows->len; i++)
    adw_preferences_group_remove (self->prices_group, g_ptr_array_index (self->price_rows, i));
  g_ptr_array_set_size (self->price_rows, 0);

  for (guint i = 0; system != NULL && i < system->components->len; i++)
    {
      const RwComponent *component = g_ptr_array_index (system->components, i);
      /* Translators: a price field read aloud: "Price of RTX 5090, USD per unit" */
      g_autofree char *accessible = g_strdup_printf (_("Price of %s, %s per unit"),
                                                     component->name, system->currency);
      GtkAdjustment *adjustment = gtk_adjustment_new (component->price.value, 1,
                                                      RW_USER_SYSTEMS_MAX_PRICE, 10, 100, 0);
      GtkWidget *spin = gtk_spin_button_new (adjustment, 10, 2);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), component->name);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 9);
      gtk_widget_set_tooltip_text (spin, accessible);
      g_object_set_data_full (G_OBJECT (spin), "component-id", g_strdup (component->id), g_free);
      g_object_set_data_full (G_OBJECT (row), "component-id", g_strdup (component->id), g_free);
      g_object_set_data (G_OBJECT (row), "spin", spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      rw_a11y_name (spin, accessible, NULL);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_price_changed_cb), self);

      adw_preferences_group_add (self->prices_group, row);
      g_ptr_array_add (self->price_rows, row);
    }
}

/* Applies the parts chosen in the widgets to the build. */
static void
apply_parts (RwBuildEditor *self)
{
  g_autoptr(RwSystem) edited = NULL;
  g_autoptr(GError) error = NULL;
  RwSystem *system = current_system (self);
  guint gpu = adw_combo_row_get_selected (self->gpu_row);
  guint ram = adw_combo_row_get_selected (self->ram_row);
  guint storage = adw_combo_row_get_selected (self->storage_row);
  const RwComponent *gpu_part = gpu < self->gpus->len ? g_ptr_array_index (self->gpus, gpu) : NULL;
  const RwComponent *ram_part = ram < self->rams->len ? g_ptr_array_index (self->rams, ram) : NULL;
  const RwComponent *storage_part = storage < self->storages->len
                                    ? g_ptr_array_index (self->storages, storage) : NULL;

  if (self->updating > 0 || system == NULL)
    return;

  edited = rw_user_systems_build (self->catalog, system,
                                  gpu_part ? gpu_part->id : NULL,
                                  (guint) gtk_spin_button_get_value_as_int (self->gpu_count_spin),
                                  ram_part ? ram_part->id : NULL,
                                  (guint) gtk_spin_button_get_value_as_int (self->ram_kits_spin),
                                  storage_part ? storage_part->id : NULL,
                                  &error);
  if (edited == NULL || !rw_user_systems_save_system (self->catalog, edited, &error))
    {
      show_error (self, error);
      refresh (self);
      return;
    }
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_part_selected_cb (RwBuildEditor *self)
{
  apply_parts (self);
}

static void
on_build_selected_cb (RwBuildEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->build_row);

  if (self->updating > 0 || selected >= self->build_ids->len)
    return;
  g_free (self->system_id);
  self->system_id = g_strdup (g_ptr_array_index (self->build_ids, selected));
  refresh (self);
}

static void
reset_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  RwBuildEditor *self = RW_BUILD_EDITOR (user_data);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reset") == 0 && !rw_build_editor_reset (self, &error))
    show_error (self, error);
  g_object_unref (self);
}

static void
on_reset_clicked_cb (RwBuildEditor *self)
{
  RwSystem *system = current_system (self);
  GtkWidget *dialog;

  if (system == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reset Build?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” goes back to the catalog’s parts and prices. Your "
                                    "prices for its parts are forgotten in every build that "
                                    "uses them."),
                                  system->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  rw_a11y_name_mnemonic_buttons (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (reset_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows the current build in every widget. */
static void
refresh (RwBuildEditor *self)
{
  RwSystem *system = current_system (self);
  const RwComponent *gpu = system_part (system, "gpu");
  const RwComponent *ram = system_part (system, "ram");
  const RwComponent *storage = system_part (system, "storage");
  g_autoptr(GtkStringList) builds = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  self->updating++;

  /* Builds: every system with parts; names change when edited. */
  g_ptr_array_set_size (self->build_ids, 0);
  for (guint i = 0; i < rw_catalog_get_n_systems (self->catalog); i++)
    {
      RwSystem *s = rw_catalog_get_system (self->catalog, i);

      if (s->components == NULL || s->components->len == 0 || s->memory_model != RW_MEMORY_DISCRETE)
        continue;
      if (g_strcmp0 (s->id, self->system_id) == 0)
        selected = self->build_ids->len;
      g_ptr_array_add (self->build_ids, g_strdup (s->id));
      gtk_string_list_append (builds, s->name);
    }
  adw_combo_row_set_model (self->build_row, G_LIST_MODEL (builds));
  adw_combo_row_set_selected (self->build_row, selected);

  g_clear_pointer (&self->gpus, g_ptr_array_unref);
  g_clear_pointer (&self->rams, g_ptr_array_unref);
  g_clear_pointer (&self->storages, g_ptr_array_unref);
  self->gpus = rw_user_systems_list_parts (self->catalog, "gpu");
  self->rams = rw_user_systems_list_parts (self->catalog, "ram");
  self->storages = rw_user_systems_list_parts (self->catalog, "storage");
  fill_parts_row (self->gpu_row, self->gpus, gpu ? gpu->id : NULL);
  fill_parts_row (self->ram_row, self->rams, ram ? ram->id : NULL);
  fill_parts_row (self->storage_row, self->storages, storage ? storage->id : NULL);
  gtk_spin_button_set_value (self->gpu_count_spin, gpu ? gpu->quantity : 1);
  gtk_spin_button_set_value (self->ram_kits_spin, ram ? ram->quantity : 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gpu_count_spin), gpu != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ram_kits_spin), ram != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), system != NULL);

  rebuild_price_rows (self);
  update_totals (self);

  self->updating--;
}

/* GObject */

static void
rw_build_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RwBuildEditor *self = RW_BUILD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_build_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RwBuildEditor *self = RW_BUILD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_build_editor_constructed (GObject *object)
{
  RwBuildEditor *self = RW_BUILD_EDITOR (object);

  G_OBJECT_CLASS (rw_build_editor_parent_class)->constructed (object);

  /* The seed's build first, else the first build there is. */
  if (rw_catalog_lookup_system (self->catalog, "custom-5090") != NULL)
    self->system_id = g_strdup ("custom-5090");
  refresh (self);
  if (self->system_id == NULL && self->build_ids->len > 0)
    {
      self->system_id = g_strdup (g_ptr_array_index (self->build_ids, 0));
      refresh (self);
    }
}

static void
rw_build_editor_dispose (GObject *object)
{
  RwBuildEditor *self = RW_BUILD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_BUILD_EDITOR);

  G_OBJECT_CLASS (rw_build_editor_parent_class)->dispose (object);
}

static void
rw_build_editor_finalize (GObject *object)
{
  RwBuildEditor *self = RW_BUILD_EDITOR (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->build_ids, g_ptr_array_unref);
  g_clear_pointer (&self->gpus, g_ptr_array_unref);
  g_clear_pointer (&self->rams, g_ptr_array_unref);
  g_clear_pointer (&self->storages, g_ptr_array_unref);
  g_clear_pointer (&self->price_rows, g_ptr_array_unref);
  g_free (self->system_id);

  G_OBJECT_CLASS (rw_build_editor_parent_class)->finalize (object);
}

static void
rw_build_editor_class_init (RwBuildEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rw_build_editor_get_property;
  object_class->set_property = rw_build_editor_set_property;
  object_class->constructed = rw_build_editor_constructed;
  object_class->dispose = rw_build_editor_dispose;
  object_class->finalize = rw_build_editor_finalize;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, RW_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A build or price changed in the catalog: recompute what shows it. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-build-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, build_row);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, price_total_label);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, vram_total_label);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, ram_total_label);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, gpu_row);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, gpu_count_spin);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, ram_row);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, ram_kits_spin);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, storage_row);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, prices_group);
  gtk_widget_class_bind_template_child (widget_class, RwBuildEditor, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked_cb);
}

static void
rw_build_editor_init (RwBuildEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->build_ids = g_ptr_array_new_with_free_func (g_free);
  self->price_rows = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::units", G_CALLBACK (update_totals), self);
  g_signal_connect_swapped (self->settings, "changed::currency-display",
                            G_CALLBACK (update_totals), self);

  g_signal_connect_swapped (self->build_row, "notify::selected",
                            G_CALLBACK (on_build_selected_cb), self);
  g_signal_connect_swapped (self->gpu_row, "notify::selected",
                            G_CALLBACK (on_part_selected_cb), self);
  g_signal_connect_swapped (self->ram_row, "notify::selected",
                            G_CALLBACK (on_part_selected_cb), self);
  g_signal_connect_swapped (self->storage_row, "notify::selected",
                            G_CALLBACK (on_part_selected_cb), self);
  g_signal_connect_swapped (self->gpu_count_spin, "value-changed",
                            G_CALLBACK (on_part_selected_cb), self);
  g_signal_connect_swapped (self->ram_kits_spin, "value-changed",
                            G_CALLBACK (on_part_selected_cb), self);

  rw_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  rw_a11y_name_combo_items (self->build_row);
  rw_a11y_name_combo_items (self->gpu_row);
  rw_a11y_name_combo_items (self->ram_row);
  rw_a11y_name_combo_items (self->storage_row);
  rw_a11y_name (GTK_WIDGET (self->build_row), _("Build to edit"), NULL);
  rw_a11y_name (GTK_WIDGET (self->gpu_row), _("GPU model"), NULL);
  rw_a11y_name (GTK_WIDGET (self->ram_row), _("RAM kit"), NULL);
  rw_a11y_name (GTK_WIDGET (self->storage_row), _("Storage"), NULL);
  rw_a11y_name_from_row (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->gpu_count_spin),
                                                                   ADW_TYPE_ACTION_ROW)));
  rw_a11y_name_from_row (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->ram_kits_spin),
                                                                   ADW_TYPE_ACTION_ROW)));
}

/* Public API */

RwBuildEditor *
rw_build_editor_new (GtkWindow *parent,
                     RwCatalog *catalog)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);

  return g_object_new (RW_TYPE_BUILD_EDITOR,
                       "catalog", catalog,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

RwCatalog *
rw_build_editor_get_catalog (RwBuildEditor *self)
{
  g_return_val_if_fail (RW_IS_BUILD_EDITOR (self), NULL);
  return self->catalog;
}

const char *
rw_build_editor_get_system_id (RwBuildEditor *self)
{
  g_return_val_if_fail (RW_IS_BUILD_EDITOR (self), NULL);
  return self->system_id;
}

gboolean
rw_build_editor_select_system (RwBuildEditor *self,
                               const char    *system_id)
{
  RwSystem *system;

  g_return_val_if_fail (RW_IS_BUILD_EDITOR (self), FALSE);
  g_return_val_if_fail (system_id != NULL, FALSE);

  system = rw_catalog_lookup_system (self->catalog, system_id);
  if (system == NULL || system->components == NULL || system->components->len == 0)
    return FALSE;
  g_free (self->system_id);
  self->system_id = g_strdup (system_id);
  refresh (self);
  return TRUE;
}

GtkSpinButton *
rw_build_editor_get_price_spin (RwBuildEditor *self,
                                const char    *component_id)
{
  g_return_val_if_fail (RW_IS_BUILD_EDITOR (self), NULL);
  g_return_val_if_fail (component_id != NULL, NULL);

  for (guint i = 0; i < self->price_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->price_rows, i);

      if (g_strcmp0 (g_object_get_data (row, "component-id"), component_id) == 0)
        return g_object_get_data (row, "spin");
    }
  return NULL;
}

gboolean
rw_build_editor_reset (RwBuildEditor  *self,
                       GError        **error)
{
  g_return_val_if_fail (RW_IS_BUILD_EDITOR (self), FALSE);

  if (self->system_id == NULL)
    return TRUE;
  if (!rw_user_systems_reset_system (self->catalog, self->system_id, error))
    return FALSE;
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

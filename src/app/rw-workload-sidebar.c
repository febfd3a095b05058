/* rw-workload-sidebar.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rigwise-render.h"
#include "rw-a11y.h"
#include "rw-app-format.h"
#include "rw-widget-util.h"
#include "rw-workload-sidebar.h"

struct _RwWorkloadSidebar
{
  GtkWidget             parent_instance;

  GtkScrolledWindow    *scroller;
  GtkDropDown          *model_dropdown;
  GtkLabel             *model_label;
  AdwComboRow          *weights_row;
  AdwComboRow          *kv_row;
  GtkScale             *context_scale;
  GtkAdjustment        *context_adjustment;
  GtkLabel             *context_label;
  GtkSpinButton        *batch_spin;
  AdwComboRow          *mode_row;
  AdwPreferencesGroup  *training_group;
  GtkSpinButton        *seq_len_spin;
  GtkSpinButton        *micro_batch_spin;
  AdwActionRow         *rank_row;
  GtkSpinButton        *rank_spin;
  GtkSwitch            *checkpointing_switch;
  AdwComboRow          *optimizer_row;
  GtkListBox           *systems_list;
  GtkButton            *edit_button;

  RwCatalog            *catalog;
  GSettings            *settings;       /* how prices are written */
  GPtrArray            *model_ids;      /* char*, parallel to the dropdown */
  GPtrArray            *weights_ids;
  GPtrArray            *kv_ids;
  GPtrArray            *system_checks;  /* GtkCheckButton*, data "system-id" */
  GPtrArray            *selected;       /* RwSystem*, borrowed */

  RwWorkload            workload;
  guint                 updating;       /* > 0: batch changes, emit once */
  guint                 marked_limit;   /* the model limit the scale marks */
  RwMode                shown_mode;     /* the mode the weights row was last set for */
  char                 *inference_weights; /* the weights chosen for inference, kept while training */
  gboolean              marks_added;
};

G_DEFINE_FINAL_TYPE (RwWorkloadSidebar, rw_workload_sidebar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *default_systems[] = { "dgx-spark", "custom-5090", NULL };

static guint
index_of_id (GPtrArray  *ids,
             const char *id)
{
  for (guint i = 0; id != NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static const char *
id_at (GPtrArray *ids,
       guint      position)
{
  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return NULL;
  return g_ptr_array_index (ids, position);
}

static void
update_model_label (RwWorkloadSidebar *self)
{
  const RwModel *model = self->workload.model;
  g_autofree char *params = NULL;
  g_autofree char *text = NULL;

  if (model == NULL)
    {
      gtk_label_set_label (self->model_label, "");
      return;
    }

  params = rw_app_format_count (rw_model_total_params (model));
  if (rw_model_is_moe (model))
    {
      g_autofree char *active = rw_app_format_count (rw_model_active_params (model));
      /* Translators: parameters of a mixture-of-experts model: total, active, layers */
      text = g_strdup_printf (_("%s parameters, %s active · %u layers"),
                              params, active, model->n_layers);
    }
  else
    {
      /* Translators: parameters and layers of a model */
      text = g_strdup_printf (_("%s parameters · %u layers"), params, model->n_layers);
    }
  gtk_label_set_label (self->model_label, text);
}

/* The scale's marks: 1K … 1M below, and above it the model's own limit
 * (max_position_embeddings), past which the window warns. */
static void
update_context_marks (RwWorkloadSidebar *self)
{
  static const struct { guint tokens; const char *label; } marks[] = {
    /* Translators: context lengths on the slider's scale, in tokens */
    { 10, N_("1K") }, { 12, N_("4K") }, { 14, N_("16K") }, { 16, N_("64K") }, { 18, N_("256K") }, { 20, N_("1M") },
  };
  guint limit = self->workload.model != NULL ? self->workload.model->max_position_embeddings : 0;

  if (self->marked_limit == limit && self->marks_added)
    return;
  self->marked_limit = limit;
  self->marks_added = TRUE;

  gtk_scale_clear_marks (self->context_scale);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    gtk_scale_add_mark (self->context_scale, marks[i].tokens, GTK_POS_BOTTOM, _(marks[i].label));
  if (limit > 0)
    {
      g_autofree char *tokens = rw_app_format_tokens (limit);
      /* Translators: the model's longest trained context, marked on the context slider, "Limit 128K" */
      g_autofree char *label = g_strdup_printf (_("Limit %s"), tokens);

      gtk_scale_add_mark (self->context_scale, log2 ((double) limit), GTK_POS_TOP, label);
    }
}

static void
update_context_label (RwWorkloadSidebar *self)
{
  g_autofree char *short_text = rw_app_format_tokens (self->workload.context);
  g_autofree char *long_text = rw_format_number (self->workload.context, 0);
  /* Translators: "32K (32,768 tokens)" */
  g_autofree char *text = g_strdup_printf (_("%s (%s tokens)"), short_text, long_text);
  /* Translators: the context slider's value read aloud, "32K tokens" */
  g_autofree char *spoken = g_strdup_printf (_("%s tokens"), short_text);

  gtk_label_set_label (self->context_label, text);
  /* The slider moves over log2 of the length: its own value (15) means
   * nothing when read aloud. GTK 4.8 exports no value text over AT-SPI, so
   * the value itself is set to the tokens, after GtkRange set it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->context_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, pow (2.0, gtk_adjustment_get_lower (self->context_adjustment)),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, pow (2.0, gtk_adjustment_get_upper (self->context_adjustment)),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->workload.context,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, spoken,
                                  -1);
}

static void
update_visibility (RwWorkloadSidebar *self)
{
  RwMode mode = self->workload.mode;

  gtk_widget_set_visible (GTK_WIDGET (self->training_group), mode != RW_MODE_INFERENCE);
  gtk_widget_set_visible (GTK_WIDGET (self->rank_row),
                          mode == RW_MODE_LORA || mode == RW_MODE_QLORA);
}

static void
emit_changed (RwWorkloadSidebar *self)
{
  if (self->updating > 0)
    return;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Reads every widget into the workload. */
static void
sync_workload (RwWorkloadSidebar *self)
{
  RwWorkload *w = &self->workload;
  const char *id;
  double v;

  if (self->catalog == NULL)
    return;

  id = id_at (self->model_ids, gtk_drop_down_get_selected (self->model_dropdown));
  w->model = id ? rw_catalog_lookup_model (self->catalog, id) : NULL;
  id = id_at (self->weights_ids, adw_combo_row_get_selected (self->weights_row));
  w->weights = id ? rw_catalog_lookup_format (self->catalog, id) : NULL;
  id = id_at (self->kv_ids, adw_combo_row_get_selected (self->kv_row));
  w->kv = id ? rw_catalog_lookup_format (self->catalog, id) : NULL;

  v = gtk_adjustment_get_value (self->context_adjustment);
  w->context = (guint) lround (pow (2.0, v));
  w->batch = (guint) gtk_spin_button_get_value_as_int (self->batch_spin);

  switch (adw_combo_row_get_selected (self->mode_row))
    {
    case 1: w->mode = RW_MODE_LORA; break;
    case 2: w->mode = RW_MODE_QLORA; break;
    case 3: w->mode = RW_MODE_FULL; break;
    default: w->mode = RW_MODE_INFERENCE; break;
    }

  w->seq_len = (guint) gtk_spin_button_get_value_as_int (self->seq_len_spin);
  w->micro_batch = (guint) gtk_spin_button_get_value_as_int (self->micro_batch_spin);
  w->lora_rank = (guint) gtk_spin_button_get_value_as_int (self->rank_spin);
  w->grad_checkpointing = gtk_switch_get_active (self->checkpointing_switch);

  switch (adw_combo_row_get_selected (self->optimizer_row))
    {
    case 1: w->optimizer = RW_OPTIMIZER_ADAMW_8BIT; break;
    case 2: w->optimizer = RW_OPTIMIZER_SGD; break;
    default: w->optimizer = RW_OPTIMIZER_ADAMW; break;
    }

  g_ptr_array_set_size (self->selected, 0);
  for (guint i = 0; i < self->system_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->system_checks, i);
      RwSystem *system;

      if (!gtk_check_button_get_active (check))
        continue;
      system = rw_catalog_lookup_system (self->catalog,
                                         g_object_get_data (G_OBJECT (check), "system-id"));
      if (system != NULL)
        g_ptr_array_add (self->selected, system);
    }

  update_model_label (self);
  update_context_marks (self);
  update_context_label (self);
  update_visibility (self);
}

static void
on_input_changed_cb (RwWorkloadSidebar *self)
{
  sync_workload (self);
  emit_changed (self);
}

/* Fine-tunes train on the format they use, and the row says so: full
 * fine-tunes keep BF16 weights, QLoRA an NF4 base (both fixed); LoRA starts
 * from a BF16 base but may take another. Back to inference, the weights
 * chosen for it return. A scenario being applied (updating) keeps its own
 * LoRA base. */
static void
on_mode_selected_cb (RwWorkloadSidebar *self)
{
  RwMode mode = (RwMode) MIN (adw_combo_row_get_selected (self->mode_row), RW_MODE_FULL);
  const char *current = id_at (self->weights_ids, adw_combo_row_get_selected (self->weights_row));
  gboolean by_user = self->updating == 0;

  if (self->shown_mode == RW_MODE_INFERENCE && mode != RW_MODE_INFERENCE && current != NULL)
    {
      g_free (self->inference_weights);
      self->inference_weights = g_strdup (current);
    }

  self->updating++;
  switch (mode)
    {
    case RW_MODE_FULL:
      rw_workload_sidebar_select_weights (self, "bf16");
      break;
    case RW_MODE_QLORA:
      rw_workload_sidebar_select_weights (self, "nf4");
      break;
    case RW_MODE_LORA:
      if (by_user && self->shown_mode != RW_MODE_LORA)
        rw_workload_sidebar_select_weights (self, "bf16");
      break;
    case RW_MODE_INFERENCE:
      if (by_user && self->shown_mode != RW_MODE_INFERENCE && self->inference_weights != NULL)
        rw_workload_sidebar_select_weights (self, self->inference_weights);
      break;
    default:
      g_assert_not_reached ();
    }
  self->updating--;

  gtk_widget_set_sensitive (GTK_WIDGET (self->weights_row),
                            mode != RW_MODE_FULL && mode != RW_MODE_QLORA);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->weights_row),
                               mode == RW_MODE_FULL ? _("Full fine-tunes train in BF16")
                               : mode == RW_MODE_QLORA ? _("QLoRA trains on an NF4 base")
                               : mode == RW_MODE_LORA ? _("The frozen base the adapters train on")
                               : NULL);
  self->shown_mode = mode;
  on_input_changed_cb (self);
}

static void
on_context_value_changed_cb (GtkAdjustment     *adjustment,
                             RwWorkloadSidebar *self)
{
  on_input_changed_cb (self);
}

static GtkStringList *
string_list_new (void)
{
  return gtk_string_list_new (NULL);
}

static void
fill_formats (RwWorkloadSidebar *self)
{
  g_autoptr(GtkStringList) weights = string_list_new ();
  g_autoptr(GtkStringList) kv = string_list_new ();
  const char *weights_id = self->workload.weights ? self->workload.weights->id : "q4_k_m";
  const char *kv_id = self->workload.kv ? self->workload.kv->id : "f16";
  guint pos;

  g_ptr_array_set_size (self->weights_ids, 0);
  g_ptr_array_set_size (self->kv_ids, 0);

  for (guint i = 0; i < rw_catalog_get_n_formats (self->catalog); i++)
    {
      const RwFormat *format = rw_catalog_get_format (self->catalog, i);

      if (format->for_weights)
        {
          gtk_string_list_append (weights, format->name);
          g_ptr_array_add (self->weights_ids, g_strdup (format->id));
        }
      if (format->for_kv)
        {
          gtk_string_list_append (kv, format->name);
          g_ptr_array_add (self->kv_ids, g_strdup (format->id));
        }
    }

  adw_combo_row_set_model (self->weights_row, G_LIST_MODEL (weights));
  adw_combo_row_set_model (self->kv_row, G_LIST_MODEL (kv));

  pos = index_of_id (self->weights_ids, weights_id);
  adw_combo_row_set_selected (self->weights_row, pos != GTK_INVALID_LIST_POSITION ? pos : 0);
  pos = index_of_id (self->kv_ids, kv_id);
  adw_combo_row_set_selected (self->kv_row, pos != GTK_INVALID_LIST_POSITION ? pos : 0);
}

static void
fill_models (RwWorkloadSidebar *self)
{
  g_autoptr(GtkStringList) names = string_list_new ();
  const char *model_id = self->workload.model ? self->workload.model->id : "llama-3.3-70b";
  g_autofree char *keep = g_strdup (model_id);
  guint pos;

  g_ptr_array_set_size (self->model_ids, 0);
  for (guint i = 0; i < rw_catalog_get_n_models (self->catalog); i++)
    {
      const RwModel *model = rw_catalog_get_model (self->catalog, i);

      gtk_string_list_append (names, model->name ? model->name : model->id);
      g_ptr_array_add (self->model_ids, g_strdup (model->id));
    }
  gtk_drop_down_set_model (self->model_dropdown, G_LIST_MODEL (names));
  pos = index_of_id (self->model_ids, keep);
  gtk_drop_down_set_selected (self->model_dropdown, pos != GTK_INVALID_LIST_POSITION ? pos : 0);
}

static void
fill_systems (RwWorkloadSidebar *self,
              const char *const *checked_ids)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->systems_list))) != NULL)
    gtk_list_box_remove (self->systems_list, child);
  g_ptr_array_set_size (self->system_checks, 0);

  for (guint i = 0; i < rw_catalog_get_n_systems (self->catalog); i++)
    {
      RwSystem *system = rw_catalog_get_system (self->catalog, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean cloud = rw_system_is_cloud (system);
      g_autofree char *amount = rw_app_format_money (cloud ? rw_system_hourly_price (system)
                                                           : rw_system_total_price (system),
                                                     system->currency,
                                                     g_settings_get_enum (self->settings,
                                                                          "currency-display"));
      /* Translators: a rented GPU's price, "$3.99 an hour" */
      g_autofree char *price = cloud ? g_strdup_printf (_("%s an hour"), amount) : g_strdup (amount);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rw_system_get_display_name (system));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), price);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "system-id",
                              g_strdup (system->id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains (checked_ids, system->id));
      g_signal_connect_object (check, "toggled",
                               G_CALLBACK (on_input_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* One Tab stop per system: the check box, named by the row's title
       * and described by its price; a click anywhere on the row toggles it. */
      rw_a11y_name_from_row (ADW_ACTION_ROW (row));
      gtk_list_box_append (self->systems_list, row);
      g_ptr_array_add (self->system_checks, check);
    }
}

static char **
dup_selected_ids (RwWorkloadSidebar *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->system_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->system_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "system-id"));
    }
  return g_strv_builder_end (builder);
}

static void
rw_workload_sidebar_dispose (GObject *object)
{
  RwWorkloadSidebar *self = RW_WORKLOAD_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_WORKLOAD_SIDEBAR);
  /* The template's root box is not a bound child: unparent it ourselves. */
  rw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rw_workload_sidebar_parent_class)->dispose (object);
}

static void
rw_workload_sidebar_finalize (GObject *object)
{
  RwWorkloadSidebar *self = RW_WORKLOAD_SIDEBAR (object);

  g_ptr_array_unref (self->model_ids);
  g_ptr_array_unref (self->weights_ids);
  g_ptr_array_unref (self->kv_ids);
  g_ptr_array_unref (self->system_checks);
  g_ptr_array_unref (self->selected);
  g_free (self->inference_weights);

  G_OBJECT_CLASS (rw_workload_sidebar_parent_class)->finalize (object);
}

static void
rw_workload_sidebar_class_init (RwWorkloadSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_workload_sidebar_dispose;
  object_class->finalize = rw_workload_sidebar_finalize;

  /**
   * RwWorkloadSidebar::changed:
   *
   * The workload or the selection of systems changed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-workload-sidebar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwworkloadsidebar");

  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, scroller);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, model_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, model_label);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, weights_row);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, kv_row);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, context_scale);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, context_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, context_label);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, batch_spin);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, mode_row);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, training_group);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, seq_len_spin);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, micro_batch_spin);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, rank_row);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, rank_spin);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, checkpointing_switch);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, optimizer_row);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, systems_list);
  gtk_widget_class_bind_template_child (widget_class, RwWorkloadSidebar, edit_button);
}

static void
rw_workload_sidebar_init (RwWorkloadSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->model_ids = g_ptr_array_new_with_free_func (g_free);
  self->weights_ids = g_ptr_array_new_with_free_func (g_free);
  self->kv_ids = g_ptr_array_new_with_free_func (g_free);
  self->system_checks = g_ptr_array_new ();
  self->selected = g_ptr_array_new ();
  rw_workload_init (&self->workload);
  self->workload.context = 32768;

  update_context_marks (self);

  gtk_drop_down_set_expression (self->model_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  rw_a11y_name_drop_down (self->model_dropdown, _("Model"),
                          _("Choose a model from the catalog; type to search"));
  rw_a11y_name (GTK_WIDGET (self->edit_button), _("Edit custom build"), NULL);
  rw_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  rw_a11y_name_combo_items (self->weights_row);
  rw_a11y_name_combo_items (self->kv_row);
  rw_a11y_name_combo_items (self->mode_row);
  rw_a11y_name_combo_items (self->optimizer_row);
  {
    GtkWidget *spins[] = {
      GTK_WIDGET (self->batch_spin), GTK_WIDGET (self->seq_len_spin), GTK_WIDGET (self->micro_batch_spin),
      GTK_WIDGET (self->rank_spin), GTK_WIDGET (self->checkpointing_switch),
    };

    for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
      rw_a11y_name_from_row (ADW_ACTION_ROW (gtk_widget_get_ancestor (spins[i], ADW_TYPE_ACTION_ROW)));
  }

  g_signal_connect_swapped (self->model_dropdown, "notify::selected",
                            G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->weights_row, "notify::selected",
                            G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->kv_row, "notify::selected",
                            G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect (self->context_adjustment, "value-changed",
                    G_CALLBACK (on_context_value_changed_cb), self);
  g_signal_connect_swapped (self->batch_spin, "value-changed",
                            G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->mode_row, "notify::selected",
                            G_CALLBACK (on_mode_selected_cb), self);
  g_signal_connect_swapped (self->seq_len_spin, "value-changed",
                            G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->micro_batch_spin, "value-changed",
                            G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->rank_spin, "value-changed",
                            G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->checkpointing_switch, "notify::active",
                            G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->optimizer_row, "notify::selected",
                            G_CALLBACK (on_input_changed_cb), self);

  update_context_label (self);
}

RwWorkloadSidebar *
rw_workload_sidebar_new (void)
{
  return g_object_new (RW_TYPE_WORKLOAD_SIDEBAR, NULL);
}

void
rw_workload_sidebar_set_catalog (RwWorkloadSidebar *self,
                                 RwCatalog         *catalog)
{
  g_return_if_fail (RW_IS_WORKLOAD_SIDEBAR (self));
  g_return_if_fail (RW_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;

  self->updating++;
  self->workload.model = NULL;
  self->workload.weights = NULL;
  self->workload.kv = NULL;
  fill_models (self);
  fill_formats (self);
  fill_systems (self, default_systems);
  self->updating--;

  sync_workload (self);
  emit_changed (self);
}

void
rw_workload_sidebar_reload (RwWorkloadSidebar *self)
{
  g_auto(GStrv) checked = NULL;
  g_autofree char *model_id = NULL;
  g_autofree char *weights_id = NULL;
  g_autofree char *kv_id = NULL;

  g_return_if_fail (RW_IS_WORKLOAD_SIDEBAR (self));

  if (self->catalog == NULL)
    return;

  checked = dup_selected_ids (self);
  /* The workload's pointers may dangle after a catalog change: keep ids. */
  model_id = g_strdup (id_at (self->model_ids, gtk_drop_down_get_selected (self->model_dropdown)));
  weights_id = g_strdup (id_at (self->weights_ids, adw_combo_row_get_selected (self->weights_row)));
  kv_id = g_strdup (id_at (self->kv_ids, adw_combo_row_get_selected (self->kv_row)));

  self->updating++;
  self->workload.model = model_id ? rw_catalog_lookup_model (self->catalog, model_id) : NULL;
  self->workload.weights = weights_id ? rw_catalog_lookup_format (self->catalog, weights_id) : NULL;
  self->workload.kv = kv_id ? rw_catalog_lookup_format (self->catalog, kv_id) : NULL;
  fill_models (self);
  fill_formats (self);
  fill_systems (self, (const char * const *) checked);
  self->updating--;

  sync_workload (self);
  emit_changed (self);
}

const RwWorkload *
rw_workload_sidebar_get_workload (RwWorkloadSidebar *self)
{
  g_return_val_if_fail (RW_IS_WORKLOAD_SIDEBAR (self), NULL);

  return &self->workload;
}

GPtrArray *
rw_workload_sidebar_get_selected_systems (RwWorkloadSidebar *self)
{
  g_return_val_if_fail (RW_IS_WORKLOAD_SIDEBAR (self), NULL);

  return self->selected;
}

gboolean
rw_workload_sidebar_select_model (RwWorkloadSidebar *self,
                                  const char        *model_id)
{
  guint pos;

  g_return_val_if_fail (RW_IS_WORKLOAD_SIDEBAR (self), FALSE);

  pos = index_of_id (self->model_ids, model_id);
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->model_dropdown, pos);
  return TRUE;
}

gboolean
rw_workload_sidebar_select_weights (RwWorkloadSidebar *self,
                                    const char        *format_id)
{
  guint pos;

  g_return_val_if_fail (RW_IS_WORKLOAD_SIDEBAR (self), FALSE);

  pos = index_of_id (self->weights_ids, format_id);
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  adw_combo_row_set_selected (self->weights_row, pos);
  return TRUE;
}

gboolean
rw_workload_sidebar_select_kv (RwWorkloadSidebar *self,
                               const char        *format_id)
{
  guint pos;

  g_return_val_if_fail (RW_IS_WORKLOAD_SIDEBAR (self), FALSE);

  pos = index_of_id (self->kv_ids, format_id);
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  adw_combo_row_set_selected (self->kv_row, pos);
  return TRUE;
}

void
rw_workload_sidebar_set_context (RwWorkloadSidebar *self,
                                 guint              tokens)
{
  g_return_if_fail (RW_IS_WORKLOAD_SIDEBAR (self));
  g_return_if_fail (tokens > 0);

  gtk_adjustment_set_value (self->context_adjustment, log2 ((double) tokens));
}

void
rw_workload_sidebar_set_mode (RwWorkloadSidebar *self,
                              RwMode             mode)
{
  g_return_if_fail (RW_IS_WORKLOAD_SIDEBAR (self));

  adw_combo_row_set_selected (self->mode_row, (guint) mode);
}

void
rw_workload_sidebar_apply_workload (RwWorkloadSidebar *self,
                                    const RwWorkload  *workload)
{
  g_return_if_fail (RW_IS_WORKLOAD_SIDEBAR (self));
  g_return_if_fail (workload != NULL);

  self->updating++;
  if (workload->model != NULL)
    rw_workload_sidebar_select_model (self, workload->model->id);
  if (workload->weights != NULL)
    rw_workload_sidebar_select_weights (self, workload->weights->id);
  if (workload->kv != NULL)
    rw_workload_sidebar_select_kv (self, workload->kv->id);
  if (workload->context > 0)
    rw_workload_sidebar_set_context (self, workload->context);
  gtk_spin_button_set_value (self->batch_spin, MAX (workload->batch, 1));
  rw_workload_sidebar_set_mode (self, workload->mode);
  gtk_spin_button_set_value (self->seq_len_spin, MAX (workload->seq_len, 128));
  gtk_spin_button_set_value (self->micro_batch_spin, MAX (workload->micro_batch, 1));
  gtk_spin_button_set_value (self->rank_spin, MAX (workload->lora_rank, 1));
  gtk_switch_set_active (self->checkpointing_switch, workload->grad_checkpointing);
  adw_combo_row_set_selected (self->optimizer_row, (guint) workload->optimizer);
  self->updating--;

  sync_workload (self);
  emit_changed (self);
}

void
rw_workload_sidebar_set_selected_systems (RwWorkloadSidebar *self,
                                          const char *const *system_ids)
{
  g_return_if_fail (RW_IS_WORKLOAD_SIDEBAR (self));

  self->updating++;
  for (guint i = 0; i < self->system_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->system_checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "system-id");

      gtk_check_button_set_active (check, system_ids && g_strv_contains (system_ids, id));
    }
  self->updating--;

  sync_workload (self);
  emit_changed (self);
}

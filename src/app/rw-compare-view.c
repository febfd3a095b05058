/* rw-compare-view.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rw-a11y.h"
#include "rw-answer-card.h"
#include "rw-app-format.h"
#include "rw-columns.h"
#include "rw-compare-view.h"
#include "rw-widget-util.h"

struct _RwCompareView
{
  GtkWidget    parent_instance;

  GtkBox      *content;
  GtkLabel    *subtitle;
  RwAnswerCard *answer_card;

  GtkWidget   *verdicts;          /* RwColumns of verdict cards */
  GtkWidget   *panels;            /* GtkBox of panel sections */
  GHashTable  *verdict_labels;    /* system id → GtkLabel (borrowed) */
  GHashTable  *detail_labels;     /* system id → GtkLabel */
  GHashTable  *extra_labels;      /* "panel:system id" → GtkLabel */
  char        *system_key;        /* ids of the systems the panels show */
};

G_DEFINE_FINAL_TYPE (RwCompareView, rw_compare_view, GTK_TYPE_WIDGET)

static const char *
panel_title (RwPanel panel)
{
  switch (panel)
    {
    case RW_PANEL_CPU: return _("CPU / SoC");
    case RW_PANEL_GPU: return _("GPU Architecture");
    case RW_PANEL_MEMORY: return _("Memory Model");
    case RW_PANEL_STORAGE: return _("Storage");
    case RW_PANEL_SOFTWARE: return _("Software Stack");
    case RW_PANEL_NETWORKING: return _("Networking / NIC");
    case RW_PANEL_SCALABILITY: return _("Scalability");
    case RW_PANEL_AI_PERFORMANCE: return _("FP / AI Performance");
    case RW_PANEL_PRICE_TCO: return _("Price and TCO");
    case RW_PANEL_BEST_FOR: return _("Best For");
    default: g_return_val_if_reached ("");
    }
}

/* "nvidia.com" from "https://www.nvidia.com/en-us/…", for a short link. */
static char *
link_label (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return g_strdup (url);
  if (g_str_has_prefix (host, "www."))
    host += 4;
  return g_strdup (host);
}

static GtkWidget *
source_link_new (const char *url)
{
  g_autofree char *host = link_label (url);
  /* Translators: a link to where a figure comes from; %s is a web site */
  g_autofree char *label = g_strdup_printf (_("Source: %s"), host);
  GtkWidget *link = gtk_link_button_new_with_label (url, label);

  /* Fill the cell, so the host name is cut only when the cell is too narrow. */
  gtk_widget_set_halign (link, GTK_ALIGN_FILL);
  gtk_widget_set_tooltip_text (link, url);
  if (GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (link))))
    {
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))), 20);
    }
  gtk_widget_add_css_class (link, "source-link");
  gtk_widget_add_css_class (link, "caption");
  return link;
}

/* A card that a screen reader announces as a group named @name. */
static GtkWidget *
card_new (const char *name,
          const char *css_class)
{
  GtkWidget *card = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return card;
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Bounded natural widths let four machines share a line at 1280 px,
   * whatever their texts. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), g_strcmp0 (css_class, "title-4") == 0 ? 14 : 20);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
rebuild (RwCompareView *self,
         RwChartData   *data)
{
  guint n = rw_chart_data_get_n_systems (data);

  if (self->verdicts != NULL)
    gtk_box_remove (self->content, self->verdicts);
  if (self->panels != NULL)
    gtk_box_remove (self->content, self->panels);
  g_hash_table_remove_all (self->verdict_labels);
  g_hash_table_remove_all (self->detail_labels);
  g_hash_table_remove_all (self->extra_labels);

  self->verdicts = rw_columns_new (n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdicts),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Verdicts"),
                                  -1);
  for (guint i = 0; i < n; i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      GtkWidget *card = card_new (rw_system_get_display_name (system), "verdict-card");
      GtkWidget *verdict = rw_verdict_label_new ();
      GtkWidget *detail = label_new (NULL, "dim-label");
      GtkWidget *title = rw_heading_new (rw_system_get_label (system), 3);

      gtk_widget_remove_css_class (title, "heading");
      gtk_widget_add_css_class (title, "title-4");
      gtk_label_set_max_width_chars (GTK_LABEL (title), 14);
      gtk_box_append (GTK_BOX (card), title);
      if (system->short_name != NULL)
        gtk_box_append (GTK_BOX (card), label_new (rw_system_get_display_name (system), "caption"));
      /* The verdict is a Tab stop, described by the detail under it. */
      gtk_label_set_selectable (GTK_LABEL (verdict), TRUE);
      gtk_box_append (GTK_BOX (card), verdict);
      gtk_box_append (GTK_BOX (card), detail);
      rw_columns_append (RW_COLUMNS (self->verdicts), card);
      g_hash_table_insert (self->verdict_labels, g_strdup (system->id), verdict);
      g_hash_table_insert (self->detail_labels, g_strdup (system->id), detail);
    }
  gtk_box_append (self->content, self->verdicts);

  self->panels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  for (guint p = 0; p < RW_PANEL_N; p++)
    {
      GtkWidget *section = g_object_new (GTK_TYPE_BOX,
                                         "orientation", GTK_ORIENTATION_VERTICAL,
                                         "spacing", 8,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                         NULL);
      GtkWidget *columns = rw_columns_new (n);

      gtk_accessible_update_property (GTK_ACCESSIBLE (section),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, panel_title (p),
                                      -1);
      gtk_box_append (GTK_BOX (section), rw_heading_new (panel_title (p), 2));
      for (guint i = 0; i < n; i++)
        {
          const RwSystem *system = rw_chart_data_get_system (data, i);
          GtkWidget *cell = card_new (rw_system_get_display_name (system), "panel-cell");
          GtkWidget *text;
          GtkWidget *extra = label_new (NULL, NULL);

          gtk_box_append (GTK_BOX (cell), label_new (rw_system_get_label (system),
                                                     "caption-heading"));
          text = label_new (system->panel[p] ? rw_system_get_panel_text (system, p)
                                             : _("The catalog has no entry for this system."),
                            system->panel[p] ? NULL : "dim-label");
          /* Selectable, so a Tab stop: the keyboard and screen readers
           * reach the text, not only its source link. */
          gtk_label_set_selectable (GTK_LABEL (text), TRUE);
          gtk_box_append (GTK_BOX (cell), text);
          gtk_widget_set_visible (extra, FALSE);
          gtk_box_append (GTK_BOX (cell), extra);
          g_hash_table_insert (self->extra_labels,
                               g_strdup_printf ("%u:%s", p, system->id), extra);
          if (system->panel_source[p] != NULL && *system->panel_source[p] != '\0')
            gtk_box_append (GTK_BOX (cell), source_link_new (system->panel_source[p]));
          rw_columns_append (RW_COLUMNS (columns), cell);
        }
      gtk_box_append (GTK_BOX (section), columns);
      gtk_box_append (GTK_BOX (self->panels), section);
    }
  gtk_box_append (self->content, self->panels);
}

static char *
systems_key (RwChartData *data)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < rw_chart_data_get_n_systems (data); i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      /* Names too: an edited build keeps its id but may be renamed. */
      g_string_append_printf (key, "%s\x1f%s\x1e", system->id, system->name);
    }
  return g_string_free (key, FALSE);
}

static void
set_extra (RwCompareView *self,
           RwPanel        panel,
           const char    *system_id,
           const char    *text)
{
  g_autofree char *key = g_strdup_printf ("%u:%s", panel, system_id);
  GtkLabel *label = g_hash_table_lookup (self->extra_labels, key);

  if (label == NULL)
    return;
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update_figures (RwCompareView *self,
                RwChartData   *data)
{
  RwMemoryUnits units = rw_chart_data_get_memory_units (data);
  RwCurrencyDisplay money = rw_chart_data_get_currency_display (data);

  for (guint i = 0; i < rw_chart_data_get_n_systems (data); i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      const RwEstimate *e = rw_chart_data_get_estimate (data, i);
      GtkLabel *verdict = g_hash_table_lookup (self->verdict_labels, system->id);
      GtkLabel *detail = g_hash_table_lookup (self->detail_labels, system->id);
      g_autofree char *total = rw_app_format_bytes (e->memory.total, units);
      g_autofree char *device = rw_app_format_bytes (e->memory.device_capacity, units);
      g_autofree char *capacity = rw_app_format_bytes (e->memory.capacity, units);
      g_autofree char *spill = rw_app_format_bytes (e->memory.spill, units);
      g_autofree char *text = NULL;
      g_autofree char *price = rw_app_format_money (e->price, system->currency, money);
      g_autofree char *tco = rw_app_format_money (e->tco, system->currency, money);
      g_autofree char *decode = rw_app_format_tok_s (e->decode_tok_s);
      g_autofree char *price_text = NULL;
      g_autofree char *speed_text = NULL;

      if (verdict == NULL)
        continue;

      rw_verdict_label_set_fit (verdict, e->fit);
      switch (e->fit)
        {
        case RW_FIT_FITS:
          /* Translators: memory the workload needs, of what the machine offers */
          text = g_strdup_printf (_("Needs %s of %s usable"), total, device);
          break;
        case RW_FIT_SPILLS:
          /* Translators: memory in host RAM; layers on the GPU of all layers */
          text = g_strdup_printf (_("%s in host RAM; %u of %u layers on the GPU"),
                                  spill, e->layers_on_device,
                                  e->layers_on_device + e->layers_on_host);
          break;
        case RW_FIT_DOES_NOT_FIT:
          /* Translators: memory the workload needs, and all the machine has */
          text = g_strdup_printf (_("Needs %s, has %s"), total, capacity);
          break;
        default:
          g_assert_not_reached ();
        }
      gtk_label_set_label (detail, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (verdict),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);

      /* Translators: the price in use and the total cost of ownership */
      price_text = g_strdup_printf (_("Price in use: %s · total cost of ownership: %s"), price, tco);
      set_extra (self, RW_PANEL_PRICE_TCO, system->id, price_text);
      if (e->fit != RW_FIT_DOES_NOT_FIT)
        /* Translators: the estimated decode speed for the chosen workload */
        speed_text = g_strdup_printf (_("This workload: %s decode"), decode);
      set_extra (self, RW_PANEL_AI_PERFORMANCE, system->id, speed_text);
    }
}

static void
rw_compare_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RW_TYPE_COMPARE_VIEW);
  /* The template's root box is not a bound child: unparent it ourselves. */
  rw_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (rw_compare_view_parent_class)->dispose (object);
}

static void
rw_compare_view_finalize (GObject *object)
{
  RwCompareView *self = RW_COMPARE_VIEW (object);

  g_hash_table_unref (self->verdict_labels);
  g_hash_table_unref (self->detail_labels);
  g_hash_table_unref (self->extra_labels);
  g_free (self->system_key);

  G_OBJECT_CLASS (rw_compare_view_parent_class)->finalize (object);
}

static void
rw_compare_view_class_init (RwCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_compare_view_dispose;
  object_class->finalize = rw_compare_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-compare-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RwCompareView, content);
  gtk_widget_class_bind_template_child (widget_class, RwCompareView, subtitle);
  gtk_widget_class_bind_template_child (widget_class, RwCompareView, answer_card);
}

static void
rw_compare_view_init (RwCompareView *self)
{
  g_type_ensure (RW_TYPE_ANSWER_CARD);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->verdict_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->detail_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->extra_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
rw_compare_view_set_data (RwCompareView *self,
                          RwChartData   *data)
{
  g_autofree char *key = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (RW_IS_COMPARE_VIEW (self));
  g_return_if_fail (data != NULL);

  key = systems_key (data);
  if (g_strcmp0 (key, self->system_key) != 0)
    {
      rebuild (self, data);
      g_free (self->system_key);
      self->system_key = g_steal_pointer (&key);
    }

  subtitle = g_strdup_printf ("%s\n%s", rw_chart_data_get_subtitle (data),
                              rw_chart_data_get_price_note (data));
  gtk_label_set_label (self->subtitle, subtitle);
  rw_answer_card_set_answer (self->answer_card, rw_chart_data_get_answer (data));
  update_figures (self, data);
}

GtkLabel *
rw_compare_view_get_verdict_label (RwCompareView *self,
                                   const char    *system_id)
{
  g_return_val_if_fail (RW_IS_COMPARE_VIEW (self), NULL);

  return g_hash_table_lookup (self->verdict_labels, system_id);
}

RwAnswerCard *
rw_compare_view_get_answer_card (RwCompareView *self)
{
  g_return_val_if_fail (RW_IS_COMPARE_VIEW (self), NULL);

  return self->answer_card;
}

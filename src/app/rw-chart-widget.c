/* rw-chart-widget.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rw-chart-widget.h"

struct _RwChartWidget
{
  GtkWidget    parent_instance;

  RwChartKind  kind;
  RwChartData *data;
};

G_DEFINE_FINAL_TYPE (RwChartWidget, rw_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_description (RwChartWidget *self)
{
  g_autofree char *description = NULL;

  if (self->data != NULL)
    description = rw_render_describe_chart (self->data, self->kind);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rw_chart_kind_get_title (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
on_dark_changed_cb (RwChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rw_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RwChartWidget *self = RW_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RwChartStyle style;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  rw_chart_widget_get_style (self, &style);
  /* On screen the chart sits on a card: let the card's colour show through
   * (exports keep render's opaque background). */
  style.background.alpha = 0;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rw_render_chart (self->data, self->kind, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
rw_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* The renderers stay readable down to 320×200 (render's promise). */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 640;
    }
  else if (RW_CHART_WIDGET (widget)->kind == RW_CHART_VALIDATION)
    {
      /* A square plot under its legend: taller than the others. The
       * minimum grows with the width too, since a scrolled view's
       * viewport hands its children their minimum height. */
      *minimum = for_size > 0 ? CLAMP (for_size * 2 / 3, 280, 560) : 280;
      *natural = for_size > 0 ? CLAMP (for_size * 3 / 4, 320, 600) : 480;
    }
  else
    {
      *minimum = 240;
      *natural = for_size > 0 ? CLAMP (for_size * 9 / 16, 260, 440) : 360;
    }
}

static GtkSizeRequestMode
rw_chart_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rw_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RwChartWidget *self = RW_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RwChartWidget *self = RW_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND:
      rw_chart_widget_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_chart_widget_finalize (GObject *object)
{
  RwChartWidget *self = RW_CHART_WIDGET (object);

  g_clear_pointer (&self->data, rw_chart_data_unref);

  G_OBJECT_CLASS (rw_chart_widget_parent_class)->finalize (object);
}

static void
rw_chart_widget_class_init (RwChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rw_chart_widget_finalize;
  object_class->get_property = rw_chart_widget_get_property;
  object_class->set_property = rw_chart_widget_set_property;

  widget_class->snapshot = rw_chart_widget_snapshot;
  widget_class->measure = rw_chart_widget_measure;
  widget_class->get_request_mode = rw_chart_widget_get_request_mode;

  /* An int rather than an enum type: RwChartKind has no GType in render. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, RW_CHART_N - 1, RW_CHART_MEMORY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "rwchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rw_chart_widget_init (RwChartWidget *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (GTK_WIDGET (self), "chart");
  /* A Tab stop, so the keyboard reaches the chart's name and description
   * (a screen reader otherwise finds them only by reviewing the screen). */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  update_description (self);
}

GtkWidget *
rw_chart_widget_new (RwChartKind kind)
{
  return g_object_new (RW_TYPE_CHART_WIDGET, "kind", kind, NULL);
}

RwChartKind
rw_chart_widget_get_kind (RwChartWidget *self)
{
  g_return_val_if_fail (RW_IS_CHART_WIDGET (self), RW_CHART_MEMORY);

  return self->kind;
}

void
rw_chart_widget_set_kind (RwChartWidget *self,
                          RwChartKind    kind)
{
  g_return_if_fail (RW_IS_CHART_WIDGET (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

RwChartData *
rw_chart_widget_get_data (RwChartWidget *self)
{
  g_return_val_if_fail (RW_IS_CHART_WIDGET (self), NULL);

  return self->data;
}

void
rw_chart_widget_set_data (RwChartWidget *self,
                          RwChartData   *data)
{
  g_return_if_fail (RW_IS_CHART_WIDGET (self));

  if (self->data == data)
    return;
  g_clear_pointer (&self->data, rw_chart_data_unref);
  if (data != NULL)
    self->data = rw_chart_data_ref (data);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rw_chart_widget_get_style (RwChartWidget *self,
                           RwChartStyle  *style)
{
  g_return_if_fail (RW_IS_CHART_WIDGET (self));
  g_return_if_fail (style != NULL);

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    rw_chart_style_init_dark (style);
  else
    rw_chart_style_init_light (style);
}

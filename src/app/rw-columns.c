/* rw-columns.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rw-columns.h"

#define MIN_COLUMN_WIDTH 180
#define SPACING          12

struct _RwColumns
{
  GtkWidget  parent_instance;

  guint      max_columns;
};

G_DEFINE_FINAL_TYPE (RwColumns, rw_columns, GTK_TYPE_WIDGET)

static guint
n_children (RwColumns *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      n++;
  return n;
}

/* Four columns fit a 1280 px window beside the sidebar; at 360 px one. */
static guint
columns_for_width (RwColumns *self,
                   int        width)
{
  guint n = MIN (MAX (n_children (self), 1), MAX (self->max_columns, 1));
  guint fit = width > MIN_COLUMN_WIDTH ? (guint) ((width + SPACING) / (MIN_COLUMN_WIDTH + SPACING)) : 1;

  return CLAMP (fit, 1, n);
}

static int
column_width (int   width,
              guint columns)
{
  return MAX ((width - (int) (columns - 1) * SPACING) / (int) columns, 1);
}

/* The height of the line of @columns children starting at @first. */
static int
line_height (RwColumns *self,
             GtkWidget *first,
             guint      columns,
             int        child_width,
             gboolean   natural)
{
  int height = 0;
  guint i = 0;

  for (GtkWidget *child = first; child != NULL && i < columns; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, &min, &nat, NULL, NULL);
      height = MAX (height, natural ? nat : min);
      i++;
    }
  return height;
}

static GtkWidget *
next_line (GtkWidget *first,
           guint      columns)
{
  guint i = 0;
  GtkWidget *child = first;

  while (child != NULL && i < columns)
    {
      if (gtk_widget_get_visible (child))
        i++;
      child = gtk_widget_get_next_sibling (child);
    }
  return child;
}

static void
rw_columns_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  RwColumns *self = RW_COLUMNS (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest_min = MIN_COLUMN_WIDTH, widest_nat = MIN_COLUMN_WIDTH;
      guint columns = MIN (MAX (n_children (self), 1), MAX (self->max_columns, 1));

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_get_visible (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          widest_min = MAX (widest_min, min);
          widest_nat = MAX (widest_nat, nat);
        }
      *minimum = widest_min;
      *natural = (int) columns * widest_nat + (int) (columns - 1) * SPACING;
    }
  else
    {
      int width = for_size >= 0 ? for_size : MIN_COLUMN_WIDTH;
      guint columns = columns_for_width (self, width);
      int child_width = column_width (width, columns);
      guint lines = 0;

      for (GtkWidget *first = gtk_widget_get_first_child (widget); first != NULL; first = next_line (first, columns))
        {
          *minimum += line_height (self, first, columns, child_width, FALSE);
          *natural += line_height (self, first, columns, child_width, TRUE);
          lines++;
        }
      if (lines > 1)
        {
          *minimum += (int) (lines - 1) * SPACING;
          *natural += (int) (lines - 1) * SPACING;
        }
    }
}

static GtkSizeRequestMode
rw_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rw_columns_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  RwColumns *self = RW_COLUMNS (widget);
  guint columns = columns_for_width (self, width);
  int child_width = column_width (width, columns);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;

  for (GtkWidget *first = gtk_widget_get_first_child (widget); first != NULL; first = next_line (first, columns))
    {
      int h = line_height (self, first, columns, child_width, TRUE);
      guint i = 0;

      for (GtkWidget *child = first; child != NULL && i < columns; child = gtk_widget_get_next_sibling (child))
        {
          int x;

          if (!gtk_widget_get_visible (child))
            continue;
          x = (int) i * (child_width + SPACING);
          if (rtl)
            x = width - x - child_width;
          gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, child_width, h }, -1);
          i++;
        }
      y += h + SPACING;
    }
}

static void
rw_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rw_columns_parent_class)->dispose (object);
}

static void
rw_columns_class_init (RwColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_columns_dispose;
  widget_class->measure = rw_columns_measure;
  widget_class->get_request_mode = rw_columns_get_request_mode;
  widget_class->size_allocate = rw_columns_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "rwcolumns");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rw_columns_init (RwColumns *self)
{
}

GtkWidget *
rw_columns_new (guint max_columns)
{
  RwColumns *self = g_object_new (RW_TYPE_COLUMNS, NULL);

  self->max_columns = MAX (max_columns, 1);
  return GTK_WIDGET (self);
}

void
rw_columns_append (RwColumns *self,
                   GtkWidget *child)
{
  g_return_if_fail (RW_IS_COLUMNS (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* rw-stat-grid.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rigwise-core.h"
#include "rw-stat-grid.h"

GtkWidget *
rw_stat_grid_new (const char *accessible_label)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "stat-grid");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return grid;
}

static GtkWidget *
cell_new (const char *text,
          float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

void
rw_stat_grid_reset (GtkGrid           *grid,
                    const char *const *headers,
                    guint              n_columns)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = cell_new (headers[c], 1.0f);

      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (grid, label, c + 1, 0, 1, 1);
    }
  g_object_set_data (G_OBJECT (grid), "rw-rows", GUINT_TO_POINTER (1));
}

void
rw_stat_grid_add_row (GtkGrid           *grid,
                      const char        *title,
                      const char *const *cells,
                      guint              n_columns)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (grid), "rw-rows"));
  GtkWidget *label = cell_new (title, 0.0f);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, 1, 1);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *cell = cell_new (cells[c], 1.0f);

      gtk_widget_add_css_class (cell, "numeric");
      gtk_label_set_selectable (GTK_LABEL (cell), TRUE);
      gtk_grid_attach (grid, cell, c + 1, row, 1, 1);
    }
  g_object_set_data (G_OBJECT (grid), "rw-rows", GUINT_TO_POINTER (row + 1));
}

GtkWidget *
rw_verdict_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "verdict");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

void
rw_verdict_label_set_fit (GtkLabel *label,
                          int       fit)
{
  static const char *classes[] = { "success", "warning", "error" };
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);

  switch ((RwFit) fit)
    {
    case RW_FIT_FITS:
      text = _("Fits");
      break;
    case RW_FIT_SPILLS:
      text = _("Spills to RAM");
      break;
    case RW_FIT_DOES_NOT_FIT:
      text = _("Does not fit");
      break;
    default:
      g_return_if_reached ();
    }
  gtk_label_set_label (label, text);
  gtk_widget_add_css_class (GTK_WIDGET (label), classes[fit]);
}

void
rw_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

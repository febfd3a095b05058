/* rw-widget-util.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rigwise-core.h"
#include "rw-widget-util.h"

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

/* rw-a11y.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "rw-a11y.h"

/* GTK 4.8's menu buttons and drop-downs hand the Tab stop to an inner
 * toggle button, which must carry the name too. */
static GtkWidget *
inner_button (GtkWidget *widget)
{
  GtkWidget *child;

  if (!GTK_IS_MENU_BUTTON (widget) && !GTK_IS_DROP_DOWN (widget))
    return NULL;
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

void
rw_a11y_name (GtkWidget  *widget,
              const char *name,
              const char *description)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  if ((button = inner_button (widget)) != NULL)
    rw_a11y_name (button, name, description);

  /* GTK 4.8 joins the label and every LABELLED_BY target into the name:
   * a row's title on top of our label read "Batch Batch". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  /* A tooltip becomes the description; one that repeats the name is noise. */
  if (description != NULL && *description != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

GtkWidget *
rw_heading_new (const char *text,
                int         level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   NULL);

  gtk_widget_add_css_class (label, level <= 2 ? "title-4" : "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);
  return label;
}

static const char *
item_string (GtkListItem *item)
{
  GObject *object = gtk_list_item_get_item (item);
  const char *text = NULL;

  if (GTK_IS_STRING_OBJECT (object))
    text = gtk_string_object_get_string (GTK_STRING_OBJECT (object));
  return text != NULL ? text : "";
}

static void
update_check (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  /* The drop-down's button shows the item too, outside any selection. */
  gtk_widget_set_opacity (check, gtk_list_item_get_selected (item) ? 1.0 : 0.0);
}

static void
on_string_item_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  /* The check mark says nothing the list's selection does not. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_signal_connect (item, "notify::selected", G_CALLBACK (update_check), NULL);
}

static void
on_string_item_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *item_widget = gtk_widget_get_parent (box);
  const char *text = item_string (item);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  update_check (item);
  /* The row widget around the label takes the focus in the popover; GTK
   * 4.8 names it after its class. */
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
}

GtkListItemFactory *
rw_a11y_string_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_string_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_string_item_bind_cb), NULL);
  return factory;
}

void
rw_a11y_name_drop_down (GtkDropDown *drop_down,
                        const char  *name,
                        const char  *description)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  rw_a11y_name (GTK_WIDGET (drop_down), name, description);
  factory = rw_a11y_string_factory_new ();
  gtk_drop_down_set_factory (drop_down, factory);
}

/* "_Batch size" reads "Batch size"; "__" is a literal underscore. */
static char *
strip_mnemonic (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '_')
        continue;
      if (*p == '_')
        p++;
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

void
rw_a11y_name_from_row (AdwActionRow *row)
{
  GtkWidget *widget;
  const char *title;
  const char *subtitle;
  g_autofree char *name = NULL;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  widget = adw_action_row_get_activatable_widget (row);
  g_return_if_fail (widget != NULL);

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
    name = strip_mnemonic (title);
  else
    name = g_strdup (title != NULL ? title : "");
  subtitle = adw_action_row_get_subtitle (row);
  rw_a11y_name (widget, name, subtitle);
  /* The control is the row's one Tab stop; a click on the row still
   * activates it. */
  gtk_widget_set_focusable (GTK_WIDGET (row), FALSE);
}

void
rw_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child))
          && gtk_button_get_label (GTK_BUTTON (child)) != NULL)
        {
          g_autofree char *name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (child)));

          /* Keeps the description: a tooltip here says more than the name. */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
        }
      rw_a11y_name_mnemonic_buttons (child);
    }
}

void
rw_a11y_name_combo_items (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  factory = rw_a11y_string_factory_new ();
  adw_combo_row_set_factory (row, factory);
}

/* rw-stat-table.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no AT-SPI Table interface and maps the column-header role to
 * "filler", so the structure alone does not tell a screen reader which
 * headers a figure belongs to: every figure also carries them in its
 * description and a DESCRIBED_BY relation to both header cells.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rw-stat-table.h"

struct _RwStatTable
{
  GtkWidget   parent_instance;

  GtkWidget  *popover;        /* context menu, "Copy Table" */
  GPtrArray  *groups;         /* GtkSizeGroup per column, row headers first */
  GPtrArray  *header_cells;   /* GtkLabel per figure column */
  GPtrArray  *texts;          /* char** per row: header, then the figures */
  char      **headers;        /* corner, then the column headers */
  char       *name;
  guint       n_columns;
};

G_DEFINE_FINAL_TYPE (RwStatTable, rw_stat_table, GTK_TYPE_WIDGET)

static GtkWidget *
cell_new (const char        *text,
          GtkAccessibleRole  role,
          gboolean           figure)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "xalign", figure ? 1.0f : 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "hexpand", figure,
                                   "accessible-role", role,
                                   NULL);

  if (figure)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
row_new (void)
{
  return g_object_new (GTK_TYPE_BOX,
                       "orientation", GTK_ORIENTATION_HORIZONTAL,
                       "spacing", 24,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_ROW,
                       NULL);
}

static void
remove_rows (RwStatTable *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != self->popover)
        gtk_widget_unparent (child);
      child = next;
    }
}

/* What the table's description reads: "Weights: DGX Spark 43.1 GB,
 * RTX 5090 build 43.1 GB." per row, so the Tab stop says it all. */
static void
update_description (RwStatTable *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < self->texts->len; r++)
    {
      char **cells = g_ptr_array_index (self->texts, r);
      g_autoptr(GString) figures = g_string_new (NULL);
      g_autofree char *row = NULL;

      for (guint c = 1; c <= self->n_columns; c++)
        {
          if (c > 1)
            /* Translators: between a table row's figures read aloud */
            g_string_append (figures, _(", "));
          if (self->headers[c] != NULL && *self->headers[c] != '\0')
            /* Translators: a column header and its figure, read aloud: "DGX Spark 43.1 GB" */
            g_string_append_printf (figures, C_("table figure", "%s %s"), self->headers[c], cells[c]);
          else
            g_string_append (figures, cells[c]);
        }
      /* Translators: a table row read aloud: its header, then its figures */
      row = g_strdup_printf (_("%s: %s."), cells[0], figures->str);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, row);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) self->texts->len + 1,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) self->n_columns + 1,
                                  -1);
}

static void
copy_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autofree char *text = rw_stat_table_dup_text (RW_STAT_TABLE (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
popup_menu (RwStatTable *self,
            double       x,
            double       y)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
menu_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  popup_menu (RW_STAT_TABLE (widget), gtk_widget_get_width (widget) / 2.0,
              gtk_widget_get_height (widget) / 2.0);
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               RwStatTable     *self)
{
  /* A click puts the focus here, so Ctrl+C copies what was clicked. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    popup_menu (self, x, y);
}

/* One Tab stop: the table itself, never a cell. */
static gboolean
rw_stat_table_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  if (gtk_widget_is_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

static gboolean
rw_stat_table_grab_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!gtk_widget_get_focusable (widget) || root == NULL)
    return FALSE;
  gtk_root_set_focus (root, widget);
  return TRUE;
}

#define ROW_SPACING 8

/* Rows stacked as a vertical box would; not a GtkBoxLayout, whose
 * allocation would leave no place to present the context menu. */
static void
rw_stat_table_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RwStatTable *self = RW_STAT_TABLE (widget);
  guint n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (widget); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      int min, nat;

      if (row == self->popover || !gtk_widget_get_visible (row))
        continue;
      gtk_widget_measure (row, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += min;
          *natural += nat;
        }
      else
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      n++;
    }
  if (orientation == GTK_ORIENTATION_VERTICAL && n > 1)
    {
      *minimum += (int) (n - 1) * ROW_SPACING;
      *natural += (int) (n - 1) * ROW_SPACING;
    }
}

static GtkSizeRequestMode
rw_stat_table_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rw_stat_table_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RwStatTable *self = RW_STAT_TABLE (widget);
  int y = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (widget); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      int min, nat;

      if (row == self->popover || !gtk_widget_get_visible (row))
        continue;
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (row, &(GtkAllocation) { 0, y, width, nat }, -1);
      y += nat + ROW_SPACING;
    }
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
rw_stat_table_dispose (GObject *object)
{
  RwStatTable *self = RW_STAT_TABLE (object);

  remove_rows (self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);

  G_OBJECT_CLASS (rw_stat_table_parent_class)->dispose (object);
}

static void
rw_stat_table_finalize (GObject *object)
{
  RwStatTable *self = RW_STAT_TABLE (object);

  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->header_cells);
  g_ptr_array_unref (self->texts);
  g_strfreev (self->headers);
  g_free (self->name);

  G_OBJECT_CLASS (rw_stat_table_parent_class)->finalize (object);
}

static void
rw_stat_table_class_init (RwStatTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_stat_table_dispose;
  object_class->finalize = rw_stat_table_finalize;
  widget_class->focus = rw_stat_table_focus;
  widget_class->grab_focus = rw_stat_table_grab_focus;
  widget_class->measure = rw_stat_table_measure;
  widget_class->get_request_mode = rw_stat_table_get_request_mode;
  widget_class->size_allocate = rw_stat_table_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "rwstattable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);

  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_activated_cb);
  gtk_widget_class_install_action (widget_class, "table.menu", NULL, menu_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "table.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "table.menu", NULL);
}

static void
rw_stat_table_init (RwStatTable *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->header_cells = g_ptr_array_new ();
  self->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->headers = g_new0 (char *, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_menu_append (menu, _("_Copy Table"), "table.copy");
  self->popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
rw_stat_table_new (const char *name)
{
  RwStatTable *self = g_object_new (RW_TYPE_STAT_TABLE, NULL);

  rw_stat_table_set_name (self, name);
  return GTK_WIDGET (self);
}

void
rw_stat_table_set_name (RwStatTable *self,
                        const char  *name)
{
  g_return_if_fail (RW_IS_STAT_TABLE (self));
  g_return_if_fail (name != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

void
rw_stat_table_set_columns (RwStatTable       *self,
                           const char        *corner,
                           const char *const *headers,
                           guint              n_columns)
{
  GtkWidget *row;

  g_return_if_fail (RW_IS_STAT_TABLE (self));
  g_return_if_fail (n_columns == 0 || headers != NULL);

  remove_rows (self);
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->header_cells, 0);
  g_ptr_array_set_size (self->texts, 0);
  g_strfreev (self->headers);
  self->headers = g_new0 (char *, n_columns + 2);
  self->headers[0] = g_strdup (corner != NULL ? corner : "");
  self->n_columns = n_columns;

  /* A size group per column lines the rows' cells up as a grid would. */
  for (guint c = 0; c <= n_columns; c++)
    g_ptr_array_add (self->groups, gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL));

  row = row_new ();
  {
    /* The corner heads nothing when empty: a plain cell, not a header. */
    GtkWidget *cell = cell_new (self->headers[0],
                                *self->headers[0] != '\0' ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                                          : GTK_ACCESSIBLE_ROLE_CELL,
                                FALSE);

    gtk_widget_add_css_class (cell, "heading");
    gtk_size_group_add_widget (g_ptr_array_index (self->groups, 0), cell);
    gtk_box_append (GTK_BOX (row), cell);
  }
  for (guint c = 1; c <= n_columns; c++)
    {
      GtkWidget *cell;

      self->headers[c] = g_strdup (headers[c - 1] != NULL ? headers[c - 1] : "");
      cell = cell_new (self->headers[c], GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, TRUE);
      gtk_widget_remove_css_class (cell, "numeric");
      gtk_widget_add_css_class (cell, "heading");
      gtk_size_group_add_widget (g_ptr_array_index (self->groups, c), cell);
      gtk_box_append (GTK_BOX (row), cell);
      g_ptr_array_add (self->header_cells, cell);
    }
  gtk_widget_insert_before (row, GTK_WIDGET (self), NULL);
  update_description (self);
}

void
rw_stat_table_add_row (RwStatTable       *self,
                       const char        *title,
                       const char *const *cells)
{
  GtkWidget *row;
  GtkWidget *header;
  char **texts;

  g_return_if_fail (RW_IS_STAT_TABLE (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (self->n_columns == 0 || cells != NULL);

  texts = g_new0 (char *, self->n_columns + 2);
  texts[0] = g_strdup (title);

  row = row_new ();
  header = cell_new (title, GTK_ACCESSIBLE_ROLE_ROW_HEADER, FALSE);
  gtk_widget_add_css_class (header, "dim-label");
  gtk_size_group_add_widget (g_ptr_array_index (self->groups, 0), header);
  gtk_box_append (GTK_BOX (row), header);

  for (guint c = 1; c <= self->n_columns; c++)
    {
      GtkWidget *column_header = g_ptr_array_index (self->header_cells, c - 1);
      GtkWidget *cell;
      g_autofree char *description = NULL;

      texts[c] = g_strdup (cells[c - 1] != NULL ? cells[c - 1] : "");
      cell = cell_new (texts[c], GTK_ACCESSIBLE_ROLE_CELL, TRUE);
      /* Translators: which figure a table cell holds: its row, then its column */
      description = g_strdup_printf (_("%s, %s"), title, self->headers[c]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, header, column_header, NULL,
                                      -1);
      gtk_size_group_add_widget (g_ptr_array_index (self->groups, c), cell);
      gtk_box_append (GTK_BOX (row), cell);
    }
  gtk_widget_insert_before (row, GTK_WIDGET (self), NULL);
  g_ptr_array_add (self->texts, texts);
  update_description (self);
}

guint
rw_stat_table_get_n_rows (RwStatTable *self)
{
  g_return_val_if_fail (RW_IS_STAT_TABLE (self), 0);

  return self->texts->len;
}

guint
rw_stat_table_get_n_columns (RwStatTable *self)
{
  g_return_val_if_fail (RW_IS_STAT_TABLE (self), 0);

  return self->n_columns;
}

const char *
rw_stat_table_get_cell (RwStatTable *self,
                        guint        row,
                        guint        column)
{
  g_return_val_if_fail (RW_IS_STAT_TABLE (self), NULL);
  g_return_val_if_fail (row < self->texts->len, NULL);
  g_return_val_if_fail (column <= self->n_columns, NULL);

  return ((char **) g_ptr_array_index (self->texts, row))[column];
}

char *
rw_stat_table_dup_text (RwStatTable *self)
{
  GString *text;

  g_return_val_if_fail (RW_IS_STAT_TABLE (self), NULL);

  text = g_string_new (NULL);
  for (guint c = 0; c <= self->n_columns; c++)
    g_string_append_printf (text, "%s%s", c > 0 ? "\t" : "", self->headers[c]);
  g_string_append_c (text, '\n');
  for (guint r = 0; r < self->texts->len; r++)
    {
      char **cells = g_ptr_array_index (self->texts, r);

      for (guint c = 0; c <= self->n_columns; c++)
        g_string_append_printf (text, "%s%s", c > 0 ? "\t" : "", cells[c]);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

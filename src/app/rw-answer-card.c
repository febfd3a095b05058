/* rw-answer-card.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answer itself (words and numbers) comes from the core
 * (rw_answer_new()); this only lays it out: the verdict as a heading, then
 * fit, speed, cost and the choice, each a titled row.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rw-answer-card.h"
#include "rw-widget-util.h"

struct _RwAnswerCard
{
  GtkWidget  parent_instance;

  GtkLabel  *headline;
  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (RwAnswerCard, rw_answer_card, GTK_TYPE_WIDGET)

static void
add_row (RwAnswerCard *self,
         int           row,
         const char   *title,
         char * const *lines,
         gboolean      emphasis)
{
  g_autofree char *text = NULL;
  GtkWidget *heading, *value;

  if (lines == NULL || lines[0] == NULL)
    return;

  text = g_strjoinv ("\n", (char **) lines);
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_yalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_valign (heading, GTK_ALIGN_START);

  value = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_hexpand (value, TRUE);
  if (emphasis)
    gtk_widget_add_css_class (value, "heading");
  /* Read as "Speed: …" rather than as two unrelated labels. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);

  gtk_grid_attach (self->grid, heading, 0, row, 1, 1);
  gtk_grid_attach (self->grid, value, 1, row, 1, 1);
}

static void
rw_answer_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RW_TYPE_ANSWER_CARD);
  rw_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (rw_answer_card_parent_class)->dispose (object);
}

static void
rw_answer_card_class_init (RwAnswerCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_answer_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-answer-card.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwanswercard");
  gtk_widget_class_bind_template_child (widget_class, RwAnswerCard, headline);
  gtk_widget_class_bind_template_child (widget_class, RwAnswerCard, grid);
}

static void
rw_answer_card_init (RwAnswerCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rw_answer_card_new (void)
{
  return g_object_new (RW_TYPE_ANSWER_CARD, NULL);
}

void
rw_answer_card_set_answer (RwAnswerCard   *self,
                           const RwAnswer *answer)
{
  GtkWidget *child;
  int row = 0;

  g_return_if_fail (RW_IS_ANSWER_CARD (self));
  g_return_if_fail (answer != NULL);

  gtk_label_set_label (self->headline, answer->headline);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  /* Translators: a row of the answer card: how each machine holds the workload */
  add_row (self, row++, C_("answer", "Fit"), answer->fit, FALSE);
  /* Translators: a row of the answer card: decode, prefill or training speeds compared */
  add_row (self, row++, C_("answer", "Speed"), answer->speed, FALSE);
  /* Translators: a row of the answer card: prices and total cost of ownership compared */
  add_row (self, row++, C_("answer", "Cost"), answer->cost, FALSE);
  /* Translators: a row of the answer card: which machine to choose for what */
  add_row (self, row++, C_("answer", "Choose"), answer->choose, TRUE);
}

GtkLabel *
rw_answer_card_get_headline (RwAnswerCard *self)
{
  g_return_val_if_fail (RW_IS_ANSWER_CARD (self), NULL);
  return self->headline;
}

char *
rw_answer_card_dup_text (RwAnswerCard *self)
{
  GString *out;

  g_return_val_if_fail (RW_IS_ANSWER_CARD (self), NULL);

  out = g_string_new (gtk_label_get_label (self->headline));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_string_append_c (out, '\n');
      g_string_append (out, gtk_label_get_label (GTK_LABEL (child)));
    }
  return g_string_free (out, FALSE);
}

/* rw-a11y.h: naming controls once, headings, and GTK 4.8's gaps
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How to name a control (README "Accessibility"):
 * - A control that is an AdwActionRow's activatable widget: give it no label
 *   of its own (libadwaita labels it by the row's title, a second label
 *   doubles the name: "Batch Batch"); make the title say what it is and call
 *   rw_a11y_name_from_row (), which also turns the subtitle into the
 *   description (GTK 4.8 does not read a DESCRIBED_BY relation as one).
 * - Anything else, icon buttons included: rw_a11y_name (). It sets the
 *   label, drops relations that would add a second name, and replaces the
 *   description a tooltip gives (which repeats the name) with @description
 *   or nothing; on a menu button or drop-down it names the inner button that
 *   takes the focus too.
 * - Buttons with a mnemonic ("_Cancel"): rw_a11y_name_mnemonic_buttons () on
 *   the window or dialog once it is built.
 * - Headings: rw_heading_new (). Tables: RwStatTable.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       rw_a11y_name           (GtkWidget   *widget,
                                   const char  *name,
                                   const char  *description);
/* Names @row's activatable widget by the row's title (without its mnemonic
 * underscore) and describes it by the subtitle. Call it after the row's
 * title, subtitle and activatable widget are set. */
void       rw_a11y_name_from_row  (AdwActionRow *row);
/* GTK 4.8 names a button with a mnemonic "_Cancel Cancel": its raw label
 * and its label's text. Names every such button under @root (templates
 * and dialogs) by its text alone. */
void       rw_a11y_name_mnemonic_buttons (GtkWidget *root);
/* A section title: a label with the heading role and its level (2 for a
 * view's sections, 3 inside a card), styled as title-4 or heading. */
GtkWidget *rw_heading_new         (const char  *text,
                                   int          level);
/* rw_a11y_name () for a drop-down of a GtkStringList, whose list items
 * GTK 4.8 leaves unnamed: sets a factory that names them by their strings. */
void       rw_a11y_name_drop_down (GtkDropDown *drop_down,
                                   const char  *name,
                                   const char  *description);
/* Sets rw_a11y_string_factory_new () on a combo row of a GtkStringList:
 * its value and the items of its popover are named by their strings. */
void       rw_a11y_name_combo_items (AdwComboRow *row);
/* An item factory for lists of GtkStringObject that names each list item
 * (in GTK 4.8 a GtkListItemWidget, focusable, named after its class) by its
 * string, with a check mark on the selected one. */
GtkListItemFactory *rw_a11y_string_factory_new (void);

G_END_DECLS

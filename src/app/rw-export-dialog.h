/* rw-export-dialog.h: export a chart at a chosen size and format
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rigwise-render.h"

G_BEGIN_DECLS

#define RW_TYPE_EXPORT_DIALOG (rw_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RwExportDialog, rw_export_dialog, RW, EXPORT_DIALOG, AdwWindow)

/* @format: "png", "png2" (2× scale), "pdf" or "svg"; NULL keeps PNG. */
RwExportDialog *rw_export_dialog_present (GtkWindow   *parent,
                                          RwChartData *data,
                                          RwChartKind  kind,
                                          const char  *format);
/* Writes @file with the dialog's settings, atomically (rw_export_chart). */
gboolean        rw_export_dialog_export  (RwExportDialog *self,
                                          GFile          *file,
                                          GError        **error);

/* Asks for a file name, then writes the multi-page PDF report there and
 * reports the outcome as a toast on @parent (an RwWindow). */
void            rw_export_report_run     (GtkWindow   *parent,
                                          RwChartData *data);

G_END_DECLS

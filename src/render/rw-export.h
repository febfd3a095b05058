/* rw-export.h: charts and the report to PNG, PDF and SVG files
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-chart-data.h"
#include "rw-chart-style.h"

G_BEGIN_DECLS

#define RW_EXPORT_ERROR (rw_export_error_quark ())
typedef enum
{
  RW_EXPORT_ERROR_UNKNOWN_FORMAT,  /* no or unknown file extension with FORMAT_AUTO */
  RW_EXPORT_ERROR_INVALID_SIZE,    /* width/height ≤ 0, NaN or > RW_EXPORT_MAX_SIZE, bad scale */
  RW_EXPORT_ERROR_FAILED,          /* cairo could not draw (out of memory, …) */
  RW_EXPORT_ERROR_IO,              /* the file could not be written; nothing was replaced */
} RwExportError;
GQuark rw_export_error_quark (void);

typedef enum
{
  RW_EXPORT_FORMAT_AUTO,   /* from the file name's extension */
  RW_EXPORT_FORMAT_PNG,
  RW_EXPORT_FORMAT_PDF,
  RW_EXPORT_FORMAT_SVG,
} RwExportFormat;

/* Largest width or height in pixels (PNG, SVG) or points (PDF). */
#define RW_EXPORT_MAX_SIZE 16384.0

/* ".png", ".pdf", ".svg" (any case) → format; else FALSE and
 * RW_EXPORT_ERROR_UNKNOWN_FORMAT. */
gboolean  rw_export_format_from_path (const char         *path,
                                      RwExportFormat     *format,
                                      GError            **error);

/* Draws @kind at @width × @height (px for PNG and SVG, pt for PDF) and writes it
 * to @file atomically (g_file_replace: a temporary file renamed over the
 * target, so a failed export leaves any old file intact). @scale (1 or 2, up
 * to 4) multiplies PNG pixels for HiDPI; PDF/SVG ignore it. @style NULL =
 * light. */
gboolean  rw_export_chart            (const RwChartData  *data,
                                      RwChartKind         kind,
                                      GFile              *file,
                                      RwExportFormat      format,
                                      double              width,
                                      double              height,
                                      double              scale,
                                      const RwChartStyle *style,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* One multi-page A4-landscape PDF: page 1 the workload, the comparison table
 * of every system's key figures and the prices' date and sources; then one
 * page per chart (RW_CHART_N) with its description; last the sources of
 * every figure. RW_EXPORT_REPORT_N_PAGES pages for a few systems; with many,
 * the sources run on to more pages rather than shrink below 6.6 pt. Always
 * the light style. */
#define RW_EXPORT_REPORT_N_PAGES (1 + RW_CHART_N + 1)
gboolean  rw_export_report           (const RwChartData  *data,
                                      GFile              *file,
                                      GCancellable       *cancellable,
                                      GError            **error);

G_END_DECLS

/* rw-export.c: charts to PNG/PDF/SVG and the multi-page PDF report
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "rw-export.h"
#include "rw-render-private.h"

G_DEFINE_QUARK (rw-export-error-quark, rw_export_error)

/* A4 landscape in points. */
#define REPORT_WIDTH  841.89
#define REPORT_HEIGHT 595.28
#define REPORT_MARGIN 36.0

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rw_export_format_from_path (const char      *path,
                            RwExportFormat  *format,
                            GError         **error)
{
  const char *dot;
  g_autofree char *base = NULL;

  g_return_val_if_fail (format != NULL, FALSE);

  base = path != NULL ? g_path_get_basename (path) : g_strdup ("");
  dot = strrchr (base, '.');
  if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = RW_EXPORT_FORMAT_PNG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = RW_EXPORT_FORMAT_PDF;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = RW_EXPORT_FORMAT_SVG;
  else
    {
      g_set_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Cannot tell the format of “%s”: use a .png, .pdf or .svg file name"), base);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_size (double   width,
            double   height,
            double   scale,
            GError **error)
{
  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1 ||
      width > RW_EXPORT_MAX_SIZE || height > RW_EXPORT_MAX_SIZE)
    {
      g_set_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE,
                   _("Invalid size %g × %g: width and height must be between 1 and %g"),
                   width, height, RW_EXPORT_MAX_SIZE);
      return FALSE;
    }
  if (!isfinite (scale) || scale < 1 || scale > 4)
    {
      g_set_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE,
                   _("Invalid scale %g: use 1 to 4"), scale);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_FAILED,
               _("Could not draw the chart: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* Replaces @file with @bytes through a temporary file, so readers never see
 * half a chart and a failure leaves the old file as it was. */
static gboolean
write_file (GFile         *file,
            GByteArray    *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_IO,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  const char      *title)
{
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rigwise");
}

gboolean
rw_export_chart (const RwChartData  *data,
                 RwChartKind         kind,
                 GFile              *file,
                 RwExportFormat      format,
                 double              width,
                 double              height,
                 double              scale,
                 const RwChartStyle *style,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (kind < RW_CHART_N, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == RW_EXPORT_FORMAT_AUTO)
    {
      g_autofree char *name = g_file_get_basename (file);

      if (!rw_export_format_from_path (name, &format, error))
        return FALSE;
    }
  if (format != RW_EXPORT_FORMAT_PNG)
    scale = 1;
  if (!check_size (width, height, scale, error))
    return FALSE;

  bytes = g_byte_array_new ();
  switch (format)
    {
    case RW_EXPORT_FORMAT_PNG:
      if (width * scale > RW_EXPORT_MAX_SIZE || height * scale > RW_EXPORT_MAX_SIZE)
        {
          g_set_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE,
                       _("Invalid size %g × %g at scale %g: at most %g pixels a side"),
                       width, height, scale, RW_EXPORT_MAX_SIZE);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale), (int) ceil (height * scale));
      break;
    case RW_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, width, height);
      set_pdf_metadata (surface, rw_chart_kind_get_title (kind));
      break;
    case RW_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes_cb, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case RW_EXPORT_FORMAT_AUTO:
    default:
      g_return_val_if_reached (FALSE);
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  _rw_render_chart_full (data, kind, cr, width, height, style, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == RW_EXPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return FALSE;
  return write_file (file, bytes, cancellable, error);
}

/* ------------------------------------------------------------------ */
/* Report                                                             */

typedef struct
{
  guint       n_columns;
  GPtrArray  *cells;   /* char*, row-major; row 0 is the header */
} Grid;

static void
grid_add (Grid *grid,
          char *cell)
{
  g_ptr_array_add (grid->cells, cell);
}

/* Draws @grid as a table with @first_w for the first column and the rest
 * shared equally; returns its height. */
static double
draw_grid (RwCanvas   *c,
           const Grid *grid,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    draw)
{
  guint n_rows = grid->cells->len / grid->n_columns;
  double first_w = 0, col_w, cy = y, gap = c->font * size * 0.6;

  for (guint r = 0; r < n_rows; r++)
    {
      double tw;

      _rw_text_extents (c, g_ptr_array_index (grid->cells, r * grid->n_columns), size, r == 0, &tw, NULL);
      first_w = MAX (first_w, tw);
    }
  first_w = MIN (first_w + gap * 2, width * 0.4);
  col_w = (width - first_w) / MAX (grid->n_columns - 1, 1);

  for (guint r = 0; r < n_rows; r++)
    {
      double row_h = 0;

      for (guint col = 0; col < grid->n_columns; col++)
        {
          const char *cell = g_ptr_array_index (grid->cells, r * grid->n_columns + col);
          double cw = col == 0 ? first_w : col_w;
          double cx = col == 0 ? x : x + first_w + (col - 1) * col_w;
          double h = _rw_paragraph (c, cell, cx, cy + gap / 2, cw - gap, size, r == 0 || col == 0,
                                    r == 0 ? &c->style->foreground :
                                    col == 0 ? &c->style->dim_foreground : &c->style->foreground, draw);
          row_h = MAX (row_h, h);
        }
      cy += row_h + gap;
      if (draw)
        {
          double ly = _rw_snap (c, cy, c->line);

          _rw_set_color (c->cr, r == 0 ? &c->style->axis : &c->style->grid);
          cairo_set_line_width (c->cr, c->line);
          cairo_move_to (c->cr, x, ly);
          cairo_line_to (c->cr, x + width, ly);
          cairo_stroke (c->cr);
        }
    }
  return cy - y;
}

static char *
format_speed (double v)
{
  g_autofree char *n = NULL;

  if (!isfinite (v))
    return g_strdup (_("n/a"));
  n = rw_format_number (v, v < 100 ? 1 : 0);
  return g_strdup_printf (_("%s tok/s"), n);
}

static char *
format_seconds (double v)
{
  g_autofree char *n = NULL;

  if (!isfinite (v))
    return g_strdup (_("n/a"));
  n = rw_format_number (v, v < 10 ? 2 : 1);
  /* TRANSLATORS: seconds */
  return g_strdup_printf (_("%s s"), n);
}

static Grid
comparison_grid (const RwChartData *data)
{
  Grid grid = { data->n_systems + 1, g_ptr_array_new_with_free_func (g_free) };
  const RwWorkload *w = &data->workload;
  g_autofree char *tco_label = NULL;
  g_autofree char *years = rw_format_number (w->years, w->years == round (w->years) ? 0 : 1);

  grid_add (&grid, g_strdup (""));
  for (guint i = 0; i < data->n_systems; i++)
    grid_add (&grid, g_strdup (_rw_system_label (data->systems[i])));

#define ROW(label, expr) \
  G_STMT_START { \
    grid_add (&grid, g_strdup (label)); \
    for (guint i = 0; i < data->n_systems; i++) \
      { \
        const RwEstimate *est = &data->estimates[i]; \
        grid_add (&grid, (expr)); \
      } \
  } G_STMT_END

  ROW (_("Verdict"), g_strdup (est->fit == RW_FIT_FITS ? _("Fits") :
                               est->fit == RW_FIT_SPILLS ? _("Spills to host RAM") : _("Does not fit")));
  ROW (_("Memory needed"), _rw_format_gb (data, est->memory.total));
  ROW (_("Fast memory"), _rw_format_gb (data, est->memory.device_capacity));
  ROW (_("In host RAM"), _rw_format_gb (data, est->memory.spill));
  /* As the Speed view: decode at the workload's depth and with the whole
   * context cached. */
  if (w->mode == RW_MODE_INFERENCE)
    {
      g_autofree char *depth_label = rw_chart_data_dup_decode_title (w->depth);

      ROW (depth_label, format_speed (est->decode_tok_s));
      if (w->context > w->depth)
        {
          grid_add (&grid, rw_chart_data_dup_decode_title (w->context));
          for (guint i = 0; i < data->n_systems; i++)
            grid_add (&grid, format_speed (data->decode_full[i]));
        }
    }
  if (w->batch > 1)
    ROW (_("Decode, whole batch"), format_speed (est->decode_tok_s_total));
  ROW (_("Prefill"), format_speed (est->prefill_tok_s));
  ROW (_("Time to first token"), format_seconds (est->ttft_s));
  if (w->mode != RW_MODE_INFERENCE)
    ROW (_("Training"), format_speed (est->train_tok_s));
  ROW (_("Price"), _rw_format_money (data, est->price, 0));
  ROW (_("Per GB of fast memory"), _rw_format_money (data, est->per_gb, 2));
  ROW (_("Per decode tok/s"), _rw_format_money (data, est->per_decode_tok_s, 0));
  ROW (_("Electricity per million tokens"), _rw_format_money (data, est->energy_per_mtok, 3));
  ROW (_("Electricity per year"), _rw_format_money (data, est->energy_per_year, 0));
  /* TRANSLATORS: "TCO over 3 years" */
  tco_label = g_strdup_printf (_("TCO over %s years"), years);
  ROW (tco_label, _rw_format_money (data, est->tco, 0));
#undef ROW

  return grid;
}

static char *
price_line (const RwPriceSource *p)
{
  g_autofree char *value = NULL;
  g_autofree char *quantity = NULL;
  const char *origin = "";

  if (isfinite (p->value))
    {
      g_autofree char *n = rw_format_number (p->value, 0);
      value = g_strdup_printf ("%s %s", n, p->currency);
    }
  else
    value = g_strdup (_("no price"));
  if (p->assumed)
    origin = _(" (assumed, no published price)");
  else if (p->known_origin && p->origin == RW_PRICE_ORIGIN_FEED)
    origin = _(" (price feed)");
  else if (p->known_origin && p->origin == RW_PRICE_ORIGIN_USER)
    origin = _(" (edited by you)");
  quantity = p->quantity > 1 ? g_strdup_printf ("%u × ", p->quantity) : g_strdup ("");

  return g_strdup_printf ("%s%s: %s%s, %s, %s", quantity,
                          p->name != NULL ? p->name : p->item_id, value, origin,
                          p->date != NULL ? p->date : _("undated"),
                          p->source != NULL ? p->source : _("no source"));
}

static void
add_figure_line (GPtrArray      *lines,
                 const char     *system,
                 const char     *what,
                 const RwFigure *figure,
                 double          divisor,
                 const char     *unit)
{
  g_autofree char *value = NULL;
  GString *line;

  if (figure->source == NULL && !isfinite (figure->value))
    return;
  value = isfinite (figure->value) ? rw_format_number (figure->value / divisor, 1) :
          g_strdup (_("not published"));
  line = g_string_new (NULL);
  g_string_append_printf (line, "%s, %s: %s%s%s", system, what, value,
                          isfinite (figure->value) ? " " : "", isfinite (figure->value) ? unit : "");
  if (figure->assumed)
    g_string_append (line, _(" (assumed)"));
  if (figure->note != NULL && *figure->note)
    g_string_append_printf (line, " — %s", figure->note);
  if (figure->date != NULL)
    g_string_append_printf (line, ", %s", figure->date);
  if (figure->source != NULL)
    g_string_append_printf (line, ", %s", figure->source);
  g_ptr_array_add (lines, g_string_free (line, FALSE));
}

static GPtrArray *
source_lines (const RwChartData *data)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  if (data->model->source != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Model %s: architecture from %s"),
                                             data->model->name != NULL ? data->model->name : data->model->id,
                                             data->model->source));
  if (data->weights != NULL && data->weights->source != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Weight format %s: %s"),
                                             data->weights->name, data->weights->source));
  if (data->kv != NULL && data->kv->source != NULL && data->kv != data->weights)
    g_ptr_array_add (lines, g_strdup_printf (_("KV-cache format %s: %s"), data->kv->name, data->kv->source));

  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwSystem *s = data->systems[i];
      const char *name = _rw_system_label (s);
      const RwEfficiency *eff;

      add_figure_line (lines, name, _("memory"), &s->device_memory, 1e9, "GB");
      add_figure_line (lines, name, _("usable memory"), &s->device_usable, 1e9, "GB");
      add_figure_line (lines, name, _("memory bandwidth"), &s->device_bandwidth, 1e9, "GB/s");
      if (s->memory_model == RW_MEMORY_DISCRETE)
        {
          add_figure_line (lines, name, _("host RAM"), &s->host_memory, 1e9, "GB");
          add_figure_line (lines, name, _("host RAM bandwidth"), &s->host_bandwidth, 1e9, "GB/s");
          add_figure_line (lines, name, _("link bandwidth"), &s->link_bandwidth, 1e9, "GB/s");
        }
      for (guint p = 0; p < RW_PRECISION_N; p++)
        {
          /* TRANSLATORS: "dense FP8 peak" */
          g_autofree char *what = g_strdup_printf (_("dense %s peak"), rw_precision_to_string (p));
          add_figure_line (lines, name, what, &s->peak[p], 1e12, "TFLOP/s");
        }
      add_figure_line (lines, name, _("power under load"), &s->power_load, 1, "W");
      eff = rw_system_get_efficiency (s, data->workload.runtime);
      if (eff != NULL && eff->source != NULL)
        g_ptr_array_add (lines, g_strdup_printf (_("%s, %s efficiencies: %s"), name, eff->runtime, eff->source));
    }

  g_ptr_array_add (lines, g_strdup (_("Prices:")));
  for (guint i = 0; i < data->prices->len; i++)
    g_ptr_array_add (lines, price_line (g_ptr_array_index (data->prices, i)));

  return lines;
}

/* Text smaller than this is unreadable on paper: below it lists run on
 * to further pages (sources) or end with a pointer to them (page 1). */
#define MIN_LIST_SIZE 0.66

static double
lines_height (RwCanvas  *c,
              GPtrArray *lines,
              double     width,
              double     size)
{
  double h = 0;

  for (guint i = 0; i < lines->len; i++)
    h += _rw_paragraph (c, g_ptr_array_index (lines, i), 0, 0, width, size, FALSE, NULL, FALSE) +
         c->font * size * 0.15;
  return h;
}

/* The size, from @size down to MIN_LIST_SIZE, at which @lines fit between
 * @y and @bottom; MIN_LIST_SIZE if they fit at none. */
static double
fitting_size (RwCanvas  *c,
              GPtrArray *lines,
              double     y,
              double     width,
              double     bottom,
              double     size)
{
  for (; size > MIN_LIST_SIZE; size *= 0.92)
    if (y + lines_height (c, lines, width, size) <= bottom)
      return size;
  return MIN_LIST_SIZE;
}

/* Draws lines from @first on while they fit above @bottom; returns the
 * index of the first line that did not fit (lines->len when all did). */
static guint
draw_lines (RwCanvas  *c,
            GPtrArray *lines,
            guint      first,
            double     x,
            double     y,
            double     width,
            double     bottom,
            double     size)
{
  guint i;

  for (i = first; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      double h = _rw_paragraph (c, line, x, y, width, size, FALSE, NULL, FALSE);

      if (y + h > bottom && i > first)
        break;
      _rw_paragraph (c, line, x, y, width, size, FALSE, &c->style->foreground, TRUE);
      y += h + c->font * size * 0.15;
    }
  return i;
}

static void
report_first_page (const RwChartData  *data,
                   cairo_t            *cr,
                   const RwChartStyle *style)
{
  RwCanvas c = { 0 };
  double x = REPORT_MARGIN, w = REPORT_WIDTH - 2 * REPORT_MARGIN;
  double y, size;
  Grid grid;
  g_autoptr(GPtrArray) prices = g_ptr_array_new_with_free_func (g_free);

  _rw_canvas_begin (&c, cr, REPORT_WIDTH, REPORT_HEIGHT, style);
  /* A printed A4 page in points, at its own type scale (10 pt body). */
  c.min_text = 0;
  c.font = 10;
  c.line = _rw_snap_width (&c, 0.5);

  y = REPORT_MARGIN;
  _rw_text (&c, _("Rigwise comparison"), x, y, 0, 0, 2.0, TRUE, &c.style->foreground, w);
  y += c.font * 2.6;
  y += _rw_paragraph (&c, data->subtitle, x, y, w, 1.2, FALSE, &c.style->foreground, TRUE);
  y += c.font * 0.8;

  /* The answer first, as in the app: the verdict, then how each machine
   * fits, the speeds and the prices compared, and when to choose which. */
  {
    const RwAnswer *answer = data->answer;
    char * const *parts[] = { answer->fit, answer->speed, answer->cost, answer->choose };

    y += _rw_paragraph (&c, answer->headline, x, y, w, 1.4, TRUE, &c.style->foreground, TRUE);
    y += c.font * 0.3;
    for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
      for (guint i = 0; parts[p][i] != NULL; i++)
        y += _rw_paragraph (&c, parts[p][i], x, y, w, 0.95, p == 3, &c.style->foreground, TRUE)
             + c.font * 0.1;
    for (guint i = 0; data->warnings[i] != NULL; i++)
      {
        /* Translators: a warning in the report, "Warning: Llama 2 7B was trained …" */
        g_autofree char *line = g_strdup_printf (_("Warning: %s"), data->warnings[i]);

        y += _rw_paragraph (&c, line, x, y, w, 0.95, TRUE, &c.style->foreground, TRUE) + c.font * 0.1;
      }
    y += c.font * 0.8;
  }

  grid = comparison_grid (data);
  /* Shrink the table if many systems make it too tall for the page. */
  for (size = 1.0; size > 0.5; size *= 0.9)
    if (y + draw_grid (&c, &grid, x, y, w, size, FALSE) < REPORT_HEIGHT * 0.72)
      break;
  y += draw_grid (&c, &grid, x, y, w, size, TRUE) + c.font;
  g_ptr_array_unref (grid.cells);

  y += _rw_paragraph (&c, data->price_note, x, y, w, 0.9, TRUE, &c.style->foreground, TRUE);
  y += c.font * 0.3;
  for (guint i = 0; i < data->prices->len; i++)
    g_ptr_array_add (prices, price_line (g_ptr_array_index (data->prices, i)));
  {
    double bottom = REPORT_HEIGHT - REPORT_MARGIN;
    double list_size = fitting_size (&c, prices, y, w, bottom, 0.75);
    double line_h = c.font * list_size * 1.6;
    guint shown = draw_lines (&c, prices, 0, x, y, w, bottom - line_h, list_size);

    /* Too many to list here: the sources page has them all. */
    if (shown < prices->len)
      {
        g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "… and %u more on the sources page",
                                                              "… and %u more on the sources page",
                                                              prices->len - shown),
                                                 prices->len - shown);
        _rw_paragraph (&c, more, x, bottom - line_h, w, list_size, FALSE, &c.style->dim_foreground, TRUE);
      }
  }

  _rw_canvas_end (&c);
}

static void
report_chart_page (const RwChartData  *data,
                   RwChartKind         kind,
                   cairo_t            *cr,
                   const RwChartStyle *style)
{
  RwCanvas c = { 0 };
  g_autofree char *description = rw_render_describe_chart (data, kind);
  double x = REPORT_MARGIN, w = REPORT_WIDTH - 2 * REPORT_MARGIN;
  double desc_h, chart_h;

  _rw_canvas_begin (&c, cr, REPORT_WIDTH, REPORT_HEIGHT, style);
  /* A printed A4 page in points, at its own type scale (10 pt body). */
  c.min_text = 0;
  c.font = 10;
  desc_h = _rw_paragraph (&c, description, x, 0, w, 0.85, FALSE, NULL, FALSE);
  desc_h = MIN (desc_h, REPORT_HEIGHT * 0.3);
  chart_h = REPORT_HEIGHT - 2 * REPORT_MARGIN - desc_h - c.font;
  _rw_paragraph (&c, description, x, REPORT_MARGIN + chart_h + c.font, w, 0.85, FALSE,
                 &c.style->dim_foreground, TRUE);

  cairo_save (cr);
  cairo_translate (cr, x, REPORT_MARGIN);
  _rw_render_chart_full (data, kind, cr, w, chart_h, style, NULL);
  cairo_restore (cr);

  _rw_canvas_end (&c);
}

/* The sources, on as many pages as they need at a readable size; leaves
 * the last page open for the caller to show. */
static void
report_sources_pages (const RwChartData  *data,
                      cairo_t            *cr,
                      const RwChartStyle *style)
{
  double x = REPORT_MARGIN, w = REPORT_WIDTH - 2 * REPORT_MARGIN;
  double bottom = REPORT_HEIGHT - REPORT_MARGIN;
  g_autoptr(GPtrArray) lines = source_lines (data);
  double size = 0;
  guint next = 0;

  do
    {
      RwCanvas c = { 0 };
      double y = REPORT_MARGIN;

      if (next > 0)
        cairo_show_page (cr);
      _rw_canvas_begin (&c, cr, REPORT_WIDTH, REPORT_HEIGHT, style);
  /* A printed A4 page in points, at its own type scale (10 pt body). */
  c.min_text = 0;
      c.font = 10;
      _rw_text (&c, next == 0 ? _("Sources") : _("Sources (continued)"), x, y, 0, 0, 1.6, TRUE,
                &c.style->foreground, w);
      y += c.font * 2.4;
      if (next == 0)
        {
          y += _rw_paragraph (&c, _("Every figure the estimates use, with where it comes from. "
                                    "Speeds are modelled from these figures and calibrated efficiencies, "
                                    "not measured on your machine."),
                              x, y, w, 0.85, FALSE, &c.style->dim_foreground, TRUE) + c.font * 0.6;
          size = fitting_size (&c, lines, y, w, bottom, 0.75);
        }
      next = draw_lines (&c, lines, next, x, y, w, bottom, size);
      _rw_canvas_end (&c);
    }
  while (next < lines->len);
}

gboolean
rw_export_report (const RwChartData  *data,
                  GFile              *file,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  RwChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Paper is white: the report is always light. */
  rw_chart_style_init_light (&style);
  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, REPORT_WIDTH, REPORT_HEIGHT);
  set_pdf_metadata (surface, _("Rigwise comparison"));
  cr = cairo_create (surface);

  report_first_page (data, cr, &style);
  cairo_show_page (cr);
  for (guint k = 0; k < RW_CHART_N; k++)
    {
      report_chart_page (data, k, cr, &style);
      cairo_show_page (cr);
    }
  report_sources_pages (data, cr, &style);
  cairo_show_page (cr);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return FALSE;
  return write_file (file, bytes, cancellable, error);
}

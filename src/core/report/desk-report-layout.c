/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-report-private.h"

/* A4 in points, with room for the running header and footer. */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN_LEFT   56.0
#define MARGIN_RIGHT  56.0
#define MARGIN_TOP    68.0
#define MARGIN_BOTTOM 68.0
#define CELL_PAD      3.0
#define QUOTE_INDENT  10.0

/* Noto Sans CJK covers Chinese, Latin and Cyrillic in one design; the
 * fallbacks keep a report readable where it is missing (cairo embeds
 * whatever is used). */
#define FONT_SANS "Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif"
/* Monospace text is fingerprints (hex): a Latin font keeps the PDF small,
 * since a subset of a CJK font still carries its large shared subroutines. */
#define FONT_MONO "Noto Sans Mono, Noto Mono, DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace"

typedef enum
{
  OP_LINE,
  OP_FILL,
  OP_RULE,
  OP_IMAGE,
} OpKind;

typedef struct
{
  OpKind           kind;
  guint            page;
  double           x, y, w, h;
  double           gray;
  PangoLayout     *layout; /* keeps the line's layout alive */
  PangoLayoutLine *line;
  cairo_surface_t *surface;
} Op;

typedef struct
{
  PangoLayoutLine *line;
  double           height;
  double           baseline; /* from the line's top */
  double           x;        /* from the layout's left: indents, alignment */
} Line;

struct _DeskReportLayout
{
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[DESK_REPORT_STYLE_QUOTE + 1];
  GArray               *ops; /* Op, in page order */
  guint                 page;
  double                y;

  /* The table being laid out, if any. */
  guint            n_columns;
  double          *col_x;
  double          *col_w;
  DeskReportStyle *col_styles;
  GStrv            header;
  gboolean         in_header;
};

static double
content_width (void)
{
  return PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
}

static double
content_bottom (void)
{
  return PAGE_HEIGHT - MARGIN_BOTTOM;
}

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->line, pango_layout_line_unref);
  g_clear_object (&op->layout);
  g_clear_pointer (&op->surface, cairo_surface_destroy);
}

static PangoFontDescription *
font (const char *family,
      double      size,
      PangoWeight weight)
{
  PangoFontDescription *desc = pango_font_description_from_string (family);

  pango_font_description_set_size (desc, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (desc, weight);
  return desc;
}

DeskReportLayout *
_desk_report_layout_new (const char *language)
{
  DeskReportLayout     *self = g_new0 (DeskReportLayout, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: what is measured here is exactly what the PDF shows. */
  /* The thread's own font map: fonts stay loaded between reports. */
  self->font_map = g_object_ref (pango_cairo_font_map_get_default ());
  self->context = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_language (self->context, pango_language_from_string (language));
  cairo_font_options_destroy (options);

  self->fonts[DESK_REPORT_STYLE_BODY] = font (FONT_SANS, 9.5, PANGO_WEIGHT_NORMAL);
  self->fonts[DESK_REPORT_STYLE_SMALL] = font (FONT_SANS, 7.5, PANGO_WEIGHT_NORMAL);
  self->fonts[DESK_REPORT_STYLE_TABLE] = font (FONT_SANS, 8.0, PANGO_WEIGHT_NORMAL);
  self->fonts[DESK_REPORT_STYLE_TABLE_HEADER] = font (FONT_SANS, 8.0, PANGO_WEIGHT_BOLD);
  self->fonts[DESK_REPORT_STYLE_MONO] = font (FONT_MONO, 7.0, PANGO_WEIGHT_NORMAL);
  self->fonts[DESK_REPORT_STYLE_HEADING] = font (FONT_SANS, 13.0, PANGO_WEIGHT_BOLD);
  self->fonts[DESK_REPORT_STYLE_SUBHEADING] = font (FONT_SANS, 10.0, PANGO_WEIGHT_BOLD);
  self->fonts[DESK_REPORT_STYLE_TITLE] = font (FONT_SANS, 20.0, PANGO_WEIGHT_BOLD);
  self->fonts[DESK_REPORT_STYLE_QUOTE] = font (FONT_SANS, 9.0, PANGO_WEIGHT_NORMAL);

  self->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (self->ops, op_clear);
  self->y = MARGIN_TOP;
  return self;
}

void
_desk_report_layout_free (DeskReportLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->ops);
  for (guint i = 0; i < G_N_ELEMENTS (self->fonts); i++)
    pango_font_description_free (self->fonts[i]);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self->col_x);
  g_free (self->col_w);
  g_free (self->col_styles);
  g_strfreev (self->header);
  g_free (self);
}

void
_desk_report_layout_get_page_size (DeskReportLayout *self,
                                   double           *width,
                                   double           *height)
{
  *width = PAGE_WIDTH;
  *height = PAGE_HEIGHT;
}

guint
_desk_report_layout_get_n_pages (DeskReportLayout *self)
{
  return self->page + 1;
}

static PangoLayout *
make_layout (DeskReportLayout *self,
             DeskReportStyle   style,
             const char       *text,
             double            width)
{
  PangoLayout   *layout = pango_layout_new (self->context);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  /* Long IDs, hashes and unbroken Chinese wrap anywhere; no hyphen is
   * added, so the text copied out of the PDF is the text that went in. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
#if PANGO_VERSION_CHECK(1, 44, 0)
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
#endif
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static GArray *
layout_lines (PangoLayout *layout)
{
  GArray          *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      Line           line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.line = pango_layout_iter_get_line_readonly (iter);
      line.height = (double)logical.height / PANGO_SCALE;
      line.baseline = (double)(pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      line.x = (double)logical.x / PANGO_SCALE;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

static void
add_op (DeskReportLayout *self,
        Op                op)
{
  op.page = self->page;
  g_array_append_val (self->ops, op);
}

static void
add_line (DeskReportLayout *self,
          PangoLayout      *layout,
          const Line       *line,
          double            x,
          double            top,
          double            gray)
{
  Op op = { OP_LINE, 0, x + line->x, top + line->baseline, 0, 0, gray, NULL, NULL, NULL };

  op.layout = g_object_ref (layout);
  op.line = pango_layout_line_ref (line->line);
  add_op (self, op);
}

static void emit_table_header (DeskReportLayout *self);

static void
new_page (DeskReportLayout *self)
{
  self->page++;
  self->y = MARGIN_TOP;
  if (self->header && !self->in_header)
    emit_table_header (self);
}

static double
gray_for (DeskReportStyle style)
{
  return style == DESK_REPORT_STYLE_SMALL ? 0.38 : 0.1;
}

void
_desk_report_layout_paragraph (DeskReportLayout *self,
                               DeskReportStyle   style,
                               const char       *text,
                               double            indent)
{
  gboolean quote = style == DESK_REPORT_STYLE_QUOTE;
  double   x = MARGIN_LEFT + indent + (quote ? QUOTE_INDENT : 0);
  g_autoptr (PangoLayout) layout = make_layout (self, style, text, MARGIN_LEFT + content_width () - x);
  g_autoptr (GArray) lines = NULL;

  /* A bulleted line hangs: its wrapped lines align with the text, not the bullet. */
  if (text && g_str_has_prefix (text, "• "))
    {
      g_autoptr (PangoLayout) bullet = make_layout (self, style, "• ", content_width ());
      int width;

      pango_layout_get_size (bullet, &width, NULL);
      pango_layout_set_indent (layout, -width);
    }
  lines = layout_lines (layout);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (self->y + line->height > content_bottom ())
        new_page (self);
      add_line (self, layout, line, x, self->y, gray_for (style));
      if (quote)
        add_op (self, (Op){ OP_FILL, 0, MARGIN_LEFT + indent, self->y, 2.0, line->height, 0.72, NULL, NULL, NULL });
      self->y += line->height;
    }
}

void
_desk_report_layout_space (DeskReportLayout *self,
                           double            points)
{
  self->y += points;
  if (self->y > content_bottom ())
    new_page (self);
}

void
_desk_report_layout_heading (DeskReportLayout *self,
                             DeskReportStyle   style,
                             const char       *text)
{
  g_autoptr (PangoLayout) layout = make_layout (self, style, text, content_width ());
  PangoRectangle logical;
  double         keep;

  pango_layout_get_extents (layout, NULL, &logical);
  /* Keep a heading with what follows: a section heading with a sub-heading
   * and a few lines, a sub-heading with about four lines. */
  keep = style == DESK_REPORT_STYLE_HEADING ? 110 : 56;
  if (self->y > MARGIN_TOP && self->y + (double)logical.height / PANGO_SCALE + keep > content_bottom ())
    new_page (self);
  else if (self->y > MARGIN_TOP)
    self->y += style == DESK_REPORT_STYLE_SUBHEADING ? 6 : 12;
  _desk_report_layout_paragraph (self, style, text, 0);
  if (style == DESK_REPORT_STYLE_HEADING)
    {
      add_op (self, (Op){ OP_RULE, 0, MARGIN_LEFT, self->y + 2, content_width (), 0.6, 0.55, NULL, NULL, NULL });
      self->y += 6;
    }
  else
    self->y += 3;
}

/* Tables */

typedef struct
{
  PangoLayout *layout;
  GArray      *lines;
  guint        next;
} Cell;

static void
cells_clear (Cell *cells,
             guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_clear_object (&cells[i].layout);
      g_clear_pointer (&cells[i].lines, g_array_unref);
    }
}

/* Height of the lines of @cell that fit in @avail, from its next line. */
static double
fitting (const Cell *cell,
         double      avail,
         guint      *end)
{
  double h = 0;
  guint  i = cell->next;

  while (i < cell->lines->len && h + g_array_index (cell->lines, Line, i).height <= avail)
    h += g_array_index (cell->lines, Line, i++).height;
  *end = i;
  return h;
}

static gboolean
row_done (const Cell *cells,
          guint       n)
{
  for (guint i = 0; i < n; i++)
    if (cells[i].next < cells[i].lines->len)
      return FALSE;
  return TRUE;
}

/* Places as much of each cell as fits on this page, as one band. */
static void
place_band (DeskReportLayout *self,
            Cell             *cells,
            gboolean          header)
{
  double avail = content_bottom () - self->y - 2 * CELL_PAD;
  double band = 0;
  guint  fill = self->ops->len;

  if (header)
    add_op (self, (Op){ OP_FILL, 0, MARGIN_LEFT, self->y, content_width (), 0, 0.9, NULL, NULL, NULL });
  for (guint c = 0; c < self->n_columns; c++)
    {
      guint  end;
      double h = fitting (&cells[c], avail, &end), y = self->y + CELL_PAD;

      for (guint i = cells[c].next; i < end; i++)
        {
          const Line *line = &g_array_index (cells[c].lines, Line, i);

          add_line (self, cells[c].layout, line, self->col_x[c] + CELL_PAD, y, 0.1);
          y += line->height;
        }
      cells[c].next = end;
      band = MAX (band, h);
    }
  if (header)
    g_array_index (self->ops, Op, fill).h = band + 2 * CELL_PAD;
  self->y += band + 2 * CELL_PAD;
  add_op (self, (Op){ OP_RULE, 0, MARGIN_LEFT, self->y, content_width (), 0.3, 0.75, NULL, NULL, NULL });
}

static double
first_line_height (const Cell *cells,
                   guint       n)
{
  double h = 0;

  for (guint i = 0; i < n; i++)
    if (cells[i].next < cells[i].lines->len)
      h = MAX (h, g_array_index (cells[i].lines, Line, cells[i].next).height);
  return h + 2 * CELL_PAD;
}

static double
total_height (const Cell *cells,
              guint       n)
{
  double h = 0;

  for (guint i = 0; i < n; i++)
    {
      guint end;

      h = MAX (h, fitting (&cells[i], G_MAXDOUBLE, &end));
    }
  return h + 2 * CELL_PAD;
}

static void
place_row (DeskReportLayout  *self,
           const char *const *texts,
           gboolean           header)
{
  g_autofree Cell *cells = g_new0 (Cell, self->n_columns);
  gboolean         ended = FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    {
      const char     *text = ended ? NULL : texts[c];
      DeskReportStyle style = header ? DESK_REPORT_STYLE_TABLE_HEADER : self->col_styles[c];

      ended = ended || text == NULL;
      cells[c].layout = make_layout (self, style, text ? text : "", self->col_w[c] - 2 * CELL_PAD);
      cells[c].lines = layout_lines (cells[c].layout);
    }
  /* A row that fits on a fresh page is not split; a longer one flows. */
  if (self->y + total_height (cells, self->n_columns) > content_bottom ()
      && (total_height (cells, self->n_columns) < content_bottom () - MARGIN_TOP - 40
          || self->y + first_line_height (cells, self->n_columns) > content_bottom ()))
    new_page (self);
  while (TRUE)
    {
      place_band (self, cells, header);
      if (row_done (cells, self->n_columns))
        break;
      new_page (self);
    }
  cells_clear (cells, self->n_columns);
}

static void
emit_table_header (DeskReportLayout *self)
{
  self->in_header = TRUE;
  place_row (self, (const char *const *)self->header, TRUE);
  self->in_header = FALSE;
}

void
_desk_report_layout_table_begin (DeskReportLayout      *self,
                                 const double          *fractions,
                                 const DeskReportStyle *styles,
                                 guint                  n_columns,
                                 const char *const     *header)
{
  double x = MARGIN_LEFT;

  g_return_if_fail (self->header == NULL);
  self->n_columns = n_columns;
  g_free (self->col_x);
  g_free (self->col_w);
  g_free (self->col_styles);
  self->col_x = g_new (double, n_columns);
  self->col_w = g_new (double, n_columns);
  self->col_styles = g_memdup2 (styles, n_columns * sizeof *styles);
  for (guint c = 0; c < n_columns; c++)
    {
      self->col_x[c] = x;
      self->col_w[c] = fractions[c] * content_width ();
      x += self->col_w[c];
    }
  if (header)
    {
      /* Never a header alone at the foot of a page. */
      if (self->y + 48 > content_bottom ())
        new_page (self);
      self->header = g_strdupv ((char **)header);
      emit_table_header (self);
    }
}

void
_desk_report_layout_table_row (DeskReportLayout  *self,
                               const char *const *cells)
{
  place_row (self, cells, FALSE);
}

void
_desk_report_layout_table_end (DeskReportLayout *self)
{
  g_clear_pointer (&self->header, g_strfreev);
  self->y += 4;
}

void
_desk_report_layout_image (DeskReportLayout *self,
                           cairo_surface_t  *surface,
                           double            width,
                           double            height)
{
  double h = width > 0 ? height * content_width () / width : 0;

  if (surface == NULL || h <= 0)
    return;
  h = MIN (h, content_bottom () - MARGIN_TOP);
  if (self->y + h > content_bottom ())
    new_page (self);
  add_op (self, (Op){ OP_IMAGE, 0, MARGIN_LEFT, self->y, content_width (), h, width, NULL, NULL,
                      cairo_surface_reference (surface) });
  self->y += h + 4;
}

/* Drawing */

static void
draw_op (cairo_t  *cr,
         const Op *op)
{
  switch (op->kind)
    {
      case OP_LINE:
        cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
        cairo_move_to (cr, op->x, op->y);
        pango_cairo_show_layout_line (cr, op->line);
        break;
      case OP_FILL:
      case OP_RULE:
        cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
        cairo_rectangle (cr, op->x, op->y, op->w, op->h);
        cairo_fill (cr);
        break;
      case OP_IMAGE:
        cairo_save (cr);
        cairo_translate (cr, op->x, op->y);
        cairo_scale (cr, op->w / op->gray, op->w / op->gray);
        cairo_set_source_surface (cr, op->surface, 0, 0);
        cairo_paint (cr);
        cairo_restore (cr);
        break;
      default:
        g_assert_not_reached ();
    }
}

static void
draw_running (DeskReportLayout *self,
              cairo_t          *cr,
              const char       *text,
              double            x,
              double            y,
              double            width,
              PangoAlignment    align)
{
  g_autoptr (PangoLayout) layout = make_layout (self, DESK_REPORT_STYLE_SMALL, text, width);

  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -1);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

gboolean
_desk_report_layout_render (DeskReportLayout *self,
                            cairo_t          *cr,
                            const char       *header,
                            const char       *footer_left,
                            const char       *page_format,
                            GCancellable     *cancellable,
                            void (*progress) (double fraction, gpointer data),
                            gpointer progress_data)
{
  guint n_pages = _desk_report_layout_get_n_pages (self);
  guint i = 0;

  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *number = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      for (; i < self->ops->len && g_array_index (self->ops, Op, i).page == page; i++)
        draw_op (cr, &g_array_index (self->ops, Op, i));
      draw_running (self, cr, header, MARGIN_LEFT, 36, content_width (), PANGO_ALIGN_LEFT);
      cairo_rectangle (cr, MARGIN_LEFT, 50, content_width (), 0.4);
      cairo_fill (cr);
      number = g_strdup_printf (page_format, page + 1, n_pages);
      draw_running (self, cr, footer_left, MARGIN_LEFT, PAGE_HEIGHT - 44, content_width () - 60, PANGO_ALIGN_LEFT);
      draw_running (self, cr, number, PAGE_WIDTH - MARGIN_RIGHT - 120, PAGE_HEIGHT - 44, 120, PANGO_ALIGN_RIGHT);
      cairo_show_page (cr);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        return FALSE;
      if (progress)
        progress (0.3 + 0.7 * (page + 1) / n_pages, progress_data);
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-letter-template.h"

G_DEFINE_QUARK (desk_letter_template_error_quark, desk_letter_template_error)

/* The letter context every template may use (documented in TEMPLATES.md).
 * Checking names at parse time turns a typo into an error with a line number
 * instead of a silent gap in a letter. */
typedef enum
{
  FIELD_TEXT,
  FIELD_TEXT_LIST,
  FIELD_OBJECT_LIST,
  FIELD_TERMS,
} FieldKind;

typedef struct
{
  const char        *name;
  FieldKind          kind;
  const char *const *members;
} Field;

static const char *const exhibit_members[] = { "number", "ref", "title", "description", "detail", "name", NULL };
static const char *const reason_members[] = { "text", NULL };
static const char *const request_members[] = { "title", "refs", "provided", NULL };
static const char *const chain_members[] = { "grantor", "grantee", "scope", "valid_to", "ref", NULL };
static const char *const action_members[] = { "text", NULL };

static const Field fields[] = {
  { "platform", FIELD_TEXT },
  { "platform_id", FIELD_TEXT },
  { "case_type", FIELD_TEXT },
  { "case_id", FIELD_TEXT },
  { "violation_code", FIELD_TEXT },
  { "product", FIELD_TEXT },
  { "products", FIELD_TEXT_LIST },
  { "several_products", FIELD_TEXT },
  { "received", FIELD_TEXT },
  { "deadline", FIELD_TEXT },
  { "today", FIELD_TEXT },
  { "seller", FIELD_TEXT },
  { "store", FIELD_TEXT },
  { "signer", FIELD_TEXT },
  { "limit", FIELD_TEXT },
  { "reasons", FIELD_OBJECT_LIST, reason_members },
  { "requests", FIELD_OBJECT_LIST, request_members },
  { "answered", FIELD_OBJECT_LIST, request_members },
  { "exhibits", FIELD_OBJECT_LIST, exhibit_members },
  { "chain", FIELD_OBJECT_LIST, chain_members },
  { "actions", FIELD_OBJECT_LIST, action_members },
  { "term", FIELD_TERMS },
};

typedef enum
{
  NODE_TEXT,
  NODE_IF,
  NODE_FOR,
  NODE_SECTION,
} NodeKind;

typedef struct
{
  char    *literal; /* NULL for a field */
  char    *path;    /* "case_id", "e.ref", "term.case-id" */
  gboolean join;
} Segment;

typedef struct
{
  char      *path; /* NULL for "else" */
  gboolean   negate;
  char      *equals; /* compare with this text, NULL: truthiness */
  GPtrArray *children;
} Branch;

typedef struct
{
  NodeKind   kind;
  int        line;
  GPtrArray *segments; /* TEXT */
  gboolean   join_next;
  char      *name;     /* SECTION name, FOR variable */
  char      *list;     /* FOR list */
  GPtrArray *children; /* SECTION, FOR */
  GPtrArray *branches; /* IF */
} Node;

struct _DeskLetterTemplate
{
  char      *file_name;
  char      *separator; /* for |join */
  GPtrArray *sections;  /* Node */
};

static void
segment_free (Segment *segment)
{
  g_free (segment->literal);
  g_free (segment->path);
  g_free (segment);
}

static void node_free (Node *node);

static GPtrArray *
node_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)node_free);
}

static void
branch_free (Branch *branch)
{
  g_free (branch->path);
  g_free (branch->equals);
  g_ptr_array_unref (branch->children);
  g_free (branch);
}

static void
node_free (Node *node)
{
  g_clear_pointer (&node->segments, g_ptr_array_unref);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_clear_pointer (&node->branches, g_ptr_array_unref);
  g_free (node->name);
  g_free (node->list);
  g_free (node);
}

void
desk_letter_template_free (DeskLetterTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->file_name);
  g_free (self->separator);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_free (self);
}

const char *
desk_letter_template_get_file_name (DeskLetterTemplate *self)
{
  return self->file_name;
}

const char *const *
desk_letter_template_list_fields (void)
{
  static GStrv names = NULL;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_strv_builder_add (builder, fields[i].name);
          for (guint j = 0; fields[i].members && fields[i].members[j]; j++)
            {
              g_autofree char *name = g_strdup_printf ("%s.%s", fields[i].name, fields[i].members[j]);
              g_strv_builder_add (builder, name);
            }
        }
      names = g_strv_builder_end (builder);
      g_once_init_leave (&done, 1);
    }
  return (const char *const *)names;
}

/* Parsing */

typedef struct
{
  char        *var;
  const Field *list;
} Scope;

typedef struct
{
  const char           *file_name;
  DeskLetterIncludeFunc include;
  gpointer              include_data;
  GPtrArray            *scopes;   /* Scope*, innermost last */
  GPtrArray            *includes; /* names being included, to refuse cycles */
} Parser;

typedef struct
{
  char      **lines;
  guint       n_lines;
  guint       pos;
  const char *file_name;
} Source;

static gboolean
fail (GError    **error,
      int         code,
      const char *file_name,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail (GError    **error,
      int         code,
      const char *file_name,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list          args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a template error: file name, line number, what is wrong */
  g_set_error (error, DESK_LETTER_TEMPLATE_ERROR, code, _ ("%s:%u: %s"), file_name, line, reason);
  return FALSE;
}

static const Field *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

static const Scope *
find_scope (Parser     *parser,
            const char *var)
{
  for (guint i = parser->scopes->len; i > 0; i--)
    {
      const Scope *scope = parser->scopes->pdata[i - 1];

      if (g_str_equal (scope->var, var))
        return scope;
    }
  return NULL;
}

static gboolean
is_term_id (const char *text)
{
  if (!*text || *text == '-')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
has_member (const char *const *members,
            const char        *name)
{
  return members && g_strv_contains (members, name);
}

/* Checks @path; *@kind says what it names (FIELD_TEXT for a scalar, a term
 * or a list item member). */
static gboolean
check_path (Parser     *parser,
            const char *path,
            guint       line,
            FieldKind  *kind,
            GError    **error)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", 3);
  const Scope *scope = find_scope (parser, parts[0]);
  const Field *field = find_field (parts[0]);

  if (parts[1] && parts[2])
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("“%s” has too many dots: write “name” or “name.member”."), path);
  if (scope)
    {
      if (scope->list->kind == FIELD_TEXT_LIST && parts[1])
        return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("“%s” is a line of text in “%s” and has no member “%s”."), parts[0], scope->list->name, parts[1]);
      if (scope->list->kind == FIELD_OBJECT_LIST && (!parts[1] || !has_member (scope->list->members, parts[1])))
        {
          g_autofree char *members = g_strjoinv (", ", (GStrv)scope->list->members);
          return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("“%s” is not a field of the items of “%s”; use one of: %s."), path, scope->list->name, members);
        }
      *kind = FIELD_TEXT;
      return TRUE;
    }
  if (field == NULL)
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("Unknown field “%s” (see TEMPLATES.md for the fields a letter has)."), parts[0]);
  if (field->kind == FIELD_TERMS)
    {
      if (!parts[1] || !is_term_id (parts[1]))
        return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("Write a platform term as “term.ID” with a term id such as “term.case-id”."));
      *kind = FIELD_TEXT;
      return TRUE;
    }
  if (parts[1])
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("“%s” has no member “%s”; members belong to loop variables."), parts[0], parts[1]);
  *kind = field->kind;
  return TRUE;
}

static gboolean
parse_field (Parser     *parser,
             const char *inner,
             guint       line,
             GPtrArray  *segments,
             GError    **error)
{
  g_auto (GStrv) parts = g_strsplit (inner, "|", 2);
  Segment  *segment;
  FieldKind kind;
  char     *path = g_strstrip (parts[0]);
  char     *filter = parts[1] ? g_strstrip (parts[1]) : NULL;

  if (!*path)
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("Empty “{{ }}”: name a field inside."));
  if (!check_path (parser, path, line, &kind, error))
    return FALSE;
  if (filter && !g_str_equal (filter, "join"))
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("Unknown filter “%s”; the only filter is “join”."), filter);
  if (filter && kind != FIELD_TEXT_LIST)
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("“join” works on lists of text such as “products”, not on “%s”."), path);
  if (!filter && kind != FIELD_TEXT)
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("“%s” is a list: use “%% for” or “|join”."), path);
  segment = g_new0 (Segment, 1);
  segment->path = g_strdup (path);
  segment->join = filter != NULL;
  g_ptr_array_add (segments, segment);
  return TRUE;
}

static void
add_literal (GPtrArray  *segments,
             const char *text,
             gsize       len)
{
  Segment *segment;

  if (len == 0)
    return;
  segment = g_new0 (Segment, 1);
  segment->literal = g_strndup (text, len);
  g_ptr_array_add (segments, segment);
}

static Node *
parse_text (Parser     *parser,
            const char *line_text,
            guint       line,
            GError    **error)
{
  Node       *node = g_new0 (Node, 1);
  const char *p = line_text;
  gsize       len = strlen (line_text);

  node->kind = NODE_TEXT;
  node->line = line;
  node->segments = g_ptr_array_new_with_free_func ((GDestroyNotify)segment_free);
  if (len > 0 && line_text[len - 1] == '\\')
    {
      node->join_next = TRUE;
      len--;
    }
  while (p < line_text + len)
    {
      const char      *open = g_strstr_len (p, line_text + len - p, "{{");
      const char      *close;
      g_autofree char *inner = NULL;

      if (open == NULL)
        {
          add_literal (node->segments, p, line_text + len - p);
          break;
        }
      add_literal (node->segments, p, open - p);
      close = g_strstr_len (open + 2, line_text + len - open - 2, "}}");
      if (close == NULL)
        {
          fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("“{{” is not closed with “}}” on the same line."));
          node_free (node);
          return NULL;
        }
      inner = g_strndup (open + 2, close - open - 2);
      if (!parse_field (parser, inner, line, node->segments, error))
        {
          node_free (node);
          return NULL;
        }
      p = close + 2;
    }
  for (guint i = 0; i < node->segments->len; i++)
    {
      Segment *segment = node->segments->pdata[i];

      if (segment->literal && strstr (segment->literal, "}}"))
        {
          fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("“}}” without “{{”."));
          node_free (node);
          return NULL;
        }
    }
  return node;
}

/* What ended a block: "end", "else", "elif …", or end of file. */
typedef enum
{
  STOP_EOF,
  STOP_END,
  STOP_ELSE,
  STOP_ELIF,
} Stop;

static gboolean parse_block (Parser    *parser,
                             Source    *source,
                             GPtrArray *into,
                             gboolean   top,
                             Stop      *stop,
                             char     **stop_args,
                             guint     *stop_line,
                             GError   **error);

static gboolean
parse_condition (Parser     *parser,
                 const char *args,
                 guint       line,
                 Branch     *branch,
                 GError    **error)
{
  g_autofree char *text = g_strstrip (g_strdup (args));
  char            *op;
  FieldKind        kind;

  if (g_str_has_prefix (text, "not "))
    {
      branch->negate = TRUE;
      memmove (text, text + 4, strlen (text + 4) + 1);
      g_strstrip (text);
    }
  if ((op = strstr (text, "==")) || (op = strstr (text, "!=")))
    {
      char *value = g_strstrip (op + 2);
      gsize vlen = strlen (value);

      if (branch->negate)
        return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("Write either “not” or a comparison, not both."));
      if (vlen < 2 || value[0] != '"' || value[vlen - 1] != '"')
        return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("Compare with text in double quotes: %% if case_type == \"reseller\"."));
      branch->negate = op[0] == '!';
      branch->equals = g_strndup (value + 1, vlen - 2);
      *op = '\0';
      g_strstrip (text);
    }
  if (!*text || strchr (text, ' '))
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("A condition is one field, “not field” or “field == \"text\"”."));
  if (!check_path (parser, text, line, &kind, error))
    return FALSE;
  branch->path = g_strdup (text);
  return TRUE;
}

static Node *
parse_if (Parser     *parser,
          Source     *source,
          const char *args,
          guint       line,
          GError    **error)
{
  Node            *node = g_new0 (Node, 1);
  g_autofree char *cond = g_strdup (args);
  gboolean         seen_else = FALSE;

  node->kind = NODE_IF;
  node->line = line;
  node->branches = g_ptr_array_new_with_free_func ((GDestroyNotify)branch_free);
  for (;;)
    {
      Branch          *branch = g_new0 (Branch, 1);
      g_autofree char *next_args = NULL;
      Stop             stop;
      guint            stop_line;

      branch->children = node_array_new ();
      g_ptr_array_add (node->branches, branch);
      if (!seen_else && !parse_condition (parser, cond, line, branch, error))
        goto fail;
      if (!parse_block (parser, source, branch->children, FALSE, &stop, &next_args, &stop_line, error))
        goto fail;
      if (stop == STOP_EOF)
        {
          fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("“%% if” is not closed with “%% end”."));
          goto fail;
        }
      if (stop == STOP_END)
        return node;
      if (seen_else)
        {
          fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, stop_line, _ ("Nothing may follow “%% else” but “%% end”."));
          goto fail;
        }
      seen_else = stop == STOP_ELSE;
      g_free (cond);
      cond = g_steal_pointer (&next_args);
      line = stop_line;
    }

fail:
  node_free (node);
  return NULL;
}

static Node *
parse_for (Parser     *parser,
           Source     *source,
           const char *args,
           guint       line,
           GError    **error)
{
  g_auto (GStrv) words = g_strsplit_set (args, " \t", -1);
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const Field     *list;
  Node            *node;
  Scope            scope;
  Stop             stop;
  guint            stop_line;
  g_autofree char *stop_args = NULL;
  gboolean         ok;

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add (parts, words[i]);
  if (parts->len != 3 || !g_str_equal (parts->pdata[1], "in"))
    {
      fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("Write a loop as “%% for NAME in LIST”."));
      return NULL;
    }
  list = find_field (parts->pdata[2]);
  if (list == NULL || (list->kind != FIELD_TEXT_LIST && list->kind != FIELD_OBJECT_LIST))
    {
      fail (error, DESK_LETTER_TEMPLATE_ERROR_FIELD, parser->file_name, line, _ ("“%s” is not a list; loops go over exhibits, reasons, requests, chain, actions or products."), (char *)parts->pdata[2]);
      return NULL;
    }
  if (find_field (parts->pdata[0]) || find_scope (parser, parts->pdata[0]) || !is_term_id (parts->pdata[0]))
    {
      fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("The loop name “%s” is taken or not a simple lower-case name."), (char *)parts->pdata[0]);
      return NULL;
    }
  node = g_new0 (Node, 1);
  node->kind = NODE_FOR;
  node->line = line;
  node->name = g_strdup (parts->pdata[0]);
  node->list = g_strdup (list->name);
  node->children = node_array_new ();
  scope.var = node->name;
  scope.list = list;
  g_ptr_array_add (parser->scopes, &scope);
  ok = parse_block (parser, source, node->children, FALSE, &stop, &stop_args, &stop_line, error);
  g_ptr_array_remove_index (parser->scopes, parser->scopes->len - 1);
  if (ok && stop != STOP_END)
    ok = fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, stop == STOP_EOF ? line : stop_line,
               stop == STOP_EOF ? _ ("“%% for” is not closed with “%% end”.") : _ ("“%% else” or “%% elif” outside “%% if”."));
  if (!ok)
    {
      node_free (node);
      return NULL;
    }
  return node;
}

static gboolean
is_section_name (const char *name)
{
  return is_term_id (name);
}

static Node *
parse_section (Parser     *parser,
               Source     *source,
               const char *args,
               guint       line,
               GError    **error)
{
  g_autofree char *name = g_strstrip (g_strdup (args));
  g_autofree char *stop_args = NULL;
  Node            *node;
  Stop             stop;
  guint            stop_line;

  if (!is_section_name (name))
    {
      fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("A section needs a lower-case name: “%% section opening”."));
      return NULL;
    }
  node = g_new0 (Node, 1);
  node->kind = NODE_SECTION;
  node->line = line;
  node->name = g_steal_pointer (&name);
  node->children = node_array_new ();
  if (!parse_block (parser, source, node->children, FALSE, &stop, &stop_args, &stop_line, error))
    {
      node_free (node);
      return NULL;
    }
  if (stop != STOP_END)
    {
      fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, stop == STOP_EOF ? line : stop_line,
            stop == STOP_EOF ? _ ("“%% section” is not closed with “%% end”.") : _ ("“%% else” or “%% elif” outside “%% if”."));
      node_free (node);
      return NULL;
    }
  return node;
}

static gboolean parse_source (Parser     *parser,
                              const char *file_name,
                              const char *text,
                              GPtrArray  *into,
                              gboolean    top,
                              GError    **error);

static gboolean
parse_include (Parser     *parser,
               const char *args,
               guint       line,
               GPtrArray  *into,
               gboolean    top,
               GError    **error)
{
  g_autofree char *name = g_strstrip (g_strdup (args));
  g_autofree char *file_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  gboolean ok;

  if (!*name || strchr (name, ' ') || strstr (name, ".."))
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, parser->file_name, line, _ ("Write “%% include NAME” with one partial name."));
  if (parser->include == NULL)
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_INCLUDE, parser->file_name, line, _ ("This template cannot include “%s”: partials are not available here."), name);
  if (g_ptr_array_find_with_equal_func (parser->includes, name, g_str_equal, NULL))
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_INCLUDE, parser->file_name, line, _ ("“%s” includes itself."), name);
  text = parser->include (name, &file_name, parser->include_data, &local);
  if (text == NULL)
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_INCLUDE, parser->file_name, line, _ ("Cannot include “%s”: %s"), name, local ? local->message : "");
  g_ptr_array_add (parser->includes, name);
  ok = parse_source (parser, file_name ? file_name : name, text, into, top, error);
  g_ptr_array_remove_index (parser->includes, parser->includes->len - 1);
  return ok;
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Parses lines into @into until "% end"/"% else"/"% elif" (reported in
 * *@stop) or the end of the source. At the top only sections, includes,
 * comments and blank lines are allowed. */
static gboolean
parse_block (Parser    *parser,
             Source    *source,
             GPtrArray *into,
             gboolean   top,
             Stop      *stop,
             char     **stop_args,
             guint     *stop_line,
             GError   **error)
{
  const char *saved_file = parser->file_name;

  parser->file_name = source->file_name;
  while (source->pos < source->n_lines)
    {
      const char      *text = source->lines[source->pos];
      guint            line = ++source->pos;
      g_autofree char *directive = NULL;
      const char      *args = "";
      Node            *node = NULL;
      char            *space;

      if (g_str_has_prefix (text, "%#"))
        continue;
      if (text[0] != '%' || g_str_has_prefix (text, "%%"))
        {
          if (top && is_blank (text))
            continue;
          if (top)
            return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, source->file_name, line, _ ("Text outside a section: put it between “%% section NAME” and “%% end”."));
          if (!(node = parse_text (parser, text[0] == '%' ? text + 1 : text, line, error)))
            return FALSE;
          g_ptr_array_add (into, node);
          continue;
        }
      directive = g_strstrip (g_strdup (text + 1));
      if ((space = strpbrk (directive, " \t")))
        {
          *space = '\0';
          args = space + 1;
        }
      if (g_str_equal (directive, "end") || g_str_equal (directive, "else") || g_str_equal (directive, "elif"))
        {
          if (top)
            return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, source->file_name, line, _ ("“%% %s” without an open block."), directive);
          if (!g_str_equal (directive, "elif") && !is_blank (args))
            return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, source->file_name, line, _ ("“%% %s” takes nothing after it."), directive);
          *stop = g_str_equal (directive, "end") ? STOP_END : g_str_equal (directive, "else") ? STOP_ELSE
                                                                                              : STOP_ELIF;
          *stop_args = g_strdup (args);
          *stop_line = line;
          parser->file_name = saved_file;
          return TRUE;
        }
      if (g_str_equal (directive, "include"))
        {
          if (!parse_include (parser, args, line, into, top, error))
            return FALSE;
          parser->file_name = source->file_name;
          continue;
        }
      if (g_str_equal (directive, "section"))
        {
          if (!top)
            return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, source->file_name, line, _ ("Sections cannot be nested or put inside “if” or “for”."));
          node = parse_section (parser, source, args, line, error);
        }
      else if (top)
        return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, source->file_name, line, _ ("“%% %s” outside a section."), directive);
      else if (g_str_equal (directive, "if"))
        node = parse_if (parser, source, args, line, error);
      else if (g_str_equal (directive, "for"))
        node = parse_for (parser, source, args, line, error);
      else
        return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, source->file_name, line, _ ("Unknown directive “%% %s”; use section, if, elif, else, for, include or end."), directive);
      if (node == NULL)
        return FALSE;
      parser->file_name = source->file_name;
      g_ptr_array_add (into, node);
    }
  *stop = STOP_EOF;
  parser->file_name = saved_file;
  return TRUE;
}

static gboolean
parse_source (Parser     *parser,
              const char *file_name,
              const char *text,
              GPtrArray  *into,
              gboolean    top,
              GError    **error)
{
  g_auto (GStrv) lines = NULL;
  g_autofree char *stop_args = NULL;
  Source           source = { 0 };
  Stop             stop;
  guint            stop_line;

  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, file_name, 1, _ ("The template is not valid UTF-8 text."));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    g_strchomp (lines[i]); /* also drops "\r" */
  source.lines = lines;
  source.n_lines = g_strv_length (lines);
  source.file_name = file_name;
  if (!parse_block (parser, &source, into, top, &stop, &stop_args, &stop_line, error))
    return FALSE;
  if (stop != STOP_EOF)
    return fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, file_name, stop_line, _ ("“%% end”, “%% else” or “%% elif” without an open block."));
  return TRUE;
}

DeskLetterTemplate *
desk_letter_template_parse (const char           *file_name,
                            const char           *text,
                            const char           *language,
                            DeskLetterIncludeFunc include,
                            gpointer              include_data,
                            GError              **error)
{
  g_autoptr (DeskLetterTemplate) self = g_new0 (DeskLetterTemplate, 1);
  g_autoptr (GPtrArray) scopes = g_ptr_array_new ();
  g_autoptr (GPtrArray) includes = g_ptr_array_new ();
  Parser parser = { file_name, include, include_data, scopes, includes };

  g_return_val_if_fail (file_name != NULL && text != NULL, NULL);
  self->file_name = g_strdup (file_name);
  self->separator = g_strdup (g_str_has_prefix (language ? language : "", "zh") ? "、" : ", ");
  self->sections = node_array_new ();
  if (!parse_source (&parser, file_name, text, self->sections, TRUE, error))
    return NULL;
  if (self->sections->len == 0)
    {
      fail (error, DESK_LETTER_TEMPLATE_ERROR_SYNTAX, file_name, 1, _ ("The template has no section."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Rendering */

typedef struct
{
  const char *var;
  JsonNode   *item;
} Binding;

typedef struct
{
  DeskLetterTemplate *self;
  JsonObject         *context;
  GArray             *bindings; /* Binding */
} Render;

static JsonNode *
member (JsonNode   *node,
        const char *name)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), name);
}

static JsonNode *
lookup (Render     *render,
        const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", 2);
  JsonNode *node = NULL;

  for (guint i = render->bindings->len; i > 0 && node == NULL; i--)
    {
      Binding *binding = &g_array_index (render->bindings, Binding, i - 1);

      if (g_str_equal (binding->var, parts[0]))
        node = binding->item;
    }
  if (node == NULL)
    node = json_object_get_member (render->context, parts[0]);
  return parts[1] ? member (node, parts[1]) : node;
}

static char *
node_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
      case G_TYPE_STRING:
        return g_strdup (json_node_get_string (node));
      case G_TYPE_INT64:
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      default:
        return g_strdup ("");
    }
}

static gboolean
truthy (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) > 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) > 0;
  switch (json_node_get_value_type (node))
    {
      case G_TYPE_BOOLEAN:
        return json_node_get_boolean (node);
      case G_TYPE_INT64:
        return json_node_get_int (node) != 0;
      case G_TYPE_STRING:
        return !is_blank (json_node_get_string (node));
      default:
        return FALSE;
    }
}

static void render_nodes (Render    *render,
                          GPtrArray *nodes,
                          GString   *out);

static void
render_text (Render  *render,
             Node    *node,
             GString *out)
{
  for (guint i = 0; i < node->segments->len; i++)
    {
      Segment  *segment = node->segments->pdata[i];
      JsonNode *value;

      if (segment->literal)
        {
          g_string_append (out, segment->literal);
          continue;
        }
      value = lookup (render, segment->path);
      if (segment->join && value && JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *array = json_node_get_array (value);

          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              g_autofree char *text = node_text (json_array_get_element (array, j));

              if (j > 0)
                g_string_append (out, render->self->separator);
              g_string_append (out, text);
            }
        }
      else if (!segment->join)
        {
          g_autofree char *text = node_text (value);
          g_string_append (out, text);
        }
    }
  if (!node->join_next)
    g_string_append_c (out, '\n');
}

static gboolean
branch_matches (Render *render,
                Branch *branch)
{
  JsonNode *value;
  gboolean  result;

  if (branch->path == NULL)
    return TRUE;
  value = lookup (render, branch->path);
  if (branch->equals)
    {
      g_autofree char *text = node_text (value);
      result = g_str_equal (text, branch->equals);
    }
  else
    result = truthy (value);
  return branch->negate ? !result : result;
}

static void
render_for (Render  *render,
            Node    *node,
            GString *out)
{
  JsonNode  *list = json_object_get_member (render->context, node->list);
  JsonArray *array;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return;
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Binding binding = { node->name, json_array_get_element (array, i) };

      g_array_append_val (render->bindings, binding);
      render_nodes (render, node->children, out);
      g_array_set_size (render->bindings, render->bindings->len - 1);
    }
}

static void
render_nodes (Render    *render,
              GPtrArray *nodes,
              GString   *out)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = nodes->pdata[i];

      switch (node->kind)
        {
          case NODE_TEXT:
            render_text (render, node, out);
            break;
          case NODE_IF:
            for (guint b = 0; b < node->branches->len; b++)
              if (branch_matches (render, node->branches->pdata[b]))
                {
                  render_nodes (render, ((Branch *)node->branches->pdata[b])->children, out);
                  break;
                }
            break;
          case NODE_FOR:
            render_for (render, node, out);
            break;
          case NODE_SECTION:
          default:
            render_nodes (render, node->children, out);
            break;
        }
    }
}

/* Trims trailing spaces on each line, blank lines at both ends, and runs of
 * blank lines to one. */
static char *
tidy (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean pending_blank = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      g_strchomp (lines[i]);
      if (!*lines[i])
        {
          pending_blank = out->len > 0;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, pending_blank ? "\n\n" : "\n");
      pending_blank = FALSE;
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

char *
desk_letter_template_render (DeskLetterTemplate *self,
                             JsonObject         *context)
{
  g_autoptr (GArray) bindings = g_array_new (FALSE, FALSE, sizeof (Binding));
  GString *letter = g_string_new (NULL);
  Render   render = { self, context, bindings };

  g_return_val_if_fail (self != NULL && context != NULL, NULL);
  for (guint i = 0; i < self->sections->len; i++)
    {
      Node *section = self->sections->pdata[i];
      g_autoptr (GString) raw = g_string_new (NULL);
      g_autofree char *text = NULL;

      render_nodes (&render, section->children, raw);
      text = tidy (raw->str);
      if (!*text)
        continue;
      if (letter->len > 0)
        g_string_append (letter, "\n\n");
      g_string_append (letter, text);
    }
  g_string_append_c (letter, '\n');
  return g_string_free (letter, FALSE);
}

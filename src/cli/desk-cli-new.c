/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-checklist.h"
#include "desk-cli.h"
#include "desk-json.h"
#include "desk-notice.h"
#include "desk-platform.h"
#include "desk-util.h"

typedef struct
{
  char  *platform;
  char  *type;
  char  *title;
  char  *case_id;
  char  *code;
  char **products;
  char  *notice_file;
  char  *received;
  char  *deadline;
  int    hours;
  char  *json_file;
  char  *notice_text; /* from the JSON file */
} NewOptions;

static void
new_options_clear (NewOptions *o)
{
  g_free (o->platform);
  g_free (o->type);
  g_free (o->title);
  g_free (o->case_id);
  g_free (o->code);
  g_strfreev (o->products);
  g_free (o->notice_file);
  g_free (o->received);
  g_free (o->deadline);
  g_free (o->json_file);
  g_free (o->notice_text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NewOptions, new_options_clear)

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
}

static gboolean
set_time (GDateTime **slot,
          const char *text,
          GError    **error)
{
  if (text == NULL)
    return TRUE;
  if (!(*slot = desk_time_from_iso8601 (text)))
    {
      g_autofree char *msg =
          /* Translators: %s is what the user typed */
          g_strdup_printf (_ ("“%s” is not a date. Use ISO 8601, e.g. 2026-11-24T18:00:00+08:00."), text);
      return invalid (error, msg);
    }
  return TRUE;
}

static gboolean
apply_enums (DeskCase   *kase,
             NewOptions *o,
             GError    **error)
{
  if (o->platform && desk_platform_from_id (o->platform) == DESK_PLATFORM_UNKNOWN)
    {
      /* Platforms are data: the built-in ones and those the user's packs add. */
      g_autofree char *ids = desk_platform_join_ids (", ");
      /* Translators: %s is a list of platform ids such as "aliexpress, shopee" */
      g_autofree char *message = g_strdup_printf (_ ("Unknown platform. Use one of: %s."), ids);

      return invalid (error, message);
    }
  if (o->type && desk_case_type_from_id (o->type) == DESK_CASE_TYPE_UNKNOWN)
    return invalid (error, _ ("Unknown case type. Use one of: listing-takedown, qualification-missing, quality-inspection, ip-complaint, store-complaint, activity-exit, reseller, account-health."));
  if (o->platform)
    desk_case_set_platform (kase, desk_platform_from_id (o->platform));
  if (o->type)
    desk_case_set_case_type (kase, desk_case_type_from_id (o->type));
  return TRUE;
}

static void
apply_strings (DeskCase   *kase,
               NewOptions *o)
{
  if (o->title)
    desk_case_set_title (kase, o->title);
  if (o->case_id)
    desk_case_set_platform_case_id (kase, o->case_id);
  if (o->code)
    desk_case_set_violation_code (kase, o->code);
  if (o->products)
    desk_case_set_product_ids (kase, (const char *const *)o->products);
}

static gboolean
apply_times (DeskCase   *kase,
             NewOptions *o,
             GError    **error)
{
  g_autoptr (GDateTime) received = NULL;
  g_autoptr (GDateTime) deadline = NULL;

  if (!set_time (&received, o->received, error) || !set_time (&deadline, o->deadline, error))
    return FALSE;
  if (received == NULL && desk_case_get_received_at (kase) == NULL)
    received = g_date_time_new_now_utc ();
  if (received)
    desk_case_set_received_at (kase, received);
  if (deadline == NULL && o->hours > 0)
    deadline = g_date_time_add_hours (desk_case_get_received_at (kase), o->hours);
  if (deadline)
    desk_case_set_deadline_at (kase, deadline);
  return TRUE;
}

#define JSON_MAX_SIZE  (16 * 1024 * 1024)
#define JSON_MAX_DEPTH 16

/* Checked before json-glib sees the bytes: it recurses once per level and
 * cuts strings at a \u0000. */
static char *
read_json_file (const char *path,
                gsize      *len,
                GError    **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *data = NULL;
  g_autofree char *msg = NULL;
  guint            line = 0;

  if (info && g_file_info_get_size (info) > JSON_MAX_SIZE)
    {
      invalid (error, _ ("The JSON file is too large for one case (more than 16 MB). Check that it is the right file."));
      return NULL;
    }
  if (!(data = desk_cli_read_file (path, len, error)))
    return NULL;
  switch (desk_json_check_bounds (data, *len, JSON_MAX_SIZE, JSON_MAX_DEPTH, &line))
    {
      case DESK_JSON_OK:
        return g_steal_pointer (&data);
      case DESK_JSON_TOO_LARGE:
        invalid (error, _ ("The JSON file is too large for one case (more than 16 MB). Check that it is the right file."));
        return NULL;
      case DESK_JSON_TOO_DEEP:
        /* Translators: %u is a line number */
        msg = g_strdup_printf (_ ("The JSON file nests lists and groups far too deeply (line %u). A case is one flat object, as “appeal-desk-cli --json show” prints it."), line);
        break;
      case DESK_JSON_NUL:
      default:
        /* Translators: %u is a line number; \u0000 is literal */
        msg = g_strdup_printf (_ ("The JSON file holds an invisible “NUL” character (written \\u0000 or a zero byte) at line %u, which would cut the text short. Delete it and try again."), line);
        break;
    }
  invalid (error, msg);
  return NULL;
}

/* JSON uses the keys "appeal-desk-cli --json show" prints. */
static gboolean
read_json_options (NewOptions *o,
                   const char *path,
                   GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  JsonObject      *obj;
  JsonNode        *root;
  gsize            len = 0;

  if (!(data = read_json_file (path, &len, error)))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, len, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, _ ("The JSON file must hold one object with the case’s fields."));
  obj = json_node_get_object (root);
#define TAKE(field, key)                                                                                           \
  if (!o->field && json_object_has_member (obj, key) && JSON_NODE_HOLDS_VALUE (json_object_get_member (obj, key))) \
    o->field = g_strdup (json_object_get_string_member (obj, key));
  TAKE (platform, "platform")
  TAKE (type, "case_type")
  TAKE (title, "title")
  TAKE (case_id, "platform_case_id")
  TAKE (code, "violation_code")
  TAKE (received, "received_at")
  TAKE (deadline, "deadline_at")
#undef TAKE
  if (!o->products && json_object_has_member (obj, "product_ids"))
    {
      JsonArray *arr = json_object_get_array_member (obj, "product_ids");
      g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

      for (guint i = 0; arr && i < json_array_get_length (arr); i++)
        g_strv_builder_add (b, json_array_get_string_element (arr, i));
      o->products = g_strv_builder_end (b);
    }
  if (json_object_has_member (obj, "notice_text"))
    o->notice_text = g_strdup (json_object_get_string_member (obj, "notice_text"));
  return TRUE;
}

static gboolean
apply_notice (DeskCase   *kase,
              NewOptions *o,
              GError    **error)
{
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize            len = 0;

  if (o->notice_file == NULL && o->notice_text == NULL)
    return TRUE;
  if (o->notice_file == NULL)
    text = g_strdup (o->notice_text);
  else if (!(data = desk_cli_read_file (o->notice_file, &len, error)))
    return FALSE;
  /* The real length: a NUL would cut the notice short without a word. */
  else if (!(text = desk_notice_text_from_data (data, len, error)))
    return FALSE;
  desk_case_set_notice_text (kase, text);
  return TRUE;
}

int
desk_cli_new (DeskCliContext *ctx,
              GError        **error)
{
  g_auto (NewOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "platform", 'p', 0, G_OPTION_ARG_STRING, &o.platform, N_ ("Platform id, e.g. shopee"), N_ ("PLATFORM") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &o.type, N_ ("Case type id, e.g. ip-complaint"), N_ ("TYPE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_ ("Case title"), N_ ("TEXT") },
    { "case-id", 0, 0, G_OPTION_ARG_STRING, &o.case_id, N_ ("The platform’s issue or case ID"), N_ ("ID") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &o.code, N_ ("Violation code, e.g. IP-01"), N_ ("CODE") },
    { "product", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.products, N_ ("Affected product ID (repeat for more)"), N_ ("ID") },
    { "notice", 0, 0, G_OPTION_ARG_FILENAME, &o.notice_file, N_ ("File with the notice text (- for standard input); platform, type, IDs, products and deadline are read from it unless given"), N_ ("FILE") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &o.received, N_ ("When the notice arrived (ISO 8601; default now)"), N_ ("TIME") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &o.deadline, N_ ("Response deadline (ISO 8601)"), N_ ("TIME") },
    { "hours", 0, 0, G_OPTION_ARG_INT, &o.hours, N_ ("Deadline as hours after the notice"), N_ ("N") },
    { "from-json", 0, 0, G_OPTION_ARG_FILENAME, &o.json_file, N_ ("Read the fields from a JSON object"), N_ ("FILE") },
    { NULL }
  };
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_UNKNOWN, DESK_CASE_TYPE_UNKNOWN, "");
  DeskIntakeSource deadline_source;

  if (!desk_cli_parse (ctx, "", _ ("Create a case."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  desk_cli_report_rule_problems (ctx);
  if (o.json_file && !read_json_options (&o, o.json_file, error))
    return DESK_CLI_EXIT_USAGE;
  if (!apply_enums (kase, &o, error) || !apply_times (kase, &o, error))
    return DESK_CLI_EXIT_USAGE;
  apply_strings (kase, &o);
  if (!apply_notice (kase, &o, error))
    return DESK_CLI_EXIT_FAILED;
  deadline_source = desk_case_get_deadline_at (kase) ? DESK_INTAKE_SOURCE_SELLER : DESK_INTAKE_SOURCE_NONE;
  if (!desk_cli_new_decode_notice (ctx, kase, &deadline_source, error))
    return DESK_CLI_EXIT_USAGE;
  if (!desk_intake_create_case (ctx->session, kase, DESK_INTAKE_ORIGIN_COMMAND_LINE, deadline_source, NULL, error))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      desk_case_to_json (kase, builder);
      desk_cli_print_json (builder);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, desk_case_get_id (kase));

      /* Translators: %s is the case number */
      printf (_ ("Created case %s.\n"), id);
      desk_cli_checklist_print_created (ctx, kase);
    }
  return 0;
}

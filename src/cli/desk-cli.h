/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-intake.h"
#include "desk-session.h"

G_BEGIN_DECLS

typedef struct
{
  DeskSession *session;
  DeskStore   *store; /* desk_session_get_store (session), borrowed */
  gboolean     json;
  int          argc; /* the subcommand's arguments, argv[0] = subcommand */
  char       **argv;
} DeskCliContext;

typedef int (*DeskCliCommand) (DeskCliContext *ctx, GError **error);

/* Exit codes: 0 ok, 1 operation failed, 2 usage error. */
#define DESK_CLI_EXIT_FAILED 1
#define DESK_CLI_EXIT_USAGE  2

/* Parses the subcommand's own options; on failure sets @error (usage). */
gboolean desk_cli_parse (DeskCliContext *ctx,
                         const char     *parameter_string,
                         const char     *summary,
                         GOptionEntry   *entries,
                         GError        **error);
/* @text followed by spaces up to @width terminal cells (CJK counts two). */
char  *desk_cli_pad (const char *text,
                     int         width);
gint64 desk_cli_parse_id (const char *text,
                          GError    **error);
void   desk_cli_print_json (JsonBuilder *builder);
char  *desk_cli_read_file (const char *path,
                           gsize      *len,
                           GError    **error);
/* A whole text file ("-": standard input), refused when it holds a NUL. */
char *desk_cli_read_text (const char *path,
                          GError    **error);

int desk_cli_list (DeskCliContext *ctx, GError **error);
int desk_cli_show (DeskCliContext *ctx, GError **error);
int desk_cli_new (DeskCliContext *ctx, GError **error);
int desk_cli_delete (DeskCliContext *ctx, GError **error);
int desk_cli_demo (DeskCliContext *ctx, GError **error);
int desk_cli_checklist (DeskCliContext *ctx, GError **error);
int desk_cli_attempt (DeskCliContext *ctx, GError **error);
int desk_cli_attempts (DeskCliContext *ctx, GError **error);
int desk_cli_evidence (DeskCliContext *ctx, GError **error);
int desk_cli_decode (DeskCliContext *ctx, GError **error);
/* Fields with their roles and source lines, then stated figures (desk-cli-decode.c). */
void desk_cli_print_notice_fields (GPtrArray *fields,
                                   GPtrArray *facts);
int  desk_cli_letter (DeskCliContext *ctx, GError **error);
int  desk_cli_lint (DeskCliContext *ctx, GError **error);
int  desk_cli_package (DeskCliContext *ctx, GError **error);
int  desk_cli_verify (DeskCliContext *ctx, GError **error);
int  desk_cli_timeline (DeskCliContext *ctx, GError **error);
int  desk_cli_reply (DeskCliContext *ctx, GError **error);
int  desk_cli_close (DeskCliContext *ctx, GError **error);
int  desk_cli_reopen (DeskCliContext *ctx, GError **error);
int  desk_cli_report (DeskCliContext *ctx, GError **error);
int  desk_cli_chain (DeskCliContext *ctx, GError **error);
int  desk_cli_profile (DeskCliContext *ctx, GError **error);
/* desk-cli-demo-chain.c: the demo's authorization chains (Shopee with gaps, Joom clean). */
gboolean desk_cli_demo_chain (DeskCliContext *ctx, DeskCase *kase, GError **error);
int      desk_cli_metrics (DeskCliContext *ctx, GError **error);
int      desk_cli_post_mortem (DeskCliContext *ctx, GError **error);
int      desk_cli_watch (DeskCliContext *ctx, GError **error);
int      desk_cli_capture (DeskCliContext *ctx, GError **error);
/* Tells how many items a new case's evidence checklist has
 * (desk-cli-checklist.c). */
void desk_cli_checklist_print_created (DeskCliContext *ctx, DeskCase *kase);
/* Says on stderr, once per run, which of the user's rule packs were not
 * used and why (the built-in rules apply instead). */
void desk_cli_report_rule_problems (DeskCliContext *ctx);
/* For the demo: the checklist with some items done, and an earlier appeal. */
gboolean desk_cli_checklist_demo (DeskCliContext *ctx, DeskCase *kase, guint index, GError **error);

/* For the demo: what happened after submission (desk-cli-tracking.c). */
gboolean desk_cli_tracking_demo (DeskCliContext *ctx,
                                 DeskCase       *kase,
                                 guint           index,
                                 GDateTime      *now,
                                 GError        **error);

/* desk-cli-new-decode.c: fills what the options left empty from the notice
 * and the rules (desk-intake.h); *@deadline_source tells where the deadline
 * came from. */
gboolean desk_cli_new_decode_notice (DeskCliContext   *ctx,
                                     DeskCase         *kase,
                                     DeskIntakeSource *deadline_source,
                                     GError          **error);

G_END_DECLS

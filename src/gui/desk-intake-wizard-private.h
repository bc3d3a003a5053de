/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-intake-wizard.h"
#include "desk-notice-reading-view.h"
#include "desk-intake.h"
#include "desk-notice.h"

G_BEGIN_DECLS

/* The notice comes first: it is what the seller has in hand, and platform
 * and case type are then shown already chosen from it, with the reason. */
typedef enum
{
  DESK_WIZARD_PAGE_NOTICE,
  DESK_WIZARD_PAGE_PLATFORM,
  DESK_WIZARD_PAGE_CASE_TYPE,
  DESK_WIZARD_PAGE_PRODUCTS,
  DESK_WIZARD_PAGE_DEADLINE,
  DESK_WIZARD_PAGE_SUMMARY,
} DeskWizardPage;

#define DESK_WIZARD_N_PAGES (DESK_WIZARD_PAGE_SUMMARY + 1)

/* Milliseconds between the last edit of the notice and the automatic decode. */
#define DESK_WIZARD_DECODE_DELAY_MS 400

struct _DeskIntakeWizard
{
  AdwWindow parent_instance;

  DeskSession      *session;
  DeskRuleRegistry *registry; /* the session's */

  DeskWizardPage  page;
  DeskPlatform    platform;
  DeskCaseType    case_type;
  GPtrArray      *platform_checks;    /* GtkCheckButton* or NULL, index = DeskPlatform */
  GPtrArray      *type_rows;          /* AdwActionRow on the type page */
  gboolean        platform_by_seller; /* not to be overridden by the notice */
  gboolean        type_by_seller;
  gboolean        choosing;      /* a choice made by code, not a click */
  char           *platform_help; /* the groups' own descriptions */
  char           *type_help;
  GtkCheckButton *type_group_leader; /* radio group of the type rows */

  DeskNotice   *notice; /* last decode, NULL when none */
  GCancellable *decode_cancellable;
  guint         decode_source;
  gboolean      decoding;
  char         *filled_case_id; /* what the decoder last put in */
  char         *filled_code;

  GPtrArray *products; /* char *, in order */
  GPtrArray *product_rows;

  GDateTime       *received_at;
  GDateTime       *deadline_at; /* NULL: no deadline */
  DeskIntakeSource deadline_basis;
  gboolean         received_valid;
  gboolean         deadline_valid;
  gboolean         typing_received;
  guint            countdown_source;

  GPtrArray *summary_rows;
  GPtrArray *checklist_rows;
  gboolean   title_edited;

  gboolean          updating; /* setting entries from code */
  gboolean          discard_confirmed;
  AdwMessageDialog *discard_dialog; /* weak */

  /* template */
  AdwWindowTitle        *window_title;
  GtkLabel              *step_label;
  GtkWidget             *cancel_button;
  GtkWidget             *back_button;
  GtkWidget             *next_button;
  GtkWidget             *create_button;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *stack;
  AdwPreferencesGroup   *platform_group;
  AdwPreferencesGroup   *type_group;
  GtkTextView           *notice_view;
  GtkWidget             *decode_spinner;
  GtkWidget             *read_button;
  AdwActionRow          *suggestion_row;
  GtkButton             *suggestion_button;
  AdwEntryRow           *case_id_row;
  AdwEntryRow           *code_row;
  DeskNoticeReadingView *reading_view; /* what was read, with source lines */
  GtkLabel              *confidence_label;
  AdwEntryRow           *add_product_row;
  GtkWidget             *add_product_button;
  AdwPreferencesGroup   *products_group;
  GtkWidget             *no_products_row;
  AdwEntryRow           *received_row;
  AdwEntryRow           *deadline_row;
  AdwActionRow          *basis_row;
  GtkWidget             *reset_deadline_button;
  GtkLabel              *countdown_label;
  AdwEntryRow           *title_row;
  AdwPreferencesGroup   *summary_group;
  AdwPreferencesGroup   *checklist_group;
};

/* desk-intake-wizard-state.c: shared by the wizard and its pages, and
 * below all of them. */
void               _desk_intake_wizard_set_name (GtkWidget  *widget,
                                                 const char *name,
                                                 const char *description);
DeskRulePack      *_desk_intake_wizard_get_pack (DeskIntakeWizard *self);
char              *_desk_intake_wizard_get_notice_text (DeskIntakeWizard *self);
const char *const *_desk_intake_wizard_get_products (DeskIntakeWizard *self);
void               _desk_intake_wizard_toast (DeskIntakeWizard *self,
                                              const char       *message);
gboolean           _desk_intake_wizard_page_is_valid (DeskIntakeWizard *self,
                                                      DeskWizardPage    page);
gboolean           _desk_intake_wizard_all_pages_valid (DeskIntakeWizard *self);
void               _desk_intake_wizard_update_buttons (DeskIntakeWizard *self);
/* The row's text without surrounding blanks. */
char *_desk_intake_wizard_entry_text (AdwEntryRow *row);

/* desk-intake-wizard-choice.c: platform and case type pages. */
void _desk_intake_wizard_choice_init (DeskIntakeWizard *self);
void _desk_intake_wizard_fill_types (DeskIntakeWizard *self);
void _desk_intake_wizard_focus_choice (DeskIntakeWizard *self,
                                       DeskWizardPage    page);
/* On leaving the notice page: platform and case type from the notice
 * (unless the seller chose them), and the reason shown on their pages. */
void _desk_intake_wizard_choose_from_notice (DeskIntakeWizard *self);
void _desk_intake_wizard_choice_dispose (DeskIntakeWizard *self);

/* desk-intake-wizard-notice.c: notice and products pages. */
void _desk_intake_wizard_notice_init (DeskIntakeWizard *self);
void _desk_intake_wizard_notice_dispose (DeskIntakeWizard *self);
void _desk_intake_wizard_update_suggestion (DeskIntakeWizard *self);

/* desk-intake-wizard-deadline.c: deadline and summary pages. */
void _desk_intake_wizard_deadline_init (DeskIntakeWizard *self);
void _desk_intake_wizard_deadline_dispose (DeskIntakeWizard *self);
void _desk_intake_wizard_update_deadline (DeskIntakeWizard *self);
void _desk_intake_wizard_fill_summary (DeskIntakeWizard *self);
/* "<first product or first words of the notice> — <case type>" */
char *_desk_intake_wizard_suggest_title (DeskIntakeWizard *self);

/* For tests: act as the seller does, through the same code paths. */
gboolean          _desk_intake_wizard_choose_platform (DeskIntakeWizard *self,
                                                       DeskPlatform      platform);
gboolean          _desk_intake_wizard_choose_case_type (DeskIntakeWizard *self,
                                                        DeskCaseType      case_type);
void              _desk_intake_wizard_paste_notice (DeskIntakeWizard *self,
                                                    const char       *text);
void              _desk_intake_wizard_add_product (DeskIntakeWizard *self,
                                                   const char       *text);
DeskWizardPage    _desk_intake_wizard_get_page (DeskIntakeWizard *self);
gboolean          _desk_intake_wizard_is_decoding (DeskIntakeWizard *self);
DeskNotice       *_desk_intake_wizard_get_notice (DeskIntakeWizard *self);
GDateTime        *_desk_intake_wizard_get_received (DeskIntakeWizard *self);
GDateTime        *_desk_intake_wizard_get_deadline (DeskIntakeWizard *self);
DeskIntakeSource  _desk_intake_wizard_get_deadline_basis (DeskIntakeWizard *self);
AdwMessageDialog *_desk_intake_wizard_get_discard_dialog (DeskIntakeWizard *self);

G_END_DECLS

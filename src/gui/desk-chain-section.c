/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain-section"

#include "config.h"

#include <glib/gi18n.h>

#include "chain/desk-chain-store.h"
#include "desk-chain-editor.h"
#include "desk-chain-section.h"
#include "desk-case-section.h"

#define SHOWN_GAPS 3

struct _DeskChainSection
{
  AdwBin parent_instance;

  DeskSession *session;
  DeskStore   *store; /* the session's */
  gint64       case_id;

  AdwPreferencesGroup *group;
  GtkListBox          *gap_list;
};

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskChainSection, desk_chain_section, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

static GtkWidget *
row_new (const char *icon,
         const char *css,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (css)
    gtk_widget_add_css_class (image, css);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
describe_chain (DeskChainSection *self,
                const DeskChain  *chain)
{
  g_autofree char *text = NULL;

  if (chain == NULL)
    text = g_strdup (_ ("No chain entered yet. A brand’s chain is entered once and reused by all its cases."));
  else
    /* Translators: "SoundPeak: 2 links from SoundPeak Audio Co., Ltd. to you" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u link from %s to you", "%s: %u links from %s to you", chain->links->len),
                            chain->brand, chain->links->len, *chain->owner ? chain->owner : "—");
  adw_preferences_group_set_description (self->group, text);
}

static void
reload (DeskChainSection *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCaseChain) info = NULL;
  g_autoptr (DeskChain) chain = NULL;
  g_autoptr (GPtrArray) gaps = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gap_list))))
    gtk_list_box_remove (self->gap_list, child);
  if (self->store == NULL || self->case_id == 0)
    return;
  info = desk_case_chain_get (self->store, self->case_id, NULL);
  if (info && info->chain_id > 0)
    chain = desk_chain_get (self->store, info->chain_id, NULL);
  describe_chain (self, chain);
  if (!(gaps = desk_chain_check_case (self->session, self->case_id, NULL, &error)))
    {
      gtk_list_box_append (self->gap_list, row_new ("dialog-error-symbolic", "error", error->message, NULL));
      return;
    }
  for (guint i = 0; i < gaps->len && i < SHOWN_GAPS; i++)
    {
      const DeskChainGap *gap = gaps->pdata[i];
      g_autofree char    *title = desk_chain_gap_describe (gap);

      gtk_list_box_append (self->gap_list,
                           row_new (gap->severity == DESK_CHAIN_SEVERITY_BLOCKING ? "dialog-error-symbolic" : gap->severity == DESK_CHAIN_SEVERITY_RISKY ? "dialog-warning-symbolic"
                                                                                                                                                         : "dialog-information-symbolic",
                                    gap->severity == DESK_CHAIN_SEVERITY_BLOCKING ? "error" : gap->severity == DESK_CHAIN_SEVERITY_RISKY ? "warning"
                                                                                                                                         : "accent",
                                    title, gap->fix));
    }
  if (gaps->len > SHOWN_GAPS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more gap: open the editor to see it", "%u more gaps: open the editor to see them", gaps->len - SHOWN_GAPS),
                                               gaps->len - SHOWN_GAPS);

      gtk_list_box_append (self->gap_list, row_new ("view-more-symbolic", NULL, more, NULL));
    }
  if (gaps->len == 0)
    gtk_list_box_append (self->gap_list, row_new ("emblem-ok-symbolic", "success", _ ("No gaps: the chain covers this case"), NULL));
}

GtkWidget *
desk_chain_section_edit (DeskChainSection *self)
{
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (self));
  DeskChainEditor *editor;

  g_return_val_if_fail (DESK_IS_CHAIN_SECTION (self), NULL);
  if (self->store == NULL || self->case_id == 0)
    return NULL;
  editor = desk_chain_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, self->case_id);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WIDGET (editor);
}

static void
on_edit_clicked (DeskChainSection *self)
{
  desk_chain_section_edit (self);
}

static void
desk_chain_section_dispose (GObject *object)
{
  DeskChainSection *self = (DeskChainSection *)object;

  /* No gtk_widget_dispose_template(): the group is AdwBin's child, which
   * AdwBin unparents itself. */
  self->store = NULL;
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_chain_section_parent_class)->dispose (object);
}

static void
desk_chain_section_class_init (DeskChainSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = desk_chain_section_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-chain-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskChainSection, group);
  gtk_widget_class_bind_template_child (widget_class, DeskChainSection, gap_list);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
}

static void
desk_chain_section_init (DeskChainSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DeskChainSection *
desk_chain_section_new (void)
{
  return g_object_new (DESK_TYPE_CHAIN_SECTION, NULL);
}

/* Chains are shared by a brand's cases: any chain change may concern this one. */
static void
on_session_changed (DeskChainSection *self,
                    const char       *part,
                    gint64            case_id)
{
  if (case_id == 0 || case_id == self->case_id)
    reload (self);
}

void
desk_chain_section_set_case (DeskChainSection *self,
                             DeskSession      *session,
                             gint64            case_id)
{
  g_return_if_fail (DESK_IS_CHAIN_SECTION (self));
  if (self->session != session)
    {
      if (self->session)
        g_signal_handlers_disconnect_by_data (self->session, self);
      g_set_object (&self->session, session);
      self->store = session ? desk_session_get_store (session) : NULL;
      if (session)
        {
          g_signal_connect_object (session, "changed::" DESK_CHAIN_PART, G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (session, "changed::" DESK_SELLER_PROFILE_PART, G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (session, "changed::evidence", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
        }
    }
  self->case_id = case_id;
  reload (self);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_chain_section_set_case;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-chain-editor-private.h"
#include "desk-evidence-store.h"
#include "desk-platform.h"
#include "desk-util.h"

/* The cards of the chain editor: one per company and one per letter, bound
 * to the DeskChain being edited. Typing updates the chain in memory and
 * has the gaps checked again (desk-chain-editor-gaps.c); the editor saves. */

typedef enum
{
  BIND_TEXT,      /* char **, never NULL */
  BIND_OPTIONAL,  /* char **, NULL when empty */
  BIND_DATE,      /* char **, YYYY-MM-DD or NULL */
  BIND_LIST,      /* GStrv *, comma-separated */
  BIND_COUNTRIES, /* GStrv *, two-letter codes */
  BIND_COUNTRY,   /* char **, one two-letter code or NULL */
  BIND_PLATFORMS, /* GStrv *, platform ids from names or ids */
  BIND_ALIASES,   /* DeskChainLink * (grantee) or NULL (owner): the party's aliases */
} BindKind;

typedef struct
{
  DeskChainEditor *self;
  BindKind         kind;
  gpointer         field;
  GtkLabel        *mirror; /* shows the new text too (a party card's title), or NULL */
} Binding;

static void
free_binding (gpointer  data,
              GClosure *closure)
{
  g_free (data);
}

static void
free_picker (gpointer data,
             GObject *where_the_object_was)
{
  g_free (data);
}

char *
_desk_chain_editor_field_key (int link,
                              int trademark,
                              int field)
{
  if (link >= 0)
    return g_strdup_printf ("L%d:%d", link, field);
  if (trademark >= 0)
    return g_strdup_printf ("T%d:%d", trademark, field);
  return g_strdup_printf ("F%d", field);
}

static void
register_field (DeskChainEditor *self,
                int              link,
                int              trademark,
                DeskChainField   field,
                GtkWidget       *widget)
{
  g_hash_table_replace (self->field_widgets, _desk_chain_editor_field_key (link, trademark, field), widget);
}

/* Text ↔ values */

static GStrv
split_list (const char *text)
{
  g_auto (GStrv) parts = g_regex_split_simple ("[,，、;；\\n]+", text, 0, 0);
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i])
        g_strv_builder_add (b, parts[i]);
    }
  return g_strv_builder_end (b);
}

static char *
join_list (GStrv strv)
{
  return strv ? g_strjoinv (", ", strv) : g_strdup ("");
}

static DeskPlatform
platform_from_text (const char *text)
{
  g_autofree char *folded = desk_text_fold (text);
  DeskPlatform     p;

  g_strdelimit (folded, " _", '-');
  if ((p = desk_platform_from_id (folded)) != DESK_PLATFORM_UNKNOWN)
    return p;
  for (guint i = DESK_PLATFORM_UNKNOWN + 1; i < desk_platform_get_count (); i++)
    {
      g_autofree char *label = desk_text_fold (desk_platform_get_label (i));

      if (g_str_equal (label, text) || g_str_has_prefix (label, folded))
        return i;
    }
  return DESK_PLATFORM_UNKNOWN;
}

static char *
platforms_text (GStrv ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids && ids[i]; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", desk_platform_get_label (desk_platform_from_id (ids[i])));
  return g_string_free (out, FALSE);
}

static gboolean
valid_date (const char *text)
{
  int y, m, d;

  return strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y);
}

static DeskChainParty *
party_for (DeskChain  *chain,
           const char *name)
{
  DeskChainParty *party = (DeskChainParty *)desk_chain_find_party (chain, name);

  if (party == NULL)
    {
      party = desk_chain_party_new (name);
      g_ptr_array_add (chain->parties, party);
    }
  return party;
}

static char *
aliases_text (DeskChain  *chain,
              const char *name)
{
  const DeskChainParty *party = desk_chain_find_party (chain, name);

  return party ? join_list (party->aliases) : g_strdup ("");
}

/* Returns FALSE when @text is not valid for the kind (the model is kept). */
static gboolean
apply_text (Binding    *b,
            const char *text)
{
  g_auto (GStrv) list = NULL;

  switch (b->kind)
    {
      case BIND_TEXT:
      case BIND_OPTIONAL:
        g_free (*(char **)b->field);
        *(char **)b->field = (*text || b->kind == BIND_TEXT) ? g_strstrip (g_strdup (text)) : NULL;
        return TRUE;
      case BIND_DATE:
        if (*text && !valid_date (text))
          return FALSE;
        g_free (*(char **)b->field);
        *(char **)b->field = *text ? g_strdup (text) : NULL;
        return TRUE;
      case BIND_COUNTRY:
        {
          g_autofree char *up = g_ascii_strup (g_strstrip (g_strdup (text)), -1);

          if (*up && !g_regex_match_simple ("^[A-Z]{2}$", up, 0, 0))
            return FALSE;
          g_free (*(char **)b->field);
          *(char **)b->field = *up ? g_steal_pointer (&up) : NULL;
          return TRUE;
        }
      case BIND_LIST:
      case BIND_COUNTRIES:
      case BIND_PLATFORMS:
        list = split_list (text);
        for (guint i = 0; list[i]; i++)
          {
            if (b->kind == BIND_COUNTRIES)
              {
                g_autofree char *up = g_ascii_strup (list[i], -1);

                if (!g_regex_match_simple ("^[A-Z]{2}$", up, 0, 0))
                  return FALSE;
                g_free (list[i]);
                list[i] = g_steal_pointer (&up);
              }
            else if (b->kind == BIND_PLATFORMS)
              {
                DeskPlatform p = platform_from_text (list[i]);

                if (p == DESK_PLATFORM_UNKNOWN)
                  return FALSE;
                g_free (list[i]);
                list[i] = g_strdup (desk_platform_to_id (p));
              }
          }
        g_strfreev (*(GStrv *)b->field);
        *(GStrv *)b->field = g_steal_pointer (&list);
        return TRUE;
      case BIND_ALIASES:
        {
          DeskChainLink  *link = b->field;
          DeskChainParty *party = party_for (b->self->chain, link ? link->grantee : b->self->chain->owner);

          g_strfreev (party->aliases);
          party->aliases = split_list (text);
          return TRUE;
        }
      default:
        g_assert_not_reached ();
    }
}

static void
on_entry_changed (GtkEditable *editable,
                  Binding     *b)
{
  const char *text = gtk_editable_get_text (editable);

  if (b->self->building)
    return;
  if (apply_text (b, text))
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  if (b->mirror)
    gtk_label_set_text (b->mirror, *text ? text : _ ("(name not entered)"));
  _desk_chain_editor_changed (b->self);
}

static GtkWidget *
entry_row (DeskChainEditor *self,
           const char      *title,
           BindKind         kind,
           gpointer         field,
           const char      *text,
           GtkLabel        *mirror)
{
  GtkWidget *row = adw_entry_row_new ();
  Binding   *b = g_new0 (Binding, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  b->self = self;
  b->kind = kind;
  b->field = field;
  b->mirror = mirror;
  g_signal_connect_data (row, "changed", G_CALLBACK (on_entry_changed), b, free_binding, 0);
  return row;
}

static GtkWidget *
list_entry_row (DeskChainEditor *self,
                const char      *title,
                BindKind         kind,
                GStrv           *field)
{
  g_autofree char *text = kind == BIND_PLATFORMS ? platforms_text (*field) : join_list (*field);

  return entry_row (self, title, kind, field, text, NULL);
}

static void
on_switch (GObject    *sw,
           GParamSpec *pspec,
           gpointer    data)
{
  DeskChainEditor *self = g_object_get_data (sw, "desk-editor");
  gboolean         active = gtk_switch_get_active (GTK_SWITCH (sw));

  if (self->building)
    return;
  if (GPOINTER_TO_INT (g_object_get_data (sw, "desk-scope")))
    *(DeskChainScope *)data = active ? DESK_CHAIN_SCOPE_LISTED_PRODUCTS : DESK_CHAIN_SCOPE_ALL_PRODUCTS;
  else
    *(gboolean *)data = active;
  _desk_chain_editor_changed (self);
}

static GtkWidget *
switch_row (DeskChainEditor *self,
            const char      *title,
            const char      *subtitle,
            gpointer         field,
            gboolean         is_scope,
            GtkWidget      **switch_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  gboolean   active = is_scope ? *(DeskChainScope *)field == DESK_CHAIN_SCOPE_LISTED_PRODUCTS : *(gboolean *)field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* The switch's own data: which editor and whether it is the scope. */
  g_object_set_data (G_OBJECT (sw), "desk-editor", self);
  g_object_set_data (G_OBJECT (sw), "desk-scope", GINT_TO_POINTER (is_scope));
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_switch), field);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  if (switch_out)
    *switch_out = sw;
  return row;
}

/* Documents */

typedef struct
{
  DeskChainEditor *self;
  GArray          *documents;   /* a link's, or NULL */
  gint64          *certificate; /* a trademark's, or NULL */
  AdwActionRow    *row;
  GtkListBox      *choices;
  GtkPopover      *popover;
} DocPicker;

static char *
documents_text (DeskChainEditor *self,
                DocPicker       *p)
{
  GString *out = g_string_new (NULL);
  guint    n = p->documents ? p->documents->len : (*p->certificate > 0);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = p->documents ? g_array_index (p->documents, gint64, i) : *p->certificate;
      g_autoptr (DeskEvidence) ev = desk_evidence_get (self->store, id, NULL);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      /* Translators: %s is an evidence number */
      g_autofree char *name = ev ? desk_evidence_dup_display_name (ev) : g_strdup_printf (_ ("missing file #%s"), number);

      g_string_append_printf (out, "%s%s", i ? ", " : "", name);
    }
  if (out->len == 0)
    g_string_append (out, _ ("None chosen"));
  return g_string_free (out, FALSE);
}

static void
update_documents_row (DocPicker *p)
{
  g_autofree char *text = documents_text (p->self, p);

  adw_action_row_set_subtitle (p->row, text);
}

static gint64
first_document (DocPicker *p)
{
  if (p->documents)
    return p->documents->len ? g_array_index (p->documents, gint64, 0) : 0;
  return *p->certificate;
}

/* Shows a document beside the form and reveals the pane. */
static void
preview_document (DeskChainEditor *self,
                  gint64           evidence_id)
{
  desk_chain_preview_show (self->preview, evidence_id);
  if (evidence_id > 0)
    gtk_toggle_button_set_active (self->preview_toggle, TRUE);
}

static void
on_choice_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     DocPicker     *p)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "desk-evidence-id"));

  if (p->documents)
    {
      for (guint i = 0; i < p->documents->len; i++)
        if (g_array_index (p->documents, gint64, i) == id)
          id = 0;
      if (id)
        g_array_append_val (p->documents, id);
    }
  else
    *p->certificate = id;
  gtk_popover_popdown (p->popover);
  update_documents_row (p);
  preview_document (p->self, first_document (p));
  _desk_chain_editor_changed (p->self);
}

static void
fill_choices (DocPicker *p)
{
  g_autoptr (GPtrArray) all = desk_evidence_list_all (p->self->store, NULL, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (p->choices))))
    gtk_list_box_remove (p->choices, child);
  for (guint i = 0; all && i < all->len; i++)
    {
      DeskEvidence    *ev = all->pdata[i];
      g_autofree char *name = desk_evidence_dup_display_name (ev);
      g_autofree char *summary = desk_evidence_describe (ev);
      GtkWidget       *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "desk-evidence-id", GSIZE_TO_POINTER (desk_evidence_get_id (ev)));
      gtk_list_box_append (p->choices, row);
    }
  if (all == NULL || all->len == 0)
    {
      GtkWidget *label = gtk_label_new (_ ("The evidence library is empty: add the letter to the case’s evidence first."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_set_placeholder (p->choices, label);
    }
}

static void
on_preview_clicked (DocPicker *p)
{
  preview_document (p->self, first_document (p));
}

static void
on_clear_clicked (DocPicker *p)
{
  if (p->documents)
    g_array_set_size (p->documents, 0);
  else
    *p->certificate = 0;
  update_documents_row (p);
  _desk_chain_editor_changed (p->self);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *a11y)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
documents_row (DeskChainEditor *self,
               const char      *title,
               GArray          *documents,
               gint64          *certificate,
               GtkWidget      **focus_out)
{
  DocPicker *p = g_new0 (DocPicker, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *preview = icon_button ("x-office-document-symbolic", _ ("Preview"), _ ("Preview the document"));
  GtkWidget *clear = icon_button ("edit-clear-symbolic", _ ("Remove the Documents"), _ ("Remove the chosen documents"));

  p->self = self;
  p->documents = documents;
  p->certificate = certificate;
  p->row = ADW_ACTION_ROW (row);
  p->choices = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->choices), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Evidence library"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (p->choices), "boxed-list");
  g_signal_connect (p->choices, "row-activated", G_CALLBACK (on_choice_activated), p);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (p->choices));
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  p->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (p->popover, scroller);
  g_signal_connect_swapped (p->popover, "show", G_CALLBACK (fill_choices), p);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), GTK_WIDGET (p->popover));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "list-add-symbolic");
  gtk_widget_set_tooltip_text (menu, _ ("Choose from the Evidence Library"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Choose a document from the evidence library"), -1);
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  g_signal_connect_swapped (preview, "clicked", G_CALLBACK (on_preview_clicked), p);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear_clicked), p);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), preview);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu);
  g_object_weak_ref (G_OBJECT (row), free_picker, p);
  update_documents_row (p);
  *focus_out = menu;
  return row;
}

/* Cards */

static GtkWidget *
boxed_list (const char *a11y)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return list;
}

static GtkWidget *
card_header (const char *kicker,
             const char *title,
             GtkLabel  **title_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *k = gtk_label_new (kicker);
  GtkWidget *t = gtk_label_new (title && *title ? title : _ ("(name not entered)"));

  gtk_label_set_xalign (GTK_LABEL (k), 0);
  gtk_widget_add_css_class (k, "caption-heading");
  gtk_widget_add_css_class (k, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (t), 0);
  gtk_label_set_wrap (GTK_LABEL (t), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (t), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (t), TRUE);
  gtk_widget_add_css_class (t, "title-4");
  gtk_box_append (GTK_BOX (box), k);
  gtk_box_append (GTK_BOX (box), t);
  if (title_out)
    *title_out = GTK_LABEL (t);
  return box;
}

/* A card is a group for screen readers, named after what it stands for. */
static GtkWidget *
card (const char *css,
      const char *a11y)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 12,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, css);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return box;
}

/* The arrow between cards: a link grants downwards. */
static GtkWidget *
connector (void)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("go-down-symbolic");

  gtk_widget_set_margin_top (image, 6);
  gtk_widget_set_margin_bottom (image, 6);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("grants to"), -1);
  return image;
}

static GtkWidget *
owner_card (DeskChainEditor *self)
{
  GtkWidget       *box = card ("chain-party", _ ("Brand owner"));
  GtkLabel        *title = NULL;
  GtkWidget       *list = boxed_list (_ ("Brand owner"));
  GtkWidget       *owner;
  g_autofree char *aliases = aliases_text (self->chain, self->chain->owner);

  gtk_box_append (GTK_BOX (box), card_header (_ ("Brand owner · trademark registrant"), self->chain->owner, &title));
  owner = entry_row (self, _ ("Registered name of the brand owner"), BIND_TEXT, &self->chain->owner, self->chain->owner, title);
  gtk_list_box_append (GTK_LIST_BOX (list), owner);
  gtk_list_box_append (GTK_LIST_BOX (list), entry_row (self, _ ("Other names of this company (comma-separated)"), BIND_ALIASES, NULL, aliases, NULL));
  gtk_box_append (GTK_BOX (box), list);
  register_field (self, -1, -1, DESK_CHAIN_FIELD_OWNER, owner);
  return box;
}

static GtkWidget *
party_card (DeskChainEditor *self,
            DeskChainLink   *link,
            GtkLabel       **title_out)
{
  GtkWidget       *box = card ("chain-party", _ ("Distributor"));
  GtkWidget       *list = boxed_list (_ ("Distributor"));
  g_autofree char *aliases = aliases_text (self->chain, link->grantee);

  gtk_box_append (GTK_BOX (box), card_header (_ ("Distributor · passes the rights on"), link->grantee, title_out));
  gtk_list_box_append (GTK_LIST_BOX (list), entry_row (self, _ ("Other names of this company (comma-separated)"), BIND_ALIASES, link, aliases, NULL));
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

static void
on_edit_profile (DeskChainEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "chain.edit-profile", NULL);
}

static GtkWidget *
seller_card (DeskChainEditor *self,
             DeskChainLink   *last,
             GtkLabel       **title_out)
{
  GtkWidget *box = card ("chain-seller", _ ("Your company"));
  GtkWidget *list = boxed_list (_ ("Your company"));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Seller Profile…"));
  GString   *names = g_string_new (NULL);

  for (guint i = 0; self->profile && i < self->profile->entities->len; i++)
    {
      const DeskSellerEntity *e = self->profile->entities->pdata[i];

      g_string_append_printf (names, "%s%s%s%s", names->len ? "\n" : "", e->name_zh,
                              *e->name_zh && *e->name_en ? " / " : "", e->name_en);
    }
  gtk_box_append (GTK_BOX (box), card_header (_ ("You · the store’s registered company"), last ? last->grantee : "", title_out));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Your companies (seller profile)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names->len ? names->str : _ ("Not entered yet"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_edit_profile), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);
  register_field (self, -1, -1, DESK_CHAIN_FIELD_SELLER_PROFILE, button);
  g_string_free (names, TRUE);
  return box;
}

static GtkWidget *
link_tool (const char *icon,
           const char *tooltip,
           const char *a11y,
           const char *action,
           GVariant   *target,
           gboolean    sensitive)
{
  GtkWidget *button = icon_button (icon, tooltip, a11y);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_sensitive (button, sensitive);
  return button;
}

static GtkWidget *
link_toolbar (DeskChainEditor *self,
              guint            i)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  guint            n = self->chain->links->len;
  g_autofree char *up = g_strdup_printf (_ ("Move link %u up"), i + 1);
  g_autofree char *down = g_strdup_printf (_ ("Move link %u down"), i + 1);
  g_autofree char *insert = g_strdup_printf (_ ("Insert a link above link %u"), i + 1);
  g_autofree char *remove = g_strdup_printf (_ ("Remove link %u"), i + 1);

  gtk_box_append (GTK_BOX (box), link_tool ("go-up-symbolic", _ ("Move Up"), up, "chain.move-link", g_variant_new ("(ii)", i, -1), i > 0));
  gtk_box_append (GTK_BOX (box), link_tool ("go-down-symbolic", _ ("Move Down"), down, "chain.move-link", g_variant_new ("(ii)", i, 1), i + 1 < n));
  gtk_box_append (GTK_BOX (box), link_tool ("list-add-symbolic", _ ("Insert Link Above"), insert, "chain.insert-link", g_variant_new_int32 (i), TRUE));
  gtk_box_append (GTK_BOX (box), link_tool ("user-trash-symbolic", _ ("Remove Link"), remove, "chain.remove-link", g_variant_new_int32 (i), TRUE));
  return box;
}

static GtkWidget *
link_card (DeskChainEditor *self,
           guint            i,
           GtkLabel        *grantee_title)
{
  DeskChainLink   *link = self->chain->links->pdata[i];
  g_autofree char *kicker = g_strdup_printf (_ ("Link %u"), i + 1);
  GtkWidget       *box = card ("chain-link", kicker);
  GtkWidget       *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget       *header = card_header (kicker, _ ("Authorization letter"), NULL);
  GtkWidget       *list = boxed_list (kicker);
  GtkWidget       *w, *docs_focus = NULL;

  gtk_widget_set_hexpand (header, TRUE);
  gtk_box_append (GTK_BOX (head), header);
  gtk_box_append (GTK_BOX (head), link_toolbar (self, i));
  gtk_box_append (GTK_BOX (box), head);

#define ROW(widget, field)                        \
  G_STMT_START                                    \
  {                                               \
    w = (widget);                                 \
    gtk_list_box_append (GTK_LIST_BOX (list), w); \
    if ((field) != DESK_CHAIN_FIELD_NONE)         \
      register_field (self, i, -1, (field), w);   \
  }                                               \
  G_STMT_END

  ROW (entry_row (self, _ ("Granted by (as the letter writes it)"), BIND_TEXT, &link->grantor, link->grantor, NULL), DESK_CHAIN_FIELD_GRANTOR);
  ROW (entry_row (self, _ ("Granted to (as the letter writes it)"), BIND_TEXT, &link->grantee, link->grantee, grantee_title), DESK_CHAIN_FIELD_GRANTEE);
  ROW (documents_row (self, _ ("Signed letter(s)"), link->documents, NULL, &docs_focus), DESK_CHAIN_FIELD_NONE);
  register_field (self, i, -1, DESK_CHAIN_FIELD_DOCUMENTS, docs_focus);
  ROW (entry_row (self, _ ("Valid from (YYYY-MM-DD)"), BIND_DATE, &link->valid_from, link->valid_from, NULL), DESK_CHAIN_FIELD_VALID_FROM);
  ROW (entry_row (self, _ ("Valid until (YYYY-MM-DD, empty if open-ended)"), BIND_DATE, &link->valid_until, link->valid_until, NULL), DESK_CHAIN_FIELD_VALID_UNTIL);
  ROW (list_entry_row (self, _ ("Territories (e.g. CN, MY, RU; WW = worldwide)"), BIND_COUNTRIES, &link->territories), DESK_CHAIN_FIELD_TERRITORIES);
  ROW (list_entry_row (self, _ ("Platforms the letter names (e.g. Shopee, Joom)"), BIND_PLATFORMS, &link->platforms), DESK_CHAIN_FIELD_PLATFORMS);
  ROW (switch_row (self, _ ("Says “all online platforms”"), NULL, &link->all_online_platforms, FALSE, NULL), DESK_CHAIN_FIELD_NONE);
  ROW (switch_row (self, _ ("Only the products it lists"), _ ("Off: every product of the brand"), &link->scope, TRUE, NULL), DESK_CHAIN_FIELD_NONE);
  ROW (list_entry_row (self, _ ("Products it lists (models, SKUs, batches)"), BIND_LIST, &link->products), DESK_CHAIN_FIELD_PRODUCTS);
  ROW (switch_row (self, _ ("Allows sub-licensing"), _ ("Needed when the grantee authorizes the next company"), &link->sublicensing, FALSE, &w), DESK_CHAIN_FIELD_NONE);
  register_field (self, i, -1, DESK_CHAIN_FIELD_SUBLICENSING, w);
  ROW (switch_row (self, _ ("I checked: it is signed"), NULL, &link->signature_confirmed, FALSE, &w), DESK_CHAIN_FIELD_NONE);
  register_field (self, i, -1, DESK_CHAIN_FIELD_SIGNATURE, w);
  ROW (switch_row (self, _ ("I checked: it carries the grantor’s stamp"), NULL, &link->stamp_confirmed, FALSE, NULL), DESK_CHAIN_FIELD_NONE);
  ROW (entry_row (self, _ ("Language of the letter (e.g. en, zh)"), BIND_OPTIONAL, &link->language, link->language, NULL), DESK_CHAIN_FIELD_NONE);
#undef ROW
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

void
_desk_chain_editor_build_cards (DeskChainEditor *self)
{
  GtkWidget *child;
  guint      n = self->chain->links->len;

  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))))
    gtk_box_remove (self->cards, child);
  g_hash_table_remove_all (self->field_widgets);
  gtk_box_append (self->cards, owner_card (self));
  for (guint i = 0; i < n; i++)
    {
      GtkLabel  *grantee_title = NULL;
      GtkWidget *party = i + 1 < n ? party_card (self, self->chain->links->pdata[i], &grantee_title)
                                   : seller_card (self, self->chain->links->pdata[i], &grantee_title);

      gtk_box_append (self->cards, connector ());
      gtk_box_append (self->cards, link_card (self, i, grantee_title));
      gtk_box_append (self->cards, connector ());
      gtk_box_append (self->cards, party);
    }
  if (n == 0)
    {
      gtk_box_append (self->cards, connector ());
      gtk_box_append (self->cards, seller_card (self, NULL, NULL));
    }
  self->add_link_button = gtk_button_new_with_mnemonic (_ ("_Add Link Above Your Company"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_link_button), "chain.add-link");
  gtk_widget_set_halign (self->add_link_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->add_link_button, 12);
  gtk_widget_add_css_class (self->add_link_button, "pill");
  gtk_box_append (self->cards, self->add_link_button);
  self->building = FALSE;
}

/* Trademarks */

static GtkWidget *
trademark_row (DeskChainEditor *self,
               guint            t)
{
  DeskTrademark   *tm = self->chain->trademarks->pdata[t];
  GtkWidget       *row = adw_expander_row_new ();
  GtkWidget       *remove = NULL, *docs_focus = NULL, *w;
  g_autofree char *title = g_strdup_printf (_ ("Trademark %s"), *tm->number ? tm->number : "—");
  g_autofree char *a11y = g_strdup_printf (_ ("Remove trademark %u"), t + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), *tm->owner ? tm->owner : _ ("Owner not entered"));
  remove = link_tool ("user-trash-symbolic", _ ("Remove Trademark"), a11y, "chain.remove-trademark", g_variant_new_int32 (t), TRUE);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

#define TM_ROW(widget, field)                             \
  G_STMT_START                                            \
  {                                                       \
    w = (widget);                                         \
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), w); \
    if ((field) != DESK_CHAIN_FIELD_NONE)                 \
      register_field (self, -1, t, (field), w);           \
  }                                                       \
  G_STMT_END

  TM_ROW (entry_row (self, _ ("Registration number"), BIND_TEXT, &tm->number, tm->number, NULL), DESK_CHAIN_FIELD_TRADEMARK_NUMBER);
  TM_ROW (entry_row (self, _ ("Office (e.g. CNIPA, EUIPO, Rospatent)"), BIND_OPTIONAL, &tm->office, tm->office, NULL), DESK_CHAIN_FIELD_NONE);
  TM_ROW (list_entry_row (self, _ ("Countries it covers (e.g. CN, MY)"), BIND_COUNTRIES, &tm->territories), DESK_CHAIN_FIELD_NONE);
  TM_ROW (list_entry_row (self, _ ("Classes (e.g. 9, 21)"), BIND_LIST, &tm->classes), DESK_CHAIN_FIELD_TRADEMARK_CLASSES);
  TM_ROW (entry_row (self, _ ("Registrant on the certificate"), BIND_TEXT, &tm->owner, tm->owner, NULL), DESK_CHAIN_FIELD_TRADEMARK_OWNER);
  TM_ROW (entry_row (self, _ ("Valid until (YYYY-MM-DD)"), BIND_DATE, &tm->valid_until, tm->valid_until, NULL), DESK_CHAIN_FIELD_TRADEMARK_VALID_UNTIL);
  TM_ROW (documents_row (self, _ ("Registration certificate"), NULL, &tm->certificate, &docs_focus), DESK_CHAIN_FIELD_NONE);
  register_field (self, -1, t, DESK_CHAIN_FIELD_TRADEMARK_CERTIFICATE, docs_focus);
#undef TM_ROW
  return row;
}

void
_desk_chain_editor_build_trademarks (DeskChainEditor *self)
{
  GtkWidget *child;

  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trademark_list))))
    gtk_list_box_remove (self->trademark_list, child);
  for (guint t = 0; t < self->chain->trademarks->len; t++)
    gtk_list_box_append (self->trademark_list, trademark_row (self, t));
  if (self->chain->trademarks->len == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("Add _Trademark"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chain.add-trademark");
      gtk_widget_add_css_class (button, "flat");
      gtk_list_box_append (self->trademark_list, button);
      register_field (self, -1, -1, DESK_CHAIN_FIELD_TRADEMARK_NUMBER, button);
    }
  self->building = FALSE;
}

/* The case part */

static void
bind_row (DeskChainEditor *self,
          AdwEntryRow     *row,
          BindKind         kind,
          gpointer         field,
          const char      *text)
{
  Binding *b = g_new0 (Binding, 1);

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  b->self = self;
  b->kind = kind;
  b->field = field;
  g_signal_connect_data (row, "changed", G_CALLBACK (on_entry_changed), b, free_binding, 0);
}

void
_desk_chain_editor_bind_case (DeskChainEditor *self)
{
  g_autofree char *products = join_list (self->info->products);

  self->building = TRUE;
  bind_row (self, self->products_row, BIND_LIST, &self->info->products, products);
  register_field (self, -1, -1, DESK_CHAIN_FIELD_CASE_PRODUCTS, GTK_WIDGET (self->products_row));
  bind_row (self, self->listing_row, BIND_DATE, &self->info->listing_date, self->info->listing_date);
  bind_row (self, self->site_row, BIND_COUNTRY, &self->info->site, self->info->site);
  bind_row (self, self->class_row, BIND_OPTIONAL, &self->info->product_class, self->info->product_class);
  self->building = FALSE;
}

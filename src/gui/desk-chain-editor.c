/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-chain-editor-private.h"
#include "desk-seller-profile-page.h"

G_DEFINE_FINAL_TYPE (DeskChainEditor, desk_chain_editor, ADW_TYPE_WINDOW)

static void
rebuild (DeskChainEditor *self)
{
  _desk_chain_editor_build_cards (self);
  _desk_chain_editor_build_trademarks (self);
  _desk_chain_editor_changed (self);
}

/* The first letter is shown beside the form when there is room for it. */
static void
show_first_document (DeskChainEditor *self)
{
  DeskChainLink *first = self->chain->links->len ? self->chain->links->pdata[0] : NULL;

  if (first && first->documents->len)
    desk_chain_preview_show (self->preview, g_array_index (first->documents, gint64, 0));
  gtk_toggle_button_set_active (self->preview_toggle, desk_chain_preview_get_evidence (self->preview) > 0
                                                          && !adw_flap_get_folded (self->flap));
}

static void
on_folded (DeskChainEditor *self)
{
  if (adw_flap_get_folded (self->flap))
    gtk_toggle_button_set_active (self->preview_toggle, FALSE);
}

/* Jumping to a gap's field */

static GtkWidget *
field_widget (DeskChainEditor    *self,
              const DeskChainGap *gap)
{
  g_autofree char *key = NULL;
  GtkWidget       *widget;

  if (gap->field == DESK_CHAIN_FIELD_NONE)
    return self->add_link_button;
  key = _desk_chain_editor_field_key (gap->field == DESK_CHAIN_FIELD_SELLER_PROFILE || gap->field == DESK_CHAIN_FIELD_OWNER || gap->field == DESK_CHAIN_FIELD_CASE_PRODUCTS ? -1 : gap->link,
                                      gap->trademark, gap->field);
  widget = g_hash_table_lookup (self->field_widgets, key);
  if (widget == NULL && gap->trademark >= 0)
    {
      g_free (key);
      key = _desk_chain_editor_field_key (-1, -1, gap->field);
      widget = g_hash_table_lookup (self->field_widgets, key);
    }
  return widget;
}

void
desk_chain_editor_activate_gap (DeskChainEditor *self,
                                guint            index)
{
  const DeskChainGap *gap;
  GtkWidget          *widget;
  GtkWidget          *expander;

  g_return_if_fail (DESK_IS_CHAIN_EDITOR (self));
  if (self->gaps == NULL || index >= self->gaps->len)
    return;
  gap = self->gaps->pdata[index];
  if (gap->field == DESK_CHAIN_FIELD_SELLER_PROFILE && self->profile && self->profile->entities->len == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "chain.edit-profile", NULL);
      return;
    }
  if (!(widget = field_widget (self, gap)))
    return;
  if ((expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW)))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gtk_widget_grab_focus (widget);
}

static void
on_gap_activated (DeskChainEditor *self,
                  GtkListBoxRow   *row)
{
  desk_chain_editor_activate_gap (self, gtk_list_box_row_get_index (row));
}

static void
on_brand_changed (DeskChainEditor *self)
{
  if (self->building)
    return;
  g_free (self->chain->brand);
  self->chain->brand = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->brand_row))));
  _desk_chain_editor_changed (self);
}

/* Brand: pressing Enter on a brand that has a chain already brings that
 * chain in (when nothing was entered here yet). */
static void
on_brand_apply (DeskChainEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *brand = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->brand_row))));
  g_autoptr (DeskChain) existing = NULL;

  if (*brand == '\0')
    return;
  existing = desk_chain_find_by_brand (self->store, brand, &error);
  if (existing && existing->id != self->chain->id && self->chain->links->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_ ("Using the chain of %s that your other cases use"), existing->brand);

      desk_chain_free (self->chain);
      self->chain = g_steal_pointer (&existing);
      _desk_chain_editor_toast (self, text);
      rebuild (self);
      return;
    }
  if (existing && existing->id != self->chain->id)
    {
      g_autofree char *text = g_strdup_printf (_ ("%s has a chain already: remove these links to use it, or choose another brand name"), brand);

      _desk_chain_editor_toast (self, text);
      return;
    }
}

/* Saving */

/* A field marked invalid (a date such as 2026-02-30) was not taken into the
 * chain: saving now would store something else than the seller sees. */
static GtkWidget *
find_invalid (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget) && gtk_widget_has_css_class (widget, "error"))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_invalid (c);

      if (found)
        return found;
    }
  return NULL;
}

gboolean
desk_chain_editor_save (DeskChainEditor *self,
                        GError         **error)
{
  GtkWidget *invalid;

  g_return_val_if_fail (DESK_IS_CHAIN_EDITOR (self), FALSE);
  if ((invalid = find_invalid (GTK_WIDGET (self))))
    {
      /* Translators: %s is the title of the field, e.g. "Valid until (YYYY-MM-DD)" */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("“%s” is not valid: correct the field marked in red, then save."),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (invalid)));
      gtk_widget_grab_focus (invalid);
      return FALSE;
    }
  /* A new chain must not silently replace the chain other cases of the brand use. */
  if (self->chain->id == 0)
    {
      g_autoptr (DeskChain) existing = desk_chain_find_by_brand (self->store, self->chain->brand, NULL);

      if (existing)
        {
          /* Translators: %s is a brand */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _ ("%s has a chain already: press Enter in the Brand field to use it, or choose another brand name."),
                       existing->brand);
          return FALSE;
        }
    }
  if (!desk_chain_set_for_case (self->store, self->chain, self->info, error))
    return FALSE;
  self->dirty = FALSE;
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (!desk_chain_editor_save (self, &error))
    _desk_chain_editor_toast (self, error->message);
  else
    _desk_chain_editor_toast (self, _ ("Chain saved for every case of this brand"));
}

static gboolean
on_close_request (GtkWindow *window)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (window);
  g_autoptr (GError) error = NULL;

  if (!self->dirty || desk_chain_editor_save (self, &error))
    return FALSE;
  /* Nothing is lost: the window stays open with the reason. */
  _desk_chain_editor_toast (self, error->message);
  return TRUE;
}

/* Structure */

static char *
seller_name (DeskChainEditor *self)
{
  const DeskSellerEntity *e;

  if (self->profile == NULL || self->profile->entities->len == 0)
    return g_strdup ("");
  e = self->profile->entities->pdata[0];
  return g_strdup (*e->name_en ? e->name_en : e->name_zh);
}

static void
add_link_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (widget);
  guint            n = self->chain->links->len;
  const char      *grantor = n ? ((DeskChainLink *)self->chain->links->pdata[n - 1])->grantee : self->chain->owner;
  g_autofree char *seller = seller_name (self);

  if (n > 0)
    ((DeskChainLink *)self->chain->links->pdata[n - 1])->sublicensing = TRUE;
  g_ptr_array_add (self->chain->links, desk_chain_link_new (grantor, seller));
  rebuild (self);
}

static void
insert_link_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (widget);
  int              i = g_variant_get_int32 (param);
  DeskChainLink   *below;
  const char      *grantor;

  if (i < 0 || (guint)i >= self->chain->links->len)
    return;
  below = self->chain->links->pdata[i];
  grantor = i > 0 ? ((DeskChainLink *)self->chain->links->pdata[i - 1])->grantee : self->chain->owner;
  g_ptr_array_insert (self->chain->links, i, desk_chain_link_new (grantor, below->grantor));
  ((DeskChainLink *)self->chain->links->pdata[i])->sublicensing = TRUE;
  rebuild (self);
}

static void
remove_link_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (widget);
  int              i = g_variant_get_int32 (param);

  if (i < 0 || (guint)i >= self->chain->links->len)
    return;
  g_ptr_array_remove_index (self->chain->links, i);
  rebuild (self);
}

static void
move_link_activated (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (widget);
  int              i, delta, j;
  gpointer         tmp;

  g_variant_get (param, "(ii)", &i, &delta);
  j = i + delta;
  if (i < 0 || j < 0 || (guint)i >= self->chain->links->len || (guint)j >= self->chain->links->len)
    return;
  tmp = self->chain->links->pdata[i];
  self->chain->links->pdata[i] = self->chain->links->pdata[j];
  self->chain->links->pdata[j] = tmp;
  rebuild (self);
}

static void
add_trademark_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (widget);
  DeskTrademark   *tm = desk_trademark_new ();
  GtkListBoxRow   *row;

  g_free (tm->owner);
  tm->owner = g_strdup (self->chain->owner);
  g_ptr_array_add (self->chain->trademarks, tm);
  rebuild (self);
  row = gtk_list_box_get_row_at_index (self->trademark_list, self->chain->trademarks->len - 1);
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

static void
remove_trademark_activated (GtkWidget  *widget,
                            const char *action,
                            GVariant   *param)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (widget);
  int              t = g_variant_get_int32 (param);

  if (t >= 0 && (guint)t < self->chain->trademarks->len)
    g_ptr_array_remove_index (self->chain->trademarks, t);
  rebuild (self);
}

static void
on_profile_changed (DeskChainEditor *self)
{
  g_autoptr (DeskSellerProfile) profile = desk_seller_profile_load (self->store, NULL);

  if (profile == NULL)
    return;
  g_clear_pointer (&self->profile, desk_seller_profile_free);
  self->profile = g_steal_pointer (&profile);
  _desk_chain_editor_build_cards (self);
  _desk_chain_editor_recheck (self);
}

static void
edit_profile_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  DeskChainEditor *self = DESK_CHAIN_EDITOR (widget);

  desk_seller_profile_present (GTK_WINDOW (self), self->session);
}

/* Lifecycle */

static void
desk_chain_editor_dispose (GObject *object)
{
  DeskChainEditor *self = (DeskChainEditor *)object;

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CHAIN_EDITOR);
  g_clear_pointer (&self->field_widgets, g_hash_table_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->chain, desk_chain_free);
  g_clear_pointer (&self->info, desk_case_chain_free);
  g_clear_pointer (&self->profile, desk_seller_profile_free);
  g_clear_object (&self->kase);
  self->store = NULL;
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_chain_editor_parent_class)->dispose (object);
}

static void
desk_chain_editor_class_init (DeskChainEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_chain_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = on_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-chain-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, flap);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, preview_box);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, gap_list);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, brand_row);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, cards);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, trademark_list);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, products_row);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, listing_row);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, site_row);
  gtk_widget_class_bind_template_child (widget_class, DeskChainEditor, class_row);
  gtk_widget_class_bind_template_callback (widget_class, on_gap_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_brand_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_brand_changed);

  gtk_widget_class_install_action (widget_class, "chain.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "chain.add-link", NULL, add_link_activated);
  gtk_widget_class_install_action (widget_class, "chain.insert-link", "i", insert_link_activated);
  gtk_widget_class_install_action (widget_class, "chain.remove-link", "i", remove_link_activated);
  gtk_widget_class_install_action (widget_class, "chain.move-link", "(ii)", move_link_activated);
  gtk_widget_class_install_action (widget_class, "chain.add-trademark", NULL, add_trademark_activated);
  gtk_widget_class_install_action (widget_class, "chain.remove-trademark", "i", remove_trademark_activated);
  gtk_widget_class_install_action (widget_class, "chain.edit-profile", NULL, edit_profile_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "chain.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_chain_editor_init (DeskChainEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->field_widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
load (DeskChainEditor *self,
      gint64           case_id)
{
  g_autoptr (GError) error = NULL;

  self->kase = desk_store_get_case (self->store, case_id, &error);
  self->profile = desk_seller_profile_load (self->store, NULL);
  if (self->kase && (self->info = desk_case_chain_get (self->store, case_id, &error)) && self->info->chain_id > 0)
    self->chain = desk_chain_get (self->store, self->info->chain_id, &error);
  if (error)
    _desk_chain_editor_toast (self, error->message);
  if (self->info == NULL)
    self->info = desk_case_chain_new (case_id, 0);
  if (self->chain == NULL)
    self->chain = desk_chain_new ("");
}

DeskChainEditor *
desk_chain_editor_new (GtkWindow   *parent,
                       DeskSession *session,
                       gint64       case_id)
{
  DeskChainEditor *self = g_object_new (DESK_TYPE_CHAIN_EDITOR, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  self->store = desk_session_get_store (session);
  load (self, case_id);
  g_return_val_if_fail (self->kase != NULL, self);
  self->preview = desk_chain_preview_new (session);
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_box_append (self->preview_box, GTK_WIDGET (self->preview));
  self->building = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->brand_row), self->chain->brand);
  self->building = FALSE;
  _desk_chain_editor_bind_case (self);
  _desk_chain_editor_build_cards (self);
  _desk_chain_editor_build_trademarks (self);
  g_signal_connect_object (session, "changed::" DESK_SELLER_PROFILE_PART, G_CALLBACK (on_profile_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (on_folded), self, G_CONNECT_SWAPPED);
  show_first_document (self);
  _desk_chain_editor_update_title (self);
  _desk_chain_editor_recheck (self);
  self->dirty = FALSE;
  return self;
}

GPtrArray *
desk_chain_editor_get_gaps (DeskChainEditor *self)
{
  g_return_val_if_fail (DESK_IS_CHAIN_EDITOR (self), NULL);
  return self->gaps;
}

gboolean
desk_chain_editor_get_dirty (DeskChainEditor *self)
{
  g_return_val_if_fail (DESK_IS_CHAIN_EDITOR (self), FALSE);
  return self->dirty;
}

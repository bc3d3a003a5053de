/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-seller-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "chain/desk-chain-store.h"
#include "desk-gui-util.h"
#include "desk-platform.h"
#include "desk-seller-profile-page.h"
#include "desk-util.h"

#define SAVE_DELAY_MS 600

struct _DeskSellerProfilePage
{
  AdwPreferencesPage parent_instance;

  DeskStore           *store;
  DeskSellerProfile   *profile;
  GError              *load_error; /* shown once the page is on screen */
  GtkWindow           *window;     /* the root, whose closing saves */
  guint                save_id;
  gboolean             dirty;
  gboolean             building;
  AdwPreferencesGroup *companies;
  GPtrArray           *company_rows; /* widgets added to @companies */
  AdwPreferencesGroup *stores;
};

G_DEFINE_FINAL_TYPE (DeskSellerProfilePage, desk_seller_profile_page, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild (DeskSellerProfilePage *self);

gboolean
desk_seller_profile_page_save (DeskSellerProfilePage *self,
                               GError               **error)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty)
    return TRUE;
  if (!desk_seller_profile_save (self->store, self->profile, error))
    return FALSE;
  self->dirty = FALSE;
  return TRUE;
}

static gboolean
save_cb (gpointer data)
{
  DeskSellerProfilePage *self = data;
  g_autoptr (GError) error = NULL;

  self->save_id = 0;
  if (!desk_seller_profile_page_save (self, &error))
    desk_gui_report_error (GTK_WIDGET (self), _ ("Your seller profile was not saved."), error);
  return G_SOURCE_REMOVE;
}

/* Closing the window saves what is still waiting for the timer; a failure
 * is shown in the window underneath, which stays. */
static gboolean
on_close_request (DeskSellerProfilePage *self,
                  GtkWindow             *window)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (window);

  if (!desk_seller_profile_page_save (self, &error))
    {
      desk_gui_report_error (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self),
                             _ ("Your seller profile was not saved."), error);
      /* Said; dispose need not try again where nobody sees it. */
      self->dirty = FALSE;
    }
  return FALSE;
}

static void
desk_seller_profile_page_root (GtkWidget *widget)
{
  DeskSellerProfilePage *self = DESK_SELLER_PROFILE_PAGE (widget);
  GtkRoot               *root;

  GTK_WIDGET_CLASS (desk_seller_profile_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      g_set_weak_pointer (&self->window, GTK_WINDOW (root));
      g_signal_connect_object (root, "close-request", G_CALLBACK (on_close_request), self, G_CONNECT_SWAPPED);
    }
}

static void
desk_seller_profile_page_unroot (GtkWidget *widget)
{
  DeskSellerProfilePage *self = DESK_SELLER_PROFILE_PAGE (widget);

  if (self->window)
    g_signal_handlers_disconnect_by_func (self->window, on_close_request, self);
  g_clear_weak_pointer (&self->window);
  GTK_WIDGET_CLASS (desk_seller_profile_page_parent_class)->unroot (widget);
}

/* An unreadable profile is said when the page shows, not when it is made:
 * only then is there a window for the toast. */
static void
desk_seller_profile_page_map (GtkWidget *widget)
{
  DeskSellerProfilePage *self = DESK_SELLER_PROFILE_PAGE (widget);
  g_autoptr (GError) error = g_steal_pointer (&self->load_error);

  GTK_WIDGET_CLASS (desk_seller_profile_page_parent_class)->map (widget);
  if (error)
    desk_gui_report_error (widget, _ ("Your seller profile could not be read, so this page starts empty; what you enter here replaces it."), error);
}

static void
changed (DeskSellerProfilePage *self)
{
  if (self->building)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

/* Entry rows edit one field of one entity, found by index at each change so
 * removing a company never leaves a row pointing at freed memory. */
typedef enum
{
  FIELD_NAME_ZH,
  FIELD_NAME_EN,
  FIELD_ALIASES,
  FIELD_REGISTRATION,
  FIELD_COUNTRY,
} Field;

static void
on_company_changed (GtkEditable *row,
                    gpointer     data)
{
  DeskSellerProfilePage *self = g_object_get_data (G_OBJECT (row), "desk-page");
  guint                  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "desk-index"));
  DeskSellerEntity      *e;
  const char            *text = gtk_editable_get_text (row);

  if (self->building || index >= self->profile->entities->len)
    return;
  e = self->profile->entities->pdata[index];
  switch (GPOINTER_TO_INT (data))
    {
      case FIELD_NAME_ZH:
        g_free (e->name_zh);
        e->name_zh = g_strstrip (g_strdup (text));
        break;
      case FIELD_NAME_EN:
        g_free (e->name_en);
        e->name_en = g_strstrip (g_strdup (text));
        break;
      case FIELD_ALIASES:
        g_strfreev (e->aliases);
        e->aliases = g_regex_split_simple ("\\s*[,，、;；]\\s*", g_strstrip (g_strdup (text)), 0, 0);
        if (e->aliases[0] && *e->aliases[0] == '\0')
          {
            g_strfreev (e->aliases);
            e->aliases = g_new0 (char *, 1);
          }
        break;
      case FIELD_REGISTRATION:
        g_free (e->registration_number);
        e->registration_number = *text ? g_strdup (text) : NULL;
        break;
      case FIELD_COUNTRY:
        g_free (e->country);
        e->country = *text ? g_ascii_strup (text, -1) : NULL;
        break;
      default:
        break;
    }
  changed (self);
}

static GtkWidget *
company_entry (DeskSellerProfilePage *self,
               guint                  index,
               Field                  field,
               const char            *title,
               const char            *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_object_set_data (G_OBJECT (row), "desk-page", self);
  g_object_set_data (G_OBJECT (row), "desk-index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "changed", G_CALLBACK (on_company_changed), GINT_TO_POINTER (field));
  return row;
}

static void
remove_company_activated (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  DeskSellerProfilePage *self = DESK_SELLER_PROFILE_PAGE (widget);
  int                    i = g_variant_get_int32 (param);

  if (i < 0 || (guint)i >= self->profile->entities->len)
    return;
  g_ptr_array_remove_index (self->profile->entities, i);
  rebuild (self);
  changed (self);
}

static void
add_company_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  DeskSellerProfilePage *self = DESK_SELLER_PROFILE_PAGE (widget);
  GtkWidget             *last;

  g_ptr_array_add (self->profile->entities, desk_seller_entity_new ("", ""));
  rebuild (self);
  changed (self);
  last = self->company_rows->len ? self->company_rows->pdata[self->company_rows->len - 1] : NULL;
  if (ADW_IS_EXPANDER_ROW (last))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (last), TRUE);
}

static GtkWidget *
company_row (DeskSellerProfilePage *self,
             guint                  i)
{
  DeskSellerEntity *e = self->profile->entities->pdata[i];
  GtkWidget        *row = adw_expander_row_new ();
  GtkWidget        *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char  *aliases = g_strjoinv (", ", e->aliases);
  g_autofree char  *title = g_strdup_printf (_ ("Company %u"), i + 1);
  g_autofree char  *a11y = g_strdup_printf (_ ("Remove company %u"), i + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *e->name_zh ? e->name_zh : *e->name_en ? e->name_en
                                                                                                   : title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), *e->name_en ? e->name_en : _ ("English name not entered"));
  gtk_widget_set_tooltip_text (remove, _ ("Remove Company"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "profile.remove-company");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", i);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), company_entry (self, i, FIELD_NAME_ZH, _ ("Name on the business licence (Chinese)"), e->name_zh));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), company_entry (self, i, FIELD_NAME_EN, _ ("English name (as letters write it)"), e->name_en));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), company_entry (self, i, FIELD_ALIASES, _ ("Other names (comma-separated)"), aliases));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), company_entry (self, i, FIELD_REGISTRATION, _ ("Registration number (unified social credit code)"), e->registration_number));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), company_entry (self, i, FIELD_COUNTRY, _ ("Country (e.g. CN, HK)"), e->country));
  return row;
}

static void
rebuild (DeskSellerProfilePage *self)
{
  self->building = TRUE;
  for (guint i = 0; i < self->company_rows->len; i++)
    adw_preferences_group_remove (self->companies, self->company_rows->pdata[i]);
  g_ptr_array_set_size (self->company_rows, 0);
  for (guint i = 0; i < self->profile->entities->len; i++)
    {
      GtkWidget *row = company_row (self, i);

      adw_preferences_group_add (self->companies, row);
      g_ptr_array_add (self->company_rows, row);
    }
  self->building = FALSE;
}

static void
on_stores_changed (GtkEditable *row,
                   gpointer     data)
{
  DeskSellerProfilePage *self = g_object_get_data (G_OBJECT (row), "desk-page");
  g_auto (GStrv) ids = g_regex_split_simple ("[\\s,，、;；]+", gtk_editable_get_text (row), 0, 0);
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) clean = NULL;

  if (self->building)
    return;
  for (guint i = 0; ids[i]; i++)
    if (*ids[i])
      g_strv_builder_add (b, ids[i]);
  clean = g_strv_builder_end (b);
  desk_seller_profile_set_stores (self->profile, GPOINTER_TO_INT (data), (const char *const *)clean);
  changed (self);
}

static void
build_stores (DeskSellerProfilePage *self)
{
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < desk_platform_get_count (); p++)
    {
      GtkWidget         *row = adw_entry_row_new ();
      const char *const *ids = desk_seller_profile_get_stores (self->profile, p);
      g_autofree char   *text = ids ? g_strjoinv (", ", (char **)ids) : g_strdup ("");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), desk_platform_get_label (p));
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      g_object_set_data (G_OBJECT (row), "desk-page", self);
      g_signal_connect (row, "changed", G_CALLBACK (on_stores_changed), GINT_TO_POINTER (p));
      adw_preferences_group_add (self->stores, row);
    }
}

static void
desk_seller_profile_page_dispose (GObject *object)
{
  DeskSellerProfilePage *self = (DeskSellerProfilePage *)object;
  g_autoptr (GError) error = NULL;

  /* Changes are saved after a short delay and when the window closes, where
   * a failure is shown; this catches a page that was never in a window (or
   * whose window is destroyed without closing), when there is no window
   * left to tell. */
  if (self->store && !desk_seller_profile_page_save (self, &error))
    g_warning ("Could not save the seller profile: %s", error->message);
  g_clear_weak_pointer (&self->window);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->company_rows, g_ptr_array_unref);
  g_clear_pointer (&self->profile, desk_seller_profile_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_seller_profile_page_parent_class)->dispose (object);
}

static void
desk_seller_profile_page_class_init (DeskSellerProfilePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = desk_seller_profile_page_dispose;
  widget_class->root = desk_seller_profile_page_root;
  widget_class->unroot = desk_seller_profile_page_unroot;
  widget_class->map = desk_seller_profile_page_map;
  gtk_widget_class_install_action (widget_class, "profile.add-company", NULL, add_company_activated);
  gtk_widget_class_install_action (widget_class, "profile.remove-company", "i", remove_company_activated);
}

static void
desk_seller_profile_page_init (DeskSellerProfilePage *self)
{
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->company_rows = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _ ("Seller Profile"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "contact-new-symbolic");
  self->companies = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->companies, _ ("Your Companies"));
  adw_preferences_group_set_description (self->companies, _ ("The last authorization of every chain must name one of these companies. A Chinese licence and an English letter name the same company differently: enter both."));
  gtk_widget_set_tooltip_text (add, _ ("Add Company"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Add a company"), -1);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "profile.add-company");
  adw_preferences_group_set_header_suffix (self->companies, add);
  self->stores = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->stores, _ ("Store IDs"));
  adw_preferences_group_set_description (self->stores, _ ("Your seller or store IDs on each platform, comma-separated."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->companies);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->stores);
}

DeskSellerProfilePage *
desk_seller_profile_page_new (DeskSession *session)
{
  DeskStore             *store = desk_session_get_store (session);
  DeskSellerProfilePage *self = g_object_new (DESK_TYPE_SELLER_PROFILE_PAGE, NULL);

  self->store = g_object_ref (store);
  self->profile = desk_seller_profile_load (store, &self->load_error);
  if (self->profile == NULL)
    self->profile = desk_seller_profile_new ();
  self->building = TRUE;
  rebuild (self);
  build_stores (self);
  self->building = FALSE;
  return self;
}

/* The resellers' watch list (issue 16): how often the listings of the case
 * shown are checked. Only when the settings schema is installed. */
static GtkWidget *
watch_page (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr (GSettings) settings = NULL;
  GtkWidget *page, *group, *row, *spin;

  if (schema == NULL || !g_settings_schema_has_key (schema, "watch-interval-minutes"))
    return NULL;
  settings = g_settings_new (APP_ID);
  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _ ("Resellers’ Listings"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "view-refresh-symbolic");
  group = adw_preferences_group_new ();
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Check every (minutes)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("While a case is open, its resellers’ listings are checked this often; 0 checks only when you ask."));
  spin = gtk_spin_button_new_with_range (0, 1440, 5);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Check every (minutes)"), -1);
  g_settings_bind (settings, "watch-interval-minutes", gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}

void
desk_seller_profile_present (GtkWindow   *parent,
                             DeskSession *session)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *watch = watch_page ();

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (desk_seller_profile_page_new (session)));
  if (watch)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (watch));
  gtk_window_present (GTK_WINDOW (window));
}

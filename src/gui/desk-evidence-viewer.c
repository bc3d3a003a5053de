/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-store.h"
#include "desk-evidence-viewer-private.h"
#include "desk-resources.h"

enum
{
  PROP_0,
  PROP_CONTINUOUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskEvidenceViewer, desk_evidence_viewer, ADW_TYPE_WINDOW)

/* Actions */

static gboolean
showing_image (DeskEvidenceViewer *self)
{
  return g_str_equal (_desk_evidence_viewer_get_state (self), "image");
}

static void
set_fit (DeskEvidenceViewer *self,
         DeskPdfFit          fit)
{
  if (showing_image (self))
    desk_image_canvas_set_fit (self->image_canvas, fit);
  else
    desk_pdf_view_set_fit (self->pdf_view, fit);
}

static void
set_zoom (DeskEvidenceViewer *self,
          double              zoom)
{
  if (showing_image (self))
    desk_image_canvas_set_zoom (self->image_canvas, zoom);
  else
    desk_pdf_view_set_zoom (self->pdf_view, zoom);
}

static double
get_zoom (DeskEvidenceViewer *self)
{
  if (showing_image (self))
    return desk_image_canvas_get_zoom (self->image_canvas);
  return desk_pdf_view_get_zoom (self->pdf_view);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DeskEvidenceViewer *self = DESK_EVIDENCE_VIEWER (widget);

  if (g_str_equal (action_name, "win.zoom-fit-width"))
    set_fit (self, DESK_PDF_FIT_WIDTH);
  else if (g_str_equal (action_name, "win.zoom-fit-page"))
    set_fit (self, DESK_PDF_FIT_PAGE);
  else if (g_str_equal (action_name, "win.zoom-to"))
    set_zoom (self, g_variant_get_double (param));
  else
    set_zoom (self, desk_zoom_step (get_zoom (self), g_str_equal (action_name, "win.zoom-in")));
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DeskEvidenceViewer *self = DESK_EVIDENCE_VIEWER (widget);
  guint               page = desk_pdf_view_get_page (self->pdf_view);
  guint               n_pages = desk_pdf_view_get_n_pages (self->pdf_view);

  if (n_pages == 0)
    return;
  if (g_str_equal (action_name, "win.prev-page"))
    page = page > 0 ? page - 1 : 0;
  else if (g_str_equal (action_name, "win.next-page"))
    page = MIN (page + 1, n_pages - 1);
  else if (g_str_equal (action_name, "win.first-page"))
    page = 0;
  else
    page = n_pages - 1;
  desk_pdf_view_set_page (self->pdf_view, page);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  DeskEvidenceViewer *self = DESK_EVIDENCE_VIEWER (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->sidebar_button)))
    adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
on_page_entry_activate (DeskEvidenceViewer *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)));
  guint64          page = 0;
  guint            n_pages = desk_pdf_view_get_n_pages (self->pdf_view);

  if (g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, MAX (n_pages, 1), &page, NULL))
    desk_pdf_view_set_page (self->pdf_view, (guint)page - 1);
  _desk_evidence_viewer_update_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pdf_view));
}

static void
on_unlock (DeskEvidenceViewer *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  /* The button stays insensitive while a try is under way. The entry
   * keeps its focus: making it insensitive would take it away. */
  if (*password == '\0' || !gtk_widget_get_sensitive (GTK_WIDGET (self->unlock_button)))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), FALSE);
  _desk_evidence_viewer_open_pdf (self, password);
}

/* GObject */

static void
desk_evidence_viewer_dispose (GObject *object)
{
  DeskEvidenceViewer *self = DESK_EVIDENCE_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    desk_render_queue_forget_document (self->queue, self->document);
  desk_pdf_view_set_document (self->pdf_view, NULL, NULL);
  if (self->thumbnails != NULL)
    gtk_list_view_set_model (self->thumbnails, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_EVIDENCE_VIEWER);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->queue);
  g_clear_object (&self->evidence);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (desk_evidence_viewer_parent_class)->dispose (object);
}

static void
desk_evidence_viewer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DeskEvidenceViewer *self = DESK_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
      case PROP_CONTINUOUS:
        /* The action muxer may ask before the template is built. */
        g_value_set_boolean (value, self->pdf_view == NULL || desk_pdf_view_get_continuous (self->pdf_view));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_evidence_viewer_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DeskEvidenceViewer *self = DESK_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
      case PROP_CONTINUOUS:
        if (self->pdf_view != NULL)
          desk_pdf_view_set_continuous (self->pdf_view, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass *widget_class,
             guint           keyval,
             GdkModifierType mods,
             const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  add_binding (widget_class, GDK_KEY_Page_Up, 0, "win.prev-page");
  add_binding (widget_class, GDK_KEY_Page_Down, 0, "win.next-page");
  add_binding (widget_class, GDK_KEY_Home, 0, "win.first-page");
  add_binding (widget_class, GDK_KEY_End, 0, "win.last-page");
  /* Keypad keys first: menus show the last shortcut bound to an action
   * (the menu items also name theirs). */
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in");
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out");
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out");
  add_binding (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar");
  add_binding (widget_class, GDK_KEY_Escape, 0, "window.close");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-to", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-to", "d", 1.0);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.prev-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-to", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit-page", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_property_action (widget_class, "win.continuous", "continuous");
}

static void
desk_evidence_viewer_class_init (DeskEvidenceViewerClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_evidence_viewer_dispose;
  object_class->get_property = desk_evidence_viewer_get_property;
  object_class->set_property = desk_evidence_viewer_set_property;

  properties[PROP_CONTINUOUS] = g_param_spec_boolean ("continuous", NULL, NULL, TRUE,
                                                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Links the resources' object file (and its registering constructor)
   * into programs that use the viewer without the main window. */
  g_assert_nonnull (desk_get_resource ());
  g_type_ensure (DESK_TYPE_PDF_VIEW);
  g_type_ensure (DESK_TYPE_IMAGE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-evidence-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, page_box);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, page_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, notice_label);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, error_page);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, password_page);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, password_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, password_error);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, flap);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, image_canvas);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, image_info);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, text_view);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceViewer, text_info);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);

  install_actions (widget_class);
  add_key_bindings (widget_class);
}

static void
on_zoom_changed (DeskEvidenceViewer *self)
{
  _desk_evidence_viewer_update_zoom_label (self);
}

static void
on_continuous_changed (DeskEvidenceViewer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTINUOUS]);
}

static void
desk_evidence_viewer_init (DeskEvidenceViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_object_bind_property (self->flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->pdf_view, "notify::zoom", G_CALLBACK (on_zoom_changed), self);
  g_signal_connect_swapped (self->image_canvas, "notify::zoom", G_CALLBACK (on_zoom_changed), self);
  g_signal_connect_swapped (self->pdf_view, "notify::page", G_CALLBACK (_desk_evidence_viewer_update_page), self);
  g_signal_connect_swapped (self->pdf_view, "notify::continuous", G_CALLBACK (on_continuous_changed), self);
  _desk_evidence_viewer_setup_thumbnails (self);
  _desk_evidence_viewer_update_zoom_label (self);
}

/* Opening */

static void
show_name_notice (DeskEvidenceViewer *self)
{
  g_autofree char *text = NULL;
  g_autofree char *type = NULL;

  if (!desk_evidence_get_name_mismatch (self->evidence))
    return;
  type = g_content_type_get_description (desk_evidence_get_mime_type (self->evidence) ?: "application/octet-stream");
  /* Translators: %s is a file type such as "PNG image" */
  text = g_strdup_printf (_ ("The file name does not match its content: this is really a %s. Platforms may reject "
                             "it. Export it again in the right format, or rename it."),
                          type);
  gtk_label_set_text (self->notice_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
}

static void
open_evidence (DeskEvidenceViewer *self)
{
  switch (desk_evidence_get_kind (self->evidence))
    {
      case DESK_EVIDENCE_KIND_PDF:
        _desk_evidence_viewer_open_pdf (self, NULL);
        break;
      case DESK_EVIDENCE_KIND_IMAGE:
        _desk_evidence_viewer_open_image (self);
        break;
      case DESK_EVIDENCE_KIND_TEXT:
      case DESK_EVIDENCE_KIND_EMAIL:
        _desk_evidence_viewer_open_text (self);
        break;
      default:
        adw_status_page_set_title (self->error_page, _ ("No Preview for This Kind of File"));
        adw_status_page_set_description (self->error_page,
                                         _ ("Appeal Desk previews PDFs, images, text and e-mail files. The file is "
                                            "stored safely and goes into the package as it is."));
        _desk_evidence_viewer_set_state (self, "error");
    }
}

static void
load_evidence (DeskEvidenceViewer *self,
               DeskStore          *store,
               gint64              evidence_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *path = NULL;

  self->evidence = desk_evidence_get (store, evidence_id, &error);
  if (self->evidence == NULL)
    {
      _desk_evidence_viewer_show_error (self, error);
      return;
    }
  name = desk_evidence_dup_display_name (self->evidence);
  summary = desk_evidence_describe (self->evidence);
  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, summary);
  path = desk_evidence_get_path (store, self->evidence);
  self->file = g_file_new_for_path (path);
  show_name_notice (self);
  open_evidence (self);
}

DeskEvidenceViewer *
desk_evidence_viewer_new (GtkWindow   *parent,
                          DeskSession *session,
                          gint64       evidence_id)
{
  DeskEvidenceViewer *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);

  self = g_object_new (DESK_TYPE_EVIDENCE_VIEWER, "transient-for", parent, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  load_evidence (self, desk_session_get_store (session), evidence_id);
  return self;
}

void
desk_evidence_viewer_open (GtkWindow   *parent,
                           DeskSession *session,
                           gint64       evidence_id)
{
  DeskEvidenceViewer *self = desk_evidence_viewer_new (parent, session, evidence_id);

  gtk_window_present (GTK_WINDOW (self));
}

DeskEvidenceViewer *
desk_evidence_viewer_new_for_pdf (GtkWindow  *parent,
                                  GFile      *file,
                                  const char *title,
                                  const char *subtitle)
{
  DeskEvidenceViewer *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (DESK_TYPE_EVIDENCE_VIEWER, "transient-for", parent, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  self->file = g_object_ref (file);
  _desk_evidence_viewer_open_pdf (self, NULL);
  return self;
}

DeskPdfView *
_desk_evidence_viewer_get_pdf_view (DeskEvidenceViewer *self)
{
  return self->pdf_view;
}

DeskImageCanvas *
_desk_evidence_viewer_get_image_canvas (DeskEvidenceViewer *self)
{
  return self->image_canvas;
}

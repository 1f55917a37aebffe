/* hw-print-dialog.c
 *
 * Every copy the window makes is made for someone: the dialog offers the
 * family, the agency and the court, and each adult of the family who may
 * have a copy of their own (a support person; hw_recipient_may_see_record()
 * decides, so a person kept confidential is never offered). The family's
 * copy and the family's language are chosen first, so that the copy that
 * is printed without a thought is the one that leaks nothing.
 *
 * Only the languages whose translation loads are offered
 * (hw_language_list_available()): a copy is never made in English when
 * another language was chosen. The document is built with gettext
 * switched to the chosen language, so builders that write in "the
 * current language" need nothing more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-print-dialog"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-language.h"
#include "hw-people.h"
#include "hw-print-dialog.h"
#include "hw-print-operation.h"
#include "hw-save-file.h"

struct _HwPrintDialog
{
  AdwWindow               parent_instance;

  HwStore                *store;
  gint64                  case_id;
  char                   *save_title;

  HwPrintDialogBuildFunc  build;
  gpointer                build_data;
  GDestroyNotify          build_destroy;

  /* a file that is not printed (a calendar), instead of a document */
  HwPrintDialogSaveFunc   save;
  gpointer                save_data;
  GDestroyNotify          save_destroy;
  char                   *save_file_name;

  GPtrArray              *recipients;   /* "family", "agency", "person:ID" */
  GStrv                   languages;    /* the ones whose catalog loads */

  /* template widgets */
  GtkLabel               *error_label;
  AdwComboRow            *recipient_row;
  AdwComboRow            *language_row;
  AdwComboRow            *paper_row;
  GtkBox                 *content_box;
  GtkButton              *print_button;
  GtkButton              *export_button;
};

G_DEFINE_FINAL_TYPE (HwPrintDialog, hw_print_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_SAVE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const papers[] = { "a4", "letter", NULL };

static void
show_error (HwPrintDialog *self,
            const char    *message)
{
  g_assert (HW_IS_PRINT_DIALOG (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The main window: it stays open for the toast that confirms a save. */
static GtkWidget *
toast_widget (HwPrintDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_assert (HW_IS_PRINT_DIALOG (self));

  return GTK_WIDGET (parent != NULL ? parent : GTK_WINDOW (self));
}

/* The recipient and the language chosen, checked: what every copy the
 * dialog makes (a document or a saved file) is made for. The language is
 * checked again: a catalog removed since the dialog opened is refused,
 * not silently replaced by English. Returns the language, or NULL with
 * @error. */
static char *
resolve_choices (HwPrintDialog  *self,
                 HwRecipient    *recipient,
                 GError        **error)
{
  g_autofree char *recipient_id = hw_print_dialog_get_recipient (self);

  g_assert (HW_IS_PRINT_DIALOG (self));

  if (!hw_recipient_parse (recipient_id, recipient, error))
    return NULL;
  return hw_language_choose (hw_print_dialog_get_language (self), NULL, error);
}

/* Actions --------------------------------------------------------------- */

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HwPrintDialog *self = HW_PRINT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autoptr(HwPrintOperation) op = NULL;
  g_autofree char *file_name = NULL;
  GtkPrintOperationResult result;

  g_assert (HW_IS_PRINT_DIALOG (self));

  doc = hw_print_dialog_build_document (self, TRUE, &error);
  if (doc == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  op = hw_print_operation_new (doc);
  file_name = hw_document_get_file_name (doc, "pdf");
  hw_print_operation_set_file_name (op, file_name);
  /* the print dialog has a Preview button: the same pages on screen */
  result = hw_print_operation_run_dialog (op, GTK_WINDOW (self), toast_widget (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    gtk_window_close (GTK_WINDOW (self));
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HwPrintDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *path = NULL;

  g_assert (HW_IS_PRINT_DIALOG (self));

  file = hw_save_file_choose_finish (result, NULL);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  if (self->save != NULL)
    {
      if (!hw_print_dialog_save_file (self, path, &error))
        {
          show_error (self, error->message);
          return;
        }
    }
  else if ((doc = hw_print_dialog_build_document (self, TRUE, &error)) == NULL ||
           !hw_document_export_pdf (doc, path, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  hw_save_file_show_saved (toast_widget (self), file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwPrintDialog *self = HW_PRINT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *file_name = NULL;

  g_assert (HW_IS_PRINT_DIALOG (self));

  if (self->save != NULL)
    {
      g_autofree char *language = hw_language_choose (hw_print_dialog_get_language (self),
                                                      NULL, &error);
      g_autoptr(HwLanguageSwitch) sw = NULL;

      if (language == NULL)
        {
          show_error (self, error->message);
          return;
        }
      /* the file's name in the copy's language, like a PDF's */
      sw = hw_language_push (language);
      file_name = g_strdup (_(self->save_file_name));
      g_clear_pointer (&sw, hw_language_pop);
      hw_save_file_choose (GTK_WINDOW (self),
                           self->save_title != NULL ? self->save_title : _("Save"),
                           file_name, NULL, export_chosen_cb, g_object_ref (self));
      return;
    }
  /* The file's name comes from the document's title, in the chosen
   * language; nothing lasting is done before a file is chosen. */
  doc = hw_print_dialog_build_document (self, FALSE, &error);
  if (doc == NULL)
    {
      show_error (self, error->message);
      return;
    }
  file_name = hw_document_get_file_name (doc, "pdf");
  hw_save_file_choose (GTK_WINDOW (self),
                       self->save_title != NULL ? self->save_title : _("Save as PDF"),
                       file_name, NULL, export_chosen_cb, g_object_ref (self));
}

/* GObject --------------------------------------------------------------- */

static void
hw_print_dialog_constructed (GObject *object)
{
  HwPrintDialog *self = HW_PRINT_DIALOG (object);
  g_autoptr(GtkStringList) recipients = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) paper = gtk_string_list_new (NULL);
  g_autoptr(HwRecord) kase = NULL;
  g_autoptr(GPtrArray) people = NULL;
  HwRecipient support = { HW_RECIPIENT_SUPPORT, 0 };

  G_OBJECT_CLASS (hw_print_dialog_parent_class)->constructed (object);

  kase = hw_store_get (self->store, "cases", self->case_id, NULL);

  gtk_string_list_append (recipients, _("The family"));
  g_ptr_array_add (self->recipients, g_strdup ("family"));
  gtk_string_list_append (recipients, _("The agency and the court"));
  g_ptr_array_add (self->recipients, g_strdup ("agency"));
  people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ADULTS, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);

      /* one person's own copy, if they may have one */
      support.person_id = hw_record_get_id (p);
      if (hw_recipient_may_see_record (&support, p))
        {
          /* Translators: a choice of who a printed copy is for; %s is a name */
          g_autofree char *label = g_strdup_printf (_("%s (their own copy)"),
                                                    hw_record_get_string (p, "name"));

          gtk_string_list_append (recipients, label);
          g_ptr_array_add (self->recipients, hw_recipient_to_string (&support));
        }
    }
  adw_combo_row_set_model (self->recipient_row, G_LIST_MODEL (recipients));
  adw_combo_row_set_selected (self->recipient_row, 0);

  for (guint i = 0; self->languages[i] != NULL; i++)
    gtk_string_list_append (langs, hw_choice_label (HW_CHOICES_LANGUAGE, self->languages[i]));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (langs));
  /* the family's language first */
  if (kase != NULL)
    hw_print_dialog_select (self, NULL, hw_record_get_string (kase, "primary_language"));

  gtk_string_list_append (paper, _("A4"));
  gtk_string_list_append (paper, _("US Letter"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (paper));
}

static void
hw_print_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HwPrintDialog *self = HW_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_SAVE_TITLE:
      g_free (self->save_title);
      self->save_title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_print_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HwPrintDialog *self = HW_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_SAVE_TITLE:
      g_value_set_string (value, self->save_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clear_build_func (HwPrintDialog *self)
{
  GDestroyNotify destroy = self->build_destroy;
  gpointer data = self->build_data;

  g_assert (HW_IS_PRINT_DIALOG (self));

  self->build = NULL;
  self->build_data = NULL;
  self->build_destroy = NULL;
  if (destroy != NULL)
    destroy (data);
}

static void
clear_save_func (HwPrintDialog *self)
{
  GDestroyNotify destroy = self->save_destroy;
  gpointer data = self->save_data;

  g_assert (HW_IS_PRINT_DIALOG (self));

  self->save = NULL;
  self->save_data = NULL;
  self->save_destroy = NULL;
  if (destroy != NULL)
    destroy (data);
}

static void
hw_print_dialog_dispose (GObject *object)
{
  HwPrintDialog *self = HW_PRINT_DIALOG (object);

  /* the data may hold widgets of the dialog's extra groups */
  clear_build_func (self);
  clear_save_func (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_PRINT_DIALOG);
  G_OBJECT_CLASS (hw_print_dialog_parent_class)->dispose (object);
}

static void
hw_print_dialog_finalize (GObject *object)
{
  HwPrintDialog *self = HW_PRINT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->save_title, g_free);
  g_clear_pointer (&self->save_file_name, g_free);
  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_strfreev);
  G_OBJECT_CLASS (hw_print_dialog_parent_class)->finalize (object);
}

static void
hw_print_dialog_class_init (HwPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_print_dialog_constructed;
  object_class->set_property = hw_print_dialog_set_property;
  object_class->get_property = hw_print_dialog_get_property;
  object_class->dispose = hw_print_dialog_dispose;
  object_class->finalize = hw_print_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_TITLE] =
    g_param_spec_string ("save-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/common/hw-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPrintDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwPrintDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, HwPrintDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, HwPrintDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, HwPrintDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, HwPrintDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, HwPrintDialog, export_button);

  gtk_widget_class_install_action (widget_class, "dialog.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "dialog.export", NULL, export_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_print_dialog_init (HwPrintDialog *self)
{
  self->recipients = g_ptr_array_new_with_free_func (g_free);
  self->languages = hw_language_list_available ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public ---------------------------------------------------------------- */

/**
 * hw_print_dialog_new:
 *
 * Returns: (transfer floating): a new dialog, with no build function yet
 */
HwPrintDialog *
hw_print_dialog_new (HwStore    *store,
                     gint64      case_id,
                     const char *title,
                     const char *save_title)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PRINT_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "title", title,
                       "save-title", save_title,
                       NULL);
}

void
hw_print_dialog_set_build_func (HwPrintDialog          *self,
                                HwPrintDialogBuildFunc  func,
                                gpointer                user_data,
                                GDestroyNotify          destroy)
{
  g_return_if_fail (HW_IS_PRINT_DIALOG (self));

  clear_build_func (self);
  self->build = func;
  self->build_data = user_data;
  self->build_destroy = destroy;
}

void
hw_print_dialog_set_save_func (HwPrintDialog         *self,
                               const char            *button_label,
                               const char            *file_name,
                               HwPrintDialogSaveFunc  func,
                               gpointer               user_data,
                               GDestroyNotify         destroy)
{
  g_return_if_fail (HW_IS_PRINT_DIALOG (self));
  g_return_if_fail (button_label != NULL && file_name != NULL);

  clear_save_func (self);
  self->save = func;
  self->save_data = user_data;
  self->save_destroy = destroy;
  g_free (self->save_file_name);
  self->save_file_name = g_strdup (file_name);
  gtk_button_set_label (self->export_button, button_label);
  /* a calendar has no paper and is not printed */
  gtk_widget_set_visible (GTK_WIDGET (self->print_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->export_button), "suggested-action");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

gboolean
hw_print_dialog_save_file (HwPrintDialog  *self,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *language = NULL;
  g_autoptr(HwLanguageSwitch) sw = NULL;
  HwRecipient recipient;

  g_return_val_if_fail (HW_IS_PRINT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->save == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("There is nothing to save here."));
      return FALSE;
    }
  language = resolve_choices (self, &recipient, error);
  if (language == NULL)
    return FALSE;
  sw = hw_language_push (language);
  return self->save (self, &recipient, language, path, self->save_data, error);
}

/**
 * hw_print_dialog_get_build_data:
 * @self: the dialog
 * @func: the build function the caller set
 *
 * Returns: (transfer none) (nullable): the data given with @func to
 *   hw_print_dialog_set_build_func(), or %NULL if the dialog builds its
 *   pages with another function
 */
gpointer
hw_print_dialog_get_build_data (HwPrintDialog          *self,
                                HwPrintDialogBuildFunc  func)
{
  g_return_val_if_fail (HW_IS_PRINT_DIALOG (self), NULL);

  return self->build == func ? self->build_data : NULL;
}

void
hw_print_dialog_add_group (HwPrintDialog *self,
                           GtkWidget     *group)
{
  g_return_if_fail (HW_IS_PRINT_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (group));

  gtk_box_append (self->content_box, group);
}

void
hw_print_dialog_present (HwPrintDialog *self,
                         GtkWidget     *widget)
{
  GtkRoot *root;

  g_return_if_fail (HW_IS_PRINT_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self));
}

gboolean
hw_print_dialog_select (HwPrintDialog *self,
                        const char    *recipient,
                        const char    *language)
{
  gboolean found = recipient == NULL;

  g_return_val_if_fail (HW_IS_PRINT_DIALOG (self), FALSE);

  for (guint i = 0; recipient != NULL && i < self->recipients->len; i++)
    if (g_str_equal (g_ptr_array_index (self->recipients, i), recipient))
      {
        adw_combo_row_set_selected (self->recipient_row, i);
        found = TRUE;
      }
  for (guint i = 0; language != NULL && self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], language))
      adw_combo_row_set_selected (self->language_row, i);
  return found;
}

GStrv
hw_print_dialog_list_recipients (HwPrintDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (HW_IS_PRINT_DIALOG (self), NULL);

  for (guint i = 0; i < self->recipients->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->recipients, i));
  return g_strv_builder_end (builder);
}

char *
hw_print_dialog_get_recipient (HwPrintDialog *self)
{
  guint r;

  g_return_val_if_fail (HW_IS_PRINT_DIALOG (self), NULL);

  r = adw_combo_row_get_selected (self->recipient_row);
  return g_strdup (r < self->recipients->len ? g_ptr_array_index (self->recipients, r) : "family");
}

const char *
hw_print_dialog_get_language (HwPrintDialog *self)
{
  guint l;

  g_return_val_if_fail (HW_IS_PRINT_DIALOG (self), NULL);

  l = adw_combo_row_get_selected (self->language_row);
  return l < g_strv_length (self->languages) ? self->languages[l] : "en";
}

HwDocument *
hw_print_dialog_build_document (HwPrintDialog  *self,
                                gboolean        for_real,
                                GError        **error)
{
  g_autofree char *language = NULL;
  g_autoptr(HwLanguageSwitch) sw = NULL;
  HwRecipient recipient;
  guint p;

  g_return_val_if_fail (HW_IS_PRINT_DIALOG (self), NULL);

  if (self->build == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("There is nothing to print here."));
      return NULL;
    }
  language = resolve_choices (self, &recipient, error);
  if (language == NULL)
    return NULL;
  p = adw_combo_row_get_selected (self->paper_row);
  sw = hw_language_push (language);
  return self->build (self, &recipient, language, p < G_N_ELEMENTS (papers) - 1 ? papers[p] : "a4",
                      for_real, self->build_data, error);
}

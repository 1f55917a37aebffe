/* hw-people-page.c: the people and organisations of a case.
 *
 * Two boxed lists bound to HwRecordLists of the store, so they follow
 * every edit, undo and redo. Removing needs no confirmation: the toast
 * offers Undo, and Ctrl+Z works as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-people-page"

#include <glib/gi18n.h>

#include "hw-org-dialog.h"
#include "hw-people-page.h"
#include "hw-people.h"
#include "hw-person-row.h"
#include "hw-person-dialog.h"
#include "hw-toast.h"

struct _HwPeoplePage
{
  GtkWidget     parent_instance;

  HwStore      *store;
  gint64        case_id;
  HwRecordList *people;
  HwRecordList *organisations;

  GtkListBox   *people_list;
  GtkListBox   *orgs_list;
  GtkWidget    *add_person_button;
  GtkWidget    *add_org_button;
};

G_DEFINE_FINAL_TYPE (HwPeoplePage, hw_people_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
hw_people_page_new (HwStore *store,
                    gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PEOPLE_PAGE,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}

GListModel *
hw_people_page_get_people (HwPeoplePage *self)
{
  g_return_val_if_fail (HW_IS_PEOPLE_PAGE (self), NULL);
  return G_LIST_MODEL (self->people);
}

GListModel *
hw_people_page_get_organisations (HwPeoplePage *self)
{
  g_return_val_if_fail (HW_IS_PEOPLE_PAGE (self), NULL);
  return G_LIST_MODEL (self->organisations);
}

static void
present_dialog (HwPeoplePage *self,
                GtkWindow    *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/* After an edit, put the keyboard focus on the row of @id, so that the
 * person can go on from where they were. */
static void
focus_row (GtkListBox   *list,
           HwRecordList *records,
           gint64        id)
{
  guint position = 0;
  GtkListBoxRow *row;

  if (hw_record_list_find (records, id, &position) == NULL)
    return;
  row = gtk_list_box_get_row_at_index (list, position);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
person_saved_cb (HwPeoplePage *self,
                 gint64        id)
{
  focus_row (self->people_list, self->people, id);
}

static void
org_saved_cb (HwPeoplePage *self,
              gint64        id)
{
  focus_row (self->orgs_list, self->organisations, id);
}

void
hw_people_page_add_person (HwPeoplePage *self)
{
  HwPersonDialog *dialog;

  g_return_if_fail (HW_IS_PEOPLE_PAGE (self));

  dialog = hw_person_dialog_new (self->store, self->case_id, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
edit_person (HwPeoplePage *self,
             gint64        id)
{
  HwPersonDialog *dialog = hw_person_dialog_new (self->store, self->case_id, id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
edit_org (HwPeoplePage *self,
          gint64        id)
{
  HwOrgDialog *dialog = hw_org_dialog_new (self->store, self->case_id, id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (org_saved_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
remove_row (HwPeoplePage *self,
            gboolean      is_person,
            gint64        id)
{
  GtkListBox *list = is_person ? self->people_list : self->orgs_list;
  GListModel *model = G_LIST_MODEL (is_person ? self->people : self->organisations);
  g_autoptr(GError) error = NULL;
  guint position = 0, n;

  hw_record_list_find (is_person ? self->people : self->organisations, id, &position);

  /* Labels never name anyone: they go into the audit trail. */
  if (!hw_store_delete (self->store,
                        is_person ? N_("Delete person") : N_("Delete organisation"),
                        is_person ? "people" : "organisations", id, &error))
    {
      hw_toast_show (GTK_WIDGET (self), adw_toast_new_format (_("Could not remove: %s"), error->message));
      return;
    }

  hw_toast_show_undo (GTK_WIDGET (self), is_person ? _("Person removed") : _("Organisation removed"));

  /* Keep the focus in the list: on the next row, or the last one. */
  n = g_list_model_get_n_items (model);
  if (n > 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, MIN (position, n - 1));

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else
    gtk_widget_grab_focus (is_person ? self->add_person_button : self->add_org_button);
}

/* Rows ------------------------------------------------------------------ */

static GtkWidget *
person_row_new_cb (gpointer item,
                   gpointer user_data)
{
  HwPeoplePage *self = HW_PEOPLE_PAGE (user_data);
  HwRecord *record = HW_RECORD (item);
  GtkWidget *row = hw_person_row_new (record, FALSE);
  gint64 worker_id = hw_record_is_null (record, "worker_id")
                     ? 0 : hw_record_get_int (record, "worker_id");

  /* the worker is one of the people of the same list */
  for (guint i = 0; worker_id != 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->people));
       i++)
    {
      g_autoptr(HwRecord) worker = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (hw_record_get_id (worker) == worker_id)
        hw_person_row_set_worker (HW_PERSON_ROW (row), hw_record_get_string (worker, "name"));
    }
  return row;
}

static GtkWidget *
org_row_new_cb (gpointer item,
                gpointer user_data)
{
  return hw_person_row_new (HW_RECORD (item), TRUE);
}

static gint64
row_id (GtkListBoxRow *row)
{
  return HW_IS_PERSON_ROW (row) ? hw_person_row_get_item_id (HW_PERSON_ROW (row)) : 0;
}

static void
person_activated_cb (HwPeoplePage  *self,
                     GtkListBoxRow *row)
{
  gint64 id = row_id (row);

  if (id != 0)
    edit_person (self, id);
}

static void
org_activated_cb (HwPeoplePage  *self,
                  GtkListBoxRow *row)
{
  gint64 id = row_id (row);

  if (id != 0)
    edit_org (self, id);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "list-placeholder");
  return label;
}

/* Actions --------------------------------------------------------------- */

static void
add_person_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  hw_people_page_add_person (HW_PEOPLE_PAGE (widget));
}

static void
add_org_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  edit_org (HW_PEOPLE_PAGE (widget), 0);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwPeoplePage *self = HW_PEOPLE_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (g_str_equal (action_name, "people.edit-person"))
    edit_person (self, id);
  else
    edit_org (self, id);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  remove_row (HW_PEOPLE_PAGE (widget),
              g_str_equal (action_name, "people.delete-person"),
              g_variant_get_int64 (parameter));
}

/* The Delete key removes the row that has the keyboard focus. */
static void
delete_focused_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HwPeoplePage *self = HW_PEOPLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL)
    return;
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || row_id (GTK_LIST_BOX_ROW (row)) == 0)
    return;

  remove_row (self,
              gtk_widget_get_parent (row) == GTK_WIDGET (self->people_list),
              row_id (GTK_LIST_BOX_ROW (row)));
}

/* GObject --------------------------------------------------------------- */

static void
hw_people_page_constructed (GObject *object)
{
  HwPeoplePage *self = HW_PEOPLE_PAGE (object);

  G_OBJECT_CLASS (hw_people_page_parent_class)->constructed (object);

  g_assert (HW_IS_STORE (self->store));

  self->people = hw_people_list_new (self->store, self->case_id);
  self->organisations = hw_organisations_list_new (self->store, self->case_id);

  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->people),
                           person_row_new_cb, self, NULL);
  gtk_list_box_bind_model (self->orgs_list, G_LIST_MODEL (self->organisations),
                           org_row_new_cb, self, NULL);
  gtk_list_box_set_placeholder (self->people_list,
                                placeholder_new (_("No one yet. Add the parents, the children, "
                                                   "relatives and everyone who helps.")));
  gtk_list_box_set_placeholder (self->orgs_list,
                                placeholder_new (_("No organisations yet.")));

  g_signal_connect_object (self->people_list, "row-activated",
                           G_CALLBACK (person_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orgs_list, "row-activated",
                           G_CALLBACK (org_activated_cb), self, G_CONNECT_SWAPPED);
}

static void
hw_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HwPeoplePage *self = HW_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HwPeoplePage *self = HW_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_people_page_dispose (GObject *object)
{
  HwPeoplePage *self = HW_PEOPLE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_PEOPLE_PAGE);
  /* dispose_template only unparents the children bound to fields */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->people);
  g_clear_object (&self->organisations);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_people_page_parent_class)->dispose (object);
}

static void
hw_people_page_class_init (HwPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_people_page_constructed;
  object_class->get_property = hw_people_page_get_property;
  object_class->set_property = hw_people_page_set_property;
  object_class->dispose = hw_people_page_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/people/hw-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPeoplePage, people_list);
  gtk_widget_class_bind_template_child (widget_class, HwPeoplePage, orgs_list);
  gtk_widget_class_bind_template_child (widget_class, HwPeoplePage, add_person_button);
  gtk_widget_class_bind_template_child (widget_class, HwPeoplePage, add_org_button);

  gtk_widget_class_install_action (widget_class, "people.add-person", NULL, add_person_action_cb);
  gtk_widget_class_install_action (widget_class, "people.add-organisation", NULL, add_org_action_cb);
  gtk_widget_class_install_action (widget_class, "people.edit-person", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "people.edit-organisation", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "people.delete-person", "x", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "people.delete-organisation", "x", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "people.delete-focused", NULL, delete_focused_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "people.delete-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "people.delete-focused", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hwpeoplepage");
}

static void
hw_people_page_init (HwPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

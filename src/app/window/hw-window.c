/* hw-window.c: the families on the left, one family's case on the right.
 *
 * The window keeps no data of its own: the list of families is an
 * HwRecordList that follows the store, and the case view reads its case
 * from the store. The window owns undo and redo, since they apply to the
 * whole database, and tells in a toast what was undone.
 *
 * While the list of families is empty (a new database, or after the last
 * family was deleted or its creation undone) the window shows a welcome
 * page instead: "Try the Sample Family" makes the made-up Morales family,
 * "Add My First Family" opens the New Family dialog. Nothing is ever
 * added without one of those clicks. The sample family (cases.sample)
 * carries a tag in the list and a band above its page.
 *
 * Delete Family is an ordinary, undoable edit at first; a toast offers
 * Undo. The undo window ends when that toast goes away: it times out
 * (HOMEWARD_DELETE_UNDO_SECONDS, default 10), is closed, or any other
 * change (an edit, an undo, a redo) is made, and at the latest when the
 * window closes. Then a family that is still deleted is deleted for good
 * (hw_case_delete_forever(): its undo steps, free pages and the -wal go).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-window"

#include <glib/gi18n.h>

#include "hw-application.h"
#include "hw-areas.h"
#include "hw-case-dialog.h"
#include "hw-case-row.h"
#include "hw-cases.h"
#include "hw-case-view.h"
#include "hw-demo.h"
#include "hw-enums.h"
#include "hw-found-cases.h"
#include "hw-lock-screen.h"
#include "hw-long-text.h"
#include "hw-purge.h"
#include "hw-record-list.h"
#include "hw-restore-dialog.h"
#include "hw-window.h"

/* the most characters of a family's name or number in the header bar */
#define TITLE_CHARS 40

struct _HwWindow
{
  AdwApplicationWindow  parent_instance;

  HwStore              *store;
  GSettings            *settings;
  HwRecordList         *cases;
  /* the families the search finds (all of them without a search), as
   * slots that keep their rows (hw-found-cases.c) */
  HwFoundCases         *found;
  GtkSingleSelection   *selection;
  gint64                case_id;
  /* set while the window itself changes the selection */
  gboolean              selecting;
  /* families deleted here that are still undoable (gint64 case ids) */
  GArray               *pending_deletes;
  /* the toast offering to undo the last Delete Family, while shown */
  AdwToast             *delete_toast;
  gint64                delete_step;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *sample_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListView          *case_list;
  GtkSearchEntry       *case_search;
  GtkLabel             *no_match_label;
  GtkWidget            *content;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  /* the areas as the switchers show them (see update_switchers()) */
  AdwViewStack         *areas;
  GtkStack             *content_stack;
  GtkBox               *case_box;
  GtkWidget            *sample_banner;
  GtkWidget            *case_view;
};

G_DEFINE_FINAL_TYPE (HwWindow, hw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_case (HwWindow *self,
                       gint64    case_id);

/* Size and last family from the application's settings, if any. */
static void
load_state (HwWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gint64 case_id;

  g_assert (HW_IS_WINDOW (self));

  if (!HW_IS_APPLICATION (application) || hw_application_get_settings (HW_APPLICATION (application)) == NULL)
    return;

  self->settings = g_object_ref (hw_application_get_settings (HW_APPLICATION (application)));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  case_id = g_settings_get_int64 (self->settings, "last-case-id");
  if (case_id != 0 && hw_record_list_find (self->cases, case_id, NULL) != NULL)
    show_case (self, case_id);
}

HwWindow *
hw_window_new (GtkApplication *application,
               HwStore        *store)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  HwWindow *self;

  self = g_object_new (HW_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
  /* After construction: GObject sets "application" only after
   * constructed() has run. */
  load_state (self);
  return self;
}

HwStore *
hw_window_get_store (HwWindow *self)
{
  g_return_val_if_fail (HW_IS_WINDOW (self), NULL);
  return self->store;
}

gint64
hw_window_get_case_id (HwWindow *self)
{
  g_return_val_if_fail (HW_IS_WINDOW (self), 0);
  return self->case_id;
}

GListModel *
hw_window_get_cases (HwWindow *self)
{
  g_return_val_if_fail (HW_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->cases);
}

GtkWidget *
hw_window_get_case_view (HwWindow *self)
{
  g_return_val_if_fail (HW_IS_WINDOW (self), NULL);
  return self->case_view;
}

void
hw_window_add_toast (HwWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (HW_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_undo_actions (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", hw_store_can_undo (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", hw_store_can_redo (self->store));
}

static void
update_case_actions (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-case", self->case_view != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-person", self->case_view != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-case", self->case_view != NULL);
}

/* The title shown when the window is narrow, and the window's own title
 * (read by screen readers and window lists). */
static void
update_titles (HwWindow *self)
{
  HwRecord *record = NULL;

  g_assert (HW_IS_WINDOW (self));

  if (self->case_id != 0)
    record = hw_record_list_find (self->cases, self->case_id, NULL);

  if (record != NULL)
    {
      const char *family = hw_record_get_string (record, "family_name");
      const char *number = hw_record_get_string (record, "case_number");
      g_autofree char *title = NULL;
      g_autofree char *short_family = hw_long_text_shorten (family, TITLE_CHARS);
      g_autofree char *short_number = hw_long_text_shorten (number, TITLE_CHARS);

      /* the header bar takes only strings, and asks for their whole width:
       * cut short so that a long name does not widen the window (the case
       * view's header, under it, shows them whole) */
      adw_view_switcher_title_set_title (self->switcher_title, short_family);
      adw_view_switcher_title_set_subtitle (self->switcher_title, short_number);
      title = g_strdup_printf (_("%s – Homeward"), hw_record_get_string (record, "family_name"));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Homeward"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Homeward"));
    }

  /* read from the list, which follows the store */
  gtk_widget_set_visible (self->sample_banner,
                          record != NULL && hw_record_get_boolean (record, "sample"));
}

/* The welcome page while there is no family; @force: put the focus on its
 * first button even if it was already shown (the window's first show). */
static void
update_welcome (HwWindow *self,
                gboolean  force)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->cases)) == 0;
  const char *name = empty ? "welcome" : "families";

  g_assert (HW_IS_WINDOW (self));

  if (!force && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), name) == 0)
    return;
  gtk_stack_set_visible_child_name (self->main_stack, name);
  /* Enter or Space at once tries the sample: the keyboard's way to the
   * one-click start the README promises */
  if (empty)
    gtk_widget_grab_focus (self->sample_button);
}

static void select_position_of_case (HwWindow *self);

static void
update_no_match (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label),
                          *hw_found_cases_get_search (self->found) != '\0'
                          && g_list_model_get_n_items (G_LIST_MODEL (self->found)) == 0);
}

static void
case_search_changed_cb (HwWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->case_search));

  g_assert (HW_IS_WINDOW (self));

  hw_found_cases_set_search (self->found, text);
  select_position_of_case (self);
  update_no_match (self);
}

/* Escape in the search: the whole list again */
static void
case_search_stop_cb (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->case_search), "");
}

/* Enter in the search opens the first family found */
static void
case_search_activate_cb (HwWindow *self)
{
  HwRecord *first = hw_found_cases_get_record (self->found, 0);

  g_assert (HW_IS_WINDOW (self));

  if (first != NULL)
    hw_window_select_case (self, hw_record_get_id (first));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->case_search));
}

static void
select_position_of_case (HwWindow *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert (HW_IS_WINDOW (self));

  if (self->case_id != 0)
    position = hw_found_cases_find (self->found, self->case_id);

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

/* The switchers (in the header, and at the bottom of a narrow window)
 * show a stack of their own that names the areas, made once, whose
 * visible page follows the open family's and leads it: set to each
 * family's stack, they made their buttons again at every family opened,
 * a seventh of opening one. They show when a family is open. */
static void
update_switchers (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, self->case_view != NULL);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->case_view != NULL
                                    && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

/* a page chosen in a switcher: the family's page */
static void
areas_page_changed_cb (HwWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->areas);

  if (self->case_view != NULL && name != NULL)
    adw_view_stack_set_visible_child_name (hw_case_view_get_stack (HW_CASE_VIEW (self->case_view)), name);
}

/* the family's page changed (a shortcut, the program): the switchers' */
static void
case_page_changed_cb (HwWindow     *self,
                      GParamSpec   *pspec,
                      AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (self->case_view != NULL && hw_case_view_get_stack (HW_CASE_VIEW (self->case_view)) == stack
      && name != NULL)
    adw_view_stack_set_visible_child_name (self->areas, name);
}

static void
areas_init (HwWindow *self)
{
  guint n_areas = 0;
  const HwArea *areas = hw_areas_get (&n_areas);

  self->areas = g_object_ref_sink (ADW_VIEW_STACK (adw_view_stack_new ()));
  for (guint i = 0; i < n_areas; i++)
    {
      AdwViewStackPage *page = adw_view_stack_add_titled (self->areas, gtk_box_new (GTK_ORIENTATION_VERTICAL, 0),
                                                          areas[i].name, _(areas[i].title));

      adw_view_stack_page_set_icon_name (page, areas[i].icon_name);
    }
  adw_view_switcher_title_set_stack (self->switcher_title, self->areas);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->areas);
  g_signal_connect_object (self->areas, "notify::visible-child-name",
                           G_CALLBACK (areas_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switchers), self, G_CONNECT_SWAPPED);
  update_switchers (self);
}

static void
show_case (HwWindow *self,
           gint64    case_id)
{
  g_autofree char *page_name = NULL;

  g_assert (HW_IS_WINDOW (self));

  if (case_id != 0 && hw_record_list_find (self->cases, case_id, NULL) == NULL)
    case_id = 0;

  if (case_id == self->case_id && (case_id == 0) == (self->case_view == NULL))
    {
      select_position_of_case (self);
      return;
    }

  /* Another family opens on the same area (ecomap stays ecomap). */
  if (self->case_view != NULL)
    {
      AdwViewStack *old_stack = hw_case_view_get_stack (HW_CASE_VIEW (self->case_view));

      page_name = g_strdup (adw_view_stack_get_visible_child_name (old_stack));
      gtk_box_remove (self->case_box, self->case_view);
      self->case_view = NULL;
    }

  self->case_id = case_id;
  if (case_id != 0)
    {
      AdwViewStack *stack;

      self->case_view = hw_case_view_new (self->store, case_id);
      gtk_widget_set_vexpand (self->case_view, TRUE);
      stack = hw_case_view_get_stack (HW_CASE_VIEW (self->case_view));
      /* before it is shown: only the area shown is made (hw-case-view.c) */
      if (page_name != NULL)
        adw_view_stack_set_visible_child_name (stack, page_name);
      gtk_box_append (self->case_box, self->case_view);
      adw_view_stack_set_visible_child_name (self->areas, adw_view_stack_get_visible_child_name (stack));
      g_signal_connect_object (stack, "notify::visible-child-name",
                               G_CALLBACK (case_page_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->content_stack, "case");
      /* When the window folds (narrow, or an area wider than what is
       * left beside the list), the open family shows, not the list. */
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
    }

  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-case-id", case_id);

  update_switchers (self);
  select_position_of_case (self);
  update_titles (self);
  update_case_actions (self);
}

void
hw_window_select_case (HwWindow *self,
                       gint64    case_id)
{
  g_return_if_fail (HW_IS_WINDOW (self));
  show_case (self, case_id);
}

static void
selection_changed_cb (HwWindow *self)
{
  HwCaseSlot *slot;
  HwRecord *record;

  g_assert (HW_IS_WINDOW (self));

  if (self->selecting)
    return;

  slot = gtk_single_selection_get_selected_item (self->selection);
  record = slot != NULL ? hw_case_slot_get_record (slot) : NULL;
  if (record == NULL)
    return;

  show_case (self, hw_record_get_id (record));
  /* On a narrow window, choosing a family opens it. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
case_list_activate_cb (HwWindow *self,
                       guint     position)
{
  HwRecord *record = hw_found_cases_get_record (self->found, position);

  g_assert (HW_IS_WINDOW (self));

  if (record != NULL)
    show_case (self, hw_record_get_id (record));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The list was read again (an edit, undo or redo): keep the same family
 * selected, or show none if it is gone (e.g. its creation was undone). */
static void
cases_changed_cb (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  update_welcome (self, FALSE);

  if (self->case_id != 0 && hw_record_list_find (self->cases, self->case_id, NULL) == NULL)
    show_case (self, 0);
  else
    {
      select_position_of_case (self);
      update_titles (self);
    }
}

static void
store_undo_changed_cb (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  update_undo_actions (self);
}

/* Case list rows ------------------------------------------------------- */

static void
case_row_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  gtk_list_item_set_child (item, hw_case_row_new ());
}

/* Fills the row of @item with the family its slot holds: when bound, and
 * again when the search puts another family in the slot. */
static void
case_row_fill (GtkListItem *item)
{
  hw_case_row_set_record (HW_CASE_ROW (gtk_list_item_get_child (item)),
                          hw_case_slot_get_record (gtk_list_item_get_item (item)));
}

static void
case_row_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  case_row_fill (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::record",
                           G_CALLBACK (case_row_fill), item, G_CONNECT_SWAPPED);
}

static void
case_row_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), case_row_fill, item);
}

/* Actions --------------------------------------------------------------- */

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = hw_store_get_undo_label (self->store);
  AdwToast *toast;

  if (!hw_store_can_undo (self->store))
    return;

  if (!hw_store_undo (self->store, &error))
    toast = adw_toast_new_format (_("Could not undo: %s"), error->message);
  else
    {
      /* Labels are stored untranslated (they go into the audit trail) and
       * translated when shown. */
      toast = adw_toast_new_format (_("Undone: %s"), label ? _(label) : _("last change"));
      adw_toast_set_button_label (toast, _("_Redo"));
      adw_toast_set_action_name (toast, "win.redo");
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  update_undo_actions (self);
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = hw_store_get_redo_label (self->store);
  AdwToast *toast;

  if (!hw_store_can_redo (self->store))
    return;

  if (!hw_store_redo (self->store, &error))
    toast = adw_toast_new_format (_("Could not redo: %s"), error->message);
  else
    toast = adw_toast_new_format (_("Redone: %s"), label ? _(label) : _("last change"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  update_undo_actions (self);
}

static void
case_saved_cb (HwWindow     *self,
               gint64        case_id,
               HwCaseDialog *dialog)
{
  g_assert (HW_IS_WINDOW (self));

  show_case (self, case_id);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
add_case_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);
  HwCaseDialog *dialog = hw_case_dialog_new (self->store, 0);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (case_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Try the Sample Family": the made-up family, as one undoable edit, opened
 * at once. */
static void
add_sample_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  case_id = hw_demo_create (self->store, &error);
  if (case_id == 0)
    {
      AdwToast *toast = adw_toast_new_format (_("Could not add the sample family: %s"), error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  show_case (self, case_id);
}

static void
edit_case_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);

  if (self->case_view != NULL)
    hw_case_view_edit_details (HW_CASE_VIEW (self->case_view));
}

static void
add_person_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);

  if (self->case_view != NULL)
    hw_case_view_add_person (HW_CASE_VIEW (self->case_view));
}

static void
restore_backup_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (hw_restore_dialog_new (GTK_WINDOW (self), self->store)));
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Delete Family ---------------------------------------------------------- */

static gint64
newest_undo_step (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  return hw_cases_newest_undo_step (self->store);
}

/* Deletes for good the families deleted here that are still deleted; a
 * family brought back by Undo stays pending, in case it is redone. */
static void
finish_pending_deletes (HwWindow *self)
{
  g_assert (HW_IS_WINDOW (self));

  if (self->store == NULL || self->pending_deletes == NULL)
    return;

  for (guint i = self->pending_deletes->len; i > 0; i--)
    {
      gint64 case_id = g_array_index (self->pending_deletes, gint64, i - 1);
      g_autoptr(GError) error = NULL;

      /* still there (brought back by Undo), or not known: kept pending */
      if (hw_case_exists (self->store, case_id, &error) || error != NULL)
        continue;
      g_array_remove_index (self->pending_deletes, i - 1);
      if (!hw_case_delete_forever (self->store, case_id, &error) &&
          !g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND))
        {
          /* NOT_FOUND: its undo step is already gone, e.g. pruned */
          g_warning ("Could not delete case %" G_GINT64_FORMAT " for good: %s", case_id, error->message);
          if (gtk_widget_get_realized (GTK_WIDGET (self)))
            adw_toast_overlay_add_toast (self->toast_overlay,
                                         adw_toast_new_format (_("Could not delete the family for good: %s"),
                                                               error->message));
        }
    }
}

static void
delete_toast_dismissed_cb (HwWindow *self,
                           AdwToast *toast)
{
  g_assert (HW_IS_WINDOW (self));

  if (self->delete_toast == toast)
    self->delete_toast = NULL;
  finish_pending_deletes (self);
  update_undo_actions (self);
}

static void
delete_toast_undo_cb (HwWindow *self,
                      AdwToast *toast)
{
  g_autoptr(GError) error = NULL;

  g_assert (HW_IS_WINDOW (self));

  /* only the delete itself, never another edit made meanwhile */
  if (self->delete_toast != toast || newest_undo_step (self) != self->delete_step)
    return;
  self->delete_toast = NULL;
  if (!hw_store_undo (self->store, &error))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new_format (_("Could not undo: %s"), error->message));
  update_undo_actions (self);
}

/* Any other change ends the undo window of the delete. */
static void
store_changed_cb (HwWindow   *self,
                  const char *table)
{
  g_assert (HW_IS_WINDOW (self));

  if (self->delete_toast != NULL && newest_undo_step (self) != self->delete_step)
    {
      AdwToast *toast = g_steal_pointer (&self->delete_toast);
      adw_toast_dismiss (toast);
    }
}

static guint
delete_undo_seconds (void)
{
  const char *env = g_getenv ("HOMEWARD_DELETE_UNDO_SECONDS");
  guint64 seconds = 10;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, 3600, &seconds, NULL))
    seconds = 10;
  return (guint) seconds;
}

/* The family a Delete Family dialog asks about: the one open when it was
 * asked, whatever is open when the answer comes. */
typedef struct {
  GWeakRef window;
  gint64   case_id;
} DeleteRequest;

static void
delete_request_free (gpointer  data,
                     GClosure *closure)
{
  DeleteRequest *request = data;

  g_weak_ref_clear (&request->window);
  g_free (request);
}

static void
delete_family (HwWindow *self,
               gint64    case_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  HwRecord *record;
  AdwToast *toast;

  g_assert (HW_IS_WINDOW (self));

  if (case_id == 0)
    return;
  record = hw_record_list_find (self->cases, case_id, NULL);
  if (record == NULL)
    return;
  name = g_strdup (hw_record_get_string (record, "family_name"));

  /* the previous delete's undo window ends now */
  if (self->delete_toast != NULL)
    {
      AdwToast *old = g_steal_pointer (&self->delete_toast);
      adw_toast_dismiss (old);
    }

  if (!hw_store_delete (self->store, N_("Delete family"), "cases", case_id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new_format (_("Could not delete the family: %s"), error->message));
      return;
    }
  g_array_append_val (self->pending_deletes, case_id);
  self->delete_step = newest_undo_step (self);

  toast = adw_toast_new_format (_("The %s family was deleted"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, delete_undo_seconds ());
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (delete_toast_undo_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->delete_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteRequest    *request)
{
  g_autoptr(HwWindow) self = g_weak_ref_get (&request->window);

  if (self != NULL && g_strcmp0 (response, "delete") == 0)
    delete_family (self, request->case_id);
}

static void
delete_case_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HwWindow *self = HW_WINDOW (widget);
  HwRecord *record = hw_record_list_find (self->cases, self->case_id, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  DeleteRequest *request;
  guint seconds = delete_undo_seconds ();

  if (record == NULL)
    return;

  heading = g_strdup_printf (_("Delete the %s family?"), hw_record_get_string (record, "family_name"));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Everything recorded about this family is deleted: its people, meetings, "
                                       "plans, visits and notes. You can undo this for %u second. After that it "
                                       "is deleted for good and cannot be brought back.",
                                       "Everything recorded about this family is deleted: its people, meetings, "
                                       "plans, visits and notes. You can undo this for %u seconds. After that it "
                                       "is deleted for good and cannot be brought back.",
                                       seconds), seconds);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Family"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request = g_new0 (DeleteRequest, 1);
  g_weak_ref_init (&request->window, self);
  request->case_id = self->case_id;
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), request,
                         delete_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject --------------------------------------------------------------- */

static gboolean
hw_window_close_request (GtkWindow *window)
{
  HwWindow *self = HW_WINDOW (window);

  /* the undo window of a Delete Family ends with the window */
  finish_pending_deletes (self);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (hw_window_parent_class)->close_request (window);
}

static void
hw_window_constructed (GObject *object)
{
  HwWindow *self = HW_WINDOW (object);
  g_autoptr(GtkListItemFactory) factory = NULL;
  gint64 case_id = 0;

  G_OBJECT_CLASS (hw_window_parent_class)->constructed (object);

  g_assert (HW_IS_STORE (self->store));

  self->cases = hw_cases_list_new (self->store);
  self->found = hw_found_cases_new (G_LIST_MODEL (self->cases));
  g_signal_connect_object (self->found, "items-changed",
                           G_CALLBACK (update_no_match), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->found)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (case_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (case_row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (case_row_unbind_cb), NULL);
  gtk_list_view_set_factory (self->case_list, factory);
  gtk_list_view_set_model (self->case_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_list, "activate",
                           G_CALLBACK (case_list_activate_cb), self, G_CONNECT_SWAPPED);
  /* Connected after the selection model so that it has updated first. */
  g_signal_connect_object (self->cases, "items-changed",
                           G_CALLBACK (cases_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "notify::can-undo",
                           G_CALLBACK (store_undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::can-redo",
                           G_CALLBACK (store_undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  /* The first family; load_state() may open the last one instead. */
  {
    g_autoptr(HwRecord) first = g_list_model_get_item (G_LIST_MODEL (self->cases), 0);

    case_id = first ? hw_record_get_id (first) : 0;
  }
  adw_status_page_set_icon_name (self->welcome_page, APP_ID);
  update_welcome (self, FALSE);
  show_case (self, case_id);
  if (case_id == 0)
    {
      update_titles (self);
      update_case_actions (self);
    }
  update_undo_actions (self);

  /* screen lock: wraps the content, adds win.lock and win.preferences */
  hw_lock_screen_install (ADW_APPLICATION_WINDOW (self), self->store);
  /* the focus, once the content has its place under the lock screen (a
   * widget taken out of the window loses it) */
  update_welcome (self, TRUE);
}

static void
hw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HwWindow *self = HW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HwWindow *self = HW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_window_dispose (GObject *object)
{
  HwWindow *self = HW_WINDOW (object);

  /* a window destroyed without a close request (the app quits) */
  finish_pending_deletes (self);
  g_clear_pointer (&self->pending_deletes, g_array_unref);
  self->delete_toast = NULL;

  /* The list view and its rows go first, then the models they show. */
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_WINDOW);
  self->case_view = NULL;
  g_clear_object (&self->areas);
  g_clear_object (&self->selection);
  g_clear_object (&self->cases);
  g_clear_object (&self->found);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_window_parent_class)->dispose (object);
}

static void
hw_window_class_init (HwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hw_window_constructed;
  object_class->get_property = hw_window_get_property;
  object_class->set_property = hw_window_set_property;
  object_class->dispose = hw_window_dispose;
  window_class->close_request = hw_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/window/hw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, sample_button);
  /* for tests (gtk_widget_get_template_child) */
  gtk_widget_class_bind_template_child_full (widget_class, "first_family_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, case_list);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, case_search);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, case_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_search_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, content);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, case_box);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, sample_banner);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-case", NULL, add_case_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-sample", NULL, add_sample_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-case", NULL, edit_case_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-person", NULL, add_person_action_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-case", NULL, delete_case_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);

  /* Also work without an application (tests) and when the application's
   * accelerators are not set. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
hw_window_init (HwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  areas_init (self);
  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* hw-meeting-item-row.c: one thing said in a step of the meeting (a
 * strength, a worry, an idea, a decision, a next step...).
 *
 * The text is edited in place (Enter or double click on the row); the
 * item can be moved (Alt+Up/Down), made private (never on the room's
 * screen nor in the family's copy) and deleted (Delete; the toast and
 * Ctrl+Z undo it). A decision says whether everyone agreed, and if not who
 * and why; a next step says who does it, by when, who checks it, and can
 * become a task of the service plan. What someone sent from their phone
 * says whose it is; it stays off the room's screen until the facilitator
 * lets it through (Show on Screen), and can be taken off again. Two
 * items that say the same thing are merged (Merge, Ctrl+M: into the item
 * above), keeping both people who wrote them; Ctrl+Z undoes it.
 *
 * The row shows one record of hw_meeting_items_list_new(); an edit
 * changes the record, and the list makes a new row for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-item-row"

#include <glib/gi18n.h>

#include "hw-long-text.h"
#include "hw-meeting.h"
#include "hw-meeting-item-row.h"
#include "hw-meeting-later.h"
#include "hw-people.h"
#include "hw-toast.h"

struct _HwMeetingItemRow
{
  GtkListBoxRow     parent_instance;

  HwStore          *store;
  gint64            case_id;
  HwRecord         *record;
  gint64            version;      /* the item's version as shown */
  char             *stored_text;  /* its text as shown, before any typing */
  GArray           *people_ids;   /* gint64: the choices of the people drop-downs */
  gboolean          filling;      /* writing widgets from the record */

  /* template */
  GtkEditableLabel *text_label;
  GtkWidget        *private_tag;
  GtkWidget        *phone_box;
  GtkLabel         *phone_label;
  GtkImage         *screen_icon;
  GtkWidget        *show_button;
  GtkWidget        *hide_button;
  GtkLabel         *scores_label;
  GtkWidget        *decision_box;
  GtkCheckButton   *consensus_check;
  GtkEntry         *dissent_entry;
  GtkWidget        *action_box;
  GtkDropDown      *owner_dropdown;
  GtkEntry         *due_entry;
  GtkDropDown      *checker_dropdown;
  GtkWidget        *in_plan_label;
  GtkWidget        *to_task_button;
  GtkToggleButton  *private_button;
  GtkWidget        *merge_button;
  GtkWidget        *up_button;
  GtkWidget        *down_button;
  GtkWidget        *delete_button;
};

G_DEFINE_FINAL_TYPE (HwMeetingItemRow, hw_meeting_item_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_RECORD,
  PROP_ITEM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
item_id (HwMeetingItemRow *self)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  return hw_record_get_id (self->record);
}

/* The list the row is in: it outlives the row, which an edit replaces,
 * so the toasts and the focus go through it. */
static GtkWidget *
scope (HwMeetingItemRow *self)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  return gtk_widget_get_parent (GTK_WIDGET (self));
}

/* Editing ------------------------------------------------------------------ */

static guint person_at (HwMeetingItemRow *self, gint64 person_id);
static void  fill_switches (HwMeetingItemRow *self, HwRecord *record);
static void  fill_phone (HwMeetingItemRow *self, const char *text, gboolean hidden);

/* Someone else changed the item since it was shown (@error says so): the
 * row shows what they saved (a check box or a drop-down cannot show
 * "their text": it goes back to what is stored) and the next save is
 * made over their version. */
static void
show_newer (HwMeetingItemRow *self,
            const GError     *error)
{
  g_autoptr(HwRecord) newer = NULL;
  const char *phase;

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (!g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
    return;
  newer = hw_store_get (self->store, "meeting_items", item_id (self), NULL);
  if (newer == NULL)
    return;
  self->version = hw_record_get_version (newer);
  g_free (self->stored_text);
  self->stored_text = g_strdup (hw_record_get_string (newer, "text"));

  self->filling = TRUE;
  phase = hw_record_get_string (newer, "phase");
  gtk_editable_set_text (GTK_EDITABLE (self->text_label), self->stored_text);
  /* private, on the room's screen: as they left them */
  fill_switches (self, newer);
  if (g_strcmp0 (phase, "decisions") == 0)
    {
      gboolean consensus = hw_record_get_boolean (newer, "consensus");

      gtk_check_button_set_active (self->consensus_check, consensus);
      gtk_editable_set_text (GTK_EDITABLE (self->dissent_entry),
                             hw_record_get_string (newer, "dissent"));
      gtk_widget_set_visible (GTK_WIDGET (self->dissent_entry), !consensus);
    }
  else if (g_strcmp0 (phase, "actions") == 0)
    {
      gtk_drop_down_set_selected (self->owner_dropdown,
                                  person_at (self, hw_record_get_int (newer, "owner_person_id")));
      gtk_drop_down_set_selected (self->checker_dropdown,
                                  person_at (self, hw_record_get_int (newer, "checker_person_id")));
      gtk_editable_set_text (GTK_EDITABLE (self->due_entry), hw_record_get_string (newer, "due_date"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_entry), "error");
    }
  self->filling = FALSE;
}

static void
do_edit (GtkWidget *widget,
         GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  /* saved over the item as it was shown only */
  if (!hw_meeting_edit_item_at (self->store, item_id (self), self->version,
                                gtk_editable_get_text (GTK_EDITABLE (self->text_label)), &error))
    {
      hw_toast_show_error (list, error);
      /* someone else changed it since: their text is shown */
      gtk_editable_set_text (GTK_EDITABLE (self->text_label), self->stored_text);
      show_newer (self, error);
    }
}

static void
editing_cb (HwMeetingItemRow *self)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (self->filling || gtk_editable_label_get_editing (self->text_label) ||
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->text_label)), self->stored_text) == 0)
    return;
  hw_meeting_run_later (GTK_WIDGET (self), do_edit, NULL);
}

static void
do_move (GtkWidget *widget,
         GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("item-%" G_GINT64_FORMAT, item_id (self));

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (!hw_meeting_move_item (self->store, item_id (self), g_variant_get_int32 (parameter), &error))
    hw_toast_show_error (list, error);
  hw_meeting_refocus_later (list, name);
}

static void
do_delete (GtkWidget *widget,
           GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  /* only as it was shown: someone else's change since is kept */
  if (!hw_meeting_delete_item_at (self->store, item_id (self), self->version, &error))
    {
      hw_toast_show_error (list, error);
      show_newer (self, error);
    }
  else
    hw_toast_show_undo (list, _("Item deleted"));
}

/* Into the item above: that one stays, with both texts and both authors. */
static void
do_merge_up (GtkWidget *widget,
             GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkListBoxRow *above = NULL;
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
  gint64 keep;

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (GTK_IS_LIST_BOX (list) && index > 0)
    above = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index - 1);
  if (!HW_IS_MEETING_ITEM_ROW (above))
    {
      hw_toast_show (list, adw_toast_new (_("There is no item above this one to merge it with.")));
      return;
    }
  keep = item_id (HW_MEETING_ITEM_ROW (above));
  name = g_strdup_printf ("item-%" G_GINT64_FORMAT, keep);
  if (!hw_meeting_merge_items (self->store, keep, item_id (self), &error))
    hw_toast_show_error (list, error);
  else
    {
      hw_toast_show_undo (list, _("Items merged"));
      hw_meeting_refocus_later (list, name);
    }
}

static void
do_private (GtkWidget *widget,
            GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;
  gboolean on = gtk_toggle_button_get_active (self->private_button);
  g_autofree char *name = g_strdup (gtk_widget_get_name (GTK_WIDGET (self->private_button)));

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  /* private = off the screen and out of the family's and supporters'
   * copies; the agency keeps it */
  if (!hw_meeting_set_item_confidential_at (self->store, item_id (self), self->version, on,
                                            on ? "family,support,screen" : "", &error))
    {
      hw_toast_show_error (list, error);
      /* someone else changed it since: the switch shows their choice */
      show_newer (self, error);
    }
  hw_meeting_refocus_later (list, name);
}

static void
private_toggled_cb (HwMeetingItemRow *self)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (!self->filling)
    hw_meeting_run_later (GTK_WIDGET (self), do_private, NULL);
}

/* Sent from a phone: on the room's screen or not ------------------------------ */

/* @parameter: TRUE to keep the item off the screen, FALSE to let it through */
static void
do_hidden (GtkWidget *widget,
           GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;
  gboolean hidden = g_variant_get_boolean (parameter);
  /* the new row has the other button: the focus goes there */
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT,
                                           hidden ? "show" : "hide", item_id (self));

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (!hw_meeting_set_item_hidden_at (self->store, item_id (self), self->version, hidden, &error))
    {
      hw_toast_show_error (list, error);
      show_newer (self, error);
      return;
    }
  hw_toast_show_undo (list, hidden ? _("Taken off the room’s screen")
                                   : _("Shown on the room’s screen"));
  hw_meeting_refocus_later (list, name);
}

/* Decisions ---------------------------------------------------------------- */

static void
do_decision (GtkWidget *widget,
             GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;
  gboolean consensus = g_variant_get_boolean (parameter);
  const char *dissent = gtk_editable_get_text (GTK_EDITABLE (self->dissent_entry));

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  /* saved over the decision as it was shown only */
  if (!hw_meeting_set_decision (self->store, item_id (self), self->version,
                                consensus, consensus ? NULL : dissent, &error))
    {
      hw_toast_show_error (list, error);
      show_newer (self, error);
    }
}

static void
consensus_toggled_cb (HwMeetingItemRow *self)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (self->filling)
    return;
  if (gtk_check_button_get_active (self->consensus_check))
    {
      hw_meeting_run_later (GTK_WIDGET (self), do_decision, g_variant_new_boolean (TRUE));
      return;
    }
  /* Not everyone agreed: first say who and why (Enter saves). */
  gtk_widget_set_visible (GTK_WIDGET (self->dissent_entry), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->dissent_entry));
}

static void
dissent_activate_cb (HwMeetingItemRow *self)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  hw_meeting_run_later (GTK_WIDGET (self), do_decision, g_variant_new_boolean (FALSE));
}

/* Next steps --------------------------------------------------------------- */

static gint64
person_chosen (HwMeetingItemRow *self,
               GtkDropDown      *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  return i < self->people_ids->len ? g_array_index (self->people_ids, gint64, i) : 0;
}

/* @parameter: the name of the widget that asked, for the focus */
static void
do_action (GtkWidget *widget,
           GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_variant_dup_string (parameter, NULL);

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  /* saved over the next step as it was shown only */
  if (!hw_meeting_set_action (self->store, item_id (self), self->version,
                              person_chosen (self, self->owner_dropdown),
                              person_chosen (self, self->checker_dropdown),
                              gtk_editable_get_text (GTK_EDITABLE (self->due_entry)), &error))
    {
      hw_toast_show_error (list, error);
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        show_newer (self, error);
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->due_entry), "error");
      return;
    }
  hw_meeting_refocus_later (list, name);
}

static void
action_changed_cb (HwMeetingItemRow *self,
                   GParamSpec       *pspec,
                   GtkWidget        *widget)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (!self->filling)
    hw_meeting_run_later (GTK_WIDGET (self), do_action,
                          g_variant_new_string (gtk_widget_get_name (widget)));
}

static void
due_activate_cb (HwMeetingItemRow *self)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  action_changed_cb (self, NULL, GTK_WIDGET (self->due_entry));
}

static void
do_to_task (GtkWidget *widget,
            GVariant  *parameter)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (hw_meeting_action_to_task (self->store, item_id (self), 0, &error) == 0)
    hw_toast_show_error (list, error);
  else
    hw_toast_show_undo (list, _("Added to the service plan"));
}

/* Where @person_id is in the people drop-downs ("Not decided yet": 0). */
static guint
person_at (HwMeetingItemRow *self,
           gint64            person_id)
{
  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  for (guint i = 0; i < self->people_ids->len; i++)
    if (g_array_index (self->people_ids, gint64, i) == person_id)
      return i;
  return 0;
}

/* The people of the family for a drop-down: "Not decided yet" first. */
static void
fill_people (HwMeetingItemRow *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) checkers = gtk_string_list_new (NULL);
  gint64 owner = hw_record_get_int (self->record, "owner_person_id");
  gint64 checker = hw_record_get_int (self->record, "checker_person_id");
  guint owner_at = 0, checker_at = 0;
  gint64 none = 0;

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  gtk_string_list_append (owners, _("Not decided yet"));
  g_array_append_val (self->people_ids, none);
  people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ALL, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);

      gtk_string_list_append (owners, hw_record_get_string (p, "name"));
      g_array_append_val (self->people_ids, id);
      if (id == owner)
        owner_at = self->people_ids->len - 1;
      if (id == checker)
        checker_at = self->people_ids->len - 1;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (owners)); i++)
    gtk_string_list_append (checkers, gtk_string_list_get_string (owners, i));
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (owners));
  gtk_drop_down_set_selected (self->owner_dropdown, owner_at);
  gtk_drop_down_set_model (self->checker_dropdown, G_LIST_MODEL (checkers));
  gtk_drop_down_set_selected (self->checker_dropdown, checker_at);
}

static void
set_name (gpointer    widget,
          const char *what,
          gint64      id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, what, id);

  gtk_widget_set_name (GTK_WIDGET (widget), name);
}

/* @label: (transfer full): the accessible name */
static void
set_label (gpointer  widget,
           char     *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (label);
}

/* Row actions -------------------------------------------------------------- */

/* The buttons' clicks: the write waits for the click to be over. */
static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hw_meeting_run_later (widget, do_move, parameter);
}

static void
merge_up_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  hw_meeting_run_later (widget, do_merge_up, NULL);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hw_meeting_run_later (widget, do_delete, NULL);
}

static void
to_task_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  hw_meeting_run_later (widget, do_to_task, NULL);
}

static void
show_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hw_meeting_run_later (widget, do_hidden, g_variant_new_boolean (FALSE));
}

static void
hide_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hw_meeting_run_later (widget, do_hidden, g_variant_new_boolean (TRUE));
}

/* Sent from a phone: whose it is, and whether the room sees it yet. */
static void
fill_phone (HwMeetingItemRow *self,
            const char       *text,
            gboolean          hidden)
{
  HwRecord *record = self->record;
  gint64 id = item_id (self);
  const char *author = hw_record_get_string (record, "author_name");
  const char *coauthor = hw_record_get_string (record, "coauthor_name");
  const char *screen_state;
  g_autofree char *line = NULL;

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  if (hw_record_is_null (record, "author_person_id") && !hidden)
    {
      gtk_widget_set_visible (self->phone_box, FALSE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->phone_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->phone_label), "dim-label");
  if (*author == '\0')
    /* TRANSLATORS: an item whose author's name is not known (any more) */
    author = _("someone");
  if (coauthor != NULL && *coauthor != '\0')
    {
      /* two items merged into one: both people who sent them */
      if (hidden)
        /* TRANSLATORS: %s are the names of the two people who sent it */
        line = g_strdup_printf (_("From %s’s and %s’s phones — not on the screen yet"), author,
                                coauthor);
      else
        line = g_strdup_printf (_("From %s’s and %s’s phones"), author, coauthor);
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_label), hidden ? "warning" : "dim-label");
    }
  else if (hidden)
    {
      /* TRANSLATORS: %s is the name of the person who sent it */
      line = g_strdup_printf (_("From %s’s phone — not on the screen yet"), author);
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_label), "warning");
    }
  else
    {
      line = g_strdup_printf (_("From %s’s phone"), author);
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_label), "dim-label");
    }
  gtk_label_set_text (self->phone_label, line);
  /* an icon of its own for each state, so the waiting item never looks
   * like one the room already sees (and says so to a screen reader) */
  gtk_image_set_from_icon_name (self->screen_icon,
                                hidden ? "view-conceal-symbolic" : "view-reveal-symbolic");
  screen_state = hidden ? _("Not on the room’s screen yet") : _("On the room’s screen");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->screen_icon), screen_state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->screen_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, screen_state, -1);
  set_name (self->screen_icon, "screen", id);
  gtk_widget_set_visible (self->show_button, hidden);
  gtk_widget_set_visible (self->hide_button, !hidden);
  set_name (self->phone_label, "phone", id);
  set_name (self->show_button, "show", id);
  set_name (self->hide_button, "hide", id);
  set_label (self->show_button, g_strdup_printf (_("Show on screen: %s"), text));
  set_label (self->hide_button, g_strdup_printf (_("Hide from screen: %s"), text));
  gtk_widget_set_visible (self->phone_box, TRUE);
}

/* Private or not, on the room's screen or not, as @record says (the
 * row's own record, or someone else's newer one). */
static void
fill_switches (HwMeetingItemRow *self,
               HwRecord         *record)
{
  gboolean private = hw_record_get_boolean (record, "confidential") ||
                     *hw_record_get_string (record, "withheld_from") != '\0';
  gboolean hidden = hw_record_get_boolean (record, "hidden");

  g_assert (HW_IS_MEETING_ITEM_ROW (self));

  gtk_widget_set_visible (self->private_tag, private);
  /* an open eye: on the room's screen; crossed out: kept private, or sent
   * from a phone and not let through yet (the toggle's state still says
   * whether it is private) */
  gtk_button_set_icon_name (GTK_BUTTON (self->private_button),
                            private || hidden ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_toggle_button_set_active (self->private_button, private);
  if (record != self->record && gtk_widget_get_visible (self->phone_box))
    /* who sent it stays; whether the room sees it is theirs */
    fill_phone (self, self->stored_text, hidden);
}

/* GObject ------------------------------------------------------------------ */

static void
hw_meeting_item_row_constructed (GObject *object)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (object);
  HwRecord *record = self->record;
  gint64 id = item_id (self);
  const char *phase = hw_record_get_string (record, "phase");
  const char *text = hw_record_get_string (record, "text");
  const char *scores = hw_record_get_string (record, "scores_text");

  G_OBJECT_CLASS (hw_meeting_item_row_parent_class)->constructed (object);

  self->filling = TRUE;
  self->version = hw_record_get_version (record);
  self->stored_text = g_strdup (text);
  set_name (self, "item", id);
  gtk_editable_set_text (GTK_EDITABLE (self->text_label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
  fill_phone (self, text, hw_record_get_boolean (record, "hidden"));
  if (scores != NULL && *scores != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Scores: %s"), scores);

      gtk_label_set_text (self->scores_label, line);
      gtk_widget_set_visible (GTK_WIDGET (self->scores_label), TRUE);
    }

  if (g_strcmp0 (phase, "decisions") == 0)
    {
      gboolean consensus = hw_record_get_boolean (record, "consensus");

      set_name (self->consensus_check, "consensus", id);
      gtk_check_button_set_active (self->consensus_check, consensus);
      gtk_editable_set_text (GTK_EDITABLE (self->dissent_entry), hw_record_get_string (record,
                                                                                       "dissent"));
      gtk_widget_set_visible (GTK_WIDGET (self->dissent_entry), !consensus);
      gtk_widget_set_visible (self->decision_box, TRUE);
    }
  else if (g_strcmp0 (phase, "actions") == 0)
    {
      set_name (self->owner_dropdown, "owner", id);
      set_name (self->checker_dropdown, "checker", id);
      set_name (self->due_entry, "due", id);
      fill_people (self);
      gtk_editable_set_text (GTK_EDITABLE (self->due_entry), hw_record_get_string (record,
                                                                                   "due_date"));
      /* one or the other: the task already made, or the button to make it */
      if (!hw_record_is_null (record, "task_id") && hw_record_get_int (record, "task_exists"))
        gtk_flow_box_remove (GTK_FLOW_BOX (self->action_box), self->to_task_button);
      else
        gtk_flow_box_remove (GTK_FLOW_BOX (self->action_box), self->in_plan_label);
      gtk_widget_set_visible (self->action_box, TRUE);
    }

  fill_switches (self, record);
  set_name (self->private_button, "private", id);
  set_label (self->private_button, g_strdup_printf (_("Private: %s"), text));
  set_label (self->up_button, g_strdup_printf (_("Move up: %s"), text));
  set_name (self->merge_button, "merge", id);
  set_label (self->merge_button, g_strdup_printf (_("Merge with the item above: %s"), text));
  gtk_widget_set_visible (self->merge_button, hw_record_get_int (record, "position") > 0);
  set_label (self->down_button, g_strdup_printf (_("Move down: %s"), text));
  set_label (self->delete_button, g_strdup_printf (_("Delete: %s"), text));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  self->filling = FALSE;
}

static void
hw_meeting_item_row_dispose (GObject *object)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_ITEM_ROW);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_item_row_parent_class)->dispose (object);
}

static void
hw_meeting_item_row_finalize (GObject *object)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (object);

  g_array_unref (self->people_ids);
  g_free (self->stored_text);

  G_OBJECT_CLASS (hw_meeting_item_row_parent_class)->finalize (object);
}

static void
hw_meeting_item_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, item_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_item_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HwMeetingItemRow *self = HW_MEETING_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_item_row_class_init (HwMeetingItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_item_row_constructed;
  object_class->dispose = hw_meeting_item_row_dispose;
  object_class->finalize = hw_meeting_item_row_finalize;
  object_class->get_property = hw_meeting_item_row_get_property;
  object_class->set_property = hw_meeting_item_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the family: whose people can do or check a next step */
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* a row of hw_meeting_items_list_new() */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, private_tag);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, phone_box);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, phone_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, screen_icon);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, show_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, hide_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, scores_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, decision_box);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, consensus_check);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, dissent_entry);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, action_box);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, due_entry);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, checker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, in_plan_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, to_task_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, private_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, merge_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingItemRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, editing_cb);
  gtk_widget_class_bind_template_callback (widget_class, private_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, consensus_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, dissent_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_activate_cb);

  /* item.move: -1 one place up, +1 one place down */
  gtk_widget_class_install_action (widget_class, "item.move", "i", move_action_cb);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, delete_action_cb);
  /* into the item above, keeping both authors */
  gtk_widget_class_install_action (widget_class, "item.merge-up", NULL, merge_up_action_cb);
  gtk_widget_class_install_action (widget_class, "item.to-task", NULL, to_task_action_cb);
  /* sent from a phone: let it through to the room's screen, or take it off */
  gtk_widget_class_install_action (widget_class, "item.show-on-screen", NULL, show_action_cb);
  gtk_widget_class_install_action (widget_class, "item.hide-from-screen", NULL, hide_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "item.move", "i",
                                       -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "item.move", "i",
                                       1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "item.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "item.merge-up",
                                       NULL);
}

static void
hw_meeting_item_row_init (HwMeetingItemRow *self)
{
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* a long item wraps (up to a few lines, whole in the tooltip and when
   * edited), and long names are cut short, rather than widen the window
   * past the clock, Present and Print */
  hw_editable_label_wrap_lines (self->text_label, 60, 6);
  hw_label_wrap_lines (self->scores_label, 60, 3);
  hw_label_wrap_lines (self->phone_label, 60, 3);
  hw_drop_down_fit_names (self->owner_dropdown, 20);
  hw_drop_down_fit_names (self->checker_dropdown, 20);
}

/**
 * hw_meeting_item_row_new:
 * @store: the store
 * @case_id: the family
 * @record: a row of hw_meeting_items_list_new()
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hw_meeting_item_row_new (HwStore  *store,
                         gint64    case_id,
                         HwRecord *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_MEETING_ITEM_ROW,
                       "store", store,
                       "case-id", case_id,
                       "record", record,
                       NULL);
}

/**
 * hw_meeting_item_row_get_item_id:
 * @self: the row
 *
 * Returns: the id of the item the row shows
 */
gint64
hw_meeting_item_row_get_item_id (HwMeetingItemRow *self)
{
  g_return_val_if_fail (HW_IS_MEETING_ITEM_ROW (self), 0);

  return item_id (self);
}

/**
 * hw_meeting_item_row_start_editing:
 * @self: the row
 *
 * Puts the item's text in editing mode (the row was activated).
 */
void
hw_meeting_item_row_start_editing (HwMeetingItemRow *self)
{
  g_return_if_fail (HW_IS_MEETING_ITEM_ROW (self));

  gtk_editable_label_start_editing (self->text_label);
}

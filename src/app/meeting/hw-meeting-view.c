/* hw-meeting-view.c: the family meetings of a case.
 *
 * Left: the meetings of the case. Right: the open meeting, with the steps
 * of the agenda in a sidebar and one page per step. Every list is an
 * HwRecordList of the store, so edits, undo and redo (from anywhere, also
 * the room's screen) show at once; widgets never keep their own copy.
 *
 * Choosing a step makes it the meeting's current step, which is what the
 * room's screen shows. A phase page has a quick-entry line (Enter adds),
 * and each item can be edited in place (Enter or double click), moved
 * (Alt+Up/Down), made private (never on the screen nor in the family's
 * copy) and deleted (Delete; the toast and Ctrl+Z undo it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-view"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hw-enums.h"
#include "hw-meeting.h"
#include "hw-meeting-print.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-render.h"
#include "hw-meeting-summary.h"
#include "hw-meeting-view.h"
#include "hw-people.h"
#include "hw-presentation-window.h"
#include "hw-record-list.h"
#include "hw-toast.h"

struct _HwMeetingView
{
  GtkWidget             parent_instance;

  HwStore              *store;
  gint64                case_id;
  HwRecordList         *meetings;
  gint64                meeting_id;
  char                 *page;          /* "details", "attendees" or a phase */
  GPtrArray            *page_lists;    /* HwRecordLists of the page shown */
  GHashTable           *detail_rows;   /* column -> widget, details page */
  gboolean              updating;      /* writing widgets from the store */
  char                 *refocus_name;
  guint                 refocus_id;

  /* the clock of the current step */
  guint                 tick_id;
  gint64                clock_started;  /* monotonic µs */
  char                 *clock_phase;

  HwPresentationWindow *presentation;

  /* template */
  GtkWidget            *list_pane;
  GtkWidget            *list_separator;
  GtkListBox           *meeting_list;
  GtkStack             *editor_stack;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *clock_label;
  GtkToggleButton      *clock_button;
  GtkToggleButton      *present_button;
  GtkMenuButton        *print_button;
  GtkListBox           *phase_list;
  GtkBox               *page_box;
};

G_DEFINE_FINAL_TYPE (HwMeetingView, hw_meeting_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void build_page        (HwMeetingView *self);
static void update_header     (HwMeetingView *self);
static void clock_flush       (HwMeetingView *self);

/* Helpers ----------------------------------------------------------------- */

static GtkWidget *
icon_button_new (const char *icon,
                 const char *tooltip,
                 const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return button;
}

static gint64
widget_id (gpointer    widget,
           const char *key)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), key));
}

static void
set_widget_id (gpointer    widget,
               const char *key,
               gint64      id)
{
  g_object_set_data (G_OBJECT (widget), key, GSIZE_TO_POINTER ((gsize) id));
}

/* Keeps @list (transfer full) as long as the page is shown. */
static HwRecordList *
page_list_add (HwMeetingView *self,
               HwRecordList  *list)
{
  g_ptr_array_add (self->page_lists, list);
  return list;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_unscored (GtkWidget *root)
{
  if (GTK_IS_SPIN_BUTTON (root) && gtk_spin_button_get_value (GTK_SPIN_BUTTON (root)) < 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_unscored (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
refocus_cb (gpointer user_data)
{
  HwMeetingView *self = user_data;
  GtkWidget *widget;

  self->refocus_id = 0;
  widget = find_named (GTK_WIDGET (self->page_box), self->refocus_name);
  if (widget != NULL)
    gtk_widget_grab_focus (widget);
  g_clear_pointer (&self->refocus_name, g_free);
  return G_SOURCE_REMOVE;
}

/* Rows are made again after each edit: give the keyboard focus back to
 * the widget named @name once the lists have caught up. */
static void
refocus_later (HwMeetingView *self,
               const char    *name)
{
  g_free (self->refocus_name);
  self->refocus_name = g_strdup (name);
  if (self->refocus_id == 0)
    self->refocus_id = g_idle_add_full (G_PRIORITY_LOW, refocus_cb, self, NULL);
}

static HwRecord *
get_meeting (HwMeetingView *self)
{
  if (self->meeting_id == 0)
    return NULL;
  return hw_store_get (self->store, "meetings", self->meeting_id, NULL);
}

/* Writes made from inside a row wait for the signal to return: the write
 * makes the list build its rows again, and a widget must not be destroyed
 * in the middle of its own signal. */
typedef void (*LaterFunc) (GtkWidget     *widget,
                           HwMeetingView *self);

typedef struct {
  GtkWidget     *widget;
  HwMeetingView *self;
  LaterFunc      func;
} Later;

static gboolean
later_cb (gpointer data)
{
  Later *later = data;

  /* a widget no longer in the window was replaced by a newer row: what
   * it asked for was already written, or is asked again by the new one */
  if (later->self->store != NULL && gtk_widget_get_root (later->widget) != NULL)
    later->func (later->widget, later->self);
  g_object_unref (later->widget);
  g_object_unref (later->self);
  g_free (later);
  return G_SOURCE_REMOVE;
}

static void
run_later (HwMeetingView *self,
           gpointer       widget,
           LaterFunc      func)
{
  Later *later;

  /* widgets being filled in from the store are not edits */
  if (self->updating)
    return;
  later = g_new0 (Later, 1);
  later->widget = g_object_ref (widget);
  later->self = g_object_ref (self);
  later->func = func;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, later_cb, later, NULL);
}

static gboolean
is_phase (const char *page)
{
  return hw_choices_valid (HW_CHOICES_MEETING_PHASE, page);
}

/* The people of the case for a drop-down: "Not decided yet" first. */
static GtkWidget *
people_dropdown_new (HwMeetingView *self,
                     gint64         selected,
                     const char    *accessible_label)
{
  g_autoptr(GPtrArray) people = NULL;
  GtkStringList *names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *dropdown;
  gint64 none = 0;
  guint position = 0;

  gtk_string_list_append (names, _("Not decided yet"));
  g_array_append_val (ids, none);
  people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ALL, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);

      gtk_string_list_append (names, hw_record_get_string (p, "name"));
      g_array_append_val (ids, id);
      if (id == selected)
        position = ids->len - 1;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  g_object_set_data_full (G_OBJECT (dropdown), "ids", ids, (GDestroyNotify) g_array_unref);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return dropdown;
}

static gint64
people_dropdown_get (GtkWidget *dropdown)
{
  GArray *ids = g_object_get_data (G_OBJECT (dropdown), "ids");
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static GtkWidget *
choices_dropdown_new (HwChoices   which,
                      const char *selected,
                      const char *first)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  const HwChoice *choices;
  guint n, position = 0;
  GtkWidget *dropdown;

  if (first != NULL)
    gtk_string_list_append (labels, first);
  choices = hw_choices_get (which, &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (labels, hw_choice_label (which, choices[i].id));
      if (g_strcmp0 (choices[i].id, selected) == 0)
        position = i + (first ? 1 : 0);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  return dropdown;
}

/* The meeting list --------------------------------------------------------- */

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  HwRecord *record = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (hw_choice_label (HW_CHOICES_MEETING_KIND, hw_record_get_string (record, "kind")));
  g_autofree char *when = NULL;
  GtkWidget *date;
  const char *iso = hw_record_get_string (record, "starts_at");

  when = strlen (iso) >= 16 ? g_strdup_printf ("%.10s %.5s", iso, iso + 11) : g_strdup (iso);
  date = gtk_label_new (when);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  /* long kinds wrap instead of widening the list */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), date);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  set_widget_id (row, "meeting-id", hw_record_get_id (record));
  return row;
}

static void
select_meeting_row (HwMeetingView *self)
{
  guint position;

  self->updating = TRUE;
  if (self->meeting_id != 0 && hw_record_list_find (self->meetings, self->meeting_id, &position))
    gtk_list_box_select_row (self->meeting_list, gtk_list_box_get_row_at_index (self->meeting_list, position));
  else
    gtk_list_box_unselect_all (self->meeting_list);
  self->updating = FALSE;
}

static void
meeting_selected_cb (HwMeetingView *self,
                     GtkListBoxRow *row)
{
  if (self->updating || row == NULL)
    return;
  hw_meeting_view_open_meeting (self, widget_id (row, "meeting-id"));
}

static void
meetings_changed_cb (HwMeetingView *self)
{
  /* the open meeting may have gone (deleted, or its creation undone) */
  if (self->meeting_id != 0 && hw_record_list_find (self->meetings, self->meeting_id, NULL) == NULL)
    {
      HwRecord *first = g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0
                        ? g_list_model_get_item (G_LIST_MODEL (self->meetings), 0) : NULL;

      hw_meeting_view_open_meeting (self, first ? hw_record_get_id (first) : 0);
      g_clear_object (&first);
      return;
    }
  select_meeting_row (self);
  update_header (self);
}

/* The steps sidebar -------------------------------------------------------- */

static void
add_sidebar_row (HwMeetingView *self,
                 const char    *page,
                 const char    *title,
                 const char    *number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *num = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *now = gtk_label_new (_("now"));

  gtk_widget_set_size_request (num, 24, -1);
  gtk_label_set_xalign (GTK_LABEL (num), 1);
  gtk_widget_add_css_class (num, "dim-label");
  gtk_widget_add_css_class (num, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  /* the current step is marked with a word, not only a colour */
  gtk_widget_add_css_class (now, "accent");
  gtk_widget_add_css_class (now, "caption-heading");
  gtk_widget_set_visible (now, FALSE);
  gtk_box_append (GTK_BOX (box), num);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), now);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "page", g_strdup (page), g_free);
  g_object_set_data (G_OBJECT (row), "now", now);
  gtk_list_box_append (self->phase_list, row);
}

static void
build_sidebar (HwMeetingView *self)
{
  const HwChoice *phases;
  guint n;

  add_sidebar_row (self, "details", _("Details"), "");
  add_sidebar_row (self, "attendees", _("Who is taking part"), "");
  phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      add_sidebar_row (self, phases[i].id, hw_choice_label (HW_CHOICES_MEETING_PHASE, phases[i].id), number);
    }
}

static void
select_sidebar_row (HwMeetingView *self)
{
  self->updating = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page"), self->page) == 0)
      gtk_list_box_select_row (self->phase_list, GTK_LIST_BOX_ROW (row));
  self->updating = FALSE;
}

static void
phase_selected_cb (HwMeetingView *self,
                   GtkListBoxRow *row)
{
  if (self->updating || row == NULL)
    return;
  hw_meeting_view_show_page (self, g_object_get_data (G_OBJECT (row), "page"));
}

/* The header, the clock --------------------------------------------------- */

static gint64
clock_pending (HwMeetingView *self)
{
  if (self->tick_id == 0)
    return 0;
  return (g_get_monotonic_time () - self->clock_started) / G_USEC_PER_SEC;
}

static void
update_clock_label (HwMeetingView *self)
{
  g_autofree char *text = NULL;
  gint64 stored = 0;
  gint64 pending = clock_pending (self);

  if (self->meeting_id != 0 && self->clock_phase != NULL)
    stored = hw_meeting_get_phase_time (self->store, self->meeting_id, self->clock_phase);
  text = hw_meeting_format_duration (stored + pending);
  gtk_label_set_text (self->clock_label, text);
  if (self->presentation != NULL)
    hw_presentation_window_set_live_seconds (self->presentation, pending);
}

/* Writes the seconds counted so far to the step they were spent in. */
static void
clock_flush (HwMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 pending = clock_pending (self);

  if (pending <= 0 || self->meeting_id == 0 || self->clock_phase == NULL)
    return;
  self->clock_started += pending * G_USEC_PER_SEC;
  if (!hw_meeting_add_phase_time (self->store, self->meeting_id, self->clock_phase, pending, &error))
    g_warning ("Could not record the time: %s", error->message);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_clock_label (user_data);
  return G_SOURCE_CONTINUE;
}

static void
clock_toggled_cb (HwMeetingView *self)
{
  gboolean on = gtk_toggle_button_get_active (self->clock_button);

  if (on && self->tick_id == 0)
    {
      self->clock_started = g_get_monotonic_time ();
      self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
    }
  else if (!on && self->tick_id != 0)
    {
      clock_flush (self);
      g_clear_handle_id (&self->tick_id, g_source_remove);
    }
  gtk_button_set_icon_name (GTK_BUTTON (self->clock_button),
                            on ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clock_button),
                               on ? _("Pause the clock") : _("Start the clock of this step"));
  update_clock_label (self);
}

static void
update_header (HwMeetingView *self)
{
  g_autoptr(HwRecord) meeting = get_meeting (self);
  const char *current;
  g_autofree char *subtitle = NULL;
  const char *iso, *place;

  if (meeting == NULL)
    return;

  gtk_label_set_text (self->title_label, hw_choice_label (HW_CHOICES_MEETING_KIND, hw_record_get_string (meeting, "kind")));
  iso = hw_record_get_string (meeting, "starts_at");
  place = hw_record_get_string (meeting, "place");
  subtitle = g_strdup_printf ("%.10s %.5s%s%s", iso, strlen (iso) >= 16 ? iso + 11 : "",
                              *place ? " · " : "", place);
  gtk_label_set_text (self->subtitle_label, subtitle);

  current = hw_record_get_string (meeting, "current_phase");
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list)); row;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "now"),
                            g_strcmp0 (g_object_get_data (G_OBJECT (row), "page"), current) == 0);

  /* the step moved (here, or with the arrows on the room's screen) */
  if (g_strcmp0 (self->clock_phase, current) != 0)
    {
      clock_flush (self);
      g_free (self->clock_phase);
      self->clock_phase = g_strdup (current);
      if (is_phase (self->page) && g_strcmp0 (self->page, current) != 0)
        hw_meeting_view_show_page (self, current);
    }
  update_clock_label (self);
}

/* Details page ------------------------------------------------------------ */

static void
update_column (HwMeetingView *self,
               GtkWidget     *widget,
               const char    *column,
               const char    *value)
{
  g_autoptr(HwRecord) change = hw_record_new ("meetings");
  g_autoptr(GError) error = NULL;

  hw_record_set_id (change, self->meeting_id);
  if (g_strcmp0 (column, "confidentiality_acknowledged") == 0)
    hw_record_set_boolean (change, column, g_strcmp0 (value, "1") == 0);
  else
    hw_record_set_string (change, column, value);
  if (!hw_meeting_update (self->store, change, &error))
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      gtk_widget_add_css_class (widget, "error");
      return;
    }
  gtk_widget_remove_css_class (widget, "error");
}

static void
entry_row_apply_cb (AdwEntryRow   *row,
                    HwMeetingView *self)
{
  update_column (self, GTK_WIDGET (row), g_object_get_data (G_OBJECT (row), "column"),
                 gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
combo_row_selected_cb (AdwComboRow   *row,
                       GParamSpec    *pspec,
                       HwMeetingView *self)
{
  HwChoices which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "choices"));
  const char *column = g_object_get_data (G_OBJECT (row), "column");
  gboolean has_none = g_object_get_data (G_OBJECT (row), "has-none") != NULL;
  guint selected = adw_combo_row_get_selected (row);
  const HwChoice *choices;
  guint n;

  if (self->updating)
    return;
  choices = hw_choices_get (which, &n);
  if (has_none && selected == 0)
    update_column (self, GTK_WIDGET (row), column, "");
  else if (selected - (has_none ? 1 : 0) < n)
    update_column (self, GTK_WIDGET (row), column, choices[selected - (has_none ? 1 : 0)].id);
}

static void
switch_active_cb (GtkSwitch     *sw,
                  GParamSpec    *pspec,
                  HwMeetingView *self)
{
  if (self->updating)
    return;
  update_column (self, GTK_WIDGET (sw), "confidentiality_acknowledged",
                 gtk_switch_get_active (sw) ? "1" : "0");
}

static char *
column_display (HwRecord   *meeting,
                const char *column)
{
  const char *value = hw_record_get_string (meeting, column);

  if ((g_strcmp0 (column, "starts_at") == 0 || g_strcmp0 (column, "next_meeting") == 0) &&
      strlen (value) >= 16 && value[10] == 'T')
    return g_strdup_printf ("%.10s %.5s", value, value + 11);
  return g_strdup (value);
}

/* Shows the stored values in the details page without losing what the
 * person is typing in the row that has the focus. */
static void
refresh_details (HwMeetingView *self)
{
  g_autoptr(HwRecord) meeting = get_meeting (self);
  GHashTableIter iter;
  gpointer key, value;

  if (meeting == NULL || self->detail_rows == NULL)
    return;
  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->detail_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *column = key;
      GtkWidget *widget = value;

      if (ADW_IS_ENTRY_ROW (widget))
        {
          g_autofree char *text = column_display (meeting, column);

          GtkRoot *root = gtk_widget_get_root (widget);
          GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

          /* never overwrite what is being typed */
          if (focus == NULL || (focus != widget && !gtk_widget_is_ancestor (focus, widget)))
            gtk_editable_set_text (GTK_EDITABLE (widget), text);
        }
      else if (ADW_IS_COMBO_ROW (widget))
        {
          HwChoices which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "choices"));
          gboolean has_none = g_object_get_data (G_OBJECT (widget), "has-none") != NULL;
          int i = hw_choices_index (which, hw_record_get_string (meeting, column));

          adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i < 0 ? 0 : i + (has_none ? 1 : 0));
        }
      else if (GTK_IS_SWITCH (widget))
        gtk_switch_set_active (GTK_SWITCH (widget), hw_record_get_boolean (meeting, column));
    }
  self->updating = FALSE;
}

static GtkWidget *
entry_row_new (HwMeetingView *self,
               const char    *column,
               const char    *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "column", (gpointer) column);
  g_signal_connect (row, "apply", G_CALLBACK (entry_row_apply_cb), self);
  g_hash_table_insert (self->detail_rows, (gpointer) column, row);
  return row;
}

static GtkWidget *
combo_row_new (HwMeetingView *self,
               const char    *column,
               const char    *title,
               HwChoices      which,
               const char    *none)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *labels = gtk_string_list_new (NULL);
  const HwChoice *choices;
  guint n;

  if (none != NULL)
    gtk_string_list_append (labels, none);
  choices = hw_choices_get (which, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, hw_choice_label (which, choices[i].id));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "column", (gpointer) column);
  g_object_set_data (G_OBJECT (row), "choices", GINT_TO_POINTER (which));
  if (none != NULL)
    g_object_set_data (G_OBJECT (row), "has-none", GINT_TO_POINTER (1));
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_row_selected_cb), self);
  g_hash_table_insert (self->detail_rows, (gpointer) column, row);
  return row;
}

static void
delete_meeting_clicked_cb (HwMeetingView *self)
{
  g_autoptr(GError) error = NULL;

  if (!hw_meeting_delete (self->store, self->meeting_id, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
  else
    hw_toast_show_undo (GTK_WIDGET (self), _("Meeting deleted"));
}

static void
build_details (HwMeetingView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *sw, *button;

  g_hash_table_remove_all (self->detail_rows);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("About this meeting"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             combo_row_new (self, "kind", _("Kind of meeting"), HW_CHOICES_MEETING_KIND, NULL));
  row = entry_row_new (self, "starts_at", _("Date and time (YYYY-MM-DD HH:MM)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row_new (self, "place", _("Place")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row_new (self, "video_link", _("Video link")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row_new (self, "facilitator", _("Facilitator")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row_new (self, "interpreter", _("Interpreter")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             combo_row_new (self, "language", _("Language of the meeting"),
                                            HW_CHOICES_LANGUAGE, _("Not set")));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Everyone agreed to keep what is said about others private"));
  sw = gtk_switch_new ();
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Everyone agreed to keep what is said about others private"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_active_cb), self);
  g_hash_table_insert (self->detail_rows, (gpointer) "confidentiality_acknowledged", sw);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row_new (self, "next_meeting", _("Next meeting (YYYY-MM-DD HH:MM)")));
  gtk_box_append (self->page_box, group);

  button = gtk_button_new_with_mnemonic (_("_Delete This Meeting"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect_object (button, "clicked", G_CALLBACK (delete_meeting_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->page_box, button);

  refresh_details (self);
}

/* Attendees page ---------------------------------------------------------- */

static void
do_attending (GtkWidget     *widget,
              HwMeetingView *self)
{
  GtkSwitch *check = GTK_SWITCH (widget);
  g_autoptr(GError) error = NULL;
  gint64 person_id = widget_id (check, "person-id");
  gint64 attendee_id = widget_id (check, "attendee-id");
  g_autofree char *name = g_strdup (gtk_widget_get_name (GTK_WIDGET (check)));
  gboolean ok;

  if (gtk_switch_get_active (check) && attendee_id == 0)
    ok = hw_meeting_add_attendee (self->store, self->meeting_id, person_id,
                                  g_object_get_data (G_OBJECT (check), "relationship"), "present", &error) != 0;
  else if (!gtk_switch_get_active (check) && attendee_id != 0)
    ok = hw_meeting_remove_attendee (self->store, attendee_id, &error);
  else
    return;
  if (!ok)
    hw_toast_show_error (GTK_WIDGET (self), error);
  refocus_later (self, name);
}

static void
attending_toggled_cb (GtkSwitch     *check,
                      GParamSpec    *pspec,
                      HwMeetingView *self)
{
  run_later (self, check, do_attending);
}

static void
do_attendance (GtkWidget     *widget,
               HwMeetingView *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (widget);
  g_autoptr(GError) error = NULL;
  const HwChoice *choices;
  guint n, i = gtk_drop_down_get_selected (dropdown);
  g_autofree char *name = g_strdup (gtk_widget_get_name (GTK_WIDGET (dropdown)));

  choices = hw_choices_get (HW_CHOICES_ATTENDANCE, &n);
  if (i >= n)
    return;
  if (!hw_meeting_set_attendee (self->store, widget_id (dropdown, "attendee-id"), NULL, choices[i].id, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
  refocus_later (self, name);
}

static void
attendance_selected_cb (GtkDropDown   *dropdown,
                        GParamSpec    *pspec,
                        HwMeetingView *self)
{
  run_later (self, dropdown, do_attendance);
}

static GtkWidget *
create_attendee_row (gpointer item,
                     gpointer user_data)
{
  HwMeetingView *self = user_data;
  HwRecord *person = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_switch_new ();
  GtkWidget *dropdown;
  const char *name = hw_record_get_string (person, "name");
  gint64 attendee_id = hw_record_get_int (person, "attendee_id");
  g_autofree char *check_label = g_strdup_printf (_("Taking part: %s"), name);
  g_autofree char *drop_label = g_strdup_printf (_("How %s takes part"), name);
  g_autofree char *check_name = g_strdup_printf ("attend-%" G_GINT64_FORMAT, hw_record_get_id (person));
  g_autofree char *drop_name = g_strdup_printf ("attendance-%" G_GINT64_FORMAT, hw_record_get_id (person));
  g_autoptr(GString) subtitle = g_string_new (hw_record_get_string (person, "relationship"));

  if (hw_record_get_boolean (person, "confidential") || *hw_record_get_string (person, "withheld_from") != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                            _("Private: shown as “Participant” on the room’s screen"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  self->updating = TRUE;
  gtk_switch_set_active (GTK_SWITCH (check), attendee_id != 0);
  self->updating = FALSE;
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_name (check, check_name);
  /* named by the row's title (the activatable widget is labelled by it) */
  gtk_widget_set_tooltip_text (check, check_label);
  set_widget_id (check, "person-id", hw_record_get_id (person));
  set_widget_id (check, "attendee-id", attendee_id);
  g_object_set_data_full (G_OBJECT (check), "relationship",
                          g_strdup (hw_record_get_string (person, "relationship")), g_free);
  g_signal_connect (check, "notify::active", G_CALLBACK (attending_toggled_cb), self);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  dropdown = choices_dropdown_new (HW_CHOICES_ATTENDANCE, hw_record_get_string (person, "attendance"), NULL);
  gtk_widget_set_name (dropdown, drop_name);
  gtk_widget_set_sensitive (dropdown, attendee_id != 0);
  gtk_widget_set_visible (dropdown, attendee_id != 0);
  set_widget_id (dropdown, "attendee-id", attendee_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, drop_label, -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (attendance_selected_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  return row;
}

static void
build_attendees (HwMeetingView *self)
{
  HwRecordList *people;
  GtkWidget *list;

  people = page_list_add (self, hw_meeting_attendance_list_new (self->store, self->meeting_id));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("People of the family’s case"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (people), create_attendee_row, self, NULL);
  gtk_box_append (self->page_box, list);
}

/* Items of a phase --------------------------------------------------------- */

static void
do_edit_item (GtkWidget     *label,
              HwMeetingView *self)
{
  g_autoptr(GError) error = NULL;

  if (!hw_meeting_edit_item (self->store, widget_id (label, "item-id"),
                             gtk_editable_get_text (GTK_EDITABLE (label)), &error))
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      gtk_editable_set_text (GTK_EDITABLE (label), g_object_get_data (G_OBJECT (label), "text"));
    }
}

static void
item_edit_done_cb (GtkEditableLabel *label,
                   GParamSpec       *pspec,
                   HwMeetingView    *self)
{
  if (gtk_editable_label_get_editing (label) ||
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), g_object_get_data (G_OBJECT (label), "text")) == 0)
    return;
  run_later (self, label, do_edit_item);
}

static void
move_item (HwMeetingView *self,
           gint64         item_id,
           int            delta)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("item-%" G_GINT64_FORMAT, item_id);

  if (!hw_meeting_move_item (self->store, item_id, delta, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
  refocus_later (self, name);
}

static void
delete_item (HwMeetingView *self,
             gint64         item_id)
{
  g_autoptr(GError) error = NULL;

  if (!hw_meeting_delete_item (self->store, item_id, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
  else
    hw_toast_show_undo (GTK_WIDGET (self), _("Item deleted"));
}

static void
do_move_up (GtkWidget     *widget,
            HwMeetingView *self)
{
  move_item (self, widget_id (widget, "item-id"), -1);
}

static void
do_move_down (GtkWidget     *widget,
              HwMeetingView *self)
{
  move_item (self, widget_id (widget, "item-id"), +1);
}

static void
do_delete (GtkWidget     *widget,
           HwMeetingView *self)
{
  delete_item (self, widget_id (widget, "item-id"));
}

static void
move_up_clicked_cb (GtkButton     *button,
                    HwMeetingView *self)
{
  run_later (self, button, do_move_up);
}

static void
move_down_clicked_cb (GtkButton     *button,
                      HwMeetingView *self)
{
  run_later (self, button, do_move_down);
}

static void
delete_clicked_cb (GtkButton     *button,
                   HwMeetingView *self)
{
  run_later (self, button, do_delete);
}

static void
do_private (GtkWidget     *widget,
            HwMeetingView *self)
{
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (widget);
  g_autoptr(GError) error = NULL;
  gboolean on = gtk_toggle_button_get_active (button);
  g_autofree char *name = g_strdup (gtk_widget_get_name (GTK_WIDGET (button)));

  /* private = off the screen and out of the family's and supporters'
   * copies; the agency keeps it */
  if (!hw_meeting_set_item_confidential (self->store, widget_id (button, "item-id"), on,
                                         on ? "family,support,screen" : "", &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
  refocus_later (self, name);
}

static void
private_toggled_cb (GtkToggleButton *button,
                    HwMeetingView   *self)
{
  run_later (self, button, do_private);
}

static gboolean
row_shortcut_cb (GtkWidget *row,
                 GVariant  *args,
                 gpointer   user_data)
{
  HwMeetingView *self = HW_MEETING_VIEW (gtk_widget_get_ancestor (row, HW_TYPE_MEETING_VIEW));
  const char *what = user_data;
  gint64 item_id = widget_id (row, "item-id");

  if (self == NULL || item_id == 0)
    return FALSE;
  if (g_str_equal (what, "up"))
    run_later (self, row, do_move_up);
  else if (g_str_equal (what, "down"))
    run_later (self, row, do_move_down);
  else
    run_later (self, row, do_delete);
  return TRUE;
}

static void
add_row_shortcut (GtkEventController *controller,
                  const char         *accel,
                  const char         *what)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_callback_action_new (row_shortcut_cb, (gpointer) what, NULL)));
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  HwMeetingView *self)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "label");

  if (label != NULL)
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
}

static void
do_consensus (GtkWidget     *check,
              HwMeetingView *self)
{
  g_autoptr(GError) error = NULL;

  if (!hw_meeting_set_decision (self->store, widget_id (check, "item-id"), TRUE, NULL, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
}

static void
consensus_toggled_cb (GtkCheckButton *check,
                      HwMeetingView  *self)
{
  GtkWidget *dissent = g_object_get_data (G_OBJECT (check), "dissent");

  if (self->updating)
    return;
  if (gtk_check_button_get_active (check))
    {
      run_later (self, check, do_consensus);
      return;
    }
  /* Not everyone agreed: first say who and why (Enter saves). */
  gtk_widget_set_visible (dissent, TRUE);
  gtk_widget_grab_focus (dissent);
}

static void
do_dissent (GtkWidget     *entry,
            HwMeetingView *self)
{
  g_autoptr(GError) error = NULL;

  if (!hw_meeting_set_decision (self->store, widget_id (entry, "item-id"), FALSE,
                                gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
}

static void
dissent_activate_cb (GtkEntry      *entry,
                     HwMeetingView *self)
{
  run_later (self, entry, do_dissent);
}

static void
action_changed (GtkWidget     *any,
                HwMeetingView *self)
{
  GtkWidget *owner = g_object_get_data (G_OBJECT (any), "owner");
  GtkWidget *checker = g_object_get_data (G_OBJECT (any), "checker");
  GtkWidget *due = g_object_get_data (G_OBJECT (any), "due");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (gtk_widget_get_name (any));

  if (!hw_meeting_set_action (self->store, widget_id (any, "item-id"), people_dropdown_get (owner),
                              people_dropdown_get (checker), gtk_editable_get_text (GTK_EDITABLE (due)), &error))
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      gtk_widget_add_css_class (due, "error");
      return;
    }
  refocus_later (self, name);
}

static void
action_dropdown_cb (GtkDropDown   *dropdown,
                    GParamSpec    *pspec,
                    HwMeetingView *self)
{
  run_later (self, dropdown, action_changed);
}

static void
action_due_activate_cb (GtkEntry      *entry,
                        HwMeetingView *self)
{
  run_later (self, entry, action_changed);
}

static void
do_to_task (GtkWidget     *button,
            HwMeetingView *self)
{
  g_autoptr(GError) error = NULL;

  if (hw_meeting_action_to_task (self->store, widget_id (button, "item-id"), 0, &error) == 0)
    hw_toast_show_error (GTK_WIDGET (self), error);
  else
    hw_toast_show_undo (GTK_WIDGET (self), _("Added to the service plan"));
}

static void
to_task_clicked_cb (GtkButton     *button,
                    HwMeetingView *self)
{
  run_later (self, button, do_to_task);
}

static void
link_row_widgets (GtkWidget *a,
                  GtkWidget *owner,
                  GtkWidget *checker,
                  GtkWidget *due)
{
  g_object_set_data (G_OBJECT (a), "owner", owner);
  g_object_set_data (G_OBJECT (a), "checker", checker);
  g_object_set_data (G_OBJECT (a), "due", due);
}

/* A small caption over a control, for the parts of a next step. */
static GtkWidget *
labelled_new (const char *caption,
              GtkWidget  *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  return box;
}

static GtkWidget *
action_details_new (HwMeetingView *self,
                    HwRecord      *item)
{
  gint64 id = hw_record_get_id (item);
  /* a flow box: the parts wrap on a narrow window instead of widening it */
  GtkWidget *box = gtk_flow_box_new ();
  GtkWidget *owner = people_dropdown_new (self, hw_record_get_int (item, "owner_person_id"), _("Who does it"));
  GtkWidget *checker = people_dropdown_new (self, hw_record_get_int (item, "checker_person_id"), _("Who checks it is done"));
  GtkWidget *due = gtk_entry_new ();
  g_autofree char *owner_name = g_strdup_printf ("owner-%" G_GINT64_FORMAT, id);
  g_autofree char *checker_name = g_strdup_printf ("checker-%" G_GINT64_FORMAT, id);
  g_autofree char *due_name = g_strdup_printf ("due-%" G_GINT64_FORMAT, id);

  gtk_widget_set_name (owner, owner_name);
  gtk_widget_set_name (checker, checker_name);
  gtk_widget_set_name (due, due_name);
  gtk_editable_set_text (GTK_EDITABLE (due), hw_record_get_string (item, "due_date"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (due), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (due), 11);
  gtk_widget_set_tooltip_text (due, _("By when (YYYY-MM-DD); Enter saves"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (due), GTK_ACCESSIBLE_PROPERTY_LABEL, _("By when"), -1);
  for (GtkWidget **w = (GtkWidget *[]) { owner, checker, due, NULL }; *w; w++)
    {
      set_widget_id (*w, "item-id", id);
      link_row_widgets (*w, owner, checker, due);
    }
  g_signal_connect (owner, "notify::selected", G_CALLBACK (action_dropdown_cb), self);
  g_signal_connect (checker, "notify::selected", G_CALLBACK (action_dropdown_cb), self);
  g_signal_connect (due, "activate", G_CALLBACK (action_due_activate_cb), self);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 4);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 4);
  gtk_flow_box_append (GTK_FLOW_BOX (box), labelled_new (_("Who does it"), owner));
  gtk_flow_box_append (GTK_FLOW_BOX (box), labelled_new (_("By when"), due));
  gtk_flow_box_append (GTK_FLOW_BOX (box), labelled_new (_("Who checks"), checker));

  if (!hw_record_is_null (item, "task_id") && hw_record_get_int (item, "task_exists"))
    {
      GtkWidget *done = gtk_label_new (_("In the service plan"));
      gtk_widget_add_css_class (done, "dim-label");
      gtk_flow_box_append (GTK_FLOW_BOX (box), done);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_label (_("Add to Service Plan"));
      set_widget_id (button, "item-id", id);
      gtk_widget_set_tooltip_text (button, _("Make this next step a task of the family’s service plan"));
      g_signal_connect (button, "clicked", G_CALLBACK (to_task_clicked_cb), self);
      gtk_widget_set_valign (button, GTK_ALIGN_END);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }
  return box;
}

static GtkWidget *
decision_details_new (HwMeetingView *self,
                      HwRecord      *item)
{
  gint64 id = hw_record_get_id (item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *check = gtk_check_button_new_with_label (_("Everyone agreed"));
  GtkWidget *dissent = gtk_entry_new ();
  gboolean consensus = hw_record_get_boolean (item, "consensus");
  g_autofree char *check_name = g_strdup_printf ("consensus-%" G_GINT64_FORMAT, id);

  gtk_widget_set_name (check, check_name);
  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), consensus);
  self->updating = FALSE;
  set_widget_id (check, "item-id", id);
  set_widget_id (dissent, "item-id", id);
  g_object_set_data (G_OBJECT (check), "dissent", dissent);
  gtk_editable_set_text (GTK_EDITABLE (dissent), hw_record_get_string (item, "dissent"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (dissent), _("Who did not agree, and why? (Enter saves)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dissent), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who did not agree, and why"), -1);
  gtk_widget_set_visible (dissent, !consensus);
  g_signal_connect (check, "toggled", G_CALLBACK (consensus_toggled_cb), self);
  g_signal_connect (dissent, "activate", G_CALLBACK (dissent_activate_cb), self);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), dissent);
  return box;
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  HwMeetingView *self = user_data;
  HwRecord *record = item;
  gint64 id = hw_record_get_id (record);
  const char *phase = hw_record_get_string (record, "phase");
  const char *text = hw_record_get_string (record, "text");
  gboolean private = hw_record_get_boolean (record, "confidential") ||
                     *hw_record_get_string (record, "withheld_from") != '\0';
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_editable_label_new (text);
  GtkWidget *lock = gtk_toggle_button_new ();
  GtkWidget *up, *down, *del;
  GtkEventController *shortcuts;
  g_autofree char *row_name = g_strdup_printf ("item-%" G_GINT64_FORMAT, id);
  g_autofree char *lock_name = g_strdup_printf ("private-%" G_GINT64_FORMAT, id);
  g_autofree char *up_label = g_strdup_printf (_("Move up: %s"), text);
  g_autofree char *down_label = g_strdup_printf (_("Move down: %s"), text);
  g_autofree char *del_label = g_strdup_printf (_("Delete: %s"), text);
  g_autofree char *lock_label = g_strdup_printf (_("Private: %s"), text);
  const char *scores = hw_record_get_string (record, "scores_text");

  gtk_widget_set_name (row, row_name);
  set_widget_id (row, "item-id", id);
  g_object_set_data (G_OBJECT (row), "label", label);
  gtk_widget_set_margin_top (outer, 6);
  gtk_widget_set_margin_bottom (outer, 6);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 6);

  set_widget_id (label, "item-id", id);
  g_object_set_data_full (G_OBJECT (label), "text", g_strdup (text), g_free);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_signal_connect (label, "notify::editing", G_CALLBACK (item_edit_done_cb), self);
  gtk_box_append (GTK_BOX (main), label);

  if (private)
    {
      GtkWidget *tag = gtk_label_new (_("Private: not on the room’s screen or the family’s copy"));
      gtk_label_set_xalign (GTK_LABEL (tag), 0);
      gtk_label_set_wrap (GTK_LABEL (tag), TRUE);
      gtk_widget_add_css_class (tag, "confidential-tag");
      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (main), tag);
    }
  if (scores != NULL && *scores != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Scores: %s"), scores);
      GtkWidget *l = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_widget_add_css_class (l, "dim-label");
      gtk_box_append (GTK_BOX (main), l);
    }
  if (g_strcmp0 (phase, "decisions") == 0)
    gtk_box_append (GTK_BOX (main), decision_details_new (self, record));
  else if (g_strcmp0 (phase, "actions") == 0)
    gtk_box_append (GTK_BOX (main), action_details_new (self, record));
  gtk_box_append (GTK_BOX (outer), main);

  /* an open eye: shown on the room's screen; crossed out: kept private */
  gtk_button_set_icon_name (GTK_BUTTON (lock), private ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_name (lock, lock_name);
  gtk_widget_set_valign (lock, GTK_ALIGN_START);
  gtk_widget_add_css_class (lock, "flat");
  gtk_widget_set_tooltip_text (lock, _("Private: never on the room’s screen, left out of the family’s copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL, lock_label, -1);
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lock), private);
  self->updating = FALSE;
  set_widget_id (lock, "item-id", id);
  g_signal_connect (lock, "toggled", G_CALLBACK (private_toggled_cb), self);
  gtk_box_append (GTK_BOX (outer), lock);

  up = icon_button_new ("go-up-symbolic", _("Move up (Alt+Up)"), up_label);
  down = icon_button_new ("go-down-symbolic", _("Move down (Alt+Down)"), down_label);
  del = icon_button_new ("user-trash-symbolic", _("Delete (Delete)"), del_label);
  for (GtkWidget **w = (GtkWidget *[]) { up, down, del, NULL }; *w; w++)
    {
      set_widget_id (*w, "item-id", id);
      gtk_widget_set_valign (*w, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (outer), *w);
    }
  g_signal_connect (up, "clicked", G_CALLBACK (move_up_clicked_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_down_clicked_cb), self);
  g_signal_connect (del, "clicked", G_CALLBACK (delete_clicked_cb), self);

  shortcuts = gtk_shortcut_controller_new ();
  add_row_shortcut (shortcuts, "<Alt>Up", "up");
  add_row_shortcut (shortcuts, "<Alt>Down", "down");
  add_row_shortcut (shortcuts, "Delete", "delete");
  gtk_widget_add_controller (row, shortcuts);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return row;
}

static void
quick_add_activate_cb (GtkEntry      *entry,
                       HwMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *phase = self->page;
  gint64 id;

  if (g_strcmp0 (phase, "decisions") == 0)
    id = hw_meeting_add_decision (self->store, self->meeting_id, text, TRUE, NULL, &error);
  else if (g_strcmp0 (phase, "actions") == 0)
    id = hw_meeting_add_action (self->store, self->meeting_id, text, 0, 0, NULL, &error);
  else
    id = hw_meeting_add_item (self->store, self->meeting_id, phase, text, &error);
  if (id == 0)
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  /* ready for the next one */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static const char *
quick_add_hint (const char *phase)
{
  if (g_strcmp0 (phase, "strengths") == 0)
    return _("Add something that is working well, then press Enter");
  if (g_strcmp0 (phase, "worries") == 0)
    return _("Add a worry: who is worried, about what, what could happen — then Enter");
  if (g_strcmp0 (phase, "safety-goals") == 0)
    return _("Add a safety goal, then press Enter");
  if (g_strcmp0 (phase, "decisions") == 0)
    return _("Add a decision, then press Enter");
  if (g_strcmp0 (phase, "actions") == 0)
    return _("Add a next step, then press Enter");
  if (g_strcmp0 (phase, "ideas") == 0)
    return _("Add an idea, then press Enter");
  return _("Type here and press Enter to add");
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  return label;
}

/* Scaling page ------------------------------------------------------------- */

static void
save_score (GtkWidget     *any,
            HwMeetingView *self)
{
  GtkWidget *spin = g_object_get_data (G_OBJECT (any), "spin");
  GtkWidget *reason = g_object_get_data (G_OBJECT (any), "reason");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (gtk_widget_get_name (any == reason ? reason : spin));
  gint64 item_id = widget_id (spin, "item-id");
  gint64 person_id = widget_id (spin, "person-id");
  int score;
  const char *why;

  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  score = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
  why = gtk_editable_get_text (GTK_EDITABLE (reason));
  if (score < 0)
    return;   /* still "–": nothing to save */

  /* Enter and the new value can both ask for the same write: once is enough */
  if (hw_meeting_has_score (self->store, item_id, person_id, score, why))
    return;
  if (hw_meeting_set_score (self->store, item_id, person_id, score, why, &error) == 0)
    hw_toast_show_error (GTK_WIDGET (self), error);
  refocus_later (self, name);
}

static void
spin_value_changed_cb (GtkSpinButton *spin,
                       HwMeetingView *self)
{
  if (self->updating || gtk_spin_button_get_value (spin) < 0)
    return;
  run_later (self, spin, save_score);
}

static void
score_activate_cb (GtkWidget     *widget,
                   HwMeetingView *self)
{
  run_later (self, widget, save_score);
}

/* An unscored person (-1) shows an empty box, not a 0 that nobody gave
 * (GTK 4.8 drops text set from ::output, so the box stays empty). */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  if (gtk_spin_button_get_value (spin) < 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (spin), "");
      return TRUE;
    }
  return FALSE;
}

/* An empty box, or a dash alone, means "not scored" (-1); "–7" means 7. */
static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_auto(GStrv) parts = NULL;
  g_autofree char *digits = NULL;
  char *end = NULL;
  gint64 v;

  if (*text == '\0')
    {
      *new_value = -1;
      return TRUE;
    }
  if (strstr (text, "–") == NULL)
    return FALSE;
  parts = g_strsplit (text, "–", -1);
  digits = g_strstrip (g_strjoinv ("", parts));
  if (*digits == '\0')
    {
      *new_value = -1;
      return TRUE;
    }
  v = g_ascii_strtoll (digits, &end, 10);
  if (end == digits || *end != '\0')
    return GTK_INPUT_ERROR;
  *new_value = CLAMP (v, 0, 10);
  return TRUE;
}

static GtkWidget *
create_statement_row (gpointer item,
                      gpointer user_data)
{
  HwMeetingView *self = user_data;
  HwRecord *statement = item;
  gint64 item_id = hw_record_get_id (statement);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (hw_record_get_string (statement, "text"));
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) previous = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) changes = NULL;
  gint64 previous_id = hw_meeting_get_previous (self->store, self->meeting_id);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_box_append (GTK_BOX (box), grid);

  if (previous_id != 0)
    changes = hw_meeting_score_changes (self->store, previous_id, self->meeting_id, NULL);

  people = hw_meeting_scorers_select (self->store, item_id, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 person_id = hw_record_get_id (p);
      const char *name = hw_record_get_string (p, "name");
      gboolean scored = !hw_record_is_null (p, "score");
      GtkWidget *who = gtk_label_new (name);
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 10, 1);
      GtkWidget *reason = gtk_entry_new ();
      GtkWidget *before = NULL;
      g_autofree char *spin_label = g_strdup_printf (_("Score of %s, 0 to 10"), name);
      g_autofree char *reason_label = g_strdup_printf (_("Why %s chose this number"), name);
      g_autofree char *spin_name = g_strdup_printf ("score-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, item_id, person_id);
      g_autofree char *reason_name = g_strdup_printf ("reason-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, item_id, person_id);

      gtk_label_set_xalign (GTK_LABEL (who), 0);
      gtk_widget_set_name (spin, spin_name);
      gtk_widget_set_name (reason, reason_name);
      set_widget_id (spin, "item-id", item_id);
      set_widget_id (spin, "person-id", person_id);
      g_object_set_data (G_OBJECT (spin), "spin", spin);
      g_object_set_data (G_OBJECT (spin), "reason", reason);
      g_object_set_data (G_OBJECT (reason), "spin", spin);
      g_object_set_data (G_OBJECT (reason), "reason", reason);
      g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
      g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
      /* -1 = not scored yet; widened after the handlers are in place so
       * that moving to -1 shows the dash */
      gtk_spin_button_set_range (GTK_SPIN_BUTTON (spin), -1, 10);
      self->updating = TRUE;
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), scored ? hw_record_get_int (p, "score") : -1);
      self->updating = FALSE;

      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_label, -1);
      g_signal_connect (spin, "value-changed", G_CALLBACK (spin_value_changed_cb), self);
      /* GtkSpinButton has no ::activate in GTK 4.8: its text has */
      g_object_set_data (G_OBJECT (gtk_editable_get_delegate (GTK_EDITABLE (spin))), "spin", spin);
      g_object_set_data (G_OBJECT (gtk_editable_get_delegate (GTK_EDITABLE (spin))), "reason", reason);
      g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate", G_CALLBACK (score_activate_cb), self);

      gtk_editable_set_text (GTK_EDITABLE (reason), hw_record_get_string (p, "reason"));
      gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("What makes it this number? (Enter saves)"));
      gtk_widget_set_hexpand (reason, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, reason_label, -1);
      g_signal_connect (reason, "activate", G_CALLBACK (score_activate_cb), self);

      for (guint k = 0; changes != NULL && k < changes->len; k++)
        {
          HwScoreChange *c = g_ptr_array_index (changes, k);

          if (c->person_id == person_id && c->before >= 0 &&
              g_strcmp0 (c->statement, hw_record_get_string (statement, "text")) == 0)
            {
              g_autofree char *text = g_strdup_printf (_("last time %d"), c->before);
              before = gtk_label_new (text);
              gtk_widget_add_css_class (before, "dim-label");
            }
        }

      gtk_grid_attach (GTK_GRID (grid), who, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), spin, 1, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), before ? before : gtk_label_new (""), 2, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), reason, 3, i, 1, 1);
    }
  if (people == NULL || people->len == 0)
    gtk_box_append (GTK_BOX (box), placeholder_new (_("No one is taking part yet: choose them under “Who is taking part”.")));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
build_scaling (HwMeetingView *self)
{
  HwRecordList *statements;
  GtkWidget *list;

  statements = page_list_add (self, hw_meeting_statements_list_new (self->store, self->meeting_id));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Statements to scale"), -1);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list),
                                placeholder_new (_("Add worries and safety goals first; each can then be scaled by everyone taking part.")));
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (statements), create_statement_row, self, NULL);
  gtk_box_append (self->page_box, list);
}

/* Pages -------------------------------------------------------------------- */

static void
build_phase (HwMeetingView *self)
{
  const char *phase = self->page;
  g_autofree char *entry_label = NULL;
  HwRecordList *items;
  GtkWidget *entry, *list;

  if (g_strcmp0 (phase, "scaling") == 0)
    {
      build_scaling (self);
      return;
    }
  if (g_strcmp0 (phase, "family-time") == 0)
    gtk_box_append (self->page_box,
                    placeholder_new (_("The professionals leave the room so that the family can talk on their own. "
                                       "Write down only what the family wants to share.")));
  if (g_strcmp0 (phase, "next-meeting") == 0)
    {
      GtkWidget *group = adw_preferences_group_new ();

      g_hash_table_remove_all (self->detail_rows);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 entry_row_new (self, "next_meeting", _("Next meeting (YYYY-MM-DD HH:MM)")));
      gtk_box_append (self->page_box, group);
      refresh_details (self);
    }

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), quick_add_hint (phase));
  entry_label = g_strdup_printf (_("Add to “%s”"), hw_choice_label (HW_CHOICES_MEETING_PHASE, phase));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  gtk_widget_set_name (entry, "quick-add");
  g_signal_connect (entry, "activate", G_CALLBACK (quick_add_activate_cb), self);
  gtk_box_append (self->page_box, entry);

  items = page_list_add (self, hw_meeting_items_list_new (self->store, self->meeting_id, phase));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hw_choice_label (HW_CHOICES_MEETING_PHASE, phase), -1);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder_new (_("Nothing yet. Type above and press Enter.")));
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (items), create_item_row, self, NULL);
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (self->page_box, list);
}

static const char *
page_prompt (const char *page)
{
  if (g_strcmp0 (page, "details") == 0)
    return _("When and where, who leads it, and the language.");
  if (g_strcmp0 (page, "attendees") == 0)
    return _("Switch on everyone who takes part, and say how: in the room, by phone or video.");
  if (g_strcmp0 (page, "strengths") == 0)
    return _("What is working well for the children and the family.");
  if (g_strcmp0 (page, "worries") == 0)
    return _("Who is worried, about what, and what could happen if nothing changes. Three or fewer.");
  if (g_strcmp0 (page, "scaling") == 0)
    return _("Each person: 0 means the children cannot go home, 10 means safe enough to close the case.");
  if (g_strcmp0 (page, "decisions") == 0)
    return _("What was decided. If not everyone agreed, write down who and why.");
  if (g_strcmp0 (page, "actions") == 0)
    return _("Who does what, by when, and who checks it is done.");
  return "";
}

static void
build_page (HwMeetingView *self)
{
  GtkWidget *child, *title, *prompt;
  const char *page = self->page ? self->page : "details";

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_box))) != NULL)
    gtk_box_remove (self->page_box, child);
  g_ptr_array_set_size (self->page_lists, 0);
  g_hash_table_remove_all (self->detail_rows);
  if (self->meeting_id == 0)
    return;

  if (g_strcmp0 (page, "details") == 0)
    title = gtk_label_new (_("Details"));
  else if (g_strcmp0 (page, "attendees") == 0)
    title = gtk_label_new (_("Who is taking part"));
  else
    title = gtk_label_new (hw_choice_label (HW_CHOICES_MEETING_PHASE, page));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (title)), -1);
  gtk_box_append (self->page_box, title);
  if (*page_prompt (page) != '\0')
    {
      prompt = gtk_label_new (page_prompt (page));
      gtk_label_set_xalign (GTK_LABEL (prompt), 0);
      gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
      gtk_widget_add_css_class (prompt, "dim-label");
      gtk_box_append (self->page_box, prompt);
    }

  if (g_strcmp0 (page, "details") == 0)
    build_details (self);
  else if (g_strcmp0 (page, "attendees") == 0)
    build_attendees (self);
  else
    build_phase (self);
}

static void
store_changed_cb (HwMeetingView *self,
                  const char    *table)
{
  if (self->meeting_id == 0)
    return;
  if (g_strcmp0 (table, "meetings") == 0)
    {
      /* meetings_changed_cb handles a meeting that went away */
      if (hw_record_list_find (self->meetings, self->meeting_id, NULL) != NULL)
        {
          update_header (self);
          refresh_details (self);
        }
    }
  else if (g_strcmp0 (table, "meeting_phase_times") == 0)
    update_clock_label (self);
}

/* Public ------------------------------------------------------------------- */

void
hw_meeting_view_show_page (HwMeetingView *self,
                           const char    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) meeting = NULL;

  g_return_if_fail (HW_IS_MEETING_VIEW (self));

  if (g_strcmp0 (page, "details") != 0 && g_strcmp0 (page, "attendees") != 0 && !is_phase (page))
    page = "details";
  g_free (self->page);
  self->page = g_strdup (page);
  select_sidebar_row (self);

  /* choosing a step moves the meeting (and the room's screen) to it */
  meeting = get_meeting (self);
  if (meeting != NULL && is_phase (page) &&
      g_strcmp0 (hw_record_get_string (meeting, "current_phase"), page) != 0)
    {
      if (!hw_meeting_set_phase (self->store, self->meeting_id, page, &error))
        hw_toast_show_error (GTK_WIDGET (self), error);
    }
  build_page (self);

  /* Ready to type, unless the person is moving through the steps with
   * the arrow keys in the sidebar (then the focus stays there). */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
    GtkWidget *entry = find_named (GTK_WIDGET (self->page_box), "quick-add");

    /* on the scaling step: the first score nobody has given yet */
    if (entry == NULL && g_strcmp0 (page, "scaling") == 0)
      entry = find_unscored (GTK_WIDGET (self->page_box));

    if (entry != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->phase_list))))
      gtk_widget_grab_focus (entry);
  }
}

void
hw_meeting_view_open_meeting (HwMeetingView *self,
                              gint64         meeting_id)
{
  g_autoptr(HwRecord) meeting = NULL;

  g_return_if_fail (HW_IS_MEETING_VIEW (self));

  if (meeting_id == self->meeting_id && meeting_id != 0)
    return;
  clock_flush (self);
  gtk_toggle_button_set_active (self->clock_button, FALSE);
  if (self->presentation != NULL)
    gtk_window_close (GTK_WINDOW (self->presentation));

  self->meeting_id = meeting_id;
  g_clear_pointer (&self->clock_phase, g_free);
  meeting = get_meeting (self);
  if (meeting == NULL)
    {
      self->meeting_id = 0;
      gtk_stack_set_visible_child_name (self->editor_stack, "empty");
      build_page (self);
      select_meeting_row (self);
      return;
    }
  self->clock_phase = g_strdup (hw_record_get_string (meeting, "current_phase"));
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  select_meeting_row (self);
  update_header (self);
  /* open where the meeting is */
  g_free (self->page);
  self->page = g_strdup (self->clock_phase);
  if (g_strcmp0 (self->page, "welcome") == 0)
    {
      g_free (self->page);
      self->page = g_strdup ("details");
    }
  select_sidebar_row (self);
  build_page (self);
}

gint64
hw_meeting_view_get_meeting (HwMeetingView *self)
{
  g_return_val_if_fail (HW_IS_MEETING_VIEW (self), 0);
  return self->meeting_id;
}

GtkWindow *
hw_meeting_view_get_presentation (HwMeetingView *self)
{
  g_return_val_if_fail (HW_IS_MEETING_VIEW (self), NULL);
  return self->presentation ? GTK_WINDOW (self->presentation) : NULL;
}

/* Actions ------------------------------------------------------------------ */

static void
new_meeting_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:00");
  gint64 id;

  id = hw_meeting_create (self->store, self->case_id, "family-team-meeting", when, &error);
  if (id == 0)
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  hw_meeting_view_open_meeting (self, id);
  hw_meeting_view_show_page (self, "details");
}

static void
presentation_closed_cb (HwMeetingView *self)
{
  self->presentation = NULL;
  gtk_toggle_button_set_active (self->present_button, FALSE);
}

static void
present_toggled_cb (HwMeetingView *self)
{
  gboolean on = gtk_toggle_button_get_active (self->present_button);

  if (on && self->presentation == NULL && self->meeting_id != 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      self->presentation = hw_presentation_window_new (self->store, self->meeting_id);
      g_signal_connect_object (self->presentation, "destroy", G_CALLBACK (presentation_closed_cb), self,
                               G_CONNECT_SWAPPED);
      hw_presentation_window_show (self->presentation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
      update_clock_label (self);
    }
  else if (!on && self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->presentation)));
}

static void
present_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);

  gtk_toggle_button_set_active (self->present_button, !gtk_toggle_button_get_active (self->present_button));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autoptr(HwMeetingPrint) print = NULL;
  HwRecipient recipient = { HW_RECIPIENT_AGENCY, 0 };
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!hw_recipient_parse (g_variant_get_string (parameter, NULL), &recipient, &error))
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  doc = hw_meeting_summary_build (self->store, self->meeting_id, &recipient, NULL, &error);
  if (doc == NULL)
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  print = hw_meeting_print_new (doc, _("Meeting summary"));
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    hw_toast_show_error (GTK_WIDGET (self), error);
}

static void
step_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);
  int delta = g_variant_get_int32 (parameter);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->phase_list);
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->phase_list, MAX (index, 0));

  if (next != NULL && self->meeting_id != 0)
    hw_meeting_view_show_page (self, g_object_get_data (G_OBJECT (next), "page"));
}

/* GObject ------------------------------------------------------------------ */

GtkWidget *
hw_meeting_view_new (HwStore *store,
                     gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_MEETING_VIEW,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}

static void
hw_meeting_view_constructed (GObject *object)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

  G_OBJECT_CLASS (hw_meeting_view_parent_class)->constructed (object);

  self->meetings = hw_meetings_list_new (self->store, self->case_id);
  gtk_list_box_bind_model (self->meeting_list, G_LIST_MODEL (self->meetings), create_meeting_row, self, NULL);
  g_signal_connect_object (self->meetings, "items-changed", G_CALLBACK (meetings_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  build_sidebar (self);
  /* the most recent meeting, or none */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0)
    {
      g_autoptr(HwRecord) first = g_list_model_get_item (G_LIST_MODEL (self->meetings), 0);
      hw_meeting_view_open_meeting (self, hw_record_get_id (first));
    }
  else
    hw_meeting_view_open_meeting (self, 0);
}

static void
hw_meeting_view_dispose (GObject *object)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

  clock_flush (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->refocus_id, g_source_remove);
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->presentation)));
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_VIEW);
  g_clear_pointer (&self->page_lists, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_hash_table_unref);
  g_clear_object (&self->meetings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_view_parent_class)->dispose (object);
}

static void
hw_meeting_view_finalize (GObject *object)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

  g_free (self->page);
  g_free (self->clock_phase);
  g_free (self->refocus_name);

  G_OBJECT_CLASS (hw_meeting_view_parent_class)->finalize (object);
}

static void
hw_meeting_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

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
hw_meeting_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

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
hw_meeting_view_class_init (HwMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_view_constructed;
  object_class->dispose = hw_meeting_view_dispose;
  object_class->finalize = hw_meeting_view_finalize;
  object_class->get_property = hw_meeting_view_get_property;
  object_class->set_property = hw_meeting_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/hw-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, list_separator);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, clock_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, clock_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, present_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, print_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, phase_list);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, page_box);

  gtk_widget_class_install_action (widget_class, "meeting.new", NULL, new_meeting_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.present", NULL, present_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.print", "s", print_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.step", "i", step_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "meeting.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "meeting.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "meeting.step", "i", -1);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hwmeetingview");
}

static void
hw_meeting_view_init (HwMeetingView *self)
{
  self->page_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->detail_rows = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->meeting_list, "row-selected", G_CALLBACK (meeting_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phase_list, "row-selected", G_CALLBACK (phase_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clock_button, "toggled", G_CALLBACK (clock_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->present_button, "toggled", G_CALLBACK (present_toggled_cb), self, G_CONNECT_SWAPPED);
}

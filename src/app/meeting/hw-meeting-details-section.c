/* hw-meeting-details-section.c: the details of a meeting (kind, date and
 * time, place, video link, facilitator, interpreter, language, the
 * promise of privacy, the next meeting) and the button that deletes it;
 * or, on the last step of the agenda, the next meeting alone.
 *
 * Each row writes its column when it is applied (Enter or the apply
 * button; a choice at once). The rows follow the store, also for edits
 * made elsewhere, undo and redo, without losing what is being typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-details-section"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hw-enums.h"
#include "hw-focus-memo.h"
#include "hw-meeting.h"
#include "hw-meeting-details-section.h"
#include "hw-toast.h"

struct _HwMeetingDetailsSection
{
  GtkWidget    parent_instance;

  HwStore     *store;
  gint64       meeting_id;
  gboolean     next_meeting_only;
  gint64       version;      /* the meeting's version as shown */
  char        *shown[7];     /* each entry row's text as last shown */
  gboolean     filling;      /* writing widgets from the store */

  /* template */
  GtkWidget   *about_group;
  AdwComboRow *kind_row;
  AdwEntryRow *starts_at_row;
  AdwEntryRow *place_row;
  AdwEntryRow *video_link_row;
  AdwEntryRow *facilitator_row;
  AdwEntryRow *interpreter_row;
  AdwComboRow *language_row;
  GtkSwitch   *privacy_switch;
  AdwEntryRow *next_meeting_row;
  GtkWidget   *delete_button;
  GtkWidget   *next_group;
  AdwEntryRow *next_only_row;
};

G_DEFINE_FINAL_TYPE (HwMeetingDetailsSection, hw_meeting_details_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  PROP_NEXT_MEETING_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The column each entry row writes. */
static const struct {
  const char *column;
  gsize       offset;
} entry_rows[] = {
  { "starts_at", G_STRUCT_OFFSET (HwMeetingDetailsSection, starts_at_row) },
  { "place", G_STRUCT_OFFSET (HwMeetingDetailsSection, place_row) },
  { "video_link", G_STRUCT_OFFSET (HwMeetingDetailsSection, video_link_row) },
  { "facilitator", G_STRUCT_OFFSET (HwMeetingDetailsSection, facilitator_row) },
  { "interpreter", G_STRUCT_OFFSET (HwMeetingDetailsSection, interpreter_row) },
  { "next_meeting", G_STRUCT_OFFSET (HwMeetingDetailsSection, next_meeting_row) },
  { "next_meeting", G_STRUCT_OFFSET (HwMeetingDetailsSection, next_only_row) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (entry_rows) == G_N_ELEMENTS (((HwMeetingDetailsSection *) NULL)->shown));

#define ENTRY_ROW(self, i) (*(AdwEntryRow **) G_STRUCT_MEMBER_P ((self), entry_rows[i].offset))

static void show_stored (HwMeetingDetailsSection *self, GtkWidget *also);
static char *column_display (HwRecord *meeting, const char *column);

static void
update_column (HwMeetingDetailsSection *self,
               GtkWidget               *widget,
               const char              *column,
               const char              *value)
{
  g_autoptr(HwRecord) change = hw_record_new ("meetings");
  g_autoptr(GError) error = NULL;

  g_assert (HW_IS_MEETING_DETAILS_SECTION (self));

  hw_record_set_id (change, self->meeting_id);
  if (g_strcmp0 (column, "confidentiality_acknowledged") == 0)
    hw_record_set_boolean (change, column, g_strcmp0 (value, "1") == 0);
  else
    hw_record_set_string (change, column, value);
  /* saved over the details as they were shown only */
  hw_record_set_version (change, self->version);
  if (!hw_meeting_update (self->store, change, &error))
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      /* someone else changed them since: what they saved is shown, in
       * this row too (a choice or the switch goes back to theirs) */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          gtk_widget_remove_css_class (widget, "error");
          show_stored (self, widget);
        }
      else
        gtk_widget_add_css_class (widget, "error");
      return;
    }
  if (hw_record_get_version (change) > 0)
    self->version = hw_record_get_version (change);
  /* what was saved is what the row stands for now */
  for (guint i = 0; i < G_N_ELEMENTS (entry_rows); i++)
    if (GTK_WIDGET (ENTRY_ROW (self, i)) == widget)
      {
        g_autoptr(HwRecord) saved = hw_store_get (self->store, "meetings", self->meeting_id, NULL);

        if (saved != NULL)
          {
            g_free (self->shown[i]);
            self->shown[i] = column_display (saved, entry_rows[i].column);
          }
      }
  gtk_widget_remove_css_class (widget, "error");
}

static void
entry_row_apply_cb (HwMeetingDetailsSection *self,
                    AdwEntryRow             *row)
{
  g_assert (HW_IS_MEETING_DETAILS_SECTION (self));

  for (guint i = 0; i < G_N_ELEMENTS (entry_rows); i++)
    if (ENTRY_ROW (self, i) == row)
      update_column (self, GTK_WIDGET (row), entry_rows[i].column,
                     gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* A choice row: the kind (always set), or the language ("Not set" first). */
static void
combo_row_selected_cb (HwMeetingDetailsSection *self,
                       GParamSpec              *pspec,
                       AdwComboRow             *row)
{
  gboolean is_kind = row == self->kind_row;
  HwChoices which = is_kind ? HW_CHOICES_MEETING_KIND : HW_CHOICES_LANGUAGE;
  const char *column = is_kind ? "kind" : "language";
  guint has_none = is_kind ? 0 : 1;
  guint selected = adw_combo_row_get_selected (row);
  const HwChoice *choices;
  guint n;

  g_assert (HW_IS_MEETING_DETAILS_SECTION (self));

  if (self->filling)
    return;
  choices = hw_choices_get (which, &n);
  if (has_none && selected == 0)
    update_column (self, GTK_WIDGET (row), column, "");
  else if (selected - has_none < n)
    update_column (self, GTK_WIDGET (row), column, choices[selected - has_none].id);
}

static void
privacy_active_cb (HwMeetingDetailsSection *self)
{
  g_assert (HW_IS_MEETING_DETAILS_SECTION (self));

  if (self->filling)
    return;
  update_column (self, GTK_WIDGET (self->privacy_switch), "confidentiality_acknowledged",
                 gtk_switch_get_active (self->privacy_switch) ? "1" : "0");
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

static void
set_choice (AdwComboRow *row,
            HwChoices    which,
            const char  *value,
            guint        has_none)
{
  int i = hw_choices_index (which, value);

  adw_combo_row_set_selected (row, i < 0 ? 0 : i + has_none);
}

/* Shows the stored values without losing what the person is typing in
 * the row that has the focus, unless it is @also (a save refused). */
static void
show_stored (HwMeetingDetailsSection *self,
             GtkWidget               *also)
{
  g_autoptr(HwRecord) meeting = NULL;
  gboolean stale = FALSE;

  g_assert (HW_IS_MEETING_DETAILS_SECTION (self));

  meeting = hw_store_get (self->store, "meetings", self->meeting_id, NULL);
  if (meeting == NULL)
    return;
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entry_rows); i++)
    {
      GtkWidget *row = GTK_WIDGET (ENTRY_ROW (self, i));
      g_autofree char *text = column_display (meeting, entry_rows[i].column);

      /* never overwrite what is being typed */
      if (row == also || hw_focus_within (row) == NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (row), text);
          g_free (self->shown[i]);
          self->shown[i] = g_steal_pointer (&text);
        }
      else if (g_strcmp0 (self->shown[i], text) != 0)
        /* someone else changed what is being typed over: its save is
         * to be refused, so the version shown stays the older one */
        stale = TRUE;
    }
  if (!stale)
    self->version = hw_record_get_version (meeting);
  set_choice (self->kind_row, HW_CHOICES_MEETING_KIND, hw_record_get_string (meeting, "kind"), 0);
  set_choice (self->language_row, HW_CHOICES_LANGUAGE,
              hw_record_get_string (meeting, "language"), 1);
  gtk_switch_set_active (self->privacy_switch,
                         hw_record_get_boolean (meeting, "confidentiality_acknowledged"));
  self->filling = FALSE;
}

static void
refresh (HwMeetingDetailsSection *self)
{
  show_stored (self, NULL);
}

static void
store_changed_cb (HwMeetingDetailsSection *self,
                  const char              *table)
{
  g_assert (HW_IS_MEETING_DETAILS_SECTION (self));

  if (g_strcmp0 (table, "meetings") == 0)
    refresh (self);
}

static void
set_choices_model (AdwComboRow *row,
                   HwChoices    which,
                   const char  *none)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const HwChoice *choices;
  guint n;

  if (none != NULL)
    gtk_string_list_append (labels, none);
  choices = hw_choices_get (which, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, hw_choice_label (which, choices[i].id));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
hw_meeting_details_section_constructed (GObject *object)
{
  HwMeetingDetailsSection *self = HW_MEETING_DETAILS_SECTION (object);

  G_OBJECT_CLASS (hw_meeting_details_section_parent_class)->constructed (object);

  self->filling = TRUE;
  set_choices_model (self->kind_row, HW_CHOICES_MEETING_KIND, NULL);
  set_choices_model (self->language_row, HW_CHOICES_LANGUAGE, _("Not set"));
  self->filling = FALSE;
  gtk_widget_set_visible (self->about_group, !self->next_meeting_only);
  gtk_widget_set_visible (self->delete_button, !self->next_meeting_only);
  gtk_widget_set_visible (self->next_group, self->next_meeting_only);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

static void
hw_meeting_details_section_dispose (GObject *object)
{
  HwMeetingDetailsSection *self = HW_MEETING_DETAILS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_DETAILS_SECTION);
  g_clear_object (&self->store);
  for (guint i = 0; i < G_N_ELEMENTS (self->shown); i++)
    g_clear_pointer (&self->shown[i], g_free);

  G_OBJECT_CLASS (hw_meeting_details_section_parent_class)->dispose (object);
}

static void
hw_meeting_details_section_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  HwMeetingDetailsSection *self = HW_MEETING_DETAILS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case PROP_NEXT_MEETING_ONLY:
      g_value_set_boolean (value, self->next_meeting_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_details_section_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  HwMeetingDetailsSection *self = HW_MEETING_DETAILS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    case PROP_NEXT_MEETING_ONLY:
      self->next_meeting_only = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_details_section_class_init (HwMeetingDetailsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_details_section_constructed;
  object_class->dispose = hw_meeting_details_section_dispose;
  object_class->get_property = hw_meeting_details_section_get_property;
  object_class->set_property = hw_meeting_details_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* only the date of the next meeting (the last step of the agenda) */
  properties[PROP_NEXT_MEETING_ONLY] =
    g_param_spec_boolean ("next-meeting-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-details-section.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, about_group);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, starts_at_row);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, place_row);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, video_link_row);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, interpreter_row);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, language_row);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, privacy_switch);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, next_meeting_row);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, next_group);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingDetailsSection, next_only_row);
  gtk_widget_class_bind_template_callback (widget_class, entry_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, privacy_active_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hw_meeting_details_section_init (HwMeetingDetailsSection *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_meeting_details_section_new:
 * @store: the store
 * @meeting_id: the meeting
 * @next_meeting_only: only the date of the next meeting
 *
 * Returns: (transfer floating): the section
 */
GtkWidget *
hw_meeting_details_section_new (HwStore  *store,
                                gint64    meeting_id,
                                gboolean  next_meeting_only)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_MEETING_DETAILS_SECTION,
                       "store", store,
                       "meeting-id", meeting_id,
                       "next-meeting-only", next_meeting_only,
                       NULL);
}

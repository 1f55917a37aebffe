/* hw-meeting-phase-section.c: the things said in one step of the meeting
 * (every step but the scaling): a quick-entry line (Enter adds) over the
 * list of items, each an HwMeetingItemRow. The private family time says
 * first who stays in the room, then the family's own plan: only that they
 * are writing it, until they share it with the team (hw-family-plan.h).
 * The last step also asks for the date of the next meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-phase-section"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-family-plan.h"
#include "hw-meeting.h"
#include "hw-meeting-details-section.h"
#include "hw-meeting-item-row.h"
#include "hw-meeting-phase-section.h"
#include "hw-meeting-queries.h"
#include "hw-toast.h"

struct _HwMeetingPhaseSection
{
  GtkWidget     parent_instance;

  HwStore      *store;
  gint64        case_id;
  gint64        meeting_id;
  char         *phase;
  HwRecordList *items;

  /* template */
  GtkWidget    *family_time_label;
  GtkWidget    *family_plan_box;
  GtkLabel     *family_plan_label;
  GtkEntry     *quick_add;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (HwMeetingPhaseSection, hw_meeting_phase_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_MEETING_ID,
  PROP_PHASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
quick_add_activate_cb (HwMeetingPhaseSection *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->quick_add));
  const char *phase = self->phase;
  gint64 id;

  g_assert (HW_IS_MEETING_PHASE_SECTION (self));

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
  gtk_editable_set_text (GTK_EDITABLE (self->quick_add), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->quick_add));
}

/* Enter or a double click on a row edits its text. */
static void
row_activated_cb (HwMeetingPhaseSection *self,
                  GtkListBoxRow         *row)
{
  g_assert (HW_IS_MEETING_PHASE_SECTION (self));

  if (HW_IS_MEETING_ITEM_ROW (row))
    hw_meeting_item_row_start_editing (HW_MEETING_ITEM_ROW (row));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  HwMeetingPhaseSection *self = user_data;

  g_assert (HW_IS_MEETING_PHASE_SECTION (self));

  return hw_meeting_item_row_new (self->store, self->case_id, item);
}

/* The family's plan as the facilitator may see it: never a word before
 * the family shares it. */
static void
update_family_plan (HwMeetingPhaseSection *self)
{
  g_autofree char *text = NULL;

  g_assert (HW_IS_MEETING_PHASE_SECTION (self));

  if (g_strcmp0 (self->phase, "family-time") != 0)
    return;
  text = hw_family_plan_shared_text (self->store, self->meeting_id);
  gtk_widget_set_visible (self->family_plan_box, TRUE);
  gtk_label_set_text (self->family_plan_label,
                      text != NULL ? text
                                   : _("The family is writing its plan privately. It shows here once they share it with the team."));
  if (text != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->family_plan_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->family_plan_label), "dim-label");
}

static void
store_changed_cb (HwMeetingPhaseSection *self,
                  const char            *table)
{
  g_assert (HW_IS_MEETING_PHASE_SECTION (self));

  if (table == NULL || g_strcmp0 (table, "family_plans") == 0)
    update_family_plan (self);
}

static void
hw_meeting_phase_section_constructed (GObject *object)
{
  HwMeetingPhaseSection *self = HW_MEETING_PHASE_SECTION (object);
  const char *title = hw_choice_label (HW_CHOICES_MEETING_PHASE, self->phase);
  g_autofree char *entry_label = g_strdup_printf (_("Add to “%s”"), title);

  G_OBJECT_CLASS (hw_meeting_phase_section_parent_class)->constructed (object);

  gtk_widget_set_visible (self->family_time_label, g_strcmp0 (self->phase, "family-time") == 0);
  if (g_strcmp0 (self->phase, "family-time") == 0)
    {
      update_family_plan (self);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (g_strcmp0 (self->phase, "next-meeting") == 0)
    gtk_widget_insert_before (hw_meeting_details_section_new (self->store, self->meeting_id, TRUE),
                              GTK_WIDGET (self), GTK_WIDGET (self->quick_add));

  gtk_entry_set_placeholder_text (self->quick_add, quick_add_hint (self->phase));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quick_add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);

  self->items = hw_meeting_items_list_new (self->store, self->meeting_id, self->phase);
  if (self->items != NULL)
    gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row_cb, self, NULL);
}

static void
hw_meeting_phase_section_dispose (GObject *object)
{
  HwMeetingPhaseSection *self = HW_MEETING_PHASE_SECTION (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_PHASE_SECTION);
  /* the next meeting's row, not part of the template */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_phase_section_parent_class)->dispose (object);
}

static void
hw_meeting_phase_section_finalize (GObject *object)
{
  HwMeetingPhaseSection *self = HW_MEETING_PHASE_SECTION (object);

  g_free (self->phase);

  G_OBJECT_CLASS (hw_meeting_phase_section_parent_class)->finalize (object);
}

static void
hw_meeting_phase_section_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HwMeetingPhaseSection *self = HW_MEETING_PHASE_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case PROP_PHASE:
      g_value_set_string (value, self->phase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_phase_section_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HwMeetingPhaseSection *self = HW_MEETING_PHASE_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    case PROP_PHASE:
      self->phase = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_phase_section_class_init (HwMeetingPhaseSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_phase_section_constructed;
  object_class->dispose = hw_meeting_phase_section_dispose;
  object_class->finalize = hw_meeting_phase_section_finalize;
  object_class->get_property = hw_meeting_phase_section_get_property;
  object_class->set_property = hw_meeting_phase_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* a HW_CHOICES_MEETING_PHASE id (not "scaling": that is its own section) */
  properties[PROP_PHASE] =
    g_param_spec_string ("phase", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-phase-section.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingPhaseSection, family_time_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingPhaseSection, family_plan_box);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingPhaseSection, family_plan_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingPhaseSection, quick_add);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingPhaseSection, list);
  gtk_widget_class_bind_template_callback (widget_class, quick_add_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hw_meeting_phase_section_init (HwMeetingPhaseSection *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_meeting_phase_section_new:
 * @store: the store
 * @case_id: the family
 * @meeting_id: the meeting
 * @phase: the step: a HW_CHOICES_MEETING_PHASE id other than "scaling"
 *
 * Returns: (transfer floating): the section
 */
GtkWidget *
hw_meeting_phase_section_new (HwStore    *store,
                              gint64      case_id,
                              gint64      meeting_id,
                              const char *phase)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (hw_choices_valid (HW_CHOICES_MEETING_PHASE, phase), NULL);

  return g_object_new (HW_TYPE_MEETING_PHASE_SECTION,
                       "store", store,
                       "case-id", case_id,
                       "meeting-id", meeting_id,
                       "phase", phase,
                       NULL);
}

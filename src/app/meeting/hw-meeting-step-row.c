/* hw-meeting-step-row.c: a step of the meeting in the steps sidebar: its
 * number, its title, and "now" on the step the meeting is at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-step-row"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-meeting-step-row.h"

struct _HwMeetingStepRow
{
  GtkListBoxRow  parent_instance;

  char          *page;
  char          *title;
  char          *number;
  gboolean       current;

  /* template */
  GtkLabel      *number_label;
  GtkLabel      *title_label;
  GtkWidget     *now_label;
};

G_DEFINE_FINAL_TYPE (HwMeetingStepRow, hw_meeting_step_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_TITLE,
  PROP_NUMBER,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
prompt_for (const char *page)
{
  if (g_strcmp0 (page, "details") == 0)
    return _("When and where, who leads it, and the language.");
  if (g_strcmp0 (page, "attendees") == 0)
    return _("Switch on everyone who takes part, and say how: in the room, by phone or video.");
  if (g_strcmp0 (page, "strengths") == 0)
    return _("What is working well for the children and the family.");
  if (g_strcmp0 (page, "worries") == 0)
    return _("Who is worried, about what, and what could happen if nothing changes. "
             "Three or fewer.");
  if (g_strcmp0 (page, "scaling") == 0)
    return _("Each person: 0 means the children cannot go home, "
             "10 means safe enough to close the case.");
  if (g_strcmp0 (page, "decisions") == 0)
    return _("What was decided. If not everyone agreed, write down who and why.");
  if (g_strcmp0 (page, "actions") == 0)
    return _("Who does what, by when, and who checks it is done.");
  return "";
}

static void
hw_meeting_step_row_constructed (GObject *object)
{
  HwMeetingStepRow *self = HW_MEETING_STEP_ROW (object);

  G_OBJECT_CLASS (hw_meeting_step_row_parent_class)->constructed (object);

  gtk_label_set_text (self->number_label, self->number ? self->number : "");
  gtk_label_set_text (self->title_label, self->title ? self->title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title ? self->title : "", -1);
}

static void
hw_meeting_step_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HW_TYPE_MEETING_STEP_ROW);

  G_OBJECT_CLASS (hw_meeting_step_row_parent_class)->dispose (object);
}

static void
hw_meeting_step_row_finalize (GObject *object)
{
  HwMeetingStepRow *self = HW_MEETING_STEP_ROW (object);

  g_free (self->page);
  g_free (self->title);
  g_free (self->number);

  G_OBJECT_CLASS (hw_meeting_step_row_parent_class)->finalize (object);
}

static void
hw_meeting_step_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HwMeetingStepRow *self = HW_MEETING_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_CURRENT:
      g_value_set_boolean (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_step_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HwMeetingStepRow *self = HW_MEETING_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      self->page = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_NUMBER:
      self->number = g_value_dup_string (value);
      break;
    case PROP_CURRENT:
      hw_meeting_step_row_set_current (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_step_row_class_init (HwMeetingStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_step_row_constructed;
  object_class->dispose = hw_meeting_step_row_dispose;
  object_class->finalize = hw_meeting_step_row_finalize;
  object_class->get_property = hw_meeting_step_row_get_property;
  object_class->set_property = hw_meeting_step_row_set_property;

  /* "details", "attendees" or a HW_CHOICES_MEETING_PHASE id */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "1", "2"...; "" for the pages that are not steps of the agenda */
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the step the meeting (and the room's screen) is at */
  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStepRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStepRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStepRow, now_label);
}

static void
hw_meeting_step_row_init (HwMeetingStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_meeting_step_row_new:
 * @page: "details", "attendees" or a phase id
 * @title: the step's title, translated
 * @number: its number in the agenda, or ""
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hw_meeting_step_row_new (const char *page,
                         const char *title,
                         const char *number)
{
  return g_object_new (HW_TYPE_MEETING_STEP_ROW,
                       "page", page,
                       "title", title,
                       "number", number,
                       NULL);
}

/**
 * hw_meeting_step_row_get_page:
 * @self: the row
 *
 * Returns: the page the row opens
 */
const char *
hw_meeting_step_row_get_page (HwMeetingStepRow *self)
{
  g_return_val_if_fail (HW_IS_MEETING_STEP_ROW (self), NULL);

  return self->page;
}

/**
 * hw_meeting_step_row_get_title:
 * @self: the row
 *
 * Returns: the title of the step, translated
 */
const char *
hw_meeting_step_row_get_title (HwMeetingStepRow *self)
{
  g_return_val_if_fail (HW_IS_MEETING_STEP_ROW (self), NULL);

  return self->title;
}

/**
 * hw_meeting_step_row_get_prompt:
 * @self: the row
 *
 * Returns: what to do in the step, in a sentence, translated; "" if the
 *   title says it all
 */
const char *
hw_meeting_step_row_get_prompt (HwMeetingStepRow *self)
{
  g_return_val_if_fail (HW_IS_MEETING_STEP_ROW (self), NULL);

  return prompt_for (self->page);
}

/**
 * hw_meeting_step_row_set_current:
 * @self: the row
 * @current: whether the meeting is at this step
 *
 * The current step is marked with a word, not only a colour.
 */
void
hw_meeting_step_row_set_current (HwMeetingStepRow *self,
                                 gboolean          current)
{
  g_return_if_fail (HW_IS_MEETING_STEP_ROW (self));

  current = !!current;
  gtk_widget_set_visible (self->now_label, current);
  if (self->current == current)
    return;
  self->current = current;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/**
 * hw_meeting_step_rows_fill:
 * @list: the steps sidebar
 *
 * Adds a row for each page of a meeting: the details, who is taking part,
 * then the steps of the agenda, numbered.
 */
void
hw_meeting_step_rows_fill (GtkListBox *list)
{
  const HwChoice *phases;
  guint n;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  gtk_list_box_append (list, hw_meeting_step_row_new ("details", _("Details"), ""));
  gtk_list_box_append (list, hw_meeting_step_row_new ("attendees", _("Who is taking part"), ""));
  phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      gtk_list_box_append (list, hw_meeting_step_row_new (phases[i].id,
                                                          hw_choice_label (HW_CHOICES_MEETING_PHASE,
                                                                           phases[i].id),
                                                          number));
    }
}

/**
 * hw_meeting_step_rows_find:
 * @list: the steps sidebar
 * @page: a page
 *
 * Returns: (transfer none) (nullable): the row that opens @page
 */
GtkListBoxRow *
hw_meeting_step_rows_find (GtkListBox *list,
                           const char *page)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (HW_IS_MEETING_STEP_ROW (row) && g_strcmp0 (HW_MEETING_STEP_ROW (row)->page, page) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/**
 * hw_meeting_step_rows_mark_current:
 * @list: the steps sidebar
 * @phase: the step the meeting is at
 *
 * Marks that step's row "now", and no other.
 */
void
hw_meeting_step_rows_mark_current (GtkListBox *list,
                                   const char *phase)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (HW_IS_MEETING_STEP_ROW (row))
      hw_meeting_step_row_set_current (HW_MEETING_STEP_ROW (row),
                                       g_strcmp0 (HW_MEETING_STEP_ROW (row)->page, phase) == 0);
}

/* hw-meeting-statement-row.c: a worry or a safety goal, and below it one
 * HwMeetingScoreRow for each person taking part (in the room or from
 * afar), lined up in columns: name, score, last time's score, why.
 *
 * The row shows one record of hw_meeting_statements_list_new(); a score
 * given changes the record, and the list makes a new row for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-statement-row"

#include "hw-meeting.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-score-row.h"
#include "hw-meeting-statement-row.h"

struct _HwMeetingStatementRow
{
  GtkListBoxRow  parent_instance;

  HwStore       *store;
  gint64         meeting_id;
  HwRecord      *record;

  /* template */
  GtkLabel      *title_label;
  GtkWidget     *scores_box;
  GtkWidget     *nobody_label;
  GtkSizeGroup  *who_column;
  GtkSizeGroup  *score_column;
  GtkSizeGroup  *before_column;
};

G_DEFINE_FINAL_TYPE (HwMeetingStatementRow, hw_meeting_statement_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The person's score of the same statement at the previous meeting. */
static int
previous_score (HwMeetingStatementRow *self,
                GPtrArray             *changes,
                gint64                 person_id)
{
  int before = -1;

  g_assert (HW_IS_MEETING_STATEMENT_ROW (self));

  for (guint k = 0; changes != NULL && k < changes->len; k++)
    {
      HwScoreChange *c = g_ptr_array_index (changes, k);

      if (c->person_id == person_id && c->before >= 0 &&
          g_strcmp0 (c->statement, hw_record_get_string (self->record, "text")) == 0)
        before = c->before;
    }
  return before;
}

static void
hw_meeting_statement_row_constructed (GObject *object)
{
  HwMeetingStatementRow *self = HW_MEETING_STATEMENT_ROW (object);
  gint64 item_id = hw_record_get_id (self->record);
  gint64 previous_id = hw_meeting_get_previous (self->store, self->meeting_id);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) people = NULL;

  G_OBJECT_CLASS (hw_meeting_statement_row_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, hw_record_get_string (self->record, "text"));
  if (previous_id != 0)
    changes = hw_meeting_score_changes (self->store, previous_id, self->meeting_id, NULL);

  people = hw_meeting_scorers_select (self->store, item_id, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      GtkWidget *row = hw_meeting_score_row_new (self->store, item_id, p,
                                                 previous_score (self, changes,
                                                                 hw_record_get_id (p)));

      hw_meeting_score_row_add_columns (HW_MEETING_SCORE_ROW (row), self->who_column,
                                        self->score_column,
                                        self->before_column);
      gtk_box_append (GTK_BOX (self->scores_box), row);
    }
  gtk_widget_set_visible (self->nobody_label, people == NULL || people->len == 0);
}

static void
hw_meeting_statement_row_dispose (GObject *object)
{
  HwMeetingStatementRow *self = HW_MEETING_STATEMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_STATEMENT_ROW);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_statement_row_parent_class)->dispose (object);
}

static void
hw_meeting_statement_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HwMeetingStatementRow *self = HW_MEETING_STATEMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_statement_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HwMeetingStatementRow *self = HW_MEETING_STATEMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_statement_row_class_init (HwMeetingStatementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_statement_row_constructed;
  object_class->dispose = hw_meeting_statement_row_dispose;
  object_class->get_property = hw_meeting_statement_row_get_property;
  object_class->set_property = hw_meeting_statement_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* a row of hw_meeting_statements_list_new() */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-statement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStatementRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStatementRow, scores_box);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStatementRow, nobody_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStatementRow, who_column);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStatementRow, score_column);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingStatementRow, before_column);
}

static void
hw_meeting_statement_row_init (HwMeetingStatementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_meeting_statement_row_new:
 * @store: the store
 * @meeting_id: the meeting
 * @record: a row of hw_meeting_statements_list_new()
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hw_meeting_statement_row_new (HwStore  *store,
                              gint64    meeting_id,
                              HwRecord *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_MEETING_STATEMENT_ROW,
                       "store", store,
                       "meeting-id", meeting_id,
                       "record", record,
                       NULL);
}

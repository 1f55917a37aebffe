/* hw-meeting-score-row.c: one person's score (0 to 10) of a statement,
 * and what makes it that number, with the score they gave last time.
 *
 * An empty box means "not scored yet" (-1), never a 0 nobody gave. A new
 * value, or Enter in either box, saves the score with its reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-score-row"

#include <glib/gi18n.h>
#include <string.h>

#include "hw-meeting.h"
#include "hw-meeting-later.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-score-layout.h"
#include "hw-meeting-score-row.h"
#include "hw-toast.h"

struct _HwMeetingScoreRow
{
  GtkWidget      parent_instance;

  HwStore       *store;
  gint64         item_id;
  HwRecord      *record;
  gint64         version;   /* the score row's version as shown, 0: none */
  int            previous;
  gboolean       filling;   /* writing widgets from the record */

  /* template */
  GtkLabel      *who_label;
  GtkSpinButton *score_spin;
  GtkLabel      *before_label;
  GtkEntry      *reason_entry;
};

G_DEFINE_FINAL_TYPE (HwMeetingScoreRow, hw_meeting_score_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_ID,
  PROP_RECORD,
  PROP_PREVIOUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The person's score and reason as stored now. */
static void
show_stored (HwMeetingScoreRow *self)
{
  g_autoptr(GPtrArray) scorers = hw_meeting_scorers_select (self->store, self->item_id, NULL);
  gint64 person_id = hw_record_get_id (self->record);

  g_assert (HW_IS_MEETING_SCORE_ROW (self));

  for (guint i = 0; scorers != NULL && i < scorers->len; i++)
    {
      HwRecord *r = g_ptr_array_index (scorers, i);

      if (hw_record_get_id (r) != person_id)
        continue;
      self->filling = TRUE;
      self->version = hw_record_is_null (r, "score") ? 0 : hw_record_get_int (r, "score_version");
      gtk_spin_button_set_value (self->score_spin,
                                 hw_record_is_null (r, "score") ? -1 : hw_record_get_int (r, "score"));
      gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), hw_record_get_string (r, "reason"));
      self->filling = FALSE;
    }
}

/* @parameter: TRUE when asked from the reason (the focus goes back there) */
static void
save_score (GtkWidget *widget,
            GVariant  *parameter)
{
  HwMeetingScoreRow *self = HW_MEETING_SCORE_ROW (widget);
  g_autoptr(GtkWidget) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean from_reason = g_variant_get_boolean (parameter);
  GtkWidget *asking = from_reason ? GTK_WIDGET (self->reason_entry) : GTK_WIDGET (self->score_spin);
  g_autofree char *name = g_strdup (gtk_widget_get_name (asking));
  gint64 person_id = hw_record_get_id (self->record);
  int score;
  const char *why;

  g_assert (HW_IS_MEETING_SCORE_ROW (self));

  /* the list of statements outlives the row, which the write replaces */
  list = g_object_ref (gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_BOX));
  gtk_spin_button_update (self->score_spin);
  score = gtk_spin_button_get_value_as_int (self->score_spin);
  why = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
  if (score < 0)
    return;   /* still "–": nothing to save */

  /* Enter and the new value can both ask for the same write: once is enough */
  if (hw_meeting_has_score (self->store, self->item_id, person_id, score, why))
    return;
  /* saved over the score as it was shown only */
  if (hw_meeting_set_score_at (self->store, self->item_id, person_id, self->version, score, why,
                               &error) == 0)
    {
      hw_toast_show_error (list, error);
      /* someone else scored it since: their score and reason are shown */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        show_stored (self);
      return;
    }
  hw_meeting_refocus_later (list, name);
}

static void
value_changed_cb (HwMeetingScoreRow *self)
{
  g_assert (HW_IS_MEETING_SCORE_ROW (self));

  if (self->filling || gtk_spin_button_get_value (self->score_spin) < 0)
    return;
  hw_meeting_run_later (GTK_WIDGET (self), save_score, g_variant_new_boolean (FALSE));
}

static void
score_activate_cb (HwMeetingScoreRow *self)
{
  g_assert (HW_IS_MEETING_SCORE_ROW (self));

  hw_meeting_run_later (GTK_WIDGET (self), save_score, g_variant_new_boolean (FALSE));
}

static void
reason_activate_cb (HwMeetingScoreRow *self)
{
  g_assert (HW_IS_MEETING_SCORE_ROW (self));

  hw_meeting_run_later (GTK_WIDGET (self), save_score, g_variant_new_boolean (TRUE));
}

/* An unscored person (-1) shows an empty box, not a 0 that nobody gave
 * (GTK 4.8 drops text set from ::output, so the box stays empty). */
static gboolean
spin_output_cb (GtkSpinButton     *spin,
                HwMeetingScoreRow *self)
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
spin_input_cb (GtkSpinButton     *spin,
               double            *new_value,
               HwMeetingScoreRow *self)
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

static void
hw_meeting_score_row_constructed (GObject *object)
{
  HwMeetingScoreRow *self = HW_MEETING_SCORE_ROW (object);
  gint64 person_id = hw_record_get_id (self->record);
  const char *name = hw_record_get_string (self->record, "name");
  gboolean scored = !hw_record_is_null (self->record, "score");
  g_autofree char *spin_label = g_strdup_printf (_("Score of %s, 0 to 10"), name);
  g_autofree char *reason_label = g_strdup_printf (_("Why %s chose this number"), name);
  g_autofree char *spin_name = g_strdup_printf ("score-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                                self->item_id, person_id);
  g_autofree char *reason_name = g_strdup_printf ("reason-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                                  self->item_id, person_id);

  G_OBJECT_CLASS (hw_meeting_score_row_parent_class)->constructed (object);

  self->filling = TRUE;
  self->version = scored ? hw_record_get_int (self->record, "score_version") : 0;
  gtk_label_set_text (self->who_label, name);
  gtk_widget_set_name (GTK_WIDGET (self->score_spin), spin_name);
  gtk_widget_set_name (GTK_WIDGET (self->reason_entry), reason_name);
  /* -1 = not scored yet; widened once the ::input and ::output handlers
   * are in place, so that moving to -1 shows the empty box */
  gtk_spin_button_set_range (self->score_spin, -1, 10);
  gtk_spin_button_set_value (self->score_spin, scored ? hw_record_get_int (self->record,
                                                                           "score") : -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spin_label, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), hw_record_get_string (self->record,
                                                                                  "reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reason_label, -1);
  if (self->previous >= 0)
    {
      g_autofree char *text = g_strdup_printf (_("last time %d"), self->previous);

      gtk_label_set_text (self->before_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->before_label), "dim-label");
    }
  self->filling = FALSE;
}

static void
hw_meeting_score_row_dispose (GObject *object)
{
  HwMeetingScoreRow *self = HW_MEETING_SCORE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_SCORE_ROW);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_score_row_parent_class)->dispose (object);
}

static void
hw_meeting_score_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HwMeetingScoreRow *self = HW_MEETING_SCORE_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_PREVIOUS:
      g_value_set_int (value, self->previous);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_score_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HwMeetingScoreRow *self = HW_MEETING_SCORE_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ITEM_ID:
      self->item_id = g_value_get_int64 (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_PREVIOUS:
      self->previous = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_score_row_class_init (HwMeetingScoreRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_score_row_constructed;
  object_class->dispose = hw_meeting_score_row_dispose;
  object_class->get_property = hw_meeting_score_row_get_property;
  object_class->set_property = hw_meeting_score_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the statement scored */
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* a row of hw_meeting_scorers_select(): the person, score, reason */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the same person's score at the previous meeting, -1 if none */
  properties[PROP_PREVIOUS] =
    g_param_spec_int ("previous", NULL, NULL, -1, 10, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-score-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingScoreRow, who_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingScoreRow, score_spin);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingScoreRow, before_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingScoreRow, reason_entry);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_input_cb);

  /* on one line, the reason on a line of its own when narrow */
  gtk_widget_class_set_layout_manager_type (widget_class, HW_TYPE_MEETING_SCORE_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hw_meeting_score_row_init (HwMeetingScoreRow *self)
{
  self->previous = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GtkSpinButton has no ::activate in GTK 4.8: its text has */
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->score_spin)), "activate",
                           G_CALLBACK (score_activate_cb), self, G_CONNECT_SWAPPED);
}

/**
 * hw_meeting_score_row_new:
 * @store: the store
 * @item_id: the statement scored
 * @record: a row of hw_meeting_scorers_select()
 * @previous: the person's score of the same statement at the previous
 *   meeting, or -1
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hw_meeting_score_row_new (HwStore  *store,
                          gint64    item_id,
                          HwRecord *record,
                          int       previous)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_MEETING_SCORE_ROW,
                       "store", store,
                       "item-id", item_id,
                       "record", record,
                       "previous", previous,
                       NULL);
}

/**
 * hw_meeting_score_row_add_columns:
 * @self: the row
 * @who: the column of names
 * @score: the column of scores
 * @before: the column of last time's scores
 *
 * Lines the row up with the other rows of the same statement, as columns.
 */
void
hw_meeting_score_row_add_columns (HwMeetingScoreRow *self,
                                  GtkSizeGroup      *who,
                                  GtkSizeGroup      *score,
                                  GtkSizeGroup      *before)
{
  g_return_if_fail (HW_IS_MEETING_SCORE_ROW (self));

  gtk_size_group_add_widget (who, GTK_WIDGET (self->who_label));
  gtk_size_group_add_widget (score, GTK_WIDGET (self->score_spin));
  gtk_size_group_add_widget (before, GTK_WIDGET (self->before_label));
}

/* hw-meeting-summary.c: the written summary of a family meeting.
 *
 * Everything is read from the store and filtered for the recipient before
 * it is handed to the document: what is withheld never enters the
 * HwDocument, so it cannot reach the PDF's text layer or metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-summary"

#include "hw-i18n.h"
#include <string.h>

#include "hw-enums.h"
#include "hw-family-plan.h"
#include "hw-meeting-summary.h"

typedef struct {
  HwStore           *store;
  const HwRecipient *recipient;
  HwDocument        *doc;
  HwRecord          *meeting;
  GHashTable        *people;    /* id -> HwRecord of the case's people */
} Summary;

/* "2026-05-02T10:00:00" -> "2 May 2026, 10:00" in the document's
 * language; a date stays a date */
static char *
format_when (const char *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  return hw_language_format_iso (iso, HW_DATE_LONG, TRUE);
}

static HwRecord *
lookup_person (Summary *s,
               gint64   person_id)
{
  return g_hash_table_lookup (s->people, &person_id);
}

static gboolean
may_see_person (Summary *s,
                gint64   person_id)
{
  HwRecord *person = lookup_person (s, person_id);

  return person != NULL && hw_recipient_may_see_record (s->recipient, person);
}

/* The person's name, or a neutral word when the name is withheld. */
static char *
person_name (Summary *s,
             gint64   person_id)
{
  if (person_id <= 0)
    return g_strdup (_("Not decided yet"));
  if (!may_see_person (s, person_id))
    return g_strdup (_("Another participant"));
  return g_strdup (hw_record_get_string (lookup_person (s, person_id), "name"));
}

static GPtrArray *
visible_items (Summary     *s,
               const char  *phase,
               GError     **error)
{
  return hw_meeting_list_items (s->store, hw_record_get_id (s->meeting), phase, s->recipient, error);
}

static void
add_details (Summary *s)
{
  HwRecord *m = s->meeting;
  g_autofree char *when = format_when (hw_record_get_string (m, "starts_at"));
  const char *interpreter = hw_record_get_string (m, "interpreter");
  const char *language = hw_record_get_string (m, "language");

  hw_document_add_labelled (s->doc, _("When"), when);
  if (*hw_record_get_string (m, "place") != '\0')
    hw_document_add_labelled (s->doc, _("Where"), hw_record_get_string (m, "place"));
  if (*hw_record_get_string (m, "video_link") != '\0')
    hw_document_add_labelled (s->doc, _("Video link"), hw_record_get_string (m, "video_link"));
  if (*hw_record_get_string (m, "facilitator") != '\0')
    hw_document_add_labelled (s->doc, _("Facilitator"), hw_record_get_string (m, "facilitator"));
  if (*interpreter != '\0' || *language != '\0')
    {
      g_autofree char *text = NULL;

      if (*interpreter != '\0' && *language != '\0')
        /* TRANSLATORS: "Ana Castillo (Spanish)" */
        text = g_strdup_printf (_("%s (%s)"), interpreter,
                                hw_language_name_in_sentence (language));
      else if (*interpreter != '\0')
        text = g_strdup (interpreter);
      else
        text = g_strdup_printf (_("None; the meeting was held in %s"),
                                hw_language_name_in_sentence (language));
      hw_document_add_labelled (s->doc, _("Interpreter"), text);
    }
  hw_document_add_labelled (s->doc, _("Confidentiality"),
                            hw_record_get_boolean (m, "confidentiality_acknowledged")
                            ? _("Everyone agreed to keep what is said about others private.")
                            : _("Not recorded."));
}

static gboolean
add_attendees (Summary  *s,
               GError  **error)
{
  static const double widths[] = { 3, 4, 2 };
  const char *headers[] = { _("Name"), _("Role"), _("Attendance") };
  g_autoptr(GPtrArray) rows = NULL;
  guint shown = 0;

  rows = hw_store_select (s->store, "meeting_attendees", error,
                          "SELECT id, person_id, role, attendance FROM meeting_attendees"
                          " WHERE meeting_id = ? ORDER BY id",
                          G_TYPE_INT64, hw_record_get_id (s->meeting), G_TYPE_INVALID);
  if (rows == NULL)
    return FALSE;

  hw_document_add_heading (s->doc, 2, _("Who took part"));
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *a = g_ptr_array_index (rows, i);
      gint64 person_id = hw_record_get_int (a, "person_id");
      const char *cells[3];

      /* a person withheld from this recipient is left off the list */
      if (!may_see_person (s, person_id))
        continue;
      if (shown++ == 0)
        hw_document_add_table (s->doc, 3, headers, widths);
      cells[0] = hw_record_get_string (lookup_person (s, person_id), "name");
      cells[1] = hw_record_get_string (a, "role");
      cells[2] = hw_choice_label (HW_CHOICES_ATTENDANCE, hw_record_get_string (a, "attendance"));
      hw_document_add_table_row (s->doc, cells);
    }
  if (shown == 0)
    hw_document_add_note (s->doc, _("No one recorded."));
  return TRUE;
}

static void
add_bullets (Summary   *s,
             GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    hw_document_add_bullet (s->doc, hw_record_get_string (g_ptr_array_index (items, i), "text"));
}

static gboolean
add_scores (Summary  *s,
            GError  **error)
{
  static const double widths[] = { 3, 1.2, 1.6, 5 };
  const char *headers[] = { _("Who"), _("Score"), _("Last meeting"), _("Why this number") };
  gint64 meeting_id = hw_record_get_id (s->meeting);
  gint64 previous_id = hw_meeting_get_previous (s->store, meeting_id);
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) worries = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint shown = 0;

  worries = visible_items (s, "worries", error);
  if (worries == NULL)
    return FALSE;
  goals = visible_items (s, "safety-goals", error);
  if (goals == NULL)
    return FALSE;
  statements = g_ptr_array_new ();
  g_ptr_array_extend (statements, worries, NULL, NULL);
  g_ptr_array_extend (statements, goals, NULL, NULL);
  if (previous_id != 0)
    changes = hw_meeting_score_changes (s->store, previous_id, meeting_id, NULL);

  hw_document_add_paragraph (s->doc, _("0 means the children cannot go home; 10 means they are safe enough for the case to close."));
  for (guint i = 0; i < statements->len; i++)
    {
      HwRecord *item = g_ptr_array_index (statements, i);
      g_autoptr(GPtrArray) scores = NULL;

      scores = hw_store_select (s->store, "meeting_scores", error,
                                "SELECT s.id, s.person_id, s.score, s.reason FROM meeting_scores s"
                                " LEFT JOIN meeting_attendees a ON a.meeting_id = s.meeting_id AND a.person_id = s.person_id"
                                " WHERE s.item_id = ? ORDER BY a.id, s.id",
                                G_TYPE_INT64, hw_record_get_id (item), G_TYPE_INVALID);
      if (scores == NULL)
        return FALSE;
      /* A person withheld from this copy is left out with their score: a
       * row for "another participant" would tell the reader that someone
       * they were not told of took part (the list of who took part leaves
       * them out too). */
      for (guint j = scores->len; j > 0; j--)
        if (!may_see_person (s, hw_record_get_int (g_ptr_array_index (scores, j - 1),
                                                   "person_id")))
          g_ptr_array_remove_index (scores, j - 1);
      if (scores->len == 0)
        continue;

      shown++;
      hw_document_add_heading (s->doc, 3, hw_record_get_string (item, "text"));
      hw_document_add_table (s->doc, 4, headers, widths);
      for (guint j = 0; j < scores->len; j++)
        {
          HwRecord *sc = g_ptr_array_index (scores, j);
          gint64 person_id = hw_record_get_int (sc, "person_id");
          g_autofree char *who = person_name (s, person_id);
          g_autofree char *score = g_strdup_printf ("%d", (int) hw_record_get_int (sc, "score"));
          g_autofree char *before = g_strdup ("—");
          const char *cells[4];

          for (guint k = 0; changes != NULL && k < changes->len; k++)
            {
              HwScoreChange *c = g_ptr_array_index (changes, k);

              if (c->person_id == person_id && c->before >= 0 &&
                  g_strcmp0 (c->statement, hw_record_get_string (item, "text")) == 0)
                {
                  g_free (before);
                  before = g_strdup_printf ("%d", c->before);
                }
            }
          cells[0] = who;
          cells[1] = score;
          cells[2] = before;
          cells[3] = hw_record_get_string (sc, "reason");
          hw_document_add_table_row (s->doc, cells);
        }
    }
  if (shown == 0)
    hw_document_add_note (s->doc, _("No scores were given."));
  return TRUE;
}

static void
add_decisions (Summary   *s,
               GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *d = g_ptr_array_index (items, i);
      g_autofree char *text = NULL;

      if (hw_record_get_boolean (d, "consensus"))
        text = g_strdup_printf (_("%s (everyone agreed)"), hw_record_get_string (d, "text"));
      else
        text = g_strdup_printf (_("%s\nNot everyone agreed: %s"), hw_record_get_string (d, "text"),
                                hw_record_get_string (d, "dissent"));
      hw_document_add_bullet (s->doc, text);
    }
}

static void
add_actions (Summary   *s,
             GPtrArray *items)
{
  static const double widths[] = { 5, 2.4, 1.8, 2.4 };
  const char *headers[] = { _("What"), _("Who does it"), _("By when"), _("Who checks") };

  hw_document_add_table (s->doc, 4, headers, widths);
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *a = g_ptr_array_index (items, i);
      g_autofree char *owner = person_name (s, hw_record_get_int (a, "owner_person_id"));
      g_autofree char *checker = person_name (s, hw_record_get_int (a, "checker_person_id"));
      const char *due = hw_record_get_string (a, "due_date");
      g_autofree char *due_text = hw_language_format_iso (due, HW_DATE_LONG, FALSE);
      const char *cells[4];

      cells[0] = hw_record_get_string (a, "text");
      cells[1] = owner;
      cells[2] = *due ? due_text : _("Not decided yet");
      cells[3] = checker;
      hw_document_add_table_row (s->doc, cells);
    }
}

HwDocument *
hw_meeting_summary_build (HwStore            *store,
                          gint64              meeting_id,
                          const HwRecipient  *recipient,
                          const char         *paper,
                          GError            **error)
{
  static const HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) family = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) people_map = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *for_line = NULL;
  g_autofree char *date_line = NULL;
  g_autoptr(GError) local = NULL;
  const HwChoice *phases;
  guint n_phases;
  Summary s = { 0 };

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (recipient == NULL)
    recipient = &agency;
  if (meeting_id <= 0 || !(meeting = hw_store_get (store, "meetings", meeting_id, &local)))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("There is no meeting with the number %lld."), (long long) meeting_id);
      return NULL;
    }
  family = hw_store_get (store, "cases", hw_record_get_int (meeting, "case_id"), error);
  if (family == NULL)
    return NULL;

  people = hw_store_select (store, "people", error,
                            "SELECT id, name, confidential, withheld_from FROM people WHERE case_id = ?",
                            G_TYPE_INT64, hw_record_get_int (meeting, "case_id"), G_TYPE_INVALID);
  if (people == NULL)
    return NULL;
  people_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < people->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = hw_record_get_id (g_ptr_array_index (people, i));
      g_hash_table_insert (people_map, key, g_object_ref (g_ptr_array_index (people, i)));
    }

  doc = hw_document_new ();
  if (!hw_document_set_paper_name (doc, paper, error))
    return NULL;
  s.store = store;
  s.recipient = recipient;
  s.doc = doc;
  s.meeting = meeting;
  s.people = people_map;

  when = format_when (hw_record_get_string (meeting, "starts_at"));
  title = g_strdup_printf ("%s — %s", hw_choice_label (HW_CHOICES_MEETING_KIND, hw_record_get_string (meeting, "kind")),
                           when);
  {
    const char *name = NULL;

    if (recipient->kind == HW_RECIPIENT_SUPPORT && recipient->person_id > 0)
      {
        HwRecord *p = g_hash_table_lookup (people_map, &recipient->person_id);
        name = p ? hw_record_get_string (p, "name") : NULL;
      }
    for_line = hw_recipient_describe (recipient, name);
  }
  /* TRANSLATORS: footer, %s is the date of the meeting */
  date_line = g_strdup_printf (_("Summary of the meeting of %s"), when);

  hw_document_set_case (doc, hw_record_get_string (family, "family_name"), hw_record_get_string (family, "case_number"));
  hw_document_set_sample (doc, hw_record_get_boolean (family, "sample"));
  hw_document_set_confidentiality (doc, _("Confidential: about a child welfare case. Do not share beyond the people it is meant for."));
  hw_document_set_recipient_line (doc, for_line);
  hw_document_set_date_line (doc, date_line);
  hw_document_set_metadata (doc, title, hw_record_get_string (meeting, "facilitator"),
                            _("Family meeting summary"), hw_record_get_string (meeting, "starts_at"));
  /* the document is in the language it was built in (hw_document_new()
   * takes the one pushed): hw_meeting_export() pushes the one asked for */

  hw_document_add_heading (doc, 1, title);
  add_details (&s);
  if (!add_attendees (&s, error))
    return NULL;

  phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, &n_phases);
  for (guint i = 0; i < n_phases; i++)
    {
      const char *phase = phases[i].id;
      g_autoptr(GPtrArray) items = visible_items (&s, phase, error);

      if (items == NULL)
        return NULL;
      /* the welcome with nothing noted: the list of who took part above
       * says it, and a heading with nothing under it looks like a loss */
      if (items->len == 0 && g_strcmp0 (phase, "welcome") == 0)
        continue;
      hw_document_add_heading (doc, 2, hw_choice_label (HW_CHOICES_MEETING_PHASE, phase));

      if (g_strcmp0 (phase, "scaling") == 0)
        {
          if (!add_scores (&s, error))
            return NULL;
          add_bullets (&s, items);
          continue;
        }
      if (g_strcmp0 (phase, "family-time") == 0)
        {
          /* the family's own plan, only once they have shared it with
           * the team: before, it is in no copy */
          g_autofree char *plan = hw_family_plan_shared_text (s.store, hw_record_get_id (meeting));

          hw_document_add_note (doc, _("The family talked on their own, without the professionals."));
          if (plan != NULL)
            {
              hw_document_add_heading (doc, 3, _("The family’s plan"));
              hw_document_add_paragraph (doc, plan);
            }
        }
      if (g_strcmp0 (phase, "next-meeting") == 0)
        {
          g_autofree char *next = format_when (hw_record_get_string (meeting, "next_meeting"));

          hw_document_add_labelled (doc, _("Date"), *next ? next : _("Not decided yet"));
          hw_document_add_note (doc, _("Everyone who took part gets a written copy within a week."));
        }

      if (items->len == 0)
        {
          if (g_strcmp0 (phase, "family-time") != 0 && g_strcmp0 (phase, "next-meeting") != 0)
            hw_document_add_note (doc, _("Nothing recorded."));
          continue;
        }
      if (g_strcmp0 (phase, "decisions") == 0)
        add_decisions (&s, items);
      else if (g_strcmp0 (phase, "actions") == 0)
        add_actions (&s, items);
      else
        add_bullets (&s, items);
    }

  return g_steal_pointer (&doc);
}

gboolean
hw_meeting_export (HwStore                *store,
                   const HwExportOptions  *opts,
                   GError                **error)
{
  g_autoptr(HwDocument) doc = NULL;

  g_return_val_if_fail (opts != NULL, FALSE);

  if (opts->format != NULL && g_ascii_strcasecmp (opts->format, "pdf") != 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("A meeting summary can only be written as PDF, not “%s”."), opts->format);
      return FALSE;
    }
  if (opts->output == NULL || *opts->output == '\0')
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, _("Say where to write the summary (--output)."));
      return FALSE;
    }
  /* --case, when given, must be the meeting's own case */
  if (opts->case_id > 0 && opts->meeting_id > 0 &&
      hw_store_query_int (store, 0, "SELECT case_id FROM meetings WHERE id = ?",
                          G_TYPE_INT64, opts->meeting_id, G_TYPE_INVALID) != opts->case_id)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("Meeting %lld is not a meeting of case %lld."),
                   (long long) opts->meeting_id, (long long) opts->case_id);
      return FALSE;
    }

  {
    /* the language asked for, else the one the meeting was held in, else
     * the family's; one that cannot be loaded is refused */
    gint64 meeting_id = opts->meeting_id;
    g_autoptr(HwRecord) meeting = meeting_id > 0 ? hw_store_get (store, "meetings", meeting_id, NULL) : NULL;
    g_autoptr(HwRecord) kase = meeting != NULL
                               ? hw_store_get (store, "cases", hw_record_get_int (meeting, "case_id"), NULL)
                               : NULL;
    const char *fallback = NULL;
    g_autofree char *lang = NULL;
    g_autoptr(HwLanguageSwitch) language = NULL;

    if (meeting != NULL && *hw_record_get_string (meeting, "language") != '\0')
      fallback = hw_record_get_string (meeting, "language");
    else if (kase != NULL)
      fallback = hw_record_get_string (kase, "primary_language");
    lang = hw_language_choose (opts->language, fallback, error);
    if (lang == NULL)
      return FALSE;
    language = hw_language_push (lang);
    doc = hw_meeting_summary_build (store, opts->meeting_id, &opts->recipient, opts->paper, error);
  }
  if (doc == NULL)
    return FALSE;
  return hw_document_export_pdf (doc, opts->output, error);
}

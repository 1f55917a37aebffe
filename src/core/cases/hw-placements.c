/* hw-placements.c: where each child lives (placements) and what it tells.
 *
 * Why every edit checks the child's whole history and not just the new
 * row: the end of a placement is the start of the next one, so adding,
 * moving or deleting one placement changes when another ends. An edit
 * builds the child's history as it would be afterwards, walks it in date
 * order and refuses the edit, writing nothing, at the first placement
 * that does not fit.
 *
 * Dates are compared as text: "YYYY-MM-DD" sorts like the days it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-placements"

#include <string.h>

#include "hw-i18n.h"
#include "hw-date.h"
#include "hw-invalid.h"
#include "hw-language.h"
#include "hw-placements.h"

/* Labels and choices ----------------------------------------------------- */

static const char * const settings[] = {
  "parent", "kin", "fictive-kin", "foster-family", "group-care", "other", NULL
};
static const char * const setting_labels[] = {
  N_("With a parent"), N_("Relative (kin)"), N_("Family friend (fictive kin)"),
  N_("Foster family"), N_("Group care"), N_("Other"),
};
/* the settings as they read inside a sentence ("... live with Rosa (relative)") */
static const char * const setting_words[] = {
  NC_("placement setting in a sentence", "parent"),
  NC_("placement setting in a sentence", "relative"),
  NC_("placement setting in a sentence", "family friend"),
  NC_("placement setting in a sentence", "foster family"),
  NC_("placement setting in a sentence", "group care"),
  NC_("placement setting in a sentence", "other"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (settings) == HW_PLACEMENT_N_SETTINGS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (setting_labels) == HW_PLACEMENT_N_SETTINGS);
G_STATIC_ASSERT (G_N_ELEMENTS (setting_words) == HW_PLACEMENT_N_SETTINGS);

static int
index_of (const char * const *list,
          const char         *value)
{
  for (int i = 0; value != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], value))
      return i;
  return -1;
}

const char * const *
hw_placement_settings (void)
{
  return settings;
}

const char *
hw_placement_setting_label (const char *setting)
{
  int i = index_of (settings, setting);

  return i >= 0 ? _(setting_labels[i]) : (setting ? setting : "");
}

gboolean
hw_placement_setting_is_kin (const char *setting)
{
  return g_strcmp0 (setting, "parent") == 0 || g_strcmp0 (setting, "kin") == 0 ||
         g_strcmp0 (setting, "fictive-kin") == 0;
}

/* Reading ----------------------------------------------------------------- */

#define LIST_SQL \
  "SELECT p.*, c.name AS child_name, coalesce(g.name, '') AS caregiver_person_name," \
  "  CASE WHEN p.end_date <> '' THEN p.end_date" \
  "   ELSE coalesce(lead(p.start_date) OVER" \
  "    (PARTITION BY p.child_id ORDER BY p.start_date, p.id), '') END AS ends" \
  " FROM placements p JOIN people c ON c.id = p.child_id" \
  " LEFT JOIN people g ON g.id = p.caregiver_id" \
  " WHERE p.case_id = ? AND (? = 0 OR p.child_id = ?)" \
  " ORDER BY c.id, p.start_date, p.id"

GPtrArray *
hw_placements_list (HwStore  *store,
                    gint64    case_id,
                    gint64    child_id,
                    GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return hw_store_select (store, "placements", error, LIST_SQL,
                          G_TYPE_INT64, case_id, G_TYPE_INT64, child_id,
                          G_TYPE_INT64, child_id, G_TYPE_INVALID);
}

static gboolean
today_or (const char  *today,
          char       **out)
{
  GDate day;

  if (today == NULL)
    {
      *out = hw_date_today_iso ();
      return TRUE;
    }
  if (!hw_date_parse (today, &day))
    return FALSE;
  *out = hw_date_to_iso (&day);
  return TRUE;
}

GPtrArray *
hw_placements_current (HwStore     *store,
                       gint64       case_id,
                       const char  *today,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *day = NULL;
  GPtrArray *current;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (!today_or (today, &day))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("“%s” is not a real date."), today);
      return NULL;
    }
  rows = hw_placements_list (store, case_id, 0, error);
  if (rows == NULL)
    return NULL;

  current = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      const char *ends = hw_record_get_string (row, "ends");

      /* a placement ending on @today by a move: the child sleeps at the
       * next one; an explicit end day is still the last day there */
      if (strcmp (hw_record_get_string (row, "start_date"), day) > 0)
        continue;
      if (ends[0] != '\0' && hw_record_get_string (row, "end_date")[0] == '\0' &&
          strcmp (ends, day) <= 0)
        continue;
      if (ends[0] != '\0' && strcmp (ends, day) < 0)
        continue;
      g_ptr_array_add (current, g_object_ref (row));
    }
  return current;
}

char *
hw_placement_caregiver_for (HwRecord          *placement,
                            HwStore           *store,
                            const HwRecipient *recipient)
{
  gint64 caregiver_id;
  const char *name;

  g_return_val_if_fail (HW_IS_RECORD (placement), NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  caregiver_id = hw_record_is_null (placement, "caregiver_id")
                 ? 0 : hw_record_get_int (placement, "caregiver_id");
  if (caregiver_id != 0 && store != NULL)
    {
      g_autoptr(HwRecord) person = hw_store_get (store, "people", caregiver_id, NULL);

      if (person != NULL && hw_recipient_may_see_record (recipient, person))
        return g_strdup (hw_record_get_string (person, "name"));
    }
  name = hw_record_get_string (placement, "caregiver_name");
  if (name != NULL && name[0] != '\0' &&
      hw_recipient_may_see (recipient, FALSE,
                            hw_record_get_string (placement, "caregiver_withheld_from")))
    return g_strdup (name);
  return NULL;
}

gboolean
hw_placement_may_see_address (HwRecord          *placement,
                              const HwRecipient *recipient)
{
  const char *set;

  g_return_val_if_fail (HW_IS_RECORD (placement), FALSE);
  g_return_val_if_fail (recipient != NULL, FALSE);

  set = hw_record_get_string (placement, "address_withheld_from");
  return hw_recipient_may_see (recipient, FALSE, set ? set : "");
}

/* Checking ---------------------------------------------------------------- */

static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  switch (hw_date_check (date, NULL))
    {
    case HW_DATE_VALID:
      return TRUE;
    case HW_DATE_IMPOSSIBLE:
      /* Translators: %s is a date, %s the field ("the day the child moved in") */
      return hw_invalid (error, _("“%s” is not a real date (%s). Check the day and the month."),
                      date, what);
    case HW_DATE_NOT_ISO:
    case HW_DATE_IMPOSSIBLE_TIME:
    default:
      if (date == NULL || date[0] == '\0')
        /* Translators: %s is the field ("the day the child moved in") */
        return hw_invalid (error, _("Write %s as year-month-day, for example 2026-03-02."),
                        what);
      return hw_invalid (error, _("“%s” is not written as a date (%s). Write it as "
                               "year-month-day, for example 2026-03-02."), date, what);
    }
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return hw_invalid (error, _("Some text is not valid."));
  return TRUE;
}

/* The checks of one placement on its own and against the people of the
 * case; fills the normalised recipient sets. */
static gboolean
check_placement (HwStore            *store,
                 gint64              case_id,
                 const HwPlacement  *p,
                 char              **address_set,
                 char              **caregiver_set,
                 GError            **error)
{
  g_autoptr(HwRecord) child = NULL;
  const char *end = p->end_date ? p->end_date : "";

  if (p->child_id != 0)
    child = hw_store_get (store, "people", p->child_id, NULL);
  if (child == NULL || hw_record_get_int (child, "case_id") != case_id ||
      g_strcmp0 (hw_record_get_string (child, "role"), "child") != 0)
    return hw_invalid (error, _("Choose one of the family’s children: a placement is where "
                             "a child lives."));

  if (index_of (settings, p->setting) < 0)
    /* Translators: %s is what the program was given as a kind of placement */
    return hw_invalid (error, _("“%s” is not a kind of placement."), p->setting ? p->setting : "");

  if (p->caregiver_id != 0)
    {
      g_autoptr(HwRecord) caregiver = hw_store_get (store, "people", p->caregiver_id, NULL);

      if (caregiver == NULL || hw_record_get_int (caregiver, "case_id") != case_id)
        return hw_invalid (error, _("The caregiver must be one of the family’s people."));
      if (p->caregiver_id == p->child_id)
        return hw_invalid (error, _("A child cannot be their own caregiver."));
    }

  if (!check_date (p->start_date, _("the day the child moved in"), error))
    return FALSE;
  if (end[0] != '\0')
    {
      if (!check_date (end, _("the last day"), error))
        return FALSE;
      if (strcmp (end, p->start_date) < 0)
        return hw_invalid (error, _("The placement cannot end before it starts."));
    }
  {
    const char *born = hw_record_get_string (child, "birth_date");

    if (born != NULL && hw_date_check (born, NULL) == HW_DATE_VALID &&
        strcmp (p->start_date, born) < 0)
      return hw_invalid (error, _("The placement starts before the child was born."));
  }

  if (hw_placement_setting_is_kin (p->setting) &&
      p->kin_not_chosen_reason != NULL && p->kin_not_chosen_reason[0] != '\0')
    return hw_invalid (error, _("Only a placement outside the family says why relatives were "
                             "not chosen."));

  if (!hw_recipient_normalise_set (p->address_withheld_from ? p->address_withheld_from : "",
                                   address_set, error) ||
      !hw_recipient_normalise_set (p->caregiver_withheld_from ? p->caregiver_withheld_from : "",
                                   caregiver_set, error))
    return FALSE;

  return check_text (p->caregiver_name, error) && check_text (p->address, error) &&
         check_text (p->reason, error) && check_text (p->kin_not_chosen_reason, error) &&
         check_text (p->notes, error);
}

typedef struct {
  char *start;
  char *end;    /* explicit, or "" */
} Stay;

static void
stay_clear (gpointer data)
{
  Stay *stay = data;

  g_free (stay->start);
  g_free (stay->end);
}

static int
cmp_stays (gconstpointer a,
           gconstpointer b)
{
  return strcmp (((const Stay *) a)->start, ((const Stay *) b)->start);
}

static gboolean
check_stays (GArray  *stays,
             GError **error)
{
  g_array_sort (stays, cmp_stays);
  for (guint i = 0; i + 1 < stays->len; i++)
    {
      Stay *s = &g_array_index (stays, Stay, i);
      Stay *next = &g_array_index (stays, Stay, i + 1);
      g_autofree char *day = hw_language_format_iso (next->start, HW_DATE_LONG, FALSE);

      if (g_str_equal (s->start, next->start))
        /* Translators: %s is a date */
        return hw_invalid (error, _("The child already has a placement starting on %s. "
                                 "Change that one instead."), day);
      if (s->end[0] != '\0' && strcmp (s->end, next->start) > 0)
        return hw_invalid (error, _("The placements overlap: one ends after the next starts "
                                 "on %s."), day);
    }
  return TRUE;
}

/* The history of @child_id with row @skip_id left out and @p (if any) put
 * in, checked. */
static gboolean
check_child (HwStore            *store,
             gint64              child_id,
             gint64              skip_id,
             const HwPlacement  *p,
             GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) stays = g_array_new (FALSE, FALSE, sizeof (Stay));

  g_array_set_clear_func (stays, stay_clear);
  rows = hw_store_select (store, "placements", error,
                          "SELECT id, start_date, end_date FROM placements WHERE child_id = ?",
                          G_TYPE_INT64, child_id, G_TYPE_INVALID);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      Stay stay;

      if (hw_record_get_id (row) == skip_id)
        continue;
      stay.start = g_strdup (hw_record_get_string (row, "start_date"));
      stay.end = g_strdup (hw_record_get_string (row, "end_date"));
      g_array_append_val (stays, stay);
    }
  if (p != NULL)
    {
      Stay stay = { g_strdup (p->start_date), g_strdup (p->end_date ? p->end_date : "") };
      g_array_append_val (stays, stay);
    }
  return check_stays (stays, error);
}

gboolean
hw_placements_check_case (HwStore  *store,
                          gint64    case_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  rows = hw_store_select (store, "placements", error,
                          "SELECT * FROM placements WHERE case_id = ? ORDER BY child_id, id",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      g_autofree char *a = NULL, *c = NULL;
      HwPlacement p = {
        .child_id = hw_record_get_int (row, "child_id"),
        .setting = hw_record_get_string (row, "setting"),
        .caregiver_id = hw_record_is_null (row, "caregiver_id")
                        ? 0 : hw_record_get_int (row, "caregiver_id"),
        .caregiver_name = hw_record_get_string (row, "caregiver_name"),
        .caregiver_withheld_from = hw_record_get_string (row, "caregiver_withheld_from"),
        .address = hw_record_get_string (row, "address"),
        .address_withheld_from = hw_record_get_string (row, "address_withheld_from"),
        .start_date = hw_record_get_string (row, "start_date"),
        .end_date = hw_record_get_string (row, "end_date"),
        .reason = hw_record_get_string (row, "reason"),
        .kin_considered = hw_record_get_boolean (row, "kin_considered"),
        .kin_not_chosen_reason = hw_record_get_string (row, "kin_not_chosen_reason"),
        .notes = hw_record_get_string (row, "notes"),
      };

      if (!check_placement (store, case_id, &p, &a, &c, error))
        return FALSE;
      /* the child's whole history once, at its first row */
      if ((i == 0 || hw_record_get_int (g_ptr_array_index (rows, i - 1), "child_id") !=
                     p.child_id) &&
          !check_child (store, p.child_id, 0, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
fill_record (HwRecord          *record,
             const HwPlacement *p,
             const char        *address_set,
             const char        *caregiver_set)
{
  gboolean kin = hw_placement_setting_is_kin (p->setting);

  hw_record_set_int (record, "child_id", p->child_id);
  hw_record_set_string (record, "setting", p->setting);
  if (p->caregiver_id != 0)
    hw_record_set_int (record, "caregiver_id", p->caregiver_id);
  else
    hw_record_set_null (record, "caregiver_id");
  hw_record_set_string (record, "caregiver_name", p->caregiver_name ? p->caregiver_name : "");
  hw_record_set_string (record, "caregiver_withheld_from", caregiver_set);
  hw_record_set_string (record, "address", p->address ? p->address : "");
  hw_record_set_string (record, "address_withheld_from", address_set);
  hw_record_set_string (record, "start_date", p->start_date);
  hw_record_set_string (record, "end_date", p->end_date ? p->end_date : "");
  hw_record_set_string (record, "reason", p->reason ? p->reason : "");
  /* "kin considered first" asks about a placement outside the family */
  hw_record_set_boolean (record, "kin_considered", !kin && p->kin_considered);
  hw_record_set_string (record, "kin_not_chosen_reason",
                        !kin && p->kin_not_chosen_reason ? p->kin_not_chosen_reason : "");
  hw_record_set_string (record, "notes", p->notes ? p->notes : "");
}

/* Editing ----------------------------------------------------------------- */

gint64
hw_placements_add (HwStore            *store,
                   gint64              case_id,
                   const HwPlacement  *placement,
                   GError            **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("placements");
  g_autofree char *address_set = NULL, *caregiver_set = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (placement != NULL, 0);

  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("This family is no longer in Homeward."));
      return 0;
    }
  if (!check_placement (store, case_id, placement, &address_set, &caregiver_set, error) ||
      !check_child (store, placement->child_id, 0, placement, error))
    return 0;

  hw_record_set_int (record, "case_id", case_id);
  fill_record (record, placement, address_set, caregiver_set);
  return hw_store_insert (store, N_("Add placement"), record, error);
}

static HwRecord *
get_placement (HwStore  *store,
               gint64    placement_id,
               GError  **error)
{
  HwRecord *record = hw_store_get (store, "placements", placement_id, NULL);

  if (record == NULL)
    g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                 _("This placement is no longer there: someone may have deleted it."));
  return record;
}

/* Whether @old is still at @version (0: no version to check). When it is
 * not, the history is not checked: the update says someone else changed
 * it, which is what the caller needs to hear. */
static gboolean
at_version (HwRecord *old,
            gint64    version)
{
  return version <= 0 || hw_record_get_version (old) == version;
}

gboolean
hw_placements_change_at (HwStore            *store,
                         gint64              placement_id,
                         gint64              version,
                         const HwPlacement  *placement,
                         GError            **error)
{
  g_autoptr(HwRecord) old = NULL;
  g_autoptr(HwRecord) record = hw_record_new ("placements");
  g_autofree char *address_set = NULL, *caregiver_set = NULL;
  gint64 old_child;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (placement != NULL, FALSE);

  old = get_placement (store, placement_id, error);
  if (old == NULL)
    return FALSE;
  old_child = hw_record_get_int (old, "child_id");
  if (!check_placement (store, hw_record_get_int (old, "case_id"), placement,
                        &address_set, &caregiver_set, error))
    return FALSE;
  if (at_version (old, version))
    {
      if (!check_child (store, placement->child_id, placement_id, placement, error))
        return FALSE;
      /* moved to another child: what is left of the first child's history
       * must still read in order (it always does: a row less cannot overlap) */
      if (old_child != placement->child_id && !check_child (store, old_child, placement_id,
                                                            NULL, error))
        return FALSE;
    }

  hw_record_set_id (record, placement_id);
  fill_record (record, placement, address_set, caregiver_set);
  hw_record_set_version (record, version);
  return hw_store_update (store, N_("Change placement"), record, error);
}

gboolean
hw_placements_change (HwStore            *store,
                      gint64              placement_id,
                      const HwPlacement  *placement,
                      GError            **error)
{
  return hw_placements_change_at (store, placement_id, 0, placement, error);
}

gboolean
hw_placements_end_at (HwStore     *store,
                      gint64       placement_id,
                      gint64       version,
                      const char  *end_date,
                      GError     **error)
{
  g_autoptr(HwRecord) old = NULL;
  g_autoptr(HwRecord) record = hw_record_new ("placements");
  g_autofree char *start = NULL;
  gint64 child_id;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  old = get_placement (store, placement_id, error);
  if (old == NULL)
    return FALSE;
  if (!check_date (end_date, _("the last day"), error))
    return FALSE;
  start = g_strdup (hw_record_get_string (old, "start_date"));
  child_id = hw_record_get_int (old, "child_id");
  if (at_version (old, version))
    {
      HwPlacement p = { .child_id = child_id, .start_date = start, .end_date = end_date };

      if (strcmp (end_date, start) < 0)
        return hw_invalid (error, _("The placement cannot end before it starts."));
      if (!check_child (store, child_id, placement_id, &p, error))
        return FALSE;
    }

  hw_record_set_id (record, placement_id);
  hw_record_set_string (record, "end_date", end_date);
  hw_record_set_version (record, version);
  return hw_store_update (store, N_("End placement"), record, error);
}

gboolean
hw_placements_end (HwStore     *store,
                   gint64       placement_id,
                   const char  *end_date,
                   GError     **error)
{
  return hw_placements_end_at (store, placement_id, 0, end_date, error);
}

gboolean
hw_placements_delete (HwStore  *store,
                      gint64    placement_id,
                      GError  **error)
{
  g_autoptr(HwRecord) old = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  old = get_placement (store, placement_id, error);
  if (old == NULL)
    return FALSE;
  /* a row less never breaks the order of the rest */
  return hw_store_delete (store, N_("Delete placement"), "placements", placement_id, error);
}

/* The header line ------------------------------------------------------ */

char *
hw_placements_summary (HwStore    *store,
                       gint64      case_id,
                       const char *today)
{
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  current = hw_placements_current (store, case_id, today, NULL);
  if (current == NULL)
    return g_strdup ("");

  /* children who live in one place with one caregiver share a sentence */
  for (guint i = 0; i < current->len; i++)
    {
      HwRecord *row = g_ptr_array_index (current, i);
      g_autofree char *who = hw_placement_caregiver_for (row, store, &agency);
      g_autoptr(GString) names = g_string_new (NULL);
      const char *setting = hw_record_get_string (row, "setting");
      int n = 0, s = index_of (settings, setting);
      const char *word;

      if (g_ptr_array_find (done, row, NULL))
        continue;
      for (guint j = i; j < current->len; j++)
        {
          HwRecord *other = g_ptr_array_index (current, j);
          g_autofree char *other_who = hw_placement_caregiver_for (other, store, &agency);

          if (!g_str_equal (hw_record_get_string (other, "setting"), setting) ||
              g_strcmp0 (other_who, who) != 0 ||
              g_strcmp0 (hw_record_get_string (other, "address"),
                         hw_record_get_string (row, "address")) != 0)
            continue;
          g_ptr_array_add (done, other);
          if (n > 0)
            g_string_append (names, ", ");
          g_string_append (names, hw_record_get_string (other, "child_name"));
          n++;
        }
      word = s >= 0 ? hw_language_pgettext ("placement setting in a sentence", setting_words[s])
                    : setting;
      if (text->len > 0)
        g_string_append (text, " · ");
      if (who != NULL)
        /* Translators: "Sofía, Mateo live with Rosa Morales (relative)" */
        g_string_append_printf (text, ngettext ("%s lives with %s (%s)", "%s live with %s (%s)",
                                                n),
                                names->str, who, word);
      else
        /* Translators: "Lucía: foster family" (no caregiver named) */
        g_string_append_printf (text, _("%s: %s"), names->str, word);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

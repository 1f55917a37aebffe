/* hw-plan.c: safety plans and post-reunification plans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan"

#include <string.h>

#include "hw-i18n.h"

#include "hw-date.h"
#include "hw-ecomap.h"
#include "hw-recipient.h"
#include "hw-placements.h"
#include "hw-plan.h"

G_DEFINE_QUARK (hw-plan-error-quark, hw_plan_error)

/* The same ids as HW_CHOICES_PLAN_SECTION_* in hw-enums; kept here too so
 * that the plan model does not depend on the order of that table. */
static const HwPlanSection safety_sections[] = {
  { "danger", N_("What we are worried about") },
  { "safety-goal", N_("Safety goals") },
  { "rule", N_("Safety rules") },
  { "network", N_("Safety network") },
  { "trigger", N_("Triggers and warning signs") },
  { "if-not-followed", N_("If the plan is not followed") },
  { "emergency", N_("Emergency contacts and crisis lines") },
  { "child-version", N_("The plan in the children’s words") },
  { NULL, NULL }
};

static const HwPlanSection reunification_sections[] = {
  { "need", N_("Needs now and later") },
  { "worry", N_("The family’s worries") },
  { "support", N_("Supports for the next 12 months") },
  { "checkin", N_("Check-ins") },
  { "respite", N_("Breaks and contact with the foster family") },
  { "warning-sign", N_("Warning signs and what to do") },
  { "exit", N_("Closing the case") },
  { NULL, NULL }
};

const char *
hw_plan_kind_to_string (HwPlanKind kind)
{
  return kind == HW_PLAN_REUNIFICATION ? "reunification" : "safety";
}

gboolean
hw_plan_kind_from_string (const char  *text,
                          HwPlanKind  *kind,
                          GError     **error)
{
  if (g_strcmp0 (text, "safety") == 0 || g_strcmp0 (text, "safety-plan") == 0)
    *kind = HW_PLAN_SAFETY;
  else if (g_strcmp0 (text, "reunification") == 0 || g_strcmp0 (text, "reunification-plan") == 0)
    *kind = HW_PLAN_REUNIFICATION;
  else
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                   _("“%s” is not a kind of plan: use safety-plan or reunification-plan."),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

const HwPlanSection *
hw_plan_get_sections (HwPlanKind  kind,
                      guint      *n_sections)
{
  const HwPlanSection *sections = kind == HW_PLAN_REUNIFICATION ? reunification_sections : safety_sections;

  if (n_sections != NULL)
    {
      guint n = 0;

      while (sections[n].id != NULL)
        n++;
      *n_sections = n;
    }
  return sections;
}

static int
section_index (HwPlanKind  kind,
               const char *section)
{
  const HwPlanSection *sections = hw_plan_get_sections (kind, NULL);

  for (int i = 0; section != NULL && sections[i].id != NULL; i++)
    if (g_str_equal (sections[i].id, section))
      return i;
  return -1;
}

gboolean
hw_plan_section_valid (HwPlanKind  kind,
                       const char *section)
{
  return section_index (kind, section) >= 0;
}

gboolean
hw_plan_date_valid (const char *text,
                    gboolean    allow_empty)
{
  if (text == NULL || *text == '\0')
    return allow_empty;
  return hw_date_parse (text, NULL);
}

static gboolean
check_date (const char  *text,
            GError     **error)
{
  if (hw_plan_date_valid (text, TRUE))
    return TRUE;
  g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
               _("“%s” is not a date. Write it as year-month-day, for example 2026-03-31."), text);
  return FALSE;
}

/* Plans ----------------------------------------------------------------- */

gint64
hw_plan_find (HwStore    *store,
              gint64      case_id,
              HwPlanKind  kind)
{
  g_return_val_if_fail (HW_IS_STORE (store), 0);

  return hw_store_query_int (store, 0,
                             "SELECT id FROM plans WHERE case_id = ? AND kind = ?",
                             G_TYPE_INT64, case_id,
                             G_TYPE_STRING, hw_plan_kind_to_string (kind),
                             G_TYPE_INVALID);
}

gint64
hw_plan_ensure (HwStore     *store,
                gint64       case_id,
                HwPlanKind   kind,
                GError     **error)
{
  g_autoptr(HwRecord) plan = NULL;
  gint64 id;

  g_return_val_if_fail (HW_IS_STORE (store), 0);

  id = hw_plan_find (store, case_id, kind);
  if (id > 0)
    return id;

  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                   _("There is no such family in this database."));
      return 0;
    }

  plan = hw_record_new ("plans");
  hw_record_set_int (plan, "case_id", case_id);
  hw_record_set_string (plan, "kind", hw_plan_kind_to_string (kind));
  return hw_store_insert (store,
                          kind == HW_PLAN_SAFETY ? N_("Start a safety plan")
                                                 : N_("Start a plan for after going home"),
                          plan, error);
}

static HwRecord *
get_plan (HwStore     *store,
          gint64       plan_id,
          GError     **error)
{
  g_autoptr(GError) local = NULL;
  HwRecord *plan = hw_store_get (store, "plans", plan_id, &local);

  if (plan == NULL)
    g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                 _("This plan no longer exists. It may have been deleted."));
  return plan;
}

gboolean
hw_plan_get_kind (HwStore     *store,
                  gint64       plan_id,
                  HwPlanKind  *kind,
                  GError     **error)
{
  g_autoptr(HwRecord) plan = get_plan (store, plan_id, error);

  if (plan == NULL)
    return FALSE;
  return hw_plan_kind_from_string (hw_record_get_string (plan, "kind"), kind, error);
}

/* Saves @change over the plan's version *@version (when given), which
 * then becomes the new one. */
static gboolean
save_plan (HwStore     *store,
           const char  *label,
           HwRecord    *change,
           gint64      *version,
           GError     **error)
{
  if (version != NULL)
    hw_record_set_version (change, *version);
  if (!hw_store_update (store, label, change, error))
    return FALSE;
  if (version != NULL)
    *version = hw_record_get_version (change);
  return TRUE;
}

gboolean
hw_plan_set_dates (HwStore     *store,
                   gint64       plan_id,
                   gint64      *version,
                   const char  *review_date,
                   const char  *closing_date,
                   GError     **error)
{
  g_autoptr(HwRecord) plan = get_plan (store, plan_id, error);
  g_autoptr(HwRecord) change = NULL;

  if (plan == NULL)
    return FALSE;
  if ((review_date != NULL && !check_date (review_date, error)) ||
      (closing_date != NULL && !check_date (closing_date, error)))
    return FALSE;

  change = hw_record_new ("plans");
  hw_record_set_id (change, plan_id);
  if (review_date != NULL)
    hw_record_set_string (change, "review_date", review_date);
  if (closing_date != NULL)
    hw_record_set_string (change, "closing_date", closing_date);
  return save_plan (store, N_("Change the plan’s dates"), change, version, error);
}

/* The person must belong to the plan's case. */
static HwRecord *
get_person_of_plan (HwStore     *store,
                    HwRecord    *plan,
                    gint64       person_id,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(HwRecord) person = hw_store_get (store, "people", person_id, &local);

  if (person == NULL ||
      hw_record_get_int (person, "case_id") != hw_record_get_int (plan, "case_id"))
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                   _("This person is not part of this family’s case."));
      return NULL;
    }
  return g_steal_pointer (&person);
}

gboolean
hw_plan_set_point_person (HwStore     *store,
                          gint64       plan_id,
                          gint64      *version,
                          gint64       person_id,
                          GError     **error)
{
  g_autoptr(HwRecord) plan = get_plan (store, plan_id, error);
  g_autoptr(HwRecord) change = NULL;

  if (plan == NULL)
    return FALSE;
  if (person_id != 0)
    {
      g_autoptr(HwRecord) person = get_person_of_plan (store, plan, person_id, error);

      if (person == NULL)
        return FALSE;
    }
  change = hw_record_new ("plans");
  hw_record_set_id (change, plan_id);
  hw_record_set_ref (change, "point_person_id", person_id);
  return save_plan (store, N_("Change the point person"), change, version, error);
}

/* Items ----------------------------------------------------------------- */

gboolean
hw_plan_check_person (HwStore     *store,
                      gint64       plan_id,
                      const char  *section,
                      gint64       person_id,
                      GError     **error)
{
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(HwRecord) person = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (person_id == 0)
    return TRUE;
  plan = get_plan (store, plan_id, error);
  if (plan == NULL)
    return FALSE;
  person = get_person_of_plan (store, plan, person_id, error);
  if (person == NULL)
    return FALSE;

  /* Whoever a safety plan names is someone the family relies on to keep
   * the children safe; the person alleged to have harmed them can never
   * be that person (Signs of Safety). */
  if (g_str_equal (hw_record_get_string (plan, "kind"), "safety") &&
      hw_record_get_boolean (person, "alleged_harm_source"))
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_PROTECTOR,
                   _("%s is recorded as the person alleged to have harmed the children, "
                     "so they cannot be the one who keeps the children safe in this plan. "
                     "Choose someone else from the safety network."),
                   hw_record_get_string (person, "name"));
      return FALSE;
    }
  return TRUE;
}

static const char * const item_columns[] = {
  "section", "text", "who_person_id", "when_text", "how_often", "how_checked",
  "phone", "position", "confidential", "withheld_from", NULL
};

/* Checks a whole item (the stored row merged with the changes). */
static gboolean
check_item (HwStore     *store,
            HwRecord    *plan,
            HwRecord    *item,
            HwRecord    *stored,
            GError     **error)
{
  HwPlanKind kind;
  const char *section;
  gint64 who;

  for (guint i = 0; i < hw_record_get_n_columns (item); i++)
    {
      const char *column = hw_record_get_column (item, i);

      /* a change may say which version of the entry it was made on */
      if (!g_strv_contains (item_columns, column) && !g_str_equal (column, "plan_id") &&
          !(stored != NULL && g_str_equal (column, "version")))
        {
          g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                       "plan items have no column “%s”", column);
          return FALSE;
        }
    }

  if (!hw_plan_kind_from_string (hw_record_get_string (plan, "kind"), &kind, error))
    return FALSE;

  section = hw_record_has (item, "section") || stored == NULL
              ? hw_record_get_string (item, "section")
              : hw_record_get_string (stored, "section");
  if (!hw_plan_section_valid (kind, section))
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                   _("“%s” is not a part of this plan."), section);
      return FALSE;
    }

  if (hw_record_has (item, "text") || stored == NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (hw_record_get_string (item, "text")));

      if (*text == '\0')
        {
          g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                       _("Write something first: an entry of the plan cannot be empty."));
          return FALSE;
        }
    }

  if (hw_record_has (item, "withheld_from"))
    {
      g_autofree char *normalised = NULL;
      g_autoptr(GError) local = NULL;

      if (!hw_recipient_normalise_set (hw_record_get_string (item, "withheld_from"), &normalised, &local))
        {
          g_set_error_literal (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID, local->message);
          return FALSE;
        }
      hw_record_set_string (item, "withheld_from", normalised);
    }

  who = hw_record_has (item, "who_person_id") || stored == NULL
          ? hw_record_get_int (item, "who_person_id")
          : hw_record_get_int (stored, "who_person_id");
  return hw_plan_check_person (store, hw_record_get_id (plan), section, who, error);
}

gint64
hw_plan_add_item (HwStore     *store,
                  gint64       plan_id,
                  HwRecord    *item,
                  GError     **error)
{
  g_autoptr(HwRecord) plan = NULL;
  gint64 position;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (HW_IS_RECORD (item), 0);
  g_return_val_if_fail (g_strcmp0 (hw_record_get_table (item), "plan_items") == 0, 0);

  plan = get_plan (store, plan_id, error);
  if (plan == NULL || !check_item (store, plan, item, NULL, error))
    return 0;

  position = hw_store_query_int (store, 0,
                                 "SELECT coalesce(max(position), 0) + 1 FROM plan_items "
                                 "WHERE plan_id = ? AND section = ?",
                                 G_TYPE_INT64, plan_id,
                                 G_TYPE_STRING, hw_record_get_string (item, "section"),
                                 G_TYPE_INVALID);
  hw_record_set_int (item, "plan_id", plan_id);
  hw_record_set_int (item, "position", position);
  hw_record_set_id (item, 0);
  return hw_store_insert (store, N_("Add to the plan"), item, error);
}

static HwRecord *
get_item (HwStore     *store,
          gint64       item_id,
          GError     **error)
{
  g_autoptr(GError) local = NULL;
  HwRecord *item = hw_store_get (store, "plan_items", item_id, &local);

  if (item == NULL)
    g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                 _("This entry of the plan no longer exists. It may have been deleted."));
  return item;
}

gboolean
hw_plan_update_item (HwStore     *store,
                     HwRecord    *item,
                     GError     **error)
{
  g_autoptr(HwRecord) stored = NULL;
  g_autoptr(HwRecord) plan = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (HW_IS_RECORD (item), FALSE);

  stored = get_item (store, hw_record_get_id (item), error);
  if (stored == NULL)
    return FALSE;
  if (hw_record_has (item, "plan_id") &&
      hw_record_get_int (item, "plan_id") != hw_record_get_int (stored, "plan_id"))
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                   _("An entry cannot be moved to another plan."));
      return FALSE;
    }
  plan = get_plan (store, hw_record_get_int (stored, "plan_id"), error);
  if (plan == NULL || !check_item (store, plan, item, stored, error))
    return FALSE;
  return hw_store_update (store, N_("Change an entry of the plan"), item, error);
}

gboolean
hw_plan_delete_item_at (HwStore     *store,
                        gint64       item_id,
                        gint64       version,
                        GError     **error)
{
  g_autoptr(HwRecord) stored = get_item (store, item_id, error);

  if (stored == NULL)
    return FALSE;
  return hw_store_delete_at (store, N_("Remove an entry from the plan"), "plan_items", item_id,
                             version, error);
}

gboolean
hw_plan_delete_item (HwStore     *store,
                     gint64       item_id,
                     GError     **error)
{
  return hw_plan_delete_item_at (store, item_id, 0, error);
}

/* Within an open edit: the section in its new order, renumbered so that
 * equal positions cannot get stuck. */
static gboolean
move_item (HwStore  *store,
           gint64    item_id,
           gint64    version,
           int       delta,
           GError  **error)
{
  g_autoptr(HwRecord) stored = get_item (store, item_id, error);
  g_autoptr(GPtrArray) items = NULL;
  int index = -1, target;

  if (stored == NULL)
    return FALSE;
  /* someone else changed or moved it since it was shown */
  if (version > 0 && hw_record_get_version (stored) != version)
    {
      hw_store_set_conflict (error, FALSE);
      return FALSE;
    }
  if (delta == 0)
    return TRUE;

  items = hw_store_select (store, "plan_items", error,
                           "SELECT id, position FROM plan_items WHERE plan_id = ? AND section = ? "
                           "ORDER BY position, id",
                           G_TYPE_INT64, hw_record_get_int (stored, "plan_id"),
                           G_TYPE_STRING, hw_record_get_string (stored, "section"),
                           G_TYPE_INVALID);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (hw_record_get_id (g_ptr_array_index (items, i)) == item_id)
      index = i;
  target = CLAMP (index + delta, 0, (int) items->len - 1);
  if (index < 0 || target == index)
    return TRUE;

  {
    HwRecord *moved = g_ptr_array_steal_index (items, index);

    g_ptr_array_insert (items, target, moved);
  }
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *r = g_ptr_array_index (items, i);
      g_autoptr(HwRecord) change = NULL;

      if (hw_record_get_int (r, "position") == (gint64) i + 1)
        continue;
      change = hw_record_new ("plan_items");
      hw_record_set_id (change, hw_record_get_id (r));
      hw_record_set_int (change, "position", i + 1);
      if (hw_record_get_id (r) == item_id)
        hw_record_set_version (change, version);
      if (!hw_store_update (store, NULL, change, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hw_plan_move_item_at (HwStore     *store,
                      gint64       item_id,
                      gint64       version,
                      int          delta,
                      GError     **error)
{
  gboolean own, ok;

  if (!hw_store_join_edit (store, N_("Move an entry of the plan"), &own, error))
    return FALSE;
  ok = move_item (store, item_id, version, delta, error);
  return hw_store_leave_edit (store, own, ok, error);
}

gboolean
hw_plan_move_item (HwStore     *store,
                   gint64       item_id,
                   int          delta,
                   GError     **error)
{
  return hw_plan_move_item_at (store, item_id, 0, delta, error);
}

/* Snapshots ------------------------------------------------------------- */

typedef enum { COL_INT, COL_STRING } ColumnType;

typedef struct {
  const char *name;
  ColumnType  type;
} Column;

static JsonObject *
record_to_object (HwRecord     *record,
                  const Column *columns)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; columns[i].name != NULL; i++)
    {
      if (columns[i].type == COL_INT)
        json_object_set_int_member (object, columns[i].name,
                                    g_str_equal (columns[i].name, "id")
                                      ? hw_record_get_id (record)
                                      : hw_record_get_int (record, columns[i].name));
      else
        json_object_set_string_member (object, columns[i].name,
                                       hw_record_get_string (record, columns[i].name));
    }
  return object;
}

static gboolean
add_rows (HwStore      *store,
          JsonObject   *snapshot,
          const char   *member,
          const char   *table,
          const Column *columns,
          const char   *sql,
          gint64        param,
          GError      **error)
{
  g_autoptr(GPtrArray) rows = hw_store_select (store, table, error, sql,
                                               G_TYPE_INT64, param, G_TYPE_INVALID);
  JsonArray *array;

  if (rows == NULL)
    return FALSE;
  array = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    json_array_add_object_element (array, record_to_object (g_ptr_array_index (rows, i), columns));
  json_object_set_array_member (snapshot, member, array);
  return TRUE;
}

static const Column person_columns[] = {
  { "id", COL_INT }, { "name", COL_STRING }, { "role", COL_STRING },
  { "relationship", COL_STRING }, { "phone", COL_STRING }, { "address", COL_STRING },
  { "address_withheld_from", COL_STRING }, { "alleged_harm_source", COL_INT },
  { "confidential", COL_INT }, { "withheld_from", COL_STRING }, { NULL, 0 }
};

static const Column org_columns[] = {
  { "id", COL_INT }, { "name", COL_STRING }, { "phone", COL_STRING },
  { "confidential", COL_INT }, { "withheld_from", COL_STRING }, { NULL, 0 }
};

static const Column item_json_columns[] = {
  { "id", COL_INT }, { "section", COL_STRING }, { "text", COL_STRING },
  { "who_person_id", COL_INT }, { "when_text", COL_STRING }, { "how_often", COL_STRING },
  { "how_checked", COL_STRING }, { "phone", COL_STRING }, { "confidential", COL_INT },
  { "withheld_from", COL_STRING }, { NULL, 0 }
};

static const Column network_columns[] = {
  { "person_id", COL_INT }, { "role", COL_STRING }, { "availability", COL_STRING },
  { NULL, 0 }
};

static const Column support_columns[] = {
  { "id", COL_INT }, { "component", COL_STRING }, { "description", COL_STRING },
  { "provider_person_id", COL_INT }, { "provider_org_id", COL_INT },
  { "checkin_schedule", COL_STRING }, { "start_date", COL_STRING },
  { "end_date", COL_STRING }, { NULL, 0 }
};

/* The children's placements as they were when the plan was printed or
 * agreed (the end of each is worked out: "ends"). */
static const Column placement_columns[] = {
  { "id", COL_INT }, { "child_id", COL_INT }, { "child_name", COL_STRING },
  { "setting", COL_STRING }, { "caregiver_id", COL_INT }, { "caregiver_name", COL_STRING },
  { "caregiver_withheld_from", COL_STRING }, { "address", COL_STRING },
  { "address_withheld_from", COL_STRING }, { "start_date", COL_STRING },
  { "ends", COL_STRING }, { "reason", COL_STRING }, { "kin_considered", COL_INT },
  { "kin_not_chosen_reason", COL_STRING }, { NULL, 0 }
};

static gboolean
add_placements (HwStore     *store,
                JsonObject  *snapshot,
                gint64       case_id,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = hw_placements_list (store, case_id, 0, error);
  JsonArray *array;

  if (rows == NULL)
    return FALSE;
  array = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    json_array_add_object_element (array, record_to_object (g_ptr_array_index (rows, i),
                                                            placement_columns));
  json_object_set_array_member (snapshot, "placements", array);
  return TRUE;
}

JsonNode *
hw_plan_snapshot (HwStore     *store,
                  gint64       plan_id,
                  GError     **error)
{
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(HwRecord) kase = NULL;
  g_autoptr(JsonObject) snapshot = NULL;
  g_autoptr(GString) order = g_string_new ("CASE section");
  JsonObject *object;
  HwPlanKind kind;
  const HwPlanSection *sections;
  gint64 case_id;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  plan = get_plan (store, plan_id, error);
  if (plan == NULL ||
      !hw_plan_kind_from_string (hw_record_get_string (plan, "kind"), &kind, error))
    return NULL;
  case_id = hw_record_get_int (plan, "case_id");
  kase = hw_store_get (store, "cases", case_id, error);
  if (kase == NULL)
    return NULL;

  snapshot = json_object_new ();
  json_object_set_int_member (snapshot, "format", 1);
  json_object_set_string_member (snapshot, "kind", hw_plan_kind_to_string (kind));

  object = json_object_new ();
  json_object_set_int_member (object, "id", case_id);
  json_object_set_string_member (object, "family_name", hw_record_get_string (kase, "family_name"));
  json_object_set_string_member (object, "case_number", hw_record_get_string (kase, "case_number"));
  json_object_set_string_member (object, "primary_language", hw_record_get_string (kase, "primary_language"));
  json_object_set_int_member (object, "sample", hw_record_get_boolean (kase, "sample") ? 1 : 0);
  json_object_set_object_member (snapshot, "case", object);

  object = json_object_new ();
  json_object_set_int_member (object, "id", plan_id);
  json_object_set_string_member (object, "review_date", hw_record_get_string (plan, "review_date"));
  json_object_set_string_member (object, "closing_date", hw_record_get_string (plan, "closing_date"));
  json_object_set_int_member (object, "point_person_id", hw_record_get_int (plan, "point_person_id"));
  json_object_set_object_member (snapshot, "plan", object);

  /* Items in the order of the sections, then as the family ordered them. */
  sections = hw_plan_get_sections (kind, NULL);
  for (guint i = 0; sections[i].id != NULL; i++)
    g_string_append_printf (order, " WHEN '%s' THEN %u", sections[i].id, i);
  g_string_append (order, " ELSE 99 END");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT * FROM plan_items WHERE plan_id = ? "
                                            "ORDER BY %s, position, id", order->str);

    if (!add_rows (store, snapshot, "items", "plan_items", item_json_columns, sql, plan_id, error))
      return NULL;
  }
  if (!add_rows (store, snapshot, "people", "people", person_columns,
                 "SELECT * FROM people WHERE case_id = ? ORDER BY id", case_id, error) ||
      !add_rows (store, snapshot, "organisations", "organisations", org_columns,
                 "SELECT * FROM organisations WHERE case_id = ? ORDER BY id", case_id, error) ||
      !add_rows (store, snapshot, "network", "network_members", network_columns,
                 "SELECT n.* FROM network_members n JOIN people p ON p.id = n.person_id "
                 "WHERE n.case_id = ? ORDER BY p.name, p.id, n.role", case_id, error) ||
      !add_rows (store, snapshot, "supports", "aftercare_supports", support_columns,
                 "SELECT * FROM aftercare_supports WHERE case_id = ? ORDER BY position, id",
                 case_id, error) ||
      !add_placements (store, snapshot, case_id, error))
    return NULL;

  json_object_set_null_member (snapshot, "version");
  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    json_node_set_object (node, snapshot);
    return node;
  }
}

static JsonObject *
find_by_id (JsonObject *snapshot,
            const char *member,
            gint64      id)
{
  JsonArray *array;

  if (id == 0 || !json_object_has_member (snapshot, member))
    return NULL;
  array = json_object_get_array_member (snapshot, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (json_object_get_int_member (o, "id") == id)
        return o;
    }
  return NULL;
}

gint64
hw_plan_freeze (HwStore               *store,
                gint64                 plan_id,
                const char            *agreed_on,
                const HwPlanSignatory *signatories,
                guint                  n_signatories,
                GError               **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(HwRecord) version = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sig_text = NULL;
  JsonObject *snapshot, *v;
  JsonArray *sigs;
  gint64 number, ecomap_id = 0;
  gboolean opened;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (signatories != NULL || n_signatories == 0, 0);

  if (agreed_on != NULL && !hw_plan_date_valid (agreed_on, FALSE))
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                   _("“%s” is not a date. Write it as year-month-day, for example 2026-03-31."), agreed_on);
      return 0;
    }
  date = agreed_on != NULL ? g_strdup (agreed_on) : hw_date_today_iso ();

  node = hw_plan_snapshot (store, plan_id, error);
  if (node == NULL)
    return 0;
  snapshot = json_node_get_object (node);

  sigs = json_array_new ();
  for (guint i = 0; i < n_signatories; i++)
    {
      const HwPlanSignatory *s = &signatories[i];
      JsonObject *person = find_by_id (snapshot, "people", s->person_id);
      JsonObject *o;

      if (s->person_id != 0 && person == NULL)
        {
          json_array_unref (sigs);
          g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                       _("This person is not part of this family’s case."));
          return 0;
        }
      if (person == NULL && (s->name == NULL || *s->name == '\0'))
        {
          json_array_unref (sigs);
          g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                       _("Every person who signs needs a name."));
          return 0;
        }
      o = json_object_new ();
      json_object_set_int_member (o, "person_id", s->person_id);
      json_object_set_string_member (o, "name", s->name != NULL ? s->name
                                                : json_object_get_string_member (person, "name"));
      json_object_set_string_member (o, "relationship",
                                     s->relationship != NULL ? s->relationship
                                     : person != NULL ? json_object_get_string_member (person, "relationship")
                                     : "");
      json_object_set_string_member (o, "role", person != NULL ? json_object_get_string_member (person, "role") : "");
      json_array_add_object_element (sigs, o);
    }

  number = hw_plan_get_latest_version (store, plan_id) + 1;

  /* One edit: the version and, for a safety plan, the ecomap frozen with
   * it, so that the printed support network reprints as agreed. */
  opened = !hw_store_in_edit (store);
  if (opened && !hw_store_begin_edit (store, N_("Agree on the plan"), error))
    {
      json_array_unref (sigs);
      return 0;
    }
  if (g_str_equal (json_object_get_string_member (snapshot, "kind"), "safety"))
    {
      g_autofree char *name = g_strdup_printf (_("Safety plan, version %d"), (int) number);

      ecomap_id = hw_ecomap_save_snapshot (store, json_object_get_int_member (json_object_get_object_member (snapshot, "case"), "id"),
                                           name, error);
      if (ecomap_id == 0)
        {
          json_array_unref (sigs);
          if (opened)
            hw_store_rollback_edit (store);
          return 0;
        }
    }

  v = json_object_new ();
  json_object_set_int_member (v, "number", number);
  json_object_set_string_member (v, "agreed_on", date);
  json_object_set_array_member (v, "signatories", sigs);
  json_object_set_string_member (v, "author", hw_store_get_author (store) ? hw_store_get_author (store) : "");
  json_object_set_int_member (v, "ecomap_snapshot_id", ecomap_id);
  if (ecomap_id != 0)
    {
      /* ids change when a case moves to another database: the name and
       * time find the frozen map again */
      g_autoptr(HwRecord) frozen = hw_store_get (store, "ecomap_snapshots", ecomap_id, NULL);

      json_object_set_string_member (v, "ecomap_snapshot_name",
                                     frozen ? hw_record_get_string (frozen, "name") : "");
      json_object_set_string_member (v, "ecomap_snapshot_taken_at",
                                     frozen ? hw_record_get_string (frozen, "taken_at") : "");
    }
  json_object_set_object_member (snapshot, "version", v);

  text = json_to_string (node, FALSE);
  {
    JsonNode *sig_node = json_node_new (JSON_NODE_ARRAY);

    json_node_set_array (sig_node, sigs);
    sig_text = json_to_string (sig_node, FALSE);
    json_node_unref (sig_node);
  }

  version = hw_record_new ("plan_versions");
  hw_record_set_int (version, "plan_id", plan_id);
  hw_record_set_int (version, "number", number);
  hw_record_set_string (version, "agreed_on", date);
  hw_record_set_string (version, "signatories", sig_text);
  hw_record_set_string (version, "snapshot", text);
  if (hw_store_insert (store, N_("Agree on the plan"), version, error) == 0 ||
      (opened && !hw_store_commit_edit (store, error)))
    {
      if (opened && hw_store_in_edit (store))
        hw_store_rollback_edit (store);
      return 0;
    }
  return number;
}

gint64
hw_plan_get_latest_version (HwStore *store,
                            gint64   plan_id)
{
  return hw_store_query_int (store, 0,
                             "SELECT coalesce(max(number), 0) FROM plan_versions WHERE plan_id = ?",
                             G_TYPE_INT64, plan_id, G_TYPE_INVALID);
}

/* Whether the family is the made-up sample is a fact about the family,
 * not about one version of its plan: a version agreed before snapshots
 * recorded it (schema 1), or one whose case was marked later, is printed
 * with the mark that the family has now. The member is set (not only
 * added) so that a version and the draft compare equal when nothing else
 * changed (hw_plan_draft_changed()). */
static void
mark_sample (HwStore    *store,
             gint64      plan_id,
             JsonObject *snapshot)
{
  JsonObject *kase;
  gint64 sample;

  if (!json_object_has_member (snapshot, "case") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (snapshot, "case")))
    return;
  kase = json_object_get_object_member (snapshot, "case");
  sample = hw_store_query_int (store, 0,
                               "SELECT c.sample FROM plans p JOIN cases c ON c.id = p.case_id WHERE p.id = ?",
                               G_TYPE_INT64, plan_id, G_TYPE_INVALID);
  json_object_set_int_member (kase, "sample", sample == 1 ? 1 : 0);
}

JsonNode *
hw_plan_load_version (HwStore     *store,
                      gint64       plan_id,
                      gint64       number,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;
  JsonNode *root;

  rows = hw_store_select (store, "plan_versions", error,
                          "SELECT id, snapshot FROM plan_versions WHERE plan_id = ? AND number = ?",
                          G_TYPE_INT64, plan_id, G_TYPE_INT64, number, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                   _("This plan has no version %s."), n);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, hw_record_get_string (g_ptr_array_index (rows, 0), "snapshot"),
                                   -1, &local) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root) ||
      json_object_get_int_member_with_default (json_node_get_object (root), "format", 0) != 1)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_SNAPSHOT,
                   _("Version %s of this plan is damaged and cannot be printed."), n);
      return NULL;
    }
  root = json_node_copy (root);
  mark_sample (store, plan_id, json_node_get_object (root));
  return root;
}

/* The content of a snapshot, without what only a version has. */
static char *
content_of (JsonNode *node)
{
  JsonObject *o = json_node_get_object (node);

  json_object_set_null_member (o, "version");
  return json_to_string (node, FALSE);
}

gboolean
hw_plan_draft_changed (HwStore *store,
                       gint64   plan_id)
{
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(JsonNode) agreed = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gint64 latest = hw_plan_get_latest_version (store, plan_id);

  if (latest == 0)
    return TRUE;
  draft = hw_plan_snapshot (store, plan_id, NULL);
  agreed = hw_plan_load_version (store, plan_id, latest, NULL);
  if (draft == NULL || agreed == NULL)
    return TRUE;
  a = content_of (draft);
  b = content_of (agreed);
  return g_strcmp0 (a, b) != 0;
}

/* hw-plan-import.c: what a meeting recorded, proposed for the safety plan;
 * low readiness ratings, proposed as needs of the service plan.
 *
 * The proposal reads and the application writes, separately, so that a
 * person reviews the list in between; the application checks again for
 * entries that arrived meanwhile (another window, an earlier import), so
 * that pressing Add twice never adds anything twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-import"

#include <string.h>

#include "hw-i18n.h"

#include "hw-meeting.h"
#include "hw-plan.h"
#include "hw-plan-import.h"
#include "hw-service-plan.h"

/* Meeting phases and the sections of the safety plan they go to, in the
 * order the plan shows its sections. */
static const struct {
  const char *phase;
  const char *section;
} phase_sections[] = {
  { "worries", "danger" },
  { "safety-goals", "safety-goal" },
  { "decisions", "rule" },
  { "actions", "rule" },
};

/* Readiness domains and the service plan domain a low rating asks for. */
static const struct {
  const char *readiness;
  const char *need;
} readiness_needs[] = {
  { "environment", "housing" },
  { "parenting-skills", "parenting" },
  { "family-relationships", "parenting" },
  { "family-safety", "child-safety" },
  { "child-wellbeing", "mental-health-child" },
  { "caregiver-commitment", "parenting" },
  { "readiness", "child-safety" },
};

void
hw_plan_import_item_free (HwPlanImportItem *item)
{
  if (item == NULL)
    return;
  g_free (item->section);
  g_free (item->text);
  g_free (item->who_name);
  g_free (item->when_text);
  g_free (item->withheld_from);
  g_free (item->source);
  g_free (item);
}

/* The same words: case, accents' composition and spacing aside. */
static char *
same_words_key (const char *section,
                const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  g_autoptr(GString) key = g_string_new (section);

  g_string_append_c (key, '\n');
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      g_string_append (key, words[i]);
      g_string_append_c (key, ' ');
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* (transfer full): the keys of every entry of the plan */
static GHashTable *
plan_keys (HwStore  *store,
           gint64    plan_id,
           GError  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GHashTable *keys;

  items = hw_store_select (store, "plan_items", error,
                           "SELECT id, section, text FROM plan_items WHERE plan_id = ?",
                           G_TYPE_INT64, plan_id, G_TYPE_INVALID);
  if (items == NULL)
    return NULL;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *r = g_ptr_array_index (items, i);

      g_hash_table_add (keys, same_words_key (hw_record_get_string (r, "section"),
                                              hw_record_get_string (r, "text")));
    }
  return keys;
}

static HwRecord *
safety_plan (HwStore  *store,
             gint64    plan_id,
             GError  **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(HwRecord) plan = hw_store_get (store, "plans", plan_id, &local);

  if (plan == NULL)
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                   _("This plan no longer exists. It may have been deleted."));
      return NULL;
    }
  if (!g_str_equal (hw_record_get_string (plan, "kind"), "safety"))
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                   _("Only the safety plan can take in what a meeting recorded."));
      return NULL;
    }
  return g_steal_pointer (&plan);
}

GPtrArray *
hw_plan_import_meetings (HwStore  *store,
                         gint64    case_id,
                         GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return hw_store_select (store, "meetings", error,
                          "SELECT id, kind, starts_at FROM meetings WHERE case_id = ? "
                          "ORDER BY starts_at DESC, id DESC",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
}

/* The action's owner, if they may make sure of a rule. */
static void
set_owner (HwStore          *store,
           gint64            plan_id,
           HwPlanImportItem *item,
           gint64            owner)
{
  g_autoptr(HwRecord) person = NULL;

  if (owner == 0)
    return;
  person = hw_store_get (store, "people", owner, NULL);
  if (person == NULL)
    return;
  item->who_name = g_strdup (hw_record_get_string (person, "name"));
  if (!hw_plan_check_person (store, plan_id, item->section, owner, NULL))
    {
      /* never the person alleged to have harmed the children: the rule
       * comes in with nobody named, for the team to choose */
      item->who_refused = TRUE;
      return;
    }
  item->who_person_id = owner;
}

GPtrArray *
hw_plan_import_propose (HwStore     *store,
                        gint64       plan_id,
                        gint64       meeting_id,
                        guint       *n_already,
                        GError     **error)
{
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GPtrArray) proposed = NULL;
  guint already = 0;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (n_already != NULL)
    *n_already = 0;
  plan = safety_plan (store, plan_id, error);
  if (plan == NULL)
    return NULL;
  meeting = hw_store_get (store, "meetings", meeting_id, NULL);
  if (meeting == NULL ||
      hw_record_get_int (meeting, "case_id") != hw_record_get_int (plan, "case_id"))
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                   _("This meeting is not one of this family’s meetings."));
      return NULL;
    }
  keys = plan_keys (store, plan_id, error);
  if (keys == NULL)
    return NULL;

  proposed = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_plan_import_item_free);
  for (guint p = 0; p < G_N_ELEMENTS (phase_sections); p++)
    {
      /* everything, confidential or not: the plan keeps it as confidential */
      g_autoptr(GPtrArray) items = hw_meeting_list_items (store, meeting_id,
                                                          phase_sections[p].phase, NULL, error);

      if (items == NULL)
        return NULL;
      for (guint i = 0; i < items->len; i++)
        {
          HwRecord *r = g_ptr_array_index (items, i);
          g_autoptr(HwPlanImportItem) item = NULL;
          g_autofree char *text = g_strstrip (g_strdup (hw_record_get_string (r, "text")));
          char *key;

          if (*text == '\0')
            continue;
          /* sent from a phone and not yet let through by the facilitator:
           * it is in no copy, so not in the plan either */
          if (hw_record_get_boolean (r, "hidden"))
            continue;
          key = same_words_key (phase_sections[p].section, text);
          if (g_hash_table_contains (keys, key))
            {
              /* in the plan already, or said twice in the meeting */
              already++;
              g_free (key);
              continue;
            }
          g_hash_table_add (keys, key);

          item = g_new0 (HwPlanImportItem, 1);
          item->section = g_strdup (phase_sections[p].section);
          item->text = g_steal_pointer (&text);
          item->when_text = g_strdup ("");
          item->confidential = hw_record_get_boolean (r, "confidential");
          item->withheld_from = g_strdup (hw_record_get_string (r, "withheld_from"));
          item->source_id = hw_record_get_id (r);
          item->source = g_strdup (phase_sections[p].phase);
          if (g_str_equal (phase_sections[p].phase, "actions"))
            {
              g_free (item->when_text);
              item->when_text = g_strdup (hw_record_get_string (r, "due_date"));
              set_owner (store, plan_id, item, hw_record_get_int (r, "owner_person_id"));
            }
          g_ptr_array_add (proposed, g_steal_pointer (&item));
        }
    }
  if (n_already != NULL)
    *n_already = already;
  return g_steal_pointer (&proposed);
}

gboolean
hw_plan_import_apply (HwStore     *store,
                      gint64       plan_id,
                      GPtrArray   *items,
                      guint       *n_added,
                      GError     **error)
{
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(GHashTable) keys = NULL;
  guint added = 0;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  plan = safety_plan (store, plan_id, error);
  if (plan == NULL)
    return FALSE;
  keys = plan_keys (store, plan_id, error);
  if (keys == NULL)
    return FALSE;
  if (items->len == 0)
    return TRUE;

  if (!hw_store_begin_edit (store, N_("Bring in from the meeting"), error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      HwPlanImportItem *item = g_ptr_array_index (items, i);
      g_autoptr(HwRecord) record = NULL;
      char *key = same_words_key (item->section, item->text);

      if (g_hash_table_contains (keys, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (keys, key);

      record = hw_record_new ("plan_items");
      hw_record_set_string (record, "section", item->section);
      hw_record_set_string (record, "text", item->text);
      hw_record_set_ref (record, "who_person_id", item->who_person_id);
      hw_record_set_string (record, "when_text", item->when_text != NULL ? item->when_text : "");
      hw_record_set_boolean (record, "confidential", item->confidential);
      hw_record_set_string (record, "withheld_from",
                            item->withheld_from != NULL ? item->withheld_from : "");
      if (hw_plan_add_item (store, plan_id, record, error) == 0)
        {
          hw_store_rollback_edit (store);
          return FALSE;
        }
      added++;
    }
  if (added == 0)
    {
      /* nothing new: no empty step in the Undo history */
      hw_store_rollback_edit (store);
      return TRUE;
    }
  if (!hw_store_commit_edit (store, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/* Needs ------------------------------------------------------------------ */

static const char *
need_for (const char *readiness_domain)
{
  for (guint i = 0; i < G_N_ELEMENTS (readiness_needs); i++)
    if (g_str_equal (readiness_needs[i].readiness, readiness_domain))
      return readiness_needs[i].need;
  return NULL;
}

static GHashTable *
need_domains (HwStore  *store,
              gint64    case_id,
              GError  **error)
{
  g_autoptr(GPtrArray) needs = NULL;
  GHashTable *domains;

  needs = hw_store_select (store, "needs", error,
                           "SELECT id, domain FROM needs WHERE case_id = ?",
                           G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (needs == NULL)
    return NULL;
  domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < needs->len; i++)
    g_hash_table_add (domains, g_strdup (hw_record_get_string (g_ptr_array_index (needs, i),
                                                               "domain")));
  return domains;
}

GPtrArray *
hw_plan_import_propose_needs (HwStore  *store,
                              gint64    case_id,
                              int       threshold,
                              gint64   *review_id,
                              GError  **error)
{
  g_autoptr(GHashTable) domains = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) proposed = NULL;
  gint64 review;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (review_id != NULL)
    *review_id = 0;
  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("There is no such family in this database."));
      return NULL;
    }
  domains = need_domains (store, case_id, error);
  if (domains == NULL)
    return NULL;
  proposed = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_plan_import_item_free);

  review = hw_store_query_int (store, 0,
                               "SELECT id FROM readiness_reviews WHERE case_id = ? "
                               "ORDER BY date DESC, id DESC LIMIT 1",
                               G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (review_id != NULL)
    *review_id = review;
  if (review == 0)
    return g_steal_pointer (&proposed);

  ratings = hw_store_select (store, "readiness_ratings", error,
                             "SELECT id, domain, rating FROM readiness_ratings "
                             "WHERE review_id = ? AND rating <= ? ORDER BY rating, id",
                             G_TYPE_INT64, review, G_TYPE_INT64, (gint64) threshold,
                             G_TYPE_INVALID);
  if (ratings == NULL)
    return NULL;
  for (guint i = 0; i < ratings->len; i++)
    {
      HwRecord *r = g_ptr_array_index (ratings, i);
      const char *domain = hw_record_get_string (r, "domain");
      const char *need = need_for (domain);
      HwPlanImportItem *item = NULL;

      if (need == NULL || g_hash_table_contains (domains, need))
        continue;
      /* several readiness domains can ask for the same need: one need */
      for (guint k = 0; k < proposed->len && item == NULL; k++)
        if (g_str_equal (((HwPlanImportItem *) g_ptr_array_index (proposed, k))->section, need))
          item = g_ptr_array_index (proposed, k);
      if (item != NULL)
        {
          char *source = g_strconcat (item->source, ",", domain, NULL);

          g_free (item->source);
          item->source = source;
          continue;
        }
      item = g_new0 (HwPlanImportItem, 1);
      item->section = g_strdup (need);
      item->text = g_strdup ("");
      item->when_text = g_strdup ("");
      item->withheld_from = g_strdup ("");
      item->source_id = hw_record_get_id (r);
      item->source = g_strdup (domain);
      /* ordered by rating: the first is the lowest */
      item->rating = (int) hw_record_get_int (r, "rating");
      g_ptr_array_add (proposed, item);
    }
  return g_steal_pointer (&proposed);
}

gboolean
hw_plan_import_apply_needs (HwStore     *store,
                            gint64       case_id,
                            GPtrArray   *items,
                            guint       *n_added,
                            GError     **error)
{
  g_autoptr(GHashTable) domains = NULL;
  guint added = 0;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  domains = need_domains (store, case_id, error);
  if (domains == NULL)
    return FALSE;
  if (items->len == 0)
    return TRUE;

  if (!hw_store_begin_edit (store, N_("Add needs from the readiness review"), error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      HwPlanImportItem *item = g_ptr_array_index (items, i);
      g_autoptr(HwRecord) need = NULL;

      if (g_hash_table_contains (domains, item->section))
        continue;
      g_hash_table_add (domains, g_strdup (item->section));
      need = hw_record_new ("needs");
      hw_record_set_int (need, "case_id", case_id);
      hw_record_set_string (need, "domain", item->section);
      hw_record_set_string (need, "family_words", item->text != NULL ? item->text : "");
      if (hw_service_plan_save (store, NULL, need, error) == 0)
        {
          hw_store_rollback_edit (store);
          return FALSE;
        }
      added++;
    }
  if (added == 0)
    {
      hw_store_rollback_edit (store);
      return TRUE;
    }
  if (!hw_store_commit_edit (store, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/* hw-ecomap.c: a case's ecomap and safety network in the store.
 *
 * Edit labels are given untranslated (N_()): they go into the audit trail
 * and are translated when shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ecomap"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "hw-ecomap.h"
#include "hw-ecomap-document.h"
#include "hw-i18n.h"
#include "hw-enums.h"
#include "hw-invalid.h"
#include "hw-language.h"

static const HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };

/* Helpers ----------------------------------------------------------------- */

static HwRecord *
get_row (HwStore    *store,
         const char *table,
         gint64      id,
         GError    **error)
{
  HwRecord *rec = hw_store_get (store, table, id, error);

  if (rec == NULL && error != NULL && *error == NULL)
    g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                 _("This item no longer exists."));
  return rec;
}

const char *
hw_ecomap_category_for_role (const char *role)
{
  static const struct { const char *role, *category; } map[] = {
    { "child", "family" }, { "mother", "family" }, { "father", "family" },
    { "parent", "family" }, { "stepparent", "family" }, { "sibling", "family" },
    { "kin-caregiver", "kin" }, { "grandparent", "kin" }, { "relative", "kin" },
    { "foster-parent", "services" }, { "friend", "friends" }, { "neighbour", "friends" },
    { "faith", "faith" }, { "caseworker", "services" }, { "facilitator", "services" },
    { "therapist", "health" }, { "teacher", "school" }, { "attorney", "legal" },
    { "guardian-ad-litem", "legal" }, { "professional", "services" },
    { "interpreter", "services" }, { "tribal-representative", "community" },
    { "parent-partner", "services" }, { "youth-partner", "services" },
    { "recovery-coach", "health" }, { "success-coach", "services" }, { "mentor", "friends" },
  };

  for (guint i = 0; role != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (role, map[i].role))
      return map[i].category;
  return "community";
}

const char *
hw_ecomap_category_for_kind (const char *kind)
{
  static const struct { const char *kind, *category; } map[] = {
    { "school", "school" }, { "church", "faith" }, { "employer", "work" },
    { "provider", "services" }, { "health", "health" }, { "court", "legal" },
    { "agency", "services" }, { "community", "community" }, { "tribe", "community" },
    { "services", "services" },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (kind, map[i].kind))
      return map[i].category;
  return "services";
}

/* Reading ----------------------------------------------------------------- */

gint64
hw_ecomap_household_node (HwStore *store,
                          gint64   case_id)
{
  return hw_store_query_int (store, 0,
                             "SELECT id FROM ecomap_nodes WHERE case_id = ? "
                             "AND person_id IS NULL AND org_id IS NULL ORDER BY id LIMIT 1",
                             G_TYPE_INT64, case_id, G_TYPE_INVALID);
}

static char *
make_subtitle (const HwRecipient *recipient,
               const char        *when)
{
  g_autofree char *copy = hw_recipient_describe (recipient, NULL);

  /* TRANSLATORS: "24 November 2026 · Copy for the family" */
  return g_strdup_printf (_("%s · %s"), when, copy);
}


static void
load_legend (HwStore     *store,
             gint64       case_id,
             HwEcomapMap *map)
{
  g_autoptr(GPtrArray) rows = hw_store_select (store, "ecomap_legend", NULL,
                                               "SELECT id, key, label, version FROM ecomap_legend WHERE case_id = ?",
                                               G_TYPE_INT64, case_id, G_TYPE_INVALID);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      HwEcomapLegendKey key;

      if (hw_ecomap_legend_key_from_string (hw_record_get_string (row, "key"), &key))
        {
          hw_ecomap_map_set_legend (map, key, hw_record_get_string (row, "label"));
          map->legend_version[key] = hw_record_get_version (row);
        }
    }
}

/* The words every page of the made-up sample family carries, in the
 * language of the moment (the export has switched to the family's). */
static char *
sample_line (HwRecord *family)
{
  if (!hw_record_get_boolean (family, "sample"))
    return NULL;
  /* Translators: on every page printed for the made-up sample family */
  return g_strdup (_("Sample — not a real family"));
}

HwEcomapMap *
hw_ecomap_load (HwStore           *store,
                gint64             case_id,
                const HwRecipient *recipient,
                GError           **error)
{
  g_autoptr(HwRecord) family = NULL;
  g_autoptr(HwEcomapMap) map = NULL;
  g_autoptr(GPtrArray) members = NULL, nodes = NULL, ties = NULL, network = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) in_network = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *when = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  if (recipient == NULL)
    recipient = &agency;

  family = get_row (store, "cases", case_id, error);
  if (family == NULL)
    return NULL;

  map = hw_ecomap_map_new ();
  map->title = g_strdup_printf (_("Ecomap of the %s family"),
                                hw_record_get_string (family, "family_name"));
  /* in words, in the language of the document being made (never the C
   * library's locale, so that hw_language_push () applies) */
  when = hw_language_format_today (HW_DATE_LONG);
  map->subtitle = make_subtitle (recipient, when);
  map->sample_line = sample_line (family);
  map->household_label = g_strdup_printf (_("%s household"),
                                          hw_record_get_string (family, "family_name"));
  map->household_id = hw_ecomap_household_node (store, case_id);

  members = hw_store_select (store, "people", error,
                             "SELECT id, name, confidential, withheld_from FROM people "
                             "WHERE case_id = ? AND in_household = 1 ORDER BY id",
                             G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (members == NULL)
    return NULL;
  for (guint i = 0; i < members->len; i++)
    {
      HwRecord *row = g_ptr_array_index (members, i);

      if (hw_recipient_may_see_record (recipient, row))
        hw_ecomap_map_add_member (map, hw_record_get_string (row, "name"));
    }

  network = hw_store_select (store, "network_members", error,
                             "SELECT DISTINCT person_id AS id FROM network_members WHERE case_id = ?",
                             G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (network == NULL)
    return NULL;
  for (guint i = 0; i < network->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = hw_record_get_id (g_ptr_array_index (network, i));
      g_hash_table_add (in_network, key);
    }

  nodes = hw_store_select (store, "ecomap_nodes", error,
                           "SELECT n.id, n.person_id, n.org_id, n.category, n.label, n.pinned, n.x, n.y,"
                           "  n.version,"
                           "  p.name AS person_name, p.in_household,"
                           "  coalesce(p.confidential, o.confidential, 0) AS confidential,"
                           "  coalesce(p.withheld_from, o.withheld_from, '') AS withheld_from,"
                           "  o.name AS org_name "
                           "FROM ecomap_nodes n "
                           "LEFT JOIN people p ON p.id = n.person_id "
                           "LEFT JOIN organisations o ON o.id = n.org_id "
                           "WHERE n.case_id = ? AND (n.person_id IS NOT NULL OR n.org_id IS NOT NULL) "
                           "ORDER BY n.id",
                           G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (nodes == NULL)
    return NULL;
  for (guint i = 0; i < nodes->len; i++)
    {
      HwRecord *row = g_ptr_array_index (nodes, i);
      gint64 person_id = hw_record_get_int (row, "person_id");
      gint64 org_id = hw_record_get_int (row, "org_id");
      const char *label = hw_record_get_string (row, "label");
      HwEcomapCategory category;
      HwEcomapMapNode *node;
      gint64 *key;
      guint idx;

      /* withheld from this recipient: not on the map at all */
      if (!hw_recipient_may_see_record (recipient, row))
        continue;
      /* household members are written inside the household circle */
      if (person_id != 0 && hw_record_get_boolean (row, "in_household"))
        continue;
      if (*label == '\0')
        label = hw_record_get_string (row, person_id != 0 ? "person_name" : "org_name");

      hw_ecomap_category_from_string (hw_record_get_string (row, "category"), &category);
      idx = hw_ecomap_map_add_node (map, hw_record_get_id (row),
                                    org_id != 0 ? HW_ECOMAP_NODE_ORGANISATION : HW_ECOMAP_NODE_PERSON,
                                    category, label);
      node = &g_array_index (map->nodes, HwEcomapMapNode, idx);
      node->person_id = person_id;
      node->org_id = org_id;
      node->pinned = hw_record_get_boolean (row, "pinned");
      node->x = hw_record_get_double (row, "x");
      node->y = hw_record_get_double (row, "y");
      node->version = hw_record_get_version (row);
      node->network_member = person_id != 0 && g_hash_table_contains (in_network, &person_id);
      key = g_new (gint64, 1);
      *key = node->id;
      g_hash_table_add (shown, key);
    }

  ties = hw_store_select (store, "ties", error,
                          "SELECT id, node_a, node_b, strength, stressful, flow, version FROM ties "
                          "WHERE case_id = ? ORDER BY id",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (ties == NULL)
    return NULL;
  for (guint i = 0; i < ties->len; i++)
    {
      HwRecord *row = g_ptr_array_index (ties, i);
      gint64 a = hw_record_get_int (row, "node_a");
      gint64 b = hw_record_get_int (row, "node_b");
      HwTieStrength strength;
      HwTieFlow flow;
      guint idx;

      /* a tie to someone not shown goes with them */
      if ((a != map->household_id && !g_hash_table_contains (shown, &a)) ||
          (b != map->household_id && !g_hash_table_contains (shown, &b)))
        continue;
      hw_tie_strength_from_string (hw_record_get_string (row, "strength"), &strength);
      hw_tie_flow_from_string (hw_record_get_string (row, "flow"), &flow);
      idx = hw_ecomap_map_add_tie (map, hw_record_get_id (row), a, b, strength,
                                   hw_record_get_boolean (row, "stressful"), flow);
      g_array_index (map->ties, HwEcomapMapTie, idx).version = hw_record_get_version (row);
    }

  load_legend (store, case_id, map);
  hw_ecomap_map_layout (map);
  return g_steal_pointer (&map);
}

/* Writing ----------------------------------------------------------------- */

static gint64
insert_node (HwStore    *store,
             gint64      case_id,
             gint64      person_id,
             gint64      org_id,
             const char *category,
             GError    **error)
{
  g_autoptr(HwRecord) rec = hw_record_new ("ecomap_nodes");

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_ref (rec, "person_id", person_id);
  hw_record_set_ref (rec, "org_id", org_id);
  hw_record_set_string (rec, "category", category);
  return hw_store_insert (store, NULL, rec, error);
}

gboolean
hw_ecomap_ensure_nodes (HwStore  *store,
                        gint64    case_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) people = NULL, orgs = NULL;
  gboolean household, own = FALSE, ok = TRUE;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  household = hw_ecomap_household_node (store, case_id) != 0;
  people = hw_store_select (store, "people", error,
                            "SELECT p.id, p.role FROM people p WHERE p.case_id = ? AND p.in_household = 0 "
                            "AND NOT EXISTS (SELECT 1 FROM ecomap_nodes n WHERE n.person_id = p.id) "
                            "ORDER BY p.id",
                            G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (people == NULL)
    return FALSE;
  orgs = hw_store_select (store, "organisations", error,
                          "SELECT o.id, o.kind FROM organisations o WHERE o.case_id = ? "
                          "AND NOT EXISTS (SELECT 1 FROM ecomap_nodes n WHERE n.org_id = o.id) "
                          "ORDER BY o.id",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (orgs == NULL)
    return FALSE;
  if (household && people->len == 0 && orgs->len == 0)
    return TRUE;
  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND, _("This case no longer exists."));
      return FALSE;
    }

  if (!hw_store_join_edit (store, N_("Update the ecomap"), &own, error))
    return FALSE;
  if (!household)
    ok = insert_node (store, case_id, 0, 0, "family", error) != 0;
  for (guint i = 0; ok && i < people->len; i++)
    {
      HwRecord *row = g_ptr_array_index (people, i);

      ok = insert_node (store, case_id, hw_record_get_id (row), 0,
                        hw_ecomap_category_for_role (hw_record_get_string (row, "role")), error) != 0;
    }
  for (guint i = 0; ok && i < orgs->len; i++)
    {
      HwRecord *row = g_ptr_array_index (orgs, i);

      ok = insert_node (store, case_id, 0, hw_record_get_id (row),
                        hw_ecomap_category_for_kind (hw_record_get_string (row, "kind")), error) != 0;
    }
  return hw_store_leave_edit (store, own, ok, error);
}

static gint64
add_named (HwStore    *store,
           gint64      case_id,
           const char *table,
           const char *name,
           const char *category,
           const char *label,
           GError    **error)
{
  g_autoptr(HwRecord) rec = hw_record_new (table);
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  gboolean own, ok;
  gint64 id, node = 0;

  if (*trimmed == '\0')
    return hw_invalid (error, "%s", _("Please write a name.")), 0;
  if (category == NULL || !hw_choices_valid (HW_CHOICES_ECOMAP_CATEGORY, category))
    return hw_invalid (error, _("“%s” is not a group of the ecomap."), category), 0;

  if (!hw_store_join_edit (store, label, &own, error))
    return 0;
  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", trimmed);
  id = hw_store_insert (store, NULL, rec, error);
  ok = id != 0;
  if (ok)
    {
      node = g_str_equal (table, "people")
             ? insert_node (store, case_id, id, 0, category, error)
             : insert_node (store, case_id, 0, id, category, error);
      ok = node != 0;
    }
  if (!hw_store_leave_edit (store, own, ok, error))
    return 0;
  return node;
}

gint64
hw_ecomap_add_person (HwStore    *store,
                      gint64      case_id,
                      const char *name,
                      const char *category,
                      GError    **error)
{
  return add_named (store, case_id, "people", name, category, N_("Add person to the ecomap"), error);
}

gint64
hw_ecomap_add_organisation (HwStore    *store,
                            gint64      case_id,
                            const char *name,
                            const char *category,
                            GError    **error)
{
  return add_named (store, case_id, "organisations", name, category,
                    N_("Add organisation to the ecomap"), error);
}

/* A tie the shown map could have drawn (both ends on it) but did not:
 * someone tied the node since. */
static gboolean
tie_drawable (const HwEcomapMap *map,
              HwRecord          *tie)
{
  gint64 ends[2] = { hw_record_get_int (tie, "node_a"), hw_record_get_int (tie, "node_b") };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (ends[i] != map->household_id &&
        hw_ecomap_map_find_node ((HwEcomapMap *) map, ends[i]) < 0)
      return FALSE;
  return TRUE;
}

/* The version @map shows of the tie @id, or -1 when it is not on it. */
static gint64
shown_tie_version (const HwEcomapMap *map,
                   gint64             id)
{
  for (guint i = 0; i < map->ties->len; i++)
    if (g_array_index (map->ties, HwEcomapMapTie, i).id == id)
      return g_array_index (map->ties, HwEcomapMapTie, i).version;
  return -1;
}

gboolean
hw_ecomap_delete_node_at (HwStore            *store,
                          gint64              node_id,
                          gint64              version,
                          const HwEcomapMap  *shown,
                          GError            **error)
{
  g_autoptr(HwRecord) node = get_row (store, "ecomap_nodes", node_id, error);
  g_autoptr(GPtrArray) ties = NULL;
  gboolean own, ok = TRUE;

  if (node == NULL)
    return FALSE;
  if (hw_record_is_null (node, "person_id") && hw_record_is_null (node, "org_id"))
    return hw_invalid (error, "%s", _("The household cannot be removed from its ecomap."));

  if (!hw_store_join_edit (store, N_("Remove from the ecomap"), &own, error))
    return FALSE;
  /* read inside the edit, so that what is checked is what is removed */
  ties = hw_store_select (store, "ties", error,
                          "SELECT id, node_a, node_b, version FROM ties WHERE node_a = ? OR node_b = ?",
                          G_TYPE_INT64, node_id, G_TYPE_INT64, node_id, G_TYPE_INVALID);
  if (ties == NULL)
    ok = FALSE;
  /* ties first, one by one, so undo puts each back; each only as shown */
  for (guint i = 0; ok && i < ties->len; i++)
    {
      HwRecord *tie = g_ptr_array_index (ties, i);
      gint64 tie_version = 0;

      if (shown != NULL)
        {
          tie_version = shown_tie_version (shown, hw_record_get_id (tie));
          if (tie_version < 0 && tie_drawable (shown, tie))
            ok = hw_store_set_conflict (error, TRUE);
          tie_version = MAX (tie_version, 0);
        }
      if (ok)
        ok = hw_store_delete_at (store, NULL, "ties", hw_record_get_id (tie), tie_version, error);
    }
  if (ok)
    ok = hw_store_delete_at (store, NULL, "ecomap_nodes", node_id, version, error);
  return hw_store_leave_edit (store, own, ok, error);
}

gboolean
hw_ecomap_delete_node (HwStore  *store,
                       gint64    node_id,
                       GError  **error)
{
  return hw_ecomap_delete_node_at (store, node_id, 0, NULL, error);
}

gboolean
hw_ecomap_move_node_at (HwStore  *store,
                        gint64    node_id,
                        gint64    version,
                        double    x,
                        double    y,
                        GError  **error)
{
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(HwRecord) node = get_row (store, "ecomap_nodes", node_id, error);

  if (node == NULL)
    return FALSE;
  if (!isfinite (x) || !isfinite (y) || fabs (x) > 1e6 || fabs (y) > 1e6)
    return hw_invalid (error, "%s", _("That place is off the map."));
  rec = hw_record_new ("ecomap_nodes");
  hw_record_set_id (rec, node_id);
  hw_record_set_boolean (rec, "pinned", TRUE);
  hw_record_set_double (rec, "x", x);
  hw_record_set_double (rec, "y", y);
  hw_record_set_version (rec, version);
  return hw_store_update (store, N_("Move on the ecomap"), rec, error);
}

gboolean
hw_ecomap_move_node (HwStore  *store,
                     gint64    node_id,
                     double    x,
                     double    y,
                     GError  **error)
{
  return hw_ecomap_move_node_at (store, node_id, 0, x, y, error);
}

gboolean
hw_ecomap_unpin_node_at (HwStore  *store,
                         gint64    node_id,
                         gint64    version,
                         GError  **error)
{
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(HwRecord) node = get_row (store, "ecomap_nodes", node_id, error);

  if (node == NULL)
    return FALSE;
  rec = hw_record_new ("ecomap_nodes");
  hw_record_set_id (rec, node_id);
  hw_record_set_boolean (rec, "pinned", FALSE);
  hw_record_set_version (rec, version);
  return hw_store_update (store, N_("Place automatically on the ecomap"), rec, error);
}

gboolean
hw_ecomap_unpin_node (HwStore  *store,
                      gint64    node_id,
                      GError  **error)
{
  return hw_ecomap_unpin_node_at (store, node_id, 0, error);
}

gboolean
hw_ecomap_set_category_at (HwStore     *store,
                           gint64       node_id,
                           gint64       version,
                           const char  *category,
                           GError     **error)
{
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(HwRecord) node = NULL;

  if (category == NULL || !hw_choices_valid (HW_CHOICES_ECOMAP_CATEGORY, category))
    return hw_invalid (error, _("“%s” is not a group of the ecomap."), category);
  node = get_row (store, "ecomap_nodes", node_id, error);
  if (node == NULL)
    return FALSE;
  rec = hw_record_new ("ecomap_nodes");
  hw_record_set_id (rec, node_id);
  hw_record_set_string (rec, "category", category);
  hw_record_set_version (rec, version);
  return hw_store_update (store, N_("Change group on the ecomap"), rec, error);
}

gboolean
hw_ecomap_set_category (HwStore     *store,
                        gint64       node_id,
                        const char  *category,
                        GError     **error)
{
  return hw_ecomap_set_category_at (store, node_id, 0, category, error);
}

gint64
hw_ecomap_add_tie (HwStore     *store,
                   gint64       node_a,
                   gint64       node_b,
                   const char  *strength,
                   GError     **error)
{
  g_autoptr(HwRecord) a = NULL, b = NULL, rec = NULL;

  if (strength == NULL)
    strength = "moderate";
  if (!hw_choices_valid (HW_CHOICES_TIE_STRENGTH, strength))
    return hw_invalid (error, _("“%s” is not a strength of a tie."), strength), 0;
  if (node_a == node_b)
    return hw_invalid (error, "%s", _("A tie joins two different people or places.")), 0;
  a = get_row (store, "ecomap_nodes", node_a, error);
  if (a == NULL)
    return 0;
  b = get_row (store, "ecomap_nodes", node_b, error);
  if (b == NULL)
    return 0;
  if (hw_record_get_int (a, "case_id") != hw_record_get_int (b, "case_id"))
    return hw_invalid (error, "%s", _("A tie joins two people or places of the same family.")), 0;
  if (hw_store_query_int (store, 0,
                          "SELECT count(*) FROM ties WHERE (node_a = ? AND node_b = ?) OR (node_a = ? AND node_b = ?)",
                          G_TYPE_INT64, node_a, G_TYPE_INT64, node_b,
                          G_TYPE_INT64, node_b, G_TYPE_INT64, node_a, G_TYPE_INVALID) > 0)
    return hw_invalid (error, "%s", _("These two are already tied; change that tie instead.")), 0;

  rec = hw_record_new ("ties");
  hw_record_set_int (rec, "case_id", hw_record_get_int (a, "case_id"));
  hw_record_set_int (rec, "node_a", node_a);
  hw_record_set_int (rec, "node_b", node_b);
  hw_record_set_string (rec, "strength", strength);
  return hw_store_insert (store, N_("Add tie"), rec, error);
}

/* "Emotional , transport" -> "emotional,transport"; FALSE on unknown types */
static gboolean
normalise_support_types (const char  *text,
                         char       **out,
                         GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GString) result = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *down = g_ascii_strdown (g_strstrip (parts[i]), -1);

      if (*down == '\0')
        continue;
      if (!hw_choices_valid (HW_CHOICES_SUPPORT_TYPE, down))
        return hw_invalid (error, _("“%s” is not a kind of support."), down);
      if (result->len > 0)
        g_string_append_c (result, ',');
      g_string_append (result, down);
    }
  *out = g_string_free (g_steal_pointer (&result), FALSE);
  return TRUE;
}

gboolean
hw_ecomap_update_tie_at (HwStore                 *store,
                         gint64                   tie_id,
                         gint64                   version,
                         const HwEcomapTieFields *fields,
                         GError                 **error)
{
  g_autoptr(HwRecord) tie = NULL, rec = NULL;
  g_autofree char *types = NULL;

  g_return_val_if_fail (fields != NULL, FALSE);

  if (fields->strength == NULL || !hw_choices_valid (HW_CHOICES_TIE_STRENGTH, fields->strength))
    return hw_invalid (error, _("“%s” is not a strength of a tie."), fields->strength);
  if (fields->flow == NULL || !hw_choices_valid (HW_CHOICES_TIE_FLOW, fields->flow))
    return hw_invalid (error, _("“%s” is not a direction of support."), fields->flow);
  if (!normalise_support_types (fields->support_types, &types, error))
    return FALSE;
  tie = get_row (store, "ties", tie_id, error);
  if (tie == NULL)
    return FALSE;

  rec = hw_record_new ("ties");
  hw_record_set_id (rec, tie_id);
  hw_record_set_string (rec, "strength", fields->strength);
  hw_record_set_boolean (rec, "stressful", fields->stressful);
  hw_record_set_string (rec, "flow", fields->flow);
  hw_record_set_string (rec, "support_types", types);
  hw_record_set_string (rec, "frequency", fields->frequency ? fields->frequency : "");
  hw_record_set_string (rec, "note", fields->note ? fields->note : "");
  hw_record_set_version (rec, version);
  return hw_store_update (store, N_("Change tie"), rec, error);
}

gboolean
hw_ecomap_update_tie (HwStore                 *store,
                      gint64                   tie_id,
                      const HwEcomapTieFields *fields,
                      GError                 **error)
{
  return hw_ecomap_update_tie_at (store, tie_id, 0, fields, error);
}

gboolean
hw_ecomap_delete_tie_at (HwStore  *store,
                         gint64    tie_id,
                         gint64    version,
                         GError  **error)
{
  g_autoptr(HwRecord) tie = get_row (store, "ties", tie_id, error);

  if (tie == NULL)
    return FALSE;
  return hw_store_delete_at (store, N_("Remove tie"), "ties", tie_id, version, error);
}

gboolean
hw_ecomap_delete_tie (HwStore  *store,
                      gint64    tie_id,
                      GError  **error)
{
  return hw_ecomap_delete_tie_at (store, tie_id, 0, error);
}

/* @version < 0: over whatever the line holds */
static gboolean
set_legend_label (HwStore     *store,
                  gint64       case_id,
                  const char  *key,
                  const char  *label,
                  gint64       version,
                  GError     **error)
{
  HwEcomapLegendKey k;
  g_autofree char *trimmed = g_strstrip (g_strdup (label ? label : ""));
  g_autoptr(GPtrArray) rows = NULL;
  gint64 existing = 0, existing_version = 0;

  if (!hw_ecomap_legend_key_from_string (key, &k))
    return hw_invalid (error, _("“%s” is not a line of the legend."), key);
  rows = hw_store_select (store, "ecomap_legend", error,
                          "SELECT id, version FROM ecomap_legend WHERE case_id = ? AND key = ?",
                          G_TYPE_INT64, case_id, G_TYPE_STRING, key, G_TYPE_INVALID);
  if (rows == NULL)
    return FALSE;
  if (rows->len > 0)
    {
      existing = hw_record_get_id (g_ptr_array_index (rows, 0));
      existing_version = hw_record_get_version (g_ptr_array_index (rows, 0));
    }
  if (version < 0)
    version = existing_version;
  /* someone else wrote the line, or put the usual wording back, since */
  if ((version == 0) != (existing == 0))
    {
      hw_store_set_conflict (error, FALSE);
      return FALSE;
    }
  if (*trimmed == '\0' || g_str_equal (trimmed, hw_ecomap_legend_default_label (k)))
    {
      if (existing == 0)
        return TRUE;
      return hw_store_delete_at (store, N_("Change legend"), "ecomap_legend", existing, version, error);
    }
  else
    {
      g_autoptr(HwRecord) rec = hw_record_new ("ecomap_legend");

      if (existing != 0)
        {
          hw_record_set_id (rec, existing);
          hw_record_set_string (rec, "label", trimmed);
          hw_record_set_version (rec, version);
          return hw_store_update (store, N_("Change legend"), rec, error);
        }
      hw_record_set_int (rec, "case_id", case_id);
      hw_record_set_string (rec, "key", key);
      hw_record_set_string (rec, "label", trimmed);
      return hw_store_insert (store, N_("Change legend"), rec, error) != 0;
    }
}

gboolean
hw_ecomap_set_legend_label (HwStore     *store,
                            gint64       case_id,
                            const char  *key,
                            const char  *label,
                            GError     **error)
{
  return set_legend_label (store, case_id, key, label, -1, error);
}

gboolean
hw_ecomap_set_legend_label_at (HwStore     *store,
                               gint64       case_id,
                               const char  *key,
                               gint64       version,
                               const char  *label,
                               GError     **error)
{
  return set_legend_label (store, case_id, key, label, MAX (version, 0), error);
}

/* Safety network ---------------------------------------------------------- */

gboolean
hw_ecomap_set_network_role_at (HwStore     *store,
                               gint64       person_id,
                               const char  *role,
                               gboolean     member,
                               gint64       version,
                               GError     **error)
{
  g_autoptr(HwRecord) person = NULL;
  gint64 existing;

  if (role == NULL || !hw_choices_valid (HW_CHOICES_NETWORK_ROLE, role))
    return hw_invalid (error, _("“%s” is not a role in the safety network."), role);
  person = get_row (store, "people", person_id, error);
  if (person == NULL)
    return FALSE;
  if (member && hw_record_get_boolean (person, "alleged_harm_source"))
    return hw_invalid (error, "%s", _("A person alleged to have harmed the child cannot protect the child in the safety plan."));

  existing = hw_store_query_int (store, 0,
                                 "SELECT id FROM network_members WHERE person_id = ? AND role = ?",
                                 G_TYPE_INT64, person_id, G_TYPE_STRING, role, G_TYPE_INVALID);
  if (member)
    {
      g_autoptr(HwRecord) rec = NULL;

      /* given since by someone else: what was asked is there */
      if (existing != 0)
        return TRUE;
      rec = hw_record_new ("network_members");
      hw_record_set_int (rec, "case_id", hw_record_get_int (person, "case_id"));
      hw_record_set_int (rec, "person_id", person_id);
      hw_record_set_string (rec, "role", role);
      return hw_store_insert (store, N_("Add to the safety network"), rec, error) != 0;
    }
  /* taken away since by someone else: nothing left to remove */
  if (existing == 0)
    return TRUE;
  return hw_store_delete_at (store, N_("Remove from the safety network"), "network_members",
                             existing, version, error);
}

gboolean
hw_ecomap_set_network_role (HwStore     *store,
                            gint64       person_id,
                            const char  *role,
                            gboolean     member,
                            GError     **error)
{
  return hw_ecomap_set_network_role_at (store, person_id, role, member, 0, error);
}

GPtrArray *
hw_ecomap_list_network (HwStore           *store,
                        gint64             case_id,
                        const HwRecipient *recipient,
                        GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *result;

  if (recipient == NULL)
    recipient = &agency;
  rows = hw_store_select (store, "network_members", error,
                          "SELECT m.id, m.case_id, m.person_id, m.role, m.availability, m.notes,"
                          "  p.name, p.phone, p.relationship, p.confidential, p.withheld_from "
                          "FROM network_members m JOIN people p ON p.id = m.person_id "
                          "WHERE m.case_id = ? ORDER BY p.name, m.role",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    if (hw_recipient_may_see_record (recipient, g_ptr_array_index (rows, i)))
      g_ptr_array_add (result, g_object_ref (g_ptr_array_index (rows, i)));
  return result;
}

/* Snapshots --------------------------------------------------------------- */

/* The snapshot keeps what the agency sees (everything) with the person or
 * organisation behind each node, so that reading it back for another
 * recipient can leave out whoever is withheld from them *now*. */
static char *
snapshot_json (HwStore      *store,
               gint64        case_id,
               HwEcomapMap  *map)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) members = hw_store_select (store, "people", NULL,
                                                  "SELECT id, name FROM people WHERE case_id = ? "
                                                  "AND in_household = 1 ORDER BY id",
                                                  G_TYPE_INT64, case_id, G_TYPE_INVALID);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "household");
  json_builder_add_int_value (b, map->household_id);
  json_builder_set_member_name (b, "household_label");
  json_builder_add_string_value (b, map->household_label);

  json_builder_set_member_name (b, "members");
  json_builder_begin_array (b);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      HwRecord *row = g_ptr_array_index (members, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "person_id");
      json_builder_add_int_value (b, hw_record_get_id (row));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, hw_record_get_string (row, "name"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *n = &g_array_index (map->nodes, HwEcomapMapNode, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, n->id);
      json_builder_set_member_name (b, "person_id");
      json_builder_add_int_value (b, n->person_id);
      json_builder_set_member_name (b, "org_id");
      json_builder_add_int_value (b, n->org_id);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, n->label);
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, hw_ecomap_category_to_string (n->category));
      json_builder_set_member_name (b, "network");
      json_builder_add_boolean_value (b, n->network_member);
      json_builder_set_member_name (b, "x");
      json_builder_add_double_value (b, n->x);
      json_builder_set_member_name (b, "y");
      json_builder_add_double_value (b, n->y);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "ties");
  json_builder_begin_array (b);
  for (guint i = 0; i < map->ties->len; i++)
    {
      HwEcomapMapTie *t = &g_array_index (map->ties, HwEcomapMapTie, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, t->id);
      json_builder_set_member_name (b, "a");
      json_builder_add_int_value (b, t->node_a);
      json_builder_set_member_name (b, "b");
      json_builder_add_int_value (b, t->node_b);
      json_builder_set_member_name (b, "strength");
      json_builder_add_string_value (b, hw_tie_strength_to_string (t->strength));
      json_builder_set_member_name (b, "stressful");
      json_builder_add_boolean_value (b, t->stressful);
      json_builder_set_member_name (b, "flow");
      json_builder_add_string_value (b, hw_tie_flow_to_string (t->flow));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

gint64
hw_ecomap_save_snapshot (HwStore     *store,
                         gint64       case_id,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(HwEcomapMap) map = NULL;
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *data = NULL, *when = NULL;

  if (*trimmed == '\0')
    return hw_invalid (error, "%s", _("Please give the snapshot a name, such as “Intake”.")), 0;
  map = hw_ecomap_load (store, case_id, &agency, error);
  if (map == NULL)
    return 0;
  data = snapshot_json (store, case_id, map);
  when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  rec = hw_record_new ("ecomap_snapshots");
  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", trimmed);
  hw_record_set_string (rec, "taken_at", when);
  hw_record_set_string (rec, "data", data);
  return hw_store_insert (store, N_("Save a snapshot of the ecomap"), rec, error);
}

GPtrArray *
hw_ecomap_list_snapshots (HwStore  *store,
                          gint64    case_id,
                          GError  **error)
{
  return hw_store_select (store, "ecomap_snapshots", error,
                          "SELECT id, name, taken_at FROM ecomap_snapshots WHERE case_id = ? "
                          "ORDER BY taken_at, id",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
}

gboolean
hw_ecomap_delete_snapshot (HwStore  *store,
                           gint64    snapshot_id,
                           GError  **error)
{
  g_autoptr(HwRecord) row = get_row (store, "ecomap_snapshots", snapshot_id, error);

  if (row == NULL)
    return FALSE;
  return hw_store_delete (store, N_("Delete a snapshot of the ecomap"), "ecomap_snapshots",
                          snapshot_id, error);
}

/* May @recipient see the person or organisation now? Rows that are gone
 * since the snapshot are shown to the agency only. */
static gboolean
may_see_ref (HwStore           *store,
             const HwRecipient *recipient,
             const char        *table,
             gint64             id)
{
  g_autoptr(HwRecord) row = NULL;

  if (id == 0)
    return TRUE;
  row = hw_store_get (store, table, id, NULL);
  if (row == NULL)
    return recipient->kind == HW_RECIPIENT_AGENCY;
  return hw_recipient_may_see_record (recipient, row);
}

static const char *
object_string (JsonObject *o,
               const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

HwEcomapMap *
hw_ecomap_load_snapshot (HwStore           *store,
                         gint64             snapshot_id,
                         const HwRecipient *recipient,
                         GError           **error)
{
  g_autoptr(HwRecord) row = NULL, family = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HwEcomapMap) map = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *when = NULL;
  JsonObject *root;
  JsonArray *array;

  if (recipient == NULL)
    recipient = &agency;
  row = get_row (store, "ecomap_snapshots", snapshot_id, error);
  if (row == NULL)
    return NULL;
  family = get_row (store, "cases", hw_record_get_int (row, "case_id"), error);
  if (family == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, hw_record_get_string (row, "data"), -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT,
                   _("The snapshot “%s” cannot be read."), hw_record_get_string (row, "name"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  map = hw_ecomap_map_new ();
  /* TRANSLATORS: "Ecomap of the Morales family: Intake" */
  map->title = g_strdup_printf (_("Ecomap of the %s family: %s"),
                                hw_record_get_string (family, "family_name"),
                                hw_record_get_string (row, "name"));
  taken = g_date_time_new_from_iso8601 (hw_record_get_string (row, "taken_at"), NULL);
  when = taken ? hw_language_format_date_time (taken, HW_DATE_LONG) : g_strdup ("");
  map->subtitle = make_subtitle (recipient, when);
  map->sample_line = sample_line (family);
  map->household_id = json_object_get_int_member_with_default (root, "household", 0);
  map->household_label = g_strdup (object_string (root, "household_label"));

  array = json_object_get_array_member (root, "members");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *m = json_array_get_object_element (array, i);

      if (m != NULL &&
          may_see_ref (store, recipient, "people", json_object_get_int_member_with_default (m, "person_id", 0)))
        hw_ecomap_map_add_member (map, object_string (m, "name"));
    }

  array = json_object_get_array_member (root, "nodes");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *n = json_array_get_object_element (array, i);
      gint64 person_id, org_id, *key;
      HwEcomapCategory category;
      HwEcomapMapNode *node;
      guint idx;

      if (n == NULL)
        continue;
      person_id = json_object_get_int_member_with_default (n, "person_id", 0);
      org_id = json_object_get_int_member_with_default (n, "org_id", 0);
      if (!may_see_ref (store, recipient, "people", person_id) ||
          !may_see_ref (store, recipient, "organisations", org_id))
        continue;
      hw_ecomap_category_from_string (object_string (n, "category"), &category);
      idx = hw_ecomap_map_add_node (map, json_object_get_int_member_with_default (n, "id", 0),
                                    org_id != 0 ? HW_ECOMAP_NODE_ORGANISATION : HW_ECOMAP_NODE_PERSON,
                                    category, object_string (n, "label"));
      node = &g_array_index (map->nodes, HwEcomapMapNode, idx);
      node->person_id = person_id;
      node->org_id = org_id;
      node->network_member = json_object_get_boolean_member_with_default (n, "network", FALSE);
      /* as it was drawn that day */
      node->pinned = TRUE;
      node->x = json_object_get_double_member_with_default (n, "x", 0);
      node->y = json_object_get_double_member_with_default (n, "y", 0);
      key = g_new (gint64, 1);
      *key = node->id;
      g_hash_table_add (shown, key);
    }

  array = json_object_get_array_member (root, "ties");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *t = json_array_get_object_element (array, i);
      HwTieStrength strength;
      HwTieFlow flow;
      gint64 a, b;

      if (t == NULL)
        continue;
      a = json_object_get_int_member_with_default (t, "a", 0);
      b = json_object_get_int_member_with_default (t, "b", 0);
      if ((a != map->household_id && !g_hash_table_contains (shown, &a)) ||
          (b != map->household_id && !g_hash_table_contains (shown, &b)))
        continue;
      hw_tie_strength_from_string (object_string (t, "strength"), &strength);
      hw_tie_flow_from_string (object_string (t, "flow"), &flow);
      hw_ecomap_map_add_tie (map, json_object_get_int_member_with_default (t, "id", 0), a, b,
                             strength, json_object_get_boolean_member_with_default (t, "stressful", FALSE),
                             flow);
    }

  load_legend (store, hw_record_get_int (row, "case_id"), map);
  hw_ecomap_map_layout (map);
  return g_steal_pointer (&map);
}

/* Compare ----------------------------------------------------------------- */

static char *
pair_key (gint64 a,
          gint64 b)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, MIN (a, b), MAX (a, b));
}

static const char *
end_name (HwEcomapMap *map,
          gint64       id)
{
  int i;

  if (id == map->household_id)
    return _("the household");
  i = hw_ecomap_map_find_node (map, id);
  return i < 0 ? "?" : g_array_index (map->nodes, HwEcomapMapNode, i).label;
}

static const char *
strength_label (HwTieStrength s)
{
  return hw_choice_label (HW_CHOICES_TIE_STRENGTH, hw_tie_strength_to_string (s));
}

GPtrArray *
hw_ecomap_compare (HwEcomapMap     *before,
                   HwEcomapMap     *after,
                   HwEcomapChanges *changes)
{
  g_autoptr(GHashTable) old_ties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  HwEcomapChanges counts = { 0 };
  guint n_after = after->ties->len;

  /* the household is the same node in both, even if its id differs */
  for (guint i = 0; i < before->ties->len; i++)
    {
      HwEcomapMapTie *t = &g_array_index (before->ties, HwEcomapMapTie, i);
      gint64 a = t->node_a == before->household_id ? after->household_id : t->node_a;
      gint64 b = t->node_b == before->household_id ? after->household_id : t->node_b;

      g_hash_table_insert (old_ties, pair_key (a, b), t);
    }

  for (guint i = 0; i < n_after; i++)
    {
      HwEcomapMapTie *t = &g_array_index (after->ties, HwEcomapMapTie, i);
      g_autofree char *key = pair_key (t->node_a, t->node_b);
      char *stored_key = NULL;
      HwEcomapMapTie *old = NULL;

      if (!g_hash_table_lookup_extended (old_ties, key, (gpointer *) &stored_key, (gpointer *) &old))
        {
          t->change = HW_TIE_CHANGE_ADDED;
          counts.added++;
          g_ptr_array_add (sentences, g_strdup_printf (_("New tie: %s and %s"),
                                                       end_name (after, t->node_a),
                                                       end_name (after, t->node_b)));
          continue;
        }
      g_hash_table_add (seen, stored_key);
      if (t->strength < old->strength)
        {
          t->change = HW_TIE_CHANGE_STRONGER;
          counts.stronger++;
          g_ptr_array_add (sentences, g_strdup_printf (_("Stronger: %s and %s (%s, was %s)"),
                                                       end_name (after, t->node_a),
                                                       end_name (after, t->node_b),
                                                       strength_label (t->strength),
                                                       strength_label (old->strength)));
        }
      else if (t->strength > old->strength)
        {
          t->change = HW_TIE_CHANGE_WEAKER;
          counts.weaker++;
          g_ptr_array_add (sentences, g_strdup_printf (_("Weaker: %s and %s (%s, was %s)"),
                                                       end_name (after, t->node_a),
                                                       end_name (after, t->node_b),
                                                       strength_label (t->strength),
                                                       strength_label (old->strength)));
        }
      else
        t->change = HW_TIE_CHANGE_NONE;
    }

  /* ties that are gone: drawn faint on the later map, with their nodes */
  for (guint i = 0; i < before->ties->len; i++)
    {
      HwEcomapMapTie *t = &g_array_index (before->ties, HwEcomapMapTie, i);
      gint64 ends[2] = { t->node_a, t->node_b };
      gint64 mapped[2];
      g_autofree char *key = NULL;
      guint idx;

      for (guint e = 0; e < 2; e++)
        mapped[e] = ends[e] == before->household_id ? after->household_id : ends[e];
      key = pair_key (mapped[0], mapped[1]);
      if (g_hash_table_contains (seen, key))
        continue;

      for (guint e = 0; e < 2; e++)
        if (mapped[e] != after->household_id && hw_ecomap_map_find_node (after, mapped[e]) < 0)
          {
            int j = hw_ecomap_map_find_node (before, ends[e]);
            HwEcomapMapNode *src, *dst;

            if (j < 0)
              continue;
            src = &g_array_index (before->nodes, HwEcomapMapNode, j);
            idx = hw_ecomap_map_add_node (after, src->id, src->kind, src->category, src->label);
            dst = &g_array_index (after->nodes, HwEcomapMapNode, idx);
            dst->person_id = src->person_id;
            dst->org_id = src->org_id;
          }
      idx = hw_ecomap_map_add_tie (after, t->id, mapped[0], mapped[1], t->strength,
                                   t->stressful, t->flow);
      g_array_index (after->ties, HwEcomapMapTie, idx).change = HW_TIE_CHANGE_LOST;
      counts.lost++;
      g_ptr_array_add (sentences, g_strdup_printf (_("Tie lost: %s and %s"),
                                                   end_name (before, t->node_a),
                                                   end_name (before, t->node_b)));
    }

  hw_ecomap_map_layout (after);
  if (changes != NULL)
    *changes = counts;
  return sentences;
}

/* Output ------------------------------------------------------------------ */

gboolean
hw_ecomap_export (HwStore               *store,
                  const HwExportOptions *opts,
                  GError               **error)
{
  g_autoptr(HwEcomapMap) map = NULL;
  g_autoptr(HwLanguageSwitch) language = NULL;
  g_autoptr(HwRecord) kase = NULL;
  g_autofree char *lang = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);

  if (opts->output == NULL || *opts->output == '\0')
    return hw_invalid (error, "%s", _("Say where to write the ecomap (--output FILE)."));
  if (opts->format == NULL ||
      (g_strcmp0 (opts->format, "pdf") != 0 && g_strcmp0 (opts->format, "png") != 0 &&
       g_strcmp0 (opts->format, "svg") != 0))
    return hw_invalid (error, _("An ecomap can be exported as pdf, png or svg, not “%s”."), opts->format);

  kase = hw_store_get (store, "cases", opts->case_id, error);
  if (kase == NULL)
    return FALSE;
  /* the family's language unless asked otherwise; one that cannot be
   * loaded is refused, not printed in English */
  lang = hw_language_choose (opts->language, hw_record_get_string (kase, "primary_language"), error);
  if (lang == NULL)
    return FALSE;
  language = hw_language_push (lang);

  /* on paper: the same document the window prints */
  if (g_str_equal (opts->format, "pdf"))
    {
      g_autoptr(HwDocument) doc = hw_ecomap_build_document (store, opts->case_id,
                                                            &opts->recipient, opts->paper, error);

      return doc != NULL && hw_document_export_pdf (doc, opts->output, error);
    }

  map = hw_ecomap_load (store, opts->case_id, &opts->recipient, error);
  if (map == NULL)
    return FALSE;
  if (opts->recipient.kind == HW_RECIPIENT_SUPPORT)
    {
      g_autoptr(HwRecord) person = hw_store_get (store, "people", opts->recipient.person_id, NULL);

      g_free (map->subtitle);
      {
        g_autofree char *when = hw_language_format_today (HW_DATE_LONG);
        g_autofree char *copy = hw_recipient_describe (&opts->recipient,
                                                       person ? hw_record_get_string (person, "name") : NULL);

        map->subtitle = g_strdup_printf (_("%s · %s"), when, copy);
      }
    }
  return hw_ecomap_map_export (map, opts->format, opts->paper, opts->output, error);
}

void
hw_ecomap_draw_case (HwStore           *store,
                     gint64             case_id,
                     const HwRecipient *recipient,
                     cairo_t           *cr,
                     double             x,
                     double             y,
                     double             width,
                     double             height)
{
  g_autoptr(HwEcomapMap) map = hw_ecomap_load (store, case_id, recipient, NULL);

  if (map != NULL)
    hw_ecomap_draw_figure (map, cr, x, y, width, height);
}

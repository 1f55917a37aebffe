/* hw-move.c: `homeward move`, every case of one database into another.
 *
 * Through the interchange format (hw-interchange.c): a case exported from
 * the source is imported into the destination within one edit for all
 * cases, then exported again from the destination (same connection, same
 * transaction) and compared with the source's export. The only thing an
 * import may change is the ids (kept where free, else new ones from the
 * destination); hw_interchange_unmap_ids() gives them back before the
 * comparison, so every other value of every row must be equal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-move"

#include <glib/gi18n.h>

#include "hw-history.h"
#include "hw-interchange.h"
#include "hw-move.h"

/* settings of the database (not of one computer) that move with it */
static const char * const moved_settings[] = {
  HW_HISTORY_MAX_STEPS_KEY, HW_HISTORY_MAX_DAYS_KEY, "visits.school-hours", NULL
};

typedef struct {
  gint64 id;
  char  *family_name;
  char  *case_number;
} CaseRow;

static void
case_row_free (CaseRow *row)
{
  g_free (row->family_name);
  g_free (row->case_number);
  g_free (row);
}

static GPtrArray *
list_cases (HwStore  *store,
            GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) case_row_free);
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (hw_store_get_connection (store),
                                            "SELECT id, family_name, case_number FROM cases ORDER BY id",
                                            error);
  HwDbStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    {
      CaseRow *row = g_new0 (CaseRow, 1);

      row->id = hw_db_stmt_column_int64 (stmt, 0);
      row->family_name = g_strdup (hw_db_stmt_column_text (stmt, 1));
      row->case_number = g_strdup (hw_db_stmt_column_text (stmt, 2));
      g_ptr_array_add (rows, row);
    }
  if (step != HW_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&rows);
}

static gboolean
same_case (const CaseRow *a,
           const CaseRow *b)
{
  return g_strcmp0 (a->family_name, b->family_name) == 0 &&
         g_strcmp0 (a->case_number, b->case_number) == 0;
}

static const char *
shown_number (const CaseRow *row)
{
  return row->case_number && *row->case_number ? row->case_number : _("no case number");
}

gboolean
hw_move_cases (HwStore    *from,
               HwStore    *to,
               gboolean    into_non_empty,
               HwMoveFunc  func,
               gpointer    user_data,
               guint      *moved,
               GError    **error)
{
  g_autoptr(GPtrArray) source = NULL;
  g_autoptr(GPtrArray) there = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n = 0;

  g_return_val_if_fail (HW_IS_STORE (from) && HW_IS_STORE (to), FALSE);

  if (moved)
    *moved = 0;
  if (g_strcmp0 (hw_store_get_path (from), hw_store_get_path (to)) == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("Nothing was moved: the families are already in %s"), hw_store_get_path (to));
      return FALSE;
    }
  if ((source = list_cases (from, error)) == NULL ||
      (there = list_cases (to, error)) == NULL)
    {
      g_prefix_error (error, _("Nothing was moved: "));
      return FALSE;
    }
  if (source->len == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("Nothing was moved: there are no families in %s"), hw_store_get_path (from));
      return FALSE;
    }
  for (guint i = 0; i < source->len; i++)
    for (guint j = 0; j < there->len; j++)
      if (same_case (g_ptr_array_index (source, i), g_ptr_array_index (there, j)))
        {
          const CaseRow *row = g_ptr_array_index (source, i);
          g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                       _("Nothing was moved: the family %s (%s) is already in %s. "
                         "Were the families moved before?"),
                       row->family_name, shown_number (row), hw_store_get_path (to));
          return FALSE;
        }
  if (there->len > 0 && !into_non_empty)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   ngettext (
                                "Nothing was moved: %s already holds %u family. "
                                "To add these families to it, add --yes.",
                                "Nothing was moved: %s already holds %u families. "
                                "To add these families to it, add --yes.", there->len),
                   hw_store_get_path (to), there->len);
      return FALSE;
    }

  if (!hw_store_begin_edit (to, N_("Move families in"), error))
    {
      g_prefix_error (error, _("Nothing was moved: "));
      return FALSE;
    }

  for (guint i = 0; i < source->len; i++)
    {
      const CaseRow *row = g_ptr_array_index (source, i);
      g_autoptr(JsonNode) before = NULL;
      g_autoptr(JsonNode) after = NULL;
      g_autoptr(GHashTable) id_map = NULL;
      g_autofree char *text = NULL;
      gint64 to_id;

      text = hw_interchange_export_text (from, row->id, &local_error);
      if (text != NULL)
        before = json_from_string (text, &local_error);
      if (before == NULL)
        goto failed;
      to_id = hw_interchange_import_mapped (to, text, -1, &id_map, &local_error);
      if (to_id == 0)
        goto failed;
      if ((after = hw_interchange_export_case (to, to_id, &local_error)) == NULL)
        goto failed;
      hw_interchange_unmap_ids (to, after, id_map);
      if (!json_node_equal (before, after))
        {
          g_set_error (&local_error, HW_STORE_ERROR, HW_STORE_ERROR_IO,
                       _("its copy in %s does not read back the same as the original"),
                       hw_store_get_path (to));
          goto failed;
        }
      if (func)
        func (row->family_name, row->case_number, row->id, to_id, user_data);
      n++;
      continue;

    failed:
      hw_store_rollback_edit (to);
      g_set_error (error, HW_STORE_ERROR,
                   local_error->domain == HW_STORE_ERROR ? local_error->code : HW_STORE_ERROR_INVALID,
                   _("Nothing was moved: the family %s (%s) could not be moved: %s"),
                   row->family_name, shown_number (row), local_error->message);
      return FALSE;
    }

  for (guint i = 0; moved_settings[i]; i++)
    {
      g_autofree char *value = hw_store_get_setting (from, moved_settings[i]);
      g_autofree char *have = hw_store_get_setting (to, moved_settings[i]);

      if (value != NULL && have == NULL &&
          !hw_store_set_setting (to, moved_settings[i], value, &local_error))
        {
          hw_store_rollback_edit (to);
          g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO,
                       _("Nothing was moved: the settings could not be copied: %s"), local_error->message);
          return FALSE;
        }
    }

  if (!hw_store_commit_edit (to, error))
    {
      g_prefix_error (error, _("Nothing was moved: "));
      return FALSE;
    }
  if (moved)
    *moved = n;
  return TRUE;
}

/* test-found-cases.c: the families a search finds (HwFoundCases): which,
 * in what order, and what the list is told: the slots keep their places,
 * only the slots whose family changed are notified, and only the count is
 * told as items-changed, at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "hw-found-cases.h"

static HwRecord *
family (gint64      id,
        const char *name,
        const char *number)
{
  HwRecord *record = hw_record_new ("cases");

  hw_record_set_id (record, id);
  hw_record_set_string (record, "family_name", name);
  hw_record_set_string (record, "case_number", number);
  return record;
}

static void
add (GListStore *cases,
     HwRecord   *record)
{
  g_list_store_append (cases, record);
  g_object_unref (record);
}

typedef struct {
  guint position, removed, added, calls;
  guint notified;
} Told;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Told       *told)
{
  told->position = position;
  told->removed = removed;
  told->added = added;
  told->calls++;
}

static void
notify_cb (GObject    *slot,
           GParamSpec *pspec,
           Told       *told)
{
  told->notified++;
}

static char *
names (HwFoundCases *found)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (found)); i++)
    {
      g_autoptr(HwCaseSlot) slot = g_list_model_get_item (G_LIST_MODEL (found), i);

      g_assert_true (hw_case_slot_get_record (slot) == hw_found_cases_get_record (found, i));
      g_string_append_printf (text, "%s%s", i > 0 ? "," : "",
                              hw_record_get_string (hw_case_slot_get_record (slot), "family_name"));
    }
  return g_string_free (text, FALSE);
}

static void
test_search (void)
{
  g_autoptr(GListStore) cases = g_list_store_new (HW_TYPE_RECORD);
  g_autoptr(HwFoundCases) found = NULL;
  g_autoptr(HwCaseSlot) first = NULL;
  Told told = { 0 };
  char *text;

  add (cases, family (1, "Guzmán Ortega", "FC-2023-00127"));
  add (cases, family (2, "Brown", "FC-2024-00005"));
  add (cases, family (3, "Gutiérrez", "FC-2024-00012"));
  add (cases, family (4, "Guzman", ""));
  found = hw_found_cases_new (G_LIST_MODEL (cases));
  g_signal_connect (found, "items-changed", G_CALLBACK (items_changed_cb), &told);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (found)) == HW_TYPE_CASE_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 4);
  first = g_list_model_get_item (G_LIST_MODEL (found), 0);
  g_signal_connect (first, "notify::record", G_CALLBACK (notify_cb), &told);

  /* "gu": Brown goes; the list is told one item less, at the end */
  hw_found_cases_set_search (found, "gu");
  text = names (found);
  g_assert_cmpstr (text, ==, "Guzmán Ortega,Gutiérrez,Guzman");
  g_free (text);
  g_assert_cmpuint (told.calls, ==, 1);
  g_assert_cmpuint (told.position, ==, 3);
  g_assert_cmpuint (told.removed, ==, 1);
  g_assert_cmpuint (told.added, ==, 0);
  g_assert_cmpuint (told.notified, ==, 0);   /* the first slot kept its family */

  /* accents and case ignored, each word starts a word of the name or number */
  hw_found_cases_set_search (found, "GUZMAN");
  text = names (found);
  g_assert_cmpstr (text, ==, "Guzmán Ortega,Guzman");
  g_free (text);
  hw_found_cases_set_search (found, "  guzmán 00127 ");
  text = names (found);
  g_assert_cmpstr (text, ==, "Guzmán Ortega");
  g_free (text);
  g_assert_cmpstr (hw_found_cases_get_search (found), ==, "guzmán 00127");
  g_assert_cmpuint (hw_found_cases_find (found, 1), ==, 0);
  g_assert_cmpuint (hw_found_cases_find (found, 2), ==, G_MAXUINT);
  g_assert_null (hw_found_cases_get_record (found, 1));

  /* a number only */
  told.calls = 0;
  hw_found_cases_set_search (found, "00005");
  text = names (found);
  g_assert_cmpstr (text, ==, "Brown");
  g_free (text);
  g_assert_cmpuint (told.calls, ==, 0);      /* one family before, one now */
  g_assert_cmpuint (told.notified, ==, 1);   /* the first slot holds another */

  /* nothing found, then all again, in order */
  hw_found_cases_set_search (found, "brown 00127");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
  hw_found_cases_set_search (found, "");
  text = names (found);
  g_assert_cmpstr (text, ==, "Guzmán Ortega,Brown,Gutiérrez,Guzman");
  g_free (text);
  g_assert_cmpuint (told.position, ==, 0);
  g_assert_cmpuint (told.added, ==, 4);

  /* the families change: found again, with the search */
  hw_found_cases_set_search (found, "gut");
  add (cases, family (5, "Gutiérrez López", "FC-2025-00001"));
  text = names (found);
  g_assert_cmpstr (text, ==, "Gutiérrez,Gutiérrez López");
  g_free (text);
  g_list_store_remove (cases, 2);
  text = names (found);
  g_assert_cmpstr (text, ==, "Gutiérrez López");
  g_free (text);

  g_assert_true (hw_found_cases_matches (hw_found_cases_get_record (found, 0), "lop gut"));
  g_assert_false (hw_found_cases_matches (hw_found_cases_get_record (found, 0), "opez"));
}

/* Whether @record's words were folded for the search (the key kept on it) */
static gboolean
folded (HwRecord *record)
{
  return g_object_get_data (G_OBJECT (record), "hw-found-cases-key") != NULL;
}

/* The families' words are folded while the main loop is idle, a few
 * hundred at a time, after the list is made and again after it changes;
 * a search before that finds the same; the list let go before the main
 * loop runs leaves nothing behind. */
static void
test_folded_when_idle (void)
{
  g_autoptr(GListStore) cases = g_list_store_new (HW_TYPE_RECORD);
  g_autoptr(HwFoundCases) found = NULL;
  guint n_folded = 0, iterations = 0;

  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", i % 2 ? "Guzmán" : "Brown", i);

      add (cases, family (i + 1, name, ""));
    }
  found = hw_found_cases_new (G_LIST_MODEL (cases));
  {
    g_autoptr(HwRecord) last = g_list_model_get_item (G_LIST_MODEL (cases), 599);

    g_assert_false (folded (last));
  }
  /* one turn of the main loop folds some, not all */
  g_main_context_iteration (NULL, FALSE);
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(HwRecord) record = g_list_model_get_item (G_LIST_MODEL (cases), i);

      n_folded += folded (record);
    }
  g_assert_cmpuint (n_folded, >, 0);
  g_assert_cmpuint (n_folded, <, 600);
  /* a search half way finds them all */
  hw_found_cases_set_search (found, "guzman");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 300);
  while (g_main_context_iteration (NULL, FALSE))
    iterations++;
  g_assert_cmpuint (iterations, >=, 1);
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(HwRecord) record = g_list_model_get_item (G_LIST_MODEL (cases), i);

      g_assert_true (folded (record));
    }

  /* the families change (no search: a search would fold the new one at
   * once, to find it or not): the new one is folded when idle */
  hw_found_cases_set_search (found, "");
  add (cases, family (601, "Tremblay", ""));
  {
    g_autoptr(HwRecord) added = g_list_model_get_item (G_LIST_MODEL (cases), 600);

    g_assert_false (folded (added));
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_true (folded (added));
  }

  /* let go before the main loop runs: no folding after it is gone */
  add (cases, family (602, "Ortega", ""));
  g_clear_object (&found);
  g_assert_false (g_main_context_pending (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/found-cases/search", test_search);
  g_test_add_func ("/found-cases/folded-when-idle", test_folded_when_idle);
  return g_test_run ();
}

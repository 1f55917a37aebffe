/* fuzz-import-ics.c: libFuzzer harness for the iCalendar import of visits
 * (hw_visits_import_ics). Any input must give either a result or a GError;
 * never a crash, a sanitizer report or a half-written import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "homeward-fuzz"

#include "fuzz-common.h"
#include "hw-visits.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id;
  HwStore *store = fuzz_get_store (&case_id);
  gint64 before = hw_store_query_int (store, -1, "SELECT count(*) FROM visit_series", G_TYPE_INVALID);
  gint64 after;

  /* through a file, as the app and the CLI do: that path also refuses
   * binary data */
  if (!hw_visits_import_ics (store, case_id, fuzz_write_input (data, size), &error))
    {
      /* rejected: a message, and nothing written */
      g_assert (error != NULL);
      g_assert (error->message != NULL && error->message[0] != '\0');
      g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM visit_series", G_TYPE_INVALID), ==, before);
    }
  else
    {
      g_assert_no_error (error);
      after = hw_store_query_int (store, -1, "SELECT count(*) FROM visit_series", G_TYPE_INVALID);
      g_assert_cmpint (after, >=, before);
      /* keep the database small (and UIDs new): forget what was imported */
      if (after > before)
        g_assert (hw_store_undo (store, NULL));
    }
  g_assert (!hw_store_in_edit (store));
  return 0;
}

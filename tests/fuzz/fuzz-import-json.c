/* fuzz-import-json.c: libFuzzer harness for the JSON interchange import
 * (hw_interchange_import_data). Any input must give either a new case or a
 * GError; never a crash, a sanitizer report or a half-written import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "homeward-fuzz"

#include "fuzz-common.h"
#include "hw-interchange.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  HwStore *store = fuzz_get_store (NULL);
  gint64 before = hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID);
  gint64 case_id;

  case_id = hw_interchange_import_data (store, (const char *) data, (gssize) size, &error);
  if (case_id <= 0)
    {
      /* rejected: a message, and nothing written */
      g_assert (error != NULL);
      g_assert (error->message != NULL && error->message[0] != '\0');
      g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID), ==, before);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID), ==, before + 1);
      /* keep the database small: forget what was imported */
      g_assert (hw_store_undo (store, NULL));
    }
  g_assert (!hw_store_in_edit (store));
  return 0;
}

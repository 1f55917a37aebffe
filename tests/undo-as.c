/* undo-as.c: one edit, undo or redo through the store, signed in as
 * whoever the database address names, for the shell tests on a server
 * (tests/test-roles-pg.sh: the undo journal's row-level security).
 *
 *   undo-as DATABASE set TABLE ID COLUMN TEXT   save TEXT into a row's column
 *   undo-as DATABASE undo                       undo one's newest step
 *   undo-as DATABASE redo                       redo it
 *   undo-as DATABASE open                       only open (which prunes
 *                                               the undo history)
 *
 * Prints what it did; on a refusal the store's message on stderr and exit
 * status 1 (2: wrong arguments).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "hw-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *label = NULL;
  const char *what;
  gboolean ok;

  if (argc < 3)
    {
      g_printerr ("usage: undo-as DATABASE set TABLE ID COLUMN TEXT | undo | redo | open\n");
      return 2;
    }
  what = argv[2];

  store = hw_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (what, "set") && argc == 7)
    {
      g_autoptr(HwRecord) record = NULL;
      gint64 id = g_ascii_strtoll (argv[4], NULL, 10);

      record = hw_store_get (store, argv[3], id, &error);
      ok = record != NULL;
      if (ok)
        {
          hw_record_set_string (record, argv[5], argv[6]);
          ok = hw_store_update (store, "Edit", record, &error);
        }
    }
  else if (g_str_equal (what, "undo") || g_str_equal (what, "redo"))
    {
      label = g_str_equal (what, "undo") ? hw_store_get_undo_label (store)
                                         : hw_store_get_redo_label (store);
      ok = g_str_equal (what, "undo") ? hw_store_undo (store, &error)
                                      : hw_store_redo (store, &error);
    }
  else if (g_str_equal (what, "open") && argc == 3)
    ok = TRUE;
  else
    {
      g_printerr ("undo-as: what is “%s”?\n", what);
      return 2;
    }

  if (!ok)
    {
      g_printerr ("%s\n", error ? error->message : "failed");
      return 1;
    }
  g_print ("%s %s%s%s\n", hw_store_get_author (store), what, label ? ": " : "", label ? label : "");
  return 0;
}

/* hw-history.h: the undo history is bounded, and the file gives back the
 * space it frees.
 *
 * The undo journal (hw_history + hw_undo_log, see hw-store.c) keeps the
 * last `undo-max-steps` edits (default 500) of at most `undo-max-days`
 * days (default 30); both are settings in the database, so the window and
 * the command line follow the same limits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_HISTORY_MAX_STEPS_KEY     "undo-max-steps"
#define HW_HISTORY_MAX_DAYS_KEY      "undo-max-days"
#define HW_HISTORY_DEFAULT_MAX_STEPS 500
#define HW_HISTORY_DEFAULT_MAX_DAYS  30
#define HW_HISTORY_MIN_STEPS         10
#define HW_HISTORY_MAX_STEPS         100000
#define HW_HISTORY_MIN_DAYS          1
#define HW_HISTORY_MAX_DAYS          3650

/* The limits in force (the defaults when unset or unreadable). */
guint     hw_history_get_max_steps   (HwStore  *store);
guint     hw_history_get_max_days    (HwStore  *store);
/* Stores a limit (clamped to the MIN/MAX above) and prunes at once. */
gboolean  hw_history_set_max_steps   (HwStore  *store,
                                      guint     steps,
                                      GError  **error);
gboolean  hw_history_set_max_days    (HwStore  *store,
                                      guint     days,
                                      GError  **error);

/**
 * hw_history_prune:
 * @store: a store, inside an edit or not
 * @force: prune as soon as a limit is passed; without it, the count may
 *   exceed the limit by a margin (a tenth) so that pruning, and the page
 *   freeing after it, happen once in a while rather than at every edit
 *
 * Drops the oldest undo steps beyond the limits (the bottom of the undo
 * stack) and the redo steps beyond them (the far end of the redo stack),
 * so that the steps kept still undo and redo in order, and deletes their
 * statements from hw_undo_log. Inside an edit it joins the edit's
 * transaction; outside it makes its own.
 *
 * Returns: FALSE with @error set if a statement failed (nothing changed)
 */
gboolean  hw_history_prune           (HwStore  *store,
                                      gboolean  force,
                                      GError  **error);

/**
 * hw_history_compact_step:
 * @first_seq: the first statement of the edit being committed
 * @last_seq: its last statement
 *
 * Inside the edit, before its step is filed: drops the undo statements
 * that restore the old values of a row this same edit inserted earlier
 * (an import inserts rows and then points them at each other). Undoing
 * the step deletes that row anyway, so they only took room: about half
 * of an import's journal. Rows of tables with a UNIQUE constraint keep
 * them, since there the order of the restored values can matter.
 */
gboolean  hw_history_compact_step    (HwStore  *store,
                                      gint64    first_seq,
                                      gint64    last_seq,
                                      GError  **error);

/**
 * hw_history_after_open:
 *
 * To call right after hw_store_open(), before any edit. Once per file it
 * switches the database to incremental auto-vacuum (a VACUUM, which needs
 * no open transaction; a file too busy for it is left for the next open).
 * Then it prunes the history to the limits, deletes journal statements
 * that belong to no step, and gives the freed pages back to the file
 * system. Failing to tidy never stops the database from opening: errors
 * here are only logged.
 */
void      hw_history_after_open      (HwStore  *store);

/* Gives free pages back to the file system: `PRAGMA incremental_vacuum`
 * when the file is in incremental auto-vacuum, else nothing. Outside an
 * edit. */
gboolean  hw_history_free_pages      (HwStore  *store,
                                      GError  **error);

G_END_DECLS

/* hw-test-meeting-view.h: the meeting editor on the sample family's latest
 * meeting, in a window, for the tests of the editor (header-only, static;
 * include it after the headers it names).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-meeting-later.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-view.h"
#include "hw-test-store.h"

typedef struct {
  char      *dir;
  HwStore   *store;
  gint64     case_id;
  gint64     meeting;
  GtkWidget *window;
  GtkWidget *view;
} Fixture;

static inline void
spin (void)
{
  /* the rows' writes wait for an idle, the focus for a later one */
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The widget named "@what-@id" in the editor (see hw_meeting_find_named). */
static inline GtkWidget *
find_name (Fixture    *f,
           const char *what,
           gint64      id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, what, id);

  return hw_meeting_find_named (f->view, name);
}

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HwRecordList) meetings = NULL;
  g_autoptr(HwRecord) latest = NULL;

  f->store = hw_test_store_new_demo ("hw-meeting-view-XXXXXX", &f->dir, &f->case_id);
  meetings = hw_meetings_list_new (f->store, f->case_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (meetings)), >, 0);
  latest = g_list_model_get_item (G_LIST_MODEL (meetings), 0);
  f->meeting = hw_record_get_id (latest);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  f->view = hw_meeting_view_new (f->store, f->case_id);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  spin ();
  /* the most recent meeting is open */
  g_assert_cmpint (hw_meeting_view_get_meeting (HW_MEETING_VIEW (f->view)), ==, f->meeting);
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_assert_null (f->view);
  /* no row, section or list kept the store */
  hw_test_store_free (f->store, f->dir);
}

/* bench-plan.c: how long a 10-page safety plan with the support network
 * figure takes to build, paginate and write as PDF (target: < 100 ms).
 * Prints figures; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>

#include "hw-plan-document.h"

/* Something like an ecomap: a household circle, 16 nodes and their ties,
 * with labels, so the figure costs what a real one would. */
static void
draw_network_cb (cairo_t *cr,
                 double   w,
                 double   h,
                 gpointer user_data)
{
  double cx = w / 2, cy = h / 2, r = MIN (w, h) * 0.38;

  cairo_set_line_width (cr, 1.5);
  for (int i = 0; i < 16; i++)
    {
      double a = 2 * G_PI * i / 16;
      double x = cx + r * cos (a), y = cy + r * sin (a);

      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
      if (i % 3 == 0)
        cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, x, y, 18, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.85, 0.9, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_stroke (cr);
      cairo_move_to (cr, x - 14, y + 3);
      cairo_show_text (cr, "Node");
    }
  cairo_arc (cr, cx, cy, 40, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static JsonNode *
make_snapshot (guint n_rules)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *sections[] = { "danger", "safety-goal", "trigger", "if-not-followed", "emergency", "child-version" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format"); json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "kind"); json_builder_add_string_value (b, "safety");
  json_builder_set_member_name (b, "case");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "family_name"); json_builder_add_string_value (b, "Morales");
  json_builder_set_member_name (b, "case_number"); json_builder_add_string_value (b, "FC-2026-0142");
  json_builder_set_member_name (b, "primary_language"); json_builder_add_string_value (b, "en");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "plan");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "review_date"); json_builder_add_string_value (b, "2027-03-01");
  json_builder_end_object (b);

  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  for (int i = 1; i <= 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person Number%d", i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id"); json_builder_add_int_value (b, i);
      json_builder_set_member_name (b, "name"); json_builder_add_string_value (b, name);
      json_builder_set_member_name (b, "role"); json_builder_add_string_value (b, i == 1 ? "mother" : "relative");
      json_builder_set_member_name (b, "relationship"); json_builder_add_string_value (b, "Relative");
      json_builder_set_member_name (b, "phone"); json_builder_add_string_value (b, "(555) 201-0000");
      json_builder_set_member_name (b, "address"); json_builder_add_string_value (b, "12 Birch Street, Riverside");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_rules; i++)
    {
      g_autofree char *text = g_strdup_printf ("Rule %u: if the children cannot get to school, the person named "
                                               "here takes them, and tells the caseworker the same day so the "
                                               "team knows how the plan is working.", i + 1);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "section"); json_builder_add_string_value (b, "rule");
      json_builder_set_member_name (b, "text"); json_builder_add_string_value (b, text);
      json_builder_set_member_name (b, "who_person_id"); json_builder_add_int_value (b, 1 + i % 8);
      json_builder_set_member_name (b, "when_text"); json_builder_add_string_value (b, "School mornings");
      json_builder_set_member_name (b, "how_often"); json_builder_add_string_value (b, "Every day");
      json_builder_set_member_name (b, "how_checked"); json_builder_add_string_value (b, "The school tells the caseworker");
      json_builder_end_object (b);
    }
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    for (int i = 0; i < 4; i++)
      {
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "section"); json_builder_add_string_value (b, sections[s]);
        json_builder_set_member_name (b, "text");
        json_builder_add_string_value (b, "A sentence or two written with the family, in their own words, "
                                          "about what must happen to keep the children safe.");
        json_builder_set_member_name (b, "phone"); json_builder_add_string_value (b, "911");
        json_builder_end_object (b);
      }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  g_autoptr(JsonNode) snapshot = NULL;
  HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  const int runs = 15;
  double times[15];
  guint n_pages = 0, n_rules = 10;
  gsize bytes = 0;
  double first = 0;
  double layout_ms = 0;

  /* find the number of rules that makes 10 pages */
  for (;;)
    {
      g_autoptr(JsonNode) s = make_snapshot (n_rules);
      g_autoptr(HwDocument) doc = hw_plan_document_new (s, &family, "en", draw_network_cb, NULL, NULL, NULL);

      n_pages = hw_document_get_n_pages (doc);
      if (n_pages >= 10)
        break;
      n_rules += 5;
    }
  snapshot = make_snapshot (n_rules);

  for (int r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(HwDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      doc = hw_plan_document_new (snapshot, &family, "en", draw_network_cb, NULL, NULL, &error);
      if (doc != NULL)
        {
          gint64 t0 = g_get_monotonic_time ();

          hw_document_get_n_pages (doc);
          layout_ms += (g_get_monotonic_time () - t0) / 1000.0;
        }
      if (doc == NULL || !hw_document_write_pdf (doc, out, &error))
        g_error ("export failed: %s", error ? error->message : "?");
      g_output_stream_close (out, NULL, NULL);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (r == 0)
        first = times[r];
      n_pages = hw_document_get_n_pages (doc);
      bytes = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
    }
  qsort (times, runs, sizeof times[0], compare_double);

  g_print ("plan export: %u pages (%u rules + figure), %" G_GSIZE_FORMAT " bytes of PDF\n",
           n_pages, n_rules, bytes);
  g_print ("  first run %.1f ms (fonts loaded), median %.1f ms, best %.1f ms, worst %.1f ms"
           " (target < 100 ms)\n",
           first, times[runs / 2], times[0], times[runs - 1]);
  g_print ("  of which layout and pagination: %.1f ms on average\n", layout_ms / runs);
  return 0;
}

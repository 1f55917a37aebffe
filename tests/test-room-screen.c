/* test-room-screen.c: the room's screen shows each step's content, whole.
 *
 * Every step of both sample meetings is drawn at 1920x1080 into a PDF, the
 * way the presentation window draws it, and read back with pdftotext:
 * the items of the box being worked on are on the screen, or counted in
 * its "+N more" / "+N earlier" line, and each one that is on the screen
 * shows its detail line whole (who, and the due date to the day; whether
 * everyone agreed). The Decisions step shows the decisions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib.h>

#include "hw-enums.h"
#include "hw-language.h"
#include "hw-meeting.h"
#include "hw-meeting-render.h"
#include "hw-record.h"
#include "hw-test-pdf.h"
#include "hw-test-store.h"

/* pdftotext's lines joined by single spaces, so wrapped text reads whole */
/* A wide screen and an old 4:3 projector */
static const struct { double w, h; } sizes[] = { { 1920, 1080 }, { 1024, 768 } };

/* The room's screen drawn at @size into the PDF @pdf; *@n_cut: what the
 * renderer cut short that must show whole */
static void
screen_pdf (const HwPresentation *p,
            const char           *pdf,
            guint                 size,
            guint                *n_cut)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, sizes[size].w, sizes[size].h);
  cairo_t *cr = cairo_create (surface);

  *n_cut = hw_meeting_render_presentation_checked (cr, p, sizes[size].w, sizes[size].h);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static char *
screen_text (const HwPresentation *p,
             const char           *dir,
             guint                 size,
             guint                *n_cut)
{
  g_autofree char *pdf = g_build_filename (dir, "screen.pdf", NULL);
  g_autofree char *raw = NULL;
  g_auto(GStrv) words = NULL;

  screen_pdf (p, pdf, size, n_cut);
  {
    /* -raw: in the order drawn, so each column's text stays together */
    const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
    int status;

    raw = hw_test_run (argv, &status);
    g_assert_cmpint (status, ==, 0);
  }
  g_unlink (pdf);
  words = g_regex_split_simple ("\\s+", raw, 0, 0);
  return g_strstrip (g_strjoinv (" ", words));
}

/* The number in "+N more" or "+N earlier", or 0 */
static guint
hidden_count (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("\\+([0-9]+) (more|earlier)", 0, 0, NULL);
  guint n = 0;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);

      n += (guint) g_ascii_strtoull (digits, NULL, 10);
      g_match_info_next (match, NULL);
    }
  return n;
}

/* The beginning of @text as it reads on screen: up to 24 characters, at a
 * word boundary, spaces normalised. */
static char *
prefix (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && out->len < 24; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static const char * const column_titles[] = { "Working well", "Worries", "Next steps", NULL };

/* The box the step works on: its own list, or the column of its kind
 * (*@column: its index in column_titles, else -1) */
static GPtrArray *
box_items (const HwPresentation *p,
           int                  *column)
{
  *column = -1;
  if (g_strcmp0 (p->phase, "strengths") == 0)
    return *column = 0, p->strengths;
  if (g_strcmp0 (p->phase, "worries") == 0 || g_strcmp0 (p->phase, "complicating") == 0)
    return *column = 1, p->worries;
  if (g_strcmp0 (p->phase, "safety-goals") == 0 || g_strcmp0 (p->phase, "actions") == 0)
    return *column = 2, p->next_steps;
  return p->phase_items;
}

/* The text of column @column: from its title to the next one */
static char *
column_text (const char *text,
             int         column)
{
  /* the last one: the step's title may say "Next steps" too */
  const char *start = g_strrstr (text, column_titles[column]);
  const char *end = NULL;

  g_assert_nonnull (start);
  if (column_titles[column + 1] != NULL)
    end = strstr (start, column_titles[column + 1]);
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

static void
check_meeting (HwStore    *store,
               gint64      meeting_id,
               const char *dir,
               guint       size,
               guint      *n_decisions)
{
  const HwChoice *phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, NULL);

  for (guint i = 0; phases[i].id != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HwPresentation) p = NULL;
      g_autofree char *text = NULL;
      GPtrArray *items;
      guint shown = 0, n_cut = 0;
      int column;

      if (g_strcmp0 (phases[i].id, "scaling") == 0)
        continue;   /* statements and scores: test-meeting's scaling tests */
      g_assert_true (hw_meeting_set_phase (store, meeting_id, phases[i].id, &error));
      g_assert_no_error (error);
      p = hw_meeting_presentation (store, meeting_id, &error);
      g_assert_no_error (error);
      text = screen_text (p, dir, size, &n_cut);
      /* pdftotext reads a text cut short with "…" whole (the PDF keeps the
       * whole text for search), so the renderer counts what it cut */
      if (n_cut > 0)
        g_error ("%gx%g, meeting %" G_GINT64_FORMAT ", step %s: %u due dates or agreements cut "
                 "short", sizes[size].w, sizes[size].h, meeting_id, phases[i].id, n_cut);
      /* HW_ROOM_SCREEN_PNG_DIR=DIR keeps a picture of each step, to look at */
      if (g_getenv ("HW_ROOM_SCREEN_PNG_DIR") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%dx%d-%" G_GINT64_FORMAT "-%02u-%s.png",
                                                   (int) sizes[size].w, (int) sizes[size].h,
                                                   meeting_id, i + 1, phases[i].id);
          g_autofree char *png = g_build_filename (g_getenv ("HW_ROOM_SCREEN_PNG_DIR"), name, NULL);

          g_assert_true (hw_meeting_render_png (p, (int) sizes[size].w, (int) sizes[size].h, png, NULL));
        }
      items = box_items (p, &column);
      if (column >= 0)
        {
          char *whole = text;

          text = column_text (whole, column);
          g_free (whole);
        }

      for (guint k = 0; k < items->len; k++)
        {
          HwPresentationItem *item = g_ptr_array_index (items, k);
          g_autofree char *start = prefix (item->text);

          if (strstr (text, start) == NULL)
            continue;
          shown++;
          for (guint d = 0; d < 2; d++)
            {
              const char *line = d == 0 ? item->detail : item->due;

              if (line == NULL || *line == '\0')
                continue;
              {
              g_auto(GStrv) parts = g_regex_split_simple ("\\s+", line, 0, 0);
              g_autofree char *whole = g_strjoinv (" ", parts);

              if (strstr (text, whole) == NULL)
                g_error ("%gx%g, meeting %" G_GINT64_FORMAT ", step %s: the detail “%s” of “%s” is "
                         "not whole on the screen:\n%s", sizes[size].w, sizes[size].h, meeting_id,
                         phases[i].id, line, start, text);
              }
            }
          if (g_strcmp0 (phases[i].id, "decisions") == 0)
            (*n_decisions)++;
        }
      if (shown + hidden_count (text) != items->len)
        g_error ("%gx%g, meeting %" G_GINT64_FORMAT ", step %s: %u of %u items on the screen, "
                 "%u counted as more:\n%s", sizes[size].w, sizes[size].h, meeting_id, phases[i].id,
                 shown, items->len, hidden_count (text), text);
      if (g_strcmp0 (phases[i].id, "decisions") == 0)
        g_assert_cmpuint (shown, >, 0);
    }
}

static void
test_room_screen_every_step (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  guint n_decisions = 0;
  HwStore *store;
  gint64 case_id;

  store = hw_test_store_new_demo ("hw-room-screen-XXXXXX", &dir, &case_id);
  meetings = hw_store_select (store, "meetings", &error, "SELECT id FROM meetings WHERE case_id = ?",
                              G_TYPE_INT64, case_id, G_TYPE_INVALID);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >=, 2);

  /* a next step for someone with a long name: the due date still shows
   * to the day, on a line of its own if need be */
  {
    g_autoptr(HwRecord) person = hw_record_new ("people");
    gint64 meeting_id = hw_record_get_id (g_ptr_array_index (meetings, 0));
    gint64 person_id;

    hw_record_set_int (person, "case_id", case_id);
    hw_record_set_string (person, "name", "María Fernanda Gutiérrez de la Torre y Villanueva");
    hw_record_set_string (person, "role", "relative");
    person_id = hw_store_insert (store, "Add person", person, &error);
    g_assert_no_error (error);
    g_assert_cmpint (hw_meeting_add_action (store, meeting_id, "Drive the children to school.",
                                            person_id, 0, "2026-12-24", &error), >, 0);
    g_assert_no_error (error);
  }
  for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
    {
      n_decisions = 0;
      for (guint m = 0; m < meetings->len; m++)
        check_meeting (store, hw_record_get_id (g_ptr_array_index (meetings, m)), dir, size,
                       &n_decisions);
      /* the sample's meetings agreed three things between them */
      g_assert_cmpuint (n_decisions, ==, 3);
    }

  g_clear_pointer (&meetings, g_ptr_array_unref);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

/* The sample's most recent meeting, at step @phase */
static gint64
recent_meeting_at (HwStore    *store,
                   gint64      case_id,
                   const char *phase)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = hw_store_query_int (store, 0, "SELECT id FROM meetings WHERE case_id = ?"
                                          " ORDER BY starts_at DESC LIMIT 1",
                                          G_TYPE_INT64, case_id, G_TYPE_INVALID);

  g_assert_cmpint (meeting_id, >, 0);
  g_assert_true (hw_meeting_set_phase (store, meeting_id, phase, &error));
  g_assert_no_error (error);
  return meeting_id;
}

/* The scaling step of the sample's recent meeting, as the room sees it */
static char *
scaling_text (HwStore               *store,
              gint64                 meeting_id,
              const char            *dir,
              guint                  size,
              gboolean               revealed,
              HwPresentation       **out)
{
  g_autoptr(GError) error = NULL;
  guint n_cut = 0;
  char *text;

  g_assert_true (hw_meeting_set_scores_revealed (store, meeting_id, revealed, &error));
  g_assert_no_error (error);
  *out = hw_meeting_presentation (store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr ((*out)->phase, ==, "scaling");
  text = screen_text (*out, dir, size, &n_cut);
  /* HW_ROOM_SCREEN_PNG_DIR=DIR keeps a picture of each, to look at */
  if (g_getenv ("HW_ROOM_SCREEN_PNG_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%dx%d-scaling-%s.png", (int) sizes[size].w,
                                               (int) sizes[size].h,
                                               revealed ? "revealed" : "not-revealed");
      g_autofree char *png = g_build_filename (g_getenv ("HW_ROOM_SCREEN_PNG_DIR"), name, NULL);

      g_assert_true (hw_meeting_render_png (*out, (int) sizes[size].w, (int) sizes[size].h, png,
                                            NULL));
    }
  return text;
}

/* Scores given privately: before the facilitator reveals them the room's
 * screen shows only how many have scored each statement, never a number
 * or a name with it; after, everyone's score by name. */
static void
test_room_screen_scores_revealed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) number = g_regex_new ("(^|[^0-9])([0-9]+)([^0-9]|$)", 0, 0, NULL);
  HwStore *store;
  gint64 case_id, meeting_id;

  store = hw_test_store_new_demo ("hw-room-screen-XXXXXX", &dir, &case_id);
  /* the sample's recent meeting: three statements, scored by name */
  meeting_id = recent_meeting_at (store, case_id, "scaling");

  for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
    {
      g_autoptr(HwPresentation) shown = NULL;
      g_autoptr(HwPresentation) hidden = NULL;
      g_autofree char *after = scaling_text (store, meeting_id, dir, size, TRUE, &shown);
      g_autofree char *before = scaling_text (store, meeting_id, dir, size, FALSE, &hidden);
      g_autoptr(GString) rest = g_string_new (before);
      HwPresentationScale *first;
      guint n_marks = 0;

      g_assert_cmpuint (shown->scales->len, >=, 1);
      g_assert_cmpuint (hidden->scales->len, ==, shown->scales->len);
      first = g_ptr_array_index (shown->scales, 0);
      g_assert_cmpuint (first->marks->len, >=, 2);

      /* revealed: the scores as before, each by its person's name */
      g_assert_null (strstr (after, "given their score"));
      g_assert_null (strstr (after, "Scores are shown when"));
      for (guint j = 0; j < first->marks->len; j++)
        {
          HwPresentationMark *m = g_ptr_array_index (first->marks, j);
          g_autofree char *mark = g_strdup_printf ("%s %d", m->label, m->score);

          if (strstr (after, mark) == NULL)
            g_error ("%gx%g: “%s” is not on the revealed screen:\n%s", sizes[size].w,
                     sizes[size].h, mark, after);
        }

      /* not revealed: each statement's count and the plain line */
      g_assert_nonnull (strstr (before, "Scores are shown when the facilitator reveals them"));
      for (guint i = 0; i < hidden->scales->len; i++)
        {
          HwPresentationScale *sc = g_ptr_array_index (hidden->scales, i);
          HwPresentationScale *sr = g_ptr_array_index (shown->scales, i);
          g_autofree char *count = NULL;

          /* the model itself holds no score and no scorer */
          g_assert_cmpuint (sc->marks->len, ==, 0);
          g_assert_cmpuint (sc->n_scored, ==, sr->marks->len);
          g_assert_cmpuint (sc->n_people, >=, sc->n_scored);
          n_marks += sr->marks->len;
          count = g_strdup_printf ("%u of %u have given their score", sc->n_scored, sc->n_people);
          if (i == 0 && strstr (before, count) == NULL)
            g_error ("%gx%g: “%s” is not on the screen:\n%s", sizes[size].w, sizes[size].h,
                     count, before);
          g_string_replace (rest, count, "", 0);
        }
      g_assert_cmpuint (n_marks, >, 0);
      /* no one's name... */
      for (guint i = 0; i < shown->scales->len; i++)
        {
          HwPresentationScale *sr = g_ptr_array_index (shown->scales, i);

          for (guint j = 0; j < sr->marks->len; j++)
            {
              HwPresentationMark *m = g_ptr_array_index (sr->marks, j);

              if (strstr (before, m->label) != NULL)
                g_error ("%gx%g: %s’s name is on the screen before the reveal:\n%s",
                         sizes[size].w, sizes[size].h, m->label, before);
            }
        }
      /* ...and no number but the date, the step's ("Step 4 of 9"), the
       * clock's and the 0 and 10 of the prompt: no score, no 0-10 line */
      {
        g_autofree char *step = g_strdup_printf ("%u of %u", hidden->phase_number,
                                                 hidden->n_phases);
        g_autoptr(GMatchInfo) match = NULL;
        g_autoptr(GRegex) clock = g_regex_new ("[0-9]+:[0-9]+(:[0-9]+)?", 0, 0, NULL);
        g_autofree char *no_clock = NULL;

        g_string_replace (rest, step, "", 0);
        g_string_replace (rest, hidden->when, "", 0);
        g_string_replace (rest, "from 0 to 10", "", 0);
        g_string_replace (rest, "10 = ", "", 0);
        g_string_replace (rest, "0 = ", "", 0);
        no_clock = g_regex_replace_literal (clock, rest->str, -1, 0, "", 0, NULL);
        if (g_regex_match (number, no_clock, 0, &match))
          g_error ("%gx%g: a number on the screen before the reveal:\n%s\n(left: %s)",
                   sizes[size].w, sizes[size].h, before, no_clock);
      }
    }

  hw_test_store_free (store, g_steal_pointer (&dir));
}

/* (element-type HwTestWord) The words of the screen drawn at @size,
 * where they are drawn: a text cut short keeps its words for search,
 * squeezed into the "…" */
static GPtrArray *
screen_words (const HwPresentation *p,
              const char           *dir,
              guint                 size,
              guint                *n_cut)
{
  g_autofree char *pdf = g_build_filename (dir, "words.pdf", NULL);
  GPtrArray *words;

  screen_pdf (p, pdf, size, n_cut);
  words = hw_test_pdf_words (pdf);
  g_unlink (pdf);
  g_assert_cmpuint (words->len, >, 0);
  return words;
}

/* The first word @text on the top line of the screen drawn at @size: the
 * top tenth of its 16:9 stage, centred on a 4:3 screen */
static const HwTestWord *
top_word (GPtrArray  *words,
          const char *text,
          guint       size)
{
  double s = MIN (sizes[size].w / 1920, sizes[size].h / 1080);
  double top = (sizes[size].h - 1080 * s) / 2;

  for (guint i = 0; i < words->len; i++)
    {
      const HwTestWord *w = g_ptr_array_index (words, i);

      if (w->y1 > top && w->y1 < top + 108 * s && g_str_equal (w->text, text))
        return w;
    }
  return NULL;
}

/* The top line names the meeting and its day. When the name is long (as
 * "Después de volver a casa (revisión después de la reunificación)" is),
 * the name is cut short, never the day: every word of the day shows at
 * the size of its letters (a word cut short is squeezed into its "…":
 * "10:00" drawn "1…" is under a third of the line's height a letter),
 * left of "Step 1 of 9". */
static void
test_room_screen_day_whole (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  const HwChoice *kinds = hw_choices_get (HW_CHOICES_MEETING_KIND, NULL);
  /* and the first word of "Step 1 of 9" in each */
  const struct { const char *id, *step; } languages[] = { { "en", "Step" }, { "es", "Paso" } };
  HwStore *store;
  gint64 case_id, meeting_id;

  store = hw_test_store_new_demo ("hw-room-screen-XXXXXX", &dir, &case_id);
  meeting_id = recent_meeting_at (store, case_id, "welcome");

  for (guint k = 0; kinds[k].id != NULL; k++)
    {
      g_autoptr(HwRecord) change = hw_record_new ("meetings");

      hw_record_set_id (change, meeting_id);
      hw_record_set_string (change, "kind", kinds[k].id);
      g_assert_true (hw_meeting_update (store, change, &error));
      g_assert_no_error (error);
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
          {
            g_autoptr(HwLanguageSwitch) sw = hw_language_push (languages[l].id);
            g_autoptr(HwPresentation) p = hw_meeting_presentation (store, meeting_id, &error);
            g_autoptr(GPtrArray) words = NULL;
            g_auto(GStrv) day = NULL;
            g_auto(GStrv) title = NULL;
            const HwTestWord *step_word, *title_word;
            guint n_cut = 0;

            g_assert_no_error (error);
            g_assert_nonnull (p->when);
            words = screen_words (p, dir, size, &n_cut);
            g_assert_cmpuint (n_cut, ==, 0);
            step_word = top_word (words, languages[l].step, size);
            g_assert_nonnull (step_word);
            /* the name begins the line, in full-size letters */
            title = g_strsplit (p->meeting_title, " ", -1);
            title_word = top_word (words, title[0], size);
            g_assert_nonnull (title_word);
            g_assert_cmpfloat (title_word->x2 - title_word->x1, >=,
                               0.3 * (title_word->y2 - title_word->y1) * g_utf8_strlen (title[0], -1));
            /* the day whole: each word its letters wide, before the step */
            day = g_strsplit (p->when, " ", -1);
            for (guint i = 0; day[i] != NULL; i++)
              {
                const HwTestWord *w = top_word (words, day[i], size);

                if (w == NULL || w->x2 - w->x1 < 0.3 * (w->y2 - w->y1) * g_utf8_strlen (day[i], -1) ||
                    w->x2 > step_word->x1)
                  g_error ("%s, %s, %gx%g: “%s” of “%s” is not whole on the top line (%s)",
                           kinds[k].id, languages[l].id, sizes[size].w, sizes[size].h, day[i], p->when,
                           w == NULL ? "missing" : "squeezed or under the step");
              }
            if (g_getenv ("HW_ROOM_SCREEN_PNG_DIR") != NULL)
              {
                g_autofree char *name = g_strdup_printf ("%dx%d-day-%s-%s.png", (int) sizes[size].w,
                                                         (int) sizes[size].h, kinds[k].id, languages[l].id);
                g_autofree char *png = g_build_filename (g_getenv ("HW_ROOM_SCREEN_PNG_DIR"), name, NULL);

                g_assert_true (hw_meeting_render_png (p, (int) sizes[size].w, (int) sizes[size].h, png, NULL));
              }
          }
    }

  hw_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/room-screen/every-step", test_room_screen_every_step);
  g_test_add_func ("/room-screen/scores-revealed", test_room_screen_scores_revealed);
  g_test_add_func ("/room-screen/day-whole", test_room_screen_day_whole);
  return g_test_run ();
}

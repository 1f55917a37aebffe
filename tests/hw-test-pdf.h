/* hw-test-pdf.h: helpers for tests that check PDF files with the real
 * validators from poppler-utils and qpdf (header-only, static).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

/* Runs @argv; returns its stdout (stderr is appended on failure). */
static inline char *
hw_test_run (const char * const *argv,
             int                *exit_status)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  int status = -1;

  if (program == NULL)
    g_error ("%s is needed by this test (Debian: poppler-utils, qpdf)", argv[0]);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  if (exit_status != NULL)
    *exit_status = g_spawn_check_wait_status (status, NULL) ? 0 : 1;
  return g_strconcat (out, err, NULL);
}

static inline char *
hw_test_pdftotext (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status;
  char *text = hw_test_run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return text;
}

/* qpdf --check passes, every font is embedded, the file is tagged (if
 * @tagged) and has @n_pages pages (0 = any). */
static inline void
hw_test_assert_pdf (const char *pdf,
                    guint       n_pages,
                    gboolean    tagged)
{
  const char *qpdf[] = { "qpdf", "--check", pdf, NULL };
  const char *fonts[] = { "pdffonts", pdf, NULL };
  const char *info[] = { "pdfinfo", pdf, NULL };
  g_autofree char *q = NULL;
  g_autofree char *f = NULL;
  g_autofree char *i = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  q = hw_test_run (qpdf, &status);
  if (status != 0)
    g_error ("qpdf --check failed on %s:\n%s", pdf, q);
  g_assert_nonnull (strstr (q, "No syntax or stream encoding errors"));

  f = hw_test_run (fonts, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (f, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);   /* at least one font */
  for (guint l = 2; lines[l] != NULL; l++)
    {
      g_auto(GStrv) cols = NULL;
      guint n = 0;

      if (*lines[l] == '\0')
        continue;
      /* name type encoding emb sub uni object ID: "emb" is the 5th column
       * from the end */
      cols = g_strsplit_set (lines[l], " ", -1);
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        for (guint c = 0; cols[c] != NULL; c++)
          if (*cols[c] != '\0')
            g_ptr_array_add (words, cols[c]);
        n = words->len;
        g_assert_cmpuint (n, >=, 6);
        if (g_strcmp0 (g_ptr_array_index (words, n - 5), "yes") != 0)
          g_error ("font not embedded in %s: %s", pdf, lines[l]);
      }
    }

  i = hw_test_run (info, &status);
  g_assert_cmpint (status, ==, 0);
  if (tagged && !g_regex_match_simple ("^Tagged: +yes$", i, G_REGEX_MULTILINE, 0))
    g_error ("%s is not tagged:\n%s", pdf, i);
  if (n_pages > 0)
    {
      g_autofree char *want = g_strdup_printf ("^Pages: +%u$", n_pages);

      if (!g_regex_match_simple (want, i, G_REGEX_MULTILINE, 0))
        g_error ("%s: expected %u pages:\n%s", pdf, n_pages, i);
    }
}

static inline void
hw_test_assert_valid_pdf (const char *pdf,
                          guint       n_pages)
{
  hw_test_assert_pdf (pdf, n_pages, TRUE);
}

static inline guint
hw_test_count (const char *haystack,
               const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Words of a PDF with their boxes (pdftotext -bbox) ---------------------- */

/* pdftotext's word boxes are the font's ascent + descent: 1.163 em for
 * DejaVu Sans, the font Homeward's documents are set in (8 pt: 9.30) */
#define HW_TEST_BOX_PER_POINT 1.163

typedef struct {
  guint  page;      /* 1-based */
  double x1, y1, x2, y2;
  char  *text;
} HwTestWord;

static inline void
hw_test_word_free (gpointer data)
{
  HwTestWord *w = data;

  g_free (w->text);
  g_free (w);
}

static inline double
hw_test_bbox_attribute (const char *line,
                        const char *name)
{
  const char *at = strstr (line, name);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (name), NULL);
}

/* (transfer full) (element-type HwTestWord): every word of @pdf in order */
static inline GPtrArray *
hw_test_pdf_words (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func (hw_test_word_free);
  int status;
  guint page = 0;

  out = hw_test_run (argv, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *start, *end;
      HwTestWord *w;

      if (strstr (lines[i], "<page ") != NULL)
        page++;
      if (strstr (lines[i], "<word ") == NULL)
        continue;
      start = strchr (lines[i], '>');
      end = strstr (lines[i], "</word>");
      g_assert_true (start != NULL && end != NULL);
      w = g_new0 (HwTestWord, 1);
      w->page = page;
      w->x1 = hw_test_bbox_attribute (lines[i], "xMin=\"");
      w->y1 = hw_test_bbox_attribute (lines[i], "yMin=\"");
      w->x2 = hw_test_bbox_attribute (lines[i], "xMax=\"");
      w->y2 = hw_test_bbox_attribute (lines[i], "yMax=\"");
      w->text = g_strndup (start + 1, end - start - 1);
      g_ptr_array_add (words, w);
    }
  return words;
}

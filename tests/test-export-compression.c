/* test-export-compression.c: Homeward's PDFs are compressed at zlib level
 * HW_EXPORT_DEFLATE_LEVEL, through hw-export.c's deflateInit_ (), and
 * nothing else's zlib level changes.
 *
 * A zlib stream's second byte tells its level (RFC 1950, FLEVEL): 0x01
 * for level 1, 0x5e for 2 to 5, 0x9c for 6 (the default), 0xda for 7 to 9.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem: compressed streams hold NUL bytes */
#include <string.h>
#include <zlib.h>

#include "hw-document.h"
#include "hw-ecomap-render.h"
#include "hw-export.h"
#include "hw-test-pdf.h"

static char *tmpdir;

/* the second byte of a zlib stream that @level writes */
static guint8
level_byte (int level)
{
  if (level == 1)
    return 0x01;
  if (level >= 2 && level <= 5)
    return 0x5e;
  if (level == 6 || level == Z_DEFAULT_COMPRESSION)
    return 0x9c;
  return 0xda;
}

/* Each /FlateDecode stream of the PDF at @path: its first two bytes must
 * be a zlib header for HW_EXPORT_DEFLATE_LEVEL, and the whole stream must
 * inflate to its end. Returns how many there were. */
static guint
check_streams (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (const char *p = data; (p = memmem (p, data + length - p, "/FlateDecode", 12)) != NULL; )
    {
      const char *stream = memmem (p, data + length - p, "stream", 6);
      const guint8 *bytes;
      g_autofree guint8 *out = g_malloc (1 << 16);
      z_stream z = { 0 };
      int status;

      g_assert_nonnull (stream);
      stream += strlen ("stream");
      if (*stream == '\r')
        stream++;
      g_assert_cmpint (*stream, ==, '\n');
      bytes = (const guint8 *) stream + 1;
      g_assert_cmphex (bytes[0], ==, 0x78);
      if (bytes[1] != level_byte (HW_EXPORT_DEFLATE_LEVEL))
        g_error ("%s: a stream at %td was compressed at another level (header 78 %02x)",
                 path, (const char *) bytes - data, bytes[1]);

      g_assert_cmpint (inflateInit (&z), ==, Z_OK);
      z.next_in = (Bytef *) bytes;
      z.avail_in = (uInt) (data + length - (const char *) bytes);
      do
        {
          z.next_out = out;
          z.avail_out = 1 << 16;
          status = inflate (&z, Z_NO_FLUSH);
        }
      while (status == Z_OK);
      g_assert_cmpint (status, ==, Z_STREAM_END);
      inflateEnd (&z);

      n++;
      p = (const char *) bytes;
    }
  return n;
}

static HwEcomapMap *
small_map (void)
{
  HwEcomapMap *map = hw_ecomap_map_new ();

  map->title = g_strdup ("Ecomap: Delgado family");
  map->household_id = 1;
  map->household_label = g_strdup ("Delgado household");
  hw_ecomap_map_add_member (map, "Ana Delgado");
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person number %u", i);

      hw_ecomap_map_add_node (map, 10 + i, i % 3 == 0 ? HW_ECOMAP_NODE_ORGANISATION
                                                      : HW_ECOMAP_NODE_PERSON,
                              (HwEcomapCategory) (i % HW_ECOMAP_N_CATEGORIES), name);
      hw_ecomap_map_add_tie (map, 100 + i, 1, 10 + i, (HwTieStrength) (i % 4), i % 5 == 0,
                             (HwTieFlow) (i % 4));
    }
  hw_ecomap_map_layout (map);
  return map;
}

/* The ecomap's PDF: its page and its fonts */
static void
test_ecomap_pdf (void)
{
  g_autoptr(HwEcomapMap) map = small_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "ecomap.pdf", NULL);

  g_assert_true (hw_ecomap_map_export (map, "pdf", "a4", path, &error));
  g_assert_no_error (error);
  hw_test_assert_pdf (path, 1, FALSE);
  /* the page, and at least one font's subset */
  g_assert_cmpuint (check_streams (path), >=, 2);
}

/* A document (the safety plan's kind): pages, fonts and structure */
static void
test_document_pdf (void)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "document.pdf", NULL);

  hw_document_add_heading (doc, 1, "Safety plan");
  for (guint i = 0; i < 80; i++)
    hw_document_add_paragraph (doc, "Ana will call her sister every evening, and the "
                                     "caseworker on Mondays.");
  g_assert_true (hw_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  hw_test_assert_valid_pdf (path, 0);
  g_assert_cmpuint (check_streams (path), >=, 3);
}

/* the level of a stream deflateInit () (@init2: deflateInit2 ()) writes
 * for @level, checked to inflate back */
static guint8
written_level (int      level,
               gboolean init2)
{
  static const char text[] = "Ana will call her sister every evening. "
                             "Ana will call her sister every evening.";
  guint8 out[256], back[256];
  uLongf back_len = sizeof back;
  z_stream z = { 0 };

  if (init2)
    g_assert_cmpint (deflateInit2 (&z, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
                     ==, Z_OK);
  else
    g_assert_cmpint (deflateInit (&z, level), ==, Z_OK);
  z.next_in = (Bytef *) text;
  z.avail_in = sizeof text;
  z.next_out = out;
  z.avail_out = sizeof out;
  g_assert_cmpint (deflate (&z, Z_FINISH), ==, Z_STREAM_END);
  g_assert_cmpint (uncompress (back, &back_len, out, z.total_out), ==, Z_OK);
  g_assert_cmpuint (back_len, ==, sizeof text);
  g_assert_cmpmem (back, back_len, text, sizeof text);
  deflateEnd (&z);
  return out[1];
}

/* Only "the default" through deflateInit () changes: a level asked for
 * by number, and deflateInit2 (), are zlib's own. */
static void
test_levels_kept (void)
{
  g_assert_cmphex (written_level (Z_DEFAULT_COMPRESSION, FALSE), ==,
                   level_byte (HW_EXPORT_DEFLATE_LEVEL));
  for (int level = 1; level <= 9; level++)
    g_assert_cmphex (written_level (level, FALSE), ==, level_byte (level));
  g_assert_cmphex (written_level (Z_DEFAULT_COMPRESSION, TRUE), ==, 0x9c);
  g_assert_cmphex (written_level (9, TRUE), ==, 0xda);
  /* no compression at all is kept too (its header says "fastest") */
  g_assert_cmphex (written_level (0, FALSE), ==, 0x01);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("hw-test-export-compression-XXXXXX", NULL);

  g_test_add_func ("/export-compression/ecomap-pdf", test_ecomap_pdf);
  g_test_add_func ("/export-compression/document-pdf", test_document_pdf);
  g_test_add_func ("/export-compression/levels-kept", test_levels_kept);

  ret = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };
    g_free (hw_test_run (rm, NULL));
  }
  return ret;
}

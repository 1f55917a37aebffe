/* hw-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-export"

#include <string.h>
#include <zlib.h>

#include "hw-export.h"

/* How hard the PDFs Homeward writes are compressed.
 *
 * cairo 1.16 compresses each stream of a PDF (a page's drawing, a font)
 * with zlib at its default level, 6, through deflateInit (), and has no
 * way to ask for another. On a large ecomap that was half of the export:
 * 36 of the 72 ms of a 1,000-node page, most of it zlib looking for
 * longer repeats in the page's numbers. Level 1 finds fewer: the page
 * took 40 ms, and the file was 14% larger (255 KB instead of 224 KB).
 *
 * So this program has its own deflateInit_ (), the function zlib.h's
 * deflateInit () macro calls: a definition in the executable comes before
 * zlib's for every library it loads (the linker exports it, as libcairo
 * asks for it), so cairo's calls land here. It does what zlib's does,
 * with HW_EXPORT_DEFLATE_LEVEL for "the default"; a level asked for by
 * number is kept. Of the libraries Homeward loads, three call
 * deflateInit (): cairo; libtiff, for TIFF images, which Homeward never
 * writes; and GIO's GZlibCompressor in its zlib format, which Homeward
 * does not use (libpng, for PNG files, calls deflateInit2 (), which is
 * not this).
 * tests/test-export-compression.c checks that the PDFs come out at level
 * 1, that other levels are kept, and e2e-cli.py that the homeward command
 * line's do too. */
int
deflateInit_ (z_streamp   strm,
              int         level,
              const char *version,
              int         stream_size)
{
  if (level == Z_DEFAULT_COMPRESSION)
    level = HW_EXPORT_DEFLATE_LEVEL;
  /* zlib's own deflateInit_ (): its default window and memory level */
  return deflateInit2_ (strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                        version, stream_size);
}

void
hw_export_options_init (HwExportOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->recipient.kind = HW_RECIPIENT_AGENCY;
  opts->format = "pdf";
  opts->paper = "a4";
}

GFileOutputStream *
hw_export_create_file (const char  *path,
                       GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  /* G_FILE_CREATE_PRIVATE: 0600. g_file_replace writes a temporary file
   * and renames it over @path only on a successful close. */
  return g_file_replace (file, NULL, FALSE,
                         G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                         NULL, error);
}

cairo_status_t
hw_export_cairo_write (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  GOutputStream *stream = closure;

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
hw_export_write_file (const char  *path,
                      const char  *contents,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(GFileOutputStream) out = NULL;

  if (length < 0)
    length = strlen (contents);

  out = hw_export_create_file (path, error);
  if (out == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), contents, length, NULL, NULL, error))
    return FALSE;
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

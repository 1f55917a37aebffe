/* hw-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-export"

#include <string.h>

#include "hw-export.h"

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

/* hw-export.h: what every exporter of the core takes, and the one way to
 * create an output file (mode 0600, written to a temporary file and moved
 * into place only when complete, so a failed export never leaves half a
 * file or overwrites a good one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "hw-recipient.h"

G_BEGIN_DECLS

/* The zlib level of the streams in Homeward's PDFs (see hw-export.c) */
#define HW_EXPORT_DEFLATE_LEVEL 1

typedef struct {
  gint64       case_id;
  gint64       meeting_id;   /* --meeting, for the meeting summary */
  gint64       person_id;    /* --person, e.g. visits of one person */
  const char  *what;         /* case, ecomap, meeting, service-plan, visits,
                                safety-plan, reunification-plan, audit */
  const char  *format;       /* pdf, png, svg, json, csv, ics */
  const char  *output;       /* file path */
  HwRecipient  recipient;    /* who the copy is for (default: agency) */
  const char  *language;     /* "en", "es"; NULL = the case's language */
  const char  *paper;        /* "a4" or "letter"; NULL = a4 */
  gint64       version;      /* a frozen plan version to reprint; 0 = draft */
} HwExportOptions;

void              hw_export_options_init   (HwExportOptions *opts);

/* Creates @path privately (0600) via a temporary file; call
 * g_output_stream_close() to move it into place. */
GFileOutputStream *hw_export_create_file   (const char      *path,
                                            GError         **error);

/* A cairo_write_func_t that writes to the GOutputStream in @closure. */
cairo_status_t     hw_export_cairo_write   (void            *closure,
                                            const unsigned char *data,
                                            unsigned int     length);

/* Writes @contents to @path privately and atomically. */
gboolean           hw_export_write_file    (const char      *path,
                                            const char      *contents,
                                            gssize           length,
                                            GError         **error);

G_END_DECLS

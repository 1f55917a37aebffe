/* hw-interchange.h: one whole case as JSON (the interchange format).
 *
 * The format is documented in docs/interchange.md. Export writes every
 * row that belongs to the case; import checks the whole file first and
 * then writes it in one edit (all or nothing, undoable).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hw-export.h"
#include "hw-store.h"

G_BEGIN_DECLS

#define HW_INTERCHANGE_FORMAT  "homeward-case"
#define HW_INTERCHANGE_VERSION 1

#define HW_INTERCHANGE_ERROR (hw_interchange_error_quark ())

typedef enum {
  HW_INTERCHANGE_ERROR_SYNTAX,      /* not JSON */
  HW_INTERCHANGE_ERROR_FORMAT,      /* JSON, but not a Homeward case */
  HW_INTERCHANGE_ERROR_TOO_NEW,     /* made by a newer Homeward */
  HW_INTERCHANGE_ERROR_FIELD,       /* a field is missing or wrong */
  HW_INTERCHANGE_ERROR_RECIPIENT,   /* full case files are for the agency only */
} HwInterchangeError;

GQuark      hw_interchange_error_quark (void);

/* Returns: (transfer full): the case as a JSON tree, or NULL */
JsonNode   *hw_interchange_export_case (HwStore     *store,
                                        gint64       case_id,
                                        GError     **error);
/* Pretty-printed JSON text of hw_interchange_export_case() */
char       *hw_interchange_export_text (HwStore     *store,
                                        gint64       case_id,
                                        GError     **error);
/* `homeward export --what case --format json` */
gboolean    hw_interchange_export      (HwStore     *store,
                                        const HwExportOptions *opts,
                                        GError     **error);

/* Returns the id of the new case, or 0 with @error set and nothing written. */
gint64      hw_interchange_import_data (HwStore     *store,
                                        const char  *data,
                                        gssize       length,
                                        GError     **error);
/* The same, within the caller's edit when one is open (a failure then
 * leaves the edit to be rolled back by the caller); @id_map (out,
 * optional, transfer full): table -> (old id -> new id), gint64 keys and
 * values, the ids the file's rows were given. */
gint64      hw_interchange_import_mapped (HwStore     *store,
                                          const char  *data,
                                          gssize       length,
                                          GHashTable **id_map,
                                          GError     **error);
/* Gives back the file's ids in @export, an export of a case imported
 * with @id_map: each row's id and every reference (so that it compares
 * with the file whatever ids were free). */
void        hw_interchange_unmap_ids   (HwStore     *store,
                                        JsonNode    *export,
                                        GHashTable  *id_map);
gint64      hw_interchange_import_file (HwStore     *store,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS

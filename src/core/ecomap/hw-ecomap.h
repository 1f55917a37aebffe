/* hw-ecomap.h: a case's ecomap and support network in the store.
 *
 * Reads build the plain model of hw-ecomap-render.h for one recipient:
 * anyone withheld from that recipient is absent from it (node, name in
 * the household, ties). Every write is one undoable edit with a plain
 * label; called while an edit is already open, a write joins that edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hw-store.h"
#include "hw-recipient.h"
#include "hw-export.h"
#include "hw-ecomap-render.h"

G_BEGIN_DECLS

/* Reading ----------------------------------------------------------------- */

/**
 * hw_ecomap_load:
 * @recipient: (nullable): who will see it; NULL = the agency
 *
 * The case's current map, laid out, with title and subtitle
 * (date and "Copy for ..."). NULL with HW_STORE_ERROR_NOT_FOUND for an
 * unknown case.
 */
HwEcomapMap *hw_ecomap_load            (HwStore           *store,
                                        gint64             case_id,
                                        const HwRecipient *recipient,
                                        GError           **error);

/* The household node of the case, or 0 if it has none yet. */
gint64       hw_ecomap_household_node  (HwStore           *store,
                                        gint64             case_id);

/* The category a person's role or an organisation's kind suggests. */
const char  *hw_ecomap_category_for_role (const char      *person_role);
const char  *hw_ecomap_category_for_kind (const char      *org_kind);

/* Writing ----------------------------------------------------------------- */

/**
 * hw_ecomap_ensure_nodes:
 *
 * Gives the case a household node and a node to every person outside the
 * household and every organisation that has none yet. One edit ("Update
 * the ecomap") if anything was missing, none otherwise.
 */
gboolean     hw_ecomap_ensure_nodes    (HwStore           *store,
                                        gint64             case_id,
                                        GError           **error);

/* A new person (or organisation) of the case with its node, in one edit.
 * Returns the node id or 0. */
gint64       hw_ecomap_add_person      (HwStore           *store,
                                        gint64             case_id,
                                        const char        *name,
                                        const char        *category,
                                        GError           **error);
gint64       hw_ecomap_add_organisation (HwStore          *store,
                                        gint64             case_id,
                                        const char        *name,
                                        const char        *category,
                                        GError           **error);
/* Removes a node and its ties from the map (the person stays in the case). */
gboolean     hw_ecomap_delete_node     (HwStore           *store,
                                        gint64             node_id,
                                        GError           **error);
/**
 * hw_ecomap_delete_node_at:
 * @version: the node's version as shown (HwEcomapMapNode.version)
 * @shown: (nullable): the map as shown; NULL: its ties whatever they hold
 *
 * The same, only as shown: when someone else changed the node since, or
 * one of its ties (changed, or a tie the map would have drawn added),
 * refused with %HW_STORE_ERROR_CONFLICT and nothing removed. A tie
 * removed since is no refusal.
 */
gboolean     hw_ecomap_delete_node_at  (HwStore           *store,
                                        gint64             node_id,
                                        gint64             version,
                                        const HwEcomapMap *shown,
                                        GError           **error);
/* Puts the node where the user dropped it (map units) and pins it. */
gboolean     hw_ecomap_move_node       (HwStore           *store,
                                        gint64             node_id,
                                        double             x,
                                        double             y,
                                        GError           **error);
/* The same, saved only over @version of the node (the one shown:
 * HwEcomapMapNode.version): when someone else moved or changed it since,
 * refused with %HW_STORE_ERROR_CONFLICT and nothing written. */
gboolean     hw_ecomap_move_node_at    (HwStore           *store,
                                        gint64             node_id,
                                        gint64             version,
                                        double             x,
                                        double             y,
                                        GError           **error);
/* Lets the automatic layout place the node again. */
gboolean     hw_ecomap_unpin_node      (HwStore           *store,
                                        gint64             node_id,
                                        GError           **error);
/* The same, saved only over @version of the node (as
 * hw_ecomap_move_node_at()). */
gboolean     hw_ecomap_unpin_node_at   (HwStore           *store,
                                        gint64             node_id,
                                        gint64             version,
                                        GError           **error);
gboolean     hw_ecomap_set_category    (HwStore           *store,
                                        gint64             node_id,
                                        const char        *category,
                                        GError           **error);
/* The same, saved only over @version of the node (as
 * hw_ecomap_move_node_at()). */
gboolean     hw_ecomap_set_category_at (HwStore           *store,
                                        gint64             node_id,
                                        gint64             version,
                                        const char        *category,
                                        GError           **error);

typedef struct {
  const char *strength;       /* strong, moderate, tenuous, broken */
  gboolean    stressful;
  const char *flow;           /* none, a-to-b, b-to-a, both */
  const char *support_types;  /* comma list of HW_CHOICES_SUPPORT_TYPE */
  const char *frequency;      /* free text, e.g. "every week" */
  const char *note;
} HwEcomapTieFields;

/* A new tie (moderate, no direction) between two nodes of one case;
 * returns its id or 0. Refused: a node tied to itself, nodes of another
 * case, a second tie between the same two nodes. */
gint64       hw_ecomap_add_tie         (HwStore           *store,
                                        gint64             node_a,
                                        gint64             node_b,
                                        const char        *strength,
                                        GError           **error);
/* Checks every field first; an unknown value writes nothing. */
gboolean     hw_ecomap_update_tie      (HwStore           *store,
                                        gint64             tie_id,
                                        const HwEcomapTieFields *fields,
                                        GError           **error);
/* The same, saved only over @version of the tie (the one shown, see
 * hw_record_get_version()): when someone else changed it since, refused
 * with %HW_STORE_ERROR_CONFLICT and nothing written. */
gboolean     hw_ecomap_update_tie_at   (HwStore           *store,
                                        gint64             tie_id,
                                        gint64             version,
                                        const HwEcomapTieFields *fields,
                                        GError           **error);
gboolean     hw_ecomap_delete_tie      (HwStore           *store,
                                        gint64             tie_id,
                                        GError           **error);
/* The same, only at @version of the tie (HwEcomapMapTie.version, the one
 * shown): when someone else changed it since, refused with
 * %HW_STORE_ERROR_CONFLICT and nothing removed. */
gboolean     hw_ecomap_delete_tie_at   (HwStore           *store,
                                        gint64             tie_id,
                                        gint64             version,
                                        GError           **error);

/* @label NULL or "" puts back the default wording. @key: see
 * hw_ecomap_legend_key_to_string(). */
gboolean     hw_ecomap_set_legend_label (HwStore          *store,
                                        gint64             case_id,
                                        const char        *key,
                                        const char        *label,
                                        GError           **error);
/* The same, saved only over the line as shown: @version is
 * HwEcomapMap.legend_version[key], 0 when the usual wording was shown.
 * When someone else wrote the line, or put the usual wording back, since:
 * refused with %HW_STORE_ERROR_CONFLICT and nothing written. */
gboolean     hw_ecomap_set_legend_label_at (HwStore       *store,
                                        gint64             case_id,
                                        const char        *key,
                                        gint64             version,
                                        const char        *label,
                                        GError           **error);

/* Safety network ---------------------------------------------------------- */

/* Adds (@member TRUE) or removes a role of a person in the safety network. */
gboolean     hw_ecomap_set_network_role (HwStore          *store,
                                        gint64             person_id,
                                        const char        *role,
                                        gboolean           member,
                                        GError           **error);
/* The same, from what was shown: @version is the version of the person's
 * row for @role then (hw_ecomap_network_role_version(); 0: not a member,
 * or whatever it holds). Removing goes only at that version: when
 * someone else changed the row since, refused with
 * %HW_STORE_ERROR_CONFLICT and nothing removed. Adding a role someone
 * gave since, or removing one they took away, is nothing to do. */
gboolean     hw_ecomap_set_network_role_at (HwStore       *store,
                                        gint64             person_id,
                                        const char        *role,
                                        gboolean           member,
                                        gint64             version,
                                        GError           **error);
/**
 * hw_ecomap_list_network:
 *
 * The safety network of the case as the recipient may see it: records of
 * network_members with extra columns `name`, `phone` and `relationship`
 * of the person, ordered by name then role. For the safety plan.
 *
 * Returns: (transfer full) (element-type HwRecord)
 */
GPtrArray   *hw_ecomap_list_network    (HwStore           *store,
                                        gint64             case_id,
                                        const HwRecipient *recipient,
                                        GError           **error);

/* Snapshots --------------------------------------------------------------- */

/* Freezes today's map under @name ("Intake", "At reunification").
 * Returns the snapshot id or 0. */
gint64       hw_ecomap_save_snapshot   (HwStore           *store,
                                        gint64             case_id,
                                        const char        *name,
                                        GError           **error);
/* (transfer full) (element-type HwRecord): id, name, taken_at; oldest first */
GPtrArray   *hw_ecomap_list_snapshots  (HwStore           *store,
                                        gint64             case_id,
                                        GError           **error);
gboolean     hw_ecomap_delete_snapshot (HwStore           *store,
                                        gint64             snapshot_id,
                                        GError           **error);
/* The map as it was in a snapshot, for @recipient, laid out. */
HwEcomapMap *hw_ecomap_load_snapshot   (HwStore           *store,
                                        gint64             snapshot_id,
                                        const HwRecipient *recipient,
                                        GError           **error);

typedef struct {
  guint added;
  guint lost;
  guint stronger;
  guint weaker;
} HwEcomapChanges;

/**
 * hw_ecomap_compare:
 * @before: the earlier map
 * @after: the later map; its ties get their HwTieChange, and ties of
 *   @before that are gone are added to it marked LOST (with their nodes
 *   if those are gone too). It is laid out again.
 * @changes: (out) (optional): the counts
 *
 * Returns: (transfer full) (element-type utf8): one plain sentence per
 * change, e.g. "New tie: Rosa Morales and the household".
 */
GPtrArray   *hw_ecomap_compare         (HwEcomapMap       *before,
                                        HwEcomapMap       *after,
                                        HwEcomapChanges   *changes);

/* Output ------------------------------------------------------------------ */

/* `homeward export --what ecomap`: formats pdf (the paper copy the window
 * prints, hw_ecomap_build_document(): every word at least 8 points), png
 * and svg (a landscape picture with the legend beside the map). */
gboolean     hw_ecomap_export          (HwStore           *store,
                                        const HwExportOptions *opts,
                                        GError           **error);

/**
 * hw_ecomap_draw_case:
 *
 * Draws the case's map and legend as a figure into the rectangle of @cr
 * (no title): for documents. Draws nothing if the case is unknown.
 */
void         hw_ecomap_draw_case       (HwStore           *store,
                                        gint64             case_id,
                                        const HwRecipient *recipient,
                                        cairo_t           *cr,
                                        double             x,
                                        double             y,
                                        double             width,
                                        double             height);

G_END_DECLS

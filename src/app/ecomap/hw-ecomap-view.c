/* hw-ecomap-view.c: the ecomap editor of a case: a toolbar, the map
 * (HwEcomapCanvas) and a side panel to change the selected tie or person,
 * with the list of everyone on the map as buttons, so that every edit can
 * also be made without a pointer and through the accessibility tree.
 *
 * The view keeps no data: on every change of the store it reads the map
 * again (hw_ecomap_load) and refreshes the panel from the records; every
 * change the user makes is one edit through hw-ecomap.h, undone by the
 * store like any other.
 *
 * The panel is built in code because most of it (support types, roles,
 * the list of people) is made from the choices and the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ecomap-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hw-ecomap.h"
#include "hw-ecomap-canvas.h"
#include "hw-ecomap-document.h"
#include "hw-ecomap-queries.h"
#include "hw-ecomap-view.h"
#include "hw-enums.h"
#include "hw-focus-memo.h"
#include "hw-print-dialog.h"
#include "hw-long-text.h"
#include "hw-toast.h"

/* the widest the side panel's names ask to be, in characters */
#define PANEL_CHARS 30

struct _HwEcomapView
{
  GtkWidget       parent_instance;

  HwStore        *store;
  gint64          case_id;
  gboolean        updating;      /* filling widgets from the store */
  guint           reload_id;

  GtkWidget      *box;
  HwEcomapCanvas *canvas;
  GtkWidget      *connect_button;
  GtkWidget      *missing_revealer;
  GtkWidget      *missing_label;

  /* side panel */
  GtkWidget      *selection_title;
  GtkWidget      *node_box;
  GtkWidget      *category_dropdown;
  GtkWidget      *roles_box;
  GtkWidget      *role_checks[8];
  gint64          role_versions[8]; /* each role's version as shown, 0: not held then */
  GtkWidget      *unpin_button;
  GtkWidget      *tie_box;
  gint64          tie_version;   /* of the tie the panel shows */
  gint64          node_version;  /* of the node the panel shows */
  GtkWidget      *strength_dropdown;
  GtkWidget      *stressful_check;
  GtkWidget      *flow_dropdown;
  GtkWidget      *support_checks[12];
  GtkWidget      *frequency_entry;
  GtkWidget      *note_entry;
  gboolean        reloading;     /* refresh_panel() after someone's change */
  GtkWidget      *nodes_list;
};

G_DEFINE_FINAL_TYPE (HwEcomapView, hw_ecomap_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_panel (HwEcomapView *self);
static void reload (HwEcomapView *self);

/* Helpers ------------------------------------------------------------------ */

/* Runs the result of an edit: a failure is shown, never fatal. @error is
 * passed by address so that it is read after the edit set it (the
 * arguments of a call are read in no set order). */
static gboolean
report (HwEcomapView  *self,
        gboolean       ok,
        GError       **error)
{
  if (!ok && *error != NULL)
    hw_toast_show_error (GTK_WIDGET (self), *error);
  g_clear_error (error);
  return ok;
}

/* The same for an edit saved over what the map showed: when someone else
 * changed it since, the map is read again, so it shows their change
 * beside the message. */
static gboolean
report_shown (HwEcomapView  *self,
              gboolean       ok,
              GError       **error)
{
  if (!ok && g_error_matches (*error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
    reload (self);
  return report (self, ok, error);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GtkWidget *
choices_dropdown (HwChoices which)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const HwChoice *choices;
  guint n;

  choices = hw_choices_get (which, &n);
  for (guint i = 0; i < n && choices[i].id != NULL; i++)
    gtk_string_list_append (list, hw_choice_label (which, choices[i].id));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
}

static const char *
choice_id_at (HwChoices which,
              guint     index)
{
  guint n;
  const HwChoice *choices = hw_choices_get (which, &n);

  return index < n ? choices[index].id : NULL;
}

static GtkWidget *
section_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static const char *
node_label (HwEcomapView *self,
            gint64        node_id)
{
  HwEcomapMap *map = hw_ecomap_canvas_get_map (self->canvas);
  int i;

  if (map == NULL)
    return "";
  if (node_id == map->household_id)
    return map->household_label;
  i = hw_ecomap_map_find_node (map, node_id);
  return i < 0 ? "" : g_array_index (map->nodes, HwEcomapMapNode, i).label;
}

/* Loading ------------------------------------------------------------------ */

/* A button of the list of everyone on the map chooses its node. */
static void
choose_node_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (widget);
  gint64 id = g_variant_get_int64 (param);

  hw_ecomap_canvas_choose_node (self->canvas, id);
  if (hw_ecomap_canvas_get_connect_from (self->canvas) == 0)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->connect_button), FALSE);
}

static void
add_node_button (HwEcomapView *self,
                 gint64        id,
                 const char   *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
  /* a long name wraps in the panel rather than widen the window, and is
   * cut short after a few lines (whole in the tooltip) */
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  hw_label_wrap_lines (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANEL_CHARS, 3);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "ecomap.choose-node");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_box_append (GTK_BOX (self->nodes_list), button);
}

/* the node a button of the list chooses */
static gint64
node_button_id (GtkWidget *button)
{
  GVariant *target = GTK_IS_ACTIONABLE (button)
                     ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)) : NULL;

  return target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_INT64)
         ? g_variant_get_int64 (target) : 0;
}

/* TRUE when the list's buttons are already @map's people, in order */
static gboolean
node_buttons_match (HwEcomapView *self,
                    HwEcomapMap  *map)
{
  GtkWidget *child = gtk_widget_get_first_child (self->nodes_list);

  for (int i = map->household_id != 0 ? -1 : 0; i < (int) map->nodes->len; i++)
    {
      gint64 id = i < 0 ? map->household_id : g_array_index (map->nodes, HwEcomapMapNode, i).id;
      const char *label = i < 0 ? map->household_label : g_array_index (map->nodes, HwEcomapMapNode, i).label;

      if (child == NULL || node_button_id (child) != id ||
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) != 0)
        return FALSE;
      child = gtk_widget_get_next_sibling (child);
    }
  return child == NULL;
}

static void
reload (HwEcomapView *self)
{
  g_autoptr(GError) error = NULL;
  HwEcomapMap *map;
  GtkWidget *child;
  gint64 missing;

  map = hw_ecomap_load (self->store, self->case_id, NULL, &error);
  if (map == NULL)
    {
      if (error != NULL)
        g_message ("%s", error->message);
      return;
    }

  /* the list of everyone on the map, as buttons: made again only when
   * someone on it changed, and the keyboard focus, when it was on one,
   * back on the same person's button */
  if (!node_buttons_match (self, map))
    {
      GtkWidget *focus = hw_focus_within (self->nodes_list);
      gint64 focused = 0;

      child = focus != self->nodes_list ? focus : NULL;
      while (child != NULL && gtk_widget_get_parent (child) != self->nodes_list)
        child = gtk_widget_get_parent (child);
      if (child != NULL)
        focused = node_button_id (child);

      while ((child = gtk_widget_get_first_child (self->nodes_list)) != NULL)
        gtk_box_remove (GTK_BOX (self->nodes_list), child);
      if (map->household_id != 0)
        add_node_button (self, map->household_id, map->household_label);
      for (guint i = 0; i < map->nodes->len; i++)
        {
          HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

          add_node_button (self, node->id, node->label);
        }
      for (child = gtk_widget_get_first_child (self->nodes_list); focused != 0 && child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (node_button_id (child) == focused)
          {
            gtk_widget_grab_focus (child);
            break;
          }
    }

  hw_ecomap_canvas_set_map (self->canvas, map);

  missing = hw_ecomap_count_missing (self->store, self->case_id, NULL);
  if (missing > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d person or place of this family is not on the map yet.",
                                                            "%d people or places of this family are not on the map yet.",
                                                            (gulong) missing),
                                               (int) missing);

      gtk_label_set_text (GTK_LABEL (self->missing_label), text);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->missing_revealer), missing > 0);
  refresh_panel (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  HwEcomapView *self = data;

  self->reload_id = 0;
  /* after a change in the store (also someone else's): the field being
   * typed in is left alone; a refused save reloads with reload() itself,
   * which shows the other person's words there */
  self->reloading = TRUE;
  reload (self);
  self->reloading = FALSE;
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (HwStore      *store,
                  const char   *table,
                  HwEcomapView *self)
{
  static const char * const watched[] = {
    "cases", "people", "organisations", "ecomap_nodes", "ties", "ecomap_legend",
    "network_members", NULL,
  };

  if (table != NULL && !g_strv_contains (watched, table))
    return;
  /* one reload for the several tables an edit may touch */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

/* The side panel ------------------------------------------------------------- */

static void
set_flow_labels (HwEcomapView *self,
                 const char   *a,
                 const char   *b)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *to_b = g_strdup_printf (_("From %s to %s"), a, b);
  g_autofree char *to_a = g_strdup_printf (_("From %s to %s"), b, a);

  gtk_string_list_append (list, _("No direction"));
  gtk_string_list_append (list, to_b);
  gtk_string_list_append (list, to_a);
  gtk_string_list_append (list, _("Both ways"));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->flow_dropdown), G_LIST_MODEL (list));
}

/* The panel filled again after someone else's change (self->reloading)
 * leaves alone the field the person is typing in: their words are saved
 * when they leave it, as always. */
static void
set_entry_text (HwEcomapView *self,
                GtkWidget    *entry,
                const char   *text)
{
  if (self->reloading && hw_focus_within (entry) != NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
refresh_panel (HwEcomapView *self)
{
  gint64 node_id = hw_ecomap_canvas_get_selected_node (self->canvas);
  gint64 tie_id = hw_ecomap_canvas_get_selected_tie (self->canvas);
  HwEcomapMap *map = hw_ecomap_canvas_get_map (self->canvas);
  gboolean is_node = node_id != 0 && map != NULL && node_id != map->household_id;

  self->updating = TRUE;

  gtk_widget_set_visible (self->node_box, is_node);
  gtk_widget_set_visible (self->tie_box, tie_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ecomap.delete", is_node || tie_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ecomap.connect", node_id != 0);

  if (is_node)
    {
      g_autoptr(HwRecord) node = hw_store_get (self->store, "ecomap_nodes", node_id, NULL);
      gint64 person = node ? hw_record_get_int (node, "person_id") : 0;
      guint n;
      const HwChoice *roles = hw_choices_get (HW_CHOICES_NETWORK_ROLE, &n);

      gtk_label_set_text (GTK_LABEL (self->selection_title), node_label (self, node_id));
      self->node_version = node ? hw_record_get_version (node) : 0;
      if (node != NULL)
        {
          int c = hw_choices_index (HW_CHOICES_ECOMAP_CATEGORY, hw_record_get_string (node, "category"));

          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->category_dropdown), MAX (c, 0));
          gtk_widget_set_sensitive (self->unpin_button, hw_record_get_boolean (node, "pinned"));
        }
      gtk_widget_set_visible (self->roles_box, person != 0);
      for (guint i = 0; i < n && i < G_N_ELEMENTS (self->role_checks) && roles[i].id; i++)
        {
          /* the version shown is the one a removal goes over */
          self->role_versions[i] = person != 0
                                   ? hw_ecomap_network_role_version (self->store, person, roles[i].id, NULL)
                                   : 0;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (self->role_checks[i]),
                                       self->role_versions[i] > 0);
        }
    }
  else if (tie_id != 0)
    {
      g_autoptr(HwRecord) tie = hw_store_get (self->store, "ties", tie_id, NULL);

      self->tie_version = tie ? hw_record_get_version (tie) : 0;
      if (tie != NULL)
        {
          g_autofree char *title = NULL;
          const char *a = node_label (self, hw_record_get_int (tie, "node_a"));
          const char *b = node_label (self, hw_record_get_int (tie, "node_b"));
          g_auto(GStrv) types = g_strsplit (hw_record_get_string (tie, "support_types"), ",", -1);
          guint n;
          const HwChoice *support = hw_choices_get (HW_CHOICES_SUPPORT_TYPE, &n);

          /* TRANSLATORS: the selected tie, "Rosa Morales and the Morales household" */
          title = g_strdup_printf (_("%s and %s"), a, b);
          gtk_label_set_text (GTK_LABEL (self->selection_title), title);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->strength_dropdown),
                                      MAX (hw_choices_index (HW_CHOICES_TIE_STRENGTH,
                                                             hw_record_get_string (tie, "strength")), 0));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (self->stressful_check),
                                       hw_record_get_boolean (tie, "stressful"));
          set_flow_labels (self, a, b);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->flow_dropdown),
                                      MAX (hw_choices_index (HW_CHOICES_TIE_FLOW,
                                                             hw_record_get_string (tie, "flow")), 0));
          for (guint i = 0; i < n && i < G_N_ELEMENTS (self->support_checks) && support[i].id; i++)
            gtk_check_button_set_active (GTK_CHECK_BUTTON (self->support_checks[i]),
                                         g_strv_contains ((const char * const *) types, support[i].id));
          set_entry_text (self, self->frequency_entry, hw_record_get_string (tie, "frequency"));
          set_entry_text (self, self->note_entry, hw_record_get_string (tie, "note"));
        }
    }
  else if (node_id != 0 && map != NULL)
    gtk_label_set_text (GTK_LABEL (self->selection_title), map->household_label);
  else
    gtk_label_set_text (GTK_LABEL (self->selection_title),
                        _("Choose a person, a place or a tie on the map."));

  self->updating = FALSE;
}

static void
selection_changed_cb (HwEcomapCanvas *canvas,
                      HwEcomapView   *self)
{
  refresh_panel (self);
}

/* Writes the whole tie form as one edit. */
static void
save_tie (HwEcomapView *self)
{
  gint64 tie_id = hw_ecomap_canvas_get_selected_tie (self->canvas);
  g_autoptr(GString) types = g_string_new (NULL);
  GError *error = NULL;
  HwEcomapTieFields fields = { 0 };
  guint n;
  const HwChoice *support = hw_choices_get (HW_CHOICES_SUPPORT_TYPE, &n);

  if (self->updating || tie_id == 0)
    return;
  for (guint i = 0; i < n && i < G_N_ELEMENTS (self->support_checks) && support[i].id; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->support_checks[i])))
      g_string_append_printf (types, "%s%s", types->len ? "," : "", support[i].id);

  fields.strength = choice_id_at (HW_CHOICES_TIE_STRENGTH,
                                  gtk_drop_down_get_selected (GTK_DROP_DOWN (self->strength_dropdown)));
  fields.stressful = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->stressful_check));
  fields.flow = choice_id_at (HW_CHOICES_TIE_FLOW,
                              gtk_drop_down_get_selected (GTK_DROP_DOWN (self->flow_dropdown)));
  fields.support_types = types->str;
  fields.frequency = gtk_editable_get_text (GTK_EDITABLE (self->frequency_entry));
  fields.note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  /* nothing changed (e.g. focus left a field untouched): no empty edit */
  {
    g_autoptr(HwRecord) tie = hw_store_get (self->store, "ties", tie_id, NULL);

    if (tie != NULL &&
        g_strcmp0 (hw_record_get_string (tie, "strength"), fields.strength) == 0 &&
        hw_record_get_boolean (tie, "stressful") == fields.stressful &&
        g_strcmp0 (hw_record_get_string (tie, "flow"), fields.flow) == 0 &&
        g_strcmp0 (hw_record_get_string (tie, "support_types"), fields.support_types) == 0 &&
        g_strcmp0 (hw_record_get_string (tie, "frequency"), fields.frequency) == 0 &&
        g_strcmp0 (hw_record_get_string (tie, "note"), fields.note) == 0)
      return;
  }
  /* saved over the tie as the panel shows it only */
  if (!hw_ecomap_update_tie_at (self->store, tie_id, self->tie_version, &fields, &error))
    {
      /* someone else changed it since: their tie is shown, and the message
       * says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        reload (self);
      report (self, FALSE, &error);
      return;
    }
  /* the panel now shows what is saved: its version */
  {
    g_autoptr(HwRecord) tie = hw_store_get (self->store, "ties", tie_id, NULL);

    self->tie_version = tie ? hw_record_get_version (tie) : 0;
  }
}

static void
tie_entry_leave_cb (GtkEventControllerFocus *controller,
                    HwEcomapView            *self)
{
  save_tie (self);
}

static void
tie_field_changed_cb (GObject      *object,
                      GParamSpec   *pspec,
                      HwEcomapView *self)
{
  save_tie (self);
}

static void
tie_toggled_cb (GtkCheckButton *check,
                HwEcomapView   *self)
{
  save_tie (self);
}

static void
tie_entry_activate_cb (GtkEntry     *entry,
                       HwEcomapView *self)
{
  save_tie (self);
}

static void
category_changed_cb (GObject      *object,
                     GParamSpec   *pspec,
                     HwEcomapView *self)
{
  gint64 node_id = hw_ecomap_canvas_get_selected_node (self->canvas);
  GError *error = NULL;
  const char *category;

  if (self->updating || node_id == 0)
    return;
  category = choice_id_at (HW_CHOICES_ECOMAP_CATEGORY,
                           gtk_drop_down_get_selected (GTK_DROP_DOWN (self->category_dropdown)));
  /* saved over the node as the panel shows it only */
  if (!hw_ecomap_set_category_at (self->store, node_id, self->node_version, category, &error))
    {
      /* someone else changed it since: theirs is shown */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        reload (self);
      report (self, FALSE, &error);
      return;
    }
  {
    g_autoptr(HwRecord) node = hw_store_get (self->store, "ecomap_nodes", node_id, NULL);

    self->node_version = node ? hw_record_get_version (node) : 0;
  }
}

static void
role_toggled_cb (GtkCheckButton *check,
                 HwEcomapView   *self)
{
  gint64 node_id = hw_ecomap_canvas_get_selected_node (self->canvas);
  g_autoptr(HwRecord) node = NULL;
  const char *role = NULL;
  gint64 version = 0;
  GError *error = NULL;
  guint n;
  const HwChoice *roles = hw_choices_get (HW_CHOICES_NETWORK_ROLE, &n);

  /* the checks are made in the order of the roles */
  for (guint i = 0; i < n && i < G_N_ELEMENTS (self->role_checks) && roles[i].id; i++)
    if (self->role_checks[i] == GTK_WIDGET (check))
      {
        role = roles[i].id;
        version = self->role_versions[i];
      }
  if (role == NULL)
    return;

  if (self->updating || node_id == 0)
    return;
  node = hw_store_get (self->store, "ecomap_nodes", node_id, NULL);
  if (node == NULL || hw_record_get_int (node, "person_id") == 0)
    return;
  /* taken away only as shown */
  if (!report_shown (self, hw_ecomap_set_network_role_at (self->store, hw_record_get_int (node, "person_id"),
                                                          role, gtk_check_button_get_active (check),
                                                          version, &error),
                     &error))
    refresh_panel (self);
}

static void
unpin_clicked_cb (GtkButton    *button,
                  HwEcomapView *self)
{
  gint64 node_id = hw_ecomap_canvas_get_selected_node (self->canvas);
  GError *error = NULL;

  /* over the node as the panel shows it only */
  if (report_shown (self, hw_ecomap_unpin_node_at (self->store, node_id, self->node_version, &error),
                    &error))
    {
      g_autoptr(HwRecord) node = hw_store_get (self->store, "ecomap_nodes", node_id, NULL);

      self->node_version = node ? hw_record_get_version (node) : 0;
    }
}

static void
add_missing_clicked_cb (GtkButton    *button,
                        HwEcomapView *self)
{
  GError *error = NULL;

  report (self, hw_ecomap_ensure_nodes (self->store, self->case_id, &error), &error);
}

/* Canvas signals ------------------------------------------------------------- */

static void
node_moved_cb (HwEcomapCanvas *canvas,
               gint64          node_id,
               double          x,
               double          y,
               HwEcomapView   *self)
{
  HwEcomapMap *map = hw_ecomap_canvas_get_map (canvas);
  GError *error = NULL;
  gint64 version = 0;
  int i = map ? hw_ecomap_map_find_node (map, node_id) : -1;

  if (i >= 0)
    version = g_array_index (map->nodes, HwEcomapMapNode, i).version;
  /* moved from where the map showed it only */
  if (!hw_ecomap_move_node_at (self->store, node_id, version, x, y, &error))
    {
      /* someone else moved or changed it since: it goes back to where
       * they put it, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        reload (self);
      report (self, FALSE, &error);
    }
  else if (node_id == hw_ecomap_canvas_get_selected_node (self->canvas))
    {
      /* the panel's node is the one just saved */
      g_autoptr(HwRecord) node = hw_store_get (self->store, "ecomap_nodes", node_id, NULL);

      self->node_version = node ? hw_record_get_version (node) : 0;
    }
}

static void
connect_cb (HwEcomapCanvas *canvas,
            gint64          from,
            gint64          to,
            HwEcomapView   *self)
{
  GError *error = NULL;
  gint64 tie;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->connect_button), FALSE);
  tie = hw_ecomap_add_tie (self->store, from, to, "moderate", &error);
  if (tie == 0)
    {
      report (self, FALSE, &error);
      return;
    }
  /* show the new tie in the panel, ready to describe */
  reload (self);
  hw_ecomap_canvas_select (self->canvas, 0, tie);
}

static void
connect_toggled_cb (GtkToggleButton *button,
                    HwEcomapView    *self)
{
  if (self->updating)
    return;
  if (gtk_toggle_button_get_active (button))
    {
      gint64 from = hw_ecomap_canvas_get_selected_node (self->canvas);

      if (from == 0)
        {
          gtk_toggle_button_set_active (button, FALSE);
          return;
        }
      hw_ecomap_canvas_set_connect_from (self->canvas, from);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  else
    hw_ecomap_canvas_set_connect_from (self->canvas, 0);
}

/* Actions -------------------------------------------------------------------- */

typedef struct {
  HwEcomapView *self;
  GtkWidget    *entry;
  GtkWidget    *dropdown;
  gboolean      organisation;
} AddData;

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AddData          *data)
{
  HwEcomapView *self = data->self;
  GError *error = NULL;
  const char *category;
  const char *name;
  gint64 node;

  if (!g_str_equal (response, "add"))
    return;
  name = gtk_editable_get_text (GTK_EDITABLE (data->entry));
  category = choice_id_at (HW_CHOICES_ECOMAP_CATEGORY,
                           gtk_drop_down_get_selected (GTK_DROP_DOWN (data->dropdown)));
  node = data->organisation
         ? hw_ecomap_add_organisation (self->store, self->case_id, name, category, &error)
         : hw_ecomap_add_person (self->store, self->case_id, name, category, &error);
  if (node == 0)
    {
      report (self, FALSE, &error);
      return;
    }
  reload (self);
  hw_ecomap_canvas_select (self->canvas, node, 0);
}

static void
add_entry_activate_cb (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
show_add_dialog (HwEcomapView *self,
                 gboolean      organisation)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *box;
  AddData *data = g_new0 (AddData, 1);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   organisation ? _("Add an organisation to the map")
                                                : _("Add a person to the map"),
                                   NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  data->self = self;
  data->organisation = organisation;
  data->entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (data->entry), _("Name"));
  data->dropdown = choices_dropdown (HW_CHOICES_ECOMAP_CATEGORY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group"), -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (data->dropdown),
                              MAX (hw_choices_index (HW_CHOICES_ECOMAP_CATEGORY,
                                                     organisation ? "services" : "friends"), 0));
  gtk_box_append (GTK_BOX (box), data->entry);
  gtk_box_append (GTK_BOX (box), data->dropdown);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (data->entry, "activate", G_CALLBACK (add_entry_activate_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (add_response_cb), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->entry);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  show_add_dialog (HW_ECOMAP_VIEW (widget), FALSE);
}

static void
add_organisation_action (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  show_add_dialog (HW_ECOMAP_VIEW (widget), TRUE);
}

static void
connect_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (widget);
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (self->connect_button);

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (widget);
  gint64 tie = hw_ecomap_canvas_get_selected_tie (self->canvas);
  gint64 node = hw_ecomap_canvas_get_selected_node (self->canvas);
  GError *error = NULL;

  /* no confirmation: Undo brings it back; removed only as shown (the
   * panel's version, and the node's ties as the map draws them) */
  if (tie != 0)
    report_shown (self, hw_ecomap_delete_tie_at (self->store, tie, self->tie_version, &error), &error);
  else if (node != 0)
    report_shown (self, hw_ecomap_delete_node_at (self->store, node, self->node_version,
                                                  hw_ecomap_canvas_get_map (self->canvas), &error),
                  &error);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  hw_ecomap_canvas_zoom (HW_ECOMAP_VIEW (widget)->canvas, 1.25);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  hw_ecomap_canvas_zoom (HW_ECOMAP_VIEW (widget)->canvas, 0.8);
}

static void
fit_action (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  hw_ecomap_canvas_fit (HW_ECOMAP_VIEW (widget)->canvas);
}

/* Legend --------------------------------------------------------------------- */

/* The legend dialog's lines, one entry per legend key in key order; the
 * view is held weakly: the dialog may outlive it. */
typedef struct {
  GWeakRef   view;
  GtkWidget *entries[HW_ECOMAP_N_LEGEND_KEYS];
  char      *shown[HW_ECOMAP_N_LEGEND_KEYS];    /* each line as the dialog showed it */
  gint64     versions[HW_ECOMAP_N_LEGEND_KEYS]; /* and its version then */
} LegendForm;

static void
legend_form_free (gpointer  data,
                  GClosure *closure)
{
  LegendForm *form = data;

  g_weak_ref_clear (&form->view);
  for (guint k = 0; k < HW_ECOMAP_N_LEGEND_KEYS; k++)
    g_free (form->shown[k]);
  g_free (form);
}

static void
legend_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LegendForm       *form)
{
  g_autoptr(HwEcomapView) self = g_weak_ref_get (&form->view);

  if (self == NULL || !g_str_equal (response, "save"))
    return;
  /* one edit per line changed in the dialog, saved over the line as the
   * dialog showed it: a line someone else wrote meanwhile is refused and
   * the map shows theirs */
  for (guint k = 0; k < HW_ECOMAP_N_LEGEND_KEYS; k++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (form->entries[k]));
      GError *error = NULL;

      if (g_strcmp0 (text, form->shown[k]) != 0)
        report_shown (self, hw_ecomap_set_legend_label_at (self->store, self->case_id,
                                                           hw_ecomap_legend_key_to_string (k),
                                                           form->versions[k], text, &error),
                      &error);
    }
}

static void
legend_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  HwEcomapMap *map = hw_ecomap_canvas_get_map (self->canvas);
  LegendForm *form;
  GtkWidget *dialog, *grid;

  if (map == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Legend"),
                                   _("Write each line of the legend in the words your team uses. "
                                     "An empty line goes back to the usual wording."));
  form = g_new0 (LegendForm, 1);
  g_weak_ref_init (&form->view, self);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint k = 0; k < HW_ECOMAP_N_LEGEND_KEYS; k++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_editable_set_text (GTK_EDITABLE (entry), hw_ecomap_map_get_legend (map, k));
      form->shown[k] = g_strdup (hw_ecomap_map_get_legend (map, k));
      form->versions[k] = map->legend_version[k];
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), hw_ecomap_legend_default_label (k));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hw_ecomap_legend_default_label (k), -1);
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_grid_attach (GTK_GRID (grid), entry, 0, k, 1, 1);
      form->entries[k] = entry;
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (legend_response_cb), form, legend_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Snapshots ------------------------------------------------------------------ */

/* The snapshot dialog's name entry; the view is held weakly. */
typedef struct {
  GWeakRef   view;
  GtkWidget *entry;
} SnapshotForm;

static void
snapshot_form_free (gpointer  data,
                    GClosure *closure)
{
  SnapshotForm *form = data;

  g_weak_ref_clear (&form->view);
  g_free (form);
}

static void
snapshot_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SnapshotForm     *form)
{
  g_autoptr(HwEcomapView) self = g_weak_ref_get (&form->view);
  GtkWidget *entry = form->entry;
  GError *error = NULL;

  if (self == NULL || !g_str_equal (response, "save"))
    return;
  report (self, hw_ecomap_save_snapshot (self->store, self->case_id,
                                         gtk_editable_get_text (GTK_EDITABLE (entry)), &error) != 0,
          &error);
}

/* Printing ------------------------------------------------------------- */

/* The map for whom the print dialog says, in its language: the family's
 * copy has none of the people or ties withheld from them. */
static HwDocument *
build_document_cb (HwPrintDialog     *dialog,
                   const HwRecipient *recipient,
                   const char        *language,
                   const char        *paper,
                   gboolean           for_real,
                   gpointer           user_data,
                   GError           **error)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (user_data);

  g_assert (HW_IS_ECOMAP_VIEW (self));

  return hw_ecomap_build_document (self->store, self->case_id, recipient, paper, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (widget);
  HwPrintDialog *dialog = hw_print_dialog_new (self->store, self->case_id, _("Print the Ecomap"),
                                               _("Save the Ecomap as PDF"));

  hw_print_dialog_set_build_func (dialog, build_document_cb, g_object_ref (self), g_object_unref);
  hw_print_dialog_present (dialog, widget);
}

static void
save_snapshot_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry = gtk_entry_new ();
  SnapshotForm *form = g_new0 (SnapshotForm, 1);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save the map as it is today"),
                                   _("Give it a name you will recognise later, such as “Intake” "
                                     "or “At reunification”."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  g_weak_ref_init (&form->view, self);
  form->entry = entry;
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (snapshot_response_cb), form, snapshot_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  HwEcomapView *self;
  GPtrArray    *snapshots;    /* HwRecord; index 0 of the dropdowns = today */
  GtkWidget    *before_dropdown;
  GtkWidget    *after_dropdown;
  GtkWidget    *before_canvas;
  GtkWidget    *after_canvas;
  GtkWidget    *changes_label;
} CompareData;

/* A weak notify of the compare window: its dropdowns, whose handlers use
 * the data, are gone by then. */
static void
compare_data_free (gpointer  user_data,
                   GObject  *window)
{
  CompareData *data = user_data;

  g_ptr_array_unref (data->snapshots);
  g_free (data);
}

static HwEcomapMap *
compare_load (CompareData *data,
              guint        index)
{
  if (index == 0 || index > data->snapshots->len)
    return hw_ecomap_load (data->self->store, data->self->case_id, NULL, NULL);
  return hw_ecomap_load_snapshot (data->self->store,
                                  hw_record_get_id (g_ptr_array_index (data->snapshots, index - 1)),
                                  NULL, NULL);
}

static void
compare_update (CompareData *data)
{
  HwEcomapMap *before = compare_load (data, gtk_drop_down_get_selected (GTK_DROP_DOWN (data->before_dropdown)));
  HwEcomapMap *after = compare_load (data, gtk_drop_down_get_selected (GTK_DROP_DOWN (data->after_dropdown)));
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  HwEcomapChanges changes;

  if (before == NULL || after == NULL)
    {
      g_clear_pointer (&before, hw_ecomap_map_free);
      g_clear_pointer (&after, hw_ecomap_map_free);
      return;
    }
  sentences = hw_ecomap_compare (before, after, &changes);
  g_string_append_printf (text, _("Ties added: %u · lost: %u · stronger: %u · weaker: %u"),
                          changes.added, changes.lost, changes.stronger, changes.weaker);
  for (guint i = 0; i < sentences->len; i++)
    g_string_append_printf (text, "\n%s", (char *) g_ptr_array_index (sentences, i));
  gtk_label_set_text (GTK_LABEL (data->changes_label), text->str);
  hw_ecomap_canvas_set_map (HW_ECOMAP_CANVAS (data->before_canvas), before);
  hw_ecomap_canvas_set_map (HW_ECOMAP_CANVAS (data->after_canvas), after);
  hw_ecomap_canvas_fit (HW_ECOMAP_CANVAS (data->before_canvas));
  hw_ecomap_canvas_fit (HW_ECOMAP_CANVAS (data->after_canvas));
}

static void
compare_changed_cb (GObject     *object,
                    GParamSpec  *pspec,
                    CompareData *data)
{
  compare_update (data);
}

static void
compare_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CompareData *data = g_new0 (CompareData, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *window, *box, *header, *maps, *scrolled, *choosers;

  data->self = self;
  data->snapshots = hw_ecomap_list_snapshots (self->store, self->case_id, NULL);
  if (data->snapshots == NULL)
    data->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_string_list_append (names, _("Today"));
  for (guint i = 0; i < data->snapshots->len; i++)
    gtk_string_list_append (names, hw_record_get_string (g_ptr_array_index (data->snapshots, i), "name"));

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Compare ecomaps"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  choosers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (choosers, 12);
  gtk_widget_set_margin_end (choosers, 12);
  gtk_widget_set_margin_top (choosers, 6);
  data->before_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  data->after_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  hw_drop_down_fit_names (GTK_DROP_DOWN (data->before_dropdown), HW_LONG_TEXT_NAME_CHARS);
  hw_drop_down_fit_names (GTK_DROP_DOWN (data->after_dropdown), HW_LONG_TEXT_NAME_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->before_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Earlier map"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->after_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Later map"), -1);
  /* default: the oldest snapshot against today */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (data->before_dropdown), data->snapshots->len > 0 ? 1 : 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (data->after_dropdown), 0);
  gtk_box_append (GTK_BOX (choosers), gtk_label_new (_("Earlier:")));
  gtk_box_append (GTK_BOX (choosers), data->before_dropdown);
  gtk_box_append (GTK_BOX (choosers), gtk_label_new (_("Later:")));
  gtk_box_append (GTK_BOX (choosers), data->after_dropdown);
  gtk_box_append (GTK_BOX (box), choosers);

  maps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_vexpand (maps, TRUE);
  gtk_widget_set_margin_start (maps, 12);
  gtk_widget_set_margin_end (maps, 12);
  data->before_canvas = hw_ecomap_canvas_new ();
  data->after_canvas = hw_ecomap_canvas_new ();
  hw_ecomap_canvas_set_editable (HW_ECOMAP_CANVAS (data->before_canvas), FALSE);
  hw_ecomap_canvas_set_editable (HW_ECOMAP_CANVAS (data->after_canvas), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->before_canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Earlier map"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->after_canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Later map, with what changed"), -1);
  gtk_box_append (GTK_BOX (maps), data->before_canvas);
  gtk_box_append (GTK_BOX (maps), data->after_canvas);
  gtk_box_append (GTK_BOX (box), maps);

  data->changes_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (data->changes_label), 0);
  gtk_label_set_selectable (GTK_LABEL (data->changes_label), TRUE);
  hw_label_wrap_long (GTK_LABEL (data->changes_label), 80);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), data->changes_label);
  gtk_widget_set_margin_start (scrolled, 12);
  gtk_widget_set_margin_end (scrolled, 12);
  gtk_widget_set_margin_bottom (scrolled, 12);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  g_object_weak_ref (G_OBJECT (window), compare_data_free, data);
  g_signal_connect (data->before_dropdown, "notify::selected", G_CALLBACK (compare_changed_cb), data);
  g_signal_connect (data->after_dropdown, "notify::selected", G_CALLBACK (compare_changed_cb), data);
  compare_update (data);
  gtk_window_present (GTK_WINDOW (window));
}

/* Construction -------------------------------------------------------------- */

/* GTK 4.8 names a button made with gtk_button_new_with_mnemonic()
 * "_Add Add" on the accessibility bus; a button whose child is a mnemonic
 * label is named by the label's plain text. */
static void
set_mnemonic_child (GtkWidget  *button,
                    const char *mnemonic)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);
}

static GtkWidget *
mnemonic_button (const char *mnemonic,
                 const char *action)
{
  GtkWidget *button = gtk_button_new ();

  set_mnemonic_child (button, mnemonic);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GtkWidget *
build_toolbar (HwEcomapView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_box_append (GTK_BOX (bar), mnemonic_button (_("Add _person"), "ecomap.add-person"));
  gtk_box_append (GTK_BOX (bar), mnemonic_button (_("Add _organisation"), "ecomap.add-organisation"));

  self->connect_button = gtk_toggle_button_new ();
  set_mnemonic_child (self->connect_button, _("_Connect…"));
  gtk_widget_set_tooltip_text (self->connect_button,
                               _("Tie the selected person or place to another: choose the other one next (C)"));
  g_signal_connect (self->connect_button, "toggled", G_CALLBACK (connect_toggled_cb), self);
  gtk_box_append (GTK_BOX (bar), self->connect_button);

  gtk_box_append (GTK_BOX (bar), icon_button ("user-trash-symbolic", _("Remove from the map"), "ecomap.delete"));
  gtk_box_append (GTK_BOX (bar), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-out-symbolic", _("Zoom out"), "ecomap.zoom-out"));
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-in-symbolic", _("Zoom in"), "ecomap.zoom-in"));
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-fit-best-symbolic", _("Fit to window"), "ecomap.fit"));
  gtk_box_append (GTK_BOX (bar), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (bar), mnemonic_button (_("_Legend…"), "ecomap.legend"));
  gtk_box_append (GTK_BOX (bar), mnemonic_button (_("_Save snapshot…"), "ecomap.save-snapshot"));
  gtk_box_append (GTK_BOX (bar), mnemonic_button (_("Co_mpare…"), "ecomap.compare"));
  gtk_box_append (GTK_BOX (bar), icon_button ("printer-symbolic", _("Print the ecomap…"), "ecomap.print"));
  return bar;
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return box;
}

static GtkWidget *
build_panel (HwEcomapView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *controller;
  GtkWidget *flow;
  const HwChoice *choices;
  guint n;

  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  self->selection_title = gtk_label_new (NULL);
  hw_label_wrap_lines (GTK_LABEL (self->selection_title), PANEL_CHARS, 4);
  gtk_label_set_xalign (GTK_LABEL (self->selection_title), 0);
  gtk_widget_add_css_class (self->selection_title, "title-4");
  gtk_box_append (GTK_BOX (box), self->selection_title);

  /* a person or a place */
  self->node_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->category_dropdown = choices_dropdown (HW_CHOICES_ECOMAP_CATEGORY);
  g_signal_connect (self->category_dropdown, "notify::selected", G_CALLBACK (category_changed_cb), self);
  gtk_box_append (GTK_BOX (self->node_box), labelled (_("Group on the map"), self->category_dropdown));
  self->roles_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (self->roles_box), section_label (_("Safety network")));
  choices = hw_choices_get (HW_CHOICES_NETWORK_ROLE, &n);
  for (guint i = 0; i < n && i < G_N_ELEMENTS (self->role_checks) && choices[i].id; i++)
    {
      self->role_checks[i] = gtk_check_button_new_with_label (hw_choice_label (HW_CHOICES_NETWORK_ROLE,
                                                                               choices[i].id));
      g_signal_connect (self->role_checks[i], "toggled", G_CALLBACK (role_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->roles_box), self->role_checks[i]);
    }
  gtk_box_append (GTK_BOX (self->node_box), self->roles_box);
  self->unpin_button = gtk_button_new_with_label (_("Put back in its automatic place"));
  g_signal_connect (self->unpin_button, "clicked", G_CALLBACK (unpin_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->node_box), self->unpin_button);
  gtk_box_append (GTK_BOX (box), self->node_box);

  /* a tie */
  self->tie_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->strength_dropdown = choices_dropdown (HW_CHOICES_TIE_STRENGTH);
  g_signal_connect (self->strength_dropdown, "notify::selected", G_CALLBACK (tie_field_changed_cb), self);
  gtk_box_append (GTK_BOX (self->tie_box), labelled (_("How strong"), self->strength_dropdown));
  self->stressful_check = gtk_check_button_new_with_label (_("Stressful or in conflict"));
  g_signal_connect (self->stressful_check, "toggled", G_CALLBACK (tie_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->tie_box), self->stressful_check);
  self->flow_dropdown = gtk_drop_down_new_from_strings ((const char *[]) { "", "", "", "", NULL });
  /* "From … to …" with the two names in it */
  hw_drop_down_fit_names (GTK_DROP_DOWN (self->flow_dropdown), PANEL_CHARS);
  g_signal_connect (self->flow_dropdown, "notify::selected", G_CALLBACK (tie_field_changed_cb), self);
  gtk_box_append (GTK_BOX (self->tie_box), labelled (_("Support goes"), self->flow_dropdown));
  gtk_box_append (GTK_BOX (self->tie_box), section_label (_("Kinds of support")));
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  choices = hw_choices_get (HW_CHOICES_SUPPORT_TYPE, &n);
  for (guint i = 0; i < n && i < G_N_ELEMENTS (self->support_checks) && choices[i].id; i++)
    {
      self->support_checks[i] = gtk_check_button_new_with_label (hw_choice_label (HW_CHOICES_SUPPORT_TYPE,
                                                                                  choices[i].id));
      g_signal_connect (self->support_checks[i], "toggled", G_CALLBACK (tie_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), self->support_checks[i]);
    }
  gtk_box_append (GTK_BOX (self->tie_box), flow);
  self->frequency_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->frequency_entry), _("For example: every week"));
  g_signal_connect (self->frequency_entry, "activate", G_CALLBACK (tie_entry_activate_cb), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (tie_entry_leave_cb), self);
  gtk_widget_add_controller (self->frequency_entry, controller);
  gtk_box_append (GTK_BOX (self->tie_box), labelled (_("How often they are in touch"), self->frequency_entry));
  self->note_entry = gtk_entry_new ();
  g_signal_connect (self->note_entry, "activate", G_CALLBACK (tie_entry_activate_cb), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (tie_entry_leave_cb), self);
  gtk_widget_add_controller (self->note_entry, controller);
  gtk_box_append (GTK_BOX (self->tie_box), labelled (_("Note"), self->note_entry));
  gtk_box_append (GTK_BOX (box), self->tie_box);

  /* everyone on the map: choose here without a pointer */
  gtk_box_append (GTK_BOX (box), section_label (_("On the map")));
  self->nodes_list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->nodes_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People and places on the map"), -1);
  gtk_box_append (GTK_BOX (box), self->nodes_list);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  return scrolled;
}

static void
hw_ecomap_view_constructed (GObject *object)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (object);
  GtkWidget *paned, *missing_box, *button;

  G_OBJECT_CLASS (hw_ecomap_view_parent_class)->constructed (object);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), build_toolbar (self));

  self->missing_revealer = gtk_revealer_new ();
  missing_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (missing_box, 12);
  gtk_widget_set_margin_end (missing_box, 12);
  gtk_widget_set_margin_top (missing_box, 6);
  gtk_widget_set_margin_bottom (missing_box, 6);
  self->missing_label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->missing_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->missing_label), 0);
  hw_label_wrap_long (GTK_LABEL (self->missing_label), 60);
  button = gtk_button_new_with_label (_("Put them on the map"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_missing_clicked_cb), self);
  gtk_box_append (GTK_BOX (missing_box), self->missing_label);
  gtk_box_append (GTK_BOX (missing_box), button);
  gtk_revealer_set_child (GTK_REVEALER (self->missing_revealer), missing_box);
  gtk_box_append (GTK_BOX (self->box), self->missing_revealer);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  self->canvas = HW_ECOMAP_CANVAS (hw_ecomap_canvas_new ());
  g_signal_connect_object (self->canvas, "selection-changed", G_CALLBACK (selection_changed_cb), self, 0);
  g_signal_connect_object (self->canvas, "node-moved", G_CALLBACK (node_moved_cb), self, 0);
  g_signal_connect_object (self->canvas, "connect", G_CALLBACK (connect_cb), self, 0);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->canvas));
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), build_panel (self));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_box_append (GTK_BOX (self->box), paned);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  reload (self);
}

static void
hw_ecomap_view_dispose (GObject *object)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_ecomap_view_parent_class)->dispose (object);
}

static void
hw_ecomap_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_ecomap_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HwEcomapView *self = HW_ECOMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_ecomap_view_class_init (HwEcomapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_ecomap_view_constructed;
  object_class->dispose = hw_ecomap_view_dispose;
  object_class->get_property = hw_ecomap_view_get_property;
  object_class->set_property = hw_ecomap_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "ecomap.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "ecomap.add-organisation", NULL, add_organisation_action);
  gtk_widget_class_install_action (widget_class, "ecomap.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "ecomap.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "ecomap.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "ecomap.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "ecomap.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "ecomap.legend", NULL, legend_action);
  gtk_widget_class_install_action (widget_class, "ecomap.save-snapshot", NULL, save_snapshot_action);
  gtk_widget_class_install_action (widget_class, "ecomap.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "ecomap.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "ecomap.choose-node", "x", choose_node_action);

  /* Keyboard: on the canvas these keys are free (text fields keep them) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "ecomap.add-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "ecomap.add-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "ecomap.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ecomap-view");
}

static void
hw_ecomap_view_init (HwEcomapView *self)
{
}

GtkWidget *
hw_ecomap_view_new (HwStore *store,
                    gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_ECOMAP_VIEW, "store", store, "case-id", case_id, NULL);
}

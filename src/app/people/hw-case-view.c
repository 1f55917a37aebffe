/* hw-case-view.c: one family's case.
 *
 * The header reads the case row from the store whenever the store
 * changes; the pages come from the table in hw-areas.c, so that an area
 * view is plugged in with one line there. An area without a view yet gets
 * a page that says so plainly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-case-view"

#include <glib/gi18n.h>

#include "hw-areas.h"
#include "hw-case-dates.h"
#include "hw-placements.h"
#include "hw-case-dialog.h"
#include "hw-case-view.h"
#include "hw-enums.h"
#include "hw-people-page.h"

struct _HwCaseView
{
  GtkWidget     parent_instance;

  HwStore      *store;
  gint64        case_id;

  GtkWidget    *header_box;
  GtkLabel     *family_label;
  GtkLabel     *summary_label;
  GtkLabel     *dates_label;
  GtkLabel     *placements_label;
  GtkLabel     *details_label;
  AdwViewStack *stack;
};

G_DEFINE_FINAL_TYPE (HwCaseView, hw_case_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
hw_case_view_new (HwStore *store,
                  gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_CASE_VIEW,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}

gint64
hw_case_view_get_case_id (HwCaseView *self)
{
  g_return_val_if_fail (HW_IS_CASE_VIEW (self), 0);
  return self->case_id;
}

AdwViewStack *
hw_case_view_get_stack (HwCaseView *self)
{
  g_return_val_if_fail (HW_IS_CASE_VIEW (self), NULL);
  return self->stack;
}

static GtkWidget *ensure_page (HwCaseView *self,
                               GtkWidget  *holder);

GtkWidget *
hw_case_view_get_page (HwCaseView *self,
                       const char *name)
{
  GtkWidget *holder;

  g_return_val_if_fail (HW_IS_CASE_VIEW (self), NULL);

  holder = adw_view_stack_get_child_by_name (self->stack, name);
  return holder != NULL ? ensure_page (self, holder) : NULL;
}

void
hw_case_view_edit_details (HwCaseView *self)
{
  HwCaseDialog *dialog;

  g_return_if_fail (HW_IS_CASE_VIEW (self));

  dialog = hw_case_dialog_new (self->store, self->case_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
hw_case_view_add_person (HwCaseView *self)
{
  GtkWidget *page;

  g_return_if_fail (HW_IS_CASE_VIEW (self));

  page = hw_case_view_get_page (self, "people");
  if (!HW_IS_PEOPLE_PAGE (page))
    return;
  adw_view_stack_set_visible_child_name (self->stack, "people");
  hw_people_page_add_person (HW_PEOPLE_PAGE (page));
}

/* "In care 9 months · Next hearing 14 January 2027 (review)", or nothing */
static void
update_dates (HwCaseView *self)
{
  g_autofree char *dates = hw_case_dates_summary (self->store, self->case_id, NULL);

  g_assert (HW_IS_CASE_VIEW (self));

  gtk_label_set_text (self->dates_label, dates);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_label), *dates != '\0');
}

/* "Sofía Morales, Mateo Morales live with Rosa Morales (relative)", or nothing */
static void
update_placements (HwCaseView *self)
{
  g_autofree char *line = hw_placements_summary (self->store, self->case_id, NULL);

  g_assert (HW_IS_CASE_VIEW (self));

  gtk_label_set_text (self->placements_label, line);
  gtk_widget_set_visible (GTK_WIDGET (self->placements_label), *line != '\0');
}

static void
update_header (HwCaseView *self)
{
  g_autoptr(HwRecord) record = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  const char *number, *concurrent, *language, *tribe;

  record = hw_store_get (self->store, "cases", self->case_id, NULL);
  if (record == NULL)
    return;   /* gone (e.g. its creation undone): the window will drop us */

  gtk_label_set_text (self->family_label, hw_record_get_string (record, "family_name"));

  number = hw_record_get_string (record, "case_number");
  if (*number != '\0')
    {
      g_string_append_printf (summary, _("Case %s"), number);
      g_string_append (summary, " · ");
    }
  g_string_append (summary, hw_choice_label (HW_CHOICES_CASE_STATUS, hw_record_get_string (record, "status")));
  g_string_append (summary, " · ");
  g_string_append_printf (summary, _("Goal: %s"),
                          hw_choice_label (HW_CHOICES_PERMANENCY_GOAL,
                                           hw_record_get_string (record, "permanency_goal")));
  concurrent = hw_record_get_string (record, "concurrent_goal");
  if (*concurrent != '\0')
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, _("Concurrent goal: %s"),
                              hw_choice_label (HW_CHOICES_PERMANENCY_GOAL, concurrent));
    }
  gtk_label_set_text (self->summary_label, summary->str);

  language = hw_record_get_string (record, "primary_language");
  if (*language != '\0')
    g_string_append_printf (details, _("Language: %s"), hw_choice_label (HW_CHOICES_LANGUAGE, language));
  if (hw_record_get_boolean (record, "interpreter_needed"))
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, _("Interpreter needed"));
    }
  tribe = hw_record_get_string (record, "tribal_affiliation");
  if (*tribe != '\0')
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append_printf (details, _("Tribe: %s"), tribe);
    }
  gtk_label_set_text (self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);
}

static GtkWidget *
not_ready_page_new (const HwArea *area)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), area->icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _(area->title));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("This part of Homeward is not ready yet."));
  gtk_widget_add_css_class (page, "not-ready");
  return page;
}

/* Each page holds its area view, made the first time the page is shown:
 * opening a family stays quick, and a view nobody looked at does not
 * follow every change of the store. */
/* The area whose page in the stack is named @name, or NULL. */
static const HwArea *
area_named (const char *name)
{
  guint n_areas = 0;
  const HwArea *areas = hw_areas_get (&n_areas);

  for (guint i = 0; name != NULL && i < n_areas; i++)
    if (g_str_equal (areas[i].name, name))
      return &areas[i];
  return NULL;
}

static GtkWidget *
ensure_page (HwCaseView *self,
             GtkWidget  *holder)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->stack, holder);
  const HwArea *area = page != NULL ? area_named (adw_view_stack_page_get_name (page)) : NULL;
  GtkWidget *child = gtk_widget_get_first_child (holder);

  g_assert (HW_IS_CASE_VIEW (self));

  if (child != NULL || area == NULL)
    return child;

  if (area->view_new != NULL)
    child = area->view_new (self->store, self->case_id);
  if (child == NULL)
    child = not_ready_page_new (area);
  gtk_widget_set_hexpand (child, TRUE);
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (holder), child);
  return child;
}

static void
visible_page_changed_cb (HwCaseView *self)
{
  GtkWidget *holder = adw_view_stack_get_visible_child (self->stack);

  if (holder != NULL)
    ensure_page (self, holder);
}

static void
add_pages (HwCaseView *self)
{
  const HwArea *areas;
  guint n_areas = 0;

  areas = hw_areas_get (&n_areas);
  for (guint i = 0; i < n_areas; i++)
    {
      GtkWidget *holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      AdwViewStackPage *page;

      page = adw_view_stack_add_titled (self->stack, holder, areas[i].name, _(areas[i].title));
      adw_view_stack_page_set_icon_name (page, areas[i].icon_name);
    }

  /* the page shown is made when the view is first shown (see
   * hw_case_view_map()), so that the window may choose it first */
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Opening a family on another area than the first (the window keeps the
 * area when another family opens) made the first area's view for
 * nothing: the view of the page shown is made when it is first shown. */
static void
hw_case_view_map (GtkWidget *widget)
{
  HwCaseView *self = HW_CASE_VIEW (widget);

  GTK_WIDGET_CLASS (hw_case_view_parent_class)->map (widget);
  visible_page_changed_cb (self);
}

static void
store_changed_cb (HwCaseView *self,
                  const char *table)
{
  if (g_strcmp0 (table, "cases") == 0)
    update_header (self);
  else if (g_strcmp0 (table, "case_events") == 0)
    update_dates (self);
  /* a renamed caregiver or child changes the line too */
  if (g_strcmp0 (table, "placements") == 0 || g_strcmp0 (table, "people") == 0)
    update_placements (self);
}

static void
edit_details_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  hw_case_view_edit_details (HW_CASE_VIEW (widget));
}

static void
hw_case_view_constructed (GObject *object)
{
  HwCaseView *self = HW_CASE_VIEW (object);

  G_OBJECT_CLASS (hw_case_view_parent_class)->constructed (object);

  g_assert (HW_IS_STORE (self->store));

  add_pages (self);
  update_header (self);
  update_dates (self);
  update_placements (self);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
hw_case_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HwCaseView *self = HW_CASE_VIEW (object);

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
hw_case_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HwCaseView *self = HW_CASE_VIEW (object);

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
hw_case_view_dispose (GObject *object)
{
  HwCaseView *self = HW_CASE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_CASE_VIEW);
  /* dispose_template only unparents the children bound to fields */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_case_view_parent_class)->dispose (object);
}

static void
hw_case_view_class_init (HwCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_case_view_constructed;
  object_class->get_property = hw_case_view_get_property;
  object_class->set_property = hw_case_view_set_property;
  object_class->dispose = hw_case_view_dispose;
  widget_class->map = hw_case_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/people/hw-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HwCaseView, header_box);
  gtk_widget_class_bind_template_child (widget_class, HwCaseView, family_label);
  gtk_widget_class_bind_template_child (widget_class, HwCaseView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HwCaseView, dates_label);
  gtk_widget_class_bind_template_child (widget_class, HwCaseView, placements_label);
  gtk_widget_class_bind_template_child (widget_class, HwCaseView, details_label);
  gtk_widget_class_bind_template_child (widget_class, HwCaseView, stack);

  gtk_widget_class_install_action (widget_class, "case.edit-details", NULL, edit_details_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hwcaseview");
}

static void
hw_case_view_init (HwCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

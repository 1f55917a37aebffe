/* hw-aftercare-year.c: the twelve months after going home, checked.
 *
 * Supports after reunification should run for at least a year from the
 * return home (DOMAIN.md). The check itself is the core's
 * (hw_case_dates_check_aftercare); this widget only says what it found,
 * in plain words, above the aftercare list: the months with nothing
 * planned and the supports that end before the year is over. It follows
 * the key dates and the supports, and hides while there is no return home
 * to count from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-aftercare-year"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hw-aftercare-year.h"
#include "hw-case-dates.h"
#include "hw-language.h"

struct _HwAftercareYear
{
  GtkWidget  parent_instance;

  HwStore   *store;
  gint64     case_id;

  GtkWidget *clamp;
  GtkLabel  *title_label;
  GtkLabel  *detail_label;
};

G_DEFINE_FINAL_TYPE (HwAftercareYear, hw_aftercare_year, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HwAftercareYear *self)
{
  g_autoptr(HwAftercareCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *home = NULL;
  g_autofree char *until = NULL;
  g_autofree char *title = NULL;

  g_assert (HW_IS_AFTERCARE_YEAR (self));

  check = hw_case_dates_check_aftercare (self->store, self->case_id, NULL, &error);
  gtk_widget_set_visible (GTK_WIDGET (self), check != NULL);
  if (check == NULL)
    return;

  home = hw_language_format_iso (check->return_home, HW_DATE_LONG, FALSE);
  until = hw_language_format_iso (check->window_end, HW_DATE_LONG, FALSE);
  /* Translators: "Home since 15 January 2027: the year of support runs to 14 January 2028." */
  title = g_strdup_printf (_("Home since %s: the year of support runs to %s."), home, until);
  gtk_label_set_text (self->title_label, title);

  if (check->uncovered->len > 0)
    {
      g_autofree char *months = hw_case_dates_format_months (check->uncovered);

      /* Translators: "Nothing planned for: March, April 2027" */
      g_string_append_printf (detail, _("Nothing planned for: %s"), months);
    }
  if (check->ending_early->len > 0)
    {
      if (detail->len > 0)
        g_string_append (detail, "\n");
      g_string_append (detail, _("Ends before the year is over: "));
      /* the supports come sorted by end date; several that end on one day
       * (a plan made for one return home) are counted, not listed */
      for (guint i = 0, n; i < check->ending_early->len; i += n)
        {
          HwRecord *support = g_ptr_array_index (check->ending_early, i);
          const char *end_iso = hw_record_get_string (support, "end_date");
          g_autofree char *end = hw_language_format_iso (end_iso, HW_DATE_LONG, FALSE);

          for (n = 1; i + n < check->ending_early->len; n++)
            if (g_strcmp0 (hw_record_get_string (g_ptr_array_index (check->ending_early, i + n),
                                                 "end_date"), end_iso) != 0)
              break;
          if (i > 0)
            g_string_append (detail, "; ");
          if (n == 1)
            /* Translators: a support and the day it ends: "Weekly calls (ends 10 March 2027)" */
            g_string_append_printf (detail, _("%s (ends %s)"),
                                    hw_record_get_string (support, "description"), end);
          else
            g_string_append_printf (detail, ngettext ("%u support ends on %s",
                                                      "%u supports end on %s", n), n, end);
        }
    }
  if (detail->len == 0)
    g_string_append (detail, _("Every month of the year has support planned."));
  gtk_label_set_text (self->detail_label, detail->str);
}

static void
store_changed_cb (HwAftercareYear *self,
                  const char      *table)
{
  if (g_strcmp0 (table, "case_events") == 0 || g_strcmp0 (table, "aftercare_supports") == 0)
    update (self);
}

static void
hw_aftercare_year_constructed (GObject *object)
{
  HwAftercareYear *self = HW_AFTERCARE_YEAR (object);

  G_OBJECT_CLASS (hw_aftercare_year_parent_class)->constructed (object);

  update (self);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
hw_aftercare_year_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HwAftercareYear *self = HW_AFTERCARE_YEAR (object);

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
hw_aftercare_year_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HwAftercareYear *self = HW_AFTERCARE_YEAR (object);

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
hw_aftercare_year_dispose (GObject *object)
{
  HwAftercareYear *self = HW_AFTERCARE_YEAR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->clamp = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_aftercare_year_parent_class)->dispose (object);
}

static void
hw_aftercare_year_class_init (HwAftercareYearClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_aftercare_year_constructed;
  object_class->get_property = hw_aftercare_year_get_property;
  object_class->set_property = hw_aftercare_year_set_property;
  object_class->dispose = hw_aftercare_year_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hwaftercareyear");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hw_aftercare_year_init (HwAftercareYear *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  /* as wide as the list of supports below, and in line with it */
  self->clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (self->clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (self->clamp), box);
  gtk_widget_set_parent (self->clamp, GTK_WIDGET (self));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The year after going home"), -1);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  for (GtkLabel *label = self->title_label; label != NULL;
       label = label == self->title_label ? self->detail_label : NULL)
    {
      gtk_label_set_xalign (label, 0);
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (label));
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
}

GtkWidget *
hw_aftercare_year_new (HwStore *store,
                       gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_AFTERCARE_YEAR, "store", store, "case-id", case_id, NULL);
}

char *
hw_aftercare_year_get_text (HwAftercareYear *self)
{
  g_return_val_if_fail (HW_IS_AFTERCARE_YEAR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return g_strdup ("");
  return g_strconcat (gtk_label_get_text (self->title_label), "\n",
                      gtk_label_get_text (self->detail_label), NULL);
}

/* hw-plan-document.c: builds the printed plans from a snapshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-document"

#include <string.h>

#include <pango/pangocairo.h>

#include "hw-date.h"
#include "hw-ecomap.h"
#include "hw-ecomap-render.h"
#include "hw-enums.h"
#include "hw-i18n.h"
#include "hw-language.h"
#include "hw-placements.h"
#include "hw-plan.h"
#include "hw-plan-document.h"

/* The document is in the family's language, switched with
 * hw_language_push(); hw-i18n.h's _() follows the switch. */

typedef struct {
  JsonObject        *snap;
  const HwRecipient *recipient;
  HwDocument        *doc;
  HwPlanKind         kind;
  gboolean           partial;    /* a support person's copy */
} Builder;

/* Snapshot access ------------------------------------------------------- */

static JsonArray *
array_of (JsonObject *o,
          const char *member)
{
  if (o == NULL || !json_object_has_member (o, member))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, member)))
    return NULL;
  return json_object_get_array_member (o, member);
}

static const char *
str (JsonObject *o,
     const char *member)
{
  JsonNode *node;

  if (o == NULL || !json_object_has_member (o, member))
    return "";
  node = json_object_get_member (o, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gint64
num (JsonObject *o,
     const char *member)
{
  JsonNode *node;

  if (o == NULL || !json_object_has_member (o, member))
    return 0;
  node = json_object_get_member (o, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static JsonObject *
obj (JsonObject *o,
     const char *member)
{
  if (o == NULL || !json_object_has_member (o, member) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, member)))
    return NULL;
  return json_object_get_object_member (o, member);
}

static JsonObject *
find (Builder    *b,
      const char *member,
      gint64      id)
{
  JsonArray *array = array_of (b->snap, member);

  if (id == 0 || array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (o != NULL && num (o, "id") == id)
        return o;
    }
  return NULL;
}

static gboolean
may_see (Builder    *b,
         JsonObject *o)
{
  return o != NULL && hw_recipient_may_see (b->recipient, num (o, "confidential") != 0,
                                            str (o, "withheld_from"));
}

static gboolean
set_has (const char *set,
         const char *kind)
{
  g_auto(GStrv) parts = g_strsplit (set, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (g_strstrip (parts[i]), kind))
      return TRUE;
  return FALSE;
}

static gboolean
may_see_address (Builder    *b,
                 JsonObject *person)
{
  const char *set = str (person, "address_withheld_from");

  if (!may_see (b, person))
    return FALSE;
  if (b->recipient->kind == HW_RECIPIENT_SCREEN)
    return *set == '\0';
  return !set_has (set, hw_recipient_kind_to_string (b->recipient->kind));
}

/* A visible person of the snapshot, or NULL. */
static JsonObject *
person (Builder *b,
        gint64   id)
{
  JsonObject *p = find (b, "people", id);

  return may_see (b, p) ? p : NULL;
}

static const char *
withheld_name (void)
{
  return _("(not shown in this copy)");
}

/* The name to print for @id: "" for nobody, a placeholder if withheld. */
static const char *
person_name (Builder *b,
             gint64   id)
{
  JsonObject *p;

  if (id == 0)
    return "";
  p = person (b, id);
  return p != NULL ? str (p, "name") : withheld_name ();
}

static const char *
choice_label (HwChoices   which,
              const char *id)
{
  guint n;
  const HwChoice *choices = hw_choices_get (which, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (choices[i].id, id))
      return _(choices[i].label);
  return id;
}

static const char *
relationship_of (JsonObject *p)
{
  const char *rel = str (p, "relationship");

  return *rel != '\0' ? rel : choice_label (HW_CHOICES_PERSON_ROLE, str (p, "role"));
}

/* Dates in the document's language ------------------------------------ */

static char *
format_date (const char *iso)
{
  if (!hw_plan_date_valid (iso, FALSE))
    return g_strdup (iso != NULL ? iso : "");
  return hw_language_format_iso (iso, HW_DATE_LONG, FALSE);
}

/* Items ----------------------------------------------------------------- */

/* The items of @section this copy may show. */
static GPtrArray *
items_of (Builder    *b,
          const char *section)
{
  GPtrArray *out = g_ptr_array_new ();
  JsonArray *items = array_of (b->snap, "items");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (item == NULL || g_strcmp0 (str (item, "section"), section) != 0 || !may_see (b, item))
        continue;
      /* A support person gets only what they look after, and the numbers
       * everyone must have. */
      if (b->partial && !g_str_equal (section, "emergency") &&
          num (item, "who_person_id") != b->recipient->person_id)
        continue;
      g_ptr_array_add (out, item);
    }
  return out;
}

static const char *
section_label (HwPlanKind  kind,
               const char *id)
{
  guint n;
  const HwPlanSection *sections = hw_plan_get_sections (kind, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (sections[i].id, id))
      return _(sections[i].label);
  return id;
}

static void
nothing_yet (Builder *b)
{
  hw_document_add_note (b->doc, _("Nothing written yet."));
}

static void
add_bullets (Builder    *b,
             const char *section)
{
  g_autoptr(GPtrArray) items = items_of (b, section);

  hw_document_add_heading (b->doc, 2, section_label (b->kind, section));
  if (items->len == 0)
    nothing_yet (b);
  for (guint i = 0; i < items->len; i++)
    hw_document_add_bullet (b->doc, str (g_ptr_array_index (items, i), "text"));
}

static char *
join_nonempty (const char *sep,
               const char *a,
               const char *b)
{
  if (*a == '\0')
    return g_strdup (b);
  if (*b == '\0')
    return g_strdup (a);
  return g_strconcat (a, sep, b, NULL);
}

/* Rules, check-ins, respite: what, who, when and how often, how checked. */
static void
add_task_table (Builder    *b,
                const char *section,
                gboolean    with_check)
{
  g_autoptr(GPtrArray) items = items_of (b, section);
  const char *headers[] = {
    g_str_equal (section, "rule") ? _("Rule") : _("What"),
    g_str_equal (section, "rule") ? _("Who makes sure") : _("Who"),
    _("When and how often"),
    _("How we check"),
  };
  const double widths[] = { 4, 2, 2, 2.4 };

  /* a support person's part: a section with nothing of theirs is left
   * out (its entries may be somebody else's, not missing) */
  if (items->len == 0 && b->partial)
    return;
  hw_document_add_heading (b->doc, 2, section_label (b->kind, section));
  if (items->len == 0)
    {
      nothing_yet (b);
      return;
    }
  hw_document_add_table (b->doc, with_check ? 4 : 3, headers, widths);
  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = g_ptr_array_index (items, i);
      g_autofree char *when = join_nonempty (", ", str (item, "when_text"), str (item, "how_often"));
      const char *row[] = {
        str (item, "text"),
        person_name (b, num (item, "who_person_id")),
        when,
        str (item, "how_checked"),
      };

      hw_document_add_table_row (b->doc, row);
    }
}

/* Triggers and warning signs: the sign and what to do. */
static void
add_sign_table (Builder    *b,
                const char *section)
{
  g_autoptr(GPtrArray) items = items_of (b, section);
  const char *headers[] = { _("Warning sign"), _("What to do") };

  hw_document_add_heading (b->doc, 2, section_label (b->kind, section));
  if (items->len == 0)
    {
      nothing_yet (b);
      return;
    }
  hw_document_add_table (b->doc, 2, headers, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = g_ptr_array_index (items, i);
      const char *row[] = { str (item, "text"), str (item, "how_checked") };

      hw_document_add_table_row (b->doc, row);
    }
}

/* "a\nb" -> "a, b", for a contact on one line */
static char *
one_line (char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_free (text);
  g_string_replace (s, "\n", ", ", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "phone" and, if this copy may show it, the address on a second line. */
static char *
contact_of (Builder    *b,
            JsonObject *p,
            const char *phone)
{
  const char *address = may_see_address (b, p) ? str (p, "address") : "";

  if (phone == NULL || *phone == '\0')
    phone = str (p, "phone");
  return join_nonempty ("\n", phone, address);
}

static void
add_network (Builder *b)
{
  g_autoptr(GPtrArray) items = items_of (b, "network");
  JsonArray *members = array_of (b->snap, "network");
  const char *headers[] = { _("Name"), _("What they do"), _("How to reach them") };
  const double widths[] = { 2, 3, 2.2 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  hw_document_add_heading (b->doc, 2, section_label (b->kind, "network"));

  /* Members of the network from the ecomap, one row per person with all
   * their roles. */
  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      JsonObject *m = json_array_get_object_element (members, i);
      gint64 id = num (m, "person_id");
      JsonObject *p = person (b, id);
      g_autoptr(GString) what = g_string_new (NULL);
      char **row;

      /* the person alleged to have caused harm is never a protector */
      if (p == NULL || g_hash_table_contains (seen, &id) ||
          num (p, "alleged_harm_source") != 0 ||
          (b->partial && id != b->recipient->person_id))
        continue;
      for (guint j = i; j < json_array_get_length (members); j++)
        {
          JsonObject *o = json_array_get_object_element (members, j);

          if (num (o, "person_id") != id)
            continue;
          if (what->len > 0)
            g_string_append (what, "; ");
          g_string_append (what, choice_label (HW_CHOICES_NETWORK_ROLE, str (o, "role")));
          if (*str (o, "availability") != '\0')
            g_string_append_printf (what, " (%s)", str (o, "availability"));
        }
      g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (rows->len));
      row = g_new0 (char *, 4);
      row[0] = g_strdup (str (p, "name"));
      row[1] = g_string_free (g_steal_pointer (&what), FALSE);
      row[2] = contact_of (b, p, NULL);
      g_ptr_array_add (rows, row);
    }

  /* Entries written in the plan itself: added to the person's row when
   * they are already listed as a member, else a row of their own. */
  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = g_ptr_array_index (items, i);
      gint64 id = num (item, "who_person_id");
      JsonObject *p = person (b, id);
      gpointer index;
      char **row;

      if (id != 0 && g_hash_table_lookup_extended (seen, &id, NULL, &index))
        {
          char **existing = g_ptr_array_index (rows, GPOINTER_TO_UINT (index));
          char *what = g_strconcat (existing[1], "; ", str (item, "text"), NULL);

          g_free (existing[1]);
          existing[1] = what;
          continue;
        }
      row = g_new0 (char *, 4);
      row[0] = g_strdup (id == 0 ? "" : person_name (b, id));
      row[1] = g_strdup (str (item, "text"));
      row[2] = p != NULL ? contact_of (b, p, str (item, "phone"))
                         : g_strdup (id == 0 ? str (item, "phone") : "");
      if (p != NULL)
        g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (rows->len));
      g_ptr_array_add (rows, row);
    }

  if (rows->len == 0)
    {
      nothing_yet (b);
      return;
    }
  hw_document_add_table (b->doc, 3, headers, widths);
  for (guint i = 0; i < rows->len; i++)
    hw_document_add_table_row (b->doc, (const char * const *) g_ptr_array_index (rows, i));
}

static void
add_emergency (Builder *b)
{
  g_autoptr(GPtrArray) items = NULL;
  const char *headers[] = { _("Who to call"), _("Phone") };
  const double widths[] = { 3, 1.5 };

  /* everyone's copy has the emergency numbers, whoever named them */
  items = items_of (b, "emergency");
  hw_document_add_heading (b->doc, 2, section_label (b->kind, "emergency"));
  if (items->len == 0)
    {
      nothing_yet (b);
      return;
    }
  hw_document_add_table (b->doc, 2, headers, widths);
  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = g_ptr_array_index (items, i);
      gint64 id = num (item, "who_person_id");
      JsonObject *p = person (b, id);
      g_autofree char *who = NULL;
      const char *phone = str (item, "phone");
      const char *row[2];

      if (id != 0 && p == NULL)
        who = g_strdup (str (item, "text"));
      else if (p != NULL)
        who = g_strdup_printf ("%s — %s", str (item, "text"), str (p, "name"));
      else
        who = g_strdup (str (item, "text"));
      if (*phone == '\0' && p != NULL)
        phone = str (p, "phone");
      row[0] = who;
      row[1] = phone;
      hw_document_add_table_row (b->doc, row);
    }
}

/* Supports for 12 months: aftercare supports from the service plan, by
 * component, then the supports written in the plan. */
static void
add_supports (Builder *b)
{
  JsonArray *supports = array_of (b->snap, "supports");
  g_autoptr(GPtrArray) items = items_of (b, "support");
  const char *headers[] = { _("Area"), _("Support"), _("Who helps"), _("Check-ins"), _("Dates") };
  const double widths[] = { 2, 3, 2, 1.6, 1.8 };
  guint n_components;
  const HwChoice *components = hw_choices_get (HW_CHOICES_AFTERCARE_COMPONENT, &n_components);
  gboolean any = FALSE;

  /* the heading comes with the first row: a support person's part leaves
   * the section out when none of it is theirs */

  for (guint c = 0; c <= n_components; c++)
    for (guint i = 0; supports != NULL && i < json_array_get_length (supports); i++)
      {
        JsonObject *s = json_array_get_object_element (supports, i);
        const char *component = str (s, "component");
        gint64 pid = num (s, "provider_person_id");
        JsonObject *org = find (b, "organisations", num (s, "provider_org_id"));
        g_autofree char *who = NULL;
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;
        g_autofree char *dates = NULL;
        gboolean known = FALSE;

        for (guint k = 0; k < n_components; k++)
          known |= g_str_equal (components[k].id, component);
        /* in the order of the components; unknown ones last */
        if (c < n_components ? !g_str_equal (components[c].id, component) : known)
          continue;
        if (b->partial && pid != b->recipient->person_id)
          continue;

        who = join_nonempty (", ", pid != 0 ? person_name (b, pid) : "",
                             org != NULL ? (may_see (b, org) ? str (org, "name") : withheld_name ()) : "");
        from = format_date (str (s, "start_date"));
        to = format_date (str (s, "end_date"));
        dates = join_nonempty (" – ", from, to);
        if (!any)
          {
            hw_document_add_heading (b->doc, 2, section_label (b->kind, "support"));
            hw_document_add_table (b->doc, 5, headers, widths);
          }
        any = TRUE;
        {
          const char *row[] = {
            choice_label (HW_CHOICES_AFTERCARE_COMPONENT, component),
            str (s, "description"), who, str (s, "checkin_schedule"), dates,
          };

          hw_document_add_table_row (b->doc, row);
        }
      }

  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = g_ptr_array_index (items, i);
      g_autofree char *when = join_nonempty (", ", str (item, "when_text"), str (item, "how_often"));
      const char *row[] = {
        "", str (item, "text"), person_name (b, num (item, "who_person_id")), when, "",
      };

      if (!any)
        {
          hw_document_add_heading (b->doc, 2, section_label (b->kind, "support"));
          hw_document_add_table (b->doc, 5, headers, widths);
        }
      any = TRUE;
      hw_document_add_table_row (b->doc, row);
    }
  if (!any && !b->partial)
    {
      hw_document_add_heading (b->doc, 2, section_label (b->kind, "support"));
      nothing_yet (b);
    }
}

static void
add_point_person (Builder *b)
{
  JsonObject *plan = obj (b->snap, "plan");
  gint64 id = num (plan, "point_person_id");
  JsonObject *p = person (b, id);
  g_autofree char *text = NULL;

  if (id == 0)
    text = g_strdup (_("Not chosen yet"));
  else if (p == NULL)
    text = g_strdup (withheld_name ());
  else
    {
      g_autofree char *contact = one_line (contact_of (b, p, NULL));

      /* not "(…)": a phone number often has its own brackets */
      text = *contact != '\0' ? g_strdup_printf ("%s — %s", str (p, "name"), contact)
                              : g_strdup (str (p, "name"));
    }
  hw_document_add_labelled (b->doc, _("Point person (the one person to call)"), text);
}

/* A support person's own contact line, so they can check it is right. */
static void
add_own_contact (Builder *b)
{
  JsonObject *p = person (b, b->recipient->person_id);
  g_autofree char *contact = one_line (contact_of (b, p, NULL));

  hw_document_add_labelled (b->doc, _("Your contact details in this plan"),
                            *contact != '\0' ? contact : _("None recorded"));
}

/* Signatures ------------------------------------------------------------ */

static gboolean
is_signing_role (const char *role)
{
  static const char * const roles[] = {
    "mother", "father", "parent", "stepparent", "kin-caregiver", "caseworker", NULL
  };

  return g_strv_contains (roles, role);
}

static void
add_signature_of (Builder    *b,
                  GHashTable *seen,
                  JsonObject *p)
{
  gint64 id = p != NULL ? num (p, "id") : 0;

  if (p == NULL || g_hash_table_contains (seen, &id))
    return;
  if (b->partial && id != b->recipient->person_id)
    return;
  /* a draft safety plan does not ask the person alleged to have caused
   * harm to sign as a protector (an agreed version lists who signed) */
  if (b->kind == HW_PLAN_SAFETY && num (p, "alleged_harm_source") != 0)
    return;
  g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
  hw_document_add_signature (b->doc, str (p, "name"), relationship_of (p));
}

static void
add_signatures (Builder *b)
{
  JsonObject *version = obj (b->snap, "version");
  JsonArray *sigs = array_of (version, "signatories");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  hw_document_add_heading (b->doc, 2, _("Signatures"));
  hw_document_add_paragraph (b->doc,
                             _("By signing, we agree to follow this plan and to tell the team "
                               "straight away if it is not working."));

  if (version != NULL)
    {
      for (guint i = 0; sigs != NULL && i < json_array_get_length (sigs); i++)
        {
          JsonObject *s = json_array_get_object_element (sigs, i);
          gint64 id = num (s, "person_id");
          const char *rel = str (s, "relationship");

          if (id != 0)
            {
              /* withheld people do not appear, not even as a signature */
              if (person (b, id) == NULL)
                continue;
              if (b->partial && id != b->recipient->person_id)
                continue;
            }
          else if (b->partial)
            continue;
          if (*rel == '\0')
            rel = choice_label (HW_CHOICES_PERSON_ROLE, str (s, "role"));
          hw_document_add_signature (b->doc, str (s, "name"), rel);
        }
      return;
    }

  /* A draft: the parents and caregivers, everyone the plan relies on, and
   * the caseworker. */
  {
    JsonArray *people = array_of (b->snap, "people");
    JsonArray *items = array_of (b->snap, "items");
    JsonArray *members = array_of (b->snap, "network");

    for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
      {
        JsonObject *p = json_array_get_object_element (people, i);

        /* in a safety plan, the person alleged to have caused harm is not
         * asked to sign as one of the people keeping the children safe */
        if (is_signing_role (str (p, "role")) && !g_str_equal (str (p, "role"), "caseworker") &&
            (b->kind == HW_PLAN_REUNIFICATION || num (p, "alleged_harm_source") == 0))
          add_signature_of (b, seen, person (b, num (p, "id")));
      }
    for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);

        if (may_see (b, item) && !g_str_equal (str (item, "section"), "emergency"))
          add_signature_of (b, seen, person (b, num (item, "who_person_id")));
      }
    for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
      add_signature_of (b, seen, person (b, num (json_array_get_object_element (members, i), "person_id")));
    for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
      {
        JsonObject *p = json_array_get_object_element (people, i);

        if (g_str_equal (str (p, "role"), "caseworker"))
          add_signature_of (b, seen, person (b, num (p, "id")));
      }
  }
}

/* The figure ------------------------------------------------------------ */

/* a support person's copy has no map: it is only their own part */
static gboolean
support_copy_needs_no_map (const HwRecipient *recipient)
{
  return recipient->kind == HW_RECIPIENT_SUPPORT;
}

static void
draw_placeholder_cb (cairo_t *cr,
                     double   w,
                     double   h,
                     gpointer user_data)
{
  const char *label = user_data;
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans 11");
  int lw, lh;

  cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  pango_font_description_set_absolute_size (desc, 11 * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, label, -1);
  pango_layout_get_size (layout, &lw, &lh);
  cairo_move_to (cr, (w - (double) lw / PANGO_SCALE) / 2, (h - (double) lh / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* Where the children live ------------------------------------------------ */

/* The caregiver of @placement as this copy may show it. */
static char *
placement_caregiver (Builder    *b,
                     JsonObject *placement)
{
  gint64 id = num (placement, "caregiver_id");
  const char *name = str (placement, "caregiver_name");
  const char *setting = hw_placement_setting_label (str (placement, "setting"));

  if (id != 0 && person (b, id) != NULL)
    name = str (person (b, id), "name");
  else if (*name != '\0' &&
           !hw_recipient_may_see (b->recipient, FALSE, str (placement, "caregiver_withheld_from")))
    name = withheld_name ();
  else if (id != 0 && *name == '\0')
    name = withheld_name ();
  if (*name == '\0')
    return g_strdup (setting);
  return g_strdup_printf ("%s\n%s", name, setting);
}

/* Each child's placements in date order (the snapshot's order), with the
 * address of a confidential placement and a withheld caregiver left out of
 * the copies they are withheld from. A support person's part has none. */
static void
add_placements (Builder *b)
{
  JsonArray *placements = array_of (b->snap, "placements");
  const char *headers[] = {
    _("Child"), _("From"), _("Until"), _("With whom"), _("Address"), _("Why"),
  };
  const double widths[] = { 1.6, 1.6, 1.6, 2.4, 2.2, 3.4 };
  gint64 last_child = 0;

  /* plans agreed before placements were recorded have none: say nothing */
  if (b->partial || placements == NULL)
    return;
  hw_document_add_heading (b->doc, 2, _("Where the children live"));
  if (json_array_get_length (placements) == 0)
    {
      nothing_yet (b);
      return;
    }
  hw_document_add_table (b->doc, G_N_ELEMENTS (headers), headers, widths);
  hw_document_set_table_group_column (b->doc, 0);
  for (guint i = 0; i < json_array_get_length (placements); i++)
    {
      JsonObject *p = json_array_get_object_element (placements, i);
      JsonObject *child = p != NULL ? person (b, num (p, "child_id")) : NULL;
      g_autofree char *from = NULL, *until = NULL, *who = NULL;
      g_autoptr(GString) why = NULL;
      const char *address;
      const char *row[6];

      if (p == NULL)
        continue;
      from = format_date (str (p, "start_date"));
      until = *str (p, "ends") != '\0' ? format_date (str (p, "ends")) : g_strdup (_("Now"));
      who = placement_caregiver (b, p);
      address = str (p, "address");
      if (*address != '\0' &&
          !hw_recipient_may_see (b->recipient, FALSE, str (p, "address_withheld_from")))
        address = withheld_name ();
      why = g_string_new (str (p, "reason"));
      if (!hw_placement_setting_is_kin (str (p, "setting")))
        {
          const char *not_kin = str (p, "kin_not_chosen_reason");

          if (why->len > 0)
            g_string_append_c (why, '\n');
          g_string_append (why, num (p, "kin_considered") ? _("Relatives were considered first.")
                                                          : _("Relatives were not considered "
                                                              "first."));
          if (*not_kin != '\0')
            /* Translators: %s says why no relative was chosen */
            g_string_append_printf (why, "\n%s", not_kin);
        }
      /* the child is named once, on the first row of their placements
       * (and again at the top of a page: hw_document_set_table_group_column) */
      row[0] = num (p, "child_id") == last_child ? ""
               : child != NULL ? str (child, "name") : withheld_name ();
      last_child = num (p, "child_id");
      row[1] = from;
      row[2] = until;
      row[3] = who;
      row[4] = address;
      row[5] = why->str;
      hw_document_add_table_row (b->doc, row);
    }
}

/* The plans ------------------------------------------------------------- */

static void
add_title (Builder    *b,
           const char *title)
{
  JsonObject *version = obj (b->snap, "version");
  g_autofree char *line = NULL;

  hw_document_add_heading (b->doc, 1, title);
  if (version != NULL)
    {
      g_autofree char *date = format_date (str (version, "agreed_on"));

      line = g_strdup_printf (_("Version %d, agreed on %s."), (int) num (version, "number"), date);
    }
  else
    line = g_strdup (_("Draft: not agreed yet."));
  hw_document_add_paragraph (b->doc, line);
}

static void
build_safety (Builder              *b,
              HwDocumentHeightFunc  figure_height,
              HwDocumentDrawFunc    figure,
              gpointer            figure_data,
              GDestroyNotify      figure_destroy)
{
  JsonObject *plan = obj (b->snap, "plan");
  g_autofree char *review = format_date (str (plan, "review_date"));

  if (b->partial)
    {
      add_title (b, _("Your part of the safety plan"));
      hw_document_add_paragraph (b->doc, _("This copy shows only what you agreed to do, "
                                           "how to reach you, and the emergency numbers."));
      add_own_contact (b);
      add_task_table (b, "rule", TRUE);
      add_network (b);
      add_emergency (b);
    }
  else
    {
      add_title (b, _("Safety plan"));
      add_placements (b);
      add_bullets (b, "danger");
      add_bullets (b, "safety-goal");
      add_task_table (b, "rule", TRUE);
      add_network (b);
      add_sign_table (b, "trigger");
      add_bullets (b, "if-not-followed");
      add_emergency (b);

      hw_document_add_heading (b->doc, 2, section_label (b->kind, "child-version"));
      {
        g_autoptr(GPtrArray) items = items_of (b, "child-version");

        if (items->len == 0)
          nothing_yet (b);
        for (guint i = 0; i < items->len; i++)
          hw_document_add_paragraph (b->doc, str (g_ptr_array_index (items, i), "text"));
      }

      hw_document_add_heading (b->doc, 2, _("Our support network"));
      if (figure != NULL && figure_height != NULL)
        hw_document_add_wide_figure (b->doc, figure_height, figure, figure_data, figure_destroy,
                                     _("The people and services around the family"));
      else if (figure != NULL)
        hw_document_add_figure (b->doc, 4.0 / 3.0, figure, figure_data, figure_destroy,
                                _("The people and services around the family"));
      else
        hw_document_add_figure (b->doc, 4.0 / 3.0, draw_placeholder_cb,
                                g_strdup (_("Support network map")), g_free,
                                _("The people and services around the family"));
      figure_destroy = NULL;
    }
  if (figure_destroy != NULL)
    figure_destroy (figure_data);

  hw_document_add_labelled (b->doc, _("Review date"),
                            *review != '\0' ? review : _("Not set yet"));
  add_signatures (b);
}

static void
build_reunification (Builder *b)
{
  JsonObject *plan = obj (b->snap, "plan");
  g_autofree char *closing = format_date (str (plan, "closing_date"));

  if (b->partial)
    {
      add_title (b, _("Your part of the plan for after the children come home"));
      hw_document_add_paragraph (b->doc, _("This copy shows only what you agreed to do "
                                           "and who to call."));
      add_own_contact (b);
      add_supports (b);
      add_task_table (b, "checkin", FALSE);
      add_task_table (b, "respite", FALSE);
      hw_document_add_heading (b->doc, 2, _("Who to call"));
      add_point_person (b);
    }
  else
    {
      add_title (b, _("Plan for after the children come home"));
      add_placements (b);
      add_bullets (b, "need");
      add_bullets (b, "worry");
      add_supports (b);
      add_task_table (b, "checkin", FALSE);
      add_task_table (b, "respite", FALSE);
      add_sign_table (b, "warning-sign");
      hw_document_add_heading (b->doc, 2, _("Who to call"));
      add_point_person (b);
      add_bullets (b, "exit");
      hw_document_add_labelled (b->doc, _("Projected closing date"),
                                *closing != '\0' ? closing : _("Not set yet"));
    }
  add_signatures (b);
}

HwDocument *
hw_plan_document_new (JsonNode           *snapshot,
                      const HwRecipient  *recipient,
                      const char         *language,
                      HwDocumentDrawFunc  figure,
                      gpointer            figure_data,
                      GDestroyNotify      figure_destroy,
                      GError            **error)
{
  return hw_plan_document_new_full (snapshot, recipient, language, NULL, figure, figure_data,
                                    figure_destroy, error);
}

HwDocument *
hw_plan_document_new_full (JsonNode             *snapshot,
                           const HwRecipient    *recipient,
                           const char           *language,
                           HwDocumentHeightFunc  figure_height,
                           HwDocumentDrawFunc    figure,
                           gpointer              figure_data,
                           GDestroyNotify        figure_destroy,
                           GError              **error)
{
  g_autoptr(HwLanguageSwitch) sw = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *lang = NULL;
  JsonObject *kase, *version;
  Builder b = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *recipient_line = NULL;
  g_autofree char *title = NULL;
  const char *heading;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (snapshot) ||
      num (json_node_get_object (snapshot), "format") != 1 ||
      !hw_plan_kind_from_string (str (json_node_get_object (snapshot), "kind"), &b.kind, NULL))
    {
      if (figure_destroy != NULL)
        figure_destroy (figure_data);
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_SNAPSHOT,
                   _("This copy of the plan is damaged and cannot be printed."));
      return NULL;
    }
  b.snap = json_node_get_object (snapshot);
  b.recipient = recipient;
  b.partial = recipient->kind == HW_RECIPIENT_SUPPORT;
  kase = obj (b.snap, "case");
  version = obj (b.snap, "version");

  if (b.partial && person (&b, recipient->person_id) == NULL)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, recipient->person_id);

      if (figure_destroy != NULL)
        figure_destroy (figure_data);
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                   _("Person %s is not someone this plan can be given to."), n);
      return NULL;
    }

  /* a language whose catalog does not load is refused, never printed
   * in English instead */
  lang = hw_language_choose (language, str (kase, "primary_language"), error);
  if (lang == NULL)
    {
      if (figure_destroy != NULL)
        figure_destroy (figure_data);
      return NULL;
    }
  sw = hw_language_push (lang);

  /* in the language pushed: hw_document_new() takes it */
  doc = hw_document_new ();
  b.doc = doc;
  hw_document_set_case (doc, str (kase, "family_name"), str (kase, "case_number"));
  /* 1 for the made-up sample family (hw_plan_snapshot(), hw_plan_load_version()) */
  hw_document_set_sample (doc, num (kase, "sample") == 1);
  hw_document_set_confidentiality (doc, _("Confidential. Share this copy only with the people it is for."));

  switch (recipient->kind)
    {
    case HW_RECIPIENT_FAMILY:
      recipient_line = g_strdup (_("Copy for the family"));
      break;
    case HW_RECIPIENT_SUPPORT:
      recipient_line = g_strdup_printf (_("Copy for %s (their part only)"),
                                        str (person (&b, recipient->person_id), "name"));
      break;
    case HW_RECIPIENT_SCREEN:
      recipient_line = g_strdup (_("Shown on the shared screen"));
      break;
    case HW_RECIPIENT_AGENCY:
    default:
      recipient_line = g_strdup (_("Copy for the agency and the court"));
      break;
    }
  hw_document_set_recipient_line (doc, recipient_line);

  if (version != NULL)
    {
      g_autofree char *agreed = format_date (str (version, "agreed_on"));

      date = g_strdup (str (version, "agreed_on"));
      date_line = g_strdup_printf (_("Agreed on %s"), agreed);
    }
  else
    {
      g_autofree char *today = NULL;

      date = hw_date_today_iso ();
      today = format_date (date);
      date_line = g_strdup_printf (_("Draft printed on %s"), today);
    }
  hw_document_set_date_line (doc, date_line);

  if (b.kind == HW_PLAN_SAFETY)
    build_safety (&b, figure_height, figure, figure_data, figure_destroy);
  else
    {
      if (figure_destroy != NULL)
        figure_destroy (figure_data);
      build_reunification (&b);
    }

  heading = b.kind == HW_PLAN_SAFETY ? _("Safety plan") : _("Plan for after the children come home");
  title = g_strdup_printf ("%s — %s", heading, str (kase, "family_name"));
  hw_document_set_metadata (doc, title,
                            version != NULL && *str (version, "author") != '\0' ? str (version, "author") : "Homeward",
                            recipient_line, date);
  return g_steal_pointer (&doc);
}

static double
ecomap_height_cb (double   width,
                  gpointer user_data)
{
  return hw_ecomap_figure_height (user_data, width);
}

static void
draw_ecomap_cb (cairo_t *cr,
                double   width,
                double   height,
                gpointer user_data)
{
  hw_ecomap_draw_document_figure (user_data, cr, width, height);
}

HwDocument *
hw_plan_document_new_for_store (HwStore            *store,
                                JsonNode           *snapshot,
                                const HwRecipient  *recipient,
                                const char         *language,
                                GError            **error)
{
  JsonObject *root, *version;
  HwEcomapMap *map = NULL;
  HwPlanKind kind;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);

  root = JSON_NODE_HOLDS_OBJECT (snapshot) ? json_node_get_object (snapshot) : NULL;
  version = obj (root, "version");
  if (root != NULL && support_copy_needs_no_map (recipient) == FALSE &&
      hw_plan_kind_from_string (str (root, "kind"), &kind, NULL) && kind == HW_PLAN_SAFETY)
    {
      /* NULL if refused: hw_plan_document_new() then says why */
      g_autofree char *lang = hw_language_choose (language, str (obj (root, "case"), "primary_language"),
                                                  NULL);
      g_autoptr(HwLanguageSwitch) sw G_GNUC_UNUSED = hw_language_push (lang);

      /* An agreed version shows the map frozen with it, so that it
       * reprints the same; the draft shows today's map. */
      if (version != NULL)
        {
          gint64 id = num (version, "ecomap_snapshot_id");

          /* by name and time first: ids change when a case is moved to
           * another database with `homeward import` */
          if (id > 0 && *str (version, "ecomap_snapshot_taken_at") != '\0')
            id = hw_store_query_int (store, id,
                                     "SELECT id FROM ecomap_snapshots WHERE name = ? AND taken_at = ? "
                                     "ORDER BY id = ? DESC, id LIMIT 1",
                                     G_TYPE_STRING, str (version, "ecomap_snapshot_name"),
                                     G_TYPE_STRING, str (version, "ecomap_snapshot_taken_at"),
                                     G_TYPE_INT64, id, G_TYPE_INVALID);
          map = id > 0 ? hw_ecomap_load_snapshot (store, id, recipient, NULL) : NULL;
        }
      else
        map = hw_ecomap_load (store, num (obj (root, "case"), "id"), recipient, NULL);
    }

  if (map != NULL)
    return hw_plan_document_new_full (snapshot, recipient, language, ecomap_height_cb,
                                      draw_ecomap_cb, map, (GDestroyNotify) hw_ecomap_map_free,
                                      error);
  return hw_plan_document_new (snapshot, recipient, language, NULL, NULL, NULL, error);
}

gboolean
hw_plan_export (HwStore                *store,
                const HwExportOptions  *opts,
                GError                **error)
{
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(HwDocument) doc = NULL;
  HwPlanKind kind;
  gint64 plan_id;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);

  if (!hw_plan_kind_from_string (opts->what, &kind, error))
    return FALSE;
  if (opts->format != NULL && g_ascii_strcasecmp (opts->format, "pdf") != 0)
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                   _("Plans can only be exported as PDF, not as “%s”."), opts->format);
      return FALSE;
    }
  if (opts->output == NULL || *opts->output == '\0')
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID,
                   _("Say where to write the plan (--output FILE)."));
      return FALSE;
    }

  plan_id = hw_plan_find (store, opts->case_id, kind);
  if (plan_id == 0)
    {
      g_set_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND,
                   kind == HW_PLAN_SAFETY ? _("This family has no safety plan yet.")
                                          : _("This family has no plan for after going home yet."));
      return FALSE;
    }

  snapshot = opts->version > 0 ? hw_plan_load_version (store, plan_id, opts->version, error)
                               : hw_plan_snapshot (store, plan_id, error);
  if (snapshot == NULL)
    return FALSE;

  doc = hw_plan_document_new_for_store (store, snapshot, &opts->recipient, opts->language, error);
  if (doc == NULL)
    return FALSE;
  if (!hw_document_set_paper_name (doc, opts->paper, error))
    return FALSE;
  return hw_document_export_pdf (doc, opts->output, error);
}

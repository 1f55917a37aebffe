/* hw-recipient.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-recipient"

#include "hw-i18n.h"
#include <stdlib.h>
#include <string.h>

#include "hw-recipient.h"

static const char * const kind_names[] = { "family", "agency", "support", "screen", NULL };

const char *
hw_recipient_kind_to_string (HwRecipientKind kind)
{
  g_return_val_if_fail (kind <= HW_RECIPIENT_SCREEN, NULL);
  return kind_names[kind];
}

gboolean
hw_recipient_parse (const char   *text,
                    HwRecipient  *out,
                    GError      **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (g_strcmp0 (text, "family") == 0)
    out->kind = HW_RECIPIENT_FAMILY;
  else if (g_strcmp0 (text, "agency") == 0 || g_strcmp0 (text, "court") == 0)
    out->kind = HW_RECIPIENT_AGENCY;
  else if (g_strcmp0 (text, "screen") == 0)
    out->kind = HW_RECIPIENT_SCREEN;
  else if (text != NULL && g_str_has_prefix (text, "person:"))
    {
      guint64 id = 0;

      if (!g_ascii_string_to_unsigned (text + strlen ("person:"), 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a valid recipient: after “person:” give the number of a person"), text);
          return FALSE;
        }
      out->kind = HW_RECIPIENT_SUPPORT;
      out->person_id = (gint64) id;
    }
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a valid recipient: use family, agency or person:NUMBER"),
                   text ? text : "");
      return FALSE;
    }
  return TRUE;
}

char *
hw_recipient_to_string (const HwRecipient *self)
{
  if (self->kind == HW_RECIPIENT_SUPPORT)
    return g_strdup_printf ("person:%" G_GINT64_FORMAT, self->person_id);
  return g_strdup (hw_recipient_kind_to_string (self->kind));
}

char *
hw_recipient_describe (const HwRecipient *self,
                       const char        *person_name)
{
  switch (self->kind)
    {
    case HW_RECIPIENT_FAMILY:
      return g_strdup (_("Copy for the family"));
    case HW_RECIPIENT_AGENCY:
      return g_strdup (_("Copy for the agency and the court"));
    case HW_RECIPIENT_SUPPORT:
      return g_strdup_printf (_("Copy for %s (their part only)"), person_name ? person_name : _("a support person"));
    case HW_RECIPIENT_SCREEN:
    default:
      return g_strdup (_("Shown on the shared screen"));
    }
}

static gboolean
set_contains (const char *set,
              const char *kind)
{
  g_auto(GStrv) parts = NULL;

  if (set == NULL || *set == '\0')
    return FALSE;
  parts = g_strsplit (set, ",", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (g_strstrip (parts[i]), kind))
      return TRUE;
  return FALSE;
}

gboolean
hw_recipient_may_see (const HwRecipient *self,
                      gboolean           confidential,
                      const char        *withheld_from)
{
  gboolean any_withheld = withheld_from != NULL && *withheld_from != '\0';

  g_return_val_if_fail (self != NULL, FALSE);

  /* The projected screen is seen by everyone in the room. */
  if (self->kind == HW_RECIPIENT_SCREEN)
    return !confidential && !any_withheld;

  if (set_contains (withheld_from, hw_recipient_kind_to_string (self->kind)))
    return FALSE;
  if (confidential && !any_withheld && self->kind != HW_RECIPIENT_AGENCY)
    return FALSE;
  return TRUE;
}

gboolean
hw_recipient_may_see_record (const HwRecipient *self,
                             HwRecord          *record)
{
  return hw_recipient_may_see (self,
                               hw_record_get_boolean (record, "confidential"),
                               hw_record_get_string (record, "withheld_from"));
}

gboolean
hw_recipient_may_see_address (const HwRecipient *self,
                              HwRecord          *person)
{
  const char *set = hw_record_get_string (person, "address_withheld_from");

  if (!hw_recipient_may_see_record (self, person))
    return FALSE;
  if (self->kind == HW_RECIPIENT_SCREEN)
    return set == NULL || *set == '\0';
  return !set_contains (set, hw_recipient_kind_to_string (self->kind));
}

gboolean
hw_recipient_normalise_set (const char  *set,
                            char       **normalised,
                            GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  /* in a fixed order, so that equal sets compare equal */
  for (guint k = 0; kind_names[k] != NULL; k++)
    if (set_contains (set, kind_names[k]))
      g_string_append_printf (out, "%s%s", out->len ? "," : "", kind_names[k]);

  parts = g_strsplit (set ? set : "", ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *p = g_strstrip (parts[i]);
      if (*p != '\0' && !g_strv_contains ((const char * const *) kind_names, p))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not someone a detail can be withheld from (use family, agency, support or screen)"), p);
          return FALSE;
        }
    }

  if (normalised)
    *normalised = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/* hw-ical.c: visits to and from iCalendar with libical.
 *
 * A visit plan becomes one VEVENT with its RRULE; a visit taken off the
 * calendar an EXDATE; a moved or cancelled visit an overriding VEVENT with
 * the same UID and a RECURRENCE-ID (RFC 5545 3.8.4.4). Every TZID used
 * comes with its VTIMEZONE, from libical's zoneinfo, renamed to the plain
 * Olson name so that other programs find the zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ical"

#include <string.h>
#include <stdlib.h>
#include <libical/ical.h>
#include "hw-i18n.h"

#include "hw-ical.h"
#include "hw-recipient.h"
#include "hw-visits.h"
#include "hw-visits-document.h"

#define MAX_IMPORT_BYTES (16 * 1024 * 1024)
/* a published calendar needs an organizer; no one is to be mailed */
#define ORGANIZER_URI "urn:x-homeward:family-time"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static gboolean
fail (GError **error, const char *message)
{
  g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, message);
  return FALSE;
}

static struct icaltimetype
local_to_ical (const char *local)
{
  struct icaltimetype t = icaltime_null_time ();

  t.year = atoi (local);
  t.month = atoi (local + 5);
  t.day = atoi (local + 8);
  t.hour = atoi (local + 11);
  t.minute = atoi (local + 14);
  t.second = atoi (local + 17);
  t.is_date = 0;
  return t;
}

static void
ical_to_local (struct icaltimetype t, char out[HW_LOCAL_TIME_LEN])
{
  g_snprintf (out, HW_LOCAL_TIME_LEN, "%04d-%02d-%02dT%02d:%02d:%02d",
              t.year, t.month, t.day, t.hour, t.minute, t.second);
}

static gboolean
is_utc_zone (const char *tzid)
{
  return tzid != NULL && (g_ascii_strcasecmp (tzid, "UTC") == 0 || strcmp (tzid, "Etc/UTC") == 0);
}

/* A DTSTART-like property: with TZID, in UTC, or floating. */
static icalproperty *
time_property (icalproperty *(*make) (struct icaltimetype),
               const char    *local,
               const char    *tzid)
{
  struct icaltimetype t = local_to_ical (local);
  icalproperty *p;

  if (is_utc_zone (tzid))
    t.zone = icaltimezone_get_utc_timezone ();
  p = make (t);
  if (tzid != NULL && *tzid != '\0' && !is_utc_zone (tzid))
    icalproperty_add_parameter (p, icalparameter_new_tzid (tzid));
  return p;
}

static void
add_x (icalcomponent *comp, const char *name, const char *value)
{
  icalproperty *p = icalproperty_new_x (value);

  icalproperty_set_x_name (p, name);
  icalcomponent_add_property (comp, p);
}

static icalcomponent *
vtimezone_for (const char *tzid)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (tzid);
  icalcomponent *comp;
  icalproperty *p;

  if (zone == NULL)
    return NULL;
  comp = icalcomponent_new_clone (icaltimezone_get_component (zone));
  p = icalcomponent_get_first_property (comp, ICAL_TZID_PROPERTY);
  if (p != NULL)
    icalproperty_set_tzid (p, tzid);
  return comp;
}

/* Export ------------------------------------------------------------------- */

typedef struct {
  gint64 id;
  char *name;
  char *email;
  gboolean visible;
  gboolean address_visible;
  char *address;
} Person;

static void
person_free (gpointer data)
{
  Person *p = data;

  g_free (p->name);
  g_free (p->email);
  g_free (p->address);
  g_free (p);
}

static GHashTable *
load_people (HwStore *store, gint64 case_id, const HwRecipient *recipient, GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GHashTable *people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, person_free);

  rows = hw_store_select (store, "people", error,
                          "SELECT * FROM people WHERE case_id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (rows == NULL)
    {
      g_hash_table_unref (people);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *r = g_ptr_array_index (rows, i);
      Person *p = g_new0 (Person, 1);

      p->id = hw_record_get_id (r);
      p->name = g_strdup (hw_record_get_string (r, "name"));
      p->email = g_strdup (hw_record_get_string (r, "email"));
      p->address = g_strstrip (g_strdup (hw_record_get_string (r, "address")));
      p->visible = hw_recipient_may_see_record (recipient, r);
      p->address_visible = hw_recipient_may_see_address (recipient, r);
      g_hash_table_insert (people, &p->id, p);
    }
  return people;
}

/* A place is withheld when it is (or holds) the protected address of
 * someone: a foster home or a survivor's home. */
static gboolean
place_visible (GHashTable *people, const char *place)
{
  GHashTableIter iter;
  gpointer value;
  g_autofree char *folded = g_utf8_casefold (place, -1);

  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Person *p = value;
      g_autofree char *addr = NULL;

      if (p->address_visible || p->address[0] == '\0')
        continue;
      addr = g_utf8_casefold (p->address, -1);
      if (strstr (folded, addr) != NULL || strstr (addr, folded) != NULL)
        return FALSE;
    }
  return TRUE;
}

static Person *
visible_person (GHashTable *people, gint64 id)
{
  Person *p = id ? g_hash_table_lookup (people, &id) : NULL;

  return p != NULL && p->visible ? p : NULL;
}

/* RFC 5545 3.3.10: with a TZID start, UNTIL must be in UTC. */
static struct icalrecurrencetype
rule_for_export (const char *rrule, const char *tzid)
{
  struct icalrecurrencetype rule = icalrecurrencetype_from_string (rrule);

  if (!icaltime_is_null_time (rule.until) && !icaltime_is_utc (rule.until))
    {
      char local[HW_LOCAL_TIME_LEN];
      gint64 u;

      if (rule.until.is_date)
        {
          rule.until.is_date = 0;
          rule.until.hour = 23;
          rule.until.minute = 59;
          rule.until.second = 59;
        }
      ical_to_local (rule.until, local);
      if (hw_recurrence_local_to_utc (tzid, local, &u, NULL))
        rule.until = icaltime_from_timet_with_zone ((time_t) u, 0, icaltimezone_get_utc_timezone ());
    }
  return rule;
}

typedef struct {
  gint64 id;
  char *uid, *title, *place, *dtstart, *tzid, *rrule, *level, *supervisor, *transport, *notes;
  gint64 supervisor_person_id, transport_person_id;
  int duration;
} SeriesRow;

static void
series_row_free (gpointer data)
{
  SeriesRow *s = data;

  g_free (s->uid);
  g_free (s->title);
  g_free (s->place);
  g_free (s->dtstart);
  g_free (s->tzid);
  g_free (s->rrule);
  g_free (s->level);
  g_free (s->supervisor);
  g_free (s->transport);
  g_free (s->notes);
  g_free (s);
}

static void
add_common (icalcomponent     *ev,
            HwStore           *store,
            SeriesRow         *s,
            GHashTable        *people,
            const HwRecipient *recipient,
            gint64             now)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) desc = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = NULL;
  Person *sup, *drv;
  icalproperty *organizer;
  const char *supervisor = NULL, *transport = NULL;

  icalcomponent_add_property (ev, icalproperty_new_uid (s->uid));
  organizer = icalproperty_new_organizer (ORGANIZER_URI);
  icalproperty_add_parameter (organizer, icalparameter_new_cn (_("Family time")));
  icalcomponent_add_property (ev, organizer);
  icalcomponent_add_property (ev, icalproperty_new_dtstamp (
                                icaltime_from_timet_with_zone ((time_t) now, 0,
                                                               icaltimezone_get_utc_timezone ())));

  parts = hw_store_select (store, "visit_participants", NULL,
                           "SELECT id, person_id, part FROM visit_participants WHERE series_id = ? ORDER BY part DESC, id",
                           G_TYPE_INT64, s->id, G_TYPE_INVALID);
  for (guint i = 0; parts != NULL && i < parts->len; i++)
    {
      HwRecord *r = g_ptr_array_index (parts, i);
      Person *p = visible_person (people, hw_record_get_int (r, "person_id"));

      /* withheld people are left out entirely, not just unnamed */
      if (p == NULL)
        continue;
      g_ptr_array_add (names, p->name);
      /* not ATTENDEE: a published calendar (METHOD:PUBLISH, RFC 5546)
       * has none, and nobody is being invited */
      add_x (ev, strcmp (hw_record_get_string (r, "part"), "child") == 0
                 ? "X-HOMEWARD-CHILD" : "X-HOMEWARD-VISITOR", p->name);
    }

  g_string_append (summary, hw_visits_display_title (s->title));
  if (names->len > 0)
    {
      g_string_append (summary, ": ");
      for (guint i = 0; i < names->len; i++)
        g_string_append_printf (summary, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (names, i));
    }
  g_string_append_printf (summary, " (%s)", hw_visit_level_label (s->level));
  icalcomponent_add_property (ev, icalproperty_new_summary (summary->str));

  if (s->place[0] && place_visible (people, s->place))
    icalcomponent_add_property (ev, icalproperty_new_location (s->place));

  sup = visible_person (people, s->supervisor_person_id);
  drv = visible_person (people, s->transport_person_id);
  supervisor = sup ? sup->name : s->supervisor_person_id ? NULL : s->supervisor;
  transport = drv ? drv->name : s->transport_person_id ? NULL : s->transport;
  g_string_append_printf (desc, _("Supervision: %s"), hw_visit_level_label (s->level));
  if (supervisor && *supervisor)
    {
      g_string_append_c (desc, '\n');
      g_string_append_printf (desc, _("Supervisor: %s"), supervisor);
    }
  if (transport && *transport)
    {
      g_string_append_c (desc, '\n');
      g_string_append_printf (desc, _("Driver: %s"), transport);
    }
  /* the plan's notes are the agency's working notes */
  if (recipient->kind == HW_RECIPIENT_AGENCY && s->notes[0])
    g_string_append_printf (desc, "\n%s", s->notes);
  icalcomponent_add_property (ev, icalproperty_new_description (desc->str));

  add_x (ev, "X-HOMEWARD-LEVEL", s->level);
  if (s->title[0])
    add_x (ev, "X-HOMEWARD-TITLE", s->title);
  if (recipient->kind == HW_RECIPIENT_AGENCY && s->notes[0])
    add_x (ev, "X-HOMEWARD-NOTES", s->notes);
}

static gboolean
series_involves (HwStore *store, SeriesRow *s, gint64 person_id)
{
  if (s->supervisor_person_id == person_id || s->transport_person_id == person_id)
    return TRUE;
  return hw_store_query_int (store, 0,
                             "SELECT count(*) FROM visit_participants WHERE series_id = ? AND person_id = ?",
                             G_TYPE_INT64, s->id, G_TYPE_INT64, person_id, G_TYPE_INVALID) > 0;
}

char *
hw_visits_to_ics (HwStore                *store,
                  const HwExportOptions  *opts,
                  GError                **error)
{
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (series_row_free);
  g_autoptr(GPtrArray) rows = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 person_id = opts->person_id;
  GPtrArray *events;
  char *text, *result;

  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, opts->case_id, G_TYPE_INVALID) != 1)
    {
      fail (error, _("Choose the case whose visits to export."));
      return NULL;
    }
  /* a support person's copy holds only their own visits */
  if (person_id == 0 && opts->recipient.kind == HW_RECIPIENT_SUPPORT)
    person_id = opts->recipient.person_id;
  if (person_id != 0
      && hw_store_query_int (store, 0, "SELECT count(*) FROM people WHERE id = ? AND case_id = ?",
                             G_TYPE_INT64, person_id, G_TYPE_INT64, opts->case_id, G_TYPE_INVALID) != 1)
    {
      fail (error, _("That person is not part of the case."));
      return NULL;
    }

  people = load_people (store, opts->case_id, &opts->recipient, error);
  if (people == NULL)
    return NULL;

  rows = hw_store_select (store, "visit_series", error,
                          "SELECT * FROM visit_series WHERE case_id = ? ORDER BY dtstart, id",
                          G_TYPE_INT64, opts->case_id, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *r = g_ptr_array_index (rows, i);
      SeriesRow *s = g_new0 (SeriesRow, 1);

      s->id = hw_record_get_id (r);
      s->uid = g_strconcat (hw_record_get_string (r, "uid"),
                            strchr (hw_record_get_string (r, "uid"), '@') ? "" : "@homeward", NULL);
      s->title = g_strdup (hw_record_get_string (r, "title"));
      s->place = g_strdup (hw_record_get_string (r, "place"));
      s->dtstart = g_strdup (hw_record_get_string (r, "dtstart"));
      s->tzid = g_strdup (hw_record_get_string (r, "tzid"));
      s->rrule = g_strdup (hw_record_get_string (r, "rrule"));
      s->level = g_strdup (hw_record_get_string (r, "level"));
      s->supervisor = g_strdup (hw_record_get_string (r, "supervisor"));
      s->transport = g_strdup (hw_record_get_string (r, "transport"));
      s->notes = g_strdup (hw_record_get_string (r, "notes"));
      s->supervisor_person_id = hw_record_get_int (r, "supervisor_person_id");
      s->transport_person_id = hw_record_get_int (r, "transport_person_id");
      s->duration = (int) hw_record_get_int (r, "duration_minutes");
      if (person_id != 0 && !series_involves (store, s, person_id))
        {
          series_row_free (s);
          continue;
        }
      g_ptr_array_add (series, s);
    }

  cal = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (cal, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (cal, icalproperty_new_prodid (HW_ICAL_PRODID));
  icalcomponent_add_property (cal, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (cal, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  events = g_ptr_array_new ();
  for (guint i = 0; i < series->len; i++)
    {
      SeriesRow *s = g_ptr_array_index (series, i);
      g_autoptr(HwRecurrence) rec = NULL;
      g_autoptr(GPtrArray) ex = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GHashTable) moved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      icalcomponent *ev = icalcomponent_new_vevent ();
      gboolean single_cancelled = FALSE;

      rec = hw_visits_get_recurrence (store, s->id, error);
      if (rec == NULL)
        {
          icalcomponent_free (ev);
          /* not yet owned by @cal */
          g_ptr_array_foreach (events, (GFunc) (void (*) (void)) icalcomponent_free, NULL);
          g_ptr_array_free (events, TRUE);
          return NULL;
        }
      if (s->tzid[0] && !is_utc_zone (s->tzid))
        g_hash_table_add (zones, g_strdup (s->tzid));

      add_common (ev, store, s, people, &opts->recipient, now);
      icalcomponent_add_property (ev, time_property (icalproperty_new_dtstart, s->dtstart, s->tzid));
      icalcomponent_add_property (ev, icalproperty_new_duration (icaldurationtype_from_int (s->duration * 60)));
      if (s->rrule[0])
        icalcomponent_add_property (ev, icalproperty_new_rrule (rule_for_export (s->rrule, s->tzid)));
      /* the master first, then its overrides */
      g_ptr_array_add (events, ev);

      ex = hw_store_select (store, "visit_exceptions", NULL,
                            "SELECT id, original_start, new_start FROM visit_exceptions WHERE series_id = ? ORDER BY original_start",
                            G_TYPE_INT64, s->id, G_TYPE_INVALID);
      for (guint j = 0; ex != NULL && j < ex->len; j++)
        {
          HwRecord *r = g_ptr_array_index (ex, j);
          const char *orig = hw_record_get_string (r, "original_start");
          const char *to = hw_record_get_string (r, "new_start");

          if (*to == '\0')
            icalcomponent_add_property (ev, time_property (icalproperty_new_exdate, orig, s->tzid));
          else
            g_hash_table_insert (moved, g_strdup (orig), g_strdup (to));
        }

      records = hw_store_select (store, "visit_records", NULL,
                                 "SELECT id, occurrence_start, status FROM visit_records WHERE series_id = ?"
                                 " AND lower(status) LIKE 'cancelled-%'",
                                 G_TYPE_INT64, s->id, G_TYPE_INVALID);
      for (guint j = 0; records != NULL && j < records->len; j++)
        {
          HwRecord *r = g_ptr_array_index (records, j);
          const char *key = hw_record_get_string (r, "occurrence_start");
          const char *to = g_hash_table_lookup (moved, key);

          if (!s->rrule[0])
            {
              single_cancelled = TRUE;
              continue;
            }
          if (!hw_recurrence_has_key (rec, key))
            continue;
          {
            icalcomponent *ov = icalcomponent_new_vevent ();

            add_common (ov, store, s, people, &opts->recipient, now);
            icalcomponent_add_property (ov, time_property (icalproperty_new_recurrenceid, key, s->tzid));
            icalcomponent_add_property (ov, time_property (icalproperty_new_dtstart, to ? to : key, s->tzid));
            icalcomponent_add_property (ov, icalproperty_new_duration (icaldurationtype_from_int (s->duration * 60)));
            icalcomponent_add_property (ov, icalproperty_new_status (ICAL_STATUS_CANCELLED));
            g_ptr_array_add (events, ov);
            g_hash_table_remove (moved, key);
          }
        }
      if (single_cancelled)
        icalcomponent_add_property (ev, icalproperty_new_status (ICAL_STATUS_CANCELLED));

      /* moved and not cancelled */
      {
        GHashTableIter iter;
        gpointer k, v;

        g_hash_table_iter_init (&iter, moved);
        while (g_hash_table_iter_next (&iter, &k, &v))
          {
            icalcomponent *ov = icalcomponent_new_vevent ();

            add_common (ov, store, s, people, &opts->recipient, now);
            icalcomponent_add_property (ov, time_property (icalproperty_new_recurrenceid, k, s->tzid));
            icalcomponent_add_property (ov, time_property (icalproperty_new_dtstart, v, s->tzid));
            icalcomponent_add_property (ov, icalproperty_new_duration (icaldurationtype_from_int (s->duration * 60)));
            g_ptr_array_add (events, ov);
          }
      }
    }

  /* VTIMEZONEs first, for readers that resolve TZIDs in one pass */
  {
    GHashTableIter iter;
    gpointer k;

    g_hash_table_iter_init (&iter, zones);
    while (g_hash_table_iter_next (&iter, &k, NULL))
      {
        icalcomponent *tz = vtimezone_for (k);

        if (tz != NULL)
          icalcomponent_add_component (cal, tz);
      }
  }
  for (guint i = 0; i < events->len; i++)
    icalcomponent_add_component (cal, g_ptr_array_index (events, i));
  g_ptr_array_free (events, TRUE);

  text = icalcomponent_as_ical_string_r (cal);
  result = g_strdup (text);
  icalmemory_free_buffer (text);
  return result;
}

gboolean
hw_ical_check (const char  *ics,
               GError     **error)
{
  g_autoptr(icalcomponent) cal = icalparser_parse_string (ics);
  g_autoptr(GString) problems = g_string_new (NULL);
  icalcomponent *c;

  if (cal == NULL)
    return fail (error, "not iCalendar");
  if (!icalrestriction_check (cal))
    g_string_append (problems, "restriction check failed; ");
  /* the check writes what it found as X-LIC-ERROR properties */
  for (c = icalcomponent_get_first_component (cal, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (cal, ICAL_ANY_COMPONENT))
    {
      icalproperty *p;

      for (p = icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY); p != NULL;
           p = icalcomponent_get_next_property (c, ICAL_XLICERROR_PROPERTY))
        g_string_append_printf (problems, "%s: %s; ", icalcomponent_kind_to_string (icalcomponent_isa (c)),
                                icalproperty_get_xlicerror (p));
    }
  for (icalproperty *p = icalcomponent_get_first_property (cal, ICAL_XLICERROR_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (cal, ICAL_XLICERROR_PROPERTY))
    g_string_append_printf (problems, "VCALENDAR: %s; ", icalproperty_get_xlicerror (p));
  if (problems->len > 0)
    return fail (error, problems->str);
  return TRUE;
}

gboolean
hw_visits_export (HwStore                *store,
                  const HwExportOptions  *opts,
                  GError                **error)
{
  g_autofree char *ics = NULL;

  g_return_val_if_fail (opts != NULL, FALSE);

  if (opts->output == NULL || *opts->output == '\0')
    return fail (error, _("Give a file to write the visits to."));
  if (g_strcmp0 (opts->format, "pdf") == 0)
    return hw_visits_export_pdf (store, opts, error);
  if (g_strcmp0 (opts->format, "ics") != 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("Visits can be exported as ics or pdf, not as “%s”."), opts->format ? opts->format : "");
      return FALSE;
    }
  {
    /* the words of the calendar (summaries, descriptions) in the family's
     * language unless asked otherwise, like the PDF */
    g_autoptr(HwRecord) kase = hw_store_get (store, "cases", opts->case_id, error);
    g_autofree char *lang = NULL;
    g_autoptr(HwLanguageSwitch) language = NULL;

    if (kase == NULL)
      return FALSE;
    lang = hw_language_choose (opts->language, hw_record_get_string (kase, "primary_language"), error);
    if (lang == NULL)
      return FALSE;
    language = hw_language_push (lang);
    ics = hw_visits_to_ics (store, opts, error);
  }
  if (ics == NULL)
    return FALSE;
  return hw_export_write_file (opts->output, ics, -1, error);
}

/* Import -------------------------------------------------------------------- */

typedef struct {
  char *uid;
  char *title;
  char *place;
  char *level;
  char *notes;
  char dtstart[HW_LOCAL_TIME_LEN];
  char *tzid;
  char *rrule;
  int duration;
  GPtrArray *exdates;        /* local keys taken off */
  GPtrArray *moves;          /* pairs: key, new start */
  GArray *visitors, *children;
  gboolean cancelled;
} Incoming;

static void
incoming_free (gpointer data)
{
  Incoming *in = data;

  g_free (in->uid);
  g_free (in->title);
  g_free (in->place);
  g_free (in->level);
  g_free (in->notes);
  g_free (in->tzid);
  g_free (in->rrule);
  g_ptr_array_unref (in->exdates);
  g_ptr_array_unref (in->moves);
  g_array_unref (in->visitors);
  g_array_unref (in->children);
  g_free (in);
}

/* The Olson name of a TZID: ours are plain names; other programs prefix
 * them ("/freeassociation.sourceforge.net/Europe/Madrid") or name the
 * zone in X-LIC-LOCATION. */
static char *
zone_name (icalcomponent *cal, const char *tzid)
{
  icalcomponent *vtz;

  if (is_utc_zone (tzid) || tzid[0] == '\0')
    return g_strdup (tzid);
  if (icaltimezone_get_builtin_timezone (tzid) != NULL)
    return g_strdup (tzid);
  for (const char *p = tzid; (p = strchr (p, '/')) != NULL; p++)
    if (icaltimezone_get_builtin_timezone (p + 1) != NULL)
      return g_strdup (p + 1);
  for (vtz = icalcomponent_get_first_component (cal, ICAL_VTIMEZONE_COMPONENT); vtz != NULL;
       vtz = icalcomponent_get_next_component (cal, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *id = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
      icalproperty *x;

      if (id == NULL || g_strcmp0 (icalproperty_get_tzid (id), tzid) != 0)
        continue;
      for (x = icalcomponent_get_first_property (vtz, ICAL_X_PROPERTY); x != NULL;
           x = icalcomponent_get_next_property (vtz, ICAL_X_PROPERTY))
        if (g_strcmp0 (icalproperty_get_x_name (x), "X-LIC-LOCATION") == 0
            && icaltimezone_get_builtin_timezone (icalproperty_get_x (x)) != NULL)
          return g_strdup (icalproperty_get_x (x));
    }
  return NULL;
}

/* Reads a DTSTART-like property as a local time of @series_tz (NULL: of
 * its own zone, returned in @tz_out). */
static gboolean
read_time (icalcomponent  *cal,
           icalproperty   *p,
           struct icaltimetype t,
           const char     *series_tz,
           char          **tz_out,
           char            out[HW_LOCAL_TIME_LEN],
           gboolean       *is_date,
           GError        **error)
{
  icalparameter *param = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
  g_autofree char *tz = NULL;

  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    return fail (error, _("The file has a visit with a date that cannot be read."));
  if (is_date)
    *is_date = t.is_date;
  if (t.is_date)
    t.hour = t.minute = t.second = 0;

  if (icaltime_is_utc (t))
    tz = g_strdup ("UTC");
  else if (param != NULL)
    {
      tz = zone_name (cal, icalparameter_get_tzid (param));
      if (tz == NULL)
        {
          g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                       _("The file uses a time zone Homeward does not know: “%s”."),
                       icalparameter_get_tzid (param));
          return FALSE;
        }
    }
  else
    tz = g_strdup ("");

  ical_to_local (t, out);
  if (!hw_recurrence_parse_local (out, out, error))
    return FALSE;

  if (series_tz != NULL && g_strcmp0 (series_tz, tz) != 0 && tz[0] && series_tz[0])
    {
      gint64 u;

      /* another zone than the series': the same instant on its clock */
      if (!hw_recurrence_local_to_utc (tz, out, &u, error))
        return FALSE;
      hw_recurrence_utc_to_local (series_tz, u, out);
    }
  if (tz_out)
    *tz_out = g_steal_pointer (&tz);
  return TRUE;
}

static const char *
x_value (icalcomponent *ev, const char *name)
{
  for (icalproperty *x = icalcomponent_get_first_property (ev, ICAL_X_PROPERTY); x != NULL;
       x = icalcomponent_get_next_property (ev, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (x), name) == 0)
      return icalproperty_get_x (x);
  return NULL;
}

static gboolean
has_errors (icalcomponent *comp, GString *out)
{
  gboolean found = FALSE;

  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_XLICERROR_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (comp, ICAL_XLICERROR_PROPERTY))
    {
      if (!found && out->len == 0)
        g_string_append (out, icalproperty_get_xlicerror (p));
      found = TRUE;
    }
  for (icalcomponent *c = icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
    found |= has_errors (c, out);
  return found;
}

static gint64
person_by_name (HwStore *store, gint64 case_id, const char *name)
{
  return hw_store_query_int (store, 0, "SELECT id FROM people WHERE case_id = ? AND name = ? ORDER BY id LIMIT 1",
                             G_TYPE_INT64, case_id, G_TYPE_STRING, name, G_TYPE_INVALID);
}

static void
add_participant (GArray *to, Incoming *in, gint64 pid)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *a = pass ? in->children : in->visitors;

      for (guint i = 0; i < a->len; i++)
        if (g_array_index (a, gint64, i) == pid)
          return;
    }
  g_array_append_val (to, pid);
}

static Incoming *
read_master (HwStore        *store,
             gint64          case_id,
             icalcomponent  *cal,
             icalcomponent  *ev,
             GError        **error)
{
  Incoming *in = g_new0 (Incoming, 1);
  icalproperty *p;
  gboolean is_date = FALSE;
  const char *level = x_value (ev, "X-HOMEWARD-LEVEL");
  const char *title = x_value (ev, "X-HOMEWARD-TITLE");
  int n_rules = 0;

  in->exdates = g_ptr_array_new_with_free_func (g_free);
  in->moves = g_ptr_array_new_with_free_func (g_free);
  in->visitors = g_array_new (FALSE, FALSE, sizeof (gint64));
  in->children = g_array_new (FALSE, FALSE, sizeof (gint64));
  in->uid = g_strdup (icalcomponent_get_uid (ev));
  in->title = g_strdup (title ? title : icalcomponent_get_summary (ev) ? icalcomponent_get_summary (ev) : "");
  in->place = g_strdup (icalcomponent_get_location (ev) ? icalcomponent_get_location (ev) : "");
  /* our own files carry the plan's notes apart from the description */
  if (level != NULL)
    in->notes = g_strdup (x_value (ev, "X-HOMEWARD-NOTES") ? x_value (ev, "X-HOMEWARD-NOTES") : "");
  else
    in->notes = g_strdup (icalcomponent_get_description (ev) ? icalcomponent_get_description (ev) : "");
  in->level = g_strdup (level && hw_visit_level_index (level) >= 0 ? level : "supervised");
  in->cancelled = icalcomponent_get_status (ev) == ICAL_STATUS_CANCELLED;

  p = icalcomponent_get_first_property (ev, ICAL_DTSTART_PROPERTY);
  if (p == NULL)
    {
      fail (error, _("The file has a visit without a start time."));
      goto out_fail;
    }
  if (!read_time (cal, p, icalproperty_get_dtstart (p), NULL, &in->tzid, in->dtstart, &is_date, error))
    goto out_fail;

  if ((p = icalcomponent_get_first_property (ev, ICAL_DURATION_PROPERTY)) != NULL)
    in->duration = icaldurationtype_as_int (icalproperty_get_duration (p)) / 60;
  else if ((p = icalcomponent_get_first_property (ev, ICAL_DTEND_PROPERTY)) != NULL)
    {
      char end[HW_LOCAL_TIME_LEN];
      gint64 a, b;

      if (!read_time (cal, p, icalproperty_get_dtend (p), in->tzid, NULL, end, NULL, error))
        goto out_fail;
      hw_recurrence_local_to_utc (in->tzid, in->dtstart, &a, NULL);
      hw_recurrence_local_to_utc (in->tzid, end, &b, NULL);
      in->duration = (int) ((b - a) / 60);
    }
  else
    in->duration = is_date ? 24 * 60 : 60;
  if (in->duration <= 0)
    {
      fail (error, _("The file has a visit that ends before it starts."));
      goto out_fail;
    }

  for (p = icalcomponent_get_first_property (ev, ICAL_RRULE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (ev, ICAL_RRULE_PROPERTY))
    {
      struct icalrecurrencetype r = icalproperty_get_rrule (p);
      char *s;

      if (++n_rules > 1)
        {
          fail (error, _("The file has a visit with more than one repeat rule; Homeward keeps one."));
          goto out_fail;
        }
      s = icalrecurrencetype_as_string_r (&r);
      in->rrule = g_strdup (s);
      icalmemory_free_buffer (s);
    }
  if (in->rrule == NULL)
    in->rrule = g_strdup ("");
  if (icalcomponent_get_first_property (ev, ICAL_RDATE_PROPERTY) != NULL)
    {
      fail (error, _("The file has visits on extra dates (RDATE), which Homeward cannot import."));
      goto out_fail;
    }

  for (p = icalcomponent_get_first_property (ev, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (ev, ICAL_EXDATE_PROPERTY))
    {
      char key[HW_LOCAL_TIME_LEN];

      if (!read_time (cal, p, icalproperty_get_exdate (p), in->tzid, NULL, key, NULL, error))
        goto out_fail;
      g_ptr_array_add (in->exdates, g_strdup (key));
    }

  /* only people of this case are linked, by name */
  for (p = icalcomponent_get_first_property (ev, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (ev, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (p);
      gboolean child = g_strcmp0 (name, "X-HOMEWARD-CHILD") == 0;
      gint64 pid;

      if (!child && g_strcmp0 (name, "X-HOMEWARD-VISITOR") != 0)
        continue;
      if ((pid = person_by_name (store, case_id, icalproperty_get_x (p))) != 0)
        add_participant (child ? in->children : in->visitors, in, pid);
    }
  /* other programs invite attendees: a child of the case is a child */
  for (p = icalcomponent_get_first_property (ev, ICAL_ATTENDEE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (ev, ICAL_ATTENDEE_PROPERTY))
    {
      icalparameter *cn = icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER);
      gint64 pid;

      if (cn == NULL || (pid = person_by_name (store, case_id, icalparameter_get_cn (cn))) == 0)
        continue;
      add_participant (hw_store_query_int (store, 0, "SELECT role = 'child' FROM people WHERE id = ?",
                                           G_TYPE_INT64, pid, G_TYPE_INVALID)
                       ? in->children : in->visitors, in, pid);
    }
  return in;

out_fail:
  incoming_free (in);
  return NULL;
}

gboolean
hw_visits_import_ics_data (HwStore     *store,
                           gint64       case_id,
                           const char  *data,
                           guint       *n_created,
                           GError     **error)
{
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (incoming_free);
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) problem = g_string_new (NULL);
  g_autoptr(GPtrArray) overrides = g_ptr_array_new ();
  g_autoptr(GPtrArray) recs = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_recurrence_unref);
  icalcomponent *ev;
  const char *v;
  gboolean ok = TRUE;

  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) != 1)
    return fail (error, _("Choose the case to import the visits into."));
  if (data == NULL || !g_utf8_validate (data, -1, NULL))
    return fail (error, _("This file is not a calendar (.ics): it is not text."));

  /* libical's parser reports its problems as X-LIC-ERROR properties */
  icalerror_clear_errno ();
  cal = icalparser_parse_string (data);
  if (cal == NULL || icalcomponent_isa (cal) != ICAL_VCALENDAR_COMPONENT)
    return fail (error, _("This file is not a calendar (.ics): it does not start with BEGIN:VCALENDAR."));
  if (has_errors (cal, problem))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("This calendar file is damaged and was not imported (%s)."), problem->str);
      return FALSE;
    }
  v = icalcomponent_get_first_property (cal, ICAL_VERSION_PROPERTY)
      ? icalproperty_get_version (icalcomponent_get_first_property (cal, ICAL_VERSION_PROPERTY)) : NULL;
  if (g_strcmp0 (v, "2.0") != 0)
    return fail (error, _("This calendar file is not iCalendar version 2.0."));

  for (ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); ev != NULL;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (ev);
      Incoming *in;

      if (uid == NULL || *uid == '\0')
        return fail (error, _("The file has a visit without a UID, so it cannot be told apart."));
      if (icalcomponent_get_first_property (ev, ICAL_RECURRENCEID_PROPERTY) != NULL)
        {
          g_ptr_array_add (overrides, ev);
          continue;
        }
      if (g_hash_table_contains (by_uid, uid))
        return fail (error, _("The file has two visits with the same UID."));
      if (hw_store_query_int (store, 0,
                              "SELECT count(*) FROM visit_series WHERE case_id = ? AND (uid = ? OR uid || '@homeward' = ?)",
                              G_TYPE_INT64, case_id, G_TYPE_STRING, uid, G_TYPE_STRING, uid,
                              G_TYPE_INVALID) > 0)
        return fail (error, _("These visits are already in this case."));
      in = read_master (store, case_id, cal, ev, error);
      if (in == NULL)
        return FALSE;
      g_ptr_array_add (incoming, in);
      g_hash_table_insert (by_uid, in->uid, in);
    }
  if (incoming->len == 0)
    return fail (error, _("There are no visits in this calendar file."));

  for (guint i = 0; i < overrides->len; i++)
    {
      icalcomponent *ov = g_ptr_array_index (overrides, i);
      Incoming *in = g_hash_table_lookup (by_uid, icalcomponent_get_uid (ov));
      icalproperty *rid = icalcomponent_get_first_property (ov, ICAL_RECURRENCEID_PROPERTY);
      icalproperty *start = icalcomponent_get_first_property (ov, ICAL_DTSTART_PROPERTY);
      char key[HW_LOCAL_TIME_LEN], to[HW_LOCAL_TIME_LEN];

      if (in == NULL)
        return fail (error, _("The file changes a visit that is not in it."));
      if (!read_time (cal, rid, icalproperty_get_recurrenceid (rid), in->tzid, NULL, key, NULL, error))
        return FALSE;
      if (icalcomponent_get_status (ov) == ICAL_STATUS_CANCELLED)
        g_ptr_array_add (in->exdates, g_strdup (key));
      else if (start != NULL)
        {
          if (!read_time (cal, start, icalproperty_get_dtstart (start), in->tzid, NULL, to, NULL, error))
            return FALSE;
          if (strcmp (key, to) != 0)
            {
              g_ptr_array_add (in->moves, g_strdup (key));
              g_ptr_array_add (in->moves, g_strdup (to));
            }
        }
    }

  /* everything is checked before anything is written */
  for (guint i = 0; i < incoming->len; i++)
    {
      Incoming *in = g_ptr_array_index (incoming, i);
      HwRecurrence *r = hw_recurrence_new (in->dtstart, in->tzid, in->rrule, in->duration, error);

      if (r == NULL)
        return FALSE;
      g_ptr_array_add (recs, r);
      for (guint j = 0; j < in->exdates->len; j++)
        if (!hw_recurrence_add_exception (r, g_ptr_array_index (in->exdates, j), NULL, error))
          return FALSE;
      for (guint j = 0; j + 1 < in->moves->len; j += 2)
        if (!hw_recurrence_add_exception (r, g_ptr_array_index (in->moves, j),
                                          g_ptr_array_index (in->moves, j + 1), error))
          return FALSE;
    }

  if (!hw_store_begin_edit (store, N_("Import visits"), error))
    return FALSE;
  for (guint i = 0; ok && i < incoming->len; i++)
    {
      Incoming *in = g_ptr_array_index (incoming, i);
      HwVisitPlan plan = { 0 };
      g_autofree char *uid = g_str_has_suffix (in->uid, "@homeward")
                             ? g_strndup (in->uid, strlen (in->uid) - strlen ("@homeward"))
                             : g_strdup (in->uid);
      gint64 sid;

      plan.case_id = case_id;
      plan.title = in->title;
      plan.place = in->place;
      plan.dtstart = in->dtstart;
      plan.tzid = in->tzid;
      plan.duration_minutes = in->duration;
      plan.rrule = in->rrule;
      plan.level = in->level;
      plan.notes = in->notes;
      plan.uid = uid;
      plan.visitors = (const gint64 *) (gpointer) in->visitors->data;
      plan.n_visitors = in->visitors->len;
      plan.children = (const gint64 *) (gpointer) in->children->data;
      plan.n_children = in->children->len;
      sid = hw_visits_create_series (store, &plan, error);
      ok = sid != 0;
      for (guint j = 0; ok && j < in->exdates->len; j++)
        ok = hw_visits_move_occurrence (store, sid, g_ptr_array_index (in->exdates, j), NULL, error);
      for (guint j = 0; ok && j + 1 < in->moves->len; j += 2)
        ok = hw_visits_move_occurrence (store, sid, g_ptr_array_index (in->moves, j),
                                        g_ptr_array_index (in->moves, j + 1), error);
      if (ok && in->cancelled && !in->rrule[0])
        {
          HwVisitOutcome cancelled = { "cancelled-agency", "", "", "", "" };
          ok = hw_visits_record_outcome (store, sid, in->dtstart, &cancelled, error) != 0;
        }
    }
  if (!ok)
    {
      hw_store_rollback_edit (store);
      return FALSE;
    }
  if (!hw_store_commit_edit (store, error))
    return FALSE;
  if (n_created)
    *n_created = incoming->len;
  return TRUE;
}

gboolean
hw_visits_import_ics (HwStore     *store,
                      gint64       case_id,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > MAX_IMPORT_BYTES)
    return fail (error, _("This calendar file is too large to be a visit plan."));
  if (!g_file_load_contents (file, NULL, &data, &len, NULL, error))
    return FALSE;
  if (memchr (data, '\0', len) != NULL)
    return fail (error, _("This file is not a calendar (.ics): it is not text."));
  return hw_visits_import_ics_data (store, case_id, data, NULL, error);
}

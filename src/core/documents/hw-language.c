/* hw-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-language"

#include <locale.h>
#include <libintl.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "hw-enums.h"
#include "hw-i18n.h"
#include "hw-language.h"

G_DEFINE_QUARK (hw-language-error-quark, hw_language_error)

/* English is the source language; the others need their catalog. */
static const char * const document_languages[] = { "en", "es", NULL };

static const char header_msgid[] = "";

/* The innermost push still in effect (pushes and pops are nested). */
static char *current_language = NULL;

/* glibc caches translations; incrementing this counter makes gettext look
 * them up again after LANGUAGE changed (the documented way, see the
 * gettext manual, "Being a gettext grok"). */
extern int _nl_msg_cat_cntr;

struct _HwLanguageSwitch
{
  char    *old_language;      /* NULL: was unset */
  char    *old_messages;      /* LC_MESSAGES before, if we changed it */
  char    *old_current;       /* current_language before */
  gboolean changed;
};

const char *
hw_language_get_localedir (void)
{
  const char *dir = g_getenv ("HOMEWARD_LOCALEDIR");

  return (dir != NULL && *dir != '\0') ? dir : LOCALEDIR;
}

gboolean
hw_language_has_catalog (const char *language)
{
  g_autofree char *path = NULL;

  if (language == NULL || *language == '\0' || g_str_has_prefix (language, "en"))
    return TRUE;
  path = g_build_filename (hw_language_get_localedir (), language, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* setenv () is not safe while another thread reads the environment: pango
 * loads fontconfig's configuration in a thread of its own when the first
 * font map is made, and fontconfig calls getenv () all along (a Spanish
 * export crashed there under AddressSanitizer). Asking for the font
 * families waits for that thread to finish. */
static void
wait_for_fonts (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      PangoFontFamily **families = NULL;
      int n = 0;

      pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n);
      g_free (families);
      g_once_init_leave (&done, 1);
    }
}

HwLanguageSwitch *
hw_language_push (const char *language)
{
  HwLanguageSwitch *sw = g_new0 (HwLanguageSwitch, 1);
  const char *messages;

  if (language == NULL || *language == '\0')
    return sw;

  sw->changed = TRUE;
  sw->old_language = g_strdup (g_getenv ("LANGUAGE"));
  sw->old_current = g_steal_pointer (&current_language);
  current_language = g_strdup (language);

  /* gettext ignores LANGUAGE when the messages locale is "C" (a program
   * that never called setlocale, or LC_ALL=C): use C.UTF-8 meanwhile,
   * which keeps every other category as it was. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    {
      sw->old_messages = g_strdup (messages != NULL ? messages : "C");
      if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
        g_clear_pointer (&sw->old_messages, g_free);
    }

  bindtextdomain (GETTEXT_PACKAGE, hw_language_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  wait_for_fonts ();
  /* English is the source language: an unknown code such as "en" finds
   * no catalog and gettext returns the original text. */
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
  return sw;
}

void
hw_language_pop (HwLanguageSwitch *sw)
{
  if (sw == NULL)
    return;
  if (sw->changed)
    {
      if (sw->old_language != NULL)
        g_setenv ("LANGUAGE", sw->old_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      if (sw->old_messages != NULL)
        setlocale (LC_MESSAGES, sw->old_messages);
      ++_nl_msg_cat_cntr;
      g_free (current_language);
      current_language = g_steal_pointer (&sw->old_current);
    }
  g_free (sw->old_current);
  g_free (sw->old_language);
  g_free (sw->old_messages);
  g_free (sw);
}

const char *
hw_language_get_current (void)
{
  return current_language;
}

const char * const *
hw_language_get_document_languages (void)
{
  return document_languages;
}

static gboolean
is_english (const char *language)
{
  return g_str_equal (language, "en") || g_str_has_prefix (language, "en_");
}

/**
 * hw_language_is_available:
 * @language: a language code
 *
 * Loads the catalog the way a document would (hw_language_push()) and
 * checks that gettext then answers from the catalog of @language: its
 * header names that language. A missing, unreadable or foreign file, or a
 * system where gettext cannot switch language, all give FALSE.
 *
 * Returns: TRUE if documents can be made in @language
 */
gboolean
hw_language_is_available (const char *language)
{
  g_autoptr(HwLanguageSwitch) sw = NULL;
  g_autofree char *want = NULL;
  const char *header;

  if (language == NULL || !g_strv_contains (document_languages, language))
    return FALSE;
  if (is_english (language))
    return TRUE;
  if (!hw_language_has_catalog (language))
    return FALSE;
  sw = hw_language_push (language);
  /* the catalog's header is the translation of "" (through a variable:
   * xgettext would take a literal "" for a message) */
  header = dgettext (GETTEXT_PACKAGE, header_msgid);
  want = g_strdup_printf ("Language: %s\n", language);
  return header != NULL && strstr (header, want) != NULL;
}

char **
hw_language_list_available (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; document_languages[i] != NULL; i++)
    if (hw_language_is_available (document_languages[i]))
      g_strv_builder_add (builder, document_languages[i]);
  return g_strv_builder_end (builder);
}

char *
hw_language_choose (const char  *asked,
                    const char  *fallback,
                    GError     **error)
{
  const char *language = asked;

  if (language == NULL || *language == '\0')
    {
      /* the family's language, if documents are made in it */
      language = fallback;
      if (language == NULL || !g_strv_contains (document_languages, language))
        language = "en";
    }
  else if (!g_strv_contains (document_languages, language))
    {
      g_set_error (error, HW_LANGUAGE_ERROR, HW_LANGUAGE_ERROR_UNKNOWN,
                   _("Documents can be made in English (en) or Spanish (es), not in “%s”."),
                   language);
      return NULL;
    }
  if (!hw_language_is_available (language))
    {
      g_set_error (error, HW_LANGUAGE_ERROR, HW_LANGUAGE_ERROR_UNAVAILABLE,
                   /* Translators: %s is a language name ("Spanish"), then a folder */
                   _("The %s translation of Homeward cannot be loaded (looked in %s), so "
                     "nothing was made: the copy would have been in English. Install "
                     "Homeward, set HOMEWARD_LOCALEDIR to the folder of its translations, "
                     "or choose English."),
                   hw_choice_label (HW_CHOICES_LANGUAGE, language), hw_language_get_localedir ());
      return NULL;
    }
  return g_strdup (language);
}

const char *
hw_language_pgettext (const char *context,
                      const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translated = dgettext (GETTEXT_PACKAGE, key);

  /* no translation: gettext gives back the key itself */
  return translated == key ? msgid : translated;
}

/* Dates ------------------------------------------------------------------ */

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* short names have a context: "May" is both */
static const char * const month_abbrevs[] = {
  NC_("short month", "Jan"), NC_("short month", "Feb"), NC_("short month", "Mar"),
  NC_("short month", "Apr"), NC_("short month", "May"), NC_("short month", "Jun"),
  NC_("short month", "Jul"), NC_("short month", "Aug"), NC_("short month", "Sep"),
  NC_("short month", "Oct"), NC_("short month", "Nov"), NC_("short month", "Dec"),
};

/* GDateWeekday: Monday = 1 ... Sunday = 7 */
static const char * const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
  N_("Saturday"), N_("Sunday"),
};

static const char * const weekday_abbrevs[] = {
  N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

const char *
hw_language_month_name (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return _(month_names[month - 1]);
}

const char *
hw_language_month_abbrev (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return hw_language_pgettext ("short month", month_abbrevs[month - 1]);
}

const char *
hw_language_weekday_name (GDateWeekday weekday)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return _(weekday_names[weekday - 1]);
}

const char *
hw_language_weekday_abbrev (GDateWeekday weekday)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return _(weekday_abbrevs[weekday - 1]);
}

char *
hw_language_format_date (int         year,
                         int         month,
                         int         day,
                         HwDateStyle style)
{
  g_autoptr(GString) s = NULL;
  g_autofree char *d = NULL;
  g_autofree char *y = NULL;
  GDate date;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  switch (style)
    {
    case HW_DATE_WEEKDAY:
      /* Translators: a date with its day of the week. Keep the words in
       * braces; e.g. Spanish "{weekday} {day} de {month} de {year}". */
      s = g_string_new (_("{weekday} {day} {month} {year}"));
      break;
    case HW_DATE_SHORT:
      /* Translators: a short date, "3 Dec 2026". Keep the words in braces. */
      s = g_string_new (C_("short date", "{day} {month} {year}"));
      break;
    case HW_DATE_DAY_MONTH:
      /* Translators: a short date without the year, "3 Dec". Keep the words
       * in braces. */
      s = g_string_new (C_("short date", "{day} {month}"));
      break;
    case HW_DATE_MONTH_YEAR:
      /* Translators: a month of a year, "December 2026"; e.g. Spanish
       * "{month} de {year}". Keep the words in braces. */
      s = g_string_new (_("{month} {year}"));
      break;
    case HW_DATE_WEEKDAY_DAY_MONTH:
      /* Translators: a date with its day of the week and without the
       * year, "Thursday 3 December". Keep the words in braces; e.g.
       * Spanish "{weekday} {day} de {month}". */
      s = g_string_new (_("{weekday} {day} {month}"));
      break;
    case HW_DATE_DAY_MONTH_LONG:
      /* Translators: a date without the year, "3 December"; e.g. Spanish
       * "{day} de {month}". Keep the words in braces. */
      s = g_string_new (C_("long date", "{day} {month}"));
      break;
    case HW_DATE_LONG:
    default:
      /* Translators: a date in a printed plan. Keep {day}, {month} and
       * {year}; e.g. Spanish "{day} de {month} de {year}". */
      s = g_string_new (_("{day} {month} {year}"));
      break;
    }
  d = g_strdup_printf ("%d", day);
  y = g_strdup_printf ("%d", year);
  g_string_replace (s, "{weekday}", hw_language_weekday_name (g_date_get_weekday (&date)), 0);
  g_string_replace (s, "{day}", d, 0);
  g_string_replace (s, "{month}",
                    style == HW_DATE_SHORT || style == HW_DATE_DAY_MONTH
                      ? hw_language_month_abbrev (month) : hw_language_month_name (month), 0);
  g_string_replace (s, "{year}", y, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
hw_language_capitalise (const char *text)
{
  char first[8] = { 0 };

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

char *
hw_language_format_iso (const char  *iso,
                        HwDateStyle  style,
                        gboolean     with_time)
{
  g_autofree char *date = NULL;
  g_autoptr(GString) s = NULL;
  int y, m, d;

  if (iso == NULL)
    return g_strdup ("");
  if (strlen (iso) < 10 || iso[4] != '-' || iso[7] != '-' ||
      !g_ascii_isdigit (iso[0]) || !g_ascii_isdigit (iso[5]) || !g_ascii_isdigit (iso[8]) ||
      (iso[10] != '\0' && iso[10] != 'T' && iso[10] != ' '))
    return g_strdup (iso);
  y = atoi (iso);
  m = atoi (iso + 5);
  d = atoi (iso + 8);
  date = hw_language_format_date (y, m, d, style);
  if (date == NULL)
    return g_strdup (iso);
  if (!with_time || strlen (iso) < 16 || iso[13] != ':')
    return g_steal_pointer (&date);
  /* Translators: a date and a time of day, "3 December 2026, 10:00".
   * Keep the words in braces. */
  s = g_string_new (_("{date}, {time}"));
  {
    g_autofree char *time = g_strndup (iso + 11, 5);

    g_string_replace (s, "{date}", date, 0);
    g_string_replace (s, "{time}", time, 0);
  }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
hw_language_format_date_time (GDateTime   *when,
                              HwDateStyle  style)
{
  g_return_val_if_fail (when != NULL, NULL);
  return hw_language_format_date (g_date_time_get_year (when), g_date_time_get_month (when),
                                  g_date_time_get_day_of_month (when), style);
}

char *
hw_language_format_today (HwDateStyle style)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return hw_language_format_date_time (now, style);
}

/* Numbers ------------------------------------------------------------------ */

char *
hw_language_format_decimal (double value,
                            int    digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  /* Translators: the decimal mark in numbers with decimals ("5.8 hours");
   * Spanish uses a comma. */
  const char *mark = C_("decimal mark", ".");
  GString *s;

  digits = CLAMP (digits, 0, 6);
  g_snprintf (format, sizeof format, "%%.%df", digits);
  g_ascii_formatd (buf, sizeof buf, format, value);
  /* "-0.0" says nothing a reader needs */
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    memmove (buf, buf + 1, strlen (buf));
  s = g_string_new (buf);
  g_string_replace (s, ".", mark, 1);
  return g_string_free (s, FALSE);
}

char *
hw_language_format_duration (int minutes)
{
  g_autofree char *h = NULL;
  g_autofree char *m = NULL;
  g_autoptr(GString) s = NULL;
  int hours;

  minutes = MAX (minutes, 0);
  hours = minutes / 60;
  minutes %= 60;
  if (hours > 0)
    /* Translators: a length of time; the space between the number and
     * the word is a non-breaking space (U+00A0): keep one there. */
    h = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), hours);
  if (minutes > 0 || hours == 0)
    /* Translators: a length of time; the space between the number and
     * the word is a non-breaking space (U+00A0): keep one there. */
    m = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                         minutes);
  if (h == NULL)
    return g_steal_pointer (&m);
  if (m == NULL)
    return g_steal_pointer (&h);
  /* Translators: hours and minutes together, "1 hour 30 minutes"; e.g.
   * Spanish "{hours} y {minutes}". Keep the words in braces. */
  s = g_string_new (_("{hours} {minutes}"));
  g_string_replace (s, "{hours}", h, 0);
  g_string_replace (s, "{minutes}", m, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Language names inside running text: lowercase in Spanish ("la reunión
 * fue en español"), capitalised in the choice lists. */
static const struct { const char *code; const char *name; } names_in_sentence[] = {
  { "en", NC_("language in a sentence", "English") },
  { "es", NC_("language in a sentence", "Spanish") },
  { "fr", NC_("language in a sentence", "French") },
  { "pt", NC_("language in a sentence", "Portuguese") },
  { "ht", NC_("language in a sentence", "Haitian Creole") },
  { "vi", NC_("language in a sentence", "Vietnamese") },
  { "zh", NC_("language in a sentence", "Chinese") },
  { "ar", NC_("language in a sentence", "Arabic") },
  { "so", NC_("language in a sentence", "Somali") },
  { "nv", NC_("language in a sentence", "Navajo") },
  { "asl", NC_("language in a sentence", "American Sign Language") },
};

const char *
hw_language_name_in_sentence (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (names_in_sentence); i++)
    if (g_str_equal (code, names_in_sentence[i].code))
      return C_("language in a sentence", names_in_sentence[i].name);
  return hw_choice_label (HW_CHOICES_LANGUAGE, code);
}

/* hw-language.h: print a document in another language than the UI's.
 *
 * A plan is given to the family in their language whatever language the
 * caseworker's screen is in. hw_language_push() switches gettext's
 * language for the catalog of Homeward (LANGUAGE, plus glibc's catalog
 * counter so already-looked-up messages are looked up again) until
 * hw_language_pop(). Everything translated in between is in the
 * document's language: the words (through hw-i18n.h), and the dates and
 * the names of months and days (hw_language_format_date() and friends,
 * which never use the C library's locale). Not thread-safe: use it from
 * the main thread, for the short time it takes to build or draw a
 * document.
 *
 * A document is only made in a language whose catalog loads:
 * hw_language_choose() refuses one that does not, so that a copy asked
 * for in Spanish is never silently printed in English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HW_LANGUAGE_ERROR (hw_language_error_quark ())

typedef enum {
  HW_LANGUAGE_ERROR_UNKNOWN,       /* not a language documents are made in */
  HW_LANGUAGE_ERROR_UNAVAILABLE,   /* its translation cannot be loaded */
} HwLanguageError;

GQuark hw_language_error_quark (void);

typedef struct _HwLanguageSwitch HwLanguageSwitch;

/* The folder holding <lang>/LC_MESSAGES/homeward.mo: $HOMEWARD_LOCALEDIR
 * if set (tests, uninstalled runs), else the installed LOCALEDIR. */
const char       *hw_language_get_localedir   (void);
/* TRUE if a catalog file for @language exists (English needs none). */
gboolean          hw_language_has_catalog     (const char *language);

/* The languages documents can be made in ("en", "es"), NULL-terminated,
 * English first. */
const char * const *hw_language_get_document_languages (void);
/* TRUE if documents can be made in @language now: English, or a document
 * language whose catalog loads and is the catalog of that language. */
gboolean          hw_language_is_available    (const char *language);
/* The document languages that are available, NULL-terminated (free with
 * g_strfreev). */
char            **hw_language_list_available  (void);

/**
 * hw_language_choose:
 * @asked: (nullable): the language asked for ("es"); NULL or "" = @fallback
 * @fallback: (nullable): the family's language (any code)
 *
 * The language to make a document in. An asked-for language must be a
 * document language whose catalog loads. Without one, the family's
 * language is used when documents can be made in it, else English; a
 * family language Homeward has a catalog for that does not load is
 * refused too, rather than silently printed in English.
 *
 * Returns: (transfer full): a language code, or NULL with @error set
 */
char             *hw_language_choose          (const char *asked,
                                               const char *fallback,
                                               GError    **error);

/* @language: "es", "en"...; NULL or "" changes nothing (but still
 * returns a switch to pop). */
HwLanguageSwitch *hw_language_push            (const char *language);
void              hw_language_pop             (HwLanguageSwitch *sw);
/* The language of the innermost hw_language_push() still in effect, or
 * NULL when none is (gettext then follows the screen's locale). */
const char       *hw_language_get_current     (void);

/* pgettext for Homeward's catalog that follows hw_language_push() (GLib's
 * g_dpgettext2() may decide once per process not to translate at all).
 * hw-i18n.h's C_() calls this. */
const char       *hw_language_pgettext        (const char *context,
                                               const char *msgid) G_GNUC_FORMAT (2);

/* Dates in the current gettext language ----------------------------------- */

typedef enum {
  HW_DATE_LONG,          /* 3 December 2026 / 3 de diciembre de 2026 */
  HW_DATE_WEEKDAY,       /* Thursday 3 December 2026 / jueves 3 de diciembre de 2026 */
  HW_DATE_SHORT,         /* 3 Dec 2026 / 3 dic 2026 */
  HW_DATE_DAY_MONTH,     /* 3 Dec / 3 dic */
  HW_DATE_MONTH_YEAR,    /* December 2026 / diciembre de 2026 */
  HW_DATE_WEEKDAY_DAY_MONTH, /* Thursday 3 December / jueves 3 de diciembre */
  HW_DATE_DAY_MONTH_LONG,    /* 3 December / 3 de diciembre */
} HwDateStyle;

/* @month 1..12 */
const char       *hw_language_month_name      (int          month);
const char       *hw_language_month_abbrev    (int          month);
const char       *hw_language_weekday_name    (GDateWeekday weekday);
const char       *hw_language_weekday_abbrev  (GDateWeekday weekday);
/* NULL if the date does not exist. */
char             *hw_language_format_date     (int          year,
                                               int          month,
                                               int          day,
                                               HwDateStyle  style);
/* @iso: "YYYY-MM-DD", optionally followed by "THH:MM..." or " HH:MM"; the
 * time, if any and @with_time, follows the date ("3 December 2026,
 * 10:00"). Text that is not such a date is returned as it is. */
char             *hw_language_format_iso      (const char  *iso,
                                               HwDateStyle  style,
                                               gboolean     with_time);
/* @when's day (in its own time zone) in @style; the time is left out. */
char             *hw_language_format_date_time (GDateTime  *when,
                                                HwDateStyle style);
/* Today's date (local time) in @style. */
char             *hw_language_format_today    (HwDateStyle  style);

/* @text with its first letter a capital, for the start of a title or a
 * line: "Marzo de 2026", "Sábado 1 de marzo" (Spanish writes the names of
 * months and days small). */
char             *hw_language_capitalise      (const char  *text);

/* Numbers and amounts in the current gettext language --------------------- */

/* @value with @digits decimals (0..6) and the language's decimal mark:
 * "5.8" in English, "5,8" in Spanish. */
char             *hw_language_format_decimal  (double       value,
                                               int          digits);
/* A length of time in words, with non-breaking spaces between a number
 * and its unit so it never splits across lines: "2 hours", "1 hour 30
 * minutes", "45 minutes"; "2 horas", "1 hora y 30 minutos". */
char             *hw_language_format_duration (int          minutes);
/* The name of a language ("es") as it is written inside running text:
 * "Spanish" in English, "español" in Spanish (the choice lists keep the
 * capitalised form of hw_choice_label()). Unknown codes come back as the
 * choice label, or the code itself. */
const char       *hw_language_name_in_sentence (const char *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwLanguageSwitch, hw_language_pop)

G_END_DECLS

/* hw-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-language"

#include <locale.h>
#include <libintl.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hw-language.h"

/* glibc caches translations; incrementing this counter makes gettext look
 * them up again after LANGUAGE changed (the documented way, see the
 * gettext manual, "Being a gettext grok"). */
extern int _nl_msg_cat_cntr;

struct _HwLanguageSwitch
{
  char    *old_language;      /* NULL: was unset */
  char    *old_messages;      /* LC_MESSAGES before, if we changed it */
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

HwLanguageSwitch *
hw_language_push (const char *language)
{
  HwLanguageSwitch *sw = g_new0 (HwLanguageSwitch, 1);
  const char *messages;

  if (language == NULL || *language == '\0')
    return sw;

  sw->changed = TRUE;
  sw->old_language = g_strdup (g_getenv ("LANGUAGE"));

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
    }
  g_free (sw->old_language);
  g_free (sw->old_messages);
  g_free (sw);
}

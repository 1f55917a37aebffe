/* hw-language.h: print a document in another language than the UI's.
 *
 * A plan is given to the family in their language whatever language the
 * caseworker's screen is in. hw_language_push() switches gettext's
 * language for the catalog of Homeward (LANGUAGE, plus glibc's catalog
 * counter so already-looked-up messages are looked up again) until
 * hw_language_pop(). Everything translated in between is in the
 * document's language. Not thread-safe: use it from the main thread, for
 * the short time it takes to build a document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HwLanguageSwitch HwLanguageSwitch;

/* The folder holding <lang>/LC_MESSAGES/homeward.mo: $HOMEWARD_LOCALEDIR
 * if set (tests, uninstalled runs), else the installed LOCALEDIR. */
const char       *hw_language_get_localedir   (void);
/* TRUE if a catalog for @language exists (English needs none). */
gboolean          hw_language_has_catalog     (const char *language);
/* @language: "es", "en"...; NULL or "" changes nothing (but still
 * returns a switch to pop). */
HwLanguageSwitch *hw_language_push            (const char *language);
void              hw_language_pop             (HwLanguageSwitch *sw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwLanguageSwitch, hw_language_pop)

G_END_DECLS

/* hw-i18n.h: gettext for what goes into documents.
 *
 * Include it after <glib/gi18n-lib.h> (or instead of it) in the files
 * that make document text: _() and C_() then follow hw_language_push().
 * GLib's g_dgettext() decides once per process, from the screen's locale,
 * whether to translate at all, which could keep a Spanish plan in English
 * on a screen whose language Homeward has no catalog for; gettext's own
 * dgettext() always looks in the catalog of the pushed language.
 * xgettext still finds _(), N_(), C_() and NC_().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libintl.h>
#include <glib/gi18n-lib.h>

#include "hw-language.h"

#undef _
#define _(s) ((char *) dgettext (GETTEXT_PACKAGE, (s)))
#undef C_
#define C_(ctx, s) hw_language_pgettext ((ctx), (s))

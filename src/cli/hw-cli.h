/* hw-cli.h: the headless command line (no display needed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE if argv asks for a command-line command (or --help/--version). */
gboolean hw_cli_handles (int    argc,
                         char **argv);
int      hw_cli_run     (int    argc,
                         char **argv);

G_END_DECLS

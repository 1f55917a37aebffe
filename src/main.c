/* main.c: Homeward's entry point.
 *
 * `homeward COMMAND ...` (list, export, import, demo, help...) runs the
 * headless command line, which needs no display; anything else starts the
 * application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "hw-application.h"
#include "hw-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HwApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HOMEWARD_LOCALEDIR") ? g_getenv ("HOMEWARD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (hw_cli_handles (argc, argv))
    return hw_cli_run (argc, argv);

  app = hw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

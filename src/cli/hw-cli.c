/* hw-cli.c: TEMPORARY stand-in so that the app links before the lead's
 * command line lands on main; the lead's version replaces it on merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hw-cli.h"

gboolean
hw_cli_handles (int    argc,
                char **argv)
{
  return FALSE;
}

int
hw_cli_run (int    argc,
            char **argv)
{
  return 1;
}

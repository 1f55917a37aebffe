/* fuzz-common.h: what every libFuzzer harness of Homeward shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hw-store.h"

/* A store in a private temporary folder, opened once per process, with one
 * case in it whose id is *case_id. */
HwStore    *fuzz_get_store      (gint64        *case_id);

/* Writes @data to a file (the same one each time) and returns its path:
 * the import functions read files, as the app and the CLI do. */
const char *fuzz_write_input    (const uint8_t *data,
                                 size_t         size);

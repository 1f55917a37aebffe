/* hw-qr-code.h: QR codes of the join links (libqrencode), drawn with
 * cairo black on white with the quiet zone of four modules the standard
 * asks for, so that any phone's camera reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* modules of white around the code */
#define HW_QR_QUIET_ZONE 4

/* The width of @text's QR code in modules, quiet zone included, or 0 if
 * it cannot be encoded. */
int         hw_qr_code_get_modules (const char *text);
/**
 * hw_qr_code_draw:
 * @cr: where to draw
 * @text: what the code says
 * @x, @y, @size: the square to fill (white, with the quiet zone)
 *
 * Draws whole device pixels per module when @size allows it (sharper for
 * cameras). Returns: FALSE if @text cannot be encoded (nothing drawn).
 */
gboolean    hw_qr_code_draw        (cairo_t    *cr,
                                    const char *text,
                                    double      x,
                                    double      y,
                                    double      size);
/* A picture of @text's code, @module_px pixels a module: its width and
 * height are hw_qr_code_get_modules() * @module_px. NULL if it cannot be
 * encoded. */
GdkTexture *hw_qr_code_texture_new (const char *text,
                                    int         module_px);

G_END_DECLS

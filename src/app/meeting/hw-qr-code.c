/* hw-qr-code.c: QR codes of the join links (hw-qr-code.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-qr-code"

#include <math.h>
#include <qrencode.h>

#include "hw-qr-code.h"

/* Error correction M (15 %): a screen seen at an angle or with a
 * reflection still reads; the codes of our links stay small. */
static QRcode *
encode (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
}

int
hw_qr_code_get_modules (const char *text)
{
  QRcode *code = encode (text);
  int modules;

  if (code == NULL)
    return 0;
  modules = code->width + 2 * HW_QR_QUIET_ZONE;
  QRcode_free (code);
  return modules;
}

gboolean
hw_qr_code_draw (cairo_t    *cr,
                 const char *text,
                 double      x,
                 double      y,
                 double      size)
{
  QRcode *code = encode (text);
  int modules;
  double module;

  if (code == NULL)
    return FALSE;
  modules = code->width + 2 * HW_QR_QUIET_ZONE;
  /* whole pixels a module when there is room: blurred edges read worse */
  module = size / modules >= 2 ? floor (size / modules) : size / modules;
  x += (size - module * modules) / 2;
  y += (size - module * modules) / 2;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, module * modules, module * modules);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int col = 0; col < code->width; col++)
      if (code->data[row * code->width + col] & 1)
        cairo_rectangle (cr, x + (col + HW_QR_QUIET_ZONE) * module,
                         y + (row + HW_QR_QUIET_ZONE) * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);
  return TRUE;
}

GdkTexture *
hw_qr_code_texture_new (const char *text,
                        int         module_px)
{
  int modules = hw_qr_code_get_modules (text);
  int size;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (module_px > 0, NULL);

  if (modules == 0)
    return NULL;
  size = modules * module_px;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  hw_qr_code_draw (cr, text, 0, 0, size);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

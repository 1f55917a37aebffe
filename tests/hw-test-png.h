/* hw-test-png.h: a picture of a widget (or any paintable) as a PNG, for
 * the app tests that keep pictures to look at or read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* Draws @paintable at @width x @height with the renderer of @widget's
 * window and saves it at @path. FALSE when nothing was drawn or the file
 * could not be written. */
static inline gboolean
hw_test_save_png (GtkWidget    *widget,
                  GdkPaintable *paintable,
                  int           width,
                  int           height,
                  const char   *path)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

/* A picture of the whole @window in the folder named by the environment
 * variable @env_var, when it is set. */
static inline void
hw_test_keep_window_png (GtkWidget  *window,
                         const char *env_var,
                         const char *name)
{
  const char *keep = g_getenv (env_var);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *path = NULL;

  if (keep == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  path = g_build_filename (keep, name, NULL);
  hw_test_save_png (window, paintable, gtk_widget_get_width (window),
                    gtk_widget_get_height (window), path);
}

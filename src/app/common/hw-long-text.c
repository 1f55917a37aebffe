/* hw-long-text.c: texts of any length in a window that keeps its size
 *
 * A GtkLabel asks for the width of its whole text unless it is told
 * otherwise: a 300-character name on one line once made the main window
 * 2,788 px wide. Wrapping labels use PANGO_WRAP_WORD_CHAR, because with
 * plain word wrapping GTK measures a word without spaces at its full
 * width when a box asks it for its width at a given height, and lays the
 * box out that wide. max-width-chars bounds the natural width of both
 * kinds, so a window's natural size stays that of a screen.
 *
 * A wrapping label beside other widgets in a horizontal box is another
 * trap: the box asks it how wide it must be at the height a vertical box
 * gives it, that of one line of its natural width, and lays it out that
 * wide. A label that may be cut short with "…" (after a few lines) does
 * not have that problem, so those labels wrap up to a few lines and keep
 * their whole text in their tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-long-text"

#include "hw-long-text.h"
#include "hw-tooltip.h"

/* Labels ------------------------------------------------------------------ */

void
hw_label_ellipsize_long (GtkLabel *label,
                         int       max_chars)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_wrap (label, FALSE);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (label, TRUE);
  gtk_label_set_max_width_chars (label, max_chars);
  /* the whole text, whatever it becomes */
  hw_label_tooltip_whole_text (label);
}

void
hw_label_wrap_long (GtkLabel *label,
                    int       max_chars)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (label, max_chars);
}

void
hw_row_set_whole_tooltip (GtkWidget  *row,
                          const char *title,
                          const char *subtitle)
{
  g_autofree char *whole = NULL;

  g_return_if_fail (GTK_IS_WIDGET (row));

  if (subtitle != NULL && *subtitle != '\0')
    whole = g_strdup_printf ("%s\n%s", title, subtitle);
  else
    whole = g_strdup (title);
  hw_widget_set_tooltip (row, whole);
}

void
hw_action_row_set_whole_tooltip (AdwActionRow *row)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  hw_row_set_whole_tooltip (GTK_WIDGET (row),
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            adw_action_row_get_subtitle (row));
}

static GtkLabel *
find_label (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (c))
        return GTK_LABEL (c);
      if ((found = find_label (c)) != NULL)
        return found;
    }
  return NULL;
}

void
hw_editable_label_wrap_lines (GtkEditableLabel *editable,
                              int               max_chars,
                              int               lines)
{
  GtkLabel *label;

  g_return_if_fail (GTK_IS_EDITABLE_LABEL (editable));

  /* GTK 4.8 has no API for it: its one GtkLabel, beside its GtkText */
  label = find_label (GTK_WIDGET (editable));
  g_return_if_fail (label != NULL);
  hw_label_wrap_lines (label, max_chars, lines);
}

void
hw_label_wrap_lines (GtkLabel *label,
                     int       max_chars,
                     int       lines)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  hw_label_wrap_long (label, max_chars);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (label, lines);
  hw_label_tooltip_whole_text (label);
}

char *
hw_long_text_shorten (const char *text,
                      int         max_chars)
{
  g_autofree char *start = NULL;

  g_return_val_if_fail (max_chars > 1, NULL);

  if (text == NULL)
    return NULL;
  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max_chars - 1);
  return g_strconcat (start, "…", NULL);
}

/* Drop-downs -------------------------------------------------------------- */

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int max_chars = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (max_chars > 0)
    hw_label_ellipsize_long (GTK_LABEL (label), max_chars);
  else
    hw_label_wrap_long (GTK_LABEL (label), -max_chars);
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      GTK_IS_STRING_OBJECT (name) ? gtk_string_object_get_string (name) : "");
}

static GtkListItemFactory *
name_factory_new (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (name_setup_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (name_bind_cb), NULL);
  return factory;
}

void
hw_drop_down_fit_names (GtkDropDown *dropdown,
                        int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = NULL;
  g_autoptr(GtkListItemFactory) list = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (max_chars > 0);

  /* the button: one line; the open list: the whole names, wrapped */
  button = name_factory_new (max_chars);
  list = name_factory_new (-MAX (max_chars, 40));
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

/* hw-meeting-score-layout.c: a score row's layout.
 *
 * A person's score of a worry or a goal is a row: their name, the score,
 * last time's score, and what makes it this number. In a narrow window (a
 * laptop with the families beside the meeting) a box squeezed the name
 * to four letters, and the reason to a few more. This layout puts the
 * first children on a line, the name as wide as it wants, and the last
 * one (the reason) beside them while it has HW_MEETING_SCORE_LAST_WIDTH,
 * else on a line of its own below, as wide as the row. Its minimum width
 * is a box's, so the page needs no more room than before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-score-layout"

#include "hw-meeting-score-layout.h"

struct _HwMeetingScoreLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (HwMeetingScoreLayout, hw_meeting_score_layout, GTK_TYPE_LAYOUT_MANAGER)

/* A row's children across: the first line (all but the last shown
 * child, with the spacing between them), its first child (the name), and
 * the last child (the reason) */
typedef struct
{
  GtkWidget *first, *last;   /* NULL: none shown */
  int        line_min, line_nat;
  int        first_min, first_nat;
  int        last_min, last_nat;
} Widths;

static void
measure_widths (GtkWidget *widget,
                Widths    *w)
{
  int n = 0;

  *w = (Widths) { NULL };
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      w->last = child;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != w->last;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      if (w->first == NULL)
        {
          w->first = child;
          w->first_min = min;
          w->first_nat = nat;
        }
      w->line_min += min + (n > 0 ? HW_MEETING_SCORE_SPACING : 0);
      w->line_nat += nat + (n > 0 ? HW_MEETING_SCORE_SPACING : 0);
      n++;
    }
  if (w->last != NULL)
    gtk_widget_measure (w->last, GTK_ORIENTATION_HORIZONTAL, -1, &w->last_min, &w->last_nat, NULL,
                        NULL);
}

/* The space between the first line and the last child beside it */
static int
gap (const Widths *w)
{
  return w->first != NULL && w->last != NULL ? HW_MEETING_SCORE_SPACING : 0;
}

/* Whether the last child is beside the others at @width: the first line
 * at its natural width and the last child at least
 * HW_MEETING_SCORE_LAST_WIDTH (or its minimum, if more) */
static gboolean
one_line (const Widths *w,
          int           width)
{
  return w->first == NULL || w->last == NULL ||
         width >= w->line_nat + gap (w) + MAX (w->last_min, HW_MEETING_SCORE_LAST_WIDTH);
}

static GtkSizeRequestMode
hw_meeting_score_layout_get_request_mode (GtkLayoutManager *manager,
                                          GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The height of the shown children @from up to (not) @to: the tallest */
static void
line_height (GtkWidget *from,
             GtkWidget *to,
             int       *minimum,
             int       *natural)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = from; child != NULL && child != to;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
hw_meeting_score_layout_measure (GtkLayoutManager *manager,
                                 GtkWidget        *widget,
                                 GtkOrientation    orientation,
                                 int               for_size,
                                 int              *minimum,
                                 int              *natural,
                                 int              *minimum_baseline,
                                 int              *natural_baseline)
{
  Widths w;

  measure_widths (widget, &w);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* as a box: all on one line */
      *minimum = w.line_min + gap (&w) + w.last_min;
      *natural = w.line_nat + gap (&w) + w.last_nat;
    }
  else if (for_size < 0 || one_line (&w, for_size))
    line_height (gtk_widget_get_first_child (widget), NULL, minimum, natural);
  else
    {
      int last_min, last_nat;

      line_height (w.first, w.last, minimum, natural);
      gtk_widget_measure (w.last, GTK_ORIENTATION_VERTICAL, for_size, &last_min, &last_nat, NULL, NULL);
      *minimum += HW_MEETING_SCORE_LINE_SPACING + last_min;
      *natural += HW_MEETING_SCORE_LINE_SPACING + last_nat;
    }
}

/* @child @width wide at @x, centred in the line from @y, @height tall */
static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  int h;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &h, NULL, NULL);
  h = MIN (h, height);
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y + (height - h) / 2, width, h }, -1);
}

static void
hw_meeting_score_layout_allocate (GtkLayoutManager *manager,
                                  GtkWidget        *widget,
                                  int               width,
                                  int               height,
                                  int               baseline)
{
  Widths w;
  int line = height, first_width, x = 0;

  measure_widths (widget, &w);
  if (w.last == NULL)
    return;
  if (one_line (&w, width))
    {
      /* the name whole, the last child the rest */
      first_width = w.first_nat;
      place (w.last, w.line_nat + gap (&w), 0, width - w.line_nat - gap (&w), line);
    }
  else
    {
      /* the name as wide as the others on its line leave it (at least its
       * minimum), the last child below, as wide as the row */
      int min;

      line_height (w.first, w.last, &min, &line);
      line = MIN (line, height);
      first_width = CLAMP (width - (w.line_nat - w.first_nat), w.first_min, w.first_nat);
      place (w.last, 0, line + HW_MEETING_SCORE_LINE_SPACING, width,
             MAX (0, height - line - HW_MEETING_SCORE_LINE_SPACING));
    }
  for (GtkWidget *child = w.first; child != NULL && child != w.last;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width;

      if (!gtk_widget_should_layout (child))
        continue;
      if (child == w.first)
        child_width = first_width;
      else
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      place (child, x, 0, child_width, line);
      x += child_width + HW_MEETING_SCORE_SPACING;
    }
}

static void
hw_meeting_score_layout_class_init (HwMeetingScoreLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = hw_meeting_score_layout_get_request_mode;
  layout_class->measure = hw_meeting_score_layout_measure;
  layout_class->allocate = hw_meeting_score_layout_allocate;
}

static void
hw_meeting_score_layout_init (HwMeetingScoreLayout *self)
{
}

GtkLayoutManager *
hw_meeting_score_layout_new (void)
{
  return g_object_new (HW_TYPE_MEETING_SCORE_LAYOUT, NULL);
}

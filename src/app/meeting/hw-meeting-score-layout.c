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

/* The widths of @widget's shown children on the first line (all but the
 * last): their sum with the spacing between them, at minimum and
 * natural; the last child, or NULL */
static GtkWidget *
measure_first_line (GtkWidget *widget,
                    int       *minimum,
                    int       *natural)
{
  GtkWidget *last = NULL;
  int n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_last_child (widget); child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      if (last == NULL)
        {
          last = child;
          continue;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *minimum += min;
      *natural += nat;
      n++;
    }
  if (n > 1)
    {
      *minimum += (n - 1) * HW_MEETING_SCORE_SPACING;
      *natural += (n - 1) * HW_MEETING_SCORE_SPACING;
    }
  return last;
}

/* Whether @widget at @width has the last child beside the others: the
 * first line at its natural width and the last child at least
 * HW_MEETING_SCORE_LAST_WIDTH (or its minimum, if more) */
static gboolean
one_line (GtkWidget *widget,
          int        width)
{
  int first_min, first_nat, last_min, last_nat;
  GtkWidget *last = measure_first_line (widget, &first_min, &first_nat);

  if (last == NULL || first_nat == 0)
    return TRUE;
  gtk_widget_measure (last, GTK_ORIENTATION_HORIZONTAL, -1, &last_min, &last_nat, NULL, NULL);
  return width >= first_nat + HW_MEETING_SCORE_SPACING + MAX (last_min, HW_MEETING_SCORE_LAST_WIDTH);
}

static GtkSizeRequestMode
hw_meeting_score_layout_get_request_mode (GtkLayoutManager *manager,
                                          GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The height of the children @from up to (not) @to, at their natural
 * widths: the tallest */
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
  int first_min, first_nat;
  GtkWidget *last = measure_first_line (widget, &first_min, &first_nat);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* as a box: all on one line */
      int last_min = 0, last_nat = 0, gap = 0;

      if (last != NULL)
        {
          gtk_widget_measure (last, GTK_ORIENTATION_HORIZONTAL, -1, &last_min, &last_nat, NULL, NULL);
          gap = first_nat > 0 ? HW_MEETING_SCORE_SPACING : 0;
        }
      *minimum = first_min + gap + last_min;
      *natural = first_nat + gap + last_nat;
    }
  else if (last == NULL || for_size < 0 || one_line (widget, for_size))
    line_height (gtk_widget_get_first_child (widget), NULL, minimum, natural);
  else
    {
      int min, nat, last_min, last_nat;

      line_height (gtk_widget_get_first_child (widget), last, &min, &nat);
      gtk_widget_measure (last, GTK_ORIENTATION_VERTICAL, for_size, &last_min, &last_nat, NULL, NULL);
      *minimum = min + (min > 0 ? HW_MEETING_SCORE_LINE_SPACING : 0) + last_min;
      *natural = nat + (nat > 0 ? HW_MEETING_SCORE_LINE_SPACING : 0) + last_nat;
    }
}

/* Places the children from @from up to (not) @to on a line at @y, @height
 * tall, each centred in it: the first as wide as it wants of what the
 * others leave it (at least its minimum), the others at their natural
 * widths, and the last of them @last_width wide if not -1. */
static void
allocate_line (GtkWidget *from,
               GtkWidget *to,
               int        width,
               int        y,
               int        height,
               int        last_width)
{
  int others = 0, first_min = 0, first_nat = 0, x = 0;
  gboolean first = TRUE;

  for (GtkWidget *child = from; child != NULL && child != to;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      if (first)
        {
          first_min = min;
          first_nat = nat;
          first = FALSE;
        }
      else
        others += HW_MEETING_SCORE_SPACING + (gtk_widget_get_next_sibling (child) == to && last_width >= 0
                                              ? last_width : nat);
    }
  first = TRUE;
  for (GtkWidget *child = from; child != NULL && child != to;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat, w, h;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      if (first)
        w = CLAMP (width - others, first_min, first_nat);
      else
        w = gtk_widget_get_next_sibling (child) == to && last_width >= 0 ? last_width : nat;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &min, &h, NULL, NULL);
      h = MIN (h, height);
      gtk_widget_size_allocate (child, &(GtkAllocation) { x, y + (height - h) / 2, w, h }, -1);
      x += w + HW_MEETING_SCORE_SPACING;
      first = FALSE;
    }
}

static void
hw_meeting_score_layout_allocate (GtkLayoutManager *manager,
                                  GtkWidget        *widget,
                                  int               width,
                                  int               height,
                                  int               baseline)
{
  int first_min, first_nat;
  GtkWidget *last = measure_first_line (widget, &first_min, &first_nat);
  GtkWidget *first_child = gtk_widget_get_first_child (widget);

  if (last == NULL)
    return;
  if (one_line (widget, width))
    {
      /* the last child takes what the others leave */
      int last_width = MAX (0, width - first_nat - (first_nat > 0 ? HW_MEETING_SCORE_SPACING : 0));
      int last_min;

      gtk_widget_measure (last, GTK_ORIENTATION_HORIZONTAL, -1, &last_min, NULL, NULL, NULL);
      allocate_line (first_child, NULL, width, 0, height, MAX (last_width, last_min));
    }
  else
    {
      int min, nat, line;

      line_height (first_child, last, &min, &nat);
      line = MIN (nat, height);
      allocate_line (first_child, last, width, 0, line, -1);
      gtk_widget_size_allocate (last,
                                &(GtkAllocation) { 0, line + HW_MEETING_SCORE_LINE_SPACING, width,
                                                   MAX (0, height - line - HW_MEETING_SCORE_LINE_SPACING) },
                                -1);
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

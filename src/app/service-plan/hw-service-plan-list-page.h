/* hw-service-plan-list-page.h: one tab of the service plan: a live list of rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * HwServicePlanListKind:
 * @HW_SERVICE_PLAN_LIST_AREA: by area: each need, its goals and their tasks
 *   (hw_service_plan_outline_list_new())
 * @HW_SERVICE_PLAN_LIST_PERSON: what each person needs to do: each person who
 *   has a task, then their tasks (hw_service_plan_by_person_list_new())
 * @HW_SERVICE_PLAN_LIST_TIMELINE: the due dates: what is overdue, due this
 *   week, later (hw_service_plan_due_dates_list_new())
 * @HW_SERVICE_PLAN_LIST_AFTERCARE: support after going home: each kind of
 *   support and what is planned (hw_service_plan_aftercare_list_new())
 *
 * Which list a page shows: it decides the rows made for its records and the
 * name of the list for screen readers.
 */
typedef enum {
  HW_SERVICE_PLAN_LIST_AREA,
  HW_SERVICE_PLAN_LIST_PERSON,
  HW_SERVICE_PLAN_LIST_TIMELINE,
  HW_SERVICE_PLAN_LIST_AFTERCARE,
} HwServicePlanListKind;

#define HW_TYPE_SERVICE_PLAN_LIST_KIND (hw_service_plan_list_kind_get_type ())
GType hw_service_plan_list_kind_get_type (void) G_GNUC_CONST;

#define HW_TYPE_SERVICE_PLAN_LIST_PAGE (hw_service_plan_list_page_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanListPage, hw_service_plan_list_page, HW, SERVICE_PLAN_LIST_PAGE, GtkWidget)

/* The rows to show: the live list of the core (hw-service-plan-queries.h)
 * that the page's kind names. */
void     hw_service_plan_list_page_set_model  (HwServicePlanListPage *self,
                                              GListModel *model);
/* Gives the keyboard focus to the row of @table / @id: FALSE if none. */
gboolean hw_service_plan_list_page_focus_item (HwServicePlanListPage *self,
                                              const char *table,
                                              gint64      id);

G_END_DECLS

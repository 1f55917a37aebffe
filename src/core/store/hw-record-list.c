/* hw-record-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-record-list"

#include "hw-record-list.h"

struct _HwRecordList
{
  GObject     parent_instance;
  HwStore    *store;
  char       *table;
  char       *sql;
  GPtrArray  *items;    /* HwRecord */
  GPtrArray  *watched;  /* char* */
  /* instead of sql: a named query of the core that needs more than SQL */
  HwRecordListFunc func;
  gpointer         func_data;
  GDestroyNotify   func_destroy;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwRecordList, hw_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return HW_TYPE_RECORD;
}

static guint
get_n_items (GListModel *model)
{
  return HW_RECORD_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HwRecordList *self = HW_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
same_record (HwRecord *a,
             HwRecord *b)
{
  guint n = hw_record_get_n_columns (a);

  if (hw_record_get_id (a) != hw_record_get_id (b) || n != hw_record_get_n_columns (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *col = hw_record_get_column (a, i);
      if (hw_record_get_kind (a, col) != hw_record_get_kind (b, col) ||
          g_strcmp0 (hw_record_get_string (a, col), hw_record_get_string (b, col)) != 0 ||
          hw_record_get_double (a, col) != hw_record_get_double (b, col))
        return FALSE;
    }
  return TRUE;
}

void
hw_record_list_refresh (HwRecordList *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old = NULL;
  guint prefix = 0, suffix = 0;

  g_return_if_fail (HW_IS_RECORD_LIST (self));

  if (self->func != NULL)
    rows = self->func (self->store, self->func_data, &error);
  else
    rows = hw_store_select (self->store, self->table, &error, self->sql, G_TYPE_INVALID);
  if (rows == NULL)
    {
      g_warning ("Could not read %s: %s", self->table, error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* Report only the changed middle, so that views keep their selection
   * and scroll position when one row changes. */
  while (prefix < rows->len && prefix < self->items->len &&
         same_record (g_ptr_array_index (rows, prefix), g_ptr_array_index (self->items, prefix)))
    prefix++;
  while (suffix < rows->len - prefix && suffix < self->items->len - prefix &&
         same_record (g_ptr_array_index (rows, rows->len - 1 - suffix),
                      g_ptr_array_index (self->items, self->items->len - 1 - suffix)))
    suffix++;

  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&rows);

  if (prefix == old->len && prefix == self->items->len)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old->len - prefix - suffix,
                              self->items->len - prefix - suffix);
}

static void
store_changed_cb (HwRecordList *self,
                  const char   *table,
                  HwStore      *store)
{
  g_assert (HW_IS_RECORD_LIST (self));

  for (guint i = 0; i < self->watched->len; i++)
    if (g_str_equal (table, g_ptr_array_index (self->watched, i)))
      {
        hw_record_list_refresh (self);
        return;
      }
}

static void
hw_record_list_finalize (GObject *object)
{
  HwRecordList *self = (HwRecordList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->sql, g_free);
  if (self->func_destroy != NULL)
    g_clear_pointer (&self->func_data, self->func_destroy);

  G_OBJECT_CLASS (hw_record_list_parent_class)->finalize (object);
}

static void
hw_record_list_class_init (HwRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_record_list_finalize;
}

static void
hw_record_list_init (HwRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched = g_ptr_array_new_with_free_func (g_free);
}

HwRecordList *
hw_record_list_new (HwStore    *store,
                    const char *table,
                    const char *sql)
{
  HwRecordList *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  self = g_object_new (HW_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->table = g_strdup (table);
  self->sql = g_strdup (sql);
  g_ptr_array_add (self->watched, g_strdup (table));
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  hw_record_list_refresh (self);
  return self;
}

void
hw_record_list_watch (HwRecordList *self,
                      const char   *table)
{
  g_return_if_fail (HW_IS_RECORD_LIST (self));
  g_ptr_array_add (self->watched, g_strdup (table));
}

HwRecord *
hw_record_list_find (HwRecordList *self,
                     gint64        id,
                     guint        *position)
{
  g_return_val_if_fail (HW_IS_RECORD_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      HwRecord *record = g_ptr_array_index (self->items, i);
      if (hw_record_get_id (record) == id)
        {
          if (position)
            *position = i;
          return record;
        }
    }
  return NULL;
}

/**
 * hw_record_list_new_with_func:
 * @store: the store
 * @table: the main table of the rows (watched for changes; add joined
 *   tables with hw_record_list_watch())
 * @func: reads the rows now: a named query of the core for lists that
 *   SQL alone cannot give (rows withheld from a recipient, a due state
 *   judged against a given day, sections)
 * @user_data: (closure): passed to @func
 * @destroy: (nullable): frees @user_data with the list
 *
 * Like hw_record_list_new(), with @func instead of a SELECT.
 */
HwRecordList *
hw_record_list_new_with_func (HwStore          *store,
                              const char       *table,
                              HwRecordListFunc  func,
                              gpointer          user_data,
                              GDestroyNotify    destroy)
{
  HwRecordList *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (HW_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->table = g_strdup (table);
  self->func = func;
  self->func_data = user_data;
  self->func_destroy = destroy;
  g_ptr_array_add (self->watched, g_strdup (table));
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  hw_record_list_refresh (self);
  return self;
}

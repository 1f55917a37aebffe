/* hw-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-record"

#include <stdlib.h>
#include <string.h>

#include "hw-record.h"

typedef struct {
  HwValueKind kind;
  union {
    gint64  i;
    double  d;
    char   *s;
  };
} HwValue;

struct _HwRecord
{
  GObject     parent_instance;
  char       *table;
  gint64      id;
  GPtrArray  *columns;   /* char*, in order */
  GHashTable *values;    /* char* (owned by columns) -> HwValue* */
};

G_DEFINE_FINAL_TYPE (HwRecord, hw_record, G_TYPE_OBJECT)

static void
hw_value_free (gpointer data)
{
  HwValue *v = data;

  if (v->kind == HW_VALUE_TEXT)
    g_free (v->s);
  g_free (v);
}

static void
hw_record_finalize (GObject *object)
{
  HwRecord *self = (HwRecord *)object;

  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->table, g_free);

  G_OBJECT_CLASS (hw_record_parent_class)->finalize (object);
}

static void
hw_record_class_init (HwRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_record_finalize;
}

static void
hw_record_init (HwRecord *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, hw_value_free);
}

/**
 * hw_record_new:
 * @table: the table the row belongs to
 *
 * Returns: (transfer full): an empty record, not stored yet
 */
HwRecord *
hw_record_new (const char *table)
{
  HwRecord *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (HW_TYPE_RECORD, NULL);
  self->table = g_strdup (table);
  return self;
}

const char *
hw_record_get_table (HwRecord *self)
{
  g_return_val_if_fail (HW_IS_RECORD (self), NULL);
  return self->table;
}

gint64
hw_record_get_id (HwRecord *self)
{
  g_return_val_if_fail (HW_IS_RECORD (self), 0);
  return self->id;
}

void
hw_record_set_id (HwRecord *self,
                  gint64    id)
{
  g_return_if_fail (HW_IS_RECORD (self));
  self->id = id;
}

guint
hw_record_get_n_columns (HwRecord *self)
{
  g_return_val_if_fail (HW_IS_RECORD (self), 0);
  return self->columns->len;
}

const char *
hw_record_get_column (HwRecord *self,
                      guint     i)
{
  g_return_val_if_fail (HW_IS_RECORD (self), NULL);
  g_return_val_if_fail (i < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, i);
}

gboolean
hw_record_has (HwRecord   *self,
               const char *column)
{
  g_return_val_if_fail (HW_IS_RECORD (self), FALSE);
  return g_hash_table_contains (self->values, column);
}

static HwValue *
lookup (HwRecord   *self,
        const char *column)
{
  g_return_val_if_fail (HW_IS_RECORD (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);
  return g_hash_table_lookup (self->values, column);
}

gboolean
hw_record_is_null (HwRecord   *self,
                   const char *column)
{
  HwValue *v = lookup (self, column);
  return v == NULL || v->kind == HW_VALUE_NULL;
}

HwValueKind
hw_record_get_kind (HwRecord   *self,
                    const char *column)
{
  HwValue *v = lookup (self, column);
  return v ? v->kind : HW_VALUE_NULL;
}

const char *
hw_record_get_string (HwRecord   *self,
                      const char *column)
{
  HwValue *v = lookup (self, column);

  if (v == NULL || v->kind != HW_VALUE_TEXT)
    return "";
  return v->s;
}

gint64
hw_record_get_int (HwRecord   *self,
                   const char *column)
{
  HwValue *v = lookup (self, column);

  if (v == NULL)
    return 0;
  switch (v->kind)
    {
    case HW_VALUE_INT: return v->i;
    case HW_VALUE_DOUBLE: return (gint64) v->d;
    case HW_VALUE_TEXT: return g_ascii_strtoll (v->s, NULL, 10);
    case HW_VALUE_NULL:
    default: return 0;
    }
}

double
hw_record_get_double (HwRecord   *self,
                      const char *column)
{
  HwValue *v = lookup (self, column);

  if (v == NULL)
    return 0.0;
  switch (v->kind)
    {
    case HW_VALUE_INT: return (double) v->i;
    case HW_VALUE_DOUBLE: return v->d;
    case HW_VALUE_TEXT: return g_ascii_strtod (v->s, NULL);
    case HW_VALUE_NULL:
    default: return 0.0;
    }
}

gboolean
hw_record_get_boolean (HwRecord   *self,
                       const char *column)
{
  return hw_record_get_int (self, column) != 0;
}

static HwValue *
take_slot (HwRecord   *self,
           const char *column)
{
  HwValue *v;
  char *key;

  g_return_val_if_fail (HW_IS_RECORD (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  if (g_strcmp0 (column, "id") == 0)
    g_critical ("The id of a record is set with hw_record_set_id()");

  v = g_hash_table_lookup (self->values, column);
  if (v != NULL)
    {
      if (v->kind == HW_VALUE_TEXT)
        g_clear_pointer (&v->s, g_free);
      v->kind = HW_VALUE_NULL;
      return v;
    }

  key = g_strdup (column);
  g_ptr_array_add (self->columns, key);
  v = g_new0 (HwValue, 1);
  g_hash_table_insert (self->values, key, v);
  return v;
}

void
hw_record_set_string (HwRecord   *self,
                      const char *column,
                      const char *value)
{
  HwValue *v = take_slot (self, column);

  if (v == NULL)
    return;
  if (value == NULL)
    return;
  v->kind = HW_VALUE_TEXT;
  v->s = g_strdup (value);
}

void
hw_record_set_int (HwRecord   *self,
                   const char *column,
                   gint64      value)
{
  HwValue *v = take_slot (self, column);

  if (v == NULL)
    return;
  v->kind = HW_VALUE_INT;
  v->i = value;
}

void
hw_record_set_double (HwRecord   *self,
                      const char *column,
                      double      value)
{
  HwValue *v = take_slot (self, column);

  if (v == NULL)
    return;
  v->kind = HW_VALUE_DOUBLE;
  v->d = value;
}

void
hw_record_set_boolean (HwRecord   *self,
                       const char *column,
                       gboolean    value)
{
  hw_record_set_int (self, column, value ? 1 : 0);
}

void
hw_record_set_null (HwRecord   *self,
                    const char *column)
{
  take_slot (self, column);
}

void
hw_record_set_ref (HwRecord   *self,
                   const char *column,
                   gint64      id)
{
  if (id > 0)
    hw_record_set_int (self, column, id);
  else
    hw_record_set_null (self, column);
}

gint64
hw_record_get_version (HwRecord *self)
{
  g_return_val_if_fail (HW_IS_RECORD (self), 0);
  return hw_record_get_int (self, "version");
}

void
hw_record_set_version (HwRecord *self,
                       gint64    version)
{
  g_return_if_fail (HW_IS_RECORD (self));
  if (version > 0)
    hw_record_set_int (self, "version", version);
}

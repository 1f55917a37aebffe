/* hw-found-cases.c: the families a search finds.
 *
 * A family is found when each word of the search starts a word of its
 * name or case number, case and accents ignored ("guz" finds Guzmán,
 * "00127" finds FC-2023-00127), as g_str_match_string() does. The words
 * of each family are folded once (kept on its record, which the list of
 * families makes anew when the families change), so that a letter typed
 * compares strings and folds nothing.
 *
 * The items are slots (HwCaseSlot) that keep their place: when the search
 * changes, the first slots get the families now found ("record" notified
 * for those whose family changed), and only the count is told as a change
 * (items-changed at the end). GTK 4.8's list view makes a new row widget
 * for each item it has not shown (up to 200 rows after each letter, most
 * of the time a search took); with slots it fills the rows it has.
 *
 * A letter added to the search finds among what was found; otherwise all
 * the families are looked at again. The words of all families are folded
 * while the main loop has nothing else to do (some 250 families at a
 * time, a millisecond or two) after the list of families is made: folding
 * 5,000 families at the first letter typed took 30 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-found-cases"

#include "hw-found-cases.h"

struct _HwFoundCases
{
  GObject     parent_instance;

  GListModel *cases;
  char       *search;
  GStrv       words;            /* the search, folded into words */
  GPtrArray  *found;            /* HwRecord, in the order of cases */
  GPtrArray  *slots;            /* HwCaseSlot; the first found->len are the items */
  GSource    *fold_source;      /* idle: folding the words of all families */
  guint       fold_next;        /* the next family to fold */
};

#define FOLD_BATCH 250

static void hw_found_cases_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwFoundCases, hw_found_cases, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hw_found_cases_list_model_init))

/* The words a family is found by: those of its name and case number,
 * folded, with their ASCII forms ("guzmán" and "guzman"). */
static GStrv
search_key (HwRecord *record)
{
  static GQuark quark;
  GStrv key;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("hw-found-cases-key");
  key = g_object_get_qdata (G_OBJECT (record), quark);
  if (key == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      const char *fields[] = { "family_name", "case_number" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_auto(GStrv) ascii = NULL;
          g_auto(GStrv) words = g_str_tokenize_and_fold (hw_record_get_string (record, fields[f]),
                                                         NULL, &ascii);

          g_strv_builder_addv (builder, (const char **) words);
          g_strv_builder_addv (builder, (const char **) ascii);
        }
      key = g_strv_builder_end (builder);
      g_object_set_qdata_full (G_OBJECT (record), quark, key, (GDestroyNotify) g_strfreev);
    }
  return key;
}

static gboolean
words_match (HwRecord *record,
             GStrv     words)
{
  GStrv key;

  if (words == NULL || words[0] == NULL)
    return TRUE;
  key = search_key (record);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; key[k] != NULL && !found; k++)
        found = g_str_has_prefix (key[k], words[i]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/**
 * hw_found_cases_matches:
 * @record: a family (a row of cases)
 * @text: a search, as typed
 *
 * Returns: whether the search finds the family
 */
gboolean
hw_found_cases_matches (HwRecord   *record,
                        const char *text)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (HW_IS_RECORD (record), FALSE);

  words = g_str_tokenize_and_fold (text != NULL ? text : "", NULL, NULL);
  return words_match (record, words);
}

/* Finds again, among what was found (@narrower) or among all; fills the
 * slots and tells the new count. */
static void
refilter (HwFoundCases *self,
          gboolean      narrower)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_len = self->found->len;

  g_assert (HW_IS_FOUND_CASES (self));

  if (narrower)
    {
      for (guint i = 0; i < self->found->len; i++)
        if (words_match (self->found->pdata[i], self->words))
          g_ptr_array_add (found, g_object_ref (self->found->pdata[i]));
    }
  else
    {
      guint n = g_list_model_get_n_items (self->cases);

      for (guint i = 0; i < n; i++)
        {
          HwRecord *record = g_list_model_get_item (self->cases, i);

          if (words_match (record, self->words))
            g_ptr_array_add (found, record);
          else
            g_object_unref (record);
        }
    }

  g_ptr_array_unref (self->found);
  self->found = g_steal_pointer (&found);
  while (self->slots->len < self->found->len)
    g_ptr_array_add (self->slots, hw_case_slot_new ());
  for (guint i = 0; i < self->found->len; i++)
    hw_case_slot_set_record (self->slots->pdata[i], self->found->pdata[i]);

  if (self->found->len < old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), self->found->len,
                                old_len - self->found->len, 0);
  else if (self->found->len > old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len,
                                0, self->found->len - old_len);

  /* slots no longer shown keep no family (after the list let go of them) */
  for (guint i = self->found->len; i < old_len; i++)
    hw_case_slot_set_record (self->slots->pdata[i], NULL);
}

static gboolean
fold_some_cb (gpointer user_data)
{
  HwFoundCases *self = HW_FOUND_CASES (user_data);
  guint n = g_list_model_get_n_items (self->cases);
  guint end = MIN (n, self->fold_next + FOLD_BATCH);

  for (; self->fold_next < end; self->fold_next++)
    {
      g_autoptr(HwRecord) record = g_list_model_get_item (self->cases, self->fold_next);

      search_key (record);
    }
  if (self->fold_next < n)
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->fold_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* Folds the words of all the families when the main loop is idle. */
static void
fold_when_idle (HwFoundCases *self)
{
  g_assert (HW_IS_FOUND_CASES (self));

  self->fold_next = 0;
  if (self->fold_source == NULL)
    {
      /* in the main context of the thread that made the list (records are
       * not for other threads) */
      self->fold_source = g_idle_source_new ();
      g_source_set_priority (self->fold_source, G_PRIORITY_LOW);
      g_source_set_callback (self->fold_source, fold_some_cb, self, NULL);
      g_source_set_static_name (self->fold_source, "[homeward] folding the families' words");
      g_source_attach (self->fold_source, g_main_context_get_thread_default ());
    }
}

static void
cases_changed_cb (HwFoundCases *self)
{
  g_assert (HW_IS_FOUND_CASES (self));

  refilter (self, FALSE);
  fold_when_idle (self);
}

/**
 * hw_found_cases_new:
 * @cases: a list model of HwRecord (rows of cases)
 *
 * Returns: (transfer full): the families of @cases the search finds (all
 *   of them while there is no search), following @cases
 */
HwFoundCases *
hw_found_cases_new (GListModel *cases)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (cases), NULL);

  HwFoundCases *self = g_object_new (HW_TYPE_FOUND_CASES, NULL);

  self->cases = g_object_ref (cases);
  g_signal_connect_object (cases, "items-changed", G_CALLBACK (cases_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refilter (self, FALSE);
  fold_when_idle (self);
  return self;
}

/**
 * hw_found_cases_set_search:
 * @text: (nullable): the search as typed; spaces around it do not count
 *
 * Finds the families again.
 */
void
hw_found_cases_set_search (HwFoundCases *self,
                           const char   *text)
{
  g_return_if_fail (HW_IS_FOUND_CASES (self));

  g_autofree char *old = g_steal_pointer (&self->search);

  self->search = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (g_str_equal (old, self->search))
    return;
  g_clear_pointer (&self->words, g_strfreev);
  self->words = g_str_tokenize_and_fold (self->search, NULL, NULL);
  /* a letter or word more finds among what was found */
  refilter (self, g_str_has_prefix (self->search, old));
}

/**
 * hw_found_cases_get_search:
 *
 * Returns: (transfer none): the search, without spaces around it
 */
const char *
hw_found_cases_get_search (HwFoundCases *self)
{
  g_return_val_if_fail (HW_IS_FOUND_CASES (self), NULL);
  return self->search;
}

/**
 * hw_found_cases_get_record:
 *
 * Returns: (transfer none) (nullable): the family found at @position
 */
HwRecord *
hw_found_cases_get_record (HwFoundCases *self,
                           guint         position)
{
  g_return_val_if_fail (HW_IS_FOUND_CASES (self), NULL);

  if (position >= self->found->len)
    return NULL;
  return self->found->pdata[position];
}

/**
 * hw_found_cases_find:
 *
 * Returns: the position of the family @case_id among those found, or
 *   G_MAXUINT (GTK_INVALID_LIST_POSITION) if it is not found
 */
guint
hw_found_cases_find (HwFoundCases *self,
                     gint64        case_id)
{
  g_return_val_if_fail (HW_IS_FOUND_CASES (self), G_MAXUINT);

  for (guint i = 0; i < self->found->len; i++)
    if (hw_record_get_id (self->found->pdata[i]) == case_id)
      return i;
  return G_MAXUINT;
}

static GType
hw_found_cases_get_item_type (GListModel *model)
{
  return HW_TYPE_CASE_SLOT;
}

static guint
hw_found_cases_get_n_items (GListModel *model)
{
  return HW_FOUND_CASES (model)->found->len;
}

static gpointer
hw_found_cases_get_item (GListModel *model,
                         guint       position)
{
  HwFoundCases *self = HW_FOUND_CASES (model);

  if (position >= self->found->len)
    return NULL;
  return g_object_ref (self->slots->pdata[position]);
}

static void
hw_found_cases_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hw_found_cases_get_item_type;
  iface->get_n_items = hw_found_cases_get_n_items;
  iface->get_item = hw_found_cases_get_item;
}

static void
hw_found_cases_dispose (GObject *object)
{
  HwFoundCases *self = HW_FOUND_CASES (object);

  if (self->fold_source != NULL)
    g_source_destroy (self->fold_source);
  g_clear_pointer (&self->fold_source, g_source_unref);
  g_clear_object (&self->cases);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->words, g_strfreev);

  G_OBJECT_CLASS (hw_found_cases_parent_class)->dispose (object);
}

static void
hw_found_cases_class_init (HwFoundCasesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hw_found_cases_dispose;
}

static void
hw_found_cases_init (HwFoundCases *self)
{
  self->search = g_strdup ("");
  self->found = g_ptr_array_new_with_free_func (g_object_unref);
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

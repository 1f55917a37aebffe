/* hw-save-file.h: choosing where to save a document, and saying it was saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void   hw_save_file_choose        (GtkWindow            *parent,
                                   const char           *title,
                                   const char           *file_name,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GFile *hw_save_file_choose_finish (GAsyncResult         *result,
                                   GError              **error);
GFile *hw_save_file_default_folder (void);
void   hw_save_file_show_saved    (GtkWidget            *widget,
                                   GFile                *file);

G_END_DECLS

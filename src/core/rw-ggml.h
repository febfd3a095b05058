/* rw-ggml.h: ggml's tensor types and llama.cpp's file types
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One ggml tensor type: a block of block_size weights takes type_size
 * bytes, so a row of n weights takes n / block_size · type_size bytes
 * (ggml_row_size()). */
typedef struct
{
  guint32      id;            /* enum ggml_type */
  const char  *name;          /* "Q4_K", as ggml_type_name() spells it */
  guint32      block_size;
  guint32      type_size;
} RwGgmlType;

/* The type with enum value @id, or NULL for an unknown or removed one. */
const RwGgmlType *rw_ggml_type_lookup     (guint32 id);

/* llama.cpp's name of a general.file_type value ("Q4_K_M", "MXFP4_MOE"),
 * or NULL when unknown. */
const char       *rw_ggml_file_type_name  (guint32 file_type);

G_END_DECLS

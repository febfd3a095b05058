/* rw-ggml.c: ggml's tensor types and llama.cpp's file types
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enum values from ggml/include/ggml.h (enum ggml_type); block sizes and
 * bytes per block from the block_* structs and static_asserts of
 * ggml/src/ggml-common.h and ggml.c's type_traits[] (the same figures as
 * ../shared/reference/quant-bpw.csv, taken from ggml-org/ggml@d99724f2).
 * Values 4–5 (Q4_2, Q4_3), 31–33 (Q4_0_4_4, Q4_0_4_8, Q4_0_8_8) and 36–38
 * (IQ4_NL_4_4, …) were removed from GGUF files and are refused.
 */
#include "rw-ggml.h"

#define QK_K 256

static const RwGgmlType types[] = {
  {  0, "F32",     1,    4 },
  {  1, "F16",     1,    2 },
  {  2, "Q4_0",    32,   18 },   /* ggml_half d + 16 nibble bytes */
  {  3, "Q4_1",    32,   20 },   /* d, m + 16 */
  {  6, "Q5_0",    32,   22 },   /* d + 4 high bits + 16 */
  {  7, "Q5_1",    32,   24 },
  {  8, "Q8_0",    32,   34 },   /* d + 32 int8 */
  {  9, "Q8_1",    32,   36 },
  { 10, "Q2_K",    QK_K, 84 },
  { 11, "Q3_K",    QK_K, 110 },
  { 12, "Q4_K",    QK_K, 144 },
  { 13, "Q5_K",    QK_K, 176 },
  { 14, "Q6_K",    QK_K, 210 },
  { 15, "Q8_K",    QK_K, 292 },
  { 16, "IQ2_XXS", QK_K, 66 },
  { 17, "IQ2_XS",  QK_K, 74 },
  { 18, "IQ3_XXS", QK_K, 98 },
  { 19, "IQ1_S",   QK_K, 50 },
  { 20, "IQ4_NL",  32,   18 },
  { 21, "IQ3_S",   QK_K, 110 },
  { 22, "IQ2_S",   QK_K, 82 },
  { 23, "IQ4_XS",  QK_K, 136 },
  { 24, "I8",      1,    1 },
  { 25, "I16",     1,    2 },
  { 26, "I32",     1,    4 },
  { 27, "I64",     1,    8 },
  { 28, "F64",     1,    8 },
  { 29, "IQ1_M",   QK_K, 56 },
  { 30, "BF16",    1,    2 },
  { 34, "TQ1_0",   QK_K, 54 },
  { 35, "TQ2_0",   QK_K, 66 },
  { 39, "MXFP4",   32,   17 },   /* E8M0 scale + 16 bytes of E2M1 pairs */
  { 40, "NVFP4",   64,   36 },   /* 4 sub-blocks of 16 with E4M3 scales */
  { 41, "Q1_0",    128,  18 },
  { 42, "Q2_0",    64,   18 },
};

const RwGgmlType *
rw_ggml_type_lookup (guint32 id)
{
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (types[i].id == id)
      return &types[i];
  return NULL;
}

/* enum llama_ftype of llama.cpp's include/llama.h; the names are
 * llama_model_ftype_name()'s without the description. */
static const struct
{
  guint32     id;
  const char *name;
} file_types[] = {
  { 0, "F32" }, { 1, "F16" }, { 2, "Q4_0" }, { 3, "Q4_1" }, { 7, "Q8_0" }, { 8, "Q5_0" },
  { 9, "Q5_1" }, { 10, "Q2_K" }, { 11, "Q3_K_S" }, { 12, "Q3_K_M" }, { 13, "Q3_K_L" },
  { 14, "Q4_K_S" }, { 15, "Q4_K_M" }, { 16, "Q5_K_S" }, { 17, "Q5_K_M" }, { 18, "Q6_K" },
  { 19, "IQ2_XXS" }, { 20, "IQ2_XS" }, { 21, "Q2_K_S" }, { 22, "IQ3_XS" }, { 23, "IQ3_XXS" },
  { 24, "IQ1_S" }, { 25, "IQ4_NL" }, { 26, "IQ3_S" }, { 27, "IQ3_M" }, { 28, "IQ2_S" },
  { 29, "IQ2_M" }, { 30, "IQ4_XS" }, { 31, "IQ1_M" }, { 32, "BF16" }, { 36, "TQ1_0" },
  { 37, "TQ2_0" }, { 38, "MXFP4_MOE" }, { 39, "NVFP4" }, { 40, "Q1_0" }, { 41, "Q2_0" },
};

#define LLAMA_FTYPE_GUESSED 1024u

const char *
rw_ggml_file_type_name (guint32 file_type)
{
  file_type &= ~LLAMA_FTYPE_GUESSED;
  for (guint i = 0; i < G_N_ELEMENTS (file_types); i++)
    if (file_types[i].id == file_type)
      return file_types[i].name;
  return NULL;
}

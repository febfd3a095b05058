/* fuzz-gguf.c: libFuzzer target for the GGUF header reader
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built and run by tests/fuzz/run-gguf.sh (clang -fsanitize=fuzzer,address,
 * undefined). Whatever a file's header says, the reader must return a
 * header or a GError naming the file, never crash, hang, leak or read out
 * of bounds; and what it returns must be consistent. Each input is read
 * twice: as a whole file, and as the header of a 1 TiB file whose tensor
 * data follow (unreadable: only the sizes count), so the fuzzer also
 * reaches the model mapping with large tensors.
 */
#include <stdint.h>
#include <string.h>

#include "rw-gguf.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct
{
  const uint8_t *data;
  size_t         size;
} Input;

/* Past the input, one buffer's worth reads as zeros (the reader reads
 * ahead), then the file is unreadable, as a header never needs it. */
static gboolean
read_cb (gpointer   user_data,
         guint64    offset,
         guint8    *buffer,
         gsize      length,
         GError   **error)
{
  Input *in = user_data;

  if (offset + length > in->size + 65536)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_IO, "fuzz.gguf: beyond the input");
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    buffer[i] = offset + i < in->size ? in->data[offset + i] : 0;
  return TRUE;
}

static void
check (RwGguf  *gguf,
       GError  *error,
       guint64  size)
{
  RwModel *model;
  RwFormat *format = NULL;

  if (gguf == NULL)
    {
      if (error == NULL || error->domain != RW_GGUF_ERROR ||
          !g_str_has_prefix (error->message, "fuzz.gguf: "))
        abort ();
      g_error_free (error);
      return;
    }
  if (error != NULL || rw_gguf_get_data_offset (gguf) > size)
    abort ();
  for (guint64 i = 0; i < rw_gguf_get_n_tensors (gguf); i++)
    {
      const RwGgufTensor *t = rw_gguf_get_tensor (gguf, i);

      if (t->offset + t->n_bytes > size - rw_gguf_get_data_offset (gguf) ||
          rw_ggml_type_lookup (t->type) == NULL)
        abort ();
    }
  for (guint i = 0; i < rw_gguf_get_n_keys (gguf); i++)
    if (rw_gguf_get_type (gguf, rw_gguf_get_key (gguf, i), NULL, NULL) < 0)
      abort ();

  model = rw_gguf_model_new (&gguf, 1, NULL, &format, &error);
  if (model == NULL)
    {
      if (error == NULL || error->domain != RW_GGUF_ERROR)
        abort ();
      g_error_free (error);
    }
  else
    {
      if (!rw_model_validate (model, NULL) || format == NULL || !format->from_file ||
          !(format->bits_per_weight > 0) || rw_model_total_params (model) <= 0 ||
          !(rw_model_state_bytes (model) >= 0) || !(rw_model_kv_elements (model, 1 << 20) >= 0))
        abort ();
      rw_model_free (model);
      rw_format_free (format);
    }
  rw_gguf_free (gguf);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Input in = { data, size };
  const guint64 big = size + (G_GUINT64_CONSTANT (1) << 40);
  GError *error = NULL;
  RwGguf *gguf;

  gguf = rw_gguf_read ("fuzz.gguf", size, read_cb, &in, &error);
  check (gguf, error, size);
  error = NULL;
  gguf = rw_gguf_read ("fuzz.gguf", big, read_cb, &in, &error);
  check (gguf, error, big);
  return 0;
}

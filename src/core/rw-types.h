/* rw-types.h: enumerations shared by every layer of Rigwise
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the user wants to do with the model. */
typedef enum
{
  RW_MODE_INFERENCE,
  RW_MODE_LORA,
  RW_MODE_QLORA,
  RW_MODE_FULL,
} RwMode;
#define RW_MODE_N (RW_MODE_FULL + 1)

/* The fit verdict of one workload on one system. */
typedef enum
{
  RW_FIT_FITS,          /* everything in the fast pool (VRAM or usable unified memory) */
  RW_FIT_SPILLS,        /* discrete GPU: whole layers live in host RAM and run slower */
  RW_FIT_DOES_NOT_FIT,  /* not even VRAM + host RAM (or usable unified memory) holds it */
} RwFit;

/* Tensor-core precisions a vendor publishes peaks for. FP16 stands for
 * FP16/BF16 with FP32 accumulation, the rate training and llama.cpp use. */
typedef enum
{
  RW_PRECISION_FP4,
  RW_PRECISION_FP8,
  RW_PRECISION_INT8,
  RW_PRECISION_FP16,
  RW_PRECISION_FP32,
} RwPrecision;
#define RW_PRECISION_N (RW_PRECISION_FP32 + 1)

/* How a system's memory is organised. */
typedef enum
{
  RW_MEMORY_UNIFIED,   /* one pool shared by CPU and GPU (GB10, Apple, Strix Halo) */
  RW_MEMORY_DISCRETE,  /* VRAM on the card(s) + host RAM behind PCIe */
} RwMemoryModel;

/* The compute APIs a system's accelerator has, for which a runtime has a
 * backend (see rw-backend.h). */
typedef enum
{
  RW_API_CUDA,
  RW_API_METAL,
  RW_API_VULKAN,
  RW_API_ROCM,
} RwApi;
#define RW_API_N (RW_API_ROCM + 1)

/* The qualitative comparison rows of the Compare view, in display order. */
typedef enum
{
  RW_PANEL_CPU,
  RW_PANEL_GPU,
  RW_PANEL_MEMORY,
  RW_PANEL_STORAGE,
  RW_PANEL_SOFTWARE,
  RW_PANEL_NETWORKING,
  RW_PANEL_SCALABILITY,
  RW_PANEL_AI_PERFORMANCE,
  RW_PANEL_PRICE_TCO,
  RW_PANEL_BEST_FOR,
} RwPanel;
#define RW_PANEL_N (RW_PANEL_BEST_FOR + 1)

const char  *rw_mode_to_string      (RwMode       mode);
gboolean     rw_mode_from_string    (const char  *str,
                                     RwMode      *mode);
const char  *rw_fit_to_string       (RwFit        fit);
const char  *rw_precision_to_string (RwPrecision  precision);
gboolean     rw_precision_from_string (const char *str,
                                       RwPrecision *precision);
const char  *rw_api_to_string       (RwApi        api);
gboolean     rw_api_from_string     (const char  *str,
                                     RwApi       *api);
const char  *rw_panel_to_key        (RwPanel      panel);
gboolean     rw_panel_from_key      (const char  *key,
                                     RwPanel     *panel);

G_END_DECLS

/* rw-system.h: a machine to compare, with every figure sourced
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rw-backend.h"
#include "rw-figure.h"
#include "rw-types.h"

G_BEGIN_DECLS

/* One priced part of a custom build (GPU, CPU, RAM kit, board, …). */
typedef struct
{
  char     *id;        /* catalog id, e.g. "rtx-5090", also the price-feed id */
  char     *kind;      /* "gpu", "cpu", "ram", "storage", "board", "psu", "case", "cooler" */
  char     *name;
  guint     quantity;
  RwFigure  price;     /* per unit */
} RwComponent;

/* Fractions of peak a runtime reaches on a system. Where the runtime has a
 * backend for the system's API (rw-backend.h) its speed comes from the
 * backend and only matmul_scale, host_bandwidth and train_compute apply;
 * decode_bandwidth, prefill_compute and decode_latency are the older
 * per-system model, used for a runtime without a backend (0: not given). */
typedef struct
{
  char   *runtime;          /* "llama.cpp" */
  double  decode_bandwidth; /* of device (or unified) memory bandwidth */
  double  host_bandwidth;   /* of host RAM bandwidth, for layers run on the CPU */
  double  prefill_compute;  /* of the dense tensor peak at the compute precision */
  double  train_compute;    /* of the dense FP16/BF16 peak, for training */
  char   *source;           /* how it was calibrated */
  /* Seconds added to every decode step (kernel launches, synchronisation):
   * dominates small MoE models on fast GPUs; 0 = none. */
  double  decode_latency;
  /* This chip's sustained matrix rate relative to its backend's
   * calibration, where its own rows show it differs (GB10 under its SoC
   * power budget); 1 = as the backend. */
  double  matmul_scale;
} RwEfficiency;

/* Whether the system is bought (owned: a purchase price, the user pays the
 * electricity) or rented by the hour from a cloud provider (the hourly price
 * includes power; nothing is bought). */
typedef enum
{
  RW_SYSTEM_OWNED,
  RW_SYSTEM_CLOUD,
} RwSystemKind;

typedef struct
{
  char          *id;
  char          *name;
  char          *short_name;     /* for chart legends: "DGX Spark" */
  RwSystemKind   kind;
  RwMemoryModel  memory_model;
  guint          n_devices;      /* GPUs, or nodes for a Spark pair */
  /* Compute APIs the accelerator has (1 << RwApi) and the one runtimes use
   * unless told otherwise (the first listed in the catalog). */
  guint          apis;
  RwApi          api;

  /* The fast pool: unified memory, or VRAM summed over all GPUs. */
  RwFigure       device_memory;        /* bytes installed */
  RwFigure       device_usable;        /* bytes a model may use (GB10: 101.3 GiB a process can allocate of 128) */
  RwFigure       device_bandwidth;     /* bytes/s, aggregate */
  /* Discrete builds only: host RAM and the link to it (else value 0). */
  RwFigure       host_memory;          /* bytes */
  RwFigure       host_bandwidth;       /* bytes/s */
  RwFigure       link_bandwidth;       /* bytes/s per direction (PCIe, or ConnectX-7 for pairs) */

  /* Dense tensor peaks in FLOP/s; NAN where unpublished (see figure notes). */
  RwFigure       peak[RW_PRECISION_N];

  RwFigure       power_load;           /* W at the wall under inference load */
  RwFigure       power_idle;           /* W idle */

  /* Price: a system price, or the sum of its components for custom builds. */
  char          *currency;             /* ISO 4217, "USD" */
  RwFigure       price;                /* for prebuilt systems; NAN: not published, or cloud */
  /* Cloud only: the on-demand price of one GPU for an hour (a multi-GPU
   * instance costs n_devices times it); NAN for owned systems. */
  RwFigure       price_per_hour;
  GPtrArray     *components;           /* RwComponent*, empty for prebuilt */

  GPtrArray     *efficiencies;         /* RwEfficiency* */
  /* The catalog's backends for this system's APIs (RwBackend*, shared),
   * attached when the catalog loads or adds the system. */
  GPtrArray     *backends;

  /* The seed's qualitative rows for the comparison panels. */
  char          *panel[RW_PANEL_N];
  char          *panel_source[RW_PANEL_N];

  gboolean       user_defined;         /* from the user catalog, not the bundle */
} RwSystem;

#define RW_TYPE_SYSTEM (rw_system_get_type ())
GType               rw_system_get_type           (void) G_GNUC_CONST;
RwSystem           *rw_system_new                (void);
RwSystem           *rw_system_ref                (RwSystem       *system);
void                rw_system_unref              (RwSystem       *system);
RwSystem           *rw_system_copy               (const RwSystem *system);

RwComponent        *rw_component_new             (void);
void                rw_component_free            (RwComponent    *component);
RwEfficiency       *rw_efficiency_new            (void);
RwEfficiency       *rw_efficiency_copy           (const RwEfficiency *efficiency);
void                rw_efficiency_free           (RwEfficiency   *efficiency);

/* The price the cost figures use: the system price, or Σ quantity × price
 * over the components; NAN for a cloud system or an unpublished price. */
double              rw_system_total_price        (const RwSystem *system);
/* What renting the whole system costs an hour: n_devices × price_per_hour
 * for a cloud system, NAN for an owned one. */
double              rw_system_hourly_price       (const RwSystem *system);
gboolean            rw_system_is_cloud           (const RwSystem *system);
/* "owned" or "cloud", as in the catalog and the JSON output. */
const char         *rw_system_kind_to_string     (RwSystemKind    kind);
gboolean            rw_system_kind_from_string   (const char     *str,
                                                  RwSystemKind   *kind);
/* The efficiencies for @runtime, or NULL when the system has none for it. */
const RwEfficiency *rw_system_get_efficiency     (const RwSystem *system,
                                                  const char     *runtime);
/* @runtime's backend on @api (a system API; -1: the system's default), or
 * NULL when the system lacks the API or the catalog has no such backend. */
const RwBackend    *rw_system_get_backend        (const RwSystem *system,
                                                  const char     *runtime,
                                                  int             api);
/* Replaces the system's backends with those of @backends (RwBackend*) on
 * its APIs. */
void                rw_system_attach_backends    (RwSystem       *system,
                                                  GPtrArray      *backends);
/* The kernel @backend runs @format's weights on here: the routed experts
 * of an MoE mix (@experts) may take another kernel than the rest. */
RwKernel            rw_system_kernel             (const RwSystem  *system,
                                                  const RwBackend *backend,
                                                  const RwFormat  *format,
                                                  gboolean         experts);
/* The peak a kernel is measured against, FLOP/s (NAN if unknown). */
double              rw_system_kernel_peak        (const RwSystem  *system,
                                                  RwKernel         kernel);
/* The dense peak used for @precision: the first published one going from
 * @precision to wider ones (FP4 → FP8 → FP16); NAN if none. */
double              rw_system_effective_peak     (const RwSystem *system,
                                                  RwPrecision     precision,
                                                  RwPrecision    *used);
gboolean            rw_system_validate           (const RwSystem *system,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwSystem, rw_system_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwComponent, rw_component_free)

G_END_DECLS

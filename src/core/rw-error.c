/* rw-error.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-error.h"

G_DEFINE_QUARK (rw-catalog-error-quark, rw_catalog_error)
G_DEFINE_QUARK (rw-config-error-quark, rw_config_error)
G_DEFINE_QUARK (rw-workload-error-quark, rw_workload_error)

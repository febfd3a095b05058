/* rigwise-core.h: the GTK-free calculation core
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-answer.h"
#include "rw-backend.h"
#include "rw-benchmark.h"
#include "rw-bounds.h"
#include "rw-catalog.h"
#include "rw-error.h"
#include "rw-estimate.h"
#include "rw-estimate-json.h"
#include "rw-evidence.h"
#include "rw-figure.h"
#include "rw-file.h"
#include "rw-format.h"
#include "rw-ggml.h"
#include "rw-gguf.h"
#include "rw-hf-config.h"
#include "rw-json.h"
#include "rw-limits.h"
#include "rw-model.h"
#include "rw-numbers.h"
#include "rw-scenario.h"
#include "rw-system.h"
#include "rw-system-text.h"
#include "rw-types.h"
#include "rw-user-systems.h"
#include "rw-validate.h"
#include "rw-what-fits.h"
#include "rw-workload.h"

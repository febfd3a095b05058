/* rigwise-render.h: charts and export, cairo + pango, no GTK
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-chart-data.h"
#include "rw-chart-style.h"
#include "rw-export.h"
#include "rw-render.h"

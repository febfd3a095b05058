/* rw-application.h: the Rigwise application
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rigwise-core.h"

G_BEGIN_DECLS

#define RW_TYPE_APPLICATION (rw_application_get_type ())
G_DECLARE_FINAL_TYPE (RwApplication, rw_application, RW, APPLICATION, AdwApplication)

RwApplication *rw_application_new         (void);
/* The catalog every window shows; NULL if it failed to load. */
RwCatalog     *rw_application_get_catalog (RwApplication *self);

G_END_DECLS

/* rw-build-editor.h: edit a custom build's parts and prices
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rigwise-core.h"

G_BEGIN_DECLS

#define RW_TYPE_BUILD_EDITOR (rw_build_editor_get_type ())
G_DECLARE_FINAL_TYPE (RwBuildEditor, rw_build_editor, RW, BUILD_EDITOR, AdwWindow)

/* A modal window over @parent. Every edit is applied to @catalog and saved
 * to the user catalog at once (rw-user-systems.h), then "changed" is
 * emitted so the caller can recompute; closing loses nothing. */
RwBuildEditor *rw_build_editor_new           (GtkWindow     *parent,
                                              RwCatalog     *catalog);
RwCatalog     *rw_build_editor_get_catalog   (RwBuildEditor *self);
/* The build being edited (a custom build: one with components). */
const char    *rw_build_editor_get_system_id (RwBuildEditor *self);
gboolean       rw_build_editor_select_system (RwBuildEditor *self,
                                              const char    *system_id);
/* The price field of part @component_id of the current build, NULL when
 * the build has no such part; for tests and keyboard focus. */
GtkSpinButton *rw_build_editor_get_price_spin (RwBuildEditor *self,
                                               const char    *component_id);
/* What "Reset to Catalog Values" does once confirmed. */
gboolean       rw_build_editor_reset         (RwBuildEditor *self,
                                              GError       **error);

G_END_DECLS

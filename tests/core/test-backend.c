/* test-backend.c: the catalog's "backends" section, how a system finds its
 * runtime's backend, and which kernel a weight format runs on
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rigwise-core.h"

static RwCatalog *
load_with_test_backends (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "data",
                                                 "backends-valid.json", NULL);
  RwCatalog *catalog = rw_catalog_new_default (&error);

  g_assert_no_error (error);
  g_assert_true (rw_catalog_load_file (catalog, path, TRUE, &error));
  g_assert_no_error (error);
  return catalog;
}

/* The test file's CUDA backend, field by field: times in µs become s. */
static void
test_section (void)
{
  g_autoptr(RwCatalog) catalog = load_with_test_backends ();
  const RwBackend *cuda = rw_catalog_lookup_backend (catalog, "llama.cpp/cuda");
  const RwBackend *vulkan = rw_catalog_lookup_backend (catalog, "llama.cpp/vulkan");

  g_assert_nonnull (cuda);
  g_assert_cmpstr (cuda->runtime, ==, "llama.cpp");
  g_assert_cmpint (cuda->api, ==, RW_API_CUDA);
  g_assert_cmpstr (cuda->name, ==, "llama.cpp on CUDA (test)");
  g_assert_cmpfloat (cuda->weight_bandwidth, ==, 0.9);
  g_assert_cmpfloat (cuda->kv_bandwidth, ==, 0.6);
  g_assert_cmpfloat_with_epsilon (cuda->layer_time, 50e-6, 1e-18);
  g_assert_cmpfloat_with_epsilon (cuda->moe_layer_time, 30e-6, 1e-18);
  g_assert_cmpfloat_with_epsilon (cuda->step_time, 100e-6, 1e-18);
  g_assert_cmpfloat (cuda->expert_spread, ==, 0.7);
  g_assert_cmpfloat (cuda->vector_compute, ==, 0.03);
  g_assert_cmpfloat (cuda->batch_compute, ==, 0.1);
  g_assert_cmpfloat (cuda->matmul[RW_KERNEL_INT8_MMA], ==, 0.25);
  g_assert_cmpfloat (cuda->matmul[RW_KERNEL_FP4_MMA], ==, 0.15);
  g_assert_cmpfloat (cuda->matmul[RW_KERNEL_FP16_MMA], ==, 0.3);
  g_assert_cmpfloat (cuda->matmul[RW_KERNEL_ALU], ==, 0);
  g_assert_cmpfloat (cuda->moe_half_tokens, ==, 60);
  g_assert_cmpfloat (cuda->attention, ==, 0.3);
  g_assert_cmpuint (cuda->ubatch, ==, 512);
  g_assert_cmpuint (cuda->n_rows, ==, 12);
  g_assert_cmpstr (cuda->source, ==, "test rows");

  /* Fields a backend leaves out keep their neutral defaults: no fixed
   * costs, independent experts, llama.cpp's ubatch, not calibrated. */
  g_assert_nonnull (vulkan);
  g_assert_cmpfloat (vulkan->layer_time, ==, 0);
  g_assert_cmpfloat (vulkan->expert_spread, ==, 1);
  g_assert_cmpfloat (vulkan->vector_compute, ==, 0);
  g_assert_cmpuint (vulkan->ubatch, ==, 512);
  g_assert_cmpuint (vulkan->n_rows, ==, 0);
  g_assert_null (rw_catalog_lookup_backend (catalog, "vllm/cuda"));
}

/* A system lists its APIs, the first is the default; the catalog attaches
 * the backends of those APIs only. */
static void
test_system_selects (void)
{
  g_autoptr(RwCatalog) catalog = load_with_test_backends ();
  RwSystem *gpu = rw_catalog_lookup_system (catalog, "t-gpu");
  RwSystem *spark = rw_catalog_lookup_system (catalog, "dgx-spark");
  g_autoptr(RwSystem) copy = NULL;
  const RwEfficiency *eff;

  g_assert_nonnull (gpu);
  g_assert_cmpuint (gpu->apis, ==, (1u << RW_API_VULKAN) | (1u << RW_API_CUDA));
  g_assert_cmpint (gpu->api, ==, RW_API_VULKAN);
  g_assert_cmpuint (gpu->backends->len, ==, 2);
  g_assert_cmpstr (rw_system_get_backend (gpu, "llama.cpp", -1)->id, ==, "llama.cpp/vulkan");
  g_assert_cmpstr (rw_system_get_backend (gpu, "llama.cpp", RW_API_CUDA)->id, ==, "llama.cpp/cuda");
  g_assert_null (rw_system_get_backend (gpu, "llama.cpp", RW_API_METAL));
  g_assert_null (rw_system_get_backend (gpu, "vllm", RW_API_CUDA));

  /* Without decode_bandwidth/prefill_compute: the backend has the speed,
   * the system keeps its chip factor and training efficiency. */
  eff = rw_system_get_efficiency (gpu, "llama.cpp");
  g_assert_nonnull (eff);
  g_assert_cmpfloat (eff->matmul_scale, ==, 0.5);
  g_assert_cmpfloat (eff->decode_bandwidth, ==, 0);
  g_assert_cmpfloat (eff->train_compute, ==, 0.3);

  /* A copy (the build editor's) shares the backends. */
  copy = rw_system_copy (gpu);
  g_assert_true (rw_system_get_backend (copy, "llama.cpp", RW_API_CUDA)
                 == rw_system_get_backend (gpu, "llama.cpp", RW_API_CUDA));

  /* The bundled Spark lists CUDA only: the Vulkan test backend is not
   * attached to it. */
  g_assert_null (rw_system_get_backend (spark, "llama.cpp", RW_API_VULKAN));
}

/* llama.cpp's kernels by format: int8 MMA (MMQ) for quantised blocks, FP4
 * MMA for MXFP4 experts where the GPU has FP4, FP16 GEMM for 16-bit
 * weights and where no int8 peak exists; Vulkan dequantises to FP16. */
static void
test_kernels (void)
{
  g_autoptr(RwCatalog) catalog = load_with_test_backends ();
  RwSystem *gpu = rw_catalog_lookup_system (catalog, "t-gpu");
  const RwBackend *cuda = rw_catalog_lookup_backend (catalog, "llama.cpp/cuda");
  const RwBackend *vulkan = rw_catalog_lookup_backend (catalog, "llama.cpp/vulkan");
  const RwFormat *q4 = rw_catalog_lookup_format (catalog, "q4_k_m");
  const RwFormat *f16 = rw_catalog_lookup_format (catalog, "f16");
  const RwFormat *moe = rw_catalog_lookup_format (catalog, "mxfp4_moe");
  g_autoptr(RwSystem) no_int8 = rw_system_copy (gpu);
  g_autoptr(RwSystem) no_fp4 = rw_system_copy (gpu);

  g_assert_cmpint (moe->expert_compute_precision, ==, RW_PRECISION_FP4);
  g_assert_cmpint (rw_system_kernel (gpu, cuda, q4, FALSE), ==, RW_KERNEL_INT8_MMA);
  g_assert_cmpint (rw_system_kernel (gpu, cuda, f16, FALSE), ==, RW_KERNEL_FP16_MMA);
  g_assert_cmpint (rw_system_kernel (gpu, cuda, moe, FALSE), ==, RW_KERNEL_INT8_MMA);
  g_assert_cmpint (rw_system_kernel (gpu, cuda, moe, TRUE), ==, RW_KERNEL_FP4_MMA);
  /* Experts of a format that is not a mix are its ordinary tensors. */
  g_assert_cmpint (rw_system_kernel (gpu, cuda, q4, TRUE), ==, RW_KERNEL_INT8_MMA);

  no_fp4->peak[RW_PRECISION_FP4].value = NAN;
  g_assert_cmpint (rw_system_kernel (no_fp4, cuda, moe, TRUE), ==, RW_KERNEL_INT8_MMA);
  no_int8->peak[RW_PRECISION_INT8].value = NAN;
  no_int8->peak[RW_PRECISION_FP4].value = NAN;
  g_assert_cmpint (rw_system_kernel (no_int8, cuda, q4, FALSE), ==, RW_KERNEL_FP16_MMA);
  g_assert_cmpint (rw_system_kernel (no_int8, cuda, moe, TRUE), ==, RW_KERNEL_FP16_MMA);

  g_assert_cmpint (rw_system_kernel (gpu, vulkan, q4, FALSE), ==, RW_KERNEL_FP16_MMA);
  g_assert_cmpint (rw_system_kernel (gpu, vulkan, moe, TRUE), ==, RW_KERNEL_FP16_MMA);

  /* Peaks: 200 TOPS int8, 400 TFLOPS fp4, 40 fp16, 20 fp32 (test file). */
  g_assert_cmpfloat (rw_system_kernel_peak (gpu, RW_KERNEL_INT8_MMA), ==, 200e12);
  g_assert_cmpfloat (rw_system_kernel_peak (gpu, RW_KERNEL_FP4_MMA), ==, 400e12);
  g_assert_cmpfloat (rw_system_kernel_peak (gpu, RW_KERNEL_FP16_MMA), ==, 40e12);
  g_assert_cmpfloat (rw_system_kernel_peak (gpu, RW_KERNEL_ALU), ==, 20e12);
  g_assert_true (isnan (rw_system_kernel_peak (no_int8, RW_KERNEL_INT8_MMA)));
}

/* A system added later (the build editor's) finds the backends too. */
static void
test_added_system (void)
{
  g_autoptr(RwCatalog) catalog = load_with_test_backends ();
  g_autoptr(RwSystem) build = rw_system_copy (rw_catalog_lookup_system (catalog, "t-gpu"));

  g_free (build->id);
  build->id = g_strdup ("t-gpu-2");
  build->apis = 1u << RW_API_CUDA;
  build->api = RW_API_CUDA;
  g_ptr_array_set_size (build->backends, 0);
  rw_catalog_add_system (catalog, build);
  g_assert_cmpuint (build->backends->len, ==, 1);
  g_assert_cmpstr (rw_system_get_backend (build, "llama.cpp", -1)->id, ==, "llama.cpp/cuda");
}

typedef struct
{
  const char *edit_from;   /* text replaced in the valid file */
  const char *edit_to;
  int         code;
  const char *message;
} BadBackend;

static const BadBackend bad_backends[] = {
  { "\"api\": \"cuda\"", "\"api\": \"opencl\"", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-backend.json: backend “llama.cpp/cuda”: field “api”: unknown API “opencl” (cuda, metal, vulkan, rocm)" },
  { "\"id\": \"llama.cpp/cuda\"", "\"id\": \"llama.cpp-cuda\"", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-backend.json: backend “llama.cpp-cuda”: field “id”: must be “llama.cpp/cuda” (runtime/api)" },
  { "\"weight_bandwidth\": 0.9", "\"weight_bandwidth\": 1.5", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-backend.json: backend “llama.cpp/cuda”: field “decode.weight_bandwidth”: 1.5 is out of range (0, 1]" },
  { "\"int8-mma\": 0.25", "\"int8_mma\": 0.25", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-backend.json: backend “llama.cpp/cuda”: field “prefill.matmul.int8_mma”: unknown field" },
  { "\"layer_us\": 50", "\"layer_us\": -50", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-backend.json: backend “llama.cpp/cuda”: field “decode.layer_us”: must be within 0…100 000 µs" },
  { "\"fp16-mma\": 0.2", "\"fp16-mma\": 0", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-backend.json: backend “llama.cpp/vulkan”: field “prefill.matmul.fp16-mma”: 0 is out of range (0, 1]" },
  { "\"apis\": [\n        \"vulkan\",\n        \"cuda\"\n      ]", "\"apis\": [\"cuda\", \"cuda\"]",
    RW_CATALOG_ERROR_DUPLICATE_ID,
    "bad-backend.json: system “t-gpu”: field “apis[1]”: “cuda” is listed twice" },
  { "\"matmul_scale\": 0.5", "\"matmul_scale\": 9", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-backend.json: system “t-gpu”: field “efficiency.llama.cpp.matmul_scale”: 9 is out of range (0, 4]" },
};

/* Each fault is refused with a message naming file, entry and field, and
 * nothing of the file is kept. */
static void
test_bad_files (void)
{
  g_autofree char *valid_path = g_test_build_filename (G_TEST_DIST, "core", "data",
                                                       "backends-valid.json", NULL);
  g_autofree char *valid = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwise-backend-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bad-backend.json", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (valid_path, &valid, NULL, &error));

  for (guint i = 0; i < G_N_ELEMENTS (bad_backends); i++)
    {
      g_autoptr(RwCatalog) catalog = rw_catalog_new_default (&error);
      g_autoptr(GString) text = g_string_new (valid);
      guint n_backends = rw_catalog_get_n_backends (catalog);

      g_test_message ("%s → %s", bad_backends[i].edit_from, bad_backends[i].edit_to);
      g_assert_cmpuint (g_string_replace (text, bad_backends[i].edit_from, bad_backends[i].edit_to, 1), ==, 1);
      g_assert_true (g_file_set_contents (path, text->str, -1, &error));
      g_assert_false (rw_catalog_load_file (catalog, path, TRUE, &error));
      g_assert_error (error, RW_CATALOG_ERROR, bad_backends[i].code);
      g_assert_cmpstr (error->message, ==, bad_backends[i].message);
      g_clear_error (&error);
      g_assert_cmpuint (rw_catalog_get_n_backends (catalog), ==, n_backends);
      g_assert_null (rw_catalog_lookup_system (catalog, "t-gpu"));
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backend/section", test_section);
  g_test_add_func ("/backend/system-selects", test_system_selects);
  g_test_add_func ("/backend/kernels", test_kernels);
  g_test_add_func ("/backend/added-system", test_added_system);
  g_test_add_func ("/backend/bad-files", test_bad_files);

  return g_test_run ();
}

/* A native function library for Sluice's tests, written against the C header alone (no SDK):
 * scalar functions over BIGINT, DOUBLE and STRING, two overloads under one identifier, one that
 * may return NULL, one that fails on some input, one whose `open` reads the configuration, and
 * two aggregates (one of them reading the configuration too). */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "udx/include/sluice_udx.h"

static const sluice_udx_host* host;

/* com.example.CountChar(STRING s, STRING c) -> BIGINT: occurrences of c's first byte in s. */
static int64_t count_char(sluice_udx_call* call, const sluice_udx_string* s,
                          const sluice_udx_string* c) {
  (void)call;
  if (c->length == 0) return 0;
  const char* bytes = sluice_udx_string_data(s);
  const char wanted = sluice_udx_string_data(c)[0];
  int64_t count = 0;
  for (uint32_t i = 0; i < s->length; ++i) count += bytes[i] == wanted;
  return count;
}

/* com.example.Twice: BIGINT -> BIGINT (with a batch entry) and DOUBLE -> DOUBLE (row only). */
static int64_t twice_bigint(sluice_udx_call* call, int64_t x) {
  (void)call;
  return 2 * x;
}

static void twice_bigint_batch(sluice_udx_call* call, const sluice_udx_column* arguments,
                               const int32_t* rows, int32_t row_count, sluice_udx_column* result) {
  (void)call;
  const int64_t* in = (const int64_t*)arguments[0].values;
  int64_t* out = (int64_t*)result->values;
  for (int32_t k = 0; k < row_count; ++k) out[rows[k]] = 2 * in[rows[k]];
}

static double twice_double(sluice_udx_call* call, double x) {
  (void)call;
  return 2 * x;
}

/* com.example.Reverse(STRING) -> STRING, its bytes from host->allocate. */
static void reverse(sluice_udx_call* call, sluice_udx_string* out, const sluice_udx_string* s) {
  char* bytes = host->allocate(call, s->length > 0 ? s->length : 1);
  const char* in = sluice_udx_string_data(s);
  for (uint32_t i = 0; i < s->length; ++i) bytes[i] = in[s->length - 1 - i];
  *out = sluice_udx_string_of(bytes, s->length);
}

/* com.example.NullIfNegative(BIGINT) -> BIGINT: NULL for a negative argument. */
static int64_t null_if_negative(sluice_udx_call* call, int64_t x) {
  if (x < 0) host->set_null(call);
  return x;
}

/* com.example.CheckedDivide(BIGINT a, BIGINT b) -> BIGINT: fails on b = 0. */
static int64_t checked_divide(sluice_udx_call* call, int64_t a, int64_t b) {
  if (b == 0) {
    host->fail(call, SLUICE_UDX_INVALID_ARGUMENT, "cannot divide by zero");
    return 0;
  }
  return a / b;
}

/* com.example.AddOffset(BIGINT) -> BIGINT: adds 'test.udx.offset' (default 1000), read once in
 * `open`. */
static void* add_offset_open(const sluice_udx_open_context* context) {
  int64_t* offset = (int64_t*)malloc(sizeof(int64_t));
  const char* text = host->config(context, "test.udx.offset");
  *offset = text != NULL ? strtoll(text, NULL, 10) : 1000;
  return offset;
}

static void add_offset_close(void* state) { free(state); }

static int64_t add_offset(sluice_udx_call* call, int64_t x) {
  return x + *(const int64_t*)host->state(call);
}

/* com.example.Flag(BOOLEAN, INT) -> INT: small types; 0 when false. */
static int32_t flag(sluice_udx_call* call, uint8_t on, int32_t x) {
  (void)call;
  return on ? x : 0;
}

/* Built again with these defined, for the loader's error tests. */
#ifndef TEST_UDX_ABI_VERSION
#define TEST_UDX_ABI_VERSION SLUICE_UDX_ABI_VERSION
#endif
#ifdef TEST_UDX_BAD_TYPE
#define TEST_UDX_COUNT_CHAR_RESULT "DECIMAL(10, 2)"
#else
#define TEST_UDX_COUNT_CHAR_RESULT "BIGINT"
#endif

/* An aggregate without retract and merge: com.example.JoinWords(word) joins its words with '+'
 * in arrival order, NULL while there are none; the word 'fail' fails the job. */
typedef struct words {
  uint32_t length;
  char* bytes;
} words;

static void* words_of(const char* bytes, uint32_t length) {
  words* acc = (words*)calloc(1, sizeof(words));
  if (length > 0) {
    acc->bytes = (char*)malloc(length);
    memcpy(acc->bytes, bytes, length);
    acc->length = length;
  }
  return acc;
}

static void* words_create(sluice_udx_call* call) {
  (void)call;
  return words_of(NULL, 0);
}

static void words_accumulate(sluice_udx_call* call, void* accumulator,
                             const sluice_udx_string* word) {
  words* acc = (words*)accumulator;
  const char* data = sluice_udx_string_data(word);
  if (word->length == 4 && memcmp(data, "fail", 4) == 0) {
    host->fail(call, SLUICE_UDX_INVALID_ARGUMENT, "the word 'fail'");
    return;
  }
  const uint32_t length = acc->length + (acc->length > 0 ? 1 : 0) + word->length;
  char* bytes = (char*)malloc(length > 0 ? length : 1);
  if (acc->length > 0) {
    memcpy(bytes, acc->bytes, acc->length);
    bytes[acc->length] = '+';
  }
  memcpy(bytes + length - word->length, data, word->length);
  free(acc->bytes);
  acc->bytes = bytes;
  acc->length = length;
}

static void words_get_value(sluice_udx_call* call, sluice_udx_string* out,
                            const void* accumulator) {
  const words* acc = (const words*)accumulator;
  if (acc->length == 0) {
    host->set_null(call);
    return;
  }
  char* bytes = host->allocate(call, acc->length);
  if (acc->length > 0) memcpy(bytes, acc->bytes, acc->length);
  *out = sluice_udx_string_of(bytes, acc->length);
}

static uint32_t words_serialize(sluice_udx_call* call, const void* accumulator, char* buffer,
                                uint32_t capacity) {
  (void)call;
  const words* acc = (const words*)accumulator;
  if (acc->length <= capacity && acc->length > 0) memcpy(buffer, acc->bytes, acc->length);
  return acc->length;
}

static void* words_deserialize(sluice_udx_call* call, const char* bytes, uint32_t length) {
  (void)call;
  return words_of(bytes, length);
}

static void words_destroy(sluice_udx_call* call, void* accumulator) {
  (void)call;
  words* acc = (words*)accumulator;
  free(acc->bytes);
  free(acc);
}

static const sluice_udx_aggregate join_words = {
    words_create, (void*)words_accumulate, NULL,          NULL, (void*)words_get_value,
    words_serialize, words_deserialize,    words_destroy};

/* An aggregate whose `open` reads the configuration: com.example.ScaledSum(BIGINT) -> BIGINT is
 * the sum of its values times 'test.udx.scale' (default 1), read once in `open`, with retract and
 * merge. The accumulator holds the unscaled sum; the scale is applied in get_value. It counts its
 * serializations and deserializations, which a unit test reads to see that the rows of a key
 * do not each pay for them (tests/unit/udx_aggregate_test.cpp). */
static atomic_llong scaled_sum_serialized;
static atomic_llong scaled_sum_deserialized;

void sluice_test_udx_scaled_sum_conversions(int64_t* serialized, int64_t* deserialized) {
  *serialized = atomic_load(&scaled_sum_serialized);
  *deserialized = atomic_load(&scaled_sum_deserialized);
}

static void* scaled_sum_open(const sluice_udx_open_context* context) {
  int64_t* scale = (int64_t*)malloc(sizeof(int64_t));
  const char* text = host->config(context, "test.udx.scale");
  *scale = text != NULL ? strtoll(text, NULL, 10) : 1;
  return scale;
}

static void scaled_sum_close(void* state) { free(state); }

static void* scaled_sum_create(sluice_udx_call* call) {
  (void)call;
  return calloc(1, sizeof(int64_t));
}

static void scaled_sum_accumulate(sluice_udx_call* call, void* accumulator, int64_t value) {
  (void)call;
  *(int64_t*)accumulator += value;
}

static void scaled_sum_retract(sluice_udx_call* call, void* accumulator, int64_t value) {
  (void)call;
  *(int64_t*)accumulator -= value;
}

static void scaled_sum_merge(sluice_udx_call* call, void* accumulator, const void* other) {
  (void)call;
  *(int64_t*)accumulator += *(const int64_t*)other;
}

static int64_t scaled_sum_get_value(sluice_udx_call* call, const void* accumulator) {
  return *(const int64_t*)accumulator * *(const int64_t*)host->state(call);
}

static uint32_t scaled_sum_serialize(sluice_udx_call* call, const void* accumulator, char* buffer,
                                     uint32_t capacity) {
  (void)call;
  atomic_fetch_add(&scaled_sum_serialized, 1);
  if (capacity >= sizeof(int64_t)) memcpy(buffer, accumulator, sizeof(int64_t));
  return sizeof(int64_t);
}

static void* scaled_sum_deserialize(sluice_udx_call* call, const char* bytes, uint32_t length) {
  atomic_fetch_add(&scaled_sum_deserialized, 1);
  if (length != sizeof(int64_t)) {
    host->fail(call, SLUICE_UDX_INVALID_ARGUMENT, "a scaled sum is 8 bytes");
    return NULL;
  }
  int64_t* acc = (int64_t*)malloc(sizeof(int64_t));
  memcpy(acc, bytes, sizeof(int64_t));
  return acc;
}

static void scaled_sum_destroy(sluice_udx_call* call, void* accumulator) {
  (void)call;
  free(accumulator);
}

static const sluice_udx_aggregate scaled_sum = {
    scaled_sum_create,           (void*)scaled_sum_accumulate,
    (void*)scaled_sum_retract,   scaled_sum_merge,
    (void*)scaled_sum_get_value, scaled_sum_serialize,
    scaled_sum_deserialize,      scaled_sum_destroy};

#define DET SLUICE_UDX_DETERMINISTIC
static const sluice_udx_function functions[] = {
    {SLUICE_UDX_SCALAR, "com.example.CountChar", "STRING, STRING", TEST_UDX_COUNT_CHAR_RESULT, DET,
     (void*)count_char, NULL, NULL, NULL, NULL},
    {SLUICE_UDX_SCALAR, "com.example.Twice", "BIGINT", "BIGINT", DET, (void*)twice_bigint,
     twice_bigint_batch, NULL, NULL, NULL},
    {SLUICE_UDX_SCALAR, "com.example.Twice", "DOUBLE", "DOUBLE", DET, (void*)twice_double, NULL,
     NULL, NULL, NULL},
    {SLUICE_UDX_SCALAR, "com.example.Reverse", "STRING", "STRING", DET, (void*)reverse, NULL, NULL,
     NULL, NULL},
    {SLUICE_UDX_SCALAR, "com.example.NullIfNegative", "BIGINT", "BIGINT",
     DET | SLUICE_UDX_MAY_RETURN_NULL, (void*)null_if_negative, NULL, NULL, NULL, NULL},
    {SLUICE_UDX_SCALAR, "com.example.CheckedDivide", "BIGINT, BIGINT", "BIGINT", DET,
     (void*)checked_divide, NULL, NULL, NULL, NULL},
    {SLUICE_UDX_SCALAR, "com.example.AddOffset", "BIGINT", "BIGINT", DET, (void*)add_offset, NULL,
     add_offset_open, add_offset_close, NULL},
    {SLUICE_UDX_SCALAR, "com.example.Flag", "BOOLEAN, INT", "INT", DET, (void*)flag, NULL, NULL,
     NULL, NULL},
    /* A table function: loaded and described, not callable yet. */
    {SLUICE_UDX_TABLE, "com.example.Split", "STRING", "ROW<word STRING>", DET, (void*)reverse,
     NULL, NULL, NULL, NULL},
    {SLUICE_UDX_AGGREGATE, "com.example.JoinWords", "STRING", "STRING", DET, NULL, NULL, NULL,
     NULL, &join_words},
    {SLUICE_UDX_AGGREGATE, "com.example.ScaledSum", "BIGINT", "BIGINT", DET, NULL, NULL,
     scaled_sum_open, scaled_sum_close, &scaled_sum},
};

static const sluice_udx_library library = {TEST_UDX_ABI_VERSION, "sluice-test-functions",
                                           sizeof functions / sizeof functions[0], functions};

const sluice_udx_library* sluice_udx_library_v1(const sluice_udx_host* given) {
  host = given;
  return &library;
}

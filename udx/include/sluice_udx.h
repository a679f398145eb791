/*
 * Sluice UDX: the C ABI between Sluice and a library of native user-defined functions (scalar,
 * table and aggregate). This header is the whole contract; it is versioned by
 * SLUICE_UDX_ABI_VERSION, and a library built against one version is refused, with a message, by a
 * Sluice that speaks another. Most authors use the C++ SDK on top of it (sluice_udx.hpp).
 *
 * A library exports one symbol, `sluice_udx_library_v1`, returning a table of its functions. Each
 * function is registered under an identifier (a Flink class name such as
 * 'com.github.nexmark.flink.udf.CountChar', so that a job written for Flink runs unmodified) with
 * declared SQL types. Several entries under one identifier are overloads, chosen by argument types
 * as Flink chooses among `eval` methods.
 *
 * Values cross the boundary in Sluice's own column layouts, so compiled pipelines call a scalar's
 * row entry directly, with no boxing and no dispatch:
 *
 *   SQL type                  row-entry C type            batch column element
 *   BOOLEAN                   uint8_t (0 / 1)             uint8_t
 *   TINYINT SMALLINT INT      int8_t int16_t int32_t      the same
 *   BIGINT                    int64_t                     int64_t
 *   FLOAT DOUBLE              float double                the same
 *   DATE                      int32_t days since 1970-01-01
 *   TIME                      int32_t milliseconds of the day
 *   TIMESTAMP, TIMESTAMP_LTZ  int64_t microseconds since the epoch (UTC for _LTZ)
 *   STRING, BYTES             const sluice_udx_string*    sluice_udx_string
 *
 * A scalar's row entry is `R f(sluice_udx_call* call, A1 a1, A2 a2, ...)`. A STRING or BYTES
 * result is written through an out pointer after `call` instead:
 * `void f(sluice_udx_call* call, sluice_udx_string* out, A1 a1, ...)`, its bytes in memory from
 * `host->allocate` (or memory the library keeps alive for the job).
 *
 * NULLs: a call with any NULL argument returns NULL without calling the function (a table
 * function produces no rows, so LEFT JOIN LATERAL pads the input row). A function that may
 * return NULL for non-NULL arguments sets SLUICE_UDX_MAY_RETURN_NULL and calls
 * `host->set_null(call)`.
 *
 * Errors cross the boundary as a code and a message, never as a C++ exception: a function calls
 * `host->fail(call, code, message)` and returns any value. The job then fails with the
 * function's name, the input row and the message. An exception must not leave a library function.
 *
 * Threads: a job calls a function from several threads at once. The state `open` returns is
 * shared by them: make it immutable after `open`, or synchronize it yourself. An aggregate's
 * accumulators are each used by one thread at a time.
 */
#ifndef SLUICE_UDX_H
#define SLUICE_UDX_H

#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SLUICE_UDX_ABI_VERSION 1u

/* A 16-byte string or byte-string view (Sluice's StringRef): the length, its first 4 bytes, then
 * either the remaining bytes of a string of at most 12 bytes, inline, or a pointer to all its
 * bytes. Read it with sluice_udx_string_data and build one with sluice_udx_string_of. */
typedef struct sluice_udx_string {
  uint32_t length;
  char prefix[4];
  union {
    char inlined[8];
    const char* pointer;
  } rest;
} sluice_udx_string;

#define SLUICE_UDX_STRING_INLINE_LIMIT 12u

static inline const char* sluice_udx_string_data(const sluice_udx_string* s) {
  return s->length <= SLUICE_UDX_STRING_INLINE_LIMIT ? s->prefix : s->rest.pointer;
}

/* Views `length` bytes at `bytes`; for more than 12 bytes they must outlive the view. */
static inline sluice_udx_string sluice_udx_string_of(const char* bytes, uint32_t length) {
  sluice_udx_string s;
  memset(&s, 0, sizeof s);
  s.length = length;
  if (length <= SLUICE_UDX_STRING_INLINE_LIMIT) {
    if (length > 0) memcpy(s.prefix, bytes, length);
  } else {
    memcpy(s.prefix, bytes, 4);
    s.rest.pointer = bytes;
  }
  return s;
}

/* The host's side of one call site (opaque): passed to every entry, handed back to the host. */
typedef struct sluice_udx_call sluice_udx_call;
/* What `open` sees (opaque): the job's configuration, through host->config. */
typedef struct sluice_udx_open_context sluice_udx_open_context;

/* Error codes for host->fail. */
enum {
  SLUICE_UDX_ERROR = 1,            /* anything else */
  SLUICE_UDX_INVALID_ARGUMENT = 2, /* the input cannot be processed */
  SLUICE_UDX_OUT_OF_MEMORY = 3,
  SLUICE_UDX_UNAVAILABLE = 4       /* an external resource failed */
};

/* One value of a table function's output row. */
typedef struct sluice_udx_value {
  uint8_t is_null;
  union {
    int64_t i64; /* BOOLEAN, the integers, DATE, TIME, TIMESTAMP(_LTZ) */
    double f64;  /* FLOAT, DOUBLE */
    sluice_udx_string str;
  } v;
} sluice_udx_value;

/* What Sluice offers a library; given to sluice_udx_library_v1, valid while the library is
 * loaded. */
typedef struct sluice_udx_host {
  uint32_t abi_version;
  /* Fails the job with `message` (copied); the function returns any value after it. */
  void (*fail)(sluice_udx_call* call, int32_t code, const char* message);
  /* The result of this call is NULL (functions with SLUICE_UDX_MAY_RETURN_NULL). */
  void (*set_null)(sluice_udx_call* call);
  /* `bytes` bytes for a result string, valid until Sluice is done with the row's batch. */
  char* (*allocate)(sluice_udx_call* call, uint32_t bytes);
  /* The state `open` returned for this call site (NULL without `open`). */
  void* (*state)(sluice_udx_call* call);
  /* The job's configuration value of `key` (`SET 'key' = '...'`), or NULL; valid until `open`
   * returns (copy what you keep). */
  const char* (*config)(const sluice_udx_open_context* context, const char* key);
  /* Table functions: emits one output row, `count` values in the declared field order. Sluice
   * copies the values (string bytes included) before emit_row returns. */
  void (*emit_row)(sluice_udx_call* call, const sluice_udx_value* values, int32_t count);
} sluice_udx_host;

/* A column of a batch entry: `values` is an array of the element type of the table above
 * (indexed by row number), `valid` one byte per row (1: not NULL). */
typedef struct sluice_udx_column {
  void* values;
  uint8_t* valid;
} sluice_udx_column;

/* A scalar's batch entry: computes rows rows[0..row_count) of the argument columns into
 * `result`. The interpreter calls it, and so do compiled pipelines, once per batch, where the
 * call runs on every row. The row numbers increase (mostly in runs of consecutive numbers: rows
 * with a NULL argument are left out). The listed rows have no NULL argument, and their result
 * validity is preset to 1 (set it to 0 for a NULL result). */
typedef void (*sluice_udx_batch_fn)(sluice_udx_call* call, const sluice_udx_column* arguments,
                                    const int32_t* rows, int32_t row_count,
                                    sluice_udx_column* result);

enum sluice_udx_kind {
  SLUICE_UDX_SCALAR = 1,
  SLUICE_UDX_TABLE = 2,     /* `row`: void f(call, A1, ...), emitting rows with host->emit_row */
  SLUICE_UDX_AGGREGATE = 3  /* `aggregate` */
};

/* Function flags. */
enum {
  SLUICE_UDX_DETERMINISTIC = 1u,   /* same arguments, same result: may be folded and reused */
  SLUICE_UDX_MAY_RETURN_NULL = 2u  /* may call host->set_null */
};

/* An aggregate function: an accumulator per group, made by `create` and owned by Sluice.
 * accumulate / retract: void f(call, void* accumulator, A1 a1, ...) in the row-entry ABI; a row
 * with a NULL argument is skipped, as Flink's built-in aggregates skip NULLs.
 * get_value: R f(call, const void* accumulator), or for STRING/BYTES
 * void f(call, sluice_udx_string* out, const void* accumulator).
 * serialize: writes the accumulator into `buffer` when `capacity` suffices and returns the bytes
 * it needs (Sluice calls again with a larger buffer when that exceeds `capacity`); checkpoints and
 * keyed state hold these bytes, and deserialize makes an accumulator of them again. create and
 * deserialize return NULL after calling host->fail. */
typedef struct sluice_udx_aggregate {
  void* (*create)(sluice_udx_call* call);
  void* accumulate;
  void* retract; /* NULL: the function cannot run over updating input */
  void (*merge)(sluice_udx_call* call, void* accumulator, const void* other); /* may be NULL */
  void* get_value;
  uint32_t (*serialize)(sluice_udx_call* call, const void* accumulator, char* buffer,
                        uint32_t capacity);
  void* (*deserialize)(sluice_udx_call* call, const char* bytes, uint32_t length);
  void (*destroy)(sluice_udx_call* call, void* accumulator);
} sluice_udx_aggregate;

typedef struct sluice_udx_function {
  uint32_t kind;           /* enum sluice_udx_kind */
  const char* identifier;  /* what CREATE FUNCTION ... AS '<identifier>' names */
  /* SQL types, as DDL spells them: the arguments comma-separated ("STRING, STRING", "" for
   * none), the result ("BIGINT"; a table function's row "ROW<word STRING, length INT>"). */
  const char* arguments;
  const char* result;
  uint32_t flags;
  void* row;                 /* scalar and table functions: the row entry */
  sluice_udx_batch_fn batch; /* scalar functions; NULL: Sluice calls `row` for each row */
  /* Optional, once per call site before its first call / after its last. */
  void* (*open)(const sluice_udx_open_context* context);
  void (*close)(void* state);
  const sluice_udx_aggregate* aggregate; /* aggregate functions */
} sluice_udx_function;

typedef struct sluice_udx_library {
  uint32_t abi_version; /* SLUICE_UDX_ABI_VERSION */
  const char* name;
  uint32_t function_count;
  const sluice_udx_function* functions;
} sluice_udx_library;

/* The symbol a library exports; Sluice calls it once after loading the library. NULL means the
 * library could not describe itself: loading it fails. `open` cannot fail the job by itself: a
 * library that cannot open keeps the reason in its state and fails the call site's first call. */
typedef const sluice_udx_library* (*sluice_udx_library_fn)(const sluice_udx_host* host);
#define SLUICE_UDX_LIBRARY_SYMBOL "sluice_udx_library_v1"

#ifdef __cplusplus
}
#endif

#endif /* SLUICE_UDX_H */

// The built-in scalar function library, one file per family (as Flink's docs group them). Each
// family registers its kernels into the shared registry; see ../scalar_kernel.h for how a kernel
// is written.
#pragma once

#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime::builtins {

void registerAll(ScalarFunctionRegistry& registry);

void registerArithmetic(ScalarFunctionRegistry& registry);   // + - * / % unary -, ABS, MOD, ROUND..
void registerComparison(ScalarFunctionRegistry& registry);   // = <> < <= > >= on every type
void registerCasts(ScalarFunctionRegistry& registry);        // CAST / TRY_CAST between all types
void registerStrings(ScalarFunctionRegistry& registry);      // CONCAT, SUBSTRING, UPPER, LIKE, ...
void registerRegex(ScalarFunctionRegistry& registry);        // REGEXP, REGEXP_EXTRACT, ... (RE2)
void registerTemporal(ScalarFunctionRegistry& registry);     // DATE_FORMAT, EXTRACT, TIMESTAMPADD..
void registerJson(ScalarFunctionRegistry& registry);         // JSON_VALUE, JSON_QUERY, JSON_EXISTS
void registerJsonQuoting(ScalarFunctionRegistry& registry);  // JSON_QUOTE/_UNQUOTE, JSON_STRING
void registerHashing(ScalarFunctionRegistry& registry);      // MD5, SHA1, SHA256, HASH_CODE ...
void registerConditional(ScalarFunctionRegistry& registry);  // GREATEST, LEAST, IS_ALPHA, ...
void registerTypeOf(ScalarFunctionRegistry& registry);       // TYPEOF
// ARRAY[..], MAP[..], ROW(..), CARDINALITY, ITEM, ELEMENT, ARRAY_*, MAP_*: nested kernels, which
// run in the interpreter only (see ../scalar_kernel.h).
void registerCollections(ScalarFunctionRegistry& registry);

}  // namespace sluice::runtime::builtins

// The current time and time attributes (docs: "Temporal Functions"): CURRENT_DATE, CURRENT_TIME,
// CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP, NOW, CURRENT_ROW_TIMESTAMP, PROCTIME,
// CURRENT_WATERMARK and SOURCE_WATERMARK. All but SOURCE_WATERMARK are non-deterministic.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"

namespace sluice::builtin {
namespace {

FunctionDefinition currentValue(const char* name, DataType type, bool withoutParens) {
  FunctionDefinition d = nonDeterministic(scalar(name, {sig({}, explicitType(type.notNull()))}));
  return withoutParens ? withoutParentheses(std::move(d)) : d;
}

}  // namespace

void registerTimeAttributeFunctions(FunctionRegistry& r) {
  r.add(currentValue("CURRENT_DATE", DataType::date(), true));
  r.add(currentValue("CURRENT_TIME", DataType::time(0), true));
  r.add(currentValue("LOCALTIME", DataType::time(0), true));
  r.add(currentValue("CURRENT_TIMESTAMP", DataType::timestampLtz(3), true));
  r.add(currentValue("LOCALTIMESTAMP", DataType::timestamp(3), true));
  r.add(currentValue("NOW", DataType::timestampLtz(3), false));
  r.add(currentValue("CURRENT_ROW_TIMESTAMP", DataType::timestampLtz(3), false));

  // PROCTIME(): a processing-time attribute.
  r.add(nonDeterministic(scalar(
      "PROCTIME", {sig({}, explicitType(DataType::timestampLtz(3).notNull().withTimeAttribute(
                               TimeAttribute::Proctime)))})));
  // CURRENT_WATERMARK(rowtime): the rowtime's type, NULL before the first watermark.
  r.add(nonDeterministic(
      scalar("CURRENT_WATERMARK", {sig({rowtimeArg()}, forceNullable(argType(0)))})));
  // SOURCE_WATERMARK(): only in WATERMARK FOR .. AS SOURCE_WATERMARK() of a table's DDL.
  r.add(scalar("SOURCE_WATERMARK", {sig({}, explicitType(DataType::timestampLtz(3)))}));
}

}  // namespace sluice::builtin

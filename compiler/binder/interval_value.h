// The value of an interval literal: INTERVAL '1 10:20:30.5' DAY TO SECOND is 123630500 ms;
// INTERVAL '1-2' YEAR TO MONTH is 14 months.
#pragma once

#include <cstdint>
#include <string>

#include "compiler/diagnostics/result.h"
#include "compiler/parser/ast/ast_expression.h"

namespace sluice {

struct IntervalValue {
  bool yearMonth = false;
  int64_t millis = 0;  // day-time intervals
  int64_t months = 0;  // year-month intervals
  std::string digest;  // INTERVAL '10' MINUTE as written, normalized
};

Result<IntervalValue> parseIntervalLiteral(const ast::Literal& literal);

}  // namespace sluice

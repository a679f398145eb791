#include "runtime/operators/group_aggregate_record.h"

#include <bit>
#include <stdexcept>

namespace sluice::runtime {
namespace {

bool numeric(const DataType& type) {
  return type.kind() != TypeKind::Decimal && isFixedWidthNumber(physicalTypeOf(type));
}

int64_t integerAt(const Vector& column, int row) {
  switch (column.physicalType()) {
    case PhysicalType::Bool: return column.values<uint8_t>()[row];
    case PhysicalType::Int8: return column.values<int8_t>()[row];
    case PhysicalType::Int16: return column.values<int16_t>()[row];
    case PhysicalType::Int32: return column.values<int32_t>()[row];
    default: return column.values<int64_t>()[row];
  }
}

double realAt(const Vector& column, int row) {
  if (column.physicalType() == PhysicalType::Float32) return column.values<float>()[row];
  return column.values<double>()[row];
}

double asReal(int64_t word) {
  return std::bit_cast<double>(word);
}
int64_t asWord(double real) {
  return std::bit_cast<int64_t>(real);
}

int64_t wrappingAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}

}  // namespace

bool GroupAggregateRecord::supports(const artifact::Node& node,
                                    const std::vector<DataType>& inputTypes) {
  for (const artifact::AggregateCall& call : node.aggregates) {
    if (call.distinct || call.arguments.size() > 1 || call.native()) return false;
    if (!numeric(call.type)) return false;
    const std::string& f = call.function;
    if (f == "COUNT") continue;
    if (f != "SUM" && f != "SUM0" && f != "AVG" && f != "MIN" && f != "MAX") return false;
    if (call.arguments.empty() || !numeric(inputTypes[call.arguments[0]])) return false;
    // MIN / MAX over updating input keep every value (group_aggregate_views.h).
    if ((f == "MIN" || f == "MAX") && node.inputUpdates) return false;
    // A FLOAT / DOUBLE sum of integers, or an integer sum of reals, is not something the planner
    // produces; leave such calls to the boxed functions.
    if (f != "AVG" && isFloatingPoint(physicalTypeOf(call.type)) !=
                          isFloatingPoint(physicalTypeOf(inputTypes[call.arguments[0]]))) {
      return false;
    }
  }
  return true;
}

GroupAggregateRecord::GroupAggregateRecord(const artifact::Node& node,
                                           const std::vector<DataType>& inputTypes) {
  for (const artifact::AggregateCall& call : node.aggregates) {
    Call c;
    c.argument = call.arguments.empty() ? -1 : call.arguments[0];
    c.filter = call.filterColumn;
    c.realArgument = c.argument >= 0 && isFloatingPoint(physicalTypeOf(inputTypes[c.argument]));
    c.realResult = isFloatingPoint(physicalTypeOf(call.type));
    c.slot = words_;
    const std::string& f = call.function;
    if (f == "COUNT") {
      c.kind = c.argument < 0 ? Kind::CountRows : Kind::CountValues;
      words_ += 1;
    } else if (f == "MIN") {
      c.kind = c.realArgument ? Kind::MinReal : Kind::MinInteger;
      words_ += 2;
    } else if (f == "MAX") {
      c.kind = c.realArgument ? Kind::MaxReal : Kind::MaxInteger;
      words_ += 2;
    } else if (f == "AVG") {
      c.kind = c.realArgument ? Kind::AvgReal : Kind::AvgInteger;
      words_ += 2;
    } else {
      c.kind = c.realResult ? Kind::SumReal : Kind::SumInteger;
      c.roundsToFloat = physicalTypeOf(call.type) == PhysicalType::Float32;
      c.zeroWhenEmpty = f == "SUM0";
      words_ += 2;
    }
    calls_.push_back(c);
  }
}

void GroupAggregateRecord::init(int64_t* record) const {
  for (int i = 0; i < words_; ++i) record[i] = 0;
  for (const Call& c : calls_) {
    if (c.kind == Kind::SumReal || c.kind == Kind::AvgReal) record[c.slot] = asWord(0.0);
  }
}

void GroupAggregateRecord::apply(int64_t* record, const Batch& batch, int row,
                                 bool accumulates) const {
  const int64_t sign = accumulates ? 1 : -1;
  record[0] += sign;
  for (const Call& c : calls_) {
    if (c.filter >= 0) {
      const Vector& filter = batch.column(c.filter);
      if (filter.isNull(row) || filter.values<uint8_t>()[row] == 0) continue;
    }
    int64_t* acc = record + c.slot;
    if (c.kind == Kind::CountRows) {
      acc[0] += sign;
      continue;
    }
    const Vector& argument = batch.column(c.argument);
    if (argument.isNull(row)) continue;
    switch (c.kind) {
      case Kind::CountRows: break;
      case Kind::CountValues: acc[0] += sign; break;
      case Kind::SumInteger:
      case Kind::AvgInteger:
        acc[0] = wrappingAdd(acc[0],
                             static_cast<int64_t>(static_cast<uint64_t>(sign) *
                                                  static_cast<uint64_t>(integerAt(argument, row))));
        acc[1] += sign;
        break;
      case Kind::SumReal: {
        double sum = asReal(acc[0]) + static_cast<double>(sign) * realAt(argument, row);
        if (c.roundsToFloat) sum = static_cast<float>(sum);
        acc[0] = asWord(sum);
        acc[1] += sign;
        break;
      }
      case Kind::AvgReal:
        acc[0] = asWord(asReal(acc[0]) + static_cast<double>(sign) * realAt(argument, row));
        acc[1] += sign;
        break;
      case Kind::MinInteger:
      case Kind::MaxInteger: {
        if (!accumulates)
          throw std::logic_error("MIN/MAX without retraction support received a retraction");
        const int64_t value = integerAt(argument, row);
        if (!acc[1] || (c.kind == Kind::MinInteger ? value < acc[0] : value > acc[0])) {
          acc[0] = value;
          acc[1] = 1;
        }
        break;
      }
      case Kind::MinReal:
      case Kind::MaxReal: {
        if (!accumulates)
          throw std::logic_error("MIN/MAX without retraction support received a retraction");
        const double value = realAt(argument, row);
        const double current = asReal(acc[0]);
        if (!acc[1] || (c.kind == Kind::MinReal ? value < current : value > current)) {
          acc[0] = asWord(value);
          acc[1] = 1;
        }
        break;
      }
    }
  }
}

void GroupAggregateRecord::merge(int64_t* record, const std::vector<Value>& partial) const {
  record[0] += partial.back().integer;
  for (size_t i = 0; i < calls_.size(); ++i) {
    const Call& c = calls_[i];
    const Value& p = partial[i];
    int64_t* acc = record + c.slot;
    switch (c.kind) {
      case Kind::CountRows:
      case Kind::CountValues: acc[0] += p.integer; break;
      case Kind::SumInteger:
        acc[0] = wrappingAdd(acc[0], p.children[0].integer);
        acc[1] += p.children[1].integer;
        break;
      case Kind::AvgInteger:
        acc[0] = wrappingAdd(acc[0], static_cast<int64_t>(p.children[0].wide));
        acc[1] += p.children[1].integer;
        break;
      case Kind::SumReal: {
        double sum = asReal(acc[0]) + p.children[0].real;
        if (c.roundsToFloat) sum = static_cast<float>(sum);
        acc[0] = asWord(sum);
        acc[1] += p.children[1].integer;
        break;
      }
      case Kind::AvgReal:
        acc[0] = asWord(asReal(acc[0]) + p.children[0].real);
        acc[1] += p.children[1].integer;
        break;
      case Kind::MinInteger:
      case Kind::MaxInteger:
        if (p.isNull) break;
        if (!acc[1] || (c.kind == Kind::MinInteger ? p.integer < acc[0] : p.integer > acc[0])) {
          acc[0] = p.integer;
          acc[1] = 1;
        }
        break;
      case Kind::MinReal:
      case Kind::MaxReal: {
        if (p.isNull) break;
        const double current = asReal(acc[0]);
        if (!acc[1] || (c.kind == Kind::MinReal ? p.real < current : p.real > current)) {
          acc[0] = asWord(p.real);
          acc[1] = 1;
        }
        break;
      }
    }
  }
}

void GroupAggregateRecord::results(const int64_t* record, TypedResult* results) const {
  for (size_t i = 0; i < calls_.size(); ++i) {
    const Call& c = calls_[i];
    const int64_t* acc = record + c.slot;
    TypedResult& r = results[i];
    r = TypedResult{};
    switch (c.kind) {
      case Kind::CountRows:
      case Kind::CountValues:
        r.isNull = false;
        r.integer = acc[0];
        break;
      case Kind::SumInteger:
        if (acc[1] == 0 && !c.zeroWhenEmpty) break;
        r.isNull = false;
        r.integer = acc[0];
        break;
      case Kind::SumReal:
        if (acc[1] == 0 && !c.zeroWhenEmpty) break;
        r.isNull = false;
        r.real = asReal(acc[0]);
        break;
      case Kind::AvgInteger:
        if (acc[1] == 0) break;
        r.isNull = false;
        if (c.realResult) {
          r.real = static_cast<double>(acc[0]) / static_cast<double>(acc[1]);
        } else {
          r.integer = static_cast<int64_t>(static_cast<int128_t>(acc[0]) / acc[1]);
        }
        break;
      case Kind::AvgReal: {
        if (acc[1] == 0) break;
        r.isNull = false;
        const double average = asReal(acc[0]) / static_cast<double>(acc[1]);
        if (c.realResult) {
          r.real = average;
        } else {
          r.integer = static_cast<int64_t>(average);
        }
        break;
      }
      case Kind::MinInteger:
      case Kind::MaxInteger:
        if (!acc[1]) break;
        r.isNull = false;
        r.integer = acc[0];
        break;
      case Kind::MinReal:
      case Kind::MaxReal:
        if (!acc[1]) break;
        r.isNull = false;
        r.real = asReal(acc[0]);
        break;
    }
  }
}

// As writeValue writes the boxed result: integer columns take `integer`, real ones `real`.
void GroupAggregateRecord::write(const TypedResult* results, Batch& output, int firstColumn,
                                 int at) const {
  for (size_t i = 0; i < calls_.size(); ++i) {
    Vector& column = output.column(firstColumn + static_cast<int>(i));
    const TypedResult& r = results[i];
    column.setNull(at, r.isNull);
    if (r.isNull) continue;
    switch (column.physicalType()) {
      case PhysicalType::Bool: column.values<uint8_t>()[at] = r.integer != 0; break;
      case PhysicalType::Int8: column.values<int8_t>()[at] = static_cast<int8_t>(r.integer); break;
      case PhysicalType::Int16:
        column.values<int16_t>()[at] = static_cast<int16_t>(r.integer);
        break;
      case PhysicalType::Int32:
        column.values<int32_t>()[at] = static_cast<int32_t>(r.integer);
        break;
      case PhysicalType::Int64: column.values<int64_t>()[at] = r.integer; break;
      case PhysicalType::Float32: column.values<float>()[at] = static_cast<float>(r.real); break;
      case PhysicalType::Float64: column.values<double>()[at] = r.real; break;
      default: column.setNull(at, true); break;  // excluded by supports()
    }
  }
}

}  // namespace sluice::runtime

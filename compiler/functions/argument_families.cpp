// The operand families of signature_builders.h (Flink's InputTypeStrategies.logical(..)).
#include <algorithm>

#include "compiler/functions/signature_builders.h"
#include "compiler/types/identifier_case.h"

namespace sluice::builtin {
namespace {

using TypeTest = bool (*)(const DataType&);

// A family check: operands of the family are kept as they are; an untyped NULL becomes the
// family's default type (nullable). Keywords never fit.
ArgSpec family(std::string label, TypeTest test, std::optional<DataType> nullDefault) {
  return ArgSpec{std::move(label),
                 [test, nullDefault](const CallOperand& op) -> std::optional<DataType> {
                   if (op.type.kind() == TypeKind::Null) return nullDefault;
                   if (test(op.type)) return op.type;
                   return std::nullopt;
                 }};
}

}  // namespace

ArgSpec anyArg() {
  return ArgSpec{"ANY", [](const CallOperand& op) -> std::optional<DataType> {
                   if (isKeyword(op) || op.type.kind() == TypeKind::Descriptor) return std::nullopt;
                   return op.type;
                 }};
}

ArgSpec stringArg() {
  return family(
      "STRING", [](const DataType& t) { return t.isCharacterString(); }, DataType::string());
}

ArgSpec bytesArg() {
  return family(
      "BYTES", [](const DataType& t) { return t.isBinaryString(); }, DataType::bytes());
}

ArgSpec numericArg() {
  return family(
      "NUMERIC", [](const DataType& t) { return t.isNumeric(); }, DataType::integer());
}

ArgSpec exactNumericArg() {
  return family(
      "EXACT_NUMERIC", [](const DataType& t) { return t.isExactNumeric(); }, DataType::integer());
}

ArgSpec integerArg() {
  return family(
      "INTEGER", [](const DataType& t) { return t.isInteger(); }, DataType::integer());
}

ArgSpec intArg() {
  // Flink's logical(INTEGER): TINYINT and SMALLINT widen implicitly to INT, BIGINT does not fit.
  return ArgSpec{"INT", [](const CallOperand& op) -> std::optional<DataType> {
                   const TypeKind k = op.type.kind();
                   if (k == TypeKind::Int) return op.type;
                   if (k == TypeKind::Null || k == TypeKind::TinyInt || k == TypeKind::SmallInt) {
                     return DataType::integer().withNullable(op.type.nullable());
                   }
                   return std::nullopt;
                 }};
}

ArgSpec booleanArg() {
  return family(
      "BOOLEAN", [](const DataType& t) { return t.kind() == TypeKind::Boolean; },
      DataType::boolean());
}

ArgSpec dateArg() {
  return family(
      "DATE", [](const DataType& t) { return t.kind() == TypeKind::Date; }, DataType::date());
}

ArgSpec timeArg() {
  return family(
      "TIME", [](const DataType& t) { return t.kind() == TypeKind::Time; }, DataType::time());
}

ArgSpec timestampArg() {
  return family(
      "TIMESTAMP", [](const DataType& t) { return t.isTimestamp(); }, DataType::timestamp(3));
}

ArgSpec datetimeArg() {
  return family(
      "DATETIME", [](const DataType& t) { return t.isDatetime(); }, DataType::timestamp(3));
}

ArgSpec intervalArg() {
  return family(
      "INTERVAL", [](const DataType& t) { return t.isInterval(); }, DataType::intervalDayTime());
}

ArgSpec arrayArg() {
  return family(
      "ARRAY", [](const DataType& t) { return t.kind() == TypeKind::Array; }, std::nullopt);
}

ArgSpec mapArg() {
  return family(
      "MAP", [](const DataType& t) { return t.kind() == TypeKind::Map; }, std::nullopt);
}

ArgSpec collectionArg() {
  return family(
      "ARRAY|MULTISET|MAP",
      [](const DataType& t) {
        return t.kind() == TypeKind::Array || t.kind() == TypeKind::Multiset ||
               t.kind() == TypeKind::Map;
      },
      std::nullopt);
}

ArgSpec rowtimeArg() {
  return family(
      "ROWTIME", [](const DataType& t) { return t.isTimestamp() && t.isRowtime(); }, std::nullopt);
}

ArgSpec symbolArg(std::string label, std::vector<std::string> keywords) {
  return ArgSpec{
      std::move(label),
      [keywords = std::move(keywords)](const CallOperand& op) -> std::optional<DataType> {
        if (!isKeyword(op)) return std::nullopt;
        if (keywords.empty()) return op.type;
        const std::string word = toUpperAscii(op.literal.value_or(""));
        if (std::find(keywords.begin(), keywords.end(), word) == keywords.end()) {
          return std::nullopt;
        }
        return op.type;
      }};
}

ArgSpec eitherArg(ArgSpec a, ArgSpec b, std::string label) {
  if (label.empty()) label = a.label + "|" + b.label;
  return ArgSpec{std::move(label),
                 [first = std::move(a.accept),
                  second = std::move(b.accept)](const CallOperand& op) -> std::optional<DataType> {
                   if (auto t = first(op)) return t;
                   return second(op);
                 }};
}

}  // namespace sluice::builtin

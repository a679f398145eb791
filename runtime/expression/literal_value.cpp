// Literals of the artifact are text in CAST(STRING AS type) form (hex for binary types, the
// number of milliseconds or months for intervals); this turns them into values once, when an
// expression is prepared.
#include <charconv>
#include <cstdlib>

#include "runtime/data/time_zone.h"
#include "runtime/data/value_text.h"
#include "runtime/expression/evaluation_node.h"
#include "runtime/expression/expression_program.h"

namespace sluice::runtime {
namespace {

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decodeHex(const std::string& text) {
  std::string bytes;
  for (size_t i = 0; i + 1 < text.size(); i += 2) {
    const int high = hexDigit(text[i]);
    const int low = hexDigit(text[i + 1]);
    if (high < 0 || low < 0) throw PrepareError("malformed binary literal X'" + text + "'");
    bytes.push_back(static_cast<char>(high * 16 + low));
  }
  return bytes;
}

int64_t parseInteger(const std::string& text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw PrepareError("malformed integer literal '" + text + "'");
  }
  return value;
}

}  // namespace

Value literalValue(const artifact::Expression& literal, const std::string& timeZone) {
  if (!literal.literal || literal.type.kind() == TypeKind::Null) return Value::null();
  const std::string& text = *literal.literal;
  switch (literal.type.kind()) {
    case TypeKind::Boolean: return Value::ofInteger(text == "TRUE" || text == "true" ? 1 : 0);
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt:
    case TypeKind::IntervalYearMonth:
    case TypeKind::IntervalDayTime: return Value::ofInteger(parseInteger(text));
    case TypeKind::Float:
    case TypeKind::Double: return Value::ofReal(std::strtod(text.c_str(), nullptr));
    case TypeKind::Char:
    case TypeKind::VarChar:
    case TypeKind::Symbol:
    case TypeKind::Descriptor:
    case TypeKind::Raw: return Value::ofBytes(text);
    case TypeKind::Binary:
    case TypeKind::VarBinary: return Value::ofBytes(decodeHex(text));
    default: break;
  }
  const auto zone = TimeZone::forName(timeZone);
  if (!zone) throw PrepareError("unknown time zone '" + timeZone + "'");
  ParsedValue parsed = parseValue(text, literal.type, *zone);
  if (!parsed.ok) throw PrepareError(parsed.error);
  return parsed.value;
}

}  // namespace sluice::runtime

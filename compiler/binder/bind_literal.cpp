// Literal typing as Calcite does it for Flink: 42 is INT, 3000000000 is BIGINT, 0.908 is
// DECIMAL(3, 3), 1e3 is DOUBLE, 'abc' is CHAR(3); interval literals carry their value in
// milliseconds (or months) so window sizes can be read from them.
#include <fmt/format.h>

#include <cstdlib>
#include <regex>

#include "compiler/binder/binder.h"
#include "compiler/binder/interval_value.h"

namespace sluice {

static std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

static size_t codePoints(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

static DataType exactNumberType(const std::string& text, SourceLocation location) {
  std::string digits = text[0] == '-' || text[0] == '+' ? text.substr(1) : text;
  auto dot = digits.find('.');
  if (dot == std::string::npos) {
    errno = 0;
    long long value = std::strtoll(text.c_str(), nullptr, 10);
    if (errno != ERANGE) {
      if (value >= INT32_MIN && value <= INT32_MAX) return DataType::integer().notNull();
      return DataType::bigInt().notNull();
    }
    size_t precision = digits.find_first_not_of('0') == std::string::npos
                           ? 1
                           : digits.size() - digits.find_first_not_of('0');
    if (precision > 38) throw UserError(location, "numeric literal '" + text + "' is out of range");
    return DataType::decimal(static_cast<int>(precision), 0).notNull();
  }
  std::string unscaled = digits.substr(0, dot) + digits.substr(dot + 1);
  int scale = static_cast<int>(digits.size() - dot - 1);
  auto first = unscaled.find_first_not_of('0');
  int precision = first == std::string::npos ? 1 : static_cast<int>(unscaled.size() - first);
  precision = std::max(precision, scale);
  if (precision == 0) precision = 1;
  if (precision > 38) throw UserError(location, "numeric literal '" + text + "' is out of range");
  return DataType::decimal(precision, scale).notNull();
}

static void checkDatetimeText(const std::string& text, const std::regex& pattern,
                              const char* kind, const char* example, SourceLocation location) {
  if (!std::regex_match(text, pattern)) {
    throw UserError(location, fmt::format("invalid {} literal '{}'; expected {}", kind, text,
                                          example));
  }
}

plan::ExpressionRef Binder::literal(const ast::Literal& literal) {
  switch (literal.literalKind) {
    case ast::LiteralKind::Null: return plan::literal("NULL", DataType::null());
    case ast::LiteralKind::Boolean:
      return plan::literal(literal.text, DataType::boolean().notNull());
    case ast::LiteralKind::ExactNumber:
      return plan::literal(literal.text, exactNumberType(literal.text, literal.location));
    case ast::LiteralKind::ApproximateNumber:
      return plan::literal(literal.text, DataType::doubleType().notNull());
    case ast::LiteralKind::String:
      return plan::literal(quote(literal.text),
                           DataType::charType(static_cast<int32_t>(codePoints(literal.text))).notNull(),
                           literal.text);
    case ast::LiteralKind::Binary:
      return plan::literal("X'" + literal.text + "'",
                           DataType::binary(static_cast<int32_t>(literal.text.size() / 2)).notNull(),
                           literal.text);
    case ast::LiteralKind::Date: {
      static const std::regex kDate(R"(\s*\d{1,4}-\d{1,2}-\d{1,2}\s*)");
      checkDatetimeText(literal.text, kDate, "DATE", "'yyyy-MM-dd'", literal.location);
      return plan::literal("DATE " + quote(literal.text), DataType::date().notNull(), literal.text);
    }
    case ast::LiteralKind::Time: {
      static const std::regex kTime(R"(\s*\d{1,2}:\d{1,2}(:\d{1,2}(\.\d*)?)?\s*)");
      checkDatetimeText(literal.text, kTime, "TIME", "'HH:mm:ss'", literal.location);
      auto dot = literal.text.find('.');
      int precision = dot == std::string::npos ? 0 : static_cast<int>(literal.text.size() - dot - 1);
      return plan::literal("TIME " + quote(literal.text),
                           DataType::time(std::min(precision, 9)).notNull(), literal.text);
    }
    case ast::LiteralKind::Timestamp: {
      static const std::regex kTimestamp(
          R"(\s*\d{1,4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{1,2}(:\d{1,2}(\.\d*)?)?)?\s*)");
      checkDatetimeText(literal.text, kTimestamp, "TIMESTAMP", "'yyyy-MM-dd HH:mm:ss[.SSS]'",
                        literal.location);
      auto dot = literal.text.find('.');
      int precision = dot == std::string::npos ? 0 : static_cast<int>(literal.text.size() - dot - 1);
      return plan::literal("TIMESTAMP " + quote(literal.text),
                           DataType::timestamp(std::min(precision, 9)).notNull(), literal.text);
    }
    case ast::LiteralKind::Interval: {
      auto value = parseIntervalLiteral(literal);
      if (!value.ok()) throw UserError(literal.location, value.error());
      return plan::literal(value->digest,
                           value->yearMonth ? DataType::intervalYearMonth().notNull()
                                            : DataType::intervalDayTime().notNull(),
                           std::to_string(value->yearMonth ? value->months : value->millis));
    }
  }
  return plan::literal("NULL", DataType::null());
}

int64_t Binder::constantMillis(const ast::Expression& expression, const char* what) {
  if (expression.kind == ast::ExpressionKind::Literal) {
    const auto& literal = static_cast<const ast::Literal&>(expression);
    if (literal.literalKind == ast::LiteralKind::Interval) {
      auto value = parseIntervalLiteral(literal);
      if (!value.ok()) throw UserError(literal.location, value.error());
      if (value->yearMonth) {
        throw UserError(literal.location, std::string(what) + " must be a day-time interval "
                                          "(DAY, HOUR, MINUTE, SECOND), not a year-month interval");
      }
      if (value->millis <= 0 && std::string(what) != "offset") {
        throw UserError(literal.location, std::string(what) + " must be positive");
      }
      return value->millis;
    }
    if (literal.literalKind == ast::LiteralKind::ExactNumber) {
      return std::strtoll(literal.text.c_str(), nullptr, 10);  // Blink: milliseconds
    }
  }
  throw UserError(expression.location, std::string(what) + " must be an interval literal such as "
                                       "INTERVAL '10' MINUTE");
}

}  // namespace sluice

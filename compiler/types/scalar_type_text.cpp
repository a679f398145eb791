#include "compiler/types/scalar_type_text.h"

#include <cctype>

namespace sluice {
namespace {

std::string normalized(std::string_view text) {
  // Upper case, runs of blanks as one space, no blanks around parentheses.
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ' && out.back() != '(') out += ' ';
      continue;
    }
    if ((c == '(' || c == ')') && !out.empty() && out.back() == ' ') out.pop_back();
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Splits "NAME(n) REST" into NAME, the parameter and REST; parameter -1 when absent.
bool splitParameter(const std::string& text, std::string& name, int64_t& parameter,
                    std::string& rest) {
  parameter = -1;
  const size_t open = text.find('(');
  if (open == std::string::npos) {
    const size_t space = text.find(' ');
    name = text.substr(0, space);
    rest = space == std::string::npos ? "" : text.substr(space + 1);
    return true;
  }
  const size_t close = text.find(')', open);
  if (close == std::string::npos || close == open + 1) return false;
  name = text.substr(0, open);
  parameter = 0;
  for (size_t i = open + 1; i < close; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) || parameter > 1'000'000'000)
      return false;
    parameter = parameter * 10 + (text[i] - '0');
  }
  rest = text.substr(close + 1);
  if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
  return true;
}

}  // namespace

std::optional<DataType> parseScalarTypeText(std::string_view text, std::string& error) {
  const std::string type = normalized(text);
  std::string name;
  int64_t parameter = -1;
  std::string rest;
  auto bad = [&](const std::string& why) -> std::optional<DataType> {
    error = "bad type '" + std::string(text) + "'" + (why.empty() ? "" : ": " + why);
    return std::nullopt;
  };
  if (!splitParameter(type, name, parameter, rest)) return bad("");
  const bool plain = parameter < 0 && rest.empty();
  if (plain) {
    if (name == "BOOLEAN") return DataType::boolean();
    if (name == "TINYINT") return DataType::tinyInt();
    if (name == "SMALLINT") return DataType::smallInt();
    if (name == "INT" || name == "INTEGER") return DataType::integer();
    if (name == "BIGINT") return DataType::bigInt();
    if (name == "FLOAT") return DataType::floatType();
    if (name == "DOUBLE") return DataType::doubleType();
    if (name == "STRING") return DataType::string();
    if (name == "BYTES") return DataType::bytes();
    if (name == "DATE") return DataType::date();
  }
  if (name == "DOUBLE" && parameter < 0 && rest == "PRECISION") return DataType::doubleType();
  if ((name == "VARCHAR" || name == "VARBINARY") && rest.empty()) {
    if (parameter == 0 || parameter > DataType::kMaxLength) return bad("length out of range");
    const int32_t length = parameter < 0 ? 1 : static_cast<int32_t>(parameter);
    return name == "VARCHAR" ? DataType::varchar(length) : DataType::varbinary(length);
  }
  if (name == "TIME" && rest.empty()) {
    if (parameter > 9) return bad("precision must be 0..9");
    return DataType::time(parameter < 0 ? 0 : static_cast<int>(parameter));
  }
  if (name == "TIMESTAMP" || name == "TIMESTAMP_LTZ") {
    if (parameter > 9) return bad("precision must be 0..9");
    const int precision =
        parameter < 0 ? DataType::kDefaultTimestampPrecision : static_cast<int>(parameter);
    if (name == "TIMESTAMP_LTZ" && rest.empty()) return DataType::timestampLtz(precision);
    if (name == "TIMESTAMP" && (rest.empty() || rest == "WITHOUT TIME ZONE")) {
      return DataType::timestamp(precision);
    }
    if (name == "TIMESTAMP" && rest == "WITH LOCAL TIME ZONE")
      return DataType::timestampLtz(precision);
  }
  return bad(
      "a native function's types are BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, "
      "DOUBLE, STRING, VARCHAR(n), BYTES, VARBINARY(n), DATE, TIME, TIMESTAMP(p) or "
      "TIMESTAMP_LTZ(p)");
}

std::optional<std::vector<DataType>> parseScalarTypeList(std::string_view text,
                                                         std::string& error) {
  std::vector<DataType> types;
  if (normalized(text).empty()) return types;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    auto type = parseScalarTypeText(
        text.substr(start, comma == std::string_view::npos ? text.npos : comma - start), error);
    if (!type) return std::nullopt;
    types.push_back(std::move(*type));
    if (comma == std::string_view::npos) return types;
    start = comma + 1;
  }
}

std::optional<DataType> parseRowTypeText(std::string_view text, std::string& error) {
  auto bad = [&](const std::string& why) -> std::optional<DataType> {
    error = "bad row type '" + std::string(text) + "': " + why;
    return std::nullopt;
  };
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  std::string_view body = trim(text);
  if (body.size() < 5 || normalized(body.substr(0, 3)) != "ROW") return bad("not ROW<...>");
  body = trim(body.substr(3));
  const bool angle = !body.empty() && body.front() == '<' && body.back() == '>';
  const bool round = !body.empty() && body.front() == '(' && body.back() == ')';
  if (!angle && !round) return bad("not ROW<...>");
  body = body.substr(1, body.size() - 2);
  std::vector<std::pair<std::string, DataType>> fields;
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i < body.size()) {
      if (body[i] == '(') ++depth;
      if (body[i] == ')') --depth;
      if (body[i] != ',' || depth != 0) continue;
    }
    std::string_view field = trim(body.substr(start, i - start));
    start = i + 1;
    std::string name;
    if (!field.empty() && field.front() == '`') {
      const size_t close = field.find('`', 1);
      if (close == std::string_view::npos) return bad("unterminated `name`");
      name = std::string(field.substr(1, close - 1));
      field = field.substr(close + 1);
    } else {
      size_t end = 0;
      while (end < field.size() && !std::isspace(static_cast<unsigned char>(field[end]))) ++end;
      name = std::string(field.substr(0, end));
      field = field.substr(end);
    }
    field = trim(field);
    if (name.empty() || field.empty()) return bad("a field is `name TYPE`");
    std::string typeError;
    auto type = parseScalarTypeText(field, typeError);
    if (!type) return bad(typeError);
    fields.emplace_back(std::move(name), std::move(*type));
  }
  return DataType::row(fields);
}

}  // namespace sluice

// Decoding of quoted text as written in SQL: 'it''s', "double ""quoted""", U&'\0041', `a``b`.
#pragma once

#include <string>
#include <string_view>

#include "compiler/diagnostics/result.h"

namespace sluice {

// Text of a string literal token with its quotes; returns the value (UTF-8).
// `unicodeEscape` is the escape character of U&'..' literals (backslash unless UESCAPE says).
Result<std::string> decodeStringLiteral(std::string_view token, char unicodeEscape = '\\');
std::string decodeBackquotedIdentifier(std::string_view token);

}  // namespace sluice

// Reads the SQL file a sqlc command was given; reports an unreadable file on stderr.
#pragma once

#include <optional>
#include <string>

#include "compiler/diagnostics/diagnostics.h"

namespace sluice {

std::optional<SourceFile> readSqlFile(const std::string& path);

}  // namespace sluice

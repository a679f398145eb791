#include "tools/sqlc/sql_file_reader.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace sluice {

std::optional<SourceFile> readSqlFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "sqlc: cannot read '%s'\n", path.c_str());
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return SourceFile(path, text.str());
}

}  // namespace sluice

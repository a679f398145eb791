// User-facing errors, reported like a compiler's:
//   job.sql:12:8: error: column 'nosuch' not found in table 'bid'
//     SELECT nosuch FROM bid
//            ^
// Front-end stages throw UserError for the statement at hand; the driver catches it, records a
// Diagnostic and goes on with the next statement, so every error of a file is reported.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/diagnostics/source_location.h"

namespace sluice {

enum class Severity : unsigned char { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation location;
  std::string message;
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // The text of a 1-based line without its line break; empty when out of range.
  std::string line(int number) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> lineStarts_;
};

class UserError : public std::runtime_error {
 public:
  UserError(SourceLocation location, std::string message)
      : std::runtime_error(message), location_(location) {}
  SourceLocation location() const { return location_; }

 private:
  SourceLocation location_;
};

class DiagnosticSink {
 public:
  void error(SourceLocation location, std::string message);
  void warning(SourceLocation location, std::string message);
  void note(SourceLocation location, std::string message);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  bool hasErrors() const;
  size_t errorCount() const;

  // Each diagnostic as "path:line:col: error: message", the source line and a caret.
  std::string render(const SourceFile& file) const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace sluice

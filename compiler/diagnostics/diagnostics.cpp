#include "compiler/diagnostics/diagnostics.h"

#include <algorithm>
#include <fmt/format.h>

namespace sluice {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') lineStarts_.push_back(i + 1);
  }
}

std::string SourceFile::line(int number) const {
  if (number < 1 || static_cast<size_t>(number) > lineStarts_.size()) return "";
  size_t start = lineStarts_[number - 1];
  size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

void DiagnosticSink::error(SourceLocation location, std::string message) {
  diagnostics_.push_back({Severity::Error, location, std::move(message)});
}
void DiagnosticSink::warning(SourceLocation location, std::string message) {
  diagnostics_.push_back({Severity::Warning, location, std::move(message)});
}
void DiagnosticSink::note(SourceLocation location, std::string message) {
  diagnostics_.push_back({Severity::Note, location, std::move(message)});
}

bool DiagnosticSink::hasErrors() const { return errorCount() > 0; }

size_t DiagnosticSink::errorCount() const {
  return static_cast<size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                           [](const Diagnostic& d) {
                                             return d.severity == Severity::Error;
                                           }));
}

static const char* severityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::string DiagnosticSink::render(const SourceFile& file) const {
  std::string out;
  for (const auto& d : diagnostics_) {
    if (!d.location.known()) {
      out += fmt::format("{}: {}: {}\n", file.path(), severityName(d.severity), d.message);
      continue;
    }
    out += fmt::format("{}:{}:{}: {}: {}\n", file.path(), d.location.line, d.location.column,
                       severityName(d.severity), d.message);
    std::string text = file.line(d.location.line);
    out += "  " + text + "\n";
    // Keep tabs in the caret line so the caret lines up under tab-indented code.
    std::string caret = "  ";
    for (int i = 0; i + 1 < d.location.column && static_cast<size_t>(i) < text.size(); ++i) {
      caret += text[static_cast<size_t>(i)] == '\t' ? '\t' : ' ';
    }
    out += caret + "^\n";
  }
  return out;
}

}  // namespace sluice

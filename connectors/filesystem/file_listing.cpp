#include "connectors/filesystem/file_listing.h"

#include <algorithm>
#include <filesystem>
#include <regex>

#include "runtime/connector/connector.h"

namespace sluice::connectors {

namespace {

namespace fs = std::filesystem;

bool isHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && (name[0] == '.' || name[0] == '_');
}

void collectFiles(const fs::path& directory, std::vector<std::string>& files) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory, error)) {
    if (isHidden(entry.path())) continue;
    if (entry.is_directory(error)) {
      collectFiles(entry.path(), files);
    } else if (entry.is_regular_file(error)) {
      files.push_back(entry.path().string());
    }
  }
  if (error) {
    throw runtime::ConnectorError("cannot list directory '" + directory.string() +
                                  "': " + error.message());
  }
}

}  // namespace

std::string localPath(const std::string& path) {
  for (const char* scheme : {"file://", "file:"}) {
    const std::string prefix = scheme;
    if (path.compare(0, prefix.size(), prefix) == 0) return path.substr(prefix.size());
  }
  return path;
}

std::vector<std::string> listInputFiles(const std::string& path,
                                        const std::optional<std::string>& pattern) {
  const fs::path root(path);
  std::error_code error;
  std::vector<std::string> files;
  if (fs::is_directory(root, error)) {
    collectFiles(root, files);
  } else if (fs::exists(root, error)) {
    files.push_back(path);
  } else {
    throw runtime::ConnectorError("path '" + path + "' does not exist");
  }
  if (pattern) {
    std::regex regex;
    try {
      regex = std::regex(*pattern);
    } catch (const std::regex_error& e) {
      throw runtime::ConnectorError("invalid 'source.path.regex-pattern' '" + *pattern +
                                    "': " + e.what());
    }
    std::erase_if(files, [&](const std::string& file) { return !std::regex_match(file, regex); });
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> filesOfSubtask(const std::vector<std::string>& files, int subtask,
                                        int parallelism) {
  std::vector<std::string> mine;
  for (size_t i = 0; i < files.size(); ++i) {
    if (static_cast<int>(i % static_cast<size_t>(std::max(parallelism, 1))) == subtask) {
      mine.push_back(files[i]);
    }
  }
  return mine;
}

}  // namespace sluice::connectors

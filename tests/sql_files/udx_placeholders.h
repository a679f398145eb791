// The library placeholders SQL test files may use, replaced before a file is compiled:
// @SLUICE_TEST_UDX@ (the C test library, tests/udx) and @SLUICE_UDX_EXAMPLES@ (the directory of
// the example libraries, udx/examples). CMake defines both paths for the test binaries.
#pragma once

#include <string>
#include <utility>

namespace sluice::testing_support {

inline std::string withUdxLibraries(std::string text) {
  const std::pair<std::string, std::string> replacements[] = {
      {"@SLUICE_TEST_UDX@", SLUICE_TEST_UDX_LIBRARY},
      {"@SLUICE_UDX_EXAMPLES@", SLUICE_UDX_EXAMPLES_DIR},
  };
  for (const auto& [placeholder, value] : replacements) {
    for (size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

}  // namespace sluice::testing_support

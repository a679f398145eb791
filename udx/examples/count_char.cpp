// Nexmark's CountChar (com.github.nexmark.flink.udf.CountChar): how often the first character of
// `character` occurs in `text`. Characters are UTF-8 code points, as Java's are UTF-16 units.
// Like Flink's, an empty `character` fails the job unless `text` is empty too (charAt(0) throws).
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "sluice_udx.hpp"

namespace {

// The length of the UTF-8 sequence led by `lead` (1 for a byte that leads none).
std::size_t sequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

struct CountChar {
  static constexpr const char* identifier = "com.github.nexmark.flink.udf.CountChar";

  int64_t eval(std::string_view text, std::string_view character) const {
    if (text.empty()) return 0;
    if (character.empty()) {
      throw std::invalid_argument("CountChar: the character argument is an empty string");
    }
    std::string_view first =
        character.substr(0, sequenceLength(static_cast<unsigned char>(character[0])));
    int64_t count = 0;
    for (std::size_t at = text.find(first); at != std::string_view::npos;
         at = text.find(first, at + first.size())) {
      ++count;
    }
    return count;
  }
};

}  // namespace

SLUICE_UDX_LIBRARY("nexmark", sluice::udx::scalar<CountChar>())

// A table function: com.example.udx.SplitWords(text, separator) emits a row (word, position)
// for each non-empty word of `text` between separators, position counting words from 1.
// SplitWords(text) splits on a space: an overload, registered under the same identifier.
#include <array>
#include <cstdint>
#include <string_view>

#include "sluice_udx.hpp"

namespace {

using Words = sluice::udx::Collector<std::string_view, int32_t>;

void split(std::string_view text, std::string_view separator, Words& out) {
  int32_t position = 0;
  while (!text.empty()) {
    const std::size_t end = text.find(separator);
    std::string_view word = text.substr(0, end);
    if (!word.empty()) out.emit(word, ++position);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + separator.size());
  }
}

struct SplitWords {
  static constexpr const char* identifier = "com.example.udx.SplitWords";
  static constexpr std::array<std::string_view, 2> fields{"word", "position"};

  void eval(sluice::udx::Call& call, std::string_view text, std::string_view separator,
            Words& out) const {
    if (separator.empty()) {
      call.fail(SLUICE_UDX_INVALID_ARGUMENT, "SplitWords: the separator is an empty string");
      return;
    }
    split(text, separator, out);
  }
};

struct SplitWordsOnSpace {
  static constexpr const char* identifier = "com.example.udx.SplitWords";
  static constexpr std::array<std::string_view, 2> fields{"word", "position"};

  void eval(std::string_view text, Words& out) const { split(text, " ", out); }
};

}  // namespace

SLUICE_UDX_LIBRARY("split_words", sluice::udx::table<SplitWords>(),
                   sluice::udx::table<SplitWordsOnSpace>())

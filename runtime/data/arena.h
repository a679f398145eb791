// Bump allocation for the bytes of long strings (and other variable-size values) of a batch.
// Memory is released all at once when the last batch referring to the arena goes away.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "runtime/data/string_ref.h"

namespace sluice::runtime {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // `size` bytes aligned to 8, valid until the arena is destroyed.
  char* allocate(size_t size);
  // Copies `text` into the arena when it does not fit inline and returns a view of the copy.
  StringRef copy(std::string_view text);
  size_t bytesAllocated() const { return bytesAllocated_; }
  // Forgets every allocation, keeping the first chunk for the next ones when it is of a usual
  // size: a batch cleared and refilled every few microseconds then allocates nothing. Only for
  // an arena nothing refers to any more (Batch::clear checks that it holds the only handle).
  void reset();

 private:
  static constexpr size_t kMinChunk = 16 * 1024;
  // A chunk larger than this (a huge string) is not kept by reset().
  static constexpr size_t kLargestKeptChunk = 1024 * 1024;
  struct Chunk {
    std::unique_ptr<char[]> bytes;
    size_t size = 0;
  };
  std::vector<Chunk> chunks_;
  char* cursor_ = nullptr;
  size_t remaining_ = 0;
  size_t bytesAllocated_ = 0;
};

}  // namespace sluice::runtime

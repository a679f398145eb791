#include "runtime/data/arena.h"

#include <algorithm>
#include <cstring>

namespace sluice::runtime {

char* Arena::allocate(size_t size) {
  size = (size + 7) & ~size_t{7};
  if (size > remaining_) {
    const size_t chunk = std::max(kMinChunk, size);
    chunks_.push_back(std::make_unique<char[]>(chunk));
    cursor_ = chunks_.back().get();
    remaining_ = chunk;
    bytesAllocated_ += chunk;
  }
  char* result = cursor_;
  cursor_ += size;
  remaining_ -= size;
  return result;
}

StringRef Arena::copy(std::string_view text) {
  if (text.size() <= StringRef::kInlineLimit) return StringRef::of(text);
  char* bytes = allocate(text.size());
  std::memcpy(bytes, text.data(), text.size());
  return StringRef::of(bytes, static_cast<uint32_t>(text.size()));
}

}  // namespace sluice::runtime

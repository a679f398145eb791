// The text of events as the Java StringsGenerator makes it: random lower-case words with a
// special character, exact-length padding, and the `extra` field that brings an event to its
// configured average size. Text is written into caller buffers or the batch's arena, never into
// a std::string, so generating a field allocates nothing per event.
#pragma once

#include <cstdint>

#include "connectors/nexmark/java_random.h"
#include "runtime/data/arena.h"
#include "runtime/data/string_ref.h"

namespace sluice::connectors::nexmark {

// StringsGenerator.nextString: 3 to maxLength - 1 characters, each `special` with chance 1/13 and
// otherwise a letter a-z, trimmed of spaces at both ends as Java's trim() does. Writes at `out`
// (room for maxLength bytes) and returns the length.
int writeRandomString(JavaRandom& random, int maxLength, char special, char* out);

// StringsGenerator.nextExactString: `length` characters taken six at a time from one nextInt();
// a negative draw gives characters below 'a' ('H' to '`'), as Java's signed remainder does.
void writeExactString(JavaRandom& random, int length, char* out);

// StringsGenerator.nextExtra: padding so that `currentSize` plus its length averages
// `averageSize` (uniform within 20% of the gap), empty when the event is already larger. A
// `cache` keeps the division of the length's draw for callers whose sizes repeat.
runtime::StringRef nextExtra(JavaRandom& random, int64_t currentSize, int64_t averageSize,
                             runtime::Arena& arena, IntBound* cache = nullptr);

// A view of `length` bytes at `text`, copied into `arena` unless it fits inline.
inline runtime::StringRef storeText(const char* text, int length, runtime::Arena& arena) {
  return arena.copy({text, static_cast<size_t>(length)});
}

}  // namespace sluice::connectors::nexmark

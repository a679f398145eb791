// The change a row carries, as Flink's RowKind, with Flink's short strings.
#pragma once

#include <cstdint>

namespace sluice::runtime {

enum class RowKind : uint8_t { Insert = 0, UpdateBefore = 1, UpdateAfter = 2, Delete = 3 };

inline const char* rowKindShortString(RowKind kind) {
  switch (kind) {
    case RowKind::Insert: return "+I";
    case RowKind::UpdateBefore: return "-U";
    case RowKind::UpdateAfter: return "+U";
    case RowKind::Delete: return "-D";
  }
  return "?";
}

// +I and +U add a row to the materialized result; -U and -D take one away.
inline bool isAccumulate(RowKind kind) {
  return kind == RowKind::Insert || kind == RowKind::UpdateAfter;
}

}  // namespace sluice::runtime

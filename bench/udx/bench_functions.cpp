// The UDX library of bench/udx_benchmark.cpp: the logic of two built-ins written as native
// functions, so a benchmark can compare a UDX call with the built-in doing the same work.
#include <cstdint>
#include <string_view>

#include "sluice_udx.hpp"

namespace {

// a * 2 + 1, which the built-in expression compiles to inline arithmetic.
struct TimesTwoPlusOne {
  static constexpr const char* identifier = "com.sluice.bench.TimesTwoPlusOne";
  int64_t eval(int64_t a) const { return static_cast<int64_t>(static_cast<uint64_t>(a) * 2 + 1); }
};

// CHAR_LENGTH: the UTF-8 code points of a string (bytes that do not continue a sequence).
struct Utf8Length {
  static constexpr const char* identifier = "com.sluice.bench.Utf8Length";
  int32_t eval(std::string_view text) const {
    int32_t points = 0;
    for (unsigned char byte : text) points += (byte & 0xC0) != 0x80;
    return points;
  }
};

}  // namespace

SLUICE_UDX_LIBRARY("sluice-bench", sluice::udx::scalar<TimesTwoPlusOne>(),
                   sluice::udx::scalar<Utf8Length>())

// An aggregate function, Flink's documented WeightedAvg: com.example.udx.WeightedAvg(value,
// weight) is sum(value * weight) / sum(weight) as a DOUBLE, NULL while the total weight is 0.
// Two overloads under one identifier: a BIGINT value (summed exactly) and a DOUBLE value.
#include <cstdint>
#include <optional>
#include <type_traits>

#include "sluice_udx.hpp"

namespace {

template <class V>
struct WeightedAvgOf {
  static constexpr const char* identifier = "com.example.udx.WeightedAvg";

  using Sum = std::conditional_t<std::is_integral_v<V>, int64_t, double>;
  struct Accumulator {  // trivially copyable: the SDK serializes it as its bytes
    Sum weighted_sum = 0;
    int64_t total_weight = 0;
  };

  void accumulate(Accumulator& acc, V value, int32_t weight) const {
    acc.weighted_sum += static_cast<Sum>(value) * weight;
    acc.total_weight += weight;
  }
  void retract(Accumulator& acc, V value, int32_t weight) const {
    acc.weighted_sum -= static_cast<Sum>(value) * weight;
    acc.total_weight -= weight;
  }
  void merge(Accumulator& acc, const Accumulator& other) const {
    acc.weighted_sum += other.weighted_sum;
    acc.total_weight += other.total_weight;
  }
  std::optional<double> get_value(const Accumulator& acc) const {
    if (acc.total_weight == 0) return std::nullopt;
    return static_cast<double>(acc.weighted_sum) / static_cast<double>(acc.total_weight);
  }
};

}  // namespace

SLUICE_UDX_LIBRARY("weighted_avg", sluice::udx::aggregate<WeightedAvgOf<int64_t>>(),
                   sluice::udx::aggregate<WeightedAvgOf<double>>())

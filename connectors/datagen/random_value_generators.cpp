#include "connectors/datagen/random_value_generators.h"

#include <algorithm>
#include <cmath>

#include "runtime/data/datetime.h"

namespace sluice::connectors {

namespace {

using runtime::int128_t;
using runtime::Value;

int64_t drawLength(GenerationState& state, int64_t length, bool varLen) {
  if (!varLen || length <= 1) return length;
  return std::uniform_int_distribution<int64_t>(1, length)(state.random);
}

double powerOfTen(int exponent) {
  return std::pow(10.0, exponent);
}

}  // namespace

Value RandomGenerator::next(GenerationState& state) {
  if (nullRate_ > 0 && std::uniform_real_distribution<double>(0, 1)(state.random) < nullRate_) {
    return Value::null();
  }
  return draw(state);
}

Value RandomBoolean::draw(GenerationState& state) {
  return Value::ofInteger(static_cast<int64_t>(state.random() & 1));
}

Value RandomInteger::draw(GenerationState& state) {
  return Value::ofInteger(std::uniform_int_distribution<int64_t>(min_, max_)(state.random));
}

Value RandomFloating::draw(GenerationState& state) {
  const double value =
      min_ == max_ ? min_ : std::uniform_real_distribution<double>(min_, max_)(state.random);
  return Value::ofReal(isFloat_ ? static_cast<double>(static_cast<float>(value)) : value);
}

RandomDecimal::RandomDecimal(double nullRate, int precision, int scale, double min, double max)
    : RandomGenerator(nullRate),
      wide_(precision > runtime::kMaxInt64DecimalPrecision),
      scaleFactor_(std::pow(10.0L, scale)),
      largestUnscaled_(std::pow(10.0L, precision) - 1) {
  const double largest = powerOfTen(precision - scale) - powerOfTen(-scale);
  min_ = std::max(-largest, min);
  max_ = std::min(largest, max);
  if (min_ > max_) min_ = max_;
}

Value RandomDecimal::draw(GenerationState& state) {
  const double value =
      min_ == max_ ? min_ : std::uniform_real_distribution<double>(min_, max_)(state.random);
  // Cut toward zero to the scale, and keep within the precision (a double is only close).
  long double unscaled = std::trunc(static_cast<long double>(value) * scaleFactor_);
  unscaled = std::clamp(unscaled, -largestUnscaled_, largestUnscaled_);
  if (!wide_) return Value::ofInteger(static_cast<int64_t>(unscaled));
  return Value::ofWide(static_cast<int128_t>(unscaled));
}

template <char (*Character)(uint64_t)>
Value RandomCharacters<Character>::draw(GenerationState& state) {
  std::string text(static_cast<size_t>(drawLength(state, length_, varLen_)), '\0');
  for (char& c : text) c = Character(state.random());
  return Value::ofBytes(std::move(text));
}

template class RandomCharacters<randomHexDigit>;
template class RandomCharacters<randomByte>;

// Digits beyond the precision are cut, as a value of the type cannot hold them.
RandomPastTime::RandomPastTime(double nullRate, const DataType& type, int64_t maxPastMillis)
    : RandomGenerator(nullRate),
      kind_(type.kind()),
      unitMillis_(static_cast<int64_t>(powerOfTen(3 - std::min(type.precision(), 3)))),
      maxPastMillis_(maxPastMillis) {}

Value RandomPastTime::draw(GenerationState& state) {
  const int64_t past = maxPastMillis_ > 0 ? std::uniform_int_distribution<int64_t>(
                                                0, maxPastMillis_ - 1)(state.random)
                                          : 0;
  const int64_t millis = state.nowMillis - past;
  const int64_t cut = millis - runtime::floorMod(millis, unitMillis_);
  switch (kind_) {
    case TypeKind::Date: return Value::ofInteger(runtime::floorDiv(millis, runtime::kMillisPerDay));
    case TypeKind::Time: return Value::ofInteger(runtime::floorMod(cut, runtime::kMillisPerDay));
    default: return Value::ofInteger(cut * runtime::kMicrosPerMilli);
  }
}

Value RandomArray::draw(GenerationState& state) {
  std::vector<Value> elements;
  for (int64_t i = 0; i < length_; ++i) {
    Value element = element_->next(state);
    const int64_t copies =
        multiset_ ? std::uniform_int_distribution<int64_t>(0, 10)(state.random) : 1;
    for (int64_t copy = 0; copy < copies; ++copy) elements.push_back(element);
  }
  return Value::ofChildren(std::move(elements));
}

Value RandomMap::draw(GenerationState& state) {
  std::vector<Value> entries;
  for (int64_t i = 0; i < length_; ++i) {
    Value key = key_->next(state);
    Value value = value_->next(state);
    bool seen = false;
    for (size_t k = 0; k < entries.size() && !seen; k += 2) seen = entries[k] == key;
    if (seen) continue;
    entries.push_back(std::move(key));
    entries.push_back(std::move(value));
  }
  return Value::ofChildren(std::move(entries));
}

Value RandomRow::draw(GenerationState& state) {
  std::vector<Value> fields;
  fields.reserve(fields_.size());
  for (auto& field : fields_) fields.push_back(field->next(state));
  return Value::ofChildren(std::move(fields));
}

}  // namespace sluice::connectors

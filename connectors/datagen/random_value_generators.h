// The random generators of each kind of type (internal to datagen; random_generators.cpp picks
// one per column from its options). Each yields NULL with probability 'null-rate'.
#pragma once

#include <memory>
#include <vector>

#include "connectors/datagen/value_generator.h"

namespace sluice::connectors {

class RandomGenerator : public ValueGenerator {
 public:
  explicit RandomGenerator(double nullRate) : nullRate_(nullRate) {}
  runtime::Value next(GenerationState& state) final;

 protected:
  virtual runtime::Value draw(GenerationState& state) = 0;

 private:
  double nullRate_;
};

class RandomBoolean : public RandomGenerator {
 public:
  using RandomGenerator::RandomGenerator;

 protected:
  runtime::Value draw(GenerationState& state) override;
};

class RandomInteger : public RandomGenerator {
 public:
  RandomInteger(double nullRate, int64_t min, int64_t max)
      : RandomGenerator(nullRate), min_(min), max_(max) {}

 protected:
  runtime::Value draw(GenerationState& state) override;

 private:
  int64_t min_;
  int64_t max_;
};

class RandomFloating : public RandomGenerator {
 public:
  RandomFloating(double nullRate, double min, double max, bool isFloat)
      : RandomGenerator(nullRate), min_(min), max_(max), isFloat_(isFloat) {}

 protected:
  runtime::Value draw(GenerationState& state) override;

 private:
  double min_;
  double max_;
  bool isFloat_;
};

// Uniform doubles within [min, max] clipped to what DECIMAL(p, s) holds, cut toward zero to the
// scale (Flink rounds down to the precision).
class RandomDecimal : public RandomGenerator {
 public:
  RandomDecimal(double nullRate, int precision, int scale, double min, double max);

 protected:
  runtime::Value draw(GenerationState& state) override;

 private:
  bool wide_;                    // stored as int128
  long double scaleFactor_;      // 10^scale
  long double largestUnscaled_;  // 10^precision - 1
  double min_;
  double max_;
};

// `length` random characters (with 'var-len', a random length from 1 to `length`), each
// `Character(random bits)`.
template <char (*Character)(uint64_t)>
class RandomCharacters : public RandomGenerator {
 public:
  RandomCharacters(double nullRate, int64_t length, bool varLen)
      : RandomGenerator(nullRate), length_(length), varLen_(varLen) {}

 protected:
  runtime::Value draw(GenerationState& state) override;

 private:
  int64_t length_;
  bool varLen_;
};

inline char randomHexDigit(uint64_t bits) {
  return "0123456789abcdef"[bits & 15];
}
inline char randomByte(uint64_t bits) {
  return static_cast<char>(bits & 0xFF);
}

// CHAR/VARCHAR: lower-case hex digits; BINARY/VARBINARY: any bytes.
using RandomHexString = RandomCharacters<randomHexDigit>;
using RandomBytes = RandomCharacters<randomByte>;

// DATE, TIME, TIMESTAMP and TIMESTAMP_LTZ: the row's wall-clock time (UTC) minus a random
// duration below 'max-past', cut to the type's precision.
class RandomPastTime : public RandomGenerator {
 public:
  RandomPastTime(double nullRate, const DataType& type, int64_t maxPastMillis);

 protected:
  runtime::Value draw(GenerationState& state) override;

 private:
  TypeKind kind_;
  int64_t unitMillis_;  // the type's precision in milliseconds: digits beyond it are cut
  int64_t maxPastMillis_;
};

// ARRAY of `length` elements; for a MULTISET, `length` distinct-draw elements each repeated 0 to
// 10 times, as Flink generates its element -> count map.
class RandomArray : public RandomGenerator {
 public:
  RandomArray(double nullRate, std::unique_ptr<ValueGenerator> element, int64_t length,
              bool multiset)
      : RandomGenerator(nullRate),
        element_(std::move(element)),
        length_(length),
        multiset_(multiset) {}

 protected:
  runtime::Value draw(GenerationState& state) override;

 private:
  std::unique_ptr<ValueGenerator> element_;
  int64_t length_;
  bool multiset_;
};

// `length` entries, a key drawn again being kept once (Flink fills a hash map).
class RandomMap : public RandomGenerator {
 public:
  RandomMap(double nullRate, std::unique_ptr<ValueGenerator> key,
            std::unique_ptr<ValueGenerator> value, int64_t length)
      : RandomGenerator(nullRate),
        key_(std::move(key)),
        value_(std::move(value)),
        length_(length) {}

 protected:
  runtime::Value draw(GenerationState& state) override;

 private:
  std::unique_ptr<ValueGenerator> key_;
  std::unique_ptr<ValueGenerator> value_;
  int64_t length_;
};

class RandomRow : public RandomGenerator {
 public:
  RandomRow(double nullRate, std::vector<std::unique_ptr<ValueGenerator>> fields)
      : RandomGenerator(nullRate), fields_(std::move(fields)) {}

 protected:
  runtime::Value draw(GenerationState& state) override;

 private:
  std::vector<std::unique_ptr<ValueGenerator>> fields_;
};

}  // namespace sluice::connectors

// RAND and RAND_INTEGER. Flink draws from a java.util.Random per generated operator instance
// (that is, per task and call site), seeded once when a seed is given, so that "two RAND
// functions return identical sequences of numbers if they have the same initial seed". These
// kernels do the same with Java's generator (a 48-bit LCG), so a seeded call even returns Java's
// numbers: RAND(42) starts 0.7275636800328681. The seed is read from the first row a task
// evaluates (Flink evaluates the seed expression once, when the operator opens).
//
// A seeded call site keeps one generator per task: compiled code shares the call site between
// the tasks running it. An adaptive task that switches from the interpreter to compiled code
// starts the sequence again.
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "runtime/functions/builtins/arithmetic_families.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

// java.util.Random.
class JavaRandom {
 public:
  explicit JavaRandom(int64_t seed) : seed_((static_cast<uint64_t>(seed) ^ kMultiplier) & kMask) {}

  double nextDouble() {
    const auto high = static_cast<uint64_t>(next(26));
    const auto low = static_cast<uint64_t>(next(27));
    return static_cast<double>((high << 27) + low) * 0x1.0p-53;
  }

  // nextInt(bound) for bound > 0: a multiply for powers of two, else a remainder, drawn again
  // while it falls in the last, incomplete run of `bound` values (where Java's u - r + m wraps).
  int32_t nextInt(int32_t bound) {
    const int32_t m = bound - 1;
    int32_t u = next(31);
    if ((bound & m) == 0) return static_cast<int32_t>((int64_t{bound} * u) >> 31);
    int32_t r = u % bound;
    while (static_cast<int32_t>(static_cast<uint32_t>(u) - static_cast<uint32_t>(r) +
                                static_cast<uint32_t>(m)) < 0) {
      u = next(31);
      r = u % bound;
    }
    return r;
  }

 private:
  static constexpr uint64_t kMultiplier = 0x5DEECE66DULL;
  static constexpr uint64_t kMask = (uint64_t{1} << 48) - 1;

  int32_t next(int bits) {
    seed_ = (seed_ * kMultiplier + 0xB) & kMask;
    return static_cast<int32_t>(static_cast<int64_t>(seed_ >> (48 - bits)));
  }

  uint64_t seed_;
};

// The generators of one seeded call site, one per task. A task is recognized by its context and
// the constants arena it owns (a later task may reuse the context's address, never a live arena).
// Each generator is used by its task's thread only; the list is shared and locked.
class SeededGenerators {
 public:
  JavaRandom& of(FunctionCall& call, int64_t seed) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::unique_ptr<Entry>& entry : entries_) {
      if (entry->task == call.task && entry->constants.lock() == call.task->constants) {
        return entry->random;
      }
    }
    std::erase_if(entries_, [](const auto& entry) { return entry->constants.expired(); });
    entries_.push_back(
        std::make_unique<Entry>(Entry{call.task, call.task->constants, JavaRandom(seed)}));
    return entries_.back()->random;
  }

 private:
  struct Entry {
    const TaskContext* task;
    std::weak_ptr<Arena> constants;
    JavaRandom random;
  };
  std::mutex mutex_;
  std::vector<std::unique_ptr<Entry>> entries_;  // stable addresses: tasks hold their generator
};

using Generators = std::shared_ptr<SeededGenerators>;

std::string bindGenerators(CallSite& site) {
  site.state = std::make_shared<SeededGenerators>();
  return {};
}

// Unseeded calls draw from a generator per thread (a task runs on one thread).
JavaRandom& unseeded() {
  thread_local JavaRandom random{static_cast<int64_t>(std::random_device{}()) << 32 |
                                 std::random_device{}()};
  return random;
}

int32_t checkedBound(FunctionCall& call, int64_t bound) {
  if (bound <= 0) {
    call.fail("bound must be positive (got " + std::to_string(bound) + ")");
    return 0;
  }
  return toInt32(bound);
}

double unseededRand(FunctionCall&) {
  return unseeded().nextDouble();
}

template <typename Seed>
double seededRand(FunctionCall& call, Seed seed) {
  return call.state<Generators>()->of(call, seed).nextDouble();
}

template <typename Bound>
int32_t randInteger(FunctionCall& call, Bound bound) {
  const int32_t checked = checkedBound(call, bound);
  return checked > 0 ? unseeded().nextInt(checked) : 0;
}

template <typename Seed, typename Bound>
int32_t seededRandInteger(FunctionCall& call, Seed seed, Bound bound) {
  const int32_t checked = checkedBound(call, bound);
  return checked > 0 ? call.state<Generators>()->of(call, seed).nextInt(checked) : 0;
}

ScalarKernel random(ScalarKernel kernel, bool seeded) {
  kernel.deterministic = false;
  if (seeded) kernel.bind = &bindGenerators;
  return kernel;
}

}  // namespace

void registerRandomFunctions(ScalarFunctionRegistry& registry) {
  const Accepts dbl = Accepts::kind(TypeKind::Double);
  const Accepts integer = Accepts::kind(TypeKind::Int);
  registry.add(random(scalarKernel<&unseededRand>("RAND", {}, dbl), false));
  forEachIntegerFamily([&]<typename First>(First) {
    using A = typename First::Type;
    const Accepts first = Accepts::kind(First::kind);
    registry.add(random(scalarKernel<&seededRand<A>>("RAND", {first}, dbl), true));
    registry.add(random(scalarKernel<&randInteger<A>>("RAND_INTEGER", {first}, integer), false));
    forEachIntegerFamily([&]<typename Second>(Second) {
      registry.add(random(scalarKernel<&seededRandInteger<A, typename Second::Type>>(
                              "RAND_INTEGER", {first, Accepts::kind(Second::kind)}, integer),
                          true));
    });
  });
}

}  // namespace sluice::runtime::builtins

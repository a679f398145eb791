#include "runtime/udx/udx_aggregate.h"

#include <fmt/format.h>

#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "runtime/data/string_ref.h"
#include "runtime/functions/function_call.h"
#include "runtime/udx/udx_call_interface.h"
#include "runtime/udx/udx_host.h"
#include "runtime/udx/udx_library.h"
#include "runtime/udx/udx_types.h"

namespace sluice::runtime::udx {
namespace {

class UdxAggregateFunction final : public AggregateFunction {
 public:
  UdxAggregateFunction(const artifact::AggregateCall& call, const UdxFunction& function,
                       const std::map<std::string, std::string>* configuration)
      : function_(function), aggregate_(*function.entry->aggregate) {
    std::vector<AbiType> arguments{AbiType::String};  // the accumulator: a pointer
    for (const DataType& argument : function.arguments) {
      argumentTypes_.push_back(abiTypeOfUdx(argument));
      arguments.push_back(argumentTypes_.back());
    }
    update_ = makeUdxSignature(arguments, AbiType::Void);
    result_ = abiTypeOfUdx(function.result);
    getValue_ = makeUdxSignature({AbiType::String}, result_);
    if (!update_ || !getValue_) {
      throw UdxError(fmt::format("native aggregate function '{}': its types have no row-entry "
                                 "call interface",
                                 function.describe()));
    }
    site_.function = call.function;
    site_.argumentTypes = function.arguments;
    site_.resultType = call.type;
    auto state = std::make_shared<UdxCallState>();
    state->function = &function;
    if (function.entry->open != nullptr) {
      UdxOpenContext context{configuration};  // host->config answers NULL without one
      state->state =
          function.entry->open(reinterpret_cast<const sluice_udx_open_context*>(&context));
      state->opened = true;
    }
    site_.state = std::move(state);
    task_.arena = arena_.get();
    call_.task = &task_;
    call_.site = &site_;
  }

  UdxAggregateFunction(const UdxAggregateFunction&) = delete;
  UdxAggregateFunction& operator=(const UdxAggregateFunction&) = delete;

  ~UdxAggregateFunction() override {
    for (void* pointer : live_) destroy(pointer);
  }

  Value create() const override {
    Accumulator acc(*this, aggregate_.create(udxCall()));
    return serialize(acc.pointer);
  }

  void accumulate(Value& accumulator, const Value& input) const override {
    update(accumulator, input, aggregate_.accumulate);
  }

  void retract(Value& accumulator, const Value& input) const override {
    if (aggregate_.retract == nullptr) {
      throw std::runtime_error(site_.function + ": the native aggregate function '" +
                               function_.identifier + "' has no retract");
    }
    update(accumulator, input, aggregate_.retract);
  }

  void merge(Value& accumulator, const Value& other) const override {
    if (aggregate_.merge == nullptr) {
      throw std::runtime_error(site_.function + ": the native aggregate function '" +
                               function_.identifier + "' has no merge");
    }
    void* pointer = live(accumulator);
    if (isLive(other)) {
      aggregate_.merge(udxCall(), pointer, live_[slotOf(other)]);
    } else {
      Accumulator partial = load(other);
      aggregate_.merge(udxCall(), pointer, partial.pointer);
    }
    check();
  }

  void unpack(Value& accumulator) const override { live(accumulator); }

  void pack(Value& accumulator) const override {
    if (!isLive(accumulator)) return;
    const size_t slot = slotOf(accumulator);
    Value bytes = serialize(live_[slot]);  // on failure the slot stays, freed with the function
    destroy(live_[slot]);
    live_[slot] = nullptr;
    freeSlots_.push_back(slot);
    accumulator = std::move(bytes);
  }

  Value result(const Value& accumulator) const override {
    std::optional<Accumulator> loaded;
    if (!isLive(accumulator)) loaded.emplace(load(accumulator));
    sluice_udx_call* call = udxCall();
    const void* pointer = loaded ? loaded->pointer : live_[slotOf(accumulator)];
    StringRef text;
    StringRef* out = &text;
    void* values[3];
    int count = 0;
    values[count++] = &call;
    if (getValue_->outParameter) values[count++] = &out;
    values[count++] = &pointer;
    ffi_arg returned = 0;  // libffi widens small integer results to a full register
    double returnedFloat = 0;
    const bool floating = result_ == AbiType::Float32 || result_ == AbiType::Float64;
    void* returnSlot =
        floating ? static_cast<void*>(&returnedFloat) : static_cast<void*>(&returned);
    call_.resultIsNull = false;
    ffi_call(const_cast<ffi_cif*>(&getValue_->cif),
             reinterpret_cast<void (*)()>(aggregate_.get_value), returnSlot, values);
    check();
    if (call_.resultIsNull) return Value::null();
    switch (result_) {
      case AbiType::String: {
        Value value = Value::ofBytes(std::string(text.data(), text.length));
        recycleArena();
        return value;
      }
      case AbiType::Float32: {
        float value;
        std::memcpy(&value, &returnedFloat, sizeof value);  // libffi stores a float as a float
        return Value::ofReal(value);
      }
      case AbiType::Float64: return Value::ofReal(returnedFloat);
      case AbiType::Bool: return Value::ofInteger(static_cast<uint8_t>(returned) != 0 ? 1 : 0);
      case AbiType::Int8: return Value::ofInteger(static_cast<int8_t>(returned));
      case AbiType::Int16: return Value::ofInteger(static_cast<int16_t>(returned));
      case AbiType::Int32: return Value::ofInteger(static_cast<int32_t>(returned));
      case AbiType::Int64: return Value::ofInteger(static_cast<int64_t>(returned));
      default: return Value::null();
    }
  }

 private:
  // A library accumulator, destroyed when it goes out of scope (also when a call failed) unless
  // released.
  struct Accumulator {
    const UdxAggregateFunction& owner;
    void* pointer = nullptr;
    Accumulator(const UdxAggregateFunction& o, void* p) : owner(o), pointer(p) {
      if (pointer == nullptr) owner.check();
      if (pointer == nullptr) {
        throw std::runtime_error(owner.site_.function + ": the native aggregate function '" +
                                 owner.function_.identifier + "' made no accumulator");
      }
    }
    Accumulator(Accumulator&& other) noexcept : owner(other.owner), pointer(other.pointer) {
      other.pointer = nullptr;
    }
    Accumulator(const Accumulator&) = delete;
    Accumulator& operator=(const Accumulator&) = delete;
    ~Accumulator() { owner.destroy(pointer); }
    void* release() { return std::exchange(pointer, nullptr); }
  };

  const UdxFunction& function_;
  const sluice_udx_aggregate& aggregate_;
  std::vector<AbiType> argumentTypes_;
  AbiType result_ = AbiType::Void;
  std::shared_ptr<const UdxSignature> update_;    // void f(call, void* acc, A1, ...)
  std::shared_ptr<const UdxSignature> getValue_;  // R f(call, const void* acc)
  CallSite site_;
  // What the library's calls see: one per accumulator function, which one operator instance
  // (one thread) uses.
  mutable std::unique_ptr<Arena> arena_ = std::make_unique<Arena>();
  mutable TaskContext task_;
  mutable FunctionCall call_;
  mutable std::string buffer_ = std::string(64, '\0');
  // The working accumulators (AggregateFunction::unpack): slot i holds a live library
  // accumulator, or nullptr when free. A working Value names its slot as `integer` = slot + 1 (a
  // state form, Value::ofBytes, has 0 there), so it is cheap to tell apart and never owns
  // anything: an operator that drops one without `pack` leaves it here until the function goes.
  mutable std::vector<void*> live_;
  mutable std::vector<size_t> freeSlots_;
  // update's libffi arguments, kept to spare an allocation per row.
  mutable std::vector<ArgumentSlot> slots_;
  mutable std::vector<void*> values_;

  sluice_udx_call* udxCall() const { return udxCallOf(&call_); }

  // A failure the library reported (host->fail) fails the job, naming the function.
  void check() const {
    if (!task_.failed) return;
    std::string message = std::move(task_.error);
    task_.failed = false;
    task_.error.clear();
    throw std::runtime_error(message);
  }

  // Result strings outlive only their copy into a Value.
  void recycleArena() const {
    if (arena_->bytesAllocated() < (1u << 20)) return;
    arena_ = std::make_unique<Arena>();
    task_.arena = arena_.get();
  }

  void destroy(void* pointer) const {
    if (pointer != nullptr && aggregate_.destroy != nullptr) aggregate_.destroy(udxCall(), pointer);
  }

  static bool isLive(const Value& accumulator) { return accumulator.integer != 0; }

  // A working Value's slot; one naming no live accumulator was packed already (or copied, or
  // written to state while working): an operator's mistake, never the library's.
  size_t slotOf(const Value& accumulator) const {
    const auto slot = static_cast<size_t>(accumulator.integer - 1);
    if (slot >= live_.size() || live_[slot] == nullptr) {
      throw std::logic_error(site_.function + ": a native accumulator used after it was packed");
    }
    return slot;
  }

  // The live library accumulator of `accumulator`, deserializing a state form into a new slot.
  void* live(Value& accumulator) const {
    if (isLive(accumulator)) return live_[slotOf(accumulator)];
    Accumulator loaded = load(accumulator);
    size_t slot = live_.size();
    if (freeSlots_.empty()) {
      live_.push_back(nullptr);
    } else {
      slot = freeSlots_.back();
      freeSlots_.pop_back();
    }
    live_[slot] = loaded.release();
    accumulator = Value::ofInteger(static_cast<int64_t>(slot) + 1);
    return live_[slot];
  }

  Accumulator load(const Value& stored) const {
    return Accumulator(*this, aggregate_.deserialize(udxCall(), stored.bytes.data(),
                                                     static_cast<uint32_t>(stored.bytes.size())));
  }

  Value serialize(const void* pointer) const {
    uint32_t needed = aggregate_.serialize(udxCall(), pointer, buffer_.data(),
                                           static_cast<uint32_t>(buffer_.size()));
    check();
    if (needed > buffer_.size()) {
      buffer_.resize(needed);
      needed = aggregate_.serialize(udxCall(), pointer, buffer_.data(),
                                    static_cast<uint32_t>(buffer_.size()));
      check();
      if (needed > buffer_.size()) {
        throw std::runtime_error(site_.function + ": the native aggregate function '" +
                                 function_.identifier + "' serialized inconsistently");
      }
    }
    return Value::ofBytes(std::string(buffer_.data(), needed));
  }

  // accumulate / retract: a row with a NULL argument is skipped.
  void update(Value& accumulator, const Value& input, void* entry) const {
    const size_t arity = argumentTypes_.size();
    auto argument = [&](size_t i) -> const Value& {
      return arity == 1 ? input : input.children[i];
    };
    for (size_t i = 0; i < arity; ++i) {
      if (argument(i).isNull) return;
    }
    void* pointer = live(accumulator);
    sluice_udx_call* call = udxCall();
    slots_.resize(arity);
    values_.clear();
    values_.push_back(&call);
    values_.push_back(&pointer);
    for (size_t i = 0; i < arity; ++i) {
      values_.push_back(unbox(argument(i), argumentTypes_[i], slots_[i]));
    }
    ffi_arg ignored = 0;
    ffi_call(const_cast<ffi_cif*>(&update_->cif), reinterpret_cast<void (*)()>(entry), &ignored,
             values_.data());
    check();
  }
};

}  // namespace

std::unique_ptr<AggregateFunction> makeUdxAggregateFunction(
    const artifact::AggregateCall& call, const std::map<std::string, std::string>* configuration) {
  auto library = UdxLibrary::load(call.nativeLibrary);
  const auto& functions = library->functions();
  const bool present =
      call.nativeIndex >= 0 && static_cast<size_t>(call.nativeIndex) < functions.size();
  const UdxFunction* function =
      present ? &functions[static_cast<size_t>(call.nativeIndex)] : nullptr;
  const bool same = function != nullptr && function->kind == SLUICE_UDX_AGGREGATE &&
                    function->identifier == call.nativeIdentifier &&
                    function->arguments.size() == call.arguments.size() &&
                    function->entry->aggregate != nullptr;
  if (!same) {
    throw UdxError(fmt::format("native library '{}' changed since the job was compiled: entry {} "
                               "is no longer the aggregate function '{}' it was",
                               call.nativeLibrary, call.nativeIndex, call.nativeIdentifier));
  }
  return std::make_unique<UdxAggregateFunction>(call, *function, configuration);
}

}  // namespace sluice::runtime::udx

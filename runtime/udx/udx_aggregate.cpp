#include "runtime/udx/udx_aggregate.h"

#include <fmt/format.h>

#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
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
  UdxAggregateFunction(const artifact::AggregateCall& call, const UdxFunction& function)
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
      // Not yet given the job's configuration: host->config answers NULL.
      UdxOpenContext context{&noConfiguration_};
      state->state =
          function.entry->open(reinterpret_cast<const sluice_udx_open_context*>(&context));
      state->opened = true;
    }
    site_.state = std::move(state);
    task_.arena = arena_.get();
    call_.task = &task_;
    call_.site = &site_;
  }

  Value create() const override {
    Accumulator acc(*this, aggregate_.create(udxCall()));
    return store(acc);
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
    Accumulator acc = load(accumulator);
    Accumulator partial = load(other);
    aggregate_.merge(udxCall(), acc.pointer, partial.pointer);
    check();
    accumulator = store(acc);
  }

  Value result(const Value& accumulator) const override {
    Accumulator acc = load(accumulator);
    sluice_udx_call* call = udxCall();
    const void* pointer = acc.pointer;
    StringRef text;
    StringRef* out = &text;
    std::vector<void*> values;
    values.push_back(&call);
    if (getValue_->outParameter) values.push_back(&out);
    values.push_back(&pointer);
    ffi_arg returned = 0;  // libffi widens small integer results to a full register
    double returnedFloat = 0;
    const bool floating = result_ == AbiType::Float32 || result_ == AbiType::Float64;
    void* returnSlot =
        floating ? static_cast<void*>(&returnedFloat) : static_cast<void*>(&returned);
    call_.resultIsNull = false;
    ffi_call(const_cast<ffi_cif*>(&getValue_->cif),
             reinterpret_cast<void (*)()>(aggregate_.get_value), returnSlot, values.data());
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
  // A library accumulator, destroyed when it goes out of scope (also when a call failed).
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
    Accumulator(const Accumulator&) = delete;
    Accumulator& operator=(const Accumulator&) = delete;
    ~Accumulator() {
      if (pointer != nullptr && owner.aggregate_.destroy != nullptr) {
        owner.aggregate_.destroy(owner.udxCall(), pointer);
      }
    }
  };

  const UdxFunction& function_;
  const sluice_udx_aggregate& aggregate_;
  std::vector<AbiType> argumentTypes_;
  AbiType result_ = AbiType::Void;
  std::shared_ptr<const UdxSignature> update_;    // void f(call, void* acc, A1, ...)
  std::shared_ptr<const UdxSignature> getValue_;  // R f(call, const void* acc)
  std::map<std::string, std::string> noConfiguration_;
  CallSite site_;
  // What the library's calls see: one per accumulator function, which one operator instance
  // (one thread) uses.
  mutable std::unique_ptr<Arena> arena_ = std::make_unique<Arena>();
  mutable TaskContext task_;
  mutable FunctionCall call_;
  mutable std::string buffer_ = std::string(64, '\0');

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

  Accumulator load(const Value& stored) const {
    return Accumulator(*this, aggregate_.deserialize(udxCall(), stored.bytes.data(),
                                                     static_cast<uint32_t>(stored.bytes.size())));
  }

  Value store(const Accumulator& acc) const {
    uint32_t needed = aggregate_.serialize(udxCall(), acc.pointer, buffer_.data(),
                                           static_cast<uint32_t>(buffer_.size()));
    check();
    if (needed > buffer_.size()) {
      buffer_.resize(needed);
      needed = aggregate_.serialize(udxCall(), acc.pointer, buffer_.data(),
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
    std::vector<ArgumentSlot> slots(arity);
    Accumulator acc = load(accumulator);
    sluice_udx_call* call = udxCall();
    std::vector<void*> values;
    values.reserve(arity + 2);
    values.push_back(&call);
    values.push_back(&acc.pointer);
    for (size_t i = 0; i < arity; ++i) {
      values.push_back(unbox(argument(i), argumentTypes_[i], slots[i]));
    }
    ffi_arg ignored = 0;
    ffi_call(const_cast<ffi_cif*>(&update_->cif), reinterpret_cast<void (*)()>(entry), &ignored,
             values.data());
    check();
    accumulator = store(acc);
  }
};

}  // namespace

std::unique_ptr<AggregateFunction> makeUdxAggregateFunction(const artifact::AggregateCall& call) {
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
  return std::make_unique<UdxAggregateFunction>(call, *function);
}

}  // namespace sluice::runtime::udx

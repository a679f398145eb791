// Turns one row-level C++ function into a ScalarKernel: derives its C ABI, a thunk compiled code
// can call, and the interpreter's vector loop (see scalar_kernel.h for the conventions).
#pragma once

#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime {
namespace kernel_adapter {

template <typename T>
struct Abi;
template <>
struct Abi<bool> {
  static constexpr AbiType type = AbiType::Bool;
  using Passed = uint8_t;
  using Stored = uint8_t;
  static bool load(Passed v) { return v != 0; }
};
#define SLUICE_ABI_BY_VALUE(CppType, Tag)             \
  template <>                                         \
  struct Abi<CppType> {                               \
    static constexpr AbiType type = AbiType::Tag;     \
    using Passed = CppType;                           \
    using Stored = CppType;                           \
    static CppType load(Passed v) { return v; }       \
  };
SLUICE_ABI_BY_VALUE(int8_t, Int8)
SLUICE_ABI_BY_VALUE(int16_t, Int16)
SLUICE_ABI_BY_VALUE(int32_t, Int32)
SLUICE_ABI_BY_VALUE(int64_t, Int64)
SLUICE_ABI_BY_VALUE(float, Float32)
SLUICE_ABI_BY_VALUE(double, Float64)
#undef SLUICE_ABI_BY_VALUE
template <>
struct Abi<int128_t> {
  static constexpr AbiType type = AbiType::Int128;
  using Passed = const int128_t*;
  using Stored = int128_t;
  static int128_t load(Passed v) { return *v; }
};
template <>
struct Abi<StringRef> {
  static constexpr AbiType type = AbiType::String;
  using Passed = const StringRef*;
  using Stored = StringRef;
  static StringRef load(Passed v) { return *v; }
};

template <typename T>
constexpr bool kReturnedByPointer = std::is_same_v<T, int128_t> || std::is_same_v<T, StringRef>;

template <typename Signature>
struct Traits;
template <typename R, typename... Args>
struct Traits<R (*)(FunctionCall&, Args...)> {
  using Result = R;
  static constexpr size_t arity = sizeof...(Args);
  static std::vector<AbiType> abiArguments() { return {Abi<std::decay_t<Args>>::type...}; }
};

template <auto F, typename R, typename... Args>
struct FixedArity {
  // The entry compiled code calls.
  static typename Abi<R>::Passed byValue(FunctionCall* call,
                                         typename Abi<std::decay_t<Args>>::Passed... args)
    requires(!kReturnedByPointer<R>)
  {
    return static_cast<typename Abi<R>::Passed>(F(*call, Abi<std::decay_t<Args>>::load(args)...));
  }
  static void byPointer(FunctionCall* call, R* out,
                        typename Abi<std::decay_t<Args>>::Passed... args)
    requires(kReturnedByPointer<R>)
  {
    *out = F(*call, Abi<std::decay_t<Args>>::load(args)...);
  }
  static void* rowEntry() {
    if constexpr (kReturnedByPointer<R>) {
      return reinterpret_cast<void*>(&byPointer);
    } else {
      return reinterpret_cast<void*>(&byValue);
    }
  }

  template <size_t... I>
  static void loop(FunctionCall& call, const Vector* const* arguments, const int32_t* rows,
                   int rowCount, Vector& out, std::index_sequence<I...>) {
    auto* results = out.values<typename Abi<R>::Stored>();
    std::tuple<const typename Abi<std::decay_t<Args>>::Stored*...> columns{
        arguments[I]->template values<typename Abi<std::decay_t<Args>>::Stored>()...};
    for (int k = 0; k < rowCount; ++k) {
      const int32_t row = rows[k];
      call.resultIsNull = false;
      results[row] = static_cast<typename Abi<R>::Stored>(
          F(call, static_cast<std::decay_t<Args>>(std::get<I>(columns)[row])...));
      if (call.resultIsNull) out.setNull(row, true);
    }
  }
  static void vectorEntry(FunctionCall& call, const Vector* const* arguments, const int32_t* rows,
                          int rowCount, Vector& out) {
    loop(call, arguments, rows, rowCount, out, std::index_sequence_for<Args...>{});
  }
};

template <auto F, typename Signature = decltype(F)>
struct Adapter;
template <auto F, typename R, typename... Args>
struct Adapter<F, R (*)(FunctionCall&, Args...)> : FixedArity<F, R, Args...> {};

// Variadic kernels: R f(FunctionCall&, const T* values, const uint8_t* valid, int32_t count).
template <auto F, typename Signature = decltype(F)>
struct VariadicAdapter;
template <auto F, typename R, typename T>
struct VariadicAdapter<F, R (*)(FunctionCall&, const T*, const uint8_t*, int32_t)> {
  using Element = T;
  using Result = R;
  static typename Abi<R>::Passed byValue(FunctionCall* call, const T* values, const uint8_t* valid,
                                         int32_t count)
    requires(!kReturnedByPointer<R>)
  {
    return static_cast<typename Abi<R>::Passed>(F(*call, values, valid, count));
  }
  static void byPointer(FunctionCall* call, R* out, const T* values, const uint8_t* valid,
                        int32_t count)
    requires(kReturnedByPointer<R>)
  {
    *out = F(*call, values, valid, count);
  }
  static void* rowEntry() {
    if constexpr (kReturnedByPointer<R>) {
      return reinterpret_cast<void*>(&byPointer);
    } else {
      return reinterpret_cast<void*>(&byValue);
    }
  }
  // Variadic kernels see every listed row, NULL arguments included.
  static void vectorEntry(FunctionCall& call, const Vector* const* arguments, const int32_t* rows,
                          int rowCount, Vector& out, int argumentCount) {
    std::vector<T> values(argumentCount);
    std::vector<uint8_t> valid(argumentCount);
    auto* results = out.values<typename Abi<R>::Stored>();
    for (int k = 0; k < rowCount; ++k) {
      const int32_t row = rows[k];
      for (int a = 0; a < argumentCount; ++a) {
        valid[a] = arguments[a]->isNull(row) ? 0 : 1;
        values[a] = arguments[a]->template values<typename Abi<T>::Stored>()[row];
      }
      call.resultIsNull = false;
      results[row] = static_cast<typename Abi<R>::Stored>(
          F(call, values.data(), valid.data(), argumentCount));
      out.setNull(row, call.resultIsNull);
    }
  }
};

}  // namespace kernel_adapter

// A fixed-arity kernel from a row-level function (see scalar_kernel.h).
template <auto F>
ScalarKernel scalarKernel(std::string name, std::vector<Accepts> arguments,
                          Accepts result = Accepts::any()) {
  using Adapter = kernel_adapter::Adapter<F>;
  using Traits = kernel_adapter::Traits<decltype(F)>;
  ScalarKernel kernel;
  kernel.name = std::move(name);
  kernel.arguments = std::move(arguments);
  kernel.result = std::move(result);
  kernel.rowEntry = Adapter::rowEntry();
  kernel.abiArguments = Traits::abiArguments();
  kernel.abiResult = kernel_adapter::Abi<typename Traits::Result>::type;
  kernel.vectorEntry = &Adapter::vectorEntry;
  return kernel;
}

// A variadic kernel: F is R f(FunctionCall&, const T* values, const uint8_t* valid, int32_t count)
// and sees NULL arguments (valid[i] == 0) itself.
template <auto F>
ScalarKernel variadicKernel(std::string name, Accepts element, Accepts result = Accepts::any()) {
  using Adapter = kernel_adapter::VariadicAdapter<F>;
  ScalarKernel kernel;
  kernel.name = std::move(name);
  kernel.arguments = {std::move(element)};
  kernel.result = std::move(result);
  kernel.variadic = true;
  kernel.mayReturnNull = true;
  kernel.rowEntry = Adapter::rowEntry();
  kernel.abiResult = kernel_adapter::Abi<typename Adapter::Result>::type;
  kernel.variadicElement = kernel_adapter::Abi<typename Adapter::Element>::type;
  kernel.variadicEntry = &Adapter::vectorEntry;
  return kernel;
}

}  // namespace sluice::runtime

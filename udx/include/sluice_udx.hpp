// Sluice UDX C++ SDK: a header-only layer over the C ABI (sluice_udx.h) that turns a small struct
// into a registered function. The SQL types are deduced from the struct's methods, the row and
// batch entries are generated with exactly the C ABI, and no C++ exception leaves them.
//
//   struct CountChar {
//     static constexpr const char* identifier = "com.github.nexmark.flink.udf.CountChar";
//     int64_t eval(std::string_view text, std::string_view character) const;
//   };
//   SLUICE_UDX_LIBRARY("nexmark", sluice::udx::scalar<CountChar>())
//
// Scalar functions (scalar<F>()): `R eval([Call&,] A1, A2, ...) const` (or static). A result of
// std::optional<R> may be NULL. Several eval overloads: scalar<F, R(A1, ...)>() picks one; register
// each under the same identifier.
// Table functions (table<F>()): `void eval([Call&,] A1, ..., Collector<T1, ...>& out) const`,
// with `static constexpr std::array<std::string_view, N> fields{...}` naming the output fields.
// Aggregate functions (aggregate<F>()): `using Accumulator = ...;`, `accumulate([Call&,]
// Accumulator&, A1, ...)`, optional `retract` and `merge(Accumulator&, const Accumulator&)`,
// `R get_value(const Accumulator&)`, and for accumulators that are not trivially copyable
// `serialize(const Accumulator&, std::string&)` / `Accumulator deserialize(std::string_view)`.
// Any kind: optional `S open(OpenContext&) const` making per-call-site state (Call::state<S>()),
// optional `void close(S&) const`, optional `static constexpr bool deterministic = false;` and
// `static constexpr bool may_return_null = true;` (for functions calling Call::set_null).
//
// Methods must be const (or static): a job calls a function from several threads at once.
//
// Type mapping (argument and result types; see sluice_udx.h for the layouts):
//   bool BOOLEAN, int8_t TINYINT, int16_t SMALLINT, int32_t INT, int64_t BIGINT, float FLOAT,
//   double DOUBLE, std::string_view / std::string STRING, Bytes / ByteString BYTES, Date DATE,
//   Time TIME, Timestamp TIMESTAMP(6), TimestampLtz TIMESTAMP_LTZ(6).
#ifndef SLUICE_UDX_HPP
#define SLUICE_UDX_HPP

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iterator>
#include <limits>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "sluice_udx.h"

#if defined(__GNUC__) || defined(__clang__)
#define SLUICE_UDX_EXPORT __attribute__((visibility("default")))
#define SLUICE_UDX_HIDDEN __attribute__((visibility("hidden")))
#else
#define SLUICE_UDX_EXPORT
#define SLUICE_UDX_HIDDEN
#endif

// Everything here is hidden, so that two libraries built with different versions of this header
// (or with the same type names) never share an instantiation once loaded into one process.
namespace sluice SLUICE_UDX_HIDDEN {
namespace udx SLUICE_UDX_HIDDEN {

// ---------------------------------------------------------------------------------------------
// Value types that have no natural C++ counterpart.

// A BYTES argument or result (a view: as a result, it must be valid until eval returns).
struct Bytes {
  std::string_view data;
};
// A BYTES result owning its bytes.
struct ByteString {
  std::string data;
};
// DATE: days since 1970-01-01.
struct Date {
  int32_t days = 0;
};
// TIME: milliseconds of the day.
struct Time {
  int32_t millis = 0;
};
// TIMESTAMP: microseconds since 1970-01-01 00:00:00 (no time zone).
struct Timestamp {
  int64_t micros = 0;
};
// TIMESTAMP_LTZ: microseconds since the epoch, UTC.
struct TimestampLtz {
  int64_t micros = 0;
};

// An error with a code (SLUICE_UDX_INVALID_ARGUMENT, ...); throw it from any method. Other
// exceptions map to SLUICE_UDX_INVALID_ARGUMENT (std::invalid_argument, std::out_of_range),
// SLUICE_UDX_OUT_OF_MEMORY (std::bad_alloc) or SLUICE_UDX_ERROR, with their what().
class Error : public std::runtime_error {
 public:
  Error(int32_t code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int32_t code() const noexcept { return code_; }

 private:
  int32_t code_;
};

namespace detail {

// The host Sluice handed to sluice_udx_library_v1; set once, before any function runs.
inline const sluice_udx_host* g_host = nullptr;

inline void bind_host(const sluice_udx_host* host) noexcept {
  g_host = host;
}
inline const sluice_udx_host& host() noexcept {
  return *g_host;
}

// What open made: the state (or nothing), or the error open threw. An error is reported by the
// first call of the call site, since the C ABI's open has no way to fail.
struct StateBox {
  void* value = nullptr;
  const void* type = nullptr;
  void (*destroy)(void*) = nullptr;
  int32_t error_code = 0;
  std::string error;
};

template <class T>
struct TypeTag {
  static constexpr char id = 0;
};

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Call: one invocation, handed to methods that take `Call&` as their first parameter.

class Call {
 public:
  explicit Call(sluice_udx_call* raw) noexcept : raw_(raw) {}
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;

  // Fails the job with `message`; the method then returns any value. Only the first failure of a
  // call is reported.
  void fail(int32_t code, std::string_view message) noexcept {
    if (failed_) return;
    failed_ = true;
    try {
      std::string text(message);
      detail::host().fail(raw_, code, text.c_str());
    } catch (...) {
      detail::host().fail(raw_, SLUICE_UDX_OUT_OF_MEMORY, "out of memory reporting an error");
    }
  }
  void fail(std::string_view message) noexcept { fail(SLUICE_UDX_ERROR, message); }

  // The result of this call is NULL, whatever the method returns (declare may_return_null).
  void set_null() noexcept { null_ = true; }

  // `bytes` bytes from the host, valid until Sluice is done with the row's batch.
  char* allocate(uint32_t bytes) {
    char* memory = detail::host().allocate(raw_, bytes);
    if (memory == nullptr && bytes > 0) throw std::bad_alloc();
    return memory;
  }

  // The state this call site's open returned; throws std::logic_error when there is none or it
  // is not a T. Shared by every thread running the function: see the thread rules.
  template <class T>
  T& state() const {
    auto* box = static_cast<detail::StateBox*>(detail::host().state(raw_));
    if (box == nullptr || box->value == nullptr) {
      throw std::logic_error("the function has no state: it has no open method returning one");
    }
    if (box->type != &detail::TypeTag<T>::id) {
      throw std::logic_error("Call::state<T>() asked for another type than open returned");
    }
    return *static_cast<T*>(box->value);
  }

  bool failed() const noexcept { return failed_; }
  bool null_requested() const noexcept { return null_; }
  sluice_udx_call* raw() const noexcept { return raw_; }

  // Reports the exception being handled through fail (call only inside a catch block).
  void fail_current_exception() noexcept {
    try {
      throw;
    } catch (const Error& e) {
      fail(e.code(), e.what());
    } catch (const std::bad_alloc&) {
      fail(SLUICE_UDX_OUT_OF_MEMORY, "out of memory");
    } catch (const std::invalid_argument& e) {
      fail(SLUICE_UDX_INVALID_ARGUMENT, e.what());
    } catch (const std::out_of_range& e) {
      fail(SLUICE_UDX_INVALID_ARGUMENT, e.what());
    } catch (const std::exception& e) {
      fail(SLUICE_UDX_ERROR, e.what());
    } catch (...) {
      fail(SLUICE_UDX_ERROR, "unknown exception");
    }
  }

 private:
  sluice_udx_call* raw_;
  bool failed_ = false;
  bool null_ = false;
};

// What open sees: the job's configuration.
class OpenContext {
 public:
  explicit OpenContext(const sluice_udx_open_context* raw) noexcept : raw_(raw) {}

  // The value of `key` (`SET 'key' = '...'`), if set. Copy it into your state to keep it.
  std::optional<std::string_view> config(const std::string& key) const {
    const char* value = detail::host().config(raw_, key.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string_view(value);
  }
  std::string config_or(const std::string& key, std::string_view fallback) const {
    return std::string(config(key).value_or(fallback));
  }
  const sluice_udx_open_context* raw() const noexcept { return raw_; }

 private:
  const sluice_udx_open_context* raw_;
};

// ---------------------------------------------------------------------------------------------
// SQL types of C++ types.

template <class T>
struct SqlType {
  static_assert(sizeof(T) == 0,
                "unsupported UDX type: use bool, int8_t..int64_t, float, double, std::string_view, "
                "std::string, Bytes, ByteString, Date, Time, Timestamp or TimestampLtz");
};

namespace detail {

// A type passed by value in the row entry and stored as itself in a batch column.
template <class T, class A, bool Float>
struct FixedType {
  using Abi = A;
  using Element = A;
  static constexpr bool is_string = false;
  static constexpr bool is_float = Float;
  static Abi element_abi(const Element& e) noexcept { return e; }
};

// STRING / BYTES: `const sluice_udx_string*` in the row entry, sluice_udx_string in a column.
struct StringLike {
  using Abi = const sluice_udx_string*;
  using Element = sluice_udx_string;
  static constexpr bool is_string = true;
  static constexpr bool is_float = false;
  static Abi element_abi(const Element& e) noexcept { return &e; }
  static std::string_view view_of(Abi s) noexcept {
    return std::string_view(sluice_udx_string_data(s), s->length);
  }
};

}  // namespace detail

#define SLUICE_UDX_PLAIN_TYPE(CppType, SqlName, IsFloat)                   \
  template <>                                                              \
  struct SqlType<CppType> : detail::FixedType<CppType, CppType, IsFloat> { \
    static constexpr std::string_view name = SqlName;                      \
    static CppType from_abi(CppType v) noexcept { return v; }              \
    static CppType to_abi(CppType v) noexcept { return v; }                \
  };
SLUICE_UDX_PLAIN_TYPE(int8_t, "TINYINT", false)
SLUICE_UDX_PLAIN_TYPE(int16_t, "SMALLINT", false)
SLUICE_UDX_PLAIN_TYPE(int32_t, "INT", false)
SLUICE_UDX_PLAIN_TYPE(int64_t, "BIGINT", false)
SLUICE_UDX_PLAIN_TYPE(float, "FLOAT", true)
SLUICE_UDX_PLAIN_TYPE(double, "DOUBLE", true)
#undef SLUICE_UDX_PLAIN_TYPE

template <>
struct SqlType<bool> : detail::FixedType<bool, uint8_t, false> {
  static constexpr std::string_view name = "BOOLEAN";
  static bool from_abi(uint8_t v) noexcept { return v != 0; }
  static uint8_t to_abi(bool v) noexcept { return v ? 1 : 0; }
};

#define SLUICE_UDX_WRAPPED_TYPE(Wrapper, Raw, Member, SqlName)       \
  template <>                                                        \
  struct SqlType<Wrapper> : detail::FixedType<Wrapper, Raw, false> { \
    static constexpr std::string_view name = SqlName;                \
    static Wrapper from_abi(Raw v) noexcept { return Wrapper{v}; }   \
    static Raw to_abi(Wrapper v) noexcept { return v.Member; }       \
  };
SLUICE_UDX_WRAPPED_TYPE(Date, int32_t, days, "DATE")
SLUICE_UDX_WRAPPED_TYPE(Time, int32_t, millis, "TIME")
SLUICE_UDX_WRAPPED_TYPE(Timestamp, int64_t, micros, "TIMESTAMP(6)")
SLUICE_UDX_WRAPPED_TYPE(TimestampLtz, int64_t, micros, "TIMESTAMP_LTZ(6)")
#undef SLUICE_UDX_WRAPPED_TYPE

template <>
struct SqlType<std::string_view> : detail::StringLike {
  static constexpr std::string_view name = "STRING";
  static std::string_view from_abi(Abi s) noexcept { return view_of(s); }
  static std::string_view view(std::string_view v) noexcept { return v; }
};
template <>
struct SqlType<std::string> : detail::StringLike {
  static constexpr std::string_view name = "STRING";
  static std::string from_abi(Abi s) { return std::string(view_of(s)); }
  static std::string_view view(const std::string& v) noexcept { return v; }
};
template <>
struct SqlType<Bytes> : detail::StringLike {
  static constexpr std::string_view name = "BYTES";
  static Bytes from_abi(Abi s) noexcept { return Bytes{view_of(s)}; }
  static std::string_view view(const Bytes& v) noexcept { return v.data; }
};
template <>
struct SqlType<ByteString> : detail::StringLike {
  static constexpr std::string_view name = "BYTES";
  static ByteString from_abi(Abi s) { return ByteString{std::string(view_of(s))}; }
  static std::string_view view(const ByteString& v) noexcept { return v.data; }
};

namespace detail {

template <class T>
struct Nullable {
  using Inner = T;
  static constexpr bool value = false;
};
template <class T>
struct Nullable<std::optional<T>> {
  using Inner = T;
  static constexpr bool value = true;
};

// Writes a string result: inline up to 12 bytes, otherwise copied into host->allocate memory.
inline void write_string(Call& call, std::string_view v, sluice_udx_string* out) {
  if (v.size() > std::numeric_limits<uint32_t>::max()) {
    throw Error(SLUICE_UDX_INVALID_ARGUMENT, "string result longer than 4 GiB");
  }
  const auto length = static_cast<uint32_t>(v.size());
  if (length <= SLUICE_UDX_STRING_INLINE_LIMIT) {
    *out = sluice_udx_string_of(v.data(), length);
    return;
  }
  char* bytes = call.allocate(length);
  std::memcpy(bytes, v.data(), length);
  *out = sluice_udx_string_of(bytes, length);
}

// ---------------------------------------------------------------------------------------------
// Method signatures.

template <class... Ts>
struct TypeList {
  static constexpr std::size_t size = sizeof...(Ts);
};

template <class M>
struct Method;
template <class C, class R, bool NE, class... Ps>
struct Method<R (C::*)(Ps...) const noexcept(NE)> {
  using Result = R;
  using Params = TypeList<Ps...>;
  static constexpr bool is_const = true;
  static constexpr bool is_member = true;
};
template <class C, class R, bool NE, class... Ps>
struct Method<R (C::*)(Ps...) noexcept(NE)> {
  using Result = R;
  using Params = TypeList<Ps...>;
  static constexpr bool is_const = false;
  static constexpr bool is_member = true;
};
template <class R, bool NE, class... Ps>
struct Method<R (*)(Ps...) noexcept(NE)> {
  using Result = R;
  using Params = TypeList<Ps...>;
  static constexpr bool is_const = true;
  static constexpr bool is_member = false;
};

// Params without a leading Call&.
template <class List>
struct WithoutCall {
  using type = List;
  static constexpr bool takes_call = false;
};
template <class... Ps>
struct WithoutCall<TypeList<Call&, Ps...>> {
  using type = TypeList<Ps...>;
  static constexpr bool takes_call = true;
};

// The first parameter and the rest.
template <class List>
struct SplitFirst;
template <class P, class... Ps>
struct SplitFirst<TypeList<P, Ps...>> {
  using First = P;
  using Rest = TypeList<Ps...>;
};

// All parameters but the last, and the last.
template <class Done, class Rest>
struct SplitLastImpl;
template <class... Ds, class L>
struct SplitLastImpl<TypeList<Ds...>, TypeList<L>> {
  using Init = TypeList<Ds...>;
  using Last = L;
};
template <class... Ds, class P, class Q, class... Ps>
struct SplitLastImpl<TypeList<Ds...>, TypeList<P, Q, Ps...>>
    : SplitLastImpl<TypeList<Ds..., P>, TypeList<Q, Ps...>> {};
template <class List>
struct SplitLast : SplitLastImpl<TypeList<>, List> {};

template <class List>
struct Decayed;
template <class... Ps>
struct Decayed<TypeList<Ps...>> {
  using type = TypeList<std::remove_cvref_t<Ps>...>;
};

template <class P>
constexpr bool is_value_or_const_reference =
    !std::is_lvalue_reference_v<P> || std::is_const_v<std::remove_reference_t<P>>;

template <class... Ps>
constexpr bool no_mutable_references(TypeList<Ps...>) {
  return (is_value_or_const_reference<Ps> && ...);
}

template <auto method>
using MethodOf = Method<decltype(method)>;

// Calls `method` on the function object, passing the call first when the method takes it.
template <auto method, class F, class... Vs>
decltype(auto) invoke(Call& call, Vs&&... vs) {
  using M = MethodOf<method>;
  static_assert(M::is_const,
                "UDX methods must be const (or static): a job calls them from several threads");
  constexpr bool takes_call = WithoutCall<typename M::Params>::takes_call;
  if constexpr (M::is_member) {
    static const F function{};
    if constexpr (takes_call) {
      return (function.*method)(call, std::forward<Vs>(vs)...);
    } else {
      return (function.*method)(std::forward<Vs>(vs)...);
    }
  } else if constexpr (takes_call) {
    return method(call, std::forward<Vs>(vs)...);
  } else {
    return method(std::forward<Vs>(vs)...);
  }
}

// ---------------------------------------------------------------------------------------------
// Traits of the function struct.

template <class F>
constexpr bool deterministic() {
  if constexpr (requires { F::deterministic; }) {
    return F::deterministic;
  } else {
    return true;
  }
}

template <class F>
constexpr bool declares_may_return_null() {
  if constexpr (requires { F::may_return_null; }) {
    return F::may_return_null;
  } else {
    return false;
  }
}

template <class F>
constexpr uint32_t flags(bool nullable_result) {
  uint32_t result = 0;
  if (deterministic<F>()) result |= SLUICE_UDX_DETERMINISTIC;
  if (nullable_result || declares_may_return_null<F>()) result |= SLUICE_UDX_MAY_RETURN_NULL;
  return result;
}

template <class F>
constexpr bool has_open = requires {
  &F::open;
};

// open / close for the descriptor: the state lives in a StateBox.
template <class F>
struct Lifecycle {
  static void* open(const sluice_udx_open_context* raw) noexcept {
    auto* box = new (std::nothrow) StateBox();
    if (box == nullptr) return nullptr;
    try {
      OpenContext context(raw);
      using S = decltype(call_open(context));
      if constexpr (std::is_void_v<S>) {
        call_open(context);
      } else {
        box->value = new S(call_open(context));
        box->type = &TypeTag<S>::id;
        box->destroy = [](void* value) noexcept { delete static_cast<S*>(value); };
      }
    } catch (const std::exception& e) {
      box->error_code = SLUICE_UDX_ERROR;
      box->error = std::string("open failed: ") + e.what();
    } catch (...) {
      box->error_code = SLUICE_UDX_ERROR;
      box->error = "open failed: unknown exception";
    }
    return box;
  }

  static void close(void* state) noexcept {
    auto* box = static_cast<StateBox*>(state);
    if (box == nullptr) return;
    if (box->value != nullptr) {
      if constexpr (requires { &F::close; }) {
        close_state(box);
      }
      box->destroy(box->value);
    }
    delete box;
  }

  // Before each call: reports an error of open, returning false.
  static bool ready(Call& call) {
    if constexpr (has_open<F>) {
      auto* box = static_cast<StateBox*>(host().state(call.raw()));
      if (box == nullptr) {
        call.fail(SLUICE_UDX_ERROR, "the function's state is missing: open failed");
        return false;
      }
      if (box->error_code != 0) {
        call.fail(box->error_code, box->error);
        return false;
      }
    }
    return true;
  }

 private:
  static auto call_open(OpenContext& context) {
    static const F function{};
    if constexpr (MethodOf<&F::open>::is_member) {
      static_assert(MethodOf<&F::open>::is_const, "open must be const (or static)");
      return function.open(context);
    } else {
      return F::open(context);
    }
  }

  // close cannot report an error (the C ABI's close has no call): it is written to stderr.
  static void close_state(StateBox* box) noexcept {
    using S = std::remove_cvref_t<decltype(call_open(std::declval<OpenContext&>()))>;
    try {
      static const F function{};
      if constexpr (MethodOf<&F::close>::is_member) {
        function.close(*static_cast<S*>(box->value));
      } else {
        F::close(*static_cast<S*>(box->value));
      }
    } catch (const std::exception& e) {
      std::fputs("sluice udx: close failed: ", stderr);
      std::fputs(e.what(), stderr);
      std::fputs("\n", stderr);
    } catch (...) {
      std::fputs("sluice udx: close failed: unknown exception\n", stderr);
    }
  }
};

template <class F>
void set_lifecycle(sluice_udx_function& function) {
  if constexpr (has_open<F>) {
    function.open = &Lifecycle<F>::open;
    function.close = &Lifecycle<F>::close;
  }
}

// "STRING, INT" for <std::string_view, int32_t>; the strings live as long as the library.
template <class... Ts>
const char* type_names(TypeList<Ts...>) {
  static const std::string names = [] {
    std::string text;
    ((text += text.empty() ? "" : ", ", text += SqlType<Ts>::name), ...);
    return text;
  }();
  return names.c_str();
}

template <class T>
const char* type_name() {
  static const std::string name(SqlType<T>::name);
  return name.c_str();
}

// ---------------------------------------------------------------------------------------------
// Scalar functions.

template <class F, auto method,
          class Args =
              typename Decayed<typename WithoutCall<typename MethodOf<method>::Params>::type>::type>
struct ScalarEntry;

template <class F, auto method, class... Args>
struct ScalarEntry<F, method, TypeList<Args...>> {
  using Declared = typename MethodOf<method>::Result;
  using Value = typename Nullable<Declared>::Inner;
  using Result = SqlType<Value>;
  static constexpr bool nullable = Nullable<Declared>::value;

  // Runs eval; an empty result is NULL or a failure (call.failed()).
  static std::optional<Value> run(Call& call, typename SqlType<Args>::Abi... arguments) noexcept {
    try {
      if (!Lifecycle<F>::ready(call)) return std::nullopt;
      if constexpr (nullable) {
        return invoke<method, F>(call, SqlType<Args>::from_abi(arguments)...);
      } else {
        return std::optional<Value>(invoke<method, F>(call, SqlType<Args>::from_abi(arguments)...));
      }
    } catch (...) {
      call.fail_current_exception();
      return std::nullopt;
    }
  }

  static typename Result::Abi row(sluice_udx_call* raw,
                                  typename SqlType<Args>::Abi... arguments) noexcept
      requires(!Result::is_string) {
    Call call(raw);
    std::optional<Value> value = run(call, arguments...);
    if (call.failed()) return {};
    if (!value || call.null_requested()) {
      host().set_null(raw);
      return {};
    }
    return Result::to_abi(*value);
  }

  static void string_row(sluice_udx_call* raw, sluice_udx_string* out,
                         typename SqlType<Args>::Abi... arguments) noexcept
      requires(Result::is_string) {
    *out = sluice_udx_string_of(nullptr, 0);
    Call call(raw);
    std::optional<Value> value = run(call, arguments...);
    if (call.failed()) return;
    if (!value || call.null_requested()) {
      host().set_null(raw);
      return;
    }
    try {
      write_string(call, Result::view(*value), out);
    } catch (...) {
      call.fail_current_exception();
    }
  }

  static void batch(sluice_udx_call* raw, const sluice_udx_column* arguments, const int32_t* rows,
                    int32_t row_count, sluice_udx_column* result) noexcept {
    batch_of(raw, arguments, rows, row_count, result, std::index_sequence_for<Args...>{});
  }

  // The listed rows come in runs of consecutive numbers (only rows with a NULL argument are left
  // out): each run is a plain loop over a range, which the compiler optimizes better than one
  // that looks up every row number.
  template <std::size_t... I>
  static void batch_of(sluice_udx_call* raw, const sluice_udx_column* arguments,
                       const int32_t* rows, int32_t row_count, sluice_udx_column* result,
                       std::index_sequence<I...>) noexcept {
    for (int32_t i = 0; i < row_count;) {
      const int32_t length = run_length(rows + i, row_count - i);
      if (!batch_range(raw, arguments, rows[i], rows[i] + length, result,
                       std::index_sequence<I...>{})) {
        return;
      }
      i += length;
    }
  }

  // How many of rows[0..count) are consecutive numbers from rows[0]. The rows increase, so
  // rows[k] == rows[0] + k means every row before k is consecutive too: gallop, then bisect.
  static int32_t run_length(const int32_t* rows, int32_t count) noexcept {
    int32_t known = 1;  // rows[0..known) are consecutive
    int32_t step = 1;
    while (known - 1 + step < count && rows[known - 1 + step] == rows[0] + known - 1 + step) {
      known += step;
      step *= 2;
    }
    int32_t limit = std::min(count, known - 1 + step);  // rows[limit - 1] breaks the run, or the end
    while (known < limit) {
      const int32_t middle = known + (limit - known) / 2;
      if (rows[middle] == rows[0] + middle) {
        known = middle + 1;
      } else {
        limit = middle;
      }
    }
    return known;
  }

  // Rows [first, last); false once the function failed.
  template <std::size_t... I>
  static bool batch_range(sluice_udx_call* raw, const sluice_udx_column* arguments, int32_t first,
                          int32_t last, sluice_udx_column* result,
                          std::index_sequence<I...>) noexcept {
    auto* out = static_cast<typename Result::Element*>(result->values);
    for (int32_t r = first; r < last; ++r) {
      Call call(raw);
      std::optional<Value> value =
          run(call, SqlType<Args>::element_abi(static_cast<const typename SqlType<Args>::Element*>(
                        arguments[I].values)[r])...);
      if (call.failed()) return false;
      if (!value || call.null_requested()) {
        result->valid[r] = 0;
        continue;
      }
      if constexpr (Result::is_string) {
        try {
          write_string(call, Result::view(*value), &out[r]);
        } catch (...) {
          call.fail_current_exception();
          return false;
        }
      } else {
        out[r] = Result::to_abi(*value);
      }
    }
    return true;
  }

  static sluice_udx_function descriptor() {
    sluice_udx_function function{};
    function.kind = SLUICE_UDX_SCALAR;
    function.identifier = F::identifier;
    function.arguments = type_names(TypeList<Args...>{});
    function.result = type_name<Value>();
    function.flags = flags<F>(nullable);
    if constexpr (Result::is_string) {
      function.row = reinterpret_cast<void*>(&string_row);
    } else {
      function.row = reinterpret_cast<void*>(&row);
    }
    function.batch = &batch;
    set_lifecycle<F>(function);
    return function;
  }
};

template <class F, class Signature>
struct SelectEval;
template <class F, class R, class... As>
struct SelectEval<F, R(As...)> {
  static constexpr auto pick() {
    if constexpr (requires { static_cast<R (F::*)(As...) const>(&F::eval); }) {
      return static_cast<R (F::*)(As...) const>(&F::eval);
    } else if constexpr (requires { static_cast<R (F::*)(Call&, As...) const>(&F::eval); }) {
      return static_cast<R (F::*)(Call&, As...) const>(&F::eval);
    } else if constexpr (requires { static_cast<R (*)(As...)>(&F::eval); }) {
      return static_cast<R (*)(As...)>(&F::eval);
    } else {
      static_assert(
          requires { static_cast<R (*)(Call&, As...)>(&F::eval); },
          "no const eval with this signature");
      return static_cast<R (*)(Call&, As...)>(&F::eval);
    }
  }
};

}  // namespace detail

// A scalar function: F's eval, or with a signature R(A1, ...) (without Call&) one of its
// overloaded evals.
template <class F, class Signature = void>
sluice_udx_function scalar() {
  if constexpr (std::is_void_v<Signature>) {
    static_assert(
        requires { &F::eval; },
        "F needs one eval method (several: name one with scalar<F, R(A1, ...)>())");
    static_assert(
        detail::no_mutable_references(
            typename detail::WithoutCall<typename detail::MethodOf<&F::eval>::Params>::type{}),
        "eval's arguments must be values or const references");
    return detail::ScalarEntry<F, &F::eval>::descriptor();
  } else {
    return detail::ScalarEntry<F, detail::SelectEval<F, Signature>::pick()>::descriptor();
  }
}

// ---------------------------------------------------------------------------------------------
// Table functions.

// Emits a table function's output rows, one value per declared field.
template <class... Fields>
class Collector {
 public:
  static_assert(sizeof...(Fields) > 0, "a table function's row has at least one field");

  explicit Collector(Call& call) noexcept : call_(call) {}
  Collector(const Collector&) = delete;
  Collector& operator=(const Collector&) = delete;

  void emit(const Fields&... values) {
    sluice_udx_value row[sizeof...(Fields)]{};
    std::size_t i = 0;
    ((set(row[i++], values)), ...);
    detail::host().emit_row(call_.raw(), row, static_cast<int32_t>(sizeof...(Fields)));
  }

  Call& call() noexcept { return call_; }

 private:
  template <class T>
  void set(sluice_udx_value& value, const T& field) {
    using N = detail::Nullable<T>;
    if constexpr (N::value) {
      if (!field) {
        value.is_null = 1;
        return;
      }
      set(value, *field);
    } else {
      using S = SqlType<T>;
      if constexpr (S::is_string) {
        // Longer strings are copied into host memory: the view must not dangle after emit.
        detail::write_string(call_, S::view(field), &value.v.str);
      } else if constexpr (S::is_float) {
        value.v.f64 = static_cast<double>(S::to_abi(field));
      } else {
        value.v.i64 = static_cast<int64_t>(S::to_abi(field));
      }
    }
  }

  Call& call_;
};

namespace detail {

template <class T>
struct CollectorFields;
template <class... Fields>
struct CollectorFields<Collector<Fields...>&> {
  using type = TypeList<typename Nullable<Fields>::Inner...>;
};

template <class F, class... Fields>
const char* row_type(TypeList<Fields...>) {
  static const std::string text = [] {
    std::string row = "ROW<";
    std::size_t i = 0;
    auto add = [&](std::string_view type) {
      if (i > 0) row += ", ";
      if constexpr (requires { F::fields; }) {
        static_assert(std::size(F::fields) == sizeof...(Fields),
                      "F::fields names a different number of fields than the Collector has");
        row += std::string_view(F::fields[i]);
      } else {
        row += "f" + std::to_string(i);
      }
      row += ' ';
      row += type;
      ++i;
    };
    (add(SqlType<Fields>::name), ...);
    return row + ">";
  }();
  return text.c_str();
}

template <class F, auto method,
          class Params = typename WithoutCall<typename MethodOf<method>::Params>::type>
struct TableEntry;

template <class F, auto method, class... Params>
struct TableEntry<F, method, TypeList<Params...>> {
  using Split = SplitLast<TypeList<Params...>>;
  using Out = typename Split::Last;
  using Args = typename Decayed<typename Split::Init>::type;

  template <class... As>
  struct Entry {
    static void row(sluice_udx_call* raw, typename SqlType<As>::Abi... arguments) noexcept {
      Call call(raw);
      try {
        if (!Lifecycle<F>::ready(call)) return;
        std::remove_reference_t<Out> out(call);
        invoke<method, F>(call, SqlType<As>::from_abi(arguments)..., out);
      } catch (...) {
        call.fail_current_exception();
      }
    }
  };

  template <class... As>
  static void* row_of(TypeList<As...>) {
    return reinterpret_cast<void*>(&Entry<As...>::row);
  }

  static sluice_udx_function descriptor() {
    sluice_udx_function function{};
    function.kind = SLUICE_UDX_TABLE;
    function.identifier = F::identifier;
    function.arguments = type_names(Args{});
    function.result = row_type<F>(typename CollectorFields<Out>::type{});
    function.flags = flags<F>(false);
    function.row = row_of(Args{});
    set_lifecycle<F>(function);
    return function;
  }
};

}  // namespace detail

// A table function: F's eval ends with a Collector<Fields...>& parameter.
template <class F>
sluice_udx_function table() {
  static_assert(
      requires { &F::eval; }, "F needs one eval method taking a Collector<...>& last");
  return detail::TableEntry<F, &F::eval>::descriptor();
}

// ---------------------------------------------------------------------------------------------
// Aggregate functions.

namespace detail {

template <class F, class Accumulator, auto method, class Params>
struct AccumulateEntry;

template <class F, class Accumulator, auto method, class First, class... Args>
struct AccumulateEntry<F, Accumulator, method, TypeList<First, Args...>> {
  static_assert(std::is_same_v<First, Accumulator&>,
                "accumulate/retract take the Accumulator& first (after an optional Call&)");
  using Arguments = TypeList<std::remove_cvref_t<Args>...>;

  static void entry(sluice_udx_call* raw, void* accumulator,
                    typename SqlType<std::remove_cvref_t<Args>>::Abi... arguments) noexcept {
    Call call(raw);
    try {
      if (!Lifecycle<F>::ready(call)) return;
      invoke<method, F>(call, *static_cast<Accumulator*>(accumulator),
                        SqlType<std::remove_cvref_t<Args>>::from_abi(arguments)...);
    } catch (...) {
      call.fail_current_exception();
    }
  }
};

template <class F, auto method>
using AccumulateOf = AccumulateEntry<F, typename F::Accumulator, method,
                                     typename WithoutCall<typename MethodOf<method>::Params>::type>;

template <class F>
struct AggregateEntry {
  using Accumulator = typename F::Accumulator;
  using Declared = typename MethodOf<&F::get_value>::Result;
  using Value = typename Nullable<Declared>::Inner;
  using Result = SqlType<Value>;
  static constexpr bool nullable = Nullable<Declared>::value;
  using Accumulate = AccumulateOf<F, &F::accumulate>;

  static void* create(sluice_udx_call* raw) noexcept {
    Call call(raw);
    try {
      if (!Lifecycle<F>::ready(call)) return nullptr;
      if constexpr (requires { &F::create_accumulator; }) {
        return new Accumulator(invoke<&F::create_accumulator, F>(call));
      } else {
        return new Accumulator{};
      }
    } catch (...) {
      call.fail_current_exception();
      return nullptr;
    }
  }

  static void destroy(sluice_udx_call*, void* accumulator) noexcept {
    delete static_cast<Accumulator*>(accumulator);
  }

  static void merge(sluice_udx_call* raw, void* accumulator, const void* other) noexcept {
    Call call(raw);
    try {
      if (!Lifecycle<F>::ready(call)) return;
      invoke<&F::merge, F>(call, *static_cast<Accumulator*>(accumulator),
                           *static_cast<const Accumulator*>(other));
    } catch (...) {
      call.fail_current_exception();
    }
  }

  static std::optional<Value> value_of(Call& call, const void* accumulator) noexcept {
    try {
      if (!Lifecycle<F>::ready(call)) return std::nullopt;
      const auto& acc = *static_cast<const Accumulator*>(accumulator);
      if constexpr (nullable) {
        return invoke<&F::get_value, F>(call, acc);
      } else {
        return std::optional<Value>(invoke<&F::get_value, F>(call, acc));
      }
    } catch (...) {
      call.fail_current_exception();
      return std::nullopt;
    }
  }

  static typename Result::Abi get_value(sluice_udx_call* raw, const void* accumulator) noexcept
      requires(!Result::is_string) {
    Call call(raw);
    std::optional<Value> value = value_of(call, accumulator);
    if (call.failed()) return {};
    if (!value || call.null_requested()) {
      host().set_null(raw);
      return {};
    }
    return Result::to_abi(*value);
  }

  static void get_string_value(sluice_udx_call* raw, sluice_udx_string* out,
                               const void* accumulator) noexcept requires(Result::is_string) {
    *out = sluice_udx_string_of(nullptr, 0);
    Call call(raw);
    std::optional<Value> value = value_of(call, accumulator);
    if (call.failed()) return;
    if (!value || call.null_requested()) {
      host().set_null(raw);
      return;
    }
    try {
      write_string(call, Result::view(*value), out);
    } catch (...) {
      call.fail_current_exception();
    }
  }

  static constexpr bool custom_serialization = requires { &F::serialize; };
  static_assert(custom_serialization || std::is_trivially_copyable_v<Accumulator>,
                "an Accumulator that is not trivially copyable needs serialize(const Accumulator&, "
                "std::string&) and Accumulator deserialize(std::string_view)");

  static uint32_t serialize(sluice_udx_call* raw, const void* accumulator, char* buffer,
                            uint32_t capacity) noexcept {
    const auto& acc = *static_cast<const Accumulator*>(accumulator);
    if constexpr (custom_serialization) {
      Call call(raw);
      try {
        std::string bytes;
        invoke<&F::serialize, F>(call, acc, bytes);
        if (bytes.size() > std::numeric_limits<uint32_t>::max()) {
          throw Error(SLUICE_UDX_ERROR, "serialized accumulator larger than 4 GiB");
        }
        if (bytes.size() <= capacity) std::memcpy(buffer, bytes.data(), bytes.size());
        return static_cast<uint32_t>(bytes.size());
      } catch (...) {
        call.fail_current_exception();
        return 0;
      }
    } else {
      if (sizeof(Accumulator) <= capacity) std::memcpy(buffer, &acc, sizeof(Accumulator));
      return static_cast<uint32_t>(sizeof(Accumulator));
    }
  }

  static void* deserialize(sluice_udx_call* raw, const char* bytes, uint32_t length) noexcept {
    Call call(raw);
    try {
      if constexpr (custom_serialization) {
        return new Accumulator(invoke<&F::deserialize, F>(call, std::string_view(bytes, length)));
      } else {
        if (length != sizeof(Accumulator)) {
          throw Error(SLUICE_UDX_INVALID_ARGUMENT,
                      "serialized accumulator of " + std::to_string(length) + " bytes, expected " +
                          std::to_string(sizeof(Accumulator)));
        }
        auto* acc = new Accumulator{};
        std::memcpy(static_cast<void*>(acc), bytes, sizeof(Accumulator));
        return acc;
      }
    } catch (...) {
      call.fail_current_exception();
      return nullptr;
    }
  }

  static sluice_udx_function descriptor() {
    static const sluice_udx_aggregate aggregate = [] {
      sluice_udx_aggregate a{};
      a.create = &create;
      a.accumulate = reinterpret_cast<void*>(&Accumulate::entry);
      if constexpr (requires { &F::retract; }) {
        using Retract = AccumulateOf<F, &F::retract>;
        static_assert(std::is_same_v<typename Retract::Arguments, typename Accumulate::Arguments>,
                      "retract must take the same arguments as accumulate");
        a.retract = reinterpret_cast<void*>(&Retract::entry);
      }
      if constexpr (requires { &F::merge; }) {
        a.merge = &merge;
      }
      if constexpr (Result::is_string) {
        a.get_value = reinterpret_cast<void*>(&get_string_value);
      } else {
        a.get_value = reinterpret_cast<void*>(&get_value);
      }
      a.serialize = &serialize;
      a.deserialize = &deserialize;
      a.destroy = &destroy;
      return a;
    }();
    sluice_udx_function function{};
    function.kind = SLUICE_UDX_AGGREGATE;
    function.identifier = F::identifier;
    function.arguments = type_names(typename Accumulate::Arguments{});
    function.result = type_name<Value>();
    function.flags = flags<F>(nullable);
    function.aggregate = &aggregate;
    set_lifecycle<F>(function);
    return function;
  }
};

}  // namespace detail

// An aggregate function: F's Accumulator, accumulate, get_value and optional retract / merge.
template <class F>
sluice_udx_function aggregate() {
  static_assert(
      requires { typename F::Accumulator; }, "F needs `using Accumulator = ...;`");
  static_assert(
      requires { &F::accumulate; } && requires { &F::get_value; },
      "F needs one accumulate and one get_value method");
  return detail::AggregateEntry<F>::descriptor();
}

namespace detail {

// The body of sluice_udx_library_v1 (see SLUICE_UDX_LIBRARY).
template <class MakeFunctions>
const sluice_udx_library* library(const sluice_udx_host* host, const char* name,
                                  MakeFunctions make_functions) noexcept {
  bind_host(host);
  try {
    static const auto functions = make_functions();
    static const sluice_udx_library result{SLUICE_UDX_ABI_VERSION, name,
                                           static_cast<uint32_t>(std::size(functions)),
                                           std::data(functions)};
    return &result;
  } catch (...) {
    return nullptr;  // out of memory building the descriptors: Sluice refuses the library
  }
}

}  // namespace detail
}  // namespace SLUICE_UDX_HIDDEN
}  // namespace SLUICE_UDX_HIDDEN

// Defines the library's entry point, sluice_udx_library_v1, listing its functions (the results of
// scalar<F>(), table<F>() and aggregate<F>()). Use it once per shared library.
#define SLUICE_UDX_LIBRARY(name, ...)                                                  \
  extern "C" SLUICE_UDX_EXPORT const sluice_udx_library* sluice_udx_library_v1(        \
      const sluice_udx_host* host) {                                                   \
    return ::sluice::udx::detail::library(                                             \
        host, name, [] { return std::to_array<sluice_udx_function>({__VA_ARGS__}); }); \
  }

#endif  // SLUICE_UDX_HPP

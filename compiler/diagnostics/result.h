// Result<T>: a value or a user-facing error message, for code paths where throwing is wrong
// (type inference, option validation). The caller attaches the source location.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace sluice {

struct Failure {
  std::string message;
};

inline Failure fail(std::string message) { return Failure{std::move(message)}; }

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Failure failure) : state_(std::move(failure)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok() && "value() on a failed Result");
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok() && "value() on a failed Result");
    return std::get<0>(std::move(state_));
  }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const std::string& error() const {
    assert(!ok() && "error() on a successful Result");
    return std::get<1>(state_).message;
  }

 private:
  std::variant<T, Failure> state_;
};

}  // namespace sluice

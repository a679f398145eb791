// What the CAST kernels share (internal to cast_kernels*.cpp): the state their bind hook
// prepares, failure reporting (CAST fails the job, TRY_CAST yields NULL), and registration.
//
// One kernel exists per (source family, target family, storage): the registry matches kinds and
// storage, and the state carries what varies within a family (precision, scale, length, zone).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "runtime/functions/builtins/temporal_session_zone.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins::cast {

struct CastState {
  bool isTry = false;  // TRY_CAST: a failed conversion is NULL
  int fromPrecision = 0;
  int fromScale = 0;
  int toPrecision = 0;
  int toScale = 0;
  int32_t toLength = 0;
  bool truncateToLength = false;  // CHAR(n), VARCHAR(n), BINARY(n), VARBINARY(n) below the max
  bool padToLength = false;       // CHAR(n), BINARY(n)
  std::string toTypeName;         // "INT", "DECIMAL(5, 2)": for error messages
  std::shared_ptr<SessionZone> zone;
};

inline std::string bindCast(CallSite& site) {
  CastState state;
  state.isTry = site.function == "TRY_CAST";
  const DataType& from = site.argumentTypes.at(0);
  const DataType& to = site.resultType;
  state.fromPrecision = from.precision();
  state.fromScale = from.scale();
  state.toPrecision = to.precision();
  state.toScale = to.scale();
  if (to.isCharacterString() || to.isBinaryString()) {
    state.toLength = to.length();
    state.truncateToLength = to.length() < DataType::kMaxLength;
    state.padToLength = to.kind() == TypeKind::Char || to.kind() == TypeKind::Binary;
  }
  state.toTypeName = to.withNullable(true).toString();
  state.zone = std::make_shared<SessionZone>();
  site.state = std::move(state);
  return "";
}

inline const CastState& castState(FunctionCall& call) {
  return call.state<CastState>();
}

// A value the target type cannot hold.
inline void castFailed(FunctionCall& call, const std::string& message) {
  if (castState(call).isTry) {
    call.setNull();
  } else {
    call.fail(message);
  }
}

inline std::string quoted(std::string_view text) {
  constexpr size_t kShown = 200;
  return "'" + std::string(text.substr(0, kShown)) + (text.size() > kShown ? "...'" : "'");
}

template <auto F>
void addCast(ScalarFunctionRegistry& registry, Accepts from, Accepts to, bool mayFail) {
  ScalarKernel kernel = scalarKernel<F>("CAST", {std::move(from)}, std::move(to));
  kernel.bind = bindCast;
  kernel.mayReturnNull = mayFail;
  registry.add(std::move(kernel));
}

// The CAST families, one file each.
void registerNumericCasts(ScalarFunctionRegistry& registry);
void registerTextCasts(ScalarFunctionRegistry& registry);
void registerTemporalCasts(ScalarFunctionRegistry& registry);

}  // namespace sluice::runtime::builtins::cast

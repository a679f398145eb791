// The Blink bit functions BITAND, BITOR, BITXOR and BITNOT on TINYINT..BIGINT. The binder converts
// both operands to their common integer type, which is also the result type; NULL operands give
// NULL (the binder types them so; Blink's SqlFunctionUtils read a NULL operand as 0).
#include "runtime/functions/builtins/arithmetic_families.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins {
namespace {

template <typename T>
T bitAnd(FunctionCall&, T a, T b) {
  return static_cast<T>(a & b);
}
template <typename T>
T bitOr(FunctionCall&, T a, T b) {
  return static_cast<T>(a | b);
}
template <typename T>
T bitXor(FunctionCall&, T a, T b) {
  return static_cast<T>(a ^ b);
}
template <typename T>
T bitNot(FunctionCall&, T a) {
  return static_cast<T>(~a);
}

}  // namespace

void registerBitwiseFunctions(ScalarFunctionRegistry& registry) {
  forEachIntegerFamily([&registry]<typename Family>(Family) {
    using T = typename Family::Type;
    registry.add(sameTypeKernel<&bitAnd<T>, Family>("BITAND", 2));
    registry.add(sameTypeKernel<&bitOr<T>, Family>("BITOR", 2));
    registry.add(sameTypeKernel<&bitXor<T>, Family>("BITXOR", 2));
    registry.add(sameTypeKernel<&bitNot<T>, Family>("BITNOT", 1));
  });
}

}  // namespace sluice::runtime::builtins

// Helpers the Calc unit tests share: the rows of a batch as text, the types of a Calc's output,
// and compiling a Calc with one compiler that lives as long as the test program (it owns the
// JIT'd code).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "compiler/codegen/llvm_calc_compiler.h"
#include "runtime/data/value.h"
#include "runtime/execution/compiled_calc.h"

namespace sluice::test {

inline std::vector<std::string> rowsOf(const runtime::Batch& batch) {
  std::vector<std::string> rows;
  for (int row = 0; row < batch.size(); ++row) rows.push_back(runtime::describeRow(batch, row));
  return rows;
}

inline std::vector<DataType> outputTypes(const artifact::Node& calc) {
  std::vector<DataType> types;
  for (const artifact::Field& field : calc.schema) types.push_back(field.type);
  return types;
}

inline std::shared_ptr<const runtime::CompiledCalcCode> compileCalc(
    const artifact::Node& calc, const std::vector<DataType>& inputTypes,
    const runtime::ScalarFunctionRegistry& registry) {
  static codegen::LlvmCalcCompiler compiler{codegen::CodegenOptions{}};
  std::string reason;
  auto code = compiler.compile(calc, inputTypes, registry, reason);
  EXPECT_NE(code, nullptr) << reason;
  return code;
}

}  // namespace sluice::test

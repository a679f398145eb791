// Table functions (LATERAL TABLE(f(x)), UNNEST): a kernel turns one input row's argument values
// into zero or more rows of the function's fields. The Correlate operator
// (runtime/operators/correlate.cpp) calls it once per input row and joins the input row with each
// row it produces. Built-in table functions register here; UDX table functions register the same
// way, so the operator has one path for both.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compiler/types/data_type.h"
#include "runtime/data/value.h"
#include "runtime/functions/function_call.h"

namespace sluice::runtime {

// Appends the rows of one call (each one value per field) to `rows`; fails through task.fail.
using TableEntry = std::function<void(TaskContext& task, const std::vector<Value>& arguments,
                                      std::vector<std::vector<Value>>& rows)>;

struct TableKernel {
  std::string name;  // upper case, as the plan names the function: "UNNEST"
  // Makes the entry for one call site, from its argument types and its output fields' types;
  // returns an empty entry (and sets `error`) when the kernel cannot take them.
  std::function<TableEntry(const std::vector<DataType>& arguments,
                           const std::vector<DataType>& fields, std::string& error)>
      bind;
};

class TableFunctionRegistry {
 public:
  void add(TableKernel kernel);
  // Case-insensitive; nullptr when no kernel has the name.
  const TableKernel* find(const std::string& name) const;

  // UNNEST and UNNEST WITH ORDINALITY.
  static const TableFunctionRegistry& builtins();

 private:
  std::vector<TableKernel> kernels_;
};

}  // namespace sluice::runtime

#include "runtime/udx/udx_kernels.h"

#include <fmt/format.h>

#include <functional>

#include "runtime/udx/udx_call_interface.h"
#include "runtime/udx/udx_host.h"
#include "runtime/udx/udx_table_kernels.h"
#include "runtime/udx/udx_types.h"

namespace sluice::runtime::udx {
namespace {

const UdxCallState& callState(const FunctionCall& call) {
  return **std::any_cast<std::shared_ptr<UdxCallState>>(&call.site->state);
}

// The interpreter's entry: the library's batch entry over the argument vectors' own arrays (the
// column layout of sluice_udx_column is the vectors'), or its row entry for each row.
void udxVectorEntry(FunctionCall& call, const Vector* const* arguments, const int32_t* rows,
                    int rowCount, Vector& out) {
  const UdxFunction& function = *callState(call).function;
  if (function.entry->batch == nullptr) {
    callRowEntryPerRow(*function.signature, function.entry->row, call, arguments, rows, rowCount,
                       out);
    return;
  }
  std::vector<sluice_udx_column> columns(function.arguments.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    auto* vector = const_cast<Vector*>(arguments[i]);
    columns[i] = {vector->rawValues(), vector->validity()};
  }
  sluice_udx_column result{out.rawValues(), out.validity()};
  function.entry->batch(udxCallOf(&call), columns.data(), rows, rowCount, &result);
}

std::string symbolOf(const UdxFunction& function, const std::string& library,
                     const Configuration& configuration) {
  // Names the library and entry; with `open`, also the configuration it reads, since compiled
  // code (cached across jobs) keeps its call sites' opened state.
  std::string symbol =
      fmt::format("sluice.udx.{:016x}.{}", std::hash<std::string>{}(library), function.index);
  if (function.entry->open != nullptr) {
    std::string settings;
    for (const auto& [key, value] : configuration) settings += key + "=" + value + "\n";
    symbol += fmt::format(".{:016x}", std::hash<std::string>{}(settings));
  }
  return symbol;
}

}  // namespace

ScalarKernel udxScalarKernel(const std::string& name, const UdxFunction& function,
                             std::shared_ptr<const Configuration> configuration) {
  ScalarKernel kernel;
  kernel.name = name;
  for (const DataType& argument : function.arguments) {
    kernel.arguments.push_back(Accepts::kind(argument.kind()));
    kernel.abiArguments.push_back(abiTypeOfUdx(argument));
  }
  kernel.result = Accepts::kind(function.result.kind());
  kernel.abiResult = abiTypeOfUdx(function.result);
  kernel.mayReturnNull = function.mayReturnNull();
  kernel.deterministic = function.deterministic();
  kernel.rowEntry = function.entry->row;
  kernel.vectorEntry = &udxVectorEntry;
  kernel.batchFirst = function.entry->batch != nullptr;
  const UdxFunction* described = &function;  // libraries are never unloaded
  kernel.bind = [described, configuration](CallSite& site) -> std::string {
    auto state = std::make_shared<UdxCallState>();
    state->function = described;
    if (described->entry->open != nullptr) {
      UdxOpenContext context{configuration.get()};
      state->state =
          described->entry->open(reinterpret_cast<const sluice_udx_open_context*>(&context));
      state->opened = true;
    }
    site.state = std::move(state);
    return "";
  };
  return kernel;
}

std::unique_ptr<ScalarFunctionRegistry> jobFunctionRegistry(const artifact::JobPlan& plan) {
  auto registry = std::make_unique<ScalarFunctionRegistry>(&ScalarFunctionRegistry::builtins());
  auto configuration = std::make_shared<const Configuration>(plan.configuration);
  // Table functions: one kernel per SQL name, over the overloads the plan uses.
  std::map<std::string, std::vector<const UdxFunction*>> tableFunctions;
  for (const artifact::NativeFunction& use : plan.nativeFunctions) {
    auto library = UdxLibrary::load(use.library);
    const auto& functions = library->functions();
    const bool present = use.index >= 0 && static_cast<size_t>(use.index) < functions.size();
    const UdxFunction* function = present ? &functions[static_cast<size_t>(use.index)] : nullptr;
    // Aggregate functions run in the aggregate operators (udx_aggregate.h), which check them.
    if (function != nullptr && function->kind == SLUICE_UDX_AGGREGATE) continue;
    bool same = function != nullptr &&
                (function->kind == SLUICE_UDX_SCALAR || function->kind == SLUICE_UDX_TABLE) &&
                function->identifier == use.identifier &&
                function->arguments.size() == use.arguments.size() &&
                function->result.sameTypeIgnoringNullability(use.result);
    for (size_t i = 0; same && i < use.arguments.size(); ++i) {
      same = function->arguments[i].sameTypeIgnoringNullability(use.arguments[i]);
    }
    if (!same) {
      throw UdxError(
          fmt::format("native library '{}' changed since the job was compiled: entry {} "
                      "is no longer the {} function '{}' it was",
                      use.library, use.index, use.result.kind() == TypeKind::Row ? "table" : "scalar",
                      use.identifier));
    }
    if (function->kind == SLUICE_UDX_TABLE) {
      tableFunctions[use.name].push_back(function);
      continue;
    }
    ScalarKernel kernel = udxScalarKernel(use.name, *function, configuration);
    kernel.symbol = symbolOf(*function, library->path(), *configuration);
    registry->add(std::move(kernel));
  }
  for (auto& [name, overloads] : tableFunctions)
    registry->addTable(udxTableKernel(name, std::move(overloads), configuration));
  return registry;
}

}  // namespace sluice::runtime::udx

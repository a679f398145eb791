#include "runtime/udx/udx_table_kernels.h"

#include <fmt/format.h>

#include <cstring>

#include "runtime/data/string_ref.h"
#include "runtime/udx/udx_call_interface.h"
#include "runtime/udx/udx_host.h"
#include "runtime/udx/udx_types.h"

namespace sluice::runtime::udx {
namespace {

// One bound call site: the chosen overload, the rows of the call in progress, and the CallSite
// a sluice_udx_call* reaches it through.
struct TableCallSite {
  const UdxFunction* function = nullptr;
  std::vector<AbiType> fieldTypes;
  CallSite site;
  std::vector<std::vector<Value>>* rows = nullptr;  // set during a call
};

Value box(const sluice_udx_value& value, AbiType type) {
  if (value.is_null != 0) return Value::null();
  switch (type) {
    case AbiType::Float32:
    case AbiType::Float64: return Value::ofReal(value.v.f64);
    case AbiType::String:
      // Copied: the library may have written it into call-scoped memory.
      return Value::ofBytes(std::string(sluice_udx_string_data(&value.v.str), value.v.str.length));
    default: return Value::ofInteger(value.v.i64);
  }
}

void emitRow(TableCallSite& bound, FunctionCall& call, const sluice_udx_value* values,
             int32_t count) {
  if (bound.rows == nullptr) {
    call.fail("emit_row outside a call of the table function");
    return;
  }
  if (count != static_cast<int32_t>(bound.fieldTypes.size()) || values == nullptr) {
    call.fail(fmt::format("emit_row got {} values, the row {} has {}", count,
                          bound.function->resultText, bound.fieldTypes.size()));
    return;
  }
  std::vector<Value> row;
  row.reserve(bound.fieldTypes.size());
  for (size_t i = 0; i < bound.fieldTypes.size(); ++i) row.push_back(box(values[i], bound.fieldTypes[i]));
  bound.rows->push_back(std::move(row));
}

const UdxFunction* chooseOverload(const std::vector<const UdxFunction*>& overloads,
                                  const std::vector<DataType>& arguments) {
  for (const UdxFunction* function : overloads) {
    if (function->arguments.size() != arguments.size()) continue;
    bool same = true;
    for (size_t i = 0; same && i < arguments.size(); ++i) {
      same = function->arguments[i].sameTypeIgnoringNullability(arguments[i]);
    }
    if (same) return function;
  }
  // A type of the same storage (CHAR(n) for STRING): the values unbox the same way.
  for (const UdxFunction* function : overloads) {
    if (function->arguments.size() != arguments.size()) continue;
    bool same = true;
    for (size_t i = 0; same && i < arguments.size(); ++i) {
      same = abiTypeOfUdx(function->arguments[i]) == abiTypeOfUdx(arguments[i]);
    }
    if (same) return function;
  }
  return nullptr;
}

}  // namespace

TableKernel udxTableKernel(const std::string& name, std::vector<const UdxFunction*> overloads,
                           std::shared_ptr<const Configuration> configuration) {
  TableKernel kernel;
  kernel.name = name;
  kernel.bind = [name, overloads, configuration](const std::vector<DataType>& arguments,
                                                 const std::vector<DataType>& fields,
                                                 std::string& error) -> TableEntry {
    const UdxFunction* function = chooseOverload(overloads, arguments);
    if (function == nullptr || !function->signature) {
      std::string types;
      for (size_t i = 0; i < arguments.size(); ++i)
        types += (i > 0 ? ", " : "") + arguments[i].toString();
      error = "no native overload takes (" + types + ")";
      return {};
    }
    if (fields.size() != function->result.fields().size()) {
      error = fmt::format("the plan has {} columns, {} returns {}", fields.size(),
                          function->identifier, function->resultText);
      return {};
    }
    auto bound = std::make_shared<TableCallSite>();
    bound->function = function;
    for (const RowField& field : function->result.fields())
      bound->fieldTypes.push_back(abiTypeOfUdx(*field.type));
    bound->site.function = name;
    bound->site.argumentTypes = arguments;
    bound->site.resultType = function->result;
    auto state = std::make_shared<UdxCallState>();
    state->function = function;
    // The raw pointer: `bound` owns the state (through its CallSite), never the reverse.
    TableCallSite* site = bound.get();
    state->emitRow = [site](FunctionCall& call, const sluice_udx_value* values, int32_t count) {
      emitRow(*site, call, values, count);
    };
    if (function->entry->open != nullptr) {
      UdxOpenContext context{configuration.get()};
      state->state =
          function->entry->open(reinterpret_cast<const sluice_udx_open_context*>(&context));
      state->opened = true;
    }
    bound->site.state = std::move(state);
    return [bound](TaskContext& task, const std::vector<Value>& values,
                   std::vector<std::vector<Value>>& rows) {
      const UdxSignature& signature = *bound->function->signature;
      for (const Value& value : values) {
        if (value.isNull) return;  // no call, no rows
      }
      FunctionCall call;
      call.task = &task;
      call.site = &bound->site;
      FunctionCall* callPointer = &call;
      std::vector<ArgumentSlot> slots(values.size());
      std::vector<void*> pointers;
      pointers.reserve(values.size() + 1);
      pointers.push_back(&callPointer);
      for (size_t i = 0; i < values.size(); ++i) {
        pointers.push_back(unbox(values[i], signature.arguments[i], slots[i]));
      }
      bound->rows = &rows;
      ffi_arg ignored = 0;
      ffi_call(const_cast<ffi_cif*>(&signature.cif),
               reinterpret_cast<void (*)()>(bound->function->entry->row), &ignored,
               pointers.data());
      bound->rows = nullptr;
    };
  };
  return kernel;
}

}  // namespace sluice::runtime::udx

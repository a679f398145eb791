#include "runtime/functions/scalar_kernel.h"

#include <strings.h>

#include <stdexcept>

#include "runtime/functions/builtins/builtin_library.h"

namespace sluice::runtime {
namespace {

AbiType abiTypeOf(PhysicalType type) {
  switch (type) {
    case PhysicalType::Bool: return AbiType::Bool;
    case PhysicalType::Null:
    case PhysicalType::Int8: return AbiType::Int8;
    case PhysicalType::Int16: return AbiType::Int16;
    case PhysicalType::Int32: return AbiType::Int32;
    case PhysicalType::Int64: return AbiType::Int64;
    case PhysicalType::Int128: return AbiType::Int128;
    case PhysicalType::Float32: return AbiType::Float32;
    case PhysicalType::Float64: return AbiType::Float64;
    case PhysicalType::String: return AbiType::String;
    case PhysicalType::Row:
    case PhysicalType::Array:
    case PhysicalType::Map: return AbiType::Void;
  }
  return AbiType::Void;
}

bool storageMatches(AbiType abi, const DataType& type) {
  return abi == abiTypeOf(physicalTypeOf(type));
}

std::string kindName(TypeKind kind) {
  switch (kind) {
    case TypeKind::Char: return "CHAR";
    case TypeKind::VarChar: return "STRING";
    case TypeKind::Binary: return "BINARY";
    case TypeKind::VarBinary: return "BYTES";
    default: break;
  }
  // The type's own name without parameters ("DECIMAL(10, 0)" -> "DECIMAL").
  switch (kind) {
    case TypeKind::Boolean: return "BOOLEAN";
    case TypeKind::TinyInt: return "TINYINT";
    case TypeKind::SmallInt: return "SMALLINT";
    case TypeKind::Int: return "INT";
    case TypeKind::BigInt: return "BIGINT";
    case TypeKind::Float: return "FLOAT";
    case TypeKind::Double: return "DOUBLE";
    case TypeKind::Decimal: return "DECIMAL";
    case TypeKind::Date: return "DATE";
    case TypeKind::Time: return "TIME";
    case TypeKind::Timestamp: return "TIMESTAMP";
    case TypeKind::TimestampLtz: return "TIMESTAMP_LTZ";
    case TypeKind::IntervalYearMonth: return "INTERVAL YEAR TO MONTH";
    case TypeKind::IntervalDayTime: return "INTERVAL DAY TO SECOND";
    case TypeKind::Array: return "ARRAY";
    case TypeKind::Multiset: return "MULTISET";
    case TypeKind::Map: return "MAP";
    case TypeKind::Row: return "ROW";
    case TypeKind::Raw: return "RAW";
    case TypeKind::Symbol: return "SYMBOL";
    case TypeKind::Null: return "NULL";
    default: return "?";
  }
}

bool isNestedKind(TypeKind kind) {
  return kind == TypeKind::Row || kind == TypeKind::Array || kind == TypeKind::Multiset ||
         kind == TypeKind::Map;
}

// Whether `arguments` (types of a call) fit `kernel`'s declared arguments by kind.
bool kindsMatch(const ScalarKernel& kernel, const std::vector<DataType>& arguments) {
  if (kernel.variadic) {
    for (const DataType& argument : arguments) {
      if (!kernel.arguments[0].matches(argument)) return false;
    }
    return true;
  }
  if (kernel.arguments.size() != arguments.size()) return false;
  for (size_t i = 0; i < arguments.size(); ++i) {
    if (!kernel.arguments[i].matches(arguments[i])) return false;
  }
  return true;
}

// Whether `arguments` fit `kernel` by kind and by storage (the C types its row entry takes).
bool storageMatchesAll(const ScalarKernel& kernel, const std::vector<DataType>& arguments) {
  for (size_t i = 0; i < arguments.size(); ++i) {
    const AbiType abi = kernel.variadic ? kernel.variadicElement : kernel.abiArguments[i];
    if (!storageMatches(abi, arguments[i])) return false;
  }
  return true;
}

void checkShape(const ScalarKernel& kernel) {
  if (!kernel.nestedEntry) {
    if (!kernel.rowEntry || (!kernel.vectorEntry && !kernel.variadicEntry)) {
      throw std::logic_error("kernel " + kernel.signature() + " has no row or vector entry");
    }
    return;
  }
  // Compiled code calls row entries only; nested values have no ABI form.
  if (kernel.rowEntry || kernel.vectorEntry || kernel.variadicEntry) {
    throw std::logic_error("nested kernel " + kernel.signature() + " has a row or vector entry");
  }
  // The code generator refuses nested types before it looks calls up: a nested kernel must have a
  // nested argument or result, so that it can never be found for a call compiled code makes.
  bool nested = kernel.result.onlyNested();
  for (const Accepts& argument : kernel.arguments) nested = nested || argument.onlyNested();
  if (!nested) {
    throw std::logic_error("nested kernel " + kernel.signature() +
                           " has neither a nested argument nor a nested result");
  }
}

}  // namespace

bool Accepts::onlyNested() const {
  if (kinds_.empty()) return false;
  for (TypeKind kind : kinds_) {
    if (!isNestedKind(kind)) return false;
  }
  return true;
}

ScalarKernel nestedKernel(std::string name, std::vector<Accepts> arguments, Accepts result,
                          NestedEntry entry) {
  ScalarKernel kernel;
  kernel.name = std::move(name);
  kernel.arguments = std::move(arguments);
  kernel.result = std::move(result);
  kernel.nestedEntry = entry;
  return kernel;
}

ScalarKernel variadicNestedKernel(std::string name, Accepts element, Accepts result,
                                  NestedEntry entry) {
  ScalarKernel kernel =
      nestedKernel(std::move(name), {std::move(element)}, std::move(result), entry);
  kernel.variadic = true;
  return kernel;
}

bool Accepts::matches(const DataType& type) const {
  if (kinds_.empty()) return true;
  for (TypeKind kind : kinds_) {
    if (kind == type.kind()) return true;
  }
  return false;
}

std::string Accepts::toString() const {
  if (kinds_.empty()) return "ANY";
  std::string out;
  for (size_t i = 0; i < kinds_.size(); ++i) out += (i > 0 ? "|" : "") + kindName(kinds_[i]);
  return out;
}

std::string ScalarKernel::signature() const {
  std::string out = name + "(";
  for (size_t i = 0; i < arguments.size(); ++i) {
    out += (i > 0 ? ", " : "") + arguments[i].toString();
  }
  if (variadic) out += "...";
  return out + ") -> " + result.toString();
}

void ScalarFunctionRegistry::add(ScalarKernel kernel) {
  checkShape(kernel);
  kernels_.push_back(std::move(kernel));
}

const ScalarKernel* ScalarFunctionRegistry::find(const std::string& name,
                                                 const std::vector<DataType>& arguments,
                                                 const DataType& result) const {
  for (const ScalarKernel& kernel : kernels_) {
    if (strcasecmp(kernel.name.c_str(), name.c_str()) != 0) continue;
    if (!kernel.result.matches(result) || !kindsMatch(kernel, arguments)) continue;
    // Nested kernels read any storage; row-level kernels need their C types.
    if (kernel.nestedEntry) return &kernel;
    if (storageMatches(kernel.abiResult, result) && storageMatchesAll(kernel, arguments)) {
      return &kernel;
    }
  }
  return base_ != nullptr ? base_->find(name, arguments, result) : nullptr;
}

std::string ScalarFunctionRegistry::extensionKey() const {
  if (base_ == nullptr) return "";
  std::string key = base_->extensionKey();
  for (const ScalarKernel& kernel : kernels_) key += (kernel.symbol.empty() ? kernel.signature() : kernel.symbol) + ";";
  return key;
}

std::vector<const ScalarKernel*> ScalarFunctionRegistry::overloads(const std::string& name) const {
  std::vector<const ScalarKernel*> found;
  for (const ScalarKernel& kernel : kernels_) {
    if (strcasecmp(kernel.name.c_str(), name.c_str()) == 0) found.push_back(&kernel);
  }
  if (base_ != nullptr) {
    for (const ScalarKernel* kernel : base_->overloads(name)) found.push_back(kernel);
  }
  return found;
}

const TableKernel* ScalarFunctionRegistry::findTable(const std::string& name) const {
  if (const TableKernel* kernel = tables_.find(name)) return kernel;
  return base_ != nullptr ? base_->findTable(name) : TableFunctionRegistry::builtins().find(name);
}

const ScalarFunctionRegistry& ScalarFunctionRegistry::builtins() {
  static const ScalarFunctionRegistry registry = [] {
    ScalarFunctionRegistry r;
    builtins::registerAll(r);
    return r;
  }();
  return registry;
}

}  // namespace sluice::runtime

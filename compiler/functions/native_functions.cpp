#include "compiler/functions/native_functions.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "compiler/functions/type_rules.h"

namespace sluice {

std::string NativeOverload::signature(const std::string& name) const {
  std::string out = name + "(";
  for (size_t i = 0; i < arguments.size(); ++i)
    out += (i > 0 ? ", " : "") + arguments[i].toString();
  return out + ") -> " + result.toString();
}

const NativeLibraryInfo& NativeLibraries::load(const std::string& path) {
  if (!loader_) {
    throw std::runtime_error("native library '" + path +
                             "' cannot be loaded: this tool has no "
                             "native function loader");
  }
  NativeLibraryInfo info = loader_(path);
  for (const NativeLibraryInfo& loaded : libraries_) {
    if (loaded.path == info.path) return loaded;
  }
  libraries_.push_back(std::move(info));
  return libraries_.back();
}

std::vector<NativeFunctionInfo> NativeLibraries::find(
    const std::string& identifier, const std::vector<std::string>& preferred) const {
  auto inLibrary = [&](const NativeLibraryInfo& library) {
    std::vector<NativeFunctionInfo> found;
    for (const NativeFunctionInfo& function : library.functions) {
      if (function.overload.identifier == identifier) found.push_back(function);
    }
    return found;
  };
  for (const std::string& path : preferred) {
    for (const NativeLibraryInfo& library : libraries_) {
      if (library.path != path) continue;
      if (auto found = inLibrary(library); !found.empty()) return found;
    }
  }
  for (const NativeLibraryInfo& library : libraries_) {
    if (auto found = inLibrary(library); !found.empty()) return found;
  }
  return {};
}

std::vector<std::string> NativeLibraries::identifiers() const {
  std::set<std::string> names;
  for (const NativeLibraryInfo& library : libraries_) {
    for (const NativeFunctionInfo& function : library.functions)
      names.insert(function.overload.identifier);
  }
  return {names.begin(), names.end()};
}

std::vector<std::string> splitLibraryPath(const std::string& list) {
  std::vector<std::string> paths;
  std::string current;
  auto flush = [&] {
    const size_t first = current.find_first_not_of(" \t");
    const size_t last = current.find_last_not_of(" \t");
    if (first != std::string::npos) paths.push_back(current.substr(first, last - first + 1));
    current.clear();
  };
  for (char c : list) {
    if (c == ',' || c == ':') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return paths;
}

namespace {

bool exactMatch(const NativeOverload& overload, std::span<const CallOperand> operands) {
  for (size_t i = 0; i < operands.size(); ++i) {
    const DataType& type = operands[i].type;
    if (type.kind() == TypeKind::Null) continue;  // an untyped NULL fits any parameter
    if (type.kind() != overload.arguments[i].kind()) return false;
  }
  return true;
}

bool implicitMatch(const NativeOverload& overload, std::span<const CallOperand> operands) {
  for (size_t i = 0; i < operands.size(); ++i) {
    if (!canCastImplicitly(operands[i].type.withNullable(true), overload.arguments[i]))
      return false;
  }
  return true;
}

// Whether every parameter of `a` converts implicitly to `b`'s: `a` is at least as specific.
bool moreSpecific(const NativeOverload& a, const NativeOverload& b) {
  for (size_t i = 0; i < a.arguments.size(); ++i) {
    if (!canCastImplicitly(a.arguments[i], b.arguments[i])) return false;
  }
  return true;
}

// The definition of a scalar or table function implemented by these overloads.
FunctionDefinition nativeDefinition(const std::string& name, FunctionKind kind,
                                    std::vector<NativeOverload> overloads) {
  FunctionDefinition definition;
  definition.name = name;
  definition.kind = kind;
  definition.deterministic = std::all_of(overloads.begin(), overloads.end(),
                                         [](const NativeOverload& o) { return o.deterministic; });
  for (const NativeOverload& overload : overloads)
    definition.signatures.push_back(overload.signature(name));
  definition.nativeOverloads = overloads;
  definition.infer = [name, overloads,
                      kind](std::span<const CallOperand> operands) -> Result<CallTyping> {
    const NativeOverload* chosen = nullptr;
    for (const NativeOverload& overload : overloads) {
      if (overload.arguments.size() == operands.size() && exactMatch(overload, operands)) {
        chosen = &overload;
        break;
      }
    }
    for (const NativeOverload& overload : overloads) {
      if (chosen != nullptr) break;
      if (overload.arguments.size() != operands.size() || !implicitMatch(overload, operands))
        continue;
      bool best = true;
      for (const NativeOverload& other : overloads) {
        if (&other == &overload || other.arguments.size() != operands.size()) continue;
        if (implicitMatch(other, operands) && !moreSpecific(overload, other)) best = false;
      }
      if (best) chosen = &overload;
    }
    if (chosen == nullptr) {
      std::string call = name + "(";
      for (size_t i = 0; i < operands.size(); ++i)
        call += (i > 0 ? ", " : "") + operands[i].type.toString();
      std::string message = "no overload of " + call + ") matches; " + name + " is";
      for (size_t i = 0; i < overloads.size(); ++i) {
        message += (i > 0 ? " or " : " ") + overloads[i].signature(name);
      }
      return fail(message);
    }
    // An aggregate's result is NULL without rows, or by get_value.
    bool nullable = chosen->mayReturnNull || kind == FunctionKind::Aggregate;
    CallTyping typing;
    for (size_t i = 0; i < operands.size(); ++i) {
      nullable = nullable || operands[i].type.nullable();
      typing.operandTypes.push_back(chosen->arguments[i].withNullable(operands[i].type.nullable()));
    }
    typing.result = chosen->result.withNullable(nullable);
    return typing;
  };
  return definition;
}

}  // namespace

FunctionDefinition nativeScalarDefinition(const std::string& name,
                                          std::vector<NativeOverload> overloads) {
  return nativeDefinition(name, FunctionKind::Scalar, std::move(overloads));
}

FunctionDefinition nativeTableDefinition(const std::string& name,
                                         std::vector<NativeOverload> overloads) {
  return nativeDefinition(name, FunctionKind::Table, std::move(overloads));
}

FunctionDefinition nativeAggregateDefinition(const std::string& name,
                                             std::vector<NativeOverload> overloads) {
  return nativeDefinition(name, FunctionKind::Aggregate, std::move(overloads));
}

const NativeOverload* nativeOverloadOf(const FunctionDefinition& definition,
                                       const std::vector<DataType>& operandTypes) {
  for (const NativeOverload& overload : definition.nativeOverloads) {
    bool same = overload.arguments.size() == operandTypes.size();
    for (size_t i = 0; same && i < operandTypes.size(); ++i) {
      same = overload.arguments[i].sameTypeIgnoringNullability(operandTypes[i]);
    }
    if (same) return &overload;
  }
  return nullptr;
}

}  // namespace sluice

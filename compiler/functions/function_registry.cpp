#include "compiler/functions/function_registry.h"

#include "compiler/types/identifier_case.h"

namespace sluice {

void FunctionRegistry::add(FunctionDefinition definition) {
  std::string key = toUpperAscii(definition.name);
  byUpperName_.insert_or_assign(std::move(key), std::move(definition));
}

const FunctionDefinition* FunctionRegistry::find(std::string_view name) const {
  auto it = byUpperName_.find(toUpperAscii(name));
  return it == byUpperName_.end() ? nullptr : &it->second;
}

std::vector<std::string> FunctionRegistry::names() const {
  std::vector<std::string> out;
  out.reserve(byUpperName_.size());
  for (const auto& [upper, definition] : byUpperName_) out.push_back(upper);
  return out;
}

}  // namespace sluice

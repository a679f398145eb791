#include "compiler/catalog/catalog.h"

#include "compiler/types/identifier_case.h"

namespace sluice {

std::string TableDefinition::qualifiedName() const {
  std::string out;
  for (const auto& part : name) out += (out.empty() ? "" : ".") + part;
  return out;
}

std::optional<std::string> TableDefinition::connector() const {
  return ConnectorRegistry::connectorIdentifier(options);
}

int TableDefinition::columnIndex(const std::string& column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return static_cast<int>(i);
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    if (equalsIgnoreCase(columns[i].name, column)) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::pair<std::string, DataType>> TableDefinition::rowType() const {
  std::vector<std::pair<std::string, DataType>> row;
  for (const auto& column : columns) row.emplace_back(column.name, column.type);
  return row;
}

Catalog::Catalog()
    : functions_(FunctionRegistry::withBuiltins()), connectors_(ConnectorRegistry::withBuiltins()) {}

std::vector<std::string> Catalog::qualify(const std::vector<std::string>& name) const {
  if (name.size() >= 3) return {name[name.size() - 3], name[name.size() - 2], name.back()};
  if (name.size() == 2) return {currentCatalog_, name[0], name[1]};
  return {currentCatalog_, currentDatabase_, name.empty() ? "" : name[0]};
}

std::string Catalog::display(const std::vector<std::string>& name) const {
  std::string out;
  for (const auto& part : name) out += (out.empty() ? "" : ".") + part;
  return out;
}

static std::string key(const std::vector<std::string>& qualified) {
  std::string out;
  for (const auto& part : qualified) out += part + '\x1f';
  return out;
}

template <typename Map>
static auto findByName(const Map& map, const std::vector<std::string>& qualified)
    -> decltype(map.begin()->second.get()) {
  auto it = map.find(key(qualified));
  if (it != map.end()) return it->second.get();
  // Identifiers are case-sensitive in Flink, but Blink jobs mix cases freely: fall back to a
  // unique case-insensitive match.
  decltype(map.begin()->second.get()) found = nullptr;
  for (const auto& [k, value] : map) {
    if (value->name.size() != qualified.size()) continue;
    bool same = true;
    for (size_t i = 0; i < qualified.size(); ++i) same = same && equalsIgnoreCase(value->name[i], qualified[i]);
    if (same) {
      if (found != nullptr) return nullptr;
      found = value.get();
    }
  }
  return found;
}

const TableDefinition* Catalog::findTable(const std::vector<std::string>& name) const {
  return findByName(tables_, qualify(name));
}

std::shared_ptr<const TableDefinition> Catalog::tableHandle(
    const std::vector<std::string>& name) const {
  const TableDefinition* table = findTable(name);
  if (table == nullptr) return nullptr;
  return tables_.at(key(table->name));
}

const ViewDefinition* Catalog::findView(const std::vector<std::string>& name) const {
  return findByName(views_, qualify(name));
}

const UserFunction* Catalog::findUserFunction(const std::string& name) const {
  auto it = userFunctions_.find(toUpperAscii(name));
  return it == userFunctions_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalog::tableAndViewNames() const {
  auto names = tableNames();
  auto views = viewNames();
  names.insert(names.end(), views.begin(), views.end());
  return names;
}

std::vector<std::string> Catalog::tableNames() const {
  std::vector<std::string> names;
  for (const auto& [k, table] : tables_) names.push_back(table->name.back());
  return names;
}

std::vector<std::string> Catalog::viewNames() const {
  std::vector<std::string> names;
  for (const auto& [k, view] : views_) names.push_back(view->name.back());
  return names;
}

std::vector<std::string> Catalog::userFunctionNames() const {
  std::vector<std::string> names;
  for (const auto& [k, function] : userFunctions_) names.push_back(function.name.back());
  return names;
}

void Catalog::addTable(std::shared_ptr<TableDefinition> table) {
  table->name = qualify(table->name);
  tables_[key(table->name)] = std::move(table);
}

void Catalog::addView(std::shared_ptr<ViewDefinition> view) {
  view->name = qualify(view->name);
  views_[key(view->name)] = std::move(view);
}

void Catalog::addUserFunction(UserFunction function) {
  userFunctions_[toUpperAscii(function.name.back())] = std::move(function);
}

bool Catalog::dropTable(const std::vector<std::string>& name) {
  const TableDefinition* table = findTable(name);
  if (table == nullptr) return false;
  tables_.erase(key(table->name));
  return true;
}

bool Catalog::dropView(const std::vector<std::string>& name) {
  const ViewDefinition* view = findView(name);
  if (view == nullptr) return false;
  views_.erase(key(view->name));
  return true;
}

bool Catalog::dropUserFunction(const std::string& name) {
  return userFunctions_.erase(toUpperAscii(name)) > 0;
}

}  // namespace sluice

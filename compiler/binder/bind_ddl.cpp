// CREATE VIEW / FUNCTION, DROP, ALTER TABLE, SHOW and DESCRIBE.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

BoundStatement Binder::createView(const ast::CreateView& statement) {
  if (catalog_.findView(statement.name) != nullptr || catalog_.findTable(statement.name) != nullptr) {
    if (statement.ifNotExists) return {BoundStatementKind::CatalogChange, statement.location, "", {}, {}, ""};
    throw UserError(statement.location, "view '" + catalog_.display(statement.name) + "' already exists");
  }
  // Bind once now so errors in the view are reported where it is defined.
  BoundRelation bound = query(*statement.query, nullptr);
  if (!statement.columns.empty() && statement.columns.size() != bound.node->schema.size()) {
    throw UserError(statement.location,
                    fmt::format("view '{}' names {} columns but its query returns {}",
                                statement.name.back(), statement.columns.size(),
                                bound.node->schema.size()));
  }
  auto view = std::make_shared<ViewDefinition>();
  view->name = statement.name;
  view->columnNames = statement.columns;
  view->query = std::shared_ptr<const ast::Query>(std::shared_ptr<const ast::CreateView>(),
                                                  statement.query.get());
  view->location = statement.location;
  catalog_.addView(view);
  return {BoundStatementKind::CatalogChange, statement.location, "CREATE VIEW " + statement.name.back(), {}, {}, ""};
}

void Binder::loadNativeLibraries(const std::string& list, SourceLocation location) {
  for (const std::string& path : splitLibraryPath(list)) {
    try {
      catalog_.nativeLibraries().load(path);
    } catch (const std::runtime_error& error) {
      throw UserError(location, error.what());
    }
  }
}

namespace {

std::string offeredIdentifiers(const NativeLibraries& libraries) {
  const std::vector<std::string> identifiers = libraries.identifiers();
  if (identifiers.empty()) return "no native library is loaded (USING LIBRARY 'x.so', SET 'sqlc.udx.path' or sqlc --udx)";
  std::string out = "the loaded libraries offer ";
  for (size_t i = 0; i < identifiers.size(); ++i) out += (i > 0 ? ", '" : "'") + identifiers[i] + "'";
  return out;
}

}  // namespace

// The identifier resolves against the native libraries loaded so far, those the statement names
// with USING LIBRARY first. USING JAR names Java code Sluice cannot run: it is accepted as Flink
// accepts it, and the identifier still resolves against native libraries, so that a Flink job
// runs unmodified when a library provides its functions. An identifier no library provides is a
// warning (the job still checks: its calls are untyped, as for any Java function) unless the
// statement named a library, where it is an error.
BoundStatement Binder::createFunction(const ast::CreateFunction& statement) {
  if (catalog_.findUserFunction(statement.name.back()) != nullptr) {
    if (statement.ifNotExists) return {BoundStatementKind::CatalogChange, statement.location, "", {}, {}, ""};
    throw UserError(statement.location, "function '" + statement.name.back() + "' already exists");
  }
  std::vector<std::string> named;
  for (const auto& [kind, resource] : statement.resources) {
    if (kind != "LIBRARY") continue;
    try {
      named.push_back(catalog_.nativeLibraries().load(resource).path);
    } catch (const std::runtime_error& error) {
      throw UserError(statement.location, error.what());
    }
  }
  UserFunction function;
  function.name = statement.name;
  function.identifier = statement.identifier;
  function.language = statement.language.empty() ? "JAVA" : statement.language;
  function.temporary = statement.temporary;
  function.system = statement.system;
  const std::string& name = statement.name.back();
  const std::vector<NativeFunctionInfo> found = catalog_.nativeLibraries().find(statement.identifier, named);
  if (found.empty()) {
    const std::string message = fmt::format("no native implementation of '{}' is loaded; {}",
                                            statement.identifier,
                                            offeredIdentifiers(catalog_.nativeLibraries()));
    if (!named.empty()) throw UserError(statement.identifierLocation, message);
    diagnostics_.warning(statement.identifierLocation,
                         message + fmt::format("; calls to {} are not type-checked", name));
  } else {
    // Every entry under one identifier is of one kind: overloads of one function.
    std::vector<NativeOverload> overloads;
    for (const NativeFunctionInfo& info : found) overloads.push_back(info.overload);
    const std::string upper = toUpperAscii(name);
    FunctionDefinition definition =
        found.front().kind == FunctionKind::Table ? nativeTableDefinition(upper, std::move(overloads))
        : found.front().kind == FunctionKind::Aggregate
            ? nativeAggregateDefinition(upper, std::move(overloads))
            : nativeScalarDefinition(upper, std::move(overloads));
    function.implementation = std::make_shared<const FunctionDefinition>(std::move(definition));
  }
  catalog_.addUserFunction(std::move(function));
  return {BoundStatementKind::CatalogChange, statement.location, "CREATE FUNCTION " + statement.name.back(), {}, {}, ""};
}

BoundStatement Binder::alterView(const ast::AlterView& statement) {
  const ViewDefinition* existing = catalog_.findView(statement.name);
  if (existing == nullptr) {
    throw UserError(statement.location, "view '" + catalog_.display(statement.name) + "' not found");
  }
  auto view = std::make_shared<ViewDefinition>(*existing);
  if (statement.query) {
    query(*statement.query, nullptr);  // report errors where the view is redefined
    view->query = std::shared_ptr<const ast::Query>(std::shared_ptr<const ast::AlterView>(),
                                                    statement.query.get());
    view->columnNames.clear();
  }
  if (!statement.newName.empty()) {
    catalog_.dropView(statement.name);
    view->name = statement.newName;
  }
  catalog_.addView(view);
  return {BoundStatementKind::CatalogChange, statement.location, "ALTER VIEW " + statement.name.back(), {}, {}, ""};
}

BoundStatement Binder::alterFunction(const ast::CreateFunction& statement) {
  const UserFunction* existing = catalog_.findUserFunction(statement.name.back());
  if (existing == nullptr) {
    if (statement.ifNotExists) return {BoundStatementKind::CatalogChange, statement.location, "", {}, {}, ""};
    throw UserError(statement.location, "function '" + statement.name.back() + "' does not exist");
  }
  catalog_.dropUserFunction(statement.name.back());
  ast::CreateFunction replacement(statement.location);
  replacement.name = statement.name;
  replacement.identifier = statement.identifier;
  replacement.identifierLocation = statement.identifierLocation;
  replacement.language = statement.language;
  replacement.temporary = statement.temporary;
  replacement.system = statement.system;
  replacement.resources = statement.resources;
  return createFunction(replacement);
}

BoundStatement Binder::drop(const ast::Drop& statement) {
  bool dropped = true;
  if (statement.objectKind == "TABLE") {
    dropped = catalog_.dropTable(statement.name);
  } else if (statement.objectKind == "VIEW") {
    dropped = catalog_.dropView(statement.name);
  } else if (statement.objectKind == "FUNCTION") {
    dropped = catalog_.dropUserFunction(statement.name.back());
  }
  if (!dropped && !statement.ifExists) {
    throw UserError(statement.location, fmt::format("{} '{}' does not exist",
                                                    toLowerAscii(statement.objectKind),
                                                    catalog_.display(statement.name)));
  }
  return {BoundStatementKind::CatalogChange, statement.location,
          "DROP " + statement.objectKind + " " + statement.name.back(), {}, {}, ""};
}

BoundStatement Binder::alterTable(const ast::AlterTable& statement) {
  auto existing = catalog_.tableHandle(statement.name);
  if (!existing) {
    if (statement.ifExists) return {BoundStatementKind::CatalogChange, statement.location, "", {}, {}, ""};
    throw UserError(statement.location, "table '" + catalog_.display(statement.name) + "' not found");
  }
  auto table = std::make_shared<TableDefinition>(*existing);
  if (!statement.newName.empty()) {
    catalog_.dropTable(statement.name);
    table->name = statement.newName;
  }
  for (const auto& option : statement.setOptions) {
    bool replaced = false;
    for (auto& [key, value] : table->options) {
      if (key == option.key) {
        value = option.value;
        replaced = true;
      }
    }
    if (!replaced) table->options.emplace_back(option.key, option.value);
  }
  for (const auto& key : statement.resetKeys) {
    std::erase_if(table->options, [&](const auto& entry) { return entry.first == key; });
  }
  applyColumnChanges(statement, *table);
  for (const auto& problem : catalog_.connectors().validate(table->options)) {
    diagnostics_.error(statement.location, problem.message);
  }
  catalog_.addTable(table);
  return {BoundStatementKind::CatalogChange, statement.location, "ALTER TABLE " + statement.name.back(), {}, {}, ""};
}

BoundStatement Binder::show(const ast::Show& statement) {
  BoundStatement result{BoundStatementKind::Show, statement.location, "SHOW " + statement.what, {}, {}, ""};
  std::vector<std::string> lines;
  if (statement.what == "TABLES") {
    lines = catalog_.tableAndViewNames();
  } else if (statement.what == "VIEWS") {
    lines = catalog_.viewNames();
  } else if (statement.what == "FUNCTIONS") {
    lines = catalog_.functions().names();
    auto user = catalog_.userFunctionNames();
    lines.insert(lines.end(), user.begin(), user.end());
  } else if (statement.what == "USER FUNCTIONS") {
    lines = catalog_.userFunctionNames();
  } else if (statement.what == "CATALOGS" || statement.what == "CURRENT CATALOG") {
    lines = {Catalog::kDefaultCatalog};
  } else if (statement.what == "DATABASES" || statement.what == "CURRENT DATABASE") {
    lines = {Catalog::kDefaultDatabase};
  } else if (statement.what == "CREATE TABLE" || statement.what == "CREATE VIEW" ||
             statement.what == "COLUMNS") {
    ast::NamedStatement describeStatement(ast::StatementKind::Describe, statement.location);
    describeStatement.name = statement.name;
    return describe(describeStatement);
  }
  std::sort(lines.begin(), lines.end());
  for (const auto& line : lines) result.text += line + "\n";
  return result;
}

BoundStatement Binder::describe(const ast::NamedStatement& statement) {
  BoundStatement result{BoundStatementKind::Show, statement.location,
                        "DESCRIBE " + statement.name.back(), {}, {}, ""};
  std::vector<plan::Field> fields;
  std::vector<std::string> key;
  std::optional<std::string> rowtime;
  std::string watermark;
  if (const TableDefinition* table = catalog_.findTable(statement.name)) {
    for (const auto& c : table->columns) fields.push_back({c.name, c.type});
    key = table->primaryKey;
    rowtime = table->rowtimeColumn;
  } else if (catalog_.findView(statement.name) != nullptr) {
    ast::TableRelation reference(statement.location);
    reference.name = statement.name;
    fields = namedTable(reference).node->schema;
  } else {
    std::string message = "table '" + catalog_.display(statement.name) + "' not found";
    std::string near = nearestName(statement.name.back(), catalog_.tableAndViewNames());
    if (!near.empty()) message += "; did you mean '" + near + "'?";
    throw UserError(statement.location, message);
  }
  for (const auto& field : fields) {
    bool isKey = std::find(key.begin(), key.end(), field.name) != key.end();
    result.text += fmt::format("{} {}{}\n", field.name, field.type.toString(), isKey ? " PRIMARY KEY" : "");
  }
  return result;
}

}  // namespace sluice

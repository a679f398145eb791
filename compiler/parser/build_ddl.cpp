// CREATE TABLE / VIEW / FUNCTION / CATALOG / DATABASE, DROP and ALTER.
#include "compiler/parser/ast_builder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

ast::StatementPtr AstBuilder::createTable(P::CreateTableContext* context) {
  auto table = std::make_unique<ast::CreateTable>(locationOf(context));
  table->name = qualifiedName(context->tableName);
  table->nameLocation = locationOf(context->tableName);
  table->temporary = context->TEMPORARY() != nullptr;
  table->ifNotExists = context->EXISTS() != nullptr;
  if (context->comment != nullptr) table->comment = stringLiteral(context->comment);
  for (auto* element : context->tableElement()) {
    if (auto* watermark = element->watermarkDefinition()) {
      if (table->watermark) {
        throw UserError(locationOf(watermark), "a table can have only one WATERMARK definition");
      }
      table->watermark = this->watermark(watermark);
    } else if (auto* constraint = element->tableConstraint()) {
      if (table->primaryKey) {
        throw UserError(locationOf(constraint), "a table can have only one PRIMARY KEY");
      }
      table->primaryKey = ast::PrimaryKeyDefinition{
          locationOf(constraint), identifierList(constraint->identifierList()),
          constraint->ENFORCED() != nullptr && constraint->NOT() == nullptr};
    } else if (element->periodForSystemTime() != nullptr) {
      table->periodForSystemTime = true;
    } else {
      table->columns.push_back(column(element->columnDefinition()));
      if (table->columns.back().primaryKey) {
        if (table->primaryKey) {
          throw UserError(table->columns.back().location,
                          "a table can have only one PRIMARY KEY");
        }
        table->primaryKey =
            ast::PrimaryKeyDefinition{table->columns.back().location, {table->columns.back().name},
                                      false};
      }
    }
  }
  table->partitionedBy = identifierList(context->partitionColumns);
  if (context->withOptions() != nullptr) {
    table->optionsLocation = locationOf(context->withOptions());
    table->options = options(context->withOptions());
  }
  if (auto* like = context->likeClause()) {
    table->likeSource = qualifiedName(like->source);
    table->likeLocation = locationOf(like->source);
    for (auto* option : like->likeOption()) {
      std::string feature = option->ALL() != nullptr ? "ALL" : toUpperAscii(identifier(option->feature));
      table->likeOptions.push_back({toUpperAscii(option->strategy->getText()), feature});
    }
  }
  if (context->query() != nullptr) table->asQuery = query(context->query());
  return table;
}

ast::WatermarkDefinition AstBuilder::watermark(P::WatermarkDefinitionContext* context) {
  ast::WatermarkDefinition definition;
  definition.location = locationOf(context);
  if (context->name != nullptr) definition.name = identifier(context->name);
  definition.column = qualifiedName(context->column);
  definition.columnLocation = locationOf(context->column);
  definition.expression = expression(context->expression());
  return definition;
}

ast::ColumnDefinition AstBuilder::column(P::ColumnDefinitionContext* context) {
  ast::ColumnDefinition column;
  column.location = locationOf(context);
  if (auto* computed = dynamic_cast<P::ComputedColumnContext*>(context)) {
    column.kind = ast::ColumnKind::Computed;
    column.name = identifier(computed->name);
    column.nameQuoted = computed->name->BACKQUOTED_IDENTIFIER() != nullptr;
    column.expression = expression(computed->expression());
    if (computed->comment != nullptr) column.comment = stringLiteral(computed->comment);
    return column;
  }
  auto* physical = dynamic_cast<P::PhysicalOrMetadataColumnContext*>(context);
  column.name = identifier(physical->name);
  column.nameQuoted = physical->name->BACKQUOTED_IDENTIFIER() != nullptr;
  column.type = dataType(physical->dataType());
  if (physical->METADATA() != nullptr) {
    column.kind = ast::ColumnKind::Metadata;
    if (physical->metadataKey != nullptr) column.metadataKey = stringLiteral(physical->metadataKey);
    column.isVirtual = physical->VIRTUAL() != nullptr;
  }
  column.primaryKey = physical->columnConstraint() != nullptr;
  if (physical->comment != nullptr) column.comment = stringLiteral(physical->comment);
  return column;
}

std::vector<ast::TableOption> AstBuilder::options(P::WithOptionsContext* context) {
  std::vector<ast::TableOption> result;
  for (auto* item : context->tableOption()) result.push_back(option(item));
  return result;
}

ast::TableOption AstBuilder::option(P::TableOptionContext* context) {
  ast::TableOption option;
  option.location = locationOf(context);
  option.key = optionKey(context->key, &option.keyQuoted);
  auto* value = context->value;
  option.valueLocation = locationOf(value);
  if (value->stringLiteral() != nullptr) {
    option.value = stringLiteral(value->stringLiteral());
  } else if (value->identifier() != nullptr) {
    option.value = identifier(value->identifier());
  } else {
    option.value = value->getText();
  }
  return option;
}

std::string AstBuilder::optionKey(P::OptionKeyContext* context, bool* quoted) {
  *quoted = context->stringLiteral() != nullptr;
  if (*quoted) return stringLiteral(context->stringLiteral());
  std::string key;
  for (auto* part : context->identifier()) {
    if (!key.empty()) key += '.';
    key += identifier(part);
  }
  return key;
}

ast::StatementPtr AstBuilder::createView(P::CreateViewContext* context) {
  auto view = std::make_unique<ast::CreateView>(locationOf(context));
  view->name = qualifiedName(context->name);
  view->temporary = context->TEMPORARY() != nullptr;
  view->ifNotExists = context->EXISTS() != nullptr;
  view->columns = identifierList(context->identifierList());
  view->query = query(context->query());
  return view;
}

ast::StatementPtr AstBuilder::createFunction(P::CreateFunctionContext* context) {
  auto function = std::make_unique<ast::CreateFunction>(locationOf(context));
  function->name = qualifiedName(context->name);
  function->temporary = context->TEMPORARY() != nullptr;
  function->system = context->SYSTEM() != nullptr;
  function->ifNotExists = context->EXISTS() != nullptr;
  function->identifier = stringLiteral(context->className);
  function->identifierLocation = locationOf(context->className);
  if (context->language != nullptr) function->language = toUpperAscii(identifier(context->language));
  auto kinds = context->identifier();
  auto resources = context->stringLiteral();
  // stringLiteral(0) is the class name; the USING resources follow it in order.
  size_t kindIndex = context->language != nullptr ? 1 : 0;
  for (size_t i = 1; i < resources.size() && kindIndex < kinds.size(); ++i, ++kindIndex) {
    function->resources.emplace_back(toUpperAscii(identifier(kinds[kindIndex])),
                                     stringLiteral(resources[i]));
  }
  return function;
}

ast::StatementPtr AstBuilder::createCatalogOrDatabase(P::CreateCatalogOrDatabaseContext* context) {
  auto kind = context->CATALOG() != nullptr ? ast::StatementKind::CreateCatalog
                                            : ast::StatementKind::CreateDatabase;
  auto statement = std::make_unique<ast::CreateCatalogOrDatabase>(kind, locationOf(context));
  statement->name = qualifiedName(context->name);
  if (context->withOptions() != nullptr) statement->options = options(context->withOptions());
  return statement;
}

ast::StatementPtr AstBuilder::drop(P::DropStatementContext* context) {
  auto drop = std::make_unique<ast::Drop>(locationOf(context));
  drop->objectKind = toUpperAscii(context->kind->getText());
  drop->name = qualifiedName(context->name);
  drop->ifExists = context->EXISTS() != nullptr;
  drop->temporary = context->TEMPORARY() != nullptr;
  if (context->behavior != nullptr) {
    std::string behavior = toUpperAscii(identifier(context->behavior));
    if (behavior != "RESTRICT" && behavior != "CASCADE") {
      throw UserError(locationOf(context->behavior), "expected RESTRICT or CASCADE, got '" +
                                                         identifier(context->behavior) + "'");
    }
  }
  return drop;
}

ast::StatementPtr AstBuilder::alterTable(P::AlterTableContext* context) {
  auto alter = std::make_unique<ast::AlterTable>(locationOf(context));
  alter->name = qualifiedName(context->name);
  alter->ifExists = context->EXISTS() != nullptr;
  if (context->newName != nullptr) alter->newName = qualifiedName(context->newName);
  if (context->column != nullptr) {
    alter->renameColumn = identifier(context->column);
    alter->renameColumnTo = identifier(context->newColumn);
  }
  for (auto* item : context->tableOption()) alter->setOptions.push_back(option(item));
  for (auto* key : context->optionKey()) {
    bool quoted = false;
    alter->resetKeys.push_back(optionKey(key, &quoted));
  }
  alter->modify = context->action != nullptr && context->action->getType() == P::MODIFY;
  for (auto* element : context->alterElement()) {
    auto* tableElement = element->tableElement();
    if (auto* w = tableElement->watermarkDefinition()) {
      alter->watermark = watermark(w);
    } else if (auto* constraint = tableElement->tableConstraint()) {
      alter->primaryKey = ast::PrimaryKeyDefinition{locationOf(constraint),
                                                    identifierList(constraint->identifierList()), false};
    } else if (tableElement->periodForSystemTime() != nullptr) {
      throw UserError(locationOf(tableElement), "PERIOD FOR SYSTEM_TIME cannot be altered");
    } else {
      ast::AlteredColumn altered;
      altered.column = column(tableElement->columnDefinition());
      altered.first = element->FIRST() != nullptr;
      if (element->identifier() != nullptr) altered.after = identifier(element->identifier());
      alter->columns.push_back(std::move(altered));
    }
  }
  if (auto* drop = context->dropTarget()) {
    if (drop->PRIMARY() != nullptr || drop->CONSTRAINT() != nullptr) {
      alter->dropPrimaryKey = true;
    } else if (drop->WATERMARK() != nullptr) {
      alter->dropWatermark = true;
    } else if (drop->identifierList() != nullptr) {
      alter->dropColumns = identifierList(drop->identifierList());
    } else {
      alter->dropColumns.push_back(identifier(drop->identifier()));
    }
  }
  return alter;
}

}  // namespace sluice

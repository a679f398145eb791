// Window table functions: TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL ..)) and HOP, CUMULATE,
// SESSION, with positional or named (DATA =>, TIMECOL =>, SIZE =>, ...) arguments. The output is
// the input's columns plus window_start, window_end and window_time.
#include <fmt/format.h>

#include <map>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

std::vector<std::string> parameterNames(const std::string& function) {
  if (function == "TUMBLE") return {"DATA", "TIMECOL", "SIZE", "OFFSET"};
  if (function == "HOP") return {"DATA", "TIMECOL", "SLIDE", "SIZE", "OFFSET"};
  if (function == "CUMULATE") return {"DATA", "TIMECOL", "STEP", "SIZE", "OFFSET"};
  return {"DATA", "TIMECOL", "GAP"};
}

}  // namespace

BoundRelation Binder::windowTableFunction(const ast::FunctionCall& call, const Scope* outer) {
  std::string name = toUpperAscii(call.name);
  std::vector<std::string> parameters = parameterNames(name);
  std::map<std::string, const ast::Expression*> arguments;
  for (size_t i = 0; i < call.arguments.size(); ++i) {
    const ast::Expression* argument = call.arguments[i].get();
    std::string parameter;
    if (argument->kind == ast::ExpressionKind::NamedArgument) {
      const auto& named = static_cast<const ast::NamedArgument&>(*argument);
      parameter = named.name;
      if (std::find(parameters.begin(), parameters.end(), parameter) == parameters.end()) {
        throw UserError(argument->location, fmt::format("{} has no parameter '{}'", name, parameter));
      }
      argument = named.value.get();
    } else {
      if (i >= parameters.size()) {
        throw UserError(argument->location, fmt::format("too many arguments to {}", name));
      }
      parameter = parameters[i];
    }
    if (arguments.count(parameter) != 0) {
      throw UserError(argument->location, fmt::format("{} is given twice", parameter));
    }
    arguments[parameter] = argument;
  }
  for (const std::string& required : parameters) {
    if (required == "OFFSET" || arguments.count(required) != 0) continue;
    throw UserError(call.location, fmt::format("{} needs its {} argument", name, required));
  }
  const ast::Expression* data = arguments["DATA"];
  if (data->kind != ast::ExpressionKind::TableArgument) {
    throw UserError(data->location, fmt::format("the first argument of {} must be TABLE t", name));
  }
  const auto& table = static_cast<const ast::TableArgument&>(*data);
  ast::TableRelation reference(table.location);
  reference.name = table.tableName;
  BoundRelation input = namedTable(reference);

  const ast::Expression* timeColumn = arguments["TIMECOL"];
  if (timeColumn->kind != ast::ExpressionKind::Descriptor ||
      static_cast<const ast::Descriptor&>(*timeColumn).columns.size() != 1) {
    throw UserError(timeColumn->location,
                    fmt::format("the time column of {} must be DESCRIPTOR(column)", name));
  }
  const auto& descriptor = static_cast<const ast::Descriptor&>(*timeColumn);
  const std::string& timeName = descriptor.columns[0];
  SourceLocation timeLocation = descriptor.columnLocations[0];
  auto time = input.scope.resolve({timeName}, timeLocation);
  if (!time || time->depth != 0) {
    throw UserError(timeLocation, fmt::format("column '{}' not found in the window's input",
                                                      timeName));
  }
  if (!time->type.isTimeAttribute()) {
    throw UserError(timeLocation,
                    fmt::format("the time column '{}' of {} must be a time attribute (a rowtime "
                                "column with a WATERMARK, or a PROCTIME() column), got {}",
                                timeName, name, time->type.toString()));
  }
  plan::WindowSpec window;
  window.timeField = time->index;
  window.eventTime = time->type.isRowtime();
  if (name == "TUMBLE") {
    window.kind = plan::WindowKind::Tumble;
    window.sizeMillis = constantMillis(*arguments["SIZE"], "window size");
  } else if (name == "HOP") {
    window.kind = plan::WindowKind::Hop;
    window.slideMillis = constantMillis(*arguments["SLIDE"], "window slide");
    window.sizeMillis = constantMillis(*arguments["SIZE"], "window size");
    if (window.sizeMillis % window.slideMillis != 0) {
      throw UserError(arguments["SIZE"]->location, "HOP window size must be a multiple of its slide");
    }
  } else if (name == "CUMULATE") {
    window.kind = plan::WindowKind::Cumulate;
    window.slideMillis = constantMillis(*arguments["STEP"], "window step");
    window.sizeMillis = constantMillis(*arguments["SIZE"], "window size");
    if (window.sizeMillis % window.slideMillis != 0) {
      throw UserError(arguments["SIZE"]->location,
                      "CUMULATE window max size must be a multiple of its step");
    }
  } else {
    window.kind = plan::WindowKind::Session;
    window.gapMillis = constantMillis(*arguments["GAP"], "session gap");
    ExpressionContext context;
    context.scope = &input.scope;
    context.clause = "PARTITION BY";
    for (const auto& key : table.partitionBy) {
      auto bound = bindExpression(*key, context);
      if (bound->kind != plan::ExpressionKind::InputRef) {
        throw UserError(key->location, "SESSION PARTITION BY supports columns only");
      }
      window.partitionKeys.push_back(bound->index);
    }
  }
  if (arguments.count("OFFSET") != 0) window.offsetMillis = constantMillis(*arguments["OFFSET"], "offset");
  if (name != "SESSION" && !table.partitionBy.empty()) {
    throw UserError(table.location, name + " does not take PARTITION BY; only SESSION does");
  }

  auto node = nodes_.make(plan::NodeKind::WindowTableFunction);
  node->inputs.push_back(input.node);
  node->window = window;
  node->description = window.digest(input.node->schema);
  std::vector<ScopeField> fields = input.scope.fields();
  for (auto& f : fields) f.type = materialized(f.type);
  bool ltz = time->type.kind() == TypeKind::TimestampLtz;
  DataType bound = (ltz ? DataType::timestampLtz(3) : DataType::timestamp(3)).notNull();
  DataType windowTime =
      window.eventTime ? bound.withTimeAttribute(TimeAttribute::Rowtime)
                       : DataType::timestampLtz(3).notNull().withTimeAttribute(TimeAttribute::Proctime);
  std::string qualifier = fields.empty() ? "" : fields[0].qualifier;
  fields.push_back({qualifier, "window_start", bound});
  fields.push_back({qualifier, "window_end", bound});
  fields.push_back({qualifier, "window_time", windowTime});
  for (const auto& f : fields) node->schema.push_back({f.name, f.type});
  Scope scope(std::move(fields));
  scope.setOuter(outer);
  return {node, std::move(scope)};
}

}  // namespace sluice

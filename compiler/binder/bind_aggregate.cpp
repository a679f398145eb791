// Aggregating SELECTs: GROUP BY (with grouping sets, legacy group windows, and window TVF
// columns), aggregate calls, HAVING. Produces Project -> Aggregate|WindowAggregate -> [Filter] ->
// Project, as Flink's planner does.
#include <fmt/format.h>

#include "compiler/binder/aggregation_state.h"
#include "compiler/binder/binder.h"
#include "compiler/binder/window_source.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

using GroupSets = std::vector<std::vector<int>>;

GroupSets crossProduct(const GroupSets& left, const GroupSets& right) {
  GroupSets out;
  for (const auto& a : left) {
    for (const auto& b : right) {
      std::vector<int> set = a;
      for (int i : b) {
        if (std::find(set.begin(), set.end(), i) == set.end()) set.push_back(i);
      }
      out.push_back(set);
    }
  }
  return out;
}

int addExpression(std::vector<plan::ExpressionRef>& list, const plan::ExpressionRef& e) {
  std::string digest = e->digest();
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i]->digest() == digest) return static_cast<int>(i);
  }
  list.push_back(e);
  return static_cast<int>(list.size() - 1);
}

}  // namespace

void Binder::bindGroupWindow(const ast::FunctionCall& call, AggregationState& state) {
  std::string name = toUpperAscii(call.name);
  if (state.window) throw UserError(call.location, "only one group window is allowed in GROUP BY");
  size_t minArgs = name == "HOP" ? 3 : 2;
  size_t maxArgs = name == "SESSION" ? 2 : minArgs + 1;
  if (call.arguments.size() < minArgs || call.arguments.size() > maxArgs) {
    throw UserError(call.location, fmt::format("{} group window takes {} to {} arguments: the time "
                                               "attribute and interval(s)", name, minArgs, maxArgs));
  }
  ExpressionContext plain;
  plain.scope = state.inputScope;
  plain.clause = "GROUP BY";
  auto time = bindExpression(*call.arguments[0], plain);
  if (time->kind != plan::ExpressionKind::InputRef || !time->type.isTimeAttribute()) {
    throw UserError(call.arguments[0]->location,
                    fmt::format("the first argument of {} must be a time attribute (a rowtime "
                                "column with a WATERMARK, or a PROCTIME() column), got {}", name,
                                time->type.toString()));
  }
  plan::WindowSpec window;
  window.timeField = time->index;
  window.eventTime = time->type.isRowtime();
  if (name == "TUMBLE") {
    window.kind = plan::WindowKind::Tumble;
    window.sizeMillis = constantMillis(*call.arguments[1], "window size");
    if (call.arguments.size() > 2) window.offsetMillis = constantMillis(*call.arguments[2], "offset");
  } else if (name == "HOP") {
    window.kind = plan::WindowKind::Hop;
    window.slideMillis = constantMillis(*call.arguments[1], "window slide");
    window.sizeMillis = constantMillis(*call.arguments[2], "window size");
    if (call.arguments.size() > 3) window.offsetMillis = constantMillis(*call.arguments[3], "offset");
  } else {
    window.kind = plan::WindowKind::Session;
    window.gapMillis = constantMillis(*call.arguments[1], "session gap");
  }
  state.window = window;
  state.windowFunction = name;
  state.windowTimeType = time->type;
  for (const auto& argument : call.arguments) {
    state.windowArgumentDigests.push_back(bindExpression(*argument, plain)->digest());
  }
}

BoundRelation Binder::aggregateSelect(const ast::SelectBlock& select, BoundRelation from,
                                      const std::vector<ast::SortItem>* orderBy) {
  AggregationState state;
  state.inputScope = &from.scope;
  ExpressionContext plain;
  plain.scope = &from.scope;
  plain.clause = "GROUP BY";
  auto addGroup = [&](const ast::Expression& e) {
    auto bound = bindExpression(e, plain);
    int index = state.groupIndex(bound->digest());
    if (index >= 0) return index;
    state.groupExpressions.push_back(bound);
    state.groupDigests.push_back(bound->digest());
    return static_cast<int>(state.groupExpressions.size() - 1);
  };
  GroupSets sets = {{}};
  bool hasSets = false;
  for (const auto& element : select.groupBy) {
    switch (element.kind) {
      case ast::GroupingKind::Expression: {
        if (element.expression->kind == ast::ExpressionKind::FunctionCall) {
          const auto& call = static_cast<const ast::FunctionCall&>(*element.expression);
          std::string name = toUpperAscii(call.name);
          if (name == "TUMBLE" || name == "HOP" || name == "SESSION") {
            bindGroupWindow(call, state);
            break;
          }
        }
        sets = crossProduct(sets, {{addGroup(*element.expression)}});
        break;
      }
      case ast::GroupingKind::Empty:
        hasSets = true;
        break;
      case ast::GroupingKind::Rollup:
      case ast::GroupingKind::Cube: {
        hasSets = true;
        std::vector<int> indexes;
        for (const auto& e : element.expressions) indexes.push_back(addGroup(*e));
        GroupSets expanded;
        size_t n = indexes.size();
        if (element.kind == ast::GroupingKind::Rollup) {
          for (size_t k = n + 1; k-- > 0;) expanded.emplace_back(indexes.begin(), indexes.begin() + static_cast<long>(k));
        } else {
          for (size_t mask = (size_t{1} << n); mask-- > 0;) {
            std::vector<int> set;
            for (size_t i = 0; i < n; ++i) {
              if ((mask & (size_t{1} << i)) != 0) set.push_back(indexes[i]);
            }
            expanded.push_back(set);
          }
        }
        sets = crossProduct(sets, expanded);
        break;
      }
      case ast::GroupingKind::GroupingSets: {
        hasSets = true;
        GroupSets expanded;
        for (const auto& set : element.sets) {
          std::vector<int> indexes;
          for (const auto& e : set) indexes.push_back(addGroup(*e));
          expanded.push_back(indexes);
        }
        sets = crossProduct(sets, expanded);
        break;
      }
    }
  }

  ExpressionContext context;
  context.scope = &from.scope;
  context.aggregation = &state;
  context.clause = "SELECT";
  auto items = selectList(select, from.scope, context);
  size_t hidden = 0;
  appendOrderColumns(orderBy, items, context, &hidden);
  plan::ExpressionRef having;
  if (select.having) {
    context.clause = "HAVING";
    having = requireBoolean(bindExpression(*select.having, context), select.having->location, "HAVING");
  }

  // The Project feeding the aggregate: group keys first, then aggregate arguments and filters.
  std::vector<plan::ExpressionRef> inputs = state.groupExpressions;
  std::vector<plan::AggregateCall> calls;
  for (size_t j = 0; j < state.aggregates.size(); ++j) {
    const auto& pending = state.aggregates[j];
    plan::AggregateCall call;
    call.function = pending.function;
    call.definition = pending.definition;
    call.distinct = pending.distinct;
    call.type = pending.type;
    call.name = "EXPR$" + std::to_string(j);
    for (const auto& operand : pending.operands) {
      if (operand->kind == plan::ExpressionKind::Symbol) continue;
      call.arguments.push_back(addExpression(inputs, operand));
    }
    if (pending.filter) call.filterArgument = addExpression(inputs, pending.filter);
    calls.push_back(std::move(call));
  }
  int groupCount = static_cast<int>(state.groupExpressions.size());
  auto aggregate = nodes_.make(plan::NodeKind::Aggregate);
  if (state.window) {
    aggregate->kind = plan::NodeKind::WindowAggregate;
    aggregate->window = *state.window;
    aggregate->window.timeField =
        addExpression(inputs, plan::inputRef(state.window->timeField, state.windowTimeType));
    aggregate->windowProperties = state.properties;
  }
  auto project = nodes_.make(plan::NodeKind::Project);
  project->inputs.push_back(from.node);
  for (size_t i = 0; i < inputs.size(); ++i) {
    project->expressions.push_back(inputs[i]);
    std::string name = inputs[i]->kind == plan::ExpressionKind::InputRef
                           ? from.node->schema[static_cast<size_t>(inputs[i]->index)].name
                           : "$f" + std::to_string(i);
    project->schema.push_back({name, inputs[i]->type});
  }
  aggregate->inputs.push_back(project);
  // A window TVF's window_start / window_end among the keys make this a window aggregation.
  if (!state.window) {
    if (auto source = findWindowSource(*project, state.groupExpressions.size())) {
      aggregate->kind = plan::NodeKind::WindowAggregate;
      aggregate->window = source->window;
      aggregate->windowed = true;
      aggregate->description = source->description;
    }
  }
  for (int i = 0; i < groupCount; ++i) {
    aggregate->groupKeys.push_back(i);
    const auto& field = project->schema[static_cast<size_t>(i)];
    bool keepsTime = aggregate->windowed && equalsIgnoreCase(field.name, "window_time");
    DataType type = keepsTime ? field.type : materialized(field.type);
    if (hasSets) type = type.withNullable(true);
    aggregate->schema.push_back({field.name, type});
  }
  if (hasSets) aggregate->groupingSets = sets;
  for (const auto& call : calls) aggregate->schema.push_back({call.name, call.type});
  aggregate->aggregates = std::move(calls);
  static const char* kPropertyNames[] = {"w$start", "w$end", "w$rowtime", "w$proctime"};
  for (size_t k = 0; k < state.properties.size(); ++k) {
    auto reference = state.propertyReference(state.properties[k]);
    aggregate->schema.push_back({kPropertyNames[static_cast<int>(state.properties[k])], reference->type});
  }
  int aggregateCount = static_cast<int>(aggregate->aggregates.size());

  plan::NodeRef top = aggregate;
  if (having) {
    auto filter = nodes_.make(plan::NodeKind::Filter);
    filter->inputs.push_back(top);
    filter->schema = top->schema;
    filter->condition = resolvePlaceholders(having, groupCount, aggregateCount);
    top = filter;
  }
  auto output = nodes_.make(plan::NodeKind::Project);
  output->inputs.push_back(top);
  for (auto& [expression, name] : items) {
    auto resolved = resolvePlaceholders(expression, groupCount, aggregateCount);
    // Group keys are re-typed by the aggregate (materialized, nullable under grouping sets).
    if (resolved->kind == plan::ExpressionKind::InputRef) {
      resolved = plan::inputRef(resolved->index, top->schema[static_cast<size_t>(resolved->index)].type);
    }
    output->expressions.push_back(resolved);
    output->schema.push_back({name, resolved->type});
  }
  return {output, scopeOf(output->schema, ""), hidden};
}

}  // namespace sluice

#include "compiler/binder/aggregation_state.h"

namespace sluice {

int AggregationState::groupIndex(const std::string& digest) const {
  for (size_t i = 0; i < groupDigests.size(); ++i) {
    if (groupDigests[i] == digest) return static_cast<int>(i);
  }
  return -1;
}

plan::ExpressionRef AggregationState::aggregateReference(PendingAggregate aggregate) {
  for (size_t i = 0; i < aggregates.size(); ++i) {
    if (aggregates[i].digest == aggregate.digest) {
      return plan::inputRef(kAggregateBase + static_cast<int>(i), aggregates[i].type);
    }
  }
  aggregates.push_back(std::move(aggregate));
  return plan::inputRef(kAggregateBase + static_cast<int>(aggregates.size() - 1),
                        aggregates.back().type);
}

static DataType propertyType(plan::WindowProperty property, const DataType& timeType) {
  switch (property) {
    case plan::WindowProperty::Start:
    case plan::WindowProperty::End:
      return timeType.kind() == TypeKind::TimestampLtz ? DataType::timestampLtz(3).notNull()
                                                       : DataType::timestamp(3).notNull();
    case plan::WindowProperty::Rowtime:
      return (timeType.kind() == TypeKind::TimestampLtz ? DataType::timestampLtz(3)
                                                        : DataType::timestamp(3))
          .notNull()
          .withTimeAttribute(TimeAttribute::Rowtime);
    case plan::WindowProperty::Proctime:
      return DataType::timestampLtz(3).notNull().withTimeAttribute(TimeAttribute::Proctime);
  }
  return DataType::timestamp(3);
}

plan::ExpressionRef AggregationState::propertyReference(plan::WindowProperty property) {
  for (size_t i = 0; i < properties.size(); ++i) {
    if (properties[i] == property) {
      return plan::inputRef(kPropertyBase + static_cast<int>(i),
                            propertyType(property, windowTimeType));
    }
  }
  properties.push_back(property);
  return plan::inputRef(kPropertyBase + static_cast<int>(properties.size() - 1),
                        propertyType(property, windowTimeType));
}

plan::ExpressionRef remapInputs(const plan::ExpressionRef& expression,
                                const std::function<int(int)>& map) {
  if (!expression) return expression;
  if (expression->kind == plan::ExpressionKind::InputRef) {
    int mapped = map(expression->index);
    if (mapped == expression->index) return expression;
    return plan::inputRef(mapped, expression->type);
  }
  if (expression->operands.empty() && !expression->over) return expression;
  auto copy = std::make_shared<plan::BoundExpression>(*expression);
  bool changed = false;
  for (auto& operand : copy->operands) {
    auto mapped = remapInputs(operand, map);
    changed = changed || mapped != operand;
    operand = mapped;
  }
  if (copy->over) {
    auto over = std::make_shared<plan::OverWindow>(*copy->over);
    for (auto& e : over->partitionBy) {
      auto mapped = remapInputs(e, map);
      changed = changed || mapped != e;
      e = mapped;
    }
    for (auto& e : over->orderBy) {
      auto mapped = remapInputs(e.first, map);
      changed = changed || mapped != e.first;
      e.first = mapped;
    }
    copy->over = over;
  }
  return changed ? copy : expression;
}

plan::ExpressionRef resolvePlaceholders(const plan::ExpressionRef& expression, int groupCount,
                                        int aggregateCount) {
  return remapInputs(expression, [&](int index) {
    if (index >= AggregationState::kPropertyBase) {
      return groupCount + aggregateCount + (index - AggregationState::kPropertyBase);
    }
    if (index >= AggregationState::kAggregateBase) {
      return groupCount + (index - AggregationState::kAggregateBase);
    }
    return index;
  });
}

}  // namespace sluice

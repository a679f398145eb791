#include "runtime/operators/operator_factory.h"

#include <stdexcept>

#include "runtime/operators/group_aggregate.h"
#include "runtime/state/state_backend_factory.h"

namespace sluice::runtime {

const ScalarFunctionRegistry& functionsOf(const OperatorContext& context) {
  return context.functions ? *context.functions : ScalarFunctionRegistry::builtins();
}

std::unique_ptr<StreamOperator> createStatefulOperator(const artifact::Node& node,
                                                       const OperatorContext& context) {
  auto state = [&] { return createStateBackend(context.plan->configuration); };
  switch (node.kind) {
    case artifact::NodeKind::GroupAggregate:
      return std::make_unique<GroupAggregateOperator>(node, context, state());
    case artifact::NodeKind::WindowAggregate:
      return makeWindowAggregateOperator(node, context, state());
    case artifact::NodeKind::WindowTableFunction:
      return makeWindowTableFunctionOperator(node, context);
    case artifact::NodeKind::Rank: return makeRankOperator(node, context, state());
    case artifact::NodeKind::Deduplicate: return makeDeduplicateOperator(node, context, state());
    case artifact::NodeKind::OverAggregate:
      return makeOverAggregateOperator(node, context, state());
    case artifact::NodeKind::Expand: return makeExpandOperator(node, context);
    case artifact::NodeKind::ReplicateRows: return makeReplicateRowsOperator(node, context);
    case artifact::NodeKind::Correlate: return makeCorrelateOperator(node, context);
    case artifact::NodeKind::ChangelogNormalize:
      return makeChangelogNormalizeOperator(node, context, state());
    case artifact::NodeKind::SinkUpsertMaterializer:
      return makeSinkUpsertMaterializer(node, context, state());
    case artifact::NodeKind::Join: return makeJoinOperator(node, context, state());
    case artifact::NodeKind::IntervalJoin:
      return makeIntervalJoinOperator(node, context, state());
    case artifact::NodeKind::WindowJoin: return makeWindowJoinOperator(node, context, state());
    case artifact::NodeKind::TemporalJoin:
      return makeTemporalJoinOperator(node, context, state());
    case artifact::NodeKind::LookupJoin: return makeLookupJoinOperator(node, context);
    default:
      throw std::invalid_argument(std::string("no stateful operator for ") +
                                  artifact::nodeKindName(node.kind));
  }
}

}  // namespace sluice::runtime

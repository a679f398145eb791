#include "compiler/physical/changelog_inference.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <tuple>

#include "compiler/catalog/catalog.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/driver/job_compiler.h"
#include "compiler/physical/connector_changelog.h"
#include "compiler/physical/operator_state.h"
#include "compiler/physical/stream_operator.h"
#include "compiler/types/identifier_case.h"

namespace sluice::physical {

namespace {

using Node = plan::LogicalNode;

// What phase 2 chooses for a node's output edge.
struct EdgeChoice {
  EdgeChoice(UpdateKind kind = UpdateKind::None,  // NOLINT(google-explicit-constructor)
             std::optional<RankStrategy> strategy = std::nullopt, bool dropsBefore = false)
      : updateKind(kind), rankStrategy(strategy), dropsUpdateBefore(dropsBefore) {}

  UpdateKind updateKind;
  std::optional<RankStrategy> rankStrategy;
  bool dropsUpdateBefore;

  bool operator==(const EdgeChoice&) const = default;
};

// Phase 2's choices for a subplan, by node (ordered, so that runs are reproducible).
using Assignment = std::map<const Node*, EdgeChoice>;

// Phase 1's findings about one root.
struct SinkRequest {
  const Node* root = nullptr;
  const Node* input = nullptr;  // the Sink's input; a bare query's root itself
  std::string name;
  SinkAcceptance acceptance;
  std::vector<int> primaryKey;
};

bool hasExactKey(const UpsertKeys& keys, std::vector<int> fields) {
  std::sort(fields.begin(), fields.end());
  return std::find(keys.begin(), keys.end(), fields) != keys.end();
}

ModifyKinds aggregateOutput(const ModifyKinds& input) {
  // A group is inserted, then updated; it is deleted only when retractions empty it.
  return {true, true, input.updates || input.deletes};
}

class ChangelogInference {
 public:
  ChangelogInference(const std::map<std::string, std::string>& options, SourceLocation location)
      : options_(options), location_(location) {
    auto mode = options_.find("execution.runtime-mode");
    batch_ = mode != options_.end() && equalsIgnoreCase(mode->second, "batch");
  }

  ChangelogPlan run(const std::vector<plan::NodeRef>& roots) {
    for (const auto& root : roots) inferSink(root);
    const Assignment chosen = chooseEncodings();
    ChangelogPlan plan;
    for (const auto& [node, kinds] : kinds_) {
      NodeChangelog info;
      info.kinds = kinds;
      info.upsertKeys = keys_[node];
      if (auto it = chosen.find(node); it != chosen.end()) {
        info.updateKind = it->second.updateKind;
        info.rankStrategy = it->second.rankStrategy;
        info.dropsUpdateBefore = it->second.dropsUpdateBefore;
      }
      info.changelogNormalize = normalized_.count(node) != 0 && kinds.updates;
      plan.nodes.emplace(node, std::move(info));
    }
    for (const auto& request : requests_) {
      SinkChangelog sink;
      sink.root = request.root;
      sink.name = request.name;
      sink.input = plan.nodes.at(request.input).mode();
      sink.primaryKey = request.primaryKey;
      sink.upsertMaterialize = needsMaterialization(request);
      plan.sinks.push_back(std::move(sink));
      if (request.root != request.input) plan.nodes.emplace(request.root, NodeChangelog{});
    }
    for (auto& [node, info] : plan.nodes) info.state = describeOperatorState(*node, plan);
    return plan;
  }

 private:
  // ---- Phase 1: what each node produces, checked against what its consumer takes.

  void inferSink(const plan::NodeRef& root) {
    SinkRequest request;
    request.root = root.get();
    if (root->kind != plan::NodeKind::Sink) {
      request.input = root.get();
      request.name = "collect";
      request.acceptance =
          collectAcceptance(visit(root, ModifyKinds::all(), "the client of the query", nullptr));
      requests_.push_back(std::move(request));
      return;
    }
    const plan::NodeRef& input = root->inputs[0];
    request.input = input.get();
    request.name = root->tableName;
    const std::string requester = "table sink '" + root->tableName + "'";
    const ModifyKinds produced = visit(input, ModifyKinds::all(), requester, root.get());
    if (root->table) {
      auto accepted = sinkAcceptance(*root->table, root->hints, produced);
      if (!accepted) throw UserError(location_, accepted.error());
      request.acceptance = accepted.value();
      request.primaryKey = primaryKeyFields(*root);
    } else {
      request.acceptance = collectAcceptance(produced);
    }
    const ChangelogMode& accepted = request.acceptance.accepted;
    try {
      visit(input, accepted.kinds, requester, root.get());
    } catch (const UserError& error) {
      // Only the sink's own requirement is checked anew here: say what the sink takes.
      std::string takes =
          accepted.kinds.isInsertOnly() ? "inserts only" : "only " + accepted.toString();
      throw UserError(error.location(), std::string(error.what()) + "; " +
                                            request.acceptance.origin + " accepts " + takes);
    }
    requests_.push_back(std::move(request));
  }

  static std::vector<int> primaryKeyFields(const Node& sink) {
    std::vector<int> fields;
    for (const auto& column : sink.table->primaryKey) {
      auto it = std::find_if(sink.schema.begin(), sink.schema.end(),
                             [&](const plan::Field& f) { return f.name == column; });
      if (it == sink.schema.end()) return {};
      fields.push_back(static_cast<int>(it - sink.schema.begin()));
    }
    return fields;
  }

  // Visits `node` for a consumer that takes `required`; throws naming the node when it produces
  // more. Operators that pass changes through (Calc, Union, ...) pass the requirement and its
  // requester on, so the error names the operator where the changes start.
  ModifyKinds visit(const plan::NodeRef& node, const ModifyKinds& required,
                    const std::string& requester, const Node* consumer) {
    const auto check = std::make_tuple(node.get(), required.inserts, required.updates,
                                       required.deletes, requester);
    if (checked_.count(check) != 0) return kinds_.at(node.get());
    // A batch job reads bounded inputs to their end and writes results once: nothing updates.
    ModifyKinds provided = produce(*node, required, requester);
    if (batch_) provided = ModifyKinds::insertOnly();
    kinds_[node.get()] = provided;
    if (keys_.count(node.get()) == 0) {
      std::vector<UpsertKeys> inputs;
      for (const auto& in : node->inputs) {
        auto it = keys_.find(in.get());
        inputs.push_back(it != keys_.end() ? it->second : UpsertKeys{});
      }
      keys_[node.get()] = deriveUpsertKeys(*node, inputs);
    }
    const ModifyKinds extra = provided.minus(required);
    if (!extra.empty()) {
      throw UserError(
          location_,
          fmt::format("{} doesn't support consuming {} changes which is produced by "
                      "node {}",
                      requester, extra.describe(), describeStreamOperator(*node, consumer)));
    }
    checked_.insert(check);
    return provided;
  }

  ModifyKinds input(const Node& node, size_t i, const ModifyKinds& required,
                    const std::string& requester) {
    return visit(node.inputs[i], required, requester, &node);
  }

  // Every input with the same requirement; the kinds they produce together.
  ModifyKinds inputs(const Node& node, const ModifyKinds& required, const std::string& requester) {
    ModifyKinds all;
    for (size_t i = 0; i < node.inputs.size(); ++i) {
      all = all.unite(input(node, i, required, requester));
    }
    return all;
  }

  ModifyKinds produce(const Node& node, const ModifyKinds& required, const std::string& requester) {
    const ModifyKinds all = ModifyKinds::all();
    const ModifyKinds insertOnly = ModifyKinds::insertOnly();
    const StreamOperator op = streamOperatorOf(node);
    const std::string self = streamOperatorName(op);
    switch (op) {
      case StreamOperator::TableSourceScan: return scan(node);
      case StreamOperator::Values: return insertOnly;
      case StreamOperator::Calc:
      case StreamOperator::WatermarkAssigner:
      case StreamOperator::WindowTableFunction:
      case StreamOperator::Correlate:
      case StreamOperator::Union:
      case StreamOperator::Sink:
        if (node.inputs.empty()) return insertOnly;  // a table function over no input
        return inputs(node, required, requester);
      case StreamOperator::LookupJoin:
        return input(node, 0, required, requester);  // the table side is looked up, not streamed
      case StreamOperator::GroupAggregate:
      case StreamOperator::UnionDistinct:
      case StreamOperator::Intersect: return aggregateOutput(inputs(node, all, self));
      case StreamOperator::Except: {
        // EXCEPT is an anti join, which retracts, under an aggregation.
        const ModifyKinds in = inputs(node, all, self);
        return node.all ? aggregateOutput(in) : all;
      }
      case StreamOperator::GroupWindowAggregate:
        inputs(node, all, self);
        return firesEarlyOrLate() ? ModifyKinds{true, true, false} : insertOnly;
      case StreamOperator::WindowAggregate: inputs(node, all, self); return insertOnly;
      case StreamOperator::OverAggregate: {
        // Newer Flink (and Nexmark's q6, which Flink 1.19 refuses) runs OVER aggregation over
        // updating input: each change of an input row changes its output row the same way, and
        // revises (-U, +U) the rows whose frame holds it, so updates come out even when only
        // deletes go in.
        const ModifyKinds in = inputs(node, all, self);
        return in.isInsertOnly() ? in : ModifyKinds{true, true, in.deletes};
      }
      case StreamOperator::WindowRank:
      case StreamOperator::WindowDeduplicate:
      case StreamOperator::IntervalJoin:
      case StreamOperator::WindowJoin:
      case StreamOperator::TemporalSort: inputs(node, insertOnly, self); return insertOnly;
      case StreamOperator::Match: inputs(node, insertOnly, "Match Recognize"); return insertOnly;
      case StreamOperator::Deduplicate: {
        inputs(node, insertOnly, self);
        // Only keeping the first row by processing time never revises what it sent.
        const auto& schema = node.inputs[0]->schema;
        const bool proctime = !node.sortKeys.empty() &&
                              schema[static_cast<size_t>(node.sortKeys[0].field)].type.isProctime();
        return !node.keepLastRow && proctime ? insertOnly : all;
      }
      case StreamOperator::Rank:
      case StreamOperator::SortLimit: inputs(node, all, self); return all;
      case StreamOperator::Limit: return inputs(node, all, self).isInsertOnly() ? insertOnly : all;
      case StreamOperator::Sort:
        inputs(node, all, self);  // sorted when the input ends
        return insertOnly;
      case StreamOperator::Join: {
        const ModifyKinds left = input(node, 0, all, self);
        const ModifyKinds right = input(node, 1, all, self);
        const bool innerOrSemi =
            node.joinKind == plan::JoinKind::Inner || node.joinKind == plan::JoinKind::Semi;
        // Outer and anti joins retract null-padded rows when matches come and go.
        return innerOrSemi ? left.unite(right) : all;
      }
      case StreamOperator::TemporalJoin: {
        const ModifyKinds left = input(node, 0, all, self);
        input(node, 1, all, self);  // the versioned table may change in any way
        return left;
      }
    }
    return all;
  }

  ModifyKinds scan(const Node& node) {
    if (!node.table) return ModifyKinds::insertOnly();
    auto source = sourceChangelog(*node.table, node.hints);
    if (!source) throw UserError(location_, source.error());
    // Upserts are normalized into a full changelog; so are a CDC source's changes when they may
    // come twice ('table.exec.source.cdc-events-duplicate'), by its primary key.
    const bool duplicates = option("table.exec.source.cdc-events-duplicate") &&
                            !node.table->primaryKey.empty() && source->kinds.updates;
    if (source->upsert || duplicates) normalized_.insert(&node);
    return source->kinds;
  }

  bool option(const char* key) const {
    auto it = options_.find(key);
    return it != options_.end() && equalsIgnoreCase(it->second, "true");
  }

  bool firesEarlyOrLate() const {
    return option("table.exec.emit.early-fire.enabled") ||
           option("table.exec.emit.late-fire.enabled");
  }

  // ---- Phase 2: how updates travel on each edge.

  Assignment chooseEncodings() {
    const size_t attempts = kinds_.size() + 2;
    for (size_t attempt = 0; attempt < attempts; ++attempt) {
      conflicted_ = false;
      Assignment all;
      bool complete = true;
      for (const auto& request : requests_) {
        if (!satisfySink(request, all)) {
          complete = false;
          break;
        }
      }
      if (complete && !conflicted_) return all;
      if (!complete && !conflicted_) {
        throw UserError(location_, fmt::format("can't generate a valid changelog for the query "
                                               "into {}: no encoding of its updates suits "
                                               "every operator",
                                               requests_.front().name));
      }
      // A shared subplan was asked for upserts by one consumer and retractions by another:
      // retried, it gives every consumer retractions.
    }
    throw std::logic_error("changelog inference: update kinds do not settle");
  }

  bool satisfySink(const SinkRequest& request, Assignment& all) {
    for (UpdateKind candidate : sinkCandidates(request)) {
      auto result = satisfy(*request.input, candidate);
      if (!result || result->at(request.input).updateKind != candidate) continue;
      Assignment merged = all;
      if (!mergeInto(merged, *result)) continue;
      all = std::move(merged);
      return true;
    }
    return false;
  }

  // A sink takes upserts when its connector does and its primary key, if any, is exactly an
  // upsert key of its input (else the materializer needs -U); otherwise retractions.
  std::vector<UpdateKind> sinkCandidates(const SinkRequest& request) const {
    const ModifyKinds& kinds = kinds_.at(request.input);
    switch (request.acceptance.accepted.updateKind) {
      case UpdateKind::OnlyUpdateAfter:
        if (!request.primaryKey.empty() &&
            !hasExactKey(keys_.at(request.input), request.primaryKey)) {
          return {beforeAndAfterOrNone(kinds)};
        }
        return {onlyAfterOrNone(kinds), beforeAndAfterOrNone(kinds)};
      case UpdateKind::BeforeAndAfter: return {beforeAndAfterOrNone(kinds)};
      case UpdateKind::None: return {UpdateKind::None};
    }
    return {UpdateKind::None};
  }

  bool needsMaterialization(const SinkRequest& request) const {
    if (request.primaryKey.empty()) return false;
    auto it = options_.find("table.exec.sink.upsert-materialize");
    const std::string mode = toUpperAscii(it != options_.end() ? it->second : "AUTO");
    if (mode == "FORCE") return true;
    if (mode == "NONE") return false;
    if (request.acceptance.accepted.kinds.isInsertOnly()) return false;
    if (kinds_.at(request.input).isInsertOnly()) return false;
    return !hasKeyWithin(keys_.at(request.input), request.primaryKey);
  }

  std::optional<Assignment> satisfy(const Node& node, UpdateKind required) {
    const ModifyKinds& kinds = kinds_.at(&node);
    if (required == UpdateKind::OnlyUpdateAfter && forced_.count(&node) != 0) return std::nullopt;
    Assignment a;
    auto in = [&](size_t i, UpdateKind r) { return satisfyInput(node, i, r, a); };
    auto inputKinds = [&](size_t i) { return kinds_.at(node.inputs[i].get()); };
    switch (streamOperatorOf(node)) {
      case StreamOperator::TableSourceScan: {
        if (!kinds.updates) return finish(node, a, {});
        // ChangelogNormalize emits either encoding.
        if (normalized_.count(&node) != 0) return finish(node, a, {required});
        if (required == UpdateKind::OnlyUpdateAfter) {
          return finish(node, a, {UpdateKind::OnlyUpdateAfter, std::nullopt, true});
        }
        return finish(node, a, {UpdateKind::BeforeAndAfter});
      }
      case StreamOperator::Values: return finish(node, a, {});
      case StreamOperator::Calc:
        // A filter over upserts would lose rows whose update fails it: `cnt < 10` over an
        // aggregate must retract the row when cnt reaches 10.
        if (node.kind == plan::NodeKind::Filter && required == UpdateKind::OnlyUpdateAfter) {
          return std::nullopt;
        }
        [[fallthrough]];
      case StreamOperator::WatermarkAssigner:
      case StreamOperator::WindowTableFunction:
      case StreamOperator::Correlate:
      case StreamOperator::LookupJoin:
      case StreamOperator::Sink:
        // A table function over no input (`FROM UNNEST(ARRAY[..])`) produces inserts only.
        if (node.inputs.empty()) return finish(node, a, {});
        if (!in(0, required)) return std::nullopt;
        return finish(node, a, {required});
      case StreamOperator::GroupAggregate:
      case StreamOperator::GroupWindowAggregate:
      case StreamOperator::WindowAggregate:
      case StreamOperator::UnionDistinct:
      case StreamOperator::Intersect:
      case StreamOperator::Except:
      case StreamOperator::Limit:
      case StreamOperator::Sort:
        // Retracting from accumulators needs the old row: these take -U from updating inputs.
        for (size_t i = 0; i < node.inputs.size(); ++i) {
          if (!in(i, beforeAndAfterOrNone(inputKinds(i)))) return std::nullopt;
        }
        // INTERSECT ALL and EXCEPT ALL filter the aggregated counts, which upserts cannot pass.
        if ((node.kind == plan::NodeKind::Intersect || node.kind == plan::NodeKind::Except) &&
            node.all && required == UpdateKind::OnlyUpdateAfter) {
          return std::nullopt;
        }
        return finish(node, a, {required});
      case StreamOperator::OverAggregate: {
        const UpdateKind r = beforeAndAfterOrNone(inputKinds(0));
        if (!in(0, r)) return std::nullopt;
        return finish(node, a, {r});
      }
      case StreamOperator::WindowRank:
      case StreamOperator::WindowDeduplicate:
      case StreamOperator::Deduplicate:
      case StreamOperator::TemporalSort:
      case StreamOperator::Match:
      case StreamOperator::IntervalJoin:
      case StreamOperator::WindowJoin:
        for (size_t i = 0; i < node.inputs.size(); ++i) {
          if (!in(i, UpdateKind::None)) return std::nullopt;
        }
        return finish(node, a, {required});
      case StreamOperator::Rank:
      case StreamOperator::SortLimit: return satisfyRank(node, required);
      case StreamOperator::Join: return satisfyJoin(node, required);
      case StreamOperator::TemporalJoin: return satisfyTemporalJoin(node, required);
      case StreamOperator::Union: return satisfyUnion(node, required);
    }
    return std::nullopt;
  }

  std::optional<Assignment> satisfyRank(const Node& node, UpdateKind required) {
    const Node& input = *node.inputs[0];
    auto isInsertOnly = [this](const Node& n) {
      auto it = kinds_.find(&n);
      return it != kinds_.end() && it->second.isInsertOnly();
    };
    for (RankStrategy strategy :
         rankStrategies(input, node.sortKeys, keys_.at(&input), isInsertOnly)) {
      const UpdateKind fromInput = strategy == RankStrategy::AppendFast ? UpdateKind::None
                                   : strategy == RankStrategy::UpdateFast
                                       ? UpdateKind::OnlyUpdateAfter
                                       : UpdateKind::BeforeAndAfter;
      Assignment a;
      if (!satisfyInput(node, 0, fromInput, a)) continue;
      if (auto done = finish(node, a, {required, strategy})) return done;
    }
    return std::nullopt;
  }

  // Upserts reach a join only by a key that holds its join key; it then forwards upserts.
  std::optional<Assignment> satisfyJoin(const Node& node, UpdateKind required) {
    std::vector<int> joinKeys[2];
    for (const auto& [l, r] : node.equiKeys) {
      joinKeys[0].push_back(l);
      joinKeys[1].push_back(r);
    }
    Assignment a;
    for (size_t i = 0; i < 2; ++i) {
      const Node* side = node.inputs[i].get();
      const ModifyKinds& kinds = kinds_.at(side);
      UpdateKind fromSide = beforeAndAfterOrNone(kinds);
      if (required == UpdateKind::OnlyUpdateAfter) {
        if (kinds.updates && !hasKeyContaining(keys_.at(side), joinKeys[i])) return std::nullopt;
        fromSide = onlyAfterOrNone(kinds);
      }
      if (!satisfyInput(node, i, fromSide, a)) return std::nullopt;
    }
    return finish(node, a, {required});
  }

  // The probe side sends what the consumer asks for; the versioned side upserts if it can.
  std::optional<Assignment> satisfyTemporalJoin(const Node& node, UpdateKind required) {
    const ModifyKinds& left = kinds_.at(node.inputs[0].get());
    const ModifyKinds& right = kinds_.at(node.inputs[1].get());
    const UpdateKind fromLeft =
        required == UpdateKind::BeforeAndAfter ? beforeAndAfterOrNone(left) : onlyAfterOrNone(left);
    Assignment a;
    if (!satisfyInput(node, 0, fromLeft, a)) return std::nullopt;
    Assignment upserts = a;
    if (satisfyInput(node, 1, onlyAfterOrNone(right), upserts)) {
      a = std::move(upserts);
    } else if (!satisfyInput(node, 1, beforeAndAfterOrNone(right), a)) {
      return std::nullopt;
    }
    return finish(node, a, {fromLeft});
  }

  // UNION ALL forwards its inputs' changes: they must all encode updates alike.
  std::optional<Assignment> satisfyUnion(const Node& node, UpdateKind required) {
    Assignment a;
    std::optional<UpdateKind> encoding;
    for (size_t i = 0; i < node.inputs.size(); ++i) {
      const bool updates = kinds_.at(node.inputs[i].get()).updates;
      const UpdateKind fromInput = updates ? required : UpdateKind::None;
      if (!satisfyInput(node, i, fromInput, a)) return std::nullopt;
      if (!updates) continue;
      if (encoding && *encoding != fromInput) return std::nullopt;
      encoding = fromInput;
    }
    return finish(node, a, {encoding.value_or(UpdateKind::None)});
  }

  bool satisfyInput(const Node& node, size_t i, UpdateKind required, Assignment& into) {
    const Node* input = node.inputs[i].get();
    auto result = satisfy(*input, required);
    if (!result || result->at(input).updateKind != required) return false;
    return mergeInto(into, *result);
  }

  std::optional<Assignment> finish(const Node& node, Assignment a, const EdgeChoice& choice) {
    const bool updates = kinds_.at(&node).updates;
    if ((choice.updateKind != UpdateKind::None) != updates) {
      throw std::logic_error(fmt::format(
          "changelog inference: node {} ({}) would send {} updates but produces {}", node.id,
          streamOperatorName(streamOperatorOf(node)), updateKindName(choice.updateKind),
          ChangelogMode{kinds_.at(&node), UpdateKind::BeforeAndAfter}.toString()));
    }
    if (!place(a, &node, choice)) return std::nullopt;
    return a;
  }

  bool mergeInto(Assignment& into, const Assignment& from) {
    for (const auto& [node, choice] : from) {
      if (!place(into, node, choice)) return false;
    }
    return true;
  }

  // Records a node's choice; a different choice already made for it (a subplan two consumers
  // share) marks it to give retractions to everyone on the next attempt.
  bool place(Assignment& into, const Node* node, const EdgeChoice& choice) {
    auto [it, inserted] = into.emplace(node, choice);
    if (inserted || it->second == choice) return true;
    forced_.insert(node);
    conflicted_ = true;
    return false;
  }

  const std::map<std::string, std::string>& options_;
  SourceLocation location_;
  std::unordered_map<const Node*, ModifyKinds> kinds_;
  std::unordered_map<const Node*, UpsertKeys> keys_;
  std::set<const Node*> normalized_;  // scans followed by ChangelogNormalize
  std::set<std::tuple<const Node*, bool, bool, bool, std::string>> checked_;
  std::vector<SinkRequest> requests_;
  std::set<const Node*> forced_;  // nodes that must send retractions
  bool batch_ = false;            // 'execution.runtime-mode' = 'batch'
  bool conflicted_ = false;
};

}  // namespace

const NodeChangelog* ChangelogPlan::find(const plan::LogicalNode& node) const {
  auto it = nodes.find(&node);
  return it == nodes.end() ? nullptr : &it->second;
}

const SinkChangelog* ChangelogPlan::findSink(const plan::LogicalNode& root) const {
  for (const auto& sink : sinks) {
    if (sink.root == &root) return &sink;
  }
  return nullptr;
}

ChangelogPlan inferChangelogModes(const std::vector<plan::NodeRef>& roots,
                                  const std::map<std::string, std::string>& options,
                                  SourceLocation location) {
  return ChangelogInference(options, location).run(roots);
}

ChangelogPlan inferChangelogModes(const CompiledStatement& statement) {
  return inferChangelogModes(statement.optimized, statement.options, statement.bound.location);
}

void checkChangelogs(const CompiledJob& job, DiagnosticSink& diagnostics) {
  for (const CompiledStatement& statement : job.statements) {
    if (statement.optimized.empty()) continue;
    try {
      inferChangelogModes(statement);
    } catch (const UserError& error) {
      diagnostics.error(error.location(), error.what());
    }
  }
}

}  // namespace sluice::physical

// Split distinct aggregation (Flink's table.optimizer.distinct-agg.split.enabled and its
// SplitAggregateRule): a GROUP BY whose DISTINCT calls would pile one hot key's values into one
// instance becomes two GroupAggregates. The PARTIAL one is keyed by the grouping columns and a
// bucket of each DISTINCT (and MIN/MAX) argument, MOD(HASH_CODE(x), bucket-num), so a key's
// values spread over instances; it emits an updating result per key and bucket, which a hash
// exchange on the grouping columns brings to the FINAL one, which merges the buckets' results:
//
//   COUNT -> COUNT, then SUM0        SUM -> SUM, then SUM        MIN/MAX/LISTAGG -> itself twice
//   AVG   -> SUM0 and COUNT, then SUM0 and SUM0, and a Calc: IF(count = 0, NULL, sum / count)
//
// Calls whose arguments get different buckets (COUNT(DISTINCT a), COUNT(DISTINCT b)) each need
// their own grouping: an Expand copies each row once per grouping (the other buckets NULL, the
// grouping's id `$e` appended) and a Calc turns `$e` into one FILTER column per grouping (`$g_i`,
// AND the call's own FILTER). Non-DISTINCT calls other than MIN/MAX take the plain grouping.
//
// Differences from Flink: FIRST_VALUE/LAST_VALUE never split (the FINAL would run them over
// updating input, which the runtime refuses); AVG's partial sum is BIGINT over integers and
// DOUBLE over FLOAT (Flink's SUM0 keeps the argument's type and may overflow); LISTAGG's FINAL
// keeps the call's separator (Flink's joins the partials with ','); window aggregates and the
// IncrementalGroupAggregate that Flink fuses the middle two phases of a two-phase split into are
// not planned (each half is one or two phases on its own).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

#include "compiler/catalog/optimizer_options.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/functions/type_rules.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

using artifact::AggregateCall;
using artifact::Expression;
using Grouping = std::vector<int>;  // sorted input columns

bool contains(const std::vector<int>& columns, int column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

bool listed(const std::vector<Grouping>& groupings, const Grouping& grouping) {
  return std::find(groupings.begin(), groupings.end(), grouping) != groupings.end();
}

// Flink's SplitAggregateRule.PARTIAL_FINAL_MAP, less FIRST_VALUE and LAST_VALUE (see above).
bool splittable(const AggregateCall& call) {
  static const std::set<std::string> kSplittable = {"COUNT", "SUM", "SUM0",   "AVG",
                                                    "MIN",   "MAX", "LISTAGG"};
  return kSplittable.count(call.function) > 0;
}

// Flink's needAddHashFields: MIN and MAX are bucketed too, so that their retracting state is
// spread as well.
bool bucketed(const AggregateCall& call) {
  return call.distinct || call.function == "MIN" || call.function == "MAX";
}

// Calcite's ImmutableBitSet.COMPARATOR: a superset first, otherwise lexicographic.
bool precedes(const Grouping& a, const Grouping& b) {
  if (a == b) return false;
  if (std::includes(a.begin(), a.end(), b.begin(), b.end())) return true;
  if (std::includes(b.begin(), b.end(), a.begin(), a.end())) return false;
  return a < b;
}

// Flink's ExpandUtil.genExpandId: a bit per column of `full` (the first the highest), set when
// the grouping lacks it.
int64_t expandId(const Grouping& full, const Grouping& grouping) {
  int64_t id = 0;
  for (int column : full) id = (id << 1) | (contains(grouping, column) ? 0 : 1);
  return id;
}

// The type AVG's partial sum is kept in (see above).
DataType averageSumType(const DataType& argument) {
  if (argument.kind() == TypeKind::Decimal) {
    return DataType::decimal(DataType::kMaxDecimalPrecision, argument.scale()).notNull();
  }
  return argument.isApproximate() ? DataType::doubleType().notNull() : DataType::bigInt().notNull();
}

// MOD(HASH_CODE(x), buckets). The runtime hashes strings, numbers and booleans; other values are
// hashed through their string form (any hash spreads them; Flink hashes them directly).
plan::ExpressionRef bucketOf(int column, const DataType& type, int buckets) {
  plan::ExpressionRef value = plan::inputRef(column, type);
  const bool hashable = type.isCharacterString() || type.isInteger() || type.isApproximate() ||
                        type.kind() == TypeKind::Boolean;
  if (!hashable) value = plan::cast(value, DataType::string().withNullable(type.nullable()));
  plan::ExpressionRef hash =
      plan::call("HASH_CODE", {value}, DataType::integer().withNullable(type.nullable()));
  plan::ExpressionRef count = plan::literal(std::to_string(buckets), DataType::integer().notNull());
  auto typing = inferArithmetic(ArithmeticOperator::Modulo, hash->type, count->type);
  if (!typing.ok()) throw std::logic_error("bucket expression: " + typing.error());
  return plan::call("MOD", {hash, count}, typing->result);
}

AggregateCall derived(const AggregateCall& call, std::string function, DataType type) {
  AggregateCall out = call;
  out.function = std::move(function);
  out.type = std::move(type);
  return out;
}

// The partial calls of a call, over the same arguments, DISTINCT and FILTER.
std::vector<AggregateCall> partialCalls(const AggregateCall& call, const DataType& argument) {
  if (call.function == "AVG") {
    return {derived(call, "SUM0", averageSumType(argument)),
            derived(call, "COUNT", DataType::bigInt().notNull())};
  }
  return {call};
}

// The final calls of a call, over its partials' columns from `column` on.
std::vector<AggregateCall> finalCalls(const AggregateCall& call, int column,
                                      const std::vector<AggregateCall>& partials) {
  std::vector<AggregateCall> out;
  for (size_t i = 0; i < partials.size(); ++i) {
    AggregateCall merged;
    const std::string& f = partials[i].function;
    merged.function = f == "COUNT" || f == "SUM0" ? "SUM0" : f;
    merged.arguments = {column + static_cast<int>(i)};
    merged.type = call.function == "AVG" ? partials[i].type : call.type;
    merged.separator = call.separator;
    out.push_back(std::move(merged));
  }
  return out;
}

// STEP 2 of Flink's rule: each call's grouping (the grouping columns, and for a bucketed call its
// arguments' bucket columns), the distinct groupings in Calcite's order, and their union, by
// which the PARTIAL is keyed. Flink expands when two calls add different groupings.
struct Groupings {
  std::vector<Grouping> ofCall;
  std::vector<Grouping> sorted;
  Grouping full;
  bool expand = false;
};

Groupings groupingsOf(const std::vector<AggregateCall>& calls, const Grouping& plain,
                      const std::map<int, int>& bucketColumn) {
  Groupings out;
  int added = 0;
  for (const AggregateCall& call : calls) {
    Grouping grouping = plain;
    if (bucketed(call)) {
      for (int argument : call.arguments) {
        grouping.push_back(bucketColumn.count(argument) ? bucketColumn.at(argument) : argument);
      }
      std::sort(grouping.begin(), grouping.end());
      grouping.erase(std::unique(grouping.begin(), grouping.end()), grouping.end());
      if (!listed(out.sorted, grouping)) ++added;
    }
    if (!listed(out.sorted, grouping)) out.sorted.push_back(grouping);
    out.ofCall.push_back(std::move(grouping));
  }
  std::sort(out.sorted.begin(), out.sorted.end(), precedes);
  for (const Grouping& g : out.sorted) out.full.insert(out.full.end(), g.begin(), g.end());
  std::sort(out.full.begin(), out.full.end());
  out.full.erase(std::unique(out.full.begin(), out.full.end()), out.full.end());
  out.expand = added > 1;
  return out;
}

// The partial calls of every call, and which call each comes from.
struct Partials {
  std::vector<AggregateCall> calls;
  std::vector<size_t> owner;
};

// STEPS 2.1 and 2.2: the Expand's rows and schema (`$e` last), then the Calc after it: the
// Expand's columns but `$e`, and `$e` as a FILTER column per grouping and FILTER, in the order
// the partial calls need them (their filterColumn is set to it).
struct ExpandPlan {
  std::vector<std::vector<Expression>> rows;
  std::vector<plan::Field> expanded;
  std::vector<Expression> projections;
  std::vector<plan::Field> filtered;
};

ExpandPlan planExpand(const std::vector<plan::Field>& schema, const Grouping& plain,
                      const Groupings& groupings, Partials& partials) {
  ExpandPlan out;
  const int width = static_cast<int>(schema.size());
  const Grouping& full = groupings.full;
  out.filtered = schema;
  for (int column : full) {
    // Only bucket columns are NULL in some copies: the grouping columns are in every grouping.
    DataType& type = out.filtered[static_cast<size_t>(column)].type;
    if (!contains(plain, column)) type = type.withNullable(true);
  }
  for (const Grouping& g : groupings.sorted) {
    std::vector<Expression> row;
    for (int i = 0; i < width; ++i) {
      const DataType& type = out.filtered[static_cast<size_t>(i)].type;
      row.push_back(contains(full, i) && !contains(g, i) ? Expression::constant(std::nullopt, type)
                                                         : Expression::columnRef(i, type));
    }
    row.push_back(
        Expression::constant(std::to_string(expandId(full, g)), DataType::bigInt().notNull()));
    out.rows.push_back(std::move(row));
  }
  out.expanded = out.filtered;
  out.expanded.push_back({"$e", DataType::bigInt().notNull()});

  for (int i = 0; i < width; ++i) {
    out.projections.push_back(Expression::columnRef(i, out.filtered[static_cast<size_t>(i)].type));
  }
  const Expression setId = Expression::columnRef(width, DataType::bigInt().notNull());
  std::map<std::pair<Grouping, int>, int> filters;  // (grouping, FILTER column) -> column
  for (size_t p = 0; p < partials.calls.size(); ++p) {
    AggregateCall& call = partials.calls[p];
    const Grouping& g = groupings.ofCall[partials.owner[p]];
    const std::pair<Grouping, int> key{g, call.filterColumn};
    if (!filters.count(key)) {
      const int64_t id = expandId(full, g);
      Expression condition = Expression::call(
          "=", {setId, Expression::constant(std::to_string(id), DataType::bigInt().notNull())},
          DataType::boolean().notNull());
      if (call.filterColumn >= 0) {
        const DataType& type = out.filtered[static_cast<size_t>(call.filterColumn)].type;
        condition = Expression::call(
            "AND", {std::move(condition), Expression::columnRef(call.filterColumn, type)},
            DataType::boolean().withNullable(type.nullable()));
      }
      filters[key] = static_cast<int>(out.filtered.size());
      out.filtered.push_back({"$g_" + std::to_string(id), condition.type});
      out.projections.push_back(std::move(condition));
    }
    call.filterColumn = filters.at(key);
  }
  return out;
}

// STEP 4: AVG from the FINAL's sum and count, as Flink writes it: IF(count = 0, NULL, sum /
// count), in AVG's type.
plan::ExpressionRef average(plan::ExpressionRef sum, plan::ExpressionRef count,
                            const DataType& type) {
  auto division = inferArithmetic(ArithmeticOperator::Divide, sum->type, count->type);
  if (!division.ok()) throw std::logic_error("split AVG: " + division.error());
  auto coerce = [](plan::ExpressionRef e, const DataType& to) {
    return e->type.sameTypeIgnoringNullability(to) ? e : plan::cast(e, to);
  };
  plan::ExpressionRef quotient = plan::call(
      "/", {coerce(sum, division->operandTypes[0]), coerce(count, division->operandTypes[1])},
      division->result);
  plan::ExpressionRef empty =
      plan::call("=", {count, plan::literal("0", DataType::bigInt().notNull())},
                 DataType::boolean().notNull());
  return plan::call("IF", {empty, plan::literal("NULL", type), coerce(quotient, type)}, type);
}

}  // namespace

bool Planner::splitsDistinct(const std::vector<AggregateCall>& calls) const {
  std::string enabled = plan_.option(kDistinctSplitEnabled, "false");
  for (const auto& [key, value] :
       {std::pair{kDistinctSplitEnabled, enabled},
        std::pair{kDistinctSplitBuckets, plan_.option(kDistinctSplitBuckets, "1024")}}) {
    if (auto error = optimizerOptionError(key, value)) throw UserError(location_, *error);
  }
  std::transform(enabled.begin(), enabled.end(), enabled.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (enabled != "true") return false;
  const bool distinct =
      std::any_of(calls.begin(), calls.end(), [](const auto& call) { return call.distinct; });
  return distinct && std::all_of(calls.begin(), calls.end(), splittable);
}

int Planner::splitDistinctAggregate(const plan::LogicalNode& node, std::vector<AggregateCall> calls,
                                    bool retracting) {
  const std::vector<int>& keys = node.groupKeys;
  const int buckets = std::stoi(plan_.option(kDistinctSplitBuckets, "1024"));
  int input = lower(node.inputs[0]);

  // STEP 1: a bucket column per argument of a bucketed call that is not a grouping column.
  std::vector<int> hashed;
  for (const AggregateCall& call : calls) {
    if (!bucketed(call)) continue;
    for (int argument : call.arguments) {
      if (!contains(keys, argument)) hashed.push_back(argument);
    }
  }
  std::sort(hashed.begin(), hashed.end());
  hashed.erase(std::unique(hashed.begin(), hashed.end()), hashed.end());
  std::vector<plan::Field> schema;
  for (const artifact::Field& f : nodeById(input).schema) schema.push_back({f.name, f.type});
  std::map<int, int> bucketColumn;
  if (!hashed.empty()) {
    std::vector<Expression> projections = identity(nodeById(input));
    for (int column : hashed) {
      const int at = static_cast<int>(schema.size());
      plan::ExpressionRef bucket =
          bucketOf(column, schema[static_cast<size_t>(column)].type, buckets);
      projections.push_back(lowerOrRefuse(*bucket));
      schema.push_back({"$f" + std::to_string(at), bucket->type});
      bucketColumn[column] = at;
    }
    input = calc(input, std::move(projections), schema);
  }

  Grouping plain = keys;
  std::sort(plain.begin(), plain.end());
  const Groupings groupings = groupingsOf(calls, plain, bucketColumn);
  const Grouping& full = groupings.full;
  Partials partials;
  for (size_t i = 0; i < calls.size(); ++i) {
    const AggregateCall& call = calls[i];
    const DataType argument = call.arguments.empty()
                                  ? DataType::bigInt()
                                  : schema[static_cast<size_t>(call.arguments[0])].type;
    for (AggregateCall& p : partialCalls(call, argument)) {
      partials.calls.push_back(std::move(p));
      partials.owner.push_back(i);
    }
  }
  if (groupings.expand) {
    ExpandPlan plan = planExpand(schema, plain, groupings, partials);
    artifact::Node e = makeNode(artifact::NodeKind::Expand, {input}, plan.expanded);
    e.rows = std::move(plan.rows);
    input = calc(add(std::move(e)), std::move(plan.projections), plan.filtered);
    schema = std::move(plan.filtered);
  }

  // STEP 2.3: the PARTIAL aggregate, keyed by every grouping's columns.
  AggregateStage partial;
  partial.input = input;
  partial.keys = full;
  for (int column : full) partial.schema.push_back(schema[static_cast<size_t>(column)]);
  for (const AggregateCall& p : partials.calls) {
    partial.schema.push_back({"$f" + std::to_string(partial.schema.size()), p.type});
  }
  partial.calls = partials.calls;
  partial.retracting = retracting;
  partial.emitsUpdateBefore = true;  // the FINAL consumes its updates as retractions
  partial.stateTtlMillis = stateTtl(node);
  partial.partialFinal = artifact::PartialFinal::Partial;
  const int partialId = aggregateStage(std::move(partial));

  // STEP 3: the FINAL aggregate, keyed by the grouping columns, merging the partials.
  AggregateStage merge;
  merge.input = partialId;
  for (int key : keys) {
    merge.keys.push_back(static_cast<int>(std::find(full.begin(), full.end(), key) - full.begin()));
  }
  for (size_t k = 0; k < keys.size(); ++k) merge.schema.push_back(node.schema[k]);
  std::vector<int> finalColumns;  // each call's first column in the FINAL's output
  int column = static_cast<int>(full.size());
  bool averages = false;
  for (size_t i = 0, p = 0; i < calls.size(); ++i) {
    std::vector<AggregateCall> own;
    while (p < partials.calls.size() && partials.owner[p] == i) {
      own.push_back(partials.calls[p++]);
    }
    finalColumns.push_back(static_cast<int>(keys.size() + merge.calls.size()));
    for (AggregateCall& f : finalCalls(calls[i], column, own)) {
      merge.schema.push_back({"$f" + std::to_string(merge.schema.size()), f.type});
      merge.calls.push_back(std::move(f));
    }
    column += static_cast<int>(own.size());
    averages = averages || calls[i].function == "AVG";
  }
  if (!averages) merge.schema = node.schema;
  merge.retracting = true;
  merge.emitsUpdateBefore = emitsUpdateBefore(node);
  merge.stateTtlMillis = stateTtl(node);
  merge.partialFinal = artifact::PartialFinal::Final;
  const std::vector<plan::Field> finalSchema = merge.schema;
  const int finalId = aggregateStage(std::move(merge));
  if (!averages) return finalId;

  // STEP 4: AVG from its sum and count.
  std::vector<plan::ExpressionRef> outputs;
  for (size_t k = 0; k < keys.size(); ++k) {
    outputs.push_back(plan::inputRef(static_cast<int>(k), finalSchema[k].type));
  }
  for (size_t i = 0; i < calls.size(); ++i) {
    const int at = finalColumns[i];
    plan::ExpressionRef first = plan::inputRef(at, finalSchema[static_cast<size_t>(at)].type);
    outputs.push_back(
        calls[i].function != "AVG"
            ? first
            : average(first, plan::inputRef(at + 1, DataType::bigInt().notNull()), calls[i].type));
  }
  std::vector<Expression> projections;
  for (const plan::ExpressionRef& e : outputs) projections.push_back(lowerOrRefuse(*e));
  return calc(finalId, std::move(projections), node.schema);
}

}  // namespace sluice::physical

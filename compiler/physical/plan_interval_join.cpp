// Interval joins (Flink's StreamExecIntervalJoin): the ON clause bounds one side's time
// attribute by the other's, `l.ts BETWEEN r.ts - INTERVAL '5' MINUTE AND r.ts + INTERVAL '10'
// MINUTE` or the same with `>=`, `>`, `<`, `<=`. The bounds become `rightTime + lower <= leftTime
// <= rightTime + upper` (microseconds; a strict comparison moves its bound by one microsecond)
// and leave the condition, which keeps the rest; the equi keys hash both inputs as for a regular
// join. Both time attributes must be rowtimes, or both proctimes.
#include <algorithm>
#include <climits>
#include <optional>
#include <string>

#include "compiler/physical/join_keys.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

constexpr int64_t kMicrosPerMilli = 1000;

// A side's time attribute plus a constant: `r.ts - INTERVAL '5' SECOND` is ($5, -5 s).
struct TimeTerm {
  int column = -1;  // of the join's input row (left columns, then right)
  int64_t offsetMicros = 0;
};

std::optional<int64_t> dayTimeIntervalMicros(const plan::BoundExpression& e) {
  if (e.kind != plan::ExpressionKind::Literal || e.type.kind() != TypeKind::IntervalDayTime ||
      !e.literalValue) {
    return std::nullopt;
  }
  try {
    return std::stoll(*e.literalValue) * kMicrosPerMilli;  // literals hold milliseconds
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<TimeTerm> timeTerm(const plan::BoundExpression& e) {
  if (e.kind == plan::ExpressionKind::InputRef) {
    if (!e.type.isTimeAttribute()) return std::nullopt;
    return TimeTerm{e.index, 0};
  }
  if (e.kind != plan::ExpressionKind::Call || e.operands.size() != 2) return std::nullopt;
  if (e.name != "+" && e.name != "-") return std::nullopt;
  const bool literalFirst = e.name == "+" && dayTimeIntervalMicros(*e.operands[0]).has_value();
  const plan::BoundExpression& time = *e.operands[literalFirst ? 1 : 0];
  const std::optional<int64_t> offset = dayTimeIntervalMicros(*e.operands[literalFirst ? 0 : 1]);
  std::optional<TimeTerm> term = timeTerm(time);
  if (!term || !offset) return std::nullopt;
  term->offsetMicros += e.name == "+" ? *offset : -*offset;
  return term;
}

struct Bounds {
  int leftTime = -1;   // left input column
  int rightTime = -1;  // right input column
  std::optional<int64_t> lower;
  std::optional<int64_t> upper;
};

class BoundsExtractor {
 public:
  explicit BoundsExtractor(int leftWidth) : leftWidth_(leftWidth) {}

  // Folds `conjunct` into the bounds; false when it is not a bound of the two time attributes.
  bool take(const plan::BoundExpression& conjunct) {
    if (conjunct.kind != plan::ExpressionKind::Call) return false;
    if (conjunct.name == "BETWEEN" && conjunct.operands.size() == 3) {
      const auto value = timeTerm(*conjunct.operands[0]);
      const auto low = timeTerm(*conjunct.operands[1]);
      const auto high = timeTerm(*conjunct.operands[2]);
      if (!value || !low || !high || !compatible(*value, *low) || !compatible(*value, *high)) {
        return false;
      }
      compare(*value, ">=", *low);
      compare(*value, "<=", *high);
      return true;
    }
    const std::string& op = conjunct.name;
    if (op != "<" && op != "<=" && op != ">" && op != ">=") return false;
    if (conjunct.operands.size() != 2) return false;
    const auto a = timeTerm(*conjunct.operands[0]);
    const auto b = timeTerm(*conjunct.operands[1]);
    if (!a || !b || !compatible(*a, *b)) return false;
    compare(*a, op, *b);
    return true;
  }

  const Bounds& bounds() const { return bounds_; }

 private:
  int leftWidth_;
  Bounds bounds_;

  bool isLeft(const TimeTerm& t) const { return t.column < leftWidth_; }

  // Two terms on different sides, on the time columns already used (if any).
  bool compatible(const TimeTerm& a, const TimeTerm& b) const {
    if (isLeft(a) == isLeft(b)) return false;
    const int left = isLeft(a) ? a.column : b.column;
    const int right = (isLeft(a) ? b.column : a.column) - leftWidth_;
    if (bounds_.leftTime >= 0 && bounds_.leftTime != left) return false;
    if (bounds_.rightTime >= 0 && bounds_.rightTime != right) return false;
    return true;
  }

  // a op b, as leftTime - rightTime op c.
  void compare(const TimeTerm& a, std::string op, const TimeTerm& b) {
    const TimeTerm& left = isLeft(a) ? a : b;
    const TimeTerm& right = isLeft(a) ? b : a;
    if (!isLeft(a)) op = op[0] == '<' ? ">" + op.substr(1) : "<" + op.substr(1);
    bounds_.leftTime = left.column;
    bounds_.rightTime = right.column - leftWidth_;
    const int64_t c = right.offsetMicros - left.offsetMicros;
    if (op == ">=" || op == ">") {
      const int64_t lower = op == ">" ? c + 1 : c;
      bounds_.lower = std::max(bounds_.lower.value_or(INT64_MIN), lower);
    } else {
      const int64_t upper = op == "<" ? c - 1 : c;
      bounds_.upper = std::min(bounds_.upper.value_or(INT64_MAX), upper);
    }
  }
};

}  // namespace

int Planner::intervalJoin(const plan::LogicalNode& node) {
  const auto& leftSchema = node.inputs[0]->schema;
  const auto& rightSchema = node.inputs[1]->schema;
  JoinKeySplit split = splitJoinKeys(node);
  BoundsExtractor extractor(static_cast<int>(leftSchema.size()));
  std::vector<plan::ExpressionRef> residual;
  for (const plan::ExpressionRef& conjunct : split.residual) {
    if (!extractor.take(*conjunct)) residual.push_back(conjunct);
  }
  const Bounds& bounds = extractor.bounds();
  if (!bounds.lower || !bounds.upper) {
    unsupported("an interval join bounding the time attributes on one side only");
  }
  const DataType& leftTime = leftSchema[static_cast<size_t>(bounds.leftTime)].type;
  const DataType& rightTime = rightSchema[static_cast<size_t>(bounds.rightTime)].type;
  if (leftTime.isRowtime() != rightTime.isRowtime()) {
    unsupported("an interval join between a rowtime and a proctime attribute");
  }

  artifact::Node n = keyedJoin(artifact::NodeKind::IntervalJoin, node, split.leftKeys,
                               split.rightKeys, residual);
  n.leftTimeColumn = bounds.leftTime;
  n.rightTimeColumn = bounds.rightTime;
  n.lowerBoundMicros = *bounds.lower;
  n.upperBoundMicros = *bounds.upper;
  n.eventTime = leftTime.isRowtime();
  return add(std::move(n));
}

}  // namespace sluice::physical

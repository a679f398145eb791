#include "compiler/binder/interval_bounds.h"

#include <algorithm>
#include <string>

namespace sluice {

namespace {

constexpr int64_t kMicrosPerMilli = 1000;

// A comparison `a op b`; a BETWEEN is two of them, as Calcite expands it for Flink.
struct Comparison {
  std::string op;
  plan::ExpressionRef a;
  plan::ExpressionRef b;
};

bool isRangeComparison(const std::string& name) {
  return name == "<" || name == "<=" || name == ">" || name == ">=";
}

class BoundsFinder {
 public:
  explicit BoundsFinder(const plan::LogicalNode& join)
      : join_(join), leftWidth_(static_cast<int>(join.inputs[0]->schema.size())) {}

  std::optional<IntervalBounds> find() {
    if (join_.joinKind == plan::JoinKind::Semi || join_.joinKind == plan::JoinKind::Anti) {
      return std::nullopt;
    }
    IntervalBounds bounds;
    std::vector<Comparison> timePredicates;
    for (const plan::ExpressionRef& conjunct : plan::conjunctions(join_.condition)) {
      const std::vector<Comparison> parts = comparisons(conjunct);
      const bool timed = std::any_of(parts.begin(), parts.end(),
                                     [&](const Comparison& part) { return isTimePredicate(part); });
      if (!timed) {
        bounds.remaining.push_back(conjunct);
        continue;
      }
      for (const Comparison& part : parts) {
        if (isTimePredicate(part)) {
          timePredicates.push_back(part);
        } else {
          bounds.remaining.push_back(asExpression(part));
        }
      }
    }
    if (timePredicates.size() != 2) return std::nullopt;
    std::optional<int64_t> lower, upper;
    for (const Comparison& predicate : timePredicates) {
      if (!fold(predicate, bounds, lower, upper)) return std::nullopt;
    }
    if (!lower || !upper) return std::nullopt;
    bounds.lowerMicros = *lower;
    bounds.upperMicros = *upper;
    bounds.eventTime = typeOf(bounds.leftTime).isRowtime();
    return bounds;
  }

 private:
  // A side's time attribute plus a constant: `r.ts - INTERVAL '5' SECOND` is ($5, -5 s).
  struct TimeTerm {
    int column = -1;  // of the join's input row (left columns, then right)
    int64_t offsetMicros = 0;
  };

  const plan::LogicalNode& join_;
  int leftWidth_;

  const DataType& typeOf(int index) const {
    const auto i = static_cast<size_t>(index);
    const auto leftWidth = static_cast<size_t>(leftWidth_);
    return i < leftWidth ? join_.inputs[0]->schema[i].type
                         : join_.inputs[1]->schema[i - leftWidth].type;
  }

  // The range comparisons a conjunct is made of; none when it is no range comparison.
  static std::vector<Comparison> comparisons(const plan::ExpressionRef& conjunct) {
    if (conjunct->kind != plan::ExpressionKind::Call) return {};
    const auto& operands = conjunct->operands;
    if (isRangeComparison(conjunct->name) && operands.size() == 2) {
      return {{conjunct->name, operands[0], operands[1]}};
    }
    if ((conjunct->name == "BETWEEN" || conjunct->name == "BETWEEN ASYMMETRIC") &&
        operands.size() == 3) {
      return {{">=", operands[0], operands[1]}, {"<=", operands[0], operands[2]}};
    }
    return {};
  }

  static plan::ExpressionRef asExpression(const Comparison& c) {
    return plan::call(c.op, {c.a, c.b}, DataType::boolean());
  }

  // Whether `e` reads a column that is no time attribute.
  bool readsOtherColumn(const plan::ExpressionRef& e) const {
    std::vector<int> refs;
    plan::collectInputRefs(e, refs);
    for (int r : refs) {
      if (!typeOf(r).isTimeAttribute()) return true;
    }
    return false;
  }

  // The one time attribute `e` reads, or -1 (none, or several).
  int onlyTimeAttribute(const plan::ExpressionRef& e) const {
    std::vector<int> refs;
    plan::collectInputRefs(e, refs);
    return refs.size() == 1 ? refs[0] : -1;
  }

  // Flink's time predicate: each side reads one time attribute and nothing else, the two of
  // different inputs and of one kind.
  bool isTimePredicate(const Comparison& c) const {
    if (readsOtherColumn(c.a) || readsOtherColumn(c.b)) return false;
    const int a = onlyTimeAttribute(c.a);
    const int b = onlyTimeAttribute(c.b);
    if (a < 0 || b < 0 || (a < leftWidth_) == (b < leftWidth_)) return false;
    return typeOf(a).isRowtime() == typeOf(b).isRowtime();
  }

  static std::optional<int64_t> dayTimeIntervalMicros(const plan::BoundExpression& e) {
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

  static std::optional<TimeTerm> timeTerm(const plan::BoundExpression& e) {
    if (e.kind == plan::ExpressionKind::InputRef) return TimeTerm{e.index, 0};
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

  // Folds a time predicate `a op b` into the bounds as `leftTime - rightTime op c`; false when
  // its terms are no `time ± interval literal` or it compares other time attributes than the
  // first predicate.
  bool fold(const Comparison& c, IntervalBounds& bounds, std::optional<int64_t>& lower,
            std::optional<int64_t>& upper) const {
    const std::optional<TimeTerm> a = timeTerm(*c.a);
    const std::optional<TimeTerm> b = timeTerm(*c.b);
    if (!a || !b) return false;
    const bool aLeft = a->column < leftWidth_;
    const TimeTerm& left = aLeft ? *a : *b;
    const TimeTerm& right = aLeft ? *b : *a;
    const int rightColumn = right.column - leftWidth_;
    if (bounds.leftTime >= 0 &&
        (bounds.leftTime != left.column || bounds.rightTime != rightColumn)) {
      return false;
    }
    bounds.leftTime = left.column;
    bounds.rightTime = rightColumn;
    std::string op = c.op;
    if (!aLeft) op = op[0] == '<' ? ">" + op.substr(1) : "<" + op.substr(1);
    const int64_t offset = right.offsetMicros - left.offsetMicros;
    if (op[0] == '>') {
      if (lower) return false;  // two lower bounds: no interval
      lower = op == ">" ? offset + 1 : offset;
    } else {
      if (upper) return false;
      upper = op == "<" ? offset - 1 : offset;
    }
    return true;
  }
};

}  // namespace

std::optional<IntervalBounds> intervalBounds(const plan::LogicalNode& join) {
  return BoundsFinder(join).find();
}

}  // namespace sluice

// OVER windows: `agg(x) OVER (PARTITION BY .. ORDER BY .. ROWS|RANGE ..)` and named windows from
// the WINDOW clause. The result is an OverCall expression; the SELECT binder moves OverCalls into
// an OverAggregate node.
#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

const ast::WindowSpecification* findNamedWindow(const std::vector<ast::NamedWindow>* windows,
                                                const std::string& name) {
  if (windows == nullptr) return nullptr;
  for (const auto& window : *windows) {
    if (equalsIgnoreCase(window.name, name)) return window.specification.get();
  }
  return nullptr;
}

std::string boundText(const ast::FrameBound& bound, const std::string& offset) {
  switch (bound.kind) {
    case ast::FrameBoundKind::UnboundedPreceding: return "UNBOUNDED PRECEDING";
    case ast::FrameBoundKind::UnboundedFollowing: return "UNBOUNDED FOLLOWING";
    case ast::FrameBoundKind::CurrentRow: return "CURRENT ROW";
    case ast::FrameBoundKind::Preceding: return offset + " PRECEDING";
    case ast::FrameBoundKind::Following: return offset + " FOLLOWING";
  }
  return "";
}

plan::FrameBoundKind boundKind(ast::FrameBoundKind kind) {
  switch (kind) {
    case ast::FrameBoundKind::UnboundedPreceding: return plan::FrameBoundKind::UnboundedPreceding;
    case ast::FrameBoundKind::Preceding: return plan::FrameBoundKind::Preceding;
    case ast::FrameBoundKind::CurrentRow: return plan::FrameBoundKind::CurrentRow;
    case ast::FrameBoundKind::Following: return plan::FrameBoundKind::Following;
    case ast::FrameBoundKind::UnboundedFollowing: return plan::FrameBoundKind::UnboundedFollowing;
  }
  return plan::FrameBoundKind::CurrentRow;
}

// The structured bound: its offset when it is an integer or a day-time interval literal.
plan::FrameBound structuredBound(const ast::FrameBound& bound, const plan::ExpressionRef& offset) {
  plan::FrameBound out;
  out.kind = boundKind(bound.kind);
  if (!offset || offset->kind != plan::ExpressionKind::Literal) return out;
  const TypeKind kind = offset->type.kind();
  const bool integer = kind == TypeKind::TinyInt || kind == TypeKind::SmallInt ||
                       kind == TypeKind::Int || kind == TypeKind::BigInt;
  if (!integer && kind != TypeKind::IntervalDayTime) return out;
  const std::string& text = offset->literalValue ? *offset->literalValue : offset->name;
  errno = 0;
  char* end = nullptr;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (errno == ERANGE || end == text.c_str() || *end != '\0') return out;
  out.offset = value;
  out.interval = kind == TypeKind::IntervalDayTime;
  return out;
}

}  // namespace

plan::ExpressionRef Binder::overCall(const ast::FunctionCall& call,
                                     const FunctionDefinition* definition,
                                     std::vector<plan::ExpressionRef> operands, DataType type,
                                     ExpressionContext& context) {
  const ast::WindowSpecification* spec = call.over.get();
  const ast::WindowSpecification* base = nullptr;
  std::string baseName = !call.overWindowName.empty() ? call.overWindowName
                                                      : (spec != nullptr ? spec->baseWindow : "");
  if (!baseName.empty()) {
    base = findNamedWindow(context.namedWindows, baseName);
    if (base == nullptr) throw UserError(call.location, "window '" + baseName + "' not found");
  }
  auto pick = [&](auto member) -> decltype(&(spec->*member)) {
    if (spec != nullptr && !(spec->*member).empty()) return &(spec->*member);
    if (base != nullptr) return &(base->*member);
    return spec != nullptr ? &(spec->*member) : nullptr;
  };
  auto over = std::make_shared<plan::OverWindow>();
  ExpressionContext inner = context;
  inner.aggregation = nullptr;
  inner.allowOver = false;
  inner.clause = "an OVER window";
  if (const auto* partition = pick(&ast::WindowSpecification::partitionBy)) {
    for (const auto& e : *partition) over->partitionBy.push_back(bindExpression(*e, inner));
  }
  if (const auto* order = pick(&ast::WindowSpecification::orderBy)) {
    for (const auto& item : *order) {
      over->orderBy.emplace_back(bindExpression(*item.expression, inner), item.descending);
    }
  }
  const ast::WindowSpecification* frameSource =
      (spec != nullptr && spec->frameType) ? spec : (base != nullptr && base->frameType ? base : nullptr);
  if (frameSource != nullptr) {
    auto offset = [&](const ast::FrameBound& bound) {
      return bound.offset ? bindExpression(*bound.offset, inner) : plan::ExpressionRef();
    };
    auto offsetText = [](const plan::ExpressionRef& e) { return e ? e->digest() : std::string(); };
    const plan::ExpressionRef startOffset = offset(frameSource->frameStart);
    std::string kind = *frameSource->frameType == ast::FrameType::Rows ? "ROWS" : "RANGE";
    std::string start = boundText(frameSource->frameStart, offsetText(startOffset));
    over->rows = *frameSource->frameType == ast::FrameType::Rows;
    over->start = structuredBound(frameSource->frameStart, startOffset);
    // `ROWS n PRECEDING` is short for `ROWS BETWEEN n PRECEDING AND CURRENT ROW`.
    over->end = plan::FrameBound{};
    if (frameSource->hasFrameEnd) {
      const plan::ExpressionRef endOffset = offset(frameSource->frameEnd);
      over->end = structuredBound(frameSource->frameEnd, endOffset);
      over->frame = kind + " BETWEEN " + start + " AND " +
                    boundText(frameSource->frameEnd, offsetText(endOffset));
    } else {
      over->frame = kind + " " + start;
    }
  } else if (over->orderBy.empty()) {
    over->rows = true;
    over->end.kind = plan::FrameBoundKind::UnboundedFollowing;
  }
  std::string name = toUpperAscii(call.name);
  bool ranking = definition != nullptr && definition->kind == FunctionKind::Ranking;
  if (ranking && over->orderBy.empty()) {
    throw UserError(call.location, name + " OVER (..) requires ORDER BY");
  }
  auto e = std::make_shared<plan::BoundExpression>();
  e->kind = plan::ExpressionKind::OverCall;
  e->name = name;
  e->function = definition;
  e->operands = std::move(operands);
  e->type = std::move(type);
  e->over = over;
  e->distinct = call.distinct;
  return e;
}

}  // namespace sluice

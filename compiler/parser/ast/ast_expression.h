// Expressions as written, with the location of their first token. The binder turns them into
// typed plan expressions; nothing here knows about types or tables.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostics/source_location.h"
#include "compiler/parser/ast/ast_type.h"

namespace sluice::ast {

struct Query;
struct Expression;
struct WindowSpecification;
using ExpressionPtr = std::unique_ptr<Expression>;

enum class ExpressionKind : unsigned char {
  Literal,
  ColumnReference,    // a, t.a, t.a.b: the binder decides which parts name a table or a field
  FieldAccess,        // (expr).field, f(x).field
  Subscript,          // arr[1], m['k']
  FunctionCall,       // f(x), COUNT(*), COUNT(DISTINCT a), with FILTER / OVER
  Cast,               // CAST and TRY_CAST
  Case,
  Unary,              // NOT, unary minus / plus
  Binary,             // arithmetic, comparison, AND, OR, ||, IS [NOT] DISTINCT FROM
  IsPredicate,        // IS [NOT] NULL / TRUE / FALSE / UNKNOWN / JSON
  Between,
  InList,
  InSubquery,
  Exists,
  ScalarSubquery,
  Like,               // LIKE and SIMILAR TO
  ArrayConstructor,
  MapConstructor,
  RowConstructor,
  ArrayQuery,         // ARRAY(SELECT ...)
  Descriptor,         // DESCRIPTOR(ts) argument of window table functions
  TableArgument,      // TABLE t [PARTITION BY ...] argument of table functions
  NamedArgument,      // name => value
  Symbol,             // keyword operand of a special form: YEAR in EXTRACT(YEAR FROM ..), BOTH
};

enum class LiteralKind : unsigned char {
  Null,
  Boolean,
  ExactNumber,   // 42, 3.14 (the text keeps precision and scale)
  ApproximateNumber,  // 1e10
  String,
  Binary,        // X'0A0B'
  Date,
  Time,
  Timestamp,
  Interval,
};

enum class UnaryOperator : unsigned char { Not, Minus, Plus };

enum class BinaryOperator : unsigned char {
  Plus, Minus, Multiply, Divide, Modulo, Concat,
  Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
  IsDistinctFrom, IsNotDistinctFrom,
  And, Or,
};

const char* binaryOperatorSymbol(BinaryOperator op);

struct Expression {
  explicit Expression(ExpressionKind kind, SourceLocation location)
      : kind(kind), location(location) {}
  virtual ~Expression() = default;
  ExpressionKind kind;
  SourceLocation location;
};

struct Literal : Expression {
  explicit Literal(SourceLocation location) : Expression(ExpressionKind::Literal, location) {}
  LiteralKind literalKind = LiteralKind::Null;
  std::string text;  // unquoted string / digits / date text / interval text; "TRUE"/"FALSE"
  bool negative = false;  // INTERVAL -'1' DAY
  // INTERVAL: qualifier units upper-cased ("DAY", "SECOND"), to empty when single unit.
  std::string intervalFrom, intervalTo;
};

struct ColumnReference : Expression {
  explicit ColumnReference(SourceLocation location)
      : Expression(ExpressionKind::ColumnReference, location) {}
  std::vector<std::string> parts;
  std::vector<SourceLocation> partLocations;
};

struct FieldAccess : Expression {
  explicit FieldAccess(SourceLocation location) : Expression(ExpressionKind::FieldAccess, location) {}
  ExpressionPtr base;
  std::string field;
};

struct Subscript : Expression {
  explicit Subscript(SourceLocation location) : Expression(ExpressionKind::Subscript, location) {}
  ExpressionPtr base;
  ExpressionPtr index;
};

enum class FrameType : unsigned char { Rows, Range };
enum class FrameBoundKind : unsigned char {
  UnboundedPreceding, Preceding, CurrentRow, Following, UnboundedFollowing
};

struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::CurrentRow;
  ExpressionPtr offset;  // for Preceding / Following
  SourceLocation location;
};

struct SortItem {
  ExpressionPtr expression;
  bool descending = false;
  std::optional<bool> nullsFirst;
};

struct WindowSpecification {
  SourceLocation location;
  std::string baseWindow;  // OVER (w ORDER BY ..) refines named window w
  std::vector<ExpressionPtr> partitionBy;
  std::vector<SortItem> orderBy;
  std::optional<FrameType> frameType;
  FrameBound frameStart, frameEnd;
  bool hasFrameEnd = false;
};

struct FunctionCall : Expression {
  explicit FunctionCall(SourceLocation location)
      : Expression(ExpressionKind::FunctionCall, location) {}
  std::string name;  // as written; qualified names joined with '.'
  std::vector<ExpressionPtr> arguments;
  bool distinct = false;
  bool star = false;  // COUNT(*)
  ExpressionPtr filter;  // FILTER (WHERE ..)
  std::vector<SortItem> withinGroup;
  bool ignoreNulls = false;
  // OVER w or OVER (...): exactly one of these when the call is windowed.
  std::string overWindowName;
  std::unique_ptr<WindowSpecification> over;
  // JSON_VALUE ... RETURNING type; the ON EMPTY / ON ERROR clauses are kept as text.
  std::unique_ptr<TypeName> returning;
  std::vector<std::string> behaviors;
};

struct Cast : Expression {
  explicit Cast(SourceLocation location) : Expression(ExpressionKind::Cast, location) {}
  ExpressionPtr operand;
  std::unique_ptr<TypeName> target;
  bool isTry = false;
};

struct WhenClause {
  // One condition for a searched CASE; for a simple CASE (CASE x WHEN 1, 2 THEN ..), the values
  // compared with x, any of which selects the branch.
  std::vector<ExpressionPtr> conditions;
  ExpressionPtr result;
};

struct Case : Expression {
  explicit Case(SourceLocation location) : Expression(ExpressionKind::Case, location) {}
  ExpressionPtr operand;  // simple CASE x WHEN .. form; null for searched CASE
  std::vector<WhenClause> whens;
  ExpressionPtr elseResult;
};

struct Unary : Expression {
  explicit Unary(SourceLocation location) : Expression(ExpressionKind::Unary, location) {}
  UnaryOperator op = UnaryOperator::Not;
  ExpressionPtr operand;
};

struct Binary : Expression {
  explicit Binary(SourceLocation location) : Expression(ExpressionKind::Binary, location) {}
  BinaryOperator op = BinaryOperator::Equal;
  SourceLocation operatorLocation;
  ExpressionPtr left, right;
};

enum class IsTest : unsigned char { Null, True, False, Unknown, Json };

struct IsPredicate : Expression {
  explicit IsPredicate(SourceLocation location) : Expression(ExpressionKind::IsPredicate, location) {}
  ExpressionPtr operand;
  IsTest test = IsTest::Null;
  bool negated = false;
};

struct Between : Expression {
  explicit Between(SourceLocation location) : Expression(ExpressionKind::Between, location) {}
  ExpressionPtr operand, low, high;
  bool negated = false;
  bool symmetric = false;
};

struct InList : Expression {
  explicit InList(SourceLocation location) : Expression(ExpressionKind::InList, location) {}
  ExpressionPtr operand;
  std::vector<ExpressionPtr> list;
  bool negated = false;
};

// Nodes holding a Query have their constructor and destructor in ast_expression.cpp, where
// Query is a complete type.
struct InSubquery : Expression {
  explicit InSubquery(SourceLocation location);
  ExpressionPtr operand;
  // Set for a quantified comparison: "> ALL", "= ANY", "<> SOME"; empty for IN.
  std::string quantifiedComparison;
  ~InSubquery() override;
  std::unique_ptr<Query> query;
  bool negated = false;
};

struct Exists : Expression {
  explicit Exists(SourceLocation location);
  ~Exists() override;
  std::unique_ptr<Query> query;
};

struct ScalarSubquery : Expression {
  explicit ScalarSubquery(SourceLocation location);
  ~ScalarSubquery() override;
  std::unique_ptr<Query> query;
};

struct Like : Expression {
  explicit Like(SourceLocation location) : Expression(ExpressionKind::Like, location) {}
  ExpressionPtr operand, pattern, escape;
  bool negated = false;
  bool similar = false;  // SIMILAR TO
};

// ARRAY[..], MAP[k, v, ..], ROW(..) and (a, b): the elements in order.
struct Constructor : Expression {
  Constructor(ExpressionKind kind, SourceLocation location) : Expression(kind, location) {}
  std::vector<ExpressionPtr> elements;
};

struct ArrayQuery : Expression {
  explicit ArrayQuery(SourceLocation location);
  ~ArrayQuery() override;
  std::unique_ptr<Query> query;
};

struct Descriptor : Expression {
  explicit Descriptor(SourceLocation location) : Expression(ExpressionKind::Descriptor, location) {}
  std::vector<std::string> columns;
  std::vector<SourceLocation> columnLocations;
};

struct TableArgument : Expression {
  explicit TableArgument(SourceLocation location)
      : Expression(ExpressionKind::TableArgument, location) {}
  std::vector<std::string> tableName;
  std::vector<ExpressionPtr> partitionBy;
  std::vector<SortItem> orderBy;
};

struct NamedArgument : Expression {
  explicit NamedArgument(SourceLocation location)
      : Expression(ExpressionKind::NamedArgument, location) {}
  std::string name;
  ExpressionPtr value;
};

struct Symbol : Expression {
  explicit Symbol(SourceLocation location) : Expression(ExpressionKind::Symbol, location) {}
  std::string name;  // upper case
};

}  // namespace sluice::ast

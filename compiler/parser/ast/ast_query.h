// Queries as written: SELECT blocks, set operations, VALUES, and the FROM clause's relations.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/parser/ast/ast_expression.h"

namespace sluice::ast {

struct Relation;
using RelationPtr = std::unique_ptr<Relation>;

// A hint: /*+ OPTIONS('k' = 'v') */, /*+ STATE_TTL('o' = '1d') */, /*+ BROADCAST(t) */.
struct Hint {
  SourceLocation location;
  std::string name;  // upper case
  std::vector<std::pair<std::string, std::string>> options;  // key = value
  std::vector<std::string> arguments;                        // bare arguments
};

struct SelectItem {
  SourceLocation location;
  enum class Kind : unsigned char { Expression, Star, QualifiedStar } kind = Kind::Expression;
  ExpressionPtr expression;
  std::string alias;  // empty when none
  std::vector<std::string> qualifier;  // t.* -> {"t"}
};

enum class GroupingKind : unsigned char { Expression, GroupingSets, Rollup, Cube, Empty };

struct GroupingElement {
  SourceLocation location;
  GroupingKind kind = GroupingKind::Expression;
  ExpressionPtr expression;  // Expression
  std::vector<ExpressionPtr> expressions;  // Rollup, Cube
  // GroupingSets: each set is a list of expressions; nested ROLLUP/CUBE inside GROUPING SETS are
  // expanded by the parser into plain sets.
  std::vector<std::vector<ExpressionPtr>> sets;
};

struct NamedWindow {
  std::string name;
  std::unique_ptr<WindowSpecification> specification;
};

struct QueryBody {
  enum class Kind : unsigned char { Select, SetOperation, Values, Nested } kind;
  SourceLocation location;
  explicit QueryBody(Kind kind, SourceLocation location) : kind(kind), location(location) {}
  virtual ~QueryBody() = default;
};
using QueryBodyPtr = std::unique_ptr<QueryBody>;

struct SelectBlock : QueryBody {
  explicit SelectBlock(SourceLocation location) : QueryBody(Kind::Select, location) {}
  std::vector<Hint> hints;
  bool distinct = false;
  std::vector<SelectItem> items;
  std::vector<RelationPtr> from;  // comma-separated relations (an implicit cross join)
  ExpressionPtr where;
  std::vector<GroupingElement> groupBy;
  bool hasGroupBy = false;
  ExpressionPtr having;
  std::vector<NamedWindow> windows;
};

enum class SetOperator : unsigned char { Union, Intersect, Except };

struct SetOperation : QueryBody {
  explicit SetOperation(SourceLocation location) : QueryBody(Kind::SetOperation, location) {}
  SetOperator op = SetOperator::Union;
  bool all = false;
  QueryBodyPtr left, right;
};

struct ValuesBody : QueryBody {
  explicit ValuesBody(SourceLocation location) : QueryBody(Kind::Values, location) {}
  std::vector<std::vector<ExpressionPtr>> rows;
};

struct NestedQuery : QueryBody {
  explicit NestedQuery(SourceLocation location) : QueryBody(Kind::Nested, location) {}
  std::unique_ptr<Query> query;
};

struct CommonTableExpression {
  SourceLocation location;
  std::string name;
  std::vector<std::string> columns;
  std::unique_ptr<Query> query;
};

struct Query {
  SourceLocation location;
  std::vector<CommonTableExpression> with;
  QueryBodyPtr body;
  std::vector<SortItem> orderBy;
  std::optional<int64_t> limit;   // LIMIT n / FETCH FIRST n ROWS ONLY
  std::optional<int64_t> offset;
};

// ---------------------------------------------------------------------------------------------
// FROM clause

enum class RelationKind : unsigned char {
  Table,          // name [hints] [FOR SYSTEM_TIME AS OF e] [alias]
  Derived,        // (query) alias
  TableFunction,  // [LATERAL] TABLE(f(..)): UDTFs and window TVFs
  Unnest,
  Join,
  MatchRecognize,
};

enum class JoinKind : unsigned char { Inner, Left, Right, Full, Cross };

struct TableAlias {
  std::string name;
  std::vector<std::string> columns;
};

struct MatchRecognizeClause;

struct Relation {
  Relation(RelationKind kind, SourceLocation location) : kind(kind), location(location) {}
  virtual ~Relation() = default;
  RelationKind kind;
  SourceLocation location;
  TableAlias alias;
};

struct TableRelation : Relation {
  explicit TableRelation(SourceLocation location) : Relation(RelationKind::Table, location) {}
  std::vector<std::string> name;
  std::vector<Hint> hints;
  ExpressionPtr systemTimeAsOf;  // FOR SYSTEM_TIME AS OF ...
};

struct DerivedRelation : Relation {
  explicit DerivedRelation(SourceLocation location) : Relation(RelationKind::Derived, location) {}
  std::unique_ptr<Query> query;
  bool lateral = false;
  ExpressionPtr systemTimeAsOf;  // a versioned view: (SELECT ..) FOR SYSTEM_TIME AS OF ..
};

struct TableFunctionRelation : Relation {
  explicit TableFunctionRelation(SourceLocation location)
      : Relation(RelationKind::TableFunction, location) {}
  std::unique_ptr<FunctionCall> call;
  bool lateral = false;
};

struct UnnestRelation : Relation {
  explicit UnnestRelation(SourceLocation location) : Relation(RelationKind::Unnest, location) {}
  std::vector<ExpressionPtr> arguments;
  bool withOrdinality = false;
};

struct JoinRelation : Relation {
  explicit JoinRelation(SourceLocation location) : Relation(RelationKind::Join, location) {}
  JoinKind joinKind = JoinKind::Inner;
  bool lateral = false;
  RelationPtr left, right;
  ExpressionPtr condition;  // ON ..
  std::vector<std::string> usingColumns;
};

enum class AfterMatchSkip : unsigned char { PastLastRow, ToNextRow, ToFirst, ToLast };

struct PatternDefinition {
  std::string variable;
  ExpressionPtr condition;
};

struct MatchRecognizeRelation : Relation {
  explicit MatchRecognizeRelation(SourceLocation location)
      : Relation(RelationKind::MatchRecognize, location) {}
  RelationPtr input;
  std::vector<ExpressionPtr> partitionBy;
  std::vector<SortItem> orderBy;
  std::vector<std::pair<ExpressionPtr, std::string>> measures;
  bool allRowsPerMatch = false;
  AfterMatchSkip afterMatch = AfterMatchSkip::PastLastRow;
  std::string skipToVariable;
  std::string pattern;  // the row pattern as written, normalized spacing
  std::vector<std::string> patternVariables;  // every variable the pattern names
  ExpressionPtr within;
  std::vector<std::pair<std::string, std::vector<std::string>>> subsets;
  std::vector<PatternDefinition> definitions;
};

}  // namespace sluice::ast

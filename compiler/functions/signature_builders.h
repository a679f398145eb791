// Building blocks for the built-in function catalog (internal to compiler/functions): operand
// checkers per type family (ArgSpec), result rules (ResultRule) and signatures, so that each
// built-in is declared as a short table entry, e.g.
//
//   r.add(scalar("CHAR_LENGTH", {sig({stringArg()}, nullableIfArgs(DataType::integer()))}));
//
// Overloads are tried in order; the first whose operands all fit wins. When none fits, the error
// names the function, the actual operand types and every signature:
//   invalid arguments to DATE_FORMAT(INT, STRING); expected DATE_FORMAT(TIMESTAMP, STRING) or ...
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/result.h"
#include "compiler/functions/function_registry.h"
#include "compiler/types/data_type.h"

namespace sluice::builtin {

// The operands of a call once an overload matched: the originals and the types they are
// converted to (an operand's own type when no implicit cast is needed).
class CallArgs {
 public:
  CallArgs(std::span<const CallOperand> operands, std::vector<DataType> types,
           std::optional<DataType> common)
      : operands_(operands), types_(std::move(types)), common_(std::move(common)) {}

  size_t size() const { return operands_.size(); }
  const CallOperand& operand(size_t i) const { return operands_[i]; }
  const DataType& type(size_t i) const { return types_[i]; }
  const std::vector<DataType>& types() const { return types_; }
  // The common type of the operands a signature unifies (Signature::commonFrom); nullable when
  // any of them is.
  const std::optional<DataType>& common() const { return common_; }
  bool anyNullable() const;  // keyword (SYMBOL) operands never count
  bool allNullable() const;
  // The value of an integer literal operand (ROUND(x, 2), TO_TIMESTAMP_LTZ(x, 3)).
  std::optional<int64_t> integerLiteral(size_t i) const;

 private:
  std::span<const CallOperand> operands_;
  std::vector<DataType> types_;
  std::optional<DataType> common_;
};

// One operand position: its name in signatures ("STRING", "NUMERIC", "INT") and a check that
// returns the type the operand converts to, or nullopt when the operand does not fit.
struct ArgSpec {
  std::string label;
  std::function<std::optional<DataType>(const CallOperand&)> accept;
};

// Operand families, named as Flink names them in signatures. An untyped NULL fits every scalar
// family and is converted to the family's default type (STRING, INT, BOOLEAN, ...).
ArgSpec anyArg();           // ANY: any value (not a keyword)
ArgSpec stringArg();        // STRING: CHAR, VARCHAR
ArgSpec bytesArg();         // BYTES: BINARY, VARBINARY
ArgSpec numericArg();       // NUMERIC: integers, DECIMAL, FLOAT, DOUBLE
ArgSpec exactNumericArg();  // EXACT_NUMERIC: integers, DECIMAL
ArgSpec integerArg();       // INTEGER: TINYINT..BIGINT (Calcite's INTEGER family)
ArgSpec intArg();           // INT: TINYINT, SMALLINT, INT, widened to INT
ArgSpec booleanArg();       // BOOLEAN
ArgSpec dateArg();          // DATE
ArgSpec timeArg();          // TIME
ArgSpec timestampArg();     // TIMESTAMP: TIMESTAMP, TIMESTAMP_LTZ
ArgSpec datetimeArg();      // DATETIME: DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ
ArgSpec intervalArg();      // INTERVAL
ArgSpec arrayArg();         // ARRAY
ArgSpec mapArg();           // MAP
ArgSpec collectionArg();    // ARRAY, MULTISET or MAP
ArgSpec rowtimeArg();       // a rowtime attribute (TIMESTAMP or TIMESTAMP_LTZ *ROWTIME*)
// A keyword operand (Symbol), e.g. the unit of TIMESTAMPDIFF; empty `keywords` accepts any.
ArgSpec symbolArg(std::string label, std::vector<std::string> keywords = {});
// Either of two families; the label is "A|B" unless given.
ArgSpec eitherArg(ArgSpec a, ArgSpec b, std::string label = {});

// How the result type derives from the (converted) operands.
using ResultRule = std::function<Result<DataType>(const CallArgs&)>;

ResultRule explicitType(DataType type);  // exactly `type`
ResultRule argType(size_t i);            // operand i's type, without its time attribute
ResultRule commonType();                 // the unified operands' common type
// Nullability modifiers, as Flink's TypeStrategies: nullable iff any operand / operand i / all
// operands are nullable; always nullable.
ResultRule nullableIfArgs(ResultRule rule);
ResultRule nullableIfArgs(DataType type);
ResultRule nullableIfArg(size_t i, ResultRule rule);
ResultRule nullableIfAllArgs(ResultRule rule);
ResultRule forceNullable(ResultRule rule);
ResultRule forceNullable(DataType type);
ResultRule varyingString(ResultRule rule);  // CHAR(n) -> VARCHAR(n), BINARY(n) -> VARBINARY(n)

struct Signature {
  std::vector<ArgSpec> args;
  std::optional<ArgSpec> repeated;  // may follow `args` zero or more times
  ResultRule result;
  // Operands from this index on (including repeated ones) are converted to their least
  // restrictive type, available to result rules as CallArgs::common().
  std::optional<size_t> commonFrom;
};

Signature sig(std::vector<ArgSpec> args, ResultRule result);
Signature varying(std::vector<ArgSpec> args, ArgSpec repeated, ResultRule result);
Signature unified(Signature signature, size_t commonFrom = 0);

// Definitions from overloads, tried in order.
FunctionDefinition scalar(std::string name, std::vector<Signature> signatures);
FunctionDefinition aggregate(std::string name, std::vector<Signature> signatures);
FunctionDefinition ranking(std::string name, std::vector<Signature> signatures);
FunctionDefinition tableFunction(std::string name, std::vector<Signature> signatures);
FunctionDefinition overloaded(std::string name, FunctionKind kind,
                              std::vector<Signature> signatures);
// A definition whose inference is written by hand; `signatures` are for error messages.
FunctionDefinition custom(std::string name, FunctionKind kind, std::vector<std::string> signatures,
                          TypeInference infer);
FunctionDefinition nonDeterministic(FunctionDefinition definition);
FunctionDefinition withoutParentheses(FunctionDefinition definition);

// ---- helpers for hand-written inference ----

// "DATE_FORMAT(INT, STRING)"; keyword operands show their keyword.
std::string describeCall(std::string_view name, std::span<const CallOperand> operands);
// "invalid arguments to F(INT); expected F(STRING) or F(BYTES)"
Failure invalidArguments(std::string_view name, std::span<const CallOperand> operands,
                         const std::vector<std::string>& signatures);
// The operands' own types (no implicit casts).
std::vector<DataType> ownTypes(std::span<const CallOperand> operands);
// The type an operand is converted to: itself when already of the target type (keeping time
// attributes), else the target with the operand's nullability.
DataType convertedTo(const DataType& operand, const DataType& target);
// The least restrictive type of operands [from, end); nullopt when there is none.
std::optional<DataType> commonTypeOf(std::span<const CallOperand> operands, size_t from = 0);
bool isKeyword(const CallOperand& operand);  // a SYMBOL operand

}  // namespace sluice::builtin

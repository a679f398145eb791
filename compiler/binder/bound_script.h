// What the binder produces for a script: per statement, its logical plan (for INSERT, statement
// sets and queries) or its effect on the catalog (DDL, SET), in file order.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/functions/native_functions.h"

#include "compiler/diagnostics/source_location.h"
#include "compiler/plan/logical_plan.h"

namespace sluice {

enum class BoundStatementKind : unsigned char {
  CatalogChange,  // CREATE / DROP / ALTER / SET / RESET / USE: applied to the catalog
  Insert,         // one or more sinks (a statement set has several)
  Query,          // a bare SELECT: results go to the client
  Explain,
  Show,           // SHOW / DESCRIBE: `text` holds the answer
};

struct BoundStatement {
  BoundStatementKind kind = BoundStatementKind::CatalogChange;
  SourceLocation location;
  std::string summary;  // "CREATE TABLE bid", "INSERT INTO nexmark_q1", ...
  std::vector<plan::NodeRef> sinks;  // Insert / Query / Explain: one root per sink
  std::vector<std::string> explainDetails;
  std::string text;  // Show
};

struct BoundScript {
  std::vector<BoundStatement> statements;
  // Per statement: the SET options in force after it (a job runs with those where it stands).
  std::vector<std::map<std::string, std::string>> optionsAfter;
  // Per statement: the native library functions its calls use (what its job plan records).
  std::vector<std::vector<NativeFunctionUse>> nativeFunctions;
};

}  // namespace sluice

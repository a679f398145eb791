// JSON form of the job plan artifact (nlohmann/json). Types are written structurally so a
// reader needs no SQL type parser.
#include <nlohmann/json.hpp>

#include "compiler/artifact/job_plan.h"

namespace sluice::artifact {
namespace {

using Json = nlohmann::ordered_json;

struct KindName {
  TypeKind kind;
  const char* name;
};
constexpr KindName kKindNames[] = {
    {TypeKind::Null, "NULL"},          {TypeKind::Boolean, "BOOLEAN"},
    {TypeKind::TinyInt, "TINYINT"},    {TypeKind::SmallInt, "SMALLINT"},
    {TypeKind::Int, "INT"},            {TypeKind::BigInt, "BIGINT"},
    {TypeKind::Float, "FLOAT"},        {TypeKind::Double, "DOUBLE"},
    {TypeKind::Decimal, "DECIMAL"},    {TypeKind::Char, "CHAR"},
    {TypeKind::VarChar, "VARCHAR"},    {TypeKind::Binary, "BINARY"},
    {TypeKind::VarBinary, "VARBINARY"}, {TypeKind::Date, "DATE"},
    {TypeKind::Time, "TIME"},          {TypeKind::Timestamp, "TIMESTAMP"},
    {TypeKind::TimestampLtz, "TIMESTAMP_LTZ"},
    {TypeKind::IntervalYearMonth, "INTERVAL_YEAR_MONTH"},
    {TypeKind::IntervalDayTime, "INTERVAL_DAY_TIME"},
    {TypeKind::Array, "ARRAY"},        {TypeKind::Multiset, "MULTISET"},
    {TypeKind::Map, "MAP"},            {TypeKind::Row, "ROW"},
    {TypeKind::Raw, "RAW"},            {TypeKind::Symbol, "SYMBOL"},
    {TypeKind::Descriptor, "DESCRIPTOR"},
};

Json typeToJson(const DataType& type) {
  Json j;
  for (const KindName& k : kKindNames) {
    if (k.kind == type.kind()) j["kind"] = k.name;
  }
  if (!type.nullable()) j["nullable"] = false;
  switch (type.kind()) {
    case TypeKind::Decimal:
      j["precision"] = type.precision();
      j["scale"] = type.scale();
      break;
    case TypeKind::Char:
    case TypeKind::VarChar:
    case TypeKind::Binary:
    case TypeKind::VarBinary: j["length"] = type.length(); break;
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz:
    case TypeKind::IntervalDayTime: j["precision"] = type.precision(); break;
    case TypeKind::Array:
    case TypeKind::Multiset: j["element"] = typeToJson(type.elementType()); break;
    case TypeKind::Map:
      j["key"] = typeToJson(type.keyType());
      j["value"] = typeToJson(type.valueType());
      break;
    case TypeKind::Row: {
      Json fields = Json::array();
      for (const RowField& f : type.fields()) {
        fields.push_back({{"name", f.name}, {"type", typeToJson(*f.type)}});
      }
      j["fields"] = fields;
      break;
    }
    case TypeKind::Raw: j["class"] = type.rawClassName(); break;
    default: break;
  }
  if (type.isRowtime()) j["time"] = "rowtime";
  if (type.isProctime()) j["time"] = "proctime";
  return j;
}

DataType typeFromJson(const Json& j) {
  const std::string name = j.at("kind").get<std::string>();
  const TypeKind* kind = nullptr;
  for (const KindName& k : kKindNames) {
    if (name == k.name) kind = &k.kind;
  }
  if (!kind) throw std::runtime_error("unknown type kind '" + name + "'");
  DataType type;
  switch (*kind) {
    case TypeKind::Null: type = DataType::null(); break;
    case TypeKind::Boolean: type = DataType::boolean(); break;
    case TypeKind::TinyInt: type = DataType::tinyInt(); break;
    case TypeKind::SmallInt: type = DataType::smallInt(); break;
    case TypeKind::Int: type = DataType::integer(); break;
    case TypeKind::BigInt: type = DataType::bigInt(); break;
    case TypeKind::Float: type = DataType::floatType(); break;
    case TypeKind::Double: type = DataType::doubleType(); break;
    case TypeKind::Decimal:
      type = DataType::decimal(j.at("precision").get<int>(), j.at("scale").get<int>());
      break;
    case TypeKind::Char: type = DataType::charType(j.at("length").get<int32_t>()); break;
    case TypeKind::VarChar: type = DataType::varchar(j.at("length").get<int32_t>()); break;
    case TypeKind::Binary: type = DataType::binary(j.at("length").get<int32_t>()); break;
    case TypeKind::VarBinary: type = DataType::varbinary(j.at("length").get<int32_t>()); break;
    case TypeKind::Date: type = DataType::date(); break;
    case TypeKind::Time: type = DataType::time(j.at("precision").get<int>()); break;
    case TypeKind::Timestamp: type = DataType::timestamp(j.at("precision").get<int>()); break;
    case TypeKind::TimestampLtz:
      type = DataType::timestampLtz(j.at("precision").get<int>());
      break;
    case TypeKind::IntervalYearMonth: type = DataType::intervalYearMonth(); break;
    case TypeKind::IntervalDayTime:
      type = DataType::intervalDayTime(j.at("precision").get<int>());
      break;
    case TypeKind::Array: type = DataType::array(typeFromJson(j.at("element"))); break;
    case TypeKind::Multiset: type = DataType::multiset(typeFromJson(j.at("element"))); break;
    case TypeKind::Map:
      type = DataType::map(typeFromJson(j.at("key")), typeFromJson(j.at("value")));
      break;
    case TypeKind::Row: {
      std::vector<std::pair<std::string, DataType>> fields;
      for (const Json& f : j.at("fields")) {
        fields.emplace_back(f.at("name").get<std::string>(), typeFromJson(f.at("type")));
      }
      type = DataType::row(fields);
      break;
    }
    case TypeKind::Raw: type = DataType::raw(j.at("class").get<std::string>()); break;
    case TypeKind::Symbol: type = DataType::symbol(); break;
    case TypeKind::Descriptor: type = DataType::descriptor(); break;
  }
  type = type.withNullable(j.value("nullable", true));
  const std::string time = j.value("time", "");
  if (time == "rowtime") type = type.withTimeAttribute(TimeAttribute::Rowtime);
  if (time == "proctime") type = type.withTimeAttribute(TimeAttribute::Proctime);
  return type;
}

constexpr const char* kExpressionKinds[] = {"column", "literal", "call", "cast", "field"};

Json expressionToJson(const Expression& e) {
  Json j;
  j["kind"] = kExpressionKinds[static_cast<int>(e.kind)];
  j["type"] = typeToJson(e.type);
  if (e.kind == ExpressionKind::Column || e.kind == ExpressionKind::FieldAccess) {
    j["column"] = e.column;
  }
  if (e.kind == ExpressionKind::Literal) {
    j["value"] = e.literal ? Json(*e.literal) : Json(nullptr);
  }
  if (!e.function.empty()) j["function"] = e.function;
  if (!e.arguments.empty()) {
    Json arguments = Json::array();
    for (const Expression& a : e.arguments) arguments.push_back(expressionToJson(a));
    j["arguments"] = arguments;
  }
  return j;
}

Expression expressionFromJson(const Json& j) {
  Expression e;
  const std::string kind = j.at("kind").get<std::string>();
  bool known = false;
  for (int i = 0; i < 5; ++i) {
    if (kind == kExpressionKinds[i]) {
      e.kind = static_cast<ExpressionKind>(i);
      known = true;
    }
  }
  if (!known) throw std::runtime_error("unknown expression kind '" + kind + "'");
  e.type = typeFromJson(j.at("type"));
  e.column = j.value("column", -1);
  if (e.kind == ExpressionKind::Literal && !j.at("value").is_null()) {
    e.literal = j.at("value").get<std::string>();
  }
  e.function = j.value("function", "");
  if (j.contains("arguments")) {
    for (const Json& a : j.at("arguments")) e.arguments.push_back(expressionFromJson(a));
  }
  return e;
}

constexpr NodeKind kNodeKinds[] = {NodeKind::Source, NodeKind::Values, NodeKind::Calc,
                                   NodeKind::WatermarkAssigner, NodeKind::Union, NodeKind::Sink,
                                   NodeKind::Exchange, NodeKind::GroupAggregate,
                                   NodeKind::WindowAggregate, NodeKind::WindowTableFunction,
                                   NodeKind::Rank, NodeKind::Deduplicate, NodeKind::OverAggregate,
                                   NodeKind::Expand, NodeKind::ChangelogNormalize,
                                   NodeKind::SinkUpsertMaterializer, NodeKind::Join,
                                   NodeKind::IntervalJoin, NodeKind::WindowJoin,
                                   NodeKind::TemporalJoin, NodeKind::LookupJoin,
                                   NodeKind::ReplicateRows, NodeKind::Correlate};
constexpr JoinType kJoinTypes[] = {JoinType::Inner, JoinType::Left, JoinType::Right,
                                   JoinType::Full,  JoinType::Semi, JoinType::Anti};
constexpr const char* kWindowKinds[] = {"TUMBLE", "HOP", "CUMULATE", "SESSION"};
constexpr const char* kWindowProperties[] = {"start", "end", "rowtime", "proctime"};

template <size_t N>
int indexOfName(const char* const (&names)[N], const std::string& name, const char* what) {
  for (size_t i = 0; i < N; ++i) {
    if (name == names[i]) return static_cast<int>(i);
  }
  throw std::runtime_error(std::string("unknown ") + what + " '" + name + "'");
}
constexpr Distribution kDistributions[] = {Distribution::Forward, Distribution::Hash,
                                           Distribution::Rebalance, Distribution::Single,
                                           Distribution::Broadcast};

Distribution distributionFromJson(const std::string& name) {
  for (Distribution d : kDistributions) {
    if (name == distributionName(d)) return d;
  }
  throw std::runtime_error("unknown distribution '" + name + "'");
}

Json nodeToJson(const Node& n) {
  Json j;
  j["id"] = n.id;
  j["kind"] = nodeKindName(n.kind);
  j["inputs"] = n.inputs;
  Json schema = Json::array();
  for (const Field& f : n.schema) schema.push_back({{"name", f.name}, {"type", typeToJson(f.type)}});
  j["schema"] = schema;
  j["parallelism"] = n.parallelism;
  if (!n.location.empty()) j["location"] = n.location;
  if (!n.table.empty()) j["table"] = n.table;
  if (!n.connector.empty()) j["connector"] = n.connector;
  if (!n.options.empty()) j["options"] = n.options;
  if (!n.partitionKeys.empty()) j["partitionKeys"] = n.partitionKeys;
  if (!n.projections.empty()) {
    Json projections = Json::array();
    for (const Expression& e : n.projections) projections.push_back(expressionToJson(e));
    j["projections"] = projections;
  }
  if (n.condition) j["condition"] = expressionToJson(*n.condition);
  if (n.rowtimeColumn >= 0) j["rowtime"] = n.rowtimeColumn;
  if (n.watermark) j["watermark"] = expressionToJson(*n.watermark);
  if (!n.rows.empty()) {
    Json rows = Json::array();
    for (const auto& row : n.rows) {
      Json values = Json::array();
      for (const Expression& e : row) values.push_back(expressionToJson(e));
      rows.push_back(values);
    }
    j["rows"] = rows;
  }
  if (n.kind == NodeKind::Exchange) j["distribution"] = distributionName(n.distribution);
  if (!n.keys.empty()) j["keys"] = n.keys;
  const bool windowed =
      n.kind == NodeKind::WindowAggregate || n.kind == NodeKind::WindowTableFunction;
  if (windowed) {
    const Window& w = n.window;
    j["window"] = {{"kind", kWindowKinds[static_cast<int>(w.kind)]},
                   {"timeColumn", w.timeColumn},
                   {"eventTime", w.eventTime},
                   {"size", w.sizeMicros},
                   {"slide", w.slideMicros},
                   {"gap", w.gapMicros},
                   {"offset", w.offsetMicros},
                   {"localTime", w.localTime}};
    Json properties = Json::array();
    for (WindowProperty p : n.windowProperties) {
      properties.push_back(kWindowProperties[static_cast<int>(p)]);
    }
    j["windowProperties"] = properties;
  }
  if (!n.sortKeys.empty()) {
    Json keys = Json::array();
    for (const SortKey& k : n.sortKeys) {
      keys.push_back({{"column", k.column}, {"descending", k.descending}, {"nullsFirst", k.nullsFirst}});
    }
    j["sortKeys"] = keys;
  }
  if (n.kind == NodeKind::Rank) {
    j["rankFunction"] = n.rankFunction;
    j["rankStart"] = n.rankStart;
    j["rankEnd"] = n.rankEnd;
    j["outputRankNumber"] = n.outputRankNumber;
  }
  if (n.kind == NodeKind::Deduplicate) j["keepLastRow"] = n.keepLastRow;
  if (n.windowEndColumn >= 0) j["windowEndColumn"] = n.windowEndColumn;
  if (!n.uniqueKey.empty()) j["uniqueKey"] = n.uniqueKey;
  if (n.kind == NodeKind::Rank || n.kind == NodeKind::Deduplicate ||
      n.kind == NodeKind::OverAggregate) {
    j["eventTime"] = n.eventTime;
  }
  if (n.kind == NodeKind::OverAggregate) {
    j["rowsFrame"] = n.rowsFrame;
    j["precedingBound"] = n.precedingBound;
  }
  if (!n.aggregates.empty() || n.kind == NodeKind::GroupAggregate) {
    Json calls = Json::array();
    for (const AggregateCall& call : n.aggregates) {
      Json c = {{"function", call.function}, {"arguments", call.arguments},
                {"type", typeToJson(call.type)}};
      if (call.distinct) c["distinct"] = true;
      if (call.filterColumn >= 0) c["filter"] = call.filterColumn;
      if (call.separator) c["separator"] = *call.separator;
      if (call.native()) {
        c["native"] = {{"library", call.nativeLibrary},
                       {"identifier", call.nativeIdentifier},
                       {"index", call.nativeIndex},
                       {"merges", call.nativeMerges}};
      }
      calls.push_back(c);
    }
    j["aggregates"] = calls;
  }
  // Every stateful node's changelog flags (Rank and Deduplicate need them as much as aggregates).
  if (!n.emitsUpdateBefore) j["emitsUpdateBefore"] = false;
  if (n.inputUpdates) j["inputUpdates"] = true;
  if (n.aggregatePhase != AggregatePhase::Single) {
    j["aggregatePhase"] = n.aggregatePhase == AggregatePhase::Local ? "local" : "global";
  }
  if (n.partialFinal != PartialFinal::None) {
    j["partialFinal"] = n.partialFinal == PartialFinal::Partial ? "partial" : "final";
  }
  if (n.stateTtlMillis > 0) j["stateTtlMillis"] = n.stateTtlMillis;
  if (isJoinKind(n.kind)) {
    j["joinType"] = joinTypeName(n.joinType);
    j["rightKeys"] = n.rightKeys;
    if (!n.leftUniqueKey.empty()) j["leftUniqueKey"] = n.leftUniqueKey;
    if (!n.rightUniqueKey.empty()) j["rightUniqueKey"] = n.rightUniqueKey;
  }
  if (n.kind == NodeKind::IntervalJoin) {
    j["leftTimeColumn"] = n.leftTimeColumn;
    j["rightTimeColumn"] = n.rightTimeColumn;
    j["lowerBoundMicros"] = n.lowerBoundMicros;
    j["upperBoundMicros"] = n.upperBoundMicros;
    j["eventTime"] = n.eventTime;
  }
  if (n.kind == NodeKind::WindowJoin) {
    j["windowEndColumn"] = n.windowEndColumn;
    j["rightWindowEndColumn"] = n.rightWindowEndColumn;
  }
  if (n.kind == NodeKind::TemporalJoin) {
    j["probeTimeColumn"] = n.probeTimeColumn;
    j["versionTimeColumn"] = n.versionTimeColumn;
  }
  if (n.kind == NodeKind::LookupJoin) {
    Json schema = Json::array();
    for (const Field& f : n.lookupSchema) {
      schema.push_back({{"name", f.name}, {"type", typeToJson(f.type)}});
    }
    j["lookupSchema"] = schema;
    if (!n.lookupConstantKeys.empty()) {
      j["lookupConstantKeys"] = n.lookupConstantKeys;
      Json constants = Json::array();
      for (const Expression& e : n.lookupConstants) constants.push_back(expressionToJson(e));
      j["lookupConstants"] = constants;
    }
    if (!n.lookupHint.empty()) j["lookupHint"] = n.lookupHint;
  }
  if (n.kind == NodeKind::Correlate) j["tableFunction"] = n.tableFunction;
  return j;
}

Node nodeFromJson(const Json& j) {
  Node n;
  n.id = j.at("id").get<int>();
  const std::string kind = j.at("kind").get<std::string>();
  bool known = false;
  for (NodeKind k : kNodeKinds) {
    if (kind == nodeKindName(k)) {
      n.kind = k;
      known = true;
    }
  }
  if (!known) throw std::runtime_error("unknown node kind '" + kind + "'");
  n.inputs = j.at("inputs").get<std::vector<int>>();
  for (const Json& f : j.at("schema")) {
    n.schema.push_back({f.at("name").get<std::string>(), typeFromJson(f.at("type"))});
  }
  n.parallelism = j.value("parallelism", 1);
  n.location = j.value("location", "");
  n.table = j.value("table", "");
  n.connector = j.value("connector", "");
  if (j.contains("options")) n.options = j.at("options").get<std::map<std::string, std::string>>();
  // Absent in plans written before partitioned sinks: an unpartitioned table.
  if (j.contains("partitionKeys")) {
    n.partitionKeys = j.at("partitionKeys").get<std::vector<std::string>>();
  }
  if (j.contains("projections")) {
    for (const Json& e : j.at("projections")) n.projections.push_back(expressionFromJson(e));
  }
  if (j.contains("condition")) n.condition = expressionFromJson(j.at("condition"));
  n.rowtimeColumn = j.value("rowtime", -1);
  if (j.contains("watermark")) n.watermark = expressionFromJson(j.at("watermark"));
  if (j.contains("rows")) {
    for (const Json& row : j.at("rows")) {
      std::vector<Expression> values;
      for (const Json& e : row) values.push_back(expressionFromJson(e));
      n.rows.push_back(std::move(values));
    }
  }
  if (j.contains("distribution")) n.distribution = distributionFromJson(j.at("distribution"));
  if (j.contains("keys")) n.keys = j.at("keys").get<std::vector<int>>();
  if (j.contains("aggregates")) {
    for (const Json& c : j.at("aggregates")) {
      AggregateCall call;
      call.function = c.at("function").get<std::string>();
      call.arguments = c.at("arguments").get<std::vector<int>>();
      call.type = typeFromJson(c.at("type"));
      call.distinct = c.value("distinct", false);
      call.filterColumn = c.value("filter", -1);
      if (c.contains("separator")) call.separator = c.at("separator").get<std::string>();
      if (c.contains("native")) {
        const Json& native = c.at("native");
        call.nativeLibrary = native.at("library").get<std::string>();
        call.nativeIdentifier = native.at("identifier").get<std::string>();
        call.nativeIndex = native.at("index").get<int>();
        call.nativeMerges = native.value("merges", false);
      }
      n.aggregates.push_back(std::move(call));
    }
  }
  n.emitsUpdateBefore = j.value("emitsUpdateBefore", true);
  n.inputUpdates = j.value("inputUpdates", false);
  const std::string phase = j.value("aggregatePhase", std::string("single"));
  n.aggregatePhase = phase == "local"    ? AggregatePhase::Local
                     : phase == "global" ? AggregatePhase::Global
                                         : AggregatePhase::Single;
  const std::string partialFinal = j.value("partialFinal", std::string("none"));
  n.partialFinal = partialFinal == "partial" ? PartialFinal::Partial
                   : partialFinal == "final" ? PartialFinal::Final
                                             : PartialFinal::None;
  n.stateTtlMillis = j.value("stateTtlMillis", int64_t{0});
  if (j.contains("window")) {
    const Json& w = j.at("window");
    n.window.kind = static_cast<WindowKind>(
        indexOfName(kWindowKinds, w.at("kind").get<std::string>(), "window kind"));
    n.window.timeColumn = w.value("timeColumn", -1);
    n.window.eventTime = w.value("eventTime", true);
    n.window.sizeMicros = w.value("size", int64_t{0});
    n.window.slideMicros = w.value("slide", int64_t{0});
    n.window.gapMicros = w.value("gap", int64_t{0});
    n.window.offsetMicros = w.value("offset", int64_t{0});
    n.window.localTime = w.value("localTime", false);
  }
  if (j.contains("windowProperties")) {
    for (const Json& p : j.at("windowProperties")) {
      n.windowProperties.push_back(static_cast<WindowProperty>(
          indexOfName(kWindowProperties, p.get<std::string>(), "window property")));
    }
  }
  if (j.contains("sortKeys")) {
    for (const Json& k : j.at("sortKeys")) {
      n.sortKeys.push_back({k.at("column").get<int>(), k.value("descending", false),
                            k.value("nullsFirst", false)});
    }
  }
  n.rankFunction = j.value("rankFunction", "");
  n.rankStart = j.value("rankStart", int64_t{1});
  n.rankEnd = j.value("rankEnd", int64_t{1});
  n.outputRankNumber = j.value("outputRankNumber", false);
  n.keepLastRow = j.value("keepLastRow", false);
  n.windowEndColumn = j.value("windowEndColumn", -1);
  if (j.contains("uniqueKey")) n.uniqueKey = j.at("uniqueKey").get<std::vector<int>>();
  n.eventTime = j.value("eventTime", true);
  n.rowsFrame = j.value("rowsFrame", false);
  n.precedingBound = j.value("precedingBound", int64_t{-1});
  if (isJoinKind(n.kind)) {
    const std::string type = j.value("joinType", std::string("InnerJoin"));
    bool known = false;
    for (JoinType candidate : kJoinTypes) {
      if (type == joinTypeName(candidate)) {
        n.joinType = candidate;
        known = true;
      }
    }
    if (!known) throw std::runtime_error("unknown joinType '" + type + "'");
    if (j.contains("rightKeys")) n.rightKeys = j.at("rightKeys").get<std::vector<int>>();
    if (j.contains("leftUniqueKey")) n.leftUniqueKey = j.at("leftUniqueKey").get<std::vector<int>>();
    if (j.contains("rightUniqueKey")) {
      n.rightUniqueKey = j.at("rightUniqueKey").get<std::vector<int>>();
    }
  }
  if (n.kind == NodeKind::IntervalJoin) {
    n.leftTimeColumn = j.at("leftTimeColumn").get<int>();
    n.rightTimeColumn = j.at("rightTimeColumn").get<int>();
    n.lowerBoundMicros = j.at("lowerBoundMicros").get<int64_t>();
    n.upperBoundMicros = j.at("upperBoundMicros").get<int64_t>();
  }
  if (n.kind == NodeKind::WindowJoin) {
    n.rightWindowEndColumn = j.at("rightWindowEndColumn").get<int>();
  }
  if (n.kind == NodeKind::TemporalJoin) {
    n.probeTimeColumn = j.at("probeTimeColumn").get<int>();
    n.versionTimeColumn = j.at("versionTimeColumn").get<int>();
  }
  if (n.kind == NodeKind::LookupJoin) {
    for (const Json& f : j.at("lookupSchema")) {
      n.lookupSchema.push_back({f.at("name").get<std::string>(), typeFromJson(f.at("type"))});
    }
    if (j.contains("lookupConstantKeys")) {
      n.lookupConstantKeys = j.at("lookupConstantKeys").get<std::vector<int>>();
      for (const Json& e : j.at("lookupConstants")) {
        n.lookupConstants.push_back(expressionFromJson(e));
      }
    }
    if (j.contains("lookupHint")) {
      n.lookupHint = j.at("lookupHint").get<std::map<std::string, std::string>>();
    }
  }
  if (n.kind == NodeKind::Correlate) n.tableFunction = j.value("tableFunction", std::string());
  return n;
}

}  // namespace

std::string nodeDigest(const Node& node) {
  Json j = nodeToJson(node);
  j.erase("id");
  j.erase("location");
  return j.dump();
}

std::string toJson(const JobPlan& plan) {
  Json j;
  j["format"] = "sluice-job-plan";
  j["version"] = plan.formatVersion;
  j["name"] = plan.name;
  j["configuration"] = plan.configuration;
  Json nodes = Json::array();
  for (const Node& n : plan.nodes) nodes.push_back(nodeToJson(n));
  j["nodes"] = nodes;
  Json pipelines = Json::array();
  for (const Pipeline& p : plan.pipelines) {
    pipelines.push_back(
        {{"id", p.id}, {"nodes", p.nodes}, {"inputs", p.inputs}, {"parallelism", p.parallelism}});
  }
  j["pipelines"] = pipelines;
  Json natives = Json::array();
  for (const NativeFunction& f : plan.nativeFunctions) {
    Json arguments = Json::array();
    for (const DataType& type : f.arguments) arguments.push_back(typeToJson(type));
    natives.push_back({{"name", f.name}, {"library", f.library}, {"identifier", f.identifier},
                       {"index", f.index}, {"arguments", arguments}, {"result", typeToJson(f.result)}});
  }
  j["nativeFunctions"] = natives;
  return j.dump(1) + "\n";
}

std::optional<JobPlan> fromJson(const std::string& text, std::string& error) {
  try {
    const Json j = Json::parse(text);
    if (j.value("format", "") != "sluice-job-plan") {
      error = "not a Sluice job plan (missing \"format\": \"sluice-job-plan\")";
      return std::nullopt;
    }
    JobPlan plan;
    plan.formatVersion = j.at("version").get<int>();
    if (plan.formatVersion != kFormatVersion) {
      error = "job plan format version " + std::to_string(plan.formatVersion) +
              " is not supported (this sqlc reads version " + std::to_string(kFormatVersion) + ")";
      return std::nullopt;
    }
    plan.name = j.value("name", "");
    plan.configuration = j.at("configuration").get<std::map<std::string, std::string>>();
    for (const Json& n : j.at("nodes")) plan.nodes.push_back(nodeFromJson(n));
    for (const Json& p : j.at("pipelines")) {
      plan.pipelines.push_back({p.at("id").get<int>(), p.at("nodes").get<std::vector<int>>(),
                                p.value("inputs", std::vector<int>{}), p.value("parallelism", 1)});
    }
    if (j.contains("nativeFunctions")) {
      for (const Json& f : j.at("nativeFunctions")) {
        NativeFunction function;
        function.name = f.at("name").get<std::string>();
        function.library = f.at("library").get<std::string>();
        function.identifier = f.at("identifier").get<std::string>();
        function.index = f.at("index").get<int>();
        for (const Json& type : f.at("arguments")) function.arguments.push_back(typeFromJson(type));
        function.result = typeFromJson(f.at("result"));
        plan.nativeFunctions.push_back(std::move(function));
      }
    }
    return plan;
  } catch (const std::exception& e) {
    error = std::string("malformed job plan: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace sluice::artifact

#include "compiler/physical/connector_changelog.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "compiler/catalog/catalog.h"
#include "compiler/types/identifier_case.h"

namespace sluice::physical {

namespace {

// A table's options with its OPTIONS hints applied, read in the dialect its connector key names.
class ConnectorOptions {
 public:
  ConnectorOptions(const TableDefinition& table, const TableOptions& hints)
      : options_(table.options) {
    options_.insert(options_.end(), hints.begin(), hints.end());  // later entries win
    if (find("connector", false)) {
      dialect_ = OptionDialect::Flink;
      connector_ = *find("connector", false);
    } else if (find("connector.type", false)) {
      dialect_ = OptionDialect::FlinkLegacy;
      connector_ = *find("connector.type", false);
    } else if (find("type", true)) {
      dialect_ = OptionDialect::Blink;
      connector_ = *find("type", true);
    }
    connector_ = toLowerAscii(connector_);
  }

  OptionDialect dialect() const { return dialect_; }
  const std::string& connector() const { return connector_; }
  bool is(std::initializer_list<std::string_view> identifiers) const {
    return std::find(identifiers.begin(), identifiers.end(), connector_) != identifiers.end();
  }

  // The value of `key` (any case for Blink's keys), the last one written winning.
  std::optional<std::string> value(std::string_view key) const {
    return find(key, dialect_ == OptionDialect::Blink);
  }
  bool isTrue(std::string_view key) const {
    auto v = value(key);
    return v && equalsIgnoreCase(*v, "true");
  }

  // The format of the record value: 'format' or 'value.format', the legacy 'format.type'.
  std::string format() const {
    for (const char* key : {"value.format", "format", "format.type"}) {
      if (auto v = value(key)) return toLowerAscii(*v);
    }
    return "";
  }

  std::string origin() const {
    std::string out = "connector '" + connector_ + "'";
    if (std::string f = format(); !f.empty()) out += " with format '" + f + "'";
    return out;
  }

 private:
  std::optional<std::string> find(std::string_view key, bool ignoreCase) const {
    for (auto it = options_.rbegin(); it != options_.rend(); ++it) {
      if (ignoreCase ? equalsIgnoreCase(it->first, key) : it->first == key) return it->second;
    }
    return std::nullopt;
  }

  TableOptions options_;
  OptionDialect dialect_ = OptionDialect::Flink;
  std::string connector_;
};

// The formats that encode a changelog (Flink's debezium, canal, maxwell and ogg formats): they
// read and write -U, +U and -D as well as +I.
bool isChangelogFormat(const std::string& format) {
  return format == "debezium-json" || format == "debezium-avro-confluent" ||
         format == "canal-json" || format == "maxwell-json" || format == "ogg-json";
}

std::string upsertKafkaNeedsKey(const TableDefinition& table) {
  return "'upsert-kafka' table '" + table.qualifiedName() +
         "' requires a PRIMARY KEY constraint: it names the columns of the Kafka message key, "
         "by which rows are updated and deleted";
}

// Every kind the query produces, updates with -U: print, collect.
SinkAcceptance everything(const ModifyKinds& requested, std::string origin) {
  return {{requested, beforeAndAfterOrNone(requested)}, std::move(origin)};
}

SinkAcceptance insertOnly(std::string origin) {
  return {ChangelogMode::insertOnly(), std::move(origin)};
}

SinkAcceptance upserts(std::string origin) {
  return {ChangelogMode::upsert(), std::move(origin)};
}

Result<SinkAcceptance> flinkSink(const TableDefinition& table, const ConnectorOptions& options,
                                 const ModifyKinds& requested) {
  const bool hasKey = !table.primaryKey.empty();
  if (options.is({"print"})) return everything(requested, options.origin());
  if (options.is({"blackhole"})) {
    // Flink's blackhole sink takes every kind but UPDATE_BEFORE.
    return SinkAcceptance{{requested, onlyAfterOrNone(requested)}, options.origin()};
  }
  if (options.is({"kafka", "filesystem"})) {
    if (isChangelogFormat(options.format())) {
      return SinkAcceptance{ChangelogMode::retract(), options.origin()};
    }
    return insertOnly(options.origin());
  }
  if (options.is({"upsert-kafka"})) {
    if (!hasKey) return fail(upsertKafkaNeedsKey(table));
    return upserts(options.origin());
  }
  if (options.is({"jdbc"})) {
    if (!hasKey && !requested.isInsertOnly()) {
      return fail("please declare primary key for sink table '" + table.qualifiedName() +
                  "' when query contains update/delete record");
    }
    return upserts(options.origin());
  }
  if (options.is({"hbase-1.4", "hbase-2.2"})) return upserts(options.origin());  // by row key
  if (options.is({"elasticsearch-6", "elasticsearch-7", "mongodb"})) {
    // Upsert mode with a primary key (the document id); append mode, inserts only, without.
    return hasKey ? upserts(options.origin()) : insertOnly(options.origin());
  }
  // Not a sink connector (datagen, nexmark, the CDC sources): refusing it is not this pass's
  // business.
  return everything(requested, options.origin());
}

// Flink 1.9-1.10 sinks: 'update-mode' says, else the sink's kind (kafka and filesystem append,
// jdbc, hbase and elasticsearch upsert).
SinkAcceptance legacySink(const ConnectorOptions& options, const ModifyKinds& requested) {
  std::string mode = toLowerAscii(options.value("update-mode").value_or(""));
  std::string origin = options.origin();
  if (mode == "append") return insertOnly(origin + " in 'append' mode");
  if (mode == "retract") return everything(requested, origin + " in 'retract' mode");
  if (mode == "upsert") return upserts(origin + " in 'upsert' mode");
  if (options.is({"kafka", "filesystem"})) return insertOnly(origin);
  return upserts(origin);
}

// Blink result tables: databases and key-value stores write by primary key, logs and queues
// append.
SinkAcceptance blinkSink(const TableDefinition& table, const ConnectorOptions& options,
                         const ModifyKinds& requested) {
  if (options.is({"print", "blackhole"})) return everything(requested, options.origin());
  if (options.is({"rds", "mysql", "oracle", "jdbc", "adb30", "adbpg", "cloudhbase", "hbase", "ots",
                  "hologres", "redis", "elasticsearch"})) {
    return table.primaryKey.empty() ? insertOnly(options.origin()) : upserts(options.origin());
  }
  return insertOnly(options.origin());
}

}  // namespace

Result<SourceChangelog> sourceChangelog(const TableDefinition& table, const TableOptions& hints) {
  ConnectorOptions options(table, hints);
  SourceChangelog source;
  switch (options.dialect()) {
    case OptionDialect::Flink:
      if (options.is({"upsert-kafka"})) {
        if (table.primaryKey.empty()) return fail(upsertKafkaNeedsKey(table));
        source.kinds = ModifyKinds::all();
        source.upsert = true;
      } else if ((options.is({"kafka", "filesystem"}) && isChangelogFormat(options.format())) ||
                 options.is({"mysql-cdc"})) {
        source.kinds = ModifyKinds::all();
      } else if (options.is({"postgres-cdc"})) {
        source.kinds = ModifyKinds::all();
        source.upsert = equalsIgnoreCase(options.value("changelog-mode").value_or(""), "upsert");
      }
      break;
    case OptionDialect::FlinkLegacy: break;  // legacy sources append
    case OptionDialect::Blink:
      // A Hologres binlog read as a changelog.
      if (options.is({"hologres"}) && options.isTrue("binlog") && options.isTrue("cdcMode")) {
        source.kinds = ModifyKinds::all();
      }
      break;
  }
  return source;
}

Result<SinkAcceptance> sinkAcceptance(const TableDefinition& table, const TableOptions& hints,
                                      const ModifyKinds& requested) {
  ConnectorOptions options(table, hints);
  switch (options.dialect()) {
    case OptionDialect::Flink: return flinkSink(table, options, requested);
    case OptionDialect::FlinkLegacy: return legacySink(options, requested);
    case OptionDialect::Blink: return blinkSink(table, options, requested);
  }
  return everything(requested, options.origin());
}

SinkAcceptance collectAcceptance(const ModifyKinds& requested) {
  return everything(requested, "the client of a query");
}

}  // namespace sluice::physical

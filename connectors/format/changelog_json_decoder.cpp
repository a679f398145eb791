#include "connectors/format/changelog_json_decoder.h"

#include <nlohmann/json.hpp>

#include "runtime/connector/connector.h"

namespace sluice::connectors {

using nlohmann::json;
using runtime::RowKind;
using runtime::Value;

struct ChangelogJsonDecoder::Event {
  std::string_view record;
  json document;
  size_t start = 0;  // of the record's JSON text
  DecodeError& error;

  // Fails the record at the value of its top-level member `member` (at its start if absent).
  DecodeResult fail(std::string_view member, std::string message) {
    const size_t offset = member.empty() ? 0 : jsonMemberValueOffset(record, member);
    error = {offset == 0 ? start : offset, std::move(message)};
    return DecodeResult::Error;
  }
};

namespace {

const char* formatName(ChangelogJsonFlavor flavor) {
  switch (flavor) {
    case ChangelogJsonFlavor::Debezium: return "Debezium";
    case ChangelogJsonFlavor::Canal: return "Canal";
    case ChangelogJsonFlavor::Maxwell: return "Maxwell";
  }
  return "?";
}

std::optional<std::regex> includePattern(const FormatContext& context, const std::string& name) {
  const std::string key = context.key(name);
  const auto text = context.options.find(key);
  if (!text) return std::nullopt;
  try {
    return std::regex(*text, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    context.options.invalid(key, "a regular expression");
  }
}

// Canal's and Maxwell's update images: "old" holds only the fields that changed, so the others
// had the values they have after the update.
json beforeImage(const json& after, const json& old) {
  json before = after;
  for (const auto& [name, value] : old.items()) before[name] = value;
  return before;
}

std::string stringMember(const json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

ChangelogJsonDecoder::ChangelogJsonDecoder(ChangelogJsonFlavor flavor, const FormatContext& context)
    : flavor_(flavor), rows_(context) {
  for (const artifact::Field& field : context.fields) fieldNames_.push_back(field.name);
  if (flavor == ChangelogJsonFlavor::Debezium) {
    schemaInclude_ = context.options.flag(context.key("schema-include"), false);
  }
  if (flavor == ChangelogJsonFlavor::Canal) {
    databaseInclude_ = includePattern(context, "database.include");
    tableInclude_ = includePattern(context, "table.include");
  }
}

DecodeResult ChangelogJsonDecoder::decode(std::string_view record, std::vector<Value>& row,
                                          DecodeError& error) const {
  std::vector<DecodedChange> changes;
  DecodeResult result = decodeChanges(record, changes, error);
  if (result == DecodeResult::Row && changes.empty()) return DecodeResult::Skip;
  if (result == DecodeResult::Row) row = std::move(changes.front().row);
  return result;
}

DecodeResult ChangelogJsonDecoder::decodeChanges(std::string_view record,
                                                 std::vector<DecodedChange>& changes,
                                                 DecodeError& error) const {
  Event event{record, json(), 0, error};
  while (event.start < record.size() &&
         (record[event.start] == ' ' || record[event.start] == '\t')) {
    ++event.start;
  }
  if (event.start == record.size()) return DecodeResult::Skip;  // a tombstone, as Flink skips
  try {
    event.document = json::parse(record);
  } catch (const json::parse_error& e) {
    error = {e.byte > 0 ? e.byte - 1 : 0,
             std::string("invalid JSON in ") + formatName(flavor_) + " record"};
    return DecodeResult::Error;
  }
  if (!event.document.is_object()) {
    return event.fail("", std::string("expected a ") + formatName(flavor_) +
                              " JSON object but found " + event.document.type_name());
  }
  switch (flavor_) {
    case ChangelogJsonFlavor::Debezium: return debezium(event, changes);
    case ChangelogJsonFlavor::Canal: return canal(event, changes);
    case ChangelogJsonFlavor::Maxwell: return maxwell(event, changes);
  }
  return DecodeResult::Error;
}

bool ChangelogJsonDecoder::addImage(Event& event, const json& image, RowKind kind,
                                    std::string_view member, std::vector<DecodedChange>& changes,
                                    size_t& count) const {
  if (!image.is_object()) {
    event.fail(member, "\"" + std::string(member) + "\" holds JSON " + image.type_name() +
                           ", not a row object");
    return false;
  }
  if (changes.size() <= count) changes.resize(count + 1);
  DecodedChange& change = changes[count];
  std::string message;
  int badField = -1;
  if (!rows_.decodeObject(image, change.row, message, badField)) {
    event.fail(member, message + " in \"" + std::string(member) + "\"");
    return false;
  }
  change.kind = kind;
  ++count;
  return true;
}

DecodeResult ChangelogJsonDecoder::debezium(Event& event,
                                            std::vector<DecodedChange>& changes) const {
  const json* payload = &event.document;
  const std::string_view top = schemaInclude_ ? "payload" : "";
  if (schemaInclude_) {
    const auto it = event.document.find("payload");
    if (it == event.document.end() || !it->is_object()) {
      return event.fail("",
                        "Debezium record has no \"payload\" object, which "
                        "'debezium-json.schema-include' = 'true' expects");
    }
    payload = &*it;
  } else if (event.document.contains("schema") && event.document.contains("payload")) {
    return event.fail("",
                      "Debezium record holds a \"schema\" and a \"payload\": set "
                      "'debezium-json.schema-include' = 'true' to read it");
  }
  const auto member = [&](const char* name) -> std::string_view {
    return top.empty() ? std::string_view(name) : top;
  };
  const std::string op = stringMember(*payload, "op");
  const json null;
  const auto image = [&](const char* name) -> const json& {
    const auto it = payload->find(name);
    return it == payload->end() ? null : *it;
  };
  size_t count = 0;
  bool ok = true;
  if (op == "c" || op == "r") {
    ok = addImage(event, image("after"), RowKind::Insert, member("after"), changes, count);
  } else if (op == "u" || op == "d") {
    const char* what = op == "u" ? "UPDATE" : "DELETE";
    if (image("before").is_null()) {
      // Flink's hint: Postgres sends no before image unless the table's REPLICA IDENTITY is FULL.
      return event.fail(member("before"),
                        std::string("the \"before\" field of a Debezium ") + what +
                            " record is null; with the Debezium Postgres "
                            "connector, set the table's REPLICA IDENTITY to FULL");
    }
    ok = addImage(event, image("before"), op == "u" ? RowKind::UpdateBefore : RowKind::Delete,
                  member("before"), changes, count);
    if (ok && op == "u") {
      ok = addImage(event, image("after"), RowKind::UpdateAfter, member("after"), changes, count);
    }
  } else {
    return event.fail(member("op"), "unknown \"op\" value \"" + op +
                                        "\" in Debezium record (expected c, r, u or d)");
  }
  if (!ok) return DecodeResult::Error;
  changes.resize(count);
  return DecodeResult::Row;
}

DecodeResult ChangelogJsonDecoder::canal(Event& event, std::vector<DecodedChange>& changes) const {
  const json& doc = event.document;
  if (databaseInclude_ && !std::regex_match(stringMember(doc, "database"), *databaseInclude_)) {
    return DecodeResult::Skip;
  }
  if (tableInclude_ && !std::regex_match(stringMember(doc, "table"), *tableInclude_)) {
    return DecodeResult::Skip;
  }
  const std::string type = stringMember(doc, "type");
  if (type == "CREATE") return DecodeResult::Skip;  // a DDL event: no rows
  if (type != "INSERT" && type != "UPDATE" && type != "DELETE") {
    return event.fail("type", "unknown \"type\" value \"" + type +
                                  "\" in Canal record (expected INSERT, UPDATE or DELETE)");
  }
  const auto data = doc.find("data");
  if (data == doc.end() || !data->is_array()) {
    return event.fail("data", "Canal " + type + " record has no \"data\" array");
  }
  const auto old = doc.find("old");
  if (type == "UPDATE" && (old == doc.end() || !old->is_array() || old->size() != data->size())) {
    return event.fail("old", "Canal UPDATE record needs an \"old\" array as long as \"data\"");
  }
  size_t count = 0;
  for (size_t i = 0; i < data->size(); ++i) {
    const json& row = (*data)[i];
    bool ok = true;
    if (type == "UPDATE") {
      const json& previous = (*old)[i];
      ok = addImage(event,
                    row.is_object() && previous.is_object() ? beforeImage(row, previous) : previous,
                    RowKind::UpdateBefore, "old", changes, count);
      ok = ok && addImage(event, row, RowKind::UpdateAfter, "data", changes, count);
    } else {
      ok = addImage(event, row, type == "INSERT" ? RowKind::Insert : RowKind::Delete, "data",
                    changes, count);
    }
    if (!ok) return DecodeResult::Error;
  }
  changes.resize(count);
  return DecodeResult::Row;
}

DecodeResult ChangelogJsonDecoder::maxwell(Event& event,
                                           std::vector<DecodedChange>& changes) const {
  const json& doc = event.document;
  const std::string type = stringMember(doc, "type");
  const json null;
  const auto data = doc.find("data");
  const json& after = data == doc.end() ? null : *data;
  size_t count = 0;
  bool ok = true;
  if (type == "insert" || type == "delete") {
    ok = addImage(event, after, type == "insert" ? RowKind::Insert : RowKind::Delete, "data",
                  changes, count);
  } else if (type == "update") {
    const auto old = doc.find("old");
    if (old == doc.end() || !old->is_object()) {
      return event.fail("old", "Maxwell update record has no \"old\" object");
    }
    ok = addImage(event, after.is_object() ? beforeImage(after, *old) : after,
                  RowKind::UpdateBefore, "data", changes, count) &&
         addImage(event, after, RowKind::UpdateAfter, "data", changes, count);
  } else {
    return event.fail("type", "unknown \"type\" value \"" + type +
                                  "\" in Maxwell record (expected insert, update or delete)");
  }
  if (!ok) return DecodeResult::Error;
  changes.resize(count);
  return DecodeResult::Row;
}

}  // namespace sluice::connectors

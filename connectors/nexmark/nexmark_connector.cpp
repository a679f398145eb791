#include "connectors/nexmark/nexmark_connector.h"

#include <chrono>
#include <string>
#include <vector>

#include "connectors/nexmark/nexmark_source.h"
#include "runtime/data/physical_type.h"

namespace sluice::connectors {

namespace {

using runtime::PhysicalType;

// The physical layout of the suite's table; the generator writes these types directly.
constexpr PhysicalType I64 = PhysicalType::Int64;
constexpr PhysicalType Str = PhysicalType::String;
const std::vector<PhysicalType> kPersonFields = {I64, Str, Str, Str, Str, Str, I64, Str};
const std::vector<PhysicalType> kAuctionFields = {I64, Str, Str, I64, I64, I64, I64, I64, I64, Str};
const std::vector<PhysicalType> kBidFields = {I64, I64, I64, Str, Str, I64, Str};

bool rowHasLayout(const DataType& type, const std::vector<PhysicalType>& layout) {
  if (runtime::physicalTypeOf(type) != PhysicalType::Row) return false;
  const auto& fields = type.fields();
  if (fields.size() != layout.size()) return false;
  for (size_t i = 0; i < layout.size(); ++i) {
    if (runtime::physicalTypeOf(*fields[i].type) != layout[i]) return false;
  }
  return true;
}

void checkSchema(const artifact::Node& node) {
  const auto& schema = node.schema;
  const bool matches =
      schema.size() == 4 && runtime::physicalTypeOf(schema[0].type) == PhysicalType::Int32 &&
      rowHasLayout(schema[1].type, kPersonFields) && rowHasLayout(schema[2].type, kAuctionFields) &&
      rowHasLayout(schema[3].type, kBidFields);
  if (matches) return;
  throw runtime::ConnectorError(
      "nexmark table " + node.table +
      " must have the Nexmark suite's physical columns: event_type INT, person ROW<id BIGINT, "
      "name, emailAddress, creditCard, city, state VARCHAR, dateTime TIMESTAMP(3), extra "
      "VARCHAR>, auction ROW<id BIGINT, itemName, description VARCHAR, initialBid, reserve "
      "BIGINT, dateTime, expires TIMESTAMP(3), seller, category BIGINT, extra VARCHAR>, bid "
      "ROW<auction, bidder, price BIGINT, channel, url VARCHAR, dateTime TIMESTAMP(3), extra "
      "VARCHAR>");
}

int32_t intOption(const TableOptions& options, const std::string& key, int32_t fallback,
                  int32_t minimum) {
  const int64_t value = options.integer(key, fallback);
  if (value < minimum || value > INT32_MAX) {
    options.invalid(key, "an integer of at least " + std::to_string(minimum));
  }
  return static_cast<int32_t>(value);
}

}  // namespace

namespace nexmark {

NexmarkSettings readSettings(const TableOptions& options, int64_t nowMillis) {
  NexmarkSettings settings;
  settings.firstEventRate = intOption(options, "first-event.rate", 10000, 1);
  settings.nextEventRate = intOption(options, "next-event.rate", 10000, 1);
  settings.avgPersonBytes = options.memoryBytes("person.avg-size", 200);
  settings.avgAuctionBytes = options.memoryBytes("auction.avg-size", 500);
  settings.avgBidBytes = options.memoryBytes("bid.avg-size", 100);
  for (const char* key : {"person.avg-size", "auction.avg-size", "bid.avg-size"}) {
    if (options.memoryBytes(key, 0) > INT32_MAX) options.invalid(key, "a size below 2 gb");
  }
  settings.personProportion = intOption(options, "person.proportion", 1, 0);
  settings.auctionProportion = intOption(options, "auction.proportion", 3, 0);
  settings.bidProportion = intOption(options, "bid.proportion", 46, 0);
  if (int64_t{settings.personProportion} + settings.auctionProportion + settings.bidProportion <=
      0) {
    options.invalid("bid.proportion", "proportions adding up to more than 0");
  }
  settings.hotAuctionRatio = intOption(options, "bid.hot-ratio.auctions", 2, 1);
  settings.hotBiddersRatio = intOption(options, "bid.hot-ratio.bidders", 4, 1);
  settings.hotSellersRatio = intOption(options, "auction.hot-ratio.sellers", 4, 1);
  settings.numEvents = options.integer("events.num", 0);
  if (settings.numEvents < 0) options.invalid("events.num", "a count of 0 or more");
  settings.keepAlive = options.flag("keep-alive", false);
  settings.stopAt = options.integer("stop-at", -1);
  settings.maxEmitSpeed = options.flag("max-emit-speed", true);
  settings.baseTimeMillis = options.integer("sqlc.nexmark.base-time", nowMillis);
  // 'rate.shape', 'rate.period' and 'rate.limited' are accepted and, as by the suite's
  // GeneratorConfig, not used.
  return settings;
}

std::vector<artifact::Field> physicalSchema() {
  const DataType text = DataType::string();
  const DataType id = DataType::bigInt();
  const DataType time = DataType::timestamp(3);
  return {
      {"event_type", DataType::integer()},
      {"person", DataType::row({{"id", id},
                                {"name", text},
                                {"emailAddress", text},
                                {"creditCard", text},
                                {"city", text},
                                {"state", text},
                                {"dateTime", time},
                                {"extra", text}})},
      {"auction", DataType::row({{"id", id},
                                 {"itemName", text},
                                 {"description", text},
                                 {"initialBid", id},
                                 {"reserve", id},
                                 {"dateTime", time},
                                 {"expires", time},
                                 {"seller", id},
                                 {"category", id},
                                 {"extra", text}})},
      {"bid", DataType::row({{"auction", id},
                             {"bidder", id},
                             {"price", id},
                             {"channel", text},
                             {"url", text},
                             {"dateTime", time},
                             {"extra", text}})},
  };
}

}  // namespace nexmark

std::unique_ptr<runtime::SourceReader> NexmarkConnectorFactory::createSource(
    const runtime::ConnectorContext& context) const {
  checkSchema(*context.node);
  const TableOptions options(*context.node);
  // One base time per job, not per scan or instance: the suite's views scan the table two or
  // three times (q4, q9, q20, ...), and Flink reuses one scan of it, so their joins match.
  const int64_t now = context.jobStartMillis != 0
                          ? context.jobStartMillis
                          : std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
  const int parallelism = std::max(context.parallelism, 1);
  // As the Java factory: one generator per instance, the whole config split among them.
  const nexmark::GeneratorConfig whole(nexmark::readSettings(options, now), parallelism);
  std::vector<nexmark::GeneratorConfig> shares = whole.split(parallelism);
  return std::make_unique<nexmark::NexmarkSourceReader>(
      std::move(shares[static_cast<size_t>(context.subtask)]));
}

}  // namespace sluice::connectors

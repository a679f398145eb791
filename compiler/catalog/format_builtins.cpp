// The formats a table selects with 'format' / 'key.format' / 'value.format' (or the legacy
// 'format.type'), with their options as Flink 1.17-1.19 documents them (docs/connectors/table/
// formats/*). Keys are written without the format prefix: "field-delimiter" is
// 'csv.field-delimiter' when 'format' = 'csv' and 'value.csv.field-delimiter' when 'value.format' =
// 'csv'.
#include "compiler/catalog/connector_builtins.h"

namespace sluice::builtin_connectors {

namespace {

const std::vector<std::string> kTimestampStandards = {"SQL", "ISO-8601"};
const std::vector<std::string> kMapNullKeyModes = {"FAIL", "DROP", "LITERAL"};

// The options the JSON-based changelog formats share with 'json'.
std::vector<OptionSpec> jsonChangelogOptions() {
  return {
      option("ignore-parse-errors", "Skip fields and rows with parse errors instead of failing"),
      choiceOption("timestamp-format.standard", kTimestampStandards,
                   "Input and output timestamp format: 'SQL' or 'ISO-8601'"),
      choiceOption(
          "map-null-key.mode", kMapNullKeyModes,
          "How a null key of a MAP is serialized: fail, drop the entry, or write a literal"),
      option("map-null-key.literal", "The string written for a null map key in 'LITERAL' mode"),
  };
}

// The schema-registry options of 'avro-confluent' and 'debezium-avro-confluent'.
std::vector<OptionSpec> schemaRegistryOptions() {
  return {
      requiredOption("url", "URL of the Confluent Schema Registry"),
      option("subject", "Schema Registry subject the schema is registered under when writing"),
      option("schema", "The Avro schema string, when it should not be derived from the table"),
      option("properties.", "Properties forwarded to the Schema Registry client"),
      option("ssl.keystore.location", "Location of the SSL keystore"),
      option("ssl.keystore.password", "Password of the SSL keystore"),
      option("ssl.truststore.location", "Location of the SSL truststore"),
      option("ssl.truststore.password", "Password of the SSL truststore"),
      option("basic-auth.credentials-source", "Basic auth credentials source for Schema Registry"),
      option("basic-auth.user-info", "Basic auth user info for Schema Registry"),
      option("bearer-auth.credentials-source",
             "Bearer auth credentials source for Schema Registry"),
      option("bearer-auth.token", "Bearer auth token for Schema Registry"),
      option("schema-registry.url", "Deprecated spelling of 'url'"),
      option("schema-registry.subject", "Deprecated spelling of 'subject'"),
  };
}

FormatDescriptor csv() {
  return {"csv",
          {
              option("field-delimiter", "Field delimiter character, ',' by default"),
              option("disable-quote-character", "Disable the quote character for enclosing values"),
              option("quote-character", "Quote character for enclosing values, '\"' by default"),
              option("allow-comments", "Ignore comment lines starting with '#'"),
              option("ignore-parse-errors", "Skip fields and rows with parse errors"),
              option("array-element-delimiter", "Delimiter of array elements, ';' by default"),
              option("escape-character", "Escape character for escaping values"),
              option("null-literal", "String literal read and written as null"),
              option("write-bigdecimal-in-scientific-notation",
                     "Write DECIMAL values in scientific notation"),
          }};
}

FormatDescriptor json() {
  FormatDescriptor format{"json",
                          {
                              option("fail-on-missing-field", "Fail when a field is missing"),
                          }};
  appendOptions(format.options, jsonChangelogOptions());
  appendOptions(
      format.options,
      {
          option("encode.decimal-as-plain-number",
                 "Write decimals as plain numbers, never in scientific notation"),
          option("encode.ignore-null-fields", "Write only the fields that are not null"),
          option("decode.json-parser.enabled",
                 "Decode with Jackson's streaming JsonParser (faster) instead of JsonNode"),
      });
  return format;
}

FormatDescriptor avro() {
  return {"avro",
          {
              option("codec",
                     "Compression codec for the filesystem: null, deflate, snappy, bzip2 "
                     "or xz"),
              option("timestamp_mapping.legacy",
                     "Use the legacy mapping of TIMESTAMP and TIMESTAMP_LTZ to Avro types"),
          }};
}

FormatDescriptor avroConfluent(std::string identifier) {
  return {std::move(identifier), schemaRegistryOptions()};
}

FormatDescriptor debeziumJson() {
  FormatDescriptor format{
      "debezium-json",
      {
          option("schema-include", "Whether the Debezium messages carry the schema envelope"),
      }};
  appendOptions(format.options, jsonChangelogOptions());
  format.options.push_back(option("encode.decimal-as-plain-number",
                                  "Write decimals as plain numbers, never in scientific notation"));
  return format;
}

FormatDescriptor canalJson() {
  FormatDescriptor format{"canal-json", jsonChangelogOptions()};
  appendOptions(
      format.options,
      {
          option("encode.decimal-as-plain-number",
                 "Write decimals as plain numbers, never in scientific notation"),
          option("database.include",
                 "Read only changes of databases matching this regular expression"),
          option("table.include", "Read only changes of tables matching this regular expression"),
      });
  return format;
}

FormatDescriptor maxwellJson() {
  FormatDescriptor format{"maxwell-json", jsonChangelogOptions()};
  format.options.push_back(option("encode.decimal-as-plain-number",
                                  "Write decimals as plain numbers, never in scientific notation"));
  return format;
}

FormatDescriptor oggJson() { return {"ogg-json", jsonChangelogOptions()}; }

FormatDescriptor raw() {
  return {"raw",
          {
              option("charset", "Charset of encoded strings, 'UTF-8' by default"),
              choiceOption("endianness", {"big-endian", "little-endian"},
                           "Byte order of encoded numbers"),
          }};
}

// Flink passes every 'parquet.*' key on to the Parquet writer's Hadoop configuration; these are
// Flink's own keys and the ParquetOutputFormat keys (parquet-hadoop 1.12/1.13). A per-column
// setting is written '<key>#<column>'.
FormatDescriptor parquet() {
  return {"parquet",
          {
              option("utc-timezone", "Convert timestamps in UTC instead of the local time zone"),
              option("write.int64.timestamp", "Write timestamps as INT64 instead of INT96"),
              choiceOption("timestamp.time.unit", {"millis", "micros", "nanos"},
                           "Unit of INT64 timestamps"),
              option("compression",
                     "Compression codec: UNCOMPRESSED, SNAPPY, GZIP, LZO, BROTLI, "
                     "LZ4, ZSTD"),
              option("compression.codec.zstd.level", "ZSTD compression level"),
              option("block.size", "Row group size in bytes"),
              option("page.size", "Page size in bytes"),
              option("dictionary.page.size", "Dictionary page size in bytes"),
              option("enable.dictionary", "Whether to use dictionary encoding"),
              option("validation", "Whether to validate the schema while writing"),
              option("writer.version", "PARQUET_1_0 or PARQUET_2_0"),
              option("writer.max-padding", "Maximum padding bytes for row group alignment"),
              option("memory.pool.ratio", "Share of the heap the writers may use"),
              option("memory.min.chunk.size", "Minimum allocation of the memory manager"),
              option("page.size.row.check.min", "Rows written before the first page size check"),
              option("page.size.row.check.max", "Rows written at most between page size checks"),
              option("page.size.check.estimate", "Estimate the next page size check"),
              option("page.value.count.threshold", "Values per page before a size check"),
              option("page.row.count.limit", "Maximum rows per page"),
              option("page.write-checksum.enabled", "Write page checksums"),
              option("columnindex.truncate.length", "Truncation length of column index values"),
              option("statistics.truncate.length", "Truncation length of min/max statistics"),
              option("bloom.filter.enabled", "Write bloom filters"),
              option("bloom.filter.expected.ndv", "Expected distinct values per bloom filter"),
              option("bloom.filter.max.bytes", "Maximum bloom filter size in bytes"),
              option("bloom.filter.fpp", "False positive probability of bloom filters"),
              option("bloom.filter.adaptive.enabled", "Size bloom filters adaptively"),
              option("bloom.filter.candidates.number", "Candidate filters in adaptive mode"),
              option("enable.summary-metadata", "Write the _metadata summary file"),
              option("summary.metadata.level", "ALL, COMMON_ONLY or NONE"),
          }};
}

// As with Parquet, every 'orc.*' key goes on to the ORC writer; these are the OrcConf keys.
FormatDescriptor orc() {
  return {"orc",
          {
              option("compress", "Compression codec: NONE, ZLIB, SNAPPY, LZO, LZ4, ZSTD"),
              option("compress.size", "Compression chunk size in bytes"),
              option("stripe.size", "Stripe size in bytes"),
              option("stripe.row.count", "Maximum rows per stripe"),
              option("block.size", "File system block size in bytes"),
              option("block.padding", "Pad stripes to HDFS block boundaries"),
              option("block.padding.tolerance", "Tolerance of block padding"),
              option("row.index.stride", "Rows between index entries"),
              option("create.index", "Whether to create row indexes"),
              option("buffer.size.enforce", "Enforce the compression buffer size"),
              option("base.delta.ratio", "Ratio of base writer and delta writer sizes"),
              option("write.format", "ORC file version to write"),
              option("encoding.strategy", "SPEED or COMPRESSION"),
              option("compression.strategy", "SPEED or COMPRESSION"),
              option("bloom.filter.columns", "Columns that get bloom filters"),
              option("bloom.filter.fpp", "False positive probability of bloom filters"),
              option("bloom.filter.write.version", "Version of the bloom filters written"),
              option("dictionary.key.threshold", "Ratio of distinct keys that keeps dictionaries"),
              option("dictionary.early.check",
                     "Check the dictionary threshold after the first "
                     "row index stride"),
              option("column.encoding.direct", "Columns written with direct encoding"),
              option("memory.pool", "Share of the heap the writers may use"),
              option("max.file.length", "Maximum file length to read"),
              option("use.zerocopy", "Use zero-copy reads"),
              option("skip.corrupt.data", "Skip corrupt data instead of failing"),
              option("tolerate.missing.schema", "Tolerate files without a schema"),
              option("overwrite.output.file", "Overwrite an existing output file"),
              option("schema.evolution.case.sensitive", "Match evolved fields case-sensitively"),
              option("row.batch.size", "Rows per batch when reading"),
              option("sarg.", "Search argument settings"),
          }};
}

}  // namespace

std::vector<FormatDescriptor> formats() {
  return {csv(),
          json(),
          avro(),
          avroConfluent("avro-confluent"),
          avroConfluent("debezium-avro-confluent"),
          debeziumJson(),
          canalJson(),
          maxwellJson(),
          oggJson(),
          raw(),
          parquet(),
          orc()};
}

}  // namespace sluice::builtin_connectors

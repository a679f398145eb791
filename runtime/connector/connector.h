// What a connector implements for the runtime: a factory per 'connector' name creating, per
// parallel instance, a source reader or a sink writer. Connectors live in connectors/ and
// register in a ConnectorFactories table the job runner is given.
//
// Bad data follows the connector's policy: fail the job with a ConnectorError naming the file,
// line and column, or skip and count the row (Metrics::skippedRows); never drop it silently.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"

namespace sluice::runtime {

class LookupTable;  // lookup_table.h
struct LookupContext;

// A failure of a connector at run time (unreadable file, malformed row, unknown option).
class ConnectorError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ConnectorContext {
  const artifact::Node* node = nullptr;  // the Source or Sink node: table, options, schema
  int subtask = 0;                       // this instance, 0-based
  int parallelism = 1;
  int batchSize = 1024;
  int64_t maxLatencyMicros = 5000;       // flush a partial batch after this long
  std::string timeZone = "UTC";
  // The wall clock (epoch ms) when the job started, the same for every source and instance of
  // the job: generators that start their event times "now" use it, so two scans of one table
  // produce the same events (as one reused scan does in Flink).
  int64_t jobStartMillis = 0;
  const std::atomic<bool>* cancelled = nullptr;
  std::vector<DataType> columnTypes() const;
};

enum class ReadStatus : uint8_t {
  Data,  // rows were appended to the batch (it may still be partly empty)
  Idle,  // nothing now (a rate limit or an empty poll); the caller flushes and retries
  End,   // the bounded input is exhausted; nothing was appended
};

class SourceReader {
 public:
  virtual ~SourceReader() = default;
  // Appends rows to `batch` (of the node's schema, empty on entry) up to its capacity.
  virtual ReadStatus read(Batch& batch) = 0;
  // Rows read so far that were skipped by an ignore-parse-errors policy.
  virtual int64_t skippedRows() const { return 0; }
};

class SinkWriter {
 public:
  virtual ~SinkWriter() = default;
  virtual void write(const Batch& batch) = 0;
  // The pipeline's watermark (event-time microseconds) reached the sink, after the rows before
  // it were written; a sink committing by event time (the filesystem's partitions) acts on it.
  virtual void watermark(int64_t /*micros*/) {}
  // End of input: flush and close. Not called when the job fails or is cancelled.
  virtual void finish() {}
};

class ConnectorFactory {
 public:
  virtual ~ConnectorFactory() = default;
  virtual std::unique_ptr<SourceReader> createSource(const ConnectorContext& context) const;
  virtual std::unique_ptr<SinkWriter> createSink(const ConnectorContext& context) const;
  // The dimension table of a lookup join (lookup_table.h); the default refuses.
  virtual std::unique_ptr<LookupTable> createLookupTable(const LookupContext& context) const;
};

// The factories by 'connector' name.
class ConnectorFactories {
 public:
  void add(std::string name, std::shared_ptr<const ConnectorFactory> factory);
  const ConnectorFactory* find(const std::string& name) const;

 private:
  std::map<std::string, std::shared_ptr<const ConnectorFactory>> byName_;
};

}  // namespace sluice::runtime

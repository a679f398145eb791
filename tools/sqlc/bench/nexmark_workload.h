// The Nexmark workload of `sqlc bench nexmark`: the queries of a directory laid out as the Flink
// Nexmark suite's resources/queries (ddl_gen.sql, ddl_views.sql, q0.sql ... q23.sql; Sluice's own
// are in bench/nexmark/queries), made into one job text per query with the suite's ${...}
// parameters filled in, as the suite's launcher fills them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sluice::bench {

struct NexmarkParameters {
  int64_t events = 10'000'000;             // ${EVENTS_NUM}
  int64_t eventsPerSecond = 10'000'000;    // ${TPS}: first-event.rate and next-event.rate
  int personProportion = 1;                // ${PERSON_PROPORTION}
  int auctionProportion = 3;               // ${AUCTION_PROPORTION}
  int bidProportion = 46;                  // ${BID_PROPORTION}
  std::string table = "datagen";           // ${NEXMARK_TABLE}
  std::string flinkHome;                   // ${FLINK_HOME}: q13's side input, q10's output
  std::string submitTime = "0";            // ${SUBMIT_TIME}: q10's output folder
};

// The queries of `directory` (files q<N>.sql), in the order of their numbers.
std::vector<std::string> nexmarkQueries(const std::string& directory);

// ddl_gen.sql, ddl_views.sql and <query>.sql of `directory`, filled in. Throws std::runtime_error
// naming the file for a missing file or an unknown ${...} parameter.
std::string nexmarkJobText(const std::string& directory, const std::string& query,
                           const NexmarkParameters& parameters);

// What ${FLINK_HOME} must hold for the suite's queries: data/side_input.txt, q13's bounded side
// input (10 000 lines `key,value` with keys 0..9999, as the suite ships it), and data/output/.
void prepareFlinkHome(const std::string& flinkHome);

// Which of the throughput targets a query belongs to (events per second per core).
struct NexmarkTarget {
  std::string family;  // "stateless", "windowed", "stateful"
  double eventsPerCoreSecond = 0;
};
NexmarkTarget nexmarkTargetOf(const std::string& query);

}  // namespace sluice::bench

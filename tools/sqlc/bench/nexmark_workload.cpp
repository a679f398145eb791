#include "tools/sqlc/bench/nexmark_workload.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace sluice::bench {
namespace fs = std::filesystem;
namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Replaces every ${NAME} of `text` by its value; an unknown name is an error, so a query that
// needs a parameter this harness does not know fails loudly instead of running with "${X}".
std::string fillParameters(const std::string& text, const std::map<std::string, std::string>& values,
                           const std::string& file) {
  std::string out;
  size_t at = 0;
  while (true) {
    const size_t open = text.find("${", at);
    if (open == std::string::npos) break;
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    const std::string name = text.substr(open + 2, close - open - 2);
    auto found = values.find(name);
    if (found == values.end()) {
      throw std::runtime_error(file + ": unknown parameter ${" + name + "}");
    }
    out += text.substr(at, open - at) + found->second;
    at = close + 1;
  }
  return out + text.substr(at);
}

int queryNumber(const std::string& name) { return std::stoi(name.substr(1)); }

}  // namespace

std::vector<std::string> nexmarkQueries(const std::string& directory) {
  std::vector<std::string> queries;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    const std::string stem = entry.path().stem().string();
    const bool numbered = stem.size() > 1 && stem[0] == 'q' &&
                          std::all_of(stem.begin() + 1, stem.end(), ::isdigit);
    if (entry.path().extension() == ".sql" && numbered) queries.push_back(stem);
  }
  std::sort(queries.begin(), queries.end(), [](const std::string& a, const std::string& b) {
    return queryNumber(a) < queryNumber(b);
  });
  return queries;
}

std::string nexmarkJobText(const std::string& directory, const std::string& query,
                           const NexmarkParameters& parameters) {
  const std::map<std::string, std::string> values = {
      {"EVENTS_NUM", std::to_string(parameters.events)},
      {"TPS", std::to_string(parameters.eventsPerSecond)},
      {"PERSON_PROPORTION", std::to_string(parameters.personProportion)},
      {"AUCTION_PROPORTION", std::to_string(parameters.auctionProportion)},
      {"BID_PROPORTION", std::to_string(parameters.bidProportion)},
      {"NEXMARK_TABLE", parameters.table},
      {"FLINK_HOME", parameters.flinkHome},
      {"SUBMIT_TIME", parameters.submitTime}};
  std::string text;
  for (const std::string& file : {std::string("ddl_gen.sql"), std::string("ddl_views.sql"),
                                  query + ".sql"}) {
    const fs::path path = fs::path(directory) / file;
    text += fillParameters(readFile(path), values, path.string()) + "\n";
  }
  return text;
}

void prepareFlinkHome(const std::string& flinkHome) {
  const fs::path data = fs::path(flinkHome) / "data";
  fs::create_directories(data / "output");
  const fs::path sideInput = data / "side_input.txt";
  if (fs::exists(sideInput)) return;
  std::ofstream out(sideInput);
  for (int key = 0; key < 10000; ++key) out << key << "," << key << "\n";
  if (!out) throw std::runtime_error("cannot write " + sideInput.string());
}

NexmarkTarget nexmarkTargetOf(const std::string& query) {
  static const std::set<std::string> stateless = {"q0", "q1", "q2", "q14", "q21", "q22"};
  static const std::set<std::string> windowed = {"q5", "q7", "q8", "q11", "q12"};
  if (stateless.count(query) > 0) return {"stateless", 10e6};
  if (windowed.count(query) > 0) return {"windowed", 5e6};
  if (query == "q10") return {"sink", 0};  // writes files: no target in the issue
  return {"stateful", 2e6};
}

}  // namespace sluice::bench

// The JSON model behind Flink's JSON functions (json_kernels.cpp). Flink parses with Jackson
// (floats as BigDecimal, so '1.50' stays "1.50" and '1e3' reads back as "1E+3"), evaluates paths
// with Jayway JsonPath and serializes with Jackson (compact, object keys sorted); this model keeps
// what is needed to reproduce that: number lexemes in Java's canonical text and member order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::runtime::builtins::json {

struct Node {
  enum class Kind : uint8_t { Null, Boolean, Integer, Decimal, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  // String: the decoded value. Integer and Decimal: the number as Java's BigInteger /
  // BigDecimal.toString() writes it.
  std::string text;
  std::vector<Node> children;     // Array elements, or Object member values
  std::vector<std::string> keys;  // Object member names, parallel to children (first-seen order)

  bool isScalar() const { return kind != Kind::Array && kind != Kind::Object; }
};

// Parses a JSON text as Flink's Jackson reader does (content after the first value is ignored);
// nullopt when it is not JSON.
std::optional<Node> parse(std::string_view text);

// Jackson's compact form, object members sorted by key.
void write(const Node& node, std::string& out);

// A JSON path in the subset of Jayway syntax supported: '$', '.name', ['name'] / ["name"] (also
// after a '.'), '.*' and '[*]', '[n]' with negative n from the end, '[n, m, ...]'; a path not
// starting with '$' is read as '$.' + path, as Jayway does. Deep scan '..', slices, filters and
// functions are not supported: such a path fails to evaluate (NULL, or the ON ERROR behaviour).
struct PathStep {
  enum class Kind : uint8_t { Property, Wildcard, Indexes };
  Kind kind = Kind::Property;
  std::string name;
  std::vector<int64_t> indexes;
  bool definite() const {
    return kind == Kind::Property || (kind == Kind::Indexes && indexes.size() == 1);
  }
};

struct Path {
  bool lax = false;      // 'lax' prefix; SQL/JSON's default (no prefix) is strict
  bool valid = false;    // false: the path does not parse, and every evaluation is an error
  bool definite = true;  // every step selects at most one value (no wildcard, no index list)
  std::vector<PathStep> steps;
};

// Parses "[lax | strict] jsonpath" as Flink splits the mode off the path.
Path compilePath(std::string_view spec);

// The outcome of applying a path to a JSON text, as Flink's JsonPathContext: an error (strict
// mode failures, invalid documents and paths), or a value that is absent or JSON null (`value`
// null), one node (definite paths) or the list of matches (indefinite paths, possibly empty).
struct Lookup {
  bool error = false;
  bool isList = false;
  const Node* value = nullptr;
  std::vector<const Node*> list;

  bool present() const { return !error && (isList || value != nullptr); }
};

// `document` is nullopt when the JSON text did not parse. The Lookup points into `document`.
Lookup lookup(const std::optional<Node>& document, const Path& path);

}  // namespace sluice::runtime::builtins::json

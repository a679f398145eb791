// Parsing JSON text into json::Node through nlohmann's SAX parser (which hands over the lexeme of
// every float, so numbers keep Java's BigDecimal text) and writing it back as Jackson does.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "runtime/data/json_text.h"
#include "runtime/functions/builtins/json_document_model.h"

namespace sluice::runtime::builtins::json {
namespace {

// Java's BigDecimal.toString() of a JSON number lexeme: plain notation when the scale is
// non-negative and the adjusted exponent is at least -6, else one digit, the rest after a point,
// and 'E' with a signed exponent ("1e3" -> "1E+3", "0.998" -> "0.998", "1.50" -> "1.50").
std::string bigDecimalText(std::string_view lexeme) {
  const bool negative = !lexeme.empty() && lexeme[0] == '-';
  size_t at = negative ? 1 : 0;
  std::string digits;
  int64_t scale = 0;
  bool fraction = false;
  for (; at < lexeme.size() && lexeme[at] != 'e' && lexeme[at] != 'E'; ++at) {
    if (lexeme[at] == '.') {
      fraction = true;
    } else {
      digits += lexeme[at];
      if (fraction) ++scale;
    }
  }
  if (at < lexeme.size()) {  // exponent; clamped, as larger ones cannot be realistic input
    const int64_t exponent =
        std::clamp<int64_t>(std::strtoll(std::string(lexeme.substr(at + 1)).c_str(), nullptr, 10),
                            -1000000000, 1000000000);
    scale -= exponent;
  }
  const size_t firstDigit = std::min(digits.find_first_not_of('0'), digits.size() - 1);
  digits.erase(0, firstDigit);
  std::string out = (negative && digits != "0") ? "-" : "";
  const auto length = static_cast<int64_t>(digits.size());
  const int64_t adjusted = -scale + (length - 1);
  if (scale == 0) {
    out += digits;
  } else if (scale > 0 && adjusted >= -6) {
    if (length > scale) {
      out += digits.substr(0, static_cast<size_t>(length - scale)) + "." +
             digits.substr(static_cast<size_t>(length - scale));
    } else {
      out += "0." + std::string(static_cast<size_t>(scale - length), '0') + digits;
    }
  } else {
    out += digits.substr(0, 1);
    if (length > 1) out += "." + digits.substr(1);
    out += "E" + std::string(adjusted >= 0 ? "+" : "") + std::to_string(adjusted);
  }
  return out;
}

// Builds the Node tree; containers under construction are kept on a stack and attached to their
// parent when they close.
class Builder {
 public:
  static constexpr size_t kMaxDepth = 1000;  // Jackson's default nesting limit

  std::optional<Node> root;

  bool null() { return add(Node{}); }
  bool boolean(bool value) {
    Node node;
    node.kind = Node::Kind::Boolean;
    node.boolean = value;
    return add(std::move(node));
  }
  bool number_integer(int64_t value) {
    return add(number(Node::Kind::Integer, std::to_string(value)));
  }
  bool number_unsigned(uint64_t value) {
    return add(number(Node::Kind::Integer, std::to_string(value)));
  }
  bool number_float(double, const std::string& lexeme) {
    // Integers beyond 64 bits arrive here too; Jackson reads them as BigInteger.
    if (lexeme.find_first_of(".eE") == std::string::npos) {
      return add(number(Node::Kind::Integer, lexeme));
    }
    return add(number(Node::Kind::Decimal, bigDecimalText(lexeme)));
  }
  bool string(std::string& value) {
    Node node;
    node.kind = Node::Kind::String;
    node.text = std::move(value);
    return add(std::move(node));
  }
  bool binary(nlohmann::json::binary_t&) { return false; }
  bool start_object(size_t) { return open(Node::Kind::Object); }
  bool key(std::string& name) {
    stack_.back().keys.push_back(std::move(name));
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(size_t) { return open(Node::Kind::Array); }
  bool end_array() { return close(); }
  bool parse_error(size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  std::vector<Node> stack_;

  static Node number(Node::Kind kind, std::string text) {
    Node node;
    node.kind = kind;
    node.text = std::move(text);
    return node;
  }

  bool open(Node::Kind kind) {
    if (stack_.size() >= kMaxDepth) return false;
    Node node;
    node.kind = kind;
    stack_.push_back(std::move(node));
    return true;
  }

  bool close() {
    Node node = std::move(stack_.back());
    stack_.pop_back();
    return add(std::move(node));
  }

  bool add(Node node) {
    if (stack_.empty()) {
      root = std::move(node);
      return true;
    }
    Node& parent = stack_.back();
    if (parent.kind == Node::Kind::Object) {
      // A repeated key keeps its first position and takes the last value (a LinkedHashMap put).
      const auto end = parent.keys.end() - 1;
      const auto same = std::find(parent.keys.begin(), end, parent.keys.back());
      if (same != end) {
        parent.children[static_cast<size_t>(same - parent.keys.begin())] = std::move(node);
        parent.keys.pop_back();
        return true;
      }
    }
    parent.children.push_back(std::move(node));
    return true;
  }
};

}  // namespace

std::optional<Node> parse(std::string_view text) {
  Builder builder;
  const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                                            nlohmann::json::input_format_t::json,
                                            /*strict=*/false);
  if (!ok || !builder.root) return std::nullopt;
  return std::move(builder.root);
}

void write(const Node& node, std::string& out) {
  switch (node.kind) {
    case Node::Kind::Null: out += "null"; return;
    case Node::Kind::Boolean: out += node.boolean ? "true" : "false"; return;
    case Node::Kind::Integer:
    case Node::Kind::Decimal: out += node.text; return;
    case Node::Kind::String: appendJsonString(out, node.text); return;
    case Node::Kind::Array:
      out += '[';
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += ',';
        write(node.children[i], out);
      }
      out += ']';
      return;
    case Node::Kind::Object: {
      std::vector<size_t> order(node.keys.size());
      std::iota(order.begin(), order.end(), size_t{0});
      std::sort(order.begin(), order.end(),
                [&](size_t a, size_t b) { return node.keys[a] < node.keys[b]; });
      out += '{';
      for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0) out += ',';
        appendJsonString(out, node.keys[order[i]]);
        out += ':';
        write(node.children[order[i]], out);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace sluice::runtime::builtins::json

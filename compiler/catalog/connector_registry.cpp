#include "compiler/catalog/connector_registry.h"

#include <algorithm>

#include "compiler/catalog/connector_builtins.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

using TableOptions = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kConnectorKey = "connector";
constexpr std::string_view kLegacyConnectorKey = "connector.type";
constexpr std::string_view kBlinkConnectorKey = "type";
constexpr std::string_view kLegacyFormatKey = "format.type";
// The keys that select a format in the Flink dialect, and the prefix each gives the format's keys:
// 'format' = 'json' admits 'json.*', 'key.format' = 'json' admits 'key.json.*'.
constexpr std::pair<std::string_view, std::string_view> kFormatSelectors[] = {
    {"format", ""}, {"key.format", "key."}, {"value.format", "value."}};

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// 'a', 'b' or 'c'
std::string quotedAlternatives(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += quoted(items[i]);
  }
  return out;
}

bool sameKey(std::string_view a, std::string_view b, bool ignoreCase) {
  return ignoreCase ? equalsIgnoreCase(a, b) : a == b;
}

bool startsWith(std::string_view text, std::string_view prefix, bool ignoreCase) {
  return text.size() >= prefix.size() && sameKey(text.substr(0, prefix.size()), prefix, ignoreCase);
}

bool isPrefix(const OptionSpec& spec) { return !spec.key.empty() && spec.key.back() == '.'; }

// Whether `key` is the spec's key, or lies beneath the spec's prefix.
bool admits(const OptionSpec& spec, std::string_view key, bool ignoreCase) {
  if (isPrefix(spec)) return key.size() > spec.key.size() && startsWith(key, spec.key, ignoreCase);
  return sameKey(key, spec.key, ignoreCase);
}

// The spec admitting `key`: an exact key before a prefix, a longer prefix before a shorter one.
const OptionSpec* findSpec(const std::vector<OptionSpec>& specs, std::string_view key,
                           bool ignoreCase) {
  const OptionSpec* byPrefix = nullptr;
  for (const auto& spec : specs) {
    if (!admits(spec, key, ignoreCase)) continue;
    if (!isPrefix(spec)) return &spec;
    if (byPrefix == nullptr || spec.key.size() > byPrefix->key.size()) byPrefix = &spec;
  }
  return byPrefix;
}

// Spellings a mistyped `key` may have meant: every exact key, and for every prefix the key with
// its leading segments replaced by the prefix, so 'propertes.group.id' can meet
// 'properties.group.id'. `keyPrefix` is put before each spec's key (a format's 'value.json.').
void addCandidates(const std::vector<OptionSpec>& specs, std::string_view keyPrefix,
                   std::string_view key, std::vector<std::string>& out) {
  for (const auto& spec : specs) {
    std::string full = std::string(keyPrefix) + spec.key;
    if (!isPrefix(spec)) {
      out.push_back(std::move(full));
      continue;
    }
    size_t segments = static_cast<size_t>(std::count(full.begin(), full.end(), '.'));
    size_t cut = 0;
    for (size_t seen = 0; seen < segments; ++seen) {
      cut = key.find('.', cut);
      if (cut == std::string_view::npos) break;
      ++cut;
    }
    if (cut != std::string_view::npos && cut < key.size()) {
      out.push_back(full + std::string(key.substr(cut)));
    }
  }
}

// Whether `a` is `b` with two neighbouring characters swapped ('kafak' for 'kafka'), the typo
// nearestName's edit distance counts twice.
bool isTransposition(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t i = 0;
  while (i < a.size() && equalsIgnoreCase(a.substr(i, 1), b.substr(i, 1))) ++i;
  return i + 1 < a.size() && equalsIgnoreCase(a.substr(i, 1), b.substr(i + 1, 1)) &&
         equalsIgnoreCase(a.substr(i + 1, 1), b.substr(i, 1)) &&
         equalsIgnoreCase(a.substr(i + 2), b.substr(i + 2));
}

std::string nearestCandidate(std::string_view name, const std::vector<std::string>& candidates) {
  std::string nearest = nearestName(name, candidates);
  if (!nearest.empty()) return nearest;
  for (const auto& candidate : candidates) {
    if (isTransposition(name, candidate)) return candidate;
  }
  return "";
}

std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string nearest = nearestCandidate(name, candidates);
  return nearest.empty() ? "" : "; did you mean " + quoted(nearest);
}

// For values also a unique completion: 'earliest' (Kafka's own spelling) for 'earliest-offset'.
std::string didYouMeanValue(std::string_view value, const std::vector<std::string>& allowed) {
  std::string suggestion = didYouMean(value, allowed);
  if (!suggestion.empty() || value.empty()) return suggestion;
  std::vector<std::string> completions;
  for (const auto& candidate : allowed) {
    if (startsWith(candidate, value, true)) completions.push_back(candidate);
  }
  return completions.size() == 1 ? "; did you mean " + quoted(completions[0]) : "";
}

struct ConnectorKey {
  OptionDialect dialect;
  size_t index;  // of the option naming the connector
};

// 'connector' names a Flink connector, 'connector.type' a legacy one, and `type` (in any case) a
// Blink one; when several are present the first of that order wins.
std::optional<ConnectorKey> findConnectorKey(const TableOptions& options) {
  const std::pair<std::string_view, OptionDialect> keys[] = {
      {kConnectorKey, OptionDialect::Flink},
      {kLegacyConnectorKey, OptionDialect::FlinkLegacy},
      {kBlinkConnectorKey, OptionDialect::Blink}};
  for (const auto& [key, dialect] : keys) {
    bool ignoreCase = dialect == OptionDialect::Blink;
    for (size_t i = 0; i < options.size(); ++i) {
      if (sameKey(options[i].first, key, ignoreCase)) return ConnectorKey{dialect, i};
    }
  }
  return std::nullopt;
}

bool sameIdentifier(std::string_view a, std::string_view b, OptionDialect dialect) {
  // Flink finds factories by exact identifier; Blink's `type` values are written in any case.
  return sameKey(a, b, dialect == OptionDialect::Blink);
}

// "a blink connector, declared with type = 'datahub'"
std::string dialectHint(std::string_view identifier, OptionDialect dialect) {
  switch (dialect) {
    case OptionDialect::Flink:
      return "a flink connector, declared with 'connector' = " + quoted(identifier);
    case OptionDialect::FlinkLegacy:
      return "a legacy flink connector, declared with 'connector.type' = " + quoted(identifier);
    case OptionDialect::Blink:
      return "a blink connector, declared with type = " + quoted(identifier);
  }
  return "";
}

// A format a table selects, and the prefix its options carry.
struct FormatUse {
  std::string selectorKey;         // 'format', 'key.format', 'value.format' or 'format.type'
  std::string prefix;              // 'json.', 'key.json.', ...; empty for the legacy form
  const FormatDescriptor* format;  // null when the identifier is unknown
};

// The checks of one table's options against its connector's descriptor.
class OptionsCheck {
 public:
  OptionsCheck(const ConnectorRegistry& registry, std::vector<std::string> formatNames,
               const TableOptions& options, const ConnectorDescriptor& connector,
               size_t connectorIndex)
      : registry_(registry),
        formatNames_(std::move(formatNames)),
        options_(options),
        connector_(connector),
        connectorIndex_(connectorIndex),
        ignoreCase_(connector.dialect == OptionDialect::Blink) {}

  std::vector<OptionProblem> run() {
    checkDuplicates();
    selectFormats();
    for (size_t i = 0; i < options_.size(); ++i) {
      if (i != connectorIndex_) checkKey(options_[i].first, options_[i].second);
    }
    checkRequired();
    return std::move(problems_);
  }

 private:
  void report(std::string key, std::string message) {
    problems_.push_back(OptionProblem{std::move(key), std::move(message)});
  }

  bool present(std::string_view key) const {
    return std::any_of(options_.begin(), options_.end(),
                       [&](const auto& option) { return sameKey(option.first, key, ignoreCase_); });
  }

  void checkDuplicates() {
    for (size_t i = 0; i < options_.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (sameKey(options_[i].first, options_[j].first, ignoreCase_)) {
          report(options_[i].first,
                 "option " + quoted(options_[i].first) + " is given more than once");
          break;
        }
      }
    }
  }

  void selectFormats() {
    if (!connector_.takesFormat) return;
    for (const auto& [key, value] : options_) {
      if (connector_.dialect == OptionDialect::FlinkLegacy) {
        if (key == kLegacyFormatKey) useFormat(key, "", value);
        continue;
      }
      for (const auto& [selector, keyPrefix] : kFormatSelectors) {
        if (key == selector) useFormat(key, std::string(keyPrefix) + value + ".", value);
      }
    }
  }

  void useFormat(const std::string& selectorKey, std::string prefix,
                 const std::string& identifier) {
    const FormatDescriptor* format = registry_.findFormat(identifier);
    if (format == nullptr) {
      report(selectorKey, "unknown format " + quoted(identifier) + " in option " +
                              quoted(selectorKey) + didYouMean(identifier, formatNames_));
    }
    formats_.push_back(FormatUse{selectorKey, std::move(prefix), format});
  }

  void checkKey(const std::string& key, const std::string& value) {
    if (const OptionSpec* spec = findSpec(connector_.options, key, ignoreCase_)) {
      if (isPrefix(*spec)) admittedByPrefix_.push_back(key);
      checkValue(*spec, key, value);
      return;
    }
    for (const auto& use : formats_) {
      if (use.prefix.empty() || !startsWith(key, use.prefix, ignoreCase_)) continue;
      if (use.format == nullptr) return;  // the unknown format is reported once, not per key
      checkFormatKey(use, key, value);
      return;
    }
    std::vector<std::string> candidates;
    addCandidates(connector_.options, "", key, candidates);
    for (const auto& use : formats_) {
      if (use.format != nullptr) addCandidates(use.format->options, use.prefix, key, candidates);
    }
    std::string message =
        "unsupported option " + quoted(key) + " for connector " + quoted(connector_.identifier);
    std::string nearest = nearestCandidate(key, candidates);
    if (!nearest.empty()) suggested_.push_back(nearest);
    report(key, message + (nearest.empty() ? unselectedFormatHint(key)
                                           : "; did you mean " + quoted(nearest)));
  }

  void checkFormatKey(const FormatUse& use, const std::string& key, const std::string& value) {
    std::string_view beneath = std::string_view(key).substr(use.prefix.size());
    // Parquet and ORC settings for one column are written '<key>#<column>'.
    std::string_view setting = beneath.substr(0, beneath.find('#'));
    if (const OptionSpec* spec = findSpec(use.format->options, setting, ignoreCase_)) {
      checkValue(*spec, key, value);
      return;
    }
    std::vector<std::string> candidates;
    addCandidates(use.format->options, use.prefix, key, candidates);
    std::string nearest = nearestCandidate(key, candidates);
    if (!nearest.empty()) suggested_.push_back(nearest);
    report(key, "unsupported option " + quoted(key) + " for format " +
                    quoted(use.format->identifier) +
                    (nearest.empty() ? "" : "; did you mean " + quoted(nearest)));
  }

  // For 'csv.field-delimiter' in a table whose format is JSON: say whose option it is.
  std::string unselectedFormatHint(std::string_view key) const {
    if (!connector_.takesFormat || connector_.dialect != OptionDialect::Flink) return "";
    for (const auto& [selector, keyPrefix] : kFormatSelectors) {
      if (!startsWith(key, keyPrefix, false)) continue;
      std::string_view rest = key.substr(keyPrefix.size());
      std::string_view head = rest.substr(0, rest.find('.'));
      if (head.size() < rest.size() && registry_.findFormat(head) != nullptr) {
        return "; it belongs to format " + quoted(head) + ", which " + quoted(selector) +
               " does not select";
      }
    }
    return "";
  }

  void checkValue(const OptionSpec& spec, const std::string& key, const std::string& value) {
    if (spec.allowedValues.empty()) return;
    if (spec.list) {
      for (size_t begin = 0; begin <= value.size();) {
        size_t end = value.find(',', begin);
        if (end == std::string::npos) end = value.size();
        std::string item = value.substr(begin, end - begin);
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        checkItem(spec, key, item);
        begin = end + 1;
      }
      return;
    }
    checkItem(spec, key, value);
  }

  void checkItem(const OptionSpec& spec, const std::string& key, const std::string& value) {
    for (const auto& allowed : spec.allowedValues) {
      if (equalsIgnoreCase(value, allowed)) return;
    }
    std::string message = "invalid value " + quoted(value) + " for option " + quoted(key);
    std::string suggestion = didYouMeanValue(value, spec.allowedValues);
    report(key,
           message + (suggestion.empty() ? "; expected " + quotedAlternatives(spec.allowedValues)
                                         : suggestion));
  }

  // Whether an unsupported key was already answered with "did you mean `key`": the missing
  // required key then needs no report of its own.
  bool suggested(std::string_view key) const {
    return std::any_of(suggested_.begin(), suggested_.end(),
                       [&](const auto& candidate) { return sameKey(candidate, key, ignoreCase_); });
  }

  // A required key may be missing because a misspelling of it slipped in under a prefix:
  // 'properties.bootstrap.server' is a valid Kafka client property.
  std::string misspellingHint(std::string_view required) const {
    std::string nearest = nearestCandidate(required, admittedByPrefix_);
    return nearest.empty() ? "" : "; did you misspell it as " + quoted(nearest);
  }

  void checkRequired() {
    std::string owner = "connector " + quoted(connector_.identifier);
    for (const auto& spec : connector_.options) {
      if (spec.required && !isPrefix(spec) && !present(spec.key) && !suggested(spec.key)) {
        report("", owner + " requires option " + quoted(spec.key) + misspellingHint(spec.key));
      }
    }
    for (const auto& group : connector_.requiredOneOf) {
      if (std::none_of(group.begin(), group.end(),
                       [&](const auto& key) { return present(key) || suggested(key); })) {
        report("", owner + " requires option " + quotedAlternatives(group));
      }
    }
    for (const auto& use : formats_) {
      if (use.format == nullptr || use.prefix.empty()) continue;
      for (const auto& spec : use.format->options) {
        std::string key = use.prefix + spec.key;
        if (spec.required && !isPrefix(spec) && !present(key) && !suggested(key)) {
          report("",
                 "format " + quoted(use.format->identifier) + " requires option " + quoted(key));
        }
      }
    }
  }

  const ConnectorRegistry& registry_;
  std::vector<std::string> formatNames_;  // every known format, for "did you mean"
  const TableOptions& options_;
  const ConnectorDescriptor& connector_;
  size_t connectorIndex_;
  bool ignoreCase_;
  std::vector<FormatUse> formats_;
  std::vector<std::string> admittedByPrefix_;  // keys known only through a prefix ('properties.')
  std::vector<std::string> suggested_;         // keys offered by a "did you mean"
  std::vector<OptionProblem> problems_;
};

}  // namespace

ConnectorRegistry ConnectorRegistry::withBuiltins() {
  ConnectorRegistry registry;
  for (auto& connector : builtin_connectors::flinkConnectors()) {
    registry.addConnector(std::move(connector));
  }
  for (auto& connector : builtin_connectors::flinkLegacyConnectors()) {
    registry.addConnector(std::move(connector));
  }
  for (auto& connector : builtin_connectors::blinkConnectors()) {
    registry.addConnector(std::move(connector));
  }
  for (auto& format : builtin_connectors::formats()) registry.addFormat(std::move(format));
  return registry;
}

void ConnectorRegistry::addConnector(ConnectorDescriptor connector) {
  // A later registration of the same identifier in the same dialect replaces the earlier one.
  for (auto& existing : connectors_) {
    if (existing.dialect == connector.dialect &&
        sameIdentifier(existing.identifier, connector.identifier, connector.dialect)) {
      existing = std::move(connector);
      return;
    }
  }
  connectors_.push_back(std::move(connector));
}

void ConnectorRegistry::addFormat(FormatDescriptor format) {
  std::string identifier = format.identifier;
  formats_.insert_or_assign(std::move(identifier), std::move(format));
}

const ConnectorDescriptor* ConnectorRegistry::findConnector(std::string_view identifier,
                                                            OptionDialect dialect) const {
  for (const auto& connector : connectors_) {
    if (connector.dialect == dialect && sameIdentifier(connector.identifier, identifier, dialect)) {
      return &connector;
    }
  }
  return nullptr;
}

const FormatDescriptor* ConnectorRegistry::findFormat(std::string_view identifier) const {
  auto it = formats_.find(identifier);
  return it == formats_.end() ? nullptr : &it->second;
}

std::optional<std::string> ConnectorRegistry::connectorIdentifier(
    const std::vector<std::pair<std::string, std::string>>& options) {
  auto key = findConnectorKey(options);
  if (!key) return std::nullopt;
  return options[key->index].second;
}

std::vector<OptionProblem> ConnectorRegistry::validate(
    const std::vector<std::pair<std::string, std::string>>& options) const {
  auto key = findConnectorKey(options);
  if (!key) return {OptionProblem{"", "table has no 'connector' option"}};

  const std::string& identifier = options[key->index].second;
  if (const ConnectorDescriptor* connector = findConnector(identifier, key->dialect)) {
    std::vector<std::string> formatNames;
    for (const auto& [name, format] : formats_) formatNames.push_back(name);
    return OptionsCheck(*this, std::move(formatNames), options, *connector, key->index).run();
  }

  std::vector<std::string> known;
  for (const auto& connector : connectors_) {
    if (connector.dialect == key->dialect) known.push_back(connector.identifier);
  }
  std::string message = "unknown connector " + quoted(identifier);
  std::string suggestion = didYouMean(identifier, known);
  if (suggestion.empty()) {
    // A connector Sluice knows in another dialect: say how that dialect declares it.
    for (const auto& connector : connectors_) {
      if (sameIdentifier(connector.identifier, identifier, connector.dialect)) {
        suggestion = "; " + quoted(connector.identifier) + " is " +
                     dialectHint(connector.identifier, connector.dialect);
        break;
      }
    }
  }
  return {OptionProblem{"", message + suggestion}};
}

}  // namespace sluice

// Internal to the connector catalog: the built-in descriptor tables, one function per group, each
// defined in its own file (connector_flink.cpp, connector_flink_legacy.cpp, connector_blink.cpp,
// format_builtins.cpp), and the small constructors those tables are written with.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "compiler/catalog/connector_registry.h"

namespace sluice::builtin_connectors {

std::vector<ConnectorDescriptor> flinkConnectors();        // 'connector' = '...'
std::vector<ConnectorDescriptor> flinkLegacyConnectors();  // 'connector.type' = '...'
std::vector<ConnectorDescriptor> blinkConnectors();        // type = '...'
std::vector<FormatDescriptor> formats();                   // 'format' = '...', 'format.type'

inline constexpr unsigned kSource = static_cast<unsigned>(ConnectorRole::Source);
inline constexpr unsigned kSink = static_cast<unsigned>(ConnectorRole::Sink);
inline constexpr unsigned kLookup = static_cast<unsigned>(ConnectorRole::Lookup);

// An optional key (or, ending in '.', a prefix admitting any key beneath it).
inline OptionSpec option(std::string key, std::string description) {
  return OptionSpec{std::move(key), false, {}, std::move(description)};
}

inline OptionSpec requiredOption(std::string key, std::string description) {
  return OptionSpec{std::move(key), true, {}, std::move(description)};
}

// An optional key whose value must be one of `allowed` (compared case-insensitively).
inline OptionSpec choiceOption(std::string key, std::vector<std::string> allowed,
                               std::string description) {
  return OptionSpec{std::move(key), false, std::move(allowed), std::move(description)};
}

// An optional key whose value is a comma-separated list of items from `allowed`.
inline OptionSpec choiceListOption(std::string key, std::vector<std::string> allowed,
                                   std::string description) {
  OptionSpec spec{std::move(key), false, std::move(allowed), std::move(description)};
  spec.list = true;
  return spec;
}

inline void appendOptions(std::vector<OptionSpec>& to, const std::vector<OptionSpec>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

// The same descriptor under several identifiers ('hbase-1.4' and 'hbase-2.2', Blink's 'mq' and
// 'metaq', ...).
inline void addUnderIdentifiers(std::vector<ConnectorDescriptor>& to,
                                const ConnectorDescriptor& descriptor,
                                std::initializer_list<const char*> identifiers) {
  for (const char* identifier : identifiers) {
    ConnectorDescriptor copy = descriptor;
    copy.identifier = identifier;
    to.push_back(std::move(copy));
  }
}

}  // namespace sluice::builtin_connectors

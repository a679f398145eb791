#include "compiler/physical/changelog_mode.h"

#include <vector>

namespace sluice::physical {

bool ModifyKinds::contains(const ModifyKinds& other) const {
  return (inserts || !other.inserts) && (updates || !other.updates) && (deletes || !other.deletes);
}

ModifyKinds ModifyKinds::unite(const ModifyKinds& other) const {
  return {inserts || other.inserts, updates || other.updates, deletes || other.deletes};
}

ModifyKinds ModifyKinds::minus(const ModifyKinds& other) const {
  return {inserts && !other.inserts, updates && !other.updates, deletes && !other.deletes};
}

std::string ModifyKinds::describe() const {
  std::vector<const char*> names;
  if (inserts) names.push_back("insert");
  if (updates) names.push_back("update");
  if (deletes) names.push_back("delete");
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i > 0 ? " and " : "") + std::string(names[i]);
  return out;
}

const char* updateKindName(UpdateKind kind) {
  switch (kind) {
    case UpdateKind::None: return "NONE";
    case UpdateKind::OnlyUpdateAfter: return "ONLY_UPDATE_AFTER";
    case UpdateKind::BeforeAndAfter: return "BEFORE_AND_AFTER";
  }
  return "?";
}

UpdateKind beforeAndAfterOrNone(const ModifyKinds& kinds) {
  return kinds.updates ? UpdateKind::BeforeAndAfter : UpdateKind::None;
}

UpdateKind onlyAfterOrNone(const ModifyKinds& kinds) {
  return kinds.updates ? UpdateKind::OnlyUpdateAfter : UpdateKind::None;
}

std::string ChangelogMode::toString() const {
  std::vector<const char*> parts;
  if (kinds.inserts) parts.push_back("I");
  if (kinds.updates && updateKind == UpdateKind::BeforeAndAfter) parts.push_back("UB");
  if (kinds.updates) parts.push_back("UA");
  if (kinds.deletes) parts.push_back("D");
  if (parts.empty()) return "[NONE]";
  std::string out = "[";
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? "," : "") + std::string(parts[i]);
  return out + "]";
}

}  // namespace sluice::physical

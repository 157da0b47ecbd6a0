#include "extract/ooxml_relationships.h"

namespace tamis {
namespace {

// A relationships part of a real document lists a few hundred targets; the rest of a hostile one
// is ignored so that it cannot grow without bound.
constexpr std::size_t kMaxRelationships = 65536;

}  // namespace

void RelationshipsEvents::start(std::string_view local_name, const XmlAttributes& attributes) {
  if (local_name != "Relationship" || relationships_.size() >= kMaxRelationships) return;
  relationships_.push_back(OoxmlRelationship{
      std::string(attributes.get("Id")), std::string(attributes.get("Type")),
      std::string(attributes.get("Target")), attributes.get("TargetMode") == "External"});
}

const OoxmlRelationship* RelationshipsEvents::first_of_kind(std::string_view kind) const {
  for (const OoxmlRelationship& relationship : relationships_) {
    const std::string_view type = relationship.type;
    if (relationship.external || type.size() <= kind.size()) continue;
    if (type.ends_with(kind) && type[type.size() - kind.size() - 1] == '/') return &relationship;
  }
  return nullptr;
}

const OoxmlRelationship* RelationshipsEvents::with_id(std::string_view id) const {
  for (const OoxmlRelationship& relationship : relationships_) {
    if (relationship.id == id) return &relationship;
  }
  return nullptr;
}

}  // namespace tamis

// A relationships part (_rels/*.rels): which parts a part points to, and as what.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/ooxml_sax.h"

namespace tamis {

struct OoxmlRelationship {
  std::string id;
  std::string type;  // a URI; its last path segment says what it is ("worksheet", "officeDocument")
  std::string target;  // as written: resolve with resolve_target()
  bool external = false;
};

class RelationshipsEvents final : public XmlEvents {
 public:
  void start(std::string_view local_name, const XmlAttributes& attributes) override;
  void end(std::string_view /*local_name*/) override {}
  void characters(std::string_view /*utf8*/) override {}

  const std::vector<OoxmlRelationship>& relationships() const { return relationships_; }
  // The first internal relationship whose type ends with "/<kind>"; nullptr when none.
  const OoxmlRelationship* first_of_kind(std::string_view kind) const;
  const OoxmlRelationship* with_id(std::string_view id) const;

 private:
  std::vector<OoxmlRelationship> relationships_;
};

}  // namespace tamis

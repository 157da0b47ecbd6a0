// Runs parts of one package through their handlers and keeps the account of the whole read: the
// object's status (the first thing that stopped some reading), diagnostics for everything else
// worth saying, and the counts for the summary.
#pragma once

#include <string>
#include <string_view>

#include "extract/ooxml_extractor.h"
#include "extract/ooxml_package.h"
#include "extract/ooxml_sax.h"

namespace tamis {

class PartReader {
 public:
  PartReader(OoxmlPackage& package, OoxmlSummary& summary) : package_(package), summary_(summary) {}

  // Parses `part` through `events`. A corrupt part, bad XML or a per-part limit marks the status
  // and lets the next part be read; false when nothing more should be read (the total-bytes limit
  // was reached or the handler stopped).
  bool parse(const OoxmlPart& part, XmlEvents& events);
  // The part by name; a missing one is a diagnostic when `required_for` names what it held.
  bool parse(std::string_view name, XmlEvents& events, std::string_view required_for);

  // Records `status` as the object's when none is yet, as a diagnostic otherwise.
  void degrade(const ObjectStatus& status);
  void diagnose(std::string code, std::string detail);
  bool stopped() const { return stopped_; }
  void stop() { stopped_ = true; }

  OoxmlPackage& package() { return package_; }

 private:
  OoxmlPackage& package_;
  OoxmlSummary& summary_;
  bool stopped_ = false;
};

}  // namespace tamis

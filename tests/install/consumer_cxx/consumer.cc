// The installed C++ API from outside the tree: build an engine, scan, serialise and reload it.
// Exit code 0 when every check passes; each failure says what it saw.
#include <iostream>
#include <string>
#include <tamis/tamis.hpp>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::cerr << "consumer_cxx: FAILED: " << what << '\n';
    ++failures;
  }
}

bool finds_ssn(const tamis::Engine& engine) {
  tamis::Scanner scanner = engine.scanner();
  const tamis::Results results = scanner.scan("SSN: 536-22-4871\n", "record.txt");
  return results.size() == 1 &&
         std::string(results.json(0)).find("USA_SOCIAL_SECURITY_NUMBER") != std::string::npos;
}

}  // namespace

int main() {
  try {
    const tamis::Engine engine(
        R"({"managedDataIdentifierSelector": "INCLUDE",
            "managedDataIdentifierIds": ["USA_SOCIAL_SECURITY_NUMBER"]})");
    check(finds_ssn(engine), "the engine finds the SSN");
    const tamis::Engine loaded = tamis::Engine::deserialize(engine.serialize());
    check(finds_ssn(loaded), "the deserialised engine finds the SSN");
    try {
      const tamis::Engine bad(R"({"managedDataIdentifierSelector": "SOME"})");
      check(false, "a bad configuration throws");
    } catch (const tamis::ConfigError&) {
    }
  } catch (const tamis::Error& e) {
    std::cerr << "consumer_cxx: " << e.status_name() << ": " << e.what() << '\n';
    return 1;
  }
  return failures == 0 ? 0 : 1;
}

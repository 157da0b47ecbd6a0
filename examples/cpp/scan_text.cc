#include <iostream>
#include <tamis/tamis.hpp>

int main() {
  try {
    const tamis::Engine engine(R"({"managedDataIdentifierSelector": "RECOMMENDED"})");
    tamis::Scanner scanner = engine.scanner();  // one scanner per thread
    tamis::ScanOptions options;
    options.on_occurrence = [](const tamis::Occurrence& occ) {
      std::cout << occ.object_path << ": " << occ.type << " at line " << occ.line << ", column "
                << occ.column << '\n';
      return true;  // false stops the scan
    };
    const tamis::Results results =
        scanner.scan("Name: Jane Doe\nSSN: 536-22-4871\n", "record.txt", options);
    for (std::string_view json : results) std::cout << json << '\n';  // Macie's result documents
  } catch (const tamis::Error& e) {
    std::cerr << e.status_name() << ": " << e.what() << '\n';
    return 1;
  }
}

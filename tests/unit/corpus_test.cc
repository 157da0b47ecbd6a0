// Runs the labelled corpus (corpus/README.md): every identifier's true and false cases, and the
// sample documents against their checked-in expected results.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "engine/engine.h"
#include "engine/engine_cache.h"
#include "engine/scanner.h"
#include "source/file_source.h"

namespace tamis {
namespace {

namespace fs = std::filesystem;

fs::path source_dir() {
  const char* env = std::getenv("TAMIS_SOURCE_DIR");
  return env != nullptr ? fs::path(env) : fs::path(TAMIS_SOURCE_DIR);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char c = text[++i];
    out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
  }
  return out;
}

struct Case {
  int line = 0;
  bool positive = false;
  std::string text;
  std::string expected;
};

std::vector<Case> read_cases(const fs::path& path) {
  std::vector<Case> cases;
  std::istringstream in(read_file(path));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Case c;
    c.line = number;
    c.positive = line.rfind("+ ", 0) == 0;
    if (!c.positive && line.rfind("- ", 0) != 0) {
      ADD_FAILURE() << path << ":" << number << ": a case starts with '+ ' or '- '";
      continue;
    }
    std::string body = line.substr(2);
    if (c.positive) {
      const std::size_t tab = body.find('\t');
      if (tab == std::string::npos) {
        ADD_FAILURE() << path << ":" << number << ": a '+' case needs TAB and the expected text";
        continue;
      }
      c.expected = unescape(body.substr(tab + 1));
      body.resize(tab);
    }
    c.text = unescape(body);
    cases.push_back(std::move(c));
  }
  return cases;
}

// ctest runs every case file in its own process; sharing compiled engines through the cache
// keeps that from compiling the whole catalogue 120 times (EngineCache tests cover the cache).
std::string shared_cache() {
  return (fs::temp_directory_path() / ("tamis-test-cache-" + std::to_string(::getuid()))).string();
}

std::shared_ptr<const Engine> engine_with(ManagedSelector selector) {
  Config config;
  config.selector = selector;
  config.reveal_values = true;
  auto engine = build_engine_cached(config, shared_cache());
  EXPECT_TRUE(engine.ok()) << (engine.ok() ? "" : engine.error().message);
  return engine.ok() ? engine->engine : nullptr;
}

const std::shared_ptr<const Engine>& all_identifiers_engine() {
  static const auto engine = engine_with(ManagedSelector::kAll);
  return engine;
}

std::vector<std::string> cases_files() {
  std::vector<std::string> names;
  const fs::path dir = source_dir() / "corpus" / "identifiers";
  if (!fs::is_directory(dir)) return names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".cases") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class IdentifierCases : public ::testing::TestWithParam<std::string> {};

TEST_P(IdentifierCases, TrueCasesAreFoundAndFalseCasesAreNot) {
  const std::string id = GetParam();
  ASSERT_NE(find_managed(id), nullptr) << id << ".cases names no managed identifier";
  const auto& engine = all_identifiers_engine();
  ASSERT_NE(engine, nullptr);
  Scanner scanner(engine);
  int positives = 0;
  int negatives = 0;
  for (const Case& c : read_cases(source_dir() / "corpus" / "identifiers" / (id + ".cases"))) {
    const ObjectResult result = scanner.scan("case", c.text);
    const Detection* found = nullptr;
    for (const Detection& d : result.detections) {
      if (d.type == id) found = &d;
    }
    if (c.positive) {
      ++positives;
      if (found == nullptr) {
        ADD_FAILURE() << id << ".cases:" << c.line << ": not found in: " << c.text;
        continue;
      }
      EXPECT_EQ(found->count, 1U) << id << ".cases:" << c.line << ": " << c.text;
      EXPECT_EQ(found->occurrences.front().text, c.expected) << id << ".cases:" << c.line;
    } else {
      ++negatives;
      EXPECT_EQ(found, nullptr) << id << ".cases:" << c.line << ": found \""
                                << (found != nullptr ? found->occurrences.front().text : "")
                                << "\" in: " << c.text;
    }
  }
  EXPECT_GE(positives, 5) << id;
  EXPECT_GE(negatives, 5) << id;
}

INSTANTIATE_TEST_SUITE_P(Corpus, IdentifierCases, ::testing::ValuesIn(cases_files()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name;
                           for (char c : param_info.param) {
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return name;
                         });

TEST(Corpus, EveryManagedIdentifierHasCases) {
  const auto files = cases_files();
  for (const ManagedIdentifier& mdi : managed_catalog()) {
    EXPECT_TRUE(std::binary_search(files.begin(), files.end(), std::string(mdi.id)))
        << "corpus/identifiers/" << mdi.id << ".cases is missing";
  }
}

// Sample documents: scanned with the default configuration (RECOMMENDED plus tamis's secret
// detectors), compared with corpus/expected/<sample>.expected. Set TAMIS_UPDATE_EXPECTED=1 to
// rewrite the expected files after a deliberate change, then review the diff.
std::string describe(const ObjectResult& result) {
  std::ostringstream out;
  out << "status\t" << result.status.code;
  if (!result.status.reason.empty()) out << ' ' << result.status.reason;
  out << "\nseverity\t" << severity_name(result.severity) << '\n';
  for (const Diagnostic& d : result.diagnostics) out << "diagnostic\t" << d.code << '\n';
  for (const Detection& d : result.detections) {
    out << "detection\t" << d.type << '\t' << d.count << '\t' << severity_name(d.severity) << '\n';
    for (const Occurrence& o : d.occurrences) {
      out << "  at\t" << o.start << '-' << o.end << '\t';
      if (const auto* cell = std::get_if<CellLocation>(&o.where)) {
        out << "cell " << cell->cell_reference << " (" << cell->column_name << ')';
      } else if (const auto* record = std::get_if<RecordLocation>(&o.where)) {
        out << "record " << record->record_index << ' ' << record->json_path;
      } else {
        out << o.line << ':' << o.column;
      }
      out << '\t' << o.text << '\n';
    }
  }
  return out.str();
}

// Scans every file under corpus/<folder> and compares each with <expected_dir>/<file>.expected.
// Returns how many objects had findings.
int check_folder(const std::string& folder, const fs::path& expected_dir) {
  const fs::path root = source_dir() / "corpus" / folder;
  EXPECT_TRUE(fs::is_directory(root)) << root;
  const bool update = std::getenv("TAMIS_UPDATE_EXPECTED") != nullptr;
  Config config;  // the defaults, as `tamis scan` uses them
  auto engine = Engine::build(config);
  EXPECT_TRUE(engine.ok()) << engine.error().message;
  if (!engine.ok()) return 0;
  Scanner scanner(*engine);
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  EXPECT_FALSE(files.empty());
  int with_findings = 0;
  for (const fs::path& file : files) {
    const fs::path relative = fs::relative(file, root);
    // The whole object path, as `tamis scan` takes it: formats, encodings, archive members.
    std::string actual;
    scan_file_objects(scanner, file.string(), [&](ObjectResult result) {
      with_findings += result.detections.empty() ? 0 : 1;
      actual += "object\t";
      // Not fs::relative: member names such as `../../etc/passwd` must stay as reported.
      const std::string prefix = root.string() + "/";
      actual += result.path.starts_with(prefix) ? result.path.substr(prefix.size()) : result.path;
      actual += '\t';
      actual += result.mime_type;
      actual += '\n';
      actual += describe(result);
    });
    const fs::path expected_path = expected_dir / (relative.string() + ".expected");
    if (update) {
      fs::create_directories(expected_path.parent_path());
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    EXPECT_TRUE(fs::exists(expected_path)) << expected_path << " is missing";
    EXPECT_EQ(actual, read_file(expected_path)) << folder << "/" << relative;
  }
  return with_findings;
}

TEST(Corpus, SamplesMatchTheirExpectedResults) {
  EXPECT_GT(check_folder("samples", source_dir() / "corpus" / "expected"), 0);
}

// Hostile archives, markup, email and Office fixtures (corpus/tools/ writes them).
TEST(Corpus, FormatFixturesMatchTheirExpectedResults) {
  EXPECT_GT(check_folder("formats", source_dir() / "corpus" / "expected" / "formats"), 0);
}

}  // namespace
}  // namespace tamis

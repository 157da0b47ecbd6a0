// One Engine shared by several threads, each with its own Scanner.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace {

using namespace tamis_cxx_test;

TEST(CxxThreads, OneEngineOneScannerPerThread) {
  const tamis::Engine engine(kSsnAndCardConfig);
  constexpr int kThreads = 4;
  constexpr int kScansPerThread = 25;
  std::vector<int> found(kThreads, 0);
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        tamis::Scanner scanner = engine.scanner();
        const std::string name = "thread" + std::to_string(t) + ".txt";
        for (int i = 0; i < kScansPerThread; ++i) {
          int occurrences = 0;
          const tamis::Results results =
              scanner.scan(kRecord, name, {[&](const tamis::Occurrence& o) {
                             if (o.object_path == name) ++occurrences;
                             return true;
                           }});
          if (occurrences == 2 && contains(results.json(0), name)) ++found[t];
        }
      } catch (const std::exception& e) {
        failures[t] = e.what();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(failures[t], "") << "thread " << t;
    EXPECT_EQ(found[t], kScansPerThread) << "thread " << t;
  }
}

TEST(CxxThreads, ScannerMayMoveToAnotherThread) {
  const tamis::Engine engine(kSsnAndCardConfig);
  tamis::Scanner scanner = engine.scanner();
  std::size_t size = 0;
  std::thread worker([&size, s = std::move(scanner)]() mutable { size = s.scan(kRecord).size(); });
  worker.join();
  EXPECT_EQ(size, 1u);
}

}  // namespace

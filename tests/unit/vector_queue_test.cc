// The vector-backed FIFO behind the matcher's segments and clusters: the same contents, in the
// same order, as a deque under any mix of pushes, pops, inserts and erases, across compactions.
#include "core/vector_queue.h"

#include <gtest/gtest.h>

#include <deque>
#include <random>
#include <vector>

namespace tamis {
namespace {

std::vector<int> contents(VectorQueue<int>& q) { return std::vector<int>(q.begin(), q.end()); }

TEST(VectorQueue, BehavesAsADequeAcrossCompactions) {
  VectorQueue<int> queue;
  std::deque<int> model;
  std::mt19937 rng(3);
  int next = 0;
  for (int step = 0; step < 200000; ++step) {
    // Phases that fill and phases that drain, so the storage is compacted many times over.
    const bool draining = (step / 5000) % 2 == 1;
    const unsigned action = rng() % 16;
    if (action < (draining ? 4U : 8U) || model.empty()) {
      queue.push_back(next);
      model.push_back(next);
      ++next;
    } else if (action < 14) {  // pop: 6 in 16 while filling, 10 in 16 while draining
      queue.pop_front();
      model.pop_front();
    } else if (action == 14) {
      const std::size_t at = rng() % (model.size() + 1);
      queue.insert(queue.begin() + static_cast<std::ptrdiff_t>(at), -next);
      model.insert(model.begin() + static_cast<std::ptrdiff_t>(at), -next);
    } else {
      const std::size_t at = rng() % model.size();
      queue.erase(queue.begin() + static_cast<std::ptrdiff_t>(at));
      model.erase(model.begin() + static_cast<std::ptrdiff_t>(at));
    }
    ASSERT_EQ(queue.size(), model.size());
    ASSERT_EQ(queue.empty(), model.empty());
    if (!model.empty()) {
      ASSERT_EQ(queue.front(), model.front());
      ASSERT_EQ(queue.back(), model.back());
      const std::size_t i = rng() % model.size();
      ASSERT_EQ(queue[i], model[i]);
    }
  }
  EXPECT_EQ(contents(queue), std::vector<int>(model.begin(), model.end()));
  std::vector<int> reversed(queue.rbegin(), queue.rend());
  EXPECT_EQ(reversed, std::vector<int>(model.rbegin(), model.rend()));
  queue.clear();
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.size(), 0U);
}

}  // namespace
}  // namespace tamis

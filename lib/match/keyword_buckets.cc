#include "match/keyword_buckets.h"

#include <algorithm>

namespace tamis::match {
namespace {

LeadingSets joined(const LeadingSets& a, const LeadingSets& b) {
  LeadingSets out;
  for (std::size_t j = 0; j < out.size(); ++j) out[j] = a[j] | b[j];
  return out;
}

}  // namespace

double spread(const LeadingSets& sets) {
  double product = 1;
  for (const auto& set : sets) product *= static_cast<double>(set.count());
  return product;
}

std::vector<std::uint32_t> merge_into_buckets(std::span<const LeadingSets> groups,
                                              std::size_t count) {
  const std::size_t n = groups.size();
  std::vector<LeadingSets> sets(groups.begin(), groups.end());
  std::vector<std::size_t> owner(n);  // the group each one was merged into (itself at first)
  for (std::size_t g = 0; g < n; ++g) owner[g] = g;
  std::vector<bool> alive(n, true);
  // The costs of pairs are kept, and only the merged group's are computed again: loading an
  // engine builds the buckets too.
  std::vector<double> cost(n * n, 0);
  auto pair_cost = [&](std::size_t a, std::size_t b) {
    return spread(joined(sets[a], sets[b])) - spread(sets[a]) - spread(sets[b]);
  };
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) cost[a * n + b] = pair_cost(a, b);
  }
  for (std::size_t left = n; left > count; --left) {
    std::size_t best_a = n;
    std::size_t best_b = n;
    for (std::size_t a = 0; a < n; ++a) {
      if (!alive[a]) continue;
      for (std::size_t b = a + 1; b < n; ++b) {
        if (alive[b] && (best_a == n || cost[a * n + b] < cost[best_a * n + best_b])) {
          best_a = a;
          best_b = b;
        }
      }
    }
    sets[best_a] = joined(sets[best_a], sets[best_b]);
    alive[best_b] = false;
    for (std::size_t g = 0; g < n; ++g) {
      if (owner[g] == best_b) owner[g] = best_a;
    }
    for (std::size_t other = 0; other < n; ++other) {
      if (!alive[other] || other == best_a) continue;
      const std::size_t a = std::min(other, best_a);
      const std::size_t b = std::max(other, best_a);
      cost[a * n + b] = pair_cost(a, b);
    }
  }
  std::vector<std::uint32_t> bucket_of_alive(n, 0);
  std::uint32_t next = 0;
  for (std::size_t g = 0; g < n; ++g) {
    if (alive[g]) bucket_of_alive[g] = next++;
  }
  std::vector<std::uint32_t> out(n);
  for (std::size_t g = 0; g < n; ++g) out[g] = bucket_of_alive[owner[g]];
  return out;
}

}  // namespace tamis::match

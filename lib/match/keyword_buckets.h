// Teddy-style bucketing for the long-keyword classifier (long_keyword_set.h): keywords in one
// bucket share its tables, so a word passes a bucket when each of its leading bytes could be that
// byte of some keyword of the bucket, not necessarily the same one. Hyperscan's Teddy merges its
// literals into buckets greedily by the same measure.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tamis::match {

// Per leading position, the set of byte values (after the classifier's folding) a group's keywords
// can have there.
using LeadingSets = std::array<std::bitset<64>, 4>;

// How many strings of leading bytes a group lets through: what it costs in false candidates if
// text bytes were uniform.
double spread(const LeadingSets& sets);

// Merges `groups` greedily into at most `count` buckets: each step joins the two whose union lets
// the fewest more strings through. Returns each group's bucket, numbered from 0.
std::vector<std::uint32_t> merge_into_buckets(std::span<const LeadingSets> groups,
                                              std::size_t count);

}  // namespace tamis::match

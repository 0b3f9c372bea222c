#pragma once
// "Did you mean" suggestions for misspelt keys and names.
#include <string>
#include <vector>

namespace gb::cases {

/// Levenshtein distance (insert/delete/substitute, each cost 1), case-sensitive.
int edit_distance(const std::string& a, const std::string& b);

/// The candidate closest to `word` if it is close enough to be a plausible
/// typo (distance <= max(1, len/3)), else "".  Ties go to the first listed.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace gb::cases

// "Did you mean": the closest known name by edit distance.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace leeway {

std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a distance that scales with the word's length,
// or "" when nothing is close enough to be a likely typo.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
// "did you mean `x`?" or a list of the valid names when there are few; "" otherwise.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace leeway

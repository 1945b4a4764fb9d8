// A decision map: one policy drawn over two of its dimensions, each region
// coloured by what decides it there (rule, exception, line, silence), with a
// thick border where a line takes over. The other dimensions are held at the
// values where the most exceptions apply; the caption names them.
#pragma once
#include <string>
#include <vector>

#include "compiler/query/decision_index.hpp"

namespace leeway {

struct DecisionMap {
  std::string svg;                // a standalone SVG document
  std::string caption;            // plain text: the axes and the values held fixed
  std::vector<std::size_t> axes;  // positions in the policy's `over` (one or two)
};

DecisionMap draw_decision_map(const Repository& repo, const Policy& policy, const PolicySpace& space, const DecisionIndex& index);

// The axes chosen for a policy: its `map` key if it names them, else a
// numeric dimension with the most edges and a dimension a line uses.
std::vector<std::size_t> choose_axes(const Policy& policy, const PolicySpace& space);

}  // namespace leeway

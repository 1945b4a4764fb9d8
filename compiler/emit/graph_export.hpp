// Writing the dependency graph as Graphviz DOT or JSON.
#pragma once
#include <string>

#include "compiler/analysis/graph.hpp"

namespace leeway {

std::string graph_to_dot(const RepoGraph& graph, const Repository& repo);
std::string graph_to_json(const RepoGraph& graph);

}  // namespace leeway

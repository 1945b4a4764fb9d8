// The repository's dependency graph (Boost.Graph): the compiler's central
// structure. Vertices are policies, rules, exceptions, lines, roles,
// dimensions and stories; edges say how they depend on one another.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"

namespace leeway {

enum class VertexKind { policy, rule, exception, line, role, dimension, story };
enum class EdgeKind { contains, bends, granted_by, reports_to, uses, teaches };
const char* vertex_kind_name(VertexKind k);
const char* edge_kind_name(EdgeKind k);

struct VertexInfo {
  VertexKind kind = VertexKind::policy;
  std::string id;  // qualified for items ("returns.grace-period"); file path for stories
  std::string label;
  int policy = -1, item = -1, index = -1;  // back into the model
};

struct EdgeInfo {
  EdgeKind kind = EdgeKind::contains;
};

// Edges kept in a vector too (the last parameter): a repository of 100,000
// items has half a million edges, and a node per edge costs more than the rest.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexInfo, EdgeInfo, boost::no_property,
                                    boost::vecS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

struct RepoGraph {
  // Boost's adjacency_list has no move (it copies, even in swap()), so the
  // graph lives on the heap and a RepoGraph moves by moving the pointer.
  std::unique_ptr<Graph> graph = std::make_unique<Graph>();
  Graph& g() { return *graph; }
  const Graph& g() const { return *graph; }

  std::vector<Vertex> policy_vertex;                // by policy index
  std::vector<std::vector<Vertex>> item_vertex;     // by policy, item
  std::vector<Vertex> role_vertex, dimension_vertex, story_vertex;
};

// Builds the graph of `repo` into `out`, which must be empty.
void build_graph(const Repository& repo, RepoGraph& out);

// Cycles among roles (reports_to), each reported once with the whole cycle named.
void check_role_cycles(const RepoGraph& graph, const Repository& repo, Diagnostics& diags);

// The roles that may grant what `role` may grant: itself and everyone it
// reports to, transitively (walked on the graph; safe on cycles).
std::vector<int> roles_above(const RepoGraph& graph, int role);

}  // namespace leeway

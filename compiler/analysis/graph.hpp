// The repository's dependency graph (Boost.Graph): the compiler's central
// structure. Vertices are policies, rules, exceptions, lines, roles,
// dimensions and stories; edges say how they depend on one another.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <string_view>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"

namespace leeway {

enum class VertexKind { policy, rule, exception, line, role, dimension, story };
enum class EdgeKind { contains, bends, granted_by, reports_to, uses, teaches };
const char* vertex_kind_name(VertexKind k);
const char* edge_kind_name(EdgeKind k);

// A vertex's words are views of the model's (the graph lives no longer than
// the repository it was built from): 100,000 items made as many strings twice.
struct VertexInfo {
  VertexKind kind = VertexKind::policy;
  std::string_view policy_id;  // items: their policy's id; empty for the rest
  std::string_view name;       // items: their own id; the rest: id, name or (stories) file path
  std::string_view label;
  int policy = -1, item = -1, index = -1;  // back into the model
  // "returns.grace-period" for an item, the name for the rest.
  std::string id() const { return policy_id.empty() ? std::string(name) : std::string(policy_id) + "." + std::string(name); }
};

struct EdgeInfo {
  EdgeKind kind = EdgeKind::contains;
};

// A compressed sparse row graph, built in one pass from the list of edges:
// a repository of 100,000 items has half a million edges, and an adjacency
// list allocates for every vertex's edges as they come. The graph never
// changes once built.
using Graph = boost::compressed_sparse_row_graph<boost::directedS, VertexInfo, EdgeInfo>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

struct RepoGraph {
  // On the heap: a RepoGraph moves by moving the pointer.
  std::unique_ptr<Graph> graph = std::make_unique<Graph>();
  Graph& g() { return *graph; }
  const Graph& g() const { return *graph; }

  std::vector<Vertex> policy_vertex;             // by policy index
  std::vector<std::vector<Vertex>> item_vertex;  // by policy, item
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

#include "compiler/analysis/graph.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>

namespace leeway {

const char* vertex_kind_name(VertexKind k) {
  switch (k) {
    case VertexKind::policy: return "policy";
    case VertexKind::rule: return "rule";
    case VertexKind::exception: return "exception";
    case VertexKind::line: return "line";
    case VertexKind::role: return "role";
    case VertexKind::dimension: return "dimension";
    case VertexKind::story: return "story";
  }
  return "policy";
}

const char* edge_kind_name(EdgeKind k) {
  switch (k) {
    case EdgeKind::contains: return "contains";
    case EdgeKind::bends: return "bends";
    case EdgeKind::granted_by: return "granted_by";
    case EdgeKind::reports_to: return "reports_to";
    case EdgeKind::uses: return "uses";
    case EdgeKind::teaches: return "teaches";
  }
  return "contains";
}

void build_graph(const Repository& repo, RepoGraph& rg) {
  const Manifest& m = repo.manifest;
  // Vertices numbered first (dimensions, roles, then each policy followed by
  // its items, then stories), edges listed, and the graph made from both at once.
  std::vector<VertexInfo> vertices;
  std::size_t count = m.dimensions.size() + m.roles.size() + repo.policies.size() + repo.stories.size();
  for (const Policy& pol : repo.policies) count += pol.items.size();
  vertices.reserve(count);
  std::vector<std::pair<Vertex, Vertex>> edges;
  std::vector<EdgeInfo> kinds;
  edges.reserve(count * 4);
  kinds.reserve(count * 4);
  auto vertex = [&](VertexInfo info) {
    vertices.push_back(info);
    return static_cast<Vertex>(vertices.size() - 1);
  };
  auto edge = [&](Vertex from, Vertex to, EdgeKind kind) {
    edges.emplace_back(from, to);
    kinds.push_back(EdgeInfo{kind});
  };
  for (std::size_t i = 0; i < m.dimensions.size(); ++i)
    rg.dimension_vertex.push_back(
        vertex(VertexInfo{VertexKind::dimension, {}, m.dimensions[i].name, m.dimensions[i].name, -1, -1, static_cast<int>(i)}));
  for (std::size_t i = 0; i < m.roles.size(); ++i)
    rg.role_vertex.push_back(vertex(VertexInfo{VertexKind::role, {}, m.roles[i].id, m.roles[i].title, -1, -1, static_cast<int>(i)}));
  for (std::size_t i = 0; i < m.roles.size(); ++i)
    if (m.roles[i].reports_to_index >= 0)
      edge(rg.role_vertex[i], rg.role_vertex[static_cast<std::size_t>(m.roles[i].reports_to_index)], EdgeKind::reports_to);

  rg.item_vertex.resize(repo.policies.size());
  for (std::size_t p = 0; p < repo.policies.size(); ++p) {
    const Policy& pol = repo.policies[p];
    Vertex pv = vertex(VertexInfo{VertexKind::policy, {}, pol.id, pol.title, static_cast<int>(p), -1, static_cast<int>(p)});
    rg.policy_vertex.push_back(pv);
    rg.item_vertex[p].reserve(pol.items.size());
    for (std::size_t i = 0; i < pol.items.size(); ++i) {
      const Item& it = pol.items[i];
      VertexKind k = it.kind == ItemKind::rule ? VertexKind::rule : it.kind == ItemKind::exception ? VertexKind::exception : VertexKind::line;
      rg.item_vertex[p].push_back(vertex(VertexInfo{k, pol.id, it.id, it.title.empty() ? std::string_view(it.id) : std::string_view(it.title),
                                                    static_cast<int>(p), static_cast<int>(i), -1}));
    }
  }
  for (std::size_t s = 0; s < repo.stories.size(); ++s) {
    const Story& st = repo.stories[s];
    rg.story_vertex.push_back(vertex(VertexInfo{VertexKind::story, {}, st.file, st.title, -1, -1, static_cast<int>(s)}));
  }
  for (std::size_t p = 0; p < repo.policies.size(); ++p) {
    const Policy& pol = repo.policies[p];
    for (std::size_t i = 0; i < pol.items.size(); ++i) {
      const Item& it = pol.items[i];
      Vertex iv = rg.item_vertex[p][i];
      edge(rg.policy_vertex[p], iv, EdgeKind::contains);
      for (const auto& c : it.when)
        edge(iv, rg.dimension_vertex[static_cast<std::size_t>(pol.over[static_cast<std::size_t>(c.over_index)])], EdgeKind::uses);
      if (it.role >= 0) edge(iv, rg.role_vertex[static_cast<std::size_t>(it.role)], EdgeKind::granted_by);
      // bends edges may cross policies: every item has its vertex by now.
      if (it.bends_policy >= 0)
        edge(iv, rg.item_vertex[static_cast<std::size_t>(it.bends_policy)][static_cast<std::size_t>(it.bends_item)], EdgeKind::bends);
    }
  }
  for (std::size_t s = 0; s < repo.stories.size(); ++s)
    for (const auto& ref : repo.stories[s].teaches)
      if (ref.policy >= 0)
        edge(rg.story_vertex[s], rg.item_vertex[static_cast<std::size_t>(ref.policy)][static_cast<std::size_t>(ref.item)], EdgeKind::teaches);
  // Edges grouped by their source, each group in the order listed above.
  rg.graph = std::make_unique<Graph>(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), kinds.begin(), vertices.size());
  Graph& g = rg.g();
  for (std::size_t v = 0; v < vertices.size(); ++v) g[static_cast<Vertex>(v)] = vertices[v];
}

namespace {
struct ReportsToOnly {
  const Graph* g = nullptr;
  bool operator()(const boost::graph_traits<Graph>::edge_descriptor& e) const { return (*g)[e].kind == EdgeKind::reports_to; }
};
struct RolesOnly {
  const Graph* g = nullptr;
  bool operator()(Vertex v) const { return (*g)[v].kind == VertexKind::role; }
};
}  // namespace

void check_role_cycles(const RepoGraph& rg, const Repository& repo, Diagnostics& diags) {
  const Graph& g = rg.g();
  boost::filtered_graph<Graph, ReportsToOnly, RolesOnly> roles(g, ReportsToOnly{&g}, RolesOnly{&g});
  std::vector<int> component(boost::num_vertices(g), -1);
  boost::strong_components(roles, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::map<int, std::vector<int>> members;  // component -> role indices
  for (std::size_t r = 0; r < rg.role_vertex.size(); ++r) members[component[rg.role_vertex[r]]].push_back(static_cast<int>(r));
  const auto& all = repo.manifest.roles;
  for (const auto& [c, rs] : members) {
    int first = rs.front();
    bool self_loop = all[static_cast<std::size_t>(first)].reports_to_index == first;
    if (rs.size() < 2 && !self_loop) continue;
    // Walk the cycle from the role declared first, so it is named in order.
    std::string path = all[static_cast<std::size_t>(first)].id;
    for (int r = all[static_cast<std::size_t>(first)].reports_to_index; r >= 0; r = all[static_cast<std::size_t>(r)].reports_to_index) {
      path += " -> " + all[static_cast<std::size_t>(r)].id;
      if (r == first) break;
    }
    const Role& role = all[static_cast<std::size_t>(first)];
    auto& d = diags.add(DiagnosticKind::role_cycle, role.reports_to_pos, fmt::format("roles report to each other in a cycle: {}", path),
                        "someone must be at the top: remove `reports_to` from one of these roles");
    for (int r : rs)
      if (r != first)
        d.notes.push_back(
            {all[static_cast<std::size_t>(r)].reports_to_pos,
             fmt::format("`{}` reports to `{}` here", all[static_cast<std::size_t>(r)].id, all[static_cast<std::size_t>(r)].reports_to)});
  }
}

std::vector<int> roles_above(const RepoGraph& rg, int role) {
  std::vector<int> out;
  std::vector<bool> seen(rg.role_vertex.size(), false);
  Vertex v = rg.role_vertex[static_cast<std::size_t>(role)];
  while (true) {
    int idx = rg.g()[v].index;
    if (seen[static_cast<std::size_t>(idx)]) break;
    seen[static_cast<std::size_t>(idx)] = true;
    out.push_back(idx);
    bool next = false;
    for (auto [e, end] = boost::out_edges(v, rg.g()); e != end; ++e)
      if (rg.g()[*e].kind == EdgeKind::reports_to) {
        v = boost::target(*e, rg.g());
        next = true;
        break;
      }
    if (!next) break;
  }
  return out;
}

}  // namespace leeway

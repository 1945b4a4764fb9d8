#include "compiler/analysis/graph.hpp"

#include <algorithm>
#include <map>

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <fmt/format.h>

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
  // Every vertex made at once (100,000 items: no reallocation copying the
  // vertices' strings and edge lists as the graph grows), then filled in order.
  std::size_t vertices = m.dimensions.size() + m.roles.size() + repo.policies.size() + repo.stories.size();
  for (const Policy& pol : repo.policies) vertices += pol.items.size();
  rg.graph = std::make_unique<Graph>(vertices);
  Graph& g = rg.g();
  Vertex next = 0;
  auto vertex = [&](VertexInfo info) {
    g[next] = std::move(info);
    return next++;
  };
  for (std::size_t i = 0; i < m.dimensions.size(); ++i)
    rg.dimension_vertex.push_back(
        vertex(VertexInfo{VertexKind::dimension, m.dimensions[i].name, m.dimensions[i].name, -1, -1, static_cast<int>(i)}));
  for (std::size_t i = 0; i < m.roles.size(); ++i)
    rg.role_vertex.push_back(vertex(VertexInfo{VertexKind::role, m.roles[i].id, m.roles[i].title, -1, -1, static_cast<int>(i)}));
  for (std::size_t i = 0; i < m.roles.size(); ++i)
    if (m.roles[i].reports_to_index >= 0)
      boost::add_edge(rg.role_vertex[i], rg.role_vertex[static_cast<std::size_t>(m.roles[i].reports_to_index)],
                      EdgeInfo{EdgeKind::reports_to}, g);

  rg.item_vertex.resize(repo.policies.size());
  for (std::size_t p = 0; p < repo.policies.size(); ++p) {
    const Policy& pol = repo.policies[p];
    Vertex pv = vertex(VertexInfo{VertexKind::policy, pol.id, pol.title, static_cast<int>(p), -1, static_cast<int>(p)});
    rg.policy_vertex.push_back(pv);
    rg.item_vertex[p].reserve(pol.items.size());
    for (std::size_t i = 0; i < pol.items.size(); ++i) {
      const Item& it = pol.items[i];
      VertexKind k = it.kind == ItemKind::rule ? VertexKind::rule : it.kind == ItemKind::exception ? VertexKind::exception : VertexKind::line;
      Vertex iv =
          vertex(VertexInfo{k, pol.id + "." + it.id, it.title.empty() ? it.id : it.title, static_cast<int>(p), static_cast<int>(i), -1});
      rg.item_vertex[p].push_back(iv);
      boost::add_edge(pv, iv, EdgeInfo{EdgeKind::contains}, g);
      for (const auto& c : it.when)
        boost::add_edge(iv, rg.dimension_vertex[static_cast<std::size_t>(pol.over[static_cast<std::size_t>(c.over_index)])],
                        EdgeInfo{EdgeKind::uses}, g);
      if (it.role >= 0) boost::add_edge(iv, rg.role_vertex[static_cast<std::size_t>(it.role)], EdgeInfo{EdgeKind::granted_by}, g);
    }
  }
  // bends edges may cross policies: add them once every item has its vertex.
  for (std::size_t p = 0; p < repo.policies.size(); ++p)
    for (std::size_t i = 0; i < repo.policies[p].items.size(); ++i) {
      const Item& it = repo.policies[p].items[i];
      if (it.bends_policy >= 0)
        boost::add_edge(rg.item_vertex[p][i],
                        rg.item_vertex[static_cast<std::size_t>(it.bends_policy)][static_cast<std::size_t>(it.bends_item)],
                        EdgeInfo{EdgeKind::bends}, g);
    }
  for (std::size_t s = 0; s < repo.stories.size(); ++s) {
    const Story& st = repo.stories[s];
    Vertex sv = vertex(VertexInfo{VertexKind::story, st.file, st.title, -1, -1, static_cast<int>(s)});
    rg.story_vertex.push_back(sv);
    for (const auto& ref : st.teaches)
      if (ref.policy >= 0)
        boost::add_edge(sv, rg.item_vertex[static_cast<std::size_t>(ref.policy)][static_cast<std::size_t>(ref.item)],
                        EdgeInfo{EdgeKind::teaches}, g);
  }
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
      if (r != first) d.notes.push_back({all[static_cast<std::size_t>(r)].reports_to_pos, fmt::format("`{}` reports to `{}` here", all[static_cast<std::size_t>(r)].id, all[static_cast<std::size_t>(r)].reports_to)});
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

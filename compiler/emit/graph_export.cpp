#include "compiler/emit/graph_export.hpp"

#include <fmt/format.h>

#include "compiler/core/json_writer.hpp"

namespace leeway {
namespace {

std::string dot_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

const char* shape_of(VertexKind k) {
  switch (k) {
    case VertexKind::policy: return "shape=folder, style=filled, fillcolor=\"#e8eef7\"";
    case VertexKind::rule: return "shape=box, style=filled, fillcolor=\"#ffffff\"";
    case VertexKind::exception: return "shape=box, style=\"rounded,filled\", fillcolor=\"#fff4d6\"";
    case VertexKind::line: return "shape=octagon, style=filled, fillcolor=\"#f8d7da\"";
    case VertexKind::role: return "shape=ellipse, style=filled, fillcolor=\"#d8f0dd\"";
    case VertexKind::dimension: return "shape=parallelogram, style=filled, fillcolor=\"#eeeeee\"";
    case VertexKind::story: return "shape=note, style=filled, fillcolor=\"#e9e3f5\"";
  }
  return "shape=box";
}

}  // namespace

std::string graph_to_dot(const RepoGraph& rg, const Repository& repo) {
  const Graph& g = rg.g();
  std::string out = fmt::format(
      "digraph leeway {{\n  label={};\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n",
      dot_quote(repo.manifest.name));
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const VertexInfo& info = g[*v];
    std::string label = fmt::format("{}\n{}", vertex_kind_name(info.kind), info.id());
    out += fmt::format("  n{} [label={}, {}];\n", *v, dot_quote(label), shape_of(info.kind));
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    EdgeKind k = g[*e].kind;
    out += fmt::format("  n{} -> n{} [label={}{}];\n", boost::source(*e, g), boost::target(*e, g), dot_quote(edge_kind_name(k)),
                       k == EdgeKind::uses       ? ", style=dotted"
                       : k == EdgeKind::contains ? ", color=\"#999999\""
                                                 : "");
  }
  out += "}\n";
  return out;
}

std::string graph_to_json(const RepoGraph& rg) {
  const Graph& g = rg.g();
  // Ids are unique per kind only (a role and a dimension may share a name), so
  // a node's JSON id carries its kind: "role:supervisor", "exception:returns.grace-period".
  auto key = [&](Vertex v) { return std::string(vertex_kind_name(g[v].kind)) + ":" + g[v].id(); };
  std::string out;
  JsonWriter w(out, JsonWriter::Layout::pretty);
  w.begin_object().plain_key("nodes").begin_array();
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    w.begin_object().plain_key("id").string(key(*v)).plain_key("kind").string(vertex_kind_name(g[*v].kind));
    w.plain_key("name").string(g[*v].id()).plain_key("label").string(g[*v].label).end_object();
  }
  w.end_array().plain_key("edges").begin_array();
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    w.begin_object().plain_key("from").string(key(boost::source(*e, g))).plain_key("to").string(key(boost::target(*e, g)));
    w.plain_key("kind").string(edge_kind_name(g[*e].kind)).end_object();
  }
  w.end_array().end_object().raw("\n");
  w.flush();
  return out;
}

}  // namespace leeway

#include "app/lsp/server.hpp"

#include <chrono>
#include <ostream>
#include <set>

#include <fmt/format.h>

#include "app/lsp/code_actions.hpp"
#include "app/lsp/completion.hpp"
#include "app/lsp/hover.hpp"
#include "app/lsp/lsp_diagnostics.hpp"
#include "app/lsp/message_stream.hpp"
#include "app/lsp/navigation.hpp"
#include "app/lsp/text_position.hpp"
#include "app/lsp/workspace.hpp"
#include "compiler/core/version.hpp"

namespace leeway::lsp {
namespace {

using json = nlohmann::json;

// JSON-RPC error codes.
constexpr int kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601, kInternalError = -32603;

class Server {
 public:
  Server(MessageStream& stream, std::ostream& log) : stream_(stream), log_(log) {}

  // Handles one message; false once `exit` arrives.
  bool handle(const json& msg) {
    if (!msg.is_object() || !msg.contains("method") || !msg["method"].is_string()) {
      if (msg.is_object() && msg.contains("id") && !msg.contains("result") && !msg.contains("error"))
        reply_error(msg["id"], kInvalidRequest, "no method");
      return true;  // a reply to us, or noise
    }
    std::string method = msg["method"];
    json params = msg.contains("params") ? msg["params"] : json::object();
    bool request = msg.contains("id");
    json id = request ? msg["id"] : json(nullptr);
    if (method == "exit") {
      exit_code_ = shutdown_ ? 0 : 1;
      return false;
    }
    try {
      json result = dispatch(method, params, request);
      if (request) {
        if (result.is_discarded())
          reply_error(id, kMethodNotFound, fmt::format("leeway lsp does not answer `{}`", method));
        else
          stream_.write({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
      }
    } catch (const std::exception& e) {
      log_ << "leeway lsp: " << method << ": " << e.what() << "\n";
      if (request) reply_error(id, kInternalError, e.what());
    }
    return true;
  }

  void parse_error(const std::string& why) { reply_error(nullptr, kParseError, why); }
  int exit_code() const { return exit_code_; }

 private:
  json dispatch(const std::string& method, const json& params, bool request) {
    if (method == "initialize") return initialize(params);
    if (method == "initialized") {
      rebuild();
      return json(nullptr);
    }
    if (method == "shutdown") {
      shutdown_ = true;
      return json(nullptr);
    }
    if (method == "textDocument/didOpen") return changed(params["textDocument"]["uri"], &params["textDocument"]["text"]);
    if (method == "textDocument/didChange") {
      const json& changes = params["contentChanges"];
      if (!changes.is_array() || changes.empty()) return json(nullptr);
      return changed(params["textDocument"]["uri"], &changes.back()["text"]);
    }
    if (method == "textDocument/didSave") return changed(params["textDocument"]["uri"], params.contains("text") ? &params["text"] : nullptr);
    if (method == "textDocument/didClose") {
      workspace_.close(uri_to_path(params["textDocument"]["uri"].get<std::string>()));
      rebuild();
      return json(nullptr);
    }
    if (method == "workspace/didChangeWatchedFiles") {
      rebuild();
      return json(nullptr);
    }
    if (method == "textDocument/hover") {
      auto [c, file, offset] = locate(params);
      if (!c) return json(nullptr);
      Symbol s = symbol_at(*c, file, offset);
      std::string md = hover_markdown(*c, s);
      if (md.empty()) return json(nullptr);
      return {{"contents", {{"kind", "markdown"}, {"value", md}}}, {"range", range_json(c->repo.files.at(file).text(), s.begin, s.end)}};
    }
    if (method == "textDocument/definition" || method == "textDocument/references") {
      auto [c, file, offset] = locate(params);
      json out = json::array();
      if (!c) return out;
      Symbol s = symbol_at(*c, file, offset);
      bool with_definition = params.contains("context") && params["context"].value("includeDeclaration", true);
      for (const Place& p : method == "textDocument/definition" ? definition_of(*c, s) : references_to(*c, s, with_definition))
        out.push_back({{"uri", uri_of(p.file)}, {"range", range_json(c->repo.files.at(p.file).text(), p.begin, p.end)}});
      return out;
    }
    if (method == "textDocument/completion") {
      auto [c, file, offset] = locate(params);
      if (!c) return json::array();
      return {{"isIncomplete", false}, {"items", completions(*c, file, offset)}};
    }
    if (method == "textDocument/codeAction") {
      std::string uri = params["textDocument"]["uri"];
      const Compilation* c = workspace_.current();
      std::string file = workspace_.relative(uri_to_path(uri));
      if (!c || !c->repo.files.count(file)) return json::array();
      return quick_fixes(uri, c->repo.files.at(file).text(), params["context"]["diagnostics"]);
    }
    if (!request || method.rfind("$/", 0) == 0) return json(nullptr);  // notifications we do not need
    return json::value_t::discarded;
  }

  json initialize(const json& params) {
    std::string folder;
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() && !params["workspaceFolders"].empty())
      folder = uri_to_path(params["workspaceFolders"][0].value("uri", ""));
    if (folder.empty() && params.contains("rootUri") && params["rootUri"].is_string()) folder = uri_to_path(params["rootUri"].get<std::string>());
    if (folder.empty() && params.contains("rootPath") && params["rootPath"].is_string()) folder = params["rootPath"];
    workspace_.open_folder(folder);
    log_ << "leeway lsp: " << (workspace_.has_repository() ? "repository " + workspace_.root() : "no leeway.toml under " + folder) << "\n";
    return {{"capabilities",
             {{"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", true}}}}},
              {"hoverProvider", true},
              {"definitionProvider", true},
              {"referencesProvider", true},
              {"completionProvider", {{"triggerCharacters", {"\"", "=", " ", ",", "["}}}},
              {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
            {"serverInfo", {{"name", "leeway"}, {"version", std::string(kVersion)}}}};
  }

  json changed(const json& uri, const json* text) {
    if (!uri.is_string()) return json(nullptr);
    std::string path = uri_to_path(uri.get<std::string>());
    if (text && text->is_string()) workspace_.set_text(path, text->get<std::string>());
    rebuild();
    return json(nullptr);
  }

  // Compiles and publishes every file's diagnostics; files that had some and
  // have none now get an empty list.
  void rebuild() {
    const Compilation* c = workspace_.compile();
    std::map<std::string, json> now;
    if (c)
      now = diagnostics_by_file(*c, [&](const std::string& rel) { return uri_of(rel); });
    else if (workspace_.has_repository())
      log_ << "leeway lsp: " << workspace_.error() << "\n";
    for (const std::string& file : published_)
      if (!now.count(file)) publish(file, json::array());
    published_.clear();
    for (auto& [file, list] : now) {
      publish(file, list);
      published_.insert(file);
    }
  }

  void publish(const std::string& file, const json& list) {
    stream_.write({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", {{"uri", uri_of(file)}, {"diagnostics", list}}}});
  }

  std::string uri_of(const std::string& rel) const { return path_to_uri(workspace_.absolute(rel)); }

  // The compilation, the repository path and the byte offset a request points at.
  std::tuple<const Compilation*, std::string, std::size_t> locate(const json& params) {
    const Compilation* c = workspace_.current();
    std::string file = workspace_.relative(uri_to_path(params["textDocument"]["uri"].get<std::string>()));
    if (!c || !c->repo.files.count(file)) return {nullptr, "", 0};
    Position p{params["position"].value("line", 0), params["position"].value("character", 0)};
    return {c, file, offset_of(c->repo.files.at(file).text(), p)};
  }

  void reply_error(const json& id, int code, const std::string& message) {
    stream_.write({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  MessageStream& stream_;
  std::ostream& log_;
  Workspace workspace_;
  std::set<std::string> published_;
  bool shutdown_ = false;
  int exit_code_ = 1;
};

}  // namespace

int serve(std::istream& in, std::ostream& out, std::ostream& log) {
  MessageStream stream(in, out);
  Server server(stream, log);
  while (std::optional<Incoming> msg = stream.read()) {
    if (!msg->error.empty()) {
      server.parse_error(msg->error);
      continue;
    }
    if (!server.handle(msg->message)) return server.exit_code();
  }
  return server.exit_code();
}

}  // namespace leeway::lsp

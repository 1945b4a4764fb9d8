#include "app/lsp/message_stream.hpp"

#include <charconv>

#include "compiler/core/json_writer.hpp"

namespace leeway::lsp {
namespace {

// A parsed or built tree, written by leeway's one JSON writer (compact, as
// nlohmann's dump() would: keys in the tree's order, sorted for nlohmann::json).
void write_tree(JsonWriter& w, const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object:
      w.begin_object();
      for (const auto& [key, value] : j.items()) {
        w.key(key);
        write_tree(w, value);
      }
      w.end_object();
      break;
    case nlohmann::json::value_t::array:
      w.begin_array();
      for (const nlohmann::json& v : j) write_tree(w, v);
      w.end_array();
      break;
    case nlohmann::json::value_t::string: w.string(j.get_ref<const std::string&>()); break;
    case nlohmann::json::value_t::boolean: w.boolean(j.get<bool>()); break;
    case nlohmann::json::value_t::number_integer: w.integer(j.get<std::int64_t>()); break;
    case nlohmann::json::value_t::number_unsigned: w.integer(j.get<std::uint64_t>()); break;
    // A number with a fraction comes only from the client (an id, echoed): as it was parsed.
    case nlohmann::json::value_t::number_float: w.rendered(j.dump()); break;
    default: w.null(); break;
  }
}

}  // namespace

std::optional<Incoming> MessageStream::read() {
  std::size_t length = 0;
  bool have_length = false;
  std::string line;
  while (true) {
    if (!std::getline(in_, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (have_length) break;
      continue;  // stray blank lines between messages
    }
    constexpr std::string_view key = "content-length:";
    if (line.size() > key.size()) {
      std::string head = line.substr(0, key.size());
      for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (head == key) {
        std::size_t at = line.find_first_not_of(' ', key.size());
        if (at == std::string::npos) return std::nullopt;
        auto [end, ec] = std::from_chars(line.data() + at, line.data() + line.size(), length);
        if (ec != std::errc()) return std::nullopt;
        have_length = true;
      }
    }
  }
  Incoming msg;
  if (length > kMaxMessageBytes) {
    in_.ignore(static_cast<std::streamsize>(length));
    msg.error = "message too large";
    return msg;
  }
  std::string body(length, '\0');
  if (!in_.read(body.data(), static_cast<std::streamsize>(length))) return std::nullopt;
  msg.message = nlohmann::json::parse(body, nullptr, false);
  if (msg.message.is_discarded()) {
    msg.message = nullptr;
    msg.error = "the message is not JSON";
  }
  return msg;
}

void MessageStream::write(const nlohmann::json& message) {
  std::string body;
  {
    JsonWriter w(body);
    write_tree(w, message);
  }
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

}  // namespace leeway::lsp

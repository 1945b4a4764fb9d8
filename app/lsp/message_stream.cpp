#include "app/lsp/message_stream.hpp"

#include <charconv>

namespace leeway::lsp {

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
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

}  // namespace leeway::lsp

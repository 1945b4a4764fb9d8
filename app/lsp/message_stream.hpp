// JSON-RPC messages as the Language Server Protocol frames them on a byte
// stream: a `Content-Length` header, a blank line, then that many bytes of JSON.
#pragma once
#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace leeway::lsp {

struct Incoming {
  nlohmann::json message;  // null when the bytes were not JSON
  std::string error;       // why not, for the reply
};

class MessageStream {
 public:
  MessageStream(std::istream& in, std::ostream& out) : in_(in), out_(out) {}
  // The next message; nothing at the end of the input (or a broken header).
  std::optional<Incoming> read();
  void write(const nlohmann::json& message);

 private:
  std::istream& in_;
  std::ostream& out_;
};

// A message larger than this is refused (and its bytes skipped).
constexpr std::size_t kMaxMessageBytes = 64 * 1024 * 1024;

}  // namespace leeway::lsp

// The one JSON writer of leeway's outputs: a value at a time, streamed
// into a buffer of its own and from there into a string in large pieces
// (case review and query write a million records a second). It nests
// objects and arrays itself and lays them out three ways: as nlohmann's
// dump(2), as its dump(), or on one line with ", " and ": " (query's
// decisions). Strings are escaped as nlohmann escapes them, invalid UTF-8
// as U+FFFD (error_handler_t::replace); tests/unit/core/json_writer_test.cpp
// holds both to nlohmann's text for random trees.
#pragma once
#include <concepts>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace leeway {

// `s` as a JSON string (quotes included), escaped, appended to `out`.
void append_json_string(std::string& out, std::string_view s);
// The same, as a new string ("\"text\"").
std::string json_string(std::string_view s);

// Is `text` written into JSON as it is: printable ASCII, no quote, no backslash?
bool plain_json_text(std::string_view text);

// Is `text` valid UTF-8 (and free of NUL)?
bool valid_utf8(std::string_view text);

class JsonWriter {
 public:
  enum class Layout {
    pretty,   // nlohmann's dump(2)
    compact,  // nlohmann's dump()
    line,     // one line, ", " between members and ": " after keys
  };
  // `indent`: for `pretty`, the depth the first value sits at (its nested
  // lines get 2 * (indent + depth) spaces), for a value placed inside text
  // written by other means.
  explicit JsonWriter(std::string& out, Layout layout = Layout::compact, int indent = 0) : out_(out), layout_(layout), indent_(indent) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { flush(); }

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // A member's key (the value follows), escaped as any text.
  JsonWriter& key(std::string_view k) {
    string(k);
    return after_key();
  }
  // The same for a key known to need no escape: a word of the caller's own.
  JsonWriter& plain_key(std::string_view k) {
    if (k.size() > kRoom / 4) return key(k);
    separate();
    std::string_view colon = layout_ == Layout::compact ? std::string_view("\":") : std::string_view("\": ");
    need(k.size() + 1 + colon.size());
    buf_[n_++] = '"';
    std::memcpy(buf_ + n_, k.data(), k.size());
    std::memcpy(buf_ + n_ + k.size(), colon.data(), colon.size());
    n_ += k.size() + colon.size();
    after_key_ = true;
    return *this;
  }

  // The same for a literal, copied at its known length.
  template <std::size_t N>
  [[gnu::always_inline]] JsonWriter& plain_key(const char (&k)[N]) {
    separate();
    need(N + 3);
    char* p = buf_ + n_;
    p[0] = '"';
    std::memcpy(p + 1, k, N - 1);
    std::memcpy(p + N, "\": ", 3);
    n_ += layout_ == Layout::compact ? N + 2 : N + 3;
    after_key_ = true;
    return *this;
  }

  [[gnu::always_inline]] JsonWriter& string(std::string_view s) {
    if (plain_json_text(s) && s.size() <= kRoom / 4) return word(s);
    return escaped(s);
  }
  // A short string known to need no escape (names of the catalog, of this
  // program's words, or text that plain_json_text has passed).
  [[gnu::always_inline]] JsonWriter& word(std::string_view s) {
    if (s.size() > kRoom / 4) [[unlikely]]
      return escaped(s);
    separate();
    need(s.size() + 2);
    buf_[n_++] = '"';
    std::memcpy(buf_ + n_, s.data(), s.size());
    n_ += s.size();
    buf_[n_++] = '"';
    return *this;
  }
  // A string, or null when `present` is false.
  JsonWriter& string_or_null(std::string_view s, bool present) { return present ? string(s) : null(); }

  template <std::integral T>
  JsonWriter& integer(T v) {
    fmt::format_int text(v);
    return literal(std::string_view(text.data(), text.size()));
  }
  // An amount in cents as nlohmann writes the double cents / 100 (an integer
  // when the cents are whole units): 12, 12.5, 99.99. (From 10^13 units on,
  // nlohmann's Grisu2 at times prints a digit more than the shortest text
  // that reads back, which this prints.)
  JsonWriter& money(std::int64_t cents);
  // The same amount with two fraction digits where it has cents (12, 12.50),
  // as query's decisions have always written it.
  JsonWriter& money_cents(std::int64_t cents);
  JsonWriter& boolean(bool b) { return literal(b ? std::string_view("true") : std::string_view("false")); }
  JsonWriter& null() { return literal("null"); }
  // A value already written as JSON (a string escaped once and kept, say),
  // copied as it is: the caller makes sure it matches the layout.
  JsonWriter& rendered(std::string_view json) { return literal(json); }

  // Text outside any value (a newline between JSON Lines records, say).
  [[gnu::always_inline]] void raw(std::string_view s) {
    if (s.size() > kRoom / 4) {
      flush();
      out_ += s;
      return;
    }
    need(s.size());
    std::memcpy(buf_ + n_, s.data(), s.size());
    n_ += s.size();
  }
  // Everything written so far into the string.
  void flush() {
    out_.append(buf_, n_);
    n_ = 0;
  }

 private:
  static constexpr std::size_t kRoom = 8192;
  JsonWriter& escaped(std::string_view s);  // any string, escaped straight into the output
  JsonWriter& after_key() {
    raw(layout_ == Layout::compact ? std::string_view(":") : std::string_view(": "));
    after_key_ = true;
    return *this;
  }
  // What goes before a value: nothing after a key or at the top, else a
  // comma unless it is the first member, and in `pretty` a new line.
  [[gnu::always_inline]] void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (first_ & 1)
      first_ &= ~std::uint64_t{1};
    else if (layout_ == Layout::line)
      raw(", ");
    else
      put(',');
    if (layout_ == Layout::pretty) newline(depth_);
  }
  [[gnu::always_inline]] JsonWriter& literal(std::string_view s) {
    separate();
    raw(s);
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& open(char c) {
    separate();
    put(c);
    if (depth_ >= 64) deeper_.push_back(first_ >> 63);  // the outermost levels' bits, kept apart
    first_ = (first_ << 1) | 1;
    ++depth_;
    return *this;
  }
  [[gnu::always_inline]] JsonWriter& close(char c) {
    bool empty = first_ & 1;
    first_ >>= 1;
    if (--depth_ >= 64) {
      first_ |= std::uint64_t{deeper_.back()} << 63;
      deeper_.pop_back();
    }
    if (!empty && layout_ == Layout::pretty) newline(depth_);
    put(c);
    return *this;
  }
  [[gnu::always_inline]] void put(char c) {
    need(1);
    buf_[n_++] = c;
  }
  [[gnu::always_inline]] void newline(std::size_t depth) {
    std::size_t n = 1 + (static_cast<std::size_t>(indent_) + depth) * 2;
    if (n <= 33) {  // the usual depths: 32 spaces at once, of which the first n - 1 count
      need(33);
      buf_[n_] = '\n';
      std::memset(buf_ + n_ + 1, ' ', 32);
      n_ += n;
      return;
    }
    if (n > kRoom / 2) {
      flush();
      out_ += '\n';
      out_.append(n - 1, ' ');
      return;
    }
    need(n);
    buf_[n_] = '\n';
    std::memset(buf_ + n_ + 1, ' ', n - 1);
    n_ += n;
  }
  [[gnu::always_inline]] void need(std::size_t n) {
    if (n_ + n > kRoom) flush();
  }

  std::string& out_;
  Layout layout_;
  int indent_;
  bool after_key_ = false;
  // Per open object or array, innermost in the lowest bit: 1 while it has no member yet.
  std::uint64_t first_ = 0;
  std::size_t depth_ = 0;
  std::vector<unsigned char> deeper_;  // the bits of levels beyond 64
  char buf_[kRoom];
  std::size_t n_ = 0;
};

}  // namespace leeway

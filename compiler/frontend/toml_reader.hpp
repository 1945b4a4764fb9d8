// Reading a TOML table against the format's schema: known keys, required
// keys, expected types, each mistake reported as a diagnostic at its place.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/source_file.hpp"

namespace leeway {

Pos pos_of(const SourceFile& file, const toml::source_region& r);
const char* toml_type_name(toml::node_type t);
// The raw source text of a scalar value node (to read decimals exactly).
std::string_view raw_value_text(const SourceFile& file, const toml::node& n);
// Parses a decimal number exactly into an integer scaled by 10^digits
// (digits = 0 for integers, 2 for cents). Returns false with a reason.
enum class NumberError { none, syntax, too_precise, overflow };
NumberError parse_scaled(std::string_view text, int digits, std::int64_t& out);

// The longest text one value may hold (a title, `says`, an answer to the three questions).
constexpr std::size_t kMaxStringBytes = 16 * 1024;

class TableReader {
 public:
  // `what` names the table in messages, e.g. "[policy]" or "rule `in-window`".
  TableReader(const toml::table& table, const SourceFile& file, Diagnostics& diags, std::string what);

  // Reports every key not in `known`, suggesting the closest known key.
  void allow_only(std::initializer_list<std::string_view> known);
  void allow_only(const std::vector<std::string>& known);

  const toml::node* get(std::string_view key) const;
  Pos table_pos() const { return pos_of(file_, table_.source()); }
  Pos key_pos(std::string_view key) const;    // where the key is written
  Pos value_pos(std::string_view key) const;  // where its value starts

  // Typed getters: a missing required key and a value of the wrong type are reported.
  std::optional<std::string> string(std::string_view key, bool required);
  std::optional<bool> boolean(std::string_view key, bool required);
  // integer or money (digits = 2): exact; reports precision and overflow.
  std::optional<std::int64_t> number(std::string_view key, bool required, int digits);
  std::optional<std::vector<std::string>> string_list(std::string_view key, bool required);
  const toml::table* table(std::string_view key, bool required);

  void report_missing(std::string_view key, std::string_view hint = {});
  void report_type(std::string_view key, std::string_view expected);

  const SourceFile& file() const { return file_; }
  Diagnostics& diags() { return diags_; }
  const std::string& what() const { return what_; }

 private:
  void report_unknown_key(const toml::key& key, const std::vector<std::string>& known);
  const toml::table& table_;
  const SourceFile& file_;
  Diagnostics& diags_;
  std::string what_;
};

}  // namespace leeway

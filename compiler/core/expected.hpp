// How leeway says "this could not be done". A function that can fail returns
// Expected<T>: its value, or a Failure with one message a person reads (a
// hint may follow on lines of its own, "  = hint: ..."). A Failure means the
// command cannot run (exit 2); problems in the policies are Diagnostics, not
// Failures, and a run reports all of them.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace leeway {

struct Failure {
  std::string message;
};

template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : v_(std::in_place_index<0>, std::move(value)) {}            // NOLINT: implicit on purpose
  Expected(Failure failure) : v_(std::in_place_index<1>, std::move(failure)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  // Why it failed; only on a failure.
  const std::string& error() const { return std::get<1>(v_).message; }

 private:
  std::variant<T, Failure> v_;
};

// A step that gives nothing back but may fail.
using Status = Expected<std::monostate>;
inline Status success() { return std::monostate{}; }

}  // namespace leeway

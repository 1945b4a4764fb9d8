#include "compiler/analysis/overlaps.hpp"

#include <cstdint>
#include <functional>
#include <iterator>

#include <fmt/format.h>

namespace leeway {
namespace {

using K = DiagnosticKind;

const char* plural(ItemKind k) { return k == ItemKind::rule ? "rules" : k == ItemKind::exception ? "exceptions" : "lines"; }

// Does the forbidding line `line` rule out the outcome of `other`?
bool forbids(const CompiledItem& line, const CompiledItem& other) {
  return line.forbidding() && other.outcome >= 0 && line.forbids_outcome(other.outcome);
}

const Item& item_of(const Policy& p, const CompiledItem& c) { return p.items[static_cast<std::size_t>(c.item)]; }

}  // namespace

std::optional<DiagnosticKind> overlap_kind(const Policy& p, const CompiledItem& a, const CompiledItem& b) {
  if (a.kind == b.kind) {
    if (a.kind == ItemKind::line) {
      if (a.forbidding() && b.forbidding()) return std::nullopt;
      if (a.forbidding() || b.forbidding()) return forbids(a, b) || forbids(b, a) ? std::optional(K::line_conflict) : std::nullopt;
      return a.outcome != b.outcome ? std::optional(K::line_conflict) : std::nullopt;
    }
    if (a.outcome == b.outcome) return std::nullopt;
    return a.kind == ItemKind::rule ? K::rule_conflict : K::exception_conflict;
  }
  if (a.kind == ItemKind::line || b.kind == ItemKind::line) {
    const CompiledItem& line = a.kind == ItemKind::line ? a : b;
    const CompiledItem& other = a.kind == ItemKind::line ? b : a;
    if (line.forbidding()) {
      if (!forbids(line, other)) return std::nullopt;
      return other.kind == ItemKind::exception ? K::crosses_line : K::rule_crosses_line;
    }
    // A forcing line overrides the rules; only an exception can cross it.
    return other.kind == ItemKind::exception && other.outcome != line.outcome ? std::optional(K::crosses_line) : std::nullopt;
  }
  // An exception and a rule: bending the rule it names is its purpose.
  const CompiledItem& exc = a.kind == ItemKind::exception ? a : b;
  const CompiledItem& rule = a.kind == ItemKind::exception ? b : a;
  // Unresolved `bends` is reported already; what it meant to bend is unknown.
  int bent = item_of(p, exc).bends_item;
  if (exc.outcome == rule.outcome || bent < 0 || bent == rule.item) return std::nullopt;
  return K::overrides_rule;
}

const Item& overlap_subject(const Policy& p, const CompiledItem& a, const CompiledItem& b, DiagnosticKind kind) {
  const Item& ia = item_of(p, a);
  const Item& ib = item_of(p, b);
  if (a.kind == b.kind && !a.forbidding() && !b.forbidding()) return ib;          // the later of two alike
  if (kind == K::overrides_rule) return a.kind == ItemKind::exception ? ia : ib;  // the exception
  // One of them is a line: the other one.
  bool a_is_line = a.kind == ItemKind::line && (a.forbidding() || b.kind != ItemKind::line);
  return a_is_line ? ib : ia;
}

namespace {

// Says what the overlap of `a` and `b` means. Without `details`: what sorts
// and counts the diagnostic (its place, items and message); with them: the
// rest (region, example, the other item as a note, the hint), which `check`
// builds only for the diagnostics it shows.
void describe_overlap(const Policy& p, const PolicySpace& s, const CompiledItem& a, const CompiledItem& b, DiagnosticKind kind, Diagnostic& d,
                      bool details) {
  const Item& ia = item_of(p, a);
  const Item& ib = item_of(p, b);
  if (details) {
    // The intersection, in a box of this thread's that keeps its room: it
    // is needed only while the region and the example are made.
    thread_local Box region;
    region.resize(a.box.size());
    for (std::size_t k = 0; k < region.size(); ++k) region[k] = a.box[k].intersect(b.box[k]);
    make_region(s, region, d.region ? *d.region : d.region.emplace());
    example_in(s, region, d.example);
  }
  auto qualified = [&](const Item& it) { return p.id + "." + it.id; };
  // The diagnostic points at `subject` (overlap_subject); the other item is a note.
  const Item& subject = overlap_subject(p, a, b, kind);
  const Item& second = &subject == &ia ? ib : ia;
  bool alike = a.kind == b.kind && !a.forbidding() && !b.forbidding();
  // `note` writes the note on the other item (details only). Two items
  // alike are named in file order; otherwise the subject first.
  auto place = [&](const std::function<void(std::string&)>& note) {
    if (details) {
      d.notes.resize(1);
      d.notes[0].pos = second.pos;
      d.notes[0].message.clear();
      note(d.notes[0].message);
      return;
    }
    d.pos = subject.pos;
    d.items = alike ? std::vector<std::string>{qualified(ia), qualified(ib)} : std::vector<std::string>{qualified(subject), qualified(second)};
  };
  if (alike) {
    // Point at the later item; the earlier one is a note.
    place([&](std::string& out) { fmt::format_to(std::back_inserter(out), "`{}` decides `{}` here", ia.id, ia.then); });
    if (details) {
      d.hint = a.kind == ItemKind::line ? "two hard lines cannot demand different outcomes for the same situation; narrow one of them"
                                        : "narrow one `when` so the two no longer overlap, or make them agree on the outcome";
      return;
    }
    d.message = fmt::format("{} {} and {} disagree ({} / {})", plural(a.kind), ia.id, ib.id, ia.then, ib.then);
    return;
  }
  if (kind == K::overrides_rule) {
    const Item &exc = subject, &rule = second;
    place([&](std::string& out) { fmt::format_to(std::back_inserter(out), "rule `{}` decides `{}` here", rule.id, rule.then); });
    if (details) {
      d.hint.clear();
      fmt::format_to(std::back_inserter(d.hint), "narrow its `when` to the situations of `{}`, or write a separate exception that bends `{}`",
                     exc.bends, rule.id);
    } else {
      d.message = fmt::format("exception `{}` bends `{}` but also holds where rule `{}` decides `{}`, and gives `{}` there", exc.id, exc.bends,
                              rule.id, rule.then, exc.then);
    }
    return;
  }
  // One of them is a line.
  const Item &other = subject, &line = second;
  place([&](std::string& out) {
    if (line.forbidding)
      fmt::format_to(std::back_inserter(out), "line `{}` forbids {} here", line.id, or_list(line.forbids));
    else
      fmt::format_to(std::back_inserter(out), "line `{}` decides `{}` here, whatever else applies", line.id, line.then);
  });
  switch (kind) {
    case K::crosses_line:
      if (details)
        d.hint = "an exception never crosses a line: narrow the exception's `when` so it stays clear of the line";
      else
        d.message = line.forbidding ? fmt::format("exception {} crosses line {} ({} is forbidden there)", other.id, line.id, other.then)
                                    : fmt::format("exception {} crosses line {} ({} / {})", other.id, line.id, other.then, line.then);
      break;
    case K::rule_crosses_line:
      if (details)
        d.hint = "the normal answer can never be forbidden: narrow the rule's `when`, or decide these situations with another rule";
      else
        d.message = fmt::format("rule {} decides {} where line {} forbids it", other.id, other.then, line.id);
      break;
    default:  // line-conflict: a forcing line gives what a forbidding one forbids
      if (details)
        d.hint = "a situation cannot demand an outcome and forbid it: narrow one of the lines";
      else
        d.message = fmt::format("line {} decides {} where line {} forbids it", other.id, other.then, line.id);
      break;
  }
}

}  // namespace

Diagnostic overlap_diagnostic(const PolicySpace& s, const CompiledItem& a, const CompiledItem& b, DiagnosticKind kind) {
  const Policy& p = *s.source;
  Diagnostic d = Diagnostic::of(kind);
  d.policy = p.id;
  describe_overlap(p, s, a, b, kind, d, false);
  // The details know the space (it outlives the diagnostic: a Compilation
  // holds both) and the two items' places in it: 16 bytes, which a
  // std::function keeps without allocating, 150,000 times over.
  struct Later {
    const PolicySpace* space;
    std::uint32_t a, b;
  };
  Later later{&s, static_cast<std::uint32_t>(&a - s.items.data()), static_cast<std::uint32_t>(&b - s.items.data())};
  d.details = [later](Diagnostic& x) {
    const PolicySpace& sp = *later.space;
    describe_overlap(*sp.source, sp, sp.items[later.a], sp.items[later.b], x.kind, x, true);
  };
  return d;
}

}  // namespace leeway

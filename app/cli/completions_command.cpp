// `leeway completions bash|zsh`: a shell completion script, written from the
// command line's own definition (the commands, their options and the values
// an option takes), so it cannot drift from `--help`. `cmake --install`
// installs both; a user without the package sources one from their shell's
// start-up file.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/cli/command.hpp"

namespace leeway {
namespace {

// One option as a shell completes it.
struct OptionInfo {
  std::vector<std::string> names;  // "--format", "-o"
  std::string description;
  bool takes_value = false;
  std::vector<std::string> choices;  // the values IsMember allows, if any
  bool path = false;                 // a text value, completed as a file name (numbers are not completed)
};

// One command: its name, words, options and whether it takes paths.
struct CommandInfo {
  std::string name;
  std::string description;
  std::vector<OptionInfo> options;
  bool positional_paths = false;
};

// The values in CLI11's "TEXT:{a,b,c}" type name, if the option has a fixed set.
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  auto open = type_name.find('{');
  auto close = type_name.find('}', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string list = type_name.substr(open + 1, close - open - 1);
  std::size_t at = 0;
  while (at <= list.size()) {
    std::size_t comma = list.find(',', at);
    std::string v = list.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (!v.empty()) out.push_back(v);
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

std::vector<OptionInfo> options_of(const CLI::App& app) {
  std::vector<OptionInfo> out;
  for (const CLI::Option* o : app.get_options()) {
    if (!o->nonpositional()) continue;
    OptionInfo info;
    for (const std::string& s : o->get_snames()) info.names.push_back("-" + s);
    for (const std::string& l : o->get_lnames()) info.names.push_back("--" + l);
    info.description = o->get_description();
    info.takes_value = o->get_expected_max() > 0;  // flags expect no value
    if (info.takes_value) {
      info.choices = choices_of(o->get_type_name());
      info.path = info.choices.empty() && o->get_type_name().rfind("TEXT", 0) == 0;
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<CommandInfo> commands_of(const CLI::App& app) {
  std::vector<CommandInfo> out;
  const std::vector<OptionInfo> global = options_of(app);
  for (const CLI::App* sub : app.get_subcommands({})) {
    CommandInfo c{sub->get_name(), sub->get_description(), options_of(*sub), false};
    // The global options follow the command too (leeway check . -j 1), but
    // for those the command has itself (--help) and --version.
    for (const OptionInfo& g : global) {
      bool known = g.names == std::vector<std::string>{"--version"};
      for (const OptionInfo& own : c.options)
        for (const std::string& n : own.names) known = known || std::find(g.names.begin(), g.names.end(), n) != g.names.end();
      if (!known) c.options.push_back(g);
    }
    for (const CLI::Option* o : sub->get_options())
      if (o->get_positional()) c.positional_paths = true;
    out.push_back(std::move(c));
  }
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Text inside a single-quoted shell word.
std::string sh_quoted(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

std::string bash_script(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> names;
  for (const CommandInfo& c : commands) names.push_back(c.name);
  std::string out = fmt::format(
      "# bash completion for leeway (written by `leeway completions bash`)\n"
      "_leeway() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}} cmd=\"\" i\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case ${{COMP_WORDS[i]}} in -*) ;; *) cmd=${{COMP_WORDS[i]}}; break ;; esac\n"
      "  done\n"
      "  if [ -z \"$cmd\" ]; then COMPREPLY=($(compgen -W '{} --help --version' -- \"$cur\")); return; fi\n"
      "  case $cmd in\n",
      joined(names));
  for (const CommandInfo& c : commands) {
    std::vector<std::string> flags;
    std::string values;
    for (const OptionInfo& o : c.options) {
      flags.insert(flags.end(), o.names.begin(), o.names.end());
      if (!o.takes_value) continue;
      std::string reply = !o.choices.empty() ? "($(compgen -W '" + sh_quoted(joined(o.choices)) + "' -- \"$cur\"))"
                          : o.path           ? "($(compgen -f -- \"$cur\"))"
                                             : "()";
      values += fmt::format("        {}) COMPREPLY={}; return ;;\n", fmt::join(o.names, "|"), reply);
    }
    out += fmt::format(
        "    {})\n"
        "      case $prev in\n{}      esac\n"
        "      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W '{}' -- \"$cur\")); else COMPREPLY=({}); fi ;;\n",
        c.name, values, joined(flags), c.positional_paths ? "$(compgen -f -- \"$cur\")" : "");
  }
  out += "  esac\n}\ncomplete -o filenames -F _leeway leeway\n";
  return out;
}

// Text inside a zsh _arguments spec's [description] or a described value.
std::string zsh_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else if (c == '[' || c == ']' || c == ':' || c == '\\')
      out += std::string("\\") + c;
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string zsh_script(const std::vector<CommandInfo>& commands) {
  std::string out =
      "#compdef leeway\n"
      "# zsh completion for leeway (written by `leeway completions zsh`)\n"
      "_leeway() {\n"
      "  local -a commands\n"
      "  commands=(\n";
  for (const CommandInfo& c : commands) out += fmt::format("    '{}:{}'\n", c.name, zsh_text(c.description));
  out +=
      "  )\n"
      "  if (( CURRENT == 2 )); then _describe 'command' commands; return; fi\n"
      "  local cmd=${words[2]}\n"
      "  shift words; (( CURRENT-- ))\n"
      "  case $cmd in\n";
  for (const CommandInfo& c : commands) {
    out += fmt::format("    {})\n      _arguments -s \\\n", c.name);
    for (const OptionInfo& o : c.options) {
      std::string value;
      if (o.takes_value) value = !o.choices.empty() ? ":value:(" + zsh_text(joined(o.choices)) + ")" : o.path ? ":file:_files" : ":number: ";
      std::string names = o.names.size() == 1 ? o.names[0] : "{" + fmt::format("{}", fmt::join(o.names, ",")) + "}";
      std::string exclusive = o.names.size() == 1 ? "" : "'(" + joined(o.names) + ")'";
      out += fmt::format("        {}{}'[{}]{}' \\\n", exclusive, names, zsh_text(o.description), value);
    }
    out += c.positional_paths ? "        '*:file:_files' ;;\n" : "        ;;\n";
  }
  out += "  esac\n}\n_leeway \"$@\"\n";
  return out;
}

}  // namespace

Command add_completions_command(CLI::App& app, const GlobalOptions&) {
  auto shell = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("completions", "print a completion script for bash or zsh");
  cmd->add_option("SHELL", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  cmd->footer(
      "\nThe package installs both. Without it, load one from your shell's start-up file:\n"
      "  bash: echo 'source <(leeway completions bash)' >> ~/.bashrc\n"
      "  zsh:  leeway completions zsh > ~/.zfunc/_leeway   (with fpath+=(~/.zfunc) before compinit in ~/.zshrc)");
  const CLI::App* whole = &app;
  return {cmd, [shell, whole] {
            std::vector<CommandInfo> commands = commands_of(*whole);
            write_out(*shell == "bash" ? bash_script(commands) : zsh_script(commands));
            return ExitCode::ok;
          }};
}

}  // namespace leeway

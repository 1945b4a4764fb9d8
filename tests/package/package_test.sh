#!/usr/bin/env bash
# The Debian package as a user gets it: cpack makes the .deb from the build,
# its Depends name the shared libraries the binary links (as dpkg-shlibdeps
# reads them) and the programs it runs; unpacked into a scratch root, the
# binary checks and builds the bundled repository, `man` reads its pages,
# and the bash completion completes a command's options and values.
#   usage: package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(realpath "$1")"
src="$(realpath "$2")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "package test: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/pkg/leeway_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack made no leeway_*.deb"
depends=$(dpkg-deb -f "$deb" Depends)
for need in libgit2 libcmark-gfm libmimalloc libctemplate libc6 pandoc weasyprint; do
  grep -q "$need" <<<"$depends" || fail "Depends lacks $need: $depends"
done

dpkg -x "$deb" "$work/root"
leeway="$work/root/usr/bin/leeway"
[ -x "$leeway" ] || fail "the package has no usr/bin/leeway"
"$leeway" --version | grep -q "^leeway " || fail "leeway --version"
[ "$("$leeway" check "$src/policies")" = "no problems found" ] || fail "leeway check of the bundled repository"
"$leeway" build "$src/policies" -o "$work/documents" --formats md,html --quiet >/dev/null || fail "leeway build"
[ -s "$work/documents/handbook-associate.html" ] || fail "leeway build wrote no handbook"

man_dir="$work/root/usr/share/man/man1"
[ -f "$man_dir/leeway.1.gz" ] || fail "no man page leeway.1.gz"
MANWIDTH=100 man -P cat -l "$man_dir/leeway.1.gz" 2>/dev/null | grep -q "leeway-check(1)" || fail "man leeway does not point to leeway-check(1)"
MANWIDTH=100 man -P cat -l "$man_dir/leeway-check.1.gz" 2>/dev/null | grep -q -- "--max-diagnostics" || fail "man leeway-check lacks --max-diagnostics"
for cmd in $("$leeway" --help | sed -n '/^Subcommands:/,$p' | tail -n +2 | awk '/^  [a-z]/{print $1}'); do
  [ -f "$man_dir/leeway-$cmd.1.gz" ] || fail "no man page for leeway $cmd"
done

completion="$work/root/usr/share/bash-completion/completions/leeway"
[ -f "$completion" ] || fail "no bash completion"
# shellcheck disable=SC1090
source "$completion"
COMP_WORDS=(leeway che); COMP_CWORD=1; _leeway
[ "${COMPREPLY[*]}" = "check" ] || fail "bash: 'leeway che' completes to '${COMPREPLY[*]}'"
COMP_WORDS=(leeway check --max-d); COMP_CWORD=2; _leeway
[ "${COMPREPLY[*]}" = "--max-diagnostics" ] || fail "bash: 'leeway check --max-d' completes to '${COMPREPLY[*]}'"
COMP_WORDS=(leeway check --format s); COMP_CWORD=3; _leeway
[ "${COMPREPLY[*]}" = "sarif" ] || fail "bash: 'leeway check --format s' completes to '${COMPREPLY[*]}'"
[ -f "$work/root/usr/share/zsh/vendor-completions/_leeway" ] || fail "no zsh completion"
if command -v zsh >/dev/null; then zsh -n "$work/root/usr/share/zsh/vendor-completions/_leeway" || fail "zsh completion does not parse"; fi
[ -f "$work/root/usr/share/doc/leeway/README.md" ] || fail "no README in usr/share/doc/leeway"
echo "package test: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) installs and runs; Depends: $depends"

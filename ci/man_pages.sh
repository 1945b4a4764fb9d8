#!/usr/bin/env bash
# Writes the man pages of leeway into OUT: leeway.1.gz and leeway-<command>.1.gz
# for every command `leeway --help` lists, each made by help2man from that
# command's own --help, so the page and the help are the same text.
#   usage: bash ci/man_pages.sh LEEWAY OUT VERSION
set -euo pipefail
leeway="$(realpath "$1")"
out="$2"
version="$3"
mkdir -p "$out"
# The pages carry a date: the last commit's, so the same sources give the same bytes.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$(dirname "$0")/.." log -1 --format=%ct 2>/dev/null || echo 0)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
see_also=""
# "Subcommands:" lines of `leeway --help`: "  check    check a policy repository ..."
mapfile -t lines < <("$leeway" --help | sed -n '/^Subcommands:/,$p' | tail -n +2 | grep -E '^  [a-z]')
for line in "${lines[@]}"; do
  cmd=$(awk '{print $1}' <<<"$line")
  desc=$(sed -E 's/^  [a-z]+ +//' <<<"$line")
  printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$leeway" "$cmd" >"$work/leeway-$cmd"
  chmod +x "$work/leeway-$cmd"
  help2man --no-info --section=1 --version-string="$version" --name="$desc" \
    --source="leeway $version" --manual="leeway manual" --output="$out/leeway-$cmd.1" "$work/leeway-$cmd"
  see_also+="${see_also:+, }\\fBleeway-$cmd\\fR(1)"
done
# The main page: the examples and the exit status of `leeway --help` become
# sections of their own (help2man would run them into the command list).
help="$("$leeway" --help)"
{
  printf '[examples]\n'
  sed -n '/^Examples:$/,/^$/p' <<<"$help" | sed '1d;/^$/d' | while IFS= read -r ex; do
    cmd=$(sed -E 's/^  (.*[^ ]) {2,}[a-z].*$/\1/' <<<"$ex")
    what=$(sed -E 's/^  .*[^ ] {2,}([a-z].*)$/\1/' <<<"$ex")
    [ "$what" = "$ex" ] && what=""
    printf '.TP\n.B %s\n%s\n' "$(sed 's/\\/\\\\/g; s/-/\\-/g' <<<"${cmd#  }")" "$what"
  done
  printf '[exit status]\n%s\n' "$(grep '^Exit status:' <<<"$help" | sed 's/^Exit status: //')"
  printf '[see also]\n%s\n' "$see_also"
} >"$work/include"
printf '#!/bin/sh\nif [ "$1" = --help ]; then "%s" --help | sed "/^Examples:$/,/^$/d; /^Exit status:/d"; else exec "%s" "$@"; fi\n' "$leeway" "$leeway" >"$work/leeway"
chmod +x "$work/leeway"
help2man --no-info --section=1 --version-string="$version" --include="$work/include" \
  --name="compiles customer-service policies into checked rules, exceptions and lines" \
  --source="leeway $version" --manual="leeway manual" --output="$out/leeway.1" "$work/leeway"
# Compressed as Debian's policy asks (gzip -9, no name or time inside).
gzip -9nf "$out"/*.1

#!/usr/bin/env bash
# leeway in a policy repository's CI: the one script the GitHub action, the
# GitLab template and the pre-commit hook call, so every integration does the
# same thing.
#
#   leeway-ci.sh check REPO OUT          annotations on stdout (GitHub format when
#                                        GITHUB_ACTIONS is set, text otherwise),
#                                        OUT/leeway.sarif; exits like `leeway check`
#   leeway-ci.sh review REPO BASE OUT    OUT/comment.md (the pull-request comment)
#                                        and OUT/diff.json; exit 1 if the change
#                                        brings new errors
#   leeway-ci.sh handbooks REPO OUT      OUT/handbooks/: every document
#   leeway-ci.sh pre-commit REPO         a quick check before a commit (--strict)
#
# LEEWAY names the leeway binary (default: leeway on PATH). STRICT=1 makes
# warnings fail the check.
set -uo pipefail

leeway="${LEEWAY:-leeway}"
strict=()
[ "${STRICT:-0}" = "1" ] && strict=(--strict)

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

cmd="${1:-}"
case "$cmd" in
  check)
    [ $# -eq 3 ] || usage
    repo="$2"; out="$3"
    mkdir -p "$out" || exit 2
    "$leeway" check "$repo" --format sarif "${strict[@]}" >"$out/leeway.sarif"
    status=$?
    [ $status -le 1 ] || { cat "$out/leeway.sarif" >&2; exit $status; }
    if [ -n "${GITHUB_ACTIONS:-}" ]; then
      "$leeway" check "$repo" --format github "${strict[@]}"
    else
      "$leeway" check "$repo" --color never "${strict[@]}"
    fi
    exit $status
    ;;
  review)
    [ $# -eq 4 ] || usage
    repo="$2"; base="$3"; out="$4"
    mkdir -p "$out" || exit 2
    "$leeway" diff "$base" --repo "$repo" --format json >"$out/diff.json"
    status=$?
    [ $status -le 1 ] || exit $status
    "$leeway" diff "$base" --repo "$repo" --format markdown >"$out/comment.md"
    head -n 1 "$out/comment.md"
    exit $status
    ;;
  handbooks)
    [ $# -eq 3 ] || usage
    "$leeway" build "$2" -o "$3/handbooks" --quiet >/dev/null
    status=$?
    [ $status -eq 0 ] && echo "leeway: handbooks and grids in $3/handbooks"
    exit $status
    ;;
  pre-commit)
    [ $# -eq 2 ] || usage
    "$leeway" check "$2" --strict --max-diagnostics 20
    ;;
  *)
    usage
    ;;
esac

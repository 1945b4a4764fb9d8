#!/usr/bin/env bash
# Installs the Debian packages leeway needs, if missing: `run` what building
# and running it needs, `test` (the default) that and what the tests need.
# Idempotent: runs apt-get only when something is absent. Needs root (or sudo).
set -euo pipefail

# What building and running leeway needs (the README's first command).
run_packages=(
  build-essential cmake pkg-config git
  ccache                 # a second build reuses what the first compiled
  libtomlplusplus-dev    # TOML parsing with source positions
  libctemplate-dev       # document templates
  libboost-graph-dev     # the repository dependency graph
  libcli11-dev           # command line
  libfmt-dev             # formatting
  nlohmann-json3-dev     # JSON input (the language server, case logs)
  libgit2-dev            # reading revisions (leeway diff)
  libcmark-gfm-dev       # CommonMark: story bodies keep their Markdown
  libcmark-gfm-extensions-dev  # its pkg-config file links the GFM extensions too
  libmimalloc-dev        # the leeway binary's allocator: check and build allocate millions of small objects
  pandoc                 # renders the documents (HTML, PDF, DOCX, EPUB)
  weasyprint             # Pandoc's PDF engine: HTML + CSS, Unicode and tables
  librsvg2-bin           # rsvg-convert: SVG decision maps into DOCX
  fonts-dejavu-core      # the documents' font
  graphviz               # the main job renders `leeway graph --format dot` with dot
)
# What only the tests, the package and the checks need (the second command).
test_packages=(
  catch2                 # unit tests (v2)
  help2man               # the man pages, from each command's --help
  file                   # dpkg-shlibdeps reads the binary's type when cpack makes the .deb
  man-db                 # tests read the installed man page with man
  zsh                    # tests: the zsh completion parses
  poppler-utils          # pdftotext and pdftoppm: tests read the PDF handbooks
  chromium               # browser tests: the explorer, practice and axe-core in headless Chromium
  epubcheck              # tests: every EPUB passes EPUBCheck
  qpdf                   # tests: every PDF passes qpdf --check
  python3-jsonschema     # tests: the JSON Schemas of `leeway schema` accept every valid repository
  clang-format           # ci/format.sh: the code follows .clang-format
)
mode="${1:-test}"
case "$mode" in
  run) packages=("${run_packages[@]}") ;;
  test) packages=("${run_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: bash ci/setup.sh [run|test]" >&2; exit 2 ;;
esac
# Node.js runs the browser and editor tests; a machine that has it keeps its own.
if [ "$mode" = test ]; then
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup ($mode): all ${#packages[@]} packages present"
else
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup ($mode): installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: done"
fi

[ "$mode" = test ] || exit 0

# The language server's test client (vscode-languageserver-protocol and
# vscode-jsonrpc), pinned in tests/lsp/package-lock.json.
lsp="$(dirname "$0")/../tests/lsp"
if [ ! -d "$lsp/node_modules/vscode-languageserver-protocol" ]; then
  echo "setup: npm ci in tests/lsp"
  npm ci --prefix "$lsp" --no-audit --no-fund --loglevel=error >/dev/null
fi

# The browser tests' npm packages (playwright-core, which drives Debian's
# Chromium, and axe-core), at the versions package-lock.json pins.
browser="$(dirname "$0")/../tests/browser"
if [ ! -d "$browser/node_modules/playwright-core" ] || [ ! -d "$browser/node_modules/axe-core" ]; then
  echo "setup: npm ci in tests/browser"
  npm ci --prefix "$browser" --no-audit --no-fund --loglevel=error >/dev/null
fi

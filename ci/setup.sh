#!/usr/bin/env bash
# Installs the Debian packages leeway needs to build and test, if missing.
# Idempotent: runs apt-get only when something is absent. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  ccache                 # a second run of ci/test.sh reuses what the first compiled
  libtomlplusplus-dev    # TOML parsing with source positions
  libctemplate-dev       # document templates
  libboost-graph-dev     # the repository dependency graph
  catch2                 # unit tests (v2)
  libcli11-dev           # command line
  libfmt-dev             # formatting
  nlohmann-json3-dev     # JSON output
  libgit2-dev            # reading revisions (leeway diff)
  libcmark-gfm-dev       # CommonMark: story bodies keep their Markdown
  libcmark-gfm-extensions-dev  # its pkg-config file links the GFM extensions too
  libmimalloc-dev        # the leeway binary's allocator: check and build allocate millions of small objects
  graphviz               # tests render `leeway graph --format dot` with dot
  pandoc                 # renders the documents (HTML, PDF, DOCX, EPUB)
  weasyprint             # Pandoc's PDF engine: HTML + CSS, Unicode and tables
  librsvg2-bin           # rsvg-convert: SVG decision maps into DOCX
  fonts-dejavu-core      # the documents' font
  poppler-utils          # pdftotext and pdftoppm: tests read the PDF handbooks
  chromium               # browser tests: the explorer, practice and axe-core in headless Chromium
  epubcheck              # tests: every EPUB passes EPUBCheck
  qpdf                   # tests: every PDF passes qpdf --check
  python3-jsonschema     # tests: the JSON Schemas of `leeway schema` accept every valid repository
  clang-format           # ci/format.sh: the code follows .clang-format
)
# Node.js runs the browser tests; a machine that has it keeps its own.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
else
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: done"
fi

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

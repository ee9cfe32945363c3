#!/usr/bin/env bash
# Install everything slalint's test suite needs, then run the whole suite.
#   - system tools (LibreOffice for DOCX rendering, poppler, Chromium for the HTML report,
#     git and tmux) with apt when run as root and they are missing;
#   - slalint and its test dependencies into ./.venv.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k outline`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  need=()
  command -v soffice  >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v git      >/dev/null 2>&1 || need+=(git)
  command -v tmux     >/dev/null 2>&1 || need+=(tmux)
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing system tools: ${need[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
# the venv's console scripts (slalint, pre-commit) are what the tests run as a user would
export PATH="$PWD/.venv/bin:$PATH"
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: treating as a failure" >&2
  exit 1
fi
exit "$rc"

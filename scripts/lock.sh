#!/usr/bin/env bash
# `make lock`: regenerate requirements.txt from pyproject.toml (dependencies and the test extra) with
# pip-compile, pinning each package to the newest version the ranges allow, with the hashes of its files.
# pip-tools lives in a venv of its own under .local/, so it never mixes with the portal's packages.
# `make lock ARGS=--upgrade-package=django` moves one package; without ARGS, pins already in
# requirements.txt are kept where the ranges still allow them.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=.local/pip-tools
[[ -x "$tools/bin/pip-compile" ]] || { python3 -m venv "$tools" && "$tools/bin/pip" install --quiet pip-tools; }
"$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --extra=test --strip-extras \
  --no-emit-index-url --no-emit-find-links --output-file=requirements.txt "$@" pyproject.toml
echo "requirements.txt updated: review 'git diff requirements.txt', run 'make test', commit both files."

#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks, then creates .venv from the lock file requirements.txt.
# Usage: scripts/bootstrap.sh [--browser]   (--browser also makes sure Chromium is there)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
command -v msgfmt >/dev/null || missing+=(gettext)
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)
if [[ "${1:-}" == "--browser" ]]; then
  command -v chromium >/dev/null || missing+=(chromium fonts-dejavu-core)
fi

if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing system packages: please install ${missing[*]} (e.g. sudo apt-get install ${missing[*]})." >&2
    exit 1
  fi
fi

# Python packages come from requirements.txt, the lock file generated from pyproject.toml by
# `make lock` (pip-compile): exact versions and the hashes of their files, so a clone installs what was tested.
stamp=".venv/.installed-$(sha256sum requirements.txt | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  [[ -x .venv/bin/python ]] || python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt \
    2>.venv/pip.log || { cat .venv/pip.log >&2; echo "Installing Python packages failed (see above)." >&2; exit 1; }
  rm -f .venv/.installed-*
  touch "$stamp"
fi

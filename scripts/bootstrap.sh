#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks, then creates .venv from pyproject.toml.
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

stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  [[ -x .venv/bin/python ]] || python3 -m venv .venv
  # The portal is an application, not a package: install the dependencies pyproject.toml lists.
  .venv/bin/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(p["dependencies"] + p["optional-dependencies"]["test"]))' >.venv/requirements.txt
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r .venv/requirements.txt 2>.venv/pip.log \
    || { cat .venv/pip.log >&2; echo "Installing Python packages failed (see above)." >&2; exit 1; }
  rm -f .venv/.installed-*
  touch "$stamp"
fi

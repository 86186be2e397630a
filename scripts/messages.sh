#!/usr/bin/env bash
# `make messages`: refresh the Korean catalogue from the code and templates (file names, no line numbers,
# so moving code does not churn the file), then list what still needs a Korean translation.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
.venv/bin/python manage.py makemessages -l ko --add-location file --no-obsolete \
  -i .venv -i staticfiles -i test-artifacts -v 0
scripts/check_messages.sh

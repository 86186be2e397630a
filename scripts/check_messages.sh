#!/usr/bin/env bash
# Fails when the Korean catalogue has an untranslated or fuzzy entry (run by `make check` and `make messages`).
set -euo pipefail
cd "$(dirname "$0")/.."
po=locale/ko/LC_MESSAGES/django.po
untranslated=$(msgattrib --untranslated --no-wrap "$po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-wrap "$po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when anything else is listed.
if ((untranslated > 1 || fuzzy > 1)); then
  msgattrib --untranslated --no-wrap "$po" | grep '^msgid ' | tail -n +2 | sed 's/^/untranslated: /' >&2 || true
  msgattrib --only-fuzzy --no-wrap "$po" | grep '^msgid ' | tail -n +2 | sed 's/^/fuzzy: /' >&2 || true
  echo "$po needs Korean for the messages above (run 'make messages', translate, remove 'fuzzy')." >&2
  exit 1
fi

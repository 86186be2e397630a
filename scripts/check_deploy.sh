#!/usr/bin/env bash
# Django's deployment checklist under production settings (run by `make check`): any warning fails.
# The values below only satisfy DJANGO_ENV=production's start-up checks; nothing connects anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
DJANGO_ENV=production \
  DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(60))')" \
  DJANGO_ALLOWED_HOSTS=ai.investseoul.example \
  PORTAL_SITE_URL=https://ai.investseoul.example \
  .venv/bin/python manage.py check --deploy --fail-level WARNING

# The portal's front door. Each target calls a named script in scripts/.
.DEFAULT_GOAL := help
PORT ?= 8000
export PORT

.PHONY: help run serve test check format messages benchmark bench backup restore lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: ## Set up everything (venv, local PostgreSQL, migrations, seed content) and serve on 127.0.0.1:$(PORT)
	@scripts/run.sh

serve: ## Same set-up, then serve as production does (behind a TLS proxy: send X-Forwarded-Proto: https)
	@scripts/run.sh --production

test: ## Same set-up with a throwaway database, then the whole test suite (browser tests included)
	@scripts/test.sh

check: ## Lint and format check with ruff; every Korean message translated; Django's deployment checks
	@scripts/bootstrap.sh && .venv/bin/ruff check . && .venv/bin/ruff format --check . && scripts/check_messages.sh && scripts/check_deploy.sh

format: ## Apply ruff's fixes and formatting
	@scripts/bootstrap.sh && .venv/bin/ruff check --fix . && .venv/bin/ruff format .

messages: ## Refresh the Korean catalogue (locale/ko) from code and templates, then list what lacks Korean
	@scripts/messages.sh

benchmark: ## Print page weights and query counts (needs the seeded local database)
	@scripts/benchmark.sh

bench: ## Start make serve on port 8110 and time pages and a static file over loopback (sequential and 20 clients)
	@scripts/bench.sh $(ARGS)

backup: ## Dump the database (pg_dump custom format) into backups/portal-<UTC time>.dump
	@scripts/backup.sh

restore: ## Replace the database's content with a backup: make restore FILE=backups/portal-….dump
	@scripts/restore.sh "$(FILE)"

lock: ## Regenerate the hashed lock file requirements.txt from pyproject.toml (pip-compile)
	@scripts/lock.sh $(ARGS)

clean: ## Stop and delete the local PostgreSQL and remove generated folders (keeps nothing of .local/)
	@scripts/pg.sh remove || true
	rm -rf .venv .local staticfiles test-artifacts

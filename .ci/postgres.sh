#!/usr/bin/env bash
# PostgreSQL from Debian's packages for the crash and cluster tests: a role that may create
# databases (each test creates its own), on localhost:5432.
#
#   .ci/postgres.sh start    install if needed, start the cluster, create the test role
#   .ci/postgres.sh stop     stop the cluster
#
# Needs root. The tests read TEST_POSTGRES_URL / _USER / _PASSWORD, defaulting to the values below.
set -euo pipefail

ROLE=onboarding_test
# A throwaway role on loopback for one run: its password is no secret.
PASSWORD=onboarding-test

log() { echo "postgres: $*" >&2; }

install() {
  if ! command -v pg_ctlcluster >/dev/null; then
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
}

version() {
  ls /usr/lib/postgresql | sort -V | tail -n 1
}

start() {
  install
  local v
  v=$(version)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$v main"; then
    pg_createcluster "$v" main >/dev/null
  fi
  pg_ctlcluster "$v" main start 2>/dev/null || pg_ctlcluster "$v" main status >/dev/null
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
-- DROP DATABASE ... WITH (FORCE) after a test also ends an autovacuum worker busy in that database.
GRANT pg_signal_backend TO $ROLE;
SQL
  log "PostgreSQL $v on localhost:5432, role $ROLE"
}

stop() {
  pg_ctlcluster "$(version)" main stop 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

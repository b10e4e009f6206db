#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on localhost and prints a connection URL for tests.
set -euo pipefail
cluster=$(pg_lsclusters --no-header | head -n 1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  pg_createcluster "$version" main >/dev/null
  cluster=$(pg_lsclusters --no-header | head -n 1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then pg_ctlcluster "$version" "$name" start >&2; fi
su postgres -c "psql -q -p $port -c \"alter user postgres password 'skillmark-ci'\"" >&2
echo "postgres://postgres:skillmark-ci@127.0.0.1:${port}/postgres"

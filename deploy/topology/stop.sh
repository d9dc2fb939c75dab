#!/usr/bin/env bash
# Stops every part of the topology, the proxy first and PostgreSQL last, each cleanly (a service that has not
# stopped 60 s after SIGTERM is killed). The run directory and its data are kept; remove it to start afresh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ -d $RUN_DIR ]] || exit 0
stop_proxy
for name in command-b command query-a query-b replay; do
  stop_service "$name"
done
stop_postgres
log "topology stopped"

#!/usr/bin/env bash
# Starts the whole topology under $OVERSIGHT_TOPOLOGY_RUN_DIR (default /tmp/oversight-topology) and returns
# once every part is ready: PostgreSQL, the command service, two query services, then nginx in front.
# A run directory already initialised is started again on its data. See deploy/topology/README.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

prepare_run_dir
pg_bindir >/dev/null
nginx_binary >/dev/null
[[ -f $JAR ]] || die "no service jar at $JAR: build it with ./mvnw -DskipTests -pl deploy/service -am package"
started=$(date +%s)
start_postgres
# the command service migrates the schema first; the query services then start together
start_service command
await_ready command
start_service query-a
start_service query-b
await_ready query-a
await_ready query-b
start_proxy
write_environment
curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$PROXY_PORT/actuator/health/readiness" \
  || die "the proxy does not reach the query services: see $RUN_DIR/logs/nginx-error.log"
log "topology ready in $(( $(date +%s) - started )) s: http://127.0.0.1:$PROXY_PORT/ (settings in $RUN_DIR/topology.env)"

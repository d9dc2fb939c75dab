#!/usr/bin/env bash
# The production shape on one machine, on loopback ports: PostgreSQL from the distribution's packages, one
# command service, two query services (a second command service on demand) from the service jar, and nginx in
# front. Sourced by start.sh, stop.sh and node.sh; every setting has a default and an environment variable.
set -euo pipefail

TOPOLOGY_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$TOPOLOGY_HOME/../.." && pwd)"

RUN_DIR="${OVERSIGHT_TOPOLOGY_RUN_DIR:-/tmp/oversight-topology}"
JAR="${OVERSIGHT_TOPOLOGY_JAR:-$REPO_ROOT/deploy/service/target/oversight-service.jar}"
PROXY_PORT="${OVERSIGHT_TOPOLOGY_PROXY_PORT:-8180}"
COMMAND_PORT="${OVERSIGHT_TOPOLOGY_COMMAND_PORT:-8181}"
QUERY_A_PORT="${OVERSIGHT_TOPOLOGY_QUERY_A_PORT:-8182}"
QUERY_B_PORT="${OVERSIGHT_TOPOLOGY_QUERY_B_PORT:-8183}"
COMMAND_B_PORT="${OVERSIGHT_TOPOLOGY_COMMAND_B_PORT:-8184}"
# a query service of its own on a copy of the event store, rebuilding every projection from the first event
REPLAY_PORT="${OVERSIGHT_TOPOLOGY_REPLAY_PORT:-8185}"
# Below Linux's range of ports handed to outgoing connections (32768 to 60999): a port in it can be held for a
# moment by any connection on the machine, and PostgreSQL would then fail to start on it.
PG_PORT="${OVERSIGHT_TOPOLOGY_PG_PORT:-25480}"
HEAP="${OVERSIGHT_TOPOLOGY_HEAP:-384m}"
READY_SECONDS="${OVERSIGHT_TOPOLOGY_READY_SECONDS:-600}"
# Hikari's pool is 40 a node (application.yml): five nodes at most (the second command service included) and
# room for an administrator and the fault suite's own checks.
MAX_CONNECTIONS="${OVERSIGHT_TOPOLOGY_MAX_CONNECTIONS:-230}"

DB_NAME=oversight
DB_USER=oversight

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# PostgreSQL's server programs: pg_config's answer when it names a directory holding them, else the newest under
# the distribution's own directory. Nothing is started without them.
pg_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return; fi
  fi
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return; fi
  die "PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install -y postgresql"
}

nginx_binary() {
  command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } \
    || die "nginx is not installed: apt-get install -y nginx"
}

# PostgreSQL refuses to run as root: as root its programs run as the distribution's postgres account.
as_db_owner() {
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the postgres account the postgresql package creates"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pid_file() { echo "$RUN_DIR/pids/$1.pid"; }

alive() {
  local file; file="$(pid_file "$1")"
  [[ -f $file ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

port_of() {
  case "$1" in
    command) echo "$COMMAND_PORT" ;;
    command-b) echo "$COMMAND_B_PORT" ;;
    query-a) echo "$QUERY_A_PORT" ;;
    query-b) echo "$QUERY_B_PORT" ;;
    replay) echo "$REPLAY_PORT" ;;
    proxy) echo "$PROXY_PORT" ;;
    postgres) echo "$PG_PORT" ;;
    *) die "no such part of the topology: $1 (postgres, command, command-b, query-a, query-b, replay, proxy)" ;;
  esac
}

main_class_of() {
  case "$1" in
    command|command-b) echo org.oversight.deploy.CommandServiceApplication ;;
    query-a|query-b|replay) echo org.oversight.deploy.QueryServiceApplication ;;
  esac
}

# ---- PostgreSQL ----

init_postgres() {
  local bin; bin="$(pg_bindir)"
  local data="$RUN_DIR/postgres"
  [[ -f $data/PG_VERSION ]] && return
  mkdir -p "$data" "$RUN_DIR/pg-socket" "$RUN_DIR/secrets"
  chmod 700 "$data"
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$RUN_DIR/secrets/postgres.password"
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$RUN_DIR/secrets/db.password"
  head -c 32 /dev/urandom | base64 > "$RUN_DIR/secrets/chain.key"
  head -c 32 /dev/urandom | base64 > "$RUN_DIR/secrets/data.key"
  chmod 600 "$RUN_DIR"/secrets/*
  if [[ $EUID -eq 0 ]]; then
    chown postgres "$data" "$RUN_DIR/pg-socket"
    install -o postgres -m 600 "$RUN_DIR/secrets/postgres.password" "$RUN_DIR/pg-superuser.pw"
  else
    install -m 600 "$RUN_DIR/secrets/postgres.password" "$RUN_DIR/pg-superuser.pw"
  fi
  log "initdb $data"
  as_db_owner "$bin/initdb" -D "$data" -U postgres --auth=scram-sha-256 --pwfile="$RUN_DIR/pg-superuser.pw" \
    --encoding=UTF8 --locale=C.UTF-8 >"$RUN_DIR/logs/initdb.log" 2>&1 || die "initdb failed: see $RUN_DIR/logs/initdb.log"
  rm -f "$RUN_DIR/pg-superuser.pw"
  # What it acknowledges, it keeps: every commit waits until it is on disk.
  as_db_owner tee -a "$data/postgresql.conf" >/dev/null <<CONF

# oversight topology
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$RUN_DIR/pg-socket'
max_connections = $MAX_CONNECTIONS
fsync = on
synchronous_commit = on
full_page_writes = on
logging_collector = off
CONF
}

start_postgres() {
  local bin; bin="$(pg_bindir)"
  init_postgres
  if as_db_owner "$bin/pg_ctl" -D "$RUN_DIR/postgres" status >/dev/null 2>&1; then return; fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  own_postgres_log
  as_db_owner "$bin/pg_ctl" -D "$RUN_DIR/postgres" -l "$RUN_DIR/logs/postgres.log" -w -t 120 start >/dev/null \
    || die "PostgreSQL did not start: see $RUN_DIR/logs/postgres.log"
  as_db_owner head -1 "$RUN_DIR/postgres/postmaster.pid" > "$(pid_file postgres)"
  create_database
}

own_postgres_log() {
  touch "$RUN_DIR/logs/postgres.log"
  if [[ $EUID -eq 0 ]]; then chown postgres "$RUN_DIR/logs/postgres.log"; fi
}

psql_admin() {
  local bin; bin="$(pg_bindir)"
  PGPASSWORD="$(cat "$RUN_DIR/secrets/postgres.password")" "$bin/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

create_database() {
  if [[ "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" == 1 ]]; then
    return
  fi
  psql_admin -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$(cat "$RUN_DIR/secrets/db.password")'" \
    -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
}

stop_postgres() {
  local bin; bin="$(pg_bindir)"
  [[ -f $RUN_DIR/postgres/PG_VERSION ]] || return 0
  if as_db_owner "$bin/pg_ctl" -D "$RUN_DIR/postgres" status >/dev/null 2>&1; then
    log "stopping PostgreSQL"
    as_db_owner "$bin/pg_ctl" -D "$RUN_DIR/postgres" -m fast -w -t 60 stop >/dev/null
  fi
  rm -f "$(pid_file postgres)"
}

restart_postgres() {
  local bin; bin="$(pg_bindir)"
  own_postgres_log
  log "restarting PostgreSQL"
  as_db_owner "$bin/pg_ctl" -D "$RUN_DIR/postgres" -l "$RUN_DIR/logs/postgres.log" -m fast -w -t 120 restart >/dev/null
  as_db_owner head -1 "$RUN_DIR/postgres/postmaster.pid" > "$(pid_file postgres)"
}

# ---- the services ----

start_service() {
  local name="$1" port main db
  port="$(port_of "$name")"
  main="$(main_class_of "$name")"
  [[ -f $JAR ]] || die "no service jar at $JAR: build it with ./mvnw -DskipTests -pl deploy/service -am package"
  if alive "$name"; then return; fi
  log "starting $name on 127.0.0.1:$port"
  # configured as a council configures it: in the environment
  (
    export AXONIQ_UPDATE_CHECKER_DISABLED=true
    if [[ $name == replay ]]; then db="${DB_NAME}_replay"; else db="$DB_NAME"; fi
    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db"
    export SPRING_DATASOURCE_USERNAME="$DB_USER"
    SPRING_DATASOURCE_PASSWORD="$(cat "$RUN_DIR/secrets/db.password")"; export SPRING_DATASOURCE_PASSWORD
    OVERSIGHT_AUDIT_CHAIN_KEY="$(cat "$RUN_DIR/secrets/chain.key")"; export OVERSIGHT_AUDIT_CHAIN_KEY
    OVERSIGHT_DATA_KEY_ENCRYPTION_KEY="$(cat "$RUN_DIR/secrets/data.key")"; export OVERSIGHT_DATA_KEY_ENCRYPTION_KEY
    # every node anchors to the one file they all reach
    export OVERSIGHT_AUDIT_ANCHOR_FILE="$RUN_DIR/anchor/chain-anchor.txt"
    export OVERSIGHT_NODE_ID="$name"
    export SERVER_ADDRESS=127.0.0.1
    # shellcheck disable=SC2086
    exec setsid java -Xmx"$HEAP" ${OVERSIGHT_TOPOLOGY_JAVA_OPTS:-} -Daxoniq.update-checker.disabled=true \
      -Ddisable-axoniq-console-message=true -Dloader.main="$main" -jar "$JAR" \
      --server.port="$port" --spring.main.banner-mode=off
  ) >>"$RUN_DIR/logs/$name.log" 2>&1 </dev/null &
  echo $! > "$(pid_file "$name")"
}

# Ready when Actuator's readiness probe answers 200; a process that ended is a failure at once.
await_ready() {
  local name="$1" port deadline
  port="$(port_of "$name")"
  deadline=$(( $(date +%s) + READY_SECONDS ))
  until curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$port/actuator/health/readiness"; do
    alive "$name" || die "$name ended before it was ready: see $RUN_DIR/logs/$name.log"
    (( $(date +%s) < deadline )) || die "$name not ready within ${READY_SECONDS}s: see $RUN_DIR/logs/$name.log"
    sleep 1
  done
  log "$name is ready"
}

stop_service() {
  local name="$1" file pid
  file="$(pid_file "$name")"
  [[ -f $file ]] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in 60 s: killed"; kill -KILL "$pid"; fi
  fi
  rm -f "$file"
}

# ---- the proxy ----

write_nginx_conf() {
  local conf="$RUN_DIR/nginx/nginx.conf"
  mkdir -p "$RUN_DIR/nginx/temp"
  cat > "$conf" <<CONF
# Writes go to the command service, reads to the query services; retries of dead letters (POST under
# /operations and /api/operations) are run by a query service.
worker_processes 1;
pid $RUN_DIR/nginx/nginx.pid;
error_log $RUN_DIR/logs/nginx-error.log warn;
events { worker_connections 512; }
http {
    access_log $RUN_DIR/logs/nginx-access.log;
    client_body_temp_path $RUN_DIR/nginx/temp/body;
    proxy_temp_path $RUN_DIR/nginx/temp/proxy;
    fastcgi_temp_path $RUN_DIR/nginx/temp/fastcgi;
    uwsgi_temp_path $RUN_DIR/nginx/temp/uwsgi;
    scgi_temp_path $RUN_DIR/nginx/temp/scgi;
    client_max_body_size 20m;

    upstream command {
        server 127.0.0.1:$COMMAND_PORT;
        keepalive 16;
    }
    upstream query {
        # a node that refuses a connection is left out for 5 s; its requests go to the other
        server 127.0.0.1:$QUERY_A_PORT max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$QUERY_B_PORT max_fails=1 fail_timeout=5s;
        keepalive 16;
    }
    # as deploy/k8s/base/router/routes.conf (which ManifestsTest checks against every route): the query side
    # answers a few POSTs of its own, searches and exports sent as forms so their criteria stay out of addresses
    map "\$request_method:\$uri" \$side {
        default                                   query;
        "~^[A-Z]+:/imports(/|\$)"                 command;
        "~^POST:/(api/)?children/search\$"        query;
        "~^POST:/subject-access/search\$"         query;
        "~^POST:/returns/"                        query;
        "~^POST:/(api/)?caseload(/team)?\$"       query;
        "~^POST:/api/audit/anchor\$"              query;
        "~^(POST|PUT|PATCH|DELETE):"              command;
    }

    server {
        listen 127.0.0.1:$PROXY_PORT;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_connect_timeout 2s;
        proxy_read_timeout 120s;
        # a read that could not reach one query node is sent to the other; a write is never sent twice
        proxy_next_upstream error timeout;

        # a service that cannot be reached (stopped, crashed, starting) is answered as the services answer a
        # database they cannot reach: 503 with Retry-After, a problem naming the rule; nothing was recorded
        error_page 502 504 = @unavailable;
        location @unavailable {
            default_type application/problem+json;
            add_header Retry-After 5 always;
            add_header Cache-Control no-store always;
            return 503 '{"type":"about:blank","title":"The service is unavailable for a moment","status":503,"detail":"The service cannot be reached just now. Try again in a few seconds; if you were recording a decision, check whether it was recorded before you send it again.","rule":"service-unavailable"}';
        }

        location ~ ^/(api/)?operations(/|\$) {
            proxy_pass http://query;
        }
        location / {
            proxy_pass http://\$side;
        }
    }
}
CONF
}

start_proxy() {
  local nginx; nginx="$(nginx_binary)"
  if [[ -f $RUN_DIR/nginx/nginx.pid ]] && kill -0 "$(cat "$RUN_DIR/nginx/nginx.pid")" 2>/dev/null; then return; fi
  write_nginx_conf
  "$nginx" -t -q -c "$RUN_DIR/nginx/nginx.conf" -p "$RUN_DIR/nginx" 2>>"$RUN_DIR/logs/nginx-error.log" \
    || die "nginx refused its configuration: see $RUN_DIR/logs/nginx-error.log"
  log "starting nginx on 127.0.0.1:$PROXY_PORT"
  "$nginx" -c "$RUN_DIR/nginx/nginx.conf" -p "$RUN_DIR/nginx"
  for _ in $(seq 1 50); do [[ -s $RUN_DIR/nginx/nginx.pid ]] && break; sleep 0.1; done
  cp "$RUN_DIR/nginx/nginx.pid" "$(pid_file proxy)"
}

stop_proxy() {
  local nginx; nginx="$(nginx_binary)"
  if [[ -f $RUN_DIR/nginx/nginx.pid ]] && kill -0 "$(cat "$RUN_DIR/nginx/nginx.pid")" 2>/dev/null; then
    log "stopping nginx"
    "$nginx" -c "$RUN_DIR/nginx/nginx.conf" -p "$RUN_DIR/nginx" -s quit
    for _ in $(seq 1 100); do [[ -f $RUN_DIR/nginx/nginx.pid ]] || break; sleep 0.1; done
  fi
  rm -f "$(pid_file proxy)"
}

# What the fault suite (and a person) needs to reach the running topology.
write_environment() {
  cat > "$RUN_DIR/topology.env" <<ENV
RUN_DIR=$RUN_DIR
JAR=$JAR
PROXY_URL=http://127.0.0.1:$PROXY_PORT
COMMAND_URL=http://127.0.0.1:$COMMAND_PORT
COMMAND_B_URL=http://127.0.0.1:$COMMAND_B_PORT
QUERY_A_URL=http://127.0.0.1:$QUERY_A_PORT
QUERY_B_URL=http://127.0.0.1:$QUERY_B_PORT
REPLAY_URL=http://127.0.0.1:$REPLAY_PORT
JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME
JDBC_ADMIN_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres
PG_PORT=$PG_PORT
DB_NAME=$DB_NAME
DB_USER=$DB_USER
ENV
  chmod 600 "$RUN_DIR/topology.env"
}

prepare_run_dir() {
  mkdir -p "$RUN_DIR/logs" "$RUN_DIR/pids" "$RUN_DIR/anchor" "$RUN_DIR/secrets"
}

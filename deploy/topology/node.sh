#!/usr/bin/env bash
# One part of a running topology: node.sh start|stop|kill|restart|pid NAME, where NAME is postgres, command,
# command-b, query-a, query-b, replay or proxy. "kill" is SIGKILL, as a crash; "start" waits until the part is ready.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

action="${1:?usage: node.sh start|stop|kill|restart|pid NAME}"
name="${2:?usage: node.sh start|stop|kill|restart|pid NAME}"
port_of "$name" >/dev/null
prepare_run_dir

case "$action:$name" in
  start:postgres) start_postgres ;;
  stop:postgres) stop_postgres ;;
  restart:postgres) restart_postgres ;;
  start:proxy) start_proxy ;;
  stop:proxy) stop_proxy ;;
  start:*) start_service "$name"; await_ready "$name" ;;
  stop:*) stop_service "$name" ;;
  kill:*)
    file="$(pid_file "$name")"
    [[ -f $file ]] || die "$name is not running"
    kill -KILL "$(cat "$file")"
    rm -f "$file"
    log "$name killed (SIGKILL)"
    ;;
  pid:*) cat "$(pid_file "$name")" ;;
  *) die "node.sh cannot $action $name" ;;
esac

#!/bin/bash
# pg-cluster.sh: a throw-away PostgreSQL 15 cluster for the tests.
#
#   pg-cluster.sh run CMD [ARGS...]   start a cluster in a new temporary
#                                     folder, run CMD with it, stop it and
#                                     remove the folder (also when CMD fails
#                                     or the test is interrupted); exits
#                                     with CMD's status
#   pg-cluster.sh start DIR           start a cluster in the empty or
#                                     missing folder DIR (prints the URI)
#   pg-cluster.sh stop DIR            stop it and remove DIR
#
# CMD sees HOMEWARD_TEST_PG_URI (a libpq URI of the database
# "homeward_test", superuser "postgres", no password) and
# HOMEWARD_TEST_PG_DIR (the folder: its socket, its log in DIR/log).
#
# The server listens on no TCP port at all (listen_addresses=''), only on
# a Unix socket inside DIR. DIR is mode 0700 and owned by the server's
# user, so no other account on the machine can reach the socket; inside,
# local connections are trusted, except for the role "hw_password", which
# must give its password (tests of a wrong password use it).
#
# The binaries are Debian's (postgresql-15): $HOMEWARD_PG_BINDIR, else
# `pg_config --bindir`, else /usr/lib/postgresql/15/bin -- never an
# initdb found on PATH, which may be another build. Without them the
# script exits 77 (meson's "skipped") saying so; tools/setup.sh installs
# them, and CI (tools/test.sh) runs the tests for real.
#
# Who runs the server: PostgreSQL refuses to run as root, and tests may
# run as root. As root the cluster runs as the "postgres" system user that
# Debian's postgresql-common creates (it exists whenever the server
# package is installed, owns nothing of ours but DIR, and our cluster
# shares nothing with the system one: other folder, no port); without
# that user, as "nobody". As any other user, the cluster runs as that user.
set -uo pipefail

die() { echo "pg-cluster: $*" >&2; exit 1; }

find_bindir() {
  local d
  for d in "${HOMEWARD_PG_BINDIR:-}" "$(pg_config --bindir 2>/dev/null)" \
           /usr/lib/postgresql/15/bin; do
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

bindir=$(find_bindir) || {
  echo "pg-cluster: SKIP: PostgreSQL 15 server binaries not found" \
       "(install Debian's postgresql and libpq-dev: tools/setup.sh)" >&2
  exit 77
}
version=$("$bindir/postgres" --version 2>/dev/null | sed -n 's/.* \([0-9][0-9]*\)\..*/\1/p')
if [ "${version:-0}" -lt 15 ]; then
  echo "pg-cluster: SKIP: $bindir/postgres is version '${version:-?}', PostgreSQL 15 is needed" >&2
  exit 77
fi

# as_server CMD...: runs CMD as the server's user
if [ "$(id -u)" -eq 0 ]; then
  if getent passwd postgres > /dev/null; then
    server_user=postgres
  else
    server_user=nobody
  fi
  as_server() { runuser -u "$server_user" -- "$@"; }
else
  server_user=$(id -un)
  as_server() { "$@"; }
fi

uri_of() { echo "postgresql:///homeward_test?host=$1&user=postgres"; }

start() {
  local dir=$1
  mkdir -p "$dir" || die "cannot create $dir"
  if [ -n "$(ls -A "$dir")" ]; then
    die "$dir is not empty"
  fi
  chmod 0700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$server_user:" "$dir" || die "cannot give $dir to $server_user"
  fi
  # the socket's path must fit in 107 bytes
  if [ $(( ${#dir} + 20 )) -gt 107 ]; then
    die "$dir is too long a path for a Unix socket"
  fi

  as_server "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=reject --no-sync > "$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  # a role that must give its password, then everyone else trusted
  as_server sh -c "{ echo 'local all hw_password scram-sha-256';
                     cat '$dir/data/pg_hba.conf'; } > '$dir/data/pg_hba.new' &&
                   mv '$dir/data/pg_hba.new' '$dir/data/pg_hba.conf'" \
    || die "cannot write pg_hba.conf"
  as_server sh -c "cat >> '$dir/data/postgresql.conf'" <<EOF
# pg-cluster.sh: a test cluster, no TCP, one socket in its own folder
listen_addresses = ''
unix_socket_directories = '$dir'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 40
log_min_messages = warning
EOF
  as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start > /dev/null \
    || { cat "$dir/log" >&2; die "the server did not start"; }
  as_server "$bindir/psql" -X -q -h "$dir" -U postgres -d postgres \
    -c "CREATE DATABASE homeward_test" > /dev/null \
    || die "cannot create the test database"
  uri_of "$dir"
}

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop > /dev/null 2>&1 \
      || as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop > /dev/null 2>&1
    if [ -f "$dir/data/postmaster.pid" ]; then
      # the server is not answering: its own process id, nothing else
      local pid
      pid=$(head -n 1 "$dir/data/postmaster.pid")
      if [ -n "$pid" ]; then
        kill -9 "$pid" 2>/dev/null
      fi
    fi
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start)
    [ $# -eq 2 ] || die "usage: pg-cluster.sh start DIR"
    start "$2"
    ;;
  stop)
    [ $# -eq 2 ] || die "usage: pg-cluster.sh stop DIR"
    stop "$2"
    ;;
  run)
    shift
    [ $# -ge 1 ] || die "usage: pg-cluster.sh run CMD [ARGS...]"
    parent=${TMPDIR:-/tmp}
    # the server's user must reach the folder (a root's TMPDIR may be 0700)
    if ! as_server test -x "$parent"; then
      parent=/tmp
    fi
    dir=$(mktemp -d "$parent/hw-pg.XXXXXX") || die "mktemp failed"
    cleanup() { stop "$dir"; }
    trap cleanup EXIT
    child=
    # meson stops a test that runs too long with SIGTERM: pass it on, then
    # clean up (the EXIT trap); in the background + wait so that the
    # trap runs at once, not when CMD has finished
    on_signal() { [ -n "$child" ] && kill -TERM "$child" 2>/dev/null; exit "$1"; }
    trap 'on_signal 130' INT
    trap 'on_signal 143' TERM
    uri=$(start "$dir") || exit 1
    export HOMEWARD_TEST_PG_URI=$uri HOMEWARD_TEST_PG_DIR=$dir
    "$@" &
    child=$!
    wait "$child"
    exit $?
    ;;
  *)
    die "usage: pg-cluster.sh run CMD [ARGS...] | start DIR | stop DIR"
    ;;
esac

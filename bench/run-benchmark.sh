#!/usr/bin/env bash
# Throughput of the reference server on loopback, measured with wrk (Debian package `wrk`):
# reservation requests/s on one hot clinic (capacity 6, 200 students racing for it: six bookings take
# the clinic's row lock, every later request is answered `occupied` from the committed state without
# it) and weekly-schedule reads/s,
# on H2 (in memory) and on PostgreSQL (a fresh schema, dropped afterwards).
#
#   bash bench/run-benchmark.sh            # both databases
#   BENCH_DBS=h2 bash bench/run-benchmark.sh
#
# Knobs: BENCH_CONNECTIONS (20), BENCH_SECONDS (10), BENCH_STUDENTS (200), BENCH_PORT (18080),
# BENCH_PG_URL (jdbc:postgresql://127.0.0.1:5432/test?user=postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${BENCH_CONNECTIONS:-20}
seconds=${BENCH_SECONDS:-10}
students=${BENCH_STUDENTS:-200}
port=${BENCH_PORT:-18080}
pg_url=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
dbs=${BENCH_DBS:-h2 pg}
base="http://127.0.0.1:${port}/api"
work=$(mktemp -d)
server_pid=""

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is not installed: apt-get install jq" >&2; exit 2; }

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
cleanup() {
  stop_server
  if [ -n "${pg_schema:-}" ]; then
    psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS ${pg_schema} CASCADE" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

jar=${BENCH_JAR:-$(ls target/clinic-load-*-server.jar 2>/dev/null | head -1 || true)}
if [ -z "$jar" ]; then
  mvn -B -q -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  jar=$(ls target/clinic-load-*-server.jar | head -1)
fi

start_server() {
  local db=$1
  java -jar "$jar" serve --port "$port" --db "$db" --rate-limit 0 --password-iterations 1000 \
    --setup-clinics --reset --capacity 6 --setup-students "$students" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "$base/health/" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server did not answer $base/health/ within 60 s" >&2
  cat "$work/server.log" >&2
  exit 1
}

# Logs every student in (in parallel) and writes their ids and tokens as a Lua table for wrk.
login_students() {
  seq -f "test_student_%02g" 1 "$students" | xargs -P 8 -I{} curl -fsS -X POST "$base/auth/login/" \
    -H 'Content-Type: application/json' -d '{"username":"{}","password":"testpass123"}' \
    | jq -r '"{id=\(.user.id),token=\"\(.token)\"},"' >"$work/students.body"
  { echo "return {"; cat "$work/students.body"; echo "}"; } >"$work/students.lua"
  local logged_in
  logged_in=$(wc -l <"$work/students.body")
  [ "$logged_in" -eq "$students" ] || { echo "only $logged_in of $students students logged in" >&2; exit 1; }
}

measure() {
  local label=$1 db=$2
  start_server "$db"
  login_students
  local token clinic
  token=$(awk -F'"' 'NR == 1 { print $2 }' "$work/students.body")
  clinic=$(curl -fsS "$base/clinics/weekly-schedule/" -H "Authorization: Token $token" | jq '.clinics[0].clinic_id')
  export BENCH_STUDENTS_LUA="$work/students.lua" BENCH_CLINIC_ID="$clinic"
  echo "== $label: reservations on hot clinic $clinic (${connections} connections, ${seconds} s, ${students} students)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/reserve.lua "$base/clinics/reserve/" | tee "$work/reserve.out"
  local seats
  seats=$(curl -fsS "$base/clinics/weekly-schedule/" -H "Authorization: Token $token" \
    | jq ".clinics[] | select(.clinic_id == $clinic) | \"\(.current_count)/\(.capacity)\"" -r)
  echo "hot clinic after the run: $seats seats taken"
  echo "== $label: weekly-schedule reads (${connections} connections, ${seconds} s)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/schedule.lua "$base/clinics/weekly-schedule/" | tee "$work/schedule.out"
  printf '%s: %s reservations/s, %s schedule reads/s\n' "$label" \
    "$(awk '/Requests\/sec/ {print $2}' "$work/reserve.out")" \
    "$(awk '/Requests\/sec/ {print $2}' "$work/schedule.out")" >>"$work/figures"
  stop_server
}

for db in $dbs; do
  case "$db" in
    h2) measure "H2 (in memory)" "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" ;;
    pg)
      pg_schema="bench_$$"
      measure "PostgreSQL" "${pg_url}&currentSchema=${pg_schema}"
      ;;
    *) echo "unknown database '$db' in BENCH_DBS (expected h2, pg)" >&2; exit 2 ;;
  esac
done

echo
echo "== figures ($(nproc) cores, $(date -u +%F))"
cat "$work/figures"

#!/usr/bin/env bash
# Throughput of the reference server on loopback (wrk), beside pgbench running the same reservation
# transaction on the same PostgreSQL schema:
#
#   spread     committed reservations/s over 500 clinics with room (capacity 1000): every request a
#              (student, clinic) pair not booked before, so every one commits
#   hot        committed reservations/s on one clinic with room (capacity 10,000): every request a new
#              student
#   schedule   weekly-schedule reads/s with 500 clinics whose rosters are full (capacity 6), and the
#              size of that answer
#
# On PostgreSQL each server figure is printed with pgbench's on the same rows, same connections, and
# their ratio. Each measurement starts on a fresh fixture (a fresh schema on PostgreSQL, dropped after).
#
#   bash bench/run-benchmark.sh            # H2 in memory and PostgreSQL
#   BENCH_DBS=pg bash bench/run-benchmark.sh
#
# Knobs: BENCH_CONNECTIONS (20), BENCH_SECONDS (10), BENCH_PORT (18080), BENCH_PG (host 127.0.0.1,
# user postgres, database test). Needs Debian's wrk, jq, curl, psql and pgbench.
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${BENCH_CONNECTIONS:-20}
seconds=${BENCH_SECONDS:-10}
port=${BENCH_PORT:-18080}
dbs=${BENCH_DBS:-h2 pg}
threads=2
base="http://127.0.0.1:${port}/api"
pg=(-h 127.0.0.1 -U postgres -d test)
work=$(mktemp -d)
server_pid=""
schema=""

# 500 clinics: Monday to Friday, ten times a day, ten rooms
spread_layout=(--days mon,tue,wed,thu,fri --times 09:00,10:00,11:00,12:00,13:00,14:00,15:00,16:00,17:00,18:00 --rooms 10)
spread_students=200
# one clinic with room for every request of the hot measurement
hot_capacity=10000
hot_seconds=3
schedule_fill=3000

for tool in wrk jq curl psql pgbench; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (Debian: wrk, jq, curl, postgresql-client)" >&2; exit 2; }
done

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
drop_schema() {
  if [ -n "$schema" ]; then
    psql "${pg[@]}" -qc "DROP SCHEMA IF EXISTS ${schema} CASCADE" >/dev/null 2>&1 || true
    schema=""
  fi
}
cleanup() {
  stop_server
  drop_schema
  rm -rf "$work"
}
trap cleanup EXIT

jar=${BENCH_JAR:-$(ls target/clinic-load-*-server.jar 2>/dev/null | head -1 || true)}
if [ -z "$jar" ]; then
  mvn -B -q -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  jar=$(ls target/clinic-load-*-server.jar | head -1)
fi

# Sets db_url to a fresh database: in-memory H2, or a new PostgreSQL schema.
fresh_database() {
  case "$1" in
    h2) db_url="jdbc:h2:mem:bench$RANDOM;DB_CLOSE_DELAY=-1" ;;
    pg)
      schema="bench_$$_$RANDOM"
      psql "${pg[@]}" -qc "CREATE SCHEMA ${schema}" >/dev/null
      db_url="jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=${schema}"
      ;;
  esac
}

# serve <db url> <fixture options...>: started, fixture loaded, answering.
serve() {
  local url=$1
  shift
  java -jar "$jar" serve --port "$port" --db "$url" --rate-limit 0 --password-iterations 1000 \
    --setup-clinics --reset "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/")" = 200 ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server did not answer $base/health/ within 120 s" >&2
  cat "$work/server.log" >&2
  exit 1
}

# login_students <n>: every student logged in, as a Lua table {id=..., token=...} for wrk.
login_students() {
  local n=$1
  seq -f "test_student_%02g" 1 "$n" | xargs -P 8 -I{} curl -fsS -X POST "$base/auth/login/" \
    -H 'Content-Type: application/json' -d '{"username":"{}","password":"testpass123"}' \
    | jq -r '"{id=\(.user.id),token=\"\(.token)\"},"' | sort -t= -k2 -n >"$work/students.body"
  { echo "return {"; cat "$work/students.body"; echo "}"; } >"$work/students.lua"
  [ "$(wc -l <"$work/students.body")" -eq "$n" ] || { echo "not every one of $n students logged in" >&2; exit 1; }
}

token() {
  awk -F'"' 'NR == 1 { print $2 }' "$work/students.body"
}

# clinics_lua <from> <count>: <count> clinics of the schedule from the <from>-th (ids in order), as a Lua table.
clinics_lua() {
  curl -fsS "$base/clinics/weekly-schedule/" -H "Authorization: Token $(token)" \
    | jq -r ".clinics | sort_by(.clinic_id) | .[$1:$1 + $2] | \"return {\" + (map(.clinic_id | tostring) | join(\",\")) + \"}\"" \
      >"$work/clinics.lua"
}

# reserve_pairs <label> <budget, 0 = for BENCH_SECONDS>: wrk over reserve-pairs.lua; prints its report.
# Without a budget every answer must be a committed booking; a budget fills clinics, its last requests
# may find them full.
reserve_pairs() {
  BENCH_STUDENTS_LUA="$work/students.lua" BENCH_CLINICS_LUA="$work/clinics.lua" BENCH_BUDGET="$2" \
    BENCH_THREADS=$threads wrk -t$threads -c"$connections" -d"${seconds}s" --latency -s bench/reserve-pairs.lua \
    "$base/clinics/reserve/" >"$work/$1.out"
  grep -E 'Requests/sec|statuses|99%|Non-2xx' "$work/$1.out" | sed 's/^/    /'
  [ "$2" -gt 0 ] || grep -q 'statuses: 200=[0-9]*$' "$work/$1.out" \
    || { echo "$1: not every answer was a committed booking (200); the figure would not be one" >&2; exit 1; }
}

rate() {
  awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"
}

# pgbench_reserve <label> <clinic count> <students> <transactions per client, 0 = for BENCH_SECONDS>
pgbench_reserve() {
  local label=$1 clinics=$2 students=$3 per_client=$4
  # the pairs in the order the server was given them: clinics and students by id
  psql "${pg[@]}" -qc "SET search_path=${schema};
    DELETE FROM reservations; UPDATE clinics SET reserved_count = 0; CREATE SEQUENCE bench_pairs;
    CREATE TABLE bench_clinics AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM clinics;
    CREATE TABLE bench_students AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM users
      WHERE username LIKE 'test\\_student\\_%';
    ALTER TABLE bench_clinics ADD PRIMARY KEY (n); ALTER TABLE bench_students ADD PRIMARY KEY (n)" >/dev/null
  local run=(-T "$seconds")
  [ "$per_client" -gt 0 ] && run=(-t "$per_client")
  PGOPTIONS="-c search_path=${schema}" pgbench -n -h 127.0.0.1 -U postgres -c "$connections" -j $threads "${run[@]}" \
    -D clinics="$clinics" -D students="$students" \
    -f bench/pgbench-reserve.sql test >"$work/$label.out" 2>&1 || { cat "$work/$label.out" >&2; exit 1; }
  grep -E 'tps|failed' "$work/$label.out" | sed 's/^/    /'
}

pgbench_rate() {
  awk '/^tps/ {printf "%.0f", $3}' "$1"
}

figure() {
  printf '%-12s %-10s %s\n' "$1" "$2" "$3" | tee -a "$work/figures"
}

measure() {
  local db=$1 label=$2
  echo "== $label"

  fresh_database "$db"
  serve "$db_url" "${spread_layout[@]}" --capacity 1000 --setup-students $spread_students
  login_students $spread_students
  clinics_lua 0 500
  echo "  spread: reservations over 500 clinics with room, each request a new pair (${connections} connections, ${seconds} s)"
  reserve_pairs spread 0
  stop_server
  if [ "$db" = pg ]; then
    echo "  spread: pgbench, the same transaction on the same rows"
    pgbench_reserve pgbench-spread 500 $spread_students 0
    figure "$label" spread "server $(rate "$work/spread.out")/s, pgbench $(pgbench_rate "$work/pgbench-spread.out")/s, ratio $(awk -v s="$(rate "$work/spread.out")" -v p="$(pgbench_rate "$work/pgbench-spread.out")" 'BEGIN {printf "%.2f", s / p}')"
    drop_schema
  else
    figure "$label" spread "server $(rate "$work/spread.out")/s"
  fi

  fresh_database "$db"
  serve "$db_url" --capacity $hot_capacity --setup-students $hot_capacity
  login_students $hot_capacity
  clinics_lua 0 1
  echo "  hot: one clinic with room, each request a new student (${connections} connections, ${hot_seconds} s)"
  seconds=$hot_seconds reserve_pairs hot 0
  stop_server
  if [ "$db" = pg ]; then
    echo "  hot: pgbench, the same transaction on the same row"
    seconds=$hot_seconds pgbench_reserve pgbench-hot 1 $hot_capacity 0
    figure "$label" hot "server $(rate "$work/hot.out")/s, pgbench $(pgbench_rate "$work/pgbench-hot.out")/s, ratio $(awk -v s="$(rate "$work/hot.out")" -v p="$(pgbench_rate "$work/pgbench-hot.out")" 'BEGIN {printf "%.2f", s / p}')"
    drop_schema
  else
    figure "$label" hot "server $(rate "$work/hot.out")/s"
  fi

  fresh_database "$db"
  serve "$db_url" "${spread_layout[@]}" --capacity 6 --setup-students $spread_students
  login_students $spread_students
  clinics_lua 0 500
  reserve_pairs fill $schedule_fill >/dev/null
  local size seats
  size=$(curl -fsS "$base/clinics/weekly-schedule/" -H "Authorization: Token $(token)" | wc -c)
  seats=$(curl -fsS "$base/clinics/weekly-schedule/" -H "Authorization: Token $(token)" | jq '[.clinics[].current_count] | add')
  echo "  schedule: reads with 500 full clinics ($seats seats taken, answer $size bytes)"
  wrk -t$threads -c"$connections" -d"${seconds}s" --latency -H "Authorization: Token $(token)" \
    "$base/clinics/weekly-schedule/" >"$work/schedule.out"
  grep -E 'Requests/sec|99%|Non-2xx' "$work/schedule.out" | sed 's/^/    /'
  figure "$label" schedule "$(rate "$work/schedule.out") reads/s of $((size / 1024)) KiB ($seats seats)"
  stop_server
  drop_schema
}

for db in $dbs; do
  case "$db" in
    h2) measure h2 "H2" ;;
    pg) measure pg "PostgreSQL" ;;
    *) echo "unknown database '$db' in BENCH_DBS (expected h2, pg)" >&2; exit 2 ;;
  esac
done

echo
echo "== figures ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F))"
cat "$work/figures"

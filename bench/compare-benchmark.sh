#!/usr/bin/env bash
# How often the comparison of repeated runs cries wolf, and how often it catches a real slowdown
# (docs/comparison.md): K A/A comparisons (two sets of the correct embedded server, same options and seeds),
# K A/B comparisons (the correct server against the slow fault, its delay about a quarter of the
# reservation p95), and M comparisons against the overbook fault, every set a real -Drepeat run and every
# comparison the standalone command. Sets are made in the order A, A, B, A, A, B, ... so that the two sets
# of each comparison ran one after the other; A/A pairs and A/B pairs are each disjoint.
#
#   bash bench/compare-benchmark.sh [K=10] [SLOW_MS=auto] [M=3]
#
# BASE_MS (500) is the baseline's own reservation delay: every set is a backend whose reservations take their
# time, as a real backend's do (-Dfaults=slow -DslowMs=BASE_MS); 0 benchmarks the bare reference server, whose
# reservation p95 (about 50 ms) is mostly the scheduling jitter of a shared machine. The slowed sets add
# SLOW_MS to it; SLOW_MS=auto measures the first set's median reservation p95 and takes a quarter of it.
# RUNS (5) runs a set, SEED (42) the seed of every set's first run,
# OPTIONS (none) more options for every set (e.g. -Dstudents=100), BENCH_RESULTS (target/compare-benchmark)
# where the sets go, BUILD_DIR (target) the build folder.
set -euo pipefail

K=${1:-10}
SLOW_MS=${2:-auto}
OVERBOOK=${3:-3}
RUNS=${RUNS:-5}
BASE_MS=${BASE_MS:-500}
SEED=${SEED:-42}
OPTIONS=${OPTIONS:-}
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-target}
OUT=$(realpath -m "${BENCH_RESULTS:-$BUILD_DIR/compare-benchmark}")

command -v jq >/dev/null || { echo "❌ jq is needed (apt-get install jq)"; exit 2; }
[[ $K =~ ^[1-9][0-9]*$ && $OVERBOOK =~ ^[0-9]+$ ]] || { echo "❌ usage: $0 [K>=1] [SLOW_MS|auto] [M>=0]"; exit 2; }
[[ $SLOW_MS == auto || $SLOW_MS =~ ^[1-9][0-9]*$ ]] || { echo "❌ SLOW_MS must be auto or milliseconds, got $SLOW_MS"; exit 2; }
[[ $BASE_MS =~ ^[0-9]+$ ]] || { echo "❌ BASE_MS must be milliseconds (0 for none), got $BASE_MS"; exit 2; }
# the options of a set whose reservations are delayed by $1 ms (none for 0), besides its own
delayed() { (($1 > 0)) && echo "-Dfaults=slow${2:+,$2} -DslowMs=$1" || echo "${2:+-Dfaults=$2}"; }

rm -rf "$OUT"
mkdir -p "$OUT"
mvn -q test-compile -Dgatling.skip=true -Dbuild.dir="$(realpath -m "$BUILD_DIR")"
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$OUT/classpath.txt")"
BENCH_STARTED=$(date +%s)

# one set: the main simulation with -Drepeat, as mvn gatling:test runs it, without Maven's start-up
run_set() {
  local label=$1
  shift
  local started
  started=$(date +%s)
  java -Xmx1G --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$CP" -Dclinic.launchedByMaven=true \
    -Drepeat="$RUNS" -Dlabel="$label" -Dseed="$SEED" -DresultsFolder="$OUT" $OPTIONS "$@" \
    io.gatling.app.Gatling --simulation clinic.simulation.ClinicReservationSimulation \
    --results-folder "$OUT/gatling" >"$OUT/$label.log" 2>&1 || true
  local folder
  folder=$(ls -d "$OUT"/set-"$label"-* 2>/dev/null | head -1)
  [[ -n $folder ]] || { echo "❌ set $label did not start: $(grep -m3 '❌' "$OUT/$label.log" || tail -3 "$OUT/$label.log")"; exit 1; }
  echo "$label $(($(date +%s) - started))" >>"$OUT/set-seconds.txt"
  echo "  set $label: $(($(date +%s) - started)) s, reservation p95 per run: $(p95s "$folder")" >&2
}

set_folder() { ls -d "$OUT"/set-"$1"-* | head -1; }

# the reservation p95 of every finished run of a set
p95s() {
  local folder=$1
  jq -r '.runs[].runFolder // empty' "$folder/set.json" | while read -r run; do
    jq -r '.latencyMs.p95' "$folder/$run/clinic-summary.json"
  done | paste -sd' '
}

median() { tr ' ' '\n' | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# one comparison with the standalone command: its exit status, then its compare.json is read
compare() {
  java -cp "$CP" clinic.simulation.CompareSets "$(set_folder "$1")" "$(set_folder "$2")" --results "$OUT" \
    >"$OUT/compare-$1-$2.log" 2>&1 && echo 0 || echo $?
}

aa() { printf 'aa-%02d' "$1"; }
echo "📏 comparison benchmark: $K A/A and $K A/B comparisons of $RUNS runs against $RUNS, $OVERBOOK against overbook${OPTIONS:+, options $OPTIONS}; sets in $OUT" >&2
# shellcheck disable=SC2046 # delayed's words are options
run_set "$(aa 1)" $(delayed "$BASE_MS")
if [[ $SLOW_MS == auto ]]; then
  BASE_P95=$(p95s "$(set_folder "$(aa 1)")" | median)
  SLOW_MS=$(awk -v p="$BASE_P95" 'BEGIN {printf "%d", p / 4 + 0.5}')
  echo "  slow fault: first set's median reservation p95 ${BASE_P95} ms, a quarter of it: -DslowMs=$SLOW_MS" >&2
fi
for ((i = 1; i <= K; i++)); do
  ((i == 1)) || run_set "$(aa $((2 * i - 1)))" $(delayed "$BASE_MS")
  run_set "$(aa $((2 * i)))" $(delayed "$BASE_MS")
  run_set "$(printf 'ab-%02d' "$i")" $(delayed $((BASE_MS + SLOW_MS)))
done
for ((j = 1; j <= OVERBOOK; j++)); do
  run_set "$(printf 'ob-%02d' "$j")" $(delayed "$BASE_MS" overbook)
done

echo
echo "| comparison | baseline | candidate | reservation p95 change [interval] | figures not \"no difference\" | exit |"
echo "|---|---|---|---|---|---|"
AA_CLEAN=0 AB_WORSE=0 AB_EXIT=0 OB_EXIT=0
row() {
  local kind=$1 baseline=$2 candidate=$3 status=$4
  local json
  json="$(set_folder "$candidate")/compare.json"
  local p95 others
  p95=$(jq -r '.figures[] | select(.key == "RESERVE.p95") | "\(.change)% [\(.low)% ~ \(.high)%] \(.verdict)"' "$json")
  others=$(jq -r '[.figures[] | select(.verdict != "SAME") | "\(.key) \(.verdict)"] | join(", ")' "$json")
  echo "| $kind | $baseline | $candidate | $p95 | ${others:-none} | $status |"
}
for ((i = 1; i <= K; i++)); do
  status=$(compare "$(aa $((2 * i - 1)))" "$(aa $((2 * i)))")
  row A/A "$(aa $((2 * i - 1)))" "$(aa $((2 * i)))" "$status"
  json="$(set_folder "$(aa $((2 * i)))")/compare.json"
  [[ $(jq '[.figures[] | select(.verdict != "SAME")] | length' "$json") == 0 ]] && AA_CLEAN=$((AA_CLEAN + 1))
done
for ((i = 1; i <= K; i++)); do
  candidate=$(printf 'ab-%02d' "$i")
  status=$(compare "$(aa $((2 * i)))" "$candidate")
  row "A/B slowMs=$BASE_MS+$SLOW_MS" "$(aa $((2 * i)))" "$candidate" "$status"
  json="$(set_folder "$candidate")/compare.json"
  [[ $(jq -r '.figures[] | select(.key == "RESERVE.p95") | .verdict' "$json") == WORSE ]] && AB_WORSE=$((AB_WORSE + 1))
  [[ $status != 0 ]] && AB_EXIT=$((AB_EXIT + 1))
done
for ((j = 1; j <= OVERBOOK; j++)); do
  candidate=$(printf 'ob-%02d' "$j")
  baseline=$(aa $(((j - 1) % (2 * K) + 1)))
  status=$(compare "$baseline" "$candidate")
  row overbook "$baseline" "$candidate" "$status"
  [[ $status != 0 ]] && OB_EXIT=$((OB_EXIT + 1))
done

SECONDS_PER_SET=$(awk '{print $2}' "$OUT/set-seconds.txt" | paste -sd' ' | median)
MIN_SET=$(awk '{print $2}' "$OUT/set-seconds.txt" | sort -n | head -1)
MAX_SET=$(awk '{print $2}' "$OUT/set-seconds.txt" | sort -n | tail -1)
echo
echo "A/A (false alarms): \"no difference\" on every figure in $AA_CLEAN/$K comparisons"
echo "A/B (reservations $SLOW_MS ms slower than the baseline's $BASE_MS ms): reservation p95 \"worse\" in $AB_WORSE/$K, non-zero exit in $AB_EXIT/$K"
echo "overbook: non-zero exit in $OB_EXIT/$OVERBOOK"
echo "run times: a set of $RUNS runs ${SECONDS_PER_SET} s (median; ${MIN_SET}–${MAX_SET} s), $(wc -l <"$OUT/set-seconds.txt") sets, whole benchmark $((($(date +%s) - BENCH_STARTED) / 60)) min; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

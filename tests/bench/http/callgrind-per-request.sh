#!/bin/bash
# Instructions (callgrind Ir, user space) per request of usherd, for comparing changes on a
# shared machine (docs/performance.md, "usherd").
#   callgrind-per-request.sh USHERD_BINARY KIND N DEPTH
# KIND: get (availability 200), 304, hold (single-seat holds on the demo concert hall), mixed (two
# connections hold seats of the concert hall while two read its availability).
# usherd runs under callgrind with instrumentation off until it is ready; 400 warm-up requests,
# then the counters are zeroed, N requests are sent over 4 keep-alive connections (pipelined DEPTH
# deep) and the counters dumped. Prints Ir / N.
set -eu
bin=$1; kind=$2; n=$3; depth=$4
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/usherd-callgrind.XXXXXX)
trap 'rm -rf "$dir"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$dir/cg.%p" --instr-atstart=no "$bin" --data "$dir" \
    --listen 127.0.0.1:0 --port-file "$dir/port" --demo --no-fsync --rate-limit 0 --log-level warn 2>"$dir/log" &
vpid=$!
for _ in $(seq 600); do [ -s "$dir/port" ] && break; sleep 0.5; done
port=$(cat "$dir/port")
for _ in $(seq 600); do
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" | grep -q 200 && break
    sleep 0.5
done
callgrind_control -i on "$vpid" >/dev/null
python3 "$here/callgrind-load.py" "$port" "$kind" 400 "$depth" >/dev/null
callgrind_control -z "$vpid" >/dev/null
python3 "$here/callgrind-load.py" "$port" "$kind" "$n" "$depth"
callgrind_control -d "$vpid" >/dev/null 2>&1
kill -TERM "$vpid"
wait "$vpid" || true
ir=$(callgrind_annotate "$dir"/cg.*.1 2>/dev/null | grep -m1 "PROGRAM TOTALS" | awk '{gsub(",", "", $1); print $1}')
echo "$kind depth=$depth n=$n Ir=$ir Ir/request=$((ir / n))"

#!/usr/bin/env bash
# Median round time of the Hazelcast spike exchange between N JVMs on loopback (default 2), by hand, never in
# mvn verify. Needs the module's test classes: mvn -B -o -q test-compile -pl cluster-hazelcast (from the root).
# Usage: cluster-hazelcast/bench-exchange.sh [N] [spikes=300] [warmup=2000] [rounds=5000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
n="${1:-2}"; shift || true
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
(cd "$here" && mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null)
cp="$here/target/test-classes:$here/target/classes:$(cat "$cp_file")"
base=$((20000 + RANDOM % 20000))
members=""
for ((r = 0; r < n; r++)); do members+="${members:+,}127.0.0.1:$((base + r))"; done
flags=(--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
       --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
       --add-opens java.management/sun.management=ALL-UNNAMED
       --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
pids=()
for ((r = 0; r < n; r++)); do
    java "${flags[@]}" -cp "$cp" org.bsb.cluster.hazelcast.ExchangeBenchmark cluster="$members" rank="$r" \
        cluster-name="bsb-bench-$base" "$@" 2>/dev/null | grep median &
    pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done

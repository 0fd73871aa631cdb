#!/usr/bin/env bash
# Compile time: gocap's parse + generate + optimize against libpcap's
# pcap_compile with the optimizer on, per expression, over the same
# expressions, in the same run.
#
#   bash bench/compile.sh [REPS [MIN_MS [KIND_MS]]]   (defaults 5, 300 and 100)
#
# bench/compile (Go) lists the accept expressions of libpcap's corpus
# (../shared/corpus/libpcap/filtertests.jsonl, every link type) that gocap
# compiles without looking up a host, ether or network name (which would
# time the resolver and DNS); bench/compile/libpcap/compile.c (built here
# with gcc against the system libpcap: apt-get install libpcap-dev gcc)
# keeps those the local libpcap compiles for their link type, and both
# halves then time exactly that list: whole passes for at least MIN_MS
# milliseconds, REPS times, taking turns, the fastest repetition counting.
# Time is the CPU time of the process (all its threads, so Go's garbage
# collector counts), not wall time: the machine may be shared and busy, and
# time spent waiting for a CPU is not compile time. The ratio is gocap's
# time over libpcap's.
#
# Each half then also times every kind of expression on its own (for at
# least KIND_MS milliseconds a repetition; 0 leaves this out): bench/compile
# gives each listed expression a kind (host, net, port, names for a service
# or protocol name, geneve/vxlan, arith, wlan, ...: see kindOf in
# bench/compile/main.go), and the second table has one row per kind with
# both times, the ratio, and gocap's heap allocations and bytes per
# compile (optimizer on), then gocap's time with the optimizer off (parse,
# generate and lay out only) and its allocations.
set -euo pipefail

cd "$(dirname "$0")/.."
REPS="${1:-5}"
MIN_MS="${2:-300}"
KIND_MS="${3:-100}"
TMP="${TMPDIR:-/tmp}"
CORPUS="../shared/corpus/libpcap/filtertests.jsonl"
CBIN="$TMP/gocap-compilebench-libpcap"
GOBIN="$TMP/gocap-compilebench"
LIST="$TMP/gocap-compilebench-all.tsv"
OK="$TMP/gocap-compilebench-ok.tsv"

[[ -f "$CORPUS" ]] || { echo "corpus not found at $CORPUS (../shared is absent)" >&2; exit 1; }
[[ -f /usr/include/pcap/pcap.h ]] || { echo "libpcap headers missing (apt-get install libpcap-dev)" >&2; exit 1; }

gcc -O2 -Wall -Wextra -o "$CBIN" bench/compile/libpcap/compile.c -lpcap
CGO_ENABLED=0 go build -o "$GOBIN" ./bench/compile
"$GOBIN" -list "$CORPUS" "$LIST"
# The first libpcap run also writes the list both halves time. Then the
# halves take turns, one repetition each, so that a change in the machine's
# load hits both alike; the fastest repetition of each counts.
C_OUT=$("$CBIN" "$LIST" "$OK" 1 "$MIN_MS" "$KIND_MS" 2>"$TMP/gocap-compilebench-c.err") || { cat "$TMP/gocap-compilebench-c.err" >&2; exit 1; }
GO_OUT=$("$GOBIN" -reps 1 -min "${MIN_MS}ms" -kindmin "${KIND_MS}ms" "$OK")
for ((r = 1; r < REPS; r++)); do
	C_OUT+=$'\n'$("$CBIN" "$OK" "$OK.again" 1 "$MIN_MS" "$KIND_MS" 2>/dev/null)
	GO_OUT+=$'\n'$("$GOBIN" -reps 1 -min "${MIN_MS}ms" -kindmin "${KIND_MS}ms" "$OK")
done

echo "expressions: $(wc -l <"$OK") of $(wc -l <"$LIST") listed (those the local libpcap also compiles)"
sed 's/^compile: //' "$TMP/gocap-compilebench-c.err"
echo "tools:   $(gcc --version | head -1); libpcap $(dpkg-query -W -f='${Version}' libpcap0.8 2>/dev/null || echo '?'); $(go version | cut -d' ' -f3); gocap $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "best of $REPS repetitions of >= ${MIN_MS} ms each (each kind: >= ${KIND_MS} ms)"
echo
printf '%s\n%s\n' "$C_OUT" "$GO_OUT" | awk -F'\t' '
	{
		if (!($1 in ns)) {
			ns[$1] = $2 + 0
			if ($1 !~ /:/) order[++k] = $1
			else if ($1 ~ /^gocap:/) kinds[++nk] = substr($1, 7)
		}
		if ($2 + 0 < ns[$1]) ns[$1] = $2 + 0
		n[$1] = $3; ins[$1] = $4; allocs[$1] = $5; bytes[$1] = $6
	}
	END {
		printf "| %-26s | %10s | %8s | %12s |\n", "compiler", "us/expr", "ratio", "instructions"
		printf "|%s|%s|%s|%s|\n", "----------------------------", "------------", "----------", "--------------"
		for (i = 1; i <= k; i++) {
			e = order[i]
			name = e
			if (e == "libpcap") name = "libpcap pcap_compile -O"
			if (e == "gocap") name = "gocap, optimized"
			if (e == "gocap-unopt") name = "gocap, unoptimized"
			printf "| %-26s | %10.2f | %8.2f | %12d |\n", name, ns[e] / 1000, ns[e] / ns["libpcap"], ins[e]
		}
		if (nk == 0) exit
		printf "\n| %-16s | %5s | %10s | %10s | %6s | %6s | %7s | %8s | %6s | %6s |\n", "kind", "exprs", "libpcap us", "gocap us", "ratio", "allocs", "bytes", "unopt us", "allocs", "bytes"
		printf "|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", "------------------", "-------", "------------", "------------", "--------", "--------", "---------", "----------", "--------", "--------"
		for (i = 1; i <= nk; i++) {
			g = "gocap:" kinds[i]; c = "libpcap:" kinds[i]; u = "gocap-unopt:" kinds[i]
			if (!(c in ns)) continue
			printf "| %-16s | %5d | %10.2f | %10.2f | %6.2f | %6.1f | %7d | %8.2f | %6.1f | %6d |\n", kinds[i], n[g], ns[c] / 1000, ns[g] / 1000, ns[g] / ns[c], allocs[g], bytes[g], ns[u] / 1000, allocs[u], bytes[u]
		}
	}'

#!/usr/bin/env bash
# Compile time: gocap's parse + generate + optimize against libpcap's
# pcap_compile with the optimizer on, per expression, over the same
# expressions, in the same run.
#
#   bash bench/compile.sh [REPS [MIN_MS]]      (defaults 5 and 300)
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
# time over libpcap's: at most 1 is the target.
set -euo pipefail

cd "$(dirname "$0")/.."
REPS="${1:-5}"
MIN_MS="${2:-300}"
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
C_OUT=$("$CBIN" "$LIST" "$OK" 1 "$MIN_MS" 2>"$TMP/gocap-compilebench-c.err") || { cat "$TMP/gocap-compilebench-c.err" >&2; exit 1; }
GO_OUT=$("$GOBIN" -reps 1 -min "${MIN_MS}ms" "$OK")
for ((r = 1; r < REPS; r++)); do
	C_OUT+=$'\n'$("$CBIN" "$OK" "$OK.again" 1 "$MIN_MS" 2>/dev/null)
	GO_OUT+=$'\n'$("$GOBIN" -reps 1 -min "${MIN_MS}ms" "$OK")
done

echo "expressions: $(wc -l <"$OK") of $(wc -l <"$LIST") listed (those the local libpcap also compiles)"
sed 's/^compile: //' "$TMP/gocap-compilebench-c.err"
echo "tools:   $(gcc --version | head -1); libpcap $(dpkg-query -W -f='${Version}' libpcap0.8 2>/dev/null || echo '?'); $(go version | cut -d' ' -f3); gocap $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "best of $REPS repetitions of >= ${MIN_MS} ms each"
echo
printf '%s\n%s\n' "$C_OUT" "$GO_OUT" | awk -F'\t' '
	{
		if (!($1 in ns)) { order[++k] = $1; ns[$1] = $2 + 0 }
		if ($2 + 0 < ns[$1]) ns[$1] = $2 + 0
		n[$1] = $3; ins[$1] = $4
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
	}'

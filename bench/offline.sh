#!/usr/bin/env bash
# Offline benchmark: gocap against the local tcpdump, in the same run, on a
# generated capture.
#
#   bash bench/offline.sh [PACKETS]     (default 500000)
#
# It builds gocap (CGO_ENABLED=0), writes a synthetic Ethernet capture of
# PACKETS packets with bench/gencap into $TMPDIR (default /tmp), then times
#   gocap   -r BIG -w OUT EXPR    vs  tcpdump -r BIG -w OUT EXPR   (a set of filters)
#   gocap -nn -r BIG > /dev/null  vs  tcpdump -nn -r BIG > /dev/null
# and prints each mean wall time and the ratio gocap/tcpdump (below 1 means
# gocap is faster). It uses hyperfine when installed, otherwise RUNS timed
# runs of each command with date +%s.%N, after one warm-up run.
# Before timing each filter it checks that both tools kept the same bytes.
set -euo pipefail

cd "$(dirname "$0")/.."
PACKETS="${1:-500000}"
RUNS="${RUNS:-5}"
TMP="${TMPDIR:-/tmp}"
BIG="$TMP/gocap-bench-$PACKETS.pcap"
GOCAP="$TMP/gocap-bench-bin"
OUT_G="$TMP/gocap-bench-out-g.pcap"
OUT_T="$TMP/gocap-bench-out-t.pcap"

command -v tcpdump >/dev/null || { echo "tcpdump is not installed (apt-get install tcpdump)" >&2; exit 1; }

CGO_ENABLED=0 go build -o "$GOCAP" ./cmd/gocap
if [[ ! -s "$BIG" ]]; then
	go run ./bench/gencap -n "$PACKETS" -o "$BIG"
fi
echo "capture: $BIG ($PACKETS packets, $(du -h "$BIG" | cut -f1))"
echo "tools:   $(tcpdump --version 2>&1 | head -1); gocap built from $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

FILTERS=(
	""
	"tcp"
	"tcp port 80"
	"udp port 53"
	"ip6"
	"host 10.0.0.1 and tcp"
	"vlan and tcp"
	"tcp[tcpflags] & tcp-syn != 0"
	"not arp and greater 1000"
)

# mean_time CMD...: mean wall seconds of RUNS runs (after one warm-up).
mean_time() {
	if command -v hyperfine >/dev/null; then
		local json="$TMP/gocap-bench-hf.json"
		hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 ||
			hyperfine --warmup 1 --runs "$RUNS" --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null
		sed -n 's/.*"mean": *\([0-9.e+-]*\).*/\1/p' "$json" | head -1
		return
	fi
	"$@" >/dev/null 2>&1 || true
	local total=0 start end
	for ((i = 0; i < RUNS; i++)); do
		start=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		end=$(date +%s.%N)
		total=$(echo "$total + $end - $start" | bc -l)
	done
	echo "$total / $RUNS" | bc -l
}

row() { # label gocap-seconds tcpdump-seconds
	printf '%-34s %9.3f %9.3f %7.2f\n' "$1" "$2" "$3" "$(echo "$2 / $3" | bc -l)"
}

printf '%-34s %9s %9s %7s\n' "filter to a file (-r BIG -w OUT)" "gocap s" "tcpdump s" "ratio"
for f in "${FILTERS[@]}"; do
	args=(-r "$BIG" -w "$OUT_G")
	targs=(-r "$BIG" -w "$OUT_T")
	if [[ -n "$f" ]]; then args+=("$f"); targs+=("$f"); fi
	"$GOCAP" "${args[@]}" 2>/dev/null
	tcpdump "${targs[@]}" 2>/dev/null
	if ! cmp -s "$OUT_G" "$OUT_T"; then
		echo "MISMATCH: gocap and tcpdump kept different packets for '$f'" >&2
		exit 1
	fi
	g=$(mean_time "$GOCAP" "${args[@]}")
	t=$(mean_time tcpdump "${targs[@]}")
	row "'$f'" "$g" "$t"
done
echo

printf '%-34s %9s %9s %7s\n' "print (-nn -r BIG > /dev/null)" "gocap s" "tcpdump s" "ratio"
g=$(mean_time "$GOCAP" -nn -r "$BIG")
t=$(mean_time tcpdump -nn -r "$BIG")
row "-nn" "$g" "$t"
rm -f "$OUT_G" "$OUT_T"

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
# gocap is faster), then the mean CPU time (user plus system) and its
# ratio. It uses hyperfine when installed, otherwise RUNS runs of each
# command timed with bash's time (TIMEFORMAT), after one warm-up run.
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
echo "capture: $BIG ($PACKETS packets, $(du -hL "$BIG" | cut -f1))"
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

# mean_time CMD...: "WALL CPU", the mean wall seconds and the mean CPU
# seconds (user plus system) of RUNS runs (after one warm-up).
mean_time() {
	if command -v hyperfine >/dev/null; then
		local json="$TMP/gocap-bench-hf.json"
		hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 ||
			hyperfine --warmup 1 --runs "$RUNS" --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null
		local wall user sys
		wall=$(sed -n 's/.*"mean": *\([0-9.e+-]*\).*/\1/p' "$json" | head -1)
		user=$(sed -n 's/.*"user": *\([0-9.e+-]*\).*/\1/p' "$json" | head -1)
		sys=$(sed -n 's/.*"system": *\([0-9.e+-]*\).*/\1/p' "$json" | head -1)
		echo "$wall $(echo "$user + $sys" | bc -l)"
		return
	fi
	"$@" >/dev/null 2>&1 || true
	local times="$TMP/gocap-bench-times.txt" TIMEFORMAT='%3R %3U %3S'
	: >"$times"
	for ((i = 0; i < RUNS; i++)); do
		{ time "$@" >/dev/null 2>&1 || true; } 2>>"$times"
	done
	awk -v n="$RUNS" '{ w += $1; c += $2 + $3 } END { printf "%.4f %.4f\n", w / n, c / n }' "$times"
	rm -f "$times"
}

row() { # label "gocap-wall gocap-cpu" "tcpdump-wall tcpdump-cpu"
	local gw gc tw tc
	read -r gw gc <<<"$2"
	read -r tw tc <<<"$3"
	printf '%-34s %9.3f %9.3f %7.2f %9.3f %9.3f %7.2f\n' "$1" "$gw" "$tw" "$(echo "$gw / $tw" | bc -l)" \
		"$gc" "$tc" "$(echo "$gc / $tc" | bc -l)"
}

header() {
	printf '%-34s %9s %9s %7s %9s %9s %7s\n' "$1" "gocap s" "tcpdump s" "ratio" "gocap cpu" "tcpd. cpu" "ratio"
}

header "filter to a file (-r BIG -w OUT)"
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

header "print (-nn -r BIG > /dev/null)"
g=$(mean_time "$GOCAP" -nn -r "$BIG")
t=$(mean_time tcpdump -nn -r "$BIG")
row "-nn" "$g" "$t"
rm -f "$OUT_G" "$OUT_T"

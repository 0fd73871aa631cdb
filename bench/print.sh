#!/usr/bin/env bash
# Printing benchmark: gocap against the local tcpdump, in the same run, on
# real traffic.
#
#   bash bench/print.sh [PACKETS]     (default 300000)
#
# It builds gocap (CGO_ENABLED=0) and bench/catcap, which writes one pcap of
# at least PACKETS packets from the Ethernet packets of the shared tcpdump
# captures (../shared/corpus/tcpdump-pcaps), repeated, a millisecond apart.
# Then, for each set of printing flags, it runs
#   gocap FLAGS -r CAP > /dev/null   and   tcpdump FLAGS -r CAP > /dev/null
# RUNS times each (default 5), taking turns, and prints the least CPU time
# (user + system, from /usr/bin/time: waiting for a CPU on a busy machine is
# not counted) and the largest maximum resident set size of each, with the
# ratios gocap/tcpdump (below 1: gocap uses less).
set -euo pipefail

cd "$(dirname "$0")/.."
PACKETS="${1:-300000}"
RUNS="${RUNS:-5}"
TMP="${TMPDIR:-/tmp}"
PCAPS="../shared/corpus/tcpdump-pcaps"
CAP="$TMP/gocap-printbench-$PACKETS.pcap"
GOCAP="$TMP/gocap-printbench-bin"
TIMEOUT="$TMP/gocap-printbench-time"

command -v tcpdump >/dev/null || { echo "tcpdump is not installed (apt-get install tcpdump)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is not installed (apt-get install time)" >&2; exit 1; }
[[ -d "$PCAPS" ]] || { echo "$PCAPS not found (../shared is absent)" >&2; exit 1; }

CGO_ENABLED=0 go build -o "$GOCAP" ./cmd/gocap
if [[ ! -s "$CAP" ]]; then
	go run ./bench/catcap -n "$PACKETS" -o "$CAP" "$PCAPS"/*.pcap "$PCAPS"/*.pcapng
fi
echo "capture: $CAP ($(du -h "$CAP" | cut -f1); the shared tcpdump captures' Ethernet packets, repeated)"
echo "tools:   $(tcpdump --version 2>&1 | head -1); gocap built from $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); least CPU of $RUNS runs each"
echo

# measure CMD...: prints "cpu-seconds max-rss-kB" of one run.
measure() {
	/usr/bin/time -o "$TIMEOUT" -f '%U %S %M' "$@" >/dev/null 2>&1 || true
	awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$TIMEOUT"
}

printf '| %-12s | %9s | %9s | %6s | %9s | %9s | %6s |\n' "flags" "gocap s" "tcpdump s" "ratio" "gocap MB" "tcpdump MB" "ratio"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "--------------" "-----------" "-----------" "--------" "-----------" "------------" "--------"
for flags in "-nn" "-nn -v" "-nn -vv" "-nn -e" "-nn -x" "-n -tttt"; do
	read -r -a args <<<"$flags"
	gc="" tc="" gm=0 tm=0
	for ((i = 0; i < RUNS; i++)); do
		read -r c m < <(measure "$GOCAP" "${args[@]}" -r "$CAP")
		if [[ -z "$gc" ]] || (($(echo "$c < $gc" | bc))); then gc=$c; fi
		((m > gm)) && gm=$m
		read -r c m < <(measure tcpdump "${args[@]}" -r "$CAP")
		if [[ -z "$tc" ]] || (($(echo "$c < $tc" | bc))); then tc=$c; fi
		((m > tm)) && tm=$m
	done
	printf '| %-12s | %9.3f | %9.3f | %6.2f | %9.1f | %10.1f | %6.2f |\n' "$flags" "$gc" "$tc" "$(echo "$gc / $tc" | bc -l)" \
		"$(echo "$gm / 1024" | bc -l)" "$(echo "$tm / 1024" | bc -l)" "$(echo "$gm / $tm" | bc -l)"
done

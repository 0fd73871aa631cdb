#!/usr/bin/env bash
# In-process filtering speed: gocap's engines against libpcap's interpreter,
# on the same packets and filters, in the same run.
#
#   bash bench/vm.sh [REPS [MIN_MS]]      (defaults 7 and 100)
#   bash bench/vm.sh --instructions       (instructions per packet, valgrind)
#
# It loads the Ethernet records of ../shared/corpus/tcpdump-pcaps/*.pcap and
# golden/testdata/pcap/en10mb.pcap with bench/vmbench, which writes them to
# one capture in $TMPDIR so that bench/libpcap/bench.c (built here with gcc
# against libpcap; apt-get install libpcap-dev) runs on exactly the same
# packets. For each filter of bench/vm-filters.txt both programs run whole
# passes over the packets for at least MIN_MS milliseconds of the thread's CPU
# time (time spent waiting for a CPU is not counted), REPS times, and keep the
# fastest repetition: the machine may be shared and noisy, and the best run is
# the one least disturbed. Each repetition runs one filter at a time in the
# Go engines and then in libpcap, so that both see the same load. The table
# gives ns/packet for each engine and its ratio to libpcap (below 1 means
# faster than libpcap), and the script fails if any engine accepts a
# different number of packets.
#
# With --instructions it counts instead, with valgrind --tool=cachegrind
# (apt-get install valgrind), the instructions each of libpcap, ebpf-socket,
# ebpf-xdp, cbpf and cbpf-pcap executes per packet: every filter runs a
# fixed number of passes twice (10 and 60) and the difference is divided
# by the 50 extra passes over the packets, which leaves out loading and
# compiling. Unlike the timings, these counts do not depend on the load of
# the machine.
set -euo pipefail

cd "$(dirname "$0")/.."
MODE=time
if [[ "${1:-}" == --instructions ]]; then
	MODE=instructions
	shift
	command -v valgrind >/dev/null || { echo "valgrind missing (apt-get install valgrind)" >&2; exit 1; }
fi
REPS="${1:-7}"
MIN_MS="${2:-100}"
TMP="${TMPDIR:-/tmp}"
SHARED="../shared/corpus/tcpdump-pcaps"
PCAP="$TMP/gocap-vmbench.pcap"
CBIN="$TMP/gocap-vmbench-libpcap"
GOBIN="$TMP/gocap-vmbench"

[[ -d "$SHARED" ]] || { echo "captures not found at $SHARED (../shared is absent)" >&2; exit 1; }
[[ -f /usr/include/pcap/pcap.h ]] || { echo "libpcap headers missing (apt-get install libpcap-dev)" >&2; exit 1; }

gcc -O2 -Wall -Wextra -o "$CBIN" bench/libpcap/bench.c -lpcap
# Functions aligned to 64 bytes: where the linker happens to place the VM's
# loops moves them by 0.3-0.6 ns a packet (docs/vm-bench.md), which would
# otherwise show as a change between two trees that did not change them.
CGO_ENABLED=0 go build -ldflags=-funcalign=64 -o "$GOBIN" ./bench/vmbench

if [[ "$MODE" == instructions ]]; then
	"$GOBIN" -filters bench/vm-filters.txt -engine none -passes 1 -dump "$PCAP" \
		"$SHARED"/*.pcap golden/testdata/pcap/en10mb.pcap >/dev/null
	# irefs PASSES FILTERFILE ENGINE: the instructions valgrind counts for the run.
	irefs() {
		local out="$TMP/gocap-vmbench.cg"
		if [[ "$3" == libpcap ]]; then
			valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$out" \
				"$CBIN" "$2" "$PCAP" 1 1 "$1" 2>&1 >/dev/null
		else
			valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$out" \
				"$GOBIN" -filters "$2" -engine "$3" -passes "$1" "$PCAP" 2>&1 >/dev/null
		fi | sed -n 's/.*I *refs: *//p' | tr -d ,
		rm -f "$out"
	}
	npkts=$("$CBIN" bench/vm-filters.txt "$PCAP" 1 1 1 | head -1 | cut -f4)
	echo "packets: $npkts; instructions per packet (valgrind --tool=cachegrind, 60 passes minus 10); ratio to libpcap"
	echo "tools:   $(gcc --version | head -1); libpcap $(dpkg-query -W -f='${Version}' libpcap0.8 2>/dev/null || echo '?'); $(go version | cut -d' ' -f3); gocap $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
	echo
	ENGINES=(ebpf-socket ebpf-xdp cbpf cbpf-pcap)
	printf '| %-40s | %-7s |' filter libpcap
	printf ' %-14s |' "${ENGINES[@]}"
	printf '\n|%s|%s|' ------------------------------------------ ---------
	for e in "${ENGINES[@]}"; do printf '%s|' ----------------; done
	echo
	ffile="$TMP/gocap-vmbench-filter.txt"
	declare -A sum lsum worst wf
	nf=0
	while IFS= read -r f; do
		f="${f#"${f%%[![:space:]]*}"}"
		[[ -z "$f" || "$f" == \#* ]] && continue
		printf '%s\n' "$f" >"$ffile"
		nf=$((nf + 1))
		row=$(printf '| %-40s |' "\`$f\`")
		for e in libpcap "${ENGINES[@]}"; do
			a=$(irefs 10 "$ffile" "$e")
			b=$(irefs 60 "$ffile" "$e")
			v=$(awk -v a="$a" -v b="$b" -v n="$npkts" 'BEGIN { printf "%.1f", (b - a) / 50 / n }')
			sum[$e]=$(awk -v s="${sum[$e]:-0}" -v v="$v" 'BEGIN { print s + v }')
			if [[ "$e" == libpcap ]]; then
				base=$v
				row+=$(printf ' %-7s |' "$v")
			else
				row+=$(printf ' %-14s |' "$(awk -v v="$v" -v b="$base" 'BEGIN { printf "%.1f (%.2f)", v, v / b }')")
				lsum[$e]=$(awk -v s="${lsum[$e]:-0}" -v v="$v" -v b="$base" 'BEGIN { print s + log(v / b) }')
				if awk -v v="$v" -v b="$base" -v w="${worst[$e]:-0}" 'BEGIN { exit !(v / b > w) }'; then
					worst[$e]=$(awk -v v="$v" -v b="$base" 'BEGIN { printf "%.2f", v / b }')
					wf[$e]=$f
				fi
			fi
		done
		echo "$row"
	done <bench/vm-filters.txt
	rm -f "$ffile"
	row=$(printf '| %-40s | %-7s |' "**mean**" "$(awk -v p="${sum[libpcap]}" -v n="$nf" 'BEGIN { printf "%.1f", p / n }')")
	geo=$(printf '| %-40s | %-7s |' "**geomean of ratios**" "")
	for e in "${ENGINES[@]}"; do
		row+=$(awk -v p="${sum[libpcap]}" -v s="${sum[$e]}" -v n="$nf" 'BEGIN { printf " %-14s |", sprintf("%.1f (%.2f)", s / n, s / p) }')
		geo+=$(awk -v s="${lsum[$e]}" -v n="$nf" 'BEGIN { printf " %-14s |", sprintf("(%.2f)", exp(s / n)) }')
	done
	echo "$row"
	echo "$geo"
	for e in "${ENGINES[@]}"; do
		echo "worst $e: ${worst[$e]} (\`${wf[$e]}\`)"
	done
	exit 0
fi

GO_OUT="$TMP/gocap-vmbench-go.tsv"
C_OUT="$TMP/gocap-vmbench-c.tsv"
FFILE="$TMP/gocap-vmbench-filter.txt"
"$GOBIN" -filters bench/vm-filters.txt -engine none -passes 1 -dump "$PCAP" \
	"$SHARED"/*.pcap golden/testdata/pcap/en10mb.pcap >/dev/null
: >"$GO_OUT"
: >"$C_OUT"
# Each repetition runs every filter in the Go engines and then in libpcap,
# one filter at a time, so that a change in the machine's load between the
# two halves weighs on both; the fastest repetition of each counts.
for ((rep = 0; rep < REPS; rep++)); do
	while IFS= read -r f; do
		f="${f#"${f%%[![:space:]]*}"}"
		[[ -z "$f" || "$f" == \#* ]] && continue
		printf '%s\n' "$f" >"$FFILE"
		"$GOBIN" -filters "$FFILE" -reps 1 -min "${MIN_MS}ms" "$PCAP" >>"$GO_OUT"
		"$CBIN" "$FFILE" "$PCAP" 1 "$MIN_MS" >>"$C_OUT"
	done <bench/vm-filters.txt
done
rm -f "$FFILE"

echo "packets: $(head -1 "$C_OUT" | cut -f5) (Ethernet records of $SHARED/*.pcap and golden/testdata/pcap/en10mb.pcap)"
echo "tools:   $(gcc --version | head -1); libpcap $(dpkg-query -W -f='${Version}' libpcap0.8 2>/dev/null || echo '?'); $(go version | cut -d' ' -f3); gocap $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "best of $REPS repetitions of >= ${MIN_MS} ms each; ns/packet (ratio to libpcap)"
echo
cat "$C_OUT" "$GO_OUT" | awk -F'\t' '
	{
		if (!(($2, $1) in ns) || $3 + 0 < ns[$2, $1] + 0) ns[$2, $1] = $3
		m[$2, $1] = $4
		if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }
	}
	END {
		ne = split("libpcap ebpf-socket ebpf-xdp ebpf-socket-1 ebpf-xdp-1 cbpf cbpf-pcap xnet", eng, " ")
		printf "| %-40s |", "filter"
		for (e = 1; e <= ne; e++) printf " %-15s |", eng[e]
		printf "\n|%s|", "------------------------------------------"
		for (e = 1; e <= ne; e++) printf "%s|", "-----------------"
		printf "\n"
		bad = 0
		for (i = 1; i <= n; i++) {
			f = order[i]; base = ns[f, "libpcap"]
			printf "| %-40s |", "`" f "`"
			for (e = 1; e <= ne; e++) {
				k = eng[e]
				if (e == 1) printf " %-15s |", sprintf("%.2f", ns[f, k])
				else printf " %-15s |", sprintf("%.2f (%.2f)", ns[f, k], ns[f, k] / base)
				# x/net/bpf has no wire length: its len is the captured
				# length, so it may disagree on len, less and greater.
				if (m[f, k] != m[f, "libpcap"]) {
					if (k == "xnet") { note = 1 } else { bad = 1; printf "MISMATCH %s %s: %s vs %s\n", f, k, m[f, k], m[f, "libpcap"] > "/dev/stderr" }
				}
				sum[k] += ns[f, k]
				if (e > 1) {
					r = ns[f, k] / base; lsum[k] += log(r)
					if (r > worst[k]) { worst[k] = r; wf[k] = f }
				}
			}
			printf "\n"
		}
		printf "| %-40s |", "**mean**"
		for (e = 1; e <= ne; e++) {
			k = eng[e]
			if (e == 1) printf " %-15s |", sprintf("%.2f", sum[k] / n)
			else printf " %-15s |", sprintf("%.2f (%.2f)", sum[k] / n, sum[k] / sum["libpcap"])
		}
		printf "\n"
		printf "| %-40s | %-15s |", "**geomean of ratios**", ""
		for (e = 2; e <= ne; e++) printf " %-15s |", sprintf("(%.2f)", exp(lsum[eng[e]] / n))
		printf "\n"
		for (e = 2; e <= ne; e++) printf "worst %s: %.2f (`%s`)\n", eng[e], worst[eng[e]], wf[eng[e]]
		if (note) printf "\nxnet accepts a different number of packets: x/net/bpf reads len as the captured length, not the wire length.\n"
		exit bad
	}'

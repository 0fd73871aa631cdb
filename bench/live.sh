#!/usr/bin/env bash
# Live capture speed: gocap against tcpdump on the same veth pair.
#
#   sudo bash bench/live.sh [RATES...]
#
# Two network namespaces joined by a veth pair; bench/livegen sends
# 128-byte UDP frames from one side at each rate (frames per second) for
# about DURATION seconds, and the capture tool on the other side writes
# them to a file with the filter "udp". For each tool and rate it reports
# what was captured and dropped, and the tool's CPU time (user+system,
# from /proc) per captured packet. "Highest rate without drops" is the
# highest rate at which every frame sent was captured. Needs root, ip
# and tcpdump; the machine's other load makes single runs noisy, so each
# rate runs ROUNDS times per tool, alternating the tools.
set -euo pipefail
cd "$(dirname "$0")/.."

RATES=("${@:-25000 50000 100000 200000 300000 400000 600000}")
read -r -a RATES <<<"${RATES[*]}"
DURATION="${DURATION:-2}"
ROUNDS="${ROUNDS:-2}"
SIZE="${SIZE:-128}"

if [[ $EUID -ne 0 ]]; then
	echo "bench/live.sh needs root (network namespaces, packet sockets)" >&2
	exit 1
fi
command -v tcpdump >/dev/null || { echo "tcpdump is not installed" >&2; exit 1; }

work="$(mktemp -d)"
ns="gocapbench$$"
cleanup() {
	ip netns del "${ns}s" 2>/dev/null || true
	ip netns del "${ns}c" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

CGO_ENABLED=0 go build -o "$work/gocap" ./cmd/gocap
CGO_ENABLED=0 go build -o "$work/livegen" ./bench/livegen

for n in "${ns}s" "${ns}c"; do
	ip netns add "$n"
	ip netns exec "$n" sh -c 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6'
done
ip link add name send0 netns "${ns}s" type veth peer name cap0 netns "${ns}c"
ip -n "${ns}s" link set send0 up
ip -n "${ns}c" link set cap0 up
sleep 0.5
chmod 755 "$work"

# cputicks PID: user+system clock ticks of a process.
cputicks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"

# run TOOL RATE: one capture, prints "captured dropped cpu_seconds sent".
run() {
	local tool="$1" rate="$2" count out err pid t0 t1
	count=$((rate * DURATION))
	out="$work/out.pcap"
	err="$work/err"
	rm -f "$out"
	if [[ $tool == gocap ]]; then
		ip netns exec "${ns}c" "$work/gocap" -i cap0 -w "$out" udp 2>"$err" &
	else
		ip netns exec "${ns}c" tcpdump -Z root -i cap0 -w "$out" udp 2>"$err" &
	fi
	pid=$!
	for _ in $(seq 100); do grep -q "listening on" "$err" && break; sleep 0.05; done
	t0="$(cputicks "$pid")"
	ip netns exec "${ns}s" "$work/livegen" -i send0 -n "$count" -rate "$rate" -size "$SIZE" >/dev/null
	sleep 1.2 # the ring's blocks are handed over after 1 s at most
	t1="$(cputicks "$pid")"
	kill -INT "$pid"
	wait "$pid" || true
	local captured dropped
	captured="$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$err")"
	dropped="$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$err")"
	echo "$captured $dropped $(awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN{printf "%.2f", (b-a)/hz}') $count"
}

printf '%-8s %9s %10s %10s %9s %9s %12s\n' tool rate sent captured dropped cpu_s ns/packet
declare -A best=([gocap]=0 [tcpdump]=0)
for rate in "${RATES[@]}"; do
	for round in $(seq "$ROUNDS"); do
		for tool in gocap tcpdump; do
			read -r captured dropped cpu sent < <(run "$tool" "$rate")
			per="$(awk -v c="$cpu" -v n="$captured" 'BEGIN{ if (n > 0) printf "%.0f", c*1e9/n; else print "-" }')"
			printf '%-8s %9s %10s %10s %9s %9s %12s\n' "$tool" "$rate" "$sent" "$captured" "$dropped" "$cpu" "$per"
			if [[ $captured == "$sent" && $dropped == 0 && $rate -gt ${best[$tool]} ]]; then
				best[$tool]=$rate
			fi
		done
	done
done
echo
echo "highest rate captured without a drop in some round: gocap ${best[gocap]}/s, tcpdump ${best[tcpdump]}/s"

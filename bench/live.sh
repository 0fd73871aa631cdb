#!/usr/bin/env bash
# Live capture speed: gocap against tcpdump on the same veth pair.
#
#   sudo bash bench/live.sh [RATES...]
#
# Two network namespaces joined by a veth pair; bench/livegen sends
# SIZE-byte UDP frames from one side, and the capture tool on the other
# side writes them to a file with the filter "udp" (default ring of 2 MiB,
# TPACKET_V3 for both: libpcap 1.10 without --immediate-mode, gocap always).
#
# A rate is frames per second for one paced sender, "max" for one sender
# as fast as it goes, or "max2" for two senders as fast as they go (on a
# 2-CPU machine the senders and the kernel work they cause then take both
# CPUs, and the capture tool must make do with what the scheduler leaves
# it). Each rate sends for about DURATION seconds (max and max2:
# MAXCOUNT frames per sender) and runs ROUNDS times per tool, the tools
# taking turns, so that both see the same machine.
#
# For every run it reports what the sender achieved, how many frames
# reached cap0 (its receive counter: on a loaded machine the backlog may
# lose some before any packet socket sees them), what the tool captured
# and dropped (its own summary lines), the tool's CPU time while
# the frames came (the sum over its threads of the kernel's on-CPU time,
# /proc/PID/task/*/schedstat, in nanoseconds) divided by the packets
# captured, its context switches, and how long it took to exit after
# SIGINT. At the end: per tool, the highest rate at which it captured
# every frame that reached cap0 in every round, the median CPU per
# packet, and the median and worst time to stop. Needs root, ip and
# tcpdump.
#
# BASELINE=REV adds a third tool, gocap-base: gocap built from git
# revision REV, to compare a change with what came before in one run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -gt 0 ]]; then
	RATES=("$@")
else
	RATES=(50000 100000 200000 300000 400000 max max2)
fi
DURATION="${DURATION:-2}"
ROUNDS="${ROUNDS:-3}"
SIZE="${SIZE:-128}"
MAXCOUNT="${MAXCOUNT:-1000000}"

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
TOOLS=(gocap tcpdump)
if [[ -n ${BASELINE:-} ]]; then
	mkdir "$work/base"
	git archive "$BASELINE" | tar -x -C "$work/base"
	(cd "$work/base" && CGO_ENABLED=0 go build -o "$work/gocap-base" ./cmd/gocap)
	TOOLS=(gocap-base gocap tcpdump)
fi

for n in "${ns}s" "${ns}c"; do
	ip netns add "$n"
	ip netns exec "$n" sh -c 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6'
done
ip link add name send0 netns "${ns}s" type veth peer name cap0 netns "${ns}c"
ip -n "${ns}s" link set send0 up
ip -n "${ns}c" link set cap0 up
sleep 0.5
chmod 755 "$work"

# cpuns PID: on-CPU nanoseconds of all of a process's threads.
cpuns() {
	local s=0 t a
	for t in /proc/"$1"/task/*/schedstat; do
		read -r a _ <"$t" 2>/dev/null || continue
		s=$((s + a))
	done
	echo "$s"
}

# ctxsw PID: voluntary and involuntary context switches of its threads.
ctxsw() {
	cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s += $2} END {print s + 0}'
}

# now: nanoseconds since the epoch.
now() { date +%s%N; }

# arrivals: frames cap0 has taken in so far. A frame the receive backlog
# had no room for (on a loaded machine) never reaches a packet socket;
# the veth does not count it.
arrivals() {
	ip -n "${ns}c" -s -j link show dev cap0 | sed 's/.*"rx":{"bytes":[0-9]*,"packets":\([0-9]*\).*/\1/'
}

# run TOOL RATE: one capture; prints
# "sent send_rate arrived captured dropped cpu_ns ctxsw stop_ms".
run() {
	local tool="$1" rate="$2" out="$work/out.pcap" err="$work/err" pid senders=1 count pace
	rm -f "$out"
	case $rate in
	max) count=$MAXCOUNT pace=0 ;;
	max2) count=$MAXCOUNT pace=0 senders=2 ;;
	*) count=$((rate * DURATION)) pace=$rate ;;
	esac
	if [[ $tool == gocap* ]]; then
		ip netns exec "${ns}c" "$work/$tool" -i cap0 -w "$out" udp 2>"$err" &
	else
		ip netns exec "${ns}c" tcpdump -Z root -i cap0 -w "$out" udp 2>"$err" &
	fi
	pid=$!
	for _ in $(seq 200); do grep -q "listening on" "$err" && break; sleep 0.05; done
	local c0 x0 c1 x1 t0 t1 i a0 a1
	a0="$(arrivals)"
	c0="$(cpuns "$pid")" x0="$(ctxsw "$pid")"
	t0="$(now)"
	for i in $(seq "$senders"); do
		ip netns exec "${ns}s" "$work/livegen" -i send0 -n "$count" -rate "$pace" -size "$SIZE" >"$work/sent$i" &
	done
	wait $(jobs -p | grep -v "^$pid\$")
	t1="$(now)"
	sleep 1.2 # the ring's blocks are handed over after 1 s at most
	c1="$(cpuns "$pid")" x1="$(ctxsw "$pid")"
	a1="$(arrivals)"
	local s0 s1
	s0="$(now)"
	kill -INT "$pid"
	wait "$pid" || true
	s1="$(now)"
	local captured dropped
	captured="$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$err")"
	dropped="$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$err")"
	echo "$((count * senders)) $(awk -v n="$((count * senders))" -v ns="$((t1 - t0))" 'BEGIN {printf "%.0f", n / (ns / 1e9)}') $((a1 - a0)) ${captured:-0} ${dropped:-0} $((c1 - c0)) $((x1 - x0)) $(((s1 - s0) / 1000000))"
}

printf '%-10s %7s %9s %9s %9s %9s %9s %10s %8s %8s\n' tool rate sent sent/s arrived captured dropped cpu-ns/pkt ctxsw stop-ms
results="$work/results"
: >"$results"
for rate in "${RATES[@]}"; do
	for round in $(seq "$ROUNDS"); do
		for tool in "${TOOLS[@]}"; do
			read -r sent sendrate arrived captured dropped cpu sw stop < <(run "$tool" "$rate")
			per="$(awk -v c="$cpu" -v n="$captured" 'BEGIN { if (n > 0) printf "%.0f", c / n; else print "-" }')"
			printf '%-10s %7s %9s %9s %9s %9s %9s %10s %8s %8s\n' "$tool" "$rate" "$sent" "$sendrate" "$arrived" "$captured" "$dropped" "$per" "$sw" "$stop"
			echo "$tool $rate $arrived $captured $dropped $per $stop" >>"$results"
		done
	done
done

echo
for tool in "${TOOLS[@]}"; do
	best="none"
	for rate in "${RATES[@]}"; do
		if awk -v t="$tool" -v r="$rate" '$1 == t && $2 == r && ($4 != $3 || $5 != 0) {bad = 1} END {exit bad}' "$results"; then
			best="$rate"
		fi
	done
	awk -v t="$tool" -v best="$best" '
		function median(a, n,   i, j, x) {
			for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
			return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		$1 == t {
			if ($6 != "-") cpu[++nc] = $6
			stop[++ns] = $7
			if ($7 > worst) worst = $7
		}
		END {
			printf "%-10s highest rate without a drop in every round: %s; median CPU per packet %.0f ns; stop after SIGINT: median %.0f ms, worst %d ms\n",
				t, best, median(cpu, nc), median(stop, ns), worst
		}' "$results"
done

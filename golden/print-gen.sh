#!/bin/sh
# print-gen.sh regenerates the printer's golden files from the LOCAL tcpdump:
# for every shared tcpdump capture (../shared/corpus/tcpdump-pcaps/*.pcap,
# *.pcapng and generated/*) and every project capture (testdata/pcap/*.pcap),
# and for each flag set below, it stores tcpdump's stdout in
#   golden/testdata/print/NAME__FLAGS.out
# where NAME is the capture's path under its root with '/' written as "__"
# (project captures get the prefix "gocap__") and FLAGS the flag set with
# spaces written as '_'. TZ=UTC throughout, so timestamps are UTC.
# cmd/gocap/internal/printer's TestGolden compares the printer with them.
# Run it from anywhere: sh golden/print-gen.sh [path/to/tcpdump]
set -eu
cd "$(dirname "$0")/.."
TCPDUMP=${1:-tcpdump}
SHARED=${GOCAP_SHARED:-../shared}/corpus/tcpdump-pcaps
command -v "$TCPDUMP" >/dev/null || { echo "print-gen.sh: $TCPDUMP not found (apt-get install tcpdump)" >&2; exit 1; }
[ -d "$SHARED" ] || { echo "print-gen.sh: $SHARED not found" >&2; exit 1; }
OUT=golden/testdata/print
mkdir -p "$OUT"
rm -f "$OUT"/*.out

run() { # run NAME FILE
	for flags in "-nn" "-nn -e" "-nn -v" "-nn -x" "-nn -tttt"; do
		f=$(echo "$flags" | tr ' ' '_')
		# tcpdump exits 1 on files it cannot finish (mixed link types); keep
		# what it printed.
		TZ=UTC "$TCPDUMP" $flags -r "$2" >"$OUT/$1__$f.out" 2>/dev/null || true
	done
}

for p in "$SHARED"/*.pcap "$SHARED"/*.pcapng "$SHARED"/generated/*.pcap "$SHARED"/generated/*.pcapng; do
	[ -f "$p" ] || continue
	rel=${p#"$SHARED"/}
	run "$(echo "$rel" | sed 's|/|__|g')" "$p"
done
for p in golden/testdata/pcap/*.pcap; do
	run "gocap__$(basename "$p")" "$p"
done

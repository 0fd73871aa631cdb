#!/bin/sh
# gen.sh regenerates gocap's golden files from the LOCAL tcpdump/libpcap:
#   testdata/pcap/*.pcap      captures built by golden/internal/mkpcap
#   testdata/verdicts/*.json  for each capture and each line of
#                             testdata/expressions.txt, the packets tcpdump
#                             keeps (or tcpdump's error if it rejects it)
# Run it from anywhere: sh golden/gen.sh [path/to/tcpdump]
# See docs/golden.md.
set -eu
cd "$(dirname "$0")/.."
TCPDUMP=${1:-tcpdump}
command -v "$TCPDUMP" >/dev/null || { echo "gen.sh: $TCPDUMP not found (apt-get install tcpdump)" >&2; exit 1; }
go run ./golden/internal/mkpcap -out golden/testdata/pcap
go run ./golden/internal/genverdicts -tcpdump "$TCPDUMP" \
	-exprs golden/testdata/expressions.txt \
	-pcaps golden/testdata/pcap \
	-out golden/testdata/verdicts

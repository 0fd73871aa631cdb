#!/bin/sh
# gen.sh regenerates gocap's golden files from the LOCAL tcpdump/libpcap:
#   testdata/pcap/*.pcap      captures built by golden/internal/mkpcap
#   testdata/verdicts/*.json  for each capture and each line of
#                             testdata/expressions.txt, the packets tcpdump
#                             keeps (or tcpdump's error if it rejects it)
#   testdata/keep/*.json      the same for the shared tcpdump captures in
#                             ../shared, as "tcpdump -r X -w Y EXPR" runs
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
# The packets "tcpdump -r X -w Y EXPR" keeps from the shared tcpdump
# captures (cmd/gocap's TestKeepsGoldenExpressions), when they are present.
SHARED=../shared/corpus/tcpdump-pcaps
if [ -d "$SHARED" ]; then
	go run ./golden/internal/genverdicts -tcpdump "$TCPDUMP" -match \
		-exprs golden/testdata/expressions.txt \
		-pcaps "$SHARED" \
		-out golden/testdata/keep
else
	echo "gen.sh: $SHARED is absent; golden/testdata/keep not regenerated" >&2
fi

#!/bin/sh
# gen-sizes.sh regenerates golden/testdata/opt_sizes_1103.tsv: the optimized
# sizes libpcap 1.10.3 (the local tcpdump -d) gives the corpus accept cases
# and the golden expressions, which TestOptimizeSize holds gocap to beside
# master's. Run it from anywhere: sh golden/gen-sizes.sh [path/to/tcpdump]
# See docs/golden.md.
set -eu
cd "$(dirname "$0")/.."
go run ./golden/internal/gensizes -tcpdump "${1:-tcpdump}" \
	-corpus ../shared/corpus/libpcap/filtertests.jsonl \
	-exprs golden/testdata/expressions.txt -out golden/testdata/opt_sizes_1103.tsv

#!/bin/sh
# gen-chains.sh regenerates golden/testdata/chains.tsv: the optimized sizes
# libpcap 1.10.3 (the local tcpdump) and libpcap master (filtertest) give
# the "or" chains of internal/chains, which TestOptimizeChains holds gocap
# to. It builds master's filtertest from ../shared/reference/libpcap-master
# unless GOCAP_FILTERTEST names one. It takes about ten minutes: libpcap's
# optimizer is slow on long chains. See docs/golden.md.
set -eu
cd "$(dirname "$0")/.."
. golden/master.sh
go run ./golden/internal/genchains -filtertest "$ft" -source "$master" \
	-out golden/testdata/chains.tsv

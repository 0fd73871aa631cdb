#!/bin/sh
# gen-master.sh regenerates golden/testdata/master_listings.json: libpcap
# master's unoptimized listings for golden/testdata/master_exprs.txt, which
# TestMasterListings compares gocap with. It builds master's filtertest from
# ../shared/reference/libpcap-master (needs cc, cmake, make, flex, bison)
# unless GOCAP_FILTERTEST names one. Run it from anywhere:
#   sh golden/gen-master.sh
# See docs/golden.md.
set -eu
cd "$(dirname "$0")/.."
. golden/master.sh
go run ./golden/internal/genmaster -filtertest "$ft" -source "$master" \
	-exprs golden/testdata/master_exprs.txt -out golden/testdata/master_listings.json

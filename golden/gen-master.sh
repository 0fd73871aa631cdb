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
ref=../shared/reference/libpcap-master
ft=${GOCAP_FILTERTEST:-}
if [ -z "$ft" ]; then
	prefix=$("$ref/build.sh" "${TMPDIR:-/tmp}/gocap-libpcap-master")
	ft=$prefix/bin/filtertest
fi
commit=$(gzip -dc "$ref/libpcap-master.tar.gz" | git get-tar-commit-id 2>/dev/null || true)
go run ./golden/internal/genmaster -filtertest "$ft" -source "libpcap master ${commit:-(unknown commit)}" \
	-exprs golden/testdata/master_exprs.txt -out golden/testdata/master_listings.json

# master.sh is sourced by the scripts that ask libpcap master: it sets ft
# to master's filtertest (GOCAP_FILTERTEST, or one built from
# ../shared/reference/libpcap-master, which needs cc, cmake, make, flex and
# bison) and master to what it was built from, for the files' headers.
# The sourcing script has already changed to the repository's root.
ref=../shared/reference/libpcap-master
ft=${GOCAP_FILTERTEST:-}
if [ -z "$ft" ]; then
	prefix=$("$ref/build.sh" "${TMPDIR:-/tmp}/gocap-libpcap-master")
	ft=$prefix/bin/filtertest
fi
commit=$(gzip -dc "$ref/libpcap-master.tar.gz" | git get-tar-commit-id 2>/dev/null || true)
master="libpcap master ${commit:-(unknown commit)}"

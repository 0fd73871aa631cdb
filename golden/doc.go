// Package golden holds gocap's conformance tests against libpcap.
//
// It has no API. Its tests are:
//
//   - TestCorpus (corpus_test.go) compiles every accept and reject case of
//     libpcap's own filter test corpus (../shared/corpus/libpcap) and
//     compares the unoptimized listing with the one libpcap master prints.
//   - TestVerdicts (verdict_test.go) runs compiled filters over captures in
//     testdata/pcap and compares which packets they keep with what the local
//     tcpdump kept, as recorded in testdata/verdicts by gen.sh.
//
// Cases that do not pass yet are listed in testdata/expected_failures.txt
// and testdata/verdict_failures.txt; a test fails when a listed case passes
// or an unlisted one fails. docs/golden.md explains how to regenerate the
// golden files and the lists.
package golden

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
//   - TestGrammarDiff (grammar_diff_test.go) compiles expressions generated
//     from the grammar (internal/exprgen) with gocap and with libpcap
//     master's filtertest, for several link types and options, and
//     compares the listings, and the verdicts on shared captures; it
//     skips when filtertest can be neither found nor built.
//   - TestMasterListings (master_test.go) compares listings with the ones
//     master's filtertest recorded in testdata/master_listings.json (see
//     gen-master.sh), for hosts without filtertest.
//   - TestApply (apply_test.go) runs libpcap's apply cases: filters over the
//     corpus savefiles must return libpcap's value for every packet, with
//     and without the optimizer; broken savefiles must fail to open.
//   - TestTranslate (translate_test.go) checks the name and address helpers
//     (cbpf/names.go) against libpcap's translation cases.
//   - TestOptimize* (opt_test.go) check that optimized and unoptimized
//     programs agree on every packet and that optimized programs are no
//     longer than libpcap's, and in total at most 95% of its instructions
//     (docs/optimizer.md).
//   - TestKernelVerifier and TestDifferential (diff_test.go) load every
//     translated program into the kernel verifier and compare the verdicts
//     of the classic interpreter, the eBPF VM and the kernel; they skip
//     when bpf() is not permitted.
//
// Cases that do not pass yet are listed in testdata/*_failures.txt (and
// opt_size_exceptions.txt); a test fails when a listed case passes
// or an unlisted one fails. docs/golden.md explains how to regenerate the
// golden files and the lists.
package golden

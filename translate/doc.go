// Package translate will turn classic BPF programs, as produced by package
// cbpf, into eBPF programs that the VM in package ebpf can run and that the
// Linux kernel accepts as socket filters.
//
// Nothing is implemented yet: the package exists so the project's layout is
// in place. The plan is one file per classic BPF instruction class, jumps
// resolved by label through github.com/cilium/ebpf/asm, and errors that name
// the classic BPF instruction (pc and text) they came from. Like its
// neighbours, it never imports packages to its right in the pipeline
// (ebpf/, the commands).
package translate

// Package ebpf will run the eBPF programs produced by package translate:
// in-process, in a pure-Go virtual machine with socket-filter semantics, and
// in the Linux kernel, attached to an AF_PACKET socket.
//
// Nothing is implemented yet: the package exists so the project's layout is
// in place. Loading and attaching will live in Linux-only files
// (attach_linux.go) with a portable stub that names runtime.GOOS, so that
// the module keeps building everywhere with CGO_ENABLED=0.
package ebpf

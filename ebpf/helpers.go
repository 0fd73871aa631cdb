package ebpf

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/cilium/ebpf/asm"
)

// HelperName returns the kernel's name for helper id, such as
// "bpf_xdp_get_buff_len" for 188, or "helper 999" for an id cilium/ebpf
// does not know. Errors about helpers name them this way.
func HelperName(id int32) string {
	s := asm.BuiltinFunc(id).String()
	name, ok := strings.CutPrefix(s, "Fn")
	if !ok || name == "" {
		return fmt.Sprintf("helper %d", id)
	}
	var b strings.Builder
	b.WriteString("bpf")
	for _, r := range name {
		if unicode.IsUpper(r) {
			b.WriteByte('_')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// helperLabel is how errors show helper id: its name and its number.
func helperLabel(id int32) string {
	return fmt.Sprintf("%s (#%d)", HelperName(id), id)
}

// Errors of the built-in helpers.
var (
	errHelperOutsideXDP = errors.New("bpf_xdp_get_buff_len called outside an XDP run")
	errNoHelper         = errors.New("no such built-in helper")
)

// builtinHelpers are the helpers the VM provides itself when the caller
// gives none with WithHelper for their id.
var builtinHelpers = map[int32]bool{
	int32(asm.FnXdpGetBuffLen): true,
}

// callBuiltin runs a built-in helper for the current run.
func (vm *VM) callBuiltin(id int32) (uint64, error) {
	switch asm.BuiltinFunc(id) {
	case asm.FnXdpGetBuffLen:
		if vm.ctx.kind != ctxXDP {
			return 0, errHelperOutsideXDP
		}
		if n := vm.ctx.xdp.FrameLen; n != 0 {
			return uint64(n), nil
		}
		return vm.ctx.pktLen, nil
	}
	return 0, errNoHelper
}

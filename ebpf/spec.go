package ebpf

import (
	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
)

// LoadOptions name a program for ProgramSpec and Load. The zero value
// loads an unnamed program under the default license.
type LoadOptions struct {
	// Name is the program's name in the kernel, as bpftool prog show
	// lists it: up to 15 characters of letters, digits, '_' and '.'.
	// cilium/ebpf drops any other character and cuts a longer name to 15
	// ("bad-name!" loads as "badname"), without an error. "" leaves the
	// program unnamed.
	Name string
	// License is the license the program declares; "" means
	// "Dual BSD/GPL", which allows every helper translated programs call.
	License string
}

// ProgramSpec returns a cilium/ebpf program spec of type typ (for a
// translated program, its target's translate.TargetInfo.ProgramType) for
// insns, named and licensed as opts say: what a cilium/ebpf user puts into
// a CollectionSpec or gives to ebpf.NewProgramWithOptions (for example to
// ask for the verifier log). It works on every platform; loading needs
// Linux.
func ProgramSpec(typ cebpf.ProgramType, insns asm.Instructions, opts LoadOptions) *cebpf.ProgramSpec {
	lic := opts.License
	if lic == "" {
		lic = DefaultELFLicense
	}
	return &cebpf.ProgramSpec{
		Name:         opts.Name,
		Type:         typ,
		Instructions: insns,
		License:      lic,
	}
}

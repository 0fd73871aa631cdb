// Package bpfctx is the one place for the layouts of the contexts Linux
// gives the eBPF programs gocap produces and runs: struct __sk_buff (socket
// filters and tc classifiers) and struct xdp_md (XDP), as
// include/uapi/linux/bpf.h declares them. translate emits loads at these
// offsets and the ebpf package's VM answers them; translate.Target names
// which layout each target's programs see.
package bpfctx

// Offsets in struct __sk_buff. Every field is 32 bits wide; data,
// data_end and data_meta are pointers the kernel rewrites loads of, and
// flow_keys and sk are 64-bit pointers.
const (
	SKBLen            = 0
	SKBPktType        = 4
	SKBMark           = 8
	SKBQueueMapping   = 12
	SKBProtocol       = 16
	SKBVLANPresent    = 20
	SKBVLANTCI        = 24
	SKBVLANProto      = 28
	SKBPriority       = 32
	SKBIngressIfindex = 36
	SKBIfindex        = 40
	SKBTCIndex        = 44
	SKBCB             = 48 // cb[5], to 67
	SKBHash           = 68
	SKBTCClassid      = 72
	SKBData           = 76
	SKBDataEnd        = 80
	SKBNapiID         = 84
	SKBDataMeta       = 140
	SKBFlowKeys       = 144
	SKBSK             = 168
	SKBSize           = 192 // the size of the structure
)

// Offsets in struct xdp_md. data, data_end and data_meta are pointers the
// kernel rewrites loads of. xdp_md has no length field: the frame's
// length comes from bpf_xdp_get_buff_len.
const (
	XDPData           = 0
	XDPDataEnd        = 4
	XDPDataMeta       = 8
	XDPIngressIfindex = 12
	XDPRxQueueIndex   = 16
	XDPEgressIfindex  = 20
	XDPSize           = 24 // the size of the structure
)

package cbpf

// Classic BPF opcode fields, as in the kernel's include/uapi/linux/bpf_common.h
// and filter.h. golang.org/x/net/bpf keeps its own unexported; these let the
// code generator and package translate take raw instructions apart.
const (
	ClassLD   = 0x00 // load into A
	ClassLDX  = 0x01 // load into X
	ClassST   = 0x02 // store A in scratch memory
	ClassSTX  = 0x03 // store X in scratch memory
	ClassALU  = 0x04 // arithmetic on A
	ClassJMP  = 0x05 // jumps
	ClassRET  = 0x06 // return
	ClassMISC = 0x07 // tax, txa

	SizeW = 0x00 // 32-bit load
	SizeH = 0x08 // 16-bit load
	SizeB = 0x10 // 8-bit load

	ModeIMM = 0x00 // immediate
	ModeABS = 0x20 // packet, absolute offset
	ModeIND = 0x40 // packet, offset X + k
	ModeMEM = 0x60 // scratch memory
	ModeLEN = 0x80 // packet length
	ModeMSH = 0xa0 // 4*([k]&0xf), ldx only

	SrcK = 0x00 // operand is k (for ret: return k)
	SrcX = 0x08 // operand is X
	SrcA = 0x10 // ret only: return A

	ALUAdd = 0x00
	ALUSub = 0x10
	ALUMul = 0x20
	ALUDiv = 0x30
	ALUOr  = 0x40
	ALUAnd = 0x50
	ALULsh = 0x60
	ALURsh = 0x70
	ALUNeg = 0x80
	ALUMod = 0x90
	ALUXor = 0xa0

	JumpJA   = 0x00
	JumpJEQ  = 0x10
	JumpJGT  = 0x20
	JumpJGE  = 0x30
	JumpJSET = 0x40

	MiscTAX = 0x00
	MiscTXA = 0x80
)

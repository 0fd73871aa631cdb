package ebpf

import (
	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"
)

// tcpPort80Classic is the classic program libpcap 1.10.3 compiles for
// `tcp port 80` on Ethernet (`tcpdump -d 'tcp port 80'`), the reference the
// hand-written eBPF programs below are checked against.
var tcpPort80Classic = []bpf.Instruction{
	/* 000 */ bpf.LoadAbsolute{Off: 12, Size: 2},
	/* 001 */ bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x86dd, SkipTrue: 0, SkipFalse: 6},
	/* 002 */ bpf.LoadAbsolute{Off: 20, Size: 1},
	/* 003 */ bpf.JumpIf{Cond: bpf.JumpEqual, Val: 6, SkipTrue: 0, SkipFalse: 15},
	/* 004 */ bpf.LoadAbsolute{Off: 54, Size: 2},
	/* 005 */ bpf.JumpIf{Cond: bpf.JumpEqual, Val: 80, SkipTrue: 12, SkipFalse: 0},
	/* 006 */ bpf.LoadAbsolute{Off: 56, Size: 2},
	/* 007 */ bpf.JumpIf{Cond: bpf.JumpEqual, Val: 80, SkipTrue: 10, SkipFalse: 11},
	/* 008 */ bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x800, SkipTrue: 0, SkipFalse: 10},
	/* 009 */ bpf.LoadAbsolute{Off: 23, Size: 1},
	/* 010 */ bpf.JumpIf{Cond: bpf.JumpEqual, Val: 6, SkipTrue: 0, SkipFalse: 8},
	/* 011 */ bpf.LoadAbsolute{Off: 20, Size: 2},
	/* 012 */ bpf.JumpIf{Cond: bpf.JumpBitsSet, Val: 0x1fff, SkipTrue: 6, SkipFalse: 0},
	/* 013 */ bpf.LoadMemShift{Off: 14},
	/* 014 */ bpf.LoadIndirect{Off: 14, Size: 2},
	/* 015 */ bpf.JumpIf{Cond: bpf.JumpEqual, Val: 80, SkipTrue: 2, SkipFalse: 0},
	/* 016 */ bpf.LoadIndirect{Off: 16, Size: 2},
	/* 017 */ bpf.JumpIf{Cond: bpf.JumpEqual, Val: 80, SkipTrue: 0, SkipFalse: 1},
	/* 018 */ bpf.RetConstant{Val: 262144},
	/* 019 */ bpf.RetConstant{Val: 0},
}

// tcpPort80Socket is `tcp port 80` written by hand as a socket filter, the
// way Linux converts classic programs: legacy LD_ABS/LD_IND loads from the
// context in r6, X kept in r7.
func tcpPort80Socket() asm.Instructions {
	return asm.Instructions{
		asm.Mov.Reg(asm.R6, asm.R1),
		asm.LoadAbs(12, asm.Half),
		asm.JNE.Imm(asm.R0, 0x86dd, "ipv4"),
		asm.LoadAbs(20, asm.Byte),
		asm.JNE.Imm(asm.R0, 6, "drop"),
		asm.LoadAbs(54, asm.Half),
		asm.JEq.Imm(asm.R0, 80, "accept"),
		asm.LoadAbs(56, asm.Half),
		asm.JEq.Imm(asm.R0, 80, "accept"),
		asm.Ja.Label("drop"),
		asm.JNE.Imm(asm.R0, 0x800, "drop").WithSymbol("ipv4"),
		asm.LoadAbs(23, asm.Byte),
		asm.JNE.Imm(asm.R0, 6, "drop"),
		asm.LoadAbs(20, asm.Half),
		asm.JSet.Imm(asm.R0, 0x1fff, "drop"),
		asm.LoadAbs(14, asm.Byte),
		asm.And.Imm32(asm.R0, 0xf),
		asm.LSh.Imm32(asm.R0, 2),
		asm.Mov.Reg32(asm.R7, asm.R0),
		asm.LoadInd(asm.R0, asm.R7, 14, asm.Half),
		asm.JEq.Imm(asm.R0, 80, "accept"),
		asm.LoadInd(asm.R0, asm.R7, 16, asm.Half),
		asm.JEq.Imm(asm.R0, 80, "accept"),
		asm.Mov.Imm32(asm.R0, 0).WithSymbol("drop"),
		asm.Return(),
		asm.Mov.Imm32(asm.R0, 262144).WithSymbol("accept"),
		asm.Return(),
	}
}

// tcpPort80Direct is `tcp port 80` written by hand with direct packet
// access (data/data_end), for XDP or TC. ctxData and ctxDataEnd are the
// offsets of the data and data_end fields in the program's context.
func tcpPort80Direct(ctxData, ctxDataEnd int16) asm.Instructions {
	return asm.Instructions{
		asm.LoadMem(asm.R2, asm.R1, ctxData, asm.Word),
		asm.LoadMem(asm.R3, asm.R1, ctxDataEnd, asm.Word),
		// Ethernet header.
		asm.Mov.Reg(asm.R4, asm.R2),
		asm.Add.Imm(asm.R4, 14),
		asm.JGT.Reg(asm.R4, asm.R3, "drop"),
		asm.LoadMem(asm.R0, asm.R2, 12, asm.Half),
		asm.HostTo(asm.BE, asm.R0, asm.Half),
		asm.JNE.Imm(asm.R0, 0x86dd, "ipv4"),
		// IPv6: next header at 20, ports at 54 and 56.
		asm.Mov.Reg(asm.R4, asm.R2),
		asm.Add.Imm(asm.R4, 21),
		asm.JGT.Reg(asm.R4, asm.R3, "drop"),
		asm.LoadMem(asm.R0, asm.R2, 20, asm.Byte),
		asm.JNE.Imm(asm.R0, 6, "drop"),
		asm.Mov.Reg(asm.R4, asm.R2),
		asm.Add.Imm(asm.R4, 56),
		asm.JGT.Reg(asm.R4, asm.R3, "drop"),
		asm.LoadMem(asm.R0, asm.R2, 54, asm.Half),
		asm.JEq.Imm(asm.R0, 0x5000, "accept"), // 80, big-endian
		asm.Mov.Reg(asm.R4, asm.R2),
		asm.Add.Imm(asm.R4, 58),
		asm.JGT.Reg(asm.R4, asm.R3, "drop"),
		asm.LoadMem(asm.R0, asm.R2, 56, asm.Half),
		asm.JEq.Imm(asm.R0, 0x5000, "accept"),
		asm.Ja.Label("drop"),
		// IPv4: protocol at 23, fragment offset at 20, header length at 14.
		asm.JNE.Imm(asm.R0, 0x800, "drop").WithSymbol("ipv4"),
		asm.Mov.Reg(asm.R4, asm.R2),
		asm.Add.Imm(asm.R4, 24),
		asm.JGT.Reg(asm.R4, asm.R3, "drop"),
		asm.LoadMem(asm.R0, asm.R2, 23, asm.Byte),
		asm.JNE.Imm(asm.R0, 6, "drop"),
		asm.LoadMem(asm.R0, asm.R2, 20, asm.Half),
		asm.JSet.Imm(asm.R0, 0xff1f, "drop"), // 0x1fff, big-endian
		asm.LoadMem(asm.R5, asm.R2, 14, asm.Byte),
		asm.And.Imm(asm.R5, 0xf),
		asm.LSh.Imm(asm.R5, 2),
		asm.Add.Reg(asm.R5, asm.R2),
		asm.Mov.Reg(asm.R4, asm.R5),
		asm.Add.Imm(asm.R4, 18),
		asm.JGT.Reg(asm.R4, asm.R3, "srconly"),
		asm.LoadMem(asm.R0, asm.R5, 14, asm.Half),
		asm.JEq.Imm(asm.R0, 0x5000, "accept"),
		asm.LoadMem(asm.R0, asm.R5, 16, asm.Half),
		asm.JEq.Imm(asm.R0, 0x5000, "accept"),
		asm.Ja.Label("drop"),
		// Only the source port fits: classic BPF tests it, then fails
		// the destination port's load, which drops.
		asm.Mov.Reg(asm.R4, asm.R5).WithSymbol("srconly"),
		asm.Add.Imm(asm.R4, 16),
		asm.JGT.Reg(asm.R4, asm.R3, "drop"),
		asm.LoadMem(asm.R0, asm.R5, 14, asm.Half),
		asm.JEq.Imm(asm.R0, 0x5000, "accept"),
		asm.Mov.Imm32(asm.R0, 0).WithSymbol("drop"),
		asm.Return(),
		asm.Mov.Imm32(asm.R0, 262144).WithSymbol("accept"),
		asm.Return(),
	}
}

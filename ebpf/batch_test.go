package ebpf

import (
	"bytes"
	"slices"
	"testing"

	"github.com/cilium/ebpf/asm"
)

// batchOutcome is what a batch run gives: the packets run, the error text,
// the verdicts and the packets' memory after it.
type batchOutcome struct {
	n        int
	err      string
	verdicts []uint32
	mem      [][]byte
}

// batchPackets returns the packets checkBatch runs for mem: mem itself, a
// truncation of it with a longer wire length, and the two again (a run must
// not see what the one before it left on the stack), each a copy.
func batchPackets(mem []byte) []Packet {
	var pkts []Packet
	for range 2 {
		pkts = append(pkts,
			Packet{Data: bytes.Clone(mem)},
			Packet{Data: bytes.Clone(mem[:len(mem)/2]), Len: uint32(len(mem)) + 3})
	}
	return pkts
}

// runBatchOneByOne runs pkts as RunSocketBatch (xdp false) or RunXDPBatch
// say they do: RunSocket or RunXDP on each packet in turn, with the
// packet's length in the context, up to the first error.
func runBatchOneByOne(vm *VM, pkts []Packet, xdp bool, skb *SKBuff, md *XDPMD) batchOutcome {
	var o batchOutcome
	for _, p := range pkts {
		var v uint32
		var err error
		if xdp {
			m := XDPMD{}
			if md != nil {
				m = *md
			}
			m.FrameLen = p.Len
			v, err = vm.RunXDP(p.Data, &m)
		} else {
			s := SKBuff{}
			if skb != nil {
				s = *skb
			}
			s.Len = p.Len
			if s.Len == 0 {
				s.Len = uint32(len(p.Data))
			}
			v, err = vm.RunSocket(p.Data, &s)
		}
		if err != nil {
			o.err = err.Error()
			break
		}
		o.verdicts = append(o.verdicts, v)
		o.n++
	}
	return o.withMem(pkts)
}

// runBatch runs pkts in one RunSocketBatch (xdp false) or RunXDPBatch.
func runBatch(vm *VM, pkts []Packet, xdp bool, skb *SKBuff, md *XDPMD) batchOutcome {
	out := make([]uint32, len(pkts))
	var o batchOutcome
	var err error
	poison(vm)
	if xdp {
		o.n, err = vm.RunXDPBatch(pkts, md, out)
	} else {
		o.n, err = vm.RunSocketBatch(pkts, skb, out)
	}
	if err != nil {
		o.err = err.Error()
	}
	o.verdicts = out[:o.n]
	return o.withMem(pkts)
}

func (o batchOutcome) withMem(pkts []Packet) batchOutcome {
	for _, p := range pkts {
		o.mem = append(o.mem, p.Data)
	}
	return o
}

func (o batchOutcome) equal(p batchOutcome) bool {
	return o.n == p.n && o.err == p.err && slices.Equal(o.verdicts, p.verdicts) &&
		slices.EqualFunc(o.mem, p.mem, bytes.Equal)
}

// checkBatch fails the test when vm's batch runs and exec's runs one
// packet at a time disagree on the packets of batchPackets(mem), in either
// context, with a given context and with nil.
func checkBatch(t *testing.T, name string, vm, slow *VM, mem []byte, skb *SKBuff, md *XDPMD) {
	t.Helper()
	for _, xdp := range []bool{false, true} {
		for i, ctx := range []struct {
			skb *SKBuff
			md  *XDPMD
		}{{skb, md}, {nil, nil}} {
			got := runBatch(vm, batchPackets(mem), xdp, ctx.skb, ctx.md)
			want := runBatchOneByOne(slow, batchPackets(mem), xdp, ctx.skb, ctx.md)
			if !got.equal(want) {
				t.Fatalf("%s (batch, XDP %v, context %d): batch gives %d %q %v, exec one by one %d %q %v",
					name, xdp, i, got.n, got.err, got.verdicts, want.n, want.err, want.verdicts)
			}
		}
	}
}

// TestBatchShortVerdicts checks that a batch with fewer verdicts than
// packets runs nothing.
func TestBatchShortVerdicts(t *testing.T) {
	vm, err := NewVM(asm.Instructions{asm.Mov.Imm(asm.R0, 1), asm.Return()})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]uint32, 1)
	pkts := []Packet{{Data: []byte{1}}, {Data: []byte{2}}}
	if n, err := vm.RunSocketBatch(pkts, nil, out); err == nil || n != 0 || out[0] != 0 {
		t.Errorf("RunSocketBatch with 1 verdict for 2 packets: %d, %v, verdict %d", n, err, out[0])
	}
	if n, err := vm.RunXDPBatch(pkts, nil, out); err == nil || n != 0 || out[0] != 0 {
		t.Errorf("RunXDPBatch with 1 verdict for 2 packets: %d, %v, verdict %d", n, err, out[0])
	}
}

package ebpf

import "fmt"

// Pointers are plain 64-bit values. Each memory region lives in its own
// 4 GiB window of a fake address space, so a pointer's upper 32 bits name
// the region and its lower 32 bits the offset. Address 0 (region 0) is
// never valid.
const (
	regionNull   = 0
	regionStack  = 1 // the stack frames; r10 starts at stackBase + StackSize*MaxCallDepth
	regionCtx    = 2 // the program context (__sk_buff or xdp_md)
	regionPacket = 3 // the packet, as data/data_end pointers see it
	regionMem    = 4 // the caller's memory passed to Run
	numRegions   = 5

	stackBase  = regionStack << 32
	ctxBase    = regionCtx << 32
	packetBase = regionPacket << 32
	memBase    = regionMem << 32
)

var regionNames = [numRegions]string{"null", "stack", "context", "packet", "memory"}

// access returns the n bytes at address a for reading, or nil when they are
// not all inside one plain region. The context region is never plain: its
// loads go through loadSlow.
func (vm *VM) access(a, n uint64) []byte {
	idx := a >> 32
	if idx >= numRegions {
		return nil
	}
	buf := vm.regions[idx]
	off := a & 0xffffffff
	if off+n > uint64(len(buf)) {
		return nil
	}
	return buf[off : off+n : off+n]
}

// accessW is access for writing: it also refuses read-only regions and
// records how much of the stack needs clearing before the next run.
func (vm *VM) accessW(a, n uint64) []byte {
	idx := a >> 32
	if idx >= numRegions || !vm.writable[idx] {
		return nil
	}
	buf := vm.regions[idx]
	off := a & 0xffffffff
	if off+n > uint64(len(buf)) {
		return nil
	}
	if idx == regionStack && off < vm.stackDirty {
		vm.stackDirty = off
	}
	return buf[off : off+n : off+n]
}

// loadSlow serves loads that access refused: context fields, or a fault.
func (vm *VM) loadSlow(a, n uint64) (uint64, error) {
	if a>>32 == regionCtx {
		if v, ok := vm.ctx.load(a&0xffffffff, n); ok {
			return v, nil
		}
	}
	return 0, memFault("load", a, n)
}

func memFault(what string, a, n uint64) error {
	idx := a >> 32
	region := "no region"
	if idx < numRegions {
		region = regionNames[idx] + " region"
	}
	return fmt.Errorf("%w: %d-byte %s at %#x (%s, offset %d)", ErrMemoryAccess, n, what, a, region, a&0xffffffff)
}

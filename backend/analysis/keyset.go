package analysis

// keySet is an open-addressing set of 64-bit duplicate keys with a fixed
// size, so finding the repeated lines of a file costs the same memory
// whatever the file's length: once full it stops and says so, and the
// database finds the rest (flagDuplicates with inFile set).
type keySet struct {
	slots    []uint64
	mask     uint64
	n, limit int
	full     bool
}

// keySetSlots is 2^21 slots (16 MiB), holding a million keys at half load.
const keySetSlots = 1 << 21

func newKeySet() *keySet { return newKeySetOf(keySetSlots) }

// newKeySetOf makes a set of slots slots (a power of two).
func newKeySetOf(slots int) *keySet {
	return &keySet{slots: make([]uint64, slots), mask: uint64(slots - 1), limit: slots / 2}
}

// seen adds k and reports whether it was there already. After the set is
// full it reports false for every new key, and full is set.
func (s *keySet) seen(k int64) bool {
	if s.full {
		return false
	}
	h := uint64(k)
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	for i := (h * 0x9E3779B97F4A7C15) & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			if s.n == s.limit {
				s.full = true
				return false
			}
			s.slots[i] = h
			s.n++
			return false
		}
	}
}

package analysis

import "testing"

// The set finds every repeat until it is full, then admits it is full
// instead of growing: the database finishes the job.
func TestKeySetFindsRepeatsWithinFixedMemory(t *testing.T) {
	s := newKeySetOf(16) // room for 8 keys
	for k := int64(0); k < 8; k++ {
		if s.seen(k * 7919) {
			t.Fatalf("key %d reported as seen on first sight", k)
		}
	}
	for k := int64(0); k < 8; k++ {
		if !s.seen(k * 7919) {
			t.Fatalf("repeat of key %d missed", k)
		}
	}
	if s.full {
		t.Fatal("full before the limit")
	}
	if s.seen(1 << 40) {
		t.Fatal("a new key past the limit reported as seen")
	}
	if !s.full {
		t.Fatal("the ninth key should fill the set")
	}
	if len(s.slots) != 16 {
		t.Fatalf("the set grew to %d slots", len(s.slots))
	}
}

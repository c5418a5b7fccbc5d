package web

import (
	"fmt"
	"testing"
	"time"
)

// A key's bucket holds Burst requests and refills at PerSecond; the wait
// it reports is until the next request fits.
func TestKeyedLimiterBurstAndWait(t *testing.T) {
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	k := newKeyedLimiter(Rate{PerSecond: 2, Burst: 3}, 10, time.Minute)
	k.now = func() time.Time { return now }
	for i := range 3 {
		if ok, _, _ := k.allow("a"); !ok {
			t.Fatalf("request %d of a burst of 3 refused", i+1)
		}
	}
	ok, wait, report := k.allow("a")
	if ok || wait <= 0 || wait > 500*time.Millisecond || !report {
		t.Fatalf("4th: ok %v, wait %v, report %v; want refused, at most 0.5 s, reported", ok, wait, report)
	}
	if _, _, report := k.allow("a"); report {
		t.Fatal("a second refusal within a minute was reported again")
	}
	if ok, _, _ := k.allow("b"); !ok {
		t.Fatal("another key shares a's bucket")
	}
	now = now.Add(500 * time.Millisecond)
	if ok, _, _ := k.allow("a"); !ok {
		t.Fatal("refused after the bucket refilled one request")
	}
}

// Memory is bounded: past MaxKeys the least recently used keys go, and
// keys idle longer than Idle go when anything is asked.
func TestKeyedLimiterForgetsIdleAndOldKeys(t *testing.T) {
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	k := newKeyedLimiter(Rate{PerSecond: 1, Burst: 1}, 100, time.Minute)
	k.now = func() time.Time { return now }
	for i := range 250 {
		k.allow(fmt.Sprint("ip", i))
	}
	if n := k.size(); n != 100 {
		t.Fatalf("%d keys kept, want at most 100", n)
	}
	// ip249 was used last and is kept: its bucket is still empty.
	if ok, _, _ := k.allow("ip249"); ok {
		t.Fatal("the most recent key was forgotten")
	}
	now = now.Add(2 * time.Minute)
	k.allow("fresh")
	if n := k.size(); n != 1 {
		t.Fatalf("%d keys kept after two idle minutes, want only the fresh one", n)
	}
}

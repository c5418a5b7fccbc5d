package soak_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/workload"
)

// The soak checks every analysed upload's lines read against the lines its
// file holds, so the files must hold what cdrSource says: the Asterisk
// reader (no database) yields exactly that many lines, readable or not,
// hostile lines included. It runs in make test; the soak itself does not.
func TestSoakFilesHoldTheLinesTheyClaim(t *testing.T) {
	wl, err := workload.New(workload.Config{Seed: 5, Customers: 80, Clis: 320, Rates: 150, Calls: 20_000, Format: "asterisk"})
	if err != nil {
		t.Fatal(err)
	}
	src, err := newCDRSource(wl, true)
	if err != nil {
		t.Fatal(err)
	}
	format, _ := cdr.ProviderFormat("ASTERISK")
	r := rand.New(rand.NewPCG(1, 2))
	hostile := 0
	for i := range 300 {
		b, lines := src.file(r, i)
		rd := cdr.NewReader(bytes.NewReader(b), format, nil)
		var n int64
		for rd.Next() {
			n++
		}
		if n != lines || rd.Err() != nil {
			t.Errorf("file %d: the reader yields %d lines (%v); cdrSource says %d", i, n, rd.Err(), lines)
		}
		if bytes.Contains(b, []byte(".soak")) {
			hostile++
		}
	}
	if hostile == 0 {
		t.Error("no file got a hostile line")
	}
}

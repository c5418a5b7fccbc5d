package mail

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func newOutbox(t *testing.T) *Outbox {
	t.Helper()
	o, err := NewOutbox(filepath.Join(t.TempDir(), "data", "outbox"))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

func TestOutboxWritesAnEMLAndReadsItBack(t *testing.T) {
	o := newOutbox(t)
	m := invoiceMessage(t, "delivery-42", "accounts@customer.example")
	if err := o.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	if names := dirNames(t, o.Dir); len(names) != 1 || names[0] != "delivery-42.eml" {
		t.Fatalf("outbox holds %v, want delivery-42.eml alone (no temporary file left)", names)
	}
	p, err := o.Read("delivery-42")
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "Invoice INV-1042 from Acme Telecom" || p.MessageID != "delivery-42@acme.example" || len(p.To) != 1 || p.To[0] != "accounts@customer.example" {
		t.Errorf("read back %+v", p.Envelope)
	}
	if len(p.Attachments) != 2 || !bytes.Equal(p.Attachments[0].Data, invoicePDF()) || !bytes.Equal(p.Attachments[1].Data, statementCSV()) {
		t.Errorf("attachments not byte-equal: %d read", len(p.Attachments))
	}
	raw, err := o.Raw("delivery-42")
	if err != nil || !bytes.Contains(raw, []byte("Message-ID: <delivery-42@acme.example>")) {
		t.Errorf("raw file: %v\n%.400s", err, raw)
	}
	for _, id := range []string{"delivery-43", "../delivery-42", "delivery-42.eml"} {
		if _, err := o.Read(id); !errors.Is(err, ErrNotInOutbox) {
			t.Errorf("Read(%q): %v, want ErrNotInOutbox", id, err)
		}
	}
}

// The same delivery written twice, even with other contents, stays the one
// message first written: a retry never shows up as a second email.
func TestOutboxKeepsOneFilePerID(t *testing.T) {
	o := newOutbox(t)
	first := invoiceMessage(t, "delivery-5", "a@customer.example")
	if written, err := o.Write(first); err != nil || !written {
		t.Fatalf("first write: %v %v", written, err)
	}
	again := invoiceMessage(t, "delivery-5", "a@customer.example")
	again.Subject = "changed"
	if written, err := o.Write(again); err != nil || written {
		t.Fatalf("second write: written %v, %v; want not written, no error", written, err)
	}
	if names := dirNames(t, o.Dir); len(names) != 1 {
		t.Fatalf("outbox holds %v", names)
	}
	p, err := o.Read("delivery-5")
	if err != nil || p.Subject != "Invoice INV-1042 from Acme Telecom" {
		t.Fatalf("%v, subject %q: the first message was replaced", err, p.Subject)
	}
}

// Writers racing on one ID: exactly one writes, the rest find it written.
// Many rounds, so the writers really overlap on two cores.
func TestOutboxConcurrentWritersOfOneIDWriteOnce(t *testing.T) {
	o := newOutbox(t)
	const writers, rounds = 8, 30
	for round := range rounds {
		id := fmt.Sprintf("delivery-race-%d", round)
		msgs := make([]*Message, writers)
		for i := range msgs {
			msgs[i] = invoiceMessage(t, id, "a@customer.example")
			msgs[i].Subject = fmt.Sprintf("writer %d", i)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		wrote := 0
		start := make(chan struct{})
		for _, m := range msgs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				written, err := o.Write(m)
				if err != nil {
					t.Error(err)
				}
				if written {
					mu.Lock()
					wrote++
					mu.Unlock()
				}
			}()
		}
		close(start)
		wg.Wait()
		if wrote != 1 {
			t.Fatalf("round %d: %d writers wrote, want exactly 1", round, wrote)
		}
	}
	if names := dirNames(t, o.Dir); len(names) != rounds {
		t.Fatalf("outbox holds %d files, want %d", len(names), rounds)
	}
}

// A reader never sees a message half written: every file it can list parses
// whole, with its attachment complete, while writers keep adding.
func TestOutboxReadersNeverSeeAPartialMessage(t *testing.T) {
	o := newOutbox(t)
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<14) // 256 KiB
	const n = 20
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range n {
			m := invoiceMessage(t, fmt.Sprintf("delivery-%d", i), "a@customer.example")
			m.Attachments = []Attachment{{Name: "big.bin", ContentType: "application/octet-stream", Data: big}}
			if _, err := o.Write(m); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	checked := 0
	for finished := false; !finished; {
		select {
		case <-done:
			finished = true
		default:
		}
		entries, err := o.List(0)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			p, err := o.Read(e.ID)
			if err != nil {
				t.Fatalf("%s: %v", e.ID, err)
			}
			if len(p.Attachments) != 1 || !bytes.Equal(p.Attachments[0].Data, big) {
				t.Fatalf("%s read before it was whole", e.ID)
			}
			checked++
		}
	}
	if entries, _ := o.List(0); len(entries) != n || checked == 0 {
		t.Fatalf("%d listed, %d reads checked", len(entries), checked)
	}
}

func TestOutboxListsNewestFirst(t *testing.T) {
	o := newOutbox(t)
	base := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	// Written in this order at these times; the names sort otherwise.
	for i, id := range []string{"delivery-b", "delivery-c", "delivery-a"} {
		m := invoiceMessage(t, id, fmt.Sprintf("c%d@customer.example", i))
		if _, err := o.Write(m); err != nil {
			t.Fatal(err)
		}
		at := base.Add(time.Duration(i) * time.Minute)
		if err := os.Chtimes(filepath.Join(o.Dir, id+".eml"), at, at); err != nil {
			t.Fatal(err)
		}
	}
	// A crashed write leaves a temporary file; it is not a message.
	if err := os.WriteFile(filepath.Join(o.Dir, tmpPrefix+"123"), []byte("From: half"), 0o600); err != nil {
		t.Fatal(err)
	}
	entries, err := o.List(0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.ID+" "+e.To[0])
	}
	want := []string{"delivery-a c2@customer.example", "delivery-c c1@customer.example", "delivery-b c0@customer.example"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("listed %v, want %v", got, want)
	}
	if entries[0].Subject != "Invoice INV-1042 from Acme Telecom" || !entries[0].Written.Equal(base.Add(2*time.Minute)) || entries[0].Size == 0 {
		t.Errorf("entry %+v", entries[0])
	}
	if top, err := o.List(2); err != nil || len(top) != 2 || top[0].ID != "delivery-a" {
		t.Errorf("List(2): %v %v", top, err)
	}
}

// What a crashed write left is cleared on the next start; a write that may
// still be going on in another process is left alone.
func TestNewOutboxClearsLeftoversOfCrashedWrites(t *testing.T) {
	o := newOutbox(t)
	stale, fresh := filepath.Join(o.Dir, tmpPrefix+"old"), filepath.Join(o.Dir, tmpPrefix+"new")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("From: half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleAfter)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := NewOutbox(o.Dir); err != nil {
		t.Fatal(err)
	}
	if names := dirNames(t, o.Dir); fmt.Sprint(names) != fmt.Sprint([]string{tmpPrefix + "new"}) {
		t.Fatalf("outbox holds %v, want only the fresh temporary file", names)
	}
}

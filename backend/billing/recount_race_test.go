package billing_test

import (
	"context"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/internal/testenv"
)

// A recount paused between its read and its write while another
// connection processes an upload of the same customer must not write back
// the total it read before the processing: that loses the upload's amount
// (a lost update). The recount holds the customer's row lock from before
// its read, so the processing waits for it and adds on top.
func TestRecountAndProcessingCannotInterleave(t *testing.T) {
	r := newReseller(t, testenv.MySQL)
	cu := r.customer(t, "RACE", "01134960001")
	const rounds = 8
	uploads := make([]int, rounds)
	for i := range uploads {
		uploads[i] = r.ready(t, r.cdr(50, "01134960001"))
	}

	readDone, release := make(chan struct{}), make(chan struct{})
	svc := &billing.Service{Client: r.env.App.DB.Client, RowLocks: true,
		AfterRecountRead: func(context.Context, int) { readDone <- struct{}{}; <-release }}
	for i, id := range uploads {
		r.askToProcess(t, id)
		recounted := make(chan error, 1)
		go func() { _, err := svc.RecomputeUnbilled(r.ctx, cu.ID); recounted <- err }()
		<-readDone
		processed := make(chan error, 1)
		go func() { processed <- r.env.App.Analysis.Process(r.ctx, id) }()
		// Let the recount write once the processing has either finished
		// (the interleaving that loses money) or is waiting for the lock.
		// On a loaded machine the lock wait may not show in
		// information_schema before processing gives up on it, so the
		// recount is let go after a few seconds whatever is seen: without
		// the lock, processing has long finished by then.
		waiting := false
		giveUp := time.After(5 * time.Second)
		for !waiting {
			select {
			case err := <-processed:
				processed <- err
				waiting = true
			case <-giveUp:
				t.Logf("round %d: no lock wait seen in 5 s; letting the recount write", i+1)
				waiting = true
			case <-time.After(5 * time.Millisecond):
				waiting = lockWaits(t, r.env.App.DB.DB) > 0
			}
		}
		close(release)
		if err := <-recounted; err != nil {
			t.Fatal(err)
		}
		if err := <-processed; err != nil {
			t.Fatal(err)
		}
		release = make(chan struct{})
		if t.Failed() {
			break
		}
		r.noDrift(t)
		if t.Failed() {
			t.Fatalf("round %d of %d: the recount and the processing interleaved", i+1, rounds)
		}
	}
}

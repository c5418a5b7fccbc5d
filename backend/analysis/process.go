package analysis

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/predicate"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// Process turns a ready upload's priced calls into unbilled calls of their
// customers: each customer's unbilled total rises by what the analysis
// counted for it. The upload's status and every total change in one
// transaction, guarded by the status, so a crash leaves either the whole
// upload applied or none of it, and a second run changes nothing.
func (s *Service) Process(ctx context.Context, uploadID int) error {
	start := time.Now()
	// Only the phase, and only while processing is what the upload waits
	// for: a re-delivered task finds it processed and changes nothing.
	n, err := s.Client.CdrUpload.Update().Where(cdrupload.ID(uploadID), cdrupload.StatusEQ(cdrupload.StatusProcessing)).
		SetPhase(string(PhaseProcessing)).SetPhaseStartedAt(start.UTC()).Save(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		if done, err := s.Client.CdrUpload.Query().Where(cdrupload.ID(uploadID), cdrupload.StatusEQ(cdrupload.StatusProcessed)).Exist(ctx); err != nil || done {
			return err // processed already: a second delivery changes nothing
		}
		return ErrStale // never asked for
	}
	s.publish(ctx, uploadID)
	totals, err := s.Client.UploadCustomerTotal.Query().Where(uploadcustomertotal.UploadID(uploadID), uploadcustomertotal.PriceUnitsNEQ(0)).
		Order(ent.Asc(uploadcustomertotal.FieldCustomerID)).All(ctx)
	if err != nil {
		return err
	}
	err = txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		err := s.move(ctx, uploadID, toProcessed, func(u *ent.CdrUploadUpdate) {
			u.SetPhase(string(PhaseProcessed)).SetProcessedAt(time.Now().UTC())
		})
		if err != nil {
			return err // lost: another run got there first
		}
		return s.calls().addUnbilled(ctx, ent.TxFromContext(ctx), totals)
	})
	if lost(err) {
		return nil
	}
	if err != nil {
		return err
	}
	s.Log.Info("upload processed", "upload", uploadID, "customers", len(totals), "took", time.Since(start).Round(time.Millisecond))
	s.publish(ctx, uploadID)
	return nil
}

// customersGone are customers an analysis priced calls to that have been
// deleted since.
type customersGone []int

// err is nil when no customer is gone.
func (g customersGone) err() error {
	if len(g) == 0 {
		return nil
	}
	return g
}

func (g customersGone) Error() string {
	return fmt.Sprintf("customers %v were deleted after the calls were priced to them: analyse the upload again to match the calls anew", []int(g))
}

// lockCustomers takes the row locks of customers (on MySQL; SQLite's
// IMMEDIATE transactions already run one at a time) for the rest of the
// transaction, and returns those that no longer exist. The locks come in
// id order, as processing's UPDATE takes them, so they cannot deadlock.
func lockCustomers(ctx context.Context, c *ent.Client, rowLocks bool, ids []int) (customersGone, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q := c.Customer.Query().Where(customer.IDIn(ids...)).Order(ent.Asc(customer.FieldID))
	if rowLocks {
		q = q.ForUpdate()
	}
	found, err := q.IDs(ctx)
	if err != nil {
		return nil, err
	}
	var gone customersGone
	for _, id := range ids {
		if !slices.Contains(found, id) {
			gone = append(gone, id)
		}
	}
	return gone, nil
}

// Work is what the database says is in hand: analyses to run (upload and
// run), processing to finish (upload and processing run), and failed
// analyses whose calls are still to be cleared.
type Work struct {
	Analyse, Process []Job
	Clear            []int
}

// Job is one upload's task as the queue names it.
type Job struct{ UploadID, Run int }

// Redrive lists the work no task may be left to finish: uploads not in a
// final state and failed analyses' unfinished clean-ups. With leased false
// it leaves out analyses a live lease shows in hand (the periodic re-drive);
// a worker that just started asks for them too, as their holder may be the
// worker that died, and the task waits for the lease to lapse. Every task
// is safe to run twice, so the re-drive may queue what is already queued.
func (s *Service) Redrive(ctx context.Context, leased bool) (Work, error) {
	free := []predicate.CdrUpload{cdrupload.LeaseUntilIsNil(), cdrupload.LeaseUntilLT(time.Now().UTC())}
	if leased {
		free = append(free, cdrupload.LeaseUntilNotNil())
	}
	ups, err := s.Client.CdrUpload.Query().Where(cdrupload.Or(
		cdrupload.And(cdrupload.StatusIn(cdrupload.StatusUploaded, cdrupload.StatusAnalysing), cdrupload.Or(free...)),
		cdrupload.StatusEQ(cdrupload.StatusProcessing),
		cdrupload.And(cdrupload.StatusEQ(cdrupload.StatusFailed), cdrupload.CallsToClear(true)),
	)).Select(cdrupload.FieldID, cdrupload.FieldStatus, cdrupload.FieldAnalysisRun, cdrupload.FieldProcessingRun).All(ctx)
	if err != nil {
		return Work{}, err
	}
	var w Work
	for _, u := range ups {
		switch u.Status {
		case cdrupload.StatusProcessing:
			w.Process = append(w.Process, Job{u.ID, u.ProcessingRun})
		case cdrupload.StatusFailed:
			w.Clear = append(w.Clear, u.ID)
		default:
			w.Analyse = append(w.Analyse, Job{u.ID, u.AnalysisRun})
		}
	}
	return w, nil
}

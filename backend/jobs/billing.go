package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/invoicing"
)

// TypeBillingRun is a billing run's task: it issues the run's invoices.
const TypeBillingRun = "billing:run"

// The queue satisfies the invoicing package's view of it.
var _ invoicing.Enqueuer = (*Queue)(nil)

// EnqueueBillingRun queues a run's task under taskID
// (billing-run:<schedule>:<period>, or billing-run:run-<id>), so asking
// twice for one run queues it once.
func (q *Queue) EnqueueBillingRun(ctx context.Context, runID int, taskID string) error {
	b, _ := json.Marshal(runPayload{RunID: runID})
	if err := q.enqueueOnce(ctx, asynq.NewTask(TypeBillingRun, b), QueueCritical, taskID, asynq.MaxRetry(25), asynq.Timeout(time.Hour)); err != nil {
		return fmt.Errorf("queue billing run %d: %w", runID, err)
	}
	return nil
}

func (h *Handlers) billingRun(ctx context.Context, t *asynq.Task) error {
	var p runPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: bad payload: %v", asynq.SkipRetry, err)
	}
	if p.RunID == 0 { // a schedule's due period, queued by DueRuns
		return ScheduledRun(h.Invoicing)(ctx, t)
	}
	err := h.Invoicing.Execute(viewer.System(ctx), p.RunID)
	if errors.Is(err, invoicing.ErrDone) {
		if err != invoicing.ErrDone {
			h.Log.Warn("billing run failed", "run", p.RunID, "err", err)
		}
		return nil
	}
	if err != nil && !errors.Is(err, invoicing.ErrBusy) {
		h.Log.Warn("billing run attempt failed; it is tried again", "run", p.RunID, "err", err)
	}
	return err // retried soon (RetryDelay)
}

// RedriveBilling queues again the billing runs no task may be left to
// finish (not started, or their worker's lease lapsed), and the documents
// of completed runs still missing some.
func RedriveBilling(ctx context.Context, s *invoicing.Service) error {
	if s == nil {
		return nil
	}
	ctx = viewer.System(ctx)
	runs, docs, err := s.Redrive(ctx)
	if err != nil {
		return err
	}
	for _, r := range runs {
		s.Requeue(ctx, r)
	}
	for _, r := range docs {
		s.RequeueDocuments(ctx, r)
	}
	return nil
}

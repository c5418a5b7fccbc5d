package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tollgate/tollgate/backend/auth/viewer"
)

// TypeBillingDocuments renders and stores the documents of a billing run's
// invoices; the run queues it once its money is committed.
const TypeBillingDocuments = "billing:documents"

type runPayload struct {
	RunID int `json:"run_id"`
}

// EnqueueDocuments queues the rendering of a billing run's documents under
// the task id billing-documents:<run>; asking again while it will still run
// queues nothing.
func (q *Queue) EnqueueDocuments(ctx context.Context, runID int) error {
	b, _ := json.Marshal(runPayload{RunID: runID})
	err := q.enqueueOnce(ctx, asynq.NewTask(TypeBillingDocuments, b), QueueDefault, fmt.Sprintf("billing-documents:%d", runID),
		asynq.MaxRetry(25), asynq.Timeout(2*time.Hour))
	if err != nil {
		return fmt.Errorf("queue the documents of billing run %d: %w", runID, err)
	}
	return nil
}

func (h *Handlers) billingDocuments(ctx context.Context, t *asynq.Task) error {
	var p runPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: bad payload: %v", asynq.SkipRetry, err)
	}
	return h.Documents.RenderRun(viewer.System(ctx), p.RunID)
}

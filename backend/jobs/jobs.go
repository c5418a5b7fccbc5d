// Package jobs holds Tollgate's background task types and their handlers.
// Handlers are thin: decode the payload, act as the system viewer, call one
// domain function (which announces what changed). Every task is idempotent,
// because the queue delivers at least once.
package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/ent"
)

// Task types.
const (
	TypeRecomputeUnbilled = "customer:recompute-unbilled"
)

// The queues workers take tasks from, and how much of a worker's attention
// each gets (Weights): processing an upload is what a clerk waits for.
const (
	QueueCritical = "critical"
	QueueDefault  = "default"
	QueueLow      = "low"
)

// Weights are the relative priorities of the queues.
var Weights = map[string]int{QueueCritical: 6, QueueDefault: 3, QueueLow: 1}

// Queue enqueues tasks; it is the Enqueuer of the domain services. The
// inspector tells whether a task already under an id will still run.
type Queue struct {
	client    *asynq.Client
	inspector *asynq.Inspector
}

var _ billing.Enqueuer = (*Queue)(nil)

// NewQueue returns a queue on the given Redis.
func NewQueue(r asynq.RedisConnOpt) *Queue {
	return &Queue{client: asynq.NewClient(r), inspector: asynq.NewInspector(r)}
}

// Close closes the queue's connections.
func (q *Queue) Close() error { return errors.Join(q.client.Close(), q.inspector.Close()) }

type customerPayload struct {
	CustomerID int `json:"customer_id"`
}

// EnqueueRecompute queues a recount of a customer's unbilled total.
func (q *Queue) EnqueueRecompute(ctx context.Context, customerID int) (billing.Job, error) {
	b, _ := json.Marshal(customerPayload{CustomerID: customerID})
	info, err := q.client.EnqueueContext(ctx, asynq.NewTask(TypeRecomputeUnbilled, b),
		asynq.Queue(QueueDefault), asynq.MaxRetry(5), asynq.Timeout(5*time.Minute), asynq.Retention(time.Hour))
	if err != nil {
		return billing.Job{}, fmt.Errorf("queue the recount: %w", err)
	}
	return billing.Job{ID: info.ID, Kind: TypeRecomputeUnbilled}, nil
}

// Handlers runs tasks against the database.
type Handlers struct {
	Analysis *analysis.Service
	Billing  *billing.Service
	Log      *slog.Logger
}

// Register adds every handler to mux.
func (h *Handlers) Register(mux *asynq.ServeMux) {
	mux.HandleFunc(TypeRecomputeUnbilled, h.recomputeUnbilled)
	mux.HandleFunc(TypeAnalyseUpload, h.analyseUpload)
	mux.HandleFunc(TypeProcessUpload, h.processUpload)
}

func (h *Handlers) recomputeUnbilled(ctx context.Context, t *asynq.Task) error {
	var p customerPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: bad payload: %v", asynq.SkipRetry, err)
	}
	ctx = viewer.System(ctx)
	total, err := h.Billing.RecomputeUnbilled(ctx, p.CustomerID)
	if ent.IsNotFound(err) {
		return fmt.Errorf("%w: customer %d no longer exists", asynq.SkipRetry, p.CustomerID)
	}
	if err != nil {
		return err
	}
	h.Log.Info("unbilled total recomputed", "customer", p.CustomerID, "total", total.String())
	return nil
}

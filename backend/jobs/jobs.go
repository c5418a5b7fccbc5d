// Package jobs holds Tollgate's background task types and their handlers.
// Handlers are thin: decode the payload, act as the system viewer, call one
// domain function, publish an event. Every task is idempotent, because the
// queue delivers at least once.
package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/ent"
)

// Task types.
const (
	TypeRecomputeUnbilled = "customer:recompute-unbilled"
)

// CustomerTopic is the event topic of one customer's changes.
func CustomerTopic(id int) string { return "customer:" + strconv.Itoa(id) }

// Queue enqueues tasks.
type Queue struct{ client *asynq.Client }

// NewQueue returns a queue on the given Redis.
func NewQueue(r asynq.RedisConnOpt) *Queue { return &Queue{client: asynq.NewClient(r)} }

// Close closes the queue's connection.
func (q *Queue) Close() error { return q.client.Close() }

type customerPayload struct {
	CustomerID int `json:"customer_id"`
}

// RecomputeUnbilled queues a recount of a customer's unbilled total and
// returns the task id.
func (q *Queue) RecomputeUnbilled(ctx context.Context, customerID int) (string, error) {
	b, _ := json.Marshal(customerPayload{CustomerID: customerID})
	info, err := q.client.EnqueueContext(ctx, asynq.NewTask(TypeRecomputeUnbilled, b),
		asynq.MaxRetry(5), asynq.Timeout(5*time.Minute), asynq.Retention(time.Hour))
	if err != nil {
		return "", fmt.Errorf("queue the recount: %w", err)
	}
	return info.ID, nil
}

// Handlers runs tasks against the database.
type Handlers struct {
	Client   *ent.Client
	Analysis *analysis.Service
	Events   *platform.Events
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
	total, err := billing.RecomputeUnbilled(ctx, h.Client, p.CustomerID)
	if ent.IsNotFound(err) {
		return fmt.Errorf("%w: customer %d no longer exists", asynq.SkipRetry, p.CustomerID)
	}
	if err != nil {
		return err
	}
	h.Log.Info("unbilled total recomputed", "customer", p.CustomerID, "total", total.String())
	if err := h.Events.Publish(ctx, CustomerTopic(p.CustomerID), []byte(`{"changed":"unbilledTotal"}`)); err != nil {
		h.Log.Warn("publish customer change", "customer", p.CustomerID, "err", err)
	}
	return nil
}

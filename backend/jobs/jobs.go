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
	"strconv"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/delivery"
	"github.com/tollgate/tollgate/backend/documents"
	"github.com/tollgate/tollgate/backend/invoicing"
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
	rdb       redis.UniversalClient // shared by both, and holds the recount generations
}

var _ billing.Enqueuer = (*Queue)(nil)

// NewQueue returns a queue on the given Redis.
func NewQueue(r asynq.RedisConnOpt) *Queue {
	rdb := r.MakeRedisClient().(redis.UniversalClient)
	return &Queue{client: asynq.NewClientFromRedisClient(rdb), inspector: asynq.NewInspectorFromRedisClient(rdb), rdb: rdb}
}

// Close closes the queue's connection.
func (q *Queue) Close() error { return q.rdb.Close() }

type customerPayload struct {
	CustomerID int   `json:"customer_id"`
	Generation int64 `json:"generation,omitempty"`
}

// A customer's recounts are numbered by a generation kept in Redis, and a
// recount's task id carries its number. A request joins the recount of the
// current generation — queued, or started but not yet reading — and a
// recount moves the generation on as it starts, before it reads, so a
// request arriving after that start queues a recount of its own, to read
// after it. A loop of requests thus queues one task per customer at a time.
func recountGenerationKey(customerID int) string {
	return "tollgate:recount-generation:" + strconv.Itoa(customerID)
}

// startRecount moves the customer's generation on from gen, once: a retry
// of the same task finds it moved already.
var startRecount = redis.NewScript(`
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if v == tonumber(ARGV[1]) then redis.call('SET', KEYS[1], v + 1) end
return v`)

// EnqueueRecompute queues a recount of a customer's unbilled total, or
// joins the one already queued that has not begun to read.
func (q *Queue) EnqueueRecompute(ctx context.Context, customerID int) (billing.Job, error) {
	key := recountGenerationKey(customerID)
	for range 10 {
		gen, err := q.generation(ctx, key)
		if err != nil {
			return billing.Job{}, err
		}
		id := fmt.Sprintf("recompute-%d-%d", customerID, gen)
		b, _ := json.Marshal(customerPayload{CustomerID: customerID, Generation: gen})
		_, err = q.client.EnqueueContext(ctx, asynq.NewTask(TypeRecomputeUnbilled, b),
			asynq.TaskID(id), asynq.Queue(QueueLow), asynq.MaxRetry(5), asynq.Timeout(5*time.Minute))
		if err == nil {
			return billing.Job{ID: id, Kind: TypeRecomputeUnbilled}, nil
		}
		if !errors.Is(err, asynq.ErrTaskIDConflict) {
			return billing.Job{}, fmt.Errorf("queue the recount: %w", err)
		}
		// That generation's task exists. While the generation has not
		// moved on, it has not begun to read: this request is that one —
		// unless it gave up before starting, which only a dead queue does.
		now, err := q.generation(ctx, key)
		if err != nil {
			return billing.Job{}, err
		}
		if now != gen {
			continue
		}
		info, err := q.inspector.GetTaskInfo(QueueLow, id)
		if err == nil && (info.State == asynq.TaskStateArchived || info.State == asynq.TaskStateCompleted) {
			_ = q.inspector.DeleteTask(QueueLow, id)
			continue
		}
		return billing.Job{ID: id, Kind: TypeRecomputeUnbilled}, nil
	}
	return billing.Job{}, fmt.Errorf("queue the recount of customer %d: its task kept changing under the request", customerID)
}

func (q *Queue) generation(ctx context.Context, key string) (int64, error) {
	gen, err := q.rdb.Get(ctx, key).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("queue the recount: %w", err)
	}
	return gen, nil
}

// Handlers runs tasks against the database.
type Handlers struct {
	Analysis *analysis.Service
	Billing  *billing.Service
	// Documents renders invoice PDFs and statements.
	Documents *documents.Service
	// Invoicing executes billing runs.
	Invoicing *invoicing.Service
	// Delivery sends invoice emails.
	Delivery *delivery.Service
	Queue    *Queue // the recount generations
	Log      *slog.Logger
}

// Register adds every handler to mux.
func (h *Handlers) Register(mux *asynq.ServeMux) {
	mux.HandleFunc(TypeRecomputeUnbilled, h.recomputeUnbilled)
	mux.HandleFunc(TypeAnalyseUpload, h.analyseUpload)
	mux.HandleFunc(TypeProcessUpload, h.processUpload)
	mux.HandleFunc(TypeBillingDocuments, h.billingDocuments)
	if h.Invoicing != nil {
		mux.HandleFunc(TypeBillingRun, h.billingRun)
	}
	mux.HandleFunc(TypeSendDelivery, h.sendDelivery)
}

func (h *Handlers) recomputeUnbilled(ctx context.Context, t *asynq.Task) error {
	var p customerPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: bad payload: %v", asynq.SkipRetry, err)
	}
	// Before the recount reads: a request from now on needs a recount
	// after this one.
	if err := startRecount.Run(ctx, h.Queue.rdb, []string{recountGenerationKey(p.CustomerID)}, p.Generation).Err(); err != nil {
		return fmt.Errorf("start the recount of customer %d: %w", p.CustomerID, err)
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

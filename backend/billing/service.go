// Package billing turns processed calls and pending charges into invoices.
// Today it keeps each customer's unbilled total and the totals of any
// selection of calls.
package billing

import (
	"context"
	"strconv"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/ent"
)

// Enqueuer queues billing's background work; backend/jobs implements it.
type Enqueuer interface {
	// EnqueueRecompute queues a recount of a customer's unbilled total.
	EnqueueRecompute(ctx context.Context, customerID int) (Job, error)
}

// Job is a queued piece of background work.
type Job struct {
	ID   string // the queue's task id
	Kind string // the task type, e.g. "customer:recompute-unbilled"
}

// Service keeps the billing figures of customers.
type Service struct {
	Client *ent.Client
	Queue  Enqueuer         // nil where nothing is queued (the CLI)
	Events events.Publisher // nil where nobody listens
	// PricePlaces is the decimal places of a product's price and a charge's
	// unit price: the deployment's invoice_decimals.
	PricePlaces int32
	// Zone is the deployment's time zone, which schedules' periods are
	// dates in; nil reads UTC.
	Zone *time.Location
	// RowLocks locks the customer row (SELECT ... FOR UPDATE) before a
	// recount reads. MySQL needs it; SQLite has no row locks and needs
	// none: its transactions begin IMMEDIATE, so they run one at a time.
	RowLocks bool
	// AfterRecountRead, when set, is called between a recount's read and
	// its write. Tests pause there to race a recount against processing.
	AfterRecountRead func(ctx context.Context, customerID int)
}

// CustomerEvent says a customer's billing figures changed; watchers read
// the customer again.
type CustomerEvent struct {
	CustomerID int    `json:"customer"`
	Changed    string `json:"changed"` // the field that changed, e.g. "unbilledTotal"
}

// CustomerTopic is the event topic of one customer's changes.
func CustomerTopic(id int) string { return "customer:" + strconv.Itoa(id) }

// Topic is the topic e is published on.
func (e CustomerEvent) Topic() string { return CustomerTopic(e.CustomerID) }

// RequestRecompute queues a recount of a customer's unbilled total;
// RecomputeUnbilled does the recount.
func (s *Service) RequestRecompute(ctx context.Context, customerID int) (Job, error) {
	// Reading the customer first checks it exists and that the viewer may see it.
	if _, err := s.Client.Customer.Get(ctx, customerID); err != nil {
		return Job{}, apperr.NotFoundAs(err, "customer", customerID)
	}
	if v, ok := viewer.FromContext(ctx); !ok || !v.CanWrite() {
		return Job{}, apperr.New(apperr.Forbidden, "an admin or billing role is needed to queue work")
	}
	if s.Queue == nil {
		return Job{}, apperr.New(apperr.Internal, "no queue to run the recount on")
	}
	return s.Queue.EnqueueRecompute(ctx, customerID)
}

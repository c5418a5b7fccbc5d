package billing_test

import (
	"context"
	"testing"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
)

type fakeQueue struct{ queued []int }

func (q *fakeQueue) EnqueueRecompute(_ context.Context, customerID int) (billing.Job, error) {
	q.queued = append(q.queued, customerID)
	return billing.Job{ID: "task-1", Kind: "recount"}, nil
}

type fakeBus struct{ topics []string }

func (b *fakeBus) Publish(_ context.Context, topic string, _ []byte) error {
	b.topics = append(b.topics, topic)
	return nil
}

// Queuing a recount checks the customer and the viewer before it queues;
// the recount itself stores the total and tells the customer's watchers.
func TestRecomputeIsQueuedOnlyForAWriterAndAnnounced(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	sys := viewer.System(context.Background())
	cu, err := env.App.Customers.Create(sys, ent.CreateCustomerInput{Reference: "R1", Name: "Recount Ltd"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	q, bus := &fakeQueue{}, &fakeBus{}
	svc := &billing.Service{Client: env.App.DB.Client, Queue: q, Events: bus}

	readOnly := viewer.NewContext(context.Background(), viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.RoleReadOnly, Name: "auditor"})
	if _, err := svc.RequestRecompute(readOnly, cu.ID); apperr.CodeOf(err) != apperr.Forbidden {
		t.Errorf("read-only viewer: %v; want FORBIDDEN", err)
	}
	if _, err := svc.RequestRecompute(sys, cu.ID+1000); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("unknown customer: %v; want NOT_FOUND", err)
	}
	if len(q.queued) != 0 {
		t.Fatalf("queued %v after refusals; want nothing", q.queued)
	}
	job, err := svc.RequestRecompute(sys, cu.ID)
	if err != nil || job.ID != "task-1" || len(q.queued) != 1 || q.queued[0] != cu.ID {
		t.Fatalf("job %+v, err %v, queued %v; want customer %d queued once", job, err, q.queued, cu.ID)
	}

	total, err := svc.RecomputeUnbilled(sys, cu.ID)
	if err != nil || !total.IsZero() {
		t.Fatalf("total %s, err %v; want 0 for a customer without calls", total, err)
	}
	if want := billing.CustomerTopic(cu.ID); len(bus.topics) != 1 || bus.topics[0] != want {
		t.Errorf("published on %v; want once on %s", bus.topics, want)
	}
}

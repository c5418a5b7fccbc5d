package jobs_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/jobs"
	"github.com/tollgate/tollgate/ent"
)

// recountEnv is a Tollgate on MariaDB and Redis with one customer, the
// queue's inspector, and a count of the recounts its worker has run.
type recountEnv struct {
	env       *testenv.Env
	ctx       context.Context
	customer  int
	inspector *asynq.Inspector
	recounts  atomic.Int64
}

func newRecountEnv(t *testing.T, hook func(n int64)) *recountEnv {
	t.Helper()
	e := &recountEnv{env: testenv.StartMode(t, testenv.MySQL), ctx: viewer.System(context.Background())}
	// The worker's billing service is this one: the hook sees its recounts.
	e.env.App.Billing.AfterRecountRead = func(context.Context, int) { hook(e.recounts.Add(1)) }
	cu, err := e.env.App.Customers.Create(e.ctx, ent.CreateCustomerInput{Reference: "RECOUNT", Name: "Recount Ltd"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.customer = cu.ID
	opt, err := asynq.ParseRedisURI(e.env.Config.RedisURL)
	if err != nil {
		t.Fatal(err)
	}
	e.inspector = asynq.NewInspector(opt)
	t.Cleanup(func() { e.inspector.Close() })
	return e
}

// queued is how many tasks of the queues are waiting or running.
func (e *recountEnv) queued(queues ...string) int {
	n := 0
	for _, name := range queues {
		if q, err := e.inspector.GetQueueInfo(name); err == nil { // else nothing was ever put on it
			n += q.Pending + q.Active + q.Scheduled + q.Retry
		}
	}
	return n
}

var allQueues = []string{jobs.QueueCritical, jobs.QueueDefault, jobs.QueueLow}

// drained waits until the worker has run every task.
func (e *recountEnv) drained(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for e.queued(allQueues...) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the queues still hold %d tasks after a minute", e.queued(allQueues...))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (e *recountEnv) request(t *testing.T) {
	t.Helper()
	if _, err := e.env.App.Billing.RequestRecompute(e.ctx, e.customer); err != nil {
		t.Fatal(err)
	}
}

// Requests for a recount while one waits to run are that same recount:
// thousands of them queue one task, and an analysis queued behind them is
// not kept waiting.
func TestRecountRequestsCollapseIntoOneTask(t *testing.T) {
	e := newRecountEnv(t, func(int64) {})
	if err := e.inspector.PauseQueue(jobs.QueueLow); err != nil {
		t.Fatal(err)
	}
	const requests = 3000
	for range requests {
		e.request(t)
	}
	if n := e.queued(allQueues...); n != 1 {
		t.Fatalf("%d requests queued %d tasks; want 1", requests, n)
	}
	// Recounts wait on the low queue: an analysis or a processing queued
	// after them has nothing ahead of it.
	if n := e.queued(jobs.QueueDefault, jobs.QueueCritical); n != 0 {
		t.Errorf("%d tasks ahead of analyses and processing; want none", n)
	}
	if err := e.inspector.UnpauseQueue(jobs.QueueLow); err != nil {
		t.Fatal(err)
	}
	e.drained(t)
	if n := e.recounts.Load(); n != 1 {
		t.Errorf("%d requests made %d recounts; want 1", requests, n)
	}
}

// A request arriving while a recount runs (it may have read already) gets
// a recount after it; more requests meanwhile join that second one.
func TestRecountRequestedWhileOneRunsRunsAgainAfterIt(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	e := newRecountEnv(t, func(n int64) {
		if n == 1 {
			close(started)
			<-release
		}
	})
	e.request(t)
	<-started // the first recount has read, and waits to write
	for range 50 {
		e.request(t)
	}
	if n := e.queued(allQueues...); n != 2 {
		t.Errorf("with a recount running, requests left %d recount tasks queued or running; want 2 (the running one and one after it)", n)
	}
	close(release)
	e.drained(t)
	if n := e.recounts.Load(); n != 2 {
		t.Errorf("%d recounts ran; want 2: the first, and one after the requests made while it ran", n)
	}
}

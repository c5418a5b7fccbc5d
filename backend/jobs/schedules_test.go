package jobs_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/jobs"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/billingschedule"
)

// recordingRunner makes a schedule period's run the way the invoicing
// service does — one row per period, its run_key unique in the database —
// and counts the executions of each run.
type recordingRunner struct {
	client *ent.Client
	mu     sync.Mutex
	execs  map[int]int
}

func (r *recordingRunner) StartScheduled(ctx context.Context, scheduleID int, period string) (*ent.BillingRun, error) {
	key := jobs.ScheduledRunTaskID(scheduleID, period)
	if run, err := r.client.BillingRun.Query().Where(billingrun.RunKey(key)).Only(ctx); err == nil {
		return run, nil
	}
	s, err := r.client.BillingSchedule.Get(ctx, scheduleID)
	if err != nil {
		return nil, err
	}
	p, err := billing.ScheduleRule(s).ParsePeriod(period)
	if err != nil {
		return nil, err
	}
	start, end := p.Start.Start(time.UTC), p.End.Start(time.UTC)
	run, err := r.client.BillingRun.Create().SetRunKey(key).SetScheduleID(scheduleID).SetPeriodName(period).
		SetPeriodStart(start).SetPeriodEnd(end).SetIssueDate(end).Save(ctx)
	if ent.IsConstraintError(err) { // another worker made it meanwhile
		return r.client.BillingRun.Query().Where(billingrun.RunKey(key)).Only(ctx)
	}
	return run, err
}

func (r *recordingRunner) Execute(ctx context.Context, runID int) error {
	r.mu.Lock()
	r.execs[runID]++
	r.mu.Unlock()
	return r.client.BillingRun.UpdateOneID(runID).SetStatus(billingrun.StatusCompleted).Exec(ctx)
}

func (r *recordingRunner) executions() map[int]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[int]int{}
	for k, v := range r.execs {
		out[k] = v
	}
	return out
}

// dueWorker is a worker runtime's share of schedules: a task server
// handling billing:run and a periodic task manager listing due periods.
type dueWorker struct{ stop func() }

func startDueWorker(t *testing.T, rdb redis.UniversalClient, runner jobs.ScheduledRunner, due *jobs.DueRuns) *dueWorker {
	t.Helper()
	srv := asynq.NewServerFromRedisClient(rdb, asynq.Config{Concurrency: 2, Queues: jobs.Weights, LogLevel: asynq.ErrorLevel})
	mux := asynq.NewServeMux()
	mux.HandleFunc(jobs.TypeBillingRun, jobs.ScheduledRun(runner))
	if err := srv.Start(mux); err != nil {
		t.Fatal(err)
	}
	stopDue, err := jobs.StartDueRuns(rdb, due, 300*time.Millisecond, quietLogger{})
	if err != nil {
		srv.Shutdown()
		t.Fatal(err)
	}
	var once sync.Once
	w := &dueWorker{stop: func() { once.Do(func() { stopDue(); srv.Shutdown() }) }}
	t.Cleanup(w.stop)
	return w
}

// Two workers on one Redis run a due period exactly once; a period that
// ends while every worker is stopped is run when one starts again, and the
// period already billed is not run again.
func TestDuePeriodRunsOnceAndAMissedOneOnRestart(t *testing.T) {
	cfg := testenv.Config(t, testenv.MySQL) // skips where MariaDB is not running (fails in CI)
	ctx := viewer.System(context.Background())
	a, err := app.Open(ctx, cfg, testenv.Logger(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	opt, err := asynq.ParseRedisURI(cfg.RedisURL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := opt.MakeRedisClient().(redis.UniversalClient)
	t.Cleanup(func() { rdb.Close() })
	c := a.DB.Client

	monthly, err := a.Billing.CreateSchedule(ctx, billing.ScheduleInput{Name: "Monthly", Frequency: billingschedule.FrequencyMonthly, AnchorDay: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Billing.CreateSchedule(ctx, billing.ScheduleInput{Name: "By hand", Frequency: billingschedule.FrequencyManual}); err != nil {
		t.Fatal(err)
	}
	// The clock: two weeks after the month the schedule was made in.
	made := monthly.CreatedAt.UTC()
	first := time.Date(made.Year(), made.Month(), 1, 0, 0, 0, 0, time.UTC)
	var now atomic.Pointer[time.Time]
	setNow := func(t time.Time) { now.Store(&t) }
	setNow(first.AddDate(0, 1, 14))
	due := &jobs.DueRuns{Client: c, Zone: time.UTC, Cronspec: "@every 1s", Now: func() time.Time { return *now.Load() }}
	runner := &recordingRunner{client: c, execs: map[int]int{}}

	w1 := startDueWorker(t, rdb, runner, due)
	w2 := startDueWorker(t, rdb, runner, due)
	firstName := first.Format("2006-01")
	waitRun := func(period string) *ent.BillingRun {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			run, err := c.BillingRun.Query().Where(billingrun.RunKey(jobs.ScheduledRunTaskID(monthly.ID, period))).Only(ctx)
			if err == nil && run.Status == billingrun.StatusCompleted {
				return run
			}
			if err != nil && !ent.IsNotFound(err) {
				t.Fatal(err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("period %s of the monthly schedule was not run within 30 s", period)
		return nil
	}
	run1 := waitRun(firstName)
	// Let both schedulers tick and sync a few more times.
	time.Sleep(3 * time.Second)
	runs, err := c.BillingRun.Query().All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 {
		t.Fatalf("%d runs after one due period with two workers, want 1", len(runs))
	}
	if got := runner.executions(); len(got) != 1 || got[run1.ID] != 1 {
		t.Fatalf("executions %v, want run %d once", got, run1.ID)
	}

	// Every worker stops; the next month ends meanwhile; one starts again.
	w1.stop()
	w2.stop()
	setNow(first.AddDate(0, 2, 9))
	startDueWorker(t, rdb, runner, due)
	secondName := first.AddDate(0, 1, 0).Format("2006-01")
	run2 := waitRun(secondName)
	time.Sleep(2 * time.Second)
	if n, err := c.BillingRun.Query().Count(ctx); err != nil || n != 2 {
		t.Fatalf("%d runs (%v) after the missed period, want 2", n, err)
	}
	if got := runner.executions(); len(got) != 2 || got[run1.ID] != 1 || got[run2.ID] != 1 {
		t.Fatalf("executions %v, want runs %d and %d once each", got, run1.ID, run2.ID)
	}
	if run2.PeriodStart == nil || !run2.PeriodStart.Equal(first.AddDate(0, 1, 0)) {
		t.Errorf("the caught-up run bills from %v, want %v", run2.PeriodStart, first.AddDate(0, 1, 0))
	}
}

// Due lists nothing for a manual schedule, nothing before a period's end,
// and every ended period after the last one billed.
func TestDueListsEndedPeriodsAfterTheLastBilled(t *testing.T) {
	cfg := testenv.Config(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	a, err := app.Open(ctx, cfg, testenv.Logger(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	s, err := a.Billing.CreateSchedule(ctx, billing.ScheduleInput{Name: "Monthly", Frequency: billingschedule.FrequencyMonthly, AnchorDay: 1})
	if err != nil {
		t.Fatal(err)
	}
	made := s.CreatedAt.UTC()
	first := time.Date(made.Year(), made.Month(), 1, 0, 0, 0, 0, time.UTC)
	var at time.Time
	d := &jobs.DueRuns{Client: a.DB.Client, Zone: time.UTC, Now: func() time.Time { return at }}
	names := func() []string {
		t.Helper()
		due, err := d.Due(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range due {
			if p.ScheduleID != s.ID {
				t.Fatalf("due period of schedule %d, want %d", p.ScheduleID, s.ID)
			}
			out = append(out, p.Period)
		}
		return out
	}
	month := func(n int) string { return first.AddDate(0, n, 0).Format("2006-01") }
	at = first.AddDate(0, 1, 0).Add(-time.Second)
	if got := names(); len(got) != 0 {
		t.Errorf("due before the first month ends: %v", got)
	}
	at = first.AddDate(0, 3, 2)
	if got := names(); len(got) != 3 || got[0] != month(0) || got[2] != month(2) {
		t.Errorf("due three months on: %v, want %s..%s", got, month(0), month(2))
	}
	r := &recordingRunner{client: a.DB.Client, execs: map[int]int{}}
	if _, err := r.StartScheduled(ctx, s.ID, month(1)); err != nil {
		t.Fatal(err)
	}
	if got := names(); len(got) != 1 || got[0] != month(2) {
		t.Errorf("due after %s was billed: %v, want [%s]", month(1), got, month(2))
	}
}

// quietLogger drops the scheduler's log lines.
type quietLogger struct{}

func (quietLogger) Debug(...any) {}
func (quietLogger) Info(...any)  {}
func (quietLogger) Warn(...any)  {}
func (quietLogger) Error(...any) {}
func (quietLogger) Fatal(...any) {}

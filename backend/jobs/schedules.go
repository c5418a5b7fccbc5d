package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/billingschedule"
)

// Schedules' due runs. Every worker runs an Asynq PeriodicTaskManager fed
// by DueRuns: for each period of a non-manual schedule whose end has
// passed and that no run bills yet, a task "billing:run" under the id
// billing-run:<schedule>:<period>. However many workers enqueue it, Redis
// keeps one task under that id, and the run's run_key is unique in the
// database, so a period is billed once; a worker that was stopped lists the
// periods it missed when it starts again.

// ScheduledRunner starts and executes a schedule period's run; the
// invoicing service is one.
type ScheduledRunner interface {
	// StartScheduled returns the run billing the period, creating it
	// when there is none (idempotent on the period).
	StartScheduled(ctx context.Context, scheduleID int, period string) (*ent.BillingRun, error)
	// Execute runs it to the end; safe to repeat.
	Execute(ctx context.Context, runID int) error
}

var _ ScheduledRunner = (*invoicing.Service)(nil)

// ScheduledRunTaskID is the task id of a schedule period's run.
func ScheduledRunTaskID(scheduleID int, period string) string {
	return fmt.Sprintf("billing-run:%d:%s", scheduleID, period)
}

// scheduledPayload is a due period's task: the run is made by the worker
// that takes it. (A run started by a clerk is queued with its run_id.)
type scheduledPayload struct {
	ScheduleID int    `json:"schedule_id"`
	Period     string `json:"period"`
}

// DueRuns lists the due periods of every non-manual schedule as periodic
// task configs (asynq.PeriodicTaskConfigProvider).
type DueRuns struct {
	Client *ent.Client
	Zone   *time.Location
	// Cronspec is how often a listed period's task is enqueued again
	// until a run bills it ("@every 1m" when empty); enqueueing under the
	// same id adds nothing while the task is kept.
	Cronspec string
	Now      func() time.Time // time.Now when nil
}

// dueRetention keeps a finished period task's id, so a scheduler still
// listing the period enqueues nothing until its next sync drops it.
const dueRetention = 24 * time.Hour

// GetConfigs implements asynq.PeriodicTaskConfigProvider.
func (d *DueRuns) GetConfigs() ([]*asynq.PeriodicTaskConfig, error) {
	ctx, cancel := context.WithTimeout(viewer.System(context.Background()), time.Minute)
	defer cancel()
	due, err := d.Due(ctx)
	if err != nil {
		return nil, err
	}
	spec := d.Cronspec
	if spec == "" {
		spec = "@every 1m"
	}
	out := make([]*asynq.PeriodicTaskConfig, 0, len(due))
	for _, p := range due {
		b, _ := json.Marshal(p)
		out = append(out, &asynq.PeriodicTaskConfig{Cronspec: spec, Task: asynq.NewTask(TypeBillingRun, b),
			Opts: []asynq.Option{asynq.TaskID(ScheduledRunTaskID(p.ScheduleID, p.Period)), asynq.Queue(QueueCritical),
				asynq.MaxRetry(25), asynq.Timeout(time.Hour), asynq.Retention(dueRetention)}})
	}
	return out, nil
}

// DuePeriod is a schedule's period whose run is due.
type DuePeriod = scheduledPayload

// Due lists, oldest first per schedule, the periods whose end has passed
// and that come after the last period a run of the schedule bills (or, for
// a schedule never run, from the one it was created in), at most
// rules.MaxCatchUp per schedule.
func (d *DueRuns) Due(ctx context.Context) ([]DuePeriod, error) {
	now := time.Now()
	if d.Now != nil {
		now = d.Now()
	}
	zone := d.Zone
	if zone == nil {
		zone = time.UTC
	}
	scheds, err := d.Client.BillingSchedule.Query().Where(billingschedule.FrequencyNEQ(billingschedule.FrequencyManual)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list the billing schedules: %w", err)
	}
	var out []DuePeriod
	for _, s := range scheds {
		from := rules.DateIn(s.CreatedAt, zone)
		last, err := d.Client.BillingRun.Query().
			Where(billingrun.HasScheduleWith(billingschedule.ID(s.ID)), billingrun.RunKeyNotNil(), billingrun.PeriodEndNotNil()).
			Order(ent.Desc(billingrun.FieldPeriodEnd)).First(ctx)
		switch {
		case err == nil:
			// Stored as the day at midnight UTC.
			from = rules.DateOf(last.PeriodEnd.UTC())
		case !ent.IsNotFound(err):
			return nil, fmt.Errorf("find the last run of schedule %q: %w", s.Name, err)
		}
		rule := billing.ScheduleRule(s)
		periods, err := rule.Due(from, now, zone)
		if err != nil {
			return nil, fmt.Errorf("the periods of schedule %q: %w", s.Name, err)
		}
		for _, p := range periods {
			out = append(out, DuePeriod{ScheduleID: s.ID, Period: rule.Name(p)})
		}
	}
	return out, nil
}

// ScheduledRun is the handler of a due period's task: it makes (or finds)
// the period's run and executes it. A run already ended is done.
func ScheduledRun(r ScheduledRunner) func(ctx context.Context, t *asynq.Task) error {
	return func(ctx context.Context, t *asynq.Task) error {
		var p scheduledPayload
		if err := json.Unmarshal(t.Payload(), &p); err != nil || p.ScheduleID == 0 || p.Period == "" {
			return fmt.Errorf("%w: bad payload %s", asynq.SkipRetry, t.Payload())
		}
		ctx = viewer.System(ctx)
		run, err := r.StartScheduled(ctx, p.ScheduleID, p.Period)
		if err != nil {
			return fmt.Errorf("start the run of period %s of schedule %d: %w", p.Period, p.ScheduleID, err)
		}
		if err := r.Execute(ctx, run.ID); err != nil && !errors.Is(err, invoicing.ErrDone) {
			return err
		}
		return nil
	}
}

// StartDueRuns runs a periodic task manager enqueueing the due periods
// DueRuns lists, re-reading them every sync; stop ends it.
func StartDueRuns(rdb redis.UniversalClient, d *DueRuns, sync time.Duration, log asynq.Logger) (stop func(), err error) {
	mgr, err := asynq.NewPeriodicTaskManager(asynq.PeriodicTaskManagerOpts{
		PeriodicTaskConfigProvider: d,
		RedisUniversalClient:       rdb,
		SyncInterval:               sync,
		SchedulerOpts: &asynq.SchedulerOpts{
			Location: d.Zone,
			Logger:   log,
			LogLevel: asynq.WarnLevel,
			EnqueueErrorHandler: func(t *asynq.Task, _ []asynq.Option, err error) {
				// Another worker's scheduler, or an earlier tick, queued it.
				if !errors.Is(err, asynq.ErrTaskIDConflict) {
					log.Warn(fmt.Sprintf("queue the due billing run %s: %v", t.Payload(), err))
				}
			},
		},
	})
	if err != nil {
		return nil, err
	}
	if err := mgr.Start(); err != nil {
		return nil, fmt.Errorf("start the billing schedules' periodic tasks: %w", err)
	}
	return mgr.Shutdown, nil
}

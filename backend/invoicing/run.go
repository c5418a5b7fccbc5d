package invoicing

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/periodic"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/billingschedule"
)

// ErrBusy means another worker holds the run's lease: try again later.
var ErrBusy = errors.New("another worker is billing this run")

// ErrDone means the run has ended (completed or failed): nothing to do.
var ErrDone = errors.New("the billing run has ended")

// errLost marks a run whose row changed under the worker: its lease was
// taken over, so it must not write.
var errLost = errors.New("the billing run was taken over")

// Start checks a run as its preview does, creates it and queues its task.
// Bad input writes nothing. A schedule's period is billed by one run: a
// second is refused, unless the first failed, which this one then replaces.
func (s *Service) Start(ctx context.Context, in RunInput) (*ent.BillingRun, error) {
	if v, ok := viewer.FromContext(ctx); !ok || !v.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "an admin or billing role is needed to run billing")
	}
	run, err := txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.BillingRun, error) {
		p, err := s.compute(ctx, c, in, false)
		if err != nil {
			return nil, err
		}
		return s.create(ctx, c, p)
	})
	if err != nil {
		return nil, err
	}
	s.enqueue(ctx, run)
	return run, nil
}

// StartScheduled starts the run of a schedule's period with the defaults
// (issued on the period's end, everything due, next numbers, no minimum,
// emails sent). It is idempotent on the period: asked again, it returns the
// run that bills it, queued again if it has not ended.
func (s *Service) StartScheduled(ctx context.Context, scheduleID int, period string) (*ent.BillingRun, error) {
	in := RunInput{ScheduleID: scheduleID, Period: period, SendEmails: true}
	run, err := txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.BillingRun, error) {
		p, err := s.compute(ctx, c, in, false)
		if err != nil {
			return nil, err
		}
		existing, err := c.BillingRun.Query().Where(billingrun.RunKey(RunKey(scheduleID, p.periodName))).Only(ctx)
		if err == nil {
			return existing, nil
		}
		if !ent.IsNotFound(err) {
			return nil, err
		}
		return s.create(ctx, c, p)
	})
	if err != nil {
		return nil, err
	}
	if run.Status == billingrun.StatusDraft || run.Status == billingrun.StatusRunning {
		s.enqueue(ctx, run)
	}
	return run, nil
}

// create stores the run of a worked-out plan as DRAFT, or turns a failed
// run of the same period into it.
func (s *Service) create(ctx context.Context, c *ent.Client, p *plan) (*ent.BillingRun, error) {
	in := p.in
	var key *string
	if in.ScheduleID != 0 {
		k := RunKey(in.ScheduleID, p.periodName)
		key = &k
		old, err := c.BillingRun.Query().Where(billingrun.RunKey(k)).Only(ctx)
		switch {
		case err == nil && old.Status != billingrun.StatusFailed:
			return nil, alreadyBilled(old, p.periodName)
		case err == nil:
			// A failed run of the period is retried with the new choices.
			n, err := s.fill(c.BillingRun.Update().Where(billingrun.ID(old.ID), billingrun.StatusEQ(billingrun.StatusFailed)), p).
				SetStatus(billingrun.StatusDraft).ClearFailureReason().ClearStartedAt().ClearFinishedAt().Save(ctx)
			if err != nil {
				return nil, err
			}
			if n == 0 {
				return nil, apperr.New(apperr.Conflict, "the run of %s is being started by someone else; its progress shows on the billing runs page", p.periodName)
			}
			return c.BillingRun.Get(ctx, old.ID)
		case !ent.IsNotFound(err):
			return nil, err
		}
	}
	cr := c.BillingRun.Create().SetNillableRunKey(key).SetStatus(billingrun.StatusDraft).
		SetPeriodName(p.periodName).SetPeriodStart(Day(p.period.Start)).SetPeriodEnd(Day(p.period.End)).
		SetIssueDate(Day(p.in.IssueDate)).SetNillableCallsUpTo(in.CallsUpTo).SetMinimumAmount(in.Minimum).
		SetSendEmails(in.SendEmails).SetCustomersTotal(len(p.customers))
	if in.StartNumber != 0 {
		cr.SetStartingNumber(in.StartNumber)
	}
	if in.ScheduleID != 0 {
		cr.SetScheduleID(in.ScheduleID)
	} else {
		cr.SetCustomerIds(in.CustomerIDs)
	}
	run, err := cr.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.New(apperr.Conflict, "%s is already being billed by another run; its progress shows on the billing runs page", p.periodName)
	}
	return run, err
}

func (s *Service) fill(u *ent.BillingRunUpdate, p *plan) *ent.BillingRunUpdate {
	in := p.in
	u.SetPeriodName(p.periodName).SetPeriodStart(Day(p.period.Start)).SetPeriodEnd(Day(p.period.End)).
		SetIssueDate(Day(p.in.IssueDate)).SetMinimumAmount(in.Minimum).SetSendEmails(in.SendEmails).
		SetCustomersTotal(len(p.customers)).SetCustomersDone(0)
	if in.CallsUpTo != nil {
		u.SetCallsUpTo(*in.CallsUpTo)
	} else {
		u.ClearCallsUpTo()
	}
	if in.StartNumber != 0 {
		u.SetStartingNumber(in.StartNumber)
	} else {
		u.ClearStartingNumber()
	}
	return u
}

func alreadyBilled(old *ent.BillingRun, period string) error {
	if old.Status == billingrun.StatusCompleted {
		return apperr.Field(apperr.Conflict, "period", "%s has already been billed (%d invoices); a period is billed once, and calls or charges added since go on the next period's run", period, old.InvoiceCount)
	}
	return apperr.Field(apperr.Conflict, "period", "%s is being billed now; its progress shows on the billing runs page", period)
}

// taskID is the queue's id of a run's task.
func taskID(run *ent.BillingRun, scheduleID int) string {
	if scheduleID != 0 {
		return ScheduleTaskID(scheduleID, run.PeriodName)
	}
	return CustomersTaskID(run.ID)
}

// enqueue queues a run's task. A failure to queue is logged, not returned:
// the run is stored, and the workers' re-drive queues it again.
func (s *Service) enqueue(ctx context.Context, run *ent.BillingRun) {
	if s.Queue == nil {
		return
	}
	sid, _ := s.Client.BillingRun.Query().Where(billingrun.ID(run.ID)).QuerySchedule().OnlyID(ctx)
	if err := s.Queue.EnqueueBillingRun(ctx, run.ID, taskID(run, sid)); err != nil {
		s.log().Error("queue the billing run; the re-drive will", "run", run.ID, "err", err)
	}
}

// inputOf is the input a stored run was started with.
func (s *Service) inputOf(ctx context.Context, run *ent.BillingRun) (RunInput, error) {
	in := RunInput{
		CustomerIDs: run.CustomerIds, Period: run.PeriodName, CallsUpTo: run.CallsUpTo,
		IssueDate: dateOf(&run.IssueDate), Minimum: run.MinimumAmount, SendEmails: run.SendEmails,
	}
	if run.StartingNumber != nil {
		in.StartNumber = *run.StartingNumber
	}
	sid, err := s.Client.BillingRun.Query().Where(billingrun.ID(run.ID)).QuerySchedule().Select(billingschedule.FieldID).Int(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return in, err
	}
	in.ScheduleID = sid
	return in, nil
}

// leaseOwner names one attempt of one process at a run.
func leaseOwner() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	host, _ := os.Hostname()
	o := fmt.Sprintf("%s/%d/%x", host, os.Getpid(), b)
	if len(o) > 64 {
		o = o[len(o)-64:]
	}
	return o
}

// Execute is the task body of a run: it takes the run's lease, works the
// run out again under the settings' lock and stores all of it — or none —
// in one transaction, then queues the documents. A run killed at any point
// rolls back whole and is taken over once its lease lapses; rerun, it
// issues the same invoices under the same numbers. A run that has ended
// answers ErrDone.
func (s *Service) Execute(ctx context.Context, runID int) error {
	run, err := s.Client.BillingRun.Get(ctx, runID)
	if err != nil {
		return err
	}
	switch run.Status {
	case billingrun.StatusCompleted:
		s.queueDocuments(ctx, run)
		return ErrDone
	case billingrun.StatusFailed:
		return ErrDone
	}
	in, err := s.inputOf(ctx, run)
	if err != nil {
		return err
	}
	owner, now := leaseOwner(), time.Now().UTC()
	// DRAFT → RUNNING, or a RUNNING run whose holder's lease lapsed.
	n, err := s.Client.BillingRun.Update().Where(billingrun.ID(runID), billingrun.Or(
		billingrun.StatusEQ(billingrun.StatusDraft),
		billingrun.And(billingrun.StatusEQ(billingrun.StatusRunning), billingrun.Or(billingrun.LeaseUntilIsNil(), billingrun.LeaseUntilLT(now))),
	)).SetStatus(billingrun.StatusRunning).SetLeaseOwner(owner).SetLeaseUntil(now.Add(s.lease())).
		SetStartedAt(now).SetCustomersDone(0).Save(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		if cur, err := s.Client.BillingRun.Get(ctx, runID); err == nil && (cur.Status == billingrun.StatusCompleted || cur.Status == billingrun.StatusFailed) {
			return ErrDone
		}
		return ErrBusy
	}
	defer func() {
		// However it ends, the run hands its row back at once.
		_ = s.Client.BillingRun.Update().Where(billingrun.ID(runID), billingrun.LeaseOwner(owner)).ClearLeaseUntil().
			Exec(context.WithoutCancel(ctx))
	}()
	stopRenew := periodic.Every(min(s.lease()/6, time.Second), func() {
		if ctx.Err() == nil {
			_ = s.Client.BillingRun.Update().Where(billingrun.ID(runID), billingrun.LeaseOwner(owner), billingrun.StatusEQ(billingrun.StatusRunning)).
				SetLeaseUntil(time.Now().Add(s.lease()).UTC()).Exec(ctx)
		}
	})
	defer stopRenew()
	s.publish(ctx, RunEvent{RunID: runID})

	start := time.Now()
	var issued int
	err = txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		p, err := s.compute(ctx, c, in, true)
		if err != nil {
			return err
		}
		// Under the settings' lock: the run must still be this worker's.
		if ok, err := c.BillingRun.Query().Where(billingrun.ID(runID), billingrun.StatusEQ(billingrun.StatusRunning), billingrun.LeaseOwner(owner)).Exist(ctx); err != nil {
			return err
		} else if !ok {
			return errLost
		}
		issued = len(p.result.Invoices)
		return s.store(ctx, c, runID, owner, p)
	})
	switch {
	case err == nil:
	case errors.Is(err, errLost):
		return ErrBusy
	case apperr.CodeOf(err) == apperr.Invalid || apperr.CodeOf(err) == apperr.NotFound:
		// The run cannot bill as it stands (a charge changed since it was
		// started): it fails with the reason, and a new run may replace it.
		_ = s.Client.BillingRun.Update().Where(billingrun.ID(runID), billingrun.LeaseOwner(owner), billingrun.StatusEQ(billingrun.StatusRunning)).
			SetStatus(billingrun.StatusFailed).SetFailureReason(err.Error()).SetFinishedAt(time.Now().UTC()).ClearLeaseUntil().Exec(context.WithoutCancel(ctx))
		s.publish(ctx, RunEvent{RunID: runID})
		return fmt.Errorf("%w: %v", ErrDone, err)
	default:
		return err
	}
	s.log().Info("billing run completed", "run", runID, "invoices", issued, "took", time.Since(start).Round(time.Millisecond))
	run, err = s.Client.BillingRun.Get(ctx, runID)
	if err != nil {
		return err
	}
	s.publish(ctx, RunEvent{RunID: runID, CustomersDone: run.CustomersTotal, Invoices: run.InvoiceCount})
	s.queueDocuments(ctx, run)
	return nil
}

// queueDocuments queues the rendering of a completed run's documents. A
// failure is logged: the money is stored, and the re-drive queues the
// documents again while any are missing.
func (s *Service) queueDocuments(ctx context.Context, run *ent.BillingRun) {
	if s.Queue == nil || run.InvoiceCount == 0 || run.DocumentsDone >= run.InvoiceCount {
		return
	}
	if err := s.Queue.EnqueueDocuments(ctx, run.ID); err != nil {
		s.log().Error("queue the billing run's documents; the re-drive will", "run", run.ID, "err", err)
	}
}

// Redrive lists the runs no task may be left to finish: runs not started
// (their task lost) or whose worker's lease lapsed, and completed runs
// whose documents are not all made.
func (s *Service) Redrive(ctx context.Context) (runs, documents []*ent.BillingRun, err error) {
	now := time.Now().UTC()
	runs, err = s.Client.BillingRun.Query().Where(billingrun.Or(
		billingrun.StatusEQ(billingrun.StatusDraft),
		billingrun.And(billingrun.StatusEQ(billingrun.StatusRunning), billingrun.Or(billingrun.LeaseUntilIsNil(), billingrun.LeaseUntilLT(now))),
	)).All(ctx)
	if err != nil {
		return nil, nil, err
	}
	documents, err = s.Client.BillingRun.Query().Where(billingrun.StatusEQ(billingrun.StatusCompleted)).
		Where(func(sel *sql.Selector) {
			sel.Where(sql.ColumnsLT(sel.C(billingrun.FieldDocumentsDone), sel.C(billingrun.FieldInvoiceCount)))
		}).
		All(ctx)
	return runs, documents, err
}

// Requeue queues a run's task again (the re-drive).
func (s *Service) Requeue(ctx context.Context, run *ent.BillingRun) { s.enqueue(ctx, run) }

// RequeueDocuments queues a completed run's documents again (the re-drive).
func (s *Service) RequeueDocuments(ctx context.Context, run *ent.BillingRun) {
	s.queueDocuments(ctx, run)
}

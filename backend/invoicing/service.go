// Package invoicing runs billing: it gathers a run's customers, their
// unbilled calls and pending charges from the database, has
// backend/billing/rules work out the invoices, and stores them — invoices,
// lines, Call Charges, the calls linked to them, the charges billed, the
// numbers and the deliveries — in one transaction, so that a crash leaves
// nothing half-applied and a rerun issues the same invoices under the same
// numbers. A preview is the same computation without the writes
// (docs/billing.md, The billing run).
package invoicing

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/ent"
)

// RunInput is what a clerk (or the schedule manager) asks a run to bill.
type RunInput struct {
	// ScheduleID bills the schedule's customers; 0 bills CustomerIDs.
	ScheduleID  int
	CustomerIDs []int
	// Period is the period's name in the schedule's words: 2026-06,
	// 2026-Q2, a week's first day, or 2026-06-01..2026-06-30.
	Period string
	// CallsUpTo bills calls started before it; nil is the period's end.
	CallsUpTo *time.Time
	// IssueDate is the invoices' date; zero is the period's end.
	IssueDate rules.Date
	// StartNumber is a custom first number, above every number used; 0
	// takes the next in sequence.
	StartNumber int64
	// Minimum leaves a customer whose total would be below it unbilled.
	Minimum decimal.Decimal
	// SendEmails queues an email of each invoice to customers on email
	// delivery.
	SendEmails bool
}

// Enqueuer queues a run's background work; backend/jobs implements it.
type Enqueuer interface {
	// EnqueueBillingRun queues task "billing:run" of a run under taskID.
	EnqueueBillingRun(ctx context.Context, runID int, taskID string) error
	// EnqueueDocuments queues task "billing:documents" of a run.
	EnqueueDocuments(ctx context.Context, runID int) error
}

// Service previews, starts and executes billing runs.
type Service struct {
	Client  *ent.Client
	Company *company.Service // the settings row: numbers, tax, terms
	Queue   Enqueuer         // nil where nothing is queued
	Events  events.Publisher // nil where nobody listens
	Log     *slog.Logger
	// MySQL selects MySQL's statements and row locks; SQLite's IMMEDIATE
	// transactions run one at a time and need no row locks.
	MySQL bool
	// Lease is how long a run holds its row without renewing; a killed
	// worker's run is taken over this long after its last renewal.
	Lease time.Duration
}

// DefaultLease is the lease of a Service that sets none.
const DefaultLease = 30 * time.Second

func (s *Service) lease() time.Duration {
	if s.Lease > 0 {
		return s.Lease
	}
	return DefaultLease
}

func (s *Service) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

// RunEvent says a run moved on: its status, or how far it is. The run's
// money is written in one transaction, so until it commits the counts are
// only in the event; watchers read the run and take them from here.
type RunEvent struct {
	RunID         int `json:"run"`
	CustomersDone int `json:"customersDone"`
	Invoices      int `json:"invoices"`
}

// RunTopic is the event topic of one run.
func RunTopic(id int) string { return "billing-run:" + strconv.Itoa(id) }

// Topic is the topic e is published on.
func (e RunEvent) Topic() string { return RunTopic(e.RunID) }

func (s *Service) publish(ctx context.Context, e RunEvent) {
	// A lost event costs the watchers freshness only.
	_ = events.Publish(ctx, s.Events, e)
}

// ScheduleTaskID and CustomersTaskID are the queue's ids of a run's task:
// a schedule's period runs once whatever queues it.
func ScheduleTaskID(scheduleID int, period string) string {
	return "billing-run:" + strconv.Itoa(scheduleID) + ":" + period
}

// CustomersTaskID is the task id of a run for chosen customers.
func CustomersTaskID(runID int) string { return "billing-run:run-" + strconv.Itoa(runID) }

// RunKey is the unique key of a schedule's period: one run bills it.
func RunKey(scheduleID int, period string) string { return ScheduleTaskID(scheduleID, period) }

// invalid turns a rules refusal into the service's INVALID error.
func invalid(err error) error {
	var re *rules.Error
	if errors.As(err, &re) {
		return &apperr.Error{Code: apperr.Invalid, Field: re.Field, Message: re.Message, Err: err}
	}
	return err
}

// Day stores a calendar day as its midnight in UTC, as charges and the
// Date scalar do.
func Day(d rules.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// DayPtr is Day, nil for a date not set.
func DayPtr(d rules.Date) *time.Time {
	if d.IsZero() {
		return nil
	}
	t := Day(d)
	return &t
}

// dateOf reads a stored calendar day.
func dateOf(t *time.Time) rules.Date {
	if t == nil {
		return rules.Date{}
	}
	return rules.DateOf(t.UTC())
}

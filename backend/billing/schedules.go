package billing

import (
	"context"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingschedule"
)

// ScheduleInput is everything a billing schedule is; an update replaces it
// whole.
type ScheduleInput struct {
	Name      string
	Frequency billingschedule.Frequency
	// AnchorDay is the day (1–28) a monthly schedule's months start on, or
	// a quarterly schedule's quarters in January, April, July and October;
	// for a weekly schedule the weekday its weeks start on, 1 Monday to 7
	// Sunday. A manual schedule has none: 0 stores 1.
	AnchorDay int
}

// ScheduleRule is the billing rules' reading of a stored schedule.
func ScheduleRule(b *ent.BillingSchedule) rules.Schedule {
	switch b.Frequency {
	case billingschedule.FrequencyWeekly:
		// Stored 1 Monday … 7 Sunday; time.Weekday counts Sunday as 0.
		return rules.Schedule{Frequency: rules.Weekly, Weekday: time.Weekday(b.AnchorDay % 7)}
	case billingschedule.FrequencyMonthly:
		return rules.Schedule{Frequency: rules.Monthly, Day: b.AnchorDay}
	case billingschedule.FrequencyQuarterly:
		return rules.Schedule{Frequency: rules.Quarterly, Day: b.AnchorDay}
	}
	return rules.Schedule{Frequency: rules.Manual}
}

// CurrentPeriod is the schedule's period holding today's date in the
// deployment's zone; ok is false for a manual schedule, which has no
// periods of its own.
func (s *Service) CurrentPeriod(b *ent.BillingSchedule, now time.Time) (p rules.Period, ok bool) {
	p, err := ScheduleRule(b).PeriodOf(rules.DateIn(now, s.zone()))
	return p, err == nil
}

// NextPeriod is the period after the current one, whose run is due next
// but one.
func (s *Service) NextPeriod(b *ent.BillingSchedule, now time.Time) (rules.Period, bool) {
	p, ok := s.CurrentPeriod(b, now)
	if !ok {
		return p, false
	}
	next, err := ScheduleRule(b).Next(p)
	return next, err == nil
}

// MaxEndedPeriods bounds how many ended periods EndedPeriods lists.
const MaxEndedPeriods = 24

// EndedPeriods are the schedule's last n periods that have ended by now,
// newest first: those a run may bill. A manual schedule has none.
func (s *Service) EndedPeriods(b *ent.BillingSchedule, now time.Time, n int) []rules.Period {
	p, ok := s.CurrentPeriod(b, now)
	if !ok {
		return nil
	}
	n = min(max(n, 0), MaxEndedPeriods)
	out := make([]rules.Period, 0, n)
	for len(out) < n {
		prev, err := ScheduleRule(b).Previous(p)
		if err != nil {
			break
		}
		out = append(out, prev)
		p = prev
	}
	return out
}

func (s *Service) zone() *time.Location {
	if s.Zone == nil {
		return time.UTC
	}
	return s.Zone
}

// CreateSchedule adds a billing schedule.
func (s *Service) CreateSchedule(ctx context.Context, in ScheduleInput) (*ent.BillingSchedule, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.BillingSchedule, error) {
		if err := validateSchedule(ctx, c, &in, 0); err != nil {
			return nil, err
		}
		return c.BillingSchedule.Create().SetName(in.Name).SetFrequency(in.Frequency).SetAnchorDay(in.AnchorDay).Save(ctx)
	})
}

// UpdateSchedule replaces a schedule's name, frequency and anchor. Once a
// run has billed one of its periods the periods stay: changing them would
// leave days billed twice or never.
func (s *Service) UpdateSchedule(ctx context.Context, id int, in ScheduleInput) (*ent.BillingSchedule, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.BillingSchedule, error) {
		cur, err := c.BillingSchedule.Get(ctx, id)
		if err != nil {
			return nil, apperr.NotFoundAs(err, "billing schedule", id)
		}
		if err := validateSchedule(ctx, c, &in, id); err != nil {
			return nil, err
		}
		if in.Frequency != cur.Frequency || in.AnchorDay != cur.AnchorDay {
			if n, err := cur.QueryRuns().Count(ctx); err != nil {
				return nil, err
			} else if n > 0 {
				return nil, apperr.Field(apperr.Conflict, "frequency", "%s has %d billing run(s), so its periods stay as they are; make a new schedule and move its customers to it", cur.Name, n)
			}
		}
		return c.BillingSchedule.UpdateOneID(id).SetName(in.Name).SetFrequency(in.Frequency).SetAnchorDay(in.AnchorDay).Save(ctx)
	})
}

// DeleteSchedule removes a schedule no customer is on and no run used.
func (s *Service) DeleteSchedule(ctx context.Context, id int) error {
	return txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		cur, err := c.BillingSchedule.Get(ctx, id)
		if err != nil {
			return apperr.NotFoundAs(err, "billing schedule", id)
		}
		if n, err := cur.QueryCustomers().Count(ctx); err != nil {
			return err
		} else if n > 0 {
			return apperr.New(apperr.Conflict, "%d customer(s) are on %s; move them to another schedule first", n, cur.Name)
		}
		if n, err := cur.QueryRuns().Count(ctx); err != nil {
			return err
		} else if n > 0 {
			return apperr.New(apperr.Conflict, "%s has %d billing run(s) on record and cannot be deleted", cur.Name, n)
		}
		return c.BillingSchedule.DeleteOneID(id).Exec(ctx)
	})
}

// CustomersOn counts the customers on a schedule.
func (s *Service) CustomersOn(ctx context.Context, b *ent.BillingSchedule) (int, error) {
	return txn.Client(ctx, s.Client).BillingSchedule.QueryCustomers(b).Count(ctx)
}

func validateSchedule(ctx context.Context, c *ent.Client, in *ScheduleInput, id int) error {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return apperr.Field(apperr.Invalid, "name", "name is required, e.g. Monthly on the 1st")
	}
	if len(in.Name) > 128 {
		return apperr.Field(apperr.Invalid, "name", "a schedule's name is at most 128 characters")
	}
	switch in.Frequency {
	case billingschedule.FrequencyManual:
		in.AnchorDay = 1
	case billingschedule.FrequencyWeekly:
		if in.AnchorDay < 1 || in.AnchorDay > 7 {
			return apperr.Field(apperr.Invalid, "anchorDay", "a weekly schedule starts its weeks on a weekday from 1 (Monday) to 7 (Sunday), not %d", in.AnchorDay)
		}
	case billingschedule.FrequencyMonthly, billingschedule.FrequencyQuarterly:
		if in.AnchorDay < 1 || in.AnchorDay > rules.MaxAnchorDay {
			return apperr.Field(apperr.Invalid, "anchorDay", "a %s schedule starts its periods on a day from 1 to %d, so that every month has it, not %d", strings.ToLower(string(in.Frequency)), rules.MaxAnchorDay, in.AnchorDay)
		}
	default:
		return apperr.Field(apperr.Invalid, "frequency", "a schedule is manual, weekly, monthly or quarterly, not %q", in.Frequency)
	}
	other, err := c.BillingSchedule.Query().Where(billingschedule.NameEqualFold(in.Name), billingschedule.IDNEQ(id)).First(ctx)
	if err == nil {
		return apperr.Field(apperr.Conflict, "name", "there is already a schedule called %s; choose another name", other.Name)
	}
	if !ent.IsNotFound(err) {
		return err
	}
	return nil
}

// DueAt is when p's run is due: the first instant after it, in the
// deployment's zone.
func (s *Service) DueAt(p rules.Period) time.Time { return p.EndsAt(s.zone()) }

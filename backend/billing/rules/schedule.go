package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a half-open range of local dates [Start, End): a monthly
// schedule anchored on 1 has periods [1 Jun, 1 Jul), [1 Jul, 1 Aug), …
type Period struct {
	Start Date // the first day
	End   Date // the day after the last, the next period's Start
}

// NewPeriod is the period from the first day to the day after the last,
// refusing an empty or reversed range.
func NewPeriod(start, end Date) (Period, error) {
	if start.IsZero() || end.IsZero() || !start.Before(end) {
		return Period{}, fmt.Errorf("a period must end after it starts, not run from %s to %s", start, end)
	}
	return Period{start, end}, nil
}

// Days is the period's length in days.
func (p Period) Days() int { return p.Start.DaysUntil(p.End) }

// Last is the period's last day.
func (p Period) Last() Date { return p.End.AddDays(-1) }

// Contains says d falls in the period.
func (p Period) Contains(d Date) bool { return !d.Before(p.Start) && d.Before(p.End) }

// StartsAt and EndsAt are the instants the period spans in loc; a run's
// calls are those that started before EndsAt unless the clerk chooses
// another instant.
func (p Period) StartsAt(loc *time.Location) time.Time { return p.Start.Start(loc) }

// EndsAt is the first instant after the period, when its run is due.
func (p Period) EndsAt(loc *time.Location) time.Time { return p.End.Start(loc) }

func (p Period) String() string { return p.Start.String() + ".." + p.Last().String() }

// Frequency is how often a schedule bills.
type Frequency string

// The schedules a customer may belong to.
const (
	Manual    Frequency = "manual"    // billed only when a clerk runs it, for dates the clerk gives
	Weekly    Frequency = "weekly"    // weeks starting on the anchor weekday
	Monthly   Frequency = "monthly"   // months starting on the anchor day
	Quarterly Frequency = "quarterly" // quarters starting on the anchor day of Jan, Apr, Jul and Oct
)

// MaxAnchorDay is the latest day a month or quarter may start on, so
// that every month has it.
const MaxAnchorDay = 28

// Schedule says when a group of customers is billed.
type Schedule struct {
	Frequency Frequency
	// Weekday starts a weekly schedule's periods.
	Weekday time.Weekday
	// Day (1–28) starts a monthly schedule's months, and a quarterly
	// schedule's quarters in January, April, July and October.
	Day int
}

// Validate says what is wrong with a schedule, in a sentence.
func (s Schedule) Validate() error {
	switch s.Frequency {
	case Manual:
		return nil
	case Weekly:
		if s.Weekday < time.Sunday || s.Weekday > time.Saturday {
			return invalid("weekday", "a weekly schedule needs the weekday its weeks start on")
		}
		return nil
	case Monthly, Quarterly:
		if s.Day < 1 || s.Day > MaxAnchorDay {
			return invalid("day", "a %s schedule starts its periods on a day from 1 to %d, not %d", s.Frequency, MaxAnchorDay, s.Day)
		}
		return nil
	}
	return invalid("frequency", "a schedule is manual, weekly, monthly or quarterly, not %q", s.Frequency)
}

// PeriodOf is the period of the schedule containing d. A manual schedule
// has no periods of its own.
func (s Schedule) PeriodOf(d Date) (Period, error) {
	if err := s.Validate(); err != nil {
		return Period{}, err
	}
	switch s.Frequency {
	case Weekly:
		start := d.AddDays(-int((d.Weekday() - s.Weekday + 7) % 7))
		return Period{start, start.AddDays(7)}, nil
	case Monthly:
		return anchoredPeriod(d, s.Day, 1), nil
	case Quarterly:
		return anchoredPeriod(d, s.Day, 3), nil
	}
	return Period{}, invalid("period", "a manual schedule has no periods of its own: give the first and last day to bill, like 2026-06-01..2026-06-30")
}

// anchoredPeriod is the period of months months, starting on day of a
// month that is 1 modulo months (January, April, … for quarters),
// containing d.
func anchoredPeriod(d Date, day, months int) Period {
	m := (int(d.Month)-1)/months*months + 1
	start := Date{d.Year, time.Month(m), day}
	if d.Before(start) {
		start = start.addMonths(-months)
	}
	return Period{start, start.addMonths(months)}
}

// Next is the period after p; after a manual period, one as long.
func (s Schedule) Next(p Period) (Period, error) {
	if s.Frequency == Manual {
		return Period{p.End, p.End.AddDays(p.Days())}, nil
	}
	return s.PeriodOf(p.End)
}

// Previous is the period before p; before a manual period, one as long.
func (s Schedule) Previous(p Period) (Period, error) {
	if s.Frequency == Manual {
		return Period{p.Start.AddDays(-p.Days()), p.Start}, nil
	}
	return s.PeriodOf(p.Start.AddDays(-1))
}

// MaxCatchUp bounds how many missed periods one call to Due returns, so a
// wrong "billed until" date cannot start years of runs at once; the rest
// follow once these are billed.
const MaxCatchUp = 120

// Due lists the periods whose run is due by now: every period from the one
// containing from (usually the end of the last period billed) whose end
// has passed in loc, oldest first, at most MaxCatchUp. A manual schedule
// is never due.
func (s Schedule) Due(from Date, now time.Time, loc *time.Location) ([]Period, error) {
	if s.Frequency == Manual {
		return nil, s.Validate()
	}
	p, err := s.PeriodOf(from)
	if err != nil {
		return nil, err
	}
	var due []Period
	for len(due) < MaxCatchUp && !now.Before(p.EndsAt(loc)) {
		due = append(due, p)
		p, _ = s.PeriodOf(p.End)
	}
	return due, nil
}

// Name is how a period of s is written in task ids and on the command
// line: 2026-06 for a month, 2026-Q2 for a quarter, the first day for a
// week, the first and last days for a manual run.
func (s Schedule) Name(p Period) string {
	switch s.Frequency {
	case Monthly:
		return fmt.Sprintf("%04d-%02d", p.Start.Year, p.Start.Month)
	case Quarterly:
		return fmt.Sprintf("%04d-Q%d", p.Start.Year, (int(p.Start.Month)-1)/3+1)
	case Weekly:
		return p.Start.String()
	}
	return p.String()
}

// ParsePeriod reads a period name as Name writes it (2026-06 for a
// monthly schedule, 2026-Q2 for a quarterly one, the first day of a week
// for a weekly one) or, for a manual schedule, its first and last days
// (2026-06-01..2026-06-30).
func (s Schedule) ParsePeriod(name string) (Period, error) {
	if err := s.Validate(); err != nil {
		return Period{}, err
	}
	bad := func(example string) (Period, error) {
		return Period{}, invalid("period", "%q is not a period of a %s schedule; write it like %s", name, s.Frequency, example)
	}
	switch s.Frequency {
	case Monthly:
		t, err := time.Parse("2006-01", name)
		if err != nil {
			return bad("2026-06")
		}
		return s.PeriodOf(Date{t.Year(), t.Month(), s.Day})
	case Quarterly:
		y, q, ok := strings.Cut(name, "-Q")
		year, err1 := strconv.Atoi(y)
		n, err2 := strconv.Atoi(q)
		if !ok || len(y) != 4 || len(q) != 1 || err1 != nil || err2 != nil || n < 1 || n > 4 {
			return bad("2026-Q2")
		}
		return s.PeriodOf(Date{year, time.Month(3*n - 2), s.Day})
	case Weekly:
		d, err := ParseDate(name)
		if err != nil {
			return bad("2026-06-01, the first day of the week")
		}
		if d.Weekday() != s.Weekday {
			return Period{}, invalid("period", "%s is a %s; this schedule's weeks start on %s", d, d.Weekday(), s.Weekday)
		}
		return s.PeriodOf(d)
	}
	first, last, ok := strings.Cut(name, "..")
	start, err1 := ParseDate(first)
	end, err2 := ParseDate(last)
	if !ok || err1 != nil || err2 != nil {
		return bad("2026-06-01..2026-06-30, the first and last days")
	}
	p, err := NewPeriod(start, end.AddDays(1))
	if err != nil {
		return Period{}, invalid("period", "%s", err)
	}
	return p, nil
}

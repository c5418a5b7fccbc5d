package rules

import (
	"fmt"
	"time"
)

// Date is a local calendar date in the deployment's time zone: periods,
// charge dates, issue and due dates are dates, not instants, so a clock
// change never moves a day from one period to another.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, normalised as time.Date does (31 June is
// 1 July).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf is the date of t where it is read (t's own location).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// DateIn is the date of instant t in the zone loc.
func DateIn(t time.Time, loc *time.Location) Date { return DateOf(t.In(loc)) }

// ParseDate reads 2026-06-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date written like 2026-06-30", s)
	}
	return DateOf(t), nil
}

// IsZero says the date was never set.
func (d Date) IsZero() bool { return d == Date{} }

// utc is d's midnight in UTC, a day-exact clock to count days on.
func (d Date) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays is the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.utc().AddDate(0, 0, n)) }

// Weekday is d's day of the week.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.utc().Compare(e.utc()) }

// Before says d is earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After says d is later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysUntil counts the days from d to e (e − d).
func (d Date) DaysUntil(e Date) int { return int(e.utc().Sub(d.utc()).Hours() / 24) }

// addMonths moves d by n months, keeping its day where the month has it
// and taking the month's last day where it does not (31 Jan + 1 month is
// 28 or 29 Feb), so renewals from a start date never drift.
func (d Date) addMonths(n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Date{first.Year(), first.Month(), min(d.Day, last)}
}

// Start is the first instant of d in loc. Where a clock change skips
// midnight (clocks going forward at 00:00, as in some zones), the day
// begins at the change.
func (d Date) Start(loc *time.Location) time.Time {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
	if DateOf(t).Before(d) {
		_, t = t.ZoneBounds()
	}
	return t
}

// String writes 2026-06-30.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

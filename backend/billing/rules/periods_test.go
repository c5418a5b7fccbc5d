package rules_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/billing/rules"
)

func period(t testing.TB, start, end string) rules.Period {
	t.Helper()
	return rules.Period{Start: date(t, start), End: date(t, end)}
}

func TestPeriodOfAcrossMonthEndsAndLeapYears(t *testing.T) {
	monthly := func(day int) rules.Schedule { return rules.Schedule{Frequency: rules.Monthly, Day: day} }
	quarterly := func(day int) rules.Schedule { return rules.Schedule{Frequency: rules.Quarterly, Day: day} }
	weekly := func(d time.Weekday) rules.Schedule { return rules.Schedule{Frequency: rules.Weekly, Weekday: d} }
	for _, c := range []struct {
		name       string
		s          rules.Schedule
		day        string
		start, end string
		days       int
	}{
		{"31-day month", monthly(1), "2026-01-31", "2026-01-01", "2026-02-01", 31},
		{"30-day month, its last day", monthly(1), "2026-06-30", "2026-06-01", "2026-07-01", 30},
		{"first day of the next", monthly(1), "2026-07-01", "2026-07-01", "2026-08-01", 31},
		{"February", monthly(1), "2026-02-15", "2026-02-01", "2026-03-01", 28},
		{"leap February", monthly(1), "2028-02-29", "2028-02-01", "2028-03-01", 29},
		{"century not a leap year", monthly(1), "2100-02-28", "2100-02-01", "2100-03-01", 28},
		{"400th year a leap year", monthly(1), "2000-02-29", "2000-02-01", "2000-03-01", 29},
		{"anchor 28 over February", monthly(28), "2026-03-27", "2026-02-28", "2026-03-28", 28},
		{"anchor 28 over leap February", monthly(28), "2024-03-27", "2024-02-28", "2024-03-28", 29},
		{"anchor 28 on the day", monthly(28), "2026-01-28", "2026-01-28", "2026-02-28", 31},
		{"anchor 15 back over the year end", monthly(15), "2026-01-10", "2025-12-15", "2026-01-15", 31},
		{"anchor 15 into the new year", monthly(15), "2026-12-31", "2026-12-15", "2027-01-15", 31},
		{"quarter", quarterly(1), "2026-06-30", "2026-04-01", "2026-07-01", 91},
		{"leap first quarter", quarterly(1), "2028-03-31", "2028-01-01", "2028-04-01", 91},
		{"quarter anchored on 15, back over the year end", quarterly(15), "2026-01-10", "2025-10-15", "2026-01-15", 92},
		{"quarter anchored on 15, on the day", quarterly(15), "2026-07-15", "2026-07-15", "2026-10-15", 92},
		{"week from Monday", weekly(time.Monday), "2026-06-03", "2026-06-01", "2026-06-08", 7},
		{"week over a month end", weekly(time.Monday), "2026-07-02", "2026-06-29", "2026-07-06", 7},
		{"week from Sunday, on the Sunday", weekly(time.Sunday), "2026-06-07", "2026-06-07", "2026-06-14", 7},
		{"week from Saturday, the Friday after", weekly(time.Saturday), "2026-12-31", "2026-12-26", "2027-01-02", 7},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := c.s.PeriodOf(date(t, c.day))
			if err != nil {
				t.Fatal(err)
			}
			if want := period(t, c.start, c.end); p != want {
				t.Fatalf("period of %s = %s, want %s", c.day, p, want)
			}
			if p.Days() != c.days {
				t.Errorf("%s has %d days, want %d", p, p.Days(), c.days)
			}
			if !p.Contains(date(t, c.day)) || p.Contains(p.End) || !p.Contains(p.Start) {
				t.Errorf("%s is not the half-open range [%s, %s)", p, p.Start, p.End)
			}
		})
	}
}

func TestNextAndPreviousChainThePeriods(t *testing.T) {
	for _, s := range []rules.Schedule{
		{Frequency: rules.Monthly, Day: 1}, {Frequency: rules.Monthly, Day: 28},
		{Frequency: rules.Quarterly, Day: 15}, {Frequency: rules.Weekly, Weekday: time.Thursday},
	} {
		p, err := s.PeriodOf(date(t, "2027-11-30"))
		if err != nil {
			t.Fatal(err)
		}
		first := p
		for i := 0; i < 60; i++ {
			n, err := s.Next(p)
			if err != nil {
				t.Fatal(err)
			}
			if n.Start != p.End {
				t.Fatalf("%+v: %s is followed by %s, leaving a gap or an overlap", s, p, n)
			}
			back, _ := s.Previous(n)
			if back != p {
				t.Fatalf("%+v: the period before %s is %s, want %s", s, n, back, p)
			}
			p = n
		}
		for i := 0; i < 60; i++ {
			p, _ = s.Previous(p)
		}
		if p != first {
			t.Errorf("%+v: 60 periods on and back is %s, not %s", s, p, first)
		}
	}
}

func TestPeriodInstantsFollowLondonClockChanges(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		p          rules.Period
		start, end string // UTC
		hours      float64
	}{
		// Clocks go forward on 29 March 2026: April starts at 23:00 UTC.
		{period(t, "2026-03-01", "2026-04-01"), "2026-03-01T00:00:00Z", "2026-03-31T23:00:00Z", 31*24 - 1},
		{period(t, "2026-06-01", "2026-07-01"), "2026-05-31T23:00:00Z", "2026-06-30T23:00:00Z", 30 * 24},
		// Back on 25 October 2026.
		{period(t, "2026-10-01", "2026-11-01"), "2026-09-30T23:00:00Z", "2026-11-01T00:00:00Z", 31*24 + 1},
		// A week over the spring change.
		{period(t, "2026-03-23", "2026-03-30"), "2026-03-23T00:00:00Z", "2026-03-29T23:00:00Z", 7*24 - 1},
	} {
		start, end := c.p.StartsAt(london), c.p.EndsAt(london)
		if got := start.UTC().Format(time.RFC3339); got != c.start {
			t.Errorf("%s starts at %s, want %s", c.p, got, c.start)
		}
		if got := end.UTC().Format(time.RFC3339); got != c.end {
			t.Errorf("%s ends at %s, want %s", c.p, got, c.end)
		}
		if h := end.Sub(start).Hours(); h != c.hours {
			t.Errorf("%s lasts %v hours, want %v", c.p, h, c.hours)
		}
	}
	// A call at 00:30 BST on 1 April is April's, though it is still 31 March in UTC.
	march := period(t, "2026-03-01", "2026-04-01")
	late := rules.CallState{Start: time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC), Priced: true, Processed: true}
	if late.DueBy(march.EndsAt(london)) {
		t.Error("a call at 00:30 BST on 1 April is billed in March's run")
	}
	if d := rules.DateIn(late.Start, london); d != date(t, "2026-04-01") {
		t.Errorf("the call's local date is %s, want 2026-04-01", d)
	}
	inTime := rules.CallState{Start: time.Date(2026, 3, 31, 22, 59, 59, 0, time.UTC), Priced: true, Processed: true}
	if !inTime.DueBy(march.EndsAt(london)) {
		t.Error("a call at 23:59:59 BST on 31 March is not billed in March's run")
	}
}

// In some zones the clocks go forward at midnight, so a day begins at
// 01:00; a period must still begin at the first instant of its first day.
func TestADayStartsAtItsFirstInstantInEveryZone(t *testing.T) {
	skipped := 0
	for _, name := range []string{"Europe/London", "America/Santiago", "Asia/Beirut", "America/Havana", "Pacific/Apia"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for d := date(t, "2020-01-01"); d.Before(date(t, "2028-01-01")); d = d.AddDays(1) {
			s := d.Start(loc)
			if got := rules.DateIn(s, loc); got != d {
				t.Fatalf("%s: %s starts at %s, which is %s", name, d, s, got)
			}
			if got := rules.DateIn(s.Add(-time.Nanosecond), loc); got == d {
				t.Fatalf("%s: %s starts at %s, but the instant before is the same day", name, d, s)
			}
			if s.Hour() != 0 || s.Minute() != 0 {
				skipped++
			}
		}
	}
	if skipped == 0 {
		t.Fatal("no day in these zones began after midnight; the test no longer covers a skipped midnight")
	}
}

func TestDueListsEveryPeriodWhoseEndHasPassed(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	julyFirst := date(t, "2026-07-01").Start(london) // 23:00 UTC on 30 June
	due, err := monthlyOn1.Due(date(t, "2026-04-01"), julyFirst, london)
	if err != nil {
		t.Fatal(err)
	}
	want := []rules.Period{period(t, "2026-04-01", "2026-05-01"), period(t, "2026-05-01", "2026-06-01"), period(t, "2026-06-01", "2026-07-01")}
	if len(due) != len(want) {
		t.Fatalf("due %v, want %v (a restart catches up the missed periods)", due, want)
	}
	for i := range want {
		if due[i] != want[i] {
			t.Fatalf("due %v, want %v", due, want)
		}
	}
	due, _ = monthlyOn1.Due(date(t, "2026-04-01"), julyFirst.Add(-time.Second), london)
	if len(due) != 2 {
		t.Errorf("a second before June ends, due %v, want April and May", due)
	}
	if due, err := (rules.Schedule{Frequency: rules.Manual}).Due(date(t, "2026-01-01"), julyFirst, london); err != nil || len(due) != 0 {
		t.Errorf("a manual schedule is due %v, %v; it is never due", due, err)
	}
	due, err = monthlyOn1.Due(date(t, "1990-01-01"), julyFirst, london)
	if err != nil || len(due) != rules.MaxCatchUp || due[0] != period(t, "1990-01-01", "1990-02-01") {
		t.Errorf("36 years behind: %d periods (%v), want the oldest %d from January 1990", len(due), err, rules.MaxCatchUp)
	}
}

func TestParsePeriodNames(t *testing.T) {
	monthly15 := rules.Schedule{Frequency: rules.Monthly, Day: 15}
	quarterly := rules.Schedule{Frequency: rules.Quarterly, Day: 1}
	weekly := rules.Schedule{Frequency: rules.Weekly, Weekday: time.Monday}
	manual := rules.Schedule{Frequency: rules.Manual}
	for _, c := range []struct {
		s          rules.Schedule
		name       string
		start, end string
	}{
		{monthlyOn1, "2026-06", "2026-06-01", "2026-07-01"},
		{monthlyOn1, "2026-12", "2026-12-01", "2027-01-01"},
		{monthly15, "2026-06", "2026-06-15", "2026-07-15"},
		{quarterly, "2026-Q2", "2026-04-01", "2026-07-01"},
		{quarterly, "2026-Q4", "2026-10-01", "2027-01-01"},
		{weekly, "2026-06-01", "2026-06-01", "2026-06-08"},
		{manual, "2026-06-01..2026-06-30", "2026-06-01", "2026-07-01"},
		{manual, "2026-06-10..2026-06-10", "2026-06-10", "2026-06-11"},
	} {
		p, err := c.s.ParsePeriod(c.name)
		if err != nil {
			t.Errorf("%s %q: %v", c.s.Frequency, c.name, err)
			continue
		}
		if want := period(t, c.start, c.end); p != want {
			t.Errorf("%s %q = %s, want %s", c.s.Frequency, c.name, p, want)
		}
		if got := c.s.Name(p); got != c.name {
			t.Errorf("%s: %s is named %q, want %q", c.s.Frequency, p, got, c.name)
		}
	}
	for _, c := range []struct {
		s    rules.Schedule
		name string
		says string
	}{
		{monthlyOn1, "2026-13", "2026-06"},
		{monthlyOn1, "June 2026", "2026-06"},
		{monthlyOn1, "2026-06-01", "2026-06"},
		{quarterly, "2026-Q5", "2026-Q2"},
		{quarterly, "2026-Q+2", "2026-Q2"},
		{quarterly, "2026-06", "2026-Q2"},
		{weekly, "2026-06-02", "weeks start on Monday"},
		{manual, "2026-06-30..2026-06-01", "end after it starts"},
		{manual, "2026-06", "first and last days"},
		{rules.Schedule{Frequency: rules.Monthly, Day: 29}, "2026-06", "from 1 to 28"},
	} {
		_, err := c.s.ParsePeriod(c.name)
		var e *rules.Error
		if !errorsAs(err, &e) || e.Field == "" || !strings.Contains(e.Message, c.says) {
			t.Errorf("%s %q: error %v, want a field error saying %q", c.s.Frequency, c.name, err, c.says)
		}
	}
}

func TestScheduleValidation(t *testing.T) {
	for _, c := range []struct {
		s     rules.Schedule
		field string
	}{
		{rules.Schedule{Frequency: rules.Monthly, Day: 0}, "day"},
		{rules.Schedule{Frequency: rules.Monthly, Day: 31}, "day"},
		{rules.Schedule{Frequency: rules.Quarterly, Day: 29}, "day"},
		{rules.Schedule{Frequency: rules.Weekly, Weekday: 7}, "weekday"},
		{rules.Schedule{Frequency: "fortnightly"}, "frequency"},
	} {
		var e *rules.Error
		if err := c.s.Validate(); !errorsAs(err, &e) || e.Field != c.field {
			t.Errorf("%+v: %v, want an error on %s", c.s, err, c.field)
		}
	}
	for _, s := range []rules.Schedule{{Frequency: rules.Manual}, {Frequency: rules.Weekly}, {Frequency: rules.Monthly, Day: 28}, {Frequency: rules.Quarterly, Day: 1}} {
		if err := s.Validate(); err != nil {
			t.Errorf("%+v: %v", s, err)
		}
	}
}

func TestAManualPeriodIsFollowedByOneAsLong(t *testing.T) {
	manual := rules.Schedule{Frequency: rules.Manual}
	p := period(t, "2026-06-10", "2026-06-20")
	if n, err := manual.Next(p); err != nil || n != period(t, "2026-06-20", "2026-06-30") {
		t.Errorf("after %s: %s, %v; want 2026-06-20..2026-06-29", p, n, err)
	}
	if b, err := manual.Previous(p); err != nil || b != period(t, "2026-05-31", "2026-06-10") {
		t.Errorf("before %s: %s, %v; want 2026-05-31..2026-06-09", p, b, err)
	}
	if _, err := manual.PeriodOf(date(t, "2026-06-15")); err == nil {
		t.Error("a manual schedule found a period of its own")
	}
}

package rules_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/billing/rules"
)

// want is one expected line of a charge: its days of service and amount.
type want struct {
	from, to string
	unit     string
	amount   string
	proRata  bool
}

// chargeLines bills one charge alone in a run of schedule s for period p.
func chargeLines(t *testing.T, s rules.Schedule, p rules.Period, c rules.Charge) []rules.Line {
	t.Helper()
	r := rules.Run{Schedule: s, Period: p, IssueDate: p.End, Numbering: rules.Numbering{Next: 1},
		Customers: []rules.Customer{{ID: 1, Reference: "R01", Name: "R Ltd", Charges: []rules.Charge{c}}}}
	res := bill(t, r)
	if len(res.Invoices) == 0 {
		return nil
	}
	return lines(only(t, res))
}

func checkLines(t *testing.T, got []rules.Line, wants ...want) {
	t.Helper()
	if len(got) != len(wants) {
		var b strings.Builder
		for _, l := range got {
			b.WriteString(" " + l.ServiceFrom.String() + ".." + l.ServiceTo.String() + "=" + l.Amount.String())
		}
		t.Fatalf("%d lines (%s), want %d", len(got), b.String(), len(wants))
	}
	for i, w := range wants {
		l := got[i]
		if l.ServiceFrom != date(t, w.from) || l.ServiceTo != date(t, w.to) || l.ProRata != w.proRata {
			t.Errorf("line %d pays for %s..%s (pro rata %v), want %s..%s (pro rata %v)", i, l.ServiceFrom, l.ServiceTo, l.ProRata, w.from, w.to, w.proRata)
		}
		money(t, "unit price of line "+w.from, l.UnitPrice, w.unit)
		money(t, "amount of line "+w.from, l.Amount, w.amount)
	}
}

func TestMonthlyCharges(t *testing.T) {
	june := period(t, "2026-06-01", "2026-07-01")
	for _, c := range []struct {
		name   string
		charge func() rules.Charge
		want   []want
	}{
		{"starting on the period's end is billed in advance now", func() rules.Charge { return monthly(t, 1, "10.00", "2026-07-01") },
			[]want{{"2026-07-01", "2026-07-31", "10.00", "10.00", false}}},
		{"starting after the period's end waits", func() rules.Charge { return monthly(t, 1, "10.00", "2026-07-02") }, nil},
		{"catch-up of several periods, one line each, pro rata in February", func() rules.Charge { return monthly(t, 1, "31.00", "2026-02-15") },
			[]want{
				{"2026-02-15", "2026-02-28", "15.50", "15.50", true},
				{"2026-03-01", "2026-03-31", "31.00", "31.00", false},
				{"2026-04-01", "2026-04-30", "31.00", "31.00", false},
				{"2026-05-01", "2026-05-31", "31.00", "31.00", false},
				{"2026-06-01", "2026-06-30", "31.00", "31.00", false},
				{"2026-07-01", "2026-07-31", "31.00", "31.00", false},
			}},
		{"ending inside July, known before July is billed", func() rules.Charge {
			c := monthly(t, 1, "30.00", "2026-05-01")
			c.End, c.BilledThrough = date(t, "2026-07-15"), date(t, "2026-06-30")
			return c
		}, []want{{"2026-07-01", "2026-07-15", "14.52", "14.52", true}}}, // 30 × 15 / 31 = 14.516…
		{"ended and billed through its end", func() rules.Charge {
			c := monthly(t, 1, "30.00", "2026-05-01")
			c.End, c.BilledThrough = date(t, "2026-06-20"), date(t, "2026-06-30")
			return c
		}, nil},
		{"starting and ending inside one period", func() rules.Charge {
			c := monthly(t, 1, "30.00", "2026-06-10")
			c.End = date(t, "2026-06-19")
			return c
		}, []want{{"2026-06-10", "2026-06-19", "10.00", "10.00", true}}},
		{"a one-day charge on the last day", func() rules.Charge {
			c := monthly(t, 1, "30.00", "2026-06-30")
			c.End = date(t, "2026-06-30")
			return c
		}, []want{{"2026-06-30", "2026-06-30", "1.00", "1.00", true}}},
		{"billed through mid-month by another system", func() rules.Charge {
			c := monthly(t, 1, "30.00", "2026-01-01")
			c.BilledThrough = date(t, "2026-06-15")
			return c
		}, []want{{"2026-06-16", "2026-06-30", "15.00", "15.00", true}, {"2026-07-01", "2026-07-31", "30.00", "30.00", false}}},
		{"billed through already past the period", func() rules.Charge {
			c := monthly(t, 1, "30.00", "2026-01-01")
			c.BilledThrough = date(t, "2026-07-31")
			return c
		}, nil},
		{"billed through a date before its start bills from the start", func() rules.Charge {
			c := monthly(t, 1, "30.00", "2026-07-01")
			c.BilledThrough = date(t, "2026-03-31")
			return c
		}, []want{{"2026-07-01", "2026-07-31", "30.00", "30.00", false}}},
		{"quantity times the rounded unit price", func() rules.Charge {
			c := monthly(t, 1, "9.99", "2026-06-21")
			c.Quantity = dec("2.5")
			return c
		}, []want{ // 9.99 × 10 / 30 = 3.33; 2.5 × 3.33 = 8.325 → 8.33; 2.5 × 9.99 = 24.975 → 24.98
			{"2026-06-21", "2026-06-30", "3.33", "8.33", true}, {"2026-07-01", "2026-07-31", "9.99", "24.98", false}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkLines(t, chargeLines(t, monthlyOn1, june, c.charge()), c.want...)
		})
	}
}

func TestMonthlyChargesOnOtherSchedules(t *testing.T) {
	// On a quarterly schedule anchored on 15, months start on the 15th.
	quarter := period(t, "2026-04-15", "2026-07-15")
	q15 := rules.Schedule{Frequency: rules.Quarterly, Day: 15}
	checkLines(t, chargeLines(t, q15, quarter, monthly(t, 1, "30.00", "2026-05-01")),
		want{"2026-05-01", "2026-05-14", "14.00", "14.00", true},
		want{"2026-05-15", "2026-06-14", "30.00", "30.00", false},
		want{"2026-06-15", "2026-07-14", "30.00", "30.00", false},
		want{"2026-07-15", "2026-08-14", "30.00", "30.00", false})
	// On a weekly schedule, calendar months, billed in advance once the month starts by the week's end.
	week := period(t, "2026-06-01", "2026-06-08")
	weekly := rules.Schedule{Frequency: rules.Weekly, Weekday: time.Monday}
	checkLines(t, chargeLines(t, weekly, week, monthly(t, 1, "30.00", "2026-06-03")),
		want{"2026-06-03", "2026-06-30", "28.00", "28.00", true})
	// On a monthly schedule anchored on 20, a month is the 20th to the 19th.
	m20 := rules.Schedule{Frequency: rules.Monthly, Day: 20}
	checkLines(t, chargeLines(t, m20, period(t, "2026-02-20", "2026-03-20"), monthly(t, 1, "28.00", "2026-03-01")),
		want{"2026-03-01", "2026-03-19", "19.00", "19.00", true}, // 28 × 19 / 28
		want{"2026-03-20", "2026-04-19", "28.00", "28.00", false})
}

func renewal(t *testing.T, r rules.Recurrence, price, start string) rules.Charge {
	return rules.Charge{ID: 2, Description: "Support", Recurrence: r, Quantity: dec("1"), UnitPrice: dec(price), Start: date(t, start)}
}

func TestQuarterlyAndYearlyRenewFromTheirStartWithNoProRata(t *testing.T) {
	june := period(t, "2026-06-01", "2026-07-01")
	july := period(t, "2026-07-01", "2026-08-01")
	// From 31 January the quarters renew on the 30 April and 31 July: each
	// from the start date, never drifting to the 30th.
	q := renewal(t, rules.EveryQuarter, "90.00", "2026-01-31")
	checkLines(t, chargeLines(t, monthlyOn1, june, q),
		want{"2026-01-31", "2026-04-29", "90.00", "90.00", false},
		want{"2026-04-30", "2026-07-30", "90.00", "90.00", false})
	q.BilledThrough = date(t, "2026-07-30")
	checkLines(t, chargeLines(t, monthlyOn1, july, q),
		want{"2026-07-31", "2026-10-30", "90.00", "90.00", false})
	checkLines(t, chargeLines(t, monthlyOn1, june, q)) // nothing more in June

	// A quarter starting mid-month is billed whole in the run whose end it starts by.
	checkLines(t, chargeLines(t, monthlyOn1, june, renewal(t, rules.EveryQuarter, "90.00", "2026-06-17")),
		want{"2026-06-17", "2026-09-16", "90.00", "90.00", false})
	checkLines(t, chargeLines(t, monthlyOn1, june, renewal(t, rules.EveryQuarter, "90.00", "2026-07-02")))

	// An end inside a period is not credited; no period starts after it.
	ending := renewal(t, rules.EveryQuarter, "90.00", "2026-01-31")
	ending.End = date(t, "2026-03-01")
	checkLines(t, chargeLines(t, monthlyOn1, june, ending),
		want{"2026-01-31", "2026-04-29", "90.00", "90.00", false})

	// A yearly charge from a leap day renews on 28 February, and on the
	// 29th again in a leap year; a catch-up bills every year in turn.
	y := renewal(t, rules.EveryYear, "120.00", "2024-02-29")
	feb2028 := period(t, "2028-02-01", "2028-03-01")
	checkLines(t, chargeLines(t, monthlyOn1, feb2028, y),
		want{"2024-02-29", "2025-02-27", "120.00", "120.00", false},
		want{"2025-02-28", "2026-02-27", "120.00", "120.00", false},
		want{"2026-02-28", "2027-02-27", "120.00", "120.00", false},
		want{"2027-02-28", "2028-02-28", "120.00", "120.00", false},
		want{"2028-02-29", "2029-02-27", "120.00", "120.00", false})
	// Migrated as billed through its last renewal.
	y.BilledThrough = date(t, "2028-02-28")
	checkLines(t, chargeLines(t, monthlyOn1, feb2028, y),
		want{"2028-02-29", "2029-02-27", "120.00", "120.00", false})
	y.BilledThrough = date(t, "2029-02-27")
	checkLines(t, chargeLines(t, monthlyOn1, feb2028, y))
}

func TestOneOffChargesAreDueWhenDatedBeforeThePeriodsEnd(t *testing.T) {
	june := period(t, "2026-06-01", "2026-07-01")
	oneOff := func(d string) rules.Charge {
		return rules.Charge{ID: 3, Description: "Installation", Recurrence: rules.OneOff, Quantity: dec("2"), UnitPrice: dec("49.99"), Date: date(t, d)}
	}
	checkLines(t, chargeLines(t, monthlyOn1, june, oneOff("2026-06-30")), want{"2026-06-30", "2026-06-30", "49.99", "99.98", false})
	checkLines(t, chargeLines(t, monthlyOn1, june, oneOff("2025-11-02")), want{"2025-11-02", "2025-11-02", "49.99", "99.98", false})
	checkLines(t, chargeLines(t, monthlyOn1, june, oneOff("2026-07-01")))
}

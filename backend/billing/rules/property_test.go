package rules_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/billing/rules"
)

// Each site's Call Charges is round(Σ its calls), so the invoice's calls
// add up to the sum of those roundings, and the lines' exact totals to
// the exact sum of every call: no call lost or counted twice across sites.
func TestPropertyCallChargesOverSites(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 2026))
	m := rules.Money{Places: 2, Rounding: rules.HalfUp}
	for iter := 0; iter < 300; iter++ {
		sites := rng.IntN(6)
		sums := make([]decimal.Decimal, sites+1)
		counts := make([]int64, sites+1)
		var groups []rules.CallGroup
		all := decimal.Zero
		for n := rng.IntN(200); n > 0; n-- {
			site := rng.IntN(sites + 1)
			price := decimal.New(rng.Int64N(50_000), -4) // up to £5, 4 places
			g := rules.CallGroup{SiteID: site, SiteName: fmt.Sprintf("Site %d", site)}
			g.Add(price)
			groups = append(groups, g) // one group per call: the rules merge a site's
			sums[site] = sums[site].Add(price)
			counts[site]++
			all = all.Add(price)
		}
		r := juneRun(t, rules.Customer{ID: 1, Reference: "A01", Name: "A", Calls: groups})
		res := bill(t, r)
		if len(groups) == 0 {
			if len(res.Invoices) != 0 {
				t.Fatalf("no calls, yet an invoice: %+v", res.Invoices)
			}
			continue
		}
		want := decimal.Zero
		nonEmpty := 0
		for s := range sums {
			if counts[s] > 0 {
				want = want.Add(m.Round(sums[s]))
				nonEmpty++
			}
		}
		inv := only(t, res)
		ls := lines(inv)
		if len(ls) != nonEmpty {
			t.Fatalf("%d Call Charges lines for %d sites with calls", len(ls), nonEmpty)
		}
		exact := decimal.Zero
		for _, l := range ls {
			if !l.Amount.Equal(m.Round(sums[l.SiteID])) || l.Calls != counts[l.SiteID] || !l.CallTotal.Equal(sums[l.SiteID]) {
				t.Fatalf("site %d: line %s for %d calls of %s, want round(%s) for %d", l.SiteID, l.Amount, l.Calls, l.CallTotal, sums[l.SiteID], counts[l.SiteID])
			}
			exact = exact.Add(l.CallTotal)
		}
		if !inv.Net.Equal(want) {
			t.Fatalf("net %s, want Σ round(site sums) = %s", inv.Net, want)
		}
		if !exact.Equal(all) {
			t.Fatalf("the lines' exact totals add to %s, the calls to %s", exact, all)
		}
	}
}

// A monthly charge over a whole period is its price, whatever the
// period's length, the price or the rounding mode; and a month split at
// any day is billed for exactly the days of service.
func TestPropertyProRataOverAWholePeriodIsThePrice(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 2026))
	for iter := 0; iter < 2000; iter++ {
		s := rules.Schedule{Frequency: rules.Monthly, Day: 1 + rng.IntN(rules.MaxAnchorDay)}
		p, err := s.PeriodOf(rules.NewDate(1900+rng.IntN(500), time.Month(1+rng.IntN(12)), 1+rng.IntN(28)))
		if err != nil {
			t.Fatal(err)
		}
		price := decimal.New(rng.Int64N(1_000_000), -2)
		d := deployment()
		d.Money.Rounding = rules.Rounding(rng.IntN(4))
		c := rules.Charge{ID: 1, Description: "Rental", Recurrence: rules.EveryMonth, Quantity: dec("1"), UnitPrice: price, Start: p.Start}
		prev, _ := s.Previous(p)
		run := rules.Run{Schedule: s, Period: prev, IssueDate: p.Start, Numbering: rules.Numbering{Next: 1},
			Customers: []rules.Customer{{ID: 1, Reference: "A", Name: "A", Charges: []rules.Charge{c}}}}
		res, err := rules.Bill(d, run)
		if err != nil {
			t.Fatal(err)
		}
		l := lines(only(t, res))
		if len(l) != 1 || l[0].ProRata || !l[0].UnitPrice.Equal(price) || !l[0].Amount.Equal(price) {
			t.Fatalf("%s over %s (%s): %+v, want one whole line of %s", price, p, d.Money.Rounding, l, price)
		}
		// The whole period as days_used / days_in_period is the price too.
		days := decimal.NewFromInt(int64(p.Days()))
		if got := d.Money.RoundQuotient(price.Mul(days), days); !got.Equal(price) {
			t.Fatalf("round(%s × %d / %d) = %s", price, p.Days(), p.Days(), got)
		}
		// Ending on the period's last day is no pro rata either.
		c.End = p.Last()
		run.Customers[0].Charges[0] = c
		if res, _ = rules.Bill(d, run); lines(only(t, res))[0].ProRata {
			t.Fatalf("a charge for all of %s is pro rata", p)
		}
		// Started on any day, the first line is for the days to the period's end.
		c.End = rules.Date{}
		c.Start = p.Start.AddDays(rng.IntN(p.Days()))
		run.Customers[0].Charges[0] = c
		run.Period, run.IssueDate = p, p.End
		res, err = rules.Bill(d, run)
		if err != nil {
			t.Fatal(err)
		}
		first := lines(only(t, res))[0]
		used := c.Start.DaysUntil(p.End)
		want := d.Money.RoundQuotient(price.Mul(decimal.NewFromInt(int64(used))), days)
		if first.ServiceFrom != c.Start || first.ServiceTo != p.Last() || !first.UnitPrice.Equal(want) || first.ProRata != (used != p.Days()) {
			t.Fatalf("from %s in %s: %+v, want %d days at %s", c.Start, p, first, used, want)
		}
	}
}

// Money.RoundQuotient agrees with rounding the exact quotient wherever
// the quotient terminates.
func TestPropertyRoundQuotientMatchesExactRounding(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dens := []int64{1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 40, 50, 64, 80, 125}
	for iter := 0; iter < 5000; iter++ {
		num := decimal.New(rng.Int64N(10_000_000), -int32(rng.IntN(5)))
		den := decimal.NewFromInt(dens[rng.IntN(len(dens))])
		m := rules.Money{Places: int32(rng.IntN(5)), Rounding: rules.Rounding(rng.IntN(4))}
		exact := num.DivRound(den, 20) // terminates well within 20 places
		if got, want := m.RoundQuotient(num, den), m.Round(exact); !got.Equal(want) {
			t.Fatalf("%s / %s at %d places %s = %s, want %s", num, den, m.Places, m.Rounding, got, want)
		}
	}
}

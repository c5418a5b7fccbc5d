package invoicing_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingschedule"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/invoice"
)

// generateMonth gives n customers of the schedule calls across June (and
// a few on 1 July, not yet due) on up to three sites each, at random
// prices; it returns the calls' count.
func (w *world) generateMonth(rng *rand.Rand, prefix string, n int, sched *ent.BillingSchedule) int {
	w.t.Helper()
	var calls []pcall
	for i := range n {
		cu := w.customer(fmt.Sprintf("%s%03d", prefix, i), fmt.Sprintf("Customer %s%d", prefix, i), func(cr *ent.CustomerCreate) { cr.SetSchedule(sched) })
		var sites []*ent.Site
		for s := range rng.IntN(4) {
			st, err := w.c.Site.Create().SetCustomer(cu).SetName(fmt.Sprintf("Site %d", s)).Save(w.ctx)
			if err != nil {
				w.t.Fatal(err)
			}
			sites = append(sites, st)
		}
		for range rng.IntN(60) {
			pc := pcall{customer: cu, start: at(2026, 6, 1, 0).Add(time.Duration(rng.Int64N(int64(30 * 24 * time.Hour)))),
				price: decimal.New(rng.Int64N(20000), -4).String()}
			if len(sites) > 0 && rng.IntN(3) > 0 {
				pc.site = sites[rng.IntN(len(sites))]
			}
			if rng.IntN(20) == 0 {
				pc.start = at(2026, 7, 1, 0).Add(time.Duration(rng.Int64N(int64(time.Hour))))
			}
			calls = append(calls, pc)
		}
	}
	w.upload(calls[:len(calls)/2]...)
	w.upload(calls[len(calls)/2:]...)
	return len(calls)
}

// Every priced June call of a generated month is on exactly one Call
// Charges charge, of its own customer and site, on an invoice of that
// customer; each charge's amount is round(Σ its calls' prices); calls from
// 1 July are left for the next run.
func TestEveryCallOnExactlyOneInvoiceOfAGeneratedMonth(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			w := newWorld(t, mode)
			w.generateMonth(rand.New(rand.NewPCG(7, 8)), "G", 40, w.schedule)
			run := w.bill(invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-06"})
			if run.FailureReason != "" {
				t.Fatal(run.FailureReason)
			}
			julyStart := at(2026, 7, 1, 0)
			charges := map[int]*ent.Charge{}
			for _, ch := range w.c.Charge.Query().Where(charge.KindEQ(charge.KindCalls)).WithCustomer().WithInvoice(func(q *ent.InvoiceQuery) { q.WithCustomer() }).AllX(w.ctx) {
				charges[ch.ID] = ch
			}
			sums := map[int]decimal.Decimal{}
			counts := map[int]int64{}
			for _, cl := range w.c.Call.Query().Where(call.StatusEQ(call.StatusPriced)).AllX(w.ctx) {
				due := cl.Start.Before(julyStart)
				if cl.ChargeID == nil {
					if due {
						t.Errorf("call on line %d of %v is due and on no charge", cl.Line, cl.Start)
					}
					continue
				}
				if !due {
					t.Errorf("call on line %d of %v (July) was billed in June", cl.Line, cl.Start)
				}
				ch := charges[*cl.ChargeID]
				if ch == nil || ch.Edges.Customer.ID != *cl.CustomerID || ch.Edges.Invoice.Edges.Customer.ID != *cl.CustomerID {
					t.Fatalf("call on line %d is on charge %d, not a Call Charges of its customer's invoice", cl.Line, *cl.ChargeID)
				}
				if (ch.SiteID == nil) != (cl.SiteID == nil) || ch.SiteID != nil && *ch.SiteID != *cl.SiteID {
					t.Errorf("call on line %d (site %v) is on the Call Charges of site %v", cl.Line, cl.SiteID, ch.SiteID)
				}
				sums[ch.ID] = sums[ch.ID].Add(decimal.New(cl.PriceUnits, -int32(cl.PriceDecimals)))
				counts[ch.ID]++
			}
			if len(charges) == 0 {
				t.Fatal("no Call Charges")
			}
			for id, ch := range charges {
				if !ch.CallTotal.Equal(sums[id]) || ch.Calls != counts[id] || !ch.Amount.Equal(sums[id].Round(2)) {
					t.Errorf("%s of %s: %d calls, total %s, amount %s; its calls are %d adding to %s", ch.Description, ch.Edges.Customer.Reference, ch.Calls, ch.CallTotal, ch.Amount, counts[id], sums[id])
				}
				if len(ch.QueryLines().AllX(w.ctx)) != 1 {
					t.Errorf("charge %d is on %d lines; want 1", id, len(ch.QueryLines().AllX(w.ctx)))
				}
			}
		})
	}
}

// Runs of two schedules, each started on two runtimes at once (and over
// the same database), never repeat or skip a number: the invoices are
// numbered 1..n, each once, and each run holds a block in reference order.
func TestConcurrentRunsNeitherRepeatNorSkipNumbers(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			cfg := testenv.Config(t, mode)
			w1 := worldOf(t, testenv.Start(t, cfg))
			w2 := worldOf(t, testenv.Start(t, cfg))
			other, err := w1.c.BillingSchedule.Create().SetName("Monthly 2").SetFrequency(billingschedule.FrequencyMonthly).SetAnchorDay(1).Save(w1.ctx)
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			w1.generateMonth(rng, "X", 25, w1.schedule)
			w2.uploads, w2.line = w1.uploads, w1.line
			w2.generateMonth(rng, "Y", 25, other)
			var runs []*ent.BillingRun
			for _, in := range []invoicing.RunInput{
				{ScheduleID: w1.schedule.ID, Period: "2026-06", IssueDate: rules.NewDate(2026, 7, 1)},
				{ScheduleID: other.ID, Period: "2026-06", IssueDate: rules.NewDate(2026, 7, 1)},
			} {
				svc := *w1.svc()
				svc.Queue = nil // executed here, on both runtimes at once
				r, err := svc.Start(w1.ctx, in)
				if err != nil {
					t.Fatal(err)
				}
				runs = append(runs, r)
			}
			var wg sync.WaitGroup
			for _, r := range runs {
				for _, w := range []*world{w1, w2} {
					wg.Add(1)
					go func() {
						defer wg.Done()
						_ = w.svc().Execute(w.ctx, r.ID) // the loser is busy or finds it done
					}()
				}
			}
			wg.Wait()
			total := 0
			for _, r := range runs {
				done := w1.wait(r.ID)
				if done.FailureReason != "" {
					t.Fatal(done.FailureReason)
				}
				total += done.InvoiceCount
				if done.InvoiceCount > 0 && int(*done.LastNumber-*done.FirstNumber)+1 != done.InvoiceCount {
					t.Errorf("run %d holds numbers %d..%d for %d invoices", r.ID, *done.FirstNumber, *done.LastNumber, done.InvoiceCount)
				}
			}
			invs := w1.c.Invoice.Query().Order(ent.Asc(invoice.FieldNumber)).AllX(w1.ctx)
			if len(invs) != total || total == 0 {
				t.Fatalf("%d invoices stored; the runs say %d", len(invs), total)
			}
			for i, inv := range invs {
				if inv.Number != int64(i+1) {
					t.Fatalf("invoice %d is numbered %d; want 1..%d without a gap", i+1, inv.Number, total)
				}
			}
			if n := w1.c.CompanySettings.Query().OnlyX(w1.ctx).NextInvoiceNumber; n != int64(total+1) {
				t.Errorf("next number %d after %d invoices", n, total)
			}
		})
	}
}

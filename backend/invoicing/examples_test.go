package invoicing_test

import (
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/companysettings"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/delivery"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/invoiceline"
)

// BILLING.md's worked examples 1 to 5 through the database: the June run
// issues A, B and P's invoices in reference order, carries C over below
// the minimum, puts Q's lines on P's invoice; the July run bills a late
// June CDR processed after the June run, once, and C's carried calls.
func TestWorkedExamplesEndToEnd(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			w := newWorld(t, mode)
			a := w.customer("A", "A Ltd", nil)
			b := w.customer("B", "B Ltd", nil)
			c := w.customer("C", "C Ltd", func(cr *ent.CustomerCreate) { cr.SetTaxExempt(true) })
			p := w.customer("P", "P Ltd", func(cr *ent.CustomerCreate) {
				cr.SetInvoiceDelivery(customer.InvoiceDeliveryEmail).SetDeliveryEmail("accounts@p.example")
			})
			q := w.customer("Q01", "Q Ltd", func(cr *ent.CustomerCreate) { cr.SetBillingType(customer.BillingTypeParent).SetParent(p) })
			bt := rules.NewDate(2026, 6, 30)
			rentalA := w.recurring(a, "Line rental", "12.50", "1", rules.NewDate(2026, 5, 1), &bt)
			w.recurring(b, "Line rental", "30.00", "1", rules.NewDate(2026, 6, 10), nil)
			w.upload(
				pcall{a, nil, at(2026, 6, 3, 10), "0.0153"}, pcall{a, nil, at(2026, 6, 4, 10), "0.0080"}, pcall{a, nil, at(2026, 6, 30, 23), "0.0500"},
				pcall{c, nil, at(2026, 6, 5, 9), "2.0000"}, pcall{c, nil, at(2026, 6, 6, 9), "2.3349"},
				pcall{p, nil, at(2026, 6, 7, 9), "10.0040"}, pcall{q, nil, at(2026, 6, 8, 9), "2.0050"},
				// Started on 1 July, London time: the July run's.
				pcall{a, nil, at(2026, 7, 1, 0).Add(time.Minute), "0.3000"},
			)
			june := invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-06", IssueDate: rules.NewDate(2026, 7, 1), Minimum: dec("5.00"), SendEmails: true}

			pv, err := w.svc().Preview(w.ctx, june)
			if err != nil {
				t.Fatal(err)
			}
			run := w.bill(june)
			if run.Status != billingrun.StatusCompleted || run.InvoiceCount != 3 || *run.FirstNumber != 1 || *run.LastNumber != 3 {
				t.Fatalf("June run %s, %d invoices %v..%v, %q; want COMPLETED with invoices 1..3", run.Status, run.InvoiceCount, run.FirstNumber, run.LastNumber, run.FailureReason)
			}
			invs := w.c.Invoice.Query().Where(invoice.HasBillingRunWith(billingrun.ID(run.ID))).Order(ent.Asc(invoice.FieldNumber)).WithLines(func(q *ent.InvoiceLineQuery) {
				q.Order(ent.Asc(invoiceline.FieldPosition))
			}).WithCustomer().AllX(w.ctx)
			want := []struct {
				number          int64
				ref, net, total string
				lines           []string // amount per line, in order
			}{
				{1, "A", "12.57", "15.08", []string{"0.07", "12.50"}},
				{2, "B", "51.00", "61.20", []string{"21.00", "30.00"}},
				{3, "P", "12.01", "14.41", []string{"10.00", "2.01"}},
			}
			if len(invs) != len(want) || len(pv.Invoices) != len(want) {
				t.Fatalf("%d invoices stored, %d previewed; want %d", len(invs), len(pv.Invoices), len(want))
			}
			for i, wi := range want {
				inv, pi := invs[i], pv.Invoices[i]
				if inv.Number != wi.number || inv.CustomerReference != wi.ref || !inv.NetTotal.Equal(dec(wi.net)) || !inv.Total.Equal(dec(wi.total)) {
					t.Errorf("invoice %d: %s net %s total %s; want %d %s net %s total %s", inv.Number, inv.CustomerReference, inv.NetTotal, inv.Total, wi.number, wi.ref, wi.net, wi.total)
				}
				// The preview is the run.
				if pi.Number != inv.Number || pi.Reference != inv.CustomerReference || !pi.Total.Equal(inv.Total) || !pi.Tax.Equal(inv.TaxTotal) {
					t.Errorf("previewed %d %s %s; issued %d %s %s", pi.Number, pi.Reference, pi.Total, inv.Number, inv.CustomerReference, inv.Total)
				}
				if len(inv.Edges.Lines) != len(wi.lines) {
					t.Fatalf("invoice %d has %d lines; want %d", inv.Number, len(inv.Edges.Lines), len(wi.lines))
				}
				for j, l := range inv.Edges.Lines {
					if !l.Amount.Equal(dec(wi.lines[j])) {
						t.Errorf("invoice %d line %d (%s) is %s; want %s", inv.Number, j, l.Description, l.Amount, wi.lines[j])
					}
				}
				if !inv.DueDate.Equal(day(rules.NewDate(2026, 7, 31))) || !inv.PeriodStart.Equal(day(rules.NewDate(2026, 6, 1))) {
					t.Errorf("invoice %d due %v, period from %v; want due 2026-07-31 for the period from 2026-06-01", inv.Number, inv.DueDate, inv.PeriodStart)
				}
			}
			// Q's lines are under its heading on P's invoice.
			if l := invs[2].Edges.Lines[1]; l.Heading != "Q Ltd (Q01)" || l.Kind != invoiceline.KindCalls || *l.CustomerID != q.ID {
				t.Errorf("P's second line: heading %q, kind %s; want Q's Call Charges under \"Q Ltd (Q01)\"", l.Heading, l.Kind)
			}
			if n := w.c.Invoice.Query().Where(invoice.HasCustomerWith(customer.IDIn(c.ID, q.ID))).CountX(w.ctx); n != 0 {
				t.Errorf("C or Q got %d invoices; want none (C below the minimum, Q billed to P)", n)
			}
			// A's June calls are on its Call Charges, its July call is not;
			// C's calls carried over are on no charge.
			callCharge := invs[0].Edges.Lines[0]
			if n := w.c.Call.Query().Where(call.ChargeIDNotNil(), call.CustomerID(a.ID)).CountX(w.ctx); n != 3 {
				t.Errorf("%d of A's calls billed in June; want its 3 June calls", n)
			}
			if n := w.c.Call.Query().Where(call.ChargeIDNotNil(), call.CustomerID(c.ID)).CountX(w.ctx); n != 0 {
				t.Errorf("%d of C's carried-over calls are on a charge; want none", n)
			}
			if n := w.c.Charge.Query().Where(charge.KindEQ(charge.KindCalls), charge.HasLinesWith(invoiceline.ID(callCharge.ID))).CountX(w.ctx); n != 1 {
				t.Errorf("A's Call Charges line has %d charges; want 1", n)
			}
			if got := w.c.Customer.GetX(w.ctx, a.ID).UnbilledTotal; !got.Equal(dec("0.3")) {
				t.Errorf("A's unbilled total after June is %s; want 0.3000, its July call", got)
			}
			if got := w.c.Customer.GetX(w.ctx, c.ID).UnbilledTotal; !got.Equal(dec("4.3349")) {
				t.Errorf("C's unbilled total after June is %s; want 4.3349 carried over untouched", got)
			}
			if got := w.c.Charge.GetX(w.ctx, rentalA.ID).BilledThrough; got == nil || !got.Equal(day(rules.NewDate(2026, 7, 31))) {
				t.Errorf("A's line rental billed through %v; want 2026-07-31 (July in advance)", got)
			}
			if n := w.c.CompanySettings.Query().OnlyX(w.ctx).NextInvoiceNumber; n != 4 {
				t.Errorf("next invoice number %d; want 4", n)
			}
			if d := w.c.Delivery.Query().WithInvoice().AllX(w.ctx); len(d) != 1 || d[0].Recipient != "accounts@p.example" || d[0].Edges.Invoice.Number != 3 || d[0].Status != delivery.StatusQueued {
				t.Errorf("deliveries %v; want one QUEUED to accounts@p.example for invoice 3", d)
			}

			// Bad input is refused and writes nothing.
			runs := w.c.BillingRun.Query().CountX(w.ctx)
			for name, tc := range map[string]struct {
				in   invoicing.RunInput
				code apperr.Code
			}{
				"June again":           {june, apperr.Conflict},
				"used start number":    {invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-07", StartNumber: 2}, apperr.Invalid},
				"issue before the end": {invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-07", IssueDate: rules.NewDate(2026, 7, 15)}, apperr.Invalid},
				"negative minimum":     {invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-07", Minimum: dec("-1")}, apperr.Invalid},
				"no such period":       {invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-13"}, apperr.Invalid},
				"no such schedule":     {invoicing.RunInput{ScheduleID: w.schedule.ID + 999, Period: "2026-07"}, apperr.NotFound},
			} {
				if _, err := w.svc().Start(w.ctx, tc.in); apperr.CodeOf(err) != tc.code {
					t.Errorf("%s: %v; want %s", name, err, tc.code)
				}
			}
			if n := w.c.BillingRun.Query().CountX(w.ctx); n != runs {
				t.Errorf("%d runs after refusals; want %d", n, runs)
			}

			// Example 5: a June call processed after the June run.
			late := w.upload(pcall{a, nil, at(2026, 6, 20, 12), "0.1000"})
			july := w.bill(invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-07", IssueDate: rules.NewDate(2026, 8, 1)})
			if july.Status != billingrun.StatusCompleted || *july.FirstNumber != 4 || *july.LastNumber != 6 {
				t.Fatalf("July run %s, invoices %v..%v, %q; want COMPLETED with 4..6 (A, B, C)", july.Status, july.FirstNumber, july.LastNumber, july.FailureReason)
			}
			lateCall := w.c.Call.Query().Where(call.UploadID(late.ID)).OnlyX(w.ctx)
			ch := w.c.Charge.Query().Where(charge.ID(*lateCall.ChargeID)).WithInvoice().OnlyX(w.ctx)
			if ch.Edges.Invoice.Number != 4 || ch.Calls != 2 || !ch.Amount.Equal(dec("0.40")) {
				t.Errorf("the late June call is on invoice %d's Call Charges of %d calls, %s; want invoice 4, 2 calls (with A's July call), 0.40", ch.Edges.Invoice.Number, ch.Calls, ch.Amount)
			}
			cInv := w.c.Invoice.Query().Where(invoice.Number(6)).OnlyX(w.ctx)
			if cInv.CustomerReference != "C" || !cInv.Total.Equal(dec("4.33")) || !cInv.TaxExempt {
				t.Errorf("invoice 6: %s %s exempt %v; want C's carried calls, 4.33, exempt", cInv.CustomerReference, cInv.Total, cInv.TaxExempt)
			}
			if n := w.c.Call.Query().Where(call.ChargeIDIsNil()).CountX(w.ctx); n != 0 {
				t.Errorf("%d calls unbilled after July; want none", n)
			}
			for _, cu := range w.c.Customer.Query().AllX(w.ctx) {
				if !cu.UnbilledTotal.IsZero() {
					t.Errorf("%s's unbilled total is %s after July; want 0", cu.Reference, cu.UnbilledTotal)
				}
			}
			if n := w.c.CompanySettings.Query().Where(companysettings.NextInvoiceNumber(7)).CountX(w.ctx); n != 1 {
				t.Errorf("the next invoice number is not 7 after invoices 1..6")
			}
		})
	}
}

package invoicing_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/delivery"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/invoiceline"
	"github.com/tollgate/tollgate/ent/provider"
)

// books is a runtime with invoices made directly in its database, as a
// billing run would have issued them.
type books struct {
	env    *testenv.Env
	ctx    context.Context
	c      *ent.Client
	inv    *invoicing.Invoices
	upload *ent.CdrUpload
	lineNo int
}

func newBooks(t *testing.T, env *testenv.Env) *books {
	t.Helper()
	ctx := viewer.System(context.Background())
	b := &books{env: env, ctx: ctx, c: env.App.DB.Client, inv: env.App.Invoices}
	prov, err := b.c.Provider.Create().SetName("Carrier").SetCdrFormat(provider.CdrFormatAsterisk).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.upload, err = b.c.CdrUpload.Create().SetProvider(prov).SetFileName("june.csv").SetSha256("june").SetBlobKey("june").
		SetStatus(cdrupload.StatusProcessed).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *books) customer(t *testing.T, ref string) *ent.Customer {
	t.Helper()
	cu, err := b.c.Customer.Create().SetReference(ref).SetName(ref + " Ltd").Save(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return cu
}

func ymd(s string) time.Time {
	d, err := rules.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// invoice issues invoice number to cu on issued, for total.
func (b *books) invoice(t *testing.T, cu *ent.Customer, number int64, issued, total string) *ent.Invoice {
	t.Helper()
	tot := decimal.RequireFromString(total)
	inv, err := b.c.Invoice.Create().SetCustomer(cu).SetNumber(number).SetIssueDate(ymd(issued)).SetDueDate(ymd(issued).AddDate(0, 0, 30)).
		SetCustomerReference(cu.Reference).SetCustomerName(cu.Name).SetNetTotal(tot).SetTotal(tot).Save(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

// oneOff bills a one-off charge of amount on inv.
func (b *books) oneOff(t *testing.T, inv *ent.Invoice, cu *ent.Customer, desc, amount string) *ent.Charge {
	t.Helper()
	a := decimal.RequireFromString(amount)
	ch, err := b.c.Charge.Create().SetCustomer(cu).SetKind(charge.KindProduct).SetDescription(desc).SetQuantity(decimal.NewFromInt(1)).
		SetUnitPrice(a).SetAmount(a).SetDate(ymd("2026-06-15")).SetStatus(charge.StatusInvoiced).SetInvoice(inv).Save(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.line(t, inv, ch, desc, a, nil, nil)
	return ch
}

// rental bills July's line rental of a monthly charge running since May
// on inv, the charge then billed through 31 July.
func (b *books) rental(t *testing.T, inv *ent.Invoice, cu *ent.Customer, from, to string) *ent.Charge {
	t.Helper()
	p := decimal.RequireFromString("12.50")
	bt := ymd(to)
	ch, err := b.c.Charge.Create().SetCustomer(cu).SetKind(charge.KindProduct).SetDescription("Line rental").SetRecurrence(charge.RecurrenceMonthly).
		SetQuantity(decimal.NewFromInt(1)).SetUnitPrice(p).SetAmount(p).SetStartDate(ymd("2026-05-01")).SetBilledThrough(bt).
		SetInvoice(inv).Save(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := ymd(from)
	b.line(t, inv, ch, "Line rental", p, &f, &bt)
	return ch
}

// calls bills priced calls of cu (prices in 1/10000) with one Call Charges
// charge on inv.
func (b *books) calls(t *testing.T, inv *ent.Invoice, cu *ent.Customer, units ...int64) *ent.Charge {
	t.Helper()
	sum := int64(0)
	for _, u := range units {
		sum += u
	}
	exact := decimal.New(sum, -4)
	amount := exact.Round(2)
	ch, err := b.c.Charge.Create().SetCustomer(cu).SetKind(charge.KindCalls).SetDescription("Call Charges").
		SetQuantity(decimal.NewFromInt(int64(len(units)))).SetUnitPrice(amount).SetAmount(amount).SetCalls(int64(len(units))).
		SetCallTotal(exact).SetStatus(charge.StatusInvoiced).SetInvoice(inv).Save(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		b.lineNo++
		if err := b.c.Call.Create().SetUploadID(b.upload.ID).SetLine(b.lineNo).SetStatus(call.StatusPriced).SetSource("01134960001").
			SetDestination("02079460000").SetStart(ymd("2026-06-10")).SetDuration(60).SetPriceUnits(u).SetPriceDecimals(4).
			SetDupKey(int64(b.lineNo)).SetCustomerID(cu.ID).SetChargeID(ch.ID).Exec(b.ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.c.UploadCustomerTotal.Create().SetUploadID(b.upload.ID).SetCustomerID(cu.ID).SetCalls(int64(len(units))).
		SetPriceUnits(sum).SetPriceDecimals(4).Exec(b.ctx); err != nil {
		t.Fatal(err)
	}
	b.lineFor(t, inv, ch, invoiceline.KindCalls, "Call Charges", amount, nil, nil)
	return ch
}

func (b *books) line(t *testing.T, inv *ent.Invoice, ch *ent.Charge, desc string, amount decimal.Decimal, from, to *time.Time) {
	t.Helper()
	b.lineFor(t, inv, ch, invoiceline.KindCharge, desc, amount, from, to)
}

func (b *books) lineFor(t *testing.T, inv *ent.Invoice, ch *ent.Charge, kind invoiceline.Kind, desc string, amount decimal.Decimal, from, to *time.Time) {
	t.Helper()
	n, err := b.c.InvoiceLine.Query().Where(invoiceline.HasInvoiceWith(invoice.ID(inv.ID))).Count(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.c.InvoiceLine.Create().SetInvoice(inv).SetCharge(ch).SetPosition(n).SetKind(kind).SetDescription(desc).
		SetQuantity(ch.Quantity).SetUnitPrice(ch.UnitPrice).SetAmount(amount).SetTaxRate(decimal.NewFromInt(20)).
		SetNillableServiceFrom(from).SetNillableServiceTo(to).Exec(b.ctx); err != nil {
		t.Fatal(err)
	}
}

func (b *books) reload(t *testing.T, inv *ent.Invoice) *ent.Invoice {
	t.Helper()
	got, err := b.c.Invoice.Get(b.ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func (b *books) charge(t *testing.T, id int) *ent.Charge {
	t.Helper()
	ch, err := b.c.Charge.Query().Where(charge.ID(id)).WithInvoice().Only(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func (b *books) balance(t *testing.T, cu *ent.Customer) string {
	t.Helper()
	bal, err := b.inv.Balance(b.ctx, cu.ID)
	if err != nil {
		t.Fatal(err)
	}
	return bal.String()
}

// forEachMode runs test on a fresh runtime of each mode.
func forEachMode(t *testing.T, test func(t *testing.T, b *books)) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) { test(t, newBooks(t, testenv.StartMode(t, mode))) })
	}
}

// billed issues invoice number to a new customer for an installation, July's
// line rental and three calls (worked example 1's 0.0733).
func (b *books) billed(t *testing.T, number int64) (acme *ent.Customer, inv *ent.Invoice, setup, rent, calls *ent.Charge) {
	acme = b.customer(t, "ACME")
	inv = b.invoice(t, acme, number, "2026-07-01", "15.08")
	setup = b.oneOff(t, inv, acme, "Installation", "75.00")
	rent = b.rental(t, inv, acme, "2026-07-01", "2026-07-31")
	calls = b.calls(t, inv, acme, 153, 80, 500)
	return
}

func wantConflict(t *testing.T, err error, number int64, what string) {
	t.Helper()
	if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), fmt.Sprint(number)) || !strings.Contains(err.Error(), what) {
		t.Errorf("got %v; want CONFLICT naming invoice %d and saying %q", err, number, what)
	}
}

func date(s string) rules.Date {
	d, err := rules.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Settling one invoice, then many by issue date: a second settle is a
// conflict naming the number, a settle date before the issue date or in
// the future is refused, the range skips deleted invoices, and the
// customer's balance is what stays outstanding.
func TestSettleOneAndMany(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			b := newBooks(t, testenv.StartMode(t, mode))
			acme, beta := b.customer(t, "ACME"), b.customer(t, "BETA")
			i1 := b.invoice(t, acme, 1001, "2026-07-01", "15.08")
			i2 := b.invoice(t, acme, 1002, "2026-07-01", "61.20")
			i3 := b.invoice(t, beta, 1003, "2026-07-02", "4.33")
			i4 := b.invoice(t, beta, 1004, "2026-08-01", "10.00")
			i5 := b.invoice(t, beta, 1005, "2026-07-02", "99.99")
			if got := b.balance(t, acme); got != "76.28" {
				t.Errorf("ACME's balance %s; want 15.08 + 61.20 = 76.28", got)
			}

			_, err := b.inv.Settle(b.ctx, i1.ID, invoicing.SettleInput{Date: date("2026-06-30")})
			if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), "1001") || b.reload(t, i1).Status != invoice.StatusIssued {
				t.Errorf("settle before the issue date: %v; want INVALID naming 1001, the invoice still issued", err)
			}
			if _, err := b.inv.Settle(b.ctx, i1.ID, invoicing.SettleInput{Date: date("2999-01-01")}); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("settle in the future: %v; want INVALID", err)
			}
			got, err := b.inv.Settle(b.ctx, i1.ID, invoicing.SettleInput{Date: date("2026-07-20"), Comment: " paid by BACS "})
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != invoice.StatusSettled || !got.SettledAt.Equal(ymd("2026-07-20")) || got.SettleComment != "paid by BACS" {
				t.Errorf("settled invoice %+v", got)
			}
			_, err = b.inv.Settle(b.ctx, i1.ID, invoicing.SettleInput{})
			wantConflict(t, err, 1001, "already settled")
			if got := b.balance(t, acme); got != "61.2" {
				t.Errorf("ACME's balance after settling 1001: %s; want 61.20", got)
			}

			if _, err := b.inv.Delete(b.ctx, i5.ID, invoicing.DeleteInput{Reason: "raised in error"}); err != nil {
				t.Fatal(err)
			}
			_, err = b.inv.SettleRange(b.ctx, invoicing.SettleRangeInput{From: date("2026-07-01"), To: date("2026-07-31"), Date: date("2026-07-01")})
			if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), "1003") {
				t.Errorf("range settled before an invoice's issue date: %v; want INVALID naming 1003", err)
			}
			if b.reload(t, i2).Status != invoice.StatusIssued {
				t.Error("a refused range settle wrote something")
			}
			if _, err := b.inv.SettleRange(b.ctx, invoicing.SettleRangeInput{From: date("2026-07-31"), To: date("2026-07-01")}); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("range ending before it starts: %v; want INVALID", err)
			}
			res, err := b.inv.SettleRange(b.ctx, invoicing.SettleRangeInput{From: date("2026-07-01"), To: date("2026-07-31"), Date: date("2026-08-05"), Comment: "July remittance"})
			if err != nil {
				t.Fatal(err)
			}
			if res.Count != 2 || fmt.Sprint(res.Numbers) != "[1002 1003]" || res.Total.String() != "65.53" {
				t.Errorf("range settled %+v; want 1002 and 1003 (1001 settled before, 1005 deleted, 1004 issued in August), 65.53", res)
			}
			for _, c := range []struct {
				inv  *ent.Invoice
				want invoice.Status
			}{{i2, invoice.StatusSettled}, {i3, invoice.StatusSettled}, {i4, invoice.StatusIssued}, {i5, invoice.StatusDeleted}} {
				got := b.reload(t, c.inv)
				if got.Status != c.want {
					t.Errorf("invoice %d is %s; want %s", got.Number, got.Status, c.want)
				}
				if c.want == invoice.StatusSettled && got.SettleComment != "July remittance" {
					t.Errorf("invoice %d's settle comment %q", got.Number, got.SettleComment)
				}
			}
			if got := b.balance(t, beta); got != "10" {
				t.Errorf("BETA's balance %s; want 10.00 (1004 only)", got)
			}
		})
	}
}

// Deleting an invoice alone: its number stays on record as deleted, its
// one-off charge is pending again, its Call Charges' calls are unbilled
// again, its recurring charge is billed again from the first day it
// billed, and its queued email is cancelled. A second delete or a settle
// of it is a conflict naming the number.
func TestDeleteInvoiceOnly(t *testing.T) {
	forEachMode(t, func(t *testing.T, b *books) {
		acme, inv, setup, rent, calls := b.billed(t, 2001)
		mail, err := b.c.Delivery.Create().SetInvoice(inv).SetRecipient("accounts@acme.example").Save(b.ctx)
		if err != nil {
			t.Fatal(err)
		}

		got, err := b.inv.Delete(b.ctx, inv.ID, invoicing.DeleteInput{Reason: "wrong customer"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != invoice.StatusDeleted || got.Number != 2001 || got.DeletedAt == nil || got.DeleteReason != "wrong customer" {
			t.Errorf("deleted invoice %+v", got)
		}
		if ch := b.charge(t, setup.ID); ch.Status != charge.StatusPending || ch.Edges.Invoice != nil {
			t.Errorf("%s is %s on invoice %v; want pending on none", ch.Description, ch.Status, ch.Edges.Invoice)
		}
		// The Call Charges charge goes and its calls are unbilled again, so
		// the next run bills them (the run reads unbilled calls, not
		// pending Call Charges charges).
		if ok, err := b.c.Charge.Query().Where(charge.ID(calls.ID)).Exist(b.ctx); err != nil || ok {
			t.Errorf("the Call Charges charge still exists (%v)", err)
		}
		if n, err := b.c.Call.Query().Where(call.ChargeIDIsNil(), call.CustomerID(acme.ID)).Count(b.ctx); err != nil || n != 3 {
			t.Errorf("%d calls (%v) of ACME are unbilled again; want 3", n, err)
		}
		r := b.charge(t, rent.ID)
		if r.BilledThrough == nil || !r.BilledThrough.Equal(ymd("2026-06-30")) || r.Edges.Invoice != nil {
			t.Errorf("line rental billed through %v; want 2026-06-30, so July is billed again", r.BilledThrough)
		}
		if d, err := b.c.Delivery.Get(b.ctx, mail.ID); err != nil || d.Status != delivery.StatusCancelled || !strings.Contains(d.LastError, "2001") {
			t.Errorf("the queued email: %+v %v; want cancelled, saying invoice 2001 was deleted", d, err)
		}
		if n, err := b.c.InvoiceLine.Query().Where(invoiceline.HasInvoiceWith(invoice.ID(inv.ID))).Count(b.ctx); err != nil || n != 3 {
			t.Errorf("the deleted invoice keeps %d lines (%v); want its 3 as printed", n, err)
		}
		if got := b.balance(t, acme); got != "0" {
			t.Errorf("balance %s after deleting the only invoice", got)
		}
		_, err = b.inv.Delete(b.ctx, inv.ID, invoicing.DeleteInput{})
		wantConflict(t, err, 2001, "has been deleted")
		_, err = b.inv.Settle(b.ctx, inv.ID, invoicing.SettleInput{})
		wantConflict(t, err, 2001, "has been deleted")
	})
}

// Deleting an invoice with its charges: the one-off charge goes, the Call
// Charges go and their calls are unbilled again, the customer's unbilled
// total grows by their exact sum (no drift), and the recurring charge runs
// on without billing the written-off month again.
func TestDeleteInvoiceWithItsCharges(t *testing.T) {
	forEachMode(t, func(t *testing.T, b *books) {
		acme, inv, setup, rent, calls := b.billed(t, 3001)

		if _, err := b.inv.Delete(b.ctx, inv.ID, invoicing.DeleteInput{WithCharges: true}); err != nil {
			t.Fatal(err)
		}
		if n, err := b.c.Charge.Query().Where(charge.IDIn(setup.ID, calls.ID)).Count(b.ctx); err != nil || n != 0 {
			t.Errorf("%d of the one-off and Call Charges charges (%v) remain; want none", n, err)
		}
		if n, err := b.c.Call.Query().Where(call.ChargeIDIsNil(), call.CustomerID(acme.ID)).Count(b.ctx); err != nil || n != 3 {
			t.Errorf("%d calls (%v) are unbilled again; want 3", n, err)
		}
		cu, err := b.c.Customer.Get(b.ctx, acme.ID)
		if err != nil {
			t.Fatal(err)
		}
		if cu.UnbilledTotal.String() != "0.0733" {
			t.Errorf("unbilled total %s; want the calls' exact 0.0733", cu.UnbilledTotal)
		}
		drift, err := b.env.App.Billing.UnbilledDrift(b.ctx)
		if err != nil || len(drift) > 0 {
			t.Errorf("drift %v %v", drift, err)
		}
		if r := b.charge(t, rent.ID); !r.BilledThrough.Equal(ymd("2026-07-31")) || r.Status != charge.StatusPending {
			t.Errorf("line rental %s billed through %v; want pending through 2026-07-31 (July written off)", r.Status, r.BilledThrough)
		}
		lines, err := b.c.InvoiceLine.Query().Where(invoiceline.HasInvoiceWith(invoice.ID(inv.ID))).All(b.ctx)
		if err != nil || len(lines) != 3 {
			t.Errorf("the deleted invoice keeps %d lines (%v); want 3", len(lines), err)
		}
		if got := b.reload(t, inv); got.Status != invoice.StatusDeleted || got.Number != 3001 {
			t.Errorf("invoice %d is %s", got.Number, got.Status)
		}
	})
}

// An invoice whose recurring charge a later invoice billed again cannot be
// deleted alone (the later months would be billed twice); nothing is
// written, and the error names both invoices.
func TestDeleteRefusedWhenALaterInvoiceBillsTheCharge(t *testing.T) {
	b := newBooks(t, testenv.StartMode(t, testenv.Embedded))
	acme := b.customer(t, "ACME")
	july := b.invoice(t, acme, 4001, "2026-07-01", "12.50")
	rent := b.rental(t, july, acme, "2026-07-01", "2026-07-31")
	aug := b.invoice(t, acme, 4002, "2026-08-01", "12.50")
	a := decimal.RequireFromString("12.50")
	from, to := ymd("2026-08-01"), ymd("2026-08-31")
	b.line(t, aug, rent, "Line rental", a, &from, &to)
	if err := b.c.Charge.UpdateOneID(rent.ID).SetBilledThrough(to).SetInvoice(aug).Exec(b.ctx); err != nil {
		t.Fatal(err)
	}

	_, err := b.inv.Delete(b.ctx, july.ID, invoicing.DeleteInput{})
	wantConflict(t, err, 4002, "4001")
	if got := b.reload(t, july); got.Status != invoice.StatusIssued {
		t.Errorf("refused delete left invoice 4001 %s", got.Status)
	}
	if r := b.charge(t, rent.ID); !r.BilledThrough.Equal(to) {
		t.Errorf("refused delete moved billed_through to %v", r.BilledThrough)
	}
	if _, err := b.inv.Delete(b.ctx, aug.ID, invoicing.DeleteInput{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.inv.Delete(b.ctx, july.ID, invoicing.DeleteInput{}); err != nil {
		t.Fatal(err)
	}
	if r := b.charge(t, rent.ID); !r.BilledThrough.Equal(ymd("2026-06-30")) {
		t.Errorf("after deleting August then July, billed through %v; want 2026-06-30", r.BilledThrough)
	}
}

// Two runtimes on one MariaDB database, one settling and the other
// deleting each of many invoices at the same moment: exactly one wins each
// invoice, the other gets a CONFLICT naming its number, and the charges
// agree with the winner (pending again only where the delete won).
func TestSettleRacesDeleteAcrossRuntimes(t *testing.T) {
	cfg := testenv.Config(t, testenv.MySQL)
	one := testenv.Start(t, cfg)
	two := testenv.Start(t, cfg)
	b := newBooks(t, one)
	other := two.App.Invoices
	acme := b.customer(t, "ACME")
	const n = 20
	invs := make([]*ent.Invoice, n)
	charges := make([]*ent.Charge, n)
	for i := range invs {
		invs[i] = b.invoice(t, acme, int64(5001+i), "2026-07-01", "75.00")
		charges[i] = b.oneOff(t, invs[i], acme, "Installation", "75.00")
	}
	settleErr, deleteErr := make([]error, n), make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range invs {
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start
			_, settleErr[i] = b.inv.Settle(b.ctx, invs[i].ID, invoicing.SettleInput{})
		}()
		go func() {
			defer wg.Done()
			<-start
			_, deleteErr[i] = other.Delete(b.ctx, invs[i].ID, invoicing.DeleteInput{})
		}()
	}
	close(start)
	wg.Wait()
	settled, deleted := 0, 0
	for i, inv := range invs {
		got := b.reload(t, inv)
		ch := b.charge(t, charges[i].ID)
		switch {
		case settleErr[i] == nil && deleteErr[i] != nil:
			settled++
			wantConflict(t, deleteErr[i], got.Number, "already settled")
			if got.Status != invoice.StatusSettled || ch.Status != charge.StatusInvoiced {
				t.Errorf("settle won %d but it is %s, its charge %s", got.Number, got.Status, ch.Status)
			}
		case deleteErr[i] == nil && settleErr[i] != nil:
			deleted++
			wantConflict(t, settleErr[i], got.Number, "has been deleted")
			if got.Status != invoice.StatusDeleted || ch.Status != charge.StatusPending {
				t.Errorf("delete won %d but it is %s, its charge %s", got.Number, got.Status, ch.Status)
			}
		default:
			t.Errorf("invoice %d: settle %v, delete %v; want exactly one to win", got.Number, settleErr[i], deleteErr[i])
		}
	}
	t.Logf("settle won %d, delete won %d", settled, deleted)
}

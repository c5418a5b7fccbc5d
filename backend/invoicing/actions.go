package invoicing

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/delivery"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/invoiceline"
)

// Invoices is what a clerk does to issued invoices: settle them, delete
// them (alone or with their charges), and read a customer's balance. Every
// change of an invoice's status is one guarded compare-and-set, so of two
// clerks (or runtimes) acting on one invoice at once exactly one wins and
// the other is told what happened instead.
type Invoices struct {
	client  *ent.Client
	billing *billing.Service
	events  events.Publisher
	loc     *time.Location
	now     func() time.Time
	// Money rounds tax as the runs do: the deployment's invoice decimals
	// and rounding mode.
	Money rules.Money
}

// NewInvoices returns the invoice actions. billing restores the unbilled
// totals of customers whose calls a deleted invoice gives back; loc is the
// deployment's time zone, whose calendar day is "today".
func NewInvoices(client *ent.Client, b *billing.Service, pub events.Publisher, loc *time.Location) *Invoices {
	if loc == nil {
		loc = time.UTC
	}
	return &Invoices{client: client, billing: b, events: pub, loc: loc, now: time.Now}
}

// SettleInput says when and how an invoice was paid.
type SettleInput struct {
	Date    rules.Date // the day it was paid; zero means today
	Comment string
}

// Settle marks an outstanding invoice paid.
func (s *Invoices) Settle(ctx context.Context, id int, in SettleInput) (*ent.Invoice, error) {
	return s.explained(ctx, id, "settled")(txn.Get(ctx, s.client, func(ctx context.Context, c *ent.Client) (*ent.Invoice, error) {
		cur, err := c.Invoice.Get(ctx, id)
		if err != nil {
			return nil, apperr.NotFoundAs(err, "invoice", id)
		}
		day, err := s.settleDay(in.Date)
		if err != nil {
			return nil, err
		}
		if day.Before(rules.DateOf(cur.IssueDate.UTC())) {
			return nil, apperr.Field(apperr.Invalid, "settleDate", "invoice %d was issued on %s; it cannot be settled on %s, before that",
				cur.Number, rules.DateOf(cur.IssueDate.UTC()), day)
		}
		n, err := c.Invoice.Update().Where(invoice.ID(id), invoice.StatusEQ(invoice.StatusIssued)).
			SetStatus(invoice.StatusSettled).SetSettledAt(dayStart(day)).SetSettleComment(strings.TrimSpace(in.Comment)).Save(ctx)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, errStatusLost
		}
		return c.Invoice.Get(ctx, id)
	}))
}

// SettleRangeInput settles every outstanding invoice issued from From to To,
// both days included.
type SettleRangeInput struct {
	From, To rules.Date
	Date     rules.Date // the day they were paid; zero means today
	Comment  string
}

// Settled is what a settle of many invoices did.
type Settled struct {
	Count   int             // invoices settled
	Numbers []int64         // their numbers, in order
	Total   decimal.Decimal // the sum of their totals
}

// SettleRange settles every outstanding invoice issued in the range. An
// invoice issued after the settle day makes the whole request fail, naming
// it; invoices already settled or deleted are left as they are.
func (s *Invoices) SettleRange(ctx context.Context, in SettleRangeInput) (Settled, error) {
	if in.From.IsZero() || in.To.IsZero() {
		return Settled{}, apperr.Field(apperr.Invalid, "from", "give the first and the last issue date of the invoices to settle")
	}
	if in.To.Before(in.From) {
		return Settled{}, apperr.Field(apperr.Invalid, "to", "the last issue date %s is before the first, %s", in.To, in.From)
	}
	day, err := s.settleDay(in.Date)
	if err != nil {
		return Settled{}, err
	}
	return txn.Get(ctx, s.client, func(ctx context.Context, c *ent.Client) (Settled, error) {
		where := invoice.And(invoice.StatusEQ(invoice.StatusIssued),
			invoice.IssueDateGTE(dayStart(in.From)), invoice.IssueDateLT(dayStart(in.To.AddDays(1))))
		late, err := c.Invoice.Query().Where(where, invoice.IssueDateGT(dayStart(day))).Order(ent.Asc(invoice.FieldNumber)).First(ctx)
		if err != nil && !ent.IsNotFound(err) {
			return Settled{}, err
		}
		if late != nil {
			return Settled{}, apperr.Field(apperr.Invalid, "settleDate", "invoice %d was issued on %s, after the settle date %s; settle it separately or choose a later settle date",
				late.Number, rules.DateOf(late.IssueDate.UTC()), day)
		}
		invs, err := c.Invoice.Query().Where(where).Order(ent.Asc(invoice.FieldNumber)).
			Select(invoice.FieldID, invoice.FieldNumber, invoice.FieldTotal).All(ctx)
		if err != nil {
			return Settled{}, err
		}
		out := Settled{}
		ids := make([]int, len(invs))
		total := decimal.Zero
		for i, inv := range invs {
			ids[i] = inv.ID
			out.Numbers = append(out.Numbers, inv.Number)
			total = total.Add(inv.Total)
		}
		// Each row is guarded by its status: an invoice deleted or settled
		// since the read above is not counted, as the update skips it and
		// the totals below are of the rows it changed.
		n, err := c.Invoice.Update().Where(invoice.IDIn(ids...), invoice.StatusEQ(invoice.StatusIssued)).
			SetStatus(invoice.StatusSettled).SetSettledAt(dayStart(day)).SetSettleComment(strings.TrimSpace(in.Comment)).Save(ctx)
		if err != nil {
			return Settled{}, err
		}
		if n != len(ids) {
			// Another transaction changed one of them between the read and
			// the update (possible on MySQL only); try again on fresh rows.
			return Settled{}, apperr.New(apperr.Conflict, "some of these invoices were settled or deleted by someone else just now; settle the range again")
		}
		out.Count = n
		out.Total = total
		return out, nil
	})
}

// DeleteInput says how an invoice goes.
type DeleteInput struct {
	// WithCharges removes what the invoice billed as well: its one-off
	// charges are deleted and its calls become unbilled again. Without it
	// the charges return to pending for the next run.
	WithCharges bool
	Reason      string
}

// Delete deletes an outstanding invoice. Its number stays on record with
// status DELETED. Without its charges, every charge it billed returns to
// pending: a one-off or Call Charges charge waits for the next run (the
// Call Charges keeping its calls), and a recurring charge is billed again
// from the first day this invoice billed. With its charges, its one-off
// charges are removed, its Call Charges removed and their calls unbilled
// again (the customers' unbilled totals growing by them), and a recurring
// charge keeps running: the periods this invoice billed are written off,
// not billed again. Queued emails of the invoice are cancelled.
func (s *Invoices) Delete(ctx context.Context, id int, in DeleteInput) (*ent.Invoice, error) {
	var touched []int
	inv, err := s.explained(ctx, id, "deleted")(txn.GetRetrying(ctx, s.client, func(ctx context.Context, c *ent.Client) (*ent.Invoice, error) {
		touched = touched[:0]
		cur, err := c.Invoice.Get(ctx, id)
		if err != nil {
			return nil, apperr.NotFoundAs(err, "invoice", id)
		}
		n, err := c.Invoice.Update().Where(invoice.ID(id), invoice.StatusEQ(invoice.StatusIssued)).
			SetStatus(invoice.StatusDeleted).SetDeletedAt(s.now()).SetDeleteReason(strings.TrimSpace(in.Reason)).Save(ctx)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, errStatusLost
		}
		lines, err := c.InvoiceLine.Query().Where(invoiceline.HasInvoiceWith(invoice.ID(id)), invoiceline.HasCharge()).
			WithCharge().All(ctx)
		if err != nil {
			return nil, err
		}
		// Every charge the invoice billed, with the first day of service
		// it billed of each recurring one.
		charges := map[int]*ent.Charge{}
		firstDay := map[int]time.Time{}
		for _, l := range lines {
			ch := l.Edges.Charge
			charges[ch.ID] = ch
			if l.ServiceFrom != nil && (firstDay[ch.ID].IsZero() || l.ServiceFrom.Before(firstDay[ch.ID])) {
				firstDay[ch.ID] = *l.ServiceFrom
			}
		}
		more, err := c.Charge.Query().Where(charge.HasInvoiceWith(invoice.ID(id))).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, ch := range more {
			charges[ch.ID] = ch
		}
		for _, ch := range charges {
			var err error
			switch {
			case ch.Kind == charge.KindCalls:
				// Alone or with its charges, a Call Charges charge's calls
				// become unbilled again: the next run bills them on a new
				// Call Charges line with their statement, so none is lost.
				err = s.unbillCalls(ctx, c, ch, &touched)
			case ch.Recurrence != charge.RecurrenceOneOff && in.WithCharges:
				err = c.Charge.UpdateOneID(ch.ID).ClearInvoice().Exec(ctx)
			case ch.Recurrence != charge.RecurrenceOneOff:
				err = s.rebill(ctx, c, cur, ch, firstDay[ch.ID])
			case in.WithCharges:
				err = dropCharge(ctx, c, ch.ID)
			default:
				err = c.Charge.UpdateOneID(ch.ID).SetStatus(charge.StatusPending).ClearInvoice().Exec(ctx)
			}
			if err != nil {
				return nil, err
			}
		}
		if _, err := c.Delivery.Update().Where(delivery.HasInvoiceWith(invoice.ID(id)),
			delivery.StatusIn(delivery.StatusQueued, delivery.StatusFailed)).
			SetStatus(delivery.StatusCancelled).SetLastError(fmt.Sprintf("invoice %d was deleted", cur.Number)).Save(ctx); err != nil {
			return nil, err
		}
		return c.Invoice.Get(ctx, id)
	}))
	if err != nil {
		return nil, err
	}
	for _, cu := range touched {
		// A lost event costs the watchers freshness only: the total is stored.
		_ = events.Publish(ctx, s.events, billing.CustomerEvent{CustomerID: cu, Changed: "unbilledTotal"})
	}
	return inv, nil
}

// unbillCalls removes a Call Charges charge and makes its calls unbilled
// again, adding their exact total back to the customer's unbilled total.
func (s *Invoices) unbillCalls(ctx context.Context, c *ent.Client, ch *ent.Charge, touched *[]int) error {
	cust, err := c.Charge.QueryCustomer(ch).OnlyID(ctx)
	if err != nil {
		return err
	}
	if _, err := c.Call.Update().Where(call.ChargeID(ch.ID)).ClearChargeID().Save(ctx); err != nil {
		return err
	}
	if err := dropCharge(ctx, c, ch.ID); err != nil {
		return err
	}
	if err := s.billing.ReturnUnbilled(ctx, cust, ch.CallTotal); err != nil {
		return err
	}
	*touched = append(*touched, cust)
	return nil
}

// dropCharge deletes a charge, keeping the printed lines of the deleted
// invoice as they were (without their link to it).
func dropCharge(ctx context.Context, c *ent.Client, id int) error {
	if _, err := c.InvoiceLine.Update().Where(invoiceline.HasChargeWith(charge.ID(id))).ClearCharge().Save(ctx); err != nil {
		return err
	}
	return c.Charge.DeleteOneID(id).Exec(ctx)
}

// rebill moves a recurring charge's billed_through back to the day before
// the first day of service inv billed, so the next run bills those periods
// again. It refuses when a later invoice still outstanding or settled
// billed the charge after them: those periods would be billed twice.
func (s *Invoices) rebill(ctx context.Context, c *ent.Client, inv *ent.Invoice, ch *ent.Charge, from time.Time) error {
	upd := c.Charge.UpdateOneID(ch.ID).SetStatus(charge.StatusPending).ClearInvoice()
	if from.IsZero() {
		return upd.Exec(ctx)
	}
	later, err := c.InvoiceLine.Query().Where(invoiceline.HasChargeWith(charge.ID(ch.ID)), invoiceline.ServiceFromGT(from),
		invoiceline.HasInvoiceWith(invoice.IDNEQ(inv.ID), invoice.StatusNEQ(invoice.StatusDeleted))).
		QueryInvoice().Order(ent.Desc(invoice.FieldNumber)).First(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return err
	}
	if later != nil {
		return apperr.New(apperr.Conflict, "invoice %d cannot be deleted on its own: invoice %d bills “%s” for later periods; delete invoice %d first, or delete invoice %d with its charges",
			inv.Number, later.Number, ch.Description, later.Number, inv.Number)
	}
	if ch.StartDate != nil && !from.After(*ch.StartDate) {
		return upd.ClearBilledThrough().Exec(ctx)
	}
	return upd.SetBilledThrough(from.AddDate(0, 0, -1)).Exec(ctx)
}

// errStatusLost is an invoice's guarded update that changed nothing: someone
// else changed its status first.
var errStatusLost = errors.New("the invoice's status changed")

// explained turns errStatusLost into a CONFLICT saying what the invoice became.
// It reads the invoice after the transaction has ended: inside it, MySQL's
// REPEATABLE READ snapshot would still show the status it had before.
func (s *Invoices) explained(ctx context.Context, id int, action string) func(*ent.Invoice, error) (*ent.Invoice, error) {
	return func(inv *ent.Invoice, err error) (*ent.Invoice, error) {
		if errors.Is(err, errStatusLost) {
			return nil, notOutstanding(ctx, txn.Client(ctx, s.client), id, action)
		}
		return inv, err
	}
}

// notOutstanding explains why an invoice's guarded update changed nothing.
func notOutstanding(ctx context.Context, c *ent.Client, id int, action string) error {
	cur, err := c.Invoice.Get(ctx, id)
	if err != nil {
		return apperr.NotFoundAs(err, "invoice", id)
	}
	switch cur.Status {
	case invoice.StatusSettled:
		return apperr.New(apperr.Conflict, "invoice %d is already settled, so it cannot be %s", cur.Number, action)
	case invoice.StatusDeleted:
		return apperr.New(apperr.Conflict, "invoice %d has been deleted, so it cannot be %s", cur.Number, action)
	}
	return apperr.New(apperr.Conflict, "invoice %d changed while it was being %s; look at it again", cur.Number, action)
}

func (s *Invoices) settleDay(d rules.Date) (rules.Date, error) {
	today := rules.DateIn(s.now(), s.loc)
	if d.IsZero() {
		return today, nil
	}
	if d.After(today) {
		return rules.Date{}, apperr.Field(apperr.Invalid, "settleDate", "the settle date %s is in the future; an invoice is settled once it is paid", d)
	}
	return d, nil
}

// dayStart stores a calendar day as its midnight in UTC, as every date
// column does.
func dayStart(d rules.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

package invoicing

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/companysettings"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/invoiceline"
)

// batch bounds the rows of one bulk insert, well inside both databases'
// limits on a statement's placeholders.
const batch = 200

// store writes a worked-out run inside the caller's transaction: the
// invoices with their lines, a Call Charges charge per customer and site
// with its calls linked to it, the charges billed, the customers' unbilled
// totals, the next number, the deliveries, and the run completed. Any
// write that finds the database other than the plan read it fails the
// whole transaction.
func (s *Service) store(ctx context.Context, c *ent.Client, runID int, owner string, p *plan) error {
	invs := p.result.Invoices
	invIDs := make([]int, len(invs))
	done := 0
	for lo := 0; lo < len(invs); lo += batch {
		part := invs[lo:min(lo+batch, len(invs))]
		bulk := make([]*ent.InvoiceCreate, len(part))
		for i, inv := range part {
			cu := p.customers[inv.CustomerID]
			bulk[i] = c.Invoice.Create().SetNumber(inv.Number).SetIssueDate(Day(inv.IssueDate)).SetDueDate(Day(inv.DueDate)).
				SetStatus(invoice.StatusIssued).SetCustomerReference(cu.Reference).SetCustomerName(cu.Name).
				SetCustomerAddress(cu.PostalAddress).SetCurrency(p.settings.Currency).SetTaxExempt(inv.TaxExempt).
				SetPeriodStart(Day(p.period.Start)).SetPeriodEnd(Day(p.period.End)).
				SetNetTotal(inv.Net).SetTaxTotal(inv.Tax).SetTotal(inv.Total).
				SetStatementFormat(invoice.StatementFormat(cu.CallStatementFormat)).
				SetCustomerID(cu.ID).SetBillingRunID(runID)
			done += len(inv.Sections)
		}
		saved, err := c.Invoice.CreateBulk(bulk...).Save(ctx)
		if err != nil {
			return fmt.Errorf("store invoices: %w", err)
		}
		for i, inv := range saved {
			invIDs[lo+i] = inv.ID
		}
		s.publish(ctx, RunEvent{RunID: runID, CustomersDone: done, Invoices: lo + len(part)})
	}
	if err := s.storeLines(ctx, c, p, invIDs); err != nil {
		return err
	}
	if err := s.linkCalls(ctx, c, runID, p); err != nil {
		return err
	}
	if err := s.billCharges(ctx, c, p, invIDs); err != nil {
		return err
	}
	if err := s.reduceUnbilled(ctx, c, p); err != nil {
		return err
	}
	if len(invs) > 0 {
		next := p.settings.Company.NextInvoiceNumber
		n, err := c.CompanySettings.Update().Where(companysettings.NextInvoiceNumber(next)).SetNextInvoiceNumber(p.result.NextNumber).Save(ctx)
		if err != nil {
			return err
		}
		if n != 1 {
			return fmt.Errorf("the next invoice number moved from %d while the run held it", next)
		}
	}
	if err := s.queueDeliveries(ctx, c, runID, p, invIDs); err != nil {
		return err
	}
	pv := p.preview()
	u := c.BillingRun.Update().Where(billingrun.ID(runID), billingrun.StatusEQ(billingrun.StatusRunning), billingrun.LeaseOwner(owner)).
		SetStatus(billingrun.StatusCompleted).SetFinishedAt(time.Now().UTC()).ClearLeaseUntil().
		SetPeriodName(p.periodName).SetPeriodStart(Day(p.period.Start)).SetPeriodEnd(Day(p.period.End)).
		SetCustomersTotal(len(p.customers)).SetCustomersDone(len(p.customers)).SetInvoiceCount(len(invs)).
		SetNetTotal(pv.Net).SetTotal(pv.Total).ClearFailureReason()
	if len(invs) > 0 {
		u.SetFirstNumber(pv.FirstNumber).SetLastNumber(pv.LastNumber)
	}
	n, err := u.Save(ctx)
	if err != nil {
		return err
	}
	if n != 1 {
		return errLost
	}
	return nil
}

// storeLines writes every line, and a Call Charges charge for each Call
// Charges line, which its calls are linked to.
func (s *Service) storeLines(ctx context.Context, c *ent.Client, p *plan, invIDs []int) error {
	type callLine struct {
		inv int
		l   *rules.Line
	}
	var calls []callLine
	for i := range p.result.Invoices {
		for _, sec := range p.result.Invoices[i].Sections {
			for j := range sec.Lines {
				if sec.Lines[j].Kind == rules.CallChargesLine {
					calls = append(calls, callLine{invIDs[i], &sec.Lines[j]})
				}
			}
		}
	}
	chargeOf := make(map[*rules.Line]int, len(calls))
	for lo := 0; lo < len(calls); lo += batch {
		part := calls[lo:min(lo+batch, len(calls))]
		bulk := make([]*ent.ChargeCreate, len(part))
		for i, cl := range part {
			l := cl.l
			cr := c.Charge.Create().SetKind(charge.KindCalls).SetDescription(cut(l.Description, 255)).SetRecurrence(charge.RecurrenceOneOff).
				SetQuantity(l.Quantity).SetUnitPrice(decimal.Zero).SetAmount(l.Amount).SetTaxRate(l.TaxRate).
				SetStatus(charge.StatusInvoiced).SetDate(Day(p.in.IssueDate)).
				SetPeriodStart(Day(p.period.Start)).SetPeriodEnd(Day(p.period.End)).
				SetCalls(l.Calls).SetCallTotal(l.CallTotal).SetCustomerID(l.CustomerID).SetInvoiceID(cl.inv)
			if l.SiteID != 0 {
				cr.SetSiteID(l.SiteID)
			}
			bulk[i] = cr
		}
		saved, err := c.Charge.CreateBulk(bulk...).Save(ctx)
		if err != nil {
			return fmt.Errorf("store Call Charges: %w", err)
		}
		for i, ch := range saved {
			chargeOf[part[i].l] = ch.ID
		}
	}
	var bulk []*ent.InvoiceLineCreate
	flush := func() error {
		if len(bulk) == 0 {
			return nil
		}
		if err := c.InvoiceLine.CreateBulk(bulk...).Exec(ctx); err != nil {
			return fmt.Errorf("store invoice lines: %w", err)
		}
		bulk = bulk[:0]
		return nil
	}
	for i := range p.result.Invoices {
		pos := 0
		for _, sec := range p.result.Invoices[i].Sections {
			for j := range sec.Lines {
				l := &sec.Lines[j]
				lc := c.InvoiceLine.Create().SetInvoiceID(invIDs[i]).SetPosition(pos).SetHeading(cut(sec.Heading, 255)).
					SetCustomerID(l.CustomerID).SetDescription(cut(l.Description, 255)).
					SetQuantity(l.Quantity).SetUnitPrice(l.UnitPrice).SetAmount(l.Amount).SetTaxRate(l.TaxRate).
					SetCalls(l.Calls).SetCallTotal(l.CallTotal).SetProRata(l.ProRata).
					SetNillableServiceFrom(DayPtr(l.ServiceFrom)).SetNillableServiceTo(DayPtr(l.ServiceTo))
				if l.Kind == rules.CallChargesLine {
					lc.SetKind(invoiceline.KindCalls).SetChargeID(chargeOf[l]).SetUnitPrice(decimal.Zero)
				} else {
					lc.SetKind(invoiceline.KindCharge).SetChargeID(l.ChargeID)
					if pr := p.charges[l.ChargeID].Edges.Product; pr != nil {
						lc.SetCategory(pr.Category)
					}
				}
				bulk = append(bulk, lc)
				pos++
				if len(bulk) == batch {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
	}
	return flush()
}

// linkCalls puts every call the run billed on its Call Charges charge, in
// one statement joining the calls of the plan's uploads to the run's
// charges by customer and site. It must link exactly the calls counted.
func (s *Service) linkCalls(ctx context.Context, c *ent.Client, runID int, p *plan) error {
	var want int64
	for _, inv := range p.result.Invoices {
		for _, sec := range inv.Sections {
			for _, l := range sec.Lines {
				want += l.Calls
			}
		}
	}
	if want == 0 {
		return nil
	}
	uploads := make([]string, len(p.uploads))
	for i, id := range p.uploads {
		uploads[i] = strconv.Itoa(id)
	}
	in := strings.Join(uploads, ",")
	var q string
	if s.MySQL {
		q = `UPDATE calls c
JOIN charges ch ON ch.customer_charges = c.customer_id AND ch.site_id <=> c.site_id
JOIN invoices i ON i.id = ch.invoice_charges
SET c.charge_id = ch.id
WHERE i.billing_run_invoices = ? AND ch.kind = ? AND c.upload_id IN (` + in + `) AND c.status = ? AND c.charge_id IS NULL AND c.start < ?`
	} else {
		q = `UPDATE calls SET charge_id = ch.id
FROM charges ch JOIN invoices i ON i.id = ch.invoice_charges
WHERE i.billing_run_invoices = ? AND ch.kind = ? AND ch.customer_charges = calls.customer_id AND ch.site_id IS calls.site_id
AND calls.upload_id IN (` + in + `) AND calls.status = ? AND calls.charge_id IS NULL AND calls.start < ?`
	}
	res, err := c.ExecContext(ctx, q, runID, string(charge.KindCalls), string(call.StatusPriced), p.upTo)
	if err != nil {
		return fmt.Errorf("link the billed calls to their Call Charges: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != want {
		return fmt.Errorf("linked %d calls to the run's Call Charges, but %d were counted; the calls changed under the run", n, want)
	}
	return nil
}

// billCharges marks one-off charges invoiced and moves recurring ones'
// billed-through date on (invoiced once billed to their end), each update
// guarded by what the plan read.
func (s *Service) billCharges(ctx context.Context, c *ent.Client, p *plan, invIDs []int) error {
	oneOff := map[int][]int{} // invoice → charges
	type step struct {
		from    rules.Date
		to      rules.Date
		through bool // billed to its end: invoiced
	}
	recurring := map[step][]int{}
	last := map[int]rules.Date{}
	for i, inv := range p.result.Invoices {
		for _, sec := range inv.Sections {
			for _, l := range sec.Lines {
				if l.Kind != rules.ChargeLine {
					continue
				}
				ch := p.charges[l.ChargeID]
				if ch.Recurrence == charge.RecurrenceOneOff {
					oneOff[invIDs[i]] = append(oneOff[invIDs[i]], ch.ID)
				} else if d, ok := last[ch.ID]; !ok || l.ServiceTo.After(d) {
					last[ch.ID] = l.ServiceTo
				}
			}
		}
	}
	for id, to := range last {
		ch := p.charges[id]
		end := dateOf(ch.EndDate)
		st := step{from: dateOf(ch.BilledThrough), to: to, through: !end.IsZero() && !to.Before(end)}
		recurring[st] = append(recurring[st], id)
	}
	for inv, ids := range oneOff {
		for lo := 0; lo < len(ids); lo += batch {
			part := ids[lo:min(lo+batch, len(ids))]
			n, err := c.Charge.Update().Where(charge.IDIn(part...), charge.StatusEQ(charge.StatusPending)).
				SetStatus(charge.StatusInvoiced).SetInvoiceID(inv).Save(ctx)
			if err != nil {
				return err
			}
			if n != len(part) {
				return fmt.Errorf("%d of %d charges changed while the run billed them", len(part)-n, len(part))
			}
		}
	}
	for st, ids := range recurring {
		slices.Sort(ids)
		for lo := 0; lo < len(ids); lo += batch {
			part := ids[lo:min(lo+batch, len(ids))]
			u := c.Charge.Update().Where(charge.IDIn(part...), charge.StatusEQ(charge.StatusPending)).SetBilledThrough(Day(st.to))
			if st.from.IsZero() {
				u.Where(charge.BilledThroughIsNil())
			} else {
				u.Where(charge.BilledThrough(Day(st.from)))
			}
			if st.through {
				u.SetStatus(charge.StatusInvoiced)
			}
			n, err := u.Save(ctx)
			if err != nil {
				return err
			}
			if n != len(part) {
				return fmt.Errorf("%d of %d recurring charges changed while the run billed them", len(part)-n, len(part))
			}
		}
	}
	return nil
}

// reduceUnbilled takes the billed calls off their customers' unbilled
// totals; the plan read the totals under the customers' row locks.
func (s *Service) reduceUnbilled(ctx context.Context, c *ent.Client, p *plan) error {
	billed := map[int]decimal.Decimal{}
	for _, inv := range p.result.Invoices {
		for _, sec := range inv.Sections {
			for _, l := range sec.Lines {
				if l.Kind == rules.CallChargesLine {
					billed[l.CustomerID] = billed[l.CustomerID].Add(l.CallTotal)
				}
			}
		}
	}
	ids := make([]int, 0, len(billed))
	for id := range billed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for lo := 0; lo < len(ids); lo += batch {
		part := ids[lo:min(lo+batch, len(ids))]
		var (
			q    strings.Builder
			args []any
		)
		q.WriteString("UPDATE customers SET unbilled_total = CASE id")
		for _, id := range part {
			// Written as text: exact into MySQL's DECIMAL and SQLite's text.
			q.WriteString(" WHEN ? THEN ?")
			args = append(args, id, p.customers[id].UnbilledTotal.Sub(billed[id]).String())
		}
		q.WriteString(" END WHERE id IN (")
		for i, id := range part {
			if i > 0 {
				q.WriteByte(',')
			}
			q.WriteString(strconv.Itoa(id))
		}
		q.WriteString(")")
		if _, err := c.ExecContext(ctx, q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// queueDeliveries queues an email of each invoice whose customer is on
// email delivery with an address, when the run sends emails.
func (s *Service) queueDeliveries(ctx context.Context, c *ent.Client, runID int, p *plan, invIDs []int) error {
	var bulk []*ent.DeliveryCreate
	for i, inv := range p.result.Invoices {
		to := p.emailOf(inv.CustomerID)
		if to == "" {
			continue
		}
		bulk = append(bulk, c.Delivery.Create().SetInvoiceID(invIDs[i]).SetRecipient(cut(to, 255)).
			SetMessageID(fmt.Sprintf("invoice-%d.run-%d@tollgate", inv.Number, runID)))
	}
	for lo := 0; lo < len(bulk); lo += batch {
		if err := c.Delivery.CreateBulk(bulk[lo:min(lo+batch, len(bulk))]...).Exec(ctx); err != nil {
			return fmt.Errorf("queue the invoice emails: %w", err)
		}
	}
	return nil
}

// cut shortens s to n runes for a column of that size.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

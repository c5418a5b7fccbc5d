package graph

import (
	"context"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/graph/model"
	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/invoiceline"
)

// runInput is the invoicing service's reading of the API's run.
func runInput(in model.BillingRunInput) invoicing.RunInput {
	out := invoicing.RunInput{
		ScheduleID: deref(in.ScheduleID), CustomerIDs: in.CustomerIDs, Period: in.Period,
		CallsUpTo: in.CallsUpTo, IssueDate: billing.DateOfDay(in.IssueDate),
		StartNumber: int64(deref(in.StartNumber)), Minimum: deref(in.MinimumAmount), SendEmails: deref(in.SendEmails),
	}
	return out
}

// previewPage maps a preview, with the page of its invoices from offset.
func (r *Resolver) previewPage(p *invoicing.Preview, first, offset *int) (*model.BillingRunPreview, error) {
	n, _, err := r.page(first, nil)
	if err != nil {
		return nil, err
	}
	from := deref(offset)
	if from < 0 {
		return nil, apperr.Field(apperr.Invalid, "offset", "offset must not be negative")
	}
	out := &model.BillingRunPreview{
		Period: p.PeriodName, PeriodStart: date(p.Period.Start), PeriodEnd: date(p.Period.Last()),
		CallsUpTo: p.CallsUpTo, IssueDate: date(p.IssueDate), CustomerCount: p.Customers,
		InvoiceCount: len(p.Invoices), Warnings: append([]string{}, p.Warnings...), NextNumber: int(p.NextNumber),
		Net: p.Net, Tax: p.Tax, Total: p.Total, CallCount: int(p.CallCount), CallTotal: p.CallTotal, EmailCount: p.EmailInvoices,
		Invoices: []*model.PreviewInvoice{}, CarriedOver: []*model.PreviewCarriedOver{},
	}
	if p.FirstNumber != 0 {
		f, l := int(p.FirstNumber), int(p.LastNumber)
		out.FirstNumber, out.LastNumber = &f, &l
	}
	for i := from; i < len(p.Invoices) && i < from+*n; i++ {
		out.Invoices = append(out.Invoices, previewInvoice(p, p.Invoices[i]))
	}
	for _, co := range p.CarriedOver {
		out.CarriedOver = append(out.CarriedOver, &model.PreviewCarriedOver{Customer: co.Customer, Total: co.Total, Customers: co.Customers})
	}
	return out, nil
}

func previewInvoice(p *invoicing.Preview, inv invoicing.PreviewInvoice) *model.PreviewInvoice {
	out := &model.PreviewInvoice{
		Number: int(inv.Number), Customer: inv.Customer, CustomerReference: inv.Reference, CustomerName: inv.Name,
		IssueDate: date(inv.IssueDate), DueDate: date(inv.DueDate), TaxExempt: inv.TaxExempt,
		Net: inv.Net, Tax: inv.Tax, Total: inv.Total,
	}
	if inv.Email != "" {
		e := inv.Email
		out.Email = &e
	}
	for _, t := range inv.Taxes {
		out.Taxes = append(out.Taxes, &model.PreviewTax{Rate: t.Rate, Net: t.Net, Tax: t.Tax})
	}
	for _, s := range inv.Sections {
		sec := &model.PreviewSection{Customer: p.CustomerByID[s.CustomerID]}
		if s.Heading != "" {
			h := s.Heading
			sec.Heading = &h
		}
		for _, l := range s.Lines {
			pl := &model.PreviewLine{
				Kind: invoiceline.KindCharge, Description: l.Description, Quantity: l.Quantity, UnitPrice: l.UnitPrice,
				Amount: l.Amount, TaxRate: l.TaxRate, Calls: int(l.Calls), CallTotal: l.CallTotal, ProRata: l.ProRata,
				ServiceFrom: datep(l.ServiceFrom), ServiceTo: datep(l.ServiceTo),
			}
			if l.Kind == rules.CallChargesLine {
				pl.Kind = invoiceline.KindCalls
			}
			sec.Lines = append(sec.Lines, pl)
		}
		out.Sections = append(out.Sections, sec)
	}
	return out
}

// date is a calendar day as the Date scalar carries it: its midnight in UTC.
func date(d rules.Date) time.Time { return invoicing.Day(d) }

func datep(d rules.Date) *time.Time { return invoicing.DayPtr(d) }

// watchRun follows a run: each event reads it again, with the progress the
// event carries while the run's transaction has not committed it.
func (r *Resolver) watchRun(ctx context.Context, id int) (<-chan *ent.BillingRun, error) {
	if _, err := r.Client.BillingRun.Get(ctx, id); err != nil {
		return nil, apperr.NotFoundAs(err, "billing run", id)
	}
	in, err := events.Watch(ctx, r.Events, invoicing.RunTopic(id), func(ctx context.Context, e invoicing.RunEvent) (*ent.BillingRun, error) {
		run, err := r.Client.BillingRun.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if run.Status == billingrun.StatusRunning {
			run.CustomersDone = max(run.CustomersDone, min(e.CustomersDone, run.CustomersTotal))
			run.InvoiceCount = max(run.InvoiceCount, e.Invoices)
		}
		return run, nil
	})
	if err != nil {
		return nil, err
	}
	// The run as it stands first: a run that moved (or ended) between the
	// page's query and the subscription's start would otherwise show its
	// old state until the next event, which may never come.
	out := make(chan *ent.BillingRun, 1)
	go func() {
		defer close(out)
		if run, err := r.Client.BillingRun.Get(ctx, id); err == nil {
			select {
			case out <- run:
			case <-ctx.Done():
				return
			}
		}
		for run := range in {
			select {
			case out <- run:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// timeLeft estimates the seconds a running run still needs from its pace.
func timeLeft(run *ent.BillingRun, now time.Time) *int {
	if run.Status != billingrun.StatusRunning || run.StartedAt == nil || run.CustomersDone == 0 || run.CustomersTotal == 0 {
		return nil
	}
	spent := now.Sub(*run.StartedAt)
	left := int(spent.Seconds() * float64(run.CustomersTotal-run.CustomersDone) / float64(run.CustomersDone))
	return &left
}

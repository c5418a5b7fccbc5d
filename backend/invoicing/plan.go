package invoicing

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"
	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/settings"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingschedule"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/predicate"
	"github.com/tollgate/tollgate/ent/site"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// plan is a run worked out: what it reads and what rules.Bill made of it.
// Preview shows it; Execute stores it.
type plan struct {
	in         RunInput
	schedule   rules.Schedule
	period     rules.Period
	periodName string
	upTo       time.Time // calls started before it are billed
	settings   settings.Settings
	customers  map[int]*ent.Customer
	charges    map[int]*ent.Charge
	uploads    []int // the processed uploads whose calls the run reads
	result     rules.Result
	warnings   []string
}

// Preview is a run as it would issue: every invoice with its number.
type Preview struct {
	PeriodName string
	Period     rules.Period
	CallsUpTo  time.Time
	IssueDate  rules.Date
	Customers  int // in the run, children billed to a parent included
	// CustomerByID holds every customer of the run, for the sections'
	// headings and links.
	CustomerByID map[int]*ent.Customer
	Invoices     []PreviewInvoice
	CarriedOver  []CarriedOver
	// Warnings are what a clerk should know before running, such as a
	// customer on email delivery without an address.
	Warnings            []string
	FirstNumber         int64 // 0 when nothing is issued
	LastNumber          int64
	NextNumber          int64 // the sequence's next number after the run
	Net, Tax, Total     decimal.Decimal
	CallCount           int64
	CallTotal           decimal.Decimal
	Currency            string
	MinimumTotal        decimal.Decimal
	SendEmails          bool
	EmailInvoices       int // invoices that would be emailed
	ScheduleID          int
	ChosenCustomerCount int
}

// PreviewInvoice is one invoice a run would issue.
type PreviewInvoice struct {
	rules.Invoice
	Customer *ent.Customer
	// Email is where it would be sent; empty when it is not emailed.
	Email string
}

// CarriedOver is a customer below the run's minimum, with what its
// invoice would have come to.
type CarriedOver struct {
	Customer *ent.Customer
	Total    decimal.Decimal
	// Customers are it and the children whose lines it would have held.
	Customers []*ent.Customer
}

// Preview works out the invoices a run would issue, exactly as Execute
// would issue them now, and writes nothing.
func (s *Service) Preview(ctx context.Context, in RunInput) (*Preview, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*Preview, error) {
		p, err := s.compute(ctx, c, in, false)
		if err != nil {
			return nil, err
		}
		return p.preview(), nil
	})
}

func (p *plan) preview() *Preview {
	out := &Preview{
		PeriodName: p.periodName, Period: p.period, CallsUpTo: p.upTo, IssueDate: p.in.IssueDate,
		Customers: len(p.customers), CustomerByID: p.customers, Warnings: p.warnings, NextNumber: p.result.NextNumber,
		Net: decimal.Zero, Tax: decimal.Zero, Total: decimal.Zero, CallTotal: decimal.Zero,
		Currency: p.settings.Currency, MinimumTotal: p.in.Minimum, SendEmails: p.in.SendEmails,
		ScheduleID: p.in.ScheduleID, ChosenCustomerCount: len(p.in.CustomerIDs),
	}
	for _, inv := range p.result.Invoices {
		pi := PreviewInvoice{Invoice: inv, Customer: p.customers[inv.CustomerID], Email: p.emailOf(inv.CustomerID)}
		if pi.Email != "" {
			out.EmailInvoices++
		}
		out.Invoices = append(out.Invoices, pi)
		out.Net, out.Tax, out.Total = out.Net.Add(inv.Net), out.Tax.Add(inv.Tax), out.Total.Add(inv.Total)
		for _, sec := range inv.Sections {
			for _, l := range sec.Lines {
				out.CallCount += l.Calls
				out.CallTotal = out.CallTotal.Add(l.CallTotal)
			}
		}
	}
	if n := len(p.result.Invoices); n > 0 {
		out.FirstNumber, out.LastNumber = p.result.Invoices[0].Number, p.result.Invoices[n-1].Number
	}
	for _, co := range p.result.CarriedOver {
		c := CarriedOver{Customer: p.customers[co.CustomerID], Total: co.Total}
		for _, id := range co.Customers {
			c.Customers = append(c.Customers, p.customers[id])
		}
		out.CarriedOver = append(out.CarriedOver, c)
	}
	return out
}

// emailOf is the address an invoice to customer id is sent to, if it is.
func (p *plan) emailOf(id int) string {
	cu := p.customers[id]
	if !p.in.SendEmails || cu == nil || cu.InvoiceDelivery != customer.InvoiceDeliveryEmail {
		return ""
	}
	return strings.TrimSpace(cu.DeliveryEmail)
}

// compute gathers a run's input and works it out. With lock it takes the
// settings row and the customers' rows first (a run about to store its
// result), so that no other run numbers and no processing adds calls to
// these customers until the caller's transaction ends; a preview takes no
// locks.
func (s *Service) compute(ctx context.Context, c *ent.Client, in RunInput, lock bool) (*plan, error) {
	if in.Minimum.Sign() < 0 {
		return nil, apperr.Field(apperr.Invalid, "minimumAmount", "the minimum invoice amount is %s; it cannot be negative", in.Minimum)
	}
	if in.StartNumber < 0 {
		return nil, apperr.Field(apperr.Invalid, "startNumber", "invoice numbers start at 1, not %d", in.StartNumber)
	}
	var (
		co  settings.Company
		err error
	)
	if lock {
		co, err = s.Company.Lock(ctx)
	} else {
		co, err = s.Company.Get(ctx)
	}
	if err != nil {
		return nil, err
	}
	p := &plan{in: in, settings: s.Company.Deployment}
	p.settings.Company = &co
	dep, err := rules.DeploymentOf(p.settings)
	if err != nil {
		return nil, invalid(err)
	}
	loc, err := time.LoadLocation(p.settings.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("the deployment's time zone %q: %w", p.settings.TimeZone, err)
	}
	ids, err := s.runCustomers(ctx, c, p)
	if err != nil {
		return nil, err
	}
	if p.period, err = p.schedule.ParsePeriod(in.Period); err != nil {
		return nil, invalid(err)
	}
	p.periodName = p.schedule.Name(p.period)
	if p.in.IssueDate.IsZero() {
		p.in.IssueDate = p.period.End
	}
	p.upTo = p.period.EndsAt(loc)
	if in.CallsUpTo != nil {
		if in.CallsUpTo.After(p.upTo) {
			return nil, apperr.Field(apperr.Invalid, "callsUpTo", "calls up to %s is after the end of the period %s; bill calls up to %s at the latest",
				in.CallsUpTo.In(loc).Format("2006-01-02 15:04"), p.periodName, p.upTo.In(loc).Format("2006-01-02 15:04"))
		}
		p.upTo = *in.CallsUpTo
	}
	p.upTo = p.upTo.UTC()

	q := c.Customer.Query().Where(customer.IDIn(ids...)).Order(ent.Asc(customer.FieldID)).WithParent(func(q *ent.CustomerQuery) { q.Select(customer.FieldID) })
	if lock && s.MySQL {
		// In id order, as processing takes them, so the two cannot deadlock.
		q = q.ForUpdate()
	}
	custs, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	p.customers = make(map[int]*ent.Customer, len(custs))
	for _, cu := range custs {
		p.customers[cu.ID] = cu
	}
	for _, id := range in.CustomerIDs {
		if p.customers[id] == nil {
			return nil, apperr.Field(apperr.NotFound, "customerIDs", "customer %d does not exist", id)
		}
	}
	groups, err := p.callGroups(ctx, c)
	if err != nil {
		return nil, err
	}
	pending, err := p.pendingCharges(ctx, c)
	if err != nil {
		return nil, err
	}
	run := rules.Run{
		Schedule: p.schedule, Period: p.period, IssueDate: p.in.IssueDate, MinimumTotal: in.Minimum,
		Numbering: rules.Numbering{Next: co.NextInvoiceNumber, Custom: in.StartNumber},
	}
	if run.Numbering.HighestUsed, err = highestNumber(ctx, c); err != nil {
		return nil, err
	}
	for _, cu := range custs {
		rc := rules.Customer{
			ID: cu.ID, Reference: cu.Reference, Name: cu.Name, TaxExempt: cu.TaxExempt,
			PaymentTerms: termsOf(cu.PaymentTerms), Calls: groups[cu.ID], Charges: pending[cu.ID],
		}
		if cu.BillingType == customer.BillingTypeParent && cu.Edges.Parent != nil {
			rc.ParentID = cu.Edges.Parent.ID
		}
		run.Customers = append(run.Customers, rc)
	}
	if p.result, err = rules.Bill(dep, run); err != nil {
		return nil, invalid(err)
	}
	for _, inv := range p.result.Invoices {
		cu := p.customers[inv.CustomerID]
		if in.SendEmails && cu.InvoiceDelivery == customer.InvoiceDeliveryEmail && strings.TrimSpace(cu.DeliveryEmail) == "" {
			p.warnings = append(p.warnings, fmt.Sprintf("%s (%s) is on email delivery but has no email address: its invoice will not be emailed", cu.Name, cu.Reference))
		}
	}
	return p, nil
}

// runCustomers sets the plan's schedule and lists the customers of the
// run: the schedule's, or the chosen ones, and every customer billed to
// one of them (parent billing). On a schedule's run a customer billed to a
// parent outside the run is left to its parent's run.
func (s *Service) runCustomers(ctx context.Context, c *ent.Client, p *plan) ([]int, error) {
	in := p.in
	var ids []int
	switch {
	case in.ScheduleID != 0:
		sch, err := c.BillingSchedule.Get(ctx, in.ScheduleID)
		if ent.IsNotFound(err) {
			return nil, apperr.Field(apperr.NotFound, "scheduleID", "schedule %d does not exist", in.ScheduleID)
		}
		if err != nil {
			return nil, err
		}
		p.schedule = billing.ScheduleRule(sch)
		if ids, err = sch.QueryCustomers().IDs(ctx); err != nil {
			return nil, err
		}
	case len(in.CustomerIDs) > 0:
		ids = slices.Clone(in.CustomerIDs)
		// The customers' own schedule when they share one; else calendar
		// months, or the days given for a manual run.
		var scheds []int
		if err := c.Customer.Query().Where(customer.IDIn(ids...)).QuerySchedule().Select(billingschedule.FieldID).Scan(ctx, &scheds); err != nil {
			return nil, err
		}
		p.schedule = rules.Schedule{Frequency: rules.Monthly, Day: 1}
		if strings.Contains(in.Period, "..") {
			p.schedule = rules.Schedule{Frequency: rules.Manual}
		} else if n, err := c.Customer.Query().Where(customer.IDIn(ids...), customer.Not(customer.HasSchedule())).Count(ctx); err != nil {
			return nil, err
		} else if len(scheds) == 1 && n == 0 {
			sch, err := c.BillingSchedule.Get(ctx, scheds[0])
			if err != nil {
				return nil, err
			}
			p.schedule = billing.ScheduleRule(sch)
		}
	default:
		return nil, apperr.Field(apperr.Invalid, "scheduleID", "choose a schedule or some customers to bill")
	}
	// Children billed to their parent follow it into the run.
	var kids []struct {
		ID     int  `json:"id"`
		Parent *int `json:"customer_children"`
	}
	if err := c.Customer.Query().Where(customer.BillingTypeEQ(customer.BillingTypeParent), customer.HasParent()).
		Select(customer.FieldID, customer.ChildrenColumn).Scan(ctx, &kids); err != nil {
		return nil, err
	}
	parentOf := map[int]int{}
	for _, k := range kids {
		if k.Parent != nil {
			parentOf[k.ID] = *k.Parent
		}
	}
	in2 := map[int]bool{}
	for _, id := range ids {
		in2[id] = true
	}
	for grew := true; grew; {
		grew = false
		for kid, parent := range parentOf {
			if in2[parent] && !in2[kid] {
				in2[kid], grew = true, true
				ids = append(ids, kid)
			}
		}
	}
	if in.ScheduleID != 0 {
		ids = slices.DeleteFunc(ids, func(id int) bool {
			for seen := 0; seen < len(parentOf)+1; seen++ {
				parent, ok := parentOf[id]
				if !ok {
					return false
				}
				if !in2[parent] {
					return true // billed by its parent's run
				}
				id = parent
			}
			return false
		})
	}
	slices.Sort(ids)
	return ids, nil
}

// termsOf reads a customer's payment terms, "30" or "30 days"; terms
// that do not start with a number take the deployment's.
func termsOf(s string) *int {
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil
	}
	n, err := strconv.Atoi(f[0])
	if err != nil || n < 0 {
		return nil
	}
	return &n
}

func highestNumber(ctx context.Context, c *ent.Client) (int64, error) {
	var rows []struct {
		Max *int64 `json:"max"`
	}
	if err := c.Invoice.Query().Aggregate(ent.As(ent.Max(invoice.FieldNumber), "max")).Scan(ctx, &rows); err != nil {
		return 0, err
	}
	if len(rows) == 0 || rows[0].Max == nil {
		return 0, nil
	}
	return *rows[0].Max, nil
}

// callGroups reads the run's calls: every priced call of a processed
// upload not yet on a charge, started before the run's calls-up-to
// instant, of a customer of the run, totalled per customer and site. The
// uploads read are kept, so that linking the calls later touches exactly
// these.
func (p *plan) callGroups(ctx context.Context, c *ent.Client) (map[int][]rules.CallGroup, error) {
	ids := make([]int, 0, len(p.customers))
	for id := range p.customers {
		ids = append(ids, id)
	}
	uq := c.CdrUpload.Query().Where(cdrupload.StatusEQ(cdrupload.StatusProcessed))
	if len(ids) <= 500 {
		// A few customers: only the uploads holding their calls.
		uq = uq.Where(func(s *sql.Selector) {
			t := sql.Table(uploadcustomertotal.Table)
			s.Where(sql.In(s.C(cdrupload.FieldID), sql.Select(t.C(uploadcustomertotal.FieldUploadID)).From(t).
				Where(sql.InInts(t.C(uploadcustomertotal.FieldCustomerID), ids...))))
		})
	}
	var err error
	if p.uploads, err = uq.Order(ent.Asc(cdrupload.FieldID)).IDs(ctx); err != nil {
		return nil, err
	}
	out := map[int][]rules.CallGroup{}
	if len(p.uploads) == 0 {
		return out, nil
	}
	var rows []struct {
		CustomerID    *int  `json:"customer_id"`
		SiteID        *int  `json:"site_id"`
		PriceDecimals int   `json:"price_decimals"`
		Sum           int64 `json:"sum"`
		Count         int64 `json:"count"`
	}
	if err := c.Call.Query().Where(p.unbilledCalls()...).
		GroupBy(call.FieldCustomerID, call.FieldSiteID, call.FieldPriceDecimals).
		Aggregate(ent.As(ent.Sum(call.FieldPriceUnits), "sum"), ent.As(ent.Count(), "count")).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	type key struct{ customer, site int }
	sums := map[key]*rules.CallGroup{}
	var sites []int
	for _, r := range rows {
		if r.CustomerID == nil || p.customers[*r.CustomerID] == nil {
			continue
		}
		k := key{*r.CustomerID, 0}
		if r.SiteID != nil {
			k.site = *r.SiteID
		}
		g := sums[k]
		if g == nil {
			g = &rules.CallGroup{SiteID: k.site, Total: decimal.Zero}
			sums[k] = g
			if k.site != 0 {
				sites = append(sites, k.site)
			}
		}
		g.Calls += r.Count
		g.Total = g.Total.Add(decimal.New(r.Sum, int32(-r.PriceDecimals)))
	}
	names := map[int]string{}
	if len(sites) > 0 {
		ss, err := c.Site.Query().Where(site.IDIn(sites...)).Select(site.FieldID, site.FieldName).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, st := range ss {
			names[st.ID] = st.Name
		}
	}
	keys := make([]key, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.customer, b.customer), cmp.Compare(a.site, b.site)) })
	for _, k := range keys {
		g := sums[k]
		g.SiteName = names[k.site]
		if k.site != 0 && g.SiteName == "" {
			g.SiteName = "site " + strconv.Itoa(k.site) // deleted since its calls were priced
		}
		out[k.customer] = append(out[k.customer], *g)
	}
	return out, nil
}

// pendingCharges reads the run's customers' pending product charges and
// adjustments, as the rules read them.
func (p *plan) pendingCharges(ctx context.Context, c *ent.Client) (map[int][]rules.Charge, error) {
	ids := make([]int, 0, len(p.customers))
	for id := range p.customers {
		ids = append(ids, id)
	}
	chs, err := c.Charge.Query().Where(charge.StatusEQ(charge.StatusPending), charge.KindNEQ(charge.KindCalls),
		charge.HasCustomerWith(customer.IDIn(ids...))).
		WithCustomer(func(q *ent.CustomerQuery) { q.Select(customer.FieldID) }).
		WithProduct(func(q *ent.ProductQuery) { q.Select("id", "category") }).
		Order(ent.Asc(charge.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	p.charges = make(map[int]*ent.Charge, len(chs))
	out := map[int][]rules.Charge{}
	for _, ch := range chs {
		p.charges[ch.ID] = ch
		rc := rules.Charge{
			ID: ch.ID, Description: ch.Description, Recurrence: ruleRecurrence[ch.Recurrence],
			Quantity: ch.Quantity, UnitPrice: ch.UnitPrice, TaxRate: ch.TaxRate,
			Date: dateOf(ch.Date), Start: dateOf(ch.StartDate), End: dateOf(ch.EndDate), BilledThrough: dateOf(ch.BilledThrough),
		}
		id := ch.Edges.Customer.ID
		out[id] = append(out[id], rc)
	}
	return out, nil
}

var ruleRecurrence = map[charge.Recurrence]rules.Recurrence{
	charge.RecurrenceOneOff: rules.OneOff, charge.RecurrenceMonthly: rules.EveryMonth,
	charge.RecurrenceQuarterly: rules.EveryQuarter, charge.RecurrenceYearly: rules.EveryYear,
}

// unbilledCalls selects the calls the run bills: priced calls of the
// plan's processed uploads, on no charge yet, started before calls-up-to.
func (p *plan) unbilledCalls() []predicate.Call {
	return []predicate.Call{call.UploadIDIn(p.uploads...), call.StatusEQ(call.StatusPriced), call.ChargeIDIsNil(), call.StartLT(p.upTo)}
}

// Package portal reads what a customer sees of its account: its invoices,
// its calls, what it owes and when it calls. Every method serves the
// portal viewer in the context and answers for its customers only
// (viewer.Customers: the customer and, for a parent, its children).
//
// Two walls keep one customer out of another's data. Every query here
// names the viewer's customers itself, and every query runs as the viewer,
// so the Ent privacy policies (ent/schema/policy.go) narrow it to the same
// customers again and refuse the entities a customer never sees. The one
// read made as Tollgate itself is which uploads hold the customers' calls:
// the calls table has no customer index, and uploads are staff data.
package portal

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/backend/render"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/predicate"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// Limits of the portal's lists.
const (
	MaxInvoices = 100 // invoices a page
	MaxCalls    = 200 // calls a page
	MaxDays     = 366 // days of activity
)

// Service reads a portal viewer's data.
type Service struct {
	Client *ent.Client
	// Zone is the deployment's time zone: days and hours are its own.
	Zone *time.Location
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// Portal is the portal query's answer; its fields are the methods below.
type Portal struct{}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Viewer returns the context's portal viewer, or the refusal for anyone
// else: staff read the staff fields, and a portal viewer whose customer is
// gone sees nothing.
func Viewer(ctx context.Context) (viewer.Viewer, error) {
	v, ok := viewer.FromContext(ctx)
	switch {
	case !ok:
		return v, apperr.New(apperr.Unauthenticated, "sign in first")
	case !v.Portal():
		return v, apperr.New(apperr.Forbidden, "the portal is a customer's own view; staff see the same data on the customer's page")
	case len(v.Customers) == 0:
		return v, apperr.New(apperr.Forbidden, "this portal account's customer no longer exists; ask your provider for a new invitation")
	}
	return v, nil
}

// Customers lists the viewer's customers: its own first, then its
// children by name.
func (s *Service) Customers(ctx context.Context) ([]*ent.Customer, error) {
	v, err := Viewer(ctx)
	if err != nil {
		return nil, err
	}
	cs, err := s.Client.Customer.Query().Where(customer.IDIn(v.Customers...)).Order(ent.Asc(customer.FieldName), ent.Asc(customer.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*ent.Customer, 0, len(cs))
	for _, c := range cs {
		if c.ID == v.CustomerID {
			out = append([]*ent.Customer{c}, out...)
		} else {
			out = append(out, c)
		}
	}
	return out, nil
}

// invoices selects the viewer's issued and settled invoices.
func (s *Service) invoices(ctx context.Context) (*ent.InvoiceQuery, error) {
	v, err := Viewer(ctx)
	if err != nil {
		return nil, err
	}
	return s.Client.Invoice.Query().Where(invoice.HasCustomerWith(customer.IDIn(v.Customers...)),
		invoice.StatusIn(invoice.StatusIssued, invoice.StatusSettled)), nil
}

// Balance is what the viewer's customers owe: their outstanding invoices'
// totals, added exactly.
func (s *Service) Balance(ctx context.Context) (decimal.Decimal, error) {
	q, err := s.invoices(ctx)
	if err != nil {
		return decimal.Zero, err
	}
	t, err := invoicing.TotalsOf(ctx, q.Where(invoice.StatusEQ(invoice.StatusIssued)))
	return t.Total, err
}

// Invoices is a page of the viewer's invoices, newest first, and how
// many there are in all.
func (s *Service) Invoices(ctx context.Context, outstanding bool, first, offset int) ([]*ent.Invoice, int, error) {
	if err := page("first", first, offset, MaxInvoices); err != nil {
		return nil, 0, err
	}
	q, err := s.invoices(ctx)
	if err != nil {
		return nil, 0, err
	}
	if outstanding {
		q = q.Where(invoice.StatusEQ(invoice.StatusIssued))
	}
	n, err := q.Clone().Count(ctx)
	if err != nil {
		return nil, 0, err
	}
	list, err := newestFirst(q).Limit(first).Offset(offset).All(ctx)
	return list, n, err
}

// LatestInvoice is the viewer's newest invoice; nil when it has none.
func (s *Service) LatestInvoice(ctx context.Context) (*ent.Invoice, error) {
	q, err := s.invoices(ctx)
	if err != nil {
		return nil, err
	}
	inv, err := newestFirst(q).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return inv, err
}

func newestFirst(q *ent.InvoiceQuery) *ent.InvoiceQuery {
	return q.Order(ent.Desc(invoice.FieldIssueDate), ent.Desc(invoice.FieldNumber))
}

// Invoice is one of the viewer's invoices; NOT_FOUND for any other id,
// with the same words whether it exists or not.
func (s *Service) Invoice(ctx context.Context, id int) (*ent.Invoice, error) {
	q, err := s.invoices(ctx)
	if err != nil {
		return nil, err
	}
	inv, err := q.Where(invoice.ID(id)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "you have no invoice with the id %d", id)
	}
	return inv, err
}

// Overdue reports whether an outstanding invoice is past its due date.
func (s *Service) Overdue(inv *ent.Invoice) bool {
	return inv.Status == invoice.StatusIssued && inv.DueDate != nil && inv.DueDate.Before(s.now())
}

// CallFilter picks the viewer's calls.
type CallFilter struct {
	// CustomerID is one of the viewer's customers; 0 is all of them. Any
	// other customer is refused with NOT_FOUND.
	CustomerID int
	From, To   *time.Time
	// Number is matched anywhere in the calling or the dialled number,
	// ignoring spaces.
	Number string
}

// Calls selects the viewer's priced calls of processed uploads that f
// picks. The calls are reached through the uploads that hold them (the
// calls table keeps no customer index).
func (s *Service) Calls(ctx context.Context, f CallFilter) (*ent.CallQuery, error) {
	v, err := Viewer(ctx)
	if err != nil {
		return nil, err
	}
	ids := v.Customers
	if f.CustomerID != 0 {
		if !v.Sees(f.CustomerID) {
			return nil, apperr.Field(apperr.NotFound, "customerID", "you have no customer with the id %d", f.CustomerID)
		}
		ids = []int{f.CustomerID}
	}
	if f.From != nil && f.To != nil && !f.From.Before(*f.To) {
		return nil, apperr.Field(apperr.Invalid, "to", "the end of the calls' dates must be after their start")
	}
	sys := viewer.System(ctx)
	var uploadIDs []int
	if err := s.Client.UploadCustomerTotal.Query().Where(uploadcustomertotal.CustomerIDIn(ids...)).
		Select(uploadcustomertotal.FieldUploadID).Scan(sys, &uploadIDs); err != nil {
		return nil, err
	}
	processed, err := s.Client.CdrUpload.Query().Where(cdrupload.IDIn(uploadIDs...), cdrupload.StatusEQ(cdrupload.StatusProcessed)).IDs(sys)
	if err != nil {
		return nil, err
	}
	ps := []predicate.Call{call.UploadIDIn(processed...), call.CustomerIDIn(ids...), call.StatusEQ(call.StatusPriced)}
	if f.From != nil {
		ps = append(ps, call.StartGTE(f.From.UTC()))
	}
	if f.To != nil {
		ps = append(ps, call.StartLT(f.To.UTC()))
	}
	if n := digits(f.Number); n != "" {
		ps = append(ps, call.Or(call.SourceContains(n), call.DestinationContains(n)))
	}
	return s.Client.Call.Query().Where(ps...), nil
}

// Price is a call's price in major units.
func Price(c *ent.Call) decimal.Decimal { return decimal.New(c.PriceUnits, int32(-c.PriceDecimals)) }

// CallPage is a page of calls with the totals of every call the filter
// selects.
type CallPage struct {
	Nodes      []*ent.Call
	TotalCount int
	TotalPrice decimal.Decimal
}

// CallsPage is a page of the calls f selects, newest first.
func (s *Service) CallsPage(ctx context.Context, f CallFilter, first, offset int) (*CallPage, error) {
	if err := page("first", first, offset, MaxCalls); err != nil {
		return nil, err
	}
	q, err := s.Calls(ctx, f)
	if err != nil {
		return nil, err
	}
	n, err := q.Clone().Count(ctx)
	if err != nil {
		return nil, err
	}
	total, err := billing.SumPrices(ctx, q.Clone())
	if err != nil {
		return nil, err
	}
	list, err := q.Order(ent.Desc(call.FieldStart), ent.Desc(call.FieldID)).Limit(first).Offset(offset).All(ctx)
	if err != nil {
		return nil, err
	}
	return &CallPage{Nodes: list, TotalCount: n, TotalPrice: total}, nil
}

// DayCount is one day's calls.
type DayCount struct {
	Day   time.Time // the day's midnight in UTC, as calendar days are kept
	Calls int
	Price decimal.Decimal
}

// HourCount is the calls that started in one hour of the day.
type HourCount struct {
	Hour, Calls int
}

// Activity is the charts of the portal's home page.
type Activity struct {
	ByDay  []DayCount
	ByHour []HourCount
}

// ActivityOf counts the viewer's calls on each of the last days days,
// today included, and by the hour of the day they started, in the
// deployment's zone. The calls' start times and prices are read (one
// customer's month is thousands of rows, not millions) and counted here.
func (s *Service) ActivityOf(ctx context.Context, days int) (*Activity, error) {
	if days < 1 || days > MaxDays {
		return nil, apperr.Field(apperr.Invalid, "days", "days must be between 1 and %d", MaxDays)
	}
	y, m, d := s.now().In(s.Zone).Date()
	first := time.Date(y, m, d, 0, 0, 0, 0, s.Zone).AddDate(0, 0, 1-days)
	end := time.Date(y, m, d, 0, 0, 0, 0, s.Zone).AddDate(0, 0, 1)
	q, err := s.Calls(ctx, CallFilter{From: &first, To: &end})
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Start         time.Time `json:"start"`
		PriceUnits    int64     `json:"price_units"`
		PriceDecimals int       `json:"price_decimals"`
	}
	if err := q.Select(call.FieldStart, call.FieldPriceUnits, call.FieldPriceDecimals).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	a := &Activity{ByDay: make([]DayCount, days), ByHour: make([]HourCount, 24)}
	fy, fm, fd := first.Date()
	firstDay := time.Date(fy, fm, fd, 0, 0, 0, 0, time.UTC)
	for i := range a.ByDay {
		a.ByDay[i] = DayCount{Day: firstDay.AddDate(0, 0, i), Price: decimal.Zero}
	}
	for h := range a.ByHour {
		a.ByHour[h].Hour = h
	}
	for _, r := range rows {
		local := r.Start.In(s.Zone)
		ly, lm, ld := local.Date()
		i := int(time.Date(ly, lm, ld, 0, 0, 0, 0, time.UTC).Sub(firstDay).Hours() / 24)
		if i < 0 || i >= days {
			continue
		}
		a.ByDay[i].Calls++
		a.ByDay[i].Price = a.ByDay[i].Price.Add(decimal.New(r.PriceUnits, int32(-r.PriceDecimals)))
		a.ByHour[local.Hour()].Calls++
	}
	return a, nil
}

// digits is the part of a number typed in the filter that the stored,
// normalised numbers contain: its digits, without a national leading 0
// (stored numbers carry the country code in its place).
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return strings.TrimPrefix(b.String(), "0")
}

func page(field string, first, offset, max int) error {
	if first < 1 || first > max {
		return apperr.Field(apperr.Invalid, field, "%s must be between 1 and %d", field, max)
	}
	if offset < 0 {
		return apperr.Field(apperr.Invalid, "offset", "offset cannot be negative")
	}
	return nil
}

// exportPage is how many calls an export reads at a time.
const exportPage = 5000

// WriteCallsCSV streams the calls f selects as the call statement's CSV
// (render.StatementCSV: date and time in the deployment's zone, CLI,
// number dialled, destination, band, duration, billable seconds, price),
// oldest first, a page at a time, so a year of calls is never held in
// memory. The rows add up to the total read first, or the export fails.
// q is Calls' query, made (and so checked) before the first byte is written.
func (s *Service) WriteCallsCSV(ctx context.Context, w io.Writer, q *ent.CallQuery, decimals int) error {
	total, err := billing.SumPrices(ctx, q.Clone())
	if err != nil {
		return err
	}
	calls := func(yield func(render.Call, error) bool) {
		var after *ent.Call
		for {
			pq := q.Clone().Order(ent.Asc(call.FieldStart), ent.Asc(call.FieldID)).Limit(exportPage)
			if after != nil {
				pq = pq.Where(call.Or(call.StartGT(after.Start), call.And(call.StartEQ(after.Start), call.IDGT(after.ID))))
			}
			list, err := pq.All(ctx)
			if err != nil {
				yield(render.Call{}, err)
				return
			}
			for _, c := range list {
				if !yield(render.Call{Start: c.Start, CLI: c.Source, Dialled: c.Destination, Destination: c.RateDestination,
					Band: c.Band.Name(), DurationSeconds: c.Duration, BillableSeconds: c.BillableSeconds, Price: Price(c)}, nil) {
					return
				}
			}
			if len(list) < exportPage {
				return
			}
			after = list[len(list)-1]
		}
	}
	return render.StatementCSV(w, render.Statement{Location: s.Zone, Currency: render.Currency{Decimals: int32(decimals)}, Total: total, Calls: calls})
}

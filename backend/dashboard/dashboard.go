// Package dashboard computes the staff dashboard's cards: revenue by month,
// unbilled calls by customer, calls per day, top destinations, uploads
// waiting to be processed and invoices falling due.
//
// Money is exact. Calls keep their prices as integer units, so SQL sums
// them exactly on either database; invoices and customers keep decimals
// (text on SQLite), so their sums are made in Go. Every list is capped.
package dashboard

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/rate"
	"github.com/tollgate/tollgate/ent/ratesheet"
)

// Limits of the cards' arguments: the server never lists or groups more.
const (
	MaxMonths = 24  // revenue by month
	MaxDays   = 92  // calls per day and top destinations
	MaxList   = 25  // any list of customers, destinations, uploads or invoices
	MaxDueIn  = 366 // invoices falling due within this many days
)

// Service reads the dashboard's figures.
type Service struct {
	Client *ent.Client
	// SQL and Dialect run the aggregates over calls, which Ent's builder
	// cannot group by hour.
	SQL     *sql.DB
	Dialect string
	// Zone is the deployment's time zone: days and months are its days
	// and months.
	Zone *time.Location
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// Cache keeps the sums of processed uploads' calls; nil reads them
	// every time.
	Cache *Cache
}

// Board is the dashboard query's answer. It holds nothing: each card is
// computed by its own method when the query asks for it.
type Board struct{}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// today is the deployment's current calendar day as its midnight in UTC,
// the way Tollgate stores calendar days.
func (s *Service) today() time.Time {
	y, m, d := s.now().In(s.Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func within(field string, v, lo, hi int) error {
	if v < lo || v > hi {
		return apperr.Field(apperr.Invalid, field, "%s must be between %d and %d", field, lo, hi)
	}
	return nil
}

// canRead refuses viewers who may not read the reseller's figures. Ent's
// policies guard the entity queries; the raw aggregates over calls check here.
func canRead(ctx context.Context) error {
	if v, ok := viewer.FromContext(ctx); ok && v.CanRead() {
		return nil
	}
	return apperr.New(apperr.Forbidden, "you are not allowed to read the dashboard: sign in as staff or use an API token")
}

// MonthRevenue is what the invoices issued in one calendar month come to.
type MonthRevenue struct {
	Month    string // 2026-06
	Invoices int
	Net      decimal.Decimal
	Tax      decimal.Decimal
	Total    decimal.Decimal
}

// notRevenue are the statuses of invoices revenue leaves out: a deleted
// invoice keeps its number on record but is not revenue.
var notRevenue = []invoice.Status{invoice.StatusDeleted}

// RevenueByMonth totals the invoices issued in each of the last months
// calendar months, this one included, oldest first; a month without
// invoices is there with zeros.
func (s *Service) RevenueByMonth(ctx context.Context, months int) ([]*MonthRevenue, error) {
	if err := within("months", months, 1, MaxMonths); err != nil {
		return nil, err
	}
	today := s.today()
	first := time.Date(today.Year(), today.Month()-time.Month(months-1), 1, 0, 0, 0, 0, time.UTC)
	out := make([]*MonthRevenue, months)
	at := map[string]*MonthRevenue{}
	for i := range out {
		out[i] = &MonthRevenue{Month: first.AddDate(0, i, 0).Format("2006-01")}
		at[out[i].Month] = out[i]
	}
	invs, err := s.Client.Invoice.Query().
		Where(invoice.IssueDateGTE(first), invoice.IssueDateLT(first.AddDate(0, months, 0)), invoice.StatusNotIn(notRevenue...)).
		Select(invoice.FieldIssueDate, invoice.FieldNetTotal, invoice.FieldTaxTotal, invoice.FieldTotal).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, inv := range invs {
		m := at[inv.IssueDate.UTC().Format("2006-01")]
		if m == nil {
			continue
		}
		m.Invoices++
		m.Net, m.Tax, m.Total = m.Net.Add(inv.NetTotal), m.Tax.Add(inv.TaxTotal), m.Total.Add(inv.Total)
	}
	return out, nil
}

// Unbilled is the unbilled calls card: every customer's unbilled total
// added up, and the customers with the most.
type Unbilled struct {
	Total     decimal.Decimal
	Customers int // customers with unbilled calls
	Top       []CustomerAmount
}

// CustomerAmount is one customer's unbilled total.
type CustomerAmount struct {
	Customer *ent.Customer
	Amount   decimal.Decimal
}

// UnbilledByCustomer reads every customer's unbilled total (one small row
// each: a decimal sorts as text on SQLite, so the ranking is made here)
// and returns the first largest.
func (s *Service) UnbilledByCustomer(ctx context.Context, first int) (Unbilled, error) {
	if err := within("first", first, 1, MaxList); err != nil {
		return Unbilled{}, err
	}
	all, err := s.Client.Customer.Query().Select(customer.FieldID, customer.FieldUnbilledTotal).All(ctx)
	if err != nil {
		return Unbilled{}, err
	}
	var out Unbilled
	var owing []CustomerAmount
	for _, c := range all {
		if c.UnbilledTotal.IsZero() {
			continue
		}
		out.Total = out.Total.Add(c.UnbilledTotal)
		owing = append(owing, CustomerAmount{Customer: c, Amount: c.UnbilledTotal})
	}
	out.Customers = len(owing)
	slices.SortFunc(owing, func(a, b CustomerAmount) int {
		return cmp.Or(b.Amount.Cmp(a.Amount), a.Customer.ID-b.Customer.ID)
	})
	owing = owing[:min(first, len(owing))]
	ids := make([]int, len(owing))
	for i, o := range owing {
		ids[i] = o.Customer.ID
	}
	full, err := s.Client.Customer.Query().Where(customer.IDIn(ids...)).All(ctx)
	if err != nil {
		return Unbilled{}, err
	}
	byID := map[int]*ent.Customer{}
	for _, c := range full {
		byID[c.ID] = c
	}
	for _, o := range owing {
		if c := byID[o.Customer.ID]; c != nil { // one deleted meanwhile is left out
			out.Top = append(out.Top, CustomerAmount{Customer: c, Amount: o.Amount})
		}
	}
	return out, nil
}

// DayCalls is the priced calls of one day of the deployment's calendar.
type DayCalls struct {
	Day   time.Time // the day's midnight in UTC, as calendar days are kept
	Calls int64
	Value decimal.Decimal
}

// window is the last days calendar days, today included, as the instants
// their calls start between (UTC, as calls are stored).
func (s *Service) window(days int) (from, to time.Time) {
	today := s.today()
	local := func(d time.Time) time.Time {
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, s.Zone).UTC()
	}
	return local(today.AddDate(0, 0, 1-days)), local(today.AddDate(0, 0, 1))
}

// describe names the listed destinations from the rate sheets that priced
// their calls: a rate's prefix is the destination's digits, or its charge
// code upper-cased.
func (s *Service) describe(ctx context.Context, sheetsOf map[string][]int, lists ...[]Destination) error {
	var prefixes []string
	var sheets []int
	for _, l := range lists {
		for _, d := range l {
			prefixes = append(prefixes, strings.ToUpper(d.Destination))
			sheets = append(sheets, sheetsOf[d.Destination]...)
		}
	}
	if len(sheets) == 0 {
		return nil
	}
	rates, err := s.Client.Rate.Query().Where(rate.PrefixIn(prefixes...), rate.HasRateSheetWith(ratesheet.IDIn(sheets...))).
		WithRateSheet(func(q *ent.RateSheetQuery) { q.Select(ratesheet.FieldID) }).All(ctx)
	if err != nil {
		return err
	}
	// The newest sheet's description wins when versions disagree.
	slices.SortFunc(rates, func(a, b *ent.Rate) int { return cmp.Compare(sheetID(a), sheetID(b)) })
	names := map[string]string{}
	for _, r := range rates {
		if r.Description != "" {
			names[r.Prefix] = r.Description
		}
	}
	for _, l := range lists {
		for i := range l {
			l[i].Description = names[strings.ToUpper(l[i].Destination)]
		}
	}
	return nil
}

func sheetID(r *ent.Rate) int {
	if r.Edges.RateSheet == nil {
		return 0
	}
	return r.Edges.RateSheet.ID
}

// WaitingUploads is the uploads card: analysed uploads waiting for a
// clerk to process them, oldest first.
type WaitingUploads struct {
	Count   int
	Calls   int64           // their priced calls
	Total   decimal.Decimal // what their priced calls come to
	Uploads []*ent.CdrUpload
}

// Waiting lists the READY uploads, the first oldest-analysed ones, with
// the count and totals of all of them.
func (s *Service) Waiting(ctx context.Context, first int) (WaitingUploads, error) {
	if err := within("first", first, 1, MaxList); err != nil {
		return WaitingUploads{}, err
	}
	ready, err := s.Client.CdrUpload.Query().Where(cdrupload.StatusEQ(cdrupload.StatusReady)).
		Order(ent.Asc(cdrupload.FieldAnalysedAt), ent.Asc(cdrupload.FieldID)).All(ctx)
	if err != nil {
		return WaitingUploads{}, err
	}
	out := WaitingUploads{Count: len(ready), Uploads: ready[:min(first, len(ready))]}
	for _, u := range ready {
		out.Calls += u.Priced
		out.Total = out.Total.Add(u.TotalPrice)
	}
	return out, nil
}

// InvoicesDue is the falling-due card: issued invoices not yet settled
// whose due date has passed or comes within the window, soonest first.
type InvoicesDue struct {
	Count    int
	Overdue  int // of Count, those whose due date has passed
	Total    decimal.Decimal
	Invoices []*ent.Invoice
}

// notOpen are the statuses of an invoice nobody is waiting to be paid:
// settled or deleted.
var notOpen = []invoice.Status{invoice.StatusSettled, invoice.StatusDeleted}

// FallingDue lists the open invoices due within withinDays days from
// today or overdue, the first soonest due, with the count and total of all.
func (s *Service) FallingDue(ctx context.Context, withinDays, first int) (InvoicesDue, error) {
	if err := within("withinDays", withinDays, 0, MaxDueIn); err != nil {
		return InvoicesDue{}, err
	}
	if err := within("first", first, 1, MaxList); err != nil {
		return InvoicesDue{}, err
	}
	today := s.today()
	due, err := s.Client.Invoice.Query().
		Where(invoice.StatusNotIn(notOpen...), invoice.DueDateNotNil(), invoice.DueDateLTE(today.AddDate(0, 0, withinDays))).
		Order(ent.Asc(invoice.FieldDueDate), ent.Asc(invoice.FieldNumber)).
		Select(invoice.FieldID, invoice.FieldDueDate, invoice.FieldTotal).All(ctx)
	if err != nil {
		return InvoicesDue{}, err
	}
	out := InvoicesDue{Count: len(due)}
	for _, inv := range due {
		out.Total = out.Total.Add(inv.Total)
		if inv.DueDate.Before(today) {
			out.Overdue++
		}
	}
	ids := make([]int, 0, first)
	for _, inv := range due[:min(first, len(due))] {
		ids = append(ids, inv.ID)
	}
	full, err := s.Client.Invoice.Query().Where(invoice.IDIn(ids...)).
		Order(ent.Asc(invoice.FieldDueDate), ent.Asc(invoice.FieldNumber)).All(ctx)
	if err != nil {
		return InvoicesDue{}, err
	}
	out.Invoices = full
	return out, nil
}

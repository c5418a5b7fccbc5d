package invoicing

import (
	"context"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	entcustomer "github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
)

// Balance is what a customer owes: the sum of its outstanding (issued, not
// settled or deleted) invoices' totals. The totals are added in Go, exactly
// (SQLite would add DECIMAL text as floats).
func (s *Invoices) Balance(ctx context.Context, customerID int) (decimal.Decimal, error) {
	t, err := TotalsOf(ctx, txn.Client(ctx, s.client).Invoice.Query().
		Where(invoice.HasCustomerWith(entcustomer.ID(customerID)), invoice.StatusEQ(invoice.StatusIssued)))
	return t.Total, err
}

// View is a tab of the invoices list.
type View string

// The tabs: outstanding (issued and unpaid), settled, deleted, or all.
const (
	Outstanding View = "OUTSTANDING"
	SettledView View = "SETTLED"
	DeletedView View = "DELETED"
	AllView     View = "ALL"
)

// List is the query of the invoices in view whose number is search, or
// whose customer's name or reference contains it, for the caller to page.
func (s *Invoices) List(ctx context.Context, view View, search string) (*ent.InvoiceQuery, error) {
	q := txn.Client(ctx, s.client).Invoice.Query()
	switch view {
	case Outstanding:
		q = q.Where(invoice.StatusEQ(invoice.StatusIssued))
	case SettledView:
		q = q.Where(invoice.StatusEQ(invoice.StatusSettled))
	case DeletedView:
		q = q.Where(invoice.StatusEQ(invoice.StatusDeleted))
	case AllView, "":
	default:
		return nil, apperr.Field(apperr.Invalid, "view", "unknown invoice view %q", view)
	}
	if search = strings.TrimSpace(search); search != "" {
		match := invoice.Or(invoice.CustomerNameContainsFold(search), invoice.CustomerReferenceContainsFold(search))
		if n, err := strconv.ParseInt(strings.TrimPrefix(search, "#"), 10, 64); err == nil {
			match = invoice.Or(match, invoice.Number(n))
		}
		q = q.Where(match)
	}
	return q, nil
}

// Totals is the count and sums of the invoices of a list.
type Totals struct {
	Count           int
	Net, Tax, Total decimal.Decimal
}

// TotalsOf adds up the invoices q selects, exactly, in Go.
func TotalsOf(ctx context.Context, q *ent.InvoiceQuery) (Totals, error) {
	var rows []struct {
		Net   decimal.Decimal `json:"net_total"`
		Tax   decimal.Decimal `json:"tax_total"`
		Total decimal.Decimal `json:"total"`
	}
	if err := q.Select(invoice.FieldNetTotal, invoice.FieldTaxTotal, invoice.FieldTotal).Scan(ctx, &rows); err != nil {
		return Totals{}, err
	}
	t := Totals{Count: len(rows)}
	for _, r := range rows {
		t.Net, t.Tax, t.Total = t.Net.Add(r.Net), t.Tax.Add(r.Tax), t.Total.Add(r.Total)
	}
	return t, nil
}

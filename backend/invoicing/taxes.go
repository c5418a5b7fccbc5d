package invoicing

import (
	"context"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/invoiceline"
)

var hundred = decimal.NewFromInt(100)

// TaxSummary is an invoice's net and tax at each tax rate of its lines,
// lowest rate first, worked out as the run works it out: per rate, on the
// net at that rate, rounded once (docs/billing.md, Invoices).
func (s *Invoices) TaxSummary(ctx context.Context, invoiceID int) ([]*rules.TaxLine, error) {
	var lines []struct {
		Amount  decimal.Decimal `json:"amount"`
		TaxRate decimal.Decimal `json:"tax_rate"`
	}
	if err := txn.Client(ctx, s.client).InvoiceLine.Query().Where(invoiceline.HasInvoiceWith(invoice.ID(invoiceID))).
		Select(invoiceline.FieldAmount, invoiceline.FieldTaxRate).Scan(ctx, &lines); err != nil {
		return nil, err
	}
	out := []*rules.TaxLine{}
	for _, l := range lines {
		i := slices.IndexFunc(out, func(t *rules.TaxLine) bool { return t.Rate.Equal(l.TaxRate) })
		if i < 0 {
			out = append(out, &rules.TaxLine{Rate: l.TaxRate})
			i = len(out) - 1
		}
		out[i].Net = out[i].Net.Add(l.Amount)
	}
	for i := range out {
		out[i].Tax = s.Money.Round(out[i].Net.Mul(out[i].Rate).Div(hundred))
	}
	slices.SortFunc(out, func(a, b *rules.TaxLine) int { return a.Rate.Cmp(b.Rate) })
	return out, nil
}

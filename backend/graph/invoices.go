package graph

import (
	"context"

	"entgo.io/contrib/entgql"

	"github.com/tollgate/tollgate/ent"
)

// invoicePage pages a list of invoices, newest number first, within the
// server's page size.
func (r *Resolver) invoicePage(ctx context.Context, q *ent.InvoiceQuery, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int) (*ent.InvoiceConnection, error) {
	first, last, err := r.page(first, last)
	if err != nil {
		return nil, err
	}
	newest := &ent.InvoiceOrder{Direction: entgql.OrderDirectionDesc, Field: ent.InvoiceOrderFieldNumber}
	return q.Paginate(ctx, after, first, before, last, ent.WithInvoiceOrder(newest))
}

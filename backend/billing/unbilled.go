// Package billing turns processed calls and pending charges into invoices.
package billing

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/customer"
)

// RecomputeUnbilled recounts a customer's unbilled calls total — the sum of
// the rounded prices of its processed, priced calls that no charge has taken
// yet — stores it on the customer and returns it. Sums are made in Go with
// exact decimals, never by SQL, so SQLite (which has no exact decimal type)
// gives the same answer as MySQL.
func RecomputeUnbilled(ctx context.Context, c *ent.Client, customerID int) (decimal.Decimal, error) {
	var prices []struct {
		Price decimal.Decimal `json:"price"`
	}
	err := c.Call.Query().
		Where(call.HasCustomerWith(customer.ID(customerID)), call.Processed(true),
			call.StatusEQ(call.StatusPriced), call.Not(call.HasCharge())).
		Select(call.FieldPrice).Scan(ctx, &prices)
	if err != nil {
		return decimal.Zero, err
	}
	total := decimal.Zero
	for _, p := range prices {
		total = total.Add(p.Price)
	}
	if err := c.Customer.UpdateOneID(customerID).SetUnbilledTotal(total).Exec(ctx); err != nil {
		return decimal.Zero, err
	}
	return total, nil
}

// Package billing turns processed calls and pending charges into invoices.
package billing

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// CustomerUploads lists the uploads holding calls of a customer. The calls
// table has no index on the customer (every index costs bulk-load
// throughput), so a customer's calls are reached through these uploads.
func CustomerUploads(ctx context.Context, c *ent.Client, customerID int) ([]int, error) {
	var ids []int
	err := c.UploadCustomerTotal.Query().Where(uploadcustomertotal.CustomerID(customerID)).
		Select(uploadcustomertotal.FieldUploadID).Scan(ctx, &ids)
	return ids, err
}

// UnbilledCalls selects a customer's unbilled calls: priced calls of
// processed uploads that no charge has taken yet.
func UnbilledCalls(ctx context.Context, c *ent.Client, customerID int) (*ent.CallQuery, error) {
	mine, err := CustomerUploads(ctx, c, customerID)
	if err != nil {
		return nil, err
	}
	uploads, err := c.CdrUpload.Query().Where(cdrupload.IDIn(mine...), cdrupload.StatusEQ(cdrupload.StatusProcessed)).IDs(ctx)
	if err != nil {
		return nil, err
	}
	return c.Call.Query().Where(call.CustomerID(customerID), call.StatusEQ(call.StatusPriced),
		call.ChargeIDIsNil(), call.UploadIDIn(uploads...)), nil
}

// SumUnits adds prices kept as integer units of 10^-decimals, exactly.
func SumUnits(rows []UnitsSum) decimal.Decimal {
	total := decimal.Zero
	for _, r := range rows {
		total = total.Add(decimal.New(r.Sum, int32(-r.PriceDecimals)))
	}
	return total
}

// UnitsSum is one SUM(price_units) grouped by the scale it was priced at.
type UnitsSum struct {
	PriceDecimals int   `json:"price_decimals"`
	Sum           int64 `json:"sum"`
}

// RecomputeUnbilled recounts a customer's unbilled calls total from the
// calls themselves, stores it on the customer and returns it. Recounting
// from scratch (rather than adding increments) makes it safe to run any
// number of times. Prices are integer units, so SUM is exact on SQLite too.
func RecomputeUnbilled(ctx context.Context, c *ent.Client, customerID int) (decimal.Decimal, error) {
	q, err := UnbilledCalls(ctx, c, customerID)
	if err != nil {
		return decimal.Zero, err
	}
	var sums []UnitsSum
	if err := q.GroupBy(call.FieldPriceDecimals).Aggregate(ent.As(ent.Sum(call.FieldPriceUnits), "sum")).Scan(ctx, &sums); err != nil {
		return decimal.Zero, err
	}
	total := SumUnits(sums)
	if err := c.Customer.UpdateOneID(customerID).SetUnbilledTotal(total).Exec(ctx); err != nil {
		return decimal.Zero, err
	}
	return total, nil
}

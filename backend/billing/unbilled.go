package billing

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// CustomerUploads lists the uploads holding calls of a customer. The calls
// table has no index on the customer (every index costs bulk-load
// throughput), so a customer's calls are reached through these uploads.
func (s *Service) CustomerUploads(ctx context.Context, customerID int) ([]int, error) {
	var ids []int
	err := txn.Client(ctx, s.Client).UploadCustomerTotal.Query().Where(uploadcustomertotal.CustomerID(customerID)).
		Select(uploadcustomertotal.FieldUploadID).Scan(ctx, &ids)
	return ids, err
}

// UnbilledCalls selects a customer's unbilled calls: priced calls of
// processed uploads that no charge has taken yet.
func (s *Service) UnbilledCalls(ctx context.Context, customerID int) (*ent.CallQuery, error) {
	mine, err := s.CustomerUploads(ctx, customerID)
	if err != nil {
		return nil, err
	}
	c := txn.Client(ctx, s.Client)
	uploads, err := c.CdrUpload.Query().Where(cdrupload.IDIn(mine...), cdrupload.StatusEQ(cdrupload.StatusProcessed)).IDs(ctx)
	if err != nil {
		return nil, err
	}
	return c.Call.Query().Where(call.CustomerID(customerID), call.StatusEQ(call.StatusPriced),
		call.ChargeIDIsNil(), call.UploadIDIn(uploads...)), nil
}

// sumUnits adds prices kept as integer units of 10^-decimals, exactly.
func sumUnits(rows []unitsSum) decimal.Decimal {
	total := decimal.Zero
	for _, r := range rows {
		total = total.Add(decimal.New(r.Sum, int32(-r.PriceDecimals)))
	}
	return total
}

// unitsSum is one SUM(price_units) grouped by the scale it was priced at.
type unitsSum struct {
	PriceDecimals int   `json:"price_decimals"`
	Sum           int64 `json:"sum"`
}

// sumPrices totals the prices of the calls q selects, exactly.
func sumPrices(ctx context.Context, q *ent.CallQuery) (decimal.Decimal, error) {
	var sums []unitsSum
	if err := q.GroupBy(call.FieldPriceDecimals).Aggregate(ent.As(ent.Sum(call.FieldPriceUnits), "sum")).Scan(ctx, &sums); err != nil {
		return decimal.Zero, err
	}
	return sumUnits(sums), nil
}

// RecomputeUnbilled recounts a customer's unbilled calls total from the
// calls themselves, stores it on the customer, tells the customer's
// watchers and returns it. Recounting from scratch (rather than adding
// increments) makes it safe to run any number of times. Prices are integer
// units, so SUM is exact on SQLite too.
func (s *Service) RecomputeUnbilled(ctx context.Context, customerID int) (decimal.Decimal, error) {
	total, err := txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (decimal.Decimal, error) {
		q, err := s.UnbilledCalls(ctx, customerID)
		if err != nil {
			return decimal.Zero, err
		}
		total, err := sumPrices(ctx, q)
		if err != nil {
			return decimal.Zero, err
		}
		return total, c.Customer.UpdateOneID(customerID).SetUnbilledTotal(total).Exec(ctx)
	})
	if err != nil {
		return decimal.Zero, err
	}
	// A lost event costs the watchers freshness only: the total is stored.
	_ = events.Publish(ctx, s.Events, CustomerEvent{CustomerID: customerID, Changed: "unbilledTotal"})
	return total, nil
}

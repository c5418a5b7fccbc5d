package billing

import (
	"context"
	"fmt"
	"slices"

	"entgo.io/ent/dialect/sql"
	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/customer"
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

// SumPrices totals the prices of the calls q selects, exactly.
func SumPrices(ctx context.Context, q *ent.CallQuery) (decimal.Decimal, error) {
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
// units, so SUM is exact on SQLite too. It runs in a transaction of its own
// (the job handler's): one that had already read would count from an older
// snapshot.
func (s *Service) RecomputeUnbilled(ctx context.Context, customerID int) (decimal.Decimal, error) {
	total, err := txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (decimal.Decimal, error) {
		// Processing adds to the total under this row's lock, so taking it
		// before reading keeps a recount and an increment from
		// interleaving. The lock must come first: InnoDB takes a
		// transaction's REPEATABLE READ snapshot at its first plain read,
		// so the reads below see every processing committed before the
		// lock was granted, and none can commit until this one does.
		if err := s.lockCustomer(ctx, c, customerID); err != nil {
			return decimal.Zero, err
		}
		q, err := s.UnbilledCalls(ctx, customerID)
		if err != nil {
			return decimal.Zero, err
		}
		total, err := SumPrices(ctx, q)
		if err != nil {
			return decimal.Zero, err
		}
		if s.AfterRecountRead != nil {
			s.AfterRecountRead(ctx, customerID)
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

// lockCustomer takes the customer's row lock for the rest of the
// transaction; an unknown customer is ent's not-found error.
func (s *Service) lockCustomer(ctx context.Context, c *ent.Client, customerID int) error {
	if !s.RowLocks {
		return nil // SQLite: the IMMEDIATE transaction already holds the only write lock
	}
	_, err := c.Customer.Query().Where(customer.ID(customerID)).ForUpdate().OnlyID(ctx)
	return err
}

// Drift is a customer whose stored unbilled total differs from what its
// unbilled calls come to, or priced calls of processed uploads whose
// customer no longer exists (Exists false).
type Drift struct {
	CustomerID int
	Exists     bool
	Stored     decimal.Decimal // the customer's unbilled_total; zero when it no longer exists
	Calls      decimal.Decimal // its priced calls of processed uploads not yet on a charge
}

func (d Drift) String() string {
	if !d.Exists {
		return fmt.Sprintf("customer %d does not exist but has unbilled calls worth %s", d.CustomerID, d.Calls)
	}
	return fmt.Sprintf("customer %d stores %s unbilled but its unbilled calls come to %s", d.CustomerID, d.Stored, d.Calls)
}

// UnbilledDrift checks the unbilled invariant (docs/analysis.md, The
// unbilled total): every customer's stored unbilled total is the sum of its
// priced calls of processed uploads not yet on a charge, and no such call
// belongs to a customer that does not exist — so the totals over all
// customers add up to all such calls. It returns what disagrees, nothing
// when all is well. It reads every unbilled call, in one snapshot: a check
// for tests and operators, not for a request path.
func (s *Service) UnbilledDrift(ctx context.Context) ([]Drift, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) ([]Drift, error) {
		var sums []struct {
			CustomerID    *int  `json:"customer_id"`
			PriceDecimals int   `json:"price_decimals"`
			Sum           int64 `json:"sum"`
		}
		processed := func(sel *sql.Selector) {
			sel.Where(sql.In(sel.C(call.FieldUploadID), sql.Select(cdrupload.FieldID).From(sql.Table(cdrupload.Table)).
				Where(sql.EQ(cdrupload.FieldStatus, cdrupload.StatusProcessed))))
		}
		if err := c.Call.Query().Where(call.StatusEQ(call.StatusPriced), call.ChargeIDIsNil(), processed).
			GroupBy(call.FieldCustomerID, call.FieldPriceDecimals).
			Aggregate(ent.As(ent.Sum(call.FieldPriceUnits), "sum")).Scan(ctx, &sums); err != nil {
			return nil, err
		}
		calls := map[int]decimal.Decimal{}
		for _, r := range sums {
			id := 0 // a priced call without a customer belongs to nobody
			if r.CustomerID != nil {
				id = *r.CustomerID
			}
			calls[id] = calls[id].Add(decimal.New(r.Sum, int32(-r.PriceDecimals)))
		}
		custs, err := c.Customer.Query().Select(customer.FieldID, customer.FieldUnbilledTotal).All(ctx)
		if err != nil {
			return nil, err
		}
		var out []Drift
		for _, cu := range custs {
			if sum := calls[cu.ID]; !sum.Equal(cu.UnbilledTotal) {
				out = append(out, Drift{CustomerID: cu.ID, Exists: true, Stored: cu.UnbilledTotal, Calls: sum})
			}
			delete(calls, cu.ID)
		}
		for id, sum := range calls {
			out = append(out, Drift{CustomerID: id, Calls: sum})
		}
		slices.SortFunc(out, func(a, b Drift) int { return a.CustomerID - b.CustomerID })
		return out, nil
	})
}

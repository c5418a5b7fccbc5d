package billing

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
)

// ReturnUnbilled adds amount — the exact call total of calls that a
// deleted charge gave back — to a customer's unbilled total, under the
// customer's row lock as processing adds, in the caller's transaction.
// The caller publishes the CustomerEvent once it has committed.
func (s *Service) ReturnUnbilled(ctx context.Context, customerID int, amount decimal.Decimal) error {
	return txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		if err := s.lockCustomer(ctx, c, customerID); err != nil {
			return err
		}
		cu, err := c.Customer.Get(ctx, customerID)
		if err != nil {
			return err
		}
		return c.Customer.UpdateOneID(customerID).SetUnbilledTotal(cu.UnbilledTotal.Add(amount)).Exec(ctx)
	})
}

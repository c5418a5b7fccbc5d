package workload

import (
	"context"
	"fmt"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/ent"
	entcustomer "github.com/tollgate/tollgate/ent/customer"
)

// loadBatch rows per INSERT: a customer or CLI row has under 15 columns, so
// 1,000 rows stay far below MySQL's 65,535 placeholders and SQLite's 32,766.
const loadBatch = 1000

// Loaded counts what Load inserted.
type Loaded struct {
	Customers, Clis int
}

// Load inserts the customers and their CLIs with bulk inserts, as the
// system, in one transaction. It skips customers.Service's per-CLI clash
// check (one query a CLI) because the generator's CLIs are distinct by
// construction; values are still normalised by customers.Service.ParseCli,
// exactly as a clerk's would be.
func (w *Workload) Load(ctx context.Context, c *ent.Client) (Loaded, error) {
	ctx = viewer.System(ctx)
	tx, err := c.Tx(ctx)
	if err != nil {
		return Loaded{}, err
	}
	n, err := w.load(ctx, tx.Client())
	if err != nil {
		_ = tx.Rollback()
		return Loaded{}, err
	}
	return n, tx.Commit()
}

func (w *Workload) load(ctx context.Context, c *ent.Client) (Loaded, error) {
	var done Loaded
	for lo := 0; lo < len(w.customers); lo += loadBatch {
		hi := min(lo+loadBatch, len(w.customers))
		b := make([]*ent.CustomerCreate, 0, hi-lo)
		for _, cu := range w.customers[lo:hi] {
			b = append(b, c.Customer.Create().SetReference(cu.Reference).SetName(cu.Name))
		}
		if err := c.Customer.CreateBulk(b...).Exec(ctx); err != nil {
			return done, fmt.Errorf("insert customers: %w", err)
		}
		done.Customers += hi - lo
	}
	// Ids by reference: batch inserts report ids differently per database.
	var rows []struct {
		ID        int    `json:"id"`
		Reference string `json:"reference"`
	}
	if err := c.Customer.Query().Select(entcustomer.FieldID, entcustomer.FieldReference).Scan(ctx, &rows); err != nil {
		return done, err
	}
	ids := make(map[string]int, len(rows))
	for _, r := range rows {
		ids[r.Reference] = r.ID
	}
	svc := customers.Service{CountryCode: w.cfg.CountryCode}
	b := make([]*ent.CliCreate, 0, loadBatch)
	flush := func() error {
		if len(b) == 0 {
			return nil
		}
		if err := c.Cli.CreateBulk(b...).Exec(ctx); err != nil {
			return fmt.Errorf("insert CLIs: %w", err)
		}
		done.Clis += len(b)
		b = b[:0]
		return nil
	}
	for _, cu := range w.customers {
		id, ok := ids[cu.Reference]
		if !ok {
			return done, fmt.Errorf("customer %s was not stored", cu.Reference)
		}
		for _, typed := range cu.Clis {
			p, err := svc.ParseCli(typed)
			if err != nil {
				return done, fmt.Errorf("generated CLI %q: %w", typed, err)
			}
			b = append(b, c.Cli.Create().SetValue(p.Value).SetIsRange(p.Range).SetIsAccount(p.Account).
				SetValidFrom(customers.Always).SetCustomerID(id))
			if len(b) == loadBatch {
				if err := flush(); err != nil {
					return done, err
				}
			}
		}
	}
	return done, flush()
}

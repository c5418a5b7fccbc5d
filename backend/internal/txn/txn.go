// Package txn is how a domain service owns its transactions: every write a
// service makes runs inside Do, so a failed call writes nothing. A service
// called from inside another service's transaction joins that transaction
// instead of opening its own (Ent has no nested transactions), because the
// transaction travels in the context.
package txn

import (
	"context"
	"fmt"

	"github.com/tollgate/tollgate/ent"
)

// Do runs fn with a client bound to a transaction: the caller's, when ctx
// already carries one, else a new one that is committed when fn returns nil
// and rolled back otherwise. fn must use the client and context it is given.
func Do(ctx context.Context, c *ent.Client, fn func(ctx context.Context, c *ent.Client) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx.Client())
	}
	tx, err := c.Tx(ctx)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(ent.NewTxContext(ctx, tx), tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Get is Do for a function with a result. An Ent entity returned from a
// transaction of its own is unwrapped, so that its edges are later loaded
// through the plain client rather than the finished transaction.
func Get[T any](ctx context.Context, c *ent.Client, fn func(ctx context.Context, c *ent.Client) (T, error)) (T, error) {
	var v T
	outer := ent.TxFromContext(ctx) != nil
	err := Do(ctx, c, func(ctx context.Context, c *ent.Client) error {
		var err error
		v, err = fn(ctx, c)
		return err
	})
	if err != nil {
		var zero T
		return zero, err
	}
	if u, ok := any(v).(interface{ Unwrap() T }); ok && !outer {
		v = u.Unwrap()
	}
	return v, nil
}

// Client is the client to read with: the caller's transaction's, when ctx
// carries one, else c itself.
func Client(ctx context.Context, c *ent.Client) *ent.Client {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return tx.Client()
	}
	return c
}

package txn

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/tollgate/tollgate/ent"
)

// deadlockAttempts bounds how often GetRetrying runs a transaction the
// database chose as a deadlock's victim.
const deadlockAttempts = 8

// GetRetrying is Get for a transaction whose locking reads can deadlock on
// MySQL, such as a check that no row exists taken with SELECT … FOR UPDATE
// (InnoDB then locks the gap, and two such transactions inserting into one
// gap wait for each other). The server rolls a deadlock's victim back whole
// (error 1213), so fn is run again from the start, after a short random
// pause, a few times. Only a transaction GetRetrying began itself is run
// again: inside a caller's transaction the error goes up to whoever began
// it. fn must have no effect outside the transaction.
func GetRetrying[T any](ctx context.Context, c *ent.Client, fn func(ctx context.Context, c *ent.Client) (T, error)) (T, error) {
	for attempt := 1; ; attempt++ {
		v, err := Get(ctx, c, fn)
		if err == nil || attempt == deadlockAttempts || ent.TxFromContext(ctx) != nil || !isDeadlock(err) {
			return v, err
		}
		select {
		case <-ctx.Done():
			return v, err
		case <-time.After(time.Duration(attempt) * time.Duration(5+rand.IntN(20)) * time.Millisecond):
		}
	}
}

func isDeadlock(err error) bool {
	var me *mysql.MySQLError
	return errors.As(err, &me) && me.Number == 1213
}

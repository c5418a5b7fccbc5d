package analysis

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/tollgate/tollgate/ent/call"
)

// Finding duplicates on MySQL (docs/analysis.md, Duplicates).
//
// The step reads with plain SELECTs — InnoDB's consistent reads, which take
// no locks — and then marks the calls it found by primary key. So it never
// locks a row, index record or gap outside its own upload's duplicates: the
// bulk loads of other uploads, which insert at random places of the dup_key
// index, never wait on it, and it never waits on them. (A multi-table
// UPDATE … JOIN reads the other table with shared next-key locks: it
// blocked every concurrent load and deadlocked with them.)
//
// Plain reads see only committed rows, so two analyses of one provider
// deciding at the same time could each see the other's call as the one that
// stays and both flag theirs. The step therefore runs under a lock per
// provider (GET_LOCK on the connection it uses; a dead process's lock goes
// with its connection). Whichever upload takes the lock second sees the
// first's decisions, committed: of two calls with one key exactly one is
// flagged. A duplicate key holds the provider, and only one provider's
// uploads are compared, so a lock per provider is enough. Loads, pricing and
// totals are not serialised.

// dupSlice is how many of the upload's lines one round of the step reads
// and marks: bounded memory and short statements for any file length.
const dupSlice = 100_000

// dupLockWait bounds how long the step waits for another analysis of the
// same provider to finish its own duplicates step.
const dupLockWait = 10 * time.Minute

func (cs *callStore) flagDuplicatesMySQL(ctx context.Context, uploadID, providerID int, others []int, inFile bool) error {
	conn, err := cs.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	unlock, err := lockProvider(ctx, conn, providerID)
	if err != nil {
		return err
	}
	defer unlock()

	var last int64
	if err := conn.QueryRowContext(ctx, `SELECT COALESCE(MAX(line), 0) FROM calls WHERE upload_id = ?`, uploadID).Scan(&last); err != nil {
		return err
	}
	// STRAIGHT_JOIN keeps this upload's slice of lines as the driving
	// table: each of its calls probes the dup_key index once, and only calls
	// with its key are read from the other uploads. Every slice is decided
	// on the state before the step (the other uploads' calls, and earlier
	// lines regardless of their status), so marking slice by slice finds
	// what one statement over the whole upload would.
	const slice = `SELECT STRAIGHT_JOIN c.id FROM calls c JOIN calls e ON e.dup_key = c.dup_key
		WHERE c.upload_id = ? AND c.line > ? AND c.line <= ? AND c.status <> ? AND `
	dup := call.StatusDuplicate
	type query struct {
		cond  string
		extra []any
	}
	var queries []query
	if len(others) > 0 {
		queries = append(queries, query{`e.upload_id IN (` + idList(others) + `) AND e.status <> ?`, []any{dup}})
	}
	if inFile {
		queries = append(queries, query{`e.upload_id = c.upload_id AND e.line < c.line`, nil})
	}
	for lo := int64(0); lo < last; lo += dupSlice {
		ids := map[int64]struct{}{}
		for _, q := range queries {
			args := append([]any{uploadID, lo, lo + dupSlice, dup}, q.extra...)
			if err := collectIDs(ctx, conn, ids, slice+q.cond, args...); err != nil {
				return err
			}
		}
		if err := markDuplicates(ctx, conn, uploadID, ids); err != nil {
			return err
		}
	}
	return nil
}

func collectIDs(ctx context.Context, conn *sql.Conn, into map[int64]struct{}, q string, args ...any) error {
	rows, err := conn.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		into[id] = struct{}{}
	}
	return rows.Err()
}

// markDuplicates flags calls by primary key, a thousand a statement: each
// statement locks only the rows it changes.
func markDuplicates(ctx context.Context, conn *sql.Conn, uploadID int, ids map[int64]struct{}) error {
	const batch = 1000
	list := make([]int, 0, min(len(ids), batch))
	flush := func() error {
		if len(list) == 0 {
			return nil
		}
		_, err := conn.ExecContext(ctx, `UPDATE calls SET status = ? WHERE id IN (`+idList(list)+`) AND upload_id = ?`,
			call.StatusDuplicate, uploadID)
		list = list[:0]
		return err
	}
	for id := range ids {
		list = append(list, int(id))
		if len(list) == batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

func idList(ids []int) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.Itoa(id)
	}
	return strings.Join(s, ",")
}

// lockProvider takes the duplicates lock of a provider on conn. The name
// holds the database's, since GET_LOCK names are server-wide.
func lockProvider(ctx context.Context, conn *sql.Conn, providerID int) (unlock func(), err error) {
	name := "SHA1(CONCAT('tollgate duplicates ', DATABASE(), ' ', ?))"
	deadline := time.Now().Add(dupLockWait)
	for {
		// Short waits on the server, so a cancelled analysis stops waiting
		// at once instead of leaving a GET_LOCK behind on the server.
		var got sql.NullInt64
		if err := conn.QueryRowContext(ctx, `SELECT GET_LOCK(`+name+`, 2)`, providerID).Scan(&got); err != nil {
			return nil, err
		}
		if got.Valid && got.Int64 == 1 {
			break
		}
		if time.Now().After(deadline) {
			return nil, busyError{fmt.Errorf("waited %s for another analysis of provider %d to finish its duplicates", dupLockWait, providerID)}
		}
	}
	return func() {
		var released sql.NullInt64
		err := conn.QueryRowContext(context.WithoutCancel(ctx), `SELECT RELEASE_LOCK(`+name+`)`, providerID).Scan(&released)
		if err != nil || released.Int64 != 1 {
			// The lock must not stay with a pooled connection: drop it.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}, nil
}

// lockConflict reports whether err is MySQL giving up on a lock: a deadlock
// (1213), a lock wait timeout (1205), or a wait for the AUTO-INC table lock
// that timed out (1467: with MariaDB's default innodb_autoinc_lock_mode=1
// every LOAD DATA into calls holds it to its end, so loads queue). Each
// rolls back only the statement, so the step can be run again.
func lockConflict(err error) bool {
	var me *mysql.MySQLError
	return errors.As(err, &me) && (me.Number == 1213 || me.Number == 1205 || me.Number == 1467)
}

// busyError is a step that could not get its locks however often it was
// tried: the database is busy, not the file wrong.
type busyError struct{ err error }

func (b busyError) Error() string { return b.err.Error() }
func (b busyError) Unwrap() error { return b.err }

// lockRetries and lockBackoff shape the retries of a step that lost a
// lock: 0.2, 0.4, 0.8, 1.6 s.
const (
	lockRetries = 4
	lockBackoff = 200 * time.Millisecond
)

// retryLocks runs a step of an analysis that may be run again, retrying it
// with back-off while MySQL reports a deadlock or a lock wait timeout. After
// the last try the error is a busyError.
func (s *Service) retryLocks(ctx context.Context, uploadID int, step string, fn func() error) error {
	wait := lockBackoff
	for try := 0; ; try++ {
		err := fn()
		if err == nil || !lockConflict(err) {
			return err
		}
		if try == lockRetries {
			return busyError{fmt.Errorf("%s: %w", step, err)}
		}
		s.Log.Warn("analysis step lost a lock; retrying", "upload", uploadID, "step", step, "try", try+1, "wait", wait, "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

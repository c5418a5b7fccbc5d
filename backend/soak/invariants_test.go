package soak_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/hibiken/asynq"
	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/jobs"
)

// finalStatuses are the states an upload rests in; every other state has a
// task that will finish it.
const finalStatuses = `('READY', 'PROCESSED', 'FAILED')`

// ourTasks are the task types whose pending work means "not quiet yet".
var ourTasks = map[string]bool{jobs.TypeAnalyseUpload: true, jobs.TypeProcessUpload: true, jobs.TypeRecomputeUnbilled: true}

// quiet reports what still runs: uploads not in a final state, leases held,
// and tasks waiting or running. Tasks of a killed worker (orphaned) are
// not waited for: the queue runs them again later and they find nothing
// to do — that they change nothing is part of what the invariants check.
func quiet(ctx context.Context, db *sql.DB, in *asynq.Inspector) (busy []string, err error) {
	var n, leases int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM cdr_uploads WHERE status NOT IN `+finalStatuses).Scan(&n); err != nil {
		return nil, err
	}
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM cdr_uploads WHERE lease_until > UTC_TIMESTAMP(6)`).Scan(&leases); err != nil {
		return nil, err
	}
	if n > 0 {
		busy = append(busy, fmt.Sprintf("%d uploads not in a final state", n))
	}
	if leases > 0 {
		busy = append(busy, fmt.Sprintf("%d leases held", leases))
	}
	queues, err := in.Queues() // the queues anything was ever put on
	if err != nil {
		return nil, err
	}
	for _, q := range queues {
		info, err := in.GetQueueInfo(q)
		if err != nil {
			return nil, err
		}
		if info.Pending+info.Retry > 0 {
			busy = append(busy, fmt.Sprintf("queue %s: %d pending, %d to retry", q, info.Pending, info.Retry))
		}
		if info.Scheduled > 0 {
			sched, err := in.ListScheduledTasks(q, asynq.PageSize(1000))
			if err != nil {
				return nil, err
			}
			for _, t := range sched {
				if ourTasks[t.Type] {
					busy = append(busy, fmt.Sprintf("queue %s: %s scheduled", q, t.Type))
				}
			}
		}
		if info.Active > 0 {
			act, err := in.ListActiveTasks(q, asynq.PageSize(1000))
			if err != nil {
				return nil, err
			}
			for _, t := range act {
				if !t.IsOrphaned {
					busy = append(busy, fmt.Sprintf("queue %s: %s running", q, t.Type))
				}
			}
		}
	}
	return busy, nil
}

// archived lists the tasks the queue gave up on after every retry: work
// that kept failing. Tasks a handler dropped on purpose (SkipRetry: a
// recount for a customer deleted since) are counted apart.
func archived(in *asynq.Inspector) (gaveUp []string, dropped int) {
	queues, err := in.Queues()
	if err != nil {
		return []string{"list the queues: " + err.Error()}, 0
	}
	for _, q := range queues {
		ts, err := in.ListArchivedTasks(q, asynq.PageSize(1000))
		if err != nil {
			return []string{"list archived tasks: " + err.Error()}, dropped
		}
		for _, t := range ts {
			if t.Retried < t.MaxRetry {
				dropped++
				continue
			}
			gaveUp = append(gaveUp, fmt.Sprintf("task %s %s gave up after %d retries: %s", t.Type, t.Payload, t.Retried, t.LastErr))
		}
	}
	return gaveUp, dropped
}

// check is one invariant: a query whose every row is a violation, and how
// to print a row.
type check struct {
	name  string
	query string
}

// units10 is a call's price as an integer of 10^-10 major units: exact
// DECIMAL arithmetic (POW would make it a float), comparable with a stored
// DECIMAL total times 10^10.
const units10 = `c.price_units * CAST(CONCAT('1', REPEAT('0', 10 - LEAST(GREATEST(c.price_decimals, 0), 10))) AS DECIMAL(38, 0))`

// invariants are the soak's assertions, read from MariaDB directly (the
// tables are Ent's; docs/analysis.md says what must add up).
var invariants = []check{
	{"every upload ends in a final state", `
		SELECT id, status, COALESCE(phase, ''), analysis_run FROM cdr_uploads WHERE status NOT IN ` + finalStatuses},
	{"no lease is held once the work is done", `
		SELECT id, status, lease_owner, lease_until FROM cdr_uploads WHERE lease_until > UTC_TIMESTAMP(6)`},
	{"lines read = priced + without customer + without rate + zero duration + duplicates + unreadable", `
		SELECT id, status, lines_read, priced, without_customer, without_rate, zero_duration, duplicates, unreadable
		FROM cdr_uploads WHERE status IN ('READY', 'PROCESSED')
		AND lines_read <> priced + without_customer + without_rate + zero_duration + duplicates + unreadable`},
	{"an upload's counters are its calls, by status", `
		SELECT u.id, u.status, u.priced, u.without_customer, u.without_rate, u.zero_duration, u.duplicates,
			COALESCE(SUM(c.status = 'PRICED'), 0), COALESCE(SUM(c.status = 'NO_CUSTOMER'), 0), COALESCE(SUM(c.status = 'NO_RATE'), 0),
			COALESCE(SUM(c.status = 'ZERO_DURATION'), 0), COALESCE(SUM(c.status = 'DUPLICATE'), 0)
		FROM cdr_uploads u LEFT JOIN calls c ON c.upload_id = u.id
		WHERE u.status IN ('READY', 'PROCESSED') GROUP BY u.id
		HAVING u.priced <> COALESCE(SUM(c.status = 'PRICED'), 0) OR u.without_customer <> COALESCE(SUM(c.status = 'NO_CUSTOMER'), 0)
			OR u.without_rate <> COALESCE(SUM(c.status = 'NO_RATE'), 0) OR u.zero_duration <> COALESCE(SUM(c.status = 'ZERO_DURATION'), 0)
			OR u.duplicates <> COALESCE(SUM(c.status = 'DUPLICATE'), 0)`},
	{"an upload's unreadable lines are stored with their reasons (the first 20,000), from its last run", `
		SELECT u.id, u.unreadable, COUNT(e.id), COALESCE(SUM(e.analysis_run <> u.analysis_run), 0)
		FROM cdr_uploads u LEFT JOIN cdr_line_errors e ON e.cdr_upload_line_errors = u.id
		WHERE u.status IN ('READY', 'PROCESSED') GROUP BY u.id
		HAVING LEAST(u.unreadable, 20000) <> COUNT(e.id) OR COALESCE(SUM(e.analysis_run <> u.analysis_run), 0) > 0`},
	{"an upload's total price is the sum of its priced calls", `
		SELECT u.id, u.total_price, COALESCE(SUM(` + units10 + `), 0)
		FROM cdr_uploads u LEFT JOIN calls c ON c.upload_id = u.id AND c.status = 'PRICED'
		WHERE u.status IN ('READY', 'PROCESSED') GROUP BY u.id
		HAVING u.total_price * 10000000000 <> COALESCE(SUM(` + units10 + `), 0)`},
	{"an upload's per-customer totals are its priced calls per customer", `
		SELECT u.id, t.customer_id, t.calls, t.price_units, COUNT(c.id), COALESCE(SUM(c.price_units), 0)
		FROM cdr_uploads u JOIN upload_customer_totals t ON t.upload_id = u.id
		LEFT JOIN calls c ON c.upload_id = u.id AND c.customer_id = t.customer_id AND c.status = 'PRICED'
		WHERE u.status IN ('READY', 'PROCESSED') GROUP BY u.id, t.customer_id, t.calls, t.price_units
		HAVING t.calls <> COUNT(c.id) OR t.price_units <> COALESCE(SUM(c.price_units), 0)
		UNION ALL
		SELECT c.upload_id, c.customer_id, 0, 0, COUNT(*), SUM(c.price_units)
		FROM calls c JOIN cdr_uploads u ON u.id = c.upload_id
		LEFT JOIN upload_customer_totals t ON t.upload_id = c.upload_id AND t.customer_id = c.customer_id
		WHERE u.status IN ('READY', 'PROCESSED') AND c.status = 'PRICED' AND t.id IS NULL
		GROUP BY c.upload_id, c.customer_id`},
	{"no call has an impossible value", `
		SELECT c.id, c.upload_id, c.line, CAST(c.start AS CHAR), c.duration, c.billable_seconds, c.price_units,
			COALESCE(c.cost_units, 0), c.price_decimals, COALESCE(c.customer_id, 0), COALESCE(c.rate_sheet_id, 0), c.status
		FROM calls c
		LEFT JOIN cdr_uploads u ON u.id = c.upload_id
		LEFT JOIN customers cu ON cu.id = c.customer_id
		LEFT JOIN rate_sheets rs ON rs.id = c.rate_sheet_id
		WHERE c.start < '2000-01-01' OR MONTH(c.start) = 0 OR DAYOFMONTH(c.start) = 0
			OR c.duration < 0 OR c.billable_seconds < 0 OR c.price_units < 0 OR c.cost_units < 0
			OR c.price_decimals NOT BETWEEN 0 AND 10
			OR (c.customer_id IS NOT NULL AND cu.id IS NULL)
			OR (c.rate_sheet_id IS NOT NULL AND rs.id IS NULL)
			OR (c.status = 'PRICED' AND (c.customer_id IS NULL OR c.rate_sheet_id IS NULL))
			OR c.line < 1 OR c.line > u.lines_read + u.not_voice
			OR u.id IS NULL OR u.status NOT IN ('READY', 'PROCESSED')`},
	{"each line of an upload is at most one call", `
		SELECT upload_id, line, COUNT(*) FROM calls GROUP BY upload_id, line HAVING COUNT(*) > 1`},
	{"a call repeated across uploads is charged at most once (one call per duplicate key is not a duplicate)", `
		SELECT u.provider_uploads, c.dup_key, COUNT(*), GROUP_CONCAT(CONCAT(c.upload_id, ':', c.line, ':', c.status))
		FROM calls c JOIN cdr_uploads u ON u.id = c.upload_id
		WHERE c.status <> 'DUPLICATE' AND u.status IN ('READY', 'PROCESSED')
		GROUP BY u.provider_uploads, c.dup_key HAVING COUNT(*) > 1`},
	{"a failed upload tells the clerk why in a sentence, not in a driver's words", `
		SELECT id, failure_reason FROM cdr_uploads WHERE status = 'FAILED' AND (failure_reason IS NULL OR failure_reason = ''
			OR failure_reason REGEXP '(?i)error [0-9]{4}|sql:|ent:|mysql|mariadb|dial tcp|redis|deadlock|lock wait|duplicate entry|127\\.0\\.0\\.1')`},
}

// violations runs every invariant and returns what broke, a few rows each.
func violations(ctx context.Context, db *sql.DB) ([]string, error) {
	var out []string
	for _, c := range invariants {
		rows, err := db.QueryContext(ctx, c.query)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		cols, _ := rows.Columns()
		n := 0
		var shown []string
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("%s: %w", c.name, err)
			}
			if n++; n <= 8 {
				parts := make([]string, len(vals))
				for i, v := range vals {
					parts[i] = v.String
				}
				shown = append(shown, "    "+strings.Join(parts, " | "))
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		if n > 0 {
			out = append(out, fmt.Sprintf("%s: %d rows break it\n    (%s)\n%s", c.name, n, strings.Join(cols, " | "), strings.Join(shown, "\n")))
		}
	}
	return out, nil
}

// linesCounted checks that every analysed upload read each line of its
// file as a line of calls, no more and no fewer (the soak knows its files).
func linesCounted(ctx context.Context, db *sql.DB, ups []*upload) ([]string, error) {
	var out []string
	for _, u := range ups {
		var status string
		var read, notVoice int64
		if err := db.QueryRowContext(ctx, `SELECT status, lines_read, not_voice FROM cdr_uploads WHERE id = ?`, u.id).
			Scan(&status, &read, &notVoice); err != nil {
			return nil, fmt.Errorf("upload %d: %w", u.id, err)
		}
		if (status == "READY" || status == "PROCESSED") && read+notVoice != u.lines {
			out = append(out, fmt.Sprintf("upload %d is %s with %d lines read (%d not voice); its file holds %d lines of calls",
				u.id, status, read, notVoice, u.lines))
		}
	}
	return out, nil
}

// totals are the soak's closing figures.
type totals struct {
	uploads  map[string]int
	calls    int64
	unbilled decimal.Decimal
}

func readTotals(ctx context.Context, db *sql.DB) (totals, error) {
	t := totals{uploads: map[string]int{}}
	rows, err := db.QueryContext(ctx, `SELECT status, COUNT(*) FROM cdr_uploads GROUP BY status`)
	if err != nil {
		return t, err
	}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			rows.Close()
			return t, err
		}
		t.uploads[s] = n
	}
	rows.Close()
	var unbilled string
	if err := db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM calls), (SELECT CAST(COALESCE(SUM(unbilled_total), 0) AS CHAR) FROM customers)`).
		Scan(&t.calls, &unbilled); err != nil {
		return t, err
	}
	t.unbilled, err = decimal.NewFromString(unbilled)
	return t, err
}

// settle waits until nothing runs, or until within has passed; it returns
// what still ran then.
func settle(ctx context.Context, db *sql.DB, in *asynq.Inspector, within time.Duration) ([]string, error) {
	deadline := time.Now().Add(within)
	calm := 0
	for {
		busy, err := quiet(ctx, db, in)
		if err != nil {
			return nil, err
		}
		// Twice in a row: a task that ends can queue the next one.
		if len(busy) == 0 {
			if calm++; calm == 2 {
				return nil, nil
			}
		} else {
			calm = 0
		}
		if time.Now().After(deadline) {
			return busy, nil
		}
		time.Sleep(time.Second)
	}
}

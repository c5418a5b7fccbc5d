package analysis

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
)

// callStore is the calls table in raw SQL: the bulk loads (sink.go), the
// set-based updates and the grouped reads an analysis and its reports make
// over millions of rows, where Ent's row-at-a-time API would not do. Every
// difference between MySQL and SQLite is here.
type callStore struct {
	db    *sql.DB
	mysql bool
	log   *slog.Logger
}

func (s *Service) calls() *callStore {
	return &callStore{db: s.SQL, mysql: s.Dialect == dialect.MySQL, log: s.Log}
}

// sink opens the fastest bulk load the database allows for an upload's
// calls.
func (cs *callStore) sink(ctx context.Context, uploadID, decimals int) sink {
	if cs.mysql && cs.localInfile(ctx) {
		return newLoadDataSink(ctx, cs.db, uploadID, decimals)
	}
	return newInsertSink(ctx, cs.db, uploadID, decimals)
}

// localInfile reports whether the MySQL server accepts LOAD DATA LOCAL
// INFILE; without it calls are loaded with multi-row INSERTs.
func (cs *callStore) localInfile(ctx context.Context) bool {
	var on int
	if err := cs.db.QueryRowContext(ctx, "SELECT @@local_infile").Scan(&on); err != nil || on == 0 {
		cs.log.Warn("the MySQL server has local_infile off: loading calls with INSERTs, which is slower; set local_infile=1")
		return false
	}
	return true
}

// deleteUpload removes an upload's calls, in slices on MySQL so a big file
// never holds one huge transaction.
func (cs *callStore) deleteUpload(ctx context.Context, uploadID int) (int64, error) {
	if !cs.mysql {
		return affected(cs.db.ExecContext(ctx, `DELETE FROM calls WHERE upload_id = ?`, uploadID))
	}
	var total int64
	for {
		n, err := affected(cs.db.ExecContext(ctx, `DELETE FROM calls WHERE upload_id = ? LIMIT 100000`, uploadID))
		total += n
		if err != nil || n < 100000 {
			return total, err
		}
	}
}

func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// flagDuplicates marks the calls of an upload that repeat a call of one of
// the others uploads that is not itself a duplicate, and, with inFile, an
// earlier line of the same upload. On SQLite it is one statement: SQLite
// runs one writer at a time, and the statement reads and writes in the same
// write transaction, so two analyses never decide on each other's
// unflagged calls at once. MySQL: duplicates.go.
func (cs *callStore) flagDuplicates(ctx context.Context, uploadID, providerID int, others []int, inFile bool) error {
	if cs.mysql {
		return cs.flagDuplicatesMySQL(ctx, uploadID, providerID, others, inFile)
	}
	in := "NULL"
	if len(others) > 0 {
		in = idList(others)
	}
	sameFile := "FALSE"
	if inFile {
		sameFile = "TRUE"
	}
	dup := call.StatusDuplicate
	_, err := cs.db.ExecContext(ctx, `UPDATE calls SET status = ? WHERE upload_id = ? AND status <> ? AND EXISTS (
		SELECT 1 FROM calls e WHERE e.dup_key = calls.dup_key AND (
		(`+sameFile+` AND e.upload_id = calls.upload_id AND e.line < calls.line) OR
		(e.upload_id IN (`+in+`) AND e.status <> ?)))`, dup, uploadID, dup, dup)
	return err
}

// tally is the calls of an upload of one status and customer (0: none),
// with their sums in integer units: exact on any database.
type tally struct {
	status                   call.Status
	customer                 int
	calls                    int64
	price, cost, pricedSales int64 // pricedSales: the price of the calls whose cost is known
}

// tallies groups an upload's calls by status and customer.
func (cs *callStore) tallies(ctx context.Context, uploadID int) ([]tally, error) {
	rows, err := cs.db.QueryContext(ctx, `SELECT status, COALESCE(customer_id, 0), COUNT(*),
		COALESCE(SUM(price_units), 0),
		COALESCE(SUM(CASE WHEN cost_units IS NULL THEN 0 ELSE cost_units END), 0),
		COALESCE(SUM(CASE WHEN cost_units IS NULL THEN 0 ELSE price_units END), 0)
		FROM calls WHERE upload_id = ? GROUP BY status, customer_id`, uploadID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tally
	for rows.Next() {
		var t tally
		if err := rows.Scan(&t.status, &t.customer, &t.calls, &t.price, &t.cost, &t.pricedSales); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// noCustomerGroups groups an upload's calls without a customer by the
// column holding the number a customer would own. Like every list of an
// upload's calls, it is empty until the analysis is Ready: a run under way
// has loaded only part of the file, and its groups would be partial.
func (cs *callStore) noCustomerGroups(ctx context.Context, uploadID int, ownColumn string, limit int) ([]CliGroup, error) {
	rows, err := cs.db.QueryContext(ctx, `SELECT `+ownColumn+`, COALESCE(MAX(account), ''), COUNT(*), COALESCE(SUM(price_units), 0), MAX(price_decimals), MIN(start), MAX(start),
		COALESCE(SUM(CASE WHEN rate_sheet_id IS NULL THEN 1 ELSE 0 END), 0)
		FROM calls WHERE upload_id = ? AND status = ? AND `+countedUploadsSQL()+` GROUP BY `+ownColumn+` ORDER BY 4 DESC, 3 DESC, 1 LIMIT ?`, uploadID, call.StatusNoCustomer, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CliGroup
	for rows.Next() {
		var (
			g           CliGroup
			units       int64
			decimals    int
			first, last anyTime
		)
		if err := rows.Scan(&g.Source, &g.Account, &g.Calls, &units, &decimals, &first, &last, &g.Unvalued); err != nil {
			return nil, err
		}
		g.Value = decimal.New(units, int32(-decimals))
		g.First, g.Last = first.t, last.t
		out = append(out, g)
	}
	return out, rows.Err()
}

// noRateGroups groups an upload's calls without a rate by destination
// prefix, most calls first; empty until the analysis is Ready.
func (cs *callStore) noRateGroups(ctx context.Context, uploadID, limit int) ([]DestinationGroup, error) {
	rows, err := cs.db.QueryContext(ctx, `SELECT SUBSTR(destination, 1, `+strconv.Itoa(NoRatePrefixLength)+`) AS p, MIN(destination), COUNT(*)
		FROM calls WHERE upload_id = ? AND status = ? AND `+countedUploadsSQL()+` GROUP BY p ORDER BY 3 DESC, 1 LIMIT ?`, uploadID, call.StatusNoRate, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DestinationGroup
	for rows.Next() {
		var g DestinationGroup
		if err := rows.Scan(&g.Prefix, &g.Example, &g.Calls); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// noRateCustomers lists, for each destination prefix of an upload's calls
// without a rate, the customers whose calls they are.
func (cs *callStore) noRateCustomers(ctx context.Context, uploadID int) (map[string][]int, error) {
	rows, err := cs.db.QueryContext(ctx, `SELECT SUBSTR(destination, 1, `+strconv.Itoa(NoRatePrefixLength)+`) AS p, COALESCE(customer_id, 0)
		FROM calls WHERE upload_id = ? AND status = ? AND `+countedUploadsSQL()+` GROUP BY p, customer_id`, uploadID, call.StatusNoRate)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]int{}
	for rows.Next() {
		var (
			p  string
			id int
		)
		if err := rows.Scan(&p, &id); err != nil {
			return nil, err
		}
		out[p] = append(out[p], id)
	}
	return out, rows.Err()
}

// exportedCall is one row of a calls export, as read.
type exportedCall struct {
	line, customer, duration, billable, decimals int64
	status                                       call.Status
	source, destination, account, chargeCode     string
	band, rateDestination                        string
	start                                        anyTime
	price                                        int64
	cost                                         *int64
}

// eachCall streams the calls a filter selects, in file order for one
// upload, else by start, without holding them in memory.
func (cs *callStore) eachCall(ctx context.Context, f CallFilter, fn func(*exportedCall) error) error {
	q := `SELECT line, status, COALESCE(customer_id, 0), source, destination, COALESCE(account, ''), COALESCE(charge_code, ''), start, duration,
		billable_seconds, COALESCE(band, ''), COALESCE(rate_destination, ''), price_units, cost_units, price_decimals FROM calls WHERE ` +
		countedUploadsSQL()
	var args []any
	if f.UploadID != 0 {
		q += ` AND upload_id = ?`
		args = append(args, f.UploadID)
	}
	if f.CustomerID != 0 {
		// Through the customer's uploads: calls keep no customer index.
		q += ` AND upload_id IN (SELECT upload_id FROM upload_customer_totals WHERE customer_id = ?) AND customer_id = ?`
		args = append(args, f.CustomerID, f.CustomerID)
	}
	if f.Status != "" {
		q += ` AND status = ?`
		args = append(args, f.Status)
	}
	if f.From != nil {
		q += ` AND start >= ?`
		args = append(args, f.From.UTC())
	}
	if f.To != nil {
		q += ` AND start < ?`
		args = append(args, f.To.UTC())
	}
	if f.Unbilled {
		q += ` AND status = ? AND charge_id IS NULL`
		args = append(args, call.StatusPriced)
	}
	if f.Unbilled || f.Processed {
		q += ` AND upload_id IN (SELECT id FROM cdr_uploads WHERE status = 'PROCESSED')`
	}
	for _, m := range []struct{ column, value, before, after string }{
		{"source", f.SourceContains, "%", "%"},
		{"destination", f.DestinationPrefix, "", "%"},
		{"destination", f.DestinationContains, "%", "%"},
	} {
		if m.value != "" {
			q += ` AND ` + m.column + ` LIKE ? ESCAPE '!'`
			args = append(args, m.before+likeEscape(m.value)+m.after)
		}
	}
	if f.UploadID != 0 {
		q += ` ORDER BY upload_id, line`
	} else {
		q += ` ORDER BY start, id`
	}
	rows, err := cs.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var c exportedCall
	for rows.Next() {
		if err := rows.Scan(&c.line, &c.status, &c.customer, &c.source, &c.destination, &c.account, &c.chargeCode, &c.start,
			&c.duration, &c.billable, &c.band, &c.rateDestination, &c.price, &c.cost, &c.decimals); err != nil {
			return err
		}
		if err := fn(&c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// likeEscape makes s match itself in a LIKE pattern escaped by '!' (one
// escape character both MariaDB and SQLite read the same way).
func likeEscape(s string) string {
	return strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace(s)
}

// eachLineError streams an upload's unreadable lines with their reasons.
func (cs *callStore) eachLineError(ctx context.Context, uploadID int, fn func(line int64, reason string) error) error {
	rows, err := cs.db.QueryContext(ctx, `SELECT line, reason FROM cdr_line_errors WHERE cdr_upload_line_errors = ? ORDER BY line`, uploadID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			line   int64
			reason string
		)
		if err := rows.Scan(&line, &reason); err != nil {
			return err
		}
		if err := fn(line, reason); err != nil {
			return err
		}
	}
	return rows.Err()
}

// addUnbilled adds an upload's per-customer sums to the customers' unbilled
// totals in tx. MySQL adds exact DECIMALs in batched statements; SQLite
// keeps money as text, so there the sum is made in Go (its writes are
// serial).
func (cs *callStore) addUnbilled(ctx context.Context, tx *ent.Tx, totals []*ent.UploadCustomerTotal) error {
	// Every customer must still be there: calls priced to a deleted one
	// would count in the upload's total and in nobody's unbilled total.
	ids := make([]int, len(totals))
	for i, t := range totals {
		ids[i] = t.CustomerID
	}
	if gone, err := lockCustomers(ctx, tx.Client(), cs.mysql, ids); err != nil || len(gone) > 0 {
		return errors.Join(err, gone.err())
	}
	if !cs.mysql {
		for _, t := range totals {
			cu, err := tx.Customer.Get(ctx, t.CustomerID)
			if err != nil {
				return err
			}
			sum := cu.UnbilledTotal.Add(decimal.New(t.PriceUnits, int32(-t.PriceDecimals)))
			if err := tx.Customer.UpdateOneID(cu.ID).SetUnbilledTotal(sum).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	}
	const batch = 500
	for lo := 0; lo < len(totals); lo += batch {
		part := totals[lo:min(lo+batch, len(totals))]
		var (
			q    strings.Builder
			args []any
		)
		q.WriteString("UPDATE customers SET unbilled_total = unbilled_total + CASE id")
		for _, t := range part {
			// CAST keeps the addition in exact DECIMAL arithmetic.
			q.WriteString(" WHEN ? THEN CAST(? AS DECIMAL(18,4))")
			args = append(args, t.CustomerID, decimal.New(t.PriceUnits, int32(-t.PriceDecimals)).String())
		}
		q.WriteString(" ELSE 0 END WHERE id IN (")
		for i, t := range part {
			if i > 0 {
				q.WriteByte(',')
			}
			q.WriteString(strconv.Itoa(t.CustomerID))
		}
		q.WriteString(")")
		if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// anyTime scans a time from MySQL (time.Time) or SQLite (text).
type anyTime struct{ t time.Time }

func (a *anyTime) Scan(v any) error {
	switch x := v.(type) {
	case time.Time:
		a.t = x
	case string:
		a.t = parseSQLiteTime(x)
	case []byte:
		a.t = parseSQLiteTime(string(x))
	}
	return nil
}

func parseSQLiteTime(s string) time.Time {
	for _, l := range []string{"2006-01-02 15:04:05.999999999 -0700 MST", "2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

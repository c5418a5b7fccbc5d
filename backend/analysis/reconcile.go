package analysis

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent/cdrupload"
)

// CliGroup is the calls of an upload from one number that matched no
// customer, with their value at the default tariff ("value at stake").
type CliGroup struct {
	Source  string // the number a customer would own: caller (outbound) or number dialled (inbound)
	Account string
	Calls   int64
	Value   decimal.Decimal
	First   time.Time
	Last    time.Time
}

// DestinationGroup is the calls of an upload to one destination prefix that
// no rate sheet row matched.
type DestinationGroup struct {
	Prefix  string
	Example string
	Calls   int64
}

// NoRatePrefixLength groups calls without rates by their first digits:
// enough for a country and an area or mobile range.
const NoRatePrefixLength = 6

// NoCustomerGroups groups an upload's calls without a customer by the
// number a customer would own — the caller for outbound calls, the number
// dialled for inbound ones — largest value first.
func (s *Service) NoCustomerGroups(ctx context.Context, uploadID, limit int) ([]CliGroup, error) {
	u, err := s.Client.CdrUpload.Get(ctx, uploadID)
	if err != nil {
		return nil, err
	}
	own := "source"
	if u.Direction == cdrupload.DirectionInbound {
		own = "destination"
	}
	rows, err := s.SQL.QueryContext(ctx, `SELECT `+own+`, COALESCE(MAX(account), ''), COUNT(*), COALESCE(SUM(price_units), 0), MAX(price_decimals), MIN(start), MAX(start)
		FROM calls WHERE upload_id = ? AND status = 'NO_CUSTOMER' GROUP BY `+own+` ORDER BY 4 DESC, 3 DESC, 1 LIMIT ?`, uploadID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CliGroup
	for rows.Next() {
		var (
			g        CliGroup
			units    int64
			decimals int
			first    anyTime
			last     anyTime
		)
		if err := rows.Scan(&g.Source, &g.Account, &g.Calls, &units, &decimals, &first, &last); err != nil {
			return nil, err
		}
		g.Value = decimal.New(units, int32(-decimals))
		g.First, g.Last = first.t, last.t
		out = append(out, g)
	}
	return out, rows.Err()
}

// NoRateGroups groups an upload's calls without a rate by destination
// prefix, most calls first.
func (s *Service) NoRateGroups(ctx context.Context, uploadID, limit int) ([]DestinationGroup, error) {
	rows, err := s.SQL.QueryContext(ctx, `SELECT SUBSTR(destination, 1, `+strconv.Itoa(NoRatePrefixLength)+`) AS p, MIN(destination), COUNT(*)
		FROM calls WHERE upload_id = ? AND status = 'NO_RATE' GROUP BY p ORDER BY 3 DESC, 1 LIMIT ?`, uploadID, limit)
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

// CallsCSVHeader is the header of call exports.
var CallsCSVHeader = []string{"line", "status", "customer_id", "source", "destination", "account", "charge_code", "start",
	"duration", "billable_seconds", "band", "rate_destination", "price", "cost"}

// CallFilter selects calls for an export.
type CallFilter struct {
	UploadID   int
	CustomerID int
	Status     string
	From, To   *time.Time
	Unbilled   bool
}

// WriteCallsCSV streams calls as CSV: one query, rows written as read, so
// an export of millions of calls uses constant memory.
func (s *Service) WriteCallsCSV(ctx context.Context, w io.Writer, f CallFilter, zone *time.Location) error {
	q := `SELECT line, status, COALESCE(customer_id, 0), source, destination, COALESCE(account, ''), COALESCE(charge_code, ''), start, duration,
		billable_seconds, COALESCE(band, ''), COALESCE(rate_destination, ''), price_units, cost_units, price_decimals FROM calls WHERE 1 = 1`
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
		q += ` AND status = 'PRICED' AND charge_id IS NULL AND upload_id IN (SELECT id FROM cdr_uploads WHERE status = 'PROCESSED')`
	}
	if f.UploadID != 0 {
		q += ` ORDER BY upload_id, line`
	} else {
		q += ` ORDER BY start, id`
	}
	rows, err := s.SQL.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	if err := cw.Write(CallsCSVHeader); err != nil {
		return err
	}
	rec := make([]string, len(CallsCSVHeader))
	for rows.Next() {
		var (
			line, cust, dur, bill, decimals int64
			status, src, dst, acct, code    string
			band, rdest                     string
			start                           anyTime
			price                           int64
			cost                            *int64
		)
		if err := rows.Scan(&line, &status, &cust, &src, &dst, &acct, &code, &start, &dur, &bill, &band, &rdest, &price, &cost, &decimals); err != nil {
			return err
		}
		rec[0], rec[1] = strconv.FormatInt(line, 10), status
		rec[2] = ""
		if cust != 0 {
			rec[2] = strconv.FormatInt(cust, 10)
		}
		rec[3], rec[4], rec[5], rec[6] = src, dst, acct, code
		rec[7] = start.t.In(zone).Format("2006-01-02T15:04:05-07:00")
		rec[8], rec[9], rec[10], rec[11] = strconv.FormatInt(dur, 10), strconv.FormatInt(bill, 10), band, rdest
		rec[12], rec[13] = "", ""
		if status == "PRICED" || status == "NO_CUSTOMER" {
			rec[12] = decimal.New(price, int32(-decimals)).StringFixed(int32(decimals))
			if cost != nil {
				rec[13] = decimal.New(*cost, int32(-decimals)).StringFixed(int32(decimals))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteLineErrorsCSV writes an upload's unreadable lines with reasons.
func (s *Service) WriteLineErrorsCSV(ctx context.Context, w io.Writer, uploadID int) error {
	rows, err := s.SQL.QueryContext(ctx, `SELECT line, reason FROM cdr_line_errors WHERE cdr_upload_line_errors = ? ORDER BY line`, uploadID)
	if err != nil {
		return err
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"line", "reason"})
	for rows.Next() {
		var (
			line   int64
			reason string
		)
		if err := rows.Scan(&line, &reason); err != nil {
			return err
		}
		_ = cw.Write([]string{strconv.FormatInt(line, 10), reason})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

package analysis

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/go-sql-driver/mysql"

	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/ent/call"
)

// callRow is one call as loaded into the calls table.
type callRow struct {
	line            int
	status          call.Status
	source          string
	destination     string
	account         string
	chargeCode      string
	start           time.Time
	duration        int64
	billableSeconds int64
	band            string // "" when none
	rateDestination string
	priceUnits      int64
	costUnits       int64
	costKnown       bool
	dupKey          int64
	customerID      int // 0: none
	siteID          int // the matching CLI's site; 0: none
	rateSheetID     int // 0: none
}

// callColumns are the columns a sink fills, in order.
const callColumns = "upload_id, line, status, source, destination, account, charge_code, start, duration, billable_seconds, band, rate_destination, price_units, cost_units, price_decimals, dup_key, customer_id, rate_sheet_id, site_id"

const callColumnCount = 19

// checkText refuses a call whose text the calls table cannot hold as it
// is: not UTF-8 (MariaDB would read the bytes after a broken sequence as
// part of it, shifting LOAD DATA's columns), or longer than its column
// (MariaDB would cut it, SQLite keep it). The reader and the pricer turn
// such lines into unreadable ones first; this is the loader's own guard,
// so both sinks and both databases refuse the same rows.
func checkText(r *callRow) error {
	for _, f := range [...]struct{ name, v string }{
		{"source", r.source}, {"destination", r.destination}, {"account code", r.account},
		{"charge code", r.chargeCode}, {"rate destination", r.rateDestination}, {"band", r.band},
	} {
		if !utf8.ValidString(f.v) {
			return fmt.Errorf("line %d: the %s is not UTF-8 text", r.line, f.name)
		}
		if n := textChars(f.v); n > cdr.MaxTextChars {
			return fmt.Errorf("line %d: the %s is %d characters; at most %d fit", r.line, f.name, n, cdr.MaxTextChars)
		}
	}
	return nil
}

// textChars counts the characters of s, as a utf8mb4 column does, when it
// may matter: a string of at most MaxTextChars bytes fits whatever it holds.
func textChars(s string) int {
	if len(s) <= cdr.MaxTextChars {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// sink stores calls in bulk, never a row at a time: the call store's load
// path (callStore.sink chooses one).
type sink interface {
	add(r *callRow) error
	// close flushes and reports the first error of the load.
	close() error
}

// loadDataSink streams rows to MySQL with LOAD DATA LOCAL INFILE from a
// pipe: the rating goroutine writes tab-separated rows while the server
// loads them, with no temporary file and constant memory.
type loadDataSink struct {
	pw       *io.PipeWriter
	bw       *bufio.Writer
	done     chan error
	upload   int
	decimals int
	buf      []byte
}

var loadSeq atomic.Int64

func newLoadDataSink(ctx context.Context, db *sql.DB, upload, decimals int) *loadDataSink {
	pr, pw := io.Pipe()
	name := fmt.Sprintf("tollgate-calls-%d-%d", upload, loadSeq.Add(1))
	mysql.RegisterReaderHandler(name, func() io.Reader { return pr })
	s := &loadDataSink{pw: pw, bw: bufio.NewWriterSize(pw, 256<<10), done: make(chan error, 1), upload: upload, decimals: decimals}
	go func() {
		defer mysql.DeregisterReaderHandler(name)
		err := loadData(ctx, db, name)
		// Unblock a writer still writing when the load failed.
		pr.CloseWithError(fmt.Errorf("the database stopped loading calls: %v", err))
		s.done <- err
	}()
	return s
}

// loadData runs the LOAD DATA and then reads its warnings on the same
// connection. With LOCAL the server turns what would be errors (a value
// cut to fit, a bad date, a field too many or too few) into warnings and
// keeps the damaged row, so any warning fails the load.
func loadData(ctx context.Context, db *sql.DB, handler string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "LOAD DATA LOCAL INFILE 'Reader::"+handler+"' INTO TABLE calls CHARACTER SET utf8mb4 "+
		`FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n' (`+callColumns+")"); err != nil {
		return err
	}
	return loadWarnings(ctx, conn)
}

// LoadWarningsError is a bulk load the database reported warnings for:
// some row was not stored as written.
type LoadWarningsError struct {
	Count    int      // warnings the server counted
	Warnings []string // the first ones, "Level Code: Message"
}

func (e *LoadWarningsError) Error() string {
	return fmt.Sprintf("the database stored %d value(s) differently from what was loaded: %s", e.Count, strings.Join(e.Warnings, "; "))
}

// maxLoadWarnings bounds the warnings kept for the log.
const maxLoadWarnings = 20

// loadWarnings returns a *LoadWarningsError when the last statement on conn
// left warnings.
func loadWarnings(ctx context.Context, conn *sql.Conn) error {
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT @@warning_count").Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	rows, err := conn.QueryContext(ctx, fmt.Sprintf("SHOW WARNINGS LIMIT %d", maxLoadWarnings))
	if err != nil {
		return err
	}
	defer rows.Close()
	e := &LoadWarningsError{Count: n}
	for rows.Next() {
		var level, msg string
		var code int
		if err := rows.Scan(&level, &code, &msg); err != nil {
			return err
		}
		e.Warnings = append(e.Warnings, fmt.Sprintf("%s %d: %s", level, code, msg))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return e
}

func (s *loadDataSink) add(r *callRow) error {
	if err := checkText(r); err != nil {
		return err
	}
	b := s.buf[:0]
	b = strconv.AppendInt(b, int64(s.upload), 10)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(r.line), 10)
	b = append(b, '\t')
	b = append(b, string(r.status)...)
	b = AppendLoadDataText(append(b, '\t'), r.source)
	b = AppendLoadDataText(append(b, '\t'), r.destination)
	b = appendNullText(append(b, '\t'), r.account)
	b = appendNullText(append(b, '\t'), r.chargeCode)
	b = append(b, '\t')
	b = r.start.UTC().AppendFormat(b, "2006-01-02 15:04:05.000000")
	b = append(b, '\t')
	b = strconv.AppendInt(b, r.duration, 10)
	b = append(b, '\t')
	b = strconv.AppendInt(b, r.billableSeconds, 10)
	b = appendNullText(append(b, '\t'), r.band)
	b = appendNullText(append(b, '\t'), r.rateDestination)
	b = append(b, '\t')
	b = strconv.AppendInt(b, r.priceUnits, 10)
	b = append(b, '\t')
	if r.costKnown {
		b = strconv.AppendInt(b, r.costUnits, 10)
	} else {
		b = append(b, `\N`...)
	}
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(s.decimals), 10)
	b = append(b, '\t')
	b = strconv.AppendInt(b, r.dupKey, 10)
	b = appendNullInt(append(b, '\t'), r.customerID)
	b = appendNullInt(append(b, '\t'), r.rateSheetID)
	b = appendNullInt(append(b, '\t'), r.siteID)
	b = append(b, '\n')
	s.buf = b
	_, err := s.bw.Write(b)
	return err
}

func (s *loadDataSink) close() error {
	err := s.bw.Flush()
	if err == nil {
		err = s.pw.Close()
	} else {
		s.pw.CloseWithError(err)
	}
	if lerr := <-s.done; lerr != nil {
		return lerr
	}
	return err
}

// loadDataEscapes maps each byte LOAD DATA's default text layout treats
// specially to the letter that follows the backslash in its escape: the
// escape character itself, the field and line terminators (tab, newline),
// and the bytes the server reads back from an escape (NUL as \0, backspace,
// carriage return, Ctrl-Z as \Z). Escaping all of them makes every byte
// arrive as written; 0 means the byte goes as it is.
var loadDataEscapes = [256]byte{'\\': '\\', '\t': 't', '\n': 'n', 0: '0', '\b': 'b', '\r': 'r', 0x1a: 'Z'}

// AppendLoadDataText escapes a field for LOAD DATA's default text layout
// (FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n').
// s must be valid UTF-8 when loaded with CHARACTER SET utf8mb4. The bench's
// raw-load baseline writes the same layout.
func AppendLoadDataText(b []byte, s string) []byte {
	i := 0
	for i < len(s) && loadDataEscapes[s[i]] == 0 {
		i++
	}
	if i == len(s) {
		return append(b, s...)
	}
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if e := loadDataEscapes[s[i]]; e != 0 {
			b = append(b, '\\', e)
		} else {
			b = append(b, s[i])
		}
	}
	return b
}

func appendNullText(b []byte, s string) []byte {
	if s == "" {
		return append(b, `\N`...)
	}
	return AppendLoadDataText(b, s)
}

func appendNullInt(b []byte, v int) []byte {
	if v == 0 {
		return append(b, `\N`...)
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// insertSink stores calls with multi-row INSERTs in transactions of many
// batches: the portable path, used on SQLite and where LOAD DATA is off.
type insertSink struct {
	ctx      context.Context
	db       *sql.DB
	upload   int
	decimals int
	rows     []any
	n        int
	tx       *sql.Tx
	inTx     int
	stmt     *sql.Stmt
	err      error
}

// insertBatch rows a statement: 19 columns × 500 stays far below the
// placeholder limits of MySQL (65,535) and SQLite (32,766).
const insertBatch = 500

// rowsPerTx bounds a transaction so a huge file never holds one open lock
// for minutes.
const rowsPerTx = 50_000

func newInsertSink(ctx context.Context, db *sql.DB, upload, decimals int) *insertSink {
	return &insertSink{ctx: ctx, db: db, upload: upload, decimals: decimals, rows: make([]any, 0, insertBatch*callColumnCount)}
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

func (s *insertSink) add(r *callRow) error {
	if s.err != nil {
		return s.err
	}
	if err := checkText(r); err != nil {
		return err
	}
	var cost any
	if r.costKnown {
		cost = r.costUnits
	}
	s.rows = append(s.rows, s.upload, r.line, string(r.status), r.source, r.destination, nullText(r.account), nullText(r.chargeCode),
		r.start.UTC(), r.duration, r.billableSeconds, nullText(r.band), nullText(r.rateDestination),
		r.priceUnits, cost, s.decimals, r.dupKey, nullInt(r.customerID), nullInt(r.rateSheetID), nullInt(r.siteID))
	s.n++
	if s.n == insertBatch {
		s.err = s.flush()
	}
	return s.err
}

func (s *insertSink) flush() error {
	if s.n == 0 {
		return nil
	}
	if s.tx == nil {
		tx, err := s.db.BeginTx(s.ctx, nil)
		if err != nil {
			return err
		}
		s.tx = tx
	}
	var err error
	if s.n == insertBatch {
		if s.stmt == nil {
			if s.stmt, err = s.tx.PrepareContext(s.ctx, insertSQL(insertBatch)); err != nil {
				return err
			}
		}
		_, err = s.stmt.ExecContext(s.ctx, s.rows...)
	} else {
		_, err = s.tx.ExecContext(s.ctx, insertSQL(s.n), s.rows...)
	}
	if err != nil {
		return err
	}
	s.inTx += s.n
	s.rows, s.n = s.rows[:0], 0
	if s.inTx >= rowsPerTx {
		return s.commit()
	}
	return nil
}

func (s *insertSink) commit() error {
	if s.stmt != nil {
		s.stmt.Close()
		s.stmt = nil
	}
	if s.tx == nil {
		return nil
	}
	err := s.tx.Commit()
	s.tx, s.inTx = nil, 0
	return err
}

func (s *insertSink) close() error {
	if s.err == nil {
		s.err = s.flush()
	}
	if s.err == nil {
		return s.commit()
	}
	if s.stmt != nil {
		s.stmt.Close()
	}
	if s.tx != nil {
		_ = s.tx.Rollback()
	}
	return s.err
}

func insertSQL(n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO calls (" + callColumns + ") VALUES ")
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", callColumnCount), ",") + ")"
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(row)
	}
	return b.String()
}

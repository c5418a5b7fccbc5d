package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/ent"
)

// rawLoadBaseline times a plain LOAD DATA of the rows the analysis stored,
// into an empty copy of the calls table (same columns, same indexes), in the
// same run and on the same server. The analysis's own time only means
// something next to it: the server's buffer pool and disk decide both, so
// the ratio is what stays comparable between machines and settings.
func rawLoadBaseline(ctx context.Context, db *sql.DB, uploadID int, dir string) (took time.Duration, rows int64, err error) {
	f, err := os.CreateTemp(dir, "bench-raw-*.tsv")
	if err != nil {
		return 0, 0, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := dumpCalls(ctx, db, uploadID, f); err != nil {
		return 0, 0, fmt.Errorf("dump the analysed calls: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, 0, err
	}
	for _, q := range []string{"DROP TABLE IF EXISTS bench_raw_calls", "CREATE TABLE bench_raw_calls LIKE calls"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return 0, 0, err
		}
	}
	defer db.ExecContext(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS bench_raw_calls")
	const handler = "bench-raw-calls"
	mysql.RegisterReaderHandler(handler, func() io.Reader { return bufio.NewReaderSize(f, 1<<20) })
	defer mysql.DeregisterReaderHandler(handler)
	start := time.Now()
	res, err := db.ExecContext(ctx, "LOAD DATA LOCAL INFILE 'Reader::"+handler+"' INTO TABLE bench_raw_calls CHARACTER SET utf8mb4")
	if err != nil {
		return 0, 0, fmt.Errorf("raw LOAD DATA: %w", err)
	}
	took = time.Since(start)
	rows, err = res.RowsAffected()
	return took, rows, err
}

// dumpCalls writes an upload's call rows, every column, in LOAD DATA's
// default text layout (tab-separated, \N for NULL, backslash escapes).
func dumpCalls(ctx context.Context, db *sql.DB, uploadID int, w io.Writer) error {
	rows, err := db.QueryContext(ctx, "SELECT * FROM calls WHERE upload_id = ?", uploadID)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]sql.RawBytes, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var line []byte
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		line = line[:0]
		for i, v := range vals {
			if i > 0 {
				line = append(line, '\t')
			}
			if v == nil {
				line = append(line, '\\', 'N')
				continue
			}
			line = analysis.AppendLoadDataText(line, string(v))
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return bw.Flush()
}

// printRawBaseline prints the raw LOAD DATA time of the analysed rows, the
// analysis's ratio to it, and the buffer pool both ran on.
func printRawBaseline(ctx context.Context, w io.Writer, db *sql.DB, up *ent.CdrUpload, phases []benchPhase, dir string) error {
	raw, rows, err := rawLoadBaseline(ctx, db, up.ID, dir)
	if err != nil {
		return err
	}
	var pool int64
	_ = db.QueryRowContext(ctx, "SELECT @@innodb_buffer_pool_size").Scan(&pool)
	var analysed float64
	for _, p := range phases {
		if p.name == "analysis" {
			analysed = p.seconds
		}
	}
	fmt.Fprintf(w, "raw LOAD DATA of the same %s rows into an empty copy of calls: %.2f s; analysis / raw load = %.2f (innodb_buffer_pool_size %s)\n",
		thousands(rows), raw.Seconds(), analysed/raw.Seconds(), mebibytes(uint64(pool)))
	return nil
}

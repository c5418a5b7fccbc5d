package invoicing_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
)

// BenchmarkRunOfAMillionCalls times one billing run on MariaDB of 5,000
// customers with 200 processed June calls each (1,000,000 calls, written
// straight into the table with MariaDB's sequence engine): gathering,
// numbering and storing the invoices, and linking every call to its Call
// Charges in one statement. Run it once: go test -run X -bench RunOfAMillion -benchtime 1x.
func BenchmarkRunOfAMillionCalls(b *testing.B) {
	cfg := testenv.Config(b, testenv.MySQL)
	a, err := app.Open(context.Background(), cfg, testenv.Logger(), true)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	w := worldIn(b, a)
	const customers, calls = 5000, 1_000_000
	for lo := 0; lo < customers; lo += 500 {
		bulk := make([]*ent.CustomerCreate, 0, 500)
		for i := lo; i < lo+500; i++ {
			bulk = append(bulk, w.c.Customer.Create().SetReference(fmt.Sprintf("B%05d", i)).SetName(fmt.Sprintf("Bench %d", i)).SetSchedule(w.schedule))
		}
		w.c.Customer.CreateBulk(bulk...).ExecX(w.ctx)
	}
	up := w.upload() // an empty processed upload to hold the calls
	if _, err := a.DB.DB.ExecContext(w.ctx, `INSERT INTO calls (upload_id, line, status, source, destination, start, duration, billable_seconds, price_units, price_decimals, dup_key, customer_id)
SELECT ?, s.seq, 'PRICED', '441632960000', '441632961111', TIMESTAMP('2026-06-01') + INTERVAL (s.seq % 2500000) SECOND, 60, 60, s.seq % 997, 4, s.seq, c.id
FROM seq_1_to_1000000 s JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM customers) c ON c.k = s.seq % 5000`, up.ID); err != nil {
		b.Fatal(err)
	}
	if _, err := a.DB.DB.ExecContext(w.ctx, `INSERT INTO upload_customer_totals (upload_id, customer_id, calls, price_units, price_decimals)
SELECT ?, id, 200, 0, 4 FROM customers`, up.ID); err != nil {
		b.Fatal(err)
	}
	svc := *a.Invoicing
	svc.Queue = nil
	b.ResetTimer()
	for range b.N {
		run, err := svc.Start(w.ctx, invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-06"})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := svc.Execute(w.ctx, run.ID); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/run")
		b.StopTimer()
		if n := w.c.Call.Query().Where(func(s *sql.Selector) { s.Where(sql.NotNull("charge_id")) }).CountX(w.ctx); n != calls {
			b.Fatalf("%d calls billed; want %d", n, calls)
		}
		b.StartTimer()
	}
}

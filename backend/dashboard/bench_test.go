package dashboard_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/dashboard"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
)

// BenchmarkCallAggregates times the two cards that read calls on a MariaDB
// calls table of TOLLGATE_BENCH_CALLS calls (default 1,000,000): 30 daily
// processed uploads of the last 30 days, 300 destinations, 5,000
// customers. The table is made by MariaDB's sequence engine in one
// INSERT … SELECT, which takes a while before the timing starts.
//
//	go test -run '^$' -bench CallAggregates -benchtime 5x ./backend/dashboard/
func BenchmarkCallAggregates(b *testing.B) {
	n := 1_000_000
	if v := os.Getenv("TOLLGATE_BENCH_CALLS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	env := testenv.StartMode(b, testenv.MySQL)
	ctx := viewer.System(context.Background())
	db := env.App.DB
	svc := *env.App.Dashboards
	now := time.Now()
	svc.Now = func() time.Time { return now }

	p, err := db.Client.Provider.Create().SetName("Bench").SetCdrFormat(provider.CdrFormatAsterisk).Save(ctx)
	if err != nil {
		b.Fatal(err)
	}
	const days = 30
	perDay := n / days
	start := now.UTC().Truncate(24*time.Hour).AddDate(0, 0, -days+1)
	began := time.Now()
	for d := range days {
		from := start.AddDate(0, 0, d)
		u, err := db.Client.CdrUpload.Create().SetProvider(p).SetFileName(fmt.Sprintf("day%d.csv", d)).SetSha256(strconv.Itoa(d)).
			SetBlobKey(strconv.Itoa(d)).SetStatus(cdrupload.StatusProcessed).SetCallsFrom(from).SetCallsTo(from.Add(24*time.Hour - time.Second)).Save(ctx)
		if err != nil {
			b.Fatal(err)
		}
		// A call every 86400/perDay seconds through the day.
		_, err = db.DB.ExecContext(ctx, `INSERT INTO calls (upload_id, line, status, source, destination, start, duration,
			billable_seconds, rate_destination, price_units, price_decimals, dup_key, customer_id, rate_sheet_id)
			SELECT ?, seq, 'PRICED', '441134960000', '442079460000', TIMESTAMPADD(SECOND, (seq * 86400) DIV ?, ?), 60, 60,
			CONCAT('44', seq MOD 300), 100 + seq MOD 997, 4, ? * 10000000 + seq, 1 + seq MOD 5000, 1
			FROM seq_1_to_`+strconv.Itoa(perDay), u.ID, perDay+1, from, d)
		if err != nil {
			b.Fatal(err)
		}
	}
	if _, err := db.DB.ExecContext(ctx, "ANALYZE TABLE calls"); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d calls loaded in %s", perDay*days, time.Since(began).Round(time.Millisecond))

	// Cold: the first dashboard after a start, every upload read. Warm:
	// every later one, the uploads' sums cached.
	for _, warm := range []bool{false, true} {
		name := map[bool]string{false: "cold", true: "warm"}[warm]
		svc.Cache = dashboard.NewCache()
		if _, err := svc.CallsPerDay(ctx, days); warm && err != nil {
			b.Fatal(err)
		}
		b.Run("CallsPerDay30/"+name, func(b *testing.B) {
			for b.Loop() {
				if !warm {
					svc.Cache = dashboard.NewCache()
				}
				out, err := svc.CallsPerDay(ctx, days)
				if err != nil {
					b.Fatal(err)
				}
				check(b, out, perDay*days)
			}
		})
		svc.Cache = dashboard.NewCache()
		if _, err := svc.TopDestinationsOf(ctx, days, dashboard.MaxList); warm && err != nil {
			b.Fatal(err)
		}
		b.Run("TopDestinations30/"+name, func(b *testing.B) {
			for b.Loop() {
				if !warm {
					svc.Cache = dashboard.NewCache()
				}
				if _, err := svc.TopDestinationsOf(ctx, days, dashboard.MaxList); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// check fails a benchmark whose aggregate missed calls: a fast wrong answer
// is not a result.
func check(b *testing.B, out []*dashboard.DayCalls, want int) {
	var got int64
	for _, d := range out {
		got += d.Calls
	}
	// The first day in London may start an hour after the first UTC day.
	if got < int64(want)*29/30 {
		b.Fatalf("counted %d calls; want about %d", got, want)
	}
}

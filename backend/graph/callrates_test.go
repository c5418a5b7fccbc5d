package graph_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/graph"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
)

// A page of calls reads each of its rate rows once, however many of its
// calls and fields (rate, ratePerMinute) ask, and every call still gets the
// rate of its own sheet and destination.
func TestAPageOfCallsReadsEachRateOnce(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	c := env.App.DB.Client
	tariff := c.Tariff.Create().SetName("Callrates").SaveX(ctx)
	sheet := c.RateSheet.Create().SetTariff(tariff).SetVersion(1).SetEffectiveFrom(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).SaveX(ctx)
	mobile := c.Rate.Create().SetRateSheet(sheet).SetDestination("+447").SetPrefix("447").SetPeak(decimal.RequireFromString("7.2")).SetOffpeak(decimal.RequireFromString("5")).SaveX(ctx)
	leeds := c.Rate.Create().SetRateSheet(sheet).SetDestination("+44113").SetPrefix("44113").SetPeak(decimal.RequireFromString("2.4")).SaveX(ctx)

	// The rate queries, counted on the way to the database.
	var reads atomic.Int64
	counted := ent.NewClient(ent.Driver(dialect.DebugWithContext(entsql.OpenDB(dialect.SQLite, env.App.DB.DB), func(_ context.Context, v ...any) {
		for _, a := range v {
			if s, ok := a.(string); ok && strings.Contains(s, "FROM `rates`") {
				reads.Add(1)
			}
		}
	})))
	r := &graph.Resolver{Pricing: &tariffs.Service{Client: counted}}
	var op context.Context
	graph.CallRates{}.InterceptOperation(ctx, func(ctx context.Context) graphql.ResponseHandler { op = ctx; return nil })

	calls := []*ent.Call{}
	for i := range 30 {
		cl := &ent.Call{RateSheetID: &sheet.ID, RateDestination: "447", Band: call.BandPeak}
		if i%3 == 0 {
			cl = &ent.Call{RateSheetID: &sheet.ID, RateDestination: "44113", Band: call.BandOffpeak}
		}
		calls = append(calls, cl)
	}
	cr := r.Call()
	var wg sync.WaitGroup
	for _, cl := range calls {
		for range 2 { // Call.rate and Call.ratePerMinute resolve side by side
			wg.Go(func() {
				rt, err := cr.Rate(op, cl)
				if err != nil {
					t.Error(err)
					return
				}
				want := mobile.ID
				if cl.RateDestination == "44113" {
					want = leeds.ID
				}
				if rt == nil || rt.ID != want {
					t.Errorf("the call to %s got rate %v, want %d", cl.RateDestination, rt, want)
				}
				pm, err := cr.RatePerMinute(op, cl)
				if err != nil || pm == nil {
					t.Errorf("rate per minute of the call to %s: %v, %v", cl.RateDestination, pm, err)
					return
				}
				if w := tariffs.PerMinute(rt, cl.Band); !pm.Equal(w) {
					t.Errorf("rate per minute of the call to %s is %s, want %s", cl.RateDestination, pm, w)
				}
			})
		}
	}
	wg.Wait()
	if n := reads.Load(); n != 2 {
		t.Fatalf("a page of 30 calls to 2 destinations read the rates %d times, want 2 (once each)", n)
	}

	// Without the operation's memory (outside GraphQL), each call asks.
	reads.Store(0)
	for _, cl := range calls[:4] {
		if _, err := cr.Rate(ctx, cl); err != nil {
			t.Fatal(err)
		}
	}
	if n := reads.Load(); n != 4 {
		t.Fatalf("4 lookups outside an operation read the rates %d times, want 4", n)
	}
}

package dashboard_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/dashboard"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/provider"
	"github.com/tollgate/tollgate/ent/tariff"
)

// now is 12:00 in London (BST, UTC+1) on Monday 15 June 2026.
var now = time.Date(2026, 6, 15, 11, 0, 0, 0, time.UTC)

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func day(s string) time.Time { return utc(s + " 00:00") }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Every card on a small, hand-made reseller, on both databases; each
// expected figure is worked out in the comments from the rows created.
func TestCardsAddUpExactly(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			db := env.App.DB.Client
			svc := *env.App.Dashboards
			svc.Now = func() time.Time { return now }
			if svc.Zone.String() != "Europe/London" {
				t.Fatalf("deployment zone %s; the figures below are worked out for Europe/London", svc.Zone)
			}
			seed(t, ctx, db)

			t.Run("unbilled", func(t *testing.T) {
				u, err := svc.UnbilledByCustomer(ctx, 2)
				if err != nil {
					t.Fatal(err)
				}
				// 12.3456 + 0.0004 + 100.1 = 112.446; COLD has none.
				if !u.Total.Equal(dec("112.446")) || u.Customers != 3 {
					t.Errorf("total %s over %d customers; want 112.446 over 3", u.Total, u.Customers)
				}
				if got := amounts(u.Top); got != "DELTA 100.1, ACME 12.3456" {
					t.Errorf("top two %s; want DELTA 100.1, ACME 12.3456", got)
				}
			})

			t.Run("revenue", func(t *testing.T) {
				months, err := svc.RevenueByMonth(ctx, 3)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, m := range months {
					got = append(got, fmt.Sprintf("%s %d %s/%s/%s", m.Month, m.Invoices, m.Net, m.Tax, m.Total))
				}
				// March's invoice is before the window, #7 is deleted. June: 0.10+0.20+1.00,
				// 0.02+0.04+0.20, 0.12+0.24+1.20.
				want := "2026-04 1 10.1/2.02/12.12; 2026-05 1 3/0.6/3.6; 2026-06 3 1.3/0.26/1.56"
				if strings.Join(got, "; ") != want {
					t.Errorf("revenue\n got %s\nwant %s", strings.Join(got, "; "), want)
				}
			})

			t.Run("falling due", func(t *testing.T) {
				d, err := svc.FallingDue(ctx, 14, 1)
				if err != nil {
					t.Fatal(err)
				}
				// Open and due by 29 June: #3 (10 June, overdue, 0.12) and #4
				// (29 June, 0.24); #5 is due 30 June, #6 is settled, #7 deleted.
				if d.Count != 2 || d.Overdue != 1 || !d.Total.Equal(dec("0.36")) {
					t.Errorf("%d due, %d overdue, total %s; want 2, 1, 0.36", d.Count, d.Overdue, d.Total)
				}
				if len(d.Invoices) != 1 || d.Invoices[0].Number != 3 {
					t.Errorf("listed %v; want only invoice 3, the soonest due", numbers(d.Invoices))
				}
			})

			t.Run("waiting uploads", func(t *testing.T) {
				w, err := svc.Waiting(ctx, 1)
				if err != nil {
					t.Fatal(err)
				}
				// R1 and R2 are READY: 5 + 2 priced calls, 1.2345 + 0.01.
				if w.Count != 2 || w.Calls != 7 || !w.Total.Equal(dec("1.2445")) {
					t.Errorf("%d uploads, %d calls, %s; want 2, 7, 1.2445", w.Count, w.Calls, w.Total)
				}
				if len(w.Uploads) != 1 || w.Uploads[0].FileName != "r2.csv" {
					t.Errorf("listed %d uploads; want r2.csv alone, analysed first", len(w.Uploads))
				}
			})

			t.Run("calls per day", func(t *testing.T) {
				days, err := svc.CallsPerDay(ctx, 3)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, d := range days {
					got = append(got, fmt.Sprintf("%s %d %s", d.Day.Format(time.DateOnly), d.Calls, d.Value))
				}
				// 13 June (London): the 22:30 UTC call, 0.15. 14 June: 23:30 UTC
				// on the 13th is 00:30 BST, 0.25; 0.123456 at 6 places; two of
				// 0.01. 15 June: 1 + 0.0007. Not counted: the NO_RATE and
				// DUPLICATE calls, 12 June's, the READY upload's.
				want := "2026-06-13 1 0.15; 2026-06-14 4 0.393456; 2026-06-15 2 1.0007"
				if strings.Join(got, "; ") != want {
					t.Errorf("calls per day\n got %s\nwant %s", strings.Join(got, "; "), want)
				}
			})

			t.Run("top destinations", func(t *testing.T) {
				top, err := svc.TopDestinationsOf(ctx, 3, 2)
				if err != nil {
					t.Fatal(err)
				}
				// Whole uploads count: p.csv reaches into the window, so its
				// 12 June call does too. 447: 0.123456 + 1 + 0.0007 over 3
				// calls; 4420: 0.08 + 0.15 + 0.25 + 0.01 + 0.01 over 5.
				if got := dests(top.ByValue); got != "447 UK mobile 3 1.124156, 4420 London 5 0.5" {
					t.Errorf("by value %s", got)
				}
				if got := dests(top.ByCount); got != "4420 London 5 0.5, 447 UK mobile 3 1.124156" {
					t.Errorf("by count %s", got)
				}
			})

			t.Run("a newly processed upload counts at once", func(t *testing.T) {
				// The sums of p.csv are cached by now; a new upload is read.
				p := must[*ent.Provider](t)(db.Provider.Query().First(ctx))
				up := must[*ent.CdrUpload](t)(db.CdrUpload.Create().SetProvider(p).SetFileName("late.csv").SetSha256("late").SetBlobKey("late").
					SetStatus(cdrupload.StatusProcessed).SetCallsFrom(utc("2026-06-15 09:00")).SetCallsTo(utc("2026-06-15 09:00")).
					SetProcessedAt(now).Save(ctx))
				must[*ent.Call](t)(db.Call.Create().SetUploadID(up.ID).SetLine(1).SetStatus(call.StatusPriced).SetSource("441134960000").
					SetDestination("447700900123").SetStart(utc("2026-06-15 09:00")).SetDuration(30).SetPriceUnits(720).SetPriceDecimals(4).
					SetDupKey(999).SetCustomerID(1).SetRateDestination("447").Save(ctx))
				days, err := svc.CallsPerDay(ctx, 1)
				if err != nil {
					t.Fatal(err)
				}
				// 15 June: 1 + 0.0007 + 0.072 over 3 calls.
				if len(days) != 1 || days[0].Calls != 3 || !days[0].Value.Equal(dec("1.0727")) {
					t.Errorf("today %+v; want 3 calls, 1.0727", days[0])
				}
			})

			t.Run("limits and access", func(t *testing.T) {
				if _, err := svc.RevenueByMonth(ctx, dashboard.MaxMonths+1); apperr.CodeOf(err) != apperr.Invalid {
					t.Errorf("25 months: %v; want INVALID", err)
				}
				if _, err := svc.Waiting(ctx, dashboard.MaxList+1); apperr.CodeOf(err) != apperr.Invalid {
					t.Errorf("26 uploads: %v; want INVALID", err)
				}
				portal := viewer.NewContext(context.Background(), viewer.Viewer{Kind: viewer.KindPortal, CustomerID: 1})
				if _, err := svc.CallsPerDay(portal, 30); apperr.CodeOf(err) != apperr.Forbidden {
					t.Errorf("portal user reading calls per day: %v; want FORBIDDEN", err)
				}
			})
		})
	}
}

func amounts(cs []dashboard.CustomerAmount) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Customer.Reference+" "+c.Amount.String())
	}
	return strings.Join(out, ", ")
}

func numbers(invs []*ent.Invoice) []int64 {
	var out []int64
	for _, i := range invs {
		out = append(out, i.Number)
	}
	return out
}

func dests(ds []dashboard.Destination) string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %s %d %s", d.Destination, d.Description, d.Calls, d.Value))
	}
	return strings.Join(out, ", ")
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func seed(t *testing.T, ctx context.Context, db *ent.Client) {
	t.Helper()
	cust := must[*ent.Customer](t)
	var acme *ent.Customer
	for _, c := range []struct{ ref, unbilled string }{{"ACME", "12.3456"}, {"BETA", "0.0004"}, {"COLD", "0"}, {"DELTA", "100.1"}} {
		cu := cust(db.Customer.Create().SetReference(c.ref).SetName(c.ref + " Ltd").SetUnbilledTotal(dec(c.unbilled)).Save(ctx))
		if acme == nil {
			acme = cu
		}
	}

	for _, inv := range []struct {
		number          int64
		issued, due     string
		net, tax, total string
		status          invoice.Status
	}{
		{1, "2026-03-31", "", "50", "10", "60", invoice.StatusIssued},
		{2, "2026-04-01", "2026-05-01", "10.10", "2.02", "12.12", invoice.StatusSettled},
		{3, "2026-06-01", "2026-06-10", "0.10", "0.02", "0.12", invoice.StatusIssued},
		{4, "2026-06-15", "2026-06-29", "0.20", "0.04", "0.24", invoice.StatusIssued},
		{5, "2026-06-15", "2026-06-30", "1.00", "0.20", "1.20", invoice.StatusIssued},
		{6, "2026-05-20", "2026-06-05", "3.00", "0.60", "3.60", invoice.StatusSettled},
		{7, "2026-06-02", "2026-06-12", "7.00", "1.40", "8.40", invoice.StatusDeleted}, // neither revenue nor due
	} {
		c := db.Invoice.Create().SetCustomer(acme).SetNumber(inv.number).SetIssueDate(day(inv.issued)).SetStatus(inv.status).
			SetNetTotal(dec(inv.net)).SetTaxTotal(dec(inv.tax)).SetTotal(dec(inv.total))
		if inv.due != "" {
			c.SetDueDate(day(inv.due))
		}
		must[*ent.Invoice](t)(c.Save(ctx))
	}

	p := must[*ent.Provider](t)(db.Provider.Create().SetName("Carrier").SetCdrFormat(provider.CdrFormatAsterisk).Save(ctx))
	upload := func(name string, status cdrupload.Status, from, to, analysed string, priced int64, total string) *ent.CdrUpload {
		return must[*ent.CdrUpload](t)(db.CdrUpload.Create().SetProvider(p).SetFileName(name).SetSha256(name).SetBlobKey(name).
			SetStatus(status).SetCallsFrom(utc(from)).SetCallsTo(utc(to)).SetAnalysedAt(utc(analysed)).
			SetPriced(priced).SetTotalPrice(dec(total)).Save(ctx))
	}
	processed := upload("p.csv", cdrupload.StatusProcessed, "2026-06-12 22:30", "2026-06-15 08:00", "2026-06-15 09:00", 9, "1.8")
	old := upload("old.csv", cdrupload.StatusProcessed, "2026-03-01 10:00", "2026-03-01 10:00", "2026-03-02 09:00", 1, "9.9999")
	r1 := upload("r1.csv", cdrupload.StatusReady, "2026-06-14 10:00", "2026-06-14 10:00", "2026-06-14 10:00", 5, "1.2345")
	upload("r2.csv", cdrupload.StatusReady, "2026-06-13 10:00", "2026-06-13 10:00", "2026-06-13 10:00", 2, "0.01")

	def := must[*ent.Tariff](t)(db.Tariff.Query().Where(tariff.IsDefault(true)).Only(ctx))
	sheet := must[*ent.RateSheet](t)(db.RateSheet.Create().SetTariff(def).SetVersion(90).SetEffectiveFrom(utc("2026-01-01 00:00")).Save(ctx))
	for _, r := range []struct{ prefix, name string }{{"4420", "London"}, {"447", "UK mobile"}} {
		must[*ent.Rate](t)(db.Rate.Create().SetRateSheet(sheet).SetDestination(r.prefix).SetPrefix(r.prefix).SetDescription(r.name).Save(ctx))
	}

	for i, c := range []struct {
		upload *ent.CdrUpload
		start  string
		status call.Status
		units  int64
		places int
		dest   string
	}{
		{processed, "2026-06-12 22:30", call.StatusPriced, 800, 4, "4420"}, // 12 June in London: before the window
		{processed, "2026-06-13 22:30", call.StatusPriced, 1500, 4, "4420"},
		{processed, "2026-06-13 23:30", call.StatusPriced, 2500, 4, "4420"}, // 00:30 BST on the 14th
		{processed, "2026-06-14 09:00", call.StatusPriced, 123456, 6, "447"},
		{processed, "2026-06-14 10:00", call.StatusNoRate, 0, 4, ""},
		{processed, "2026-06-14 12:00", call.StatusPriced, 100, 4, "4420"},
		{processed, "2026-06-14 12:00", call.StatusPriced, 100, 4, "4420"},
		{processed, "2026-06-15 08:00", call.StatusPriced, 10000, 4, "447"},
		{processed, "2026-06-15 08:00", call.StatusPriced, 7, 4, "447"},
		{processed, "2026-06-15 08:00", call.StatusDuplicate, 10000, 4, "447"},
		{old, "2026-03-01 10:00", call.StatusPriced, 99999, 4, "447"},
		{r1, "2026-06-14 10:00", call.StatusPriced, 50000, 4, "4420"},
	} {
		cc := db.Call.Create().SetUploadID(c.upload.ID).SetLine(i + 1).SetStatus(c.status).SetSource("441134960000").
			SetDestination("442079460000").SetStart(utc(c.start)).SetDuration(60).SetBillableSeconds(60).
			SetPriceUnits(c.units).SetPriceDecimals(c.places).SetDupKey(int64(i)).SetCustomerID(acme.ID)
		if c.dest != "" {
			cc.SetRateDestination(c.dest).SetRateSheetID(sheet.ID)
		}
		must[*ent.Call](t)(cc.Save(ctx))
	}
}

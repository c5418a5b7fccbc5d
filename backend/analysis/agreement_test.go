package analysis_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/backend/workload"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/provider"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
)

// dearer returns a rate sheet CSV with every price one penny more, so that
// a call priced by the wrong version shows it in its price.
func dearer(t *testing.T, sheet []byte) []byte {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(sheet)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		for i := 1; i <= 5; i++ { // minimum charge, connection fee, the three rates
			r[i] = decimal.RequireFromString(r[i]).Add(decimal.NewFromInt(1)).String()
		}
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func sheetID(id *int) string {
	if id == nil {
		return "none"
	}
	return fmt.Sprint(*id)
}

// asteriskLine writes one answered call as an Asterisk Master.csv line,
// answered at the given instant (written in London time, the provider's).
func asteriskLine(id int, src, dst string, answer time.Time, seconds int) string {
	london, _ := time.LoadLocation("Europe/London")
	const layout = "2006-01-02 15:04:05"
	a := answer.In(london)
	return fmt.Sprintf(`"","%s","%s","from-internal","""Test"" <%s>","SIP/100-%08x","SIP/trunk-%08x","Dial","SIP/trunk/%s,60","%s","%s","%s",%d,%d,"ANSWERED","DOCUMENTATION","edge.%d",""`+"\n",
		src, dst, src, id, id, dst, a.Add(-5*time.Second).Format(layout), a.Format(layout),
		a.Add(time.Duration(seconds)*time.Second).Format(layout), seconds+5, seconds, id)
}

// Quote and analysis price every call alike: a generated month of calls is
// analysed, and every call is quoted again with the same tariff, provider,
// number, start and duration; price, version, band and billable seconds
// must be the same. The versions change at fractional seconds, with calls
// on both sides of each change: a fraction is rounded up, so a call at the
// whole second before the instant named keeps the old price.
func TestQuoteAndAnalysisPriceEveryCallAlike(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			c := env.App.DB.Client
			pricing := env.App.Pricing

			wl, err := workload.New(workload.Config{Seed: 7, Customers: 150, Clis: 400, Rates: 300, Calls: 1500,
				Month: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := wl.Load(ctx, c); err != nil {
				t.Fatal(err)
			}
			zone := "Europe/London"
			prov, err := env.App.Providers.Create(ctx, ent.CreateProviderInput{Name: "Agreement carrier", CdrFormat: provider.CdrFormatAsterisk, TimeZone: &zone})
			if err != nil {
				t.Fatal(err)
			}
			def, err := pricing.DefaultTariff(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var sheet bytes.Buffer
			if err := wl.WriteRateSheet(&sheet); err != nil {
				t.Fatal(err)
			}
			upload := func(csv []byte, providerID *int, from time.Time) *ent.RateSheet {
				t.Helper()
				s, err := pricing.Upload(ctx, tariffs.UploadInput{TariffID: def.ID, ProviderID: providerID, Direction: entratesheet.DirectionOutbound,
					EffectiveFrom: &from, FileName: "rates.csv", File: bytes.NewReader(csv)})
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
			// Any provider: the generated sheet, then a dearer one from
			// 10:00:00.5 on 15 June. The provider's own: dearer still from
			// 12:00:00.25 on 20 June (before it, the any-provider versions
			// price its calls).
			change := time.Date(2026, 6, 15, 10, 0, 0, 500_000_000, time.UTC)
			ownChange := time.Date(2026, 6, 20, 12, 0, 0, 250_000_000, time.UTC)
			v1 := upload(sheet.Bytes(), nil, wl.SheetEffectiveFrom())
			v2 := upload(dearer(t, sheet.Bytes()), nil, change)
			own := upload(dearer(t, dearer(t, sheet.Bytes())), &prov.ID, ownChange)
			for _, s := range []*ent.RateSheet{v2, own} {
				if s.EffectiveFrom.Nanosecond() != 0 {
					t.Fatalf("version %d takes effect at %s: a fraction of a second was kept", s.Version, s.EffectiveFrom)
				}
			}
			if want := change.Truncate(time.Second).Add(time.Second); !v2.EffectiveFrom.Equal(want) {
				t.Fatalf("effective from %s was stored as %s, want it rounded up to %s", change, v2.EffectiveFrom, want)
			}

			// Calls of a customer's DDI to a London number, at and around
			// each change.
			var ddi string
			for _, cu := range wl.Customers() {
				for _, v := range cu.Clis {
					if d := strings.ReplaceAll(v, " ", ""); ddi == "" && strings.HasPrefix(d, "0") && !strings.HasSuffix(d, "*") {
						ddi = d
					}
				}
			}
			if ddi == "" {
				t.Fatal("the workload has no DDI")
			}
			type edge struct {
				at   time.Time
				want *ent.RateSheet
			}
			whole := change.Truncate(time.Second)
			ownWhole := ownChange.Truncate(time.Second)
			edges := []edge{
				{whole.Add(-time.Second), v1}, {whole, v1}, {whole.Add(time.Second), v2}, {whole.Add(2 * time.Second), v2},
				{ownWhole.Add(-time.Second), v2}, {ownWhole, v2}, {ownWhole.Add(time.Second), own},
			}
			var file bytes.Buffer
			exp, err := wl.WriteCDR(&file)
			if err != nil {
				t.Fatal(err)
			}
			for i, e := range edges {
				file.WriteString(asteriskLine(i+1, ddi, "02079460123", e.at, 61))
			}

			svc := env.App.Analysis
			u, err := svc.Upload(ctx, analysis.UploadInput{ProviderID: prov.ID, FileName: "june.csv", File: &file})
			if err != nil {
				t.Fatal(err)
			}
			run, err := svc.RequestAnalysis(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := svc.Analyse(ctx, u.ID, run); err != nil {
				t.Fatal(err)
			}
			if u, err = c.CdrUpload.Get(ctx, u.ID); err != nil || u.Status != cdrupload.StatusReady {
				t.Fatalf("analysis ended %v (%v): %s", u.Status, err, u.FailureReason)
			}

			tariffOf := map[int]int{}
			cus, err := c.Customer.Query().Where(customer.HasTariff()).WithTariff().All(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, cu := range cus {
				tariffOf[cu.ID] = cu.Edges.Tariff.ID
			}
			calls, err := c.Call.Query().Where(call.UploadID(u.ID)).Order(ent.Asc(call.FieldLine)).All(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if int64(len(calls)) != exp.Lines-exp.Unreadable+int64(len(edges)) {
				t.Fatalf("%d calls stored for %d readable lines", len(calls), exp.Lines-exp.Unreadable+int64(len(edges)))
			}
			firstEdge := int(exp.Lines) + 1
			priced := 0
			for _, cl := range calls {
				tid := def.ID
				if cl.CustomerID != nil {
					if id, ok := tariffOf[*cl.CustomerID]; ok {
						tid = id
					}
				}
				code := cl.ChargeCode
				q, err := pricing.Quote(ctx, tariffs.QuoteInput{TariffID: &tid, ProviderID: &prov.ID, Direction: entratesheet.DirectionOutbound,
					Number: cl.Destination, ChargeCode: code, Start: cl.Start, Duration: int64(cl.Duration)})
				if err != nil {
					if cl.Destination == "" && code == "" {
						continue // nothing to quote: the analysis has no rate for it either
					}
					t.Fatalf("line %d: %v", cl.Line, err)
				}
				where := fmt.Sprintf("line %d (%s at %s, %ds)", cl.Line, cl.Destination, cl.Start.UTC().Format(time.RFC3339Nano), cl.Duration)
				switch q.Result.Status {
				case rating.Rated:
					priced++
					if cl.RateSheetID == nil || *cl.RateSheetID != q.RateSheet.ID {
						t.Errorf("%s: analysis used sheet %s, the quote sheet %d", where, sheetID(cl.RateSheetID), q.RateSheet.ID)
					}
					if cl.PriceUnits != q.Result.Price || int64(cl.BillableSeconds) != q.Result.BillableSeconds {
						t.Errorf("%s: analysis priced %d units for %ds, the quote %d for %ds", where, cl.PriceUnits, cl.BillableSeconds, q.Result.Price, q.Result.BillableSeconds)
					}
					if string(cl.Band) != tariffs.BandCode[string](q.Result.Band) {
						t.Errorf("%s: analysis band %s, quote band %s", where, cl.Band, q.Result.Band)
					}
				case rating.ZeroDuration:
					if cl.Status != call.StatusZeroDuration && cl.Status != call.StatusDuplicate {
						t.Errorf("%s: the quote says zero duration, the analysis %s", where, cl.Status)
					}
				default:
					if cl.RateSheetID != nil || (cl.Status != call.StatusNoRate && cl.Status != call.StatusDuplicate && cl.Status != call.StatusNoCustomer) {
						t.Errorf("%s: the quote found no rate, the analysis %s with sheet %s", where, cl.Status, sheetID(cl.RateSheetID))
					}
				}
				if i := cl.Line - firstEdge; i >= 0 {
					e := edges[i]
					if cl.Status != call.StatusPriced || cl.RateSheetID == nil || *cl.RateSheetID != e.want.ID {
						t.Errorf("the call at %s is %s with sheet %s, want priced by sheet %d (in force from %s)",
							e.at.Format(time.RFC3339), cl.Status, sheetID(cl.RateSheetID), e.want.ID, e.want.EffectiveFrom.UTC().Format(time.RFC3339))
					}
				}
			}
			if priced < len(calls)/2 {
				t.Fatalf("only %d of %d calls were priced: the comparison proves little", priced, len(calls))
			}
		})
	}
}

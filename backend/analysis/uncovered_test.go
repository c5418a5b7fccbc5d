package analysis_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/provider"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
)

// Issue 10, item 6: before a rate sheet version is uploaded, the clerk is
// told which calls waiting to be processed its effective-from leaves
// without a rate — only the calls of the tariff's customers, only those
// that no version already covers, and none of a processed upload.
func TestUncoveredNamesTheCallsANewVersionLeavesWithoutARate(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			london, err := time.LoadLocation("Europe/London")
			if err != nil {
				t.Fatal(err)
			}
			day := func(d int) time.Time { return time.Date(2026, 6, d, 0, 0, 0, 0, london) }
			business, err := f.env.App.Pricing.Create(f.ctx, ent.CreateTariffInput{Name: "Business"})
			if err != nil {
				t.Fatal(err)
			}
			// 01134960002 makes three calls in the sample: 2 June 11:05, 3 June 14:00 and 18:00.
			if _, err := f.env.App.Customers.Create(f.ctx, ent.CreateCustomerInput{Reference: "ACCTS", Name: "Accounts Ltd", TariffID: &business.ID},
				[]customers.CliInput{{Value: "01134960002"}}); err != nil {
				t.Fatal(err)
			}
			u := f.analyse(t, "june.csv", fixtures.Read(t, "cdr/asterisk-sample.csv"))
			uncovered := func(tariffID int, providerID *int, from time.Time) []*analysis.UncoveredCalls {
				t.Helper()
				got, err := f.svc.Uncovered(f.ctx, tariffID, providerID, entratesheet.DirectionOutbound, from)
				if err != nil {
					t.Fatal(err)
				}
				return got
			}
			// Business has no sheet: every call of its customer before the date is uncovered.
			got := uncovered(business.ID, nil, day(3))
			if len(got) != 1 || got[0].Upload.ID != u.ID || got[0].Calls != 1 {
				t.Fatalf("from 3 June, Business leaves %+v uncovered; want the one call of 2 June in june.csv", got)
			}
			got = uncovered(business.ID, nil, day(4))
			if len(got) != 1 || got[0].Calls != 3 ||
				got[0].FirstStart.In(london).Day() != 2 || got[0].LastStart.In(london).Day() != 3 {
				t.Fatalf("from 4 June, Business leaves %+v uncovered; want 3 calls, 2 to 3 June", got)
			}
			if got := uncovered(business.ID, nil, day(1)); len(got) != 0 {
				t.Fatalf("from 1 June, before every call, Business leaves %+v uncovered", got)
			}
			// Another provider's sheet leaves none of this provider's calls uncovered.
			other, err := f.env.App.DB.Client.Provider.Create().SetName("Other carrier").SetCdrFormat(provider.CdrFormatAsterisk).Save(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := uncovered(business.ID, &other.ID, day(4)); len(got) != 0 {
				t.Fatalf("a sheet for another provider leaves %+v uncovered", got)
			}
			// The default tariff's sample sheet is in force from 1 January: a
			// later version leaves no call of its customers uncovered.
			def, err := f.env.App.Pricing.DefaultTariff(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := uncovered(def.ID, nil, day(30)); len(got) != 0 {
				t.Fatalf("a later version of the default tariff leaves %+v uncovered", got)
			}
			// Once Business has a version from 3 June, only the call before it stays uncovered.
			from := day(3)
			if _, err := f.env.App.Pricing.Upload(f.ctx, tariffs.UploadInput{TariffID: business.ID, Direction: entratesheet.DirectionOutbound,
				EffectiveFrom: &from, FileName: "business.csv", File: bytes.NewReader(fixtures.Read(t, fixtures.RateSheet))}); err != nil {
				t.Fatal(err)
			}
			if got := uncovered(business.ID, nil, day(30)); len(got) != 1 || got[0].Calls != 1 {
				t.Fatalf("with version 1 from 3 June, a version from 30 June leaves %+v uncovered; want the call of 2 June", got)
			}
			// A processed upload keeps its prices: nothing of it is uncovered.
			if _, err := f.svc.RequestProcessing(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if err := f.svc.Process(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if got := uncovered(business.ID, nil, day(30)); len(got) != 0 {
				t.Fatalf("a processed upload still has %+v uncovered", got)
			}
		})
	}
}

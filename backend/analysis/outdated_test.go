package analysis_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/tariffs"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
)

// Issue 10, item 3: after a CLI or a rate sheet version that touches an
// upload's calls is added, the upload says its analysis is out of date,
// naming the change; a change outside its calls' span does not; and a
// re-analysis makes it current again.
func TestAnalysisSaysWhenACliOrRateChangeOutdatesIt(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			u := f.analyse(t, "june.csv", fixtures.Read(t, "cdr/asterisk-sample.csv"))
			outdated := func() []string {
				t.Helper()
				why, err := f.svc.Outdated(f.ctx, f.upload(t, u.ID))
				if err != nil {
					t.Fatal(err)
				}
				return why
			}
			if why := outdated(); len(why) != 0 {
				t.Fatalf("a fresh analysis says it is out of date: %q", why)
			}
			// A CLI that starts after the file's last call changes nothing.
			later := u.CallsTo.Add(24 * time.Hour)
			if _, err := f.env.App.Customers.CreateCli(f.ctx, customers.CliInput{CustomerID: f.customer.ID, Value: "01134960009", ValidFrom: &later}); err != nil {
				t.Fatal(err)
			}
			if why := outdated(); len(why) != 0 {
				t.Fatalf("a CLI valid only after the calls outdates the analysis: %q", why)
			}
			if _, err := f.env.App.Customers.CreateCli(f.ctx, customers.CliInput{CustomerID: f.customer.ID, Value: "01134960002"}); err != nil {
				t.Fatal(err)
			}
			why := outdated()
			if len(why) != 1 || !strings.Contains(why[0], "0113 496 0002") || !strings.Contains(why[0], "Leeds Office Ltd") {
				t.Fatalf("after a CLI of the calls was added, the analysis says %q", why)
			}
			if r := f.reanalyse(t, u.ID); r.AnalysedAt == nil || !r.AnalysedAt.After(*u.AnalysedAt) {
				t.Fatalf("the re-analysis did not move analysedAt: %v then %v", u.AnalysedAt, r.AnalysedAt)
			}
			if why := outdated(); len(why) != 0 {
				t.Fatalf("a re-analysis leaves the upload out of date: %q", why)
			}
			def, err := f.env.App.Pricing.DefaultTariff(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			from := u.CallsFrom.Add(-time.Hour)
			if _, err := f.env.App.Pricing.Upload(f.ctx, tariffs.UploadInput{TariffID: def.ID, Direction: entratesheet.DirectionOutbound,
				EffectiveFrom: &from, FileName: "june.csv", File: bytes.NewReader(fixtures.Read(t, fixtures.RateSheet))}); err != nil {
				t.Fatal(err)
			}
			why = outdated()
			if len(why) != 1 || !strings.Contains(why[0], "version 2") || !strings.Contains(why[0], def.Name) {
				t.Fatalf("after a rate sheet version for the calls was added, the analysis says %q", why)
			}
		})
	}
}

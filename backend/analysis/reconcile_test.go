package analysis_test

import (
	"testing"

	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
)

// Issue 10, item 2: the calls without a rate name the tariff they were
// priced against — the customer's own, not the default — so the clerk adds
// the rates where they are missing.
func TestUnratedCallsNameTheTariffTheyWerePricedAgainst(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			wholesale, err := f.env.App.Pricing.Create(f.ctx, ent.CreateTariffInput{Name: "Wholesale"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.env.App.Customers.Create(f.ctx, ent.CreateCustomerInput{Reference: "YORK", Name: "York Ltd", TariffID: &wholesale.ID},
				[]customers.CliInput{{Value: "01134960002"}}); err != nil {
				t.Fatal(err)
			}
			u := f.analyse(t, "june.csv", fixtures.Read(t, "cdr/asterisk-sample.csv"))
			groups, err := f.svc.NoRateGroups(f.ctx, u.ID, 100)
			if err != nil {
				t.Fatal(err)
			}
			if u.WithoutRate == 0 || len(groups) == 0 {
				t.Fatalf("York's calls on a tariff without a sheet were not without a rate: %d, %v", u.WithoutRate, groups)
			}
			for _, g := range groups {
				if len(g.Tariffs) != 1 || g.Tariffs[0] != wholesale.ID {
					t.Errorf("calls to %s… without a rate name tariffs %v, want Wholesale (%d) only", g.Prefix, g.Tariffs, wholesale.ID)
				}
			}
		})
	}
}

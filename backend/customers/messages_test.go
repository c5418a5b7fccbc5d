package customers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
)

// Issue 10, item 15: a refused CLI is explained in the clerk's words — a
// CLI with no start date belongs to its customer "from the start", not
// "from 2000-01-01"; dates are the deployment's days; a site is named, never
// given by its id.
func TestCliRefusalsSpeakTheClerksLanguage(t *testing.T) {
	env := testenv.StartMode(t, testenv.Modes[0])
	ctx := viewer.System(context.Background())
	svc := env.App.Customers
	refusal := func(err error) string {
		t.Helper()
		e, ok := apperr.As(err)
		if !ok {
			t.Fatalf("err = %v; want a refusal", err)
		}
		for _, raw := range []string{"2000-01-01", "2000", "T00:00"} {
			if strings.Contains(e.Message, raw) {
				t.Errorf("the refusal %q shows %q", e.Message, raw)
			}
		}
		return e.Message
	}
	acme, err := svc.Create(ctx, ent.CreateCustomerInput{Reference: "ACME01", Name: "Acme Ltd"}, []customers.CliInput{{Value: "01134960000"}})
	if err != nil {
		t.Fatal(err)
	}
	// 23:00 UTC on 31 May is 1 June in London, the test deployment's zone.
	june := time.Date(2026, 5, 31, 23, 0, 0, 0, time.UTC)
	if _, err := svc.CreateCli(ctx, customers.CliInput{CustomerID: acme.ID, Value: "01134960001", ValidFrom: &june}); err != nil {
		t.Fatal(err)
	}
	leeds, err := svc.Create(ctx, ent.CreateCustomerInput{Reference: "LEEDS", Name: "Leeds Office Ltd"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.CreateCli(ctx, customers.CliInput{CustomerID: leeds.ID, Value: "0113 496 0000"})
	if msg := refusal(err); !strings.Contains(msg, "0113 496 0000 already belongs to Acme Ltd (ACME01) from the start with no end date") {
		t.Errorf("taking a number Acme has always had is refused with %q", msg)
	}
	_, err = svc.CreateCli(ctx, customers.CliInput{CustomerID: leeds.ID, Value: "0113 496 0001"})
	if msg := refusal(err); !strings.Contains(msg, "already belongs to Acme Ltd (ACME01) from 1 Jun 2026 with no end date") {
		t.Errorf("taking a number Acme has had since 1 June is refused with %q", msg)
	}
	site, err := env.App.DB.Client.Site.Create().SetName("Head office").SetCustomerID(acme.ID).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.CreateCli(ctx, customers.CliInput{CustomerID: leeds.ID, Value: "0113 496 0009", SiteID: &site.ID})
	if msg := refusal(err); !strings.Contains(msg, "site Head office is not a site of this customer") {
		t.Errorf("a CLI on another customer's site is refused with %q", msg)
	}
}

package customers_test

import (
	"context"
	"testing"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
)

// Setting the tariff of many customers is all or nothing: a customer gone
// meanwhile, or a tariff that does not exist, leaves every customer on the
// tariff it had; otherwise all of them move, and empty is the default.
func TestSetTariffOfManyCustomersIsAllOrNothing(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			c := env.App.DB.Client
			svc := env.App.Customers
			standard := c.Tariff.Create().SetName("Wholesale").SaveX(ctx)
			trade := c.Tariff.Create().SetName("Trade").SaveX(ctx)
			var ids []int
			for _, ref := range []string{"BULK1", "BULK2", "BULK3"} {
				cu, err := svc.Create(ctx, ent.CreateCustomerInput{Reference: ref, Name: ref + " Ltd", TariffID: &standard.ID}, nil)
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, cu.ID)
			}
			gone, err := svc.Create(ctx, ent.CreateCustomerInput{Reference: "GONE1", Name: "Gone Ltd"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := svc.Delete(ctx, gone.ID); err != nil {
				t.Fatal(err)
			}
			tariffOf := func(id int) int {
				t.Helper()
				tid, err := c.Customer.GetX(ctx, id).QueryTariff().OnlyID(ctx)
				if ent.IsNotFound(err) {
					return 0
				}
				if err != nil {
					t.Fatal(err)
				}
				return tid
			}
			unchanged := func(why string) {
				t.Helper()
				for _, id := range ids {
					if got := tariffOf(id); got != standard.ID {
						t.Errorf("%s: customer %d is on tariff %d; want it left on Wholesale (%d)", why, id, got, standard.ID)
					}
				}
			}

			_, err = svc.SetTariff(ctx, append(append([]int{}, ids...), gone.ID), &trade.ID)
			if e, ok := apperr.As(err); !ok || e.Code != apperr.NotFound || e.Field != "ids" {
				t.Fatalf("with a deleted customer: %v; want NOT_FOUND on ids", err)
			}
			unchanged("a deleted customer among them")

			missing := trade.ID + 1000
			_, err = svc.SetTariff(ctx, ids, &missing)
			if e, ok := apperr.As(err); !ok || e.Code != apperr.NotFound || e.Field != "tariffID" {
				t.Fatalf("with a tariff that does not exist: %v; want NOT_FOUND on tariffID", err)
			}
			unchanged("a tariff that does not exist")

			got, err := svc.SetTariff(ctx, []int{ids[2], ids[0], ids[1], ids[0]}, &trade.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 3 || got[0].ID != ids[2] || got[1].ID != ids[0] || got[2].ID != ids[1] {
				t.Errorf("answered %d customers; want the three, in the order asked, once each", len(got))
			}
			for _, id := range ids {
				if tariffOf(id) != trade.ID {
					t.Errorf("customer %d not moved to Trade", id)
				}
			}

			if _, err := svc.SetTariff(ctx, ids[:2], nil); err != nil {
				t.Fatal(err)
			}
			if tariffOf(ids[0]) != 0 || tariffOf(ids[1]) != 0 || tariffOf(ids[2]) != trade.ID {
				t.Errorf("clearing the tariff of the first two: %d %d %d; want default, default, Trade",
					tariffOf(ids[0]), tariffOf(ids[1]), tariffOf(ids[2]))
			}

			if _, err := svc.SetTariff(ctx, nil, &trade.ID); err == nil {
				t.Error("no customers chosen: accepted; want INVALID")
			}
		})
	}
}

// The customers answered are usable after the service's own transaction:
// reading an edge (GraphQL asks for the tariff) goes through the client.
func TestSetTariffAnswersCustomersWhoseEdgesLoad(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	trade := env.App.DB.Client.Tariff.Create().SetName("Trade").SaveX(ctx)
	cu, err := env.App.Customers.Create(ctx, ent.CreateCustomerInput{Reference: "EDGE1", Name: "Edge Ltd"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := env.App.Customers.SetTariff(ctx, []int{cu.ID}, &trade.ID)
	if err != nil {
		t.Fatal(err)
	}
	tariff, err := got[0].QueryTariff().Only(ctx)
	if err != nil || tariff.Name != "Trade" {
		t.Fatalf("the answered customer's tariff: %v, %v; want Trade", tariff, err)
	}
}

package app_test

import (
	"testing"

	"github.com/tollgate/tollgate/backend/internal/testenv"
)

// Through the API: a product priced per tariff, the price a customer pays,
// a one-off and a recurring charge on the customer's tabs, a bad charge
// refused on its field, and a page larger than the server allows refused.
func TestProductsAndChargesOverGraphQL(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	var tariffs struct {
		Tariffs struct {
			Edges []struct{ Node struct{ ID, Name string } }
		}
		CreateTariff struct{ ID string }
	}
	env.MustDo(t, `{ tariffs { edges { node { id name } } } }`, nil, &tariffs)
	std := tariffs.Tariffs.Edges[0].Node.ID
	env.MustDo(t, `mutation { createTariff(input: {name: "Business"}) { id } }`, nil, &tariffs)
	biz := tariffs.CreateTariff.ID

	var cu struct{ CreateCustomer struct{ ID string } }
	env.MustDo(t, `mutation($t: ID) { createCustomer(input: {reference: "ACME", name: "Acme Ltd", tariffID: $t}) { id } }`, map[string]any{"t": biz}, &cu)

	var made struct {
		CreateProduct struct {
			ID, Recurrence, CostPrice string
			Prices                    []struct {
				Price  string
				Tariff struct{ Name string }
			}
		}
	}
	env.MustDo(t, `mutation($in: ProductInput!) { createProduct(input: $in) { id recurrence costPrice prices { price tariff { name } } } }`, map[string]any{"in": map[string]any{
		"name": "Line rental", "reference": "LR1", "recurrence": "MONTHLY", "costPrice": "4.1",
		"prices": []map[string]any{{"tariffID": std, "price": "12.50"}, {"tariffID": biz, "price": "9.99"}},
	}}, &made)
	p := made.CreateProduct
	if p.Recurrence != "MONTHLY" || p.CostPrice != "4.1" || len(p.Prices) != 2 {
		t.Fatalf("product %+v", p)
	}

	var price struct{ ProductPrice string }
	env.MustDo(t, `query($p: ID!, $c: ID!) { productPrice(productID: $p, customerID: $c) }`, map[string]any{"p": p.ID, "c": cu.CreateCustomer.ID}, &price)
	if price.ProductPrice != "9.99" {
		t.Errorf("Acme pays %s; want Business's 9.99", price.ProductPrice)
	}

	add := `mutation($c: ID!, $in: ChargeInput!) { addCharge(customerID: $c, input: $in) { id amount startDate billedThrough } }`
	var ch struct {
		AddCharge struct {
			ID, Amount               string
			StartDate, BilledThrough *string
		}
	}
	env.MustDo(t, add, map[string]any{"c": cu.CreateCustomer.ID, "in": map[string]any{
		"productID": p.ID, "quantity": "2", "startDate": "2026-06-10", "billedThrough": "2026-06-30"}}, &ch)
	if a := ch.AddCharge; a.Amount != "19.98" || a.StartDate == nil || *a.StartDate != "2026-06-10" || *a.BilledThrough != "2026-06-30" {
		t.Errorf("recurring charge %+v; want 2 × 9.99 from 2026-06-10 billed through 2026-06-30", a)
	}
	env.MustDo(t, add, map[string]any{"c": cu.CreateCustomer.ID, "in": map[string]any{
		"description": "Installation", "quantity": "1", "unitPrice": "75", "date": "2026-06-02"}}, &ch)

	r := env.Do(t, add, map[string]any{"c": cu.CreateCustomer.ID, "in": map[string]any{
		"productID": p.ID, "quantity": "1", "startDate": "2026-06-10", "endDate": "2026-06-01"}})
	if len(r.Errors) != 1 || r.Errors[0].Code() != "INVALID" || r.Errors[0].Field() != "endDate" {
		t.Errorf("end before start: %+v; want one INVALID error on endDate", r.Errors)
	}

	tab := `query($c: ID!, $v: ChargeView!, $n: Int) { customer(id: $c) { ... on Customer { charges(view: $v, first: $n) { totalCount edges { node { description kind product { name } } } } } } }`
	for view, want := range map[string]string{"PENDING": "Installation", "RECURRING": "Line rental"} {
		var got struct {
			Customer struct {
				Charges struct {
					TotalCount int
					Edges      []struct{ Node struct{ Description string } }
				}
			}
		}
		env.MustDo(t, tab, map[string]any{"c": cu.CreateCustomer.ID, "v": view}, &got)
		if c := got.Customer.Charges; c.TotalCount != 1 || c.Edges[0].Node.Description != want {
			t.Errorf("%s tab: %+v; want only %s", view, c, want)
		}
	}
	r = env.Do(t, tab, map[string]any{"c": cu.CreateCustomer.ID, "v": "HISTORY", "n": 1000})
	if len(r.Errors) == 0 {
		t.Errorf("a page of 1000 charges was served: %s", r.Data)
	}
	var hist struct {
		Customer struct{ Charges struct{ TotalCount int } }
	}
	env.MustDo(t, tab, map[string]any{"c": cu.CreateCustomer.ID, "v": "HISTORY"}, &hist)
	if hist.Customer.Charges.TotalCount != 0 {
		t.Errorf("history holds %d charges before any invoice; want 0", hist.Customer.Charges.TotalCount)
	}
}

package billing_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/product"
	"github.com/tollgate/tollgate/ent/tariff"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
func decp(s string) *decimal.Decimal {
	d := dec(s)
	return &d
}

type productWorld struct {
	svc                      *billing.Service
	client                   *ent.Client
	std, business, wholesale *ent.Tariff
	onBusiness, onWholesale  *ent.Customer
	noTariff                 *ent.Customer
	rental, setup            *ent.Product
}

// newProductWorld has the default tariff (Standard), a Business tariff with
// prices of its own and a Wholesale one without, a customer on each and one
// on none, a monthly line rental and a one-off set-up fee.
func newProductWorld(t *testing.T, ctx context.Context, mode testenv.Mode) productWorld {
	t.Helper()
	env := testenv.StartMode(t, mode)
	w := productWorld{svc: &billing.Service{Client: env.App.DB.Client, PricePlaces: 2}, client: env.App.DB.Client}
	var err error
	if w.std, err = w.client.Tariff.Query().Where(tariff.IsDefault(true)).Only(ctx); err != nil {
		t.Fatal(err)
	}
	if w.business, err = env.App.Pricing.Create(ctx, ent.CreateTariffInput{Name: "Business"}); err != nil {
		t.Fatal(err)
	}
	if w.wholesale, err = env.App.Pricing.Create(ctx, ent.CreateTariffInput{Name: "Wholesale"}); err != nil {
		t.Fatal(err)
	}
	customer := func(ref string, tariffID *int) *ent.Customer {
		cu, err := env.App.Customers.Create(ctx, ent.CreateCustomerInput{Reference: ref, Name: ref + " Ltd", TariffID: tariffID}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return cu
	}
	w.onBusiness, w.onWholesale, w.noTariff = customer("BIZ", &w.business.ID), customer("WHS", &w.wholesale.ID), customer("NONE", nil)
	w.rental, err = w.svc.CreateProduct(ctx, billing.ProductInput{
		Name: "Line rental", Reference: "LR1", Category: "Lines", AccountingCode: "4010",
		Recurrence: product.RecurrenceMonthly, CostPrice: dec("4.10"),
		Prices: []billing.PriceInput{{TariffID: w.std.ID, Price: dec("12.50")}, {TariffID: w.business.ID, Price: dec("9.99")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	w.setup, err = w.svc.CreateProduct(ctx, billing.ProductInput{
		Name: "Set-up fee", Reference: "SET", TaxRate: decp("5"),
		Prices: []billing.PriceInput{{TariffID: w.std.ID, Price: dec("30")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// A customer pays its own tariff's price, else the default tariff's; a
// charge takes that price and the product's name, recurrence and tax rate.
func TestAChargeTakesThePriceOfTheCustomersTariffElseTheDefault(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			ctx := viewer.System(context.Background())
			w := newProductWorld(t, ctx, mode)
			for _, c := range []struct {
				cu   *ent.Customer
				want string
			}{{w.onBusiness, "9.99"}, {w.onWholesale, "12.50"}, {w.noTariff, "12.50"}} {
				got, err := w.svc.ProductPriceFor(ctx, w.rental.ID, c.cu.ID)
				if err != nil || !got.Equal(dec(c.want)) {
					t.Errorf("%s pays %s (err %v); want %s", c.cu.Name, got, err, c.want)
				}
			}
			ch, err := w.svc.AddCharge(ctx, billing.ChargeInput{
				CustomerID: w.onBusiness.ID, ProductID: w.rental.ID, Quantity: dec("3"),
				Start: rules.NewDate(2026, 6, 10), BilledThrough: rules.NewDate(2026, 6, 30),
			})
			if err != nil {
				t.Fatal(err)
			}
			if ch.Description != "Line rental" || ch.Recurrence != charge.RecurrenceMonthly || ch.Kind != charge.KindProduct ||
				!ch.UnitPrice.Equal(dec("9.99")) || !ch.Amount.Equal(dec("29.97")) || ch.TaxRate != nil || ch.Status != charge.StatusPending {
				t.Errorf("charge %+v; want Line rental, monthly, 3 × 9.99 = 29.97, the default tax rate, pending", ch)
			}
			back, err := w.client.Charge.Get(ctx, ch.ID)
			if err != nil {
				t.Fatal(err)
			}
			if billing.DateOfDay(back.StartDate) != rules.NewDate(2026, 6, 10) || billing.DateOfDay(back.BilledThrough) != rules.NewDate(2026, 6, 30) ||
				back.Date != nil || back.EndDate != nil {
				t.Errorf("stored dates start %v billed through %v date %v end %v; want 2026-06-10, 2026-06-30 and no others", back.StartDate, back.BilledThrough, back.Date, back.EndDate)
			}
			fee, err := w.svc.AddCharge(ctx, billing.ChargeInput{CustomerID: w.onWholesale.ID, ProductID: w.setup.ID, Quantity: dec("1"), Date: rules.NewDate(2026, 6, 2)})
			if err != nil {
				t.Fatal(err)
			}
			if fee.TaxRate == nil || !fee.TaxRate.Equal(dec("5")) || !fee.UnitPrice.Equal(dec("30")) || fee.Recurrence != charge.RecurrenceOneOff {
				t.Errorf("set-up fee %+v; want one-off at 30 with the product's 5%% rate", fee)
			}
			// A typed price wins over the product's.
			typed, err := w.svc.AddCharge(ctx, billing.ChargeInput{CustomerID: w.noTariff.ID, ProductID: w.setup.ID, Quantity: dec("2"), UnitPrice: decp("0"), Date: rules.NewDate(2026, 6, 2)})
			if err != nil || !typed.Amount.IsZero() {
				t.Errorf("free set-up: %+v, %v; want a zero amount", typed, err)
			}
		})
	}
}

// Every bad input is refused with the field at fault and a sentence, and
// writes nothing: no charge, no product, and an update leaves the old
// prices in place.
func TestBadProductsAndChargesAreRefusedWholly(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			ctx := viewer.System(context.Background())
			w := newProductWorld(t, ctx, mode)
			one := dec("1")
			jun := rules.NewDate(2026, 6, 1)
			charges := []struct {
				name  string
				in    billing.ChargeInput
				field string
			}{
				{"zero quantity", billing.ChargeInput{ProductID: w.rental.ID, Quantity: dec("0"), Start: jun}, "quantity"},
				{"negative quantity", billing.ChargeInput{ProductID: w.rental.ID, Quantity: dec("-2"), Start: jun}, "quantity"},
				{"negative price", billing.ChargeInput{ProductID: w.rental.ID, Quantity: one, UnitPrice: decp("-1"), Start: jun}, "unitPrice"},
				{"too many places", billing.ChargeInput{ProductID: w.rental.ID, Quantity: one, UnitPrice: decp("1.005"), Start: jun}, "unitPrice"},
				{"end before start", billing.ChargeInput{ProductID: w.rental.ID, Quantity: one, Start: jun, End: rules.NewDate(2026, 5, 31)}, "endDate"},
				{"billed through before start", billing.ChargeInput{ProductID: w.rental.ID, Quantity: one, Start: jun, BilledThrough: rules.NewDate(2026, 5, 31)}, "billedThrough"},
				{"no start", billing.ChargeInput{ProductID: w.rental.ID, Quantity: one}, "startDate"},
				{"recurring on a one-off product", billing.ChargeInput{ProductID: w.setup.ID, Recurrence: charge.RecurrenceMonthly, Quantity: one, Start: jun}, "recurrence"},
				{"yearly on a monthly product", billing.ChargeInput{ProductID: w.rental.ID, Recurrence: charge.RecurrenceYearly, Quantity: one, Start: jun}, "recurrence"},
				{"one-off without a date", billing.ChargeInput{ProductID: w.setup.ID, Quantity: one}, "date"},
				{"one-off with a start", billing.ChargeInput{ProductID: w.setup.ID, Quantity: one, Date: jun, Start: jun}, "startDate"},
				{"adjustment without a price", billing.ChargeInput{Description: "Credit", Quantity: one, Date: jun}, "unitPrice"},
				{"unknown product", billing.ChargeInput{ProductID: w.rental.ID + 1000, Quantity: one, Date: jun}, "productID"},
			}
			for _, c := range charges {
				c.in.CustomerID = w.onBusiness.ID
				_, err := w.svc.AddCharge(ctx, c.in)
				e, ok := apperr.As(err)
				if !ok || e.Code != apperr.Invalid || e.Field != c.field || e.Message == "" {
					t.Errorf("%s: %v; want INVALID on %s with a sentence", c.name, err, c.field)
				}
			}
			if n := w.client.Charge.Query().CountX(ctx); n != 0 {
				t.Errorf("%d charges stored after refusals; want none", n)
			}

			products := []struct {
				name  string
				in    billing.ProductInput
				code  apperr.Code
				field string
			}{
				{"negative price", billing.ProductInput{Name: "X", Reference: "X", Prices: []billing.PriceInput{{w.std.ID, dec("-0.01")}}}, apperr.Invalid, "prices.0.price"},
				{"negative cost", billing.ProductInput{Name: "X", Reference: "X", CostPrice: dec("-1"), Prices: []billing.PriceInput{{w.std.ID, one}}}, apperr.Invalid, "costPrice"},
				{"no default price", billing.ProductInput{Name: "X", Reference: "X", Prices: []billing.PriceInput{{w.business.ID, one}}}, apperr.Invalid, "prices"},
				{"two prices on a tariff", billing.ProductInput{Name: "X", Reference: "X", Prices: []billing.PriceInput{{w.std.ID, one}, {w.std.ID, one}}}, apperr.Invalid, "prices.1.tariffID"},
				{"tax over 100", billing.ProductInput{Name: "X", Reference: "X", TaxRate: decp("120"), Prices: []billing.PriceInput{{w.std.ID, one}}}, apperr.Invalid, "taxRate"},
				{"reference taken", billing.ProductInput{Name: "X", Reference: "LR1", Prices: []billing.PriceInput{{w.std.ID, one}}}, apperr.Conflict, "reference"},
			}
			for _, c := range products {
				_, err := w.svc.CreateProduct(ctx, c.in)
				if e, ok := apperr.As(err); !ok || e.Code != c.code || e.Field != c.field {
					t.Errorf("%s: %v; want %s on %s", c.name, err, c.code, c.field)
				}
			}
			if n := w.client.Product.Query().CountX(ctx); n != 2 {
				t.Errorf("%d products after refusals; want the 2 made", n)
			}
			// An update whose second price is bad keeps the first prices.
			_, err := w.svc.UpdateProduct(ctx, w.rental.ID, billing.ProductInput{Name: "Line rental", Reference: "LR1", Recurrence: product.RecurrenceMonthly,
				Prices: []billing.PriceInput{{w.std.ID, dec("1")}, {w.business.ID, dec("-1")}}})
			if apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("update with a negative price: %v; want INVALID", err)
			}
			if got, _ := w.svc.ProductPriceFor(ctx, w.rental.ID, w.onBusiness.ID); !got.Equal(dec("9.99")) {
				t.Errorf("Business price after a refused update is %s; want 9.99 still", got)
			}
		})
	}
}

// Only a pending charge changes or goes; an invoiced one is history, and a
// product on a charge keeps its recurrence and is not deleted.
func TestInvoicedChargesAndChargedProductsStay(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			ctx := viewer.System(context.Background())
			w := newProductWorld(t, ctx, mode)
			add := func() *ent.Charge {
				ch, err := w.svc.AddCharge(ctx, billing.ChargeInput{CustomerID: w.noTariff.ID, ProductID: w.rental.ID, Quantity: dec("1"), Start: rules.NewDate(2026, 6, 1)})
				if err != nil {
					t.Fatal(err)
				}
				return ch
			}
			pending, invoiced := add(), add()
			w.client.Charge.UpdateOneID(invoiced.ID).SetStatus(charge.StatusInvoiced).ExecX(ctx)

			upd := billing.ChargeInput{ProductID: w.rental.ID, Quantity: dec("2"), Start: rules.NewDate(2026, 7, 1), End: rules.NewDate(2026, 12, 31)}
			got, err := w.svc.UpdateCharge(ctx, pending.ID, upd)
			if err != nil || !got.Amount.Equal(dec("25")) || billing.DateOfDay(got.EndDate) != rules.NewDate(2026, 12, 31) {
				t.Errorf("pending update: %+v, %v; want 2 × 12.50 ending 2026-12-31", got, err)
			}
			if _, err := w.svc.UpdateCharge(ctx, invoiced.ID, upd); apperr.CodeOf(err) != apperr.Conflict {
				t.Errorf("update of an invoiced charge: %v; want CONFLICT", err)
			}
			if err := w.svc.DeleteCharge(ctx, invoiced.ID); apperr.CodeOf(err) != apperr.Conflict {
				t.Errorf("delete of an invoiced charge: %v; want CONFLICT", err)
			}
			if back := w.client.Charge.GetX(ctx, invoiced.ID); !back.Quantity.Equal(dec("1")) {
				t.Errorf("invoiced charge changed to quantity %s", back.Quantity)
			}
			if err := w.svc.DeleteProduct(ctx, w.rental.ID); apperr.CodeOf(err) != apperr.Conflict {
				t.Errorf("delete of a charged product: %v; want CONFLICT", err)
			}
			if _, err := w.svc.UpdateProduct(ctx, w.rental.ID, billing.ProductInput{Name: "Line rental", Reference: "LR1", Recurrence: product.RecurrenceYearly,
				Prices: []billing.PriceInput{{w.std.ID, dec("1")}}}); apperr.CodeOf(err) != apperr.Conflict {
				t.Errorf("changing a charged product's recurrence: %v; want CONFLICT", err)
			}
			if err := w.svc.DeleteCharge(ctx, pending.ID); err != nil {
				t.Errorf("delete of a pending charge: %v", err)
			}
			if err := w.svc.DeleteProduct(ctx, w.setup.ID); err != nil {
				t.Errorf("delete of an unused product: %v", err)
			}
			if w.client.ProductPrice.Query().CountX(ctx) != 2 {
				t.Errorf("prices left: %d; want the rental's 2", w.client.ProductPrice.Query().CountX(ctx))
			}
		})
	}
}

package invoicing_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/invoiceline"
)

// BILLING.md's worked example 7: four lines at 20% are taxed on their net
// of 64.71, 12.94, not 12.95 as per line; a zero-rated line gets a rate of
// its own, lowest first.
func TestTaxSummaryIsPerRate(t *testing.T) {
	b := newBooks(t, testenv.StartMode(t, testenv.Embedded))
	acme := b.customer(t, "ACME")
	inv := b.invoice(t, acme, 8001, "2026-07-01", "77.65")
	for _, a := range []string{"40.89", "3.86", "9.98", "9.98"} {
		b.oneOff(t, inv, acme, "Item", a)
	}
	ch := b.oneOff(t, inv, acme, "Postage", "0.50")
	if _, err := b.c.InvoiceLine.Update().Where(invoiceline.HasChargeWith(charge.ID(ch.ID))).SetTaxRate(decimal.Zero).Save(b.ctx); err != nil {
		t.Fatal(err)
	}
	got, err := b.inv.TaxSummary(b.ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got[0].Rate.IsZero() || got[0].Net.String() != "0.5" || !got[0].Tax.IsZero() ||
		got[1].Rate.String() != "20" || got[1].Net.String() != "64.71" || got[1].Tax.String() != "12.94" {
		t.Errorf("tax summary %+v; want 0%% on 0.50 then 20%% on 64.71 = 12.94", got)
	}
}

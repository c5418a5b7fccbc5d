package rules_test

import (
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/billing/rules"
)

// The worked examples of BILLING.md; the expected figures are the
// document's.

func TestExample1CallChargesAndLineRentalBilledThroughJune(t *testing.T) {
	rental := monthly(t, 7, "12.50", "2026-05-01")
	rental.BilledThrough = date(t, "2026-06-30")
	a := rules.Customer{ID: 1, Reference: "A01", Name: "A Ltd",
		Calls: calls("0.0153", "0.0080", "0.0500"), Charges: []rules.Charge{rental}}
	inv := only(t, bill(t, juneRun(t, a)))
	ls := lines(inv)
	if len(ls) != 2 {
		t.Fatalf("lines %+v, want Call Charges and July's rental", ls)
	}
	if ls[0].Kind != rules.CallChargesLine || ls[0].Description != "Call Charges" || ls[0].Calls != 3 {
		t.Errorf("first line %+v, want Call Charges for 3 calls", ls[0])
	}
	money(t, "quantity of Call Charges", ls[0].Quantity, "3")
	money(t, "Σ call prices", ls[0].CallTotal, "0.0733")
	money(t, "Call Charges", ls[0].Amount, "0.07")
	money(t, "rate of Call Charges", ls[0].TaxRate, "20")
	if ls[1].ChargeID != 7 || ls[1].ServiceFrom != date(t, "2026-07-01") || ls[1].ServiceTo != date(t, "2026-07-31") || ls[1].ProRata {
		t.Errorf("rental line %+v, want all of July in advance", ls[1])
	}
	money(t, "July's rental", ls[1].Amount, "12.50")
	totals(t, inv, "12.57", "2.51", "15.08")
	if inv.DueDate != date(t, "2026-07-31") {
		t.Errorf("due %s, want 30 days after 2026-07-01", inv.DueDate)
	}
}

func TestExample2ProRataFromTheTenthThenJulyInAdvance(t *testing.T) {
	b := rules.Customer{ID: 2, Reference: "B01", Name: "B Ltd",
		Charges: []rules.Charge{monthly(t, 8, "30.00", "2026-06-10")}}
	inv := only(t, bill(t, juneRun(t, b)))
	ls := lines(inv)
	if len(ls) != 2 {
		t.Fatalf("lines %+v, want June pro rata and July; no Call Charges", ls)
	}
	if !ls[0].ProRata || ls[0].ServiceFrom != date(t, "2026-06-10") || ls[0].ServiceTo != date(t, "2026-06-30") {
		t.Errorf("June line %+v, want pro rata 10–30 June", ls[0])
	}
	money(t, "June pro rata", ls[0].Amount, "21.00")
	if ls[1].ProRata || ls[1].ServiceFrom != date(t, "2026-07-01") {
		t.Errorf("July line %+v, want all of July", ls[1])
	}
	money(t, "July in advance", ls[1].Amount, "30.00")
	totals(t, inv, "51.00", "10.20", "61.20")
}

func TestExample3TaxExemptAndTheMinimumCarriesOver(t *testing.T) {
	c := rules.Customer{ID: 3, Reference: "C01", Name: "C Ltd", TaxExempt: true, Calls: calls("4.3349")}
	inv := only(t, bill(t, juneRun(t, c)))
	if !inv.TaxExempt {
		t.Error("the invoice of a tax-exempt customer does not say exempt")
	}
	ls := lines(inv)
	money(t, "Call Charges", ls[0].Amount, "4.33")
	money(t, "rate of an exempt line", ls[0].TaxRate, "0")
	totals(t, inv, "4.33", "0", "4.33")

	run := juneRun(t, c)
	run.MinimumTotal = dec("5.00")
	res := bill(t, run)
	if len(res.Invoices) != 0 {
		t.Fatalf("C got %d invoices below the 5.00 minimum", len(res.Invoices))
	}
	if len(res.CarriedOver) != 1 || res.CarriedOver[0].CustomerID != 3 || len(res.CarriedOver[0].Customers) != 1 || res.CarriedOver[0].Customers[0] != 3 {
		t.Fatalf("carried over %+v, want C alone", res.CarriedOver)
	}
	money(t, "C's total carried over", res.CarriedOver[0].Total, "4.33")
	if res.NextNumber != 1 {
		t.Errorf("a run that issued nothing moved the next number to %d", res.NextNumber)
	}
}

func TestExample4ParentBillingPutsTheChildUnderItsHeading(t *testing.T) {
	p := rules.Customer{ID: 10, Reference: "P01", Name: "P Ltd", Calls: calls("10.0040")}
	q := rules.Customer{ID: 11, Reference: "Q01", Name: "Q Ltd", ParentID: 10, Calls: calls("2.0050")}
	// The child first in the input: the parent's own lines still lead.
	inv := only(t, bill(t, juneRun(t, q, p)))
	if inv.CustomerID != 10 {
		t.Fatalf("invoice to customer %d, want P", inv.CustomerID)
	}
	if len(inv.Sections) != 2 {
		t.Fatalf("sections %+v, want P's own then Q's", inv.Sections)
	}
	own, child := inv.Sections[0], inv.Sections[1]
	if own.CustomerID != 10 || own.Heading != "" {
		t.Errorf("first section %+v, want P's own lines with no heading", own)
	}
	money(t, "P's Call Charges", own.Lines[0].Amount, "10.00")
	if child.CustomerID != 11 || child.Heading != "Q Ltd (Q01)" || child.Lines[0].CustomerID != 11 {
		t.Errorf("second section %+v, want Q's lines under \"Q Ltd (Q01)\"", child)
	}
	money(t, "Q's Call Charges", child.Lines[0].Amount, "2.01")
	totals(t, inv, "12.01", "2.40", "14.41")
}

func TestExample5ALateCDRIsOnTheNextRunOnce(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation(time.DateTime, s, london)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	type call struct {
		rules.CallState
		price string
	}
	cs := []*call{
		{rules.CallState{Start: at("2026-06-05 09:00:00"), Priced: true, Processed: true}, "0.1000"},
		{rules.CallState{Start: at("2026-06-30 23:59:59"), Priced: true}, "0.0200"}, // processed on 3 July
		{rules.CallState{Start: at("2026-07-01 00:00:00"), Priced: true, Processed: true}, "0.3000"},
	}
	june := juneRun(t).Period
	july := rules.Period{Start: june.End, End: date(t, "2026-08-01")}
	// run bills the customer's due calls and puts them on the charge.
	run := func(p rules.Period) rules.Line {
		var g rules.CallGroup
		for _, c := range cs {
			if c.DueBy(p.EndsAt(london)) {
				g.Add(dec(c.price))
				c.OnCharge = true
			}
		}
		r := juneRun(t, rules.Customer{ID: 1, Reference: "A01", Name: "A Ltd", Calls: []rules.CallGroup{g}})
		r.Period, r.IssueDate = p, p.End
		return lines(only(t, bill(t, r)))[0]
	}
	l := run(june)
	if l.Calls != 1 {
		t.Errorf("June's run billed %d calls, want the one processed call started in June", l.Calls)
	}
	money(t, "June's Call Charges", l.Amount, "0.10")
	cs[1].Processed = true // the CDR of 3 July
	l = run(july)
	if l.Calls != 2 {
		t.Errorf("July's run billed %d calls, want the late June call and July's", l.Calls)
	}
	money(t, "July's Call Charges", l.CallTotal, "0.3200")
	for i, c := range cs {
		if c.DueBy(at("2026-09-01 00:00:00")) {
			t.Errorf("call %d is due again after it was billed", i)
		}
	}
}

func TestExample6ProRataUnitPriceTimesQuantity(t *testing.T) {
	rental := monthly(t, 9, "8.00", "2026-06-24")
	rental.Quantity = dec("3")
	ls := lines(only(t, bill(t, juneRun(t, rules.Customer{ID: 6, Reference: "F01", Name: "F Ltd", Charges: []rules.Charge{rental}}))))
	if len(ls) != 2 {
		t.Fatalf("lines %+v, want June pro rata and July", ls)
	}
	money(t, "June's unit price", ls[0].UnitPrice, "1.87")
	money(t, "June's amount", ls[0].Amount, "5.61")
	money(t, "July's unit price", ls[1].UnitPrice, "8.00")
	money(t, "July's amount", ls[1].Amount, "24.00")
}

func TestExample7TaxPerRateNotPerLine(t *testing.T) {
	var charges []rules.Charge
	for i, p := range []string{"40.89", "3.86", "9.98", "9.98"} {
		charges = append(charges, rules.Charge{ID: i + 1, Description: "Handset", Recurrence: rules.OneOff,
			Quantity: dec("1"), UnitPrice: dec(p), Date: date(t, "2026-06-15")})
	}
	inv := only(t, bill(t, juneRun(t, rules.Customer{ID: 7, Reference: "G01", Name: "G Ltd", Charges: charges})))
	totals(t, inv, "64.71", "12.94", "77.65")
	if len(inv.Taxes) != 1 {
		t.Fatalf("tax summary %+v, want one rate", inv.Taxes)
	}
	money(t, "rate", inv.Taxes[0].Rate, "20")
	money(t, "net at 20%", inv.Taxes[0].Net, "64.71")
	money(t, "tax at 20%", inv.Taxes[0].Tax, "12.94")
}

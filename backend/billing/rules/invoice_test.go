package rules_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/settings"
)

func customer(id int, ref string, prices ...string) rules.Customer {
	return rules.Customer{ID: id, Reference: ref, Name: ref + " Ltd", Calls: calls(prices...)}
}

func TestInvoicesAreNumberedInReferenceByteOrder(t *testing.T) {
	r := juneRun(t, customer(1, "b01", "1"), customer(2, "B02", "1"), customer(3, "A9", "1"), customer(4, "A10", "1"), customer(5, "a01", "1"),
		customer(6, "Z99")) // no calls, nothing due: no invoice, no number
	r.Numbering = rules.Numbering{Next: 1001, HighestUsed: 1000}
	res := bill(t, r)
	var got []string
	for i, inv := range res.Invoices {
		if inv.Number != int64(1001+i) {
			t.Errorf("invoice %d of %s has number %d, want %d", i, inv.Reference, inv.Number, 1001+i)
		}
		got = append(got, inv.Reference)
	}
	if strings.Join(got, " ") != "A10 A9 B02 a01 b01" {
		t.Errorf("numbered in the order %v, want byte order A10 A9 B02 a01 b01", got)
	}
	if res.NextNumber != 1006 {
		t.Errorf("next number %d, want 1006", res.NextNumber)
	}
	if len(res.CarriedOver) != 0 {
		t.Errorf("a customer with nothing to bill is carried over: %+v", res.CarriedOver)
	}
}

func TestACustomStartIsAboveEveryNumberUsed(t *testing.T) {
	r := juneRun(t, customer(1, "A01", "1"), customer(2, "B01", "1"))
	r.Numbering = rules.Numbering{Next: 105, Custom: 200, HighestUsed: 104}
	res := bill(t, r)
	if res.Invoices[0].Number != 200 || res.Invoices[1].Number != 201 || res.NextNumber != 202 {
		t.Errorf("numbers %d, %d then %d, want 200, 201 then 202", res.Invoices[0].Number, res.Invoices[1].Number, res.NextNumber)
	}
	for _, used := range []int64{104, 57} {
		r.Numbering.Custom = used
		_, err := rules.Bill(deployment(), r)
		var e *rules.Error
		if !errorsAs(err, &e) || e.Field != "startNumber" || !strings.Contains(e.Message, "already used") {
			t.Errorf("custom start %d at or below 104: %v, want a startNumber error", used, err)
		}
	}
	r.Numbering.Custom = 105
	if _, err := rules.Bill(deployment(), r); err != nil {
		t.Errorf("custom start just above the highest used: %v", err)
	}
	// A custom start that numbers nothing leaves the sequence where it was.
	r.Numbering.Custom = 200
	r.MinimumTotal = dec("100")
	if res := bill(t, r); len(res.Invoices) != 0 || res.NextNumber != 105 {
		t.Errorf("%d invoices and next number %d, want none and 105", len(res.Invoices), res.NextNumber)
	}
}

func TestDeploymentOfSettings(t *testing.T) {
	d, err := rules.DeploymentOf(settings.Settings{InvoiceDecimals: 3, Rounding: "half-even"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Money != (rules.Money{Places: 3, Rounding: rules.HalfEven}) || d.PaymentTerms != 30 || !d.DefaultTaxRate.Equal(dec("20")) {
		t.Errorf("deployment %+v, want 3 places half-even, 20%% and 30 days", d)
	}
	// The company's stored settings are the source once they are read,
	// 0% and 0 days included.
	d, err = rules.DeploymentOf(settings.Settings{InvoiceDecimals: 2, Rounding: "half-up",
		Company: &settings.Company{DefaultTaxRate: dec("0"), PaymentTermsDays: 0}})
	if err != nil || !d.DefaultTaxRate.IsZero() || d.PaymentTerms != 0 {
		t.Errorf("deployment %+v (%v), want the company's 0%% and 0 days", d, err)
	}
	if _, err := rules.DeploymentOf(settings.Settings{InvoiceDecimals: 2, Rounding: "nearest"}); err == nil {
		t.Error("an unknown rounding mode was accepted")
	}
}

func TestBadInputIsRefusedWithTheFieldAndASentence(t *testing.T) {
	good := func() rules.Run {
		return juneRun(t, rules.Customer{ID: 1, Reference: "A01", Name: "Acme Ltd", Charges: []rules.Charge{monthly(t, 5, "12.50", "2026-05-01")}})
	}
	charge := func(f func(*rules.Charge)) func(*rules.Run) {
		return func(r *rules.Run) { f(&r.Customers[0].Charges[0]) }
	}
	for _, c := range []struct {
		name  string
		edit  func(*rules.Run)
		field string
		says  string
	}{
		{"issue date before the period's end", func(r *rules.Run) { r.IssueDate = date(t, "2026-06-30") }, "issueDate", "before the end of the period, whose last day is 2026-06-30; issue on 2026-07-01"},
		{"no issue date", func(r *rules.Run) { r.IssueDate = rules.Date{} }, "issueDate", "issue date"},
		{"negative price", charge(func(c *rules.Charge) { c.UnitPrice = dec("-1.00") }), "unitPrice", "cannot be negative"},
		{"price finer than a penny", charge(func(c *rules.Charge) { c.UnitPrice = dec("1.005") }), "unitPrice", "2 decimal places"},
		{"quantity of zero", charge(func(c *rules.Charge) { c.Quantity = dec("0") }), "quantity", "more than zero"},
		{"negative quantity", charge(func(c *rules.Charge) { c.Quantity = dec("-2") }), "quantity", "more than zero"},
		{"tax rate above 100", charge(func(c *rules.Charge) { c.TaxRate = decp("120") }), "taxRate", "from 0 to 100"},
		{"end before start", charge(func(c *rules.Charge) { c.End = date(t, "2026-04-30") }), "endDate", "before it starts"},
		{"recurring with no start", charge(func(c *rules.Charge) { c.Start = rules.Date{} }), "startDate", "starts"},
		{"one-off with no date", charge(func(c *rules.Charge) { c.Recurrence = rules.OneOff }), "date", "date it was made"},
		{"unknown recurrence", charge(func(c *rules.Charge) { c.Recurrence = "weekly" }), "recurrence", "one-off, monthly, quarterly or yearly"},
		{"decades to catch up", charge(func(c *rules.Charge) { c.Start = date(t, "1996-01-01") }), "billedThrough", "billed through"},
		{"quarterly billed through inside a quarter", charge(func(c *rules.Charge) {
			c.Recurrence, c.BilledThrough = rules.EveryQuarter, date(t, "2026-06-15")
		}), "billedThrough", "such as 2026-07-31"},
		{"period not of the schedule", func(r *rules.Run) { r.Period = period(t, "2026-06-05", "2026-07-05") }, "period", "not a period"},
		{"empty period", func(r *rules.Run) { r.Period = period(t, "2026-06-05", "2026-06-05") }, "period", "end after it starts"},
		{"negative minimum", func(r *rules.Run) { r.MinimumTotal = dec("-5") }, "minimumAmount", "cannot be negative"},
		{"next number already used", func(r *rules.Run) { r.Numbering = rules.Numbering{Next: 10, HighestUsed: 10} }, "startNumber", "highest used"},
		{"parent not in the run", func(r *rules.Run) { r.Customers[0].ParentID = 99 }, "parent", "not in this run"},
		{"parent billing in a loop", func(r *rules.Run) {
			r.Customers[0].ParentID = 2
			r.Customers = append(r.Customers, rules.Customer{ID: 2, Reference: "B01", Name: "B Ltd", ParentID: 1})
		}, "parent", "loop"},
		{"customer twice", func(r *rules.Run) { r.Customers = append(r.Customers, r.Customers[0]) }, "customers", "twice"},
		{"no reference", func(r *rules.Run) { r.Customers[0].Reference = "" }, "reference", "no reference"},
		{"negative terms", func(r *rules.Run) { n := -1; r.Customers[0].PaymentTerms = &n }, "paymentTerms", "cannot be negative"},
		{"negative call total", func(r *rules.Run) { r.Customers[0].Calls = calls("-0.5") }, "calls", "never negative"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := good()
			if _, err := rules.Bill(deployment(), r); err != nil {
				t.Fatalf("the good run fails: %v", err)
			}
			c.edit(&r)
			_, err := rules.Bill(deployment(), r)
			var e *rules.Error
			if !errorsAs(err, &e) {
				t.Fatalf("error %v, want a *rules.Error on %s", err, c.field)
			}
			if e.Field != c.field || !strings.Contains(e.Message, c.says) {
				t.Errorf("error on %q: %q, want one on %q saying %q", e.Field, e.Message, c.field, c.says)
			}
			if strings.Contains(c.field, "Price") || c.field == "quantity" {
				if !strings.Contains(e.Message, "Acme Ltd (A01)") || !strings.Contains(e.Message, "Line rental") {
					t.Errorf("%q does not name the customer and the charge", e.Message)
				}
			}
		})
	}
}

func TestPaymentTermsAndTaxStatusAreThoseOfTheInvoicedCustomer(t *testing.T) {
	fourteen, zero, sixty := 14, 0, 60
	p := customer(1, "P01", "1.00")
	p.PaymentTerms = &fourteen
	q := customer(2, "Q01", "1.00")
	q.ParentID, q.TaxExempt, q.PaymentTerms = 1, true, &sixty
	inv := only(t, bill(t, juneRun(t, p, q)))
	if inv.DueDate != date(t, "2026-07-15") {
		t.Errorf("due %s, want the parent's 14 days: 2026-07-15", inv.DueDate)
	}
	if inv.TaxExempt {
		t.Error("a child's exemption made its parent's invoice exempt")
	}
	totals(t, inv, "2.00", "0.40", "2.40")

	p.PaymentTerms, p.TaxExempt = &zero, true
	q.TaxExempt = false
	inv = only(t, bill(t, juneRun(t, p, q)))
	if inv.DueDate != inv.IssueDate {
		t.Errorf("due %s with terms of 0 days, want the issue date", inv.DueDate)
	}
	for _, l := range lines(inv) {
		money(t, "rate on an exempt parent's invoice", l.TaxRate, "0")
	}
	totals(t, inv, "2.00", "0", "2.00")
	if len(inv.Taxes) != 1 || !inv.Taxes[0].Rate.IsZero() {
		t.Errorf("tax summary %+v, want one line at 0%%", inv.Taxes)
	}
}

func TestTaxIsRoundedOncePerRate(t *testing.T) {
	oneOff := func(id int, price string, rate *string) rules.Charge {
		c := rules.Charge{ID: id, Description: "Item", Recurrence: rules.OneOff, Quantity: dec("1"), UnitPrice: dec(price), Date: date(t, "2026-06-02")}
		if rate != nil {
			c.TaxRate = decp(*rate)
		}
		return c
	}
	five, none, twenty := "5", "0", "20.00"     // 20.00% is the default 20%
	c := customer(1, "A01", "0.0250", "0.0299") // Call Charges 0.05 at the default 20%
	c.Charges = []rules.Charge{oneOff(1, "0.10", &five), oneOff(2, "0.10", &five), oneOff(3, "3.33", &none), oneOff(4, "1.03", &twenty)}
	inv := only(t, bill(t, juneRun(t, c)))
	if len(inv.Taxes) != 3 {
		t.Fatalf("tax summary %+v, want rates 0, 5 and 20", inv.Taxes)
	}
	for i, w := range []struct{ rate, net, tax string }{
		{"0", "3.33", "0"},
		{"5", "0.20", "0.01"},  // per line 0.005 + 0.005 would round to 0.02
		{"20", "1.08", "0.22"}, // 0.216
	} {
		money(t, "rate", inv.Taxes[i].Rate, w.rate)
		money(t, "net at "+w.rate+"%", inv.Taxes[i].Net, w.net)
		money(t, "tax at "+w.rate+"%", inv.Taxes[i].Tax, w.tax)
	}
	totals(t, inv, "4.61", "0.23", "4.84")
}

func TestCallChargesPerSite(t *testing.T) {
	c := rules.Customer{ID: 1, Reference: "A01", Name: "A Ltd", Calls: []rules.CallGroup{
		{SiteID: 2, SiteName: "Leeds", Calls: 2, Total: dec("1.0050")},
		{SiteID: 0, Calls: 1, Total: dec("0.0049")},
		{SiteID: 4, SiteName: "York"}, // a site without calls
		{SiteID: 3, SiteName: "Bristol", Calls: 5, Total: dec("2.9951")},
		{SiteID: 2, SiteName: "Leeds", Calls: 1, Total: dec("0.0010")}, // more of Leeds
	}}
	ls := lines(only(t, bill(t, juneRun(t, c))))
	for i, w := range []struct {
		desc   string
		site   int
		calls  int64
		amount string
	}{
		{"Call Charges", 0, 1, "0.00"},
		{"Call Charges — Bristol", 3, 5, "3.00"},
		{"Call Charges — Leeds", 2, 3, "1.01"},
	} {
		if i >= len(ls) {
			t.Fatalf("%d lines, want 3: %+v", len(ls), ls)
		}
		if ls[i].Description != w.desc || ls[i].SiteID != w.site || ls[i].Calls != w.calls {
			t.Errorf("line %d is %q (site %d, %d calls), want %q (site %d, %d calls)", i, ls[i].Description, ls[i].SiteID, ls[i].Calls, w.desc, w.site, w.calls)
		}
		money(t, w.desc, ls[i].Amount, w.amount)
		money(t, "tax rate of "+w.desc, ls[i].TaxRate, "20")
	}
	if len(ls) != 3 {
		t.Errorf("%d lines, want 3 (none for York, which has no calls)", len(ls))
	}
}

func TestTheMinimumIsOnTheWholeInvoice(t *testing.T) {
	p := customer(1, "P01", "3.00")
	q := customer(2, "Q01", "1.1667") // 1.17; P's invoice: 4.17 + 0.83 = 5.00
	q.ParentID = 1
	r := juneRun(t, p, q)
	r.MinimumTotal = dec("5.00")
	inv := only(t, bill(t, r))
	totals(t, inv, "4.17", "0.83", "5.00") // a total equal to the minimum is invoiced
	r.MinimumTotal = dec("5.01")
	res := bill(t, r)
	if len(res.Invoices) != 0 || len(res.CarriedOver) != 1 {
		t.Fatalf("%d invoices and %+v carried over, want P's family carried over", len(res.Invoices), res.CarriedOver)
	}
	if co := res.CarriedOver[0]; co.CustomerID != 1 || len(co.Customers) != 2 || co.Customers[0] != 1 || co.Customers[1] != 2 {
		t.Errorf("carried over %+v, want P with P and Q", co)
	}
}

func TestRoundingModes(t *testing.T) {
	for _, c := range []struct {
		mode                string
		callCharges, proRat string // round(0.0250); 10.00 × 1 / 8 = 1.25 → at one place
		tax                 string
	}{
		{"half-up", "0.03", "1.3", "0.2"},
		{"half-even", "0.02", "1.2", "0.2"},
		{"up", "0.03", "1.3", "0.3"},
		{"down", "0.02", "1.2", "0.2"},
	} {
		t.Run(c.mode, func(t *testing.T) {
			mode, err := rules.ParseRounding(c.mode)
			if err != nil {
				t.Fatal(err)
			}
			m := rules.Money{Places: 2, Rounding: mode}
			money(t, "round(0.0250)", m.Round(dec("0.0250")), c.callCharges)
			one := rules.Money{Places: 1, Rounding: mode}
			money(t, "10 × 1 / 8", one.RoundQuotient(dec("10"), dec("8")), c.proRat)

			// The same mode through a whole run: a 20% tax on 1.1 is 0.22 → 0.2 or 0.3.
			d := deployment()
			d.Money = one
			r := juneRun(t, rules.Customer{ID: 1, Reference: "A01", Name: "A", Charges: []rules.Charge{
				{ID: 1, Description: "Item", Recurrence: rules.OneOff, Quantity: dec("1"), UnitPrice: dec("1.1"), Date: date(t, "2026-06-01")}}})
			res, err := rules.Bill(d, r)
			if err != nil {
				t.Fatal(err)
			}
			money(t, "tax", only(t, res).Tax, c.tax)
		})
	}
	if _, err := rules.ParseRounding("bankers"); err == nil {
		t.Error("an unknown rounding mode was accepted")
	}
}

func TestRoundQuotientIsExact(t *testing.T) {
	for _, c := range []struct {
		num, den         string
		halfUp, halfEven string
		up, down         string
	}{
		{"1", "3", "0.33", "0.33", "0.34", "0.33"},
		{"2", "3", "0.67", "0.67", "0.67", "0.66"},
		{"1", "8", "0.13", "0.12", "0.13", "0.12"},
		{"3", "8", "0.38", "0.38", "0.38", "0.37"},
		{"5", "8", "0.63", "0.62", "0.63", "0.62"},
		{"2", "1", "2", "2", "2", "2"},
		// 0.004999… repeating just below a half: a quotient cut at a few places would call it a half.
		{"0.1499999", "30", "0.00", "0.00", "0.01", "0.00"},
		{"0.15", "30", "0.01", "0.00", "0.01", "0.00"},
		{"0.45", "30", "0.02", "0.02", "0.02", "0.01"},
		{"210", "31", "6.77", "6.77", "6.78", "6.77"},
	} {
		for i, w := range []string{c.halfUp, c.halfEven, c.up, c.down} {
			m := rules.Money{Places: 2, Rounding: rules.Rounding(i)}
			money(t, c.num+" / "+c.den+" "+m.Rounding.String(), m.RoundQuotient(dec(c.num), dec(c.den)), w)
		}
	}
}

// A preview is the run itself: the same input gives the same invoices, and
// billing leaves its input as it was.
func TestBillIsDeterministicAndLeavesItsInputAlone(t *testing.T) {
	mk := func() rules.Run {
		rental := monthly(t, 7, "12.50", "2026-05-01")
		rental.BilledThrough = date(t, "2026-06-30")
		q := customer(11, "Q01", "2.0050")
		q.ParentID = 10
		site := rules.Customer{ID: 12, Reference: "S01", Name: "S Ltd", Calls: []rules.CallGroup{
			{SiteID: 3, SiteName: "York", Calls: 1, Total: dec("0.5")}, {SiteID: 3, SiteName: "York", Calls: 1, Total: dec("0.5")}}}
		return juneRun(t, site, q, customer(10, "P01", "10.0040"),
			rules.Customer{ID: 1, Reference: "A01", Name: "A Ltd", Calls: calls("0.0153"), Charges: []rules.Charge{rental, monthly(t, 8, "30.00", "2026-06-10")}})
	}
	first := bill(t, mk())
	for i := 0; i < 20; i++ {
		r := mk()
		if got := bill(t, r); !reflect.DeepEqual(got, first) {
			t.Fatalf("run %d differs:\n%+v\n%+v", i, got, first)
		}
		if !reflect.DeepEqual(r, mk()) {
			t.Fatal("Bill changed its input")
		}
	}
}

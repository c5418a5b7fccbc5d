package rules_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/billing/rules"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal { d := dec(s); return &d }

func date(t testing.TB, s string) rules.Date {
	t.Helper()
	d, err := rules.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// money checks an amount's exact value (0.07, not 0.0733 that would
// print as 0.07).
func money(t testing.TB, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(dec(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// deployment is BILLING.md's worked examples' deployment: 2 invoice
// decimals, half-up, 20% VAT, payment terms 30 days.
func deployment() rules.Deployment {
	return rules.Deployment{
		Money:          rules.Money{Places: 2, Rounding: rules.HalfUp},
		DefaultTaxRate: dec("20"), PaymentTerms: 30,
	}
}

var monthlyOn1 = rules.Schedule{Frequency: rules.Monthly, Day: 1}

// juneRun is the run of the worked examples: June 2026 on a monthly
// schedule anchored on 1, issued 2026-07-01, numbered from 1.
func juneRun(t testing.TB, customers ...rules.Customer) rules.Run {
	t.Helper()
	return rules.Run{
		Schedule:  monthlyOn1,
		Period:    rules.Period{Start: date(t, "2026-06-01"), End: date(t, "2026-07-01")},
		IssueDate: date(t, "2026-07-01"),
		Numbering: rules.Numbering{Next: 1},
		Customers: customers,
	}
}

func bill(t testing.TB, r rules.Run) rules.Result {
	t.Helper()
	res, err := rules.Bill(deployment(), r)
	if err != nil {
		t.Fatalf("Bill: %v", err)
	}
	return res
}

func calls(prices ...string) []rules.CallGroup {
	var g rules.CallGroup
	for _, p := range prices {
		g.Add(dec(p))
	}
	return []rules.CallGroup{g}
}

func monthly(t testing.TB, id int, price, start string) rules.Charge {
	t.Helper()
	return rules.Charge{
		ID: id, Description: "Line rental", Recurrence: rules.EveryMonth,
		Quantity: dec("1"), UnitPrice: dec(price), Start: date(t, start),
	}
}

// only returns the one invoice of a result.
func only(t testing.TB, res rules.Result) rules.Invoice {
	t.Helper()
	if len(res.Invoices) != 1 {
		t.Fatalf("%d invoices, want 1: %+v", len(res.Invoices), res.Invoices)
	}
	return res.Invoices[0]
}

// lines are an invoice's lines in order, over its sections.
func lines(inv rules.Invoice) []rules.Line {
	var ls []rules.Line
	for _, s := range inv.Sections {
		ls = append(ls, s.Lines...)
	}
	return ls
}

func totals(t testing.TB, inv rules.Invoice, net, tax, total string) {
	t.Helper()
	money(t, "net", inv.Net, net)
	money(t, "tax", inv.Tax, tax)
	money(t, "total", inv.Total, total)
}

func errorsAs(err error, target **rules.Error) bool { return errors.As(err, target) }

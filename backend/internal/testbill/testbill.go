// Package testbill writes issued invoices straight into the database for
// the tests of the packages that come after a billing run (documents,
// delivery): a customer, a run, an invoice with a Call Charges line and a
// product line, the charges and the calls behind them, with figures
// worked out here by hand from the billing rules.
package testbill

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/delivery"
	"github.com/tollgate/tollgate/ent/invoiceline"
	"github.com/tollgate/tollgate/ent/provider"
)

// Spec says what to issue.
type Spec struct {
	Number    int64
	Reference string // "Q01"
	Name      string // "Quarry Ltd"
	Email     string // the customer's delivery address; a QUEUED delivery goes to it when set
	Format    customer.CallStatementFormat
	// Calls is how many calls the Call Charges line bills, each at
	// 0.0153 (153 units of 4 places); 0 leaves the line off.
	Calls int
}

// Issued is what Issue wrote, with the figures the documents must show.
type Issued struct {
	Invoice  *ent.Invoice
	Run      *ent.BillingRun
	Customer *ent.Customer
	Delivery *ent.Delivery // nil without Spec.Email
	// CallTotal is Σ of the call prices; CallAmount the line's rounded amount.
	CallTotal, CallAmount decimal.Decimal
	Net, Tax, Total       decimal.Decimal
}

// CallPrice is the price of each call Issue writes.
var CallPrice = decimal.RequireFromString("0.0153")

// RentalAmount is the product line: 2 × 9.50.
var RentalAmount = decimal.RequireFromString("19.00")

var seq int

// Issue writes one invoice as a billing run would have issued it, in a
// run of its own unless run is given.
func Issue(t testing.TB, ctx context.Context, db *ent.Client, run *ent.BillingRun, s Spec) Issued {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	seq++
	if s.Format == "" {
		s.Format = customer.CallStatementFormatCsv
	}
	issue := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	due := issue.AddDate(0, 0, 30)
	from, to := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), issue
	if run == nil {
		var err error
		run, err = db.BillingRun.Create().SetStatus(billingrun.StatusCompleted).SetIssueDate(issue).SetPeriodName("2026-06").Save(ctx)
		must(err)
	}
	cu, err := db.Customer.Create().SetReference(s.Reference).SetName(s.Name).SetCallStatementFormat(s.Format).
		SetPostalAddress("1 Quarry Lane\nLeeds LS1 4AB").SetInvoiceDelivery(customer.InvoiceDeliveryEmail).
		SetDeliveryEmail(s.Email).Save(ctx)
	must(err)

	out := Issued{Run: run, Customer: cu, CallTotal: decimal.Zero, CallAmount: decimal.Zero}
	var callCharge *ent.Charge
	if s.Calls > 0 {
		out.CallTotal = CallPrice.Mul(decimal.NewFromInt(int64(s.Calls)))
		out.CallAmount = out.CallTotal.Round(2)
		callCharge, err = db.Charge.Create().SetKind(charge.KindCalls).SetDescription("Call Charges").SetCustomer(cu).
			SetStatus(charge.StatusInvoiced).SetAmount(out.CallAmount).SetCalls(int64(s.Calls)).SetCallTotal(out.CallTotal).Save(ctx)
		must(err)
		p, err := db.Provider.Create().SetName(fmt.Sprintf("Carrier %d", seq)).SetCdrFormat(provider.CdrFormatAsterisk).Save(ctx)
		must(err)
		up, err := db.CdrUpload.Create().SetProvider(p).SetFileName("june.csv").SetSha256(fmt.Sprint(seq)).SetBlobKey(fmt.Sprint(seq)).
			SetStatus(cdrupload.StatusProcessed).Save(ctx)
		must(err)
		start := time.Date(2026, 6, 2, 9, 0, 0, 0, time.UTC)
		const batch = 500
		for i := 0; i < s.Calls; i += batch {
			var bulk []*ent.CallCreate
			for j := i; j < min(i+batch, s.Calls); j++ {
				bulk = append(bulk, db.Call.Create().SetUploadID(up.ID).SetCustomerID(cu.ID).SetChargeID(callCharge.ID).
					SetLine(j+1).SetStatus(call.StatusPriced).SetSource("441134960000").SetDestination(fmt.Sprintf("4479%08d", j)).
					SetStart(start.Add(time.Duration(j)*time.Minute)).SetDuration(61).SetBillableSeconds(61).
					SetBand(call.BandPeak).SetRateDestination("UK Mobile").SetPriceUnits(153).SetPriceDecimals(4).
					SetDupKey(int64(seq)<<32|int64(j)))
			}
			must(db.Call.CreateBulk(bulk...).Exec(ctx))
		}
	}
	rental, err := db.Charge.Create().SetKind(charge.KindProduct).SetDescription("Line rental").SetCustomer(cu).
		SetStatus(charge.StatusInvoiced).SetQuantity(decimal.NewFromInt(2)).SetUnitPrice(decimal.RequireFromString("9.50")).
		SetAmount(RentalAmount).Save(ctx)
	must(err)

	out.Net = out.CallAmount.Add(RentalAmount)
	out.Tax = out.Net.Mul(decimal.NewFromInt(20)).Div(decimal.NewFromInt(100)).Round(2)
	out.Total = out.Net.Add(out.Tax)
	inv, err := db.Invoice.Create().SetNumber(s.Number).SetIssueDate(issue).SetDueDate(due).SetCustomer(cu).SetBillingRun(run).
		SetCustomerReference(s.Reference).SetCustomerName(s.Name).SetCustomerAddress(cu.PostalAddress).SetCurrency("GBP").
		SetPeriodStart(from).SetPeriodEnd(to).SetNetTotal(out.Net).SetTaxTotal(out.Tax).SetTotal(out.Total).Save(ctx)
	must(err)
	twenty := decimal.NewFromInt(20)
	pos := 0
	if callCharge != nil {
		must(db.InvoiceLine.Create().SetInvoice(inv).SetCharge(callCharge).SetPosition(pos).SetKind(invoiceline.KindCalls).
			SetCategory("Calls").SetCustomerID(cu.ID).SetCalls(int64(s.Calls)).SetCallTotal(out.CallTotal).
			SetDescription("Call Charges").SetQuantity(decimal.NewFromInt(int64(s.Calls))).SetAmount(out.CallAmount).
			SetTaxRate(twenty).Exec(ctx))
		must(callCharge.Update().SetInvoice(inv).Exec(ctx))
		pos++
	}
	must(db.InvoiceLine.Create().SetInvoice(inv).SetCharge(rental).SetPosition(pos).SetKind(invoiceline.KindCharge).
		SetCategory("Line rental").SetCustomerID(cu.ID).SetDescription("Line rental").SetQuantity(decimal.NewFromInt(2)).
		SetUnitPrice(decimal.RequireFromString("9.50")).SetAmount(RentalAmount).SetTaxRate(twenty).Exec(ctx))
	must(rental.Update().SetInvoice(inv).Exec(ctx))
	must(run.Update().AddInvoiceCount(1).Exec(ctx))
	if s.Email != "" {
		out.Delivery, err = db.Delivery.Create().SetInvoice(inv).SetRecipient(s.Email).SetStatus(delivery.StatusQueued).Save(ctx)
		must(err)
	}
	out.Invoice = inv
	return out
}

// PDFText reads a PDF back as text with poppler's pdftotext, its layout
// kept so a table row comes out as one line.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian's poppler-utils, which .ci/run installs) could not read the PDF: %v", err)
	}
	return string(out)
}

package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/billingschedule"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/product"
)

// The phases `tollgate bench --phase` can run.
const (
	phaseAll      = "all"      // analysis, then billing
	phaseAnalysis = "analysis" // upload, analysis, processing and the raw LOAD DATA baseline
	phaseBilling  = "billing"  // the calls are loaded as set-up (no raw baseline), then billing
)

// billingBench is what the billing phase measured.
type billingBench struct {
	customers, invoices int
	setup, run, docs    benchPhase
}

// benchBilling bills the processed calls of the bench's month: every
// customer on one monthly schedule with a recurring product, one billing
// run (started as the wizard starts it, then executed as the worker does),
// then every invoice's PDF and CSV statement rendered into the blob store.
// It checks its own result and says what does not add up.
func benchBilling(ctx context.Context, a *app.App, up *ent.CdrUpload, month time.Time, timed func(string, int64, int64, func() error) error, last func() benchPhase, cpuProfile string) (billingBench, error) {
	c := a.DB.Client
	var (
		out   billingBench
		sched *ent.BillingSchedule
	)
	start := rules.DateOf(time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.UTC))
	err := timed("billing setup", 0, 0, func() error {
		var err error
		if sched, err = a.Billing.CreateSchedule(ctx, billing.ScheduleInput{Name: "Bench monthly", Frequency: billingschedule.FrequencyMonthly, AnchorDay: 1}); err != nil {
			return fmt.Errorf("create the schedule: %w", err)
		}
		if err := c.Customer.Update().SetScheduleID(sched.ID).SetCallStatementFormat(customer.CallStatementFormatCsv).Exec(ctx); err != nil {
			return fmt.Errorf("put the customers on the schedule: %w", err)
		}
		def, err := a.Pricing.DefaultTariff(ctx)
		if err != nil {
			return err
		}
		p, err := a.Billing.CreateProduct(ctx, billing.ProductInput{Name: "Hosted PBX seat", Reference: "BENCH-SEAT", Category: "Services",
			Recurrence: product.RecurrenceMonthly, CostPrice: decimal.RequireFromString("4.00"),
			Prices: []billing.PriceInput{{TariffID: def.ID, Price: decimal.RequireFromString("12.50")}}})
		if err != nil {
			return fmt.Errorf("create the product: %w", err)
		}
		ids, err := c.Customer.Query().Order(ent.Asc(customer.FieldID)).IDs(ctx)
		if err != nil {
			return err
		}
		out.customers = len(ids)
		if len(ids) == 0 {
			return errors.New("the workload made no customers to bill")
		}
		// The first charge through the service, the rest copied from it in
		// bulk: the same values, without a transaction per customer.
		first, err := a.Billing.AddCharge(ctx, billing.ChargeInput{CustomerID: ids[0], ProductID: p.ID, Quantity: decimal.NewFromInt(2), Start: start})
		if err != nil {
			return fmt.Errorf("charge the product: %w", err)
		}
		for lo := 1; lo < len(ids); lo += 500 {
			bulk := make([]*ent.ChargeCreate, 0, 500)
			for _, id := range ids[lo:min(lo+500, len(ids))] {
				bulk = append(bulk, c.Charge.Create().SetCustomerID(id).SetProductID(p.ID).SetKind(first.Kind).
					SetDescription(first.Description).SetRecurrence(first.Recurrence).SetQuantity(first.Quantity).
					SetUnitPrice(first.UnitPrice).SetAmount(first.Amount).SetNillableTaxRate(first.TaxRate).
					SetNillableStartDate(first.StartDate).SetCallTotal(decimal.Zero))
			}
			if err := c.Charge.CreateBulk(bulk...).Exec(ctx); err != nil {
				return fmt.Errorf("charge the product: %w", err)
			}
		}
		return nil
	})
	out.setup = last()
	if err != nil {
		return out, err
	}

	if cpuProfile != "" {
		pf, err := os.Create(cpuProfile)
		if err != nil {
			return out, fmt.Errorf("create the CPU profile: %w", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return out, err
		}
		defer pprof.StopCPUProfile()
	}
	svc := *a.Invoicing
	svc.Queue = nil // the bench executes the run itself
	var run *ent.BillingRun
	err = timed("billing run", up.Priced, 0, func() error {
		var err error
		if run, err = svc.Start(ctx, invoicing.RunInput{ScheduleID: sched.ID, Period: month.Format("2006-01")}); err != nil {
			return fmt.Errorf("start the billing run: %w", err)
		}
		return svc.Execute(ctx, run.ID)
	})
	out.run = last()
	if err != nil {
		return out, err
	}
	docs := *a.Documents
	docs.Released = nil // no emails: the run sends none
	err = timed("documents", 0, 0, func() error { return docs.RenderRun(ctx, run.ID) })
	out.docs = last()
	if err != nil {
		return out, fmt.Errorf("render the documents: %w", err)
	}
	out.invoices, err = c.Invoice.Query().Where(invoice.HasBillingRunWith(billingrun.ID(run.ID))).Count(ctx)
	return out, err
}

// checkBilling compares the run's invoices with the calls it billed and
// the files it stored; every line it prints ends in ok or DIFFERS.
func checkBilling(ctx context.Context, w io.Writer, a *app.App, up *ent.CdrUpload, b billingBench) error {
	c := a.DB.Client
	var errs []error
	check := func(ok bool, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if ok {
			fmt.Fprintf(w, "check: %s: ok\n", msg)
			return
		}
		fmt.Fprintf(w, "check: %s: DIFFERS\n", msg)
		errs = append(errs, errors.New(msg))
	}
	check(b.invoices == b.customers, "%s invoices for %s customers, each with a recurring product", thousands(int64(b.invoices)), thousands(int64(b.customers)))

	// Summed here, exactly: SQLite would sum the decimals as floats.
	chs, err := c.Charge.Query().Where(charge.KindEQ(charge.KindCalls), charge.HasInvoiceWith(invoice.HasBillingRun())).
		Select(charge.FieldCalls, charge.FieldCallTotal).All(ctx)
	if err != nil {
		return err
	}
	billed := struct {
		Calls int64
		Total decimal.Decimal
	}{Total: decimal.Zero}
	for _, ch := range chs {
		billed.Calls += ch.Calls
		billed.Total = billed.Total.Add(ch.CallTotal)
	}
	check(billed.Calls == up.Priced, "the invoices' Call Charges hold %s calls; %s were priced", thousands(billed.Calls), thousands(up.Priced))
	check(billed.Total.Equal(up.TotalPrice), "the invoices' Call Charges come to %s; the priced calls to %s", billed.Total, up.TotalPrice)
	linked, err := c.Call.Query().Where(call.UploadID(up.ID), call.StatusEQ(call.StatusPriced), call.ChargeIDNotNil()).Count(ctx)
	if err != nil {
		return err
	}
	check(int64(linked) == up.Priced, "%s priced calls are linked to a Call Charges charge, of %s", thousands(int64(linked)), thousands(up.Priced))

	// Every invoice has its PDF, and every invoice with Call Charges its
	// CSV statement (a customer without calls has none), recorded and in
	// the blob store.
	withCalls := map[int]bool{}
	ids, err := c.Invoice.Query().Where(invoice.HasChargesWith(charge.KindEQ(charge.KindCalls))).IDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		withCalls[id] = true
	}
	var (
		missing    []string
		bad        int
		statements int
	)
	after := 0
	for {
		page, err := c.Invoice.Query().Where(invoice.IDGT(after)).Order(ent.Asc(invoice.FieldID)).Limit(1000).
			Select(invoice.FieldNumber, invoice.FieldPdfBlobKey, invoice.FieldStatementBlobKey, invoice.FieldStatementFormat, invoice.FieldDocumentsAt).All(ctx)
		if err != nil {
			return err
		}
		for _, inv := range page {
			keys := []string{inv.PdfBlobKey}
			ok := inv.DocumentsAt != nil && inv.PdfBlobKey != ""
			if withCalls[inv.ID] {
				ok = ok && inv.StatementBlobKey != "" && inv.StatementFormat == invoice.StatementFormatCsv
				keys = append(keys, inv.StatementBlobKey)
				statements++
			}
			for _, k := range keys {
				if ok {
					ok, err = a.Blobs.Exists(ctx, k)
					if err != nil {
						return err
					}
				}
			}
			if !ok {
				if bad++; bad <= 5 {
					missing = append(missing, fmt.Sprint(inv.Number))
				}
			}
		}
		if len(page) < 1000 {
			break
		}
		after = page[len(page)-1].ID
	}
	what := fmt.Sprintf("every invoice has its PDF and CSV statement in the blob store (%s PDFs, %s statements; an invoice without calls has no statement)",
		thousands(int64(b.invoices)), thousands(int64(statements)))
	if bad > 0 {
		what = fmt.Sprintf("%s invoices lack their PDF or CSV statement in the blob store (invoices %s)", thousands(int64(bad)), strings.Join(missing, ", "))
	}
	check(bad == 0, "%s", what)
	return errors.Join(errs...)
}

// printBilling prints the billing phase's figures.
func printBilling(w io.Writer, b billingBench, pool string, workers int) {
	const row = "%-28s %8s %12s %10s %12s %10s\n"
	fmt.Fprintf(w, row, "billing phase", "seconds", "invoices/s", "heap peak", "HeapSys peak", "Sys peak")
	for _, p := range []benchPhase{b.setup, b.run, b.docs} {
		rate := "-"
		if p.name != "billing setup" && p.seconds > 0 {
			rate = fmt.Sprintf("%.0f", float64(b.invoices)/p.seconds)
		}
		fmt.Fprintf(w, row, p.name, fmt.Sprintf("%.2f", p.seconds), rate, mebibytes(p.mem.heapAlloc), mebibytes(p.mem.heapSys), mebibytes(p.mem.sys))
	}
	total := b.run.seconds + b.docs.seconds
	rate := "-"
	if total > 0 {
		rate = fmt.Sprintf("%.0f", float64(b.invoices)/total)
	}
	fmt.Fprintf(w, row, "run+documents", fmt.Sprintf("%.2f", total), rate, "", "", "")
	fmt.Fprintf(w, "billing: %s invoices for %s customers, each with its PDF and CSV statement, rendered by %d workers; %s\n",
		thousands(int64(b.invoices)), thousands(int64(b.customers)), workers, pool)
}

// bufferPool names the database's cache the billing run works in.
func bufferPool(ctx context.Context, db *sql.DB, mysql bool) string {
	if !mysql {
		return "database: embedded SQLite"
	}
	var size int64
	var version string
	if err := db.QueryRowContext(ctx, "SELECT @@innodb_buffer_pool_size, VERSION()").Scan(&size, &version); err != nil {
		return "buffer pool size unknown: " + err.Error()
	}
	note := ""
	if size == 128<<20 {
		note = ", the server's default"
	}
	return fmt.Sprintf("%s, InnoDB buffer pool %s (innodb_buffer_pool_size%s)", version, mebibytes(uint64(size)), note)
}

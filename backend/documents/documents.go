// Package documents renders an issued invoice's files — the invoice PDF and
// the call statement (CSV or itemised PDF) — with backend/render, stores
// them in the blob store and records them on the invoice. It is the body of
// the "billing:documents" task a billing run queues once its money is
// committed; it is safe to run again after a crash at any point.
package documents

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"
	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/render"
	"github.com/tollgate/tollgate/backend/settings"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/invoiceline"
)

// Released is told when invoices' documents are stored, so that their
// queued deliveries can be sent; backend/delivery implements it. A batch
// is told at once.
type Released interface {
	DocumentsStored(ctx context.Context, invoiceIDs []int) error
}

// Service renders and stores invoice documents.
type Service struct {
	Client  *ent.Client
	Blobs   *blob.Bucket
	Company *company.Service
	// Location is the deployment's zone: statements list calls in it.
	Location *time.Location
	// FoldBelow is the price under which the itemised PDF statement sums
	// calls into one line; zero lists every call.
	FoldBelow decimal.Decimal
	// Workers is how many invoices are rendered at once (at least 1).
	Workers int
	// Released, when set, hears of each invoice whose documents were stored.
	Released Released
	Log      *slog.Logger
}

// The blob keys of an invoice's documents depend on the invoice alone, so
// rendering again after a crash overwrites the same files instead of
// leaving orphans behind.
func pdfKey(inv *ent.Invoice) string {
	return fmt.Sprintf("invoices/%d/invoice-%d.pdf", inv.ID, inv.Number)
}

func statementKey(inv *ent.Invoice, f invoice.StatementFormat) string {
	return fmt.Sprintf("invoices/%d/statement-%d.%s", inv.ID, inv.Number, strings.ToLower(string(f)))
}

// DefaultFoldBelow is the price under which an itemised statement sums
// calls into one line: a penny (in the currency's major unit).
var DefaultFoldBelow = decimal.RequireFromString("0.01")

// DefaultWorkers is how many batches of invoices are rendered at once. An
// invoice costs about a millisecond of CPU to lay out; the rest of its time
// waits on reading its calls and writing its files, so a few more workers
// than cores keep two cores busy (tollgate bench's billing phase measures
// it).
const DefaultWorkers = 6

// callPage is how many calls are read per query; a statement holds at most
// one page in memory whatever the number of calls.
const callPage = 5000

// batchSize is how many invoices one worker reads, renders and records
// together: their rows and lines in a handful of queries, their documents
// recorded in one transaction, instead of a few round trips and a commit
// for each invoice. A batch holds its invoices' lines, never their calls.
const batchSize = 50

// RenderRun renders every invoice of the run that has no documents yet and
// reports the first failure after trying them all.
func (s *Service) RenderRun(ctx context.Context, runID int) error {
	ids, err := s.Client.Invoice.Query().
		Where(invoice.HasBillingRunWith(billingrun.ID(runID)), invoice.DocumentsAtIsNil()).
		Order(invoice.ByNumber()).IDs(ctx)
	if err != nil {
		return fmt.Errorf("list the invoices of billing run %d: %w", runID, err)
	}
	if len(ids) == 0 {
		return nil
	}
	c, err := s.common(ctx)
	if err != nil {
		return err
	}
	batches := (len(ids) + batchSize - 1) / batchSize
	workers := max(1, min(s.Workers, batches))
	next := make(chan []int)
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for part := range next {
				if _, err := s.renderBatch(ctx, c, part); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for lo := 0; lo < len(ids); lo += batchSize {
		if ctx.Err() != nil {
			break
		}
		next <- ids[lo:min(lo+batchSize, len(ids))]
	}
	close(next)
	wg.Wait()
	return errors.Join(first, ctx.Err())
}

// RenderInvoice renders one invoice's documents unless they are stored
// already, and reports whether it stored them.
func (s *Service) RenderInvoice(ctx context.Context, invoiceID int) (bool, error) {
	c, err := s.common(ctx)
	if err != nil {
		return false, err
	}
	stored, err := s.renderBatch(ctx, c, []int{invoiceID})
	return len(stored) == 1, err
}

// shared is what every invoice of a run is rendered with.
type shared struct {
	seller   render.Seller
	symbol   string
	money    rules.Money
	callDecs int32
}

func (s *Service) common(ctx context.Context) (*shared, error) {
	st, err := s.Company.Settings(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the company settings: %w", err)
	}
	d, err := rules.DeploymentOf(st)
	if err != nil {
		return nil, err
	}
	c := st.Company
	out := &shared{
		seller:   render.Seller{Party: render.Party{Name: c.Name, Address: c.AddressLines()}, VATNumber: c.VATNumber},
		symbol:   st.CurrencySymbol,
		money:    d.Money,
		callDecs: int32(st.CallPriceDecimals),
	}
	if out.symbol == "" {
		out.symbol, _ = settings.CurrencySymbol(st.Currency)
	}
	if c.LogoKey != "" {
		if out.seller.Logo, err = s.Blobs.ReadAll(ctx, c.LogoKey); err != nil {
			return nil, fmt.Errorf("read the company logo: %w", err)
		}
	}
	return out, nil
}

// rendered is an invoice whose files are in the blob store, to be recorded.
type rendered struct {
	inv    *ent.Invoice
	pdf    string
	stmt   string
	format invoice.StatementFormat
}

// renderBatch renders the invoices among ids that have no documents yet,
// then records all of them in one transaction and releases their emails.
// An invoice that fails is left without documents (its files, if any, are
// overwritten by the next try) and does not stop the others; the first
// failure is returned with the ids stored.
func (s *Service) renderBatch(ctx context.Context, c *shared, ids []int) ([]int, error) {
	started := time.Now()
	invs, err := s.Client.Invoice.Query().Where(invoice.IDIn(ids...), invoice.DocumentsAtIsNil()).
		WithCustomer(func(q *ent.CustomerQuery) { q.Select(customer.FieldCallStatementFormat) }).
		WithBillingRun(func(q *ent.BillingRunQuery) { q.Select(billingrun.FieldID) }).
		WithLines(func(q *ent.InvoiceLineQuery) { q.Order(invoiceline.ByPosition()).WithCharge() }).
		Order(invoice.ByNumber()).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read invoices %v: %w", ids, err)
	}
	var (
		done  []rendered
		first error
	)
	for _, inv := range invs {
		r, err := s.renderFiles(ctx, c, inv)
		if err != nil {
			first = cmp.Or(first, err)
			continue
		}
		done = append(done, r)
	}
	if len(done) == 0 {
		return nil, first
	}
	stored, err := txn.Get(ctx, s.Client, func(ctx context.Context, tx *ent.Client) ([]int, error) {
		var stored []int
		perRun := map[int]int{}
		now := time.Now()
		for _, r := range done {
			n, err := tx.Invoice.Update().Where(invoice.ID(r.inv.ID), invoice.DocumentsAtIsNil()).
				SetPdfBlobKey(r.pdf).SetStatementBlobKey(r.stmt).SetStatementFormat(r.format).SetDocumentsAt(now).
				Save(ctx)
			if err != nil {
				return nil, err
			}
			if n == 0 {
				continue // another worker recorded it first
			}
			stored = append(stored, r.inv.ID)
			if run := r.inv.Edges.BillingRun; run != nil {
				perRun[run.ID]++
			}
		}
		for run, n := range perRun {
			if err := tx.BillingRun.UpdateOneID(run).AddDocumentsDone(n).Exec(ctx); err != nil {
				return nil, err
			}
		}
		return stored, nil
	})
	if err != nil {
		return nil, errors.Join(first, fmt.Errorf("record the documents of invoices %d to %d: %w", done[0].inv.Number, done[len(done)-1].inv.Number, err))
	}
	if s.Log != nil {
		s.Log.Debug("invoice documents", "invoices", len(invs), "stored", len(stored), "took", time.Since(started))
	}
	if s.Released != nil && len(stored) > 0 {
		if err := s.Released.DocumentsStored(ctx, stored); err != nil {
			first = cmp.Or(first, fmt.Errorf("release the emails of %d invoices: %w", len(stored), err))
		}
	}
	return stored, first
}

// renderFiles renders an invoice's PDF and statement into the blob store.
func (s *Service) renderFiles(ctx context.Context, c *shared, inv *ent.Invoice) (rendered, error) {
	lines := inv.Edges.Lines
	doc, err := invoiceDocument(c, inv, lines)
	if err != nil {
		return rendered{}, fmt.Errorf("invoice %d: %w", inv.Number, err)
	}
	var pdf bytes.Buffer
	if err := render.InvoicePDF(&pdf, doc); err != nil {
		return rendered{}, fmt.Errorf("render invoice %d: %w", inv.Number, err)
	}
	pk := pdfKey(inv)
	if err := s.Blobs.WriteAll(ctx, pk, pdf.Bytes(), &blob.WriterOptions{ContentType: "application/pdf"}); err != nil {
		return rendered{}, fmt.Errorf("store the PDF of invoice %d: %w", inv.Number, err)
	}

	format := invoice.StatementFormatNone
	if inv.Edges.Customer != nil {
		format = invoice.StatementFormat(inv.Edges.Customer.CallStatementFormat)
	}
	var charges []*ent.Charge
	for _, l := range lines {
		if l.Kind == invoiceline.KindCalls && l.Edges.Charge != nil {
			charges = append(charges, l.Edges.Charge)
		}
	}
	if len(charges) == 0 {
		format = invoice.StatementFormatNone
	}
	sk := ""
	if format != invoice.StatementFormatNone {
		sk = statementKey(inv, format)
		if err := s.storeStatement(ctx, c, inv, doc, charges, format, sk); err != nil {
			return rendered{}, err
		}
	}
	return rendered{inv: inv, pdf: pk, stmt: sk, format: format}, nil
}

// invoiceDocument lays the stored invoice out as render wants it: lines
// in their order, grouped by heading (the invoiced customer's own first,
// then each child's) and within it by category.
func invoiceDocument(c *shared, inv *ent.Invoice, lines []*ent.InvoiceLine) (render.Invoice, error) {
	doc := render.Invoice{
		Seller: c.seller,
		Customer: render.Party{Name: inv.CustomerName, Reference: inv.CustomerReference,
			Address: nonEmptyLines(inv.CustomerAddress)},
		Number: inv.Number, IssueDate: inv.IssueDate,
		Currency: render.Currency{Symbol: c.symbol, Decimals: c.money.Places},
		Exempt:   inv.TaxExempt,
		Net:      inv.NetTotal, Tax: inv.TaxTotal, Total: inv.Total,
	}
	if inv.DueDate != nil {
		doc.DueDate = *inv.DueDate
		doc.PaymentTermsDays = int(rules.DateOf(inv.IssueDate).DaysUntil(rules.DateOf(*inv.DueDate)))
	}
	section := map[string]int{}
	category := map[[2]string]int{}
	net := map[string]decimal.Decimal{}
	var rates []decimal.Decimal
	for _, l := range lines {
		si, ok := section[l.Heading]
		if !ok {
			si = len(doc.Sections)
			section[l.Heading] = si
			doc.Sections = append(doc.Sections, render.InvoiceSection{Heading: l.Heading})
		}
		s := &doc.Sections[si]
		ck := [2]string{l.Heading, l.Category}
		ci, ok := category[ck]
		if !ok {
			ci = len(s.Categories)
			category[ck] = ci
			s.Categories = append(s.Categories, render.InvoiceCategory{Name: l.Category})
		}
		rl := render.InvoiceLine{Description: l.Description, Quantity: l.Quantity, TaxRate: l.TaxRate, Amount: l.Amount}
		if l.Kind != invoiceline.KindCalls {
			rl.UnitPrice = decimal.NewNullDecimal(l.UnitPrice)
		}
		s.Categories[ci].Lines = append(s.Categories[ci].Lines, rl)
		k := l.TaxRate.String()
		if _, ok := net[k]; !ok {
			rates = append(rates, l.TaxRate)
		}
		net[k] = net[k].Add(l.Amount)
	}
	// The tax per rate as the billing rules work it out: on the net at
	// that rate, rounded once. render checks that it adds up to the
	// invoice's stored tax.
	sortRates(rates)
	for _, r := range rates {
		n := net[r.String()]
		doc.Taxes = append(doc.Taxes, render.TaxSummary{Rate: r, Net: n, Tax: c.money.Round(n.Mul(r).Div(decimal.NewFromInt(100)))})
	}
	return doc, nil
}

func sortRates(r []decimal.Decimal) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j].LessThan(r[j-1]); j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// storeStatement writes the statement of the invoice's Call Charges into
// the blob store as it is rendered: the calls are read a page at a time and
// the file streams into the bucket, so neither is ever held whole.
func (s *Service) storeStatement(ctx context.Context, c *shared, inv *ent.Invoice, doc render.Invoice,
	charges []*ent.Charge, format invoice.StatementFormat, key string) error {
	total := decimal.Zero
	var calls int64
	ids := make([]int, len(charges))
	for i, ch := range charges {
		total = total.Add(ch.CallTotal)
		calls += ch.Calls
		ids[i] = ch.ID
	}
	st := render.Statement{
		Seller: c.seller, Customer: doc.Customer, Charge: "Call Charges",
		InvoiceNumber: inv.Number, Location: s.Location,
		Currency: render.Currency{Symbol: c.symbol, Decimals: c.callDecs},
		Total:    total,
		Calls:    s.calls(ctx, ids),
	}
	if inv.PeriodStart != nil && inv.PeriodEnd != nil {
		st.PeriodStart, st.PeriodEnd = *inv.PeriodStart, *inv.PeriodEnd
	}
	contentType := "text/csv; charset=utf-8"
	if format == invoice.StatementFormatPdf {
		contentType = "application/pdf"
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := s.Blobs.NewWriter(wctx, key, &blob.WriterOptions{ContentType: contentType})
	if err != nil {
		return fmt.Errorf("store the statement of invoice %d: %w", inv.Number, err)
	}
	if format == invoice.StatementFormatPdf {
		err = render.StatementPDF(w, st, s.FoldBelow)
	} else {
		err = render.StatementCSV(w, st)
	}
	if err != nil {
		cancel() // a cancelled writer leaves no file behind
		_ = w.Close()
		return fmt.Errorf("render the call statement of invoice %d: %w", inv.Number, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("store the statement of invoice %d: %w", inv.Number, err)
	}
	return nil
}

// calls yields the calls of the charges, each charge's in the order they
// were loaded, a page at a time.
func (s *Service) calls(ctx context.Context, chargeIDs []int) iter.Seq2[render.Call, error] {
	return func(yield func(render.Call, error) bool) {
		for _, chID := range chargeIDs {
			after := 0
			for {
				page, err := s.Client.Call.Query().
					Where(call.ChargeID(chID), call.IDGT(after)).
					Order(call.ByID()).Limit(callPage).
					Select(call.FieldStart, call.FieldSource, call.FieldDestination, call.FieldRateDestination,
						call.FieldBand, call.FieldDuration, call.FieldBillableSeconds, call.FieldPriceUnits, call.FieldPriceDecimals).
					All(ctx)
				if err != nil {
					yield(render.Call{}, err)
					return
				}
				for _, c := range page {
					rc := render.Call{
						Start: c.Start, CLI: c.Source, Dialled: c.Destination, Destination: c.RateDestination,
						Band: c.Band.Name(), DurationSeconds: c.Duration, BillableSeconds: c.BillableSeconds,
						Price: decimal.New(c.PriceUnits, -int32(c.PriceDecimals)),
					}
					if !yield(rc, nil) {
						return
					}
				}
				if len(page) < callPage {
					break
				}
				after = page[len(page)-1].ID
			}
		}
	}
}

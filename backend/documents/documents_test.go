package documents_test

import (
	"context"
	"encoding/csv"
	"io"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/internal/testbill"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
)

func ptr[T any](v T) *T { return &v }

func sysCtx() context.Context { return viewer.System(context.Background()) }

func setUp(t *testing.T, mode testenv.Mode) (*testenv.Env, context.Context) {
	t.Helper()
	env := testenv.StartMode(t, mode)
	ctx := sysCtx()
	if _, err := env.App.Company.Update(ctx, company.Input{
		CompanyName: ptr("Northern Voice Ltd"), Address: ptr("4 Mill Street\nYork YO1 7AA"), VATNumber: ptr("GB123456789"),
	}); err != nil {
		t.Fatal(err)
	}
	return env, ctx
}

func blobKeys(t *testing.T, ctx context.Context, b *blob.Bucket) []string {
	t.Helper()
	var keys []string
	it := b.List(&blob.ListOptions{Prefix: "invoices/"})
	for {
		o, err := it.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, o.Key)
	}
	sort.Strings(keys)
	return keys
}

type released struct {
	mu  sync.Mutex // the run's workers release side by side
	ids []int
}

func (r *released) DocumentsStored(_ context.Context, ids []int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ids = append(r.ids, ids...)
	return nil
}

// A run's invoices get their PDF and statement, each in its customer's
// format, stored and recorded once; the PDF shows the invoice's number,
// seller, customer, lines and totals, and the CSV lists every call of its
// Call Charges line.
func TestRenderRunStoresEachInvoicesDocumentsOnce(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env, ctx := setUp(t, mode)
			db := env.App.DB.Client
			csvInv := testbill.Issue(t, ctx, db, nil, testbill.Spec{Number: 1042, Reference: "Q01", Name: "Quarry Ltd", Format: customer.CallStatementFormatCsv, Calls: 7})
			pdfInv := testbill.Issue(t, ctx, db, csvInv.Run, testbill.Spec{Number: 1043, Reference: "R02", Name: "Ridge & Co", Format: customer.CallStatementFormatPdf, Calls: 3})
			noneInv := testbill.Issue(t, ctx, db, csvInv.Run, testbill.Spec{Number: 1044, Reference: "S03", Name: "Stone plc", Format: customer.CallStatementFormatNone, Calls: 2})
			rentOnly := testbill.Issue(t, ctx, db, csvInv.Run, testbill.Spec{Number: 1045, Reference: "T04", Name: "Tor Ltd", Format: customer.CallStatementFormatCsv})

			rel := &released{}
			svc := *env.App.Documents
			svc.Released = rel
			if err := svc.RenderRun(ctx, csvInv.Run.ID); err != nil {
				t.Fatal(err)
			}
			run, err := db.BillingRun.Get(ctx, csvInv.Run.ID)
			if err != nil {
				t.Fatal(err)
			}
			if run.DocumentsDone != 4 {
				t.Errorf("documents_done %d; want 4", run.DocumentsDone)
			}
			if len(rel.ids) != 4 {
				t.Errorf("released %v; want the 4 invoices once each", rel.ids)
			}

			get := func(is testbill.Issued) *ent.Invoice {
				inv, err := db.Invoice.Get(ctx, is.Invoice.ID)
				if err != nil {
					t.Fatal(err)
				}
				if inv.DocumentsAt == nil || inv.PdfBlobKey == "" {
					t.Fatalf("invoice %d has no documents recorded", inv.Number)
				}
				return inv
			}
			inv := get(csvInv)
			pdf, err := env.App.Blobs.ReadAll(ctx, inv.PdfBlobKey)
			if err != nil {
				t.Fatal(err)
			}
			text := testbill.PDFText(t, pdf)
			for _, want := range []string{"1042", "Northern Voice Ltd", "GB123456789", "Quarry Ltd", "1 Quarry Lane",
				"Call Charges", "Line rental", "£" + csvInv.CallAmount.StringFixed(2), "£19.00",
				"£" + csvInv.Net.StringFixed(2), "£" + csvInv.Tax.StringFixed(2), "£" + csvInv.Total.StringFixed(2)} {
				if !strings.Contains(text, want) {
					t.Errorf("invoice 1042's PDF does not show %q:\n%s", want, text)
				}
			}
			if inv.StatementFormat != invoice.StatementFormatCsv || inv.StatementBlobKey == "" {
				t.Fatalf("invoice 1042: statement %s %q; want a CSV", inv.StatementFormat, inv.StatementBlobKey)
			}
			raw, err := env.App.Blobs.ReadAll(ctx, inv.StatementBlobKey)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1+7 {
				t.Fatalf("the CSV statement has %d rows; want a header and 7 calls", len(rows))
			}
			sum := decimal.Zero
			for _, r := range rows[1:] {
				sum = sum.Add(decimal.RequireFromString(r[len(r)-1]))
			}
			if !sum.Equal(csvInv.CallTotal) {
				t.Errorf("the statement's prices add up to %s; want the charge's %s", sum, csvInv.CallTotal)
			}

			pinv := get(pdfInv)
			st, err := env.App.Blobs.ReadAll(ctx, pinv.StatementBlobKey)
			if err != nil {
				t.Fatal(err)
			}
			if pinv.StatementFormat != invoice.StatementFormatPdf || !strings.Contains(testbill.PDFText(t, st), "1043") {
				t.Errorf("invoice 1043: statement %s at %q; want an itemised PDF naming the invoice", pinv.StatementFormat, pinv.StatementBlobKey)
			}
			for _, is := range []testbill.Issued{noneInv, rentOnly} {
				if i := get(is); i.StatementBlobKey != "" || i.StatementFormat != invoice.StatementFormatNone {
					t.Errorf("invoice %d: statement %s at %q; want none", i.Number, i.StatementFormat, i.StatementBlobKey)
				}
			}

			// Again: nothing is rendered, counted or released twice.
			before := blobKeys(t, ctx, env.App.Blobs)
			if len(before) != 6 {
				t.Errorf("blob store holds %v; want 4 PDFs and 2 statements", before)
			}
			if err := svc.RenderRun(ctx, csvInv.Run.ID); err != nil {
				t.Fatal(err)
			}
			run, _ = db.BillingRun.Get(ctx, csvInv.Run.ID)
			if run.DocumentsDone != 4 || len(rel.ids) != 4 {
				t.Errorf("after a second run: documents_done %d, released %d; want 4 and 4", run.DocumentsDone, len(rel.ids))
			}
		})
	}
}

// A worker killed after storing the files but before recording them
// leaves the invoice without documents_at; the next run renders it again
// onto the same keys, so no file is left over and it is counted once.
func TestRenderAfterACrashOverwritesTheSameFiles(t *testing.T) {
	env, ctx := setUp(t, testenv.Embedded)
	db := env.App.DB.Client
	is := testbill.Issue(t, ctx, db, nil, testbill.Spec{Number: 7, Reference: "Q01", Name: "Quarry Ltd", Format: customer.CallStatementFormatCsv, Calls: 4})
	if _, err := env.App.Documents.RenderInvoice(ctx, is.Invoice.ID); err != nil {
		t.Fatal(err)
	}
	first := blobKeys(t, ctx, env.App.Blobs)
	// The crash: the files stayed, the record did not.
	if err := db.Invoice.UpdateOneID(is.Invoice.ID).ClearDocumentsAt().SetPdfBlobKey("").SetStatementBlobKey("").Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.BillingRun.UpdateOneID(is.Run.ID).SetDocumentsDone(0).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	stored, err := env.App.Documents.RenderInvoice(ctx, is.Invoice.ID)
	if err != nil || !stored {
		t.Fatalf("render again: stored %v, %v; want stored", stored, err)
	}
	if again := blobKeys(t, ctx, env.App.Blobs); strings.Join(again, " ") != strings.Join(first, " ") || len(first) != 2 {
		t.Errorf("blob keys after the crash and a second render %v; first time %v; want the same two", again, first)
	}
	run, _ := db.BillingRun.Get(ctx, is.Run.ID)
	if run.DocumentsDone != 1 {
		t.Errorf("documents_done %d; want 1", run.DocumentsDone)
	}
}

// A statement whose calls do not add up to its charge is refused, and
// the invoice keeps no documents, so nothing contradictory is sent.
func TestAStatementThatDisagreesWithItsChargeIsNotStored(t *testing.T) {
	env, ctx := setUp(t, testenv.Embedded)
	db := env.App.DB.Client
	is := testbill.Issue(t, ctx, db, nil, testbill.Spec{Number: 8, Reference: "Q01", Name: "Quarry Ltd", Format: customer.CallStatementFormatCsv, Calls: 3})
	lines, _ := is.Invoice.QueryLines().QueryCharge().All(ctx)
	for _, ch := range lines {
		if ch.Calls > 0 {
			if err := ch.Update().SetCallTotal(ch.CallTotal.Add(decimal.RequireFromString("0.0001"))).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	err := env.App.Documents.RenderRun(ctx, is.Run.ID)
	if err == nil || !strings.Contains(err.Error(), "invoice 8") {
		t.Fatalf("render: %v; want a refusal naming invoice 8", err)
	}
	inv, _ := db.Invoice.Get(ctx, is.Invoice.ID)
	if inv.DocumentsAt != nil {
		t.Errorf("invoice 8 has documents recorded after its statement was refused")
	}
	for _, k := range blobKeys(t, ctx, env.App.Blobs) {
		if strings.Contains(k, "statement") {
			t.Errorf("a refused statement left %s in the blob store", k)
		}
	}
}

package app_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testbill"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/customer"
)

// A failed download answers with the status of its apperr code and a
// message a clerk can act on; only something that does not exist is 404.
func TestDownloadErrorsAreClassifiedAsInTheAPI(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	var created customerData
	env.MustDo(t, createCustomer, map[string]any{"input": map[string]any{"reference": "ACME01", "name": "Acme Ltd"}}, &created)
	id := created.CreateCustomer.ID

	for _, tc := range []struct {
		path   string
		status int
		says   string
	}{
		{"/download/uploads/987654/calls.csv", http.StatusNotFound, "upload 987654 does not exist"},
		{"/download/uploads/abc/calls.csv", http.StatusNotFound, `there is no upload "abc"`},
		{"/download/customers/987654/calls.csv", http.StatusNotFound, "customer 987654 does not exist"},
		{"/download/customers/" + id + "/calls.csv?from=yesterday", http.StatusBadRequest, "from must be an RFC 3339 time"},
		{"/download/rate-sheets/987654.csv", http.StatusNotFound, "does not exist"},
		{"/download/rate-sheets/latest.csv", http.StatusNotFound, `there is no rate sheet "latest"`},
	} {
		status, body := env.Get(t, tc.path)
		if status != tc.status || !strings.Contains(string(body), tc.says) {
			t.Errorf("GET %s: %d %q; want %d saying %q", tc.path, status, body, tc.status, tc.says)
		}
	}

	// A customer without calls downloads an empty export, not an error.
	status, body := env.Get(t, "/download/customers/"+id+"/calls.csv?from=2026-06-01T00:00:00Z")
	if status != http.StatusOK || !strings.Contains(string(body), ",") {
		t.Errorf("export of a customer without calls: %d %q; want 200 with a header line", status, body)
	}
}

// An invoice's documents download from the blob store under the names the
// email attaches them with: the PDF shown in the page (or saved with
// ?download=1), the CSV or itemised PDF statement saved. Before the worker
// has stored them, and for an invoice with no statement, the answer says
// why there is nothing yet.
func TestInvoiceDocumentsDownload(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	db := env.App.DB.Client
	csv := testbill.Issue(t, ctx, db, nil, testbill.Spec{Number: 123, Reference: "DL1", Name: "Dale Ltd", Format: customer.CallStatementFormatCsv, Calls: 3})
	pdf := testbill.Issue(t, ctx, db, nil, testbill.Spec{Number: 124, Reference: "DL2", Name: "Dune plc", Format: customer.CallStatementFormatPdf, Calls: 2})
	none := testbill.Issue(t, ctx, db, nil, testbill.Spec{Number: 125, Reference: "DL3", Name: "Dart & Co", Format: customer.CallStatementFormatNone})
	path := func(is testbill.Issued, doc string) string {
		return fmt.Sprintf("/download/invoices/%d/%s", is.Invoice.ID, doc)
	}

	if status, body := env.Get(t, path(csv, "pdf")); status != http.StatusNotFound ||
		!strings.Contains(string(body), "the PDF of invoice 123 is still being made — try again in a moment") {
		t.Errorf("PDF before it is rendered: %d %q", status, body)
	}
	if status, body := env.Get(t, path(csv, "statement")); status != http.StatusNotFound ||
		!strings.Contains(string(body), "the call statement of invoice 123 is still being made") {
		t.Errorf("statement before it is rendered: %d %q", status, body)
	}
	for _, is := range []testbill.Issued{csv, pdf, none} {
		if _, err := env.App.Documents.RenderInvoice(ctx, is.Invoice.ID); err != nil {
			t.Fatal(err)
		}
	}

	get := func(p string) (*http.Response, []byte) { t.Helper(); return env.Fetch(t, p) }
	for _, tc := range []struct {
		path, contentType, disposition, says string
	}{
		{path(csv, "pdf"), "application/pdf", `inline; filename="Invoice 123.pdf"`, "Dale Ltd"},
		{path(csv, "pdf") + "?download=1", "application/pdf", `attachment; filename="Invoice 123.pdf"`, testbill.RentalAmount.StringFixed(2)},
		{path(csv, "statement"), "text/csv; charset=utf-8", `attachment; filename="Call statement 123.csv"`, "447900000002"},
		{path(pdf, "statement"), "application/pdf", `inline; filename="Call statement 124.pdf"`, "447900000001"},
	} {
		res, body := get(tc.path)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != tc.contentType ||
			res.Header.Get("Content-Disposition") != tc.disposition {
			t.Errorf("GET %s: %d %s %q; want 200 %s %q", tc.path, res.StatusCode, res.Header.Get("Content-Type"),
				res.Header.Get("Content-Disposition"), tc.contentType, tc.disposition)
			continue
		}
		text := string(body)
		if tc.contentType == "application/pdf" {
			text = testbill.PDFText(t, body)
		}
		if !strings.Contains(text, tc.says) {
			t.Errorf("GET %s: the document does not show %q:\n%s", tc.path, tc.says, text)
		}
	}
	// The CSV statement has a header and one row per call.
	if _, body := get(path(csv, "statement")); strings.Count(strings.TrimSpace(string(body)), "\n") != 3 {
		t.Errorf("CSV statement of 3 calls:\n%s", body)
	}
	// A browser's PDF viewer reads in ranges.
	req, _ := http.NewRequest(http.MethodGet, env.Server.URL+path(csv, "pdf"), nil)
	req.Header.Set("Range", "bytes=0-4")
	if res, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusPartialContent || string(b) != "%PDF-" {
			t.Errorf("range of the PDF: %d %q; want 206 %%PDF-", res.StatusCode, b)
		}
	}

	for _, tc := range []struct {
		path   string
		status int
		says   string
	}{
		{path(none, "statement"), http.StatusNotFound, "invoice 125 has no call statement: its customer gets none"},
		{"/download/invoices/987654/pdf", http.StatusNotFound, "invoice 987654 does not exist"},
		{"/download/invoices/INV-123/pdf", http.StatusNotFound, `there is no invoice "INV-123"`},
		{path(csv, "receipt"), http.StatusNotFound, `an invoice has no document "receipt"`},
	} {
		if status, body := env.Get(t, tc.path); status != tc.status || !strings.Contains(string(body), tc.says) {
			t.Errorf("GET %s: %d %q; want %d saying %q", tc.path, status, body, tc.status, tc.says)
		}
	}

	// Without a viewer the download is refused before anything is read,
	// as the API's gate refuses (backend/graph/access.go).
	cfg := testenv.Config(t, testenv.Embedded)
	cfg.AuthMode = "none"
	anon := testenv.Start(t, cfg)
	is := testbill.Issue(t, ctx, anon.App.DB.Client, nil, testbill.Spec{Number: 126, Reference: "DL4", Name: "Dell Ltd"})
	if _, err := anon.App.Documents.RenderInvoice(ctx, is.Invoice.ID); err != nil {
		t.Fatal(err)
	}
	if status, body := anon.Get(t, path(is, "pdf")); status != http.StatusUnauthorized || !strings.Contains(string(body), "sign in first") {
		t.Errorf("PDF without a viewer: %d %q; want 401 saying to sign in", status, body)
	}
}

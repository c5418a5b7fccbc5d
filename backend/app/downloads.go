package app

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/delivery"
	"github.com/tollgate/tollgate/backend/graph"
	"github.com/tollgate/tollgate/backend/portal"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/invoice"
)

// downloads mounts the file downloads the API links to. They run with the
// request's viewer, so the privacy policies apply as for GraphQL. Most are
// the reseller's staff data: a portal user or a customer's token is
// refused before anything is read. An invoice's documents are also its
// customer's: a portal viewer reads the invoice as itself, so the privacy
// policy finds only its own customers' invoices, and another's id is not
// found. The portal's calls export is the portal's own.
func (a *App) downloads(root chi.Router) {
	root.With(a.downloadsFor(graph.Anyone)).Get("/download/invoices/{id}/{doc}", a.invoiceDocument)
	root.With(a.downloadsFor(graph.Customers)).Get("/download/portal/calls.csv", a.portalCalls)
	r := root.With(a.downloadsFor(graph.Staff))
	r.Get("/download/uploads/{id}/{kind}.csv", func(w http.ResponseWriter, req *http.Request) {
		id, err := pathID(req, "id", "upload")
		if err != nil {
			a.downloadError(w, req, err)
			return
		}
		u, err := a.DB.Client.CdrUpload.Get(req.Context(), id)
		if err != nil {
			a.downloadError(w, req, apperr.NotFoundAs(err, "upload", id))
			return
		}
		kind := chi.URLParam(req, "kind")
		report, ok := analysis.ParseReport(kind)
		if !ok {
			a.downloadError(w, req, apperr.New(apperr.NotFound, "an upload has no report %q", kind))
			return
		}
		csvHeaders(w, fmt.Sprintf("upload-%d-%s.csv", id, kind))
		if err := a.Analysis.WriteReport(req.Context(), w, u.ID, report, a.Pricing.Zone.Location()); err != nil {
			a.Log.Error("upload report", "upload", id, "kind", kind, "err", err)
		}
	})
	r.Get("/download/customers/{id}/calls.csv", func(w http.ResponseWriter, req *http.Request) {
		id, err := pathID(req, "id", "customer")
		if err != nil {
			a.downloadError(w, req, err)
			return
		}
		if _, err := a.DB.Client.Customer.Get(req.Context(), id); err != nil {
			a.downloadError(w, req, apperr.NotFoundAs(err, "customer", id))
			return
		}
		f := analysis.CallFilter{CustomerID: id, Unbilled: req.URL.Query().Get("unbilled") == "1"}
		if err := timeParams(req, &f); err != nil {
			a.downloadError(w, req, err)
			return
		}
		csvHeaders(w, fmt.Sprintf("customer-%d-calls.csv", id))
		if err := a.Analysis.WriteCallsCSV(req.Context(), w, f, a.Pricing.Zone.Location()); err != nil {
			a.Log.Error("calls export", "customer", id, "err", err)
		}
	})
	r.Get("/download/outbox/{id}/message.eml", func(w http.ResponseWriter, req *http.Request) {
		id, err := pathID(req, "id", "email")
		if err != nil {
			a.downloadError(w, req, err)
			return
		}
		b, err := a.Delivery.RawMessage(req.Context(), id)
		if err != nil {
			a.downloadError(w, req, err)
			return
		}
		w.Header().Set("Content-Type", "message/rfc822")
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": fmt.Sprintf("email-%d.eml", id)}))
		_, _ = w.Write(b)
	})
	r.Get("/download/outbox/{id}/attachments/{n}", func(w http.ResponseWriter, req *http.Request) {
		id, err := pathID(req, "id", "email")
		if err != nil {
			a.downloadError(w, req, err)
			return
		}
		p, err := a.Delivery.ReadMessage(req.Context(), id)
		if err != nil {
			a.downloadError(w, req, err)
			return
		}
		n, err := strconv.Atoi(chi.URLParam(req, "n"))
		if err != nil || n < 1 || n > len(p.Attachments) {
			a.downloadError(w, req, apperr.New(apperr.NotFound, "the email %q has %d attachments, numbered from 1; there is no attachment %q",
				p.Subject, len(p.Attachments), chi.URLParam(req, "n")))
			return
		}
		att := p.Attachments[n-1]
		servePDFOrFile(w, req, att.ContentType, att.Name, bytes.NewReader(att.Data), time.Time{})
	})
	// The calls the calls list shows for the same filter, streamed: the
	// parameters are the list's where-filter (docs/analysis.md, Calls export).
	r.Get("/download/calls.csv", func(w http.ResponseWriter, req *http.Request) {
		f, err := a.callsFilter(req)
		if err != nil {
			a.downloadError(w, req, err)
			return
		}
		csvHeaders(w, "calls.csv")
		if err := a.Analysis.WriteCallsCSV(req.Context(), w, f, a.Pricing.Zone.Location()); err != nil {
			a.Log.Error("calls export", "query", req.URL.RawQuery, "err", err)
		}
	})
	r.Get("/download/settings/logo", func(w http.ResponseWriter, req *http.Request) {
		b, kind, err := a.Company.Logo(req.Context())
		if err != nil {
			a.downloadError(w, req, err)
			return
		}
		w.Header().Set("Content-Type", kind)
		// The URL carries the logo's digest (settings.Company.LogoURL), so a
		// browser may keep what it fetched while the URL is the same.
		w.Header().Set("Cache-Control", "private, max-age=86400")
		_, _ = w.Write(b)
	})
	r.Get("/download/rate-sheets/{file}", func(w http.ResponseWriter, req *http.Request) {
		name := strings.TrimSuffix(chi.URLParam(req, "file"), ".csv")
		id, err := strconv.Atoi(name)
		if err != nil {
			a.downloadError(w, req, apperr.New(apperr.NotFound, "there is no rate sheet %q: rate sheet downloads are named by their id, e.g. 12.csv", name))
			return
		}
		var buf bytes.Buffer
		if err := a.Pricing.Export(req.Context(), id, &buf); err != nil {
			a.downloadError(w, req, err)
			return
		}
		csvHeaders(w, fmt.Sprintf("rate-sheet-%d.csv", id))
		_, _ = w.Write(buf.Bytes())
	})
}

// invoiceDocument streams an invoice's stored PDF ("pdf") or its call
// statement ("statement", CSV or itemised PDF) from the blob store, under
// the name the email attaches it with. The PDF opens in the page (the
// invoice page shows it in a frame) unless ?download=1 asks to save it.
func (a *App) invoiceDocument(w http.ResponseWriter, req *http.Request) {
	id, err := pathID(req, "id", "invoice")
	if err != nil {
		a.downloadError(w, req, err)
		return
	}
	inv, err := a.DB.Client.Invoice.Get(req.Context(), id)
	if err != nil {
		a.downloadError(w, req, apperr.NotFoundAs(err, "invoice", id))
		return
	}
	var f delivery.File
	var ok bool
	var what string
	switch doc := chi.URLParam(req, "doc"); doc {
	case "pdf":
		f, ok = delivery.PDF(inv)
		what = "PDF"
	case "statement":
		if inv.DocumentsAt != nil && inv.StatementFormat == invoice.StatementFormatNone {
			a.downloadError(w, req, apperr.New(apperr.NotFound,
				"invoice %d has no call statement: its customer gets none (choose CSV or PDF statements on the customer for later invoices)", inv.Number))
			return
		}
		f, ok = delivery.Statement(inv)
		what = "call statement"
	default:
		a.downloadError(w, req, apperr.New(apperr.NotFound, "an invoice has no document %q: download its pdf or its statement", doc))
		return
	}
	if !ok {
		switch {
		case inv.Status == invoice.StatusDeleted:
			err = apperr.New(apperr.NotFound, "invoice %d was deleted before its %s was made, so it has none", inv.Number, what)
		case inv.DocumentsAt != nil:
			err = apperr.New(apperr.NotFound, "invoice %d has no %s stored", inv.Number, what)
		default:
			err = apperr.New(apperr.NotFound, "the %s of invoice %d is still being made — try again in a moment", what, inv.Number)
		}
		a.downloadError(w, req, err)
		return
	}
	r, err := a.Blobs.NewReader(req.Context(), f.Key, nil)
	if err != nil {
		a.downloadError(w, req, fmt.Errorf("read the %s of invoice %d from the blob store: %w", what, inv.Number, err))
		return
	}
	defer r.Close()
	servePDFOrFile(w, req, f.ContentType, f.Name, r, r.ModTime())
}

// servePDFOrFile sends a stored file under its name: a PDF shown in the
// browser unless ?download=1 asks to save it, anything else saved.
func servePDFOrFile(w http.ResponseWriter, req *http.Request, contentType, name string, content io.ReadSeeker, modified time.Time) {
	disposition := "attachment"
	if contentType == "application/pdf" && req.URL.Query().Get("download") != "1" {
		disposition = "inline"
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "private, no-cache")
	// ServeContent answers the range requests a browser's PDF viewer makes.
	http.ServeContent(w, req, "", modified, content)
}

// callsFilter reads the calls export's filter from the query: customer and
// upload ids, status, from and to (RFC 3339), source (part of the
// normalised calling number), destPrefix or dest (the start or a part of the
// normalised dialled number), unbilled=1 and processed=1.
func (a *App) callsFilter(req *http.Request) (analysis.CallFilter, error) {
	q := req.URL.Query()
	f := analysis.CallFilter{
		Unbilled:            q.Get("unbilled") == "1",
		Processed:           q.Get("processed") == "1",
		SourceContains:      q.Get("source"),
		DestinationPrefix:   q.Get("destPrefix"),
		DestinationContains: q.Get("dest"),
	}
	ctx := req.Context()
	var err error
	if f.CustomerID, err = queryID(q.Get("customer"), "customer", func(id int) error {
		_, err := a.DB.Client.Customer.Get(ctx, id)
		return err
	}); err != nil {
		return f, err
	}
	if f.UploadID, err = queryID(q.Get("upload"), "upload", func(id int) error {
		_, err := a.DB.Client.CdrUpload.Get(ctx, id)
		return err
	}); err != nil {
		return f, err
	}
	if v := q.Get("status"); v != "" {
		s := call.Status(v)
		if err := call.StatusValidator(s); err != nil {
			return f, apperr.Field(apperr.Invalid, "status", "status %q is none of PRICED, NO_CUSTOMER, NO_RATE, ZERO_DURATION, DUPLICATE", v)
		}
		f.Status = s
	}
	return f, timeParams(req, &f)
}

// queryID reads the id of a what from a query parameter, checking with get
// that it names one the viewer can see; empty is 0.
func queryID(v, what string, get func(int) error) (int, error) {
	if v == "" {
		return 0, nil
	}
	id, err := strconv.Atoi(v)
	if err != nil {
		return 0, apperr.New(apperr.NotFound, "there is no %s %q: %s ids are numbers", what, v, what)
	}
	return id, apperr.NotFoundAs(get(id), what, id)
}

// timeParams reads from and to, RFC 3339 times, into f.
func timeParams(req *http.Request, f *analysis.CallFilter) error {
	for name, dst := range map[string]**time.Time{"from": &f.From, "to": &f.To} {
		if v := req.URL.Query().Get(name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return apperr.Field(apperr.Invalid, name, "%s must be an RFC 3339 time such as 2026-06-01T00:00:00Z", name)
			}
			*dst = &t
		}
	}
	return nil
}

// pathID reads the id of the thing named what from the URL path.
func pathID(req *http.Request, param, what string) (int, error) {
	v := chi.URLParam(req, param)
	id, err := strconv.Atoi(v)
	if err != nil {
		return 0, apperr.New(apperr.NotFound, "there is no %s %q: %s ids are numbers", what, v, what)
	}
	return id, nil
}

// downloadError answers a failed download as the API would: the status of
// the error's code and the same message (an internal error is logged and
// shown as a reference only).
func (a *App) downloadError(w http.ResponseWriter, req *http.Request, err error) {
	c := apperr.Report(req.Context(), a.Log, err, "path", req.URL.Path)
	w.Header().Del("Content-Disposition")
	http.Error(w, c.Message, c.Status())
}

// downloadsFor refuses the downloads to anyone without the access level,
// with the same answer as the API's gate.
func (a *App) downloadsFor(level graph.Access) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			v, ok := viewer.FromContext(req.Context())
			if err := graph.Allowed(v, ok, level); err != nil {
				a.downloadError(w, req, err)
				return
			}
			next.ServeHTTP(w, req)
		})
	}
}

// portalCalls streams a portal viewer's calls as the statement's CSV; the
// parameters are the portal's call filter: customer (one of its own),
// from and to (RFC 3339) and number.
func (a *App) portalCalls(w http.ResponseWriter, req *http.Request) {
	params := req.URL.Query()
	f := portal.CallFilter{Number: params.Get("number")}
	var tf analysis.CallFilter
	if err := timeParams(req, &tf); err != nil {
		a.downloadError(w, req, err)
		return
	}
	f.From, f.To = tf.From, tf.To
	if v := params.Get("customer"); v != "" {
		id, err := strconv.Atoi(v)
		if err != nil {
			a.downloadError(w, req, apperr.Field(apperr.Invalid, "customer", "customer must be the id of one of your customers"))
			return
		}
		f.CustomerID = id
	}
	// Checked before the first byte, so a refusal is a clean error.
	q, err := a.Portal.Calls(req.Context(), f)
	if err != nil {
		a.downloadError(w, req, err)
		return
	}
	csvHeaders(w, "calls.csv")
	if err := a.Portal.WriteCallsCSV(req.Context(), w, q, a.Config.CallPriceDecimals); err != nil {
		a.Log.Error("portal calls export", "query", req.URL.RawQuery, "err", err)
	}
}

func csvHeaders(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
}

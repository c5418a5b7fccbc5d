package app

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/apperr"
)

// downloads mounts the file downloads the API links to. They run with the
// request's viewer, so the privacy policies apply as for GraphQL.
func (a *App) downloads(r chi.Router) {
	r.Get("/download/uploads/{id}/{kind}.csv", func(w http.ResponseWriter, req *http.Request) {
		id, err := strconv.Atoi(chi.URLParam(req, "id"))
		if err != nil {
			http.Error(w, "no such upload", http.StatusNotFound)
			return
		}
		u, err := a.DB.Client.CdrUpload.Get(req.Context(), id)
		if err != nil {
			http.Error(w, "no such upload", http.StatusNotFound)
			return
		}
		kind := chi.URLParam(req, "kind")
		csvHeaders(w, fmt.Sprintf("upload-%d-%s.csv", id, kind))
		switch kind {
		case "unreadable":
			err = a.Analysis.WriteLineErrorsCSV(req.Context(), w, u.ID)
		case "calls", "priced", "no_customer", "no_rate", "zero_duration", "duplicate":
			status := strings.ToUpper(kind)
			if kind == "calls" {
				status = ""
			}
			err = a.Analysis.WriteCallsCSV(req.Context(), w, analysis.CallFilter{UploadID: u.ID, Status: status}, a.Pricing.Zone.Location())
		default:
			http.Error(w, "unknown report "+kind, http.StatusNotFound)
			return
		}
		if err != nil {
			a.Log.Error("upload report", "upload", id, "kind", kind, "err", err)
		}
	})
	r.Get("/download/customers/{id}/calls.csv", func(w http.ResponseWriter, req *http.Request) {
		id, err := strconv.Atoi(chi.URLParam(req, "id"))
		if err != nil {
			http.Error(w, "no such customer", http.StatusNotFound)
			return
		}
		if _, err := a.DB.Client.Customer.Get(req.Context(), id); err != nil {
			http.Error(w, "no such customer", http.StatusNotFound)
			return
		}
		f := analysis.CallFilter{CustomerID: id, Unbilled: req.URL.Query().Get("unbilled") == "1"}
		for name, dst := range map[string]**time.Time{"from": &f.From, "to": &f.To} {
			if v := req.URL.Query().Get(name); v != "" {
				t, err := time.Parse(time.RFC3339, v)
				if err != nil {
					http.Error(w, name+" must be an RFC 3339 time such as 2026-06-01T00:00:00Z", http.StatusBadRequest)
					return
				}
				*dst = &t
			}
		}
		csvHeaders(w, fmt.Sprintf("customer-%d-calls.csv", id))
		if err := a.Analysis.WriteCallsCSV(req.Context(), w, f, a.Pricing.Zone.Location()); err != nil {
			a.Log.Error("calls export", "customer", id, "err", err)
		}
	})
	r.Get("/download/rate-sheets/{file}", func(w http.ResponseWriter, req *http.Request) {
		id, err := strconv.Atoi(strings.TrimSuffix(chi.URLParam(req, "file"), ".csv"))
		if err != nil {
			http.Error(w, "no such rate sheet", http.StatusNotFound)
			return
		}
		var buf bytes.Buffer
		if err := a.Pricing.Export(req.Context(), a.DB.Client, id, &buf); err != nil {
			switch apperr.CodeOf(err) {
			case apperr.NotFound:
				http.Error(w, err.Error(), http.StatusNotFound)
			default:
				a.Log.Error("export rate sheet", "id", id, "err", err)
				http.Error(w, "the rate sheet could not be exported", http.StatusInternalServerError)
			}
			return
		}
		csvHeaders(w, fmt.Sprintf("rate-sheet-%d.csv", id))
		_, _ = w.Write(buf.Bytes())
	})
}

func csvHeaders(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
}

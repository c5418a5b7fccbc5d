package app

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/tollgate/tollgate/backend/apperr"
)

// downloads mounts the file downloads the API links to. They run with the
// request's viewer, so the privacy policies apply as for GraphQL.
func (a *App) downloads(r chi.Router) {
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
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="rate-sheet-%d.csv"`, id))
		_, _ = w.Write(buf.Bytes())
	})
}

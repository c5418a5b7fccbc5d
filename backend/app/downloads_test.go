package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/testenv"
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

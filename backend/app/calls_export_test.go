package app_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
)

// The calls export takes the calls list's filters — any of them, not only
// an upload — and writes exactly the calls they select, with no cell a
// spreadsheet would run as a formula.
func TestCallsExportTakesTheCallsListFilters(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			db := env.App.DB.Client
			var created customerData
			env.MustDo(t, createCustomer, map[string]any{"input": map[string]any{"reference": "EXP01", "name": "Export Ltd"}}, &created)
			cust := mustID(t, created.CreateCustomer.ID)

			p := db.Provider.Create().SetName("Export Telecom").SetCdrFormat(provider.CdrFormatAsterisk).SaveX(ctx)
			june := db.CdrUpload.Create().SetProvider(p).SetFileName("june.csv").SetSha256("j").SetBlobKey("j").
				SetStatus(cdrupload.StatusProcessed).SaveX(ctx)
			july := db.CdrUpload.Create().SetProvider(p).SetFileName("july.csv").SetSha256("k").SetBlobKey("k").
				SetStatus(cdrupload.StatusReady).SaveX(ctx)
			for _, up := range []int{june.ID, july.ID} {
				db.UploadCustomerTotal.Create().SetUploadID(up).SetCustomerID(cust).SetCalls(0).SetPriceUnits(0).SetPriceDecimals(4).ExecX(ctx)
			}
			day := func(d, h int) time.Time { return time.Date(2026, 6, d, h, 0, 0, 0, time.UTC) }
			rows := []struct {
				upload, line int
				customer     bool
				status       call.Status
				source, dest string
				start        time.Time
			}{
				{june.ID, 1, true, call.StatusPriced, "441134960001", "447700900123", day(1, 9)},
				{june.ID, 2, true, call.StatusPriced, "441134960002", "442079460000", day(2, 9)},
				{june.ID, 3, false, call.StatusNoCustomer, "441134960099", "447700900555", day(3, 9)},
				{june.ID, 4, true, call.StatusNoRate, "=HYPERLINK(\"http://x\")", "@SUM(A1)", day(4, 9)},
				{july.ID, 5, true, call.StatusPriced, "441134960001", "12125550100", day(20, 9)}, // lines are unique here, to name the calls
			}
			for i, r := range rows {
				cr := db.Call.Create().SetUploadID(r.upload).SetLine(r.line).SetStatus(r.status).SetSource(r.source).
					SetDestination(r.dest).SetStart(r.start).SetDuration(60).SetPriceUnits(100).SetDupKey(int64(i))
				if r.customer {
					cr.SetCustomerID(cust)
				}
				cr.ExecX(ctx)
			}

			export := func(q url.Values) []string {
				t.Helper()
				status, body := env.Get(t, "/download/calls.csv?"+q.Encode())
				if status != http.StatusOK {
					t.Fatalf("GET calls.csv?%s: %d %s", q.Encode(), status, body)
				}
				recs, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
				if err != nil {
					t.Fatalf("the export is not CSV: %v\n%s", err, body)
				}
				if len(recs) == 0 || recs[0][0] != "line" || recs[0][3] != "source" {
					t.Fatalf("no header line: %q", body)
				}
				var got []string
				for _, rec := range recs[1:] {
					got = append(got, rec[0])
				}
				return got
			}
			for _, tc := range []struct {
				name string
				q    url.Values
				want []string
			}{
				{"no filter: every call, by start", url.Values{}, []string{"1", "2", "3", "4", "5"}},
				{"a date range", url.Values{"from": {"2026-06-02T00:00:00Z"}, "to": {"2026-06-04T00:00:00Z"}}, []string{"2", "3"}},
				{"part of a CLI", url.Values{"source": {"1134960001"}}, []string{"1", "5"}},
				{"the start of a destination", url.Values{"destPrefix": {"447700"}}, []string{"1", "3"}},
				{"part of a destination", url.Values{"dest": {"555"}}, []string{"3", "5"}},
				{"a status", url.Values{"status": {"PRICED"}}, []string{"1", "2", "5"}},
				{"an upload", url.Values{"upload": {itoa(july.ID)}}, []string{"5"}},
				{"a customer's calls of processed uploads", url.Values{"customer": {itoa(cust)}, "processed": {"1"}}, []string{"1", "2", "4"}},
				{"filters combine", url.Values{"customer": {itoa(cust)}, "source": {"0001"}, "status": {"PRICED"}}, []string{"1", "5"}},
				{"a LIKE wildcard is matched as itself", url.Values{"source": {"%"}}, nil},
			} {
				if got := export(tc.q); !slices.Equal(got, tc.want) {
					t.Errorf("%s: exported %v; want %v", tc.name, got, tc.want)
				}
			}

			status, body := env.Get(t, "/download/calls.csv?status=NO_RATE")
			if status != http.StatusOK {
				t.Fatal(status, string(body))
			}
			recs, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
			if err != nil || len(recs) != 2 {
				t.Fatalf("the call without a rate: %v %q", err, body)
			}
			if recs[1][3] != `'=HYPERLINK("http://x")` || recs[1][4] != "'@SUM(A1)" {
				t.Errorf("formula cells written as %q and %q; want them prefixed with ' so they open as text", recs[1][3], recs[1][4])
			}

			for _, tc := range []struct {
				q      string
				status int
				says   string
			}{
				{"status=LOST", http.StatusBadRequest, `status "LOST" is none of`},
				{"customer=987654", http.StatusNotFound, "customer 987654 does not exist"},
				{"upload=abc", http.StatusNotFound, `there is no upload "abc"`},
				{"from=June", http.StatusBadRequest, "from must be an RFC 3339 time"},
			} {
				status, body := env.Get(t, "/download/calls.csv?"+tc.q)
				if status != tc.status || !strings.Contains(string(body), tc.says) {
					t.Errorf("GET calls.csv?%s: %d %q; want %d saying %q", tc.q, status, body, tc.status, tc.says)
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

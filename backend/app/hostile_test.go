package app_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/testenv"
)

// wantInvalid checks a response refused with INVALID, on field when given,
// with a message containing say.
func wantInvalid(t *testing.T, r testenv.Response, field, say string) {
	t.Helper()
	if len(r.Errors) == 0 {
		t.Fatalf("accepted, want INVALID saying %q; data %s", say, r.Data)
	}
	e := r.Errors[0]
	if e.Code() != "INVALID" || (field != "" && e.Field() != field) || !strings.Contains(e.Message, say) {
		t.Fatalf("got %s on %q: %q (%v), want INVALID on %q saying %q", e.Code(), e.Field(), e.Message, e.Extensions, field, say)
	}
}

// Malformed or unstorable Time, Decimal and ID values are refused as
// INVALID naming the field, never committed or answered INTERNAL.
func TestScalarsRefuseWhatTheDatabaseCannotStore(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			var created customerData
			env.MustDo(t, createCustomer, map[string]any{"input": map[string]any{"reference": "SCAL01", "name": "Scalar Ltd"}}, &created)
			id := created.CreateCustomer.ID
			const createCli = `mutation($input: CreateCliInput!) { createCli(input: $input) { id validFrom } }`
			for _, c := range []struct{ from, say string }{
				{"0001-01-01T00:00:00Z", "years 1000 to 9999"},
				{"0999-12-31T23:59:59Z", "years 1000 to 9999"},
				{"10000-01-01T00:00:00Z", "is not a date and time"},
				{"yesterday", "is not a date and time"},
				{"", "is not a date and time"},
			} {
				r := env.Do(t, createCli, map[string]any{"input": map[string]any{"customerID": id, "value": "01134960000", "validFrom": c.from}})
				wantInvalid(t, r, "validFrom", c.say)
			}
			// Nothing was committed, and reads still work.
			var out struct{ Clis struct{ TotalCount int } }
			env.MustDo(t, `{ clis { totalCount edges { node { validFrom } } } }`, nil, &out)
			if out.Clis.TotalCount != 0 {
				t.Fatalf("a refused CLI was stored: %+v", out)
			}
			for _, bad := range []string{"123456789012345678901234", "12abc", "-3", "0"} {
				r := env.Do(t, `query($id: ID!) { customer(id: $id) { id } }`, map[string]any{"id": bad})
				wantInvalid(t, r, "id", "is not an id")
			}
			for _, c := range []struct{ v, say string }{
				{"NaN", "is not a decimal number"},
				{"1,5", "is not a decimal number"},
				{"1e400", "is not a decimal number"},
				{"123456789012345", "too large"},
				{"0.0000001", "decimal places"},
			} {
				r := env.Do(t, `query($d: Decimal!) { billingRuns(where: {minimumAmountGT: $d}) { totalCount } }`, map[string]any{"d": c.v})
				wantInvalid(t, r, "", c.say)
			}
		})
	}
}

// A quote for a call longer than rating prices is refused with the limit,
// not priced silently at the limit.
func TestQuoteRefusesDurationsOverTheLimit(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	r := env.Do(t, quote, map[string]any{"input": map[string]any{"number": "01134960000", "durationSeconds": 2147483647}})
	wantInvalid(t, r, "durationSeconds", "at most 10000000 seconds")
	env.MustDo(t, quote, map[string]any{"input": map[string]any{"number": "01134960000", "durationSeconds": 10000000}}, nil)
}

// A sheet with a description longer than its column is refused with the
// line and a sentence (Ent's raw text before), and its file is not kept.
func TestOverlongRateSheetTextIsRefusedByLine(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			sheet := "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate,Peak Rate Cost,Offpeak Rate Cost,Weekend Rate Cost,Description,Duration Block\n" +
				"+44113,0,0,1,1,1,,,,Leeds,1\n" +
				"+44114,0,0,1,1,1,,,," + strings.Repeat("é", 200) + ",1\n"
			r := env.Upload(t, uploadSheet, map[string]any{"input": map[string]any{"tariffID": defaultTariff(t, env), "file": nil}},
				"variables.input.file", "rates.csv", []byte(sheet))
			wantInvalid(t, r, "", "")
			problems, _ := json.Marshal(r.Errors[0].Extensions["problems"])
			if !strings.Contains(string(problems), `"line":3`) || !strings.Contains(string(problems), "255 characters") {
				t.Fatalf("problems %s", problems)
			}
			files, _ := filepath.Glob(filepath.Join(env.Config.DataDir, "files", "rate-sheets", "*", "*"))
			if len(files) != 0 {
				t.Fatalf("a rejected sheet left %v in blob storage", files)
			}
		})
	}
}

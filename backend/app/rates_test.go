package app_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/ratesheet"
)

const uploadSheet = `mutation($input: UploadRateSheetInput!) {
  uploadRateSheet(input: $input) { id version rowCount effectiveFrom inForce downloadURL }
}`

type sheetData struct {
	UploadRateSheet struct {
		ID            string
		Version       int
		RowCount      int
		EffectiveFrom string
		InForce       bool
		DownloadURL   string
	}
}

const quote = `query($input: QuoteCallInput!) {
  quoteCall(input: $input) { status band billableSeconds rateDestination price cost margin breakdown rateSheet { version } }
}`

type quoteData struct {
	QuoteCall struct {
		Status, Band        string
		BillableSeconds     int
		RateDestination     *string
		Price, Cost, Margin *string
		Breakdown           string
		RateSheet           *struct{ Version int }
	}
}

func defaultTariff(t *testing.T, env *testenv.Env) string {
	t.Helper()
	var out struct {
		Tariffs struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	env.MustDo(t, `{ tariffs(where: {isDefault: true}) { edges { node { id } } } }`, nil, &out)
	if len(out.Tariffs.Edges) != 1 {
		t.Fatalf("want one default tariff, got %+v", out)
	}
	return out.Tariffs.Edges[0].Node.ID
}

// testdata/peak-times.csv as blocks: weekdays 07:00-09:00 are in none (peak).
var samplePeakTimes = []any{
	map[string]any{"band": "OFFPEAK", "days": []string{"MON", "TUE", "WED", "THU", "FRI"}, "start": "00:00", "end": "07:00"},
	map[string]any{"band": "PEAK", "days": []string{"MON", "TUE", "WED", "THU", "FRI"}, "start": "09:00", "end": "17:30"},
	map[string]any{"band": "OFFPEAK", "days": []string{"MON", "TUE", "WED", "THU", "FRI"}, "start": "17:30", "end": "24:00"},
	map[string]any{"band": "WEEKEND", "days": []string{"SAT", "SUN"}, "start": "00:00", "end": "24:00"},
}

// Rate sheets are versioned with effective dates, accepted or rejected
// whole, searchable and downloadable; quoteCall prices with the version in
// force at the call's start and the peak times of the deployment zone.
func TestRateSheetsPeakTimesAndQuotes(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			tariff := defaultTariff(t, env)
			sample := fixtures.Read(t, fixtures.RateSheet)

			var v1 sheetData
			r := env.Upload(t, uploadSheet, map[string]any{"input": map[string]any{
				"tariffID": tariff, "effectiveFrom": "2026-01-01T00:00:00Z", "file": nil,
			}}, "variables.input.file", "sample.csv", sample)
			if len(r.Errors) > 0 {
				t.Fatalf("upload: %+v", r.Errors)
			}
			decode(t, r, &v1)
			if v1.UploadRateSheet.Version != 1 || v1.UploadRateSheet.RowCount != 13 || !v1.UploadRateSheet.InForce {
				t.Fatalf("version 1: %+v", v1)
			}

			// Peak times: the sample schedule; overlapping blocks are refused whole.
			var pt struct {
				ReplacePeakTimes struct {
					CSV      string
					WeekGrid [][]string
				}
			}
			env.MustDo(t, `mutation($b: [PeakTimeBlockInput!]!) { replacePeakTimes(blocks: $b) { csv weekGrid } }`,
				map[string]any{"b": samplePeakTimes}, &pt)
			if got, want := pt.ReplacePeakTimes.CSV, string(fixtures.Read(t, fixtures.PeakTimes)); got != want {
				t.Errorf("peak times CSV:\n%s\nwant\n%s", got, want)
			}
			if g := pt.ReplacePeakTimes.WeekGrid; g[0][6] != "OFFPEAK" || g[0][7] != "PEAK" || g[0][9] != "PEAK" || g[4][18] != "OFFPEAK" || g[5][12] != "WEEKEND" {
				t.Errorf("week grid Mon 06,07,09 / Fri 18 / Sat 12: %v %v %v %v %v", g[0][6], g[0][7], g[0][9], g[4][18], g[5][12])
			}
			overlap := append([]any{}, samplePeakTimes...)
			overlap = append(overlap, map[string]any{"band": "OFFPEAK", "days": []string{"WED"}, "start": "12:00", "end": "13:00"})
			res := env.Do(t, `mutation($b: [PeakTimeBlockInput!]!) { replacePeakTimes(blocks: $b) { id } }`, map[string]any{"b": overlap})
			if len(res.Errors) != 1 || res.Errors[0].Code() != "INVALID" || res.Errors[0].Extensions["problems"] == nil {
				t.Fatalf("overlap accepted or badly reported: %+v", res)
			}

			// The quotes of testdata/README.md on the +44161 row (Manchester).
			for _, c := range []struct {
				start             string
				secs              int
				band, price, cost string
			}{
				{"2026-06-01T10:00:00+01:00", 61, "PEAK", "0.0244", "0.0092"},
				{"2026-06-01T18:00:00+01:00", 60, "OFFPEAK", "0.012", "0.0045"},
				{"2026-06-06T12:00:00+01:00", 600, "WEEKEND", "0.06", "0.03"},
				{"2026-06-01T16:45:00Z", 60, "OFFPEAK", "0.012", "0.0045"}, // 17:45 BST
				{"2026-06-01T16:45:00+01:00", 60, "PEAK", "0.024", "0.009"},
			} {
				var q quoteData
				env.MustDo(t, quote, map[string]any{"input": map[string]any{
					"number": "01614960123", "start": c.start, "durationSeconds": c.secs}}, &q)
				got := q.QuoteCall
				if got.Status != "RATED" || got.Band != c.band || *got.Price != c.price || *got.Cost != c.cost || *got.RateDestination != "44161" {
					t.Errorf("%s %ds: got %+v price %v cost %v", c.start, c.secs, got, deref(got.Price), deref(got.Cost))
				}
			}
			var q quoteData
			env.MustDo(t, quote, map[string]any{"input": map[string]any{"number": "01614960123", "start": "2026-06-01T10:00:00+01:00", "durationSeconds": 61}}, &q)
			// Unknown costs are empty, not zero.
			var codes struct {
				Tariff struct {
					RateSheets []struct {
						Rows struct {
							Edges []struct {
								Node struct {
									Destination string
									PeakCost    *string
								}
							}
						}
					}
				} `json:"node"`
			}
			env.MustDo(t, `query($id: ID!) { node(id: $id) { ... on Tariff { rateSheets { rows(search: "UK") { edges { node { destination peakCost } } } } } } }`,
				map[string]any{"id": tariff}, &codes)
			sheetRows, err := ratesheet.Read(bytes.NewReader(sample), ratesheet.Options{})
			if err != nil {
				t.Fatal(err)
			}
			blank := map[string]bool{}
			for _, r := range sheetRows {
				blank[r.Destination] = !r.PeakRateCost.Valid
			}
			for _, e := range codes.Tariff.RateSheets[0].Rows.Edges {
				if n := e.Node; blank[n.Destination] != (n.PeakCost == nil) {
					t.Errorf("%s peak cost %v; blank in the sheet: %v", n.Destination, deref(n.PeakCost), blank[n.Destination])
				}
			}
			if q.QuoteCall.Breakdown != "61 s × 2.4p/min = 2.44p; connection 0p; min 0p → £0.0244" || *q.QuoteCall.Margin != "0.0152" {
				t.Errorf("breakdown %q margin %s", q.QuoteCall.Breakdown, deref(q.QuoteCall.Margin))
			}
			env.MustDo(t, quote, map[string]any{"input": map[string]any{"number": "0861234567", "durationSeconds": 30}}, &q)
			if q.QuoteCall.Status != "NO_RATE" || q.QuoteCall.Price != nil {
				t.Errorf("unknown destination: %+v", q.QuoteCall)
			}

			// A rejected sheet lists every bad line and changes nothing.
			bad := "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate\n+44113,0,0,3,1,1\n+44114,0,0,-1,1,1\n+44115,0,0,abc,1,1\n"
			r = env.Upload(t, uploadSheet, map[string]any{"input": map[string]any{"tariffID": tariff, "file": nil}},
				"variables.input.file", "bad.csv", []byte(bad))
			if len(r.Errors) != 1 || r.Errors[0].Code() != "INVALID" {
				t.Fatalf("bad sheet: %+v", r)
			}
			problems, _ := r.Errors[0].Extensions["problems"].([]any)
			lines := map[float64]bool{}
			for _, p := range problems {
				lines[p.(map[string]any)["line"].(float64)] = true
			}
			if len(problems) != 2 || !lines[3] || !lines[4] {
				t.Errorf("problems %v, want lines 3 and 4", problems)
			}

			// Version 2 from July: June calls keep version 1's prices.
			v2sheet := strings.Replace(string(sample), "+44161,0,0,2.4,1.2,0.6", "+44161,0,0,4.8,1.2,0.6", 1)
			var v2 sheetData
			r = env.Upload(t, uploadSheet, map[string]any{"input": map[string]any{
				"tariffID": tariff, "effectiveFrom": "2026-07-01T00:00:00+01:00", "file": nil,
			}}, "variables.input.file", "uk-july.csv", []byte(v2sheet))
			decode(t, r, &v2)
			if v2.UploadRateSheet.Version != 2 {
				t.Fatalf("version 2: %+v", v2)
			}
			for _, c := range []struct {
				start, price string
				version      int
			}{
				{"2026-06-30T10:00:00+01:00", "0.0244", 1},
				{"2026-07-06T10:00:00+01:00", "0.0488", 2},
			} {
				env.MustDo(t, quote, map[string]any{"input": map[string]any{"number": "+441614960123", "start": c.start, "durationSeconds": 61}}, &q)
				if *q.QuoteCall.Price != c.price || q.QuoteCall.RateSheet.Version != c.version {
					t.Errorf("%s: price %s from version %d, want %s from %d", c.start, deref(q.QuoteCall.Price), q.QuoteCall.RateSheet.Version, c.price, c.version)
				}
			}
			var hist struct {
				Tariff struct {
					RateSheets []struct {
						Version        int
						EffectiveUntil *string
						Rows           struct {
							TotalCount int
							Edges      []struct {
								Node struct{ Destination, Peak, DurationBlock string }
							}
						}
					}
				} `json:"node"`
			}
			env.MustDo(t, `query($id: ID!) { node(id: $id) { ... on Tariff { rateSheets { version effectiveUntil rows(search: "manchester") { totalCount edges { node { destination peak durationBlock } } } } } } }`,
				map[string]any{"id": tariff}, &hist)
			for _, s := range hist.Tariff.RateSheets {
				if s.Rows.TotalCount != 1 || s.Rows.Edges[0].Node.Destination != "+44161" {
					t.Errorf("version %d search: %+v", s.Version, s.Rows)
				}
				if s.Version == 1 && (s.EffectiveUntil == nil || !strings.HasPrefix(*s.EffectiveUntil, "2026-06-30T23:00:00")) {
					t.Errorf("version 1 in force until %v, want 2026-07-01 00:00 BST", deref(s.EffectiveUntil))
				}
			}

			// The download is the same sheet: reading both gives the same rows.
			status, csv := env.Get(t, v1.UploadRateSheet.DownloadURL)
			if status != 200 {
				t.Fatalf("download: %d %s", status, csv)
			}
			want, err := ratesheet.Read(bytes.NewReader(sample), ratesheet.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := ratesheet.Read(bytes.NewReader(csv), ratesheet.Options{})
			if err != nil {
				t.Fatalf("downloaded sheet does not read back: %v\n%s", err, csv)
			}
			if len(got) != len(want) {
				t.Fatalf("downloaded %d rows, want %d", len(got), len(want))
			}
			for i := range want {
				w, g := want[i], got[i]
				if g.Destination != w.Destination || !g.PeakRate.Equal(w.PeakRate) || g.DurationBlock != w.DurationBlock ||
					g.PeakRateCost.Valid != w.PeakRateCost.Valid || g.Description != w.Description {
					t.Errorf("row %d: got %+v want %+v", i, g, w)
				}
			}
		})
	}
}

func decode(t *testing.T, r testenv.Response, out any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("GraphQL errors: %+v", r.Errors)
	}
	if err := jsonUnmarshal(r.Data, out); err != nil {
		t.Fatal(err)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

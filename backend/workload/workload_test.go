package workload

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/ratesheet"
	"github.com/tollgate/tollgate/backend/rating"
)

var formats = []string{"asterisk", "freeswitch", "fcs"}

func small(format string, seed uint64) Config {
	return Config{Seed: seed, Customers: 60, Clis: 400, Rates: 700, Calls: 20_000, Format: format}
}

func generate(t *testing.T, cfg Config) (sheet, file []byte, exp Expected, w *Workload) {
	t.Helper()
	w, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var s, f bytes.Buffer
	if err := w.WriteRateSheet(&s); err != nil {
		t.Fatal(err)
	}
	if exp, err = w.WriteCDR(&f); err != nil {
		t.Fatal(err)
	}
	return s.Bytes(), f.Bytes(), exp, w
}

// Benchmarks compare runs, so the same seed must give the same bytes.
func TestSameSeedGivesSameBytes(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			s1, f1, e1, w1 := generate(t, small(format, 7))
			s2, f2, e2, w2 := generate(t, small(format, 7))
			if !bytes.Equal(s1, s2) || !bytes.Equal(f1, f2) || e1 != e2 {
				t.Fatal("two runs with seed 7 differ")
			}
			if len(w1.Customers()) != len(w2.Customers()) || strings.Join(w1.Customers()[3].Clis, ",") != strings.Join(w2.Customers()[3].Clis, ",") {
				t.Fatal("customers differ between runs with the same seed")
			}
			s3, f3, _, _ := generate(t, small(format, 8))
			if bytes.Equal(s1, s3) || bytes.Equal(f1, f3) {
				t.Fatal("seeds 7 and 8 gave the same files")
			}
			if e1.Bytes != int64(len(f1)) {
				t.Errorf("Expected.Bytes = %d, file has %d", e1.Bytes, len(f1))
			}
		})
	}
}

// Every line the generator means to be readable must parse, and every line
// it means to be unreadable must be reported as such.
func TestEveryLineParses(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			_, file, exp, _ := generate(t, small(format, 1))
			f, err := cdr.LookupFormat(format)
			if err != nil {
				t.Fatal(err)
			}
			rd := cdr.NewReader(bytes.NewReader(file), f, nil)
			var records, unreadable, excluded int64
			for rd.Next() {
				if p := rd.Problem(); p != nil {
					if p.Excluded {
						excluded++
					} else {
						unreadable++
					}
					continue
				}
				rec := rd.Record()
				if rec.Source == "" || rec.Destination == "" || rec.UniqueID == "" || rec.Start.IsZero() {
					t.Fatalf("line %d: incomplete record %+v", rec.Line, rec)
				}
				records++
			}
			if err := rd.Err(); err != nil {
				t.Fatal(err)
			}
			if unreadable != exp.Unreadable || excluded != exp.NotVoice || records != exp.Lines-exp.Unreadable-exp.NotVoice {
				t.Errorf("read %d records, %d unreadable, %d excluded; generator wrote %+v", records, unreadable, excluded, exp)
			}
			if exp.Unreadable == 0 || exp.Duplicates == 0 || exp.ZeroDuration == 0 || exp.NoCustomer == 0 || exp.NoRate == 0 {
				t.Errorf("the mix lacks a kind of line: %+v", exp)
			}
		})
	}
}

func TestSheetIsAccepted(t *testing.T) {
	for _, rates := range []int{MinRates, 700, 5000} {
		cfg := small("asterisk", 3)
		cfg.Rates = rates
		w, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := w.WriteRateSheet(&buf); err != nil {
			t.Fatal(err)
		}
		rows, err := ratesheet.Read(bytes.NewReader(buf.Bytes()), ratesheet.Options{CountryCode: "44"})
		if err != nil {
			t.Fatalf("%d rows: %v", rates, err)
		}
		if _, err := ratesheet.Table(rows, "44"); err != nil {
			t.Fatalf("%d rows: %v", rates, err)
		}
		if len(rows) != rates {
			t.Errorf("asked for %d rows, got %d", rates, len(rows))
		}
	}
}

// The generator's Expected must be what the rules of docs/rating.md and
// docs/cdr-formats.md make of the file: rate it here, without a database, with
// the same customers and sheet, and compare.
func TestExpectedMatchesTheRules(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			sheet, file, exp, w := generate(t, small(format, 5))
			rows, err := ratesheet.Read(bytes.NewReader(sheet), ratesheet.Options{CountryCode: "44"})
			if err != nil {
				t.Fatal(err)
			}
			table, err := ratesheet.Table(rows, "44")
			if err != nil {
				t.Fatal(err)
			}
			svc := customers.Service{CountryCode: "44"}
			exact, ranges := map[string]bool{}, map[string]bool{}
			for _, cu := range w.Customers() {
				for _, typed := range cu.Clis {
					p, err := svc.ParseCli(typed)
					if err != nil {
						t.Fatal(err)
					}
					if p.Range {
						ranges[p.Value] = true
					} else {
						exact[p.Value] = true
					}
				}
			}
			owned := func(raw string) bool {
				v, _ := rating.Normalize(raw, "44")
				if v == "" {
					return false
				}
				if exact[v] {
					return true
				}
				for l := len(v); l > 0; l-- {
					if ranges[v[:l]] {
						return true
					}
				}
				return false
			}
			f, _ := cdr.LookupFormat(format)
			rd := cdr.NewReader(bytes.NewReader(file), f, nil)
			var got Expected
			seen := map[string]bool{}
			for rd.Next() {
				got.Lines++
				if p := rd.Problem(); p != nil {
					if p.Excluded {
						got.NotVoice++
					} else {
						got.Unreadable++
					}
					continue
				}
				rec := rd.Record()
				dst, _ := rating.Normalize(rec.Destination, "44")
				switch {
				case seen[rec.UniqueID]:
					got.Duplicates++
				case rec.Duration == 0:
					got.ZeroDuration++
				case !owned(rec.Source) && !owned(rec.Account):
					got.NoCustomer++
				case table.Match(rec.ChargeCode, dst) == nil:
					got.NoRate++
				default:
					got.Priced++
				}
				seen[rec.UniqueID] = true
			}
			got.LinesRead, got.Bytes = got.Lines-got.NotVoice, exp.Bytes
			if got != exp {
				t.Errorf("rating the file gives\n%+v\nthe generator expected\n%+v", got, exp)
			}
		})
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"unknown format", Config{Format: "csv"}, "use asterisk, freeswitch or fcs"},
		{"fewer CLIs than customers", Config{Customers: 10, Clis: 5}, "cannot give each"},
		{"tiny sheet", Config{Rates: 3}, "at least 11 rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := New(tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

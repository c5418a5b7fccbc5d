package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
	"github.com/tollgate/tollgate/ent/ratesheet"
)

// importEnv is an embedded Tollgate with two providers and one customer
// owning the sample files' first two CLIs (the third is nobody's).
func importEnv(t *testing.T) platform.Config {
	t.Helper()
	cfg := testenv.Config(t, testenv.Embedded)
	withApp(t, cfg, func(ctx context.Context, a *app.App) {
		for _, p := range []ent.CreateProviderInput{
			{Name: "Office PBX", CdrFormat: provider.CdrFormatAsterisk},
			{Name: "Gamma", CdrFormat: provider.CdrFormatFcs},
		} {
			if _, err := a.Providers.Create(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		_, err := a.Customers.Create(ctx, ent.CreateCustomerInput{Reference: "LEEDS1", Name: "Leeds Office Ltd"},
			[]customers.CliInput{{Value: "01134960001"}, {Value: "01134960002"}})
		if err != nil {
			t.Fatal(err)
		}
	})
	return cfg
}

// withApp opens the runtime of cfg for a test's own look at the database.
func withApp(t *testing.T, cfg platform.Config, fn func(ctx context.Context, a *app.App)) {
	t.Helper()
	ctx := viewer.System(context.Background())
	a, err := app.Open(ctx, cfg, testenv.Logger(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	fn(ctx, a)
}

func importSampleRates(t *testing.T, cfg platform.Config) {
	t.Helper()
	var out, errOut bytes.Buffer
	o := importRatesOptions{provider: "any", direction: "outbound", effectiveFrom: "2026-01-01T00:00:00Z", units: "minor"}
	if err := runImportRates(context.Background(), cfg, o, fixtures.Path(t, fixtures.RateSheet), &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if want := "stored as version 1 of tariff Standard (any provider, outbound): 13 rows in minor, in force from 2026-01-01T00:00:00Z"; !strings.Contains(out.String(), want) {
		t.Errorf("output %q lacks %q", out.String(), want)
	}
}

// The asterisk sample against the sample sheet, with every time peak (no
// peak times): six calls of the customer priced, four of 01134960003
// without a customer, one unanswered, one line not a CDR
// (testdata/README.md works the prices out).
func TestImportCdrAnalysesAndSummarises(t *testing.T) {
	cfg := importEnv(t)
	importSampleRates(t, cfg)
	var out, errOut bytes.Buffer
	o := importCdrOptions{provider: "office pbx", direction: "outbound", progress: true}
	if err := runImportCdr(context.Background(), cfg, o, fixtures.Path(t, "cdr/asterisk-sample.csv"), &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	got := out.String()
	for _, want := range []string{
		"stored asterisk-sample.csv as upload",
		"from Office PBX (asterisk), outbound: READY",
		"lines read  12", "priced   6", "without customer   4", "without rate   0",
		"zero duration   1", "duplicates   0", "unreadable   1",
		"total price £0.33", // 0.0244 + 0.0213 + 0.0720 + 0.1092 + 0 + 0.1000 = 0.3269
		"line 12: has 1 fields; an Asterisk Master.csv line has 16 to 21",
	} {
		if !strings.Contains(squeeze(got), squeeze(want)) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	// The bars were drawn (standard error stands in for a terminal here).
	if !strings.Contains(errOut.String(), "storing") || !strings.Contains(errOut.String(), "analysing") {
		t.Errorf("no progress bars on standard error: %q", errOut.String())
	}
	withApp(t, cfg, func(ctx context.Context, a *app.App) {
		u, err := a.DB.Client.CdrUpload.Query().Only(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u.Status != cdrupload.StatusReady || u.Priced != 6 || u.LinesRead != 12 {
			t.Errorf("upload row: %s, %d priced of %d", u.Status, u.Priced, u.LinesRead)
		}
	})

	// The same file again is refused, naming the earlier upload by its file, not its id.
	out.Reset()
	err := runImportCdr(context.Background(), cfg, o, fixtures.Path(t, "cdr/asterisk-sample.csv"), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "already uploaded as asterisk-sample.csv") || strings.Contains(err.Error(), "(upload ") {
		t.Errorf("second import: %v", err)
	}
}

func TestImportCdrNoAnalyseOnlyStores(t *testing.T) {
	cfg := importEnv(t)
	var out, errOut bytes.Buffer
	o := importCdrOptions{provider: "Gamma", direction: "outbound", noAnalyse: true}
	if err := runImportCdr(context.Background(), cfg, o, fixtures.Path(t, "cdr/fcs-sample.csv"), &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "waits for analysis") {
		t.Errorf("output: %q", out.String())
	}
	withApp(t, cfg, func(ctx context.Context, a *app.App) {
		u, err := a.DB.Client.CdrUpload.Query().Only(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Left for a worker: uploaded, its first analysis requested.
		if u.Status != cdrupload.StatusUploaded || u.AnalysisRun != 1 || u.LinesRead != 0 {
			t.Errorf("upload row: %s, run %d, %d lines read", u.Status, u.AnalysisRun, u.LinesRead)
		}
	})
}

func TestImportCdrClearErrors(t *testing.T) {
	cfg := importEnv(t)
	for _, tc := range []struct {
		name string
		o    importCdrOptions
		file string
		want []string
	}{
		{"unknown provider lists the known ones", importCdrOptions{provider: "BT Wholesale"}, "cdr/asterisk-sample.csv",
			[]string{`there is no provider "BT Wholesale"`, "Gamma (id ", ", fcs)", "Office PBX (id "}},
		{"no provider", importCdrOptions{}, "cdr/asterisk-sample.csv", []string{"--provider is required"}},
		{"bad direction", importCdrOptions{provider: "Gamma", direction: "sideways"}, "cdr/fcs-sample.csv", []string{`--direction "sideways"`}},
		{"missing file", importCdrOptions{provider: "Gamma"}, "cdr/no-such-file.csv", []string{"cannot open the CDR file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := runImportCdr(context.Background(), cfg, tc.o, fixtures.Path(t, tc.file), &out, &errOut)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// A file in the wrong format fails as a whole, and the command says why.
func TestImportCdrWrongFormatFails(t *testing.T) {
	cfg := importEnv(t)
	var out, errOut bytes.Buffer
	err := runImportCdr(context.Background(), cfg, importCdrOptions{provider: "Gamma"}, fixtures.Path(t, "cdr/asterisk-sample.csv"), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "failed") || !strings.Contains(err.Error(), "an FCS line has 42") {
		t.Errorf("error: %v\n%s", err, out.String())
	}
}

func TestImportRatesRejectionListsEveryProblem(t *testing.T) {
	cfg := importEnv(t)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	sheet := "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate\n" +
		"+44113,0,0,1.5,0.8,0.5\n" +
		"+4420,0,0,abc,0.5,0.3\n" +
		"+447,-1,0,6,4,3\n"
	if err := os.WriteFile(bad, []byte(sheet), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	err := runImportRates(context.Background(), cfg, importRatesOptions{provider: "any"}, bad, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "rejected with 2 problem(s)") {
		t.Fatalf("error: %v", err)
	}
	for _, want := range []string{`line 3, Peak Rate "abc"`, `line 4, Minimum Charge "-1"`} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("problems printed:\n%s\nlack %q", errOut.String(), want)
		}
	}
	withApp(t, cfg, func(ctx context.Context, a *app.App) {
		if n, _ := a.DB.Client.RateSheet.Query().Count(ctx); n != 0 {
			t.Errorf("a rejected sheet left %d version(s)", n)
		}
	})
}

func TestImportRatesForAProviderAndTariffByName(t *testing.T) {
	cfg := importEnv(t)
	var out, errOut bytes.Buffer
	o := importRatesOptions{tariff: "standard", provider: "Gamma", direction: "inbound", effectiveFrom: "2026-07-01T00:00:00+01:00", units: "major"}
	if err := runImportRates(context.Background(), cfg, o, fixtures.Path(t, fixtures.RateSheet), &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if want := "version 1 of tariff Standard (Gamma, inbound): 13 rows in major, in force from 2026-07-01T00:00:00+01:00"; !strings.Contains(out.String(), want) {
		t.Errorf("output %q lacks %q", out.String(), want)
	}
	withApp(t, cfg, func(ctx context.Context, a *app.App) {
		s, err := a.DB.Client.RateSheet.Query().WithProvider().Only(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.Direction != ratesheet.DirectionInbound || s.Units != ratesheet.UnitsMajor || s.Edges.Provider == nil || s.Edges.Provider.Name != "Gamma" {
			t.Errorf("stored %s %s for %v", s.Direction, s.Units, s.Edges.Provider)
		}
	})

	for _, tc := range []struct {
		name string
		o    importRatesOptions
		want string
	}{
		{"unknown tariff", importRatesOptions{tariff: "Gold"}, `there is no tariff "Gold"; the tariffs are: Standard (default)`},
		{"bad time", importRatesOptions{effectiveFrom: "1 July"}, "is not an RFC 3339 time"},
		{"bad units", importRatesOptions{units: "shillings"}, "--units"},
		{"unknown provider", importRatesOptions{provider: "Nobody"}, `there is no provider "Nobody"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := runImportRates(context.Background(), cfg, tc.o, fixtures.Path(t, fixtures.RateSheet), &out, &errOut)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v lacks %q", err, tc.want)
			}
		})
	}
}

// The commands are registered under import.
func TestImportCommandsAreRegistered(t *testing.T) {
	for _, path := range [][]string{{"import", "cdr"}, {"import", "rates"}, {"bench"}} {
		cmd, _, err := rootCmd.Find(path)
		if err != nil || cmd.Name() != path[len(path)-1] {
			t.Errorf("%v: %v", path, err)
		}
	}
}

// squeeze collapses runs of spaces, so tests do not depend on column widths.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

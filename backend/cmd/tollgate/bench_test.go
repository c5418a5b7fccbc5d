package main

import (
	"bytes"
	"context"
	"database/sql"
	"regexp"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/backend/workload"
)

func smallBench(format string) benchOptions {
	return benchOptions{workload: workload.Config{Seed: 3, Customers: 40, Clis: 160, Rates: 300, Calls: 5000, Format: format}}
}

func checkBenchOutput(t *testing.T, out string) {
	t.Helper()
	for _, want := range []string{"setup", "generate file", "upload", "analysis", "processing",
		"check: lines read = unreadable + duplicates + zero duration + without customer + without rate + priced: ok",
		"max RSS", "status PROCESSED",
		"billing run", "documents", "run+documents", "rendered by",
		"invoices for 40 customers, each with a recurring product: ok",
		"priced calls are linked to a Call Charges charge",
		"every invoice has its PDF and CSV statement in the blob store"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "DIFFERS") {
		t.Errorf("a counter differs from the generator's:\n%s", out)
	}
}

func TestBenchEmbedded(t *testing.T) {
	for _, format := range []string{"asterisk", "freeswitch", "fcs"} {
		t.Run(format, func(t *testing.T) {
			cfg := testenv.Config(t, testenv.Embedded)
			o := smallBench(format)
			o.dataDirSet = true
			var out, errOut bytes.Buffer
			if err := runBench(context.Background(), cfg, o, &out, &errOut); err != nil {
				t.Fatalf("%v\n%s\n%s", err, out.String(), errOut.String())
			}
			checkBenchOutput(t, out.String())
		})
	}
}

// On MySQL the bench makes its own database on the configured server and
// drops it afterwards.
func TestBenchMySQLMakesAndDropsItsDatabase(t *testing.T) {
	cfg := testenv.Config(t, testenv.MySQL) // skips where MariaDB is not running (fails in CI)
	cfg.RedisURL = ""                       // the bench needs no shared queue
	var out, errOut bytes.Buffer
	if err := runBench(context.Background(), cfg, smallBench("asterisk"), &out, &errOut); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out.String(), errOut.String())
	}
	checkBenchOutput(t, out.String())
	name := regexp.MustCompile(`MySQL database (tollgate_bench_\d+\w*)`).FindStringSubmatch(out.String())
	if name == nil {
		t.Fatalf("the output names no bench database:\n%s", out.String())
	}
	mc, err := platform.MySQLConfig(cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	mc.DBName = ""
	db, err := sql.Open("mysql", mc.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?", name[1]).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("database %s was not dropped", name[1])
	}
}

// --phase analysis stops before billing.
func TestBenchAnalysisPhaseBillsNothing(t *testing.T) {
	cfg := testenv.Config(t, testenv.Embedded)
	o := smallBench("asterisk")
	o.dataDirSet, o.phase = true, phaseAnalysis
	var out, errOut bytes.Buffer
	if err := runBench(context.Background(), cfg, o, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "status PROCESSED") || strings.Contains(out.String(), "billing run") {
		t.Errorf("--phase analysis: want the analysis and no billing:\n%s", out.String())
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -45000: "-45,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

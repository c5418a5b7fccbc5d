package main

import (
	"bytes"
	"context"
	"database/sql"
	"entgo.io/ent/dialect"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/spf13/cobra"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/backend/ratesheet"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/backend/workload"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
)

// benchOptions are the options of `tollgate bench`.
type benchOptions struct {
	workload   workload.Config
	keep       bool
	cpuProfile string // profile of the analysis phase
	billingCPU string // profile of the billing run and its documents
	phase      string // phaseAll, phaseAnalysis or phaseBilling
	dataDirSet bool   // --data-dir given: use it and never delete it
}

func newBenchCmd() *cobra.Command {
	var (
		f runtimeFlags
		o benchOptions
	)
	d := workload.Defaults()
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Time upload, analysis, processing and billing of a generated reseller's CDR file, in-process",
		Long: `Generate a realistic UK reseller (customers, CLIs, a rate sheet and a month of
calls in a built-in CDR format), load it into a fresh database, and time each
step of a CDR file's life by calling the domain code directly (no HTTP, no
queue): upload, analysis, processing; then billing: every customer on a
monthly schedule with a recurring product, one billing run of the month, and
every invoice's PDF and CSV call statement rendered into the blob store.
--phase analysis stops before billing; --phase billing loads the calls as
set-up and skips the raw LOAD DATA comparison.

With DATABASE_URL set to MySQL / MariaDB, a database tollgate_bench_<unix time>
is created on that server and dropped afterwards (--keep keeps it). Without
DATABASE_URL the embedded SQLite database goes in a temporary data directory.

The counters are checked against what the generator wrote, and the invoices
against the priced calls and the stored files; the command exits non-zero
when they do not add up or differ.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch o.phase {
			case phaseAll, phaseAnalysis, phaseBilling:
			default:
				return fmt.Errorf("--phase %q: choose all, analysis or billing", o.phase)
			}
			cfg, err := f.config()
			if err != nil {
				return err
			}
			o.dataDirSet = f.dataDir != ""
			ctx, stop := signalContext()
			defer stop()
			return runBench(ctx, cfg, o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&o.workload.Calls, "calls", d.Calls, "CDR lines to generate and analyse")
	fl.StringVar(&o.workload.Format, "format", d.Format, "CDR format: asterisk, freeswitch or fcs")
	fl.IntVar(&o.workload.Customers, "customers", d.Customers, "customers")
	fl.IntVar(&o.workload.Clis, "clis", d.Clis, "CLIs over all customers (mostly DDIs, some DDI ranges, a few account codes)")
	fl.IntVar(&o.workload.Rates, "rates", d.Rates, "rate sheet rows")
	fl.Uint64Var(&o.workload.Seed, "seed", d.Seed, "generator seed: the same seed gives the same files")
	fl.StringVar(&o.phase, "phase", phaseAll, "what to time: all (analysis, then billing), analysis (upload, analysis, processing and a raw LOAD DATA to compare), or billing (the calls loaded as set-up, then the billing run and its documents)")
	fl.BoolVar(&o.keep, "keep", false, "keep the database, data directory and CDR file afterwards")
	fl.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the analysis phase to this file")
	_ = fl.MarkHidden("cpuprofile")
	fl.StringVar(&o.billingCPU, "billing-cpuprofile", "", "write a CPU profile of the billing run and its documents to this file")
	_ = fl.MarkHidden("billing-cpuprofile")
	f.bind(cmd, false)
	return cmd
}

func init() { rootCmd.AddCommand(newBenchCmd()) }

// benchPhase is one timed step.
type benchPhase struct {
	name    string
	seconds float64
	lines   int64 // lines the step handled, for lines per second; 0: none
	bytes   int64
	mem     memPeak
}

func runBench(ctx context.Context, cfg platform.Config, o benchOptions, stdout, stderr io.Writer) (err error) {
	mem := startMemSampler(50 * time.Millisecond)
	defer mem.stop()

	wl, err := workload.New(o.workload)
	if err != nil {
		return err
	}
	wc := wl.Config()

	// A database and a data directory of the benchmark's own.
	var cleanups []func()
	defer func() {
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
	}()
	if !o.dataDirSet {
		dir, err := os.MkdirTemp("", "tollgate-bench-")
		if err != nil {
			return fmt.Errorf("create a temporary data directory: %w", err)
		}
		cfg.DataDir = dir
		cleanups = append(cleanups, func() {
			if o.keep {
				fmt.Fprintf(stdout, "kept data directory %s\n", dir)
				return
			}
			_ = os.RemoveAll(dir)
		})
	}
	where := "embedded SQLite in " + cfg.DataDir
	if cfg.DatabaseURL != "" {
		name, drop, err := createBenchDatabase(ctx, &cfg)
		if err != nil {
			return err
		}
		where = "MySQL database " + name
		cleanups = append(cleanups, func() {
			if o.keep {
				fmt.Fprintf(stdout, "kept database %s\n", name)
				return
			}
			if err := drop(); err != nil {
				fmt.Fprintf(stderr, "could not drop database %s: %v\n", name, err)
			}
		})
	}

	// Warnings only: the table is the output.
	log := platform.NewLogger(stderr, "warn", cfg.LogFormat)
	a, err := app.Open(ctx, cfg, log, true)
	if err != nil {
		return err
	}
	defer a.Close()
	sys := viewer.System(ctx)
	c := a.DB.Client
	var phases []benchPhase
	timed := func(name string, lines, bytes int64, fn func() error) error {
		mem.phase(name)
		start := time.Now()
		err := fn()
		p := benchPhase{name: name, seconds: time.Since(start).Seconds(), lines: lines, bytes: bytes, mem: mem.peakOf(name)}
		phases = append(phases, p)
		return err
	}

	fmt.Fprintf(stdout, "Tollgate bench: %s calls (%s), %s customers, %s CLIs, %s rate rows, seed %d\n",
		thousands(int64(wc.Calls)), wc.Format, thousands(int64(wc.Customers)), thousands(int64(wc.Clis)), thousands(int64(wc.Rates)), wc.Seed)
	fmt.Fprintf(stdout, "database: %s; Go %s, %d CPUs\n", where, runtime.Version(), runtime.NumCPU())

	// Set-up: the reseller, a provider, a sheet on the default tariff.
	var prov *ent.Provider
	err = timed("setup", 0, 0, func() error {
		if _, err := wl.Load(sys, c); err != nil {
			return err
		}
		tz := "Europe/London"
		if prov, err = a.Providers.Create(sys, ent.CreateProviderInput{Name: "Bench carrier (" + wc.Format + ")",
			CdrFormat: provider.CdrFormat(strings.ToUpper(wc.Format)), TimeZone: &tz}); err != nil {
			return fmt.Errorf("create the provider: %w", err)
		}
		def, err := a.Pricing.DefaultTariff(sys)
		if err != nil {
			return err
		}
		var sheet bytes.Buffer
		if err := wl.WriteRateSheet(&sheet); err != nil {
			return err
		}
		from := wl.SheetEffectiveFrom()
		if _, err := a.Pricing.Upload(sys, tariffs.UploadInput{TariffID: def.ID, Direction: entratesheet.DirectionOutbound,
			EffectiveFrom: &from, Units: ratesheet.Minor, FileName: "bench-rates.csv", File: &sheet}); err != nil {
			return fmt.Errorf("upload the generated rate sheet: %w", describeProblems(err))
		}
		return nil
	})
	if err != nil {
		return err
	}

	// The CDR file, streamed to disk.
	file, err := os.CreateTemp(cfg.DataDir, "bench-cdr-*.csv")
	if err != nil {
		return fmt.Errorf("create the CDR file: %w", err)
	}
	path := file.Name()
	cleanups = append(cleanups, func() {
		if !o.keep {
			_ = os.Remove(path)
		}
	})
	var exp workload.Expected
	err = timed("generate file", int64(wc.Calls), 0, func() error {
		var err error
		if exp, err = wl.WriteCDR(file); err != nil {
			file.Close()
			return fmt.Errorf("write the CDR file: %w", err)
		}
		return file.Close()
	})
	if err != nil {
		return err
	}
	phases[len(phases)-1].bytes = exp.Bytes

	var up *ent.CdrUpload
	err = timed("upload", exp.Lines, exp.Bytes, func() error {
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		up, err = a.Analysis.Upload(sys, analysis.UploadInput{ProviderID: prov.ID, Direction: cdrupload.DirectionOutbound,
			FileName: filepath.Base(path), File: in})
		return err
	})
	if err != nil {
		return err
	}

	var subPhases []phaseSpan
	err = timed("analysis", exp.Lines, exp.Bytes, func() error {
		run, err := a.Analysis.RequestAnalysis(sys, up.ID)
		if err != nil {
			return err
		}
		if o.cpuProfile != "" {
			pf, err := os.Create(o.cpuProfile)
			if err != nil {
				return fmt.Errorf("create the CPU profile: %w", err)
			}
			defer pf.Close()
			if err := pprof.StartCPUProfile(pf); err != nil {
				return err
			}
			defer pprof.StopCPUProfile()
		}
		// The analysis records its phase on the upload row; following it
		// splits the wall time into reading+loading, duplicates and totals.
		follow := followPhases(sys, c, up.ID)
		err = a.Analysis.Analyse(sys, up.ID, run)
		subPhases = follow()
		return err
	})
	if err != nil {
		return err
	}
	if up, err = c.CdrUpload.Get(sys, up.ID); err != nil {
		return err
	}
	if up.Status != cdrupload.StatusReady {
		return fmt.Errorf("the analysis ended %s, not READY: %s", up.Status, up.FailureReason)
	}

	err = timed("processing", up.Priced, 0, func() error {
		if _, err := a.Analysis.RequestProcessing(sys, up.ID); err != nil {
			return err
		}
		return a.Analysis.Process(sys, up.ID)
	})
	if err != nil {
		return err
	}
	mem.phase("")
	if up, err = c.CdrUpload.Get(sys, up.ID); err != nil {
		return err
	}

	printPhases(stdout, phases)
	if len(subPhases) > 0 {
		parts := make([]string, len(subPhases))
		for i, p := range subPhases {
			parts[i] = fmt.Sprintf("%s %.2f s", p.name, p.took.Seconds())
		}
		fmt.Fprintf(stdout, "analysis phases (as the upload row shows them): %s\n", strings.Join(parts, ", "))
	}
	fmt.Fprintf(stdout, "CDR file: %s, %s lines, generated in %.2f s\n", megabytes(exp.Bytes), thousands(exp.Lines), phases[1].seconds)
	fmt.Fprintf(stdout, "status %s; total price %s, cost %s, margin %s\n\n", up.Status, up.TotalPrice, up.TotalCost, up.TotalMargin)
	if a.DB.Dialect == dialect.MySQL && o.phase != phaseBilling {
		if err := printRawBaseline(sys, stdout, a.DB.DB, up, phases, cfg.DataDir); err != nil {
			return err
		}
	}
	countErr := printCounters(stdout, up, exp)
	if countErr == nil && o.phase != phaseAnalysis {
		last := func() benchPhase { return phases[len(phases)-1] }
		b, err := benchBilling(sys, a, up, wc.Month, timed, last, o.billingCPU)
		mem.phase("")
		if err != nil {
			return fmt.Errorf("billing phase: %w", err)
		}
		fmt.Fprintln(stdout)
		printBilling(stdout, b, bufferPool(sys, a.DB.DB, a.DB.Dialect == dialect.MySQL), a.Documents.Workers)
		countErr = checkBilling(sys, stdout, a, up, b)
	}
	overall := mem.overall()
	fmt.Fprintf(stdout, "\nmemory: peak heap in use %s, peak heap reserved (HeapSys) %s, peak from the OS (Sys) %s, max RSS %s\n",
		mebibytes(overall.heapAlloc), mebibytes(overall.heapSys), mebibytes(overall.sys), mebibytes(maxRSS()))
	return countErr
}

// phaseSpan is how long the upload row showed one phase.
type phaseSpan struct {
	name string
	took time.Duration
}

// followPhases polls the upload row's phase every 100 ms until the returned
// function is called, which returns each phase's span.
func followPhases(ctx context.Context, c *ent.Client, id int) func() []phaseSpan {
	quit := make(chan struct{})
	res := make(chan []phaseSpan, 1)
	go func() {
		var (
			spans []phaseSpan
			cur   string
			since = time.Now()
		)
		t := time.NewTicker(100 * time.Millisecond) // finer costs CPU the analysis needs
		defer t.Stop()
		for {
			select {
			case <-quit:
				if cur != "" {
					spans = append(spans, phaseSpan{cur, time.Since(since)})
				}
				res <- spans
				return
			case <-t.C:
				u, err := c.CdrUpload.Query().Where(cdrupload.ID(id)).Select(cdrupload.FieldPhase).Only(ctx)
				if err != nil || u.Phase == cur {
					continue
				}
				if cur != "" {
					spans = append(spans, phaseSpan{cur, time.Since(since)})
				}
				cur, since = u.Phase, time.Now()
			}
		}
	}()
	return func() []phaseSpan {
		close(quit)
		return <-res
	}
}

// createBenchDatabase makes an empty database tollgate_bench_<unix> on the
// server of cfg.DatabaseURL and points cfg at it. drop removes it.
func createBenchDatabase(ctx context.Context, cfg *platform.Config) (name string, drop func() error, err error) {
	mc, err := platform.MySQLConfig(cfg.DatabaseURL)
	if err != nil {
		// The URL's database is replaced, so it may be left out.
		if mc, err = platform.MySQLConfig(strings.TrimSuffix(cfg.DatabaseURL, "/") + "/bench"); err != nil {
			return "", nil, err
		}
	}
	server := mc.Clone()
	server.DBName = ""
	conn, err := mysql.NewConnector(server)
	if err != nil {
		return "", nil, err
	}
	db := sql.OpenDB(conn)
	base := fmt.Sprintf("tollgate_bench_%d", time.Now().Unix())
	for i := 1; ; i++ {
		name = base
		if i > 1 { // another bench started in the same second
			name = fmt.Sprintf("%s_%d", base, i)
		}
		_, err = db.ExecContext(ctx, "CREATE DATABASE "+name+" CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
		var me *mysql.MySQLError
		if err == nil || !errors.As(err, &me) || me.Number != 1007 || i == 20 { // 1007: database exists
			break
		}
	}
	if err != nil {
		db.Close()
		return "", nil, fmt.Errorf("create database %s on %s (the bench needs CREATE and DROP rights there): %w", name, mc.Addr, err)
	}
	mc.DBName = name
	cfg.DatabaseURL = mc.FormatDSN()
	return name, func() error {
		defer db.Close()
		_, err := db.Exec("DROP DATABASE IF EXISTS " + name)
		return err
	}, nil
}

func printPhases(w io.Writer, phases []benchPhase) {
	const row = "%-28s %8s %10s %7s %10s %12s %10s\n"
	fmt.Fprintf(w, row, "phase", "seconds", "calls/s", "MB/s", "heap peak", "HeapSys peak", "Sys peak")
	var total float64
	for _, p := range phases {
		rate, mbs := "-", "-"
		if p.lines > 0 && p.seconds > 0 {
			rate = thousands(int64(float64(p.lines) / p.seconds))
		}
		if p.bytes > 0 && p.seconds > 0 {
			mbs = fmt.Sprintf("%.1f", float64(p.bytes)/1e6/p.seconds)
		}
		fmt.Fprintf(w, row, p.name, fmt.Sprintf("%.2f", p.seconds), rate, mbs,
			mebibytes(p.mem.heapAlloc), mebibytes(p.mem.heapSys), mebibytes(p.mem.sys))
		switch p.name {
		case "upload", "analysis", "processing":
			total += p.seconds
		}
	}
	fmt.Fprintf(w, row, "upload+analysis+processing", fmt.Sprintf("%.2f", total), "", "", "", "", "")
}

// printCounters prints the upload's counters beside the generator's and
// returns an error when they do not add up or differ.
func printCounters(w io.Writer, u *ent.CdrUpload, exp workload.Expected) error {
	rows := []struct {
		name      string
		got, want int64
	}{
		{"lines read", u.LinesRead, exp.LinesRead},
		{"priced", u.Priced, exp.Priced},
		{"without customer", u.WithoutCustomer, exp.NoCustomer},
		{"without rate", u.WithoutRate, exp.NoRate},
		{"zero duration", u.ZeroDuration, exp.ZeroDuration},
		{"duplicates", u.Duplicates, exp.Duplicates},
		{"unreadable", u.Unreadable, exp.Unreadable},
		{"not voice (not calls)", u.NotVoice, exp.NotVoice},
	}
	const line = "%-28s %12s %12s  %s\n"
	fmt.Fprintf(w, line, "counter", "analysis", "generated", "")
	var differ []string
	for _, r := range rows {
		mark := "ok"
		if r.got != r.want {
			mark = "DIFFERS"
			differ = append(differ, fmt.Sprintf("%s %d (generated %d)", r.name, r.got, r.want))
		}
		fmt.Fprintf(w, line, r.name, thousands(r.got), thousands(r.want), mark)
	}
	sum := u.Unreadable + u.Duplicates + u.ZeroDuration + u.WithoutCustomer + u.WithoutRate + u.Priced
	var errs []error
	if sum != u.LinesRead {
		fmt.Fprintf(w, "check: the counters do NOT add up: %s counted, %s lines read\n", thousands(sum), thousands(u.LinesRead))
		errs = append(errs, fmt.Errorf("the counters do not add up: unreadable + duplicates + zero duration + without customer + without rate + priced = %d, lines read = %d", sum, u.LinesRead))
	} else {
		fmt.Fprintln(w, "check: lines read = unreadable + duplicates + zero duration + without customer + without rate + priced: ok")
	}
	if len(differ) > 0 {
		errs = append(errs, fmt.Errorf("the analysis counted differently from what the generator wrote: %s", strings.Join(differ, "; ")))
	}
	return errors.Join(errs...)
}

// memPeak is the high-water mark of the Go runtime's memory over a span.
type memPeak struct{ heapAlloc, heapSys, sys uint64 }

func (m *memPeak) update(s *runtime.MemStats) {
	m.heapAlloc = max(m.heapAlloc, s.HeapAlloc)
	m.heapSys = max(m.heapSys, s.HeapSys)
	m.sys = max(m.sys, s.Sys)
}

// memSampler records memory high-water marks per phase. Sampling (rather
// than reading once at the end) catches a transient peak, which is what
// breaks a worker with a memory limit.
type memSampler struct {
	mu      sync.Mutex
	current string
	peaks   map[string]*memPeak
	all     memPeak
	quit    chan struct{}
	done    chan struct{}
	once    sync.Once
}

func startMemSampler(every time.Duration) *memSampler {
	m := &memSampler{peaks: map[string]*memPeak{}, quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-m.quit:
				return
			case <-t.C:
				m.sample()
			}
		}
	}()
	return m
}

func (m *memSampler) sample() {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.all.update(&s)
	if p := m.peaks[m.current]; p != nil {
		p.update(&s)
	}
}

// phase closes the current phase with a last sample and starts name.
func (m *memSampler) phase(name string) {
	m.sample()
	m.mu.Lock()
	m.current = name
	if name != "" {
		m.peaks[name] = &memPeak{}
	}
	m.mu.Unlock()
	m.sample()
}

func (m *memSampler) peakOf(name string) memPeak {
	m.sample()
	m.mu.Lock()
	defer m.mu.Unlock()
	if p := m.peaks[name]; p != nil {
		return *p
	}
	return memPeak{}
}

func (m *memSampler) overall() memPeak {
	m.sample()
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.all
}

func (m *memSampler) stop() {
	m.once.Do(func() {
		close(m.quit)
		<-m.done
	})
}

// maxRSS is the process's peak resident set size, from getrusage (Linux
// reports kilobytes).
func maxRSS() uint64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return uint64(ru.Maxrss) * 1024
}

func mebibytes(b uint64) string {
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}

func megabytes(b int64) string {
	return fmt.Sprintf("%.1f MB", float64(b)/1e6)
}

// thousands writes n with thousands separators: 1,000,000.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// describeProblems adds a rejected sheet's problems to its error.
func describeProblems(err error) error {
	lines := sheetProblems(err)
	if len(lines) == 0 {
		return err
	}
	return fmt.Errorf("%w:\n  %s", err, strings.Join(lines, "\n  "))
}

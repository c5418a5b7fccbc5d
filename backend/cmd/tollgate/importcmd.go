package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/periodic"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/backend/ratesheet"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrlineerror"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
	"github.com/tollgate/tollgate/ent/tariff"
)

func newImportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Import a CDR file or a rate sheet from the command line",
		Long: `Import files the way the staff app does, from a shell or a script: the same
checks, the same messages. Uses the configured database (DATABASE_URL, else the
embedded one in --data-dir) and applies pending migrations first.`,
	}
	cmd.AddCommand(newImportCdrCmd(), newImportRatesCmd())
	return cmd
}

func init() { rootCmd.AddCommand(newImportCmd()) }

// importCdrOptions are the options of `tollgate import cdr`.
type importCdrOptions struct {
	provider  string // name or id
	direction string
	noAnalyse bool
	progress  bool // draw progress bars (standard error is a terminal)
}

func newImportCdrCmd() *cobra.Command {
	var (
		f runtimeFlags
		o importCdrOptions
	)
	cmd := &cobra.Command{
		Use:   "cdr --provider NAME_OR_ID [--direction outbound|inbound] [--no-analyse] FILE",
		Short: "Upload a CDR file and analyse it here, or queue it for a worker",
		Long: `Store a provider's CDR file as an upload, then analyse it in this process and
print the analysis: lines read, priced, without customer, without rate, zero
duration, duplicates, unreadable, and the totals. The same file twice is
refused, naming the earlier upload.

With --no-analyse the file is only stored and its analysis queued for a
running worker (tollgate worker or serve with REDIS_URL).`,
		Args: exactlyOneFile("CDR file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := f.config()
			if err != nil {
				return err
			}
			o.progress = isTerminal(cmd.ErrOrStderr())
			ctx, stop := signalContext()
			defer stop()
			return runImportCdr(ctx, cfg, o, args[0], cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&o.provider, "provider", "", "the provider that sent the file: its name or id (required)")
	cmd.Flags().StringVar(&o.direction, "direction", "outbound", "outbound (calls made by customers) or inbound (calls to their numbers)")
	cmd.Flags().BoolVar(&o.noAnalyse, "no-analyse", false, "only store the file and queue its analysis for a running worker")
	f.bind(cmd, false)
	return cmd
}

func exactlyOneFile(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return fmt.Errorf("give one %s to import; got %d arguments", what, len(args))
		}
		return nil
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// openForImport opens the runtime quietly (warnings only) with migrations
// applied, so an import into a new embedded data directory works.
func openForImport(ctx context.Context, cfg platform.Config, stderr io.Writer) (*app.App, error) {
	return app.Open(ctx, cfg, platform.NewLogger(stderr, "warn", cfg.LogFormat), true)
}

func runImportCdr(ctx context.Context, cfg platform.Config, o importCdrOptions, path string, stdout, stderr io.Writer) error {
	if strings.TrimSpace(o.provider) == "" {
		return errors.New("--provider is required: the name or id of the provider that sent the file")
	}
	dir, err := parseDirection(o.direction)
	if err != nil {
		return err
	}
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot open the CDR file: %w", err)
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return fmt.Errorf("cannot read the CDR file: %w", err)
	}
	a, err := openForImport(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	sys := viewer.System(ctx)
	c := a.DB.Client
	p, err := findProvider(sys, c, o.provider)
	if err != nil {
		return err
	}

	bar := newBar(o.progress, st.Size(), "storing  ", stderr)
	name := filepath.Base(path)
	up, err := a.Analysis.Upload(sys, analysis.UploadInput{ProviderID: p.ID, Direction: cdrupload.Direction(dir),
		FileName: name, File: file, Progress: func(n int64) { _ = bar.Set64(n) }})
	_ = bar.Finish()
	if err != nil {
		return fmt.Errorf("%s was not stored: %w", name, err)
	}
	fmt.Fprintf(stdout, "stored %s as upload %d (%s from %s, %s)\n", name, up.ID, strings.ToLower(string(up.Direction)), p.Name, megabytes(up.SizeBytes))

	if o.noAnalyse {
		queued, err := a.Analysis.StartAnalysis(sys, up.ID)
		if err != nil {
			return fmt.Errorf("%s is stored but its analysis could not be asked for: %w; re-analyse it from the Uploads page", name, err)
		}
		if analysis.Phase(queued.Phase) == analysis.PhaseWaitingForQueue {
			fmt.Fprintf(stdout, "%s is stored; the queue did not answer, and a worker queues its analysis once the queue is back\n", name)
		} else if a.Redis.Embedded() {
			// The in-process queue ends with this process; the row does not.
			fmt.Fprintf(stdout, "%s waits for analysis: with the embedded queue, `tollgate serve` analyses it when it next starts\n", name)
		} else {
			fmt.Fprintf(stdout, "%s queued for analysis by a running worker\n", name)
		}
		return nil
	}

	run, err := a.Analysis.RequestAnalysis(sys, up.ID)
	if err != nil {
		return err
	}
	start := time.Now()
	err = analyseWithProgress(sys, a, up, run, o.progress, stderr)
	if err != nil {
		return fmt.Errorf("the analysis of %s stopped: %w", name, err)
	}
	if up, err = c.CdrUpload.Get(sys, up.ID); err != nil {
		return err
	}
	printUploadSummary(sys, stdout, c, up, p, a.Pricing.MajorSymbol, time.Since(start))
	if up.Status == cdrupload.StatusFailed {
		return fmt.Errorf("the analysis of %s failed: %s", name, up.FailureReason)
	}
	return nil
}

// analyseWithProgress runs the analysis here while a bar follows the
// upload row, where the analysis writes its progress twice a second.
func analyseWithProgress(ctx context.Context, a *app.App, up *ent.CdrUpload, run int, show bool, stderr io.Writer) error {
	bar := newBar(show, up.BytesTotal, "analysing", stderr)
	stop := periodic.Every(250*time.Millisecond, func() {
		u, err := a.DB.Client.CdrUpload.Get(ctx, up.ID)
		if err != nil {
			return
		}
		bar.Describe(fmt.Sprintf("analysing %s lines (%s/s) %-10s", thousands(u.LinesDone), thousands(u.LinesPerSecond), u.Phase))
		_ = bar.Set64(u.BytesDone)
	})
	err := a.Analysis.Analyse(ctx, up.ID, run)
	stop()
	if err == nil {
		_ = bar.Set64(up.BytesTotal)
	}
	_ = bar.Finish()
	return err
}

func newBar(show bool, total int64, desc string, w io.Writer) *progressbar.ProgressBar {
	if !show {
		return progressbar.DefaultBytesSilent(total, desc)
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetDescription(desc),
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
		progressbar.OptionSetRenderBlankState(true),
	)
}

// printUploadSummary prints an analysed upload's counters and totals, and
// the first unreadable lines with their reasons.
func printUploadSummary(ctx context.Context, w io.Writer, c *ent.Client, u *ent.CdrUpload, p *ent.Provider, symbol string, took time.Duration) {
	fmt.Fprintf(w, "upload %d: %s from %s (%s), %s: %s in %.1f s\n", u.ID, u.FileName, p.Name, strings.ToLower(string(p.CdrFormat)),
		strings.ToLower(string(u.Direction)), u.Status, took.Seconds())
	if u.Status == cdrupload.StatusFailed {
		fmt.Fprintf(w, "failure: %s\n", u.FailureReason)
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range []struct {
		name string
		n    int64
	}{
		{"lines read", u.LinesRead}, {"priced", u.Priced}, {"without customer", u.WithoutCustomer},
		{"without rate", u.WithoutRate}, {"zero duration", u.ZeroDuration}, {"duplicates", u.Duplicates},
		{"unreadable", u.Unreadable},
	} {
		fmt.Fprintf(tw, "  %s\t%s\t\n", r.name, thousands(r.n))
	}
	if u.NotVoice > 0 {
		fmt.Fprintf(tw, "  not voice calls (SMS, data; not counted)\t%s\t\n", thousands(u.NotVoice))
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "total price %s%s, cost %s%s (priced calls with a known cost), margin %s%s\n",
		symbol, u.TotalPrice.StringFixed(2), symbol, u.TotalCost.StringFixed(2), symbol, u.TotalMargin.StringFixed(2))
	if u.Unreadable > 0 {
		errs, err := c.CdrLineError.Query().Where(cdrlineerror.HasUploadWith(cdrupload.ID(u.ID))).
			Order(ent.Asc(cdrlineerror.FieldLine)).Limit(5).All(ctx)
		if err == nil {
			fmt.Fprintln(w, "unreadable lines:")
			for _, e := range errs {
				fmt.Fprintf(w, "  line %d: %s\n", e.Line, e.Reason)
			}
			if u.Unreadable > int64(len(errs)) {
				fmt.Fprintf(w, "  … and %s more (see the upload in the staff app)\n", thousands(u.Unreadable-int64(len(errs))))
			}
		}
	}
	if u.WithoutCustomer > 0 || u.WithoutRate > 0 {
		fmt.Fprintln(w, "calls without a customer or a rate are listed on the upload's reconciliation page; fix CLIs or rates, then re-analyse")
	}
}

// findProvider finds a provider by id or by name (case-insensitive); an
// unknown one lists the known ones.
func findProvider(ctx context.Context, c *ent.Client, ref string) (*ent.Provider, error) {
	ref = strings.TrimSpace(ref)
	return findByRef(ctx, ref, "provider", c.Provider.Get,
		func(ctx context.Context, name string) (*ent.Provider, error) {
			return c.Provider.Query().Where(provider.NameEqualFold(name)).Only(ctx)
		},
		func(ctx context.Context) ([]string, error) {
			all, err := c.Provider.Query().Order(ent.Asc(provider.FieldName)).All(ctx)
			if err != nil {
				return nil, err
			}
			if len(all) == 0 {
				return nil, apperr.New(apperr.NotFound, "there is no provider %q, nor any provider yet: add the provider (its CDR format and time zone) in the staff app first", ref)
			}
			known := make([]string, len(all))
			for i, p := range all {
				known[i] = fmt.Sprintf("%s (id %d, %s)", p.Name, p.ID, strings.ToLower(string(p.CdrFormat)))
			}
			return known, nil
		})
}

// findByRef finds the what named by ref: by id when ref is a number that
// is one's id, else by name. An unknown ref is NOT_FOUND, listing the
// known ones so that the operator can pick.
func findByRef[T any](ctx context.Context, ref, what string,
	byID func(context.Context, int) (T, error),
	byName func(context.Context, string) (T, error),
	known func(context.Context) ([]string, error),
) (T, error) {
	var zero T
	if id, err := strconv.Atoi(ref); err == nil {
		if v, err := byID(ctx, id); err == nil {
			return v, nil
		} else if !ent.IsNotFound(err) {
			return zero, err
		}
	}
	if v, err := byName(ctx, ref); err == nil {
		return v, nil
	} else if !ent.IsNotFound(err) {
		return zero, err
	}
	names, err := known(ctx)
	if err != nil {
		return zero, err
	}
	return zero, apperr.New(apperr.NotFound, "there is no %s %q; the %ss are: %s", what, ref, what, strings.Join(names, ", "))
}

func parseDirection(s string) (entratesheet.Direction, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "outbound", "":
		return entratesheet.DirectionOutbound, nil
	case "inbound":
		return entratesheet.DirectionInbound, nil
	}
	return "", fmt.Errorf("--direction %q: use outbound (calls customers make) or inbound (calls to customers' numbers)", s)
}

// importRatesOptions are the options of `tollgate import rates`.
type importRatesOptions struct {
	tariff        string // name or id; empty: the default tariff
	provider      string // name, id, or "any"
	direction     string
	effectiveFrom string // RFC 3339; empty: now
	units         string
}

func newImportRatesCmd() *cobra.Command {
	var (
		f runtimeFlags
		o importRatesOptions
	)
	cmd := &cobra.Command{
		Use:   "rates [--tariff NAME] [--provider NAME|any] [--direction outbound|inbound] [--effective-from RFC3339] [--units minor|major] FILE",
		Short: "Upload a rate sheet as the next version of a tariff's prices",
		Long: `Validate a rate sheet CSV (docs/rating.md) and store it as the next version for a
tariff, a provider (or any provider) and a direction, in force from
--effective-from. A sheet is accepted whole or rejected whole: a rejection
prints every bad line and changes nothing.`,
		Args: exactlyOneFile("rate sheet"),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := f.config()
			if err != nil {
				return err
			}
			ctx, stop := signalContext()
			defer stop()
			return runImportRates(ctx, cfg, o, args[0], cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.tariff, "tariff", "", "tariff name or id (default: the default tariff)")
	fl.StringVar(&o.provider, "provider", "any", "provider name or id whose calls the sheet prices, or any")
	fl.StringVar(&o.direction, "direction", "outbound", "outbound or inbound")
	fl.StringVar(&o.effectiveFrom, "effective-from", "", "when the sheet takes effect, RFC 3339 such as 2026-07-01T00:00:00+01:00 (default: now)")
	fl.StringVar(&o.units, "units", "minor", "money units of the sheet: minor (pence) or major (pounds)")
	f.bind(cmd, false)
	return cmd
}

func runImportRates(ctx context.Context, cfg platform.Config, o importRatesOptions, path string, stdout, stderr io.Writer) error {
	dir, err := parseDirection(o.direction)
	if err != nil {
		return err
	}
	units, err := ratesheet.ParseUnits(o.units)
	if err != nil {
		return fmt.Errorf("--units: %w", err)
	}
	var from *time.Time
	if s := strings.TrimSpace(o.effectiveFrom); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return fmt.Errorf("--effective-from %q is not an RFC 3339 time such as 2026-07-01T00:00:00+01:00", s)
		}
		from = &t
	}
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot open the rate sheet: %w", err)
	}
	defer file.Close()

	a, err := openForImport(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	sys := viewer.System(ctx)
	c := a.DB.Client
	t, err := findTariff(sys, a.Pricing, o.tariff)
	if err != nil {
		return err
	}
	var providerID *int
	providerName := "any provider"
	if p := strings.TrimSpace(o.provider); p != "" && !strings.EqualFold(p, "any") {
		prov, err := findProvider(sys, c, p)
		if err != nil {
			return err
		}
		providerID, providerName = &prov.ID, prov.Name
	}

	// Upload is one transaction: a failure leaves no half version behind.
	sheet, err := a.Pricing.Upload(sys, tariffs.UploadInput{TariffID: t.ID, ProviderID: providerID,
		Direction: dir, EffectiveFrom: from, Units: units, FileName: filepath.Base(path), File: file})
	if err != nil {
		for _, line := range sheetProblems(err) {
			fmt.Fprintln(stderr, "  "+line)
		}
		return err
	}
	fmt.Fprintf(stdout, "rate sheet %s stored as version %d of tariff %s (%s, %s): %s rows in %s, in force from %s\n",
		filepath.Base(path), sheet.Version, t.Name, providerName, strings.ToLower(string(dir)), thousands(int64(sheet.RowCount)),
		units, sheet.EffectiveFrom.In(a.Config.Location()).Format(time.RFC3339))
	return nil
}

// findTariff finds a tariff by id or name (case-insensitive); empty means
// the default tariff. An unknown one lists the known ones.
func findTariff(ctx context.Context, pricing *tariffs.Service, ref string) (*ent.Tariff, error) {
	c := pricing.Client
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return pricing.DefaultTariff(ctx)
	}
	return findByRef(ctx, ref, "tariff", c.Tariff.Get,
		func(ctx context.Context, name string) (*ent.Tariff, error) {
			return c.Tariff.Query().Where(tariff.NameEqualFold(name)).Only(ctx)
		},
		func(ctx context.Context) ([]string, error) {
			all, err := c.Tariff.Query().Order(ent.Asc(tariff.FieldName)).All(ctx)
			if err != nil {
				return nil, err
			}
			known := make([]string, len(all))
			for i, t := range all {
				known[i] = t.Name
				if t.IsDefault {
					known[i] += " (default)"
				}
			}
			return known, nil
		})
}

// sheetProblems lists every bad line of a rejected sheet, one a line.
func sheetProblems(err error) []string {
	var ve *ratesheet.ValidationError
	if errors.As(err, &ve) {
		out := make([]string, len(ve.Problems))
		for i, p := range ve.Problems {
			out[i] = p.String()
		}
		return out
	}
	return nil
}

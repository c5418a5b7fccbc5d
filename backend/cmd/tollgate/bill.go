package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingschedule"
	"github.com/tollgate/tollgate/ent/invoice"
)

// billOptions are the options of `tollgate bill`.
type billOptions struct {
	schedule, period, issueDate, minimum string
	startNumber                          int64
	preview, sendEmails                  bool
}

func newBillCmd() *cobra.Command {
	var (
		f runtimeFlags
		o billOptions
	)
	cmd := &cobra.Command{
		Use:   "bill --schedule NAME --period 2026-06 [--preview]",
		Short: "Preview or run the billing of a schedule's period",
		Long: `Bill a schedule's customers for one period, as the billing-run wizard does:
the same checks, the same invoices and numbers. With --preview it prints the
invoices the run would issue and writes nothing; without, it issues them here
and prints them. A period is billed once: a second run is refused.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := f.config()
			if err != nil {
				return err
			}
			ctx, stop := signalContext()
			defer stop()
			return runBill(ctx, cfg, o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&o.schedule, "schedule", "", "the schedule to bill, by name (required)")
	cmd.Flags().StringVar(&o.period, "period", "", "the period in the schedule's words: 2026-06, 2026-Q2, a week's first day, or 2026-06-01..2026-06-30 (required)")
	cmd.Flags().BoolVar(&o.preview, "preview", false, "print the invoices the run would issue and write nothing")
	cmd.Flags().StringVar(&o.issueDate, "issue-date", "", "the invoices' date, 2026-07-01 (default: the day after the period)")
	cmd.Flags().Int64Var(&o.startNumber, "start-number", 0, "a custom first invoice number above every number used (default: the next in sequence)")
	cmd.Flags().StringVar(&o.minimum, "minimum", "0", "customers whose invoice total would be below this get no invoice this run")
	cmd.Flags().BoolVar(&o.sendEmails, "send-emails", false, "email the invoices to customers on email delivery")
	f.bind(cmd, false)
	return cmd
}

func init() { rootCmd.AddCommand(newBillCmd()) }

func runBill(ctx context.Context, cfg platform.Config, o billOptions, stdout, stderr io.Writer) error {
	if strings.TrimSpace(o.schedule) == "" || strings.TrimSpace(o.period) == "" {
		return errors.New("--schedule and --period are required: tollgate bill --schedule Monthly --period 2026-06")
	}
	in := invoicing.RunInput{Period: strings.TrimSpace(o.period), StartNumber: o.startNumber, SendEmails: o.sendEmails}
	var err error
	if in.Minimum, err = decimal.NewFromString(o.minimum); err != nil {
		return fmt.Errorf("--minimum %q is not an amount such as 5.00", o.minimum)
	}
	if o.issueDate != "" {
		if in.IssueDate, err = rules.ParseDate(o.issueDate); err != nil {
			return fmt.Errorf("--issue-date: %w", err)
		}
	}
	a, err := openForImport(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	ctx = viewer.System(ctx)
	sch, err := a.DB.Client.BillingSchedule.Query().Where(billingschedule.Name(strings.TrimSpace(o.schedule))).Only(ctx)
	if ent.IsNotFound(err) {
		names, _ := a.DB.Client.BillingSchedule.Query().Order(ent.Asc(billingschedule.FieldName)).Select(billingschedule.FieldName).Strings(ctx)
		if len(names) == 0 {
			return fmt.Errorf("there is no schedule named %q, and no schedules yet: create one first", o.schedule)
		}
		return fmt.Errorf("there is no schedule named %q; the schedules are: %s", o.schedule, strings.Join(names, ", "))
	}
	if err != nil {
		return err
	}
	in.ScheduleID = sch.ID
	if o.preview {
		p, err := a.Invoicing.Preview(ctx, in)
		if err != nil {
			return err
		}
		printPreview(stdout, p)
		return nil
	}
	run, err := a.Invoicing.Start(ctx, in)
	if err != nil {
		return err
	}
	if err := a.Invoicing.Execute(ctx, run.ID); err != nil && !errors.Is(err, invoicing.ErrDone) {
		return err
	}
	run, err = a.DB.Client.BillingRun.Get(ctx, run.ID)
	if err != nil {
		return err
	}
	if run.FailureReason != "" {
		return fmt.Errorf("the run of %s failed: %s", run.PeriodName, run.FailureReason)
	}
	invs, err := run.QueryInvoices().Order(ent.Asc(invoice.FieldNumber)).All(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Billed %s of %s: %d invoices, total %s\n", run.PeriodName, sch.Name, len(invs), run.Total.StringFixed(int32(cfg.InvoiceDecimals)))
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "Number\tCustomer\tName\tIssued\tDue\tNet\tTax\tTotal\t")
	for _, inv := range invs {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", inv.Number, inv.CustomerReference, inv.CustomerName,
			inv.IssueDate.UTC().Format("2006-01-02"), inv.DueDate.UTC().Format("2006-01-02"),
			inv.NetTotal.StringFixed(int32(cfg.InvoiceDecimals)), inv.TaxTotal.StringFixed(int32(cfg.InvoiceDecimals)), inv.Total.StringFixed(int32(cfg.InvoiceDecimals)))
	}
	return w.Flush()
}

func printPreview(out io.Writer, p *invoicing.Preview) {
	fmt.Fprintf(out, "Preview of %s (%s): %d customers, %d invoices, total %s; nothing is issued\n",
		p.PeriodName, p.Period, p.Customers, len(p.Invoices), p.Total.StringFixed(2))
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "Number\tCustomer\tName\tLines\tCalls\tNet\tTax\tTotal\t")
	for _, inv := range p.Invoices {
		lines, calls := 0, int64(0)
		for _, s := range inv.Sections {
			lines += len(s.Lines)
			for _, l := range s.Lines {
				calls += l.Calls
			}
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%d\t%s\t%s\t%s\t\n", inv.Number, inv.Reference, inv.Name, lines, calls,
			inv.Net.StringFixed(2), inv.Tax.StringFixed(2), inv.Total.StringFixed(2))
	}
	_ = w.Flush()
	for _, co := range p.CarriedOver {
		fmt.Fprintf(out, "Carried over (below the minimum): %s %s, %s\n", co.Customer.Reference, co.Customer.Name, co.Total.StringFixed(2))
	}
	for _, warn := range p.Warnings {
		fmt.Fprintln(out, "Warning:", warn)
	}
}

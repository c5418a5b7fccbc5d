package main

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/tollgate/tollgate/backend/internal/csvcell"
	"io"
	"math"
	"math/big"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/ratesheet"
	"github.com/tollgate/tollgate/backend/rating"
)

// rateFlags are the options of `tollgate rate` (docs/rating.md, the
// dry run).
type rateFlags struct {
	rates       string
	peakTimes   string
	format      string
	direction   string
	cdrTimezone string
	timezone    string
	bandMode    string
	rounding    string
	units       string
}

var rateOpts rateFlags

var rateCmd = &cobra.Command{
	Use:   "rate --rates RATES.csv --format FORMAT [flags] CDR_FILE",
	Short: "Price a CDR file against one rate sheet, without a database (dry run)",
	Long: `Price every call of a CDR file against one rate sheet, the way a reseller
checks a new sheet or a provider's file before uploading it.

CSV goes to standard output, one row per call line:
  line,status,source,destination,start,duration,billable_seconds,band,rate_destination,price,cost
Unreadable lines are listed as "rejected" with the reason on standard error,
followed by a summary. CDR_FILE may be - for standard input.

Formats: ` + rateFormatNames(),
	Args: func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return fmt.Errorf("give one CDR file to price (or - for standard input); got %d arguments", len(args))
		}
		return nil
	},
	RunE: func(cmd *cobra.Command, args []string) error {
		var in io.Reader = cmd.InOrStdin()
		if args[0] != "-" {
			f, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("cannot open the CDR file: %w", err)
			}
			defer f.Close()
			in = f
		}
		return runRate(rateOpts, in, cmd.OutOrStdout(), cmd.ErrOrStderr())
	},
}

func init() {
	f := rateCmd.Flags()
	f.StringVar(&rateOpts.rates, "rates", "", "rate sheet CSV (required)")
	f.StringVar(&rateOpts.peakTimes, "peak-times", "", "peak-times CSV (default: every time is peak)")
	f.StringVar(&rateOpts.format, "format", "", "CDR format: "+rateFormatNames()+" (required)")
	f.StringVar(&rateOpts.direction, "direction", "outbound", "outbound (rate by the dialled number) or inbound (rate by the caller's number)")
	f.StringVar(&rateOpts.cdrTimezone, "cdr-timezone", "", "time zone of the CDR timestamps (default: the format's own zone, else --timezone)")
	f.StringVar(&rateOpts.timezone, "timezone", rating.DefaultTimeZone, "deployment time zone: peak times and the start column use it")
	f.StringVar(&rateOpts.bandMode, "band-mode", "start", "start (band at the call's start) or split (each second at its band)")
	f.StringVar(&rateOpts.rounding, "rounding", "half-up", "price rounding: half-up, half-even, up or down")
	f.StringVar(&rateOpts.units, "units", "minor", "money units of the rate sheet: minor (pence) or major (pounds)")
	rootCmd.AddCommand(rateCmd)
}

func rateFormatNames() string {
	var names []string
	for _, f := range cdr.Formats {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// rateHeader is the exact header of the dry run's output.
const rateHeader = "line,status,source,destination,start,duration,billable_seconds,band,rate_destination,price,cost\n"

// rateSetup is everything built from the flags before the CDR file is read.
type rateSetup struct {
	rater   *rating.Rater
	format  cdr.Format
	cdrZone *rating.Zone
	zone    *rating.Zone
	dir     rating.Direction
	cc      string
}

func prepareRate(o rateFlags) (*rateSetup, error) {
	s := &rateSetup{cc: rating.DefaultCountryCode}
	if o.rates == "" {
		return nil, errors.New("--rates is required: the rate sheet CSV to price with")
	}
	if o.format == "" {
		return nil, fmt.Errorf("--format is required: one of %s", rateFormatNames())
	}
	var err error
	if s.format, err = cdr.LookupFormat(o.format); err != nil {
		return nil, err
	}
	if s.dir, err = rating.ParseDirection(o.direction); err != nil {
		return nil, fmt.Errorf("--direction: %w", err)
	}
	var ropts rating.Options
	if ropts.BandMode, err = rating.ParseBandMode(o.bandMode); err != nil {
		return nil, fmt.Errorf("--band-mode: %w", err)
	}
	if ropts.Rounding, err = rating.ParseRounding(o.rounding); err != nil {
		return nil, fmt.Errorf("--rounding: %w", err)
	}
	units, err := ratesheet.ParseUnits(o.units)
	if err != nil {
		return nil, fmt.Errorf("--units: %w", err)
	}
	if s.zone, err = rating.LoadZone(o.timezone); err != nil {
		return nil, fmt.Errorf("--timezone: %w", err)
	}
	cdrZoneName := o.cdrTimezone
	if cdrZoneName == "" {
		// docs/cdr-formats.md: a format may fix its zone (FCS is UK local time);
		// otherwise the provider's zone defaults to the deployment's.
		cdrZoneName = s.format.Zone
	}
	switch cdrZoneName {
	case "", o.timezone:
		s.cdrZone = s.zone
	default:
		if s.cdrZone, err = rating.LoadZone(cdrZoneName); err != nil {
			return nil, fmt.Errorf("--cdr-timezone: %w", err)
		}
	}

	rf, err := os.Open(o.rates)
	if err != nil {
		return nil, fmt.Errorf("cannot open the rate sheet: %w", err)
	}
	defer rf.Close()
	rows, err := ratesheet.Read(rf, ratesheet.Options{Units: units, CountryCode: s.cc})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.rates, err)
	}
	table, err := ratesheet.Table(rows, s.cc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.rates, err)
	}
	peak := rating.AllPeak()
	if o.peakTimes != "" {
		pf, err := os.Open(o.peakTimes)
		if err != nil {
			return nil, fmt.Errorf("cannot open the peak times: %w", err)
		}
		defer pf.Close()
		if peak, err = ratesheet.ReadPeakTimes(pf); err != nil {
			return nil, fmt.Errorf("%s: %w", o.peakTimes, err)
		}
	}
	if s.rater, err = rating.NewRater(table, peak, s.zone, ropts); err != nil {
		return nil, err
	}
	return s, nil
}

// rateSummary counts the lines of a run (docs/analysis.md, Every line counted once).
type rateSummary struct {
	read, rated, noRate, zero, rejected, excluded int
	total                                         int64
	overflow                                      *big.Int // the part of the total beyond int64
}

func (s *rateSummary) add(price int64) {
	if s.total > math.MaxInt64-price {
		if s.overflow == nil {
			s.overflow = new(big.Int)
		}
		s.overflow.Add(s.overflow, big.NewInt(s.total))
		s.total = 0
	}
	s.total += price
}

func (s *rateSummary) totalString(decimals int) string {
	if s.overflow == nil {
		return rating.FormatFixed(s.total, decimals)
	}
	t := new(big.Int).Add(s.overflow, big.NewInt(s.total))
	str := t.String()
	for len(str) <= decimals {
		str = "0" + str
	}
	return str[:len(str)-decimals] + "." + str[len(str)-decimals:]
}

// runRate is the dry run: it prices the CDR file in against the sheet named
// in o and writes the CSV to stdout and problems and the summary to stderr.
// It returns an error only when the run could not be completed.
func runRate(o rateFlags, in io.Reader, stdout, stderr io.Writer) error {
	s, err := prepareRate(o)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	if _, err := out.WriteString(rateHeader); err != nil {
		return err
	}
	decimals := s.rater.Decimals()
	rd := cdr.NewReader(in, s.format, s.cdrZone)
	var sum rateSummary
	buf := make([]byte, 0, 512)
	for rd.Next() {
		if p := rd.Problem(); p != nil {
			if p.Excluded {
				sum.excluded++
				continue
			}
			sum.read++
			sum.rejected++
			fmt.Fprintln(stderr, p.Error())
			buf = strconv.AppendInt(buf[:0], int64(p.Line), 10)
			buf = append(buf, ",rejected,,,,,,,,,\n"...)
			if _, err := out.Write(buf); err != nil {
				return err
			}
			continue
		}
		rec := rd.Record()
		sum.read++
		src, _ := rating.Normalize(rec.Source, s.cc)
		dst, _ := rating.Normalize(rec.Destination, s.cc)
		_, number := s.dir.Numbers(src, dst)
		res := s.rater.Rate(rating.Call{ChargeCode: rec.ChargeCode, Number: number, Start: rec.Start, Duration: rec.Duration})

		buf = strconv.AppendInt(buf[:0], int64(rec.Line), 10)
		buf = append(buf, ',')
		buf = append(buf, res.Status.String()...)
		buf = append(buf, ',')
		buf = appendCSVField(buf, csvcell.Text(src))
		buf = append(buf, ',')
		buf = appendCSVField(buf, csvcell.Text(dst))
		buf = append(buf, ',')
		// RFC 3339 with a numeric offset always: "-07:00", never "Z".
		buf = rec.Start.In(s.zone.Location()).AppendFormat(buf, "2006-01-02T15:04:05-07:00")
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, rec.Duration, 10)
		buf = append(buf, ',')
		switch res.Status {
		case rating.Rated:
			buf = strconv.AppendInt(buf, res.BillableSeconds, 10)
		case rating.ZeroDuration:
			buf = append(buf, '0')
		}
		buf = append(buf, ',')
		buf = append(buf, res.Band.String()...)
		buf = append(buf, ',')
		if res.Status == rating.Rated {
			sum.rated++
			sum.add(res.Price)
			buf = appendCSVField(buf, csvcell.Text(res.Rate.RateDestination()))
			buf = append(buf, ',')
			buf = rating.AppendFixed(buf, res.Price, decimals)
			buf = append(buf, ',')
			if res.CostKnown {
				buf = rating.AppendFixed(buf, res.Cost, decimals)
			}
		} else {
			if res.Status == rating.NoRate {
				sum.noRate++
			} else {
				sum.zero++
			}
			buf = append(buf, ",,"...)
		}
		buf = append(buf, '\n')
		if _, err := out.Write(buf); err != nil {
			return err
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if err := rd.Err(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "lines read: %d, rated: %d, no rate: %d, zero duration: %d, rejected: %d, total price: %s\n",
		sum.read, sum.rated, sum.noRate, sum.zero, sum.rejected, sum.totalString(decimals))
	if sum.excluded > 0 {
		fmt.Fprintf(stderr, "not voice calls (excluded, not counted): %d\n", sum.excluded)
	}
	return nil
}

// appendCSVField writes a field, quoted only when it must be (as
// encoding/csv decides: a comma, quote, CR or LF, or a leading space).
func appendCSVField(dst []byte, s string) []byte {
	if s == "" || (!strings.ContainsAny(s, ",\"\r\n") && s[0] != ' ' && s[0] != '\t') {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, s[i])
	}
	return append(dst, '"')
}

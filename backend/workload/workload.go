// Package workload generates a realistic, reproducible UK reseller for
// benchmarks and load tests: customers with their CLIs, a rate sheet, and a
// CDR file in a built-in format.
//
// Everything comes from one seed: the same Config gives the same bytes, so
// two benchmark runs (or a benchmark and a bug report) work on the same data.
// The CDR file is written as a stream, so a file of any size costs the same
// memory; only the customers, CLIs and rate rows (tens of thousands) are
// held.
//
// The generator knows which counter every line it writes must land in
// (docs/analysis.md, Every line counted once), and returns those figures, so a benchmark can
// check an analysis's counters exactly, not only that they add up.
package workload

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Config sizes a workload. Zero fields take the defaults of Defaults.
type Config struct {
	Seed      uint64
	Customers int // customers (default 5,000)
	Clis      int // CLIs across them (default 20,000): mostly DDIs, some DDI ranges, a few account codes
	Rates     int // rate sheet rows (default 5,000; at least MinRates)
	Calls     int // CDR data lines (default 1,000,000), every kind of line included
	// Format is the CDR format: asterisk, freeswitch or fcs.
	Format string
	// Month is the calendar month the calls fall in, as any time in it
	// (Europe/London). Default October 2026, whose last Sunday ends
	// British Summer Time, so the file crosses a clock change.
	Month time.Time
	// CountryCode is the deployment's (default 44).
	CountryCode string
}

// Defaults returns the standard workload: a reseller of 5,000 customers.
func Defaults() Config {
	return Config{Seed: 1, Customers: 5000, Clis: 20000, Rates: 5000, Calls: 1_000_000, Format: "asterisk",
		Month: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), CountryCode: "44"}
}

// MinRates is the smallest sheet: the UK roots and the charge codes, so every
// UK call the generator writes as rateable has a rate.
const MinRates = 11

// Customer is one generated customer and its CLIs, as typed by a clerk
// (national numbers, ranges ending in *, account codes as the trunk names
// them); customers.Service.ParseCli gives the stored form.
type Customer struct {
	Reference string
	Name      string
	Clis      []string
}

// cliKind is what a CLI is.
type cliKind uint8

const (
	ddi cliKind = iota
	ddiRange
	account
)

// genCli is one CLI as the generator uses it when writing calls.
type genCli struct {
	kind cliKind
	// digits: the E.164 number without + (ddi), the range prefix (ddiRange),
	// or the account code as the PBX writes it (account).
	digits string
}

// Workload is a generated reseller. Build it with New.
type Workload struct {
	cfg       Config
	zone      *time.Location
	customers []Customer
	clis      []genCli
	dialable  []int // indexes of clis that are numbers (FCS carries no account code)
	sheet     []rateRow
	// intl are the rated international roots (country codes in the sheet).
	intl []country
}

// New generates the customers, CLIs and rate sheet of cfg. The CDR file is
// written later, as a stream, by WriteCDR.
func New(cfg Config) (*Workload, error) {
	d := Defaults()
	if cfg.Customers == 0 {
		cfg.Customers = d.Customers
	}
	if cfg.Clis == 0 {
		cfg.Clis = d.Clis
	}
	if cfg.Rates == 0 {
		cfg.Rates = d.Rates
	}
	if cfg.Calls == 0 {
		cfg.Calls = d.Calls
	}
	if cfg.Format == "" {
		cfg.Format = d.Format
	}
	if cfg.Month.IsZero() {
		cfg.Month = d.Month
	}
	if cfg.CountryCode == "" {
		cfg.CountryCode = d.CountryCode
	}
	cfg.Format = strings.ToLower(strings.TrimSpace(cfg.Format))
	switch cfg.Format {
	case "asterisk", "freeswitch", "fcs":
	default:
		return nil, fmt.Errorf("workload: format %q is not one the generator writes: use asterisk, freeswitch or fcs", cfg.Format)
	}
	switch {
	case cfg.Customers < 1:
		return nil, fmt.Errorf("workload: at least one customer is needed, not %d", cfg.Customers)
	case cfg.Clis < cfg.Customers:
		return nil, fmt.Errorf("workload: %d CLIs cannot give each of %d customers one", cfg.Clis, cfg.Customers)
	case cfg.Clis > 900_000:
		return nil, fmt.Errorf("workload: at most 900,000 CLIs, not %d", cfg.Clis)
	case cfg.Rates < MinRates:
		return nil, fmt.Errorf("workload: a sheet needs at least %d rows (the UK roots and charge codes), not %d", MinRates, cfg.Rates)
	case cfg.Calls < 1:
		return nil, fmt.Errorf("workload: at least one call is needed, not %d", cfg.Calls)
	}
	zone, err := time.LoadLocation("Europe/London")
	if err != nil {
		return nil, fmt.Errorf("workload: %w", err)
	}
	w := &Workload{cfg: cfg, zone: zone}
	// Separate streams for the reseller and the calls: the reseller is the
	// same whatever the number of calls.
	w.genCustomers(rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15)))
	w.genSheet(rand.New(rand.NewPCG(cfg.Seed, 0xd1b54a32d192ed03)))
	return w, nil
}

// Config returns the configuration with defaults filled in.
func (w *Workload) Config() Config { return w.cfg }

// Customers returns the generated customers with their CLIs.
func (w *Workload) Customers() []Customer { return w.customers }

// MonthStart returns the first instant of the calls' month in UK time.
func (w *Workload) MonthStart() time.Time {
	m := w.cfg.Month.In(w.zone)
	return time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, w.zone)
}

// SheetEffectiveFrom is when the generated sheet should take effect: a year
// before the calls, well clear of any clock change or time zone question.
func (w *Workload) SheetEffectiveFrom() time.Time { return w.MonthStart().AddDate(-1, 0, 0).UTC() }

var (
	nameFirst = []string{"Northgate", "Riverside", "Oakfield", "Kingsway", "Harbour", "Castle", "Meadow", "Highland",
		"Albion", "Beacon", "Cedar", "Summit", "Bridgewater", "Thornbury", "Ashford", "Westfield", "Greenway",
		"Millbrook", "Pennine", "Severn", "Crown", "Orchard", "Lakeside", "Redwood", "Stonebridge", "Willow"}
	nameTrade = []string{"Plumbing", "Dental Practice", "Solicitors", "Estate Agents", "Motors", "Accountancy",
		"Veterinary Surgery", "Logistics", "Builders", "Care Home", "Opticians", "Recruitment", "Print & Design",
		"Electrical", "Pharmacy", "Hotel", "Surveyors", "Joinery", "IT Services", "Garden Centre"}
	nameForm = []string{"Ltd", "Ltd", "Ltd", "LLP", "& Co", "plc", "Limited"}
)

// genCustomers makes the customers and spreads the CLIs over them: each
// customer has one, the rest go mostly to a few large customers, as in a
// real reseller's book.
func (w *Workload) genCustomers(r *rand.Rand) {
	n, m := w.cfg.Customers, w.cfg.Clis
	w.customers = make([]Customer, n)
	for i := range w.customers {
		w.customers[i] = Customer{
			Reference: fmt.Sprintf("C%06d", i+1),
			Name: fmt.Sprintf("%s %s %s", nameFirst[r.IntN(len(nameFirst))], nameTrade[r.IntN(len(nameTrade))],
				nameForm[r.IntN(len(nameForm))]),
		}
	}
	// Bijections over the number spaces keep every DDI and range distinct
	// without remembering which were used: multipliers coprime with 10^k.
	ddiOff, rangeOff := r.Uint64N(1e9), r.Uint64N(1e6)
	w.clis = make([]genCli, m)
	var nDDI, nRange, nAcct uint64
	for j := range m {
		owner := j
		if j >= n {
			u := r.Float64()
			owner = int(float64(n) * u * u * u) // skewed: big customers own most extra CLIs
		}
		var c genCli
		var typed string
		switch k := r.IntN(100); {
		case k < 88:
			// A geographic DDI, +44 1xxx xxxxxx: exact CLI.
			v := (nDDI*7_654_321 + ddiOff) % 1e9
			nDDI++
			c = genCli{kind: ddi, digits: fmt.Sprintf("441%09d", v)}
			typed = "0" + c.digits[2:]
		case k < 98:
			// A block of 100 London DDIs, 020 xxxx xxNN: a range.
			v := (nRange*7_321 + rangeOff) % 1e6
			nRange++
			c = genCli{kind: ddiRange, digits: fmt.Sprintf("4420%06d", v)}
			typed = "0" + c.digits[2:] + "*"
		default:
			// A SIP trunk's account code, as the PBX writes it.
			nAcct++
			c = genCli{kind: account, digits: fmt.Sprintf("trunk-%05d", nAcct)}
			typed = c.digits
		}
		w.clis[j] = c
		if c.kind != account {
			w.dialable = append(w.dialable, j)
		}
		w.customers[owner].Clis = append(w.customers[owner].Clis, typed)
	}
}

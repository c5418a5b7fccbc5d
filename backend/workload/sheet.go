package workload

import (
	"encoding/csv"
	"io"
	"math/rand/v2"
	"strconv"
)

// country is an international destination root of the sheet.
type country struct {
	code string
	name string
	rate int64 // peak pence per minute × 1000
}

// countries are the international roots, with typical UK wholesale-plus-
// margin peak rates (thousandths of a penny per minute).
var countries = []country{
	{"1", "USA and Canada", 1800}, {"33", "France", 3000}, {"34", "Spain", 2800}, {"49", "Germany", 2800},
	{"39", "Italy", 3200}, {"353", "Ireland", 2500}, {"31", "Netherlands", 3100}, {"32", "Belgium", 3400},
	{"41", "Switzerland", 4200}, {"43", "Austria", 3900}, {"45", "Denmark", 3300}, {"46", "Sweden", 2900},
	{"47", "Norway", 3100}, {"48", "Poland", 2600}, {"351", "Portugal", 3000}, {"30", "Greece", 3500},
	{"90", "Turkey", 6500}, {"91", "India", 2200}, {"92", "Pakistan", 7800}, {"880", "Bangladesh", 5200},
	{"86", "China", 1900}, {"852", "Hong Kong", 2100}, {"81", "Japan", 4800}, {"82", "Korea, South", 3900},
	{"61", "Australia", 3200}, {"64", "New Zealand", 4100}, {"27", "South Africa", 8200}, {"234", "Nigeria", 14500},
	{"254", "Kenya", 12800}, {"233", "Ghana", 16500}, {"20", "Egypt", 11200}, {"971", "United Arab Emirates", 15800},
	{"966", "Saudi Arabia", 13900}, {"972", "Israel", 3800}, {"7", "Russia", 9500}, {"380", "Ukraine", 11900},
	{"40", "Romania", 4600}, {"36", "Hungary", 4100}, {"420", "Czech Republic", 3700}, {"421", "Slovakia", 4400},
	{"359", "Bulgaria", 5200}, {"385", "Croatia", 5600}, {"370", "Lithuania", 6100}, {"371", "Latvia", 6300},
	{"372", "Estonia", 6800}, {"52", "Mexico", 2900}, {"55", "Brazil", 3600}, {"54", "Argentina", 4500},
	{"57", "Colombia", 4200}, {"56", "Chile", 4000}, {"51", "Peru", 4700}, {"63", "Philippines", 13200},
	{"66", "Thailand", 5100}, {"84", "Vietnam", 8900}, {"62", "Indonesia", 7400}, {"60", "Malaysia", 3900},
	{"65", "Singapore", 2300}, {"94", "Sri Lanka", 14800}, {"977", "Nepal", 19500}, {"212", "Morocco", 21000},
	{"213", "Algeria", 24500}, {"216", "Tunisia", 26000}, {"356", "Malta", 5800}, {"357", "Cyprus", 4900},
	{"354", "Iceland", 6600}, {"352", "Luxembourg", 4300}, {"350", "Gibraltar", 7700},
}

// unratedCodes are real international number ranges (satellite and
// international networks, international premium rate) that the sheet never
// covers, nor any prefix of them: calls to them have no rate.
var unratedCodes = []string{"882", "883", "979"}

// rateRow is one sheet line. Money is in thousandths of a penny.
type rateRow struct {
	dest      string
	min, conn int64
	rates     [3]int64 // peak, offpeak, weekend
	costs     [3]int64
	costKnown bool
	desc      string
	block     string
}

// ukRoot is a UK number root the sheet always has.
type ukRoot struct {
	prefix, name string
}

var ukRoots = []ukRoot{
	{"441", "UK Geographic 01"}, {"442", "UK Geographic 02"}, {"443", "UK Non-Geographic 03"},
	{"447", "UK Mobile"}, {"448", "UK Non-Geographic 08"}, {"449", "UK Premium 09"},
}

// chargeCodes are the FCS carriers' destination codes the sheet prices.
var chargeCodes = []ukRoot{
	{"UKN", "UK National (charge code)"}, {"UKL", "UK Local (charge code)"}, {"UKM", "UK Mobile (charge code)"},
	{"UKF", "UK Freephone (charge code)"}, {"UKNG", "UK Non-Geographic (charge code)"},
}

// genSheet builds the sheet: the UK roots, the charge codes, the countries,
// then ever longer prefixes under those roots (level by level, as carriers
// split a range by its operators) until the sheet has cfg.Rates rows.
func (w *Workload) genSheet(r *rand.Rand) {
	k := w.cfg.Rates
	rows := make([]rateRow, 0, k)
	type node struct {
		prefix string
		parent rateRow
		name   string
		intl   bool
	}
	var level []node
	add := func(row rateRow) bool {
		if len(rows) >= k {
			return false
		}
		rows = append(rows, row)
		return true
	}
	for _, u := range ukRoots {
		row := ukRow(r, u.prefix, u.name)
		add(row)
		level = append(level, node{prefix: u.prefix, parent: row, name: u.name})
	}
	for _, c := range chargeCodes {
		row := codeRow(r, c.prefix, c.name)
		add(row)
	}
	for _, c := range countries {
		row := intlRow(r, c, c.code, c.name, c.rate)
		if !add(row) {
			break
		}
		w.intl = append(w.intl, c)
		level = append(level, node{prefix: c.code, parent: row, name: c.name, intl: true})
	}
	for len(rows) < k && len(level) > 0 {
		var next []node
		for _, n := range level {
			for d := byte('0'); d <= '9'; d++ {
				p := n.prefix + string(d)
				var row rateRow
				if n.intl {
					row = childRow(r, n.parent, p, n.name+" +"+p)
				} else {
					row = ukChild(r, n.parent, p)
				}
				if !add(row) {
					break
				}
				next = append(next, node{prefix: p, parent: row, name: n.name, intl: n.intl})
			}
		}
		level = next
	}
	w.sheet = rows
}

// jitter scales v by a factor in [lo, hi), to the nearest thousandth of a
// penny.
func jitter(r *rand.Rand, v int64, lo, hi float64) int64 {
	return int64(float64(v) * (lo + r.Float64()*(hi-lo)))
}

func withCosts(r *rand.Rand, row rateRow) rateRow {
	// One row in twelve has no known buy price: margins are then unknown.
	if r.IntN(12) == 0 {
		return row
	}
	row.costKnown = true
	f := 0.45 + r.Float64()*0.3
	for b := range row.rates {
		row.costs[b] = int64(float64(row.rates[b]) * f)
	}
	return row
}

func ukRow(r *rand.Rand, prefix, name string) rateRow {
	row := rateRow{dest: "+" + prefix, desc: name, block: "1"}
	switch prefix {
	case "447":
		peak := 3000 + r.Int64N(6000)
		row.rates = [3]int64{peak, peak * 2 / 3, peak / 2}
		row.min, row.block = 1000, "60/1"
	case "448":
		peak := 2000 + r.Int64N(4000)
		row.rates = [3]int64{peak, peak / 2, peak / 2}
		row.min, row.conn, row.block = 2000, 2000, "60/1"
	case "449":
		peak := 35000 + r.Int64N(90000)
		row.rates = [3]int64{peak, peak, peak}
		row.min, row.conn, row.block = 10000, 10000, "60/60"
	default:
		peak := 800 + r.Int64N(1000)
		row.rates = [3]int64{peak, peak / 2, peak / 3}
	}
	return withCosts(r, row)
}

// ukChild is a longer UK prefix: a local area (01/02), an operator's mobile
// range (07), freephone (080), or a premium service (09).
func ukChild(r *rand.Rand, parent rateRow, prefix string) rateRow {
	row := parent
	row.dest = "+" + prefix
	row.costKnown = false
	row.costs = [3]int64{}
	row.desc = ukName(prefix)
	if len(prefix) >= 4 && prefix[:4] == "4480" {
		// 080x numbers are free to call from any UK line since 2015.
		row.rates, row.min, row.conn, row.block = [3]int64{}, 0, 0, "1"
		row.desc = "UK Freephone 0" + prefix[2:]
		return row
	}
	for b := range row.rates {
		row.rates[b] = jitter(r, parent.rates[b], 0.8, 1.35)
	}
	// Some carriers bill a few areas by the started minute.
	if row.block == "1" && r.IntN(25) == 0 {
		row.block = "60/60"
	}
	return withCosts(r, row)
}

func ukName(prefix string) string {
	national := "0" + prefix[2:]
	switch prefix[2] {
	case '1', '2':
		return "UK Geographic " + national
	case '3':
		return "UK Non-Geographic " + national
	case '7':
		return "UK Mobile " + national
	case '8':
		return "UK Non-Geographic " + national
	}
	return "UK Premium " + national
}

func codeRow(r *rand.Rand, code, name string) rateRow {
	row := rateRow{dest: code, desc: name, block: "1"}
	switch code {
	case "UKM":
		peak := 3000 + r.Int64N(5000)
		row.rates, row.min, row.block = [3]int64{peak, peak * 2 / 3, peak / 2}, 1000, "60/1"
	case "UKF":
		return row // free, cost unknown
	case "UKNG":
		peak := 1500 + r.Int64N(3000)
		row.rates = [3]int64{peak, peak / 2, peak / 2}
	default:
		peak := 700 + r.Int64N(900)
		row.rates = [3]int64{peak, peak / 2, peak / 3}
	}
	return withCosts(r, row)
}

func intlRow(r *rand.Rand, c country, prefix, name string, rate int64) rateRow {
	peak := jitter(r, rate, 0.9, 1.1)
	row := rateRow{dest: "+" + prefix, desc: name, rates: [3]int64{peak, peak, peak}, block: "1"}
	switch {
	case c.code == "1":
		row.block = "6/6"
	case r.IntN(8) == 0:
		row.block = "60/60"
	case r.IntN(8) == 0:
		row.block = "30/6"
	}
	return withCosts(r, row)
}

// childRow is a longer international prefix: mobile ranges cost more.
func childRow(r *rand.Rand, parent rateRow, prefix, desc string) rateRow {
	row := parent
	row.dest, row.desc = "+"+prefix, desc
	row.costKnown, row.costs = false, [3]int64{}
	f := 0.85 + r.Float64()*0.3
	if r.IntN(3) == 0 {
		f = 1.5 + r.Float64()*1.5 // a mobile range
	}
	for b := range row.rates {
		row.rates[b] = int64(float64(parent.rates[b]) * f)
	}
	return withCosts(r, row)
}

// sheetHeader is the column order of docs/rating.md.
var sheetHeader = []string{"Destination", "Minimum Charge", "Connection Fee", "Peak Rate", "Offpeak Rate", "Weekend Rate",
	"Peak Rate Cost", "Offpeak Rate Cost", "Weekend Rate Cost", "Description", "Duration Block"}

// WriteRateSheet writes the sheet as rate sheet CSV (docs/rating.md), money in
// pence (minor units).
func (w *Workload) WriteRateSheet(out io.Writer) error {
	cw := csv.NewWriter(out)
	if err := cw.Write(sheetHeader); err != nil {
		return err
	}
	rec := make([]string, len(sheetHeader))
	for _, row := range w.sheet {
		rec[0] = row.dest
		rec[1], rec[2] = pence(row.min), pence(row.conn)
		for b := range 3 {
			rec[3+b] = pence(row.rates[b])
			rec[6+b] = ""
			if row.costKnown {
				rec[6+b] = pence(row.costs[b])
			}
		}
		rec[9], rec[10] = row.desc, row.block
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// RateRows returns the number of rows of the sheet.
func (w *Workload) RateRows() int { return len(w.sheet) }

// pence writes thousandths of a penny as a decimal number of pence.
func pence(v int64) string {
	s := strconv.FormatInt(v/1000, 10)
	frac := v % 1000
	if frac == 0 {
		return s
	}
	f := strconv.FormatInt(1000+frac, 10)[1:]
	for f[len(f)-1] == '0' {
		f = f[:len(f)-1]
	}
	return s + "." + f
}

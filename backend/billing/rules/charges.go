package rules

import "github.com/shopspring/decimal"

// Recurrence is how often a charge is billed.
type Recurrence string

// A charge is billed once or every month, quarter or year.
const (
	OneOff       Recurrence = "one-off"
	EveryMonth   Recurrence = "monthly"
	EveryQuarter Recurrence = "quarterly"
	EveryYear    Recurrence = "yearly"
)

// Charge is a pending charge on a customer: a product sold once or
// renewed, quantity × unit price.
type Charge struct {
	ID          int    // the caller's; returned on the charge's lines
	Description string // the line's text, usually the product's name
	Recurrence  Recurrence
	Quantity    decimal.Decimal // more than zero
	UnitPrice   decimal.Decimal // at least zero, with no more than invoice_decimals places
	// TaxRate is a percentage (20 for 20%); nil takes the deployment's.
	TaxRate *decimal.Decimal
	// Date is when a one-off charge was made; it is due in a run for a
	// period ending after it.
	Date Date
	// Start and End are the first and last days of a recurring charge's
	// service; End is zero while it runs on.
	Start, End Date
	// BilledThrough is the last day of service already billed, by an
	// earlier run or another system before Tollgate; zero when none is.
	BilledThrough Date
}

// MaxChargeCatchUp bounds the lines one recurring charge may catch up in a run,
// so a start date typed in the wrong century cannot bill a hundred years.
const MaxChargeCatchUp = 120

// monthsOf is the months a monthly charge on schedule s follows: the
// schedule's own on a monthly schedule, months starting on the quarters'
// anchor day on a quarterly one, calendar months otherwise.
func monthsOf(s Schedule) Schedule {
	switch s.Frequency {
	case Monthly:
		return s
	case Quarterly:
		return Schedule{Frequency: Monthly, Day: s.Day}
	}
	return Schedule{Frequency: Monthly, Day: 1}
}

// dueLines are the lines of c that a run for period p bills: a one-off
// charge dated before p's end, and every period of a recurring charge not
// yet billed whose service starts by p's end (billing in advance).
func dueLines(c Charge, p Period, s Schedule, m Money, rate decimal.Decimal) ([]Line, error) {
	line := Line{
		Kind: ChargeLine, ChargeID: c.ID, Description: c.Description,
		Quantity: c.Quantity, UnitPrice: c.UnitPrice, TaxRate: rate,
	}
	if c.Recurrence == OneOff {
		if !c.Date.Before(p.End) {
			return nil, nil
		}
		line.ServiceFrom, line.ServiceTo = c.Date, c.Date
		line.Amount = m.Round(c.Quantity.Mul(c.UnitPrice))
		return []Line{line}, nil
	}
	from := c.Start
	if !c.BilledThrough.IsZero() && !c.BilledThrough.Before(from) {
		from = c.BilledThrough.AddDays(1)
	}
	ended := func(d Date) bool { return !c.End.IsZero() && d.After(c.End) }
	var lines []Line
	add := func(l Line) error {
		if len(lines) == MaxChargeCatchUp {
			return invalid("billedThrough", "“%s” has more than %d periods to catch up since %s; set the date it is billed through", c.Description, MaxChargeCatchUp, from)
		}
		l.Amount = m.Round(l.Quantity.Mul(l.UnitPrice))
		lines = append(lines, l)
		return nil
	}
	if c.Recurrence == EveryMonth {
		months := monthsOf(s)
		for seg, _ := months.PeriodOf(from); ; seg, _ = months.PeriodOf(seg.End) {
			l := line
			l.ServiceFrom, l.ServiceTo = latest(seg.Start, from), seg.Last()
			if l.ServiceFrom.After(p.End) || ended(l.ServiceFrom) {
				return lines, nil
			}
			if !c.End.IsZero() && c.End.Before(l.ServiceTo) {
				l.ServiceTo = c.End
			}
			// Pro rata counts the first and the last day of service.
			if used := l.ServiceFrom.DaysUntil(l.ServiceTo) + 1; used != seg.Days() {
				l.ProRata = true
				l.UnitPrice = m.RoundQuotient(c.UnitPrice.Mul(decimal.NewFromInt(int64(used))), decimal.NewFromInt(int64(seg.Days())))
			}
			if err := add(l); err != nil {
				return nil, err
			}
		}
	}
	// A quarter or a year runs from the charge's own start date, renewed
	// whole: no pro rata at the start, and none at an end inside it.
	months := 3
	if c.Recurrence == EveryYear {
		months = 12
	}
	k := 0
	if !c.BilledThrough.IsZero() && !c.BilledThrough.Before(c.Start) {
		for c.Start.addMonths((k + 1) * months).AddDays(-1).Before(c.BilledThrough) {
			k++
		}
		if c.Start.addMonths((k+1)*months).AddDays(-1) != c.BilledThrough {
			return nil, invalid("billedThrough", "“%s” renews every %s from %s, so it is billed through the last day of one of its periods, such as %s, not %s",
				c.Description, renewalWord(c.Recurrence), c.Start, c.Start.addMonths((k+1)*months).AddDays(-1), c.BilledThrough)
		}
		k++
	}
	for ; ; k++ {
		seg := Period{c.Start.addMonths(k * months), c.Start.addMonths((k + 1) * months)}
		if seg.Start.After(p.End) || ended(seg.Start) {
			return lines, nil
		}
		l := line
		l.ServiceFrom, l.ServiceTo = seg.Start, seg.Last()
		if err := add(l); err != nil {
			return nil, err
		}
	}
}

func renewalWord(r Recurrence) string {
	if r == EveryYear {
		return "year"
	}
	return "quarter"
}

func latest(a, b Date) Date {
	if a.Before(b) {
		return b
	}
	return a
}

// Validate says what a run could not bill about c, in a sentence, so a
// charge is refused when it is stored rather than at its first run.
func (c Charge) Validate(m Money) error { return validateCharge(c, m) }

// validateCharge says what a run cannot bill about c, in a sentence.
func validateCharge(c Charge, m Money) error {
	switch c.Recurrence {
	case OneOff:
		if c.Date.IsZero() {
			return invalid("date", "“%s” is a one-off charge and needs the date it was made", c.Description)
		}
	case EveryMonth, EveryQuarter, EveryYear:
		if c.Start.IsZero() {
			return invalid("startDate", "“%s” is recurring and needs the date its service starts", c.Description)
		}
		if !c.End.IsZero() && c.End.Before(c.Start) {
			return invalid("endDate", "“%s” ends on %s, before it starts on %s; the end is the last day of service", c.Description, c.End, c.Start)
		}
	default:
		return invalid("recurrence", "“%s” must be one-off, monthly, quarterly or yearly, not %q", c.Description, c.Recurrence)
	}
	if c.Quantity.Sign() <= 0 {
		return invalid("quantity", "the quantity of “%s” is %s; it must be more than zero", c.Description, c.Quantity)
	}
	if c.UnitPrice.Sign() < 0 {
		return invalid("unitPrice", "the unit price of “%s” is %s; a price cannot be negative", c.Description, c.UnitPrice)
	}
	if !m.fits(c.UnitPrice) {
		return invalid("unitPrice", "the unit price of “%s” is %s; charges have at most %d decimal places", c.Description, c.UnitPrice, m.Places)
	}
	if c.TaxRate != nil {
		return validateTaxRate("taxRate", *c.TaxRate, "the tax rate of “"+c.Description+"”")
	}
	return nil
}

var hundred = decimal.NewFromInt(100)

func validateTaxRate(field string, r decimal.Decimal, what string) error {
	if r.Sign() < 0 || r.GreaterThan(hundred) {
		return invalid(field, "%s is %s%%; a tax rate is a percentage from 0 to 100", what, r)
	}
	return nil
}

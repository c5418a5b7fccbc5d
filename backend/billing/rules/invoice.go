package rules

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/settings"
)

// Deployment is what every run of a deployment bills with.
type Deployment struct {
	Money Money
	// DefaultTaxRate is the percentage on Call Charges and on products
	// without a rate of their own.
	DefaultTaxRate decimal.Decimal
	// PaymentTerms is the days from issue to due date for customers
	// without terms of their own.
	PaymentTerms int
}

// Defaults of a deployment that has not set them (BILLING.md).
var (
	DefaultTaxRate      = decimal.NewFromInt(20)
	DefaultPaymentTerms = 30
)

// DeploymentOf reads a deployment's money settings, with the company's
// default tax rate and payment terms, or 20% and 30 days when the settings
// carry no company's.
func DeploymentOf(s settings.Settings) (Deployment, error) {
	r, err := ParseRounding(s.Rounding)
	if err != nil {
		return Deployment{}, invalid("rounding", "%s", err)
	}
	d := Deployment{
		Money:          Money{Places: int32(s.InvoiceDecimals), Rounding: r},
		DefaultTaxRate: DefaultTaxRate, PaymentTerms: DefaultPaymentTerms,
	}
	if c := s.Company; c != nil {
		d.DefaultTaxRate, d.PaymentTerms = c.DefaultTaxRate, c.PaymentTermsDays
	}
	return d, nil
}

// Customer is one customer of a run with what it has to bill.
type Customer struct {
	ID        int // the caller's; names the customer in the result
	Reference string
	Name      string
	// ParentID puts the customer's lines on that customer's invoice
	// (parent billing); 0 bills the customer itself.
	ParentID  int
	TaxExempt bool
	// PaymentTerms is the customer's days to pay; nil takes the
	// deployment's.
	PaymentTerms *int
	Calls        []CallGroup // the calls the run bills, by site
	Charges      []Charge    // its pending charges, due or not
}

// Numbering is where a run's invoice numbers start.
type Numbering struct {
	// Next is the sequence's next number.
	Next int64
	// Custom is a start chosen by the clerk, above every number used; 0
	// takes Next.
	Custom int64
	// HighestUsed is the highest number ever given, deleted invoices
	// included; 0 before the first invoice.
	HighestUsed int64
}

// Run is one billing run: a schedule's period, when and how it is issued,
// and its customers.
type Run struct {
	Schedule Schedule
	Period   Period
	// IssueDate is the invoices' date, on or after the period's end.
	IssueDate Date
	// MinimumTotal leaves a customer whose invoice total is below it
	// unbilled; zero bills everyone.
	MinimumTotal decimal.Decimal
	Numbering    Numbering
	Customers    []Customer
}

// LineKind tells Call Charges from product charges.
type LineKind string

// The kinds of invoice line.
const (
	CallChargesLine LineKind = "calls"
	ChargeLine      LineKind = "charge"
)

// Line is one line of an invoice.
type Line struct {
	Kind        LineKind
	CustomerID  int // whose calls or charge: a child's on its parent's invoice
	ChargeID    int // the charge billed; 0 on Call Charges
	SiteID      int // the site of Call Charges; 0 for calls on no site
	Description string
	// Quantity × UnitPrice, rounded, is Amount. Call Charges have the
	// number of calls as quantity, no unit price and round(CallTotal) as
	// amount.
	Quantity, UnitPrice, Amount decimal.Decimal
	TaxRate                     decimal.Decimal // percent; 0 on a tax-exempt invoice
	// Calls and CallTotal are the calls of Call Charges and the exact sum
	// of their prices, which their statement's rows add up to.
	Calls     int64
	CallTotal decimal.Decimal
	// ServiceFrom and ServiceTo are the first and last days a charge line
	// pays for (a one-off's date for both); the charge is billed through
	// ServiceTo once the invoice is issued.
	ServiceFrom, ServiceTo Date
	// ProRata marks a monthly line for part of its month.
	ProRata bool
}

// Section is the lines of one customer on an invoice: the invoiced
// customer's own come first with no heading, then each child's under
// "<name> (<reference>)".
type Section struct {
	CustomerID int
	Heading    string
	Lines      []Line
}

// TaxLine is an invoice's net and tax at one rate.
type TaxLine struct {
	Rate, Net, Tax decimal.Decimal
}

// Invoice is one customer's invoice for a run.
type Invoice struct {
	Number     int64
	CustomerID int
	Reference  string
	Name       string
	IssueDate  Date
	DueDate    Date
	TaxExempt  bool // says "exempt"; every line is at rate 0
	Sections   []Section
	Taxes      []TaxLine // one per rate, lowest rate first
	Net, Tax   decimal.Decimal
	Total      decimal.Decimal
}

// CarriedOver is a customer below the run's minimum: no invoice, and its
// calls and charges (and its children's) stay for a later run.
type CarriedOver struct {
	CustomerID int
	Total      decimal.Decimal // what its invoice would have come to
	Customers  []int           // it and the children whose lines it would have held
}

// Result is what a run issues.
type Result struct {
	Invoices    []Invoice // in number order, which is reference order
	CarriedOver []CarriedOver
	// NextNumber is the sequence's next number after the run.
	NextNumber int64
}

// Bill works out a run: each invoiced customer's lines, tax and totals,
// the customers below the minimum, and the invoice numbers. It changes
// nothing; the same input always gives the same result, so a preview is
// the run itself.
func Bill(d Deployment, r Run) (Result, error) {
	if err := validate(d, r); err != nil {
		return Result{}, err
	}
	byID := make(map[int]*Customer, len(r.Customers))
	for i := range r.Customers {
		byID[r.Customers[i].ID] = &r.Customers[i]
	}
	families := map[int][]*Customer{} // invoiced customer → it and the customers billed to it
	for i := range r.Customers {
		c := &r.Customers[i]
		root, err := invoicedCustomer(c, byID)
		if err != nil {
			return Result{}, err
		}
		families[root.ID] = append(families[root.ID], c)
	}
	var res Result
	for _, root := range sortedRoots(families, byID) {
		inv, err := invoice(d, r, root, families[root.ID])
		if err != nil {
			return Result{}, err
		}
		if len(inv.Sections) == 0 {
			continue // nothing to bill
		}
		if inv.Total.LessThan(r.MinimumTotal) {
			co := CarriedOver{CustomerID: root.ID, Total: inv.Total}
			for _, s := range inv.Sections {
				co.Customers = append(co.Customers, s.CustomerID)
			}
			res.CarriedOver = append(res.CarriedOver, co)
			continue
		}
		res.Invoices = append(res.Invoices, inv)
	}
	next := r.Numbering.Next
	if r.Numbering.Custom != 0 {
		next = r.Numbering.Custom
	}
	res.NextNumber = r.Numbering.Next
	for i := range res.Invoices {
		res.Invoices[i].Number = next
		next++
		// A custom start moves the sequence on only once it is used.
		res.NextNumber = max(next, r.Numbering.Next)
	}
	return res, nil
}

// invoicedCustomer follows parent billing up to the customer whose
// invoice holds c's lines.
func invoicedCustomer(c *Customer, byID map[int]*Customer) (*Customer, error) {
	seen := map[int]bool{}
	for c.ParentID != 0 {
		if seen[c.ID] {
			return nil, invalid("parent", "%s is billed to its own child; break the loop of parent billing", label(c))
		}
		seen[c.ID] = true
		p, ok := byID[c.ParentID]
		if !ok {
			return nil, invalid("parent", "%s is billed to its parent, which is not in this run; bill them together", label(c))
		}
		c = p
	}
	return c, nil
}

func sortedRoots(families map[int][]*Customer, byID map[int]*Customer) []*Customer {
	roots := make([]*Customer, 0, len(families))
	for id := range families {
		roots = append(roots, byID[id])
	}
	// Byte order of the references numbers the invoices.
	slices.SortFunc(roots, func(a, b *Customer) int { return cmp.Compare(a.Reference, b.Reference) })
	return roots
}

func invoice(d Deployment, r Run, root *Customer, family []*Customer) (Invoice, error) {
	terms := d.PaymentTerms
	if root.PaymentTerms != nil {
		terms = *root.PaymentTerms
	}
	inv := Invoice{
		CustomerID: root.ID, Reference: root.Reference, Name: root.Name,
		IssueDate: r.IssueDate, DueDate: r.IssueDate.AddDays(terms),
		TaxExempt: root.TaxExempt, Net: decimal.Zero, Tax: decimal.Zero,
	}
	// The invoiced customer's own lines first, then the others by reference.
	slices.SortStableFunc(family, func(a, b *Customer) int {
		return cmp.Or(-cmp.Compare(boolInt(a == root), boolInt(b == root)), cmp.Compare(a.Reference, b.Reference))
	})
	net := map[string]decimal.Decimal{} // rate → net, keyed by the rate's canonical text
	rates := map[string]decimal.Decimal{}
	for _, c := range family {
		s := Section{CustomerID: c.ID}
		if c != root {
			s.Heading = fmt.Sprintf("%s (%s)", c.Name, c.Reference)
		}
		s.Lines = callLines(c.Calls, d.Money, d.DefaultTaxRate)
		for _, ch := range c.Charges {
			rate := d.DefaultTaxRate
			if ch.TaxRate != nil {
				rate = *ch.TaxRate
			}
			lines, err := dueLines(ch, r.Period, r.Schedule, d.Money, rate)
			if err != nil {
				return Invoice{}, about(c, err)
			}
			s.Lines = append(s.Lines, lines...)
		}
		if len(s.Lines) == 0 {
			continue
		}
		for i := range s.Lines {
			l := &s.Lines[i]
			l.CustomerID = c.ID
			if root.TaxExempt {
				l.TaxRate = decimal.Zero
			}
			k := l.TaxRate.String()
			net[k] = net[k].Add(l.Amount)
			rates[k] = l.TaxRate
			inv.Net = inv.Net.Add(l.Amount)
		}
		inv.Sections = append(inv.Sections, s)
	}
	// Tax is worked out per rate on the invoice's net at that rate, never
	// per line, so small lines do not each round up.
	for k, rate := range rates {
		tax := d.Money.Round(net[k].Mul(rate).Div(hundred))
		inv.Taxes = append(inv.Taxes, TaxLine{Rate: rate, Net: net[k], Tax: tax})
		inv.Tax = inv.Tax.Add(tax)
	}
	slices.SortFunc(inv.Taxes, func(a, b TaxLine) int { return a.Rate.Cmp(b.Rate) })
	inv.Total = inv.Net.Add(inv.Tax)
	return inv, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// about names the customer an error of its charges is about.
func about(c *Customer, err error) error {
	if e, ok := err.(*Error); ok {
		return &Error{Field: e.Field, Message: label(c) + ": " + e.Message}
	}
	return err
}

func label(c *Customer) string { return fmt.Sprintf("%s (%s)", c.Name, c.Reference) }

// validate says what a run cannot bill, in a sentence naming the field;
// it checks everything before anything is worked out.
func validate(d Deployment, r Run) error {
	if d.Money.Places < 0 || d.Money.Places > 8 {
		return invalid("invoiceDecimals", "invoices have 0 to 8 decimal places, not %d", d.Money.Places)
	}
	if err := validateTaxRate("taxRate", d.DefaultTaxRate, "the default tax rate"); err != nil {
		return err
	}
	if d.PaymentTerms < 0 {
		return invalid("paymentTerms", "the default payment terms are %d days; they cannot be negative", d.PaymentTerms)
	}
	if err := r.Schedule.Validate(); err != nil {
		return err
	}
	if _, err := NewPeriod(r.Period.Start, r.Period.End); err != nil {
		return invalid("period", "%s", err)
	}
	if r.Schedule.Frequency != Manual {
		if p, _ := r.Schedule.PeriodOf(r.Period.Start); p != r.Period {
			return invalid("period", "%s is not a period of this %s schedule; its period from %s is %s", r.Period, r.Schedule.Frequency, r.Period.Start, p)
		}
	}
	if r.IssueDate.IsZero() {
		return invalid("issueDate", "give the invoices' issue date")
	}
	if r.IssueDate.Before(r.Period.End) {
		return invalid("issueDate", "the issue date %s is before the end of the period, whose last day is %s; issue on %s or later", r.IssueDate, r.Period.Last(), r.Period.End)
	}
	if r.MinimumTotal.Sign() < 0 {
		return invalid("minimumAmount", "the minimum invoice amount is %s; it cannot be negative", r.MinimumTotal)
	}
	n := r.Numbering
	if n.Next <= n.HighestUsed || n.Next < 1 {
		return invalid("startNumber", "the next invoice number %d is not above %d, the highest used; set the next number above it", n.Next, n.HighestUsed)
	}
	if n.Custom != 0 && n.Custom <= n.HighestUsed {
		return invalid("startNumber", "invoice number %d is already used; start above %d, the highest number used", n.Custom, n.HighestUsed)
	}
	if n.Custom < 0 {
		return invalid("startNumber", "invoice numbers start at 1, not %d", n.Custom)
	}
	refs := map[string]bool{}
	ids := map[int]bool{}
	for i := range r.Customers {
		c := &r.Customers[i]
		if c.Reference == "" {
			return invalid("reference", "%s has no reference; invoices are numbered in reference order", c.Name)
		}
		if refs[c.Reference] || ids[c.ID] {
			return invalid("customers", "%s is in the run twice", label(c))
		}
		refs[c.Reference], ids[c.ID] = true, true
		if c.PaymentTerms != nil && *c.PaymentTerms < 0 {
			return invalid("paymentTerms", "%s: payment terms are %d days; they cannot be negative", label(c), *c.PaymentTerms)
		}
		for _, g := range c.Calls {
			if g.Calls < 0 || g.Total.Sign() < 0 {
				return invalid("calls", "%s: %d calls totalling %s cannot be billed; counts and prices are never negative", label(c), g.Calls, g.Total)
			}
		}
		for _, ch := range c.Charges {
			if err := validateCharge(ch, d.Money); err != nil {
				return about(c, err)
			}
		}
	}
	return nil
}

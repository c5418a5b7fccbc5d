package render

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"

	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/shopspring/decimal"
)

// Invoice is an issued (or previewed) invoice, every figure already
// computed by the billing rules.
type Invoice struct {
	Seller   Seller
	Customer Party
	Number   int64
	// IssueDate and DueDate are calendar dates; their clock time is ignored.
	IssueDate, DueDate time.Time
	// PaymentTermsDays is the customer's payment terms (else the deployment's).
	PaymentTermsDays int
	// Currency carries the invoice decimals.
	Currency Currency
	// Exempt marks a tax-exempt customer: its lines carry rate 0 and the
	// invoice says so.
	Exempt bool
	// Sections are the customer's own lines (Heading "") and, under parent
	// billing, one section per child customer headed "Q Ltd (Q01)".
	Sections []InvoiceSection
	// Taxes is the tax summary, one entry per rate.
	Taxes           []TaxSummary
	Net, Tax, Total decimal.Decimal
}

// InvoiceSection is one customer's lines on an invoice.
type InvoiceSection struct {
	Heading    string
	Categories []InvoiceCategory
}

// InvoiceCategory groups lines by product category ("Line rental", "Calls").
type InvoiceCategory struct {
	Name  string
	Lines []InvoiceLine
}

// InvoiceLine is one charge.
type InvoiceLine struct {
	Description string
	Quantity    decimal.Decimal
	// UnitPrice is left empty (Valid false) on a Call Charges line, whose
	// amount is a sum of call prices rather than quantity × price.
	UnitPrice decimal.NullDecimal
	// TaxRate is a percentage: 20 for 20%.
	TaxRate decimal.Decimal
	Amount  decimal.Decimal
}

// TaxSummary is the tax at one rate: round(Net × Rate / 100).
type TaxSummary struct {
	Rate, Net, Tax decimal.Decimal
}

// check refuses an invoice whose figures do not add up: it is cheaper to
// fail a render than to send a customer an invoice that contradicts itself.
func (inv *Invoice) check() error {
	c := inv.Currency
	net := decimal.Zero
	byRate := map[string]decimal.Decimal{}
	for _, s := range inv.Sections {
		for _, cat := range s.Categories {
			for _, l := range cat.Lines {
				if err := c.exact(l.Amount); err != nil {
					return fmt.Errorf("line %q: %w", l.Description, err)
				}
				if inv.Exempt && !l.TaxRate.IsZero() {
					return fmt.Errorf("line %q carries %s%% tax on an invoice for a tax-exempt customer; bill it at 0%%", l.Description, l.TaxRate)
				}
				net = net.Add(l.Amount)
				k := l.TaxRate.String()
				byRate[k] = byRate[k].Add(l.Amount)
			}
		}
	}
	if !net.Equal(inv.Net) {
		return fmt.Errorf("the invoice's lines add up to %s but its net is %s", net, inv.Net)
	}
	tax := decimal.Zero
	for _, t := range inv.Taxes {
		if got := byRate[t.Rate.String()]; !got.Equal(t.Net) {
			return fmt.Errorf("the lines at %s%% add up to %s but the tax summary says %s", t.Rate, got, t.Net)
		}
		delete(byRate, t.Rate.String())
		if err := c.exact(t.Tax); err != nil {
			return fmt.Errorf("the tax at %s%%: %w", t.Rate, err)
		}
		tax = tax.Add(t.Tax)
	}
	for rate := range byRate {
		return fmt.Errorf("the tax summary has no entry for the lines at %s%%", rate)
	}
	if !tax.Equal(inv.Tax) {
		return fmt.Errorf("the tax summary adds up to %s but the invoice's tax is %s", tax, inv.Tax)
	}
	if !inv.Net.Add(inv.Tax).Equal(inv.Total) {
		return fmt.Errorf("net %s plus tax %s is not the invoice's total %s", inv.Net, inv.Tax, inv.Total)
	}
	return nil
}

// invoiceFont is the standard Helvetica, named with a capital so that
// maroto does not recognise it and leaves the text alone: for its own
// spelling, "helvetica", maroto v2.3.3 rebuilds the whole UTF-8 to WinAnsi
// table from text for every piece of text drawn, which is 95% of the time of
// an invoice (110 ms instead of 3). gofpdf underneath lowercases the name,
// so the font is the same; txt and txtCol encode the text in WinAnsi once,
// and TestInvoicePDFWritesNonASCIIText fails if maroto ever starts
// translating it again.
const invoiceFont = "Helvetica"

func txt(s string, p props.Text) core.Component { return text.New(winAnsi(s), p) }

func txtCol(size int, s string, p props.Text) core.Col { return text.NewCol(size, winAnsi(s), p) }

// Sizes on the invoice, in millimetres and points.
const (
	invMargin   = 15.0
	bodySize    = 8.5
	smallSize   = 7.5
	lineSpacing = 4.2 // mm between lines of 8.5 pt text
)

var (
	grey      = &props.Color{Red: 110, Green: 110, Blue: 110}
	bandColor = &props.Color{Red: 236, Green: 236, Blue: 236}
)

// InvoicePDF writes the invoice as an A4 PDF: the seller's logo, name,
// address and VAT number, the customer's name, reference and address, the
// invoice's number and dates, its lines by section and category, the tax
// summary, the totals and the payment terms.
func InvoicePDF(w io.Writer, inv Invoice) error {
	if err := inv.check(); err != nil {
		return err
	}
	cfg := config.NewBuilder().
		WithPageSize(pagesize.A4).
		WithLeftMargin(invMargin).WithRightMargin(invMargin).WithTopMargin(invMargin).
		WithDefaultFont(&props.Font{Family: invoiceFont, Size: bodySize}).
		WithPageNumber(props.PageNumber{Pattern: "Page {current} of {total}", Place: props.RightBottom, Size: smallSize, Color: grey}).
		WithTitle(fmt.Sprintf("Invoice %d", inv.Number), true).
		WithAuthor(inv.Seller.Name, true).
		WithCreationDate(inv.IssueDate).
		Build()
	m := maroto.New(cfg)

	b := invoiceBuilder{inv: &inv, m: m}
	if err := b.header(); err != nil {
		return err
	}
	b.lines()
	b.totals()
	if err := m.RegisterFooter(b.footer()); err != nil {
		return err
	}
	doc, err := m.Generate()
	if err != nil {
		return fmt.Errorf("laying out invoice %d: %w", inv.Number, err)
	}
	_, err = w.Write(doc.GetBytes())
	return err
}

type invoiceBuilder struct {
	inv *Invoice
	m   core.Maroto
}

// money writes an amount of the invoice; check has made sure every one has
// the invoice's places, so none can fail here.
func (b *invoiceBuilder) money(d decimal.Decimal) string {
	s, _ := b.inv.Currency.money(d)
	return s
}

func (b *invoiceBuilder) header() error {
	inv := b.inv
	seller := []core.Component{txt(inv.Seller.Name, props.Text{Size: 13, Style: fontstyle.Bold, Align: align.Right})}
	top := 7.0
	for _, l := range inv.Seller.Address {
		seller = append(seller, txt(l, props.Text{Top: top, Align: align.Right}))
		top += lineSpacing
	}
	if inv.Seller.VATNumber != "" {
		seller = append(seller, txt("VAT number "+inv.Seller.VATNumber, props.Text{Top: top, Align: align.Right}))
		top += lineSpacing
	}
	height := max(top+2, 24)
	logo := col.New(5)
	if len(inv.Seller.Logo) > 0 {
		img, ext, err := preparedLogo(inv.Seller.Logo)
		if err != nil {
			return err
		}
		logo = image.NewFromBytesCol(5, img, ext, props.Rect{Percent: 100})
	}
	b.m.AddRow(height, logo, col.New(7).Add(seller...))
	b.m.AddRow(4, line.NewCol(12, props.Line{Thickness: 0.4, SizePercent: 100}))

	b.m.AddRow(12, txtCol(12, fmt.Sprintf("Invoice %d", inv.Number), props.Text{Top: 3, Size: 16, Style: fontstyle.Bold}))

	billTo := []core.Component{
		txt("Bill to", props.Text{Size: smallSize, Color: grey}),
		txt(inv.Customer.Name, props.Text{Top: lineSpacing, Size: 10, Style: fontstyle.Bold}),
	}
	top = 2*lineSpacing + 0.6
	for _, l := range inv.Customer.Address {
		billTo = append(billTo, txt(l, props.Text{Top: top}))
		top += lineSpacing
	}
	facts := [][2]string{
		{"Invoice number", strconv.FormatInt(inv.Number, 10)},
		{"Account", inv.Customer.Reference},
		{"Issue date", longDate(inv.IssueDate)},
		{"Due date", longDate(inv.DueDate)},
		{"Payment terms", plural(inv.PaymentTermsDays, "day")},
	}
	labels, values := col.New(3), col.New(3)
	for i, f := range facts {
		t := float64(i) * lineSpacing
		labels.Add(txt(f[0], props.Text{Top: t, Align: align.Right, Color: grey}))
		values.Add(txt(f[1], props.Text{Top: t, Align: align.Right, Style: fontstyle.Bold}))
	}
	height = max(top, float64(len(facts))*lineSpacing) + 6
	b.m.AddRow(height, col.New(6).Add(billTo...), labels, values)
	return nil
}

// The line table's columns, out of maroto's 12.
var lineCols = [5]int{6, 1, 2, 1, 2}

func (b *invoiceBuilder) lines() {
	head := props.Text{Top: 1.5, Style: fontstyle.Bold, Size: smallSize}
	right := head
	right.Align = align.Right
	right.Right = 1.5
	head.Left = 1.5
	b.m.AddRow(6,
		txtCol(lineCols[0], "Description", head),
		txtCol(lineCols[1], "Quantity", right),
		txtCol(lineCols[2], "Unit price", right),
		txtCol(lineCols[3], "VAT", right),
		txtCol(lineCols[4], "Amount", right),
	).WithStyle(&props.Cell{BackgroundColor: bandColor})

	c := b.inv.Currency
	for _, s := range b.inv.Sections {
		if s.Heading != "" {
			b.m.AddRow(8, txtCol(12, s.Heading, props.Text{Top: 3, Left: 1.5, Size: 9.5, Style: fontstyle.Bold}))
		}
		for _, cat := range s.Categories {
			if cat.Name != "" {
				b.m.AddRow(6, txtCol(12, cat.Name, props.Text{Top: 2, Left: 1.5, Style: fontstyle.BoldItalic, Color: grey}))
			}
			for _, l := range cat.Lines {
				amount := b.money(l.Amount)
				unit := ""
				if l.UnitPrice.Valid {
					unit = c.price(l.UnitPrice.Decimal)
				}
				cell := props.Text{Top: 1, Bottom: 1, Align: align.Right, Right: 1.5}
				b.m.AddAutoRow(
					txtCol(lineCols[0], l.Description, props.Text{Top: 1, Bottom: 1, Left: 1.5}),
					txtCol(lineCols[1], l.Quantity.String(), cell),
					txtCol(lineCols[2], unit, cell),
					txtCol(lineCols[3], l.TaxRate.String()+"%", cell),
					txtCol(lineCols[4], amount, cell),
				)
			}
		}
	}
	b.m.AddRow(3, line.NewCol(12, props.Line{Thickness: 0.3, OffsetPercent: 100, SizePercent: 100}))
}

// price writes a unit price: invoice decimals, or more when it has more
// (a per-minute or pro-rated price is shown exactly, not rounded).
func (c Currency) price(d decimal.Decimal) string {
	places := max(c.Decimals, -d.Exponent())
	s, _ := Currency{Symbol: c.Symbol, Decimals: places}.money(d)
	return s
}

func (b *invoiceBuilder) totals() {
	inv := b.inv
	label := props.Text{Align: align.Right, Color: grey, Top: 1}
	value := props.Text{Align: align.Right, Top: 1, Right: 1.5}

	// The tax summary on the left, the totals on the right, side by side.
	summary := col.New(6)
	summary.Add(txt("VAT summary", props.Text{Top: 1, Left: 1.5, Style: fontstyle.Bold, Size: smallSize}))
	rows := 1
	if inv.Exempt {
		summary.Add(txt("Exempt from VAT: no VAT is charged.", props.Text{Top: 1 + lineSpacing, Left: 1.5}))
		rows++
	} else {
		for _, t := range inv.Taxes {
			summary.Add(txt(fmt.Sprintf("%s%% on %s: %s", t.Rate, b.money(t.Net), b.money(t.Tax)), props.Text{Top: 1 + float64(rows)*lineSpacing, Left: 1.5}))
			rows++
		}
	}

	net, tax, total := b.money(inv.Net), b.money(inv.Tax), b.money(inv.Total)
	taxLabel := "VAT"
	if inv.Exempt {
		taxLabel = "VAT (exempt)"
	}
	labels, values := col.New(3), col.New(3)
	for i, f := range [][2]string{{"Net", net}, {taxLabel, tax}} {
		l, v := label, value
		l.Top += float64(i) * lineSpacing
		v.Top += float64(i) * lineSpacing
		labels.Add(txt(f[0], l))
		values.Add(txt(f[1], v))
	}
	bigLabel := props.Text{Align: align.Right, Top: 1 + 2*lineSpacing + 1.5, Size: 11, Style: fontstyle.Bold}
	bigValue := bigLabel
	bigValue.Right = 1.5
	labels.Add(txt("Total due", bigLabel))
	values.Add(txt(total, bigValue))
	b.m.AddRow(max(float64(rows)*lineSpacing, 3*lineSpacing+4)+3, summary, labels, values)

	pay := fmt.Sprintf("Please pay %s by %s (payment terms: %s), quoting invoice %d.", total, longDate(inv.DueDate), plural(inv.PaymentTermsDays, "day"), inv.Number)
	if inv.Total.Sign() <= 0 {
		pay = fmt.Sprintf("Nothing is due on invoice %d.", inv.Number)
	}
	b.m.AddRow(6, line.NewCol(12, props.Line{Thickness: 0.3, OffsetPercent: 100, SizePercent: 100}))
	b.m.AddAutoRow(txtCol(12, pay, props.Text{Top: 3, Bottom: 2, Style: fontstyle.Bold}))
}

func (b *invoiceBuilder) footer() core.Row {
	s := b.inv.Seller
	foot := s.Name
	if s.VATNumber != "" {
		foot += ", VAT number " + s.VATNumber
	}
	return row.New(10).Add(txtCol(8, foot, props.Text{Top: 5, Size: smallSize, Color: grey}))
}

package render

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// The statement's table, in points from the left edge of an A4 page.
type column struct {
	title string
	x, w  float64
	right bool
}

const (
	margin     = 36.0
	rowHeight  = 10.5
	rowSize    = 7.5
	tableTop   = 40.0 // where a continuation page's table header sits
	tableBelow = pageHeight - 52
)

var statementColumns = func() []column {
	cols := []column{
		{title: "Date", w: 44}, {title: "Time", w: 34}, {title: "CLI", w: 68},
		{title: "Number dialled", w: 70}, {title: "Destination"}, {title: "Band", w: 38},
		{title: "Duration", w: 38, right: true}, {title: "Billable s", w: 38, right: true},
		{title: "Price", w: 50, right: true},
	}
	used := 0.0
	for _, c := range cols {
		used += c.w
	}
	cols[4].w = pageWidth - 2*margin - used
	x := margin
	for i := range cols {
		cols[i].x = x
		x += cols[i].w
	}
	return cols
}()

// statementPDF holds what the pages of one statement repeat.
type statementPDF struct {
	*pageStream
	st     *Statement
	period string
	y      float64
	cells  [9]string
}

// StatementPDF writes the itemised call statement: one row per call in the
// deployment's zone, except that calls priced under foldBelow are summed
// into one line at the end (their count and their total), so a page of
// penny calls does not bury the ones worth reading. A zero foldBelow lists
// every call. Every page is numbered "Page n of N".
//
// It streams: calls are read from the iterator as the pages are written, so
// memory does not grow with the number of calls.
func StatementPDF(w io.Writer, st Statement, foldBelow decimal.Decimal) error {
	if err := st.check(); err != nil {
		return err
	}
	if foldBelow.IsNegative() {
		return errors.New("the threshold for folding small calls cannot be negative")
	}
	foldText := ""
	if foldBelow.IsPositive() {
		s, err := st.Currency.money(foldBelow)
		if err != nil {
			return fmt.Errorf("the threshold for folding small calls: %w", err)
		}
		foldText = s
	}
	total, err := st.Currency.money(st.Total)
	if err != nil {
		return fmt.Errorf("the statement's total: %w", err)
	}

	d := &statementPDF{
		pageStream: newPageStream(w, "Call statement "+st.Customer.Name),
		st:         &st,
		period:     longDate(st.PeriodStart) + " to " + longDate(st.PeriodEnd.AddDate(0, 0, -1)),
	}
	d.firstPageHeader(total, foldText)

	sum, folded, foldedSum := decimal.Zero, 0, decimal.Zero
	n := 0
	for c, err := range st.Calls {
		if err != nil {
			return fmt.Errorf("reading the statement's calls: %w", err)
		}
		n++
		if err := st.Currency.exact(c.Price); err != nil {
			return fmt.Errorf("call %d: %w", n, err)
		}
		sum = sum.Add(c.Price)
		if foldText != "" && c.Price.LessThan(foldBelow) {
			folded++
			foldedSum = foldedSum.Add(c.Price)
			continue
		}
		d.call(c)
	}
	if err := st.totalled(sum); err != nil {
		return err
	}
	d.closing(n, folded, foldedSum, foldText)
	d.footer()
	d.endPage()
	return d.close()
}

func (d *statementPDF) firstPageHeader(total, foldText string) {
	st := d.st
	d.text(margin, 56, bold, 15, st.Seller.Name)
	d.textRight(pageWidth-margin, 56, bold, 15, "Call statement")
	d.line(margin, 66, pageWidth-margin, 66, 0.6)

	y := 86.0
	d.text(margin, y, bold, 9, customerName(st.Customer))
	for _, l := range st.Customer.Address {
		y += 11
		d.text(margin, y, regular, 8.5, l)
	}

	var facts [][2]string
	if st.Charge != "" {
		facts = append(facts, [2]string{"Charge", st.Charge})
	}
	facts = append(facts, [2]string{"Period", d.period})
	if st.InvoiceNumber != 0 {
		facts = append(facts, [2]string{"Invoice", strconv.FormatInt(st.InvoiceNumber, 10)})
	}
	facts = append(facts, [2]string{"Calls total", total})
	ry := 86.0
	for _, f := range facts {
		d.textRight(pageWidth-margin-150, ry, bold, 8.5, f[0])
		d.textRight(pageWidth-margin, ry, regular, 8.5, f[1])
		ry += 11
	}
	if ry > y {
		y = ry
	}
	y += 10
	note := "Times are in " + st.Location.String() + "."
	if foldText != "" {
		note += " Calls under " + foldText + " each are not listed one by one: their number and total are on one line at the end."
	}
	d.text(margin, y, regular, 8, note)
	y += 14
	d.tableHeader(y + 8)
}

func customerName(c Party) string {
	if c.Reference == "" {
		return c.Name
	}
	return c.Name + " (" + c.Reference + ")"
}

func (d *statementPDF) tableHeader(y float64) {
	d.band(margin, y-rowHeight+2, pageWidth-2*margin, rowHeight+1)
	for _, c := range statementColumns {
		title := c.title
		if title == "Price" {
			title = "Price (" + d.st.Currency.Symbol + ")"
		}
		if c.right {
			d.textRight(c.x+c.w-2, y, bold, rowSize, title)
		} else {
			d.text(c.x+2, y, bold, rowSize, title)
		}
	}
	d.y = y + 3
}

// newRow moves to the next row, starting a page when this one is full.
func (d *statementPDF) newRow() {
	if d.y+rowHeight > tableBelow {
		d.footer()
		d.endPage()
		d.text(margin, 28, regular, 7.5, "Call statement, "+customerName(d.st.Customer)+", "+d.period)
		d.tableHeader(tableTop + 8)
	}
	d.y += rowHeight
}

func (d *statementPDF) call(c Call) {
	d.newRow()
	local := c.Start.In(d.st.Location)
	cells := &d.cells
	cells[0] = local.Format(time.DateOnly)
	cells[1] = local.Format(time.TimeOnly)
	cells[2] = c.CLI
	cells[3] = c.Dialled
	cells[4] = c.Destination
	cells[5] = c.Band
	cells[6] = clock(c.DurationSeconds)
	cells[7] = strconv.Itoa(c.BillableSeconds)
	cells[8] = c.Price.StringFixed(d.st.Currency.Decimals)
	for i, col := range statementColumns {
		s := fit(regular, rowSize, col.w-4, cells[i])
		if col.right {
			d.textRight(col.x+col.w-2, d.y, regular, rowSize, s)
		} else {
			d.text(col.x+2, d.y, regular, rowSize, s)
		}
	}
}

// closing writes the folded line and the total.
func (d *statementPDF) closing(calls, folded int, foldedSum decimal.Decimal, foldText string) {
	price := statementColumns[len(statementColumns)-1]
	right := price.x + price.w - 2
	if calls == 0 {
		d.newRow()
		d.text(margin+2, d.y, regular, rowSize, "No calls in this period.")
	}
	if folded > 0 {
		d.newRow()
		s, _ := d.st.Currency.money(foldedSum)
		d.text(margin+2, d.y, regular, rowSize, fmt.Sprintf("%s under %s each, not listed", plural(folded, "call"), foldText))
		d.textRight(right, d.y, regular, rowSize, s)
	}
	d.newRow()
	d.line(margin, d.y-rowHeight+3, pageWidth-margin, d.y-rowHeight+3, 0.5)
	d.newRow()
	total, _ := d.st.Currency.money(d.st.Total)
	d.text(margin+2, d.y, bold, 8.5, "Total of "+plural(calls, "call"))
	d.textRight(right, d.y, bold, 8.5, total)
}

func (d *statementPDF) footer() {
	y := pageHeight - 30
	d.line(margin, y-10, pageWidth-margin, y-10, 0.3)
	d.text(margin, y, regular, 7, d.st.Seller.Name+", call statement for "+customerName(d.st.Customer))
	label := "Page " + strconv.Itoa(d.pageNumber()) + " of "
	x := pageWidth - margin - 60
	d.text(x, y, regular, 7, label)
	d.pageCountAt(x+textWidth(regular, 7, label), y)
}

func plural(n int, word string) string {
	s := strconv.Itoa(n)
	if n >= 1000 {
		s, _ = (Currency{}).number(decimal.NewFromInt(int64(n)))
	}
	if n == 1 {
		return s + " " + word
	}
	return s + " " + word + "s"
}

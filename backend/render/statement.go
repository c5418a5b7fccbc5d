package render

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/tollgate/tollgate/backend/internal/csvcell"
	"io"
	"iter"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// Statement is the list of calls behind one Call Charges line. Its calls
// come from an iterator so that a customer with a million calls is read from
// the database while the file is written, never held in memory.
type Statement struct {
	Seller   Seller
	Customer Party
	// Charge names the Call Charges line the statement itemises, as on the
	// invoice: "Call Charges" or "Call Charges — Leeds office" for a site.
	Charge string
	// InvoiceNumber is the invoice the calls are billed on; 0 when the
	// statement goes out before one is issued.
	InvoiceNumber int64
	// PeriodStart and PeriodEnd are the billing period, half-open
	// [start, end), as local dates in the deployment's zone.
	PeriodStart, PeriodEnd time.Time
	// Location is the deployment's time zone: calls are listed in it.
	Location *time.Location
	// Currency carries the call price decimals.
	Currency Currency
	// Total is Σ of the calls' prices as billing summed them (before the
	// Call Charges line is rounded). The renderers add the prices up again
	// and fail when the two differ, so a statement never disagrees with its
	// charge.
	Total decimal.Decimal
	// Calls yields the calls in the order they are listed; a non-nil error
	// stops the rendering with that error.
	Calls iter.Seq2[Call, error]
}

// Call is one row of a statement.
type Call struct {
	// Start is the instant the call started; it is shown in the statement's zone.
	Start   time.Time
	CLI     string
	Dialled string
	// Destination is the rate's description ("UK Mobile - Vodafone").
	Destination string
	// Band is the time band the call was priced in: peak, off-peak, weekend.
	Band            string
	DurationSeconds int
	BillableSeconds int
	Price           decimal.Decimal
}

func (st *Statement) check() error {
	if st.Location == nil {
		return errors.New("the statement has no time zone; give it the deployment's zone")
	}
	if st.Calls == nil {
		return errors.New("the statement has no calls to list")
	}
	return nil
}

// totalled checks that the prices listed add up to the statement's total.
func (st *Statement) totalled(sum decimal.Decimal) error {
	if !sum.Equal(st.Total) {
		return fmt.Errorf("the statement's calls add up to %s but its total is %s; bill the calls again before sending it", sum, st.Total)
	}
	return nil
}

// StatementCSV writes the statement as CSV: a header row, then one row per
// call with its date and time in the deployment's zone, the CLI, the number
// dialled, the destination, the band, the duration (h:mm:ss, which
// spreadsheets read as a duration), the billable seconds and the price with
// the call price decimals. There is no total row, so every row is a call and
// the file sums to the statement's total.
//
// Cells that a spreadsheet would run as a formula are neutralised by
// csvcell.Text (see there).
func StatementCSV(w io.Writer, st Statement) error {
	if err := st.check(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write([]string{"Date", "Time", "CLI", "Number dialled", "Destination", "Band", "Duration", "Billable seconds", "Price"}); err != nil {
		return err
	}
	row := make([]string, 9)
	sum := decimal.Zero
	n := 0
	for c, err := range st.Calls {
		if err != nil {
			return fmt.Errorf("reading the statement's calls: %w", err)
		}
		n++
		price, err := st.Currency.number(c.Price)
		if err != nil {
			return fmt.Errorf("call %d: %w", n, err)
		}
		sum = sum.Add(c.Price)
		local := c.Start.In(st.Location)
		row[0] = local.Format(time.DateOnly)
		row[1] = local.Format(time.TimeOnly)
		row[2] = csvcell.Text(c.CLI)
		row[3] = csvcell.Text(c.Dialled)
		row[4] = csvcell.Text(c.Destination)
		row[5] = csvcell.Text(c.Band)
		row[6] = clock(c.DurationSeconds)
		row[7] = strconv.Itoa(c.BillableSeconds)
		row[8] = plainPrice(price)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return st.totalled(sum)
}

// plainPrice drops the thousands separators number puts in: a CSV cell
// holds the bare decimal, which every spreadsheet and parser reads.
func plainPrice(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			out = append(out, s[i])
		}
	}
	return string(out)
}

// clock writes seconds as h:mm:ss.
func clock(seconds int) string {
	sign := ""
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	return fmt.Sprintf("%s%d:%02d:%02d", sign, seconds/3600, seconds/60%60, seconds%60)
}

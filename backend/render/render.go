// Package render turns plain billing documents into the files a customer
// receives: the invoice PDF, and the call statement as CSV or as an itemised
// PDF. It knows nothing of the database, the queue or HTTP: billing builds an
// Invoice or a Statement from its own records and the worker stores what
// these functions write. Amounts arrive already computed by the billing
// rules (docs/billing.md); render only lays them out, and refuses a document
// whose figures do not add up rather than send it.
package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Currency is how amounts are written: the symbol before them and how many
// decimal places they have.
type Currency struct {
	// Symbol is what goes before an amount: "£", "€", "$" (settings.CurrencySymbol).
	Symbol string
	// Decimals is the number of places amounts are written with: the
	// deployment's invoice decimals on an invoice, its call price decimals
	// on a statement.
	Decimals int32
}

// Party is a company or a person named on a document.
type Party struct {
	Name string
	// Reference is the customer's account reference ("Q01"); empty for the seller.
	Reference string
	// Address is the postal address, one line a string.
	Address []string
}

// Seller is the reseller who issues the documents.
type Seller struct {
	Party
	// VATNumber is printed under the address when it is set.
	VATNumber string
	// Logo is a PNG or JPEG image; none is drawn when it is empty.
	Logo []byte
}

// Format writes an amount as documents print it ("£1,234.50"), for text
// that must agree with them, such as the invoice email.
func (c Currency) Format(d decimal.Decimal) (string, error) { return c.money(d) }

// money writes an amount with the currency's symbol, thousands separators
// and exactly its decimal places: "£1,234.50", "-£0.07". It refuses an
// amount with more places than that, since rounding here would print a
// figure other than the one billed.
func (c Currency) money(d decimal.Decimal) (string, error) {
	n, err := c.number(d)
	if err != nil {
		return "", err
	}
	if strings.HasPrefix(n, "-") {
		return "-" + c.Symbol + n[1:], nil
	}
	return c.Symbol + n, nil
}

// number is money without the symbol.
func (c Currency) number(d decimal.Decimal) (string, error) {
	if err := c.exact(d); err != nil {
		return "", err
	}
	s := d.StringFixed(c.Decimals)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String(), nil
}

// exact says whether d can be written with c's places without rounding.
func (c Currency) exact(d decimal.Decimal) error {
	if !d.Equal(d.Truncate(c.Decimals)) {
		return fmt.Errorf("the amount %s has more than %d decimal places; round it by the billing rules before rendering", d, c.Decimals)
	}
	return nil
}

// longDate is how documents write a date: "1 July 2026".
func longDate(t time.Time) string { return t.Format("2 January 2006") }

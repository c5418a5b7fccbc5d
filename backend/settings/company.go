package settings

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Company is the reseller's own settings, kept in the database: who
// issues the invoices, the default tax and terms, how invoices are emailed
// and the next invoice number.
type Company struct {
	Name string
	// Address is the postal address, one line a line.
	Address   string
	VATNumber string
	// LogoKey is the logo's blob key, empty for none; LogoType is its MIME
	// type (image/png or image/jpeg).
	LogoKey, LogoType string
	// DefaultTaxRate is the percent charged where a product sets none.
	DefaultTaxRate decimal.Decimal
	// PaymentTermsDays is the days to pay of a customer that sets none.
	PaymentTermsDays int
	// The From of invoice emails.
	EmailSenderName, EmailSenderAddress string
	// The invoice email, with {{placeholders}} (backend/mail's).
	InvoiceEmailSubject, InvoiceEmailBody string
	// NextInvoiceNumber is the number the next invoice issued takes.
	NextInvoiceNumber int64
}

// AddressLines is the address as the invoice prints it: one string a line,
// without blank lines.
func (c Company) AddressLines() []string {
	var out []string
	for _, l := range strings.Split(c.Address, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// LogoURL is where the logo downloads from, or nil without one. The key
// (content-addressed) in the query string makes a new logo a new URL, so no
// browser shows a cached old one.
func (c Company) LogoURL() *string {
	if c.LogoKey == "" {
		return nil
	}
	u := "/download/settings/logo?v=" + c.LogoKey[strings.LastIndex(c.LogoKey, "/")+1:]
	return &u
}

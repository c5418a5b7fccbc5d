package settings

import (
	"fmt"
	"regexp"
	"slices"
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
	// The invoice email, with {{placeholders}} (Placeholders).
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

// DefaultCompany is what a deployment starts with: UK standard VAT, 30 days
// to pay and an invoice email that says what it is.
func DefaultCompany() Company {
	return Company{
		DefaultTaxRate: decimal.NewFromInt(20), PaymentTermsDays: 30, NextInvoiceNumber: 1,
		InvoiceEmailSubject: "Invoice {{invoice_number}} from {{company_name}}",
		InvoiceEmailBody: "Dear {{recipient}},\n\nPlease find attached invoice {{invoice_number}} for {{customer_name}}.\n" +
			"You can also see it at {{portal_link}}.\n\nKind regards,\n{{company_name}}",
	}
}

// Placeholders are the names an email template may use between double
// braces, e.g. {{invoice_number}}.
var Placeholders = []string{"recipient", "company_name", "customer_name", "invoice_number", "portal_link"}

var placeholder = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// CheckTemplate refuses a template that names a placeholder Tollgate cannot
// fill or leaves braces unclosed, with a sentence that lists the ones it can.
func CheckTemplate(text string) error {
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(Placeholders, m[1]) {
			return fmt.Errorf("{{%s}} is not a placeholder Tollgate can fill; use %s", m[1], placeholderList())
		}
	}
	rest := placeholder.ReplaceAllString(text, "")
	if strings.Contains(rest, "{{") || strings.Contains(rest, "}}") {
		return fmt.Errorf("a placeholder is not closed: write it as {{invoice_number}}, with two braces on each side")
	}
	return nil
}

func placeholderList() string {
	names := make([]string, len(Placeholders))
	for i, p := range Placeholders {
		names[i] = "{{" + p + "}}"
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// EmailPlaceholders lists the placeholders templates may use.
func (Settings) EmailPlaceholders() []string { return Placeholders }

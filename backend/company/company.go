// Package company keeps the reseller's own settings — company details, the
// logo, default tax and terms, the invoice email and the next invoice
// number — in the one row of company_settings. Reads before anything was
// saved answer the defaults (Defaults) and write nothing.
package company

import (
	"context"
	"fmt"
	netmail "net/mail"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/mail"
	"github.com/tollgate/tollgate/backend/settings"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/companysettings"
	"github.com/tollgate/tollgate/ent/invoice"
)

// Service reads and writes the company's settings.
type Service struct {
	Client *ent.Client
	Blobs  *blob.Bucket
	// Deployment is the configuration's part of the settings, read-only.
	Deployment settings.Settings
	// RowLocks locks the settings row (SELECT ... FOR UPDATE) before a
	// change reads it: on MySQL, so that setting the next invoice number
	// and issuing invoices (which take numbers from the same row) are
	// serialised. SQLite serialises writers by itself.
	RowLocks bool
}

const singleton = "company"

// Defaults is what a deployment starts with: UK standard VAT, 30 days to
// pay and mail's default invoice email.
func Defaults() settings.Company {
	return settings.Company{
		DefaultTaxRate: decimal.NewFromInt(20), PaymentTermsDays: 30, NextInvoiceNumber: 1,
		InvoiceEmailSubject: mail.DefaultTemplates.Subject, InvoiceEmailBody: mail.DefaultTemplates.Body,
	}
}

// Get returns the company's settings, or the defaults when none were saved.
func (s *Service) Get(ctx context.Context) (settings.Company, error) {
	row, err := txn.Client(ctx, s.Client).CompanySettings.Query().Where(companysettings.Singleton(singleton)).Only(ctx)
	if ent.IsNotFound(err) {
		return Defaults(), nil
	}
	if err != nil {
		return settings.Company{}, err
	}
	return fromRow(row), nil
}

// Settings returns the deployment's settings with the company's.
func (s *Service) Settings(ctx context.Context) (settings.Settings, error) {
	c, err := s.Get(ctx)
	if err != nil {
		return settings.Settings{}, err
	}
	out := s.Deployment
	out.Company = &c
	return out, nil
}

func fromRow(r *ent.CompanySettings) settings.Company {
	return settings.Company{
		Name: r.CompanyName, Address: r.Address, VATNumber: r.VatNumber,
		LogoKey: r.LogoBlobKey, LogoType: r.LogoContentType,
		DefaultTaxRate: r.DefaultTaxRate, PaymentTermsDays: r.PaymentTermsDays,
		EmailSenderName: r.EmailSenderName, EmailSenderAddress: r.EmailSenderAddress,
		InvoiceEmailSubject: r.InvoiceEmailSubject, InvoiceEmailBody: r.InvoiceEmailBody,
		NextInvoiceNumber: r.NextInvoiceNumber,
	}
}

// locked returns the settings row inside the caller's transaction, saving
// the defaults first when there is none yet. Two first saves at once both
// get the one row: the unique singleton makes the second insert a no-op.
func (s *Service) locked(ctx context.Context, c *ent.Client) (*ent.CompanySettings, error) {
	d := Defaults()
	err := c.CompanySettings.Create().SetSingleton(singleton).
		SetDefaultTaxRate(d.DefaultTaxRate).SetPaymentTermsDays(d.PaymentTermsDays).
		SetInvoiceEmailSubject(d.InvoiceEmailSubject).SetInvoiceEmailBody(d.InvoiceEmailBody).
		SetNextInvoiceNumber(d.NextInvoiceNumber).
		OnConflictColumns(companysettings.FieldSingleton).Ignore().Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("save the default settings: %w", err)
	}
	q := c.CompanySettings.Query().Where(companysettings.Singleton(singleton))
	if s.RowLocks {
		q = q.ForUpdate()
	}
	return q.Only(ctx)
}

// Input is a change to the settings; a nil field stays as it is.
type Input struct {
	CompanyName, Address, VATNumber       *string
	DefaultTaxRate                        *decimal.Decimal
	PaymentTermsDays                      *int
	EmailSenderName, EmailSenderAddress   *string
	InvoiceEmailSubject, InvoiceEmailBody *string
}

// Limits of the settings, as the columns and invoices need them.
const (
	MaxPaymentTermsDays = 365
	maxName             = 255
	maxVATNumber        = 32
	maxAddressLines     = 8
	maxBody             = 20000
)

// problems collects every field at fault, so a clerk sees them all at once.
type problems []map[string]any

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, map[string]any{"field": field, "reason": fmt.Sprintf(format, args...)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	msg := p[0]["reason"].(string)
	if len(p) > 1 {
		msg = fmt.Sprintf("%d settings need correcting; nothing was saved", len(p))
	}
	return &apperr.Error{Code: apperr.Invalid, Field: p[0]["field"].(string), Message: msg,
		Details: map[string]any{"problems": []map[string]any(p)}}
}

// Update checks every field of in and saves them all, or nothing with
// every problem listed (extensions.problems, each with its field).
func (s *Service) Update(ctx context.Context, in Input) (settings.Company, error) {
	in.trim()
	if err := in.validate(); err != nil {
		return settings.Company{}, err
	}
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (settings.Company, error) {
		row, err := s.locked(ctx, c)
		if err != nil {
			return settings.Company{}, err
		}
		u := row.Update()
		set(in.CompanyName, u.SetCompanyName)
		set(in.Address, u.SetAddress)
		set(in.VATNumber, u.SetVatNumber)
		set(in.DefaultTaxRate, u.SetDefaultTaxRate)
		set(in.PaymentTermsDays, u.SetPaymentTermsDays)
		set(in.EmailSenderName, u.SetEmailSenderName)
		set(in.EmailSenderAddress, u.SetEmailSenderAddress)
		set(in.InvoiceEmailSubject, u.SetInvoiceEmailSubject)
		set(in.InvoiceEmailBody, u.SetInvoiceEmailBody)
		row, err = u.Save(ctx)
		if err != nil {
			return settings.Company{}, err
		}
		return fromRow(row), nil
	})
}

func set[T any, R any](v *T, setter func(T) R) {
	if v != nil {
		setter(*v)
	}
}

func (in *Input) trim() {
	for _, p := range []*string{in.CompanyName, in.VATNumber, in.EmailSenderName, in.EmailSenderAddress, in.InvoiceEmailSubject} {
		if p != nil {
			*p = strings.TrimSpace(*p)
		}
	}
	if in.Address != nil {
		lines := strings.Split(strings.ReplaceAll(*in.Address, "\r\n", "\n"), "\n")
		for i := range lines {
			lines[i] = strings.TrimSpace(lines[i])
		}
		a := strings.Trim(strings.Join(lines, "\n"), "\n")
		in.Address = &a
	}
}

func (in Input) validate() error {
	var p problems
	long := func(field, what string, v *string, max int) {
		if v != nil && utf8.RuneCountInString(*v) > max {
			p.add(field, "the %s may be at most %d characters long; it is %d", what, max, utf8.RuneCountInString(*v))
		}
	}
	oneLine := func(field, what string, v *string) {
		if v != nil && strings.ContainsAny(*v, "\r\n") {
			p.add(field, "the %s must be on one line", what)
		}
	}
	long("companyName", "company name", in.CompanyName, maxName)
	oneLine("companyName", "company name", in.CompanyName)
	if in.Address != nil {
		if n := len(strings.Split(*in.Address, "\n")); n > maxAddressLines {
			p.add("address", "the address may have at most %d lines; it has %d", maxAddressLines, n)
		}
		long("address", "address", in.Address, 1000)
	}
	long("vatNumber", "VAT number", in.VATNumber, maxVATNumber)
	oneLine("vatNumber", "VAT number", in.VATNumber)
	if r := in.DefaultTaxRate; r != nil {
		switch {
		case r.IsNegative():
			p.add("defaultTaxRate", "the tax rate cannot be negative; enter 0 for no tax")
		case r.GreaterThan(decimal.NewFromInt(100)):
			p.add("defaultTaxRate", "the tax rate is a percentage and may be at most 100; enter 20 for 20%%")
		case r.Exponent() < -4 && !r.Equal(r.Round(4)):
			p.add("defaultTaxRate", "the tax rate may have at most 4 decimal places")
		}
	}
	if d := in.PaymentTermsDays; d != nil && (*d < 0 || *d > MaxPaymentTermsDays) {
		p.add("paymentTermsDays", "payment terms are 0 to %d days; %d is not", MaxPaymentTermsDays, *d)
	}
	long("emailSenderName", "sender name", in.EmailSenderName, maxName)
	oneLine("emailSenderName", "sender name", in.EmailSenderName)
	if a := in.EmailSenderAddress; a != nil && *a != "" {
		if m, err := netmail.ParseAddress(*a); err != nil || m.Address != *a || utf8.RuneCountInString(*a) > maxName {
			p.add("emailSenderAddress", "%q is not an email address; write it as billing@example.com, without the name", *a)
		}
	}
	long("invoiceEmailSubject", "email subject", in.InvoiceEmailSubject, maxName)
	oneLine("invoiceEmailSubject", "email subject", in.InvoiceEmailSubject)
	long("invoiceEmailBody", "email body", in.InvoiceEmailBody, maxBody)
	// mail checks a subject and a body together and stops at the first
	// fault; each is checked beside a good other half, so both are listed.
	ok := mail.DefaultTemplates
	if v := in.InvoiceEmailSubject; v != nil {
		if err := (mail.Templates{Subject: *v, Body: ok.Body}).Validate(); err != nil {
			p.add("invoiceEmailSubject", "%s", err)
		}
	}
	if v := in.InvoiceEmailBody; v != nil {
		if err := (mail.Templates{Subject: ok.Subject, Body: *v}).Validate(); err != nil {
			p.add("invoiceEmailBody", "%s", err)
		}
	}
	return p.err()
}

// SetNextInvoiceNumber sets the number the next invoice takes. It refuses
// a number at or below one already used — by any invoice on record, issued,
// settled or deleted — so no number is ever issued twice.
func (s *Service) SetNextInvoiceNumber(ctx context.Context, next int64) (settings.Company, error) {
	if next < 1 {
		return settings.Company{}, apperr.Field(apperr.Invalid, "nextInvoiceNumber", "invoice numbers start at 1; %d cannot be the next one", next)
	}
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (settings.Company, error) {
		row, err := s.locked(ctx, c)
		if err != nil {
			return settings.Company{}, err
		}
		last, err := c.Invoice.Query().Order(ent.Desc(invoice.FieldNumber)).First(ctx)
		switch {
		case err == nil && next <= last.Number:
			return settings.Company{}, apperr.Field(apperr.Conflict, "nextInvoiceNumber",
				"invoice number %d has already been used; the next number must be %d or more", last.Number, last.Number+1)
		case err != nil && !ent.IsNotFound(err):
			return settings.Company{}, err
		}
		row, err = row.Update().SetNextInvoiceNumber(next).Save(ctx)
		if err != nil {
			return settings.Company{}, err
		}
		return fromRow(row), nil
	})
}

// Lock takes the settings row for the rest of the caller's transaction
// (SELECT ... FOR UPDATE on MySQL; SQLite's IMMEDIATE transactions already
// run one at a time), saving the defaults first when there is no row, and
// returns the settings as they stand under the lock. A billing run holds it
// while it takes invoice numbers, so runs and a change of the next number
// are serialised.
func (s *Service) Lock(ctx context.Context) (settings.Company, error) {
	if ent.TxFromContext(ctx) == nil {
		return settings.Company{}, fmt.Errorf("company.Lock must run inside a transaction")
	}
	row, err := s.locked(ctx, txn.Client(ctx, s.Client))
	if err != nil {
		return settings.Company{}, err
	}
	return fromRow(row), nil
}

package company_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
)

func ptr[T any](v T) *T { return &v }

func dec(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }

// problemFields are the fields an INVALID error lists in its problems.
func problemFields(t *testing.T, err error) map[string]string {
	t.Helper()
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.Invalid {
		t.Fatalf("err = %v; want INVALID", err)
	}
	out := map[string]string{}
	ps, _ := e.Details["problems"].([]map[string]any)
	for _, p := range ps {
		out[p["field"].(string)] = p["reason"].(string)
	}
	return out
}

// Before staff save anything the settings are the defaults, and reading
// them writes no row (a read-only viewer may read them).
func TestDefaultsBeforeAnythingIsSaved(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	c, err := env.App.Company.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !c.DefaultTaxRate.Equal(decimal.NewFromInt(20)) || c.PaymentTermsDays != 30 || c.NextInvoiceNumber != 1 || c.LogoURL() != nil {
		t.Fatalf("defaults = %+v", c)
	}
	if n := env.App.DB.Client.CompanySettings.Query().CountX(ctx); n != 0 {
		t.Fatalf("reading the settings wrote %d row(s)", n)
	}
}

// One refused field refuses the whole change: every bad field is listed
// with its own sentence, and what was saved before stays.
func TestUpdateIsAllOrNothing(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			svc := env.App.Company

			saved, err := svc.Update(ctx, company.Input{
				CompanyName: ptr("  Northern Voice Ltd "), Address: ptr("1 Park Row\r\n\r\nLeeds\nLS1 5AB\n"),
				VATNumber: ptr("GB123456789"), DefaultTaxRate: dec("17.5"), PaymentTermsDays: ptr(14),
				EmailSenderName: ptr("Northern Voice billing"), EmailSenderAddress: ptr("billing@northernvoice.example"),
				InvoiceEmailSubject: ptr("Invoice {{invoice_number}}"), InvoiceEmailBody: ptr("Dear {{ recipient }},\nsee {{portal_link}}"),
			})
			if err != nil {
				t.Fatal(err)
			}
			if saved.Name != "Northern Voice Ltd" || saved.Address != "1 Park Row\n\nLeeds\nLS1 5AB" ||
				len(saved.AddressLines()) != 3 || !saved.DefaultTaxRate.Equal(decimal.RequireFromString("17.5")) || saved.PaymentTermsDays != 14 {
				t.Fatalf("saved = %+v", saved)
			}

			_, err = svc.Update(ctx, company.Input{
				CompanyName: ptr("Someone Else Ltd"), DefaultTaxRate: dec("-1"), PaymentTermsDays: ptr(366),
				EmailSenderAddress: ptr("billing at example"), InvoiceEmailBody: ptr("Dear {{customer}}"),
			})
			got := problemFields(t, err)
			for _, f := range []string{"defaultTaxRate", "paymentTermsDays", "emailSenderAddress", "invoiceEmailBody"} {
				if got[f] == "" {
					t.Errorf("no problem on %s; problems %v", f, got)
				}
			}
			if len(got) != 4 {
				t.Errorf("problems = %v; want exactly the 4 bad fields", got)
			}
			now, err := svc.Get(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !now.DefaultTaxRate.Equal(saved.DefaultTaxRate) {
				t.Fatalf("after a refused change the tax rate is %s; want %s", now.DefaultTaxRate, saved.DefaultTaxRate)
			}
			now.DefaultTaxRate = saved.DefaultTaxRate
			if now != saved {
				t.Fatalf("after a refused change the settings are %+v; want %+v unchanged", now, saved)
			}

			// Edges of the ranges are accepted: 0% and 365 days.
			if c, err := svc.Update(ctx, company.Input{DefaultTaxRate: dec("0"), PaymentTermsDays: ptr(365)}); err != nil || !c.DefaultTaxRate.IsZero() || c.PaymentTermsDays != 365 || c.Name != "Northern Voice Ltd" {
				t.Fatalf("0%% and 365 days: %+v, %v", c, err)
			}
		})
	}
}

func TestUpdateRefusals(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	for _, c := range []struct {
		name  string
		in    company.Input
		field string
	}{
		{"tax over 100", company.Input{DefaultTaxRate: dec("100.01")}, "defaultTaxRate"},
		{"tax with 5 places", company.Input{DefaultTaxRate: dec("20.00001")}, "defaultTaxRate"},
		{"negative terms", company.Input{PaymentTermsDays: ptr(-1)}, "paymentTermsDays"},
		{"a name with the address", company.Input{EmailSenderAddress: ptr("Billing <billing@example.com>")}, "emailSenderAddress"},
		{"unclosed placeholder", company.Input{InvoiceEmailSubject: ptr("Invoice {{invoice_number")}, "invoiceEmailSubject"},
		{"two-line subject", company.Input{InvoiceEmailSubject: ptr("Invoice\nnow")}, "invoiceEmailSubject"},
		{"long VAT number", company.Input{VATNumber: ptr("GB1234567890123456789012345678901")}, "vatNumber"},
		{"nine address lines", company.Input{Address: ptr("1\n2\n3\n4\n5\n6\n7\n8\n9")}, "address"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := env.App.Company.Update(ctx, c.in)
			if got := problemFields(t, err); len(got) != 1 || got[c.field] == "" {
				t.Fatalf("problems = %v; want one on %s", got, c.field)
			}
		})
	}
}

// Two processes saving the first settings at the same moment both succeed
// and leave one row.
func TestConcurrentFirstSavesKeepOneRow(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			var wg sync.WaitGroup
			errs := make([]error, 8)
			start := make(chan struct{})
			for i := range errs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					_, errs[i] = env.App.Company.Update(ctx, company.Input{PaymentTermsDays: ptr(10 + i)})
				}()
			}
			close(start)
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("save %d: %v", i, err)
				}
			}
			if n := env.App.DB.Client.CompanySettings.Query().CountX(ctx); n != 1 {
				t.Fatalf("%d settings rows; want 1", n)
			}
		})
	}
}

// The next number can be set freely while no invoice exists, and never at
// or below a number an invoice on record has.
func TestNextInvoiceNumberStaysAboveEveryNumberUsed(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			svc := env.App.Company
			if c, err := svc.SetNextInvoiceNumber(ctx, 100); err != nil || c.NextInvoiceNumber != 100 {
				t.Fatalf("set 100 with no invoices: %+v, %v", c, err)
			}
			if _, err := svc.SetNextInvoiceNumber(ctx, 0); apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("0 was not refused as INVALID: %v", err)
			}
			cust, err := env.App.Customers.Create(ctx, ent.CreateCustomerInput{Reference: "ACME01", Name: "Acme Ltd"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range []int64{150, 120} {
				env.App.DB.Client.Invoice.Create().SetCustomerID(cust.ID).SetNumber(n).SetIssueDate(time.Now()).SaveX(ctx)
			}
			for _, n := range []int64{150, 149, 101} {
				_, err := svc.SetNextInvoiceNumber(ctx, n)
				e, ok := apperr.As(err)
				if !ok || e.Code != apperr.Conflict || e.Field != "nextInvoiceNumber" ||
					e.Message != "invoice number 150 has already been used; the next number must be 151 or more" {
					t.Fatalf("set %d over invoice 150: %v (%+v)", n, err, e)
				}
			}
			if c, _ := svc.Get(ctx); c.NextInvoiceNumber != 100 {
				t.Fatalf("a refused number changed the next number to %d", c.NextInvoiceNumber)
			}
			if c, err := svc.SetNextInvoiceNumber(ctx, 151); err != nil || c.NextInvoiceNumber != 151 {
				t.Fatalf("set 151: %+v, %v", c, err)
			}
		})
	}
}

func pngOf(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{200, 10, 10, 255})
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

func TestLogo(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			svc := env.App.Company

			logo := pngOf(300, 100)
			c, err := svc.UploadLogo(ctx, bytes.NewReader(logo))
			if err != nil {
				t.Fatal(err)
			}
			if c.LogoURL() == nil || c.LogoType != "image/png" {
				t.Fatalf("after the upload: %+v", c)
			}
			b, kind, err := svc.Logo(ctx)
			if err != nil || kind != "image/png" || !bytes.Equal(b, logo) {
				t.Fatalf("logo read back: %d bytes, %q, %v", len(b), kind, err)
			}

			var jpg bytes.Buffer
			_ = jpeg.Encode(&jpg, image.NewRGBA(image.Rect(0, 0, 40, 20)), nil)
			if c, err := svc.UploadLogo(ctx, bytes.NewReader(jpg.Bytes())); err != nil || c.LogoType != "image/jpeg" {
				t.Fatalf("a JPEG: %+v, %v", c, err)
			}

			var gifb bytes.Buffer
			_ = gif.Encode(&gifb, image.NewPaletted(image.Rect(0, 0, 10, 10), []color.Color{color.White}), nil)
			big := append(pngOf(10, 10), make([]byte, company.MaxLogoBytes)...)
			truncated := pngOf(300, 100)[:30]
			for name, file := range map[string][]byte{"a GIF": gifb.Bytes(), "text": []byte("not an image at all"),
				"over 1 MB": big, "a broken PNG": truncated} {
				_, err := svc.UploadLogo(ctx, bytes.NewReader(file))
				if e, ok := apperr.As(err); !ok || e.Code != apperr.Invalid || e.Field != "file" {
					t.Errorf("%s: %v; want INVALID on file", name, err)
				}
			}
			if _, kind, _ := svc.Logo(ctx); kind != "image/jpeg" {
				t.Fatalf("a refused logo replaced the JPEG (now %q)", kind)
			}

			if c, err := svc.RemoveLogo(ctx); err != nil || c.LogoURL() != nil {
				t.Fatalf("remove: %+v, %v", c, err)
			}
			if _, _, err := svc.Logo(ctx); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("logo after removal: %v; want NOT_FOUND", err)
			}
		})
	}
}

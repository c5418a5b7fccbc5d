package app_test

import (
	"bytes"
	"image"
	"image/png"
	"net/http"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/mail"
)

const companyFields = `company { name address addressLines vatNumber logoURL defaultTaxRate paymentTermsDays
	emailSenderName emailSenderAddress invoiceEmailSubject invoiceEmailBody nextInvoiceNumber }`

type companyData struct {
	Name, Address, VatNumber              string
	AddressLines                          []string
	LogoURL                               *string
	DefaultTaxRate                        string
	PaymentTermsDays                      int
	EmailSenderName, EmailSenderAddress   string
	InvoiceEmailSubject, InvoiceEmailBody string
	NextInvoiceNumber                     int
}

// Staff change the company's settings over the API: a change with bad
// fields names each of them and saves nothing; a good one is what the
// settings query answers afterwards, beside the deployment's values.
func TestUpdateSettingsOverGraphQL(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	const update = `mutation($in: UpdateSettingsInput!) { updateSettings(input: $in) { currency ` + companyFields + ` } }`

	r := env.Do(t, update, map[string]any{"in": map[string]any{
		"companyName": "Northern Voice Ltd", "defaultTaxRate": "-5", "paymentTermsDays": 400,
		"emailSenderAddress": "billing@", "invoiceEmailSubject": "Invoice {{number}}",
	}})
	if len(r.Errors) != 1 || r.Errors[0].Code() != "INVALID" {
		t.Fatalf("errors = %+v; want one INVALID", r.Errors)
	}
	problems, _ := r.Errors[0].Extensions["problems"].([]any)
	fields := map[string]bool{}
	for _, p := range problems {
		fields[p.(map[string]any)["field"].(string)] = true
	}
	for _, f := range []string{"defaultTaxRate", "paymentTermsDays", "emailSenderAddress", "invoiceEmailSubject"} {
		if !fields[f] {
			t.Errorf("no problem on %s in %v", f, problems)
		}
	}

	var before struct{ Settings struct{ Company companyData } }
	env.MustDo(t, `{ settings { `+companyFields+` } }`, nil, &before)
	if c := before.Settings.Company; c.Name != "" || c.DefaultTaxRate != "20" || c.PaymentTermsDays != 30 || c.NextInvoiceNumber != 1 {
		t.Fatalf("a refused change was saved, or the defaults are wrong: %+v", c)
	}

	var saved struct {
		UpdateSettings struct {
			Currency string
			Company  companyData
		}
	}
	env.MustDo(t, update, map[string]any{"in": map[string]any{
		"companyName": "Northern Voice Ltd", "address": "1 Park Row\nLeeds LS1 5AB", "vatNumber": "GB123456789",
		"defaultTaxRate": "17.5", "paymentTermsDays": 14, "emailSenderAddress": "billing@northernvoice.example",
	}}, &saved)
	var after struct {
		Settings struct {
			Currency          string
			EmailPlaceholders []string
			Company           companyData
		}
	}
	env.MustDo(t, `{ settings { currency emailPlaceholders `+companyFields+` } }`, nil, &after)
	c := after.Settings.Company
	if after.Settings.Currency != "GBP" || c.Name != "Northern Voice Ltd" || len(c.AddressLines) != 2 || c.AddressLines[1] != "Leeds LS1 5AB" ||
		c.VatNumber != "GB123456789" || c.DefaultTaxRate != "17.5" || c.PaymentTermsDays != 14 ||
		c.EmailSenderAddress != "billing@northernvoice.example" || len(after.Settings.EmailPlaceholders) != len(mail.Placeholders) {
		t.Fatalf("settings after the save: %+v", after.Settings)
	}

	r = env.Do(t, `mutation { setNextInvoiceNumber(number: 0) { company { nextInvoiceNumber } } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Field() != "nextInvoiceNumber" {
		t.Fatalf("next number 0: %+v", r.Errors)
	}
}

// The logo goes up as a multipart upload and comes back from its URL with
// its type; removing it removes the URL.
func TestLogoUploadAndDownload(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	var b bytes.Buffer
	_ = png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 120, 40)))

	r := env.Upload(t, `mutation($f: Upload!) { uploadLogo(file: $f) { company { logoURL } } }`,
		map[string]any{"f": nil}, "variables.f", "logo.png", b.Bytes())
	if len(r.Errors) > 0 {
		t.Fatalf("upload: %+v", r.Errors)
	}
	var got struct{ Settings struct{ Company companyData } }
	env.MustDo(t, `{ settings { `+companyFields+` } }`, nil, &got)
	u := got.Settings.Company.LogoURL
	if u == nil {
		t.Fatal("no logo URL after the upload")
	}
	res, err := http.Get(env.Server.URL + *u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body bytes.Buffer
	_, _ = body.ReadFrom(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" || !bytes.Equal(body.Bytes(), b.Bytes()) {
		t.Fatalf("GET %s: %d %q, %d bytes", *u, res.StatusCode, res.Header.Get("Content-Type"), body.Len())
	}

	r = env.Upload(t, `mutation($f: Upload!) { uploadLogo(file: $f) { company { logoURL } } }`,
		map[string]any{"f": nil}, "variables.f", "logo.png", []byte("GIF89a not really"))
	if len(r.Errors) != 1 || r.Errors[0].Code() != "INVALID" || r.Errors[0].Field() != "file" {
		t.Fatalf("a GIF named .png: %+v", r.Errors)
	}

	env.MustDo(t, `mutation { removeLogo { company { logoURL } } }`, nil, nil)
	if status, _ := env.Get(t, *u); status != http.StatusNotFound {
		t.Fatalf("logo after removal: HTTP %d; want 404", status)
	}
}

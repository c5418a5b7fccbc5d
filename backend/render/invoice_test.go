package render

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func testSeller(t testing.TB) Seller {
	return Seller{
		Party:     Party{Name: "Northern Voice Ltd", Address: []string{"4 Wellington Street", "Leeds LS1 4AP"}},
		VATNumber: "GB 123 4567 89",
		Logo:      logo(t, "png"),
	}
}

var gbp = Currency{Symbol: "£", Decimals: 2}

func callCharges(calls int64, amount string, rate string) InvoiceLine {
	return InvoiceLine{Description: "Call Charges", Quantity: decimal.NewFromInt(calls), TaxRate: dec(rate), Amount: dec(amount)}
}

// parentInvoice is BILLING.md's worked example 4: P's calls 10.00, its child
// Q's calls 2.01 under Q's heading, one invoice to P.
func parentInvoice(t testing.TB) Invoice {
	return Invoice{
		Seller:           testSeller(t),
		Customer:         Party{Name: "P Holdings plc", Reference: "P01", Address: []string{"12 Park Row", "Bradford BD1 1AA"}},
		Number:           1042,
		IssueDate:        time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC),
		DueDate:          time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC),
		PaymentTermsDays: 30,
		Currency:         gbp,
		Sections: []InvoiceSection{
			{Categories: []InvoiceCategory{{Name: "Calls", Lines: []InvoiceLine{callCharges(412, "10.00", "20")}}}},
			{Heading: "Q Ltd (Q01)", Categories: []InvoiceCategory{{Name: "Calls", Lines: []InvoiceLine{callCharges(37, "2.01", "20")}}}},
		},
		Taxes: []TaxSummary{{Rate: dec("20"), Net: dec("12.01"), Tax: dec("2.40")}},
		Net:   dec("12.01"), Tax: dec("2.40"), Total: dec("14.41"),
	}
}

func renderInvoice(t testing.TB, inv Invoice) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := InvoicePDF(&b, inv); err != nil {
		t.Fatalf("InvoicePDF: %v", err)
	}
	return b.Bytes()
}

func TestInvoicePDFParentBillingShowsTheChildUnderItsHeading(t *testing.T) {
	text := pdfText(t, renderInvoice(t, parentInvoice(t)), 0)

	for _, want := range []string{
		"Northern Voice Ltd", "4 Wellington Street", "Leeds LS1 4AP", "VAT number GB 123 4567 89",
		"Invoice 1042", "P Holdings plc", "12 Park Row", "Bradford BD1 1AA",
		"1 July 2026", "31 July 2026", "Page 1 of 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the invoice does not say %q:\n%s", want, text)
		}
	}
	for _, row := range [][]string{
		{"Invoice number", "1042"},
		{"Account", "P01"},
		{"Issue date", "1 July 2026"},
		{"Due date", "31 July 2026"},
		{"Payment terms", "30 days"},
		{"Description", "Quantity", "Unit price", "VAT", "Amount"},
		{"Call Charges", "412", "20%", "£10.00"},
		{"Call Charges", "37", "20%", "£2.01"},
		{"VAT summary", "Net", "£12.01"},
		{"20% on £12.01: £2.40", "VAT", "£2.40"},
		{"Total due", "£14.41"},
		{"Please pay £14.41 by 31 July 2026 (payment terms: 30 days), quoting invoice 1042."},
	} {
		if _, ok := lineWith(text, row...); !ok {
			t.Errorf("no line reads %q:\n%s", row, text)
		}
	}
	// The parent's own lines carry no heading and come first; Q's line is under Q's heading.
	p := strings.Index(text, "£10.00")
	h := strings.Index(text, "Q Ltd (Q01)")
	q := strings.Index(text, "£2.01")
	if !(p >= 0 && p < h && h < q) {
		t.Errorf("expected P's line, then the heading Q Ltd (Q01), then Q's line; got offsets %d, %d, %d:\n%s", p, h, q, text)
	}
}

// An exempt customer's invoice says so, BILLING.md's worked example 3.
func TestInvoicePDFSaysExempt(t *testing.T) {
	inv := parentInvoice(t)
	inv.Customer = Party{Name: "C Charity", Reference: "C01"}
	inv.Exempt = true
	inv.Sections = []InvoiceSection{{Categories: []InvoiceCategory{{Lines: []InvoiceLine{callCharges(9, "4.33", "0")}}}}}
	inv.Taxes = []TaxSummary{{Rate: dec("0"), Net: dec("4.33"), Tax: dec("0")}}
	inv.Net, inv.Tax, inv.Total = dec("4.33"), dec("0"), dec("4.33")
	text := pdfText(t, renderInvoice(t, inv), 0)
	for _, row := range [][]string{
		{"Exempt from VAT: no VAT is charged."},
		{"VAT (exempt)", "£0.00"},
		{"Total due", "£4.33"},
		{"Call Charges", "9", "0%", "£4.33"},
	} {
		if _, ok := lineWith(text, row...); !ok {
			t.Errorf("no line reads %q:\n%s", row, text)
		}
	}
}

// A long invoice flows onto more pages, numbered, with the totals at the end;
// categories head their lines, and unit prices keep their own places.
func TestInvoicePDFManyLinesAcrossPages(t *testing.T) {
	inv := parentInvoice(t)
	var rental []InvoiceLine
	net := decimal.Zero
	for i := range 70 {
		l := InvoiceLine{
			Description: fmt.Sprintf("Line rental 0113 496 %04d, July 2026", i),
			Quantity:    dec("3"), UnitPrice: decimal.NewNullDecimal(dec("1.8667")),
			TaxRate: dec("20"), Amount: dec("5.60"),
		}
		rental = append(rental, l)
		net = net.Add(l.Amount)
	}
	inv.Sections = []InvoiceSection{{Categories: []InvoiceCategory{{Name: "Line rental", Lines: rental}}}}
	tax := net.Mul(dec("0.2")).Round(2)
	inv.Taxes = []TaxSummary{{Rate: dec("20"), Net: net, Tax: tax}}
	inv.Net, inv.Tax, inv.Total = net, tax, net.Add(tax)

	pdf := renderInvoice(t, inv)
	pages := pdfPages(t, pdf)
	if pages < 2 {
		t.Fatalf("70 lines fit on %d page; the test needs a longer invoice", pages)
	}
	all := pdfText(t, pdf, 0)
	for i := range 70 {
		if _, ok := lineWith(all, fmt.Sprintf("Line rental 0113 496 %04d, July 2026", i), "3", "£1.8667", "20%", "£5.60"); !ok {
			t.Errorf("line %d is missing or wrong:\n%s", i, all)
		}
	}
	if !strings.Contains(all, "Line rental\n") && !strings.Contains(all, "Line rental ") {
		t.Errorf("the category heading is missing")
	}
	last := pdfText(t, pdf, pages)
	if _, ok := lineWith(last, "Total due", "£470.40"); !ok { // 70 × 5.60 = 392.00, VAT 78.40
		t.Errorf("the last page has no total of £470.40:\n%s", last)
	}
	if !strings.Contains(last, fmt.Sprintf("Page %d of %d", pages, pages)) {
		t.Errorf("the last page is not numbered %d of %d:\n%s", pages, pages, last)
	}
}

// The logo is drawn, PNG or JPEG: PNG transparency is laid on white (no soft
// mask, which gofpdf would rebuild on every invoice), 16-bit PNGs that
// gofpdf refuses are accepted, a logo larger than it is drawn is scaled to
// 300 dpi, and anything else is refused with a sentence.
func TestInvoicePDFDrawsTheLogo(t *testing.T) {
	for name, tc := range map[string]struct {
		logo          []byte
		width, height string
		enc           string
	}{
		"png with transparency": {logo(t, "png"), "240", "80", "image"},
		"jpeg":                  {logo(t, "jpeg"), "240", "80", "jpeg"},
		"16-bit png":            {encodeLogo(t, "png", image.NewNRGBA64(image.Rect(0, 0, 240, 80))), "240", "80", "image"},
		"large png":             {encodeLogo(t, "png", image.NewNRGBA(image.Rect(0, 0, 1800, 600))), "900", "300", "image"},
		"large jpeg":            {encodeLogo(t, "jpeg", image.NewRGBA(image.Rect(0, 0, 2400, 600))), "900", "225", "jpeg"},
	} {
		t.Run(name, func(t *testing.T) {
			inv := parentInvoice(t)
			inv.Seller.Logo = tc.logo
			images := pdfImages(t, renderInvoice(t, inv))
			if len(images) != 1 {
				t.Fatalf("want the logo as the one image, got %q", images)
			}
			// page num type width height color comp bpc enc ...
			got := images[0]
			if got[2] != "image" || got[3] != tc.width || got[4] != tc.height || got[5] != "rgb" || got[8] != tc.enc {
				t.Errorf("logo drawn as %q, want an rgb %s × %s %s image", got, tc.width, tc.height, tc.enc)
			}
		})
	}
	inv := parentInvoice(t)
	inv.Seller.Logo = []byte("GIF89a...")
	if err := InvoicePDF(&bytes.Buffer{}, inv); err == nil || !strings.Contains(err.Error(), "could not be read as a PNG or JPEG image") {
		t.Errorf("a GIF logo gave %v", err)
	}
}

// pdfImages lists the images of a PDF with poppler's pdfimages, one row of
// fields each.
func pdfImages(t *testing.T, pdf []byte) [][]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfimages", "-list", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var rows [][]string
	for _, l := range lines[2:] { // a header and a rule
		rows = append(rows, strings.Fields(l))
	}
	return rows
}

func TestInvoicePDFRefusesFiguresThatDoNotAddUp(t *testing.T) {
	for name, tc := range map[string]struct {
		change func(*Invoice)
		want   string
	}{
		"net is not the sum of the lines": {func(i *Invoice) { i.Net = dec("12.02"); i.Total = dec("14.42") }, "lines add up to 12.01 but its net is 12.02"},
		"tax summary net at a rate":       {func(i *Invoice) { i.Taxes[0].Net = dec("12.00") }, "the lines at 20% add up to 12.01"},
		"a rate missing from the summary": {func(i *Invoice) {
			i.Sections[1].Categories[0].Lines[0].TaxRate = dec("5")
			i.Taxes[0].Net = dec("10.00")
		}, "no entry for the lines at 5%"},
		"tax is not the summary's":  {func(i *Invoice) { i.Tax = dec("2.41"); i.Total = dec("14.42") }, "tax summary adds up to 2.4 but the invoice's tax is 2.41"},
		"total is not net plus tax": {func(i *Invoice) { i.Total = dec("14.40") }, "is not the invoice's total 14.4"},
		"an amount not rounded":     {func(i *Invoice) { i.Sections[0].Categories[0].Lines[0].Amount = dec("10.004") }, "more than 2 decimal places"},
		"tax on an exempt customer": {func(i *Invoice) { i.Exempt = true }, "tax-exempt customer"},
	} {
		t.Run(name, func(t *testing.T) {
			inv := parentInvoice(t)
			tc.change(&inv)
			var b bytes.Buffer
			err := InvoicePDF(&b, inv)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
			if b.Len() != 0 {
				t.Errorf("a refused invoice still wrote %d bytes", b.Len())
			}
		})
	}
}

func TestMoney(t *testing.T) {
	for in, want := range map[string]string{
		"0": "£0.00", "0.07": "£0.07", "-0.07": "-£0.07", "1234.5": "£1,234.50",
		"1234567.89": "£1,234,567.89", "100": "£100.00", "-1000": "-£1,000.00",
	} {
		if got, err := gbp.money(dec(in)); err != nil || got != want {
			t.Errorf("money(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
	if got := gbp.price(dec("1.8667")); got != "£1.8667" {
		t.Errorf("a unit price with 4 places became %q", got)
	}
	if got := gbp.price(dec("12.5")); got != "£12.50" {
		t.Errorf("a unit price of 12.5 became %q", got)
	}
}

// Names and descriptions outside ASCII print as written (WinAnsi has them),
// whatever maroto does with text; a character WinAnsi lacks prints as "?".
func TestInvoicePDFWritesNonASCIIText(t *testing.T) {
	inv := parentInvoice(t)
	inv.Currency = Currency{Symbol: "€", Decimals: 2}
	inv.Seller.Name = "Société Télécom Zürich"
	inv.Customer.Name = "Café Noël"
	inv.Customer.Address = []string{"5 Rue de l’Église", "Łódź"}
	inv.Sections[0].Categories[0].Lines[0].Description = "Appels – Côte d'Ivoire"
	text := pdfText(t, renderInvoice(t, inv), 0)
	for _, want := range []string{"Société Télécom Zürich", "Café Noël", "5 Rue de l’Église", "?ód?", "Appels – Côte d'Ivoire", "€14.41", "€10.00"} {
		if !strings.Contains(text, want) {
			t.Errorf("the invoice does not say %q:\n%s", want, text)
		}
	}
}

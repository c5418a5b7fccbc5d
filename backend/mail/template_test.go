package mail

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultTemplatesUseEveryInvoicePlaceholder(t *testing.T) {
	if err := DefaultTemplates.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{PhCustomerName, PhInvoiceNumber, PhAmountDue, PhDueDate, PhPortalLink, PhCompanyName} {
		if !strings.Contains(DefaultTemplates.Subject+DefaultTemplates.Body, "{{"+p+"}}") {
			t.Errorf("the default templates do not use {{%s}}", p)
		}
	}
}

func TestRenderFillsEveryPlaceholder(t *testing.T) {
	tpl := Templates{
		Subject: "{{ invoice_number }} for {{customer_name}}",
		Body:    "To {{recipient}} from {{company_name}}: {{invoice_number}}, {{amount_due}} by {{due_date}}, see {{portal_link}}. {{customer_name}}",
	}
	r, err := tpl.Render(Fields{Recipient: "a@b.example", CompanyName: "Acme", CustomerName: "Brown", InvoiceNumber: "INV-7",
		PortalLink: "https://p.example/x?a=1&b=2", AmountDue: "€10.00", DueDate: "1 May 2026"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Subject != "INV-7 for Brown" {
		t.Errorf("subject %q", r.Subject)
	}
	if want := "To a@b.example from Acme: INV-7, €10.00 by 1 May 2026, see https://p.example/x?a=1&b=2. Brown"; r.Text != want {
		t.Errorf("text\n got %q\nwant %q", r.Text, want)
	}
	if !strings.Contains(r.HTML, `<a href="https://p.example/x?a=1&amp;b=2">https://p.example/x?a=1&amp;b=2</a>`) {
		t.Errorf("HTML does not link the portal:\n%s", r.HTML)
	}
}

// A value cannot add header lines to the subject nor markup to the HTML.
func TestRenderKeepsValuesInert(t *testing.T) {
	r, err := Templates{Subject: "Invoice for {{customer_name}}", Body: "Dear {{customer_name}},\n\nThanks.\nBye"}.
		Render(Fields{CustomerName: "Evil\r\nBcc: x@y.example <script>"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(r.Subject, "\r\n") {
		t.Errorf("subject keeps a line break: %q", r.Subject)
	}
	if strings.Contains(r.HTML, "<script>") || !strings.Contains(r.HTML, "&lt;script&gt;") {
		t.Errorf("HTML does not escape the value:\n%s", r.HTML)
	}
	if !strings.Contains(r.HTML, "<p>Thanks.<br>\nBye</p>") {
		t.Errorf("HTML loses the paragraphs:\n%s", r.HTML)
	}
}

func TestValidateNamesWhatIsWrong(t *testing.T) {
	for _, tc := range []struct {
		tpl               Templates
		field, ph, phrase string
	}{
		{Templates{Subject: "Invoice {{invoice_no}}", Body: "x"}, "subject", "invoice_no", "{{invoice_no}}, which is not a placeholder"},
		{Templates{Subject: "x", Body: "Dear {{customer}},"}, "body", "customer", "the placeholders are {{recipient}}"},
		{Templates{Subject: "x", Body: "{{if customer_name}}hi{{end}}"}, "body", "", "not a placeholder"},
		{Templates{Subject: "x", Body: "{{.CustomerName}}"}, "body", "", "{{.CustomerName}}, which is not a placeholder"},
		{Templates{Subject: "x", Body: "{{customer_name | printf}}"}, "body", "", "not a placeholder"},
		{Templates{Subject: "x", Body: "Dear {{customer_name"}, "body", "", "without a matching }}"},
		{Templates{Subject: " ", Body: "x"}, "subject", "", "empty"},
		{Templates{Subject: "x", Body: ""}, "body", "", "empty"},
	} {
		err := tc.tpl.Validate()
		var te *TemplateError
		if !errors.As(err, &te) {
			t.Errorf("%+v: error %v, want a *TemplateError", tc.tpl, err)
			continue
		}
		if te.Field != tc.field || te.Placeholder != tc.ph || !strings.Contains(te.Message, tc.phrase) {
			t.Errorf("%+v: got field %q placeholder %q %q; want %q %q containing %q", tc.tpl, te.Field, te.Placeholder, te.Message, tc.field, tc.ph, tc.phrase)
		}
	}
}

func TestFillAddressesTheRecipient(t *testing.T) {
	m := &Message{To: []Address{{Email: "first@c.example"}, {Email: "second@c.example"}}}
	if err := (Templates{Subject: "For {{recipient}}", Body: "b"}).Fill(m, Fields{}); err != nil {
		t.Fatal(err)
	}
	if m.Subject != "For first@c.example" || m.Text != "b" || m.HTML == "" {
		t.Fatalf("%+v", m)
	}
}

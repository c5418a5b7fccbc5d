package settings

import (
	"strings"
	"testing"
)

func TestCheckTemplate(t *testing.T) {
	for _, ok := range []string{"", "Invoice {{invoice_number}} from {{ company_name }}", DefaultCompany().InvoiceEmailBody, "{ single braces } are text"} {
		if err := CheckTemplate(ok); err != nil {
			t.Errorf("CheckTemplate(%q) = %v", ok, err)
		}
	}
	for text, says := range map[string]string{
		"Dear {{customer}}":         "{{customer}} is not a placeholder",
		"Invoice {{invoice_number}": "not closed",
		"Invoice invoice_number}}":  "not closed",
		"{{}}":                      "{{}} is not a placeholder",
	} {
		if err := CheckTemplate(text); err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("CheckTemplate(%q) = %v; want it to say %q", text, err, says)
		}
	}
}

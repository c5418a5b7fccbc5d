package settings

import "testing"

func TestCurrencySymbol(t *testing.T) {
	for code, want := range map[string]string{"GBP": "£", "EUR": "€", "USD": "$", "SEK": "kr", "CHF": "CHF"} {
		got, err := CurrencySymbol(code)
		if err != nil || got != want {
			t.Errorf("CurrencySymbol(%s) = %q, %v; want %q", code, got, err, want)
		}
	}
	for _, code := range []string{"", "POUNDS", "XYZ"} {
		if _, err := CurrencySymbol(code); err == nil {
			t.Errorf("CurrencySymbol(%q) accepted a code that is no currency", code)
		}
	}
}

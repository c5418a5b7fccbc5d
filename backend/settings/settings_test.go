package settings

import "testing"

func TestUnitsOf(t *testing.T) {
	if u := UnitsOf("GBP"); u != (Units{"p", "pence", "pounds"}) {
		t.Errorf("GBP units = %+v", u)
	}
	if u := UnitsOf("USD"); u.MinorSymbol != "¢" || u.MajorName != "dollars" {
		t.Errorf("USD units = %+v", u)
	}
	if u := UnitsOf("SEK"); u.MinorName != "minor units" || u.MajorName != "major units" {
		t.Errorf("a currency without names got %+v", u)
	}
}

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

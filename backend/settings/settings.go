// Package settings is what a deployment is set to and every screen needs:
// its one currency, its time zone, its country code and how money is rounded
// and shown, from the configuration; and the company's own settings (name,
// address, tax, terms, email), which backend/company keeps in the database.
package settings

import (
	"fmt"

	"golang.org/x/text/currency"
)

// Settings answers the settings query.
type Settings struct {
	// Currency is the ISO 4217 code of every amount Tollgate handles.
	Currency string
	// CurrencySymbol is what the screens put before an amount: "£", "€", "$".
	CurrencySymbol string
	// Rate sheets price a minute in the currency's minor unit: its symbol
	// after an amount ("1.5p") and the names of both units ("pence", "pounds").
	MinorUnitSymbol, MinorUnitName, MajorUnitName string
	// TimeZone is the IANA zone peak times are in and times are shown in.
	TimeZone string
	// CountryCode turns national numbers into international ones ("44").
	CountryCode string
	// CallPriceDecimals is how many decimal places a call's price has.
	CallPriceDecimals int
	// InvoiceDecimals is how many decimal places an invoice's amounts have.
	InvoiceDecimals int
	// Rounding is how an amount is rounded to those places: half-up,
	// half-even, up or down.
	Rounding string
	// Company is the reseller's stored settings; nil where only the
	// deployment's values were read (the defaults apply).
	Company *Company
}

// CurrencySymbol is the short symbol a clerk reads for an ISO 4217 code
// (CLDR's narrow symbol: "£" for GBP, "$" for USD, "kr" for SEK), or the
// code itself for a currency that has none.
func CurrencySymbol(code string) (string, error) {
	u, err := currency.ParseISO(code)
	if err != nil {
		return "", fmt.Errorf("%q is not an ISO 4217 currency code such as GBP or EUR", code)
	}
	return fmt.Sprint(currency.NarrowSymbol(u)), nil
}

// Units are what a currency's two units are called.
type Units struct {
	// MinorSymbol follows an amount in minor units: "p", "c", "¢".
	MinorSymbol string
	MinorName   string
	MajorName   string
}

var knownUnits = map[string]Units{
	"GBP": {"p", "pence", "pounds"},
	"EUR": {"c", "cents", "euros"},
	"USD": {"¢", "cents", "dollars"},
	"CAD": {"¢", "cents", "dollars"},
	"AUD": {"¢", "cents", "dollars"},
	"NZD": {"¢", "cents", "dollars"},
}

// UnitsOf names the units of an ISO 4217 code; a currency this table does
// not know is written in plain "minor units" and "major units".
func UnitsOf(code string) Units {
	if u, ok := knownUnits[code]; ok {
		return u
	}
	return Units{MinorSymbol: " minor", MinorName: "minor units", MajorName: "major units"}
}

package app_test

import (
	"testing"

	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
)

type settingsData struct {
	Settings struct {
		Currency, CurrencySymbol, TimeZone, CountryCode string
		MinorUnitSymbol, MinorUnitName, MajorUnitName   string
		CallPriceDecimals, InvoiceDecimals              int
		Rounding                                        string
	}
}

const settingsQuery = `{ settings { currency currencySymbol minorUnitSymbol minorUnitName majorUnitName timeZone countryCode callPriceDecimals invoiceDecimals rounding } }`

// The screens show money and time the way the deployment is configured,
// not the way the SPA guesses: the settings query tells them.
func TestSettingsQueryAnswersFromTheConfiguration(t *testing.T) {
	cfg := testenv.Config(t, testenv.Embedded)
	cfg.Currency, cfg.TimeZone, cfg.CountryCode = "EUR", "Europe/Paris", "33"
	cfg.CallPriceDecimals, cfg.InvoiceDecimals, cfg.Rounding = 5, 3, "half-even"
	env := testenv.Start(t, cfg)

	var got settingsData
	env.MustDo(t, settingsQuery, nil, &got)
	s := got.Settings
	if s.Currency != "EUR" || s.CurrencySymbol != "€" || s.TimeZone != "Europe/Paris" || s.CountryCode != "33" ||
		s.CallPriceDecimals != 5 || s.InvoiceDecimals != 3 || s.Rounding != "half-even" ||
		s.MinorUnitSymbol != "c" || s.MinorUnitName != "cents" || s.MajorUnitName != "euros" {
		t.Fatalf("settings = %+v", s)
	}
}

// With nothing configured a deployment is a UK one: pounds, London time,
// calls priced to 4 places and invoices to 2.
func TestSettingsDefaults(t *testing.T) {
	for _, v := range []string{"TOLLGATE_CURRENCY", "TOLLGATE_TIMEZONE", "TOLLGATE_COUNTRY_CODE",
		"TOLLGATE_CALL_PRICE_DECIMALS", "TOLLGATE_INVOICE_DECIMALS", "TOLLGATE_ROUNDING"} {
		t.Setenv(v, "")
	}
	cfg, err := platform.LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	s := cfg.Settings()
	if s.Currency != "GBP" || s.CurrencySymbol != "£" || s.TimeZone != "Europe/London" || s.CountryCode != "44" ||
		s.CallPriceDecimals != 4 || s.InvoiceDecimals != 2 || s.Rounding != "half-up" ||
		s.MinorUnitSymbol != "p" || s.MinorUnitName != "pence" || s.MajorUnitName != "pounds" {
		t.Fatalf("default settings = %+v", s)
	}
}

// A deployment that names no real currency, or impossible places, does not start.
func TestSettingsRefused(t *testing.T) {
	for v, value := range map[string]string{
		"TOLLGATE_CURRENCY":         "POUNDS",
		"TOLLGATE_INVOICE_DECIMALS": "9",
	} {
		t.Run(v, func(t *testing.T) {
			t.Setenv(v, value)
			if _, err := platform.LoadConfig(); err == nil {
				t.Fatalf("%s=%s was accepted", v, value)
			}
		})
	}
}

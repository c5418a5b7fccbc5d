package customers

import (
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/apperr"
)

// CLI values that would take a whole country's calls, or that no call can
// ever come from, are refused with the reason; ordinary numbers, ranges and
// account codes still go in.
func TestParseCliRefusesValuesThatCannotMatchOneCustomer(t *testing.T) {
	s := Service{CountryCode: "44"}
	refused := []struct{ raw, reason string }{
		{"44*", "at least 4 digits"},
		{"1*", "at least 4 digits"},
		{"+44 11*", "at least 4 digits"},
		{"0*", "at least 4 digits"},
		{"0", "at least 4 digits"},
		{"00", "at least 4 digits"},
		{"0113", "at least 4 digits"}, // 44113: three national digits
		{"+1 212*", "at least 4 digits"},
		{"!!!", `"!" is not allowed`},
		{"+", "needs at least one letter"},
		{"trunk!1", `"!" is not allowed`},
		{"___", "needs at least one letter"},
	}
	for _, c := range refused {
		_, err := s.ParseCli(c.raw)
		e, ok := apperr.As(err)
		if !ok || e.Code != apperr.Invalid || e.Field != "value" || !strings.Contains(e.Message, c.reason) {
			t.Errorf("ParseCli(%q) = %v, want INVALID on value saying %q", c.raw, err, c.reason)
		}
	}
	accepted := []struct {
		raw, value   string
		rng, account bool
	}{
		{"0113 496 0000", "441134960000", false, false},
		{"0113496*", "44113496", true, false},
		{"01134*", "441134", true, false}, // exactly four national digits
		{"+1 212 555*", "1212555", true, false},
		{"+33 1 23 45 67 89", "33123456789", false, false},
		{"trunk-01", "TRUNK01", false, true},
		{"sip:acme@pbx", "SIP:ACME@PBX", false, true},
	}
	for _, c := range accepted {
		p, err := s.ParseCli(c.raw)
		if err != nil {
			t.Errorf("ParseCli(%q): %v", c.raw, err)
			continue
		}
		if p.Value != c.value || p.Range != c.rng || p.Account != c.account {
			t.Errorf("ParseCli(%q) = %+v, want %s range=%v account=%v", c.raw, p, c.value, c.rng, c.account)
		}
	}
}

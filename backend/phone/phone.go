// Package phone writes normalised numbers (digits with their country code,
// docs/rating.md, Numbers) the way people write them: a number of the
// deployment's own country in its national form ("0113 496 0001"), any
// other in international form ("+1 212-555-0100"), a range with its "*".
// The normalised form stays what numbers are matched and searched by; this
// is only how they are shown. It knows nothing of the database.
package phone

import (
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// maxDigits is the longest number E.164 allows.
const maxDigits = 15

// Formatter shows numbers for one deployment's country.
type Formatter struct {
	country int32
}

// New returns the formatter of the deployment whose country calling code
// is countryCode ("44"); an unusable code shows every number in
// international form.
func New(countryCode string) Formatter {
	n, _ := strconv.Atoi(countryCode)
	return Formatter{country: int32(n)}
}

// Display writes a normalised value for people. A range (a prefix matching
// every number it starts) is formatted as far as its digits go and ends in
// "*". An account code, or digits that are no number of a known country
// (a short code such as 999), are shown as stored.
func (f Formatter) Display(value string, isRange bool) string {
	value = strings.TrimSuffix(value, "*")
	if !allDigits(value) {
		return suffix(value, isRange)
	}
	if isRange {
		return suffix(f.prefix(value), true)
	}
	if s, ok := f.number(value); ok {
		return s
	}
	return value
}

// number formats a whole number, if it is one.
func (f Formatter) number(digits string) (string, bool) {
	n, err := phonenumbers.Parse("+"+digits, "")
	if err != nil || !phonenumbers.IsPossibleNumber(n) {
		return "", false
	}
	if n.GetCountryCode() == f.country {
		return phonenumbers.Format(n, phonenumbers.NATIONAL), true
	}
	return phonenumbers.Format(n, phonenumbers.INTERNATIONAL), true
}

// prefix formats the start of numbers: it completes the digits with zeros
// to the longest possible number of their country (a shorter one may be a
// local-only length that formats as bare digits), formats that, and keeps the formatted
// text up to the last of the prefix's own digits (the padding is the
// formatted text's last digits: formatting keeps the digits' order).
func (f Formatter) prefix(digits string) string {
	for pad := maxDigits - len(digits); pad >= 0; pad-- {
		whole, ok := f.number(digits + strings.Repeat("0", pad))
		if !ok {
			continue
		}
		if cut, ok := keepDigits(whole, countDigits(whole)-pad); ok {
			// "(212) 555-0100" cut inside its brackets: "212", not "(212".
			if strings.Count(cut, "(") > strings.Count(cut, ")") {
				cut = strings.ReplaceAll(cut, "(", "")
			}
			return cut
		}
		return digits
	}
	return digits
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// keepDigits cuts formatted text after its first n digits, dropping the
// separator that would follow; ok is false when the text has fewer digits.
func keepDigits(formatted string, n int) (string, bool) {
	seen := 0
	for i := 0; i < len(formatted); i++ {
		if c := formatted[i]; c >= '0' && c <= '9' {
			seen++
			if seen == n {
				return formatted[:i+1], true
			}
		}
	}
	return "", false
}

func suffix(s string, isRange bool) string {
	if isRange {
		return s + "*"
	}
	return s
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

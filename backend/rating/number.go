package rating

import "strings"

// DefaultCountryCode is the deployment's country code when none is set
// (docs/rating.md, Numbers: "deployment setting country_code, default 44").
const DefaultCountryCode = "44"

// Normalize turns a CLI, dialled number or rate prefix into the one form used
// for matching (docs/rating.md, Numbers):
//
//  1. drop spaces, '-', '.', '(' and ')';
//  2. "+D…" → "D…", "00D…" → "D…", "0D…" → countryCode+"D…";
//  3. anything still holding a non-digit is an account code.
//
// For an account code (a SIP trunk id, a charge code) account is true and
// value is the cleaned text upper-cased, because account codes are matched
// exactly but case-insensitively. An already normalised number is returned
// without allocating.
func Normalize(raw, countryCode string) (value string, account bool) {
	// Fast paths that slice raw instead of building a new string: the common
	// shapes "4411…", "+4411…", "004411…".
	if raw != "" && allDigits(raw) {
		switch {
		case len(raw) >= 3 && raw[0] == '0' && raw[1] == '0':
			return raw[2:], false
		case len(raw) >= 2 && raw[0] == '0':
			return countryCode + raw[1:], false
		default:
			return raw, false
		}
	}
	if len(raw) >= 2 && raw[0] == '+' && allDigits(raw[1:]) {
		return raw[1:], false
	}
	var buf [64]byte
	b, account := AppendNormalized(buf[:0], raw, countryCode)
	return string(b), account
}

// AppendNormalized appends the normalised form of raw to dst (see Normalize)
// and reports whether it is an account code. It allocates only when dst must
// grow.
func AppendNormalized(dst []byte, raw, countryCode string) ([]byte, bool) {
	start := len(dst)
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case ' ', '-', '.', '(', ')':
		default:
			dst = append(dst, c)
		}
	}
	v := dst[start:]
	switch {
	case len(v) >= 2 && v[0] == '+' && allDigitsBytes(v[1:]):
		n := copy(v, v[1:])
		return dst[:start+n], false
	case allDigitsBytes(v):
		switch {
		case len(v) >= 3 && v[0] == '0' && v[1] == '0':
			n := copy(v, v[2:])
			return dst[:start+n], false
		case len(v) >= 2 && v[0] == '0':
			// Replace the single leading zero by the country code, in place.
			rest := len(v) - 1
			need := len(countryCode) + rest
			for len(dst)-start < need {
				dst = append(dst, 0)
			}
			dst = dst[:start+need]
			v = dst[start:]
			copy(v[len(countryCode):], v[1:1+rest])
			copy(v, countryCode)
		}
		return dst, false
	}
	// An account code: its canonical form is upper case. ASCII is the norm for
	// trunk ids; anything else goes through the Unicode mapping.
	for i, c := range v {
		if c >= 0x80 {
			up := strings.ToUpper(string(v))
			return append(dst[:start], up...), true
		}
		if 'a' <= c && c <= 'z' {
			v[i] = c - 'a' + 'A'
		}
	}
	return dst, true
}

func allDigitsBytes(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

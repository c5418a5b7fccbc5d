// Package csvcell keeps the CSV files Tollgate writes safe to open in a
// spreadsheet (CSV or formula injection): a cell that starts with '=', '+',
// '-', '@', a tab or a carriage return may be run as a formula, and a
// formula can fetch a URL or run a command. docs/security.md (CSV exports) gives the
// rule and the columns it applies to.
package csvcell

// Text returns a text cell (a name, a number as dialled, a description, a
// reason) as it may be written:
//
//   - a cell that is a plain number — an optional sign, digits, and an
//     optional decimal part, as "+441134960000" or "-0.0153" — is written
//     as it is. A spreadsheet reads it as a number, and a number calls no
//     function and refers to no cell or file, so there is nothing to run;
//     a clerk sees the number dialled as dialled, with no stray quote;
//   - any other cell starting with one of those characters gets a leading
//     apostrophe, which spreadsheets take as "this is text", so
//     "=HYPERLINK(...)" shows as the text it is.
//
// Numeric columns (prices, durations, counts, dates) are formatted by
// Tollgate itself and written without it.
func Text(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if PlainNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

// PlainNumber reports whether s is [+-]digits[.digits].
func PlainNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			digits++
		case s[i] == '.' && !dot && digits > 0 && i < len(s)-1:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

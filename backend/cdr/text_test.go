package cdr

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// asteriskLine is an answered Asterisk call with the given account code.
func asteriskLine(account string) string {
	return `"` + account + `","01134960001","02079460123","ctx","clid","c","d","Dial","x","2026-06-01 09:59:56","2026-06-01 10:00:00","2026-06-01 10:01:01",65,61,"ANSWERED","DOCUMENTATION","id.1",""`
}

// A line that is not UTF-8 is read as Windows-1252: the Latin-1
// account code arrives as the clerk wrote it, and the rest of the line is
// read as usual. A UTF-8 line is left alone.
func TestLatin1LinesAreReadAsWindows1252(t *testing.T) {
	out, err := readAll(t, "asterisk", asteriskLine("Soci\xe9t\xe9")+"\n"+asteriskLine("Société")+"\n"+asteriskLine("\x80 Ltd")+"\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Société", "Société", "€ Ltd"}
	if len(out) != len(want) {
		t.Fatalf("%d outcomes, want %d", len(out), len(want))
	}
	for i, o := range out {
		if o.prob != nil {
			t.Fatalf("line %d unreadable: %v", i+1, o.prob)
		}
		if o.rec.Account != want[i] || o.rec.Source != "01134960001" || o.rec.Duration != 61 {
			t.Errorf("line %d: account %q source %q duration %d; want %q, 01134960001, 61", i+1, o.rec.Account, o.rec.Source, o.rec.Duration, want[i])
		}
	}
}

// Every byte from 0x80 up becomes one distinct character, so no two lines
// that differ in one byte are read as the same text.
func TestEveryHighByteDecodesToItsOwnCharacter(t *testing.T) {
	seen := map[rune]byte{}
	for b := 0x80; b <= 0xff; b++ {
		s := string(appendWindows1252(nil, []byte{byte(b)}))
		r, n := utf8.DecodeRuneInString(s)
		if n != len(s) || r == utf8.RuneError || !utf8.ValidString(s) {
			t.Fatalf("byte %#x decodes to %q", b, s)
		}
		if prev, dup := seen[r]; dup {
			t.Fatalf("bytes %#x and %#x both decode to %q", prev, b, r)
		}
		seen[r] = byte(b)
	}
	if got := string(appendWindows1252(nil, []byte{0xe9, 0xa3, 0x80})); got != "é£€" {
		t.Fatalf("got %q", got)
	}
}

// A field longer than its column makes the line unreadable with a reason
// naming the field; it is never cut. Characters are counted, not bytes: 64
// accented letters fit.
func TestFieldsLongerThanTheirColumnAreUnreadable(t *testing.T) {
	in := asteriskLine(strings.Repeat("A", 80)) + "\n" +
		asteriskLine(strings.Repeat("é", 64)) + "\n" +
		asteriskLine(strings.Repeat("\xe9", 65)) + "\n" +
		strings.Replace(asteriskLine("acc"), "02079460123", strings.Repeat("1", 70), 1) + "\n"
	out, err := readAll(t, "asterisk", in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 4 {
		t.Fatalf("%d outcomes", len(out))
	}
	if p := out[0].prob; p == nil || p.Error() != "line 1: account code is 80 characters; at most 64 fit" {
		t.Errorf("line 1: %v", p)
	}
	if out[1].prob != nil || out[1].rec.Account != strings.Repeat("é", 64) {
		t.Errorf("line 2: %+v", out[1])
	}
	if p := out[2].prob; p == nil || p.Error() != "line 3: account code is 65 characters; at most 64 fit" {
		t.Errorf("line 3: %v", p)
	}
	if p := out[3].prob; p == nil || p.Error() != "line 4: destination is 70 characters; at most 64 fit" {
		t.Errorf("line 4: %v", p)
	}
}

// The mapped CSV follows the same rules, for a charge code too, and for a
// quoted field that runs over lines.
func TestMappedFieldsAreUTF8WithinTheirColumn(t *testing.T) {
	m := Mapping{Header: true, Source: "from", Destination: "to", Account: "acct", ChargeCode: "code", Start: "start", Duration: "secs",
		Layouts: []string{"YYYY-MM-DD HH:mm:ss"}}
	in := "from,to,acct,code,start,secs\n" +
		"01134960001,02079460123,Soci\xe9t\xe9,\"UK\nLAND\",2026-06-01 10:00:00,61\n" +
		"01134960001,02079460123,x," + strings.Repeat("C", 65) + ",2026-06-01 10:00:00,61\n"
	rd, err := NewMappedReader(strings.NewReader(in), m, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rd.Next() {
		if p := rd.Problem(); p != nil {
			got = append(got, p.Error())
			continue
		}
		got = append(got, rd.Record().Account+"|"+rd.Record().ChargeCode)
	}
	if err := rd.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{"Société|UK\nLAND", "line 4: charge code is 65 characters; at most 64 fit"}
	if strings.Join(got, "\n--\n") != strings.Join(want, "\n--\n") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

package phone

import "testing"

func TestDisplayInTheUK(t *testing.T) {
	uk := New("44")
	for _, c := range []struct {
		name, value string
		isRange     bool
		want        string
	}{
		{"geographic", "441134960001", false, "0113 496 0001"},
		{"London", "442079460123", false, "020 7946 0123"},
		{"mobile", "447700900123", false, "07700 900123"},
		{"freephone 0800, ten digits", "44800123456", false, "0800 123456"},
		{"freephone 0808", "448081570123", false, "0808 157 0123"},
		{"a range of whole numbers keeps its star", "441134960002", true, "0113 496 0002*"},
		{"a short range is grouped as far as it goes", "44113496", true, "0113 496*"},
		{"a range cut inside a group", "4411349", true, "0113 49*"},
		{"an area code range", "4420", true, "020*"},
		{"a mobile range", "447700", true, "07700*"},
		{"a stored star is not doubled", "44113496*", true, "0113 496*"},
		{"US number in international form", "12125550100", false, "+1 212-555-0100"},
		{"French number in international form", "33142685300", false, "+33 1 42 68 53 00"},
		{"a US range", "1212555", true, "+1 212-555*"},
		{"a short code is shown as stored", "999", false, "999"},
		{"digits that are no possible number stay as stored", "118118", false, "118118"},
		{"an account code is shown as stored", "TRUNK_7", false, "TRUNK_7"},
		{"an account code range", "PBX", true, "PBX*"},
		{"empty", "", false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := uk.Display(c.value, c.isRange); got != c.want {
				t.Errorf("Display(%q, %v) = %q, want %q", c.value, c.isRange, got, c.want)
			}
		})
	}
}

func TestDisplayElsewhere(t *testing.T) {
	us := New("1")
	for value, want := range map[string]string{
		"12125550100":  "(212) 555-0100",
		"441134960001": "+44 113 496 0001",
	} {
		if got := us.Display(value, false); got != want {
			t.Errorf("US Display(%q) = %q, want %q", value, got, want)
		}
	}
	if got := us.Display("1212", true); got != "212*" {
		t.Errorf("a US area code range cut inside its brackets: %q, want 212*", got)
	}
	if got := New("").Display("441134960001", false); got != "+44 113 496 0001" {
		t.Errorf("no country: %q, want the international form", got)
	}
}

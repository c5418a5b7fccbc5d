package tariffs

import (
	"testing"
	"time"

	"github.com/tollgate/tollgate/ent"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEffectiveFromRoundsUpToAWholeSecond(t *testing.T) {
	for in, want := range map[string]string{
		"2026-06-01T10:00:00.5Z":         "2026-06-01T10:00:01Z",
		"2026-06-01T10:00:00.000000001Z": "2026-06-01T10:00:01Z",
		"2026-06-01T10:00:00Z":           "2026-06-01T10:00:00Z",
		"2026-06-01T11:59:59.9+01:00":    "2026-06-01T11:00:00Z",
		"2026-12-31T23:59:59.999999999Z": "2027-01-01T00:00:00Z",
	} {
		got := EffectiveFrom(at(in))
		if !got.Equal(at(want)) || got.Location() != time.UTC {
			t.Errorf("EffectiveFrom(%s) = %s, want %s in UTC", in, got, want)
		}
	}
}

func TestTimelineChoosesTheVersionInForce(t *testing.T) {
	v := func(id, version int, from string) *ent.RateSheet {
		return &ent.RateSheet{ID: id, Version: version, EffectiveFrom: at(from)}
	}
	jan := v(1, 1, "2026-01-01T00:00:00Z")
	jun := v(2, 2, "2026-06-01T10:00:01Z")
	junAgain := v(3, 3, "2026-06-01T10:00:01Z") // same instant: the higher version wins
	aug := v(4, 4, "2026-08-01T00:00:00Z")
	anyProvider := NewTimeline([]*ent.RateSheet{v(9, 1, "2025-01-01T00:00:00Z")})
	tl := NewTimeline([]*ent.RateSheet{aug, junAgain, jan, jun}) // any order in
	tl.Fallback = anyProvider

	for when, want := range map[string]int{
		"2025-06-01T00:00:00Z":        9, // before the provider's first: the fallback's
		"2026-01-01T00:00:00Z":        1,
		"2026-06-01T10:00:00Z":        1,
		"2026-06-01T10:00:00.999999Z": 1,
		"2026-06-01T10:00:01Z":        3,
		"2026-07-31T23:59:59.5Z":      3,
		"2026-08-01T00:00:00Z":        4,
		"2030-01-01T00:00:00Z":        4,
	} {
		got := tl.At(at(when))
		if got == nil || got.ID != want {
			t.Errorf("At(%s) = %v, want sheet %d", when, got, want)
		}
	}
	if NewTimeline(nil).At(at("2026-01-01T00:00:00Z")) != nil {
		t.Error("an empty timeline without a fallback has a version in force")
	}

	for sheet, want := range map[*ent.RateSheet]string{jan: "2026-06-01T10:00:01Z", jun: "2026-06-01T10:00:01Z", junAgain: "2026-08-01T00:00:00Z"} {
		if got := tl.Until(sheet); got == nil || !got.Equal(at(want)) {
			t.Errorf("Until(sheet %d) = %v, want %s", sheet.ID, got, want)
		}
	}
	if got := tl.Until(aug); got != nil {
		t.Errorf("the last version ends at %s", got)
	}

	now := at("2026-06-01T10:00:01Z")
	for sheet, want := range map[*ent.RateSheet]bool{jan: false, jun: false, junAgain: true, aug: false} {
		if got := tl.InForce(sheet, now); got != want {
			t.Errorf("InForce(sheet %d) = %v, want %v", sheet.ID, got, want)
		}
	}
	if tl.InForce(jan, at("2025-06-01T00:00:00Z")) {
		t.Error("a version is in force before it takes effect")
	}
}

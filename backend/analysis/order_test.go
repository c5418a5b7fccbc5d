package analysis_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/testenv"
)

// Issue 10, item 4: each line is counted in the first of unreadable,
// duplicate, zero duration, without customer, without rate, priced that
// applies (docs/analysis.md, Every line counted once), the order the upload
// page lists them in.
func TestEachLineCountsInTheFirstThatApplies(t *testing.T) {
	line := func(acct, src, dst string, billsec int, id string) string {
		return strings.Join([]string{`"` + acct + `"`, `"` + src + `"`, `"` + dst + `"`, `"outbound-calls"`, `""`, `"PJSIP/201"`, `"PJSIP/carrier"`,
			`"Dial"`, `""`, `"2026-06-01 10:00:00"`, `"2026-06-01 10:00:00"`, `"2026-06-01 10:01:00"`, "60", strconv.Itoa(billsec),
			`"ANSWERED"`, `"DOCUMENTATION"`, `"` + id + `"`, `""`}, ",")
	}
	file := strings.Join([]string{
		line("", "01134960077", "01614960123", 0, "a.1"),  // unknown CLI, no time: zero duration
		line("", "01134960077", "01614960123", 0, "a.1"),  // the same call again: duplicate, though zero too
		line("", "01134960077", "00000000001", 30, "a.2"), // unknown CLI, no rate either: without customer
		line("", "01134960001", "00000000001", 30, "a.3"), // known CLI, no rate: without rate
		line("", "01134960001", "01614960123", 0, "a.4"),  // known CLI, no time: zero duration
		line("", "01134960001", "01614960123", 30, "a.5"), // priced
		`"","01134960001","01614960123","outbound-calls"`, // unreadable
	}, "\n") + "\n"
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			u := f.analyse(t, "order.csv", []byte(file))
			got := [6]int64{u.Unreadable, u.Duplicates, u.ZeroDuration, u.WithoutCustomer, u.WithoutRate, u.Priced}
			if want := [6]int64{1, 1, 2, 1, 1, 1}; got != want || u.LinesRead != 7 {
				t.Errorf("unreadable, duplicates, zero, without customer, without rate, priced = %v of %d lines; want %v of 7", got, u.LinesRead, want)
			}
			// Issue 10, item 5: the unknown CLI's call has no rate at the
			// default tariff either: its value is unknown, not zero.
			groups, err := f.svc.NoCustomerGroups(f.ctx, u.ID, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(groups) != 1 || groups[0].Calls != 1 || groups[0].Unvalued != 1 || !groups[0].Value.IsZero() {
				t.Errorf("the unknown CLI's calls are listed as %+v; want 1 call, 1 of unknown value", groups)
			}
		})
	}
}

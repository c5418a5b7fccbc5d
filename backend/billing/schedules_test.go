package billing_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingschedule"
)

// A stored schedule's anchor reads as the rules' schedule: a weekly one
// counts 1 as Monday and 7 as Sunday; the current and next periods are
// those holding the deployment zone's date, not UTC's.
func TestASchedulesPeriodsAreTheDeploymentZonesDates(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	svc := &billing.Service{Zone: london}
	// 23:30 UTC on Sunday 31 May 2026 is already Monday 1 June in London (BST).
	now := time.Date(2026, 5, 31, 23, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		b                  ent.BillingSchedule
		cur, next, curName string
	}{
		{ent.BillingSchedule{Frequency: billingschedule.FrequencyMonthly, AnchorDay: 1}, "2026-06-01..2026-06-30", "2026-07-01..2026-07-31", "2026-06"},
		{ent.BillingSchedule{Frequency: billingschedule.FrequencyMonthly, AnchorDay: 15}, "2026-05-15..2026-06-14", "2026-06-15..2026-07-14", "2026-05"},
		{ent.BillingSchedule{Frequency: billingschedule.FrequencyQuarterly, AnchorDay: 1}, "2026-04-01..2026-06-30", "2026-07-01..2026-09-30", "2026-Q2"},
		{ent.BillingSchedule{Frequency: billingschedule.FrequencyWeekly, AnchorDay: 1}, "2026-06-01..2026-06-07", "2026-06-08..2026-06-14", "2026-06-01"},
		{ent.BillingSchedule{Frequency: billingschedule.FrequencyWeekly, AnchorDay: 7}, "2026-05-31..2026-06-06", "2026-06-07..2026-06-13", "2026-05-31"},
	} {
		cur, ok := svc.CurrentPeriod(&c.b, now)
		next, okNext := svc.NextPeriod(&c.b, now)
		if !ok || !okNext || cur.String() != c.cur || next.String() != c.next || billing.ScheduleRule(&c.b).Name(cur) != c.curName {
			t.Errorf("%s anchored %d: current %s (%s), next %s; want %s (%s), next %s", c.b.Frequency, c.b.AnchorDay, cur, billing.ScheduleRule(&c.b).Name(cur), next, c.cur, c.curName, c.next)
		}
	}
	if _, ok := svc.CurrentPeriod(&ent.BillingSchedule{Frequency: billingschedule.FrequencyManual, AnchorDay: 1}, now); ok {
		t.Error("a manual schedule has a current period; want none")
	}
	var ended []string
	for _, p := range svc.EndedPeriods(&ent.BillingSchedule{Frequency: billingschedule.FrequencyMonthly, AnchorDay: 15}, now, 3) {
		ended = append(ended, p.String())
	}
	if got, want := strings.Join(ended, " "), "2026-04-15..2026-05-14 2026-03-15..2026-04-14 2026-02-15..2026-03-14"; got != want {
		t.Errorf("the ended periods of a monthly schedule from the 15th are %s; want %s", got, want)
	}
	if n := len(svc.EndedPeriods(&ent.BillingSchedule{Frequency: billingschedule.FrequencyWeekly, AnchorDay: 1}, now, 1000)); n != billing.MaxEndedPeriods {
		t.Errorf("asked for 1000 ended weeks, got %d; want at most %d", n, billing.MaxEndedPeriods)
	}
	if got := svc.EndedPeriods(&ent.BillingSchedule{Frequency: billingschedule.FrequencyManual, AnchorDay: 1}, now, 3); len(got) != 0 {
		t.Errorf("a manual schedule has ended periods %v; want none", got)
	}
	due := svc.DueAt(rules.Period{Start: rules.NewDate(2026, 6, 1), End: rules.NewDate(2026, 7, 1)})
	if want := time.Date(2026, 6, 30, 23, 0, 0, 0, time.UTC); !due.Equal(want) {
		t.Errorf("June's run is due at %s; want midnight in London, %s", due, want)
	}
}

const scheduleFields = `id name frequency anchorDay customerCount currentPeriod { name start last days dueAt } nextPeriod { name start }`

type scheduleOut struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Frequency     string `json:"frequency"`
	AnchorDay     int    `json:"anchorDay"`
	CustomerCount int    `json:"customerCount"`
	CurrentPeriod *struct {
		Name, Start, Last string
		Days              int
		DueAt             time.Time
	} `json:"currentPeriod"`
	NextPeriod *struct{ Name, Start string } `json:"nextPeriod"`
}

// Over the API a clerk creates, renames and deletes schedules; a wrong
// anchor or a name already used is refused with the field at fault and
// writes nothing, and a schedule with customers on it is not deleted.
func TestSchedulesAreKeptOverTheAPIWithClearRefusals(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			create := func(in map[string]any) testenv.Response {
				return env.Do(t, `mutation($in: BillingScheduleInput!) { createBillingSchedule(input: $in) { `+scheduleFields+` } }`, map[string]any{"in": in})
			}
			var monthly struct{ CreateBillingSchedule scheduleOut }
			r := create(map[string]any{"name": " Monthly on the 15th ", "frequency": "MONTHLY", "anchorDay": 15})
			if len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
			if err := json.Unmarshal(r.Data, &monthly); err != nil {
				t.Fatal(err)
			}
			m := monthly.CreateBillingSchedule
			today := rules.DateIn(time.Now(), env.App.Config.Location()).String()
			if m.Name != "Monthly on the 15th" || m.AnchorDay != 15 || m.CustomerCount != 0 || m.CurrentPeriod == nil || m.NextPeriod == nil ||
				!strings.HasSuffix(m.CurrentPeriod.Start, "-15") || m.CurrentPeriod.Start > today || m.CurrentPeriod.Last < today ||
				m.NextPeriod.Start <= m.CurrentPeriod.Last || m.CurrentPeriod.Days < 28 || m.CurrentPeriod.Days > 31 {
				t.Errorf("created %+v (current %+v, next %+v); want the trimmed name, no customers, a period from the 15th holding %s", m, m.CurrentPeriod, m.NextPeriod, today)
			}

			for _, c := range []struct {
				in          map[string]any
				code, field string
				says        string
			}{
				{map[string]any{"name": "Monthly 29", "frequency": "MONTHLY", "anchorDay": 29}, "INVALID", "anchorDay", "from 1 to 28"},
				{map[string]any{"name": "Quarterly 0", "frequency": "QUARTERLY", "anchorDay": 0}, "INVALID", "anchorDay", "from 1 to 28"},
				{map[string]any{"name": "Weekly 8", "frequency": "WEEKLY", "anchorDay": 8}, "INVALID", "anchorDay", "1 (Monday) to 7 (Sunday)"},
				{map[string]any{"name": "monthly ON THE 15TH", "frequency": "WEEKLY", "anchorDay": 1}, "CONFLICT", "name", "already a schedule called Monthly on the 15th"},
				{map[string]any{"name": "  ", "frequency": "MANUAL"}, "INVALID", "name", "name is required"},
			} {
				r := create(c.in)
				if len(r.Errors) != 1 || r.Errors[0].Code() != c.code || r.Errors[0].Field() != c.field || !strings.Contains(r.Errors[0].Message, c.says) {
					t.Errorf("%v: %+v; want %s on %s saying %q", c.in, r.Errors, c.code, c.field, c.says)
				}
			}
			if n := env.App.DB.Client.BillingSchedule.Query().CountX(ctx); n != 1 {
				t.Errorf("%d schedules stored after the refusals; want only the first", n)
			}

			// A manual schedule has no periods of its own.
			var manual struct{ CreateBillingSchedule scheduleOut }
			r = create(map[string]any{"name": "By hand", "frequency": "MANUAL", "anchorDay": 40})
			if len(r.Errors) > 0 || json.Unmarshal(r.Data, &manual) != nil || manual.CreateBillingSchedule.CurrentPeriod != nil || manual.CreateBillingSchedule.NextPeriod != nil {
				t.Errorf("manual schedule %s, %+v; want it stored with no current or next period", r.Data, r.Errors)
			}

			id := m.ID
			var cu struct{ CreateCustomer struct{ ID string } }
			env.MustDo(t, `mutation($s: ID!) { createCustomer(input: {reference: "ACME", name: "Acme Ltd", scheduleID: $s}) { id } }`, map[string]any{"s": id}, &cu)
			var listed struct{ BillingSchedules []scheduleOut }
			env.MustDo(t, `{ billingSchedules { `+scheduleFields+` } }`, nil, &listed)
			if len(listed.BillingSchedules) != 2 || listed.BillingSchedules[1].ID != id || listed.BillingSchedules[1].CustomerCount != 1 {
				t.Errorf("schedules %+v; want By hand, then Monthly on the 15th with one customer", listed.BillingSchedules)
			}
			r = env.Do(t, `mutation($id: ID!) { deleteBillingSchedule(id: $id) }`, map[string]any{"id": id})
			if len(r.Errors) != 1 || r.Errors[0].Code() != "CONFLICT" || !strings.Contains(r.Errors[0].Message, "1 customer(s) are on Monthly on the 15th") {
				t.Errorf("deleting a schedule with a customer: %+v; want a CONFLICT naming it", r.Errors)
			}

			var updated struct{ UpdateBillingSchedule scheduleOut }
			env.MustDo(t, `mutation($id: ID!) { updateBillingSchedule(id: $id, input: {name: "Quarterly on the 2nd", frequency: QUARTERLY, anchorDay: 2}) { `+scheduleFields+` } }`, map[string]any{"id": id}, &updated)
			if u := updated.UpdateBillingSchedule; u.Frequency != "QUARTERLY" || u.AnchorDay != 2 || u.CurrentPeriod == nil || !strings.Contains(u.CurrentPeriod.Name, "-Q") {
				t.Errorf("updated %+v; want a quarterly schedule with a quarter as its period", u)
			}
			r = env.Do(t, `mutation($id: ID!) { updateBillingSchedule(id: $id, input: {name: "By hand", frequency: MANUAL}) { id } }`, map[string]any{"id": id})
			if len(r.Errors) != 1 || r.Errors[0].Code() != "CONFLICT" || r.Errors[0].Field() != "name" {
				t.Errorf("renaming onto another schedule's name: %+v; want CONFLICT on name", r.Errors)
			}
		})
	}
}

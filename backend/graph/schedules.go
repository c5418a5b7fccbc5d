package graph

import (
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/graph/model"
	"github.com/tollgate/tollgate/ent"
)

// scheduleInput is the billing service's reading of the API's schedule.
func scheduleInput(in model.BillingScheduleInput) billing.ScheduleInput {
	return billing.ScheduleInput{Name: in.Name, Frequency: in.Frequency, AnchorDay: deref(in.AnchorDay)}
}

// period is a schedule's period as the API shows it; nil when there is none.
func (r *Resolver) period(b *ent.BillingSchedule, p rules.Period, ok bool) *model.BillingPeriod {
	if !ok {
		return nil
	}
	return &model.BillingPeriod{
		Name: billing.ScheduleRule(b).Name(p), Start: *billing.DayOf(p.Start), Last: *billing.DayOf(p.Last()),
		Days: p.Days(), DueAt: r.Billing.DueAt(p),
	}
}

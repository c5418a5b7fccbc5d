package analysis

import (
	"context"
	"fmt"

	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/phone"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/cli"
	"github.com/tollgate/tollgate/ent/provider"
	"github.com/tollgate/tollgate/ent/ratesheet"
)

// maxOutdated bounds the changes Outdated names; past it, it says how many
// more there are.
const maxOutdated = 5

// Outdated says why a Ready upload's analysis may no longer be what a new
// one would find: CLIs and rate sheet versions added or changed since the
// analysis began that apply to the span of its calls (a CLI valid at some
// time between its first and last call; a version of its direction, for its
// provider or any, in force from before its last call). Processing then
// charges what the analysis found, so the clerk is told first
// (docs/analysis.md, Processing). Empty when nothing changed, and for an
// upload that is not Ready.
func (s *Service) Outdated(ctx context.Context, u *ent.CdrUpload) ([]string, error) {
	if u.Status != cdrupload.StatusReady || u.AnalysedAt == nil || u.CallsFrom == nil || u.CallsTo == nil {
		return nil, nil
	}
	c := txn.Client(ctx, s.Client)
	since, from, to := *u.AnalysedAt, *u.CallsFrom, *u.CallsTo
	clis, err := c.Cli.Query().
		Where(cli.UpdatedAtGT(since), cli.ValidFromLTE(to), cli.Or(cli.ValidToIsNil(), cli.ValidToGT(from))).
		WithCustomer().Order(ent.Asc(cli.FieldUpdatedAt), ent.Asc(cli.FieldID)).Limit(maxOutdated + 1).All(ctx)
	if err != nil {
		return nil, err
	}
	sheets, err := c.RateSheet.Query().
		Where(ratesheet.UpdatedAtGT(since), ratesheet.EffectiveFromLTE(to), ratesheet.DirectionEQ(ratesheet.Direction(u.Direction)),
			ratesheet.Or(ratesheet.Not(ratesheet.HasProvider()), ratesheet.HasProviderWith(provider.HasUploadsWith(cdrupload.ID(u.ID))))).
		WithTariff().Order(ent.Asc(ratesheet.FieldUpdatedAt), ent.Asc(ratesheet.FieldID)).Limit(maxOutdated + 1).All(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	numbers := phone.New(s.CountryCode)
	for _, l := range clis {
		owner := "a customer"
		if cu := l.Edges.Customer; cu != nil {
			owner = fmt.Sprintf("%s (%s)", cu.Name, cu.Reference)
		}
		out = append(out, fmt.Sprintf("CLI %s of %s was added or changed after this analysis began", numbers.Display(l.Value, l.IsRange), owner))
	}
	for _, rs := range sheets {
		tariff := "a tariff"
		if t := rs.Edges.Tariff; t != nil {
			tariff = "tariff " + t.Name
		}
		out = append(out, fmt.Sprintf("rate sheet version %d of %s was added or changed after this analysis began", rs.Version, tariff))
	}
	if len(out) > maxOutdated {
		out = append(out[:maxOutdated], "and other changes")
	}
	return out, nil
}

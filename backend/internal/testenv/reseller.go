package testenv

import (
	"bytes"
	"context"
	"testing"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/ratesheet"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/backend/workload"
	"github.com/tollgate/tollgate/ent"
	entprovider "github.com/tollgate/tollgate/ent/provider"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
)

// Reseller sets a generated reseller up in a: the workload's customers and
// CLIs, its rate sheet as the default tariff's outbound sheet, and a
// provider named provider whose CDR format is the workload's. It returns
// the provider.
func Reseller(t testing.TB, a *app.App, wl *workload.Workload, provider string) *ent.Provider {
	t.Helper()
	ctx := viewer.System(context.Background())
	if _, err := wl.Load(ctx, a.DB.Client); err != nil {
		t.Fatal(err)
	}
	format := map[string]string{"asterisk": "ASTERISK", "freeswitch": "FREESWITCH", "fcs": "FCS"}[wl.Config().Format]
	prov, err := a.Providers.Create(ctx, ent.CreateProviderInput{Name: provider, CdrFormat: entprovider.CdrFormat(format)})
	if err != nil {
		t.Fatal(err)
	}
	def, err := a.Pricing.DefaultTariff(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var sheet bytes.Buffer
	if err := wl.WriteRateSheet(&sheet); err != nil {
		t.Fatal(err)
	}
	from := wl.SheetEffectiveFrom()
	if _, err := a.Pricing.Upload(ctx, tariffs.UploadInput{TariffID: def.ID, Direction: entratesheet.DirectionOutbound,
		EffectiveFrom: &from, Units: ratesheet.Minor, FileName: "rates.csv", File: &sheet}); err != nil {
		t.Fatal(err)
	}
	return prov
}

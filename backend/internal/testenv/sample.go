package testenv

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/ratesheet"
	"github.com/tollgate/tollgate/backend/tariffs"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
)

// SampleRatesFrom is when the sample rate sheet LoadSampleRates uploads
// takes effect.
var SampleRatesFrom = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// LoadSampleRates gives the default tariff the repository's sample
// outbound rate sheet (from SampleRatesFrom) and the sample peak times:
// enough to price the test CDRs of testdata/.
func (e *Env) LoadSampleRates(t testing.TB, ctx context.Context) {
	t.Helper()
	def, err := e.App.Pricing.DefaultTariff(ctx)
	if err != nil {
		t.Fatal(err)
	}
	from := SampleRatesFrom
	if _, err := e.App.Pricing.Upload(ctx, tariffs.UploadInput{TariffID: def.ID, Direction: entratesheet.DirectionOutbound,
		EffectiveFrom: &from, FileName: "sample.csv", File: bytes.NewReader(fixtures.Read(t, fixtures.RateSheet))}); err != nil {
		t.Fatal(err)
	}
	pt, err := ratesheet.ReadPeakTimes(bytes.NewReader(fixtures.Read(t, fixtures.PeakTimes)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.App.Pricing.ReplacePeakTimes(ctx, nil, pt.Blocks()); err != nil {
		t.Fatal(err)
	}
}

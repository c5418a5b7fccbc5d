package main

import (
	"testing"

	"github.com/tollgate/tollgate/backend/internal/shared"
)

// The conformance samples kept next to the repository (found by
// backend/internal/shared, with their own rate sheet and expected outputs)
// are priced exactly as
// they say, byte for byte. An extra check on top of the repository's own
// fixtures: skipped when the folder is not there, required by
// `make conformance`.
func TestConformanceWithSharedSamples(t *testing.T) {
	checkExpectedOutputs(t, shared.Testdata(t), "rates/uk-sample.csv")
}

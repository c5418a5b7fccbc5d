package main

import (
	"testing"

	"github.com/tollgate/tollgate/backend/internal/shared"
)

// The conformance samples kept beside the repository (../shared/testdata,
// with their own rate sheet and expected outputs) are priced exactly as
// they say, byte for byte. An extra check on top of the repository's own
// fixtures: skipped when the folder is not there, required by
// `make conformance`.
func TestConformanceWithSharedSamples(t *testing.T) {
	checkExpectedOutputs(t, shared.Testdata(t), "rates/uk-sample.csv")
}

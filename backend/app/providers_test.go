package app_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
)

// A provider with its own CSV layout: a preset mapping is previewed on the
// file, saved after checking, and then used to analyse an upload.
func TestCsvProviderMappingPreviewAndAnalysis(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	twilio, err := os.ReadFile(filepath.Join("..", "cdr", "testdata", "twilio-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var presets struct {
		CsvMappingPresets []struct {
			Name    string
			Mapping map[string]any
		}
	}
	env.MustDo(t, `{ csvMappingPresets { name mapping { delimiter header source destination account chargeCode start date time answer duration uniqueId providerPrice negativePrices layouts timeZone durationUnit } } }`, nil, &presets)
	var mapping map[string]any
	for _, p := range presets.CsvMappingPresets {
		if p.Name == "twilio" {
			mapping = p.Mapping
		}
	}
	if mapping == nil {
		t.Fatalf("no twilio preset in %+v", presets)
	}

	// Preview before saving: parsed lines, nothing stored.
	r := env.Upload(t, `mutation($m: CsvMappingInput!, $f: Upload!) { previewCdrMapping(mapping: $m, file: $f, lines: 5) { header lines { line source destination start durationSeconds problem } } }`,
		map[string]any{"m": mapping, "f": nil}, "variables.f", "twilio.csv", twilio)
	var preview struct {
		PreviewCdrMapping struct {
			Header []string
			Lines  []struct {
				Line            int
				Source          *string
				Start           *string
				DurationSeconds *int
				Problem         *string
			}
		}
	}
	decode(t, r, &preview)
	p := preview.PreviewCdrMapping
	if len(p.Header) == 0 || p.Header[0] != "Sid" || len(p.Lines) == 0 || p.Lines[0].Source == nil ||
		*p.Lines[0].Source != "+441134960001" || *p.Lines[0].DurationSeconds != 61 {
		t.Fatalf("preview: %+v", p)
	}
	if st, _ := time.Parse(time.RFC3339, *p.Lines[0].Start); !st.Equal(time.Date(2026, 6, 1, 10, 0, 4, 0, time.UTC)) {
		t.Errorf("first call starts %s, want 2026-06-01T10:00:04Z", *p.Lines[0].Start)
	}

	var prov struct{ CreateProvider struct{ ID string } }
	env.MustDo(t, `mutation { createProvider(input: {name: "Twilio", cdrFormat: CSV, timeZone: "UTC"}) { id } }`, nil, &prov)
	// A mapping missing its duration column is refused whole.
	bad := map[string]any{}
	for k, v := range mapping {
		bad[k] = v
	}
	bad["duration"] = ""
	res := env.Do(t, `mutation($id: ID!, $m: CsvMappingInput!) { setProviderCsvMapping(providerID: $id, mapping: $m) { id } }`,
		map[string]any{"id": prov.CreateProvider.ID, "m": bad})
	if len(res.Errors) != 1 || res.Errors[0].Code() != "INVALID" || res.Errors[0].Extensions["problems"] == nil {
		t.Fatalf("bad mapping: %+v", res)
	}
	env.MustDo(t, `mutation($id: ID!, $m: CsvMappingInput!) { setProviderCsvMapping(providerID: $id, mapping: $m) { csvMapping { duration } } }`,
		map[string]any{"id": prov.CreateProvider.ID, "m": mapping}, nil)

	r = env.Upload(t, `mutation($p: ID!, $f: Upload!) { uploadCdr(input: {providerID: $p, file: $f}) { id } }`,
		map[string]any{"p": prov.CreateProvider.ID, "f": nil}, "variables.f", "twilio.csv", twilio)
	var up struct{ UploadCdr struct{ ID string } }
	decode(t, r, &up)
	var got struct {
		Node struct {
			Status      string
			LinesRead   int
			CountsAddUp bool
			Unreadable  int
		}
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		env.MustDo(t, `query($id: ID!) { node(id: $id) { ... on CdrUpload { status linesRead countsAddUp unreadable } } }`, map[string]any{"id": up.UploadCdr.ID}, &got)
		if got.Node.Status == "READY" || got.Node.Status == "FAILED" || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if got.Node.Status != "READY" || got.Node.LinesRead == 0 || !got.Node.CountsAddUp {
		t.Fatalf("analysis of the Twilio file: %+v", got.Node)
	}
}

// Upload progress reaches subscribers through the event bus (Redis pub/sub
// in production), ending with the ready upload and its counts.
func TestUploadProgressSubscription(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			var prov struct{ CreateProvider struct{ ID string } }
			env.MustDo(t, `mutation { createProvider(input: {name: "PBX", cdrFormat: ASTERISK}) { id } }`, nil, &prov)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			sub := env.Subscribe(t, ctx, `subscription { uploadChanged { id status linesRead countsAddUp progress { phase fraction linesDone } } }`, nil)
			sample := fixtures.Read(t, "cdr/asterisk-sample.csv")
			upload := func(name string, file []byte) string {
				r := env.Upload(t, `mutation($p: ID!, $f: Upload!) { uploadCdr(input: {providerID: $p, file: $f}) { id } }`,
					map[string]any{"p": prov.CreateProvider.ID, "f": nil}, "variables.f", name, file)
				var up struct{ UploadCdr struct{ ID string } }
				decode(t, r, &up)
				return up.UploadCdr.ID
			}
			type event struct {
				UploadChanged struct {
					ID, Status  string
					LinesRead   int
					CountsAddUp bool
					Progress    struct {
						Phase    string
						Fraction float64
					}
				}
			}
			// A first upload's event shows the subscription is listening
			// (a fixed pause lost the race on a loaded machine: the whole
			// analysis ended before the server subscribed).
			// (Its extra blank line makes it another file, not a duplicate.)
			probe := upload("probe.csv", append(append([]byte{}, sample...), '\n'))
			for {
				var ev event
				sub.Next(t, 20*time.Second, &ev)
				if ev.UploadChanged.ID == probe {
					break
				}
			}
			var up struct{ UploadCdr struct{ ID string } }
			up.UploadCdr.ID = upload("june.csv", sample)
			phases := []string{}
			for {
				var ev event
				sub.Next(t, 20*time.Second, &ev)
				u := ev.UploadChanged
				if u.ID != up.UploadCdr.ID {
					continue
				}
				phases = append(phases, u.Progress.Phase)
				if u.Status == "READY" {
					if u.LinesRead != 12 || !u.CountsAddUp || u.Progress.Fraction != 1 {
						t.Errorf("final event: %+v", u)
					}
					break
				}
			}
			if len(phases) < 2 {
				t.Errorf("phases seen: %v; want progress before ready", phases)
			}
		})
	}
}

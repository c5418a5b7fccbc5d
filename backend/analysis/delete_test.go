package analysis_test

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrlineerror"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

// A Ready or Failed upload is deleted with its calls and unreadable lines,
// and its file can be sent again; a processed one, or one a live worker is
// analysing, is refused with a sentence naming the file and keeps
// everything.
func TestDeleteUploadRemovesItsCallsButNeverAProcessedOne(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			c := f.env.App.DB.Client
			sample := fixtures.Read(t, "cdr/asterisk-sample.csv")
			u := f.analyse(t, "june.csv", sample)
			if u.Status != cdrupload.StatusReady || u.Unreadable == 0 {
				t.Fatalf("sample not ready with an unreadable line: %s %+v", u.Status, u)
			}
			name, err := f.svc.Delete(f.ctx, u.ID)
			if err != nil || name != "june.csv" {
				t.Fatalf("delete a ready upload: %q, %v", name, err)
			}
			if n, _ := c.Call.Query().Where(call.UploadID(u.ID)).Count(f.ctx); n != 0 {
				t.Errorf("%d calls of the deleted upload are left", n)
			}
			if n, _ := c.CdrLineError.Query().Where(cdrlineerror.HasUploadWith(cdrupload.ID(u.ID))).Count(f.ctx); n != 0 {
				t.Errorf("%d unreadable lines of the deleted upload are left", n)
			}
			if _, err := c.CdrUpload.Get(f.ctx, u.ID); err == nil {
				t.Error("the upload is still there")
			}

			// The same file again is a new upload, not "already uploaded".
			again := f.analyse(t, "june.csv", sample)
			if again.Status != cdrupload.StatusReady {
				t.Fatalf("the same file after the delete: %s %s", again.Status, again.FailureReason)
			}

			// A failed one goes too.
			bad, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: "fcs.csv",
				File: bytes.NewReader(fixtures.Read(t, "cdr/fcs-sample.csv"))})
			if err != nil {
				t.Fatal(err)
			}
			if bad = f.reanalyse(t, bad.ID); bad.Status != cdrupload.StatusFailed {
				t.Fatalf("the FCS file for an Asterisk provider is %s", bad.Status)
			}
			if _, err := f.svc.Delete(f.ctx, bad.ID); err != nil {
				t.Errorf("delete a failed upload: %v", err)
			}

			// One a live worker holds is refused until its analysis ends.
			held := f.analyse(t, "held.csv", append(append([]byte{}, sample...), "\n"...))
			if err := c.CdrUpload.UpdateOneID(held.ID).SetStatus(cdrupload.StatusAnalysing).
				SetLeaseUntil(time.Now().Add(time.Minute).UTC()).Exec(f.ctx); err != nil {
				t.Fatal(err)
			}
			refused(t, f, held.ID, "held.csv is being analysed now")
			if err := c.CdrUpload.UpdateOneID(held.ID).SetStatus(cdrupload.StatusReady).ClearLeaseUntil().Exec(f.ctx); err != nil {
				t.Fatal(err)
			}

			// A processed one is never deleted.
			if _, err := f.svc.RequestProcessing(f.ctx, held.ID); err != nil {
				t.Fatal(err)
			}
			refused(t, f, held.ID, "held.csv is being processed now")
			if err := f.svc.Process(f.ctx, held.ID); err != nil {
				t.Fatal(err)
			}
			refused(t, f, held.ID, "held.csv has been processed")
		})
	}
}

// refused checks that deleting the upload is a CONFLICT saying want, and
// that the upload and its calls are all still there.
func refused(t *testing.T, f *fixture, id int, want string) {
	t.Helper()
	c := f.env.App.DB.Client
	before, _ := c.Call.Query().Where(call.UploadID(id)).Count(f.ctx)
	_, err := f.svc.Delete(f.ctx, id)
	if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), want) {
		t.Errorf("delete: %v; want a CONFLICT saying %q", err, want)
	}
	if _, gerr := c.CdrUpload.Get(f.ctx, id); gerr != nil {
		t.Errorf("a refused delete removed the upload: %v", gerr)
	}
	if n, _ := c.Call.Query().Where(call.UploadID(id)).Count(f.ctx); n != before || n == 0 {
		t.Errorf("a refused delete left %d of %d calls", n, before)
	}
	if n, _ := c.CdrLineError.Query().Where(cdrlineerror.HasUploadWith(cdrupload.ID(id))).Count(f.ctx); n == 0 {
		t.Error("a refused delete removed the unreadable lines")
	}
}

// A processing request that lands while a delete is under way wins or
// loses whole: here it is accepted first, so the delete is refused and
// rolls back what it had removed; the other way round, the request finds
// no upload and nothing is processed.
func TestDeleteRacingProcessingHasOneWinner(t *testing.T) {
	f := newFixture(t, testenv.MySQL)
	sample := fixtures.Read(t, "cdr/asterisk-sample.csv")
	u := f.analyse(t, "race.csv", sample)
	analysis.SetTestHook(f.svc, func(point string) error {
		if point != "delete" {
			return nil
		}
		analysis.SetTestHook(f.svc, nil)
		if _, err := f.svc.RequestProcessing(f.ctx, u.ID); err != nil {
			t.Errorf("processing request during the delete: %v", err)
		}
		return nil
	})
	refused(t, f, u.ID, "race.csv is being processed now")
	if err := f.svc.Process(f.ctx, u.ID); err != nil {
		t.Fatal(err)
	}

	v := f.analyse(t, "race2.csv", append(append([]byte{}, sample...), "\n"...))
	if _, err := f.svc.Delete(f.ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.RequestProcessing(f.ctx, v.ID)
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code == apperr.Internal {
		t.Errorf("processing a deleted upload: %v; want a refusal", err)
	}
}

// A file that is no text — random bytes, a PNG renamed .csv, a gzip, UTF-16
// text from Excel — is refused as it is sent, saying what it is, and
// nothing is stored; the same bytes behind a CDR reader fail the same way.
func TestUploadSaysWhatAFileThatIsNotTextIs(t *testing.T) {
	f := newFixture(t, testenv.Embedded)
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7919 >> 3)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Destination,Peak Rate\n44,1\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	cases := []struct{ file, want string }{
		{"junk.csv", "binary data"},
		{"june.csv", "a PNG image"},
		{"june.csv.gz", "gzip-compressed"},
		{"unicode.csv", "UTF-16 text"},
	}
	contents := [][]byte{junk, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, utf16}
	for i, tc := range cases {
		_, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: tc.file, File: bytes.NewReader(contents[i])})
		if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), tc.file+" cannot be a CDR file") ||
			!strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want INVALID naming the file and saying %q", tc.file, err, tc.want)
		}
	}
	if n, _ := f.env.App.DB.Client.CdrUpload.Query().Count(f.ctx); n != 0 {
		t.Errorf("%d uploads stored from files that are not text", n)
	}
}

// The same file twice is refused naming the earlier upload by its file name,
// when it came (in the deployment's zone) and where it stands — never by
// its database id, which a clerk has never seen.
func TestSameFileAgainIsNamedNotNumbered(t *testing.T) {
	f := newFixture(t, testenv.Embedded)
	sample := fixtures.Read(t, "cdr/asterisk-sample.csv")
	u := f.analyse(t, "june.csv", sample)
	_, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: "june-again.csv", File: bytes.NewReader(sample)})
	london, _ := time.LoadLocation("Europe/London")
	want := "this file was already uploaded as june.csv on " + u.CreatedAt.In(london).Format("2 Jan 2006 15:04 MST") + " (ready now)"
	if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), want) {
		t.Errorf("same file again: %v; want a CONFLICT saying %q", err, want)
	}
	if err != nil && strings.Contains(err.Error(), strconv.Itoa(u.ID)) {
		t.Errorf("the message shows the upload's id %d: %v", u.ID, err)
	}
}

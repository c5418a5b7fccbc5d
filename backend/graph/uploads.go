package graph

import (
	"time"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/graph/model"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

func limit(first *int) int {
	if first == nil || *first <= 0 {
		return 50
	}
	return min(*first, 1000)
}

// progressModel derives the progress figures from the upload row.
func progressModel(u *ent.CdrUpload) *model.UploadProgress {
	p := &model.UploadProgress{Phase: analysis.Phase(u.Phase), LinesDone: int(u.LinesDone), LinesPerSecond: int(u.LinesPerSecond)}
	switch u.Status {
	case cdrupload.StatusReady, cdrupload.StatusProcessed, cdrupload.StatusFailed:
		p.Fraction = 1
		return p
	}
	if u.BytesTotal > 0 {
		p.Fraction = float64(u.BytesDone) / float64(u.BytesTotal)
	}
	if analysis.Phase(u.Phase) == analysis.PhaseReading && u.BytesDone > 0 && u.PhaseStartedAt != nil {
		elapsed := time.Since(*u.PhaseStartedAt).Seconds()
		left := int(elapsed * float64(u.BytesTotal-u.BytesDone) / float64(u.BytesDone))
		p.EtaSeconds = &left
	}
	return p
}

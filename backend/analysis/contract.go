package analysis

import (
	"fmt"

	"github.com/tollgate/tollgate/ent/call"
)

// Phase is where an upload's work stands, as its row records it and the
// API shows it (GraphQL UploadPhase).
type Phase string

// The phases, in the order an upload goes through them.
const (
	PhaseQueued Phase = "queued" // waiting for a worker
	// PhaseWaitingForQueue: stored and recorded, but the work queue did not
	// answer; the re-drive queues it when the queue is back.
	PhaseWaitingForQueue Phase = "waiting_for_queue"
	PhasePreparing       Phase = "preparing"  // clearing the last run, loading CLIs and tariffs
	PhaseReading         Phase = "reading"    // reading, matching, pricing and loading the calls
	PhaseDuplicates      Phase = "duplicates" // flagging calls that repeat others
	PhaseTotals          Phase = "totals"     // counting and summing
	PhaseReady           Phase = "ready"      // analysed: can be processed
	PhaseFailed          Phase = "failed"     // the file could not be analysed
	PhaseProcessing      Phase = "processing" // becoming the customers' unbilled calls
	PhaseProcessed       Phase = "processed"  // its calls are the customers' now
)

// Report is one CSV report of an upload's calls (GraphQL ReportKind).
type Report string

// The reports: every call, the calls of one status, or the unreadable
// lines with their reasons.
const (
	ReportCalls        Report = "calls"
	ReportPriced       Report = "priced"
	ReportNoCustomer   Report = "no_customer"
	ReportNoRate       Report = "no_rate"
	ReportZeroDuration Report = "zero_duration"
	ReportDuplicate    Report = "duplicate"
	ReportUnreadable   Report = "unreadable"
)

// reportStatus is the status of the calls each per-status report lists.
var reportStatus = map[Report]call.Status{
	ReportPriced:       call.StatusPriced,
	ReportNoCustomer:   call.StatusNoCustomer,
	ReportNoRate:       call.StatusNoRate,
	ReportZeroDuration: call.StatusZeroDuration,
	ReportDuplicate:    call.StatusDuplicate,
}

// ParseReport reads a report's name as its download path spells it.
func ParseReport(name string) (Report, bool) {
	r := Report(name)
	_, ok := reportStatus[r]
	return r, ok || r == ReportCalls || r == ReportUnreadable
}

// URL is where an upload's report downloads from.
func (r Report) URL(uploadID int) string {
	return fmt.Sprintf("/download/uploads/%d/%s.csv", uploadID, r)
}

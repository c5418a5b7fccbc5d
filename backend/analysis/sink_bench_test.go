package analysis

import (
	"bufio"
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/tollgate/tollgate/ent/call"
)

// benchRows is a generated stream of calls shaped like the bench's: UK
// numbers, an account code on one call in eight, most calls priced.
func benchRows(n int) []callRow {
	rows := make([]callRow, n)
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for i := range rows {
		r := &rows[i]
		r.line = i + 1
		r.status = call.StatusPriced
		r.source = "44113496" + strconv.Itoa(1000+i%9000)
		r.destination = "447700" + strconv.Itoa(900000+i%99999)
		if i%8 == 0 {
			r.account = "TRUNK-" + strconv.Itoa(i%500)
		}
		r.start = start.Add(time.Duration(i) * time.Second)
		r.duration, r.billableSeconds = int64(i%600), int64(i%600)
		r.band, r.rateDestination = "PEAK", "UK Mobile"
		r.priceUnits, r.costUnits, r.costKnown = int64(i%5000), int64(i%3000), i%3 != 0
		r.dupKey = int64(i) * 2654435761
		r.customerID, r.rateSheetID = 1+i%5000, 7
	}
	return rows
}

// BenchmarkSink measures the LOAD DATA writer's side of a load: encoding
// calls into the stream the server reads (the server's side is the bench's
// raw-load baseline).
func BenchmarkSink(b *testing.B) {
	rows := benchRows(100_000)
	s := &loadDataSink{bw: bufio.NewWriterSize(io.Discard, 256<<10), upload: 123456789, decimals: 4}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.add(&rows[i%len(rows)]); err != nil {
			b.Fatal(err)
		}
	}
}

package render

import (
	"io"
	"iter"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// streamedCalls yields n calls made on the fly, as rows read from the
// database would be, so only the renderer can hold them in memory. Every
// sampleEvery calls it collects garbage and notes the live heap in *peak.
func streamedCalls(n int, sampleEvery int, peak *uint64) (iter.Seq2[Call, error], decimal.Decimal) {
	pattern := generatedCalls(1000, 42)
	total := sum(pattern).Mul(decimal.NewFromInt(int64(n / 1000))).Add(sum(pattern[:n%1000]))
	return func(yield func(Call, error) bool) {
		var ms runtime.MemStats
		for i := range n {
			c := pattern[i%1000]
			c.Start = c.Start.Add(time.Duration(i/1000) * time.Second)
			if peak != nil && i%sampleEvery == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				*peak = max(*peak, ms.HeapAlloc)
			}
			if !yield(c, nil) {
				return
			}
		}
	}, total
}

// cpuTime is the CPU time this process has used, user and system. On a
// shared machine it is steadier than ns/op, which counts time spent waiting
// for a core.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds cpu-ms/op from the CPU time used since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime(b)-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// liveHeap is the heap still reachable after a collection.
func liveHeap() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// A 100,000-call statement is written while its calls are read: the live
// heap stays within a bound far below the size of the file it writes.
func TestStatementPDFStreamsInBoundedMemory(t *testing.T) {
	const calls = 100_000
	var peak uint64
	seq, total := streamedCalls(calls, 5000, &peak)
	st := testStatement(t, nil)
	st.Calls, st.Total = seq, total
	base := liveHeap()
	var out countingWriter
	if err := StatementPDF(&out, st, decimal.Zero); err != nil {
		t.Fatal(err)
	}
	grew := int64(peak) - int64(base)
	t.Logf("%d calls: %.1f MB written, live heap grew by at most %.2f MB", calls, float64(out.n)/1e6, float64(grew)/1e6)
	if out.n < 4<<20 {
		t.Fatalf("the statement is only %d bytes; the bound below would prove nothing", out.n)
	}
	// What may grow: zlib's compressor (about 1.2 MB), the 64 kB write
	// buffer, one page and 8 bytes an object; the file itself may not.
	if grew > 3<<20 {
		t.Errorf("the live heap grew by %d bytes while writing %d: the statement is held in memory, not streamed", grew, out.n)
	}
}

// BenchmarkInvoicePDF is the time and memory of one invoice PDF with a
// logo, a child customer's section and a tax summary. The billing bench
// renders 5,000 of these.
func BenchmarkInvoicePDF(b *testing.B) {
	inv := parentInvoice(b)
	b.ReportAllocs()
	defer reportCPU(b, cpuTime(b))
	for b.Loop() {
		if err := InvoicePDF(io.Discard, inv); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInvoicePDFParallel renders invoices on every core at once, as
// the worker does: its ns/op is the wall time per invoice on this machine.
func BenchmarkInvoicePDFParallel(b *testing.B) {
	inv := parentInvoice(b)
	b.ReportAllocs()
	defer reportCPU(b, cpuTime(b))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := InvoicePDF(io.Discard, inv); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkStatementCSV10k(b *testing.B) {
	st := testStatement(b, nil)
	var out countingWriter
	b.ReportAllocs()
	defer reportCPU(b, cpuTime(b))
	for b.Loop() {
		st.Calls, st.Total = streamedCalls(10_000, 0, nil)
		if err := StatementCSV(&out, st); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.n)/float64(b.N), "file-bytes/op")
}

// BenchmarkStatementPDF100k reports the peak live heap while a 100,000-call
// statement is written (sampled every 10,000 calls, after a collection).
func BenchmarkStatementPDF100k(b *testing.B) {
	st := testStatement(b, nil)
	var out countingWriter
	var peak uint64
	b.ReportAllocs()
	defer reportCPU(b, cpuTime(b))
	for b.Loop() {
		st.Calls, st.Total = streamedCalls(100_000, 10_000, &peak)
		if err := StatementPDF(&out, st, dec("0.0100")); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak)/1e6, "peak-live-MB")
	b.ReportMetric(float64(out.n)/float64(b.N)/1e6, "file-MB/op")
}

package documents_test

import (
	"testing"

	"github.com/tollgate/tollgate/backend/internal/testbill"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/customer"
)

// BenchmarkRenderInvoice measures one invoice's documents end to end on
// MariaDB: read the invoice, its lines and its 200 calls (the billing
// bench's 1,000,000 calls over 5,000 customers), render the PDF and the
// CSV statement, store both and record them.
func BenchmarkRenderInvoice(b *testing.B) {
	env := testenv.StartMode(b, testenv.MySQL)
	ctx := sysCtx()
	db := env.App.DB.Client
	is := testbill.Issue(b, ctx, db, nil, testbill.Spec{Number: 1, Reference: "Q01", Name: "Quarry Ltd", Format: customer.CallStatementFormatCsv, Calls: 200})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := db.Invoice.UpdateOneID(is.Invoice.ID).ClearDocumentsAt().Exec(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := env.App.Documents.RenderInvoice(ctx, is.Invoice.ID); err != nil {
			b.Fatal(err)
		}
	}
}

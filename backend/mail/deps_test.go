package mail

import (
	"go/build"
	"strings"
	"testing"
)

// mail stays a leaf: billing and the worker hand it plain values and keep
// the delivery table themselves, so beyond the standard library it needs
// go-mail alone — none of our packages, no database, no HTTP, no queue.
func TestMailImportsTheStandardLibraryAndGoMailOnly(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil || len(pkg.Imports) < 5 {
		t.Fatalf("imports not read (%d): %v", len(pkg.Imports), err)
	}
	for _, imp := range pkg.Imports {
		thirdParty := strings.Contains(strings.Split(imp, "/")[0], ".")
		if thirdParty && imp != "github.com/wneessen/go-mail" || imp == "database/sql" || strings.HasPrefix(imp, "net/http") {
			t.Errorf("backend/mail imports %s", imp)
		}
	}
}

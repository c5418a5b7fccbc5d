package rules_test

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// The rules are the bottom of billing: the run, the preview and the bench
// call them, so they may not reach a database, the network, a queue or any
// package of ours but the settings' value types and rating's rounding modes.
func TestRulesImportNoDatabaseNetworkOrQueue(t *testing.T) {
	const module = "github.com/tollgate/tollgate/"
	allowed := map[string]bool{
		module + "backend/settings":     true,
		module + "backend/rating":       true, // its rounding modes, one list for prices and invoices
		"github.com/shopspring/decimal": true,
		"golang.org/x/text/currency":    true, // the settings' currency symbols
	}
	forbidden := []string{"database/", "net", "os/exec", "entgo.io/", "github.com/hibiken/asynq", "github.com/redis/"}
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	queue := []string{module + "backend/billing/rules"}
	for seen := map[string]bool{}; len(queue) > 0; queue = queue[1:] {
		pkg, err := build.ImportDir(filepath.Join(root, strings.TrimPrefix(queue[0], module)), 0)
		if err != nil {
			t.Fatalf("read %s: %v", queue[0], err)
		}
		for _, imp := range pkg.Imports {
			for _, f := range forbidden {
				if imp == strings.TrimSuffix(f, "/") || strings.HasPrefix(imp, f) {
					t.Errorf("%s imports %s", queue[0], imp)
				}
			}
			std := !strings.Contains(strings.Split(imp, "/")[0], ".")
			if !std && !allowed[imp] {
				t.Errorf("%s imports %s; the rules take plain values, not our services or other libraries", queue[0], imp)
			}
			if strings.HasPrefix(imp, module) && !seen[imp] {
				seen[imp] = true
				queue = append(queue, imp)
			}
		}
	}
}

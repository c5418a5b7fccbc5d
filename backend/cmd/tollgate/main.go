// Command tollgate is the one binary of Tollgate: it serves the API and the
// SPA, runs workers, applies migrations and offers offline tools such as the
// rating dry run. Each subcommand lives in its own file and registers itself
// on rootCmd in an init function.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{
	Use:           "tollgate",
	Short:         "Call billing for telecom resellers",
	SilenceUsage:  true,
	SilenceErrors: true,
}

func main() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "tollgate:", err)
		os.Exit(1)
	}
}

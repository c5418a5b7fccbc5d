package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/auth/viewer"
)

func newUserCmd() *cobra.Command {
	user := &cobra.Command{Use: "user", Short: "Manage staff users from the command line"}
	var f runtimeFlags
	var admin bool
	var role string
	create := &cobra.Command{
		Use:   "create EMAIL",
		Short: "Create a staff user and print the one-time link with which they choose a password",
		Long: `Create a staff user with no password and print a one-time link (valid for a
day) with which they choose one. There is never a default password.

  tollgate user create --admin you@example.com
  tollgate user create --role BILLING clerk@example.com`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r := viewer.Role(strings.ToUpper(role))
			if admin {
				r = viewer.RoleAdmin
			}
			return f.withApp(func(ctx context.Context, a *app.App) error {
				link, exp, err := a.CreateStaff(ctx, args[0], r)
				if err != nil {
					return err
				}
				printLink(a, fmt.Sprintf("%s (%s) can choose a password", strings.ToLower(strings.TrimSpace(args[0])), r), link, exp)
				return nil
			})
		},
	}
	create.Flags().BoolVar(&admin, "admin", false, "make the user an admin (same as --role ADMIN)")
	create.Flags().StringVar(&role, "role", "BILLING", "ADMIN (everything), BILLING (everything but users and settings) or READONLY")
	f.bind(create, false)
	var rf runtimeFlags
	reset := &cobra.Command{
		Use:   "reset EMAIL",
		Short: "Print a one-time link (valid for an hour) with which a user chooses a new password",
		Long: `Print a one-time password reset link for a user, valid for an hour. Using it
sets the new password and ends every session the old one opened.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return rf.withApp(func(ctx context.Context, a *app.App) error {
				link, exp, err := a.ResetLink(ctx, args[0])
				if err != nil {
					return err
				}
				printLink(a, strings.ToLower(strings.TrimSpace(args[0]))+" can choose a new password", link, exp)
				return nil
			})
		},
	}
	rf.bind(reset, false)
	user.AddCommand(create, reset)
	return user
}

// withApp opens Tollgate (applying pending migrations) for one command.
func (f *runtimeFlags) withApp(fn func(context.Context, *app.App) error) error {
	cfg, log, ctx, stop, err := f.start()
	if err != nil {
		return err
	}
	defer stop()
	a, err := app.Open(ctx, cfg, log, true)
	if err != nil {
		return err
	}
	defer a.Close()
	return fn(ctx, a)
}

func printLink(a *app.App, who, link string, exp time.Time) {
	fmt.Fprintf(os.Stdout, "%s with this link until %s:\n%s\n", who, exp.In(a.Config.Location()).Format("2 Jan 2006 15:04 MST"), link)
}

func init() { rootCmd.AddCommand(newUserCmd()) }

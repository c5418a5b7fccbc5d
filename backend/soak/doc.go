// Package soak holds the soak test (soak_test.go): several `tollgate api`
// processes and a `tollgate worker` killed and restarted at random, on
// MariaDB and Redis, driven by clerks uploading, re-analysing, processing,
// recounting and editing customers and CLIs at once; then the database is
// checked against the invariants that keep the money right. It runs with
// `make soak` (TOLLGATE_SOAK=1); see the README's testing section.
package soak

// Package periodic runs a function at a fixed interval in the background,
// as progress reports do while long work runs.
package periodic

import "time"

// Every calls fn every interval, from one goroutine, until stop is called;
// stop returns once fn has run its last time.
func Every(interval time.Duration, fn func()) (stop func()) {
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				fn()
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

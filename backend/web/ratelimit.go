package web

import (
	"container/list"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// RateLimits bound how many requests one client may send: per IP address
// (every request to the API and the downloads, signed in or not) and per
// API token. Each is a token bucket: Rate requests a second on average,
// Burst at once. A zero Rate turns that limit off.
type RateLimits struct {
	PerIP    Rate
	PerToken Rate
	// MaxKeys bounds how many addresses and tokens are remembered; the
	// longest idle are forgotten first (a forgotten client starts again
	// with a full bucket). Keys idle for longer than Idle are forgotten too.
	MaxKeys int
	Idle    time.Duration
}

// Rate is one token bucket's size.
type Rate struct {
	PerSecond float64
	Burst     int
}

// DefaultRateLimits bound the memory of the limiters when Options leaves
// it open. The rates themselves come from the configuration
// (TOLLGATE_RATE_PER_IP...): generous enough for the SPA of a busy office
// behind one address and for an integration uploading files, low enough to
// stop a script guessing tokens or hammering the API.
var DefaultRateLimits = RateLimits{MaxKeys: 100_000, Idle: 10 * time.Minute}

// keyedLimiter holds one rate.Limiter per key, in least-recently-used
// order, bounded by count and idle time.
type keyedLimiter struct {
	rate    Rate
	maxKeys int
	idle    time.Duration
	now     func() time.Time

	mu    sync.Mutex
	order *list.List // front: most recently used
	items map[string]*list.Element
}

type limiterEntry struct {
	key      string
	lim      *rate.Limiter
	used     time.Time
	reported time.Time // when a refusal of this key was last audited
}

// reportEvery is how often refusals of one key reach the audit log: a
// flood of refused requests must not become a flood of writes.
const reportEvery = time.Minute

func newKeyedLimiter(r Rate, maxKeys int, idle time.Duration) *keyedLimiter {
	if maxKeys <= 0 {
		maxKeys = DefaultRateLimits.MaxKeys
	}
	if idle <= 0 {
		idle = DefaultRateLimits.Idle
	}
	if r.Burst <= 0 {
		r.Burst = max(1, int(math.Ceil(r.PerSecond)))
	}
	return &keyedLimiter{rate: r, maxKeys: maxKeys, idle: idle, now: time.Now, order: list.New(), items: map[string]*list.Element{}}
}

// allow takes one request from key's bucket; when it is empty it returns
// how long until the next request would be allowed, and whether this
// refusal is the first of the key in reportEvery (to be audited).
func (k *keyedLimiter) allow(key string) (ok bool, wait time.Duration, report bool) {
	now := k.now()
	k.mu.Lock()
	defer k.mu.Unlock()
	var e *limiterEntry
	if el, ok := k.items[key]; ok {
		e = el.Value.(*limiterEntry)
		k.order.MoveToFront(el)
	} else {
		e = &limiterEntry{key: key, lim: rate.NewLimiter(rate.Limit(k.rate.PerSecond), k.rate.Burst)}
		k.items[key] = k.order.PushFront(e)
	}
	e.used = now
	k.evict(now)
	r := e.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); !r.OK() || d > 0 {
		r.CancelAt(now)
		if !r.OK() {
			d = time.Second
		}
		report = now.Sub(e.reported) >= reportEvery
		if report {
			e.reported = now
		}
		return false, d, report
	}
	return true, 0, false
}

// evict forgets the least recently used keys beyond maxKeys and those idle
// for too long. Called with mu held.
func (k *keyedLimiter) evict(now time.Time) {
	for k.order.Len() > 0 {
		el := k.order.Back()
		e := el.Value.(*limiterEntry)
		if k.order.Len() <= k.maxKeys && now.Sub(e.used) < k.idle {
			return
		}
		k.order.Remove(el)
		delete(k.items, e.key)
	}
}

// size is how many keys are remembered, for tests.
func (k *keyedLimiter) size() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.order.Len()
}

// tooMany answers a request over its limit: 429 with Retry-After in whole
// seconds (at least one).
func tooMany(w http.ResponseWriter, wait time.Duration, who string) {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeCoded(w, http.StatusTooManyRequests, codeRateLimited,
		fmt.Sprintf("too many requests from %s: wait %d s (Retry-After) and send fewer requests at once", who, secs))
}

const codeRateLimited = "RATE_LIMITED"

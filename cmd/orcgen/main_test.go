package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/parser/spec"
)

var update = flag.Bool("update", false, "update testscript files (cmp against script files)")

func TestMain(m *testing.M) {
	// Tests never read or fill the user's spec cache: a stale entry there
	// would hide what a fresh load reports (parser/spec tests the cache).
	os.Setenv(spec.CacheEnv, "off")
	// Output is compared as orcgen prints it off a runner; the tests of
	// the runner guard set the variable themselves.
	os.Unsetenv("GITHUB_ACTIONS")
	testscript.Main(m, map[string]func(){
		"orcgen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar against the orcgen binary.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(testenv.Root(), "testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup:               setupScript,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exits":   cmdExits,
			"replace": cmdReplace,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "shared" {
				_, err := os.Stat(filepath.Join(testenv.Root(), "..", "shared", "specs"))
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// setupScript passes the Go toolchain's caches through (so scripts can run
// go build offline), names the repository root as $ORCGEN_ROOT and the
// shared material as $SHARED, and starts a loopback HTTP server ($SERVER,
// its host and port alone $SERVER_HOST) serving the script's www/ directory.
func setupScript(env *testscript.Env) error {
	for _, k := range []string{"GOPATH", "GOMODCACHE", "GOCACHE"} {
		v, err := exec.Command("go", "env", k).Output()
		if err != nil {
			return fmt.Errorf("go env %s: %w", k, err)
		}
		env.Setenv(k, strings.TrimSpace(string(v)))
	}
	env.Setenv("HOME", env.WorkDir)
	env.Setenv(spec.CacheEnv, "off")
	env.Setenv("GOFLAGS", "-mod=mod")
	env.Setenv("GOPROXY", "off")
	env.Setenv("GOSUMDB", "off")
	env.Setenv("GOTOOLCHAIN", "local")
	root, err := filepath.Abs(testenv.Root())
	if err != nil {
		return err
	}
	env.Setenv("ORCGEN_ROOT", root)
	env.Setenv("SHARED", filepath.Join(root, "..", "shared"))
	srv := httptest.NewServer(newFixtureServer(filepath.Join(env.WorkDir, "www")))
	env.Defer(srv.Close)
	env.Setenv("SERVER", srv.URL)
	env.Setenv("SERVER_HOST", strings.TrimPrefix(srv.URL, "http://"))
	return nil
}

// fixtureServer serves files of dir with these behaviours by path prefix:
//
//	/etag/F   F with an ETag; 304 when If-None-Match matches
//	/flaky/F  500 on the first request for F, then F
//	/big      a body of 2 MiB
//	/F        F as is
//
// Every response counts requests in the X-Request-Count header.
type fixtureServer struct {
	dir   string
	mu    sync.Mutex
	count map[string]int
}

func newFixtureServer(dir string) *fixtureServer {
	return &fixtureServer{dir: dir, count: map[string]int{}}
}

func (s *fixtureServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.count[r.URL.Path]++
	n := s.count[r.URL.Path]
	s.mu.Unlock()
	w.Header().Set("X-Request-Count", strconv.Itoa(n))
	p := r.URL.Path
	switch {
	case p == "/big":
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Repeat("<p>x</p>", 2<<20/8)))
		return
	case strings.HasPrefix(p, "/flaky/") && n == 1:
		http.Error(w, "flaky", http.StatusInternalServerError)
		return
	}
	name := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(p, "/etag"), "/flaky"), "/")
	data, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(name)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if strings.HasSuffix(name, ".html") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	if strings.HasPrefix(p, "/etag/") {
		sum := sha256.Sum256(data)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Write(data)
}

// cmdExits runs a program and checks its exit status:
//
//	exits 2 orcgen check -page URL
//
// Its stdout and stderr are kept for the commands that follow.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdReplace replaces every OLD with NEW in FILE, failing when OLD is
// absent:
//
//	replace page.html 'Robot does not exist.' 'Robot is missing.'
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	name := ts.MkAbs(args[0])
	data := ts.ReadFile(args[0])
	if !strings.Contains(data, args[1]) {
		ts.Fatalf("replace: %q not in %s", args[1], args[0])
	}
	ts.Check(os.WriteFile(name, []byte(strings.ReplaceAll(data, args[1], args[2])), 0o644))
}

package farm

import (
	"strings"
	"unicode/utf8"
)

// clip cuts s to at most n bytes at a character boundary, marked with "…"
// when cut: for echoing a caller's value in an error.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// storedText makes free text a caller sends (a worker's name, its progress,
// a failure reason) storable alike in every store: without NUL characters
// (PostgreSQL's text refuses them, SQLite keeps them; gRPC already requires
// UTF-8) and at most n bytes.
func storedText(s string, n int) string {
	return clip(strings.ReplaceAll(s, "\x00", ""), n)
}

package farm

import "testing"

func TestClipAndStoredText(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"0123456789abc", 10, "0123456789…"},
		{"ééé", 3, "é…"}, // never cuts inside a character
	} {
		if got := clip(c.in, c.n); got != c.want {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
	if got := storedText("gpu\x00box", 100); got != "gpubox" {
		t.Errorf("storedText kept a NUL: %q", got)
	}
}

//go:build !unix

package farm

// diskFree is unknown here: only --max-storage bounds pushes.
func diskFree(string) (int64, bool) { return 0, false }

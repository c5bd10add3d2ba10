// Package soak is the farm's chaos soak (TestSoak, behind ZKML_SOAK; run it
// with scripts/soak): real coordinator and worker processes, a real
// PostgreSQL, faults injected at random moments, and a count of what was
// lost, duplicated or left unverified.
package soak

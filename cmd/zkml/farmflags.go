package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/zkml/zkml/prover/client"
)

// clientFlags are the connection flags of the requester subcommands.
type clientFlags struct {
	addr, token, tlsCA string
	tls                bool
	timeout            time.Duration
}

func (c *clientFlags) register(fs *flag.FlagSet) { c.registerAs(fs, "requester", "ZKML_TOKEN") }

// registerAs registers the flags with the token of who (requester, model
// owner) defaulting to $env.
func (c *clientFlags) registerAs(fs *flag.FlagSet, who, env string) {
	fs.StringVar(&c.addr, "coordinator", "", "coordinator address HOST:PORT")
	fs.StringVar(&c.token, "token", os.Getenv(env), who+" token (default $"+env+")")
	fs.BoolVar(&c.tls, "tls", false, "connect with TLS, trusting the system roots (or --tls-ca)")
	fs.StringVar(&c.tlsCA, "tls-ca", os.Getenv("ZKML_TLS_CA"), "PEM file of the CA that signed the coordinator's certificate; implies --tls (default $ZKML_TLS_CA)")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Minute, "give up waiting after this long")
}

func (c *clientFlags) options() (client.Options, error) {
	o := client.Options{Token: c.token}
	if c.tls || c.tlsCA != "" {
		cfg, err := client.TLSConfig(c.tlsCA)
		if err != nil {
			return o, fmt.Errorf("--tls-ca: %v", err)
		}
		o.TLS = cfg
	}
	return o, nil
}

func (c *clientFlags) dial() (*client.Client, context.Context, context.CancelFunc, error) {
	o, err := c.options()
	if err != nil {
		return nil, nil, nil, err
	}
	cl, err := client.Dial(c.addr, o)
	if err != nil {
		return nil, nil, nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	return cl, ctx, func() { cancel(); cl.Close() }, nil
}

// parseBytes parses sizes like 16GiB, 512MiB, 2GB or a plain byte count.
func parseBytes(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}}
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
			if err != nil || v < 0 {
				return 0, fmt.Errorf("size %q: want a number with an optional unit (KiB, MiB, GiB, KB, MB, GB)", s)
			}
			return int64(v * float64(u.mult)), nil
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("size %q: want a number with an optional unit (KiB, MiB, GiB, KB, MB, GB)", s)
	}
	return v, nil
}

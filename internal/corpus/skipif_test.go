package corpus

import "testing"

func TestEval(t *testing.T) {
	linuxLE := Env{
		OS:      "linux",
		Config:  map[string]bool{"HAVE_DECL_SKF_AD_VLAN_TAG_PRESENT": true},
		Missing: map[string]bool{},
	}
	bsdBE := Env{
		OS:        "freebsd",
		BigEndian: true,
		Config:    map[string]bool{"NO_PROTOCHAIN": true},
		Missing:   map[string]bool{"no_test_hosts": true, "no_test_ethers_casecmp": true},
	}
	tests := []struct {
		cond           string
		linux, freebsd bool
	}{
		{"", false, false},
		{"os==linux", true, false},
		{"os!=linux", false, true},
		{"os==freebsd || os==darwin || os==nto || os==dragonfly", false, true},
		{"os!=freebsd && os!=darwin && os!=nto && os!=dragonfly", true, false},
		{"big_endian", false, true},
		{"little_endian", true, false},
		{"config(NO_PROTOCHAIN)", false, true},
		{"!config(NO_PROTOCHAIN)", true, false},
		{"!config(HAVE_DECL_SKF_AD_VLAN_TAG_PRESENT)", false, true},
		{"config(SOMETHING_ELSE)", false, false},
		{"no_test_hosts", false, true},
		{"no_test_networks", false, false},
		{"no_test_ethers || no_test_hosts", false, true},
		{"no_test_ethers_casecmp || no_test_hosts_casecmp", false, true},
		{"no_test_networks_casecmp", false, false},
		// && binds tighter than ||.
		{"big_endian || os!=linux && little_endian", false, true},
		{"little_endian || os!=linux && big_endian", true, true},
		{"os==linux && big_endian || little_endian", true, false},
		{"big_endian || (os!=dragonfly && os!=freebsd)", true, true},
		{"little_endian || (os!=aix && os!=netbsd && os!=openbsd)", true, true},
		{"(big_endian || os==linux) && !config(NO_PROTOCHAIN)", true, false},
		{"!(os==linux)", false, true},
		{"!!little_endian", true, false},
		{"  os==linux  ", true, false},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			env  Env
			want bool
		}{{linuxLE, tt.linux}, {bsdBE, tt.freebsd}} {
			got, err := c.env.Eval(tt.cond)
			if err != nil {
				t.Errorf("%s Eval(%q): %v", c.env.OS, tt.cond, err)
				continue
			}
			if got != c.want {
				t.Errorf("%s Eval(%q) = %v, want %v", c.env.OS, tt.cond, got, c.want)
			}
		}
	}
}

func TestEvalErrors(t *testing.T) {
	env := Env{OS: "linux"}
	for _, cond := range []string{
		"os",
		"os=linux",
		"os==",
		"unknown_atom",
		"no_test_dns",
		"config",
		"config(X",
		"config()",
		"(os==linux",
		"os==linux)",
		"os==linux ||",
		"&& big_endian",
		"big_endian big_endian",
		"!",
	} {
		if v, err := env.Eval(cond); err == nil {
			t.Errorf("Eval(%q) = %v, want an error", cond, v)
		}
	}
}

module github.com/gocap/gocap

go 1.26.0

require (
	github.com/spf13/pflag v1.0.10
	golang.org/x/net v0.62.0
)

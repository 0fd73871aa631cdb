module github.com/gocap/gocap

go 1.26

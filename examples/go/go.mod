module github.com/tamis-project/tamis/examples/go

go 1.19

require github.com/tamis-project/tamis/bindings/go v0.0.0

// The binding from this source tree: no download, builds offline.
replace github.com/tamis-project/tamis/bindings/go => ../../bindings/go

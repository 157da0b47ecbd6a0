module github.com/tamis-project/tamis/bindings/go

go 1.19

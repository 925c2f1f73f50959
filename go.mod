module github.com/hookweave/hookweave

go 1.26

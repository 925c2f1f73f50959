module example.com/app

go 1.26.0

require github.com/hookweave/hookweave v0.0.0

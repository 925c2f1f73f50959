module example.com/m

go 1.26

require (
	example.com/other v0.0.0
	go.opentelemetry.io/otel v0.0.0
)

replace example.com/other => ../other

replace go.opentelemetry.io/otel => ../../go.opentelemetry.io/otel

// Package telemetry is another module's telemetry tree: not the one the
// module example.com/m forbids.
package telemetry

func Record() {}

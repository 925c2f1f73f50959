// telemetryx looks like telemetry but is not under it.
package telemetryx

func Extra() {}

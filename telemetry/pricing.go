package telemetry

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Price is what one model costs, in US dollars per token.
type Price struct {
	Input  float64 `json:"input_cost_per_token"`
	Output float64 `json:"output_cost_per_token"`
}

// Prices are the prices per model, as a pricing file gives them (the
// per-token schema mellea reads, which is litellm's):
//
//	{"my-model": {"input_cost_per_token": 0.000003, "output_cost_per_token": 0.000015}}
type Prices map[string]Price

// Cost returns the cost of a generation of model, and false when the model
// has no price.
func (p Prices) Cost(model string, input, output int64) (float64, bool) {
	price, ok := p[model]
	if !ok {
		return 0, false
	}
	return float64(input)*price.Input + float64(output)*price.Output, true
}

// ReadPrices reads a pricing file.
func ReadPrices(path string) (Prices, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p Prices
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("pricing file %s: %w", path, err)
	}
	return p, nil
}

// pricing reads MELLEA_PRICING_ENABLED and MELLEA_PRICING_FILE. Go has no
// built-in price list (mellea asks litellm), so the cost metric needs a
// pricing file: unset, it is on when a file is given; false turns it off;
// true without a file warns.
func pricing(getenv func(string) string, warns []error) (Prices, []error) {
	enabled, path := getenv(EnvPricingEnabled), strings.TrimSpace(getenv(EnvPricingFile))
	if strings.TrimSpace(enabled) != "" && falsy(enabled) {
		return nil, warns
	}
	if path == "" {
		if truthy(enabled) {
			warns = append(warns, fmt.Errorf("%s is on but %s is not set: no prices, no cost metric", EnvPricingEnabled, EnvPricingFile))
		}
		return nil, warns
	}
	p, err := ReadPrices(path)
	if err != nil {
		return nil, append(warns, fmt.Errorf("%s: %w; no cost metric", EnvPricingFile, err))
	}
	return p, warns
}

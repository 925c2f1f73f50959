package session

import "github.com/hookweave/hookweave/stdlib/requirement"

// descriptions returns the requirements' descriptions, in order: what a
// component_pre_execute payload carries.
func descriptions(reqs []requirement.Requirement) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = r.Description()
	}
	return out
}

// amendRequirements returns the requirements for the descriptions a plugin
// left: a description of one of reqs keeps that requirement (the first not
// yet taken), and a new description becomes an LLM judge of it, as mellea
// turns a plain string into a judged Requirement. Removing a description
// removes its requirement; the order is the descriptions'.
func amendRequirements(reqs []requirement.Requirement, descs []string) []requirement.Requirement {
	taken := make([]bool, len(reqs))
	out := make([]requirement.Requirement, 0, len(descs))
	for _, d := range descs {
		out = append(out, take(reqs, taken, d))
	}
	return out
}

func take(reqs []requirement.Requirement, taken []bool, desc string) requirement.Requirement {
	for i, r := range reqs {
		if !taken[i] && r.Description() == desc {
			taken[i] = true
			return r
		}
	}
	return requirement.LLMJudge(desc)
}

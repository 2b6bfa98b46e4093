package io.wbo.risk;

import java.util.List;

/** PASSED when every enabled rule passed; the findings list each rule's verdict, failures first. */
public record RiskOutcome(boolean passed, List<RiskFinding> findings) {

	public List<String> reasons() {
		return findings.stream().filter(f -> !f.passed()).map(f -> f.rule() + ": " + f.message()).toList();
	}
}

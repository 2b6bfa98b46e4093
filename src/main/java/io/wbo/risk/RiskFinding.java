package io.wbo.risk;

/** The verdict of one named rule; {@code message} says why it failed (or what was checked when it passed). */
public record RiskFinding(String rule, boolean passed, String message) {
}

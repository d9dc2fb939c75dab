package org.oversight.query.clocks;

/** Something in a child's record that suggests drift or delay, with the fact that raised it. */
public record DriftSignal(String code, String description) {
}

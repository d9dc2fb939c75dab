package org.oversight.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildNamesTest {

    @Test
    void aChildRegisteredFromTheReturnsWithNoNameIsShownAsNameNotRecorded() {
        assertThat(ChildNames.of("", "")).isEqualTo("Name not recorded");
        assertThat(ChildNames.of(null, null)).isEqualTo("Name not recorded");
    }

    @Test
    void aNamedChildIsShownByGivenAndFamilyName() {
        assertThat(ChildNames.of("Sam", "Jones")).isEqualTo("Sam Jones");
        assertThat(ChildNames.of("Sam", "")).isEqualTo("Sam");
    }
}

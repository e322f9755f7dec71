package io.fashionae.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequirementsTest {

    @Test
    void somethingMissingSkipsWithTheReasonOnADevelopersMachine() {
        assertThatThrownBy(() -> Requirements.require(false, "needs chromium", Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("needs chromium");
    }

    @Test
    void somethingMissingFailsNamingItUnderCi() {
        assertThatThrownBy(() -> Requirements.require(false, "needs chromium", Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining("needs chromium");
    }

    @Test
    void whatIsThereRunsEverywhere() {
        assertThatCode(() -> Requirements.require(true, "needs chromium", Map.of("CI", "true")))
                .doesNotThrowAnyException();
        assertThatCode(() -> Requirements.require(true, "needs chromium", Map.of()))
                .doesNotThrowAnyException();
    }
}

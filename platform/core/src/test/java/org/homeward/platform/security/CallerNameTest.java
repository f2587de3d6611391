package org.homeward.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name a token gives its person, as it is recorded: clean, in NFC, never longer than its column. */
class CallerNameTest {

    @Test
    void theNameClaimIsKeptCleanAndBounded() {
        assertThat(Caller.displayName("Олена Гнатюк")).contains("Олена Гнатюк");
        assertThat(Caller.displayName("  Микола\u200B Мельник\u202E\n")).contains("Микола Мельник");
        // A decomposed "й" (и + combining breve) is recorded composed.
        assertThat(Caller.displayName("Андрі\u0438\u0306")).contains("Андрій");
        assertThat(Caller.displayName("x".repeat(500)).orElseThrow()).hasSize(Caller.NAME_LENGTH);
        // Cut by characters, never inside a surrogate pair.
        String emoji = "\uD83D\uDE00".repeat(300);
        assertThat(Caller.displayName(emoji).orElseThrow().codePointCount(0, 400)).isEqualTo(Caller.NAME_LENGTH);
    }

    @Test
    void aTokenThatNamesNobodyGivesNoName() {
        assertThat(Caller.displayName(null)).isEmpty();
        assertThat(Caller.displayName("   ")).isEmpty();
        assertThat(Caller.displayName("\u200B")).isEmpty();
        assertThat(Caller.displayName(42)).isEmpty();
    }
}

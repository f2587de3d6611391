package org.homeward.platform.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class HashedBodyTest {

    private static final byte[] BODY = "surname,script\nКоваль,Cyrl\n".getBytes(StandardCharsets.UTF_8);

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aDeclaredBodyIsReadWholeAndHashed() throws Exception {
        HashedBody body = HashedBody.read(new ByteArrayInputStream(BODY), BODY.length);
        assertThat(body.bytes()).isEqualTo(BODY);
        assertThat(body.sha256()).isEqualTo(sha256(BODY));
    }

    @Test
    void aChunkedBodyIsReadWholeAndHashedAlike() throws Exception {
        HashedBody body = HashedBody.read(new ByteArrayInputStream(BODY), -1);
        assertThat(body.bytes()).isEqualTo(BODY);
        assertThat(body.sha256()).isEqualTo(sha256(BODY));
    }

    @Test
    void aBodyShorterThanDeclaredIsWhatArrivedAndHashedAsSuch() throws Exception {
        HashedBody body = HashedBody.read(new ByteArrayInputStream(BODY), BODY.length + 10L);
        assertThat(body.bytes()).isEqualTo(BODY);
        assertThat(body.sha256()).isEqualTo(sha256(BODY));
    }

    @Test
    void noBodyIsTheEmptyOne() throws Exception {
        assertThat(HashedBody.read(null, -1).sha256()).isEqualTo(sha256(new byte[0]));
    }
}

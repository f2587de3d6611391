package org.homeward.transfer.manifest.format;

import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.RowError;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an upload as UTF-8, refusing malformed bytes instead of replacing them (a silently replaced
 * letter in a name could misidentify a person), and drops a leading byte-order mark.
 */
final class StrictUtf8 {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StrictUtf8() {
    }

    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw ItemsRejected.of(RowError.file("Not valid UTF-8 at byte " + in.position() + " (line "
                    + lineOf(bytes, in.position()) + "); save the file as UTF-8"));
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == BYTE_ORDER_MARK) {
            out.position(1);
        }
        return out.toString();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}

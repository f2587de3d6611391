package org.homeward.platform.text;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
public final class StrictUtf8 {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StrictUtf8() {
    }

    /** Bytes that are not UTF-8, with where the first bad one is. */
    public static final class NotUtf8 extends RuntimeException {

        private final int offset;
        private final int line;

        NotUtf8(int offset, int line) {
            super("Not valid UTF-8 at byte " + offset + " (line " + line + "); save the file as UTF-8");
            this.offset = offset;
            this.line = line;
        }

        public int offset() {
            return offset;
        }

        public int line() {
            return line;
        }
    }

    public static String decode(byte[] bytes) {
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
            throw new NotUtf8(in.position(), lineOf(bytes, in.position()));
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == BYTE_ORDER_MARK) {
            out.position(1);
        }
        return out.toString();
    }

    /**
     * Checks that the bytes are UTF-8 without decoding them into a copy (an upload of 32 MiB would become
     * 64 MiB of UTF-16), and gives a reader over them that skips a leading byte-order mark.
     */
    public static Reader reader(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer scratch = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            scratch.clear();
            result = decoder.flush(scratch);
        }
        if (result.isError()) {
            throw new NotUtf8(in.position(), lineOf(bytes, in.position()));
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start),
                StandardCharsets.UTF_8);
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

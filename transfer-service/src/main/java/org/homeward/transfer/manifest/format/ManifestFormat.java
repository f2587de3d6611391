package org.homeward.transfer.manifest.format;

import org.homeward.platform.text.StrictUtf8;
import org.homeward.transfer.TransferKind;
import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.ManifestLayout;
import org.homeward.transfer.manifest.ManifestRow;
import org.homeward.transfer.manifest.RowError;

import java.util.List;

/** The media types a manifest is uploaded and downloaded in. */
public enum ManifestFormat {
    CSV("text/csv"),
    JSON("application/json");

    private final String mediaType;

    ManifestFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The rows of an upload, structurally checked (encoding, syntax, columns, size) but not yet validated.
     *
     * @throws org.homeward.transfer.manifest.ItemsRejected when the file itself is unusable
     */
    public List<ManifestRow> read(byte[] body, TransferKind kind, int maxItems) {
        return read(body, ManifestLayout.columns(kind), "items", "a " + kind + " manifest", maxItems);
    }

    /**
     * Rows of any list uploaded in these formats (a manifest, the prisoners a party holds): CSV with exactly
     * {@code columns}, or JSON {@code {"<arrayField>": [{...}]}} with text values.
     *
     * @param noun what the list is, for messages ("a PRISONERS manifest")
     */
    public List<ManifestRow> read(byte[] body, List<String> columns, String arrayField, String noun, int maxItems) {
        String text;
        try {
            text = StrictUtf8.decode(body);
        } catch (StrictUtf8.NotUtf8 e) {
            throw ItemsRejected.of(RowError.file(e.getMessage()));
        }
        return switch (this) {
            case CSV -> CsvManifest.read(text, columns, noun, maxItems);
            case JSON -> JsonManifest.read(text, arrayField, noun, maxItems);
        };
    }
}

package org.homeward.transfer.manifest.format;

import org.homeward.transfer.TransferKind;
import org.homeward.transfer.manifest.ManifestRow;

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
        String text = StrictUtf8.decode(body);
        return switch (this) {
            case CSV -> CsvManifest.read(text, kind, maxItems);
            case JSON -> JsonManifest.read(text, maxItems);
        };
    }
}

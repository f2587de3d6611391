package org.homeward.transfer.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.homeward.platform.csv.CopyCsv;
import org.homeward.transfer.manifest.ManifestItem;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The items of transfers' manifests, stored with COPY and updated with set-based statements on the
 * transaction's own connection: a manifest of 10,000 items is one stream rather than 10,000 entity inserts. Always
 * called inside the business transaction, so items commit or roll back with the transfer they belong to.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ManifestItems {

    private static final int FETCH_SIZE = 1000;
    private static final String COLUMNS = "item_id, origin, tag, term_id, category, nationality, surname, first_names,"
            + " patronymic, rank, date_of_birth, service_number, recovery_place, recovery_date, personal_effects,"
            + " health_notes, consent_confirmed_at, receipt, arrival_published_at, withdrawal_published_at, item_sequence";

    private final EntityManager entityManager;

    public ManifestItems(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Replaces a transfer's manifest (and with it any consents recorded against the old one). */
    public void replace(UUID transferId, List<ManifestItem> items) {
        work(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM manifest_item WHERE transfer_id = ?")) {
                delete.setObject(1, transferId);
                delete.executeUpdate();
            }
            insert(connection, transferId, items, StoredItem.MANIFEST, 0);
        });
    }

    /** Items the receiver found that no manifest line accounts for, after the manifest's own. */
    public void addExtras(UUID transferId, List<ManifestItem> extras, int firstPosition) {
        work(connection -> insert(connection, transferId, extras, StoredItem.EXTRA, firstPosition));
    }

    /** Every item of a transfer: the manifest's in its order, then extras. */
    public List<StoredItem> list(UUID transferId) {
        List<StoredItem> items = new ArrayList<>();
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM manifest_item WHERE transfer_id = ? ORDER BY position")) {
                select.setObject(1, transferId);
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(stored(rows));
                    }
                }
            }
        });
        return items;
    }

    /** Records the escort's confirmation for the given manifest tags; returns how many now have one. */
    public int confirmConsents(UUID transferId, Collection<String> tags, String organisation, Instant at) {
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE manifest_item"
                    + " SET consent_confirmed_at = ?, consent_confirmed_by = ?"
                    + " WHERE transfer_id = ? AND tag = ANY (?) AND consent_confirmed_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setString(2, organisation);
                update.setObject(3, transferId);
                update.setArray(4, connection.createArrayOf("varchar", tags.toArray()));
                update.executeUpdate();
            }
        });
        return consentsConfirmed(transferId);
    }

    /** Removes the escort's confirmation for the given manifest tags; returns how many still have one. */
    public int withdrawConsents(UUID transferId, Collection<String> tags) {
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE manifest_item"
                    + " SET consent_confirmed_at = NULL, consent_confirmed_by = NULL"
                    + " WHERE transfer_id = ? AND tag = ANY (?)")) {
                update.setObject(1, transferId);
                update.setArray(2, connection.createArrayOf("varchar", tags.toArray()));
                update.executeUpdate();
            }
        });
        return consentsConfirmed(transferId);
    }

    private int consentsConfirmed(UUID transferId) {
        int[] confirmed = new int[1];
        work(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM manifest_item"
                    + " WHERE transfer_id = ? AND origin = 'MANIFEST' AND consent_confirmed_at IS NOT NULL")) {
                count.setObject(1, transferId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    confirmed[0] = rows.getInt(1);
                }
            }
        });
        return confirmed[0];
    }

    /** Marks manifest items received or missing; extras are received by definition. */
    public void recordReceipt(UUID transferId, Collection<String> tags, String receipt) {
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE manifest_item SET receipt = ?"
                    + " WHERE transfer_id = ? AND tag = ANY (?)")) {
                update.setString(1, receipt);
                update.setObject(2, transferId);
                update.setArray(3, connection.createArrayOf("varchar", tags.toArray()));
                update.executeUpdate();
            }
        });
    }

    /** Notes that the items' arrival records are in the outbox; each record advances the item's sequence. */
    public void markArrivalPublished(UUID transferId, Collection<UUID> itemIds, Instant at) {
        markPublished("arrival_published_at", transferId, itemIds, at);
    }

    /** Notes that the items' withdrawal records are in the outbox. */
    public void markWithdrawalPublished(UUID transferId, Collection<UUID> itemIds, Instant at) {
        markPublished("withdrawal_published_at", transferId, itemIds, at);
    }

    private void markPublished(String column, UUID transferId, Collection<UUID> itemIds, Instant at) {
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE manifest_item SET " + column + " = ?,"
                    + " item_sequence = item_sequence + 1 WHERE transfer_id = ? AND item_id = ANY (?)")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setObject(2, transferId);
                update.setArray(3, connection.createArrayOf("uuid", itemIds.toArray()));
                update.executeUpdate();
            }
        });
    }

    /**
     * The rows go in with PostgreSQL's COPY (CSV), on the transaction's connection, so they commit or roll
     * back with the rest; ManifestUploadBenchmark measures the upload against a bare route plus COPY alone.
     */
    private static void insert(Connection connection, UUID transferId, List<ManifestItem> items, String origin,
                               int firstPosition) throws SQLException {
        StringBuilder rows = new StringBuilder(items.size() * 200);
        for (int i = 0; i < items.size(); i++) {
            ManifestItem item = items.get(i);
            CopyCsv.row(rows, transferId, firstPosition + i, UUID.randomUUID(), origin, item.tag(), item.termId(),
                    item.category(), item.nationality(), item.surname(), item.firstNames(), item.patronymic(),
                    item.rank(), item.dateOfBirth(), item.serviceNumber(), item.recoveryPlace(), item.recoveryDate(),
                    item.personalEffects(), item.healthNotes());
        }
        try {
            // As UTF-8 bytes, not a Reader: the driver encodes a Reader in chunks, and a character outside the
            // basic plane split across two chunks would be stored as "??".
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY manifest_item (transfer_id, position,"
                    + " item_id, origin, tag, term_id, category, nationality, surname, first_names, patronymic, rank,"
                    + " date_of_birth, service_number, recovery_place, recovery_date, personal_effects, health_notes)"
                    + " FROM STDIN (FORMAT csv)", new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SQLException("Could not stream the manifest's rows to the database", e);
        }
    }

    private static StoredItem stored(ResultSet rows) throws SQLException {
        Date dateOfBirth = rows.getDate("date_of_birth");
        Date recoveryDate = rows.getDate("recovery_date");
        Timestamp consent = rows.getTimestamp("consent_confirmed_at");
        ManifestItem item = new ManifestItem(rows.getString("tag"), rows.getObject("term_id", UUID.class),
                rows.getString("category"), rows.getString("nationality"), rows.getString("surname"),
                rows.getString("first_names"), rows.getString("patronymic"), rows.getString("rank"),
                dateOfBirth == null ? null : dateOfBirth.toLocalDate(), rows.getString("service_number"),
                rows.getString("recovery_place"), recoveryDate == null ? null : recoveryDate.toLocalDate(),
                rows.getString("personal_effects"), rows.getString("health_notes"));
        return new StoredItem(rows.getObject("item_id", UUID.class), rows.getString("origin"), item,
                consent == null ? null : consent.toInstant(), rows.getString("receipt"),
                rows.getTimestamp("arrival_published_at") != null, rows.getTimestamp("withdrawal_published_at") != null,
                rows.getInt("item_sequence"));
    }

    private void work(org.hibernate.jdbc.Work work) {
        entityManager.unwrap(Session.class).doWork(work);
    }
}

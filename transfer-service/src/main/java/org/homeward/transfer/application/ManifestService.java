package org.homeward.transfer.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.ManifestItem;
import org.homeward.transfer.manifest.ManifestRow;
import org.homeward.transfer.manifest.ManifestValidator;
import org.homeward.transfer.manifest.RowError;
import org.homeward.transfer.manifest.format.ManifestFormat;
import org.homeward.transfer.messaging.TransferEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Manifests: the sending side's claim of who or what it hands over. Uploaded whole (CSV or JSON), checked
 * whole, stored whole or not at all, replaceable until dispatch. Items are personal data: every read and
 * write is audited, and only the two parties and the escort may touch them.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class ManifestService {

    private final TransferAccess access;
    private final TransferTerms terms;
    private final ManifestItems items;
    private final TransferEvents events;
    private final AuditLog audit;
    private final Caller caller;
    private final ManifestConfig config;
    private final HandoverLists lists;
    private final Clock clock;

    public ManifestService(TransferAccess access, TransferTerms terms, ManifestItems items,
                           TransferEvents events, AuditLog audit, Caller caller, ManifestConfig config, HandoverLists lists, Clock clock) {
        this.access = access;
        this.terms = terms;
        this.items = items;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
        this.lists = lists;
        this.clock = clock;
    }

    /** Submits or replaces the manifest; returns the transfer with its declared counts. */
    public Transfer submit(UUID transferId, ManifestFormat format, byte[] body) {
        Transfer transfer = access.withItems(transferId, LockModeType.PESSIMISTIC_WRITE);
        access.requireCoordinatorOf(transfer.fromParty(), "(the sending party) submits the manifest");
        transfer.ensureManifestMayChange();
        List<ManifestItem> manifest;
        try {
            List<ManifestRow> rows = format.read(body, transfer.kind(), config.maxItems());
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(transfer.handoverPoint().timeZone())));
            manifest = new ManifestValidator(transfer.kind(), terms.selectionFor(transfer), today).validate(rows);
            List<RowError> unlisted = lists.refusals(transfer, manifest);
            if (!unlisted.isEmpty()) {
                throw new ItemsRejected(unlisted);
            }
        } catch (ItemsRejected rejected) {
            throw ItemProblems.of("The manifest was rejected; nothing was stored", rejected);
        }
        Map<UUID, Integer> declared = new HashMap<>();
        manifest.forEach(item -> declared.merge(item.termId(), 1, Integer::sum));
        items.replace(transferId, manifest);
        Instant now = Instant.now(clock);
        transfer.submitManifest(declared, now);
        confirmVerifiedConsents(transfer, lists.schedule(transfer, items.list(transferId)), now);
        events.publish(TransferEvents.MANIFEST_SUBMITTED, transfer);
        audit.record("transfer.manifest.submit", "transfer", transferId.toString());
        return transfer;
    }

    /**
     * The persons on the manifest whom the escorting intermediary verified on the exchange list (identity and free
     * will) have their consent confirmed by it, as if it had confirmed each on the manifest.
     */
    private void confirmVerifiedConsents(Transfer transfer, Map<String, String> verifiedBy, Instant now) {
        Map<String, List<String>> tagsByOrganisation = new HashMap<>();
        verifiedBy.forEach((tag, organisation) ->
                tagsByOrganisation.computeIfAbsent(organisation, o -> new ArrayList<>()).add(tag));
        int confirmed = 0;
        for (Map.Entry<String, List<String>> verified : tagsByOrganisation.entrySet()) {
            confirmed = items.confirmConsents(transfer.id(), verified.getValue(), verified.getKey(), now);
        }
        if (!tagsByOrganisation.isEmpty()) {
            transfer.recordConsents(confirmed);
        }
    }

    /** The items of a transfer, for one of the two parties or the escort; the read is audited. */
    public ManifestView read(UUID transferId) {
        Transfer transfer = access.withItems(transferId, LockModeType.NONE);
        if (transfer.manifestSubmittedAt() == null) {
            throw ProblemException.notFound("The manifest of transfer " + transferId);
        }
        audit.record("transfer.manifest.read", "transfer", transferId.toString());
        return new ManifestView(transfer, items.list(transferId));
    }

    /**
     * The escort confirms, per person, that the prisoner consents to repatriation (GC III Art. 109).
     * Confirming twice is harmless; a tag not on the manifest refuses the whole request.
     */
    public Transfer confirmConsents(UUID transferId, List<String> tags) {
        return changeConsents(transferId, tags, true);
    }

    /**
     * A prisoner may change his mind until he leaves: the escort withdraws the confirmation, and the
     * transfer cannot be dispatched until the person consents again or the manifest is replaced without him.
     */
    public Transfer withdrawConsents(UUID transferId, List<String> tags) {
        return changeConsents(transferId, tags, false);
    }

    private Transfer changeConsents(UUID transferId, List<String> tags, boolean consent) {
        Transfer transfer = access.visible(transferId, LockModeType.PESSIMISTIC_WRITE);
        if (!caller.hasRole(Roles.INTERMEDIARY) || !caller.organisation().equals(transfer.escortOrganisation())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The escorting intermediary records consent to repatriation");
        }
        Set<String> onManifest = new HashSet<>();
        List<StoredItem> declared = items.list(transferId).stream().filter(StoredItem::declared).toList();
        declared.forEach(item -> onManifest.add(item.item().tag()));
        List<RowError> unknown = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            if (!onManifest.contains(tags.get(i))) {
                unknown.add(new RowError("tags[" + i + "]", "Not a tag on the manifest"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ItemProblems.of("No consent was changed", new ItemsRejected(unknown));
        }
        int confirmed = consent
                ? items.confirmConsents(transferId, tags, caller.organisation(), Instant.now(clock))
                : items.withdrawConsents(transferId, tags);
        transfer.recordConsents(confirmed);
        Set<String> changed = new HashSet<>(tags);
        lists.consentChanged(transfer, declared.stream().filter(item -> changed.contains(item.item().tag())).toList(),
                consent, caller.organisation());
        audit.record(consent ? "transfer.consent.confirm" : "transfer.consent.withdraw", "transfer",
                transferId.toString());
        return transfer;
    }
}

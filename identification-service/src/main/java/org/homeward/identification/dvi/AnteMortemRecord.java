package org.homeward.identification.dvi;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.identification.cases.Recording;
import org.homeward.identification.dvi.comparison.AnteMortem;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a missing person's ante-mortem record: the whole record after a recording and the sections that
 * recording changed, each item with its source. Never changed; the next recording is the next version.
 */
@Entity
@Table(name = "ante_mortem_record")
public class AnteMortemRecord {

    @Id
    private UUID id;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(nullable = false)
    private String party;

    @Column(nullable = false)
    private int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private AnteMortem findings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> sections;

    @Embedded
    private Recording recorded;

    protected AnteMortemRecord() {
    }

    public static AnteMortemRecord next(AnteMortemRecord previous, UUID personId, String party, AnteMortem changes,
                                        Actor by, Instant now) {
        List<String> changed = changes.sections();
        if (changed.isEmpty()) {
            throw new RuleViolation("sections", "State at least one section of the ante-mortem record");
        }
        AnteMortemRecord next = new AnteMortemRecord();
        next.id = UUID.randomUUID();
        next.personId = personId;
        next.party = party;
        next.version = previous == null ? 1 : previous.version + 1;
        next.findings = (previous == null ? AnteMortem.EMPTY : previous.findings).with(changes);
        next.sections = List.copyOf(changed);
        next.recorded = Recording.of(by, now);
        return next;
    }

    public UUID id() { return id; }
    public UUID personId() { return personId; }
    public String party() { return party; }
    public int version() { return version; }
    public AnteMortem findings() { return findings; }
    public List<String> sections() { return sections; }
    public Recording recorded() { return recorded; }
}

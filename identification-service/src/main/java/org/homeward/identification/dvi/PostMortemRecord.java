package org.homeward.identification.dvi;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.identification.cases.Recording;
import org.homeward.identification.dvi.comparison.PostMortem;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a case's post-mortem record: the whole record after a recording, the sections that recording
 * changed, and the examination it came from. Never changed; the next recording is the next version.
 */
@Entity
@Table(name = "post_mortem_record")
public class PostMortemRecord {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(nullable = false)
    private int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private PostMortem findings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> sections;

    @Column(name = "examination_id")
    private UUID examinationId;

    @Embedded
    private Recording recorded;

    protected PostMortemRecord() {
    }

    /** The version after {@code previous} (null for the first) with the sections {@code changes} states. */
    public static PostMortemRecord next(PostMortemRecord previous, UUID caseId, PostMortem changes, UUID examinationId,
                                        Actor by, Instant now) {
        List<String> changed = changes.sections();
        if (changed.isEmpty()) {
            throw new RuleViolation("sections", "State at least one section of the post-mortem record");
        }
        PostMortemRecord next = new PostMortemRecord();
        next.id = UUID.randomUUID();
        next.caseId = caseId;
        next.version = previous == null ? 1 : previous.version + 1;
        next.findings = (previous == null ? PostMortem.EMPTY : previous.findings).with(changes);
        next.sections = List.copyOf(changed);
        next.examinationId = examinationId;
        next.recorded = Recording.of(by, now);
        return next;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public int version() { return version; }
    public PostMortem findings() { return findings; }
    public List<String> sections() { return sections; }
    public UUID examinationId() { return examinationId; }
    public Recording recorded() { return recorded; }
}

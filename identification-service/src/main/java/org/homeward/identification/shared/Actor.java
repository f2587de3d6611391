package org.homeward.identification.shared;

/**
 * Who did something: the token's subject, organisation and the person's name as the token states it (null where
 * it names nobody, or for this service itself acting on consumed records).
 */
public record Actor(String subject, String organisation, String name) {

    public Actor(String subject, String organisation) {
        this(subject, organisation, null);
    }

    /** Changes that follow from transfer-service's item records rather than from a person. */
    public static final Actor TRANSFER_RECORDS = new Actor("transfer-service", "homeward");

    /** Changes the background DNA kinship matching makes. */
    public static final Actor KINSHIP_MATCHING = new Actor("kinship-matching", "homeward");
}

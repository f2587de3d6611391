package org.homeward.agreement.fulfilment;

/**
 * Where a prisoner term's exchange list stands, as transfer-service last counted it from the records: the prisoners
 * held on the reference date who qualify, and of them the released, the declined (GC III Art. 109) and the dead;
 * what is offered and verified; what remains. {@code complete}: an all-for-all term is delivered (someone was
 * eligible and no one remains); null for a term of another basis, whose count is its committed number.
 */
public record ExchangeCounts(int round, long eligibleHeld, long offered, long verified, long released, long declined,
                             long died, long remaining, Boolean complete) {
}

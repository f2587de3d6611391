package org.homeward.transfer.exchange.application;

/**
 * Where a prisoner-exchange term stands, in counts: the prisoners the detaining party held from the receiving
 * party on the reference date who qualify under the term ({@code eligibleHeld}), and of them the released, the
 * declined (GC III Art. 109) and the dead; the offers that qualify and the verified; what remains. Counts only:
 * what mediators see, and what the public topic will carry.
 */
public record ExchangeProgress(int round, long eligibleHeld, long offered, long verified, long released,
                               long declined, long died, long remaining, boolean complete) {
}

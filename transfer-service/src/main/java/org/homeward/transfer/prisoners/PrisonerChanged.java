package org.homeward.transfer.prisoners;

import java.util.UUID;

/**
 * Fired in the transaction that changed what a prisoner's eligibility or presence rests on (a commission's
 * decision, his death), so that what is built on his record (his offers on exchange lists) follows at once.
 */
public record PrisonerChanged(UUID prisonerId) {
}

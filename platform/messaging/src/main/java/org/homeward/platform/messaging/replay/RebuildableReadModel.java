package org.homeward.platform.messaging.replay;

import org.homeward.platform.messaging.inbox.EventHandler;

/**
 * A projection that holds nothing but what its topic says, so an operator may drop it and rebuild it by
 * replaying the topic from the beginning ({@link ReadModelRebuild}). The topic must keep every event, or at
 * least the last per key (compaction), and each event must carry the state the projection needs.
 *
 * <p>The live consumer keeps running during a rebuild, so the projection must converge whatever the
 * interleaving of replayed and live events: the latest per-aggregate sequence wins, for example. Its
 * handler writes with native statements: a rebuild applies the whole topic in one transaction.
 */
public interface RebuildableReadModel extends EventHandler {

    /** Deletes everything this projection holds; called inside the rebuild's first transaction. */
    void clear();
}

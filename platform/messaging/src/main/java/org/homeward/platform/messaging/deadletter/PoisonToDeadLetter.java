package org.homeward.platform.messaging.deadletter;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.homeward.platform.messaging.inbox.PoisonMessage;

import java.util.function.BiConsumer;

/**
 * Failure strategy {@value #NAME}: a {@link PoisonMessage} goes to the channel's dead-letter topic (and
 * its offset is committed); anything else, which can only be the consumer stopping mid-retry, fails the
 * channel without committing, so the record is consumed again after restart instead of being
 * dead-lettered.
 */
@ApplicationScoped
@Identifier(PoisonToDeadLetter.NAME)
public class PoisonToDeadLetter implements KafkaFailureHandler.Factory {

    public static final String NAME = "poison-to-dead-letter";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final KafkaFailureHandler.Factory failStop;

    public PoisonToDeadLetter(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
                              @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory failStop) {
        this.deadLetterQueue = deadLetterQueue;
        this.failStop = failStop;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler toDeadLetters = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler stop = failStop.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return isPoison(reason) ? toDeadLetters.handle(record, reason, metadata) : stop.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                toDeadLetters.terminate();
                stop.terminate();
            }
        };
    }

    static boolean isPoison(Throwable reason) {
        for (Throwable cause = reason; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonMessage) {
                return true;
            }
        }
        return false;
    }
}

package org.homeward.platform.persistence;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the application services whose transactions a request starts: a transaction that PostgreSQL rolls back
 * as a deadlock victim or serialization failure is run again in-process before the client hears of it
 * ({@link LostRaceRerun}). Only where the call starts the transaction: inside another one it just proceeds.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RerunsLostRaces {
}

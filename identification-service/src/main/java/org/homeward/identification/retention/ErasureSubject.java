package org.homeward.identification.retention;

/**
 * What an operator may erase once its retention has run out (docs/operators.md, retention and erasure): a
 * case returned 10 years ago, or a register entry released, identified or found alive 10 years ago.
 */
public enum ErasureSubject {
    CASE,
    REGISTER_ENTRY
}

-- A register import's upload is kept as the bytes received (UTF-8), not as text: the service reads it from the
-- request into one byte array, hashes it as it reads, parses it through a reader (JSON report by report) and
-- stores the same array, so the whole upload is no longer also held as one UTF-16 text, a JSON copy for the
-- idempotency hash and a JSON tree. Existing uploads are converted to their UTF-8 bytes.
ALTER TABLE register_import ALTER COLUMN payload TYPE bytea USING convert_to(payload, 'UTF8');

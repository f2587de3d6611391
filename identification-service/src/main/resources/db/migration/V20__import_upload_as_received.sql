-- A register import's upload is kept as the bytes received (UTF-8), not as text: the service reads it from the
-- request stream into one byte array, hashes it as it arrives, parses it through a reader, and stores the same
-- array, so no UTF-16 copy of a 32 MiB upload is ever made. Existing uploads are converted to their UTF-8 bytes.
ALTER TABLE register_import ALTER COLUMN payload TYPE bytea USING convert_to(payload, 'UTF8');

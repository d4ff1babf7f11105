-- Trigram similarity, for the warning when a new organisation looks like an existing one.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

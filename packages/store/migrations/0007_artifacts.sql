-- What a trial leaves besides metrics: the nearest neighbours of probe words at its best
-- epoch (json), its trained embedding matrix (float32) and that matrix's vocabulary (json).
-- One row per trial attempt and name; content is the JSON text, or the little-endian float32
-- bytes.
CREATE TABLE artifacts (
  sweep_id   INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  trial_id   INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  attempt    INTEGER NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('json', 'float32')),
  size       INTEGER NOT NULL,
  content    BLOB NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (trial_id, attempt, name)
);

CREATE INDEX artifacts_by_sweep ON artifacts (sweep_id, name);

-- Every curve of a finished trial attempt, thinned once when the attempt ends, so a dashboard
-- of many long trials reads a few hundred points per curve instead of every epoch. One row per
-- trial attempt and metric: `recorded` points were logged; `steps` (int32), `vals` (float64)
-- and `elapsed` (float32, seconds since the attempt started) are little-endian arrays of the
-- points kept, in step order (each bucket's lowest and highest value, and its first NaN).
-- Derived from `metrics`: dropped when a point of the attempt is written again.
CREATE TABLE curve_thumbnails (
  trial_id INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  attempt  INTEGER NOT NULL,
  name     TEXT NOT NULL,
  recorded INTEGER NOT NULL,
  steps    BLOB NOT NULL,
  vals     BLOB NOT NULL,
  elapsed  BLOB NOT NULL,
  PRIMARY KEY (trial_id, attempt, name)
) WITHOUT ROWID;

-- Which thumbnails a sweep's metric has, and of how many points, without touching their blobs.
CREATE INDEX curve_thumbnails_by_name ON curve_thumbnails (name, trial_id, attempt, recorded);

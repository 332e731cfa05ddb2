-- The tables of the results database. Times are ISO-8601 UTC text; JSON columns hold what
-- the sweep file and the trainer produced. See docs/results-database.md.

CREATE TABLE sweeps (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  method      TEXT NOT NULL,
  metric_name TEXT NOT NULL,
  metric_goal TEXT NOT NULL CHECK (metric_goal IN ('minimize', 'maximize')),
  spec_json   TEXT NOT NULL,
  spec_hash   TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('running', 'finished', 'stopped', 'failed')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  finished_at TEXT
);

CREATE TABLE trials (
  id            INTEGER PRIMARY KEY,
  sweep_id      INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  trial_index   INTEGER NOT NULL,
  config_index  INTEGER NOT NULL,
  cell_id       TEXT NOT NULL,
  params_json   TEXT NOT NULL,
  seed          INTEGER NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'failed', 'pruned', 'interrupted')),
  attempt       INTEGER NOT NULL DEFAULT 0,
  worker_pid    INTEGER,
  worker_host   TEXT,
  backend       TEXT,
  versions_json TEXT,
  heartbeat_at  TEXT,
  created_at    TEXT NOT NULL,
  started_at    TEXT,
  finished_at   TEXT,
  error_code    TEXT,
  error_message TEXT,
  best_value    REAL,
  best_epoch    INTEGER,
  epochs_run    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (sweep_id, cell_id),
  UNIQUE (sweep_id, trial_index)
);

-- Claiming the next pending trial and listing a sweep's trials by state are index lookups.
CREATE INDEX trials_by_sweep_state ON trials (sweep_id, state, trial_index);

-- One row per point. NaN cannot be stored in a REAL column (SQLite turns it into NULL), so
-- value is NULL and is_nan is 1 for NaN; +/-Infinity are stored as themselves. The key puts
-- one metric of one sweep in one contiguous range, so a chart's curves are one range scan.
CREATE TABLE metrics (
  sweep_id    INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  trial_id    INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  attempt     INTEGER NOT NULL,
  step        INTEGER NOT NULL,
  value       REAL,
  is_nan      INTEGER NOT NULL DEFAULT 0 CHECK (is_nan IN (0, 1)),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (sweep_id, name, trial_id, attempt, step)
) WITHOUT ROWID;

CREATE INDEX metrics_by_trial ON metrics (trial_id, attempt, name, step);

CREATE TABLE trial_events (
  id         INTEGER PRIMARY KEY,
  trial_id   INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  attempt    INTEGER NOT NULL,
  from_state TEXT,
  to_state   TEXT NOT NULL,
  reason     TEXT NOT NULL,
  at         TEXT NOT NULL
);

CREATE INDEX trial_events_by_trial ON trial_events (trial_id, id);

-- Where a trial really ran, apart from who claimed it: a trial may run on another machine
-- than its scheduler's (a distributed executor). scheduler_host is the claiming scheduler's
-- machine (before this migration worker_host held it); worker_host and worker_id are filled
-- when the worker that trains the trial says it is up. worker_id is the executor's own name
-- for that worker (a pid for local processes).
ALTER TABLE trials ADD COLUMN scheduler_host TEXT;
ALTER TABLE trials ADD COLUMN worker_id TEXT;
UPDATE trials SET scheduler_host = worker_host;

DROP VIEW trial_summary;
CREATE VIEW trial_summary AS
SELECT
  t.id AS trial_id,
  s.name AS sweep,
  t.sweep_id,
  t.trial_index,
  t.config_index,
  t.seed,
  t.state,
  t.attempt,
  json_extract(t.params_json, '$.embedding_dim') AS embedding_dim,
  json_extract(t.params_json, '$.dropout') AS dropout,
  json_extract(t.params_json, '$.l2') AS l2,
  json_extract(t.params_json, '$.l1') AS l1,
  json_extract(t.params_json, '$.learning_rate') AS learning_rate,
  json_extract(t.params_json, '$.optimizer') AS optimizer,
  json_extract(t.params_json, '$.batch_size') AS batch_size,
  json_extract(t.params_json, '$.epochs') AS epochs,
  json_extract(t.params_json, '$.pooling') AS pooling,
  json_extract(t.params_json, '$.hidden_units') AS hidden_units,
  json_extract(t.params_json, '$.vocab_size') AS vocab_size,
  json_extract(t.params_json, '$.max_length') AS max_length,
  t.params_json AS params,
  s.metric_name AS metric,
  s.metric_goal AS goal,
  t.best_value,
  t.best_epoch,
  (SELECT CASE WHEN m.is_nan = 1 THEN NULL ELSE m.value END
     FROM metrics m
    WHERE m.sweep_id = t.sweep_id AND m.name = s.metric_name AND m.trial_id = t.id AND m.attempt = t.attempt
    ORDER BY m.step DESC LIMIT 1) AS final_value,
  t.epochs_run,
  (julianday(t.finished_at) - julianday(t.started_at)) * 86400.0 AS duration_s,
  t.backend,
  t.worker_host,
  t.error_code,
  t.error_message,
  t.started_at,
  t.finished_at
FROM trials t
JOIN sweeps s ON s.id = t.sweep_id;

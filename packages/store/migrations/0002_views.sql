-- Views that make the common questions one-liners. Parameters of the built-in trainer are
-- columns; any parameter is reachable as json_extract(params, '$.name').

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
  t.error_code,
  t.error_message,
  t.started_at,
  t.finished_at
FROM trials t
JOIN sweeps s ON s.id = t.sweep_id;

-- Long-form curves of every trial's latest attempt: one row per (trial, metric, epoch).
CREATE VIEW curves AS
SELECT
  s.name AS sweep,
  m.trial_id,
  t.trial_index,
  t.config_index,
  t.seed,
  t.state,
  m.name AS metric,
  m.step AS epoch,
  CASE WHEN m.is_nan = 1 THEN NULL ELSE m.value END AS value,
  m.is_nan,
  t.params_json AS params
FROM metrics m
JOIN trials t ON t.id = m.trial_id AND t.attempt = m.attempt
JOIN sweeps s ON s.id = m.sweep_id;

-- One row per configuration of a sweep: its completed trials aggregated across seeds.
CREATE VIEW config_summary AS
WITH per_config AS (
  SELECT sweep_id, config_index, AVG(best_value) AS mean_best
    FROM trials
   WHERE state = 'completed' AND best_value IS NOT NULL
   GROUP BY sweep_id, config_index
)
SELECT
  s.name AS sweep,
  t.sweep_id,
  t.config_index,
  MIN(t.params_json) AS params,
  json_extract(MIN(t.params_json), '$.embedding_dim') AS embedding_dim,
  json_extract(MIN(t.params_json), '$.dropout') AS dropout,
  json_extract(MIN(t.params_json), '$.l2') AS l2,
  json_extract(MIN(t.params_json), '$.learning_rate') AS learning_rate,
  s.metric_name AS metric,
  s.metric_goal AS goal,
  COUNT(*) AS trials,
  SUM(t.state = 'completed') AS completed,
  p.mean_best,
  CASE WHEN COUNT(t.best_value) FILTER (WHERE t.state = 'completed') > 1
       THEN sqrt(SUM((t.best_value - p.mean_best) * (t.best_value - p.mean_best)) FILTER (WHERE t.state = 'completed')
                 / (COUNT(t.best_value) FILTER (WHERE t.state = 'completed') - 1))
  END AS std_best,
  MIN(t.best_value) FILTER (WHERE t.state = 'completed') AS min_best,
  MAX(t.best_value) FILTER (WHERE t.state = 'completed') AS max_best,
  group_concat(t.seed, ',') AS seeds
FROM trials t
JOIN sweeps s ON s.id = t.sweep_id
LEFT JOIN per_config p ON p.sweep_id = t.sweep_id AND p.config_index = t.config_index
GROUP BY t.sweep_id, t.config_index;

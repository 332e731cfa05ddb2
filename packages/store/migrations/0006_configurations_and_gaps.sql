-- What SQL can say about configurations across seeds and about overfitting. Intervals and
-- tests need resampling and the t distribution, so they live in `embsweep compare`; these
-- views give the plain aggregates and the generalization gap.

-- One row per configuration (a trial's parameters without its seed): n, mean, sample standard
-- deviation, min and max of the best and of the final value of the sweep's metric, over the
-- configuration's completed trials. Replaces the version of 0002, which had the best value only.
DROP VIEW config_summary;
CREATE VIEW config_summary AS
WITH done AS (
  SELECT sweep_id, config_index, best_value AS best, final_value AS final
    FROM trial_summary
   WHERE state = 'completed' AND best_value IS NOT NULL
), centre AS (
  SELECT sweep_id, config_index, COUNT(*) AS n, AVG(best) AS mean_best, AVG(final) AS mean_final
    FROM done GROUP BY sweep_id, config_index
), spread AS (
  SELECT d.sweep_id, d.config_index,
         CASE WHEN COUNT(*) > 1
              THEN sqrt(SUM((d.best - c.mean_best) * (d.best - c.mean_best)) / (COUNT(*) - 1)) END AS std_best,
         CASE WHEN COUNT(d.final) > 1
              THEN sqrt(SUM((d.final - c.mean_final) * (d.final - c.mean_final)) / (COUNT(d.final) - 1)) END AS std_final,
         MIN(d.best) AS min_best, MAX(d.best) AS max_best,
         MIN(d.final) AS min_final, MAX(d.final) AS max_final
    FROM done d JOIN centre c ON c.sweep_id = d.sweep_id AND c.config_index = d.config_index
   GROUP BY d.sweep_id, d.config_index
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
  COALESCE(c.n, 0) AS n,
  c.mean_best,
  sp.std_best,
  sp.min_best,
  sp.max_best,
  c.mean_final,
  sp.std_final,
  sp.min_final,
  sp.max_final,
  group_concat(t.seed, ',') AS seeds
FROM trials t
JOIN sweeps s ON s.id = t.sweep_id
LEFT JOIN centre c ON c.sweep_id = t.sweep_id AND c.config_index = t.config_index
LEFT JOIN spread sp ON sp.sweep_id = t.sweep_id AND sp.config_index = t.config_index
GROUP BY t.sweep_id, t.config_index;

-- The generalization gap per trial and epoch (latest attempt): val_loss - loss and
-- val_acc - acc, with the four values beside them. NULL where a side is missing or NaN.
CREATE VIEW generalization_gap AS
SELECT
  s.name AS sweep,
  t.sweep_id,
  t.id AS trial_id,
  t.trial_index,
  t.config_index,
  t.seed,
  t.state,
  json_extract(t.params_json, '$.embedding_dim') AS embedding_dim,
  json_extract(t.params_json, '$.dropout') AS dropout,
  json_extract(t.params_json, '$.l2') AS l2,
  v.step AS epoch,
  CASE WHEN v.is_nan = 0 THEN v.value END AS val_loss,
  CASE WHEN l.is_nan = 0 THEN l.value END AS loss,
  CASE WHEN v.is_nan = 0 AND l.is_nan = 0 THEN v.value - l.value END AS loss_gap,
  CASE WHEN va.is_nan = 0 THEN va.value END AS val_acc,
  CASE WHEN a.is_nan = 0 THEN a.value END AS acc,
  CASE WHEN va.is_nan = 0 AND a.is_nan = 0 THEN va.value - a.value END AS acc_gap,
  t.params_json AS params
FROM trials t
JOIN sweeps s ON s.id = t.sweep_id
JOIN metrics v ON v.sweep_id = t.sweep_id AND v.name = 'val_loss' AND v.trial_id = t.id AND v.attempt = t.attempt
LEFT JOIN metrics l ON l.sweep_id = t.sweep_id AND l.name = 'loss' AND l.trial_id = t.id
                   AND l.attempt = t.attempt AND l.step = v.step
LEFT JOIN metrics va ON va.sweep_id = t.sweep_id AND va.name = 'val_acc' AND va.trial_id = t.id
                    AND va.attempt = t.attempt AND va.step = v.step
LEFT JOIN metrics a ON a.sweep_id = t.sweep_id AND a.name = 'acc' AND a.trial_id = t.id
                   AND a.attempt = t.attempt AND a.step = v.step;

-- One row per trial that reported val_loss: the gap at its best epoch (by the sweep's metric)
-- and at its last epoch, and whether it overfitted: val_loss at the end more than 5% above its
-- minimum while the training loss kept falling after that minimum.
CREATE VIEW trial_fit AS
WITH ends AS (
  SELECT trial_id, MAX(epoch) AS last_epoch, MIN(val_loss) AS min_val_loss
    FROM generalization_gap
   WHERE val_loss IS NOT NULL
   GROUP BY trial_id
), lowest AS (
  SELECT e.trial_id, e.last_epoch, e.min_val_loss,
         (SELECT MIN(g.epoch) FROM generalization_gap g
           WHERE g.trial_id = e.trial_id AND g.val_loss = e.min_val_loss) AS min_val_loss_epoch
    FROM ends e
)
SELECT
  ts.sweep,
  ts.sweep_id,
  ts.trial_id,
  ts.trial_index,
  ts.config_index,
  ts.seed,
  ts.state,
  ts.embedding_dim,
  ts.dropout,
  ts.l2,
  ts.params,
  ts.best_epoch,
  best.loss_gap AS loss_gap_at_best,
  best.acc_gap AS acc_gap_at_best,
  fin.loss_gap AS loss_gap_at_end,
  fin.acc_gap AS acc_gap_at_end,
  lo.min_val_loss,
  lo.min_val_loss_epoch,
  fin.val_loss AS final_val_loss,
  CASE
    WHEN fin.val_loss IS NULL OR at_min.loss IS NULL OR fin.loss IS NULL THEN NULL
    WHEN fin.val_loss - lo.min_val_loss > 0.05 * ABS(lo.min_val_loss) AND fin.loss < at_min.loss THEN 1
    ELSE 0
  END AS overfitting
FROM trial_summary ts
JOIN lowest lo ON lo.trial_id = ts.trial_id
LEFT JOIN generalization_gap best ON best.trial_id = ts.trial_id AND best.epoch = ts.best_epoch
LEFT JOIN generalization_gap fin ON fin.trial_id = ts.trial_id AND fin.epoch = lo.last_epoch
LEFT JOIN generalization_gap at_min ON at_min.trial_id = ts.trial_id AND at_min.epoch = lo.min_val_loss_epoch;

-- Why a sweep ended as it did (stopped by the user, data that cannot be used, too many failed
-- trials, metric.target reached), so that the record says it, not only the run's output.
ALTER TABLE sweeps ADD COLUMN status_reason TEXT;

-- The process that claimed a trial (the scheduler), apart from the worker process that trains
-- it: a resumed sweep reclaims a running trial only when its scheduler is gone.
ALTER TABLE trials ADD COLUMN scheduler_pid INTEGER;

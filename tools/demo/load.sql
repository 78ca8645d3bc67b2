-- Minimal demo data, until the calibrated generator (issue 4) lands:
-- the six national batches as published (DOMAIN.md §4, per-batch figures).
CREATE SCHEMA demo;
COMMENT ON SCHEMA demo IS 'Demo data for the README main command (演示数据)';
CREATE TABLE demo.batch (
  batch      int PRIMARY KEY,
  drugs      int NOT NULL,
  avg_cut    numeric NOT NULL,   -- published average price cut of the batch
  essential  int NOT NULL        -- essential medicines among its drugs
);
-- drugs and cuts: published per batch; the essential-medicine split per batch
-- is not published, only the total 115 of 234 (seed 1), spread here pro rata.
INSERT INTO demo.batch VALUES
  (1, 25, 0.52, 12), (2, 32, 0.53, 16), (3, 55, 0.53, 27),
  (4, 45, 0.52, 22), (5, 61, 0.56, 30), (6, 16, 0.48, 8);

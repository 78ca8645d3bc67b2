-- Demo data: the calibrated, deterministic generator at a small scale
-- (about 100,000 purchases); see doc/demo.md.
SELECT table_name, row_count FROM vbp.generate_demo(scale => 1, seed => 42);

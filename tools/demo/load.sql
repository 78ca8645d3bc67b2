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

-- A few purchases typed with vbp's identifiers and exact money, until the
-- reference model and generator land: two generic groups, institutions in
-- three provinces, suppliers by unified social credit code.
CREATE TABLE demo.purchase (
  id        int PRIMARY KEY,
  buyer     vbp.orgcode NOT NULL,
  product   vbp.drugcode NOT NULL,
  supplier  vbp.uscc NOT NULL,
  quantity  int NOT NULL CHECK (quantity > 0),
  amount    vbp.cny NOT NULL
);
INSERT INTO demo.purchase
SELECT g,
       (ARRAY['H44010300351', 'H44030500012', 'H11010500001', 'P11010800003', 'H51010700020'])[1 + g % 5]::vbp.orgcode,
       (ARRAY['XA01ABD075A002010100483', 'XA01ABD075A002020100777', 'XC10AAA126A001010102345'])[1 + g % 3]::vbp.drugcode,
       (ARRAY['91350100M000100Y43', '91110108551385082Q', '91440300708461136T'])[1 + g % 3]::vbp.uscc,
       10 + g % 90,
       ((10 + g % 90) * (ARRAY[1.25, 0.98, 3.40])[1 + g % 3])::vbp.cny
FROM generate_series(1, 3000) g;

\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Deterministic, calibrated demo / benchmark generator (doc/domain.md §8)
-- =====================================================================

CREATE FUNCTION vbp.demo_uniform(seed bigint, stream int, key1 bigint, key2 bigint DEFAULT 0)
  RETURNS double precision
  AS 'MODULE_PATHNAME', 'pgvbp_demo_uniform'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.demo_uniform(bigint, int, bigint, bigint) IS
  'Deterministic uniform draw in [0, 1) for the demo generator (演示数据随机数): a pure function of (seed, stream, key1, key2), SplitMix64';

CREATE TABLE vbp.demo_run (
  run_id        int PRIMARY KEY CHECK (run_id = 1),
  scale         int NOT NULL,
  seed          bigint NOT NULL,
  as_of         date NOT NULL,
  generated_at  timestamptz NOT NULL,
  row_counts    jsonb NOT NULL
);
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.demo_run ENABLE ROW LEVEL SECURITY;
COMMENT ON TABLE vbp.demo_run IS 'The last demo generation (演示数据): scale, seed, the as-of date reports should use, row counts';
COMMENT ON COLUMN vbp.demo_run.run_id IS 'Always 1: one demo data set at a time';
COMMENT ON COLUMN vbp.demo_run.scale IS 'Scale: 1 is about 100,000 purchase rows, 100 about 10 million';
COMMENT ON COLUMN vbp.demo_run.seed IS 'Seed: the same scale and seed give the same data';
COMMENT ON COLUMN vbp.demo_run.as_of IS 'Reporting date of the demo; no purchase or payment is later';
COMMENT ON COLUMN vbp.demo_run.generated_at IS 'When it was generated';
COMMENT ON COLUMN vbp.demo_run.row_counts IS 'Rows generated per table';

CREATE TABLE vbp.demo_injection (
  kind        text NOT NULL,
  key         text NOT NULL,
  batch_id    int,
  org_code    vbp.orgcode,
  group_code  vbp.drugcode,
  version_id  int,
  division    text,
  trace_code  vbp.tracecode,
  detail      text,
  PRIMARY KEY (kind, key)
);
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.demo_injection ENABLE ROW LEVEL SECURITY;
CREATE INDEX demo_injection_org ON vbp.demo_injection (org_code);
COMMENT ON TABLE vbp.demo_injection IS
  'Defects the demo generator injected on purpose (注入的异常), so tests can check that each report finds exactly these';
COMMENT ON COLUMN vbp.demo_injection.kind IS
  'not_reported, under_reported, anomalous_report (also every under_reported row), missing_sign_off, lagging, severely_lagging, not_preferring_selected, late_payer, city_without_dual_channel_pharmacy, nrdl_unstocked_in_province, late_committee, duplicate_trace_code, channel_reimbursement_mismatch, province_without_dual_channel_list, nrdl_not_listed, uncertified_dispensing, stockout (an order line of a winner not delivered), supply_substitution (backup purchases counted as selected under a verified supply failure)';
COMMENT ON COLUMN vbp.demo_injection.key IS 'Canonical text of the affected entity';
COMMENT ON COLUMN vbp.demo_injection.batch_id IS 'Batch, where the defect is per batch';
COMMENT ON COLUMN vbp.demo_injection.org_code IS 'Institution, where the defect is per institution';
COMMENT ON COLUMN vbp.demo_injection.group_code IS 'Generic group, where the defect is per group';
COMMENT ON COLUMN vbp.demo_injection.version_id IS 'Negotiated-drug list version, where relevant';
COMMENT ON COLUMN vbp.demo_injection.division IS 'Province or city code, where the defect is regional';
COMMENT ON COLUMN vbp.demo_injection.trace_code IS 'Traceability code sold twice';
COMMENT ON COLUMN vbp.demo_injection.detail IS 'What was injected, e.g. the factor applied';
SELECT pg_catalog.pg_extension_config_dump('vbp.demo_run', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.demo_injection', '');

CREATE FUNCTION vbp.generate_demo(scale int DEFAULT 1, seed bigint DEFAULT 42, replace boolean DEFAULT false)
  RETURNS TABLE (table_name text, row_count bigint)
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp SET maintenance_work_mem = '256MB' SET enable_memoize = off AS $fn$
DECLARE
  s constant numeric := scale;
  as_of constant date := date '2023-06-30';
  use_factor constant numeric := least(1, scale / 10.0) * 0.45;
  counts jsonb;
  n_org bigint;
  n_essential int;
  n_dp bigint;
  yr int;
  t0 timestamptz := clock_timestamp();
BEGIN
  IF scale IS NULL OR scale < 1 OR scale > 10000 THEN
    RAISE EXCEPTION 'scale must be between 1 and 10000, not %', scale
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Scale 1 makes about 100,000 purchase rows, scale 100 about 10 million.';
  END IF;
  IF seed IS NULL THEN
    RAISE EXCEPTION 'seed must not be NULL' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM vbp.batch) OR EXISTS (SELECT 1 FROM vbp.institution) THEN
    IF NOT replace THEN
      RAISE EXCEPTION 'vbp already holds data'
        USING ERRCODE = 'object_not_in_prerequisite_state',
              DETAIL = 'The demo generator fills empty tables only.',
              HINT = 'Call vbp.generate_demo(scale, seed, replace => true) to delete all vbp data first.';
    END IF;
    -- every table of the extension that holds user data (registered for pg_dump with
    -- all rows), and the two partitioned tables with any monthly partitions
    EXECUTE (SELECT 'TRUNCATE vbp.purchase, vbp.dispensing, ' || string_agg(c.oid::regclass::text, ', ')
             FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(rel, cond)
             JOIN pg_class c ON c.oid = x.rel
             WHERE e.extname = 'vbp' AND x.cond = '' AND c.relkind = 'r');
  END IF;

  RAISE DEBUG 'generate_demo: foreign keys of the two big tables are checked o (after %)', clock_timestamp() - t0;
  -- identifiers restart, so the same seed gives the same rows
  PERFORM setval('vbp.purchase_id_seq', 1, false), setval('vbp.dispensing_id_seq', 1, false);

  -- foreign keys of the two big tables are checked once after the load
  -- and the default partitions' keys and indexes are built once after it (as in the install script;
  -- monthly partitions a user made keep theirs)
  ALTER TABLE vbp.purchase DROP CONSTRAINT purchase_org_code_fkey, DROP CONSTRAINT purchase_product_code_fkey;
  ALTER TABLE vbp.dispensing DROP CONSTRAINT dispensing_org_code_fkey, DROP CONSTRAINT dispensing_product_code_fkey;
  ALTER TABLE vbp.purchase_default DROP CONSTRAINT purchase_default_pkey;
  ALTER TABLE vbp.dispensing_default DROP CONSTRAINT dispensing_default_pkey;
  DROP INDEX vbp.purchase_default_org_product, vbp.purchase_default_product,
             vbp.dispensing_default_trace, vbp.dispensing_default_org_product, vbp.dispensing_default_patient;

  RAISE DEBUG 'generate_demo: batches 1-6 as published (doc/domain.md §4); cycle s (after %)', clock_timestamp() - t0;
  -- batches 1-6 from the shipped published figures (doc/domain.md §4); cycle starts are the demo's
  INSERT INTO vbp.batch (batch_id, name, kind, announced_on, cycle_start, ratio_rule_set, published_drugs, published_avg_cut)
  SELECT p.batch_id, p.name, 'national', p.announced_on, c.cycle_start, 'batch7', p.drugs, p.avg_cut
  FROM vbp.published_batch p
  JOIN (VALUES (1, date '2019-04-01'), (2, date '2020-04-01'), (3, date '2020-11-01'),
               (4, date '2021-05-01'), (5, date '2021-10-01'), (6, date '2022-05-01')) c(batch_id, cycle_start) USING (batch_id)
  WHERE p.shipped;
  IF (SELECT sum(published_drugs) FROM vbp.batch) IS DISTINCT FROM
     vbp.param('national', 'vbp_varieties_mid_2022') THEN
    RAISE EXCEPTION 'published batch figures do not add up to the seed''s national VBP varieties'
      USING ERRCODE = 'data_exception';
  END IF;

  RAISE DEBUG 'generate_demo: generic groups: 234 under VBP, 60 candidates not (after %)', clock_timestamp() - t0;
  n_essential := vbp.param('national', 'vbp_essential_varieties_mid_2022');

  -- generic groups: 234 under VBP, 60 candidates not yet under VBP, 100 negotiated drugs
  CREATE TEMP TABLE demo_g ON COMMIT DROP AS
  SELECT d AS g_no,
         CASE WHEN d <= 234 THEN 'vbp' WHEN d <= 294 THEN 'candidate' ELSE 'nrdl' END AS kind,
         CASE WHEN d <= 25 THEN 1 WHEN d <= 57 THEN 2 WHEN d <= 112 THEN 3 WHEN d <= 157 THEN 4
              WHEN d <= 218 THEN 5 WHEN d <= 234 THEN 6 END AS batch_id,
         ('X' || CASE WHEN d BETWEEN 219 AND 234 THEN 'A10A' || chr(65 + d % 5)
                      ELSE substr('ABCDGHJLMNR', 1 + d % 11, 1) || lpad((1 + (d * 7) % 20)::text, 2, '0')
                           || chr(65 + (d * 11) % 26) || chr(65 + (d * 5) % 26) END
              || CASE WHEN d <= 234 THEN 'D' WHEN d <= 294 THEN 'C' ELSE 'N' END || lpad(d::text, 3, '0')
              || CASE WHEN d BETWEEN 219 AND 234 THEN 'B001' ELSE 'A' || lpad((1 + d % 9)::text, 3, '0') END
         )::vbp.drugcode AS group_code,
         exp(ln(0.3) + vbp.demo_uniform(seed, 9, d) * ln(100))::numeric AS p_ref,
         exp(ln(0.2) + vbp.demo_uniform(seed, 32, d) * ln(10))::numeric AS popularity
  FROM generate_series(1, 394) d;
  ALTER TABLE demo_g ADD COLUMN essential boolean, ADD COLUMN anti_infective boolean,
    ADD COLUMN drug_cut numeric, ADD COLUMN winners int, ADD COLUMN products int;
  UPDATE demo_g g SET
    essential = (g.kind = 'vbp' AND r.rank_ess <= n_essential),
    anti_infective = (g.kind = 'vbp' AND g.batch_id <> 6 AND vbp.demo_uniform(seed, 2, g.g_no) < 0.1),
    winners = CASE WHEN g.kind <> 'vbp' THEN NULL
                   ELSE (SELECT count(*) FROM unnest(ARRAY[0.15, 0.40, 0.65, 0.85]) t WHERE vbp.demo_uniform(seed, 4, g.g_no) >= t) + 1 END
  FROM (SELECT g_no, rank() OVER (ORDER BY kind <> 'vbp', vbp.demo_uniform(seed, 1, g_no), g_no) AS rank_ess FROM demo_g) r
  WHERE r.g_no = g.g_no;
  RAISE DEBUG 'generate_demo: a drug''s target cut: the batch''s published avera (after %)', clock_timestamp() - t0;
  -- a drug's target cut: the batch's published average plus noise with zero mean in the batch
  UPDATE demo_g g SET drug_cut = b.published_avg_cut + 0.15 * (x.u - x.mean_u)::numeric
  FROM (SELECT g_no, vbp.demo_uniform(seed, 3, g_no) AS u,
               avg(vbp.demo_uniform(seed, 3, g_no)) OVER (PARTITION BY batch_id) AS mean_u
        FROM demo_g WHERE kind = 'vbp') x, vbp.batch b
  WHERE x.g_no = g.g_no AND b.batch_id = g.batch_id;
  UPDATE demo_g SET products = CASE kind
      WHEN 'vbp' THEN winners + 1 + (vbp.demo_uniform(seed, 5, g_no) < 0.5)::int
      WHEN 'candidate' THEN 1 + floor(vbp.demo_uniform(seed, 7, g_no) * 6)::int
      ELSE 1 END;

  ANALYZE demo_g;
  INSERT INTO vbp.generic_group (group_code, generic_name, dosage_form, essential, anti_infective)
  SELECT group_code,
         CASE kind WHEN 'vbp' THEN '集采演示药品' WHEN 'candidate' THEN '候选演示药品' ELSE '谈判演示药品' END || lpad(g_no::text, 3, '0'),
         CASE WHEN batch_id = 6 THEN '注射剂' ELSE (ARRAY['片剂', '胶囊剂', '注射剂', '颗粒剂', '缓释片', '分散片', '口服溶液剂', '滴眼剂', '软膏剂'])[1 + g_no % 9] END,
         essential, anti_infective
  FROM demo_g;

  RAISE DEBUG 'generate_demo: products: winners first (k < winners), then non- (after %)', clock_timestamp() - t0;
  -- products: winners first (k < winners), then non-selected (the first of them the originator)
  CREATE TEMP TABLE demo_p ON COMMIT DROP AS
  SELECT g.g_no, k, (g.g_no * 13 + k * 37) % 400 AS company_no,
         (g.group_code::text || '0101' || lpad((((g.g_no * 13 + k * 37) % 400 + 1) * 11)::text, 5, '0'))::vbp.drugcode AS product_code,
         g.kind = 'vbp' AND k < g.winners AS selected
  FROM demo_g g, generate_series(0, g.products - 1) k;
  INSERT INTO vbp.product (product_code, group_code, company, company_name, consistency_evaluated, originator, units_per_pack)
  SELECT p.product_code, g.group_code,
         ('91' || (ARRAY['11','12','13','14','15','21','22','23','31','32','33','34','35','36','37','41','42','43',
                         '44','45','46','50','51','52','53','54','61','62','63','64','65'])[1 + p.company_no % 31]
          || '0100MA' || lpad(p.company_no::text, 7, '0') || '?')::vbp.uscc,
         '示例药业' || lpad(p.company_no::text, 3, '0') || '有限公司',
         CASE g.kind WHEN 'vbp' THEN p.selected OR (p.k > g.winners AND vbp.demo_uniform(seed, 6, p.g_no, p.k) < 0.5)
                     WHEN 'candidate' THEN vbp.demo_uniform(seed, 8, p.g_no, p.k) < 0.6
                     ELSE false END,
         (g.kind = 'vbp' AND p.k = g.winners) OR g.kind = 'nrdl',
         CASE WHEN g.batch_id = 6 THEN 1 ELSE (ARRAY[7, 10, 12, 14, 24, 28, 30, 36, 48, 60])[1 + g.g_no % 10] END
  FROM demo_p p JOIN demo_g g USING (g_no);

  RAISE DEBUG 'generate_demo: selections: each winner''s cut is the drug''s cut  (after %)', clock_timestamp() - t0;
  -- selections: each winner's cut is the drug's cut plus noise with zero mean over the winners
  INSERT INTO vbp.selection (batch_id, product_code, selected, reference_price, ceiling_price, selected_price, winners, pre_volume)
  SELECT g.batch_id, p.product_code, p.selected, round(g.p_ref, 6), round(g.p_ref * 0.95, 6),
         CASE WHEN p.selected THEN round(g.p_ref * (1 - (g.drug_cut + 0.06 * (vbp.demo_uniform(seed, 10, p.g_no, p.k)::numeric
              - avg(vbp.demo_uniform(seed, 10, p.g_no, p.k)::numeric) FILTER (WHERE p.selected) OVER (PARTITION BY p.g_no)))), 6) END,
         g.winners, 1000 + floor(vbp.demo_uniform(seed, 11, p.g_no, p.k) * 100000)::bigint
  FROM demo_p p JOIN demo_g g USING (g_no)
  WHERE g.kind = 'vbp';

  RAISE DEBUG 'generate_demo: institutions: about scale/10 hospitals per prefe (after %)', clock_timestamp() - t0;
  -- institutions: about scale/8 hospitals per prefecture city (at least one), the first tertiary
  CREATE TEMP TABLE demo_city ON COMMIT DROP AS
  SELECT c.code, c.parent AS province, c.name, row_number() OVER (ORDER BY c.code) AS city_no,
         (SELECT array_agg(x.code ORDER BY x.code) FROM vbp.division x WHERE x.parent = c.code) AS counties
  FROM vbp.division c WHERE c.level = 'city';
  CREATE TEMP TABLE demo_i ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY c.city_no, kind, j) AS i_no, c.city_no, c.code AS city, c.province, j, kind,
         CASE WHEN kind = 'P' THEN 'pharmacy' WHEN j = 1 THEN 'tertiary'
              WHEN vbp.demo_uniform(seed, 21, c.city_no, j) < 0.2 THEN 'tertiary'
              WHEN vbp.demo_uniform(seed, 21, c.city_no, j) < 0.6 THEN 'secondary' ELSE 'primary' END AS level,
         coalesce(c.counties[1 + floor(vbp.demo_uniform(seed, 22, c.city_no, j + CASE kind WHEN 'P' THEN 100000 ELSE 0 END)
                                       * coalesce(array_length(c.counties, 1), 0))::int], c.code || '00') AS county,
         c.name AS city_name
  FROM demo_city c
  CROSS JOIN LATERAL (
    SELECT 'H' AS kind, j FROM generate_series(1, greatest(1, round(s / 8.0 * (0.5 + vbp.demo_uniform(seed, 20, c.city_no)))::int)) j
    UNION ALL
    SELECT 'P', j FROM generate_series(1, 1 + floor(vbp.demo_uniform(seed, 23, c.city_no) * (1 + s / 20.0))::int) j) x;
  INSERT INTO vbp.institution (org_code, name, level, division, dual_channel, public)
  SELECT (i.kind || i.county || lpad(i.j::text, 5, '0'))::vbp.orgcode,
         i.city_name || CASE WHEN i.kind = 'P' THEN '演示药店' ELSE '演示医院' END || i.j,
         i.level,
         CASE WHEN EXISTS (SELECT 1 FROM vbp.division d WHERE d.code = i.county) THEN i.county ELSE i.city END,
         i.kind = 'P' AND vbp.demo_uniform(seed, 24, i.city_no) >= 0.03
           AND (i.j = 1 OR vbp.demo_uniform(seed, 25, i.city_no, i.j) < 0.3),
         i.kind = 'H'
  FROM demo_i i;
  ALTER TABLE demo_i ADD COLUMN org_code vbp.orgcode;
  UPDATE demo_i SET org_code = (kind || county || lpad(j::text, 5, '0'))::vbp.orgcode;
  -- a city without: a prefecture-level unit, or a whole municipality, none of whose
  -- four-digit rows drew a dual-channel pharmacy (county-level units a province
  -- administers directly are not cities)
  INSERT INTO vbp.demo_injection (kind, key, division, detail)
  SELECT 'city_without_dual_channel_pharmacy', u.unit, u.unit, 'no pharmacy of the city is dual-channel'
  FROM (SELECT CASE WHEN p.municipality THEN c.province ELSE c.code END AS unit,
               bool_and(vbp.demo_uniform(seed, 24, c.city_no) < 0.03) AS without
        FROM demo_city c JOIN vbp.division p ON p.code = c.province JOIN vbp.division d ON d.code = c.code
        WHERE d.prefecture_level OR p.municipality
        GROUP BY 1) u
  WHERE u.without;

  RAISE DEBUG 'generate_demo: volume reports: hospitals x VBP groups they use; (after %)', clock_timestamp() - t0;
  -- volume reports: hospitals x VBP groups they use; normal reports lie evenly within +-10%
  -- (log scale) of baseline in each (group, level) cell; at most one defect per 10 reports, in cells of 5 or more
  CREATE TEMP TABLE demo_r ON COMMIT DROP AS
  SELECT i.i_no, g.g_no, g.batch_id, i.org_code, g.group_code, i.level,
         greatest(100, round(CASE i.level WHEN 'tertiary' THEN 60000 WHEN 'secondary' THEN 25000 ELSE 8000 END
                             * g.popularity * (0.6 + 0.8 * vbp.demo_uniform(seed, 31, i.i_no, g.g_no))))::bigint AS baseline,
         vbp.demo_uniform(seed, 34, i.i_no, g.g_no) AS u_kind
  FROM demo_i i JOIN demo_g g ON g.kind = 'vbp'
  WHERE i.kind = 'H'
    AND vbp.demo_uniform(seed, 30, i.i_no, g.g_no)
        < CASE i.level WHEN 'tertiary' THEN 0.9 WHEN 'secondary' THEN 0.7 ELSE 0.5 END * use_factor;
  ANALYZE demo_r;
  ALTER TABLE demo_r ADD COLUMN defect text;
  UPDATE demo_r r SET defect = CASE WHEN x.u_kind < 0.02 THEN 'not_reported' WHEN x.u_kind < 0.05 THEN 'under_reported'
                                    WHEN x.u_kind < 0.07 THEN 'anomalous_report' END
  FROM (SELECT i_no, g_no, u_kind, count(*) OVER w AS n,
               row_number() OVER (PARTITION BY g_no, level ORDER BY vbp.demo_uniform(seed, 33, i_no, g_no), i_no) AS rnk
        FROM demo_r WINDOW w AS (PARTITION BY g_no, level)) x
  WHERE x.i_no = r.i_no AND x.g_no = r.g_no AND x.n >= 5 AND x.rnk <= greatest(1, x.n / 10) AND x.u_kind < 0.07;
  INSERT INTO vbp.volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on)
  SELECT r.batch_id, r.org_code, r.group_code, r.baseline, rep.v,
         rep.v IS NULL OR vbp.demo_uniform(seed, 37, r.i_no, r.g_no) >= 0.02,
         CASE WHEN rep.v IS NOT NULL THEN b.announced_on - 60 + floor(vbp.demo_uniform(seed, 38, r.i_no, r.g_no) * 20)::int END
  FROM (SELECT *, row_number() OVER (PARTITION BY g_no, level, defect IS NULL ORDER BY vbp.demo_uniform(seed, 35, i_no, g_no), i_no) AS q,
               count(*) OVER (PARTITION BY g_no, level, defect IS NULL) AS m
        FROM demo_r) r
  JOIN vbp.batch b ON b.batch_id = r.batch_id
  CROSS JOIN LATERAL (SELECT CASE r.defect
      WHEN 'not_reported' THEN NULL
      WHEN 'under_reported' THEN round(r.baseline * (0.3 + 0.3 * vbp.demo_uniform(seed, 36, r.i_no, r.g_no)))::bigint
      WHEN 'anomalous_report' THEN round(r.baseline * (3 + 3 * vbp.demo_uniform(seed, 36, r.i_no, r.g_no)))::bigint
      ELSE round(r.baseline * exp(0.1 * (2 * (r.q - 0.5) / r.m - 1)))::bigint END AS v) rep;
  INSERT INTO vbp.demo_injection (kind, key, batch_id, org_code, group_code, detail)
  SELECT k.kind, r.batch_id || ' ' || r.org_code::text || ' ' || r.group_code::text, r.batch_id, r.org_code, r.group_code,
         CASE k.kind WHEN 'under_reported' THEN 'reported 30-60% of baseline'
                     WHEN 'anomalous_report' THEN CASE r.defect WHEN 'under_reported' THEN 'reported 30-60% of baseline (|robust z| > 3.5)'
                                                                ELSE 'reported 3-6 times baseline' END
                     ELSE 'baseline use but no report' END
  FROM demo_r r
  CROSS JOIN LATERAL (SELECT r.defect AS kind UNION ALL SELECT 'anomalous_report' WHERE r.defect = 'under_reported') k
  WHERE r.defect IS NOT NULL;
  INSERT INTO vbp.demo_injection (kind, key, batch_id, org_code, group_code, detail)
  SELECT 'missing_sign_off', v.batch_id || ' ' || v.org_code::text || ' ' || v.group_code::text, v.batch_id, v.org_code, v.group_code,
         'report without leadership sign-off'
  FROM vbp.volume_report v WHERE v.reported_volume IS NOT NULL AND NOT v.signed_off;

  RAISE DEBUG 'generate_demo: agreements and purchases, year by year (after %)', clock_timestamp() - t0;
  CREATE TEMP TABLE demo_sel ON COMMIT DROP AS
  SELECT p.g_no, p.k, p.product_code, s.selected_price, s.reference_price
  FROM demo_p p JOIN vbp.selection s USING (product_code);
  ANALYZE demo_sel;
  ANALYZE demo_i;
  CREATE TEMP TABLE demo_late ON COMMIT DROP AS
  SELECT i_no FROM demo_i WHERE kind = 'H' AND vbp.demo_uniform(seed, 48, i_no) < 0.05;
  INSERT INTO vbp.demo_injection (kind, key, org_code, detail)
  SELECT 'late_payer', i.org_code::text, i.org_code, 'about 60% of payments 31-75 days after acceptance'
  FROM demo_late l JOIN demo_i i USING (i_no);
  CREATE TEMP TABLE demo_a (
    a_no bigint, batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int, agreed_volume bigint,
    cycle_start date, cycle_end date, cycle_years int, i_no bigint, g_no bigint, defect text, f numeric, nonsel numeric)
    ON COMMIT DROP;

  -- Each year of a cycle (协议年度) that has started by as_of: year 1 from the volume
  -- reports, year k from the group's use in year k - 1 (reported volume = that use,
  -- annual_volume_basis previous_use); agreed = round(ratio x reported) by winners
  -- and category, non-reporters from baseline.  Purchases: each agreement year buys
  -- f x agreed in monthly orders, cumulative quantities exact to one unit; in year 1
  -- batches 1-5 f ~ 1.8-2.6 (about 2x the annual agreed volume, as the seed says),
  -- batch 6 and every later year 1.1-1.5.  Defects in agreement years running on
  -- as_of: lagging f 0.85-0.93, severely lagging f 0.30-0.60.
  FOR yr IN 1..3 LOOP
    IF yr > 1 THEN
      INSERT INTO vbp.volume_report (batch_id, org_code, group_code, cycle_year, baseline_volume, reported_volume, signed_off, reported_on)
      SELECT a.batch_id, a.org_code, a.group_code, yr, coalesce(u.q, 0), coalesce(u.q, 0), true, a.cycle_end + 1
      FROM demo_a a
      LEFT JOIN (SELECT a2.a_no, sum(pu.quantity)::bigint AS q
                 FROM vbp.purchase pu
                 JOIN demo_sel ds ON ds.product_code = pu.product_code
                 JOIN demo_a a2 ON a2.org_code = pu.org_code AND a2.g_no = ds.g_no AND a2.cycle_year = yr - 1
                               AND pu.purchased_on BETWEEN a2.cycle_start AND a2.cycle_end
                 GROUP BY a2.a_no) u USING (a_no)
      WHERE a.cycle_year = yr - 1 AND a.cycle_years >= yr AND a.cycle_end < as_of;
    END IF;
    INSERT INTO demo_a (a_no, batch_id, org_code, group_code, cycle_year, agreed_volume, cycle_start, cycle_end, cycle_years, i_no, g_no)
    SELECT (SELECT coalesce(max(a_no), 0) FROM demo_a) + row_number() OVER (ORDER BY v.batch_id, v.org_code, v.group_code),
           v.batch_id, v.org_code, v.group_code, yr,
           round(ru.ratio * coalesce(v.reported_volume, v.baseline_volume))::bigint,
           (b.cycle_start + make_interval(years => yr - 1))::date,
           (b.cycle_start + make_interval(years => yr) - interval '1 day')::date,
           ru.cycle_years, r.i_no, r.g_no
    FROM vbp.volume_report v
    JOIN vbp.batch b ON b.batch_id = v.batch_id
    JOIN demo_g g ON g.group_code = v.group_code
    JOIN demo_r r ON r.org_code = v.org_code AND r.group_code = v.group_code
    JOIN vbp.agreed_ratio_rule ru ON ru.rule_set = b.ratio_rule_set
     AND ru.category = CASE WHEN g.anti_infective THEN 'anti_infective' ELSE 'standard' END
     AND g.winners >= ru.winners_min AND (ru.winners_max IS NULL OR g.winners <= ru.winners_max)
    WHERE v.cycle_year = yr AND (b.cycle_start + make_interval(years => yr - 1))::date <= as_of;
    INSERT INTO vbp.agreement (batch_id, org_code, group_code, cycle_year, agreed_volume, cycle_start, cycle_end)
    SELECT batch_id, org_code, group_code, cycle_year, agreed_volume, cycle_start, cycle_end FROM demo_a WHERE cycle_year = yr;
    UPDATE demo_a SET
      defect = CASE WHEN as_of BETWEEN cycle_start + 60 AND cycle_end AND agreed_volume >= 100 THEN
                      CASE WHEN vbp.demo_uniform(seed, 41, a_no) < 0.03 THEN 'lagging'
                           WHEN vbp.demo_uniform(seed, 41, a_no) < 0.06 THEN 'severely_lagging' END END,
      nonsel = CASE WHEN vbp.demo_uniform(seed, 45, a_no) < 0.03 THEN 0.45 + 0.15 * vbp.demo_uniform(seed, 44, a_no)::numeric
                    ELSE 0.03 + 0.09 * vbp.demo_uniform(seed, 44, a_no)::numeric END
    WHERE cycle_year = yr;
    UPDATE demo_a SET f = CASE defect WHEN 'lagging' THEN 0.85 + 0.08 * vbp.demo_uniform(seed, 42, a_no)
                                      WHEN 'severely_lagging' THEN 0.30 + 0.30 * vbp.demo_uniform(seed, 42, a_no)
                                      ELSE CASE WHEN batch_id = 6 OR cycle_year > 1 THEN 1.1 + 0.4 * vbp.demo_uniform(seed, 40, a_no)
                                                ELSE 1.8 + 0.8 * vbp.demo_uniform(seed, 40, a_no) END END
    WHERE cycle_year = yr;
    ANALYZE demo_a;
    INSERT INTO vbp.demo_injection (kind, key, batch_id, org_code, group_code, detail)
    SELECT defect, batch_id || ' ' || org_code::text || ' ' || group_code::text || ' y' || cycle_year, batch_id, org_code, group_code,
           format('buys %s of the agreed volume of year %s, as of %s', round(f, 2), cycle_year, as_of)
    FROM demo_a WHERE defect IS NOT NULL AND cycle_year = yr
    UNION ALL
    SELECT 'not_preferring_selected', batch_id || ' ' || org_code::text || ' ' || group_code::text || ' y' || cycle_year,
           batch_id, org_code, group_code,
           format('non-selected products %s of the group''s purchases in year %s', round(nonsel, 2), cycle_year)
    FROM demo_a WHERE nonsel >= 0.45 AND cycle_year = yr;

    CREATE TEMP TABLE demo_pm ON COMMIT DROP AS
    SELECT a.a_no, a.i_no, a.g_no, a.org_code, m,
           (a.cycle_start + make_interval(months => m))::date AS month_start,
           (floor(a.agreed_volume * a.f * (m + 1) / 12) - floor(a.agreed_volume * a.f * m / 12))::bigint AS q_sel,
           a.nonsel, g.winners
    FROM demo_a a JOIN demo_g g USING (g_no), generate_series(0, 11) m
    WHERE a.cycle_year = yr AND a.cycle_start + make_interval(months => m) <= as_of;
    ANALYZE demo_pm;

    INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on, order_no)
    SELECT x.org_code, sel.product_code, x.d, x.q, (x.q * coalesce(sel.selected_price, sel.reference_price * 0.97))::vbp.cny,
           CASE WHEN x.acc <= as_of THEN x.acc END,
           CASE WHEN x.paid <= as_of THEN x.paid END,
           format('Y%s-A%s-M%s-K%s', yr, x.a_no, x.m, x.k)
    FROM (
      SELECT pm.org_code, pm.g_no, pm.a_no, pm.m, t.k, t.q, t.d,
             t.d + t.acc_days AS acc,
             t.d + t.acc_days
               + CASE WHEN l.i_no IS NOT NULL AND vbp.demo_uniform(seed, 50, pm.a_no, pm.m) < 0.6
                      THEN 31 + floor(vbp.demo_uniform(seed, 49, pm.a_no, pm.m) * 45)::int
                      ELSE 5 + floor(vbp.demo_uniform(seed, 49, pm.a_no, pm.m) * 24)::int END AS paid
      FROM demo_pm pm
      LEFT JOIN demo_late l ON l.i_no = pm.i_no
      CROSS JOIN LATERAL (
        SELECT floor(vbp.demo_uniform(seed, 43, pm.a_no, pm.m) * pm.winners)::int AS k, pm.q_sel AS q,
               pm.month_start + floor(vbp.demo_uniform(seed, 46, pm.a_no, pm.m) * 25)::int AS d,
               floor(vbp.demo_uniform(seed, 47, pm.a_no, pm.m * 2) * 5)::int AS acc_days
        UNION ALL
        SELECT pm.winners, round(pm.q_sel * pm.nonsel / (1 - pm.nonsel))::bigint,
               pm.month_start + floor(vbp.demo_uniform(seed, 51, pm.a_no, pm.m) * 25)::int,
               floor(vbp.demo_uniform(seed, 47, pm.a_no, pm.m * 2 + 1) * 5)::int
        WHERE pm.nonsel >= 0.45 OR vbp.demo_uniform(seed, 52, pm.a_no, pm.m) < 0.5) t
      WHERE t.q > 0) x
    JOIN demo_sel sel ON sel.g_no = x.g_no AND sel.k = x.k
    WHERE x.d <= as_of;
    DROP TABLE demo_pm;
  END LOOP;

  -- supply (供应保障): every winner's order line is confirmed the day it is placed and
  -- delivered in full by its acceptance day, at most delivery_days (2) after the order.  In
  -- 3 cells (a selected product, a province, a month of an agreement year that has ended)
  -- the winner delivers nothing: each institution cancels its line after 10 days, a
  -- stock-out each (stockout_days 7).  2 of the 3 failures are verified 15 days after the
  -- month, with the group's first non-selected product as backup: its purchases there and
  -- then count as selected.
  CREATE TEMP TABLE demo_fail ON COMMIT DROP AS
  SELECT c.product_code, c.province, c.month, c.g_no, c.batch_id, row_number() OVER (ORDER BY c.pick) AS n
  FROM (SELECT pu.product_code, vbp.province(pu.org_code) AS province, date_trunc('month', pu.purchased_on)::date AS month,
               ds.g_no, g.batch_id, md5(seed::text || pu.product_code::text || vbp.province(pu.org_code) || pu.purchased_on::text) AS pick,
               row_number() OVER (PARTITION BY pu.product_code ORDER BY md5(seed::text || vbp.province(pu.org_code) || pu.purchased_on::text)) AS per_product
        FROM vbp.purchase pu
        JOIN demo_sel ds ON ds.product_code = pu.product_code
        JOIN demo_g g ON g.g_no = ds.g_no
        JOIN demo_a a ON a.org_code = pu.org_code AND a.g_no = ds.g_no AND pu.purchased_on BETWEEN a.cycle_start AND a.cycle_end
        WHERE pu.order_no IS NOT NULL AND ds.k < g.winners AND a.cycle_end < as_of - 30
          AND date_trunc('month', pu.purchased_on) = date_trunc('month', a.cycle_start + 45)) c
  WHERE c.per_product = 1
  ORDER BY c.pick LIMIT 3;
  INSERT INTO vbp.order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity)
  SELECT pu.org_code, pu.order_no, pu.line_no, e.event, '1', e.d, e.q
  FROM vbp.purchase pu
  LEFT JOIN demo_fail f ON f.product_code = pu.product_code AND f.province = vbp.province(pu.org_code)
                       AND f.month = date_trunc('month', pu.purchased_on)
  CROSS JOIN LATERAL (
    SELECT 'confirmed', pu.purchased_on, NULL::bigint
    UNION ALL
    SELECT 'delivered', least(coalesce(pu.accepted_on, pu.purchased_on + 1), pu.purchased_on + 2), pu.quantity
    WHERE f.product_code IS NULL
    UNION ALL
    SELECT 'cancelled', pu.purchased_on + 10, pu.quantity WHERE f.product_code IS NOT NULL) e(event, d, q)
  WHERE pu.order_no IS NOT NULL AND pu.quantity > 0 AND e.d <= as_of
    AND EXISTS (SELECT 1 FROM demo_sel ds JOIN demo_g g USING (g_no) WHERE ds.product_code = pu.product_code AND ds.k < g.winners);
  INSERT INTO vbp.demo_injection (kind, key, batch_id, org_code, group_code, division, detail)
  SELECT 'stockout', pu.org_code::text || ' ' || pu.product_code::text || ' ' || pu.purchased_on, f.batch_id, pu.org_code,
         vbp.generic_group(pu.product_code), f.province, format('nothing delivered, cancelled after 10 days (failure %s)', f.n)
  FROM vbp.purchase pu
  JOIN demo_fail f ON f.product_code = pu.product_code AND f.province = vbp.province(pu.org_code)
                  AND f.month = date_trunc('month', pu.purchased_on)
  WHERE pu.order_no IS NOT NULL AND pu.quantity > 0;
  INSERT INTO vbp.supply_failure (batch_id, product_code, division, from_date, to_date, verified_on, verified_by, detail)
  SELECT f.batch_id, f.product_code, f.province, f.month, (f.month + interval '1 month' - interval '1 day')::date,
         (f.month + interval '1 month' + interval '14 days')::date, '演示医保局', format('demo failure %s', f.n)
  FROM demo_fail f ORDER BY f.n;
  INSERT INTO vbp.supply_backup (failure_id, product_code)
  SELECT sf.failure_id, ds.product_code
  FROM vbp.supply_failure sf
  JOIN demo_fail f ON f.product_code = sf.product_code AND f.province = sf.division AND f.month = sf.from_date
  JOIN demo_g g ON g.g_no = f.g_no
  JOIN demo_sel ds ON ds.g_no = f.g_no AND ds.k = g.winners
  WHERE f.n <= 2;
  INSERT INTO vbp.demo_injection (kind, key, batch_id, org_code, group_code, division, detail)
  SELECT 'supply_substitution', format('%s %s %s y%s', a.batch_id, a.org_code, a.group_code, a.cycle_year),
         a.batch_id, a.org_code, a.group_code, f.province,
         format('%s backup units counted as selected (failure %s)', sum(pu.quantity), f.n)
  FROM demo_fail f
  JOIN demo_g g ON g.g_no = f.g_no
  JOIN demo_sel ds ON ds.g_no = f.g_no AND ds.k = g.winners
  JOIN vbp.purchase pu ON pu.product_code = ds.product_code AND vbp.province(pu.org_code) = f.province
                      AND date_trunc('month', pu.purchased_on) = f.month
  JOIN demo_a a ON a.org_code = pu.org_code AND a.g_no = f.g_no AND pu.purchased_on BETWEEN a.cycle_start AND a.cycle_end
  WHERE f.n <= 2
  GROUP BY a.batch_id, a.org_code, a.group_code, a.cycle_year, f.province, f.n;

  -- candidate groups (not yet under VBP): monthly purchases over the year before as_of
  INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on)
  SELECT i.org_code, p.product_code, d, q, (q * g.p_ref)::vbp.cny, d + 2, d + 20
  FROM demo_i i
  JOIN demo_g g ON g.kind = 'candidate'
  CROSS JOIN generate_series(0, 11) m
  JOIN demo_p p ON p.g_no = g.g_no AND p.k = floor(vbp.demo_uniform(seed, 54, i.i_no, g.g_no) * g.products)::int
  CROSS JOIN LATERAL (SELECT (date '2022-07-01' + make_interval(months => m))::date
                             + floor(vbp.demo_uniform(seed, 55, i.i_no * 12 + m, g.g_no) * 25)::int AS d,
                             greatest(1, round(20000 * g.popularity / 12
                                               * (0.5 + vbp.demo_uniform(seed, 56, i.i_no * 12 + m, g.g_no))))::bigint AS q) x
  WHERE i.kind = 'H' AND vbp.demo_uniform(seed, 53, i.i_no, g.g_no) < 0.3 * use_factor;

  RAISE DEBUG 'generate_demo: negotiated-drug lists: 2021 (80 drugs) and 2022  (after %)', clock_timestamp() - t0;
  -- negotiated-drug lists: 2021 (80 drugs) and 2022 (the 80 plus 20 new)
  INSERT INTO vbp.nrdl_version VALUES (1, '2021年版', '2021-12-03', '2022-01-01', '2023-02-28'),
                                      (2, '2022年版', '2023-01-18', '2023-03-01', NULL);
  INSERT INTO vbp.nrdl_item (version_id, group_code, negotiated_price, separate_payment, dual_channel, patient_certification)
  SELECT v, g.group_code, round(exp(ln(5) + vbp.demo_uniform(seed, 60, g.g_no) * ln(100))::numeric, 6),
         vbp.demo_uniform(seed, 61, g.g_no) < 0.3, vbp.demo_uniform(seed, 62, g.g_no) < 0.6,
         vbp.demo_uniform(seed, 62, g.g_no) < 0.6 AND vbp.demo_uniform(seed, 63, g.g_no) < 0.4
  FROM demo_g g, generate_series(1, 2) v
  WHERE g.kind = 'nrdl' AND (g.g_no <= 374 OR v = 2);
  RAISE DEBUG 'generate_demo: pharmacy and therapeutics committees after each  (after %)', clock_timestamp() - t0;
  -- pharmacy and therapeutics committees after each new list; 5% of hospitals late (40-89 days)
  INSERT INTO vbp.committee_meeting (org_code, met_on)
  SELECT i.org_code, nv.effective_from + CASE WHEN vbp.demo_uniform(seed, 64, i.i_no) < 0.05
                                             THEN 40 + floor(vbp.demo_uniform(seed, 65, i.i_no, nv.version_id) * 50)::int
                                             ELSE 5 + floor(vbp.demo_uniform(seed, 65, i.i_no, nv.version_id) * 23)::int END
  FROM demo_i i, vbp.nrdl_version nv WHERE i.kind = 'H';
  INSERT INTO vbp.demo_injection (kind, key, org_code, version_id, detail)
  SELECT 'late_committee', i.org_code::text || ' ' || nv.version_id, i.org_code, nv.version_id,
         'committee met more than 30 days after the list took effect'
  FROM demo_i i, vbp.nrdl_version nv WHERE i.kind = 'H' AND vbp.demo_uniform(seed, 64, i.i_no) < 0.05;
  RAISE DEBUG 'generate_demo: stocking: partial by level, after the committee; (after %)', clock_timestamp() - t0;
  -- stocking: partial by level, after the committee; dual-channel pharmacies stock dual-channel drugs;
  -- 3% of (province, drug) pairs stocked nowhere in the province
  CREATE TEMP TABLE demo_gap ON COMMIT DROP AS
  SELECT p.code AS province, g.g_no, g.group_code
  FROM vbp.division p, demo_g g
  WHERE p.level = 'province' AND g.kind = 'nrdl' AND vbp.demo_uniform(seed, 66, p.code::bigint, g.g_no) < 0.03;
  INSERT INTO vbp.formulary_admission (org_code, group_code, admitted_on, temporary)
  SELECT i.org_code, g.group_code,
         coalesce(cm.met_on, nv.effective_from + 20) + floor(vbp.demo_uniform(seed, 68, i.i_no, g.g_no) * 30)::int,
         vbp.demo_uniform(seed, 69, i.i_no, g.g_no) < 0.1
  FROM demo_i i
  JOIN demo_g g ON g.kind = 'nrdl'
  JOIN vbp.nrdl_version nv ON nv.version_id = CASE WHEN g.g_no <= 374 THEN 1 ELSE 2 END
  JOIN vbp.nrdl_item it ON it.version_id = nv.version_id AND it.group_code = g.group_code
  JOIN vbp.institution inst ON inst.org_code = i.org_code
  LEFT JOIN LATERAL (SELECT min(c.met_on) AS met_on FROM vbp.committee_meeting c
                     WHERE c.org_code = i.org_code AND c.met_on >= nv.effective_from) cm ON true
  WHERE NOT EXISTS (SELECT 1 FROM demo_gap x WHERE x.province = i.province AND x.g_no = g.g_no)
    AND CASE WHEN i.kind = 'P' THEN inst.dual_channel AND it.dual_channel AND vbp.demo_uniform(seed, 67, i.i_no, g.g_no) < 0.8
             -- the first hospital of each province stocks every drug not injected as a gap
             WHEN i.j = 1 AND i.city_no = (SELECT min(c.city_no) FROM demo_city c WHERE c.province = i.province) THEN true
             ELSE vbp.demo_uniform(seed, 67, i.i_no, g.g_no)
                  < CASE i.level WHEN 'tertiary' THEN 0.7 WHEN 'secondary' THEN 0.4 ELSE 0.12 END END
    AND coalesce(cm.met_on, nv.effective_from) + 30 <= as_of
  ON CONFLICT DO NOTHING;
  INSERT INTO vbp.demo_injection (kind, key, group_code, division, version_id, detail)
  SELECT 'nrdl_unstocked_in_province', x.province || ' ' || x.group_code::text, x.group_code, x.province,
         CASE WHEN x.g_no <= 374 THEN 1 ELSE 2 END, 'no institution or pharmacy of the province stocks the drug'
  FROM demo_gap x;

  RAISE DEBUG 'generate_demo: dispensing lines: one package each, about 30,000 (after %)', clock_timestamp() - t0;
  -- dispensing lines: one package each, about 30,000 per unit of scale, 2022-01-01 to as_of;
  -- 0.1% reuse an earlier line's traceability code (回流药); some dual-channel drugs are
  -- reimbursed at 50% instead of 70% in the pharmacy channel
  CREATE TEMP TABLE demo_dp ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY g_no, k) - 1 AS dp_no, g_no, k, product_code, price, units, nrdl_dual, mismatch
  FROM (SELECT p.g_no, p.k, p.product_code, coalesce(s.selected_price, it.negotiated_price) AS price, pr.units_per_pack AS units,
               coalesce(it.dual_channel, false) AS nrdl_dual,
               coalesce(it.dual_channel, false) AND vbp.demo_uniform(seed, 70, p.g_no) < 0.1 AS mismatch
        FROM demo_p p JOIN vbp.product pr USING (product_code)
        LEFT JOIN vbp.selection s ON s.product_code = p.product_code AND s.selected
        LEFT JOIN vbp.nrdl_item it ON it.group_code = pr.group_code AND it.version_id = 1
        WHERE s.product_code IS NOT NULL OR it.group_code IS NOT NULL) z;
  CREATE TEMP TABLE demo_disp_org ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY i.i_no) - 1 AS o_no, i.org_code, i.kind
  FROM demo_i i JOIN vbp.institution inst USING (org_code)
  WHERE i.kind = 'H' OR inst.dual_channel;
  RAISE DEBUG 'generate_demo: a line''s own code is a function of its number n: (after %)', clock_timestamp() - t0;
  -- a line's own code is a function of its number n: the product drawn for n, serial n
  SELECT count(*) INTO n_org FROM demo_disp_org;
  SELECT count(*) INTO n_dp FROM demo_dp;
  CREATE TEMP TABLE demo_line ON COMMIT DROP AS
  SELECT n, o.org_code, o.kind, dp.product_code, dp.price, dp.units, dp.g_no, dp.k, dp.mismatch,
         CASE WHEN n > 1 AND vbp.demo_uniform(seed, 73, n) < 0.001
              THEN lpad((1000000 + floor(vbp.demo_uniform(seed, 72, pick.src_n) * n_dp))::bigint::text, 7, '0')
                   || lpad(pick.src_n::text, 13, '0')
              ELSE lpad((1000000 + dp.dp_no)::text, 7, '0') || lpad(n::text, 13, '0') END AS trace
  FROM generate_series(1, (30000 * s)::bigint) n
  CROSS JOIN LATERAL (SELECT floor(vbp.demo_uniform(seed, 71, n) * n_org)::bigint AS o_no,
                             floor(vbp.demo_uniform(seed, 72, n) * n_dp)::bigint AS dp_no,
                             1 + floor(vbp.demo_uniform(seed, 74, n) * (n - 1))::bigint AS src_n) pick
  JOIN demo_disp_org o ON o.o_no = pick.o_no
  JOIN demo_dp dp ON dp.dp_no = pick.dp_no;
  INSERT INTO vbp.dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, trace_code, channel, drg_group)
  SELECT l.org_code, l.product_code, d, q, (q * l.price)::vbp.cny,
         (q * l.price * CASE WHEN l.kind = 'P' AND l.mismatch THEN 0.5 ELSE 0.7 END)::vbp.cny,
         'PT' || lpad(floor(vbp.demo_uniform(seed, 77, l.n) * 5000 * s)::bigint::text, 9, '0'),
         l.trace::vbp.tracecode,
         CASE l.kind WHEN 'P' THEN 'pharmacy' ELSE 'hospital' END,
         CASE WHEN l.kind = 'H' AND vbp.demo_uniform(seed, 78, l.n) < 0.4
              THEN 'DRG' || lpad((1 + floor(vbp.demo_uniform(seed, 79, l.n) * 60))::int::text, 3, '0') END
  FROM demo_line l
  CROSS JOIN LATERAL (SELECT date '2022-01-01' + floor(vbp.demo_uniform(seed, 75, l.n) * (as_of - date '2022-01-01' + 1))::int AS d,
                             l.units * (1 + floor(vbp.demo_uniform(seed, 76, l.n) * 3))::bigint AS q) x;
  INSERT INTO vbp.demo_injection (kind, key, trace_code, detail)
  SELECT 'duplicate_trace_code', trace, trace::vbp.tracecode, format('dispensed %s times', count(*))
  FROM demo_line GROUP BY trace HAVING count(*) > 1;
  INSERT INTO vbp.demo_injection (kind, key, group_code, detail)
  SELECT 'channel_reimbursement_mismatch', g.group_code::text, g.group_code,
         'fund pays 50% in the pharmacy channel, 70% in hospitals'
  FROM demo_line l JOIN demo_g g USING (g_no) WHERE l.mismatch
  GROUP BY g.group_code HAVING bool_or(l.kind = 'P') AND bool_or(l.kind = 'H');

  RAISE DEBUG 'generate_demo: negotiated-drug landing data (after %)', clock_timestamp() - t0;
  -- dual-channel pharmacies qualified 2021-08-01 .. 2021-11-08, before the 2021-11-30 deadline
  UPDATE vbp.institution inst SET dual_channel_since = date '2021-08-01' + floor(vbp.demo_uniform(seed, 80, i.i_no) * 100)::int
  FROM demo_i i WHERE i.org_code = inst.org_code AND inst.dual_channel;
  -- 15% of negotiated drugs apply to tertiary and secondary hospitals only
  INSERT INTO vbp.nrdl_applicability (version_id, group_code, level)
  SELECT it.version_id, it.group_code, l
  FROM vbp.nrdl_item it JOIN demo_g g USING (group_code), unnest(ARRAY['tertiary', 'secondary']) l
  WHERE vbp.demo_uniform(seed, 81, g.g_no) < 0.15;
  -- provincial dual-channel lists 7-26 days after each list's publication; 10% of provinces
  -- publish none for the 2022 list
  INSERT INTO vbp.dual_channel_list (province, version_id, published_on)
  SELECT p.code, v.version_id, v.published_on + 7 + floor(vbp.demo_uniform(seed, 82, p.code::bigint, v.version_id) * 20)::int
  FROM vbp.division p, vbp.nrdl_version v
  WHERE p.level = 'province' AND NOT (v.version_id = 2 AND vbp.demo_uniform(seed, 83, p.code::bigint) < 0.1);
  INSERT INTO vbp.demo_injection (kind, key, division, version_id, detail)
  SELECT 'province_without_dual_channel_list', p.code, p.code, 2, 'no dual-channel list published for the 2022 list'
  FROM vbp.division p WHERE p.level = 'province' AND vbp.demo_uniform(seed, 83, p.code::bigint) < 0.1;
  -- platform listing (挂网) 1-25 days after a drug's first list took effect; 2% of (province, drug)
  -- pairs never listed
  INSERT INTO vbp.platform_listing (province, group_code, listed_on)
  SELECT p.code, it.group_code, min(v.effective_from) + 1 + floor(vbp.demo_uniform(seed, 84, p.code::bigint, g.g_no) * 25)::int
  FROM vbp.division p, vbp.nrdl_item it JOIN vbp.nrdl_version v USING (version_id) JOIN demo_g g USING (group_code)
  WHERE p.level = 'province' AND vbp.demo_uniform(seed, 85, p.code::bigint, g.g_no) >= 0.02
  GROUP BY p.code, it.group_code, g.g_no;
  INSERT INTO vbp.demo_injection (kind, key, group_code, division, detail)
  SELECT 'nrdl_not_listed', p.code || ' ' || it.group_code::text, it.group_code, p.code,
         'never listed on the province''s procurement platform'
  FROM vbp.division p, vbp.nrdl_item it JOIN demo_g g USING (group_code)
  WHERE p.level = 'province' AND vbp.demo_uniform(seed, 85, p.code::bigint, g.g_no) < 0.02
  GROUP BY p.code, it.group_code;
  -- patients of drugs that need certification are certified before 2022, except 3% of
  -- (patient, drug) pairs
  CREATE TEMP TABLE demo_cert ON COMMIT DROP AS
  SELECT DISTINCT d.patient_id, pr.group_code, g.g_no,
         vbp.demo_uniform(seed, 86, substr(d.patient_id, 3)::bigint, g.g_no) < 0.03 AS missing
  FROM vbp.dispensing d JOIN vbp.product pr USING (product_code) JOIN demo_g g ON g.group_code = pr.group_code
  WHERE EXISTS (SELECT 1 FROM vbp.nrdl_item it WHERE it.group_code = pr.group_code AND it.patient_certification);
  INSERT INTO vbp.patient_certification (patient_id, group_code, certified_on)
  SELECT patient_id, group_code, date '2021-12-01' FROM demo_cert WHERE NOT missing;
  INSERT INTO vbp.demo_injection (kind, key, group_code, detail)
  SELECT 'uncertified_dispensing', patient_id || ' ' || group_code::text, group_code,
         'dispensed without patient certification (患者认定)'
  FROM demo_cert WHERE missing;
  -- monthly totals of hospitals: the negotiated drugs they dispensed plus other costs by level;
  -- budgets about the year's fund payments (0.97-1.05), scaled to 12 months
  CREATE TEMP TABLE demo_month ON COMMIT DROP AS
  SELECT i.i_no, i.org_code, m::date AS month,
         round(CASE i.level WHEN 'tertiary' THEN 300000 WHEN 'secondary' THEN 100000 ELSE 30000 END
               * (0.8 + 0.4 * vbp.demo_uniform(seed, 87, i.i_no, extract(epoch FROM m)::bigint / 86400))::numeric, 2) AS other,
         CASE i.level WHEN 'tertiary' THEN 400 WHEN 'secondary' THEN 250 ELSE 120 END AS per_visit,
         coalesce(x.amount, 0) AS amount, coalesce(x.fund, 0) AS fund
  FROM demo_i i
  CROSS JOIN generate_series(date '2022-01-01', date_trunc('month', as_of), interval '1 month') m
  LEFT JOIN (SELECT d.org_code, date_trunc('month', d.dispensed_on) AS month,
                    sum(d.amount::numeric) AS amount, sum(d.fund_paid::numeric) AS fund
             FROM vbp.dispensing d WHERE d.channel = 'hospital' GROUP BY 1, 2) x
    ON x.org_code = i.org_code AND x.month = m
  WHERE i.kind = 'H';
  INSERT INTO vbp.institution_month (org_code, month, visits, medical_cost, drug_cost, fund_paid)
  SELECT org_code, month, round(other / per_visit)::bigint, (amount + other)::vbp.cny,
         (amount + round(0.3 * other, 2))::vbp.cny, (fund + round(0.6 * other, 2))::vbp.cny
  FROM demo_month;
  INSERT INTO vbp.institution_budget (org_code, year, total_budget)
  SELECT org_code, extract(year FROM month)::int,
         round(sum(fund + 0.6 * other) * 12 / count(*) * (0.97 + 0.08 * vbp.demo_uniform(seed, 88, min(i_no), extract(year FROM month)::bigint))::numeric, 2)::vbp.cny
  FROM demo_month GROUP BY org_code, extract(year FROM month);
  -- a DRG case for every hospital line with a DRG group: the line plus the group's other costs
  INSERT INTO vbp.drg_case (org_code, case_id, drg_group, discharged_on, total_cost)
  SELECT d.org_code, 'C' || d.dispensing_id, d.drg_group, d.dispensed_on,
         (d.amount::numeric + round((5000 + 300 * substr(d.drg_group, 4)::int)
                                    * (0.8 + 0.4 * vbp.demo_uniform(seed, 89, d.dispensing_id))::numeric, 2))::vbp.cny
  FROM vbp.dispensing d WHERE d.drg_group IS NOT NULL;

  RAISE DEBUG 'generate_demo: restore the foreign keys: one validating join pe (after %)', clock_timestamp() - t0;
  -- rebuild the indexes, then restore the foreign keys: one validating join per constraint
  ALTER TABLE vbp.purchase_default ADD CONSTRAINT purchase_default_pkey PRIMARY KEY (purchase_id, purchased_on, org_code);
  CREATE INDEX purchase_default_org_product ON vbp.purchase_default (org_code, product_code, purchased_on);
  CREATE INDEX purchase_default_product ON vbp.purchase_default (product_code);
  ALTER TABLE vbp.dispensing_default ADD CONSTRAINT dispensing_default_pkey PRIMARY KEY (dispensing_id, dispensed_on, org_code);
  CREATE INDEX dispensing_default_trace ON vbp.dispensing_default (trace_code);
  CREATE INDEX dispensing_default_org_product ON vbp.dispensing_default (org_code, product_code, dispensed_on);
  CREATE INDEX dispensing_default_patient ON vbp.dispensing_default (patient_id, product_code);
  ALTER TABLE vbp.purchase ADD CONSTRAINT purchase_org_code_fkey FOREIGN KEY (org_code) REFERENCES vbp.institution,
                           ADD CONSTRAINT purchase_product_code_fkey FOREIGN KEY (product_code) REFERENCES vbp.product;
  ALTER TABLE vbp.dispensing ADD CONSTRAINT dispensing_org_code_fkey FOREIGN KEY (org_code) REFERENCES vbp.institution,
                             ADD CONSTRAINT dispensing_product_code_fkey FOREIGN KEY (product_code) REFERENCES vbp.product;

  SELECT jsonb_object_agg(t.relname, t.n) INTO counts FROM (
    SELECT 'batch' AS relname, (SELECT count(*) FROM vbp.batch) AS n UNION ALL
    SELECT 'generic_group', (SELECT count(*) FROM vbp.generic_group) UNION ALL
    SELECT 'product', (SELECT count(*) FROM vbp.product) UNION ALL
    SELECT 'selection', (SELECT count(*) FROM vbp.selection) UNION ALL
    SELECT 'institution', (SELECT count(*) FROM vbp.institution) UNION ALL
    SELECT 'volume_report', (SELECT count(*) FROM vbp.volume_report) UNION ALL
    SELECT 'agreement', (SELECT count(*) FROM vbp.agreement) UNION ALL
    SELECT 'purchase', (SELECT count(*) FROM vbp.purchase) UNION ALL
    SELECT 'dispensing', (SELECT count(*) FROM vbp.dispensing) UNION ALL
    SELECT 'nrdl_item', (SELECT count(*) FROM vbp.nrdl_item) UNION ALL
    SELECT 'committee_meeting', (SELECT count(*) FROM vbp.committee_meeting) UNION ALL
    SELECT 'formulary_admission', (SELECT count(*) FROM vbp.formulary_admission) UNION ALL
    SELECT 'demo_injection', (SELECT count(*) FROM vbp.demo_injection)) t;
  INSERT INTO vbp.demo_run VALUES (1, scale, seed, as_of, now(), counts);
  RETURN QUERY SELECT e.key, e.value::bigint FROM jsonb_each_text(counts) e ORDER BY e.key;
END $fn$;
COMMENT ON FUNCTION vbp.generate_demo(int, bigint, boolean) IS
  'Deterministic calibrated demo data (演示数据生成): 6 national batches with the published drug counts and average cuts, 115 essential medicines, all 342 prefecture cities, agreed ratios by winners, batches 1-5 bought about 2x agreed, and defects injected at known rates and recorded in vbp.demo_injection; scale 1 is about 100,000 purchases';
REVOKE EXECUTE ON FUNCTION vbp.generate_demo(integer, bigint, boolean) FROM PUBLIC;

\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Benchmarking as OpenPrescribing does it (doc/domain.md §7): price-per-unit
-- savings against the 10th-percentile unit price of peers and CUSUM change
-- detection on monthly series; kickback records for credit ratings; the
-- parameters they read.
-- =====================================================================


-- ---------------------------------------------------------------------
-- CUSUM on a series
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.cusum(series double precision[], "window" int, threshold double precision, slack double precision)
  RETURNS TABLE (idx int, value double precision, baseline_mean double precision, baseline_sd double precision,
                 cusum_up double precision, cusum_down double precision, alert text)
  AS 'MODULE_PATHNAME', 'pgvbp_cusum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION vbp.cusum(double precision[], int, double precision, double precision) IS
  'Tabular CUSUM change detection (累积和变化检测, as OpenPrescribing alerts) on a series in order (NULL = missing month): baseline mean and population sd from the next window values; up = max(0, up + x - mean - slack sd), down = max(0, down + mean - slack sd - x); alert up/down when a sum exceeds threshold sd, then both restart with a new baseline; one row per element';

CREATE FUNCTION vbp.cusum(series double precision[], rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (idx int, value double precision, baseline_mean double precision, baseline_sd double precision,
                 cusum_up double precision, cusum_down double precision, alert text)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 24
BEGIN ATOMIC
  SELECT c.* FROM (
    SELECT vbp.param(cusum.rule_set, 'cusum_window') AS w,
           vbp.param(cusum.rule_set, 'cusum_threshold') AS h,
           vbp.param(cusum.rule_set, 'cusum_slack') AS k) p
  CROSS JOIN LATERAL vbp.cusum(series, p.w::int, p.h::float8, p.k::float8) c;
END;
COMMENT ON FUNCTION vbp.cusum(double precision[], text) IS
  'CUSUM change detection with the window, threshold and slack of a rule set (parameters cusum_window 12, cusum_threshold 5, cusum_slack 0.5)';

CREATE FUNCTION vbp.month_series(months int[], "values" double precision[]) RETURNS double precision[]
  AS 'MODULE_PATHNAME', 'pgvbp_month_series' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.month_series(int[], double precision[]) IS
  'Monthly series with its gaps (月度序列补齐), as vbp.cusum takes it: months are month numbers (year x 12 + month), each once, in any order, values the value of each (pass both as array_agg over the same rows); the result runs from the earliest month to the latest, NULL for a month without a value (at most 12,000 months)';

-- The change alerts' series of a whole generic group in one aggregate: the
-- group's cells (an institution's units and spend in a month) ranked within
-- their months by unit price, each institution's months gathered into
-- its series (a state of 48 bytes per cell, ranked in the final).
CREATE TYPE vbp.price_rank_series AS (org_code vbp.orgcode, first_month date, percentiles double precision[]);
COMMENT ON TYPE vbp.price_rank_series IS
  'One institution''s monthly percentile-rank series of a generic group (价格百分位月度序列), as vbp.price_rank_series gives it: the institution, its first month, and the percentile of each month from then to its last (NULL: no purchase, or fewer than min_peers peers that month)';
CREATE FUNCTION vbp.price_rank_series_accum(internal, vbp.orgcode, date, vbp.cny, bigint, int) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_price_rank_series_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_rank_series_accum(internal, vbp.orgcode, date, vbp.cny, bigint, int) IS
  'Transition function of price_rank_series: adds one cell (institution, month, spend, units) to the group''s cells; a cell with a NULL among them is skipped; min_peers must be the same in every row';
CREATE FUNCTION vbp.price_rank_series_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_price_rank_series_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_rank_series_combine(internal, internal) IS
  'Combine function of price_rank_series: appends the cells of a partial state (parallel workers, partitions)';
CREATE FUNCTION vbp.price_rank_series_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_price_rank_series_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_rank_series_serialize(internal) IS
  'Serial function of price_rank_series: min_peers, the number of cells, then each cell''s institution, spend, units and month, big-endian';
CREATE FUNCTION vbp.price_rank_series_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_price_rank_series_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_rank_series_deserialize(bytea, internal) IS
  'Deserial function of price_rank_series: the state written by price_rank_series_serialize; a state whose size does not match its cells is refused (22P03)';
CREATE FUNCTION vbp.price_rank_series_final(internal) RETURNS vbp.price_rank_series[]
  AS 'MODULE_PATHNAME', 'pgvbp_price_rank_series_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_rank_series_final(internal) IS
  'Final function of price_rank_series: ranks the cells within their months by unit price (to 20 places, as vbp.price_cells) and returns each institution''s series, in institution order';
CREATE AGGREGATE vbp.price_rank_series(org_code vbp.orgcode, month date, spend vbp.cny, units bigint, min_peers int) (
  SFUNC = vbp.price_rank_series_accum, STYPE = internal, SSPACE = 4096,
  FINALFUNC = vbp.price_rank_series_final,
  COMBINEFUNC = vbp.price_rank_series_combine,
  SERIALFUNC = vbp.price_rank_series_serialize, DESERIALFUNC = vbp.price_rank_series_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.price_rank_series(vbp.orgcode, date, vbp.cny, bigint, int) IS
  'Percentile-rank series of every institution of a generic group (价格百分位序列), grouped by the group, over its cells (one row per institution and month: units and spend): in each month the cells are ranked by unit price spend / units truncated to 20 decimal places (as vbp.price_cells gives it), equal prices sharing the lower rank; percentile = round(100 x cheaper peers / (peers - 1), 2), 0 for a lone cell, NULL below min_peers peers; returns vbp.price_rank_series[], each institution''s series from its first month to its last (NULL where it bought nothing), as vbp.cusum takes it; a cell of 0 units is an error (22012), as is an institution twice in a month (22023); parallel-safe with combine, serial and deserial';

-- ---------------------------------------------------------------------
-- Price-per-unit saving
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.ppu_saving(spend vbp.cny, quantity numeric, benchmark_unit_price numeric) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_ppu_saving' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.ppu_saving(vbp.cny, numeric, numeric) IS
  'Price-per-unit saving (单价节约潜力, OpenPrescribing): max(0, spend - quantity x benchmark unit price), the benchmark usually the peers'' 10th-percentile unit price; the product rounds half away from zero to the fen';

-- ---------------------------------------------------------------------
-- Kickback records (商业贿赂记录) for credit ratings
-- ---------------------------------------------------------------------
CREATE TABLE vbp.kickback_record (
  case_id       text NOT NULL,
  line_no       int NOT NULL CHECK (line_no > 0),
  company       vbp.uscc NOT NULL,
  company_name  text,
  paid_on       date NOT NULL,
  amount        vbp.cny NOT NULL CHECK (amount > '0'::vbp.cny),
  judged_on     date,
  source        text,
  case_kind     text NOT NULL DEFAULT 'kickback'
                CHECK (case_kind IN ('kickback', 'bribery_of_insurance_staff', 'bid_rigging_national_vbp', 'tax', 'audit')),
  holder        vbp.uscc,
  PRIMARY KEY (case_id, line_no),
  CONSTRAINT kickback_record_judged_after_payment CHECK (judged_on IS NULL OR judged_on >= paid_on)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.kickback_record ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.kickback_record FOR SELECT USING (true);
CREATE INDEX kickback_record_company ON vbp.kickback_record (company, paid_on);
COMMENT ON TABLE vbp.kickback_record IS
  'Kickback payments (医药商业贿赂) and other dishonest conduct found against a company, one row per payment of a case, from court judgments, tax cases and audits; input of the credit rating (信用评价)';
COMMENT ON COLUMN vbp.kickback_record.case_id IS 'Case identifier (案件编号), e.g. the judgment number';
COMMENT ON COLUMN vbp.kickback_record.line_no IS 'Payment number within the case';
COMMENT ON COLUMN vbp.kickback_record.company IS 'Company that paid (统一社会信用代码)';
COMMENT ON COLUMN vbp.kickback_record.company_name IS 'Company name';
COMMENT ON COLUMN vbp.kickback_record.paid_on IS 'Date of the payment; the look-back window counts from it';
COMMENT ON COLUMN vbp.kickback_record.amount IS 'Amount paid (金额)';
COMMENT ON COLUMN vbp.kickback_record.judged_on IS 'Date of the judgment that found it; a rating on an earlier date does not see the record (NULL: known from paid_on)';
COMMENT ON COLUMN vbp.kickback_record.source IS 'Where the record comes from (判决书, notice)';
COMMENT ON COLUMN vbp.kickback_record.case_kind IS 'Kind of case: kickback (医药商业贿赂), bribery_of_insurance_staff (向医保工作人员行贿), bid_rigging_national_vbp (国家集采串通投标), tax (涉税案件) or audit (审计发现); some kinds set a level whatever the amount (vbp.credit_override)';
COMMENT ON COLUMN vbp.kickback_record.holder IS 'Marketing-authorisation holder (上市许可持有人) of the product concerned, when it is not the company; rated too where the rule set reaches through (credit_reach_holder)';
SELECT pg_catalog.pg_extension_config_dump('vbp.kickback_record', '');

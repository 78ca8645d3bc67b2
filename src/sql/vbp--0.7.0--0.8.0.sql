-- vbp 0.7.0 -> 0.8.0: the rest of the procurement reports: price benchmark
-- (percentile rank, 10th-percentile price-per-unit savings, CUSUM change
-- alerts), payment-standard schedule and convergence, province coverage with
-- essential-medicine match, next-batch candidates, kickback records and credit
-- ratings.  agreement_purchases becomes one pass over the purchases (the
-- purchase_tally aggregate) and counts a group's products that did not bid
-- as non-selected.
-- Released: never edit; ship fixes as a new upgrade script.

\echo Use "ALTER EXTENSION vbp UPDATE TO '0.8.0'" to load this file. \quit


-- =====================================================================
-- Purchase tally (DOMAIN.md §4, §5): one C aggregate for what fulfilment and
-- retention count over purchases, so the reports cost one pass, about what a
-- bare GROUP BY over the purchases costs (doc/benchmarks.md).
-- =====================================================================

CREATE TYPE vbp.purchase_totals AS (
  selected_units bigint, other_units bigint, selected_spend vbp.cny, other_spend vbp.cny,
  purchases bigint, payments_due bigint, paid_on_time bigint);
COMMENT ON TYPE vbp.purchase_totals IS
  'Result of vbp.purchase_tally (采购汇总): units and spend of selected and other products; purchases of products in the batch, their payments due and paid on time';

CREATE FUNCTION vbp.purchase_tally_accum(internal, bigint, vbp.cny, date, date, date, boolean, boolean, date, date, date, int) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_tally_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_accum(internal, bigint, vbp.cny, date, date, date, boolean, boolean, date, date, date, int) IS
  'Transition function of purchase_tally: adds one purchase if cycle_start <= purchased_on <= least(cycle_end, as_of) (NULL units, amount, dates of purchase or cycle: skipped; NULL flags: false)';
CREATE FUNCTION vbp.purchase_tally_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_tally_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_combine(internal, internal) IS
  'Combine function of purchase_tally: adds two partial tallies (parallel workers, partitions)';
CREATE FUNCTION vbp.purchase_tally_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_tally_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_serialize(internal) IS
  'Serial function of purchase_tally: seven 128-bit big-endian integers';
CREATE FUNCTION vbp.purchase_tally_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_tally_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_deserialize(bytea, internal) IS
  'Deserial function of purchase_tally: rebuilds a state, refusing a malformed one';
CREATE FUNCTION vbp.purchase_tally_final(internal) RETURNS vbp.purchase_totals
  AS 'MODULE_PATHNAME', 'pgvbp_tally_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_final(internal) IS
  'Final function of purchase_tally: the totals, range-checked (22003); all zeros for no rows';
CREATE AGGREGATE vbp.purchase_tally(units bigint, amount vbp.cny, purchased_on date, accepted_on date, paid_on date,
                                    selected boolean, in_batch boolean, cycle_start date, cycle_end date,
                                    as_of date, payment_days int) (
  SFUNC = vbp.purchase_tally_accum, STYPE = internal, SSPACE = 112,
  FINALFUNC = vbp.purchase_tally_final,
  COMBINEFUNC = vbp.purchase_tally_combine,
  SERIALFUNC = vbp.purchase_tally_serialize, DESERIALFUNC = vbp.purchase_tally_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.purchase_tally(bigint, vbp.cny, date, date, date, boolean, boolean, date, date, date, int) IS
  'Purchase tally of an agreement cycle (采购汇总) in one pass: purchases with cycle_start <= purchased_on <= least(cycle_end, as_of); units and spend of selected and of other products; for products in the batch (in_batch) the purchases, payments due (accepted_on + payment_days <= as_of, or paid) and paid on time (paid_on <= accepted_on + payment_days); exact 128-bit sums; parallel-safe with combine, serial and deserial';

-- The agreement cycles (batch, group, start, end) are few: tell the planner,
-- so the purchase pass joins a small product map by hash (doc/benchmarks.md).
CREATE STATISTICS vbp.agreement_cycle (ndistinct) ON batch_id, group_code, cycle_start, cycle_end FROM vbp.agreement;
COMMENT ON STATISTICS vbp.agreement_cycle IS
  'Distinct agreement cycles (协议周期): lets the planner see that vbp.agreement_purchases maps purchases through a small table';


-- =====================================================================
-- Benchmarking as OpenPrescribing does it (DOMAIN.md §7): price-per-unit
-- savings against the 10th-percentile unit price of peers and CUSUM change
-- detection on monthly series; kickback records for credit ratings; the
-- parameters they read.
-- =====================================================================

INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped) VALUES
  ('national', 'cusum_window', 12, NULL, NULL, 'months',
   'Values a CUSUM baseline (mean and standard deviation) is estimated from (基线窗口)',
   '[method] OpenPrescribing CUSUM alerts: 12-month window', true),
  ('national', 'cusum_threshold', 5, NULL, NULL, 'sd',
   'A CUSUM signals a change when a cumulative sum exceeds this many baseline standard deviations (报警阈值)',
   '[method] OpenPrescribing CUSUM alerts: sensitivity 5; Montgomery, Introduction to Statistical Quality Control', true),
  ('national', 'cusum_slack', 0.5, NULL, NULL, 'sd',
   'Slack of the CUSUM: deviations within this many standard deviations of the mean do not accumulate (容差)',
   '[method] OpenPrescribing CUSUM alerts: delta = 0.5 sd; Montgomery, Introduction to Statistical Quality Control', true),
  ('national', 'benchmark_centile', 0.1, NULL, NULL, 'fraction',
   'Peers'' unit price at this centile is the price-per-unit saving benchmark (价格基准分位)',
   '[method] OpenPrescribing price-per-unit savings: 10th percentile of peers', true),
  ('national', 'payment_standard_selected_basis', NULL, NULL, 'max', 'policy',
   'Which winning price of a generic group non-selected products converge to when a group has several winners: max, min or avg',
   '[param] vbp default: max, so every selected product is paid in full at its own winning price (医保发〔2019〕18号: selected drug standard = its selected price)', true),
  ('national', 'candidate_window_months', 12, NULL, NULL, 'months',
   'Spend and volume of next-batch candidates are counted over this many months up to the reporting date (候选品种统计期)',
   '[param] vbp default: one year of purchases', true);

-- ---------------------------------------------------------------------
-- CUSUM on a series
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.cusum(series double precision[], "window" int, threshold double precision, slack double precision)
  RETURNS TABLE (idx int, value double precision, baseline_mean double precision, baseline_sd double precision,
                 cusum_up double precision, cusum_down double precision, alert text)
  AS 'MODULE_PATHNAME', 'pgvbp_cusum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION vbp.cusum(double precision[], int, double precision, double precision) IS
  'Tabular CUSUM change detection (累积和变化检测, as OpenPrescribing alerts) on a series in order (NULL = missing month): baseline mean and population sd from the next window values; up = max(0, up + x - mean - slack sd), down = max(0, down + mean - slack sd - x); alert up/down when a sum exceeds threshold sd, then both restart with a new baseline; one row per element';

CREATE FUNCTION vbp.cusum(series double precision[], rule_set text DEFAULT 'national')
  RETURNS TABLE (idx int, value double precision, baseline_mean double precision, baseline_sd double precision,
                 cusum_up double precision, cusum_down double precision, alert text)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 24 SET search_path = vbp, pg_catalog, pg_temp AS $$
  SELECT c.* FROM (
    SELECT max(p.value) FILTER (WHERE p.name = 'cusum_window') AS w,
           max(p.value) FILTER (WHERE p.name = 'cusum_threshold') AS h,
           max(p.value) FILTER (WHERE p.name = 'cusum_slack') AS k
    FROM vbp.parameter p WHERE p.rule_set = cusum.rule_set) p
  CROSS JOIN LATERAL vbp.cusum(series, p.w::int, p.h::float8, p.k::float8) c
$$;
COMMENT ON FUNCTION vbp.cusum(double precision[], text) IS
  'CUSUM change detection with the window, threshold and slack of a rule set (parameters cusum_window 12, cusum_threshold 5, cusum_slack 0.5)';

-- ---------------------------------------------------------------------
-- Price-per-unit saving
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.ppu_saving(spend vbp.cny, quantity numeric, benchmark_unit_price numeric) RETURNS vbp.cny
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  IF quantity < 0 OR benchmark_unit_price < 0 THEN
    RAISE EXCEPTION 'quantity and benchmark unit price must not be negative'
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('Quantity %s, benchmark unit price %s.', quantity, benchmark_unit_price);
  END IF;
  RETURN greatest('0'::vbp.cny, spend - (quantity * benchmark_unit_price)::vbp.cny);
END $$;
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
  PRIMARY KEY (case_id, line_no),
  CONSTRAINT kickback_record_judged_after_payment CHECK (judged_on IS NULL OR judged_on >= paid_on)
);
CREATE INDEX kickback_record_company ON vbp.kickback_record (company, paid_on);
COMMENT ON TABLE vbp.kickback_record IS
  'Kickback payments (医药商业贿赂) found against a company, one row per payment of a case, from court judgments; input of the credit rating (信用评价)';
COMMENT ON COLUMN vbp.kickback_record.case_id IS 'Case identifier (案件编号), e.g. the judgment number';
COMMENT ON COLUMN vbp.kickback_record.line_no IS 'Payment number within the case';
COMMENT ON COLUMN vbp.kickback_record.company IS 'Company that paid (统一社会信用代码)';
COMMENT ON COLUMN vbp.kickback_record.company_name IS 'Company name';
COMMENT ON COLUMN vbp.kickback_record.paid_on IS 'Date of the payment; the look-back window counts from it';
COMMENT ON COLUMN vbp.kickback_record.amount IS 'Amount paid (金额)';
COMMENT ON COLUMN vbp.kickback_record.judged_on IS 'Date of the judgment that found it; a rating on an earlier date does not see the record (NULL: known from paid_on)';
COMMENT ON COLUMN vbp.kickback_record.source IS 'Where the record comes from (判决书, notice)';
SELECT pg_catalog.pg_extension_config_dump('vbp.kickback_record', '');


-- =====================================================================
-- More procurement reports (DOMAIN.md §4, §7): price benchmark and its
-- change alerts, payment-standard schedule and convergence, province
-- coverage with essential-medicine match, next-batch candidates, credit
-- ratings.  Each view has a *_for function taking the date and rule set.
-- =====================================================================

-- ---------------------------------------------------------------------
-- Price benchmark (OpenPrescribing price-per-unit, in the database)
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.price_benchmark_for(from_date date, to_date date, rule_set text DEFAULT 'national')
  RETURNS TABLE (
    month date, group_code vbp.drugcode, org_code vbp.orgcode, quantity bigint, spend vbp.cny,
    unit_price numeric, peers bigint, benchmark_unit_price numeric, median_unit_price numeric,
    percentile numeric, saving vbp.cny)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  centile numeric;
  k int;
BEGIN
  SELECT p.value INTO centile FROM vbp.parameter p
  WHERE p.rule_set = price_benchmark_for.rule_set AND p.name = 'benchmark_centile';
  IF centile IS NULL OR centile * 10 <> round(centile * 10) OR centile NOT BETWEEN 0.1 AND 0.9 THEN
    RAISE EXCEPTION 'rule set "%" has no usable benchmark_centile', rule_set
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('The benchmark centile is %s; it must be one of the deciles 0.1, 0.2, ..., 0.9.', coalesce(centile::text, 'missing'));
  END IF;
  IF from_date > to_date THEN
    RAISE EXCEPTION 'the period ends before it starts'
      USING ERRCODE = 'invalid_parameter_value', DETAIL = format('From %s to %s.', from_date, to_date);
  END IF;
  k := (centile * 10)::int;
  RETURN QUERY
  WITH cell AS (
    SELECT date_trunc('month', pu.purchased_on)::date AS m, pr.group_code AS g, pu.org_code AS o,
           sum(pu.quantity)::bigint AS q, vbp.sum(pu.amount) AS s
    FROM vbp.purchase pu JOIN vbp.product pr ON pr.product_code = pu.product_code
    WHERE pu.purchased_on BETWEEN from_date AND to_date
    GROUP BY 1, 2, 3
  ), u AS (
    SELECT c.*, c.s::numeric / c.q AS up FROM cell c
  ), peer AS (
    SELECT u.m, u.g, count(*) AS n, vbp.deciles(u.up::float8) AS d FROM u GROUP BY 1, 2
  )
  SELECT u.m, u.g, u.o, u.q, u.s, round(u.up, 6), peer.n,
         round(peer.d[k]::numeric, 6), round(peer.d[5]::numeric, 6),
         round(100 * percent_rank() OVER (PARTITION BY u.m, u.g ORDER BY u.up)::numeric, 2),
         vbp.ppu_saving(u.s, u.q, round(peer.d[k]::numeric, 6))
  FROM u JOIN peer ON peer.m = u.m AND peer.g = u.g;
END $$;
COMMENT ON FUNCTION vbp.price_benchmark_for(date, date, text) IS
  'Price benchmark (价格对标, OpenPrescribing price-per-unit) per month x generic group x institution over purchases in [from, to]: units, spend, unit price = spend / units, peers (institutions buying the group that month), the peers'' unit price at benchmark_centile (10th percentile, by vbp.deciles) and median, percentile rank of the unit price (0 cheapest, 100 dearest) and the saving max(0, spend - units x benchmark)';

CREATE VIEW vbp.price_benchmark AS
  SELECT * FROM vbp.price_benchmark_for((date_trunc('month', vbp.report_date()) - interval '11 months')::date, vbp.report_date());
COMMENT ON VIEW vbp.price_benchmark IS
  'Price benchmark (价格对标) over the 12 months up to vbp.report_date(): each institution''s unit price of a generic group against the peers'' 10th percentile, its percentile rank and the price-per-unit saving';
COMMENT ON COLUMN vbp.price_benchmark.month IS 'First day of the month';
COMMENT ON COLUMN vbp.price_benchmark.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.price_benchmark.org_code IS 'Institution';
COMMENT ON COLUMN vbp.price_benchmark.quantity IS 'Units bought in the month, smallest dosage units';
COMMENT ON COLUMN vbp.price_benchmark.spend IS 'Amount spent in the month';
COMMENT ON COLUMN vbp.price_benchmark.unit_price IS 'Spend / units (单价), yuan per smallest unit';
COMMENT ON COLUMN vbp.price_benchmark.peers IS 'Institutions buying the generic group in the month';
COMMENT ON COLUMN vbp.price_benchmark.benchmark_unit_price IS 'Peers'' unit price at benchmark_centile (10th percentile, percentile_cont semantics)';
COMMENT ON COLUMN vbp.price_benchmark.median_unit_price IS 'Peers'' median unit price';
COMMENT ON COLUMN vbp.price_benchmark.percentile IS 'Percentile rank of the unit price among peers, 0 (cheapest) to 100 (dearest)';
COMMENT ON COLUMN vbp.price_benchmark.saving IS 'Price-per-unit saving max(0, spend - units x benchmark unit price)';

CREATE FUNCTION vbp.price_benchmark_alert_for(as_of date, rule_set text DEFAULT 'national')
  RETURNS TABLE (
    org_code vbp.orgcode, group_code vbp.drugcode, month date, percentile numeric,
    baseline_mean double precision, baseline_sd double precision, cusum_up double precision,
    cusum_down double precision, alert text)
  LANGUAGE sql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
  WITH b AS (
    SELECT b.org_code, b.group_code, b.month, b.percentile
    FROM vbp.price_benchmark_for('-infinity', as_of, rule_set) b
  ), span AS (
    SELECT b.org_code, b.group_code, min(b.month) AS first_month, max(b.month) AS last_month FROM b GROUP BY 1, 2
  ), series AS (
    SELECT s.org_code, s.group_code, s.first_month,
           array_agg(b.percentile::float8 ORDER BY m.m) AS x
    FROM span s
    CROSS JOIN LATERAL generate_series(s.first_month, s.last_month, interval '1 month') m(m)
    LEFT JOIN b ON b.org_code = s.org_code AND b.group_code = s.group_code AND b.month = m.m
    GROUP BY 1, 2, 3
  )
  SELECT s.org_code, s.group_code, (s.first_month + make_interval(months => c.idx - 1))::date,
         c.value::numeric, c.baseline_mean, c.baseline_sd, c.cusum_up, c.cusum_down, c.alert
  FROM series s CROSS JOIN LATERAL vbp.cusum(s.x, rule_set) c
  WHERE c.alert IS NOT NULL
$$;
COMMENT ON FUNCTION vbp.price_benchmark_alert_for(date, text) IS
  'Change alerts (价格变化预警) up to a date: CUSUM (vbp.cusum with the rule set''s window, threshold and slack) over each institution x generic group''s monthly percentile-rank series from vbp.price_benchmark_for, months without purchases missing; one row per signalled month, up = the institution moved towards the dearest of its peers';

CREATE VIEW vbp.price_benchmark_alert AS SELECT * FROM vbp.price_benchmark_alert_for(vbp.report_date());
COMMENT ON VIEW vbp.price_benchmark_alert IS
  'Price benchmark change alerts (价格变化预警) up to vbp.report_date(): months where an institution''s percentile rank for a generic group shifted, by CUSUM as OpenPrescribing alerts';
COMMENT ON COLUMN vbp.price_benchmark_alert.org_code IS 'Institution';
COMMENT ON COLUMN vbp.price_benchmark_alert.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.price_benchmark_alert.month IS 'Month the change was signalled';
COMMENT ON COLUMN vbp.price_benchmark_alert.percentile IS 'Percentile rank that month (0 cheapest, 100 dearest)';
COMMENT ON COLUMN vbp.price_benchmark_alert.baseline_mean IS 'Mean percentile of the baseline window';
COMMENT ON COLUMN vbp.price_benchmark_alert.baseline_sd IS 'Population standard deviation of the baseline window';
COMMENT ON COLUMN vbp.price_benchmark_alert.cusum_up IS 'Upper cumulative sum at the signal';
COMMENT ON COLUMN vbp.price_benchmark_alert.cusum_down IS 'Lower cumulative sum at the signal (magnitude)';
COMMENT ON COLUMN vbp.price_benchmark_alert.alert IS 'up: the unit price moved towards the dearest peers; down: towards the cheapest';

-- ---------------------------------------------------------------------
-- Payment-standard schedule and convergence (医保发〔2019〕18号)
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.payment_standard_schedule_for(rule_set text DEFAULT 'national')
  RETURNS TABLE (
    batch_id int, group_code vbp.drugcode, product_code vbp.drugcode, selected boolean,
    consistency_evaluated boolean, originator boolean, price numeric, group_selected_price numeric,
    year int, effective_from date, payment_standard numeric)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  years int;
  basis text;
BEGIN
  SELECT max(p.value) FILTER (WHERE p.name = 'payment_standard_phase_years')::int,
         max(p.value_text) FILTER (WHERE p.name = 'payment_standard_selected_basis')
    INTO years, basis
  FROM vbp.parameter p WHERE p.rule_set = payment_standard_schedule_for.rule_set;
  IF years IS NULL OR years <= 0 OR basis IS NULL OR basis NOT IN ('max', 'min', 'avg') THEN
    RAISE EXCEPTION 'rule set "%" lacks usable payment-standard parameters', rule_set
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('payment_standard_phase_years is %s and payment_standard_selected_basis is %s; the basis must be max, min or avg.',
                            coalesce(years::text, 'missing'), coalesce(basis, 'missing'));
  END IF;
  RETURN QUERY
  WITH g AS (
    SELECT s.batch_id AS b, pr.group_code AS gc,
           CASE basis WHEN 'min' THEN min(s.selected_price) WHEN 'avg' THEN round(avg(s.selected_price), 6)
                      ELSE max(s.selected_price) END AS sp
    FROM vbp.selection s JOIN vbp.product pr ON pr.product_code = s.product_code
    WHERE s.selected GROUP BY 1, 2
  )
  SELECT s.batch_id, pr.group_code, s.product_code, s.selected, pr.consistency_evaluated, pr.originator,
         s.reference_price, g.sp, k, (b.cycle_start + make_interval(years => k))::date,
         round(CASE WHEN s.selected THEN s.selected_price
                    ELSE vbp.payment_standard(s.reference_price, g.sp, k, pr.consistency_evaluated OR pr.originator,
                                              payment_standard_schedule_for.rule_set) END, 6)
  FROM vbp.selection s
  JOIN vbp.product pr ON pr.product_code = s.product_code
  JOIN vbp.batch b ON b.batch_id = s.batch_id
  JOIN g ON g.b = s.batch_id AND g.gc = pr.group_code
  CROSS JOIN generate_series(0, years) k;
END $$;
COMMENT ON FUNCTION vbp.payment_standard_schedule_for(text) IS
  'Payment-standard schedule (支付标准过渡方案) of every product in a batch''s selection, years 0..N of the phase-in from the cycle start: a selected product is paid at its own winning price; a non-selected one by vbp.payment_standard(its reference price, the group''s winning price by payment_standard_selected_basis, year, evaluated or originator)';

CREATE VIEW vbp.payment_standard_schedule AS SELECT * FROM vbp.payment_standard_schedule_for('national');
COMMENT ON VIEW vbp.payment_standard_schedule IS
  'Payment-standard schedule (支付标准过渡方案, 医保发〔2019〕18号) per product and phase-in year, national rule set';
COMMENT ON COLUMN vbp.payment_standard_schedule.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.payment_standard_schedule.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.payment_standard_schedule.product_code IS 'Product';
COMMENT ON COLUMN vbp.payment_standard_schedule.selected IS 'Won the bid (中选)';
COMMENT ON COLUMN vbp.payment_standard_schedule.consistency_evaluated IS 'Passed consistency evaluation (一致性评价)';
COMMENT ON COLUMN vbp.payment_standard_schedule.originator IS 'Originator brand (原研药), phased in like an evaluated generic';
COMMENT ON COLUMN vbp.payment_standard_schedule.price IS 'Price before procurement (reference price) per smallest unit';
COMMENT ON COLUMN vbp.payment_standard_schedule.group_selected_price IS 'Winning price of the group the standard converges to (payment_standard_selected_basis: max by default)';
COMMENT ON COLUMN vbp.payment_standard_schedule.year IS 'Year k of the phase-in (0 = cycle start)';
COMMENT ON COLUMN vbp.payment_standard_schedule.effective_from IS 'Cycle start + k years';
COMMENT ON COLUMN vbp.payment_standard_schedule.payment_standard IS 'Payment standard (支付标准) per smallest unit in year k';

CREATE VIEW vbp.payment_standard_convergence AS
  SELECT s.batch_id, s.group_code, s.year, s.effective_from, count(*) AS products,
         min(s.payment_standard) AS min_standard, max(s.payment_standard) AS max_standard,
         round(max(s.payment_standard) / min(s.payment_standard), 4) AS max_min_ratio,
         round((stddev_pop(s.payment_standard) / avg(s.payment_standard)), 4) AS cv
  FROM vbp.payment_standard_schedule s
  GROUP BY s.batch_id, s.group_code, s.year, s.effective_from;
COMMENT ON VIEW vbp.payment_standard_convergence IS
  'Convergence of same-generic payment standards (同通用名支付标准趋同) per batch x generic group x phase-in year: max / min ratio and coefficient of variation (population sd / mean) over the products';
COMMENT ON COLUMN vbp.payment_standard_convergence.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.payment_standard_convergence.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.payment_standard_convergence.year IS 'Year k of the phase-in';
COMMENT ON COLUMN vbp.payment_standard_convergence.effective_from IS 'Cycle start + k years';
COMMENT ON COLUMN vbp.payment_standard_convergence.products IS 'Products of the group in the batch''s selection';
COMMENT ON COLUMN vbp.payment_standard_convergence.min_standard IS 'Lowest payment standard';
COMMENT ON COLUMN vbp.payment_standard_convergence.max_standard IS 'Highest payment standard';
COMMENT ON COLUMN vbp.payment_standard_convergence.max_min_ratio IS 'Highest / lowest (1 = converged)';
COMMENT ON COLUMN vbp.payment_standard_convergence.cv IS 'Coefficient of variation: population standard deviation / mean (0 = converged)';

-- ---------------------------------------------------------------------
-- Province coverage and essential-medicine match
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.province_coverage_for(as_of date, rule_set text DEFAULT 'national')
  RETURNS TABLE (
    province text, name text, national_varieties bigint, provincial_varieties bigint, varieties bigint,
    essential_varieties bigint, essential_share numeric, target_2022 int, target_2025 int,
    meets_2022_target boolean, meets_2025_target boolean, gap_2025 bigint)
  LANGUAGE sql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
  WITH p AS (
    SELECT max(value) FILTER (WHERE name = 'coverage_target_2022')::int AS t22,
           max(value) FILTER (WHERE name = 'coverage_target_2025')::int AS t25
    FROM vbp.parameter WHERE parameter.rule_set = province_coverage_for.rule_set
  ), v AS (
    SELECT DISTINCT pv.code AS province, pr.group_code, b.kind = 'provincial' AS provincial
    FROM vbp.selection s
    JOIN vbp.batch b ON b.batch_id = s.batch_id
    JOIN vbp.product pr ON pr.product_code = s.product_code
    JOIN vbp.division pv ON pv.level = 'province'
     AND CASE WHEN b.kind = 'provincial' THEN pv.code = b.province
              ELSE s.supply_provinces IS NULL OR pv.code = ANY (s.supply_provinces) END
    WHERE s.selected AND b.cycle_start <= as_of
  ), c AS (
    SELECT pv.code, pv.name,
           count(DISTINCT v.group_code) FILTER (WHERE NOT v.provincial) AS nat,
           count(DISTINCT v.group_code) FILTER (WHERE v.provincial) AS prov,
           count(DISTINCT v.group_code) AS total,
           count(DISTINCT v.group_code) FILTER (WHERE g.essential) AS ess
    FROM vbp.division pv
    LEFT JOIN v ON v.province = pv.code
    LEFT JOIN vbp.generic_group g ON g.group_code = v.group_code
    WHERE pv.level = 'province'
    GROUP BY pv.code, pv.name
  )
  SELECT c.code, c.name, c.nat, c.prov, c.total, c.ess, round(c.ess::numeric / nullif(c.total, 0), 4),
         p.t22, p.t25, c.total >= p.t22, c.total >= p.t25, greatest(0, p.t25 - c.total)
  FROM c CROSS JOIN p
$$;
COMMENT ON FUNCTION vbp.province_coverage_for(date, text) IS
  'Coverage (集采品种覆盖) per province on a date: distinct generic groups with a winner in a national or alliance batch supplying the province (supply_provinces NULL = all) or in the province''s own batches, counted from each batch''s cycle start; essential medicines among them and their share; against coverage_target_2022 (350) and coverage_target_2025 (500)';

CREATE VIEW vbp.province_coverage AS SELECT * FROM vbp.province_coverage_for(vbp.report_date());
COMMENT ON VIEW vbp.province_coverage IS
  'Province coverage (省级集采品种数) as of vbp.report_date(): national + provincial VBP varieties against 350 (2022) and 500 (2025), with the essential-medicine match (基本药物占比)';
COMMENT ON COLUMN vbp.province_coverage.province IS 'Province code (GB/T 2260, 2 digits)';
COMMENT ON COLUMN vbp.province_coverage.name IS 'Province name';
COMMENT ON COLUMN vbp.province_coverage.national_varieties IS 'Generic groups under national or alliance VBP supplying the province';
COMMENT ON COLUMN vbp.province_coverage.provincial_varieties IS 'Generic groups under the province''s own VBP';
COMMENT ON COLUMN vbp.province_coverage.varieties IS 'Distinct generic groups under either (品种数)';
COMMENT ON COLUMN vbp.province_coverage.essential_varieties IS 'Of them, essential medicines (基本药物)';
COMMENT ON COLUMN vbp.province_coverage.essential_share IS 'Essential varieties / varieties (national picture: 115 / 234 = 49%)';
COMMENT ON COLUMN vbp.province_coverage.target_2022 IS 'Target for 2022 (coverage_target_2022, 350)';
COMMENT ON COLUMN vbp.province_coverage.target_2025 IS 'Target for 2025 (coverage_target_2025, 500)';
COMMENT ON COLUMN vbp.province_coverage.meets_2022_target IS 'varieties >= target_2022';
COMMENT ON COLUMN vbp.province_coverage.meets_2025_target IS 'varieties >= target_2025';
COMMENT ON COLUMN vbp.province_coverage.gap_2025 IS 'Varieties still missing for the 2025 target';

-- ---------------------------------------------------------------------
-- Next-batch candidates (应采尽采)
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.next_batch_candidates_for(as_of date, rule_set text DEFAULT 'national')
  RETURNS TABLE (
    group_code vbp.drugcode, generic_name text, dosage_form text, essential boolean, negotiated boolean,
    spend vbp.cny, quantity bigint, institutions bigint, evaluated_companies bigint, companies bigint,
    enough_competition boolean, spend_rank bigint, volume_rank bigint)
  LANGUAGE sql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
  WITH p AS (
    SELECT max(value) FILTER (WHERE name = 'competition_min_companies') AS min_co,
           max(value) FILTER (WHERE name = 'candidate_window_months')::int AS months
    FROM vbp.parameter WHERE parameter.rule_set = next_batch_candidates_for.rule_set
  ), under_vbp AS (
    SELECT DISTINCT pr.group_code
    FROM vbp.selection s JOIN vbp.batch b ON b.batch_id = s.batch_id JOIN vbp.product pr ON pr.product_code = s.product_code
    WHERE s.selected AND b.cycle_start <= as_of
  ), use AS (
    SELECT pr.group_code, vbp.sum(pu.amount) AS spend, sum(pu.quantity)::bigint AS q, count(DISTINCT pu.org_code) AS inst
    FROM vbp.purchase pu JOIN vbp.product pr ON pr.product_code = pu.product_code CROSS JOIN p
    WHERE pu.purchased_on > (as_of - make_interval(months => p.months))::date AND pu.purchased_on <= as_of
      AND NOT EXISTS (SELECT 1 FROM under_vbp u WHERE u.group_code = pr.group_code)
    GROUP BY 1
  ), comp AS (
    SELECT pr.group_code, count(DISTINCT pr.company) FILTER (WHERE pr.consistency_evaluated) AS ev,
           count(DISTINCT pr.company) AS allco
    FROM vbp.product pr GROUP BY 1
  )
  SELECT g.group_code, g.generic_name, g.dosage_form, g.essential,
         EXISTS (SELECT 1 FROM vbp.nrdl_item it JOIN vbp.nrdl_version v ON v.version_id = it.version_id
                 WHERE it.group_code = g.group_code AND v.effective_from <= as_of
                   AND (v.effective_to IS NULL OR v.effective_to >= as_of)),
         u.spend, u.q, u.inst, coalesce(c.ev, 0), coalesce(c.allco, 0), coalesce(c.ev, 0) >= p.min_co,
         rank() OVER (ORDER BY u.spend DESC), rank() OVER (ORDER BY u.q DESC)
  FROM use u
  JOIN vbp.generic_group g ON g.group_code = u.group_code
  LEFT JOIN comp c ON c.group_code = u.group_code
  CROSS JOIN p
$$;
COMMENT ON FUNCTION vbp.next_batch_candidates_for(date, text) IS
  'Candidates for the next batch (应采尽采) on a date: generic groups with no winner in any batch started by then, with spend, units and buying institutions over the candidate_window_months (12) up to the date, ranked by spend and by volume; competition = companies holding consistency-evaluated products, enough at competition_min_companies (3); negotiated = on the negotiated-drug list in force';

CREATE VIEW vbp.next_batch_candidates AS SELECT * FROM vbp.next_batch_candidates_for(vbp.report_date());
COMMENT ON VIEW vbp.next_batch_candidates IS
  'Next-batch candidates (应采尽采候选品种) as of vbp.report_date(): generic groups not yet under VBP, ranked by spend and volume, with the number of consistency-evaluated companies as the measure of competition';
COMMENT ON COLUMN vbp.next_batch_candidates.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.next_batch_candidates.generic_name IS 'Generic name (通用名)';
COMMENT ON COLUMN vbp.next_batch_candidates.dosage_form IS 'Dosage form (剂型)';
COMMENT ON COLUMN vbp.next_batch_candidates.essential IS 'Essential medicine (基本药物)';
COMMENT ON COLUMN vbp.next_batch_candidates.negotiated IS 'On the negotiated-drug list in force (谈判药品, usually still under exclusivity)';
COMMENT ON COLUMN vbp.next_batch_candidates.spend IS 'Spend over the window (采购金额)';
COMMENT ON COLUMN vbp.next_batch_candidates.quantity IS 'Units bought over the window, smallest dosage units';
COMMENT ON COLUMN vbp.next_batch_candidates.institutions IS 'Institutions that bought it';
COMMENT ON COLUMN vbp.next_batch_candidates.evaluated_companies IS 'Companies holding a consistency-evaluated product (过评企业数)';
COMMENT ON COLUMN vbp.next_batch_candidates.companies IS 'Companies holding any product of the group';
COMMENT ON COLUMN vbp.next_batch_candidates.enough_competition IS 'evaluated_companies >= competition_min_companies (3)';
COMMENT ON COLUMN vbp.next_batch_candidates.spend_rank IS 'Rank by spend, 1 = largest';
COMMENT ON COLUMN vbp.next_batch_candidates.volume_rank IS 'Rank by units, 1 = largest';

-- ---------------------------------------------------------------------
-- Credit ratings (医药价格和招采信用评价)
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.credit_rating_for(as_of date, rule_set text DEFAULT '2020')
  RETURNS TABLE (
    company vbp.uscc, company_name text, window_from date, cases bigint, payments bigint,
    largest_case text, largest_case_amount vbp.cny, largest_single vbp.cny, level text)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  years int;
  since date;
BEGIN
  SELECT max(t.window_years) INTO years FROM vbp.credit_threshold t WHERE t.rule_set = credit_rating_for.rule_set;
  IF years IS NULL THEN
    RAISE EXCEPTION 'credit rule set "%" has no thresholds', rule_set
      USING ERRCODE = 'invalid_parameter_value', HINT = 'The shipped rule set is 2020; add rows to vbp.credit_threshold for others.';
  END IF;
  since := (as_of - make_interval(years => years))::date + 1;
  RETURN QUERY
  WITH r AS (
    SELECT k.* FROM vbp.kickback_record k
    WHERE k.paid_on BETWEEN since AND as_of AND (k.judged_on IS NULL OR k.judged_on <= as_of)
  ), c AS (
    SELECT r.company AS co, r.case_id, vbp.sum(r.amount) AS total, vbp.max(r.amount) AS single, count(*) AS n,
           max(r.company_name) AS nm
    FROM r GROUP BY 1, 2
  )
  SELECT c.co, max(c.nm), since, count(*), sum(c.n)::bigint,
         (array_agg(c.case_id ORDER BY c.total DESC, c.case_id))[1],
         vbp.max(c.total), vbp.max(c.single),
         vbp.credit_level(vbp.max(c.total), vbp.max(c.single), credit_rating_for.rule_set)
  FROM c GROUP BY c.co;
END $$;
COMMENT ON FUNCTION vbp.credit_rating_for(date, text) IS
  'Credit rating (信用评价) of every company with kickback records on a date: payments within the rule set''s look-back window (3 years: from as_of - 3 years + 1 day) judged by then; the largest cumulative amount of one case, the largest single payment, and the level by vbp.credit_level (NULL below every threshold)';

CREATE VIEW vbp.credit_rating AS SELECT * FROM vbp.credit_rating_for(vbp.report_date());
COMMENT ON VIEW vbp.credit_rating IS
  'Credit ratings (医药价格和招采信用评价) of companies as of vbp.report_date(), rule set 2020: 一般 from cumulative 10,000-150,000 yuan in one case or a single payment of 10,000-100,000 yuan within 3 years';
COMMENT ON COLUMN vbp.credit_rating.company IS 'Company (统一社会信用代码)';
COMMENT ON COLUMN vbp.credit_rating.company_name IS 'Company name as recorded';
COMMENT ON COLUMN vbp.credit_rating.window_from IS 'First day of the look-back window';
COMMENT ON COLUMN vbp.credit_rating.cases IS 'Cases with payments in the window';
COMMENT ON COLUMN vbp.credit_rating.payments IS 'Payments in the window';
COMMENT ON COLUMN vbp.credit_rating.largest_case IS 'Case with the largest cumulative amount';
COMMENT ON COLUMN vbp.credit_rating.largest_case_amount IS 'Its cumulative amount in the window (累计金额)';
COMMENT ON COLUMN vbp.credit_rating.largest_single IS 'Largest single payment in the window (单笔金额)';
COMMENT ON COLUMN vbp.credit_rating.level IS 'Rating level (失信等级): 一般 ...; NULL below every threshold; unclassified above every configured band';

-- time_progress and fulfilment_status in C (the same values; per-row plpgsql and SQL calls dominated the fulfilment report)
CREATE OR REPLACE FUNCTION vbp.time_progress(cycle_start date, cycle_end date, as_of date) RETURNS numeric
  AS 'MODULE_PATHNAME', 'pgvbp_time_progress' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION vbp.fulfilment_status(completion numeric, time_progress numeric, lagging_factor numeric) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_fulfilment_status' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- agreement_purchases: one pass with purchase_tally, returning the agreed volume and cycle as
-- well; products of the group outside the batch's selection count as non-selected.  Its
-- callers are SQL functions (no recorded dependency), replaced after it.
DROP FUNCTION vbp.agreement_purchases(date, int);
CREATE FUNCTION vbp.agreement_purchases(as_of date, payment_days int)
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, agreed_volume bigint,
    cycle_start date, cycle_end date, in_batch boolean,
    selected_units bigint, other_units bigint, all_units bigint,
    selected_spend vbp.cny, other_spend vbp.cny,
    purchases bigint, payments_due bigint, paid_on_time bigint)
  LANGUAGE sql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
  -- One pass over the purchases, as cheap as a bare GROUP BY: the agreement cycles are few
  -- (batch x group x cycle), so each product maps to its cycles through a small hash table
  -- carrying the product's flags in the batch; purchases are tallied per institution x cycle
  -- and only then matched to the agreements.
  WITH cyc AS (
    SELECT row_number() OVER () AS cid, d.*
    FROM (SELECT DISTINCT a.batch_id, a.group_code, a.cycle_start, a.cycle_end FROM vbp.agreement a) d
  ), pm AS (
    SELECT c.cid, c.cycle_start, c.cycle_end, pr.product_code,
           s.selected IS TRUE AS sel, s.product_code IS NOT NULL AS bid
    FROM cyc c
    JOIN vbp.product pr ON pr.group_code = c.group_code
    LEFT JOIN vbp.selection s ON s.product_code = pr.product_code AND s.batch_id = c.batch_id
  ), bought AS (
    SELECT pu.org_code, pm.cid,
           vbp.purchase_tally(pu.quantity, pu.amount, pu.purchased_on, pu.accepted_on, pu.paid_on,
                              pm.sel, pm.bid, pm.cycle_start, pm.cycle_end, as_of, payment_days) AS t
    FROM vbp.purchase pu
    JOIN pm ON pm.product_code = pu.product_code
    GROUP BY 1, 2
  ), per AS (
    SELECT c.batch_id, b.org_code, c.group_code, c.cycle_start, c.cycle_end, b.t
    FROM bought b JOIN cyc c ON c.cid = b.cid
  ), inb AS (
    SELECT DISTINCT s.batch_id, pr.group_code
    FROM vbp.selection s JOIN vbp.product pr ON pr.product_code = s.product_code
  )
  SELECT a.batch_id, a.org_code, a.group_code, a.agreed_volume, a.cycle_start, a.cycle_end, i.batch_id IS NOT NULL,
         coalesce((p.t).selected_units, 0), coalesce((p.t).other_units, 0),
         coalesce((p.t).selected_units + (p.t).other_units, 0),
         coalesce((p.t).selected_spend, '0'), coalesce((p.t).other_spend, '0'),
         coalesce((p.t).purchases, 0), coalesce((p.t).payments_due, 0), coalesce((p.t).paid_on_time, 0)
  FROM vbp.agreement a
  LEFT JOIN per p ON p.batch_id = a.batch_id AND p.org_code = a.org_code AND p.group_code = a.group_code
                 AND p.cycle_start = a.cycle_start AND p.cycle_end = a.cycle_end
  LEFT JOIN inb i ON i.batch_id = a.batch_id AND i.group_code = a.group_code
$$;
COMMENT ON FUNCTION vbp.agreement_purchases(date, int) IS
  'Purchases (采购) of each agreement (with its agreed volume and cycle) from its cycle start to the end of the cycle or as_of (pass infinity for the whole cycle): units of the products selected in the batch and of every other product of the group (non-selected bidders and products that did not bid), in_batch: the group has products in the batch''s selection, units of every product of the group, spends, and purchases, payments due and paid within payment_days of acceptance (those counts over products in the batch)';

CREATE OR REPLACE FUNCTION vbp.fulfilment_for(as_of date, rule_set text DEFAULT 'national')
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, agreed_volume bigint,
    cycle_start date, cycle_end date, time_progress numeric, selected_volume bigint, nonselected_volume bigint,
    completion numeric, status text, selected_share numeric, prefers_selected boolean,
    payments_due bigint, paid_on_time bigint, on_time_rate numeric)
  LANGUAGE sql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
  WITH p AS (
    SELECT max(value) FILTER (WHERE name = 'lagging_factor') AS lagging,
           max(value) FILTER (WHERE name = 'selected_share_floor') AS share_floor,
           max(value) FILTER (WHERE name = 'payment_days') AS pay_days
    FROM vbp.parameter WHERE parameter.rule_set = fulfilment_for.rule_set
  ), a AS (
    SELECT ap.batch_id, ap.org_code, ap.group_code, ap.agreed_volume, ap.cycle_start, ap.cycle_end,
           ap.selected_units AS sel_q, ap.other_units AS other_q, ap.payments_due AS due, ap.paid_on_time AS on_time
    FROM vbp.agreement_purchases(as_of, (SELECT pay_days FROM p)::int) ap
    WHERE ap.in_batch AND ap.cycle_start <= as_of
  )
  SELECT a.batch_id, a.org_code, a.group_code, a.agreed_volume, a.cycle_start, a.cycle_end,
         round(t.tau, 6), a.sel_q, a.other_q, round(t.c, 6),
         vbp.fulfilment_status(t.c, t.tau, p.lagging),
         round(a.sel_q::numeric / nullif(a.sel_q + a.other_q, 0), 6),
         coalesce(a.sel_q::numeric / nullif(a.sel_q + a.other_q, 0) >= p.share_floor, true),
         a.due, a.on_time, round(a.on_time::numeric / nullif(a.due, 0), 6)
  FROM a
  CROSS JOIN p
  CROSS JOIN LATERAL (SELECT vbp.time_progress(a.cycle_start, a.cycle_end, as_of) AS tau,
                             CASE WHEN a.agreed_volume > 0 THEN a.sel_q::numeric / a.agreed_volume ELSE 1 END AS c) t
$$;

CREATE OR REPLACE FUNCTION vbp.report_credibility_for(as_of date, rule_set text DEFAULT 'national')
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, level text,
    baseline_volume bigint, reported_volume bigint, not_reported boolean, under_reported boolean,
    missing_sign_off boolean, actual_volume bigint, realised_accuracy numeric, accuracy_flag boolean,
    log_ratio double precision, robust_z double precision, anomalous boolean)
  LANGUAGE sql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
  WITH p AS (
    SELECT max(value) FILTER (WHERE name = 'report_floor') AS floor,
           max(value) FILTER (WHERE name = 'report_accuracy_low') AS lo,
           max(value) FILTER (WHERE name = 'report_accuracy_high') AS hi,
           max(value) FILTER (WHERE name = 'robust_z_threshold') AS zmax,
           (max(value) FILTER (WHERE name = 'robust_z_constant'))::float8 AS zc
    FROM vbp.parameter WHERE parameter.rule_set = report_credibility_for.rule_set
  ), r AS (
    SELECT v.*, i.level,
           CASE WHEN v.reported_volume > 0 AND v.baseline_volume > 0
                THEN ln(v.reported_volume::numeric / v.baseline_volume)::float8 END AS lx
    FROM vbp.volume_report v JOIN vbp.institution i USING (org_code)
  ), cell AS (
    SELECT r.group_code, r.level, vbp.median_mad(r.lx) AS m FROM r GROUP BY 1, 2
  ), actual AS (
    SELECT ap.batch_id, ap.org_code, ap.group_code, ap.all_units AS q, ap.cycle_end <= as_of AS ended
    FROM vbp.agreement_purchases(as_of, NULL) ap
  )
  SELECT r.batch_id, r.org_code, r.group_code, r.level, r.baseline_volume, r.reported_volume,
         r.reported_volume IS NULL AND r.baseline_volume > 0,
         coalesce(r.reported_volume < p.floor * r.baseline_volume, false),
         r.reported_volume IS NOT NULL AND NOT r.signed_off,
         ac.q,
         CASE WHEN ac.ended AND r.reported_volume > 0 THEN round(ac.q::numeric / r.reported_volume, 6) END,
         CASE WHEN ac.ended AND r.reported_volume > 0 THEN ac.q::numeric / r.reported_volume NOT BETWEEN p.lo AND p.hi END,
         r.lx, z.z, coalesce(abs(z.z) > p.zmax, false)
  FROM r CROSS JOIN p
  JOIN cell c USING (group_code, level)
  LEFT JOIN actual ac USING (batch_id, org_code, group_code)
  CROSS JOIN LATERAL (SELECT vbp.robust_z(r.lx, (c.m).median, (c.m).mad, p.zc) AS z) z
$$;

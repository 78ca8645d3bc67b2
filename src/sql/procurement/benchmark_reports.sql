\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- More procurement reports (doc/domain.md §4, §7): price benchmark and its
-- change alerts, payment-standard schedule and convergence, province
-- coverage with essential-medicine match, next-batch candidates, credit
-- ratings.  Each view has a *_for function taking the date and rule set.
-- =====================================================================

-- ---------------------------------------------------------------------
-- Price benchmark (OpenPrescribing price-per-unit, in the database)
-- ---------------------------------------------------------------------
-- A cell is an institution's purchases of a generic group in a month: its
-- units, spend and unit price.  Inlined into each caller, so it reads the rows
-- the caller may read (the owner's, inside vbp.price_peer_cells).
CREATE FUNCTION vbp.price_cells(from_date date, to_date date)
  RETURNS TABLE (month date, group_code vbp.drugcode, org_code vbp.orgcode, quantity bigint, spend vbp.cny, unit_price numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  -- the unit price truncated to 20 places, exactly (spend x 10^20 divided in whole
  -- numbers): equal prices are equal whatever the quantities.  numeric's own
  -- quotient carries 16 to 20 places as the operands' leading digits fall, so the
  -- same price bought in other quantities could compare unequal (22522.60 / 12780
  -- = 1.7623317683881064 against 19144.21 / 10863 = 1.76233176838810641628)
  SELECT x.m, x.g, x.o, x.q, x.s, div(x.s::numeric * 100000000000000000000, x.q) * 0.00000000000000000001
  FROM (SELECT vbp.month_start(pu.purchased_on) AS m, pr.group_code AS g, pu.org_code AS o,
               sum(pu.quantity)::bigint AS q, vbp.sum(pu.amount) AS s
        FROM vbp.purchase pu JOIN vbp.product pr ON pr.product_code = pu.product_code
        WHERE pu.purchased_on BETWEEN price_cells.from_date AND price_cells.to_date
        -- grouped by group, then month: where the grouping sorts, the cells come in
        -- group order, so the change alerts' series (vbp.price_rank_series, grouped by
        -- group) need no sort of their own, and the ranking windows (partitioned by
        -- group and month) only sort each cell's prices (an incremental sort)
        GROUP BY 2, 1, 3
        -- a month whose lines net to no unit (bought and returned in full, or a
        -- return of an earlier month's purchase) has no unit price: not a cell
        HAVING sum(pu.quantity) > 0) x;
END;
COMMENT ON FUNCTION vbp.price_cells(date, date) IS
  'Price cells (机构月度通用名采购单元) over purchases in [from, to] the caller may read: per month x generic group x institution the units, the spend and the unit price spend / units truncated to 20 decimal places (so equal prices are equal whatever the quantities); the cells the price benchmark ranks; a month x group x institution whose lines net to no unit or fewer (returned in full, or a return of an earlier month''s purchase) has no unit price and is no cell';

-- The peers' statistics of every cell (month x generic group) over every
-- institution, whoever asks: a tenant compares its own rows with the same
-- figures the bureau sees.  SECURITY DEFINER, returning aggregates only, and
-- none of a cell with fewer than benchmark_min_peers institutions (one of two
-- peers would read the other's price off the decile).
CREATE FUNCTION vbp.price_peer_cells(from_date date, to_date date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (month date, group_code vbp.drugcode, peers bigint, deciles double precision[], unit_prices numeric[])
  LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  min_peers numeric := vbp.param(rule_set, 'benchmark_min_peers');
BEGIN
  RETURN QUERY
  SELECT c.month, c.group_code, count(*),
         CASE WHEN count(*) >= min_peers THEN vbp.deciles(c.unit_price::float8) END,
         CASE WHEN count(*) >= min_peers THEN array_agg(c.unit_price ORDER BY c.unit_price) END
  FROM vbp.price_cells(from_date, to_date) c GROUP BY 2, 1;
END $$;
COMMENT ON FUNCTION vbp.price_peer_cells(date, date, text) IS
  'Peers'' unit prices of each month x generic group over purchases in [from, to] (同类机构价格分布), over every institution whoever asks (SECURITY DEFINER): the number of peers, their deciles and their sorted unit prices, none of them named; withheld (NULL) where fewer than benchmark_min_peers (5) institutions bought, for everyone alike';

-- The price reports' period check, and which way they rank: whether the
-- caller reads every purchase and product (the owner, as in refresh_reports(),
-- or a role that bypasses row-level security).  Then its own cells are the
-- peers, and one pass ranks them; otherwise its cells are ranked among
-- vbp.price_peer_cells.
CREATE FUNCTION vbp.price_one_pass(from_date date, to_date date) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  IF from_date > to_date THEN
    RAISE EXCEPTION 'the period ends before it starts'
      USING ERRCODE = 'invalid_parameter_value', DETAIL = format('From %s to %s.', from_date, to_date);
  END IF;
  RETURN NOT row_security_active('vbp.purchase') AND NOT row_security_active('vbp.product');
END $$;
COMMENT ON FUNCTION vbp.price_one_pass(date, date) IS
  'Whether the price reports rank the caller''s cells in one pass (单次排名): true where the caller reads every purchase and product (no row-level security applies to it), so its own cells are the peers; false where it reads its own rows only and is ranked among vbp.price_peer_cells; 22023 for a period that ends before it starts';

CREATE FUNCTION vbp.price_rank_for(from_date date, to_date date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (month date, group_code vbp.drugcode, org_code vbp.orgcode, peers bigint, percentile numeric)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  min_peers numeric := vbp.param(rule_set, 'benchmark_min_peers');
BEGIN
  IF vbp.price_one_pass(from_date, to_date) THEN
    RETURN QUERY
    SELECT r.month, r.group_code, r.org_code, r.n,
           CASE WHEN r.n < min_peers THEN NULL WHEN r.n = 1 THEN 0::numeric
                -- 100 x below / (peers - 1) rounded half up to 2 places, in integers:
                -- floor((20000 below + (n - 1)) / (2 (n - 1))) hundredths.  Equal to the
                -- float8 quotient the other branch rounds (a quotient of integers under
                -- 10^9 is never within its rounding error of a half hundredth without
                -- being on it)
                ELSE ((20000 * r.below + r.n - 1) / (2 * (r.n - 1)))::numeric * 0.01 END
    FROM (SELECT c.month, c.group_code, c.org_code, count(*) OVER w AS n, rank() OVER w - 1 AS below
          FROM vbp.price_cells(from_date, to_date) c
          -- one window: its frame is the whole cell, so count(*) counts every peer;
          -- rank() follows the order and ignores the frame; partitioned in the order
          -- vbp.price_cells groups, so only each cell's prices are sorted
          WINDOW w AS (PARTITION BY c.group_code, c.month ORDER BY c.unit_price
                       ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) r;
    RETURN;
  END IF;
  RETURN QUERY
  SELECT c.month, c.group_code, c.org_code, peer.peers,
         -- percent rank among all peers: (peers cheaper) / (peers - 1), as percent_rank()
         CASE WHEN peer.unit_prices IS NULL THEN NULL
              WHEN peer.peers = 1 THEN 0::numeric
              ELSE round(100 * (vbp.count_below(peer.unit_prices, c.unit_price)::float8
                                / (peer.peers - 1))::numeric, 2) END
  -- in cell order, so vbp.count_below meets each cell's array once
  FROM (SELECT * FROM vbp.price_cells(from_date, to_date) x ORDER BY x.month, x.group_code) c
  JOIN (SELECT * FROM vbp.price_peer_cells(from_date, to_date, rule_set) OFFSET 0) peer
    ON peer.month = c.month AND peer.group_code = c.group_code;
END $$;
COMMENT ON FUNCTION vbp.price_rank_for(date, date, text) IS
  'Percentile rank (价格百分位) of each month x generic group x institution cell the caller may read over purchases in [from, to]: 100 x (peers with a lower unit price) / (peers - 1), 0 cheapest, 100 dearest, as percent_rank(), among every institution that bought the group that month (vbp.price_peer_cells, so a tenant sees the bureau''s ranks; one pass where the caller reads every purchase); NULL where fewer than benchmark_min_peers (5) peers';

-- Each institution x group's monthly percentile-rank series, for the change
-- alerts.  Where the caller reads every purchase, one aggregate per generic
-- group ranks the group's cells and builds its institutions' series
-- (vbp.price_rank_series): the cells are made in month order and the series
-- need institution order, and a group's cells regroup in memory where the
-- ranks of every group would not.  Otherwise the caller's ranks among the
-- peers (vbp.price_rank_for) are gathered by institution and group.
CREATE FUNCTION vbp.price_rank_series_for(from_date date, to_date date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (org_code vbp.orgcode, group_code vbp.drugcode, first_month date, percentiles double precision[])
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  min_peers numeric := vbp.param(rule_set, 'benchmark_min_peers');
BEGIN
  IF vbp.price_one_pass(from_date, to_date) THEN
    RETURN QUERY
    SELECT s.org_code, g.group_code, s.first_month, s.percentiles
    -- fewer than min_peers peers: an integer count n is below min_peers exactly when
    -- it is below its ceiling
    FROM (SELECT c.group_code, vbp.price_rank_series(c.org_code, c.month, c.spend, c.quantity, ceil(min_peers)::int) AS ss
          FROM vbp.price_cells(from_date, to_date) c
          GROUP BY c.group_code) g
    CROSS JOIN LATERAL unnest(g.ss) s;
    RETURN;
  END IF;
  RETURN QUERY
  SELECT b.org_code, b.group_code, min(b.month),
         -- (the two array_agg see the rows in the same order: month_series sorts the pairs);
         -- the month as year x 12 + month in float8 (date_part, exact for these integers,
         -- cheaper than extract's numeric); the percentile, which has two decimals, as its
         -- hundredths / 100 in float8: the correctly rounded double of the same decimal, as
         -- the numeric-to-float8 cast gives, without formatting and parsing it
         vbp.month_series(array_agg((date_part('year', b.month) * 12 + date_part('month', b.month))::int),
                          array_agg((b.percentile * 100)::bigint::float8 / 100))
  FROM vbp.price_rank_for(from_date, to_date, rule_set) b
  GROUP BY 1, 2;
END $$;
COMMENT ON FUNCTION vbp.price_rank_series_for(date, date, text) IS
  'Monthly percentile-rank series (价格百分位月度序列) of each institution x generic group the caller may read, over purchases in [from, to]: the first month and the percentile rank of vbp.price_rank_for in each month from then to the last (NULL: no purchase, or fewer than benchmark_min_peers peers), as vbp.cusum takes it; one aggregate per group (vbp.price_rank_series) where the caller reads every purchase';

CREATE FUNCTION vbp.price_benchmark_for(from_date date, to_date date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (
    month date, group_code vbp.drugcode, org_code vbp.orgcode, quantity bigint, spend vbp.cny,
    unit_price numeric, peers bigint, benchmark_unit_price numeric, median_unit_price numeric,
    percentile numeric, saving vbp.cny)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  centile numeric;
  min_peers numeric;
  k int;
BEGIN
  centile := vbp.param(rule_set, 'benchmark_centile');
  min_peers := vbp.param(rule_set, 'benchmark_min_peers');
  IF centile IS NULL OR centile * 10 <> round(centile * 10) OR centile NOT BETWEEN 0.1 AND 0.9 THEN
    RAISE EXCEPTION 'rule set "%" has no usable benchmark_centile', rule_set
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('The benchmark centile is %s; it must be one of the deciles 0.1, 0.2, ..., 0.9.', coalesce(centile::text, 'missing'));
  END IF;
  k := (centile * 10)::int;
  IF vbp.price_one_pass(from_date, to_date) THEN
    -- The caller reads every purchase (vbp.price_one_pass): one sort by cell
    -- and unit price gives each cell's peers, their deciles and its rank.
    RETURN QUERY
    SELECT v.month, v.group_code, v.org_code, v.quantity, v.spend, round(v.unit_price, 6), v.n,
           v.bench, CASE WHEN v.n >= min_peers THEN v.d[5] END,
           CASE WHEN v.n < min_peers THEN NULL WHEN v.n = 1 THEN 0::numeric
                -- round(100 x below / (n - 1), 2) in integers (see vbp.price_rank_for)
                ELSE ((20000 * v.below + v.n - 1) / (2 * (v.n - 1)))::numeric * 0.01 END,
           vbp.ppu_saving(v.spend, v.quantity, v.bench)   -- NULL without a benchmark
    FROM (SELECT u.*, CASE WHEN u.n >= min_peers THEN u.d[k] END AS bench
          -- the deciles already rounded to 6 places, once per cell (vbp.price_deciles)
          FROM (SELECT c.*, count(*) OVER w AS n, vbp.price_deciles(c.unit_price::float8) OVER w AS d,
                       rank() OVER w - 1 AS below
                FROM vbp.price_cells(from_date, to_date) c
                -- one window (as in vbp.price_rank_for): the frame is the whole cell, so
                -- count(*) and the deciles see every peer, once per cell
                WINDOW w AS (PARTITION BY c.group_code, c.month ORDER BY c.unit_price
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) u) v;
    RETURN;
  END IF;
  RETURN QUERY
  -- the caller's own cells (row-level security) against the peers of the whole cell
  SELECT c.month, c.group_code, c.org_code, c.quantity, c.spend, round(c.unit_price, 6), peer.peers,
         round(peer.deciles[k]::numeric, 6), round(peer.deciles[5]::numeric, 6),
         -- percent rank among all peers: (peers cheaper) / (peers - 1), as percent_rank()
         CASE WHEN peer.unit_prices IS NULL THEN NULL
              WHEN peer.peers = 1 THEN 0::numeric
              ELSE round(100 * (vbp.count_below(peer.unit_prices, c.unit_price)::float8
                                / (peer.peers - 1))::numeric, 2) END,
         vbp.ppu_saving(c.spend, c.quantity, round(peer.deciles[k]::numeric, 6))
  -- in cell order, so vbp.count_below meets each cell's array once
  FROM (SELECT * FROM vbp.price_cells(from_date, to_date) x ORDER BY x.month, x.group_code) c
  JOIN (SELECT * FROM vbp.price_peer_cells(from_date, to_date, rule_set) OFFSET 0) peer
    ON peer.month = c.month AND peer.group_code = c.group_code;
END $$;
COMMENT ON FUNCTION vbp.price_benchmark_for(date, date, text) IS
  'Price benchmark (价格对标, OpenPrescribing price-per-unit) per month x generic group x institution the caller may read, over purchases in [from, to]: units, spend, unit price = spend / units, peers (every institution buying the group that month, by vbp.price_peer_cells, so a tenant sees the bureau''s figures; one pass where the caller reads every purchase), the peers'' unit price at benchmark_centile (10th percentile, by vbp.deciles) and median, percentile rank of the unit price (0 cheapest, 100 dearest) and the saving max(0, spend - units x benchmark); the peer figures are NULL where fewer than benchmark_min_peers (5) institutions bought';

CREATE VIEW vbp.price_benchmark WITH (security_invoker = true) AS
  SELECT * FROM vbp.price_benchmark_for((date_trunc('month', vbp.report_date()) - interval '11 months')::date, vbp.report_date());
COMMENT ON VIEW vbp.price_benchmark IS
  'Price benchmark (价格对标) over the 12 months up to vbp.report_date(): each institution''s unit price of a generic group against the peers'' 10th percentile, its percentile rank and the price-per-unit saving';
COMMENT ON COLUMN vbp.price_benchmark.month IS '月份 / month (first day), date';
COMMENT ON COLUMN vbp.price_benchmark.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.price_benchmark.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.price_benchmark.quantity IS '采购量 / units bought in the month, units (最小计量单位)';
COMMENT ON COLUMN vbp.price_benchmark.spend IS '采购金额 / amount spent in the month, yuan (元)';
COMMENT ON COLUMN vbp.price_benchmark.unit_price IS '单价 / unit price, spend ÷ units, yuan (元) per unit';
COMMENT ON COLUMN vbp.price_benchmark.peers IS '同类机构数 / peer institutions buying the generic group in the month, count';
COMMENT ON COLUMN vbp.price_benchmark.benchmark_unit_price IS '对标单价 / unit price of peers at the benchmark centile (10th percentile), yuan (元) per unit';
COMMENT ON COLUMN vbp.price_benchmark.median_unit_price IS '同类中位单价 / median unit price of peers, yuan (元) per unit';
COMMENT ON COLUMN vbp.price_benchmark.percentile IS '价格百分位 / percentile rank of the unit price among peers, 0 cheapest to 100 dearest, percentile (0–100)';
COMMENT ON COLUMN vbp.price_benchmark.saving IS '可节约金额 / price-per-unit saving max(0, spend − units × benchmark unit price), yuan (元)';

CREATE FUNCTION vbp.price_benchmark_alert_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (
    org_code vbp.orgcode, group_code vbp.drugcode, month date, percentile numeric,
    baseline_mean double precision, baseline_sd double precision, cusum_up double precision,
    cusum_down double precision, alert text)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (   -- the rule set's CUSUM parameters, looked up once
    SELECT vbp.param(price_benchmark_alert_for.rule_set, 'cusum_window')::int AS w,
           vbp.param(price_benchmark_alert_for.rule_set, 'cusum_threshold')::float8 AS h,
           vbp.param(price_benchmark_alert_for.rule_set, 'cusum_slack')::float8 AS k
  )
  SELECT s.org_code, s.group_code, (s.first_month + make_interval(months => c.idx - 1))::date,
         c.value::numeric, c.baseline_mean, c.baseline_sd, c.cusum_up, c.cusum_down, c.alert
  -- each institution x group's months, without purchases missing (NULL)
  FROM vbp.price_rank_series_for('-infinity', as_of, rule_set) s
  CROSS JOIN p CROSS JOIN LATERAL vbp.cusum(s.percentiles, p.w, p.h, p.k) c
  WHERE c.alert IS NOT NULL AND vbp.known_rule_set(price_benchmark_alert_for.rule_set);
END;
COMMENT ON FUNCTION vbp.price_benchmark_alert_for(date, text) IS
  'Change alerts (价格变化预警) up to a date: CUSUM (vbp.cusum with the rule set''s window, threshold and slack) over each institution x generic group''s monthly percentile-rank series (vbp.price_rank_series_for, the ranks of vbp.price_rank_for), months without purchases missing; one row per signalled month, up = the institution moved towards the dearest of its peers';

CREATE VIEW vbp.price_benchmark_alert WITH (security_invoker = true) AS SELECT * FROM vbp.price_benchmark_alert_for(vbp.report_date());
COMMENT ON VIEW vbp.price_benchmark_alert IS
  'Price benchmark change alerts (价格变化预警) up to vbp.report_date(): months where an institution''s percentile rank for a generic group shifted, by CUSUM as OpenPrescribing alerts';
COMMENT ON COLUMN vbp.price_benchmark_alert.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.price_benchmark_alert.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.price_benchmark_alert.month IS '预警月份 / month the change was signalled (first day), date';
COMMENT ON COLUMN vbp.price_benchmark_alert.percentile IS '价格百分位 / percentile rank that month, 0 cheapest to 100 dearest, percentile (0–100)';
COMMENT ON COLUMN vbp.price_benchmark_alert.baseline_mean IS '基线均值 / mean percentile rank of the baseline window, percentile (0–100)';
COMMENT ON COLUMN vbp.price_benchmark_alert.baseline_sd IS '基线标准差 / population standard deviation of the baseline window, percentile points';
COMMENT ON COLUMN vbp.price_benchmark_alert.cusum_up IS '上行累积和 / upper CUSUM at the signal, percentile points';
COMMENT ON COLUMN vbp.price_benchmark_alert.cusum_down IS '下行累积和 / lower CUSUM at the signal (magnitude), percentile points';
COMMENT ON COLUMN vbp.price_benchmark_alert.alert IS '预警方向 / up: moved towards the dearest peers; down: towards the cheapest, code';

-- ---------------------------------------------------------------------
-- Payment-standard schedule and convergence (医保发〔2019〕18号)
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.payment_standard_schedule_for(rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (
    batch_id int, group_code vbp.drugcode, product_code vbp.drugcode, selected boolean,
    consistency_evaluated boolean, originator boolean, price numeric, group_selected_price numeric,
    year int, effective_from date, payment_standard numeric)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  years int;
  basis text;
BEGIN
  SELECT vbp.param(payment_standard_schedule_for.rule_set, 'payment_standard_phase_years')::int,
         vbp.param_text(payment_standard_schedule_for.rule_set, 'payment_standard_selected_basis')
    INTO years, basis;
  -- the whole rule set first (a rule set lacking the phase-in's multiple or cut
  -- fails here even when every product of the selection won)
  PERFORM vbp.known_rule_set(payment_standard_schedule_for.rule_set);
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

CREATE VIEW vbp.payment_standard_schedule WITH (security_invoker = true) AS SELECT * FROM vbp.payment_standard_schedule_for(vbp.report_rule_set());
COMMENT ON VIEW vbp.payment_standard_schedule IS
  'Payment-standard schedule (支付标准过渡方案, 医保发〔2019〕18号) per product and phase-in year, national rule set';
COMMENT ON COLUMN vbp.payment_standard_schedule.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.payment_standard_schedule.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.payment_standard_schedule.product_code IS '产品编码 / product code (full 医保药品代码, one company and specification), code';
COMMENT ON COLUMN vbp.payment_standard_schedule.selected IS '中选 / true = the product won the bid (中选药品), flag';
COMMENT ON COLUMN vbp.payment_standard_schedule.consistency_evaluated IS '通过一致性评价 / true = passed generic consistency evaluation, flag';
COMMENT ON COLUMN vbp.payment_standard_schedule.originator IS '原研药 / true = originator brand, phased in like an evaluated generic, flag';
COMMENT ON COLUMN vbp.payment_standard_schedule.price IS '集采前价格 / pre-procurement (reference) price per smallest unit, yuan (元) per unit';
COMMENT ON COLUMN vbp.payment_standard_schedule.group_selected_price IS '同组中选价 / group winning price the standard converges to (max by default), yuan (元) per unit';
COMMENT ON COLUMN vbp.payment_standard_schedule.year IS '过渡年度 / year k of the phase-in (0 = cycle start), ordinal';
COMMENT ON COLUMN vbp.payment_standard_schedule.effective_from IS '执行日期 / cycle start + k years, date';
COMMENT ON COLUMN vbp.payment_standard_schedule.payment_standard IS '医保支付标准 / payment standard per smallest unit in year k, yuan (元) per unit';

CREATE VIEW vbp.payment_standard_convergence WITH (security_invoker = true) AS
  SELECT s.batch_id, s.group_code, s.year, s.effective_from, count(*) AS products,
         min(s.payment_standard) AS min_standard, max(s.payment_standard) AS max_standard,
         round(max(s.payment_standard) / min(s.payment_standard), 4) AS max_min_ratio,
         round((stddev_pop(s.payment_standard) / avg(s.payment_standard)), 4) AS cv
  FROM vbp.payment_standard_schedule s
  GROUP BY s.batch_id, s.group_code, s.year, s.effective_from;
COMMENT ON VIEW vbp.payment_standard_convergence IS
  'Convergence of same-generic payment standards (同通用名支付标准趋同) per batch x generic group x phase-in year: max / min ratio and coefficient of variation (population sd / mean) over the products';
COMMENT ON COLUMN vbp.payment_standard_convergence.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.payment_standard_convergence.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.payment_standard_convergence.year IS '过渡年度 / year k of the payment-standard phase-in (0 = cycle start), ordinal';
COMMENT ON COLUMN vbp.payment_standard_convergence.effective_from IS '执行日期 / cycle start + k years, date';
COMMENT ON COLUMN vbp.payment_standard_convergence.products IS '产品数 / products of the group in the batch selection, count';
COMMENT ON COLUMN vbp.payment_standard_convergence.min_standard IS '最低支付标准 / lowest payment standard per smallest unit, yuan (元) per unit';
COMMENT ON COLUMN vbp.payment_standard_convergence.max_standard IS '最高支付标准 / highest payment standard per smallest unit, yuan (元) per unit';
COMMENT ON COLUMN vbp.payment_standard_convergence.max_min_ratio IS '最高最低比 / highest ÷ lowest payment standard (1 = converged), ratio';
COMMENT ON COLUMN vbp.payment_standard_convergence.cv IS '变异系数 / coefficient of variation, population sd ÷ mean of standards (0 = converged), ratio';

-- ---------------------------------------------------------------------
-- Province coverage and essential-medicine match
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.province_coverage_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (
    province text, name text, national_varieties bigint, provincial_varieties bigint, varieties bigint,
    essential_varieties bigint, essential_share numeric, target_2022 int, target_2025 int,
    meets_2022_target boolean, meets_2025_target boolean, gap_2025 bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (   -- the rule set's parameters, looked up once
    SELECT vbp.param(province_coverage_for.rule_set, 'coverage_target_2022')::int AS t22,
           vbp.param(province_coverage_for.rule_set, 'coverage_target_2025')::int AS t25
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
  WHERE vbp.known_rule_set(province_coverage_for.rule_set);
END;
COMMENT ON FUNCTION vbp.province_coverage_for(date, text) IS
  'Coverage (集采品种覆盖) per province on a date: distinct generic groups with a winner in a national or alliance batch supplying the province (supply_provinces NULL = all) or in the province''s own batches, counted from each batch''s cycle start; essential medicines among them and their share; against coverage_target_2022 (350) and coverage_target_2025 (500)';

CREATE VIEW vbp.province_coverage WITH (security_invoker = true) AS SELECT * FROM vbp.province_coverage_for(vbp.report_date());
COMMENT ON VIEW vbp.province_coverage IS
  'Province coverage (省级集采品种数) as of vbp.report_date(): national + provincial VBP varieties against 350 (2022) and 500 (2025), with the essential-medicine match (基本药物占比)';
COMMENT ON COLUMN vbp.province_coverage.province IS '省份 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.province_coverage.name IS '省份名称 / province name, text';
COMMENT ON COLUMN vbp.province_coverage.national_varieties IS '国家及联盟集采品种数 / generic groups under national or alliance VBP supplying the province, count';
COMMENT ON COLUMN vbp.province_coverage.provincial_varieties IS '省级集采品种数 / generic groups under the own provincial VBP of the province, count';
COMMENT ON COLUMN vbp.province_coverage.varieties IS '集采品种数 / distinct generic groups under either, count';
COMMENT ON COLUMN vbp.province_coverage.essential_varieties IS '基本药物品种数 / of them, essential medicines (基本药物), count';
COMMENT ON COLUMN vbp.province_coverage.essential_share IS '基本药物占比 / essential varieties ÷ varieties, ratio (0–1)';
COMMENT ON COLUMN vbp.province_coverage.target_2022 IS '2022年目标品种数 / coverage target for 2022 (350), count';
COMMENT ON COLUMN vbp.province_coverage.target_2025 IS '2025年目标品种数 / coverage target for 2025 (500), count';
COMMENT ON COLUMN vbp.province_coverage.meets_2022_target IS '达到2022年目标 / true = varieties ≥ 2022 target, flag';
COMMENT ON COLUMN vbp.province_coverage.meets_2025_target IS '达到2025年目标 / true = varieties ≥ 2025 target, flag';
COMMENT ON COLUMN vbp.province_coverage.gap_2025 IS '距2025年目标差额 / varieties still missing for the 2025 target, count';

-- ---------------------------------------------------------------------
-- Next-batch candidates (应采尽采)
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.next_batch_candidates_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (
    group_code vbp.drugcode, generic_name text, dosage_form text, essential boolean, negotiated boolean,
    spend vbp.cny, quantity bigint, institutions bigint, evaluated_companies bigint, companies bigint,
    enough_competition boolean, spend_rank bigint, volume_rank bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (   -- the rule set's parameters, looked up once
    SELECT vbp.param(next_batch_candidates_for.rule_set, 'competition_min_companies') AS min_co,
           vbp.param(next_batch_candidates_for.rule_set, 'candidate_window_months')::int AS months
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
  WHERE vbp.known_rule_set(next_batch_candidates_for.rule_set);
END;
COMMENT ON FUNCTION vbp.next_batch_candidates_for(date, text) IS
  'Candidates for the next batch (应采尽采) on a date: generic groups with no winner in any batch started by then, with spend, units and buying institutions over the candidate_window_months (12) up to the date, ranked by spend and by volume; competition = companies holding consistency-evaluated products, enough at competition_min_companies (3); negotiated = on the negotiated-drug list in force';

CREATE VIEW vbp.next_batch_candidates WITH (security_invoker = true) AS SELECT * FROM vbp.next_batch_candidates_for(vbp.report_date());
COMMENT ON VIEW vbp.next_batch_candidates IS
  'Next-batch candidates (应采尽采候选品种) as of vbp.report_date(): generic groups not yet under VBP, ranked by spend and volume, with the number of consistency-evaluated companies as the measure of competition';
COMMENT ON COLUMN vbp.next_batch_candidates.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.next_batch_candidates.generic_name IS '通用名 / generic name, text';
COMMENT ON COLUMN vbp.next_batch_candidates.dosage_form IS '剂型 / dosage form, text';
COMMENT ON COLUMN vbp.next_batch_candidates.essential IS '基本药物 / true = on the national essential medicines list, flag';
COMMENT ON COLUMN vbp.next_batch_candidates.negotiated IS '谈判药品 / true = on the negotiated-drug list in force (usually still exclusive), flag';
COMMENT ON COLUMN vbp.next_batch_candidates.spend IS '采购金额 / spend over the last 12 months (candidate window), yuan (元)';
COMMENT ON COLUMN vbp.next_batch_candidates.quantity IS '采购量 / units bought over the last 12 months, units (最小计量单位)';
COMMENT ON COLUMN vbp.next_batch_candidates.institutions IS '采购机构数 / institutions that bought the group in the window, count';
COMMENT ON COLUMN vbp.next_batch_candidates.evaluated_companies IS '过评企业数 / companies holding a consistency-evaluated (一致性评价) product, count';
COMMENT ON COLUMN vbp.next_batch_candidates.companies IS '企业数 / companies holding any product of the group, count';
COMMENT ON COLUMN vbp.next_batch_candidates.enough_competition IS '竞争充分 / true = consistency-evaluated companies ≥ competition_min_companies (3), flag';
COMMENT ON COLUMN vbp.next_batch_candidates.spend_rank IS '金额排名 / rank by spend, 1 = largest, rank';
COMMENT ON COLUMN vbp.next_batch_candidates.volume_rank IS '用量排名 / rank by units bought, 1 = largest, rank';

-- ---------------------------------------------------------------------
-- Credit ratings (医药价格和招采信用评价)
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.credit_rating_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (
    company vbp.uscc, company_name text, window_from date, cases bigint, payments bigint,
    largest_case text, largest_case_amount vbp.cny, largest_single vbp.cny, level text,
    level_by_case text, as_holder boolean)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  years int;
  since date;
  thresholds text := vbp.param_text(rule_set, 'credit_threshold_rule_set');
  reach boolean := vbp.param(rule_set, 'credit_reach_holder') = 1;
BEGIN
  SELECT max(w) INTO years FROM (SELECT t.window_years AS w FROM vbp.credit_threshold t WHERE t.rule_set = thresholds
                                 UNION ALL SELECT o.window_years FROM vbp.credit_override o WHERE o.rule_set = thresholds) x;
  IF years IS NULL THEN
    RAISE EXCEPTION 'credit threshold rule set "%" has no thresholds', thresholds
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('Parameter credit_threshold_rule_set of rule set "%s" names it.', rule_set),
            HINT = 'The shipped threshold rule sets are 2020 and 2025 (its levels and top-level cases; its amounts are to be added); add rows to vbp.credit_threshold for others.';
  END IF;
  since := (as_of - make_interval(years => years))::date + 1;
  RETURN QUERY
  WITH r AS (
    -- each record rates its company, and its marketing-authorisation holder where
    -- the rule set reaches through
    SELECT k.case_id, k.company AS party, k.company_name AS nm, k.amount, k.case_kind, false AS via_holder
    FROM vbp.kickback_record k
    WHERE k.paid_on BETWEEN since AND as_of AND (k.judged_on IS NULL OR k.judged_on <= as_of)
    UNION ALL
    SELECT k.case_id, k.holder, NULL, k.amount, k.case_kind, true
    FROM vbp.kickback_record k
    WHERE reach AND k.holder IS NOT NULL AND k.holder <> k.company
      AND k.paid_on BETWEEN since AND as_of AND (k.judged_on IS NULL OR k.judged_on <= as_of)
  ), c AS (
    SELECT r.party AS co, r.case_id, vbp.sum(r.amount) AS total, vbp.max(r.amount) AS single, count(*) AS n,
           max(r.nm) AS nm, bool_and(r.via_holder) AS via
    FROM r GROUP BY 1, 2
  ), o AS (
    -- the most severe level a kind of case sets, whatever the amount
    SELECT DISTINCT ON (r.party) r.party AS co, ov.level, lr.severity
    FROM r JOIN vbp.credit_override ov ON ov.rule_set = thresholds AND ov.case_kind = r.case_kind
    JOIN vbp.credit_level_rank lr ON lr.rule_set = ov.rule_set AND lr.level = ov.level
    ORDER BY r.party, lr.severity DESC
  ), rated AS (
    SELECT c.co, max(c.nm) AS nm, count(*) AS cases, sum(c.n)::bigint AS payments,
           (array_agg(c.case_id ORDER BY c.total DESC, c.case_id))[1] AS largest_case,
           vbp.max(c.total) AS largest_total, vbp.max(c.single) AS largest_single,
           vbp.credit_level(vbp.max(c.total), vbp.max(c.single), credit_rating_for.rule_set) AS by_amount,
           bool_and(c.via) AS via
    FROM c GROUP BY c.co
  )
  SELECT x.co, x.nm, since, x.cases, x.payments, x.largest_case, x.largest_total, x.largest_single,
         -- the more severe of the amount's level and the case's
         CASE WHEN o.level IS NULL THEN x.by_amount
              WHEN x.by_amount IS NULL OR x.by_amount = 'unclassified' THEN o.level
              WHEN (SELECT lr.severity FROM vbp.credit_level_rank lr
                    WHERE lr.rule_set = thresholds AND lr.level = x.by_amount) > o.severity THEN x.by_amount
              ELSE o.level END,
         o.level, x.via
  FROM rated x LEFT JOIN o ON o.co = x.co;
END $$;
COMMENT ON FUNCTION vbp.credit_rating_for(date, text) IS
  'Credit rating (信用评价) of every company with records on a date: records within the rule set''s look-back window (3 years: from as_of - 3 years + 1 day) judged by then; the largest cumulative amount of one case, the largest single payment, the level by vbp.credit_level (NULL below every threshold), raised to the level a kind of case sets whatever the amount (vbp.credit_override, level_by_case: the 2025 revision rates bribing insurance staff and rigging national VBP bids at the top level); where parameter credit_reach_holder is 1 (rule set credit-2025) the marketing-authorisation holder named in a record is rated too (as_holder)';

CREATE VIEW vbp.credit_rating WITH (security_invoker = true) AS SELECT * FROM vbp.credit_rating_for(vbp.report_date());
COMMENT ON VIEW vbp.credit_rating IS
  'Credit ratings (医药价格和招采信用评价) of companies as of vbp.report_date(), rule set 2020: 一般 from cumulative 10,000-150,000 yuan in one case or a single payment of 10,000-100,000 yuan within 3 years';
COMMENT ON COLUMN vbp.credit_rating.company IS '企业 / company (统一社会信用代码), code';
COMMENT ON COLUMN vbp.credit_rating.company_name IS '企业名称 / company name as recorded, text';
COMMENT ON COLUMN vbp.credit_rating.window_from IS '回溯期起始日 / first day of the look-back window (3 years to the report date), date';
COMMENT ON COLUMN vbp.credit_rating.cases IS '案件数 / cases with kickback payments in the window, count';
COMMENT ON COLUMN vbp.credit_rating.payments IS '回扣笔数 / kickback payments in the window, count';
COMMENT ON COLUMN vbp.credit_rating.largest_case IS '最大案件编号 / case (案件编号) with the largest cumulative amount, identifier';
COMMENT ON COLUMN vbp.credit_rating.largest_case_amount IS '最大案件累计金额 / cumulative amount of that case in the window, yuan (元)';
COMMENT ON COLUMN vbp.credit_rating.largest_single IS '最大单笔金额 / largest single kickback payment in the window, yuan (元)';
COMMENT ON COLUMN vbp.credit_rating.level IS '失信等级 / credit rating level, the more severe of amount and case kind (e.g. 一般); NULL below thresholds; unclassified, code';
COMMENT ON COLUMN vbp.credit_rating.level_by_case IS '按情形认定等级 / level a kind of case sets whatever the amount (vbp.credit_override), NULL if none, code';
COMMENT ON COLUMN vbp.credit_rating.as_holder IS '按持有人评价 / true = rated only as marketing-authorisation holder (上市许可持有人) named in other companies records, flag';

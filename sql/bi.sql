-- Materialized views for BI and vbp.refresh_reports().  A second client
-- reading them while they refresh is in test/client/bi.py.
SET search_path = public, vbp;
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
-- created empty, each with a unique index (needed to refresh CONCURRENTLY)
SELECT c.relname, c.relispopulated,
       (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique) AS unique_indexes
FROM pg_class c WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'm' ORDER BY 1;
-- the first refresh is full; the scorecard comes after the two views it reads
SELECT step, matview, mode FROM refresh_reports();
-- each stored view equals the live report it stores, column by column: money as
-- numeric(18,2) yuan (the report's vbp.cny), codes as text, doubles as numeric
CREATE FUNCTION pg_temp.differing(mv text, v text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint; stored text; live text;
BEGIN
  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
         string_agg(quote_ident(a.attname) || CASE b.atttypid
                      WHEN 'vbp.cny'::regtype THEN '::numeric(18,2)' WHEN 'vbp.orgcode'::regtype THEN '::text'
                      WHEN 'vbp.drugcode'::regtype THEN '::text' WHEN 'float8'::regtype THEN '::numeric' ELSE '' END,
                    ', ' ORDER BY a.attnum)
    INTO stored, live
  FROM pg_attribute a JOIN pg_attribute b ON b.attrelid = v::regclass AND b.attname = a.attname
  WHERE a.attrelid = mv::regclass AND a.attnum > 0;
  EXECUTE format('SELECT (SELECT count(*) FROM (SELECT %s FROM %s EXCEPT ALL SELECT %s FROM %s) a)
                       + (SELECT count(*) FROM (SELECT %s FROM %s EXCEPT ALL SELECT %s FROM %s) b)',
                 stored, mv, live, v, live, v, stored, mv) INTO n;
  RETURN n;
END $$;
SELECT mv, pg_temp.differing(mv, v) AS differing,
       (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = mv::regclass AND a.attnum > 0
          AND a.attname IN (SELECT b.attname FROM pg_attribute b WHERE b.attrelid = v::regclass)) AS columns_compared
FROM (VALUES ('vbp.bi_fulfilment', 'vbp.fulfilment'), ('vbp.bi_report_credibility', 'vbp.report_credibility'),
             ('vbp.bi_batch_summary', 'vbp.batch_summary'), ('vbp.bi_retention_statement', 'vbp.retention_statement'),
             ('vbp.bi_price_benchmark', 'vbp.price_benchmark'), ('vbp.bi_nrdl_stocking_summary', 'vbp.nrdl_stocking_summary'),
             ('vbp.bi_nrdl_monitoring', 'vbp.nrdl_monitoring'), ('vbp.bi_trace_code_monthly', 'vbp.trace_code_monthly')) x(mv, v)
ORDER BY 1;
-- what BI clients see: no vbp type in any BI view (a BI tool would read it as text), money
-- columns numeric(18,2), and the names beside the codes filled in
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relname LIKE 'bi\_%'
  AND ((SELECT t.typnamespace FROM pg_type t WHERE t.oid = a.atttypid) = 'vbp'::regnamespace
       OR (a.attname IN ('budget', 'spend', 'savings', 'deductions', 'counted_savings', 'retained', 'settled_retained',
                         'adjustments', 'net_retained', 'saving', 'amount', 'fund_paid')
           AND format_type(a.atttypid, a.atttypmod) <> 'numeric(18,2)'))
ORDER BY 1, 2;
SELECT count(*) AS rows, count(org_name) AS org_names, count(province_name) AS province_names,
       count(generic_name) AS generic_names, count(batch_name) AS batch_names
FROM bi_fulfilment;
-- every status, level, kind, grade and reason in the BI views has its Chinese label
-- (label_zh falls back to the code: listed, the values without one)
SELECT 'status' AS what, status AS value FROM bi_fulfilment WHERE status_zh = status
UNION SELECT 'level', level FROM bi_report_credibility WHERE level_zh = level
UNION SELECT 'kind', kind FROM bi_batch_summary WHERE kind_zh = kind
UNION SELECT 'grade', grade FROM bi_retention_statement WHERE grade_zh = grade
UNION SELECT 'forfeited', forfeited FROM bi_retention_statement WHERE forfeited_zh = forfeited
UNION SELECT 'scope', scope FROM bi_nrdl_stocking_summary WHERE scope_zh = scope
UNION SELECT 'alert', alert FROM fulfilment_alert WHERE label_zh('alert', alert) = alert
UNION SELECT 'channel', channel FROM (SELECT DISTINCT channel FROM dispensing) d WHERE label_zh('channel', channel) = channel
UNION SELECT 'institution level', level FROM (SELECT DISTINCT level FROM institution) i
      WHERE label_zh('institution_level', level) = level
ORDER BY 1, 2;
SELECT status, status_zh, count(*) > 0 AS seen FROM bi_fulfilment GROUP BY 1, 2 ORDER BY 1;
SELECT label_zh('fulfilment_status', 'lagging') AS lagging, label_zh('nope', 'lagging') AS unknown_domain,
       label_zh('alert', NULL) AS null_code;
-- every column of every view and materialized view has a COMMENT with a Chinese label
-- first (what BI tools import as the column's caption); listed: those without
SELECT c.relname, a.attname, col_description(c.oid, a.attnum) AS comment
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('v', 'm')
  AND (col_description(c.oid, a.attnum) IS NULL
       OR col_description(c.oid, a.attnum) !~ '^[^/]*[\u4e00-\u9fff][^/]* / \S')
ORDER BY 1, 2;
SELECT count(*) AS view_columns, count(DISTINCT c.oid) AS views
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('v', 'm');
SELECT sum(agreements) = (SELECT count(*) FROM fulfilment) AS agreements_add_up,
       count(*) = count(org_name) AS named,
       sum(lagging) = (SELECT count(*) FROM fulfilment WHERE status = 'lagging') AS lagging_adds_up,
       sum(anomalous) = (SELECT count(*) FROM report_credibility WHERE anomalous
                         AND (batch_id, org_code) IN (SELECT batch_id, org_code FROM fulfilment)) AS anomalous_adds_up
FROM bi_institution_scorecard;
-- the supply alerts' companies named (the first name of the company's products), and
-- the names joined once: the stored query costs little more than the alerts it stores
-- (a look-up per alert, estimated at a scan of the products each, made the refresh
-- pass jit_inline_above_cost at scale 10 and spend a second compiling)
SELECT count(*) AS company_alerts,
       count(*) FILTER (WHERE company_name IS NOT DISTINCT FROM
                              (SELECT min(p.company_name) FROM product p WHERE p.company::text = a.company)) AS named_as_products
FROM bi_supply_alert a WHERE company IS NOT NULL;
-- and the refresh runs without JIT (its stored queries run once each)
SELECT 'jit=off' = ANY (proconfig) AS refresh_without_jit FROM pg_proc
WHERE oid = 'vbp.refresh_reports(boolean, boolean)'::regprocedure;
CREATE FUNCTION pg_temp.plan_cost(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'Total Cost')::float8;
END $$;
SELECT pg_temp.plan_cost(pg_get_viewdef('vbp.bi_supply_alert'))
       < 1.2 * pg_temp.plan_cost('SELECT * FROM vbp.supply_alert_for(vbp.report_date(), vbp.report_rule_set(), kept => true)')
         AS names_cost_little;
-- the alerts standing in the stored views (what refresh_reports() announces when new;
-- the listening client is in test/client/bi.py)
SELECT kind, kind_zh, count(*) FROM bi_alert GROUP BY 1, 2 ORDER BY 1;
SELECT (SELECT count(*) FROM bi_alert WHERE kind IN ('lagging', 'severely_lagging'))
         = (SELECT count(*) FROM fulfilment WHERE status IN ('lagging', 'severely_lagging')) AS lagging_all_there,
       (SELECT count(*) FROM bi_alert WHERE kind = 'anomalous_report')
         = (SELECT count(*) FROM report_credibility WHERE anomalous) AS anomalous_all_there;
-- the report page: a whole HTML page, every chart, within the caller's scope
SELECT left(p, 15) AS starts, right(p, 7) AS ends,
       (SELECT count(*) FROM regexp_matches(p, '<svg id="chart-', 'g')) AS charts,
       p ~ '<script|<link|<img|url\(|src=|href=' AS refers_outside
FROM report_page((SELECT as_of FROM demo_run)) p;
SELECT current_setting('vbp.as_of') = (SELECT as_of::text FROM demo_run) AS as_of_setting_restored;
SELECT report_page('infinity');
-- once populated, refreshes are CONCURRENTLY unless asked otherwise; the price
-- benchmark's months are recomputed only where something changed: nothing was
-- written, so only the month of the reporting date (a partial month) again
SELECT step, matview, mode FROM refresh_reports() ORDER BY step;
SELECT DISTINCT mode FROM refresh_reports(concurrent => false) WHERE matview::text LIKE 'bi\_%';

-- Incremental refresh of the price benchmark, month by month.  Each step is
-- checked against the live report (vbp.price_benchmark over the 12 months up to
-- the reporting date): the same rows, none missing, none left over.
CREATE FUNCTION pg_temp.benchmark_differs() RETURNS bigint LANGUAGE sql AS $$
  SELECT pg_temp.differing('vbp.bi_price_benchmark', 'vbp.price_benchmark') $$;
-- And of the agreement reports, pair by pair (institution, generic group): each step
-- checked against the live fulfilment and credibility reports the same way.
CREATE FUNCTION pg_temp.agreements_differ() RETURNS bigint LANGUAGE sql AS $$
  SELECT pg_temp.differing('vbp.bi_fulfilment', 'vbp.fulfilment')
         + pg_temp.differing('vbp.bi_report_credibility', 'vbp.report_credibility') $$;
-- And the order lines, line by line (institution, order, line): each step checked
-- against the live order lines, and the supply alerts stored for BI (computed from
-- the kept lines) against the live alerts.
CREATE FUNCTION pg_temp.lines_differ() RETURNS bigint LANGUAGE sql AS $$
  SELECT (SELECT count(*) FROM ((TABLE vbp.order_line_supply_stored EXCEPT ALL TABLE vbp.order_line_supply)
                                UNION ALL (TABLE vbp.order_line_supply EXCEPT ALL TABLE vbp.order_line_supply_stored)) d)
       + (SELECT count(*) FROM ((SELECT kind, org_code, company, key, detail FROM vbp.bi_supply_alert
                                 EXCEPT ALL SELECT a.kind, coalesce(a.org_code::text, ''), a.company::text, a.key, a.detail FROM vbp.supply_alert a)
                                UNION ALL
                                (SELECT a.kind, coalesce(a.org_code::text, ''), a.company::text, a.key, a.detail FROM vbp.supply_alert a
                                 EXCEPT ALL SELECT kind, org_code, company, key, detail FROM vbp.bi_supply_alert)) d) $$;
-- the application role writes a day of purchases on the reporting date (June
-- 2023) and corrects five lines of December 2022: the triggers note two months
SELECT count(*) > 0 AS tenancy FROM setup_tenancy();
CREATE ROLE bi_test_app LOGIN;
SELECT org_code AS app_org FROM purchase GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
SELECT grant_tenant('bi_test_app', 'institution_writer', org_code => :'app_org');
-- the pairs the writes below touch, found from the rows they will write: the
-- institution's first 20 lines of April-May (copied) and first 5 of December 2022
CREATE TEMP TABLE app_pairs AS
SELECT DISTINCT pu.org_code, pr.group_code
FROM (SELECT * FROM (SELECT org_code, product_code FROM purchase WHERE org_code = :'app_org' AND purchased_on BETWEEN '2023-04-01' AND '2023-05-31' ORDER BY purchase_id LIMIT 20) a
      UNION ALL
      SELECT * FROM (SELECT org_code, product_code FROM purchase WHERE org_code = :'app_org' AND purchased_on BETWEEN '2022-12-01' AND '2022-12-31' ORDER BY purchase_id LIMIT 5) d) pu
JOIN product pr USING (product_code);
SET ROLE bi_test_app;
WITH day AS (
  INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount)
  SELECT org_code, product_code, current_setting('vbp.as_of')::date, quantity, amount
  FROM purchase WHERE purchased_on BETWEEN '2023-04-01' AND '2023-05-31' ORDER BY purchase_id LIMIT 20
  RETURNING 1)
SELECT count(*) AS inserted FROM day;
WITH fixed AS (
  UPDATE purchase SET amount = amount + '1.00'
  WHERE purchase_id IN (SELECT purchase_id FROM purchase WHERE purchased_on BETWEEN '2022-12-01' AND '2022-12-31' ORDER BY purchase_id LIMIT 5)
  RETURNING 1)
SELECT count(*) AS corrected FROM fixed;
RESET ROLE;
SELECT DISTINCT month FROM report_change WHERE source = 'purchase' ORDER BY 1;
SELECT count(*) AS pair_notes, count(DISTINCT (org_code, product_code)) AS institution_products
FROM report_change WHERE source = 'purchase_pair';
-- the agreement reports: only the pairs written, as many as found above
-- (and the order lines among them: the day's copied lines have no order number, the
-- five corrected lines of December have one each)
SELECT step, mode,
       step = 1 OR mode = CASE WHEN step = 4
                               THEN format('incremental: %s lines',
                                           (SELECT count(*) FROM (SELECT order_no FROM purchase WHERE org_code = :'app_org'
                                                                    AND purchased_on BETWEEN '2022-12-01' AND '2022-12-31'
                                                                  ORDER BY purchase_id LIMIT 5) d WHERE d.order_no IS NOT NULL))
                               ELSE format('incremental: %s pairs', (SELECT count(*) FROM app_pairs)) END AS the_pairs_written
FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.benchmark_differs() AS differing, pg_temp.agreements_differ() AS agreements_differing,
       (SELECT count(*) FROM report_change) AS changes_left;
-- before the date moves, three order lines whose supply the 20 days change: one placed
-- the day before, still open (due 2 days later: delivery_days), one placed 10 days
-- ahead, and a confirmation dated 5 days ahead on a line delivered already
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no)
SELECT l.org_code, l.product_code, current_setting('vbp.as_of')::date + v.d, l.ordered, l.amount, 'BI-MOVE' || v.d, '1'
FROM (SELECT * FROM order_line_supply ORDER BY org_code, order_no, line_no LIMIT 1) l, (VALUES (-1), (10)) v(d);
SELECT org_code, order_no, line_no FROM order_line_supply ORDER BY org_code DESC, order_no, line_no LIMIT 1 \gset ahead_
INSERT INTO order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity)
VALUES (:'ahead_org_code', :'ahead_order_no', :'ahead_line_no', 'confirmed', 'bi-move', current_setting('vbp.as_of')::date + 5, NULL);
SELECT step, mode FROM refresh_reports() WHERE step = 4;
SELECT order_no, due_on - ordered_on AS days, late, open_past_deadline FROM order_line_supply_stored WHERE order_no LIKE 'BI-MOVE%';
-- the reporting date moves 20 days, into July 2023: June becomes a whole month,
-- July enters the window and July 2022 leaves it
SELECT set_config('vbp.as_of', (current_setting('vbp.as_of')::date + 20)::text, false) AS as_of;
-- (every agreement's time progress moved: the agreement reports are recomputed whole;
-- of the order lines, the open ones whose due date the 20 days passed (counted here from
-- the kept lines: the one placed the day before), the one placed 10 days ahead and the
-- one with the confirmation 5 days ahead: 3 lines)
SELECT count(*) AS lines_due_in_between FROM order_line_supply_stored
WHERE fulfilled_on IS NULL AND due_on >= current_setting('vbp.as_of')::date - 20 AND due_on < current_setting('vbp.as_of')::date;
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.benchmark_differs() AS differing, min(month) AS first_month, max(month) AS last_month,
       pg_temp.agreements_differ() AS agreements_differing, pg_temp.lines_differ() AS lines_differing FROM bi_price_benchmark;
SELECT order_no, late, open_past_deadline FROM order_line_supply_stored WHERE order_no LIKE 'BI-MOVE%' ORDER BY 1;
DELETE FROM order_event WHERE event_no = 'bi-move';
DELETE FROM purchase WHERE order_no LIKE 'BI-MOVE%';
SELECT count(*) > 0 AS refreshed, pg_temp.lines_differ() AS lines_differing FROM refresh_reports();
-- a purchase deleted from a month in the middle of the window
DELETE FROM purchase WHERE purchase_id = (SELECT min(purchase_id) FROM purchase WHERE purchased_on BETWEEN '2023-03-01' AND '2023-03-31');
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.benchmark_differs() AS differing, pg_temp.agreements_differ() AS agreements_differing;
-- written straight to the partition that holds it (as a DBA's bulk load may): the
-- partition's own change triggers note the month (a statement on a partition fires
-- the partition's statement triggers, not its parent's): March and July again, as above
SELECT count(*) AS unwatched_partitions FROM pg_partition_tree('vbp.purchase') t
WHERE t.relid <> 'vbp.purchase'::regclass AND NOT EXISTS (SELECT FROM pg_trigger g WHERE g.tgrelid = t.relid AND g.tgname = 'report_change_insert');
DELETE FROM vbp.purchase_default WHERE purchase_id = (SELECT min(purchase_id) FROM purchase WHERE purchased_on BETWEEN '2023-03-01' AND '2023-03-31');
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.benchmark_differs() AS differing, pg_temp.agreements_differ() AS agreements_differing;
-- a partition's change triggers dropped by hand and a purchase written to it meanwhile,
-- unnoted: the refresh puts the triggers back and recomputes every month, every
-- agreement and every order line
DROP TRIGGER report_change_insert ON vbp.purchase_default;
DROP TRIGGER report_change_update ON vbp.purchase_default;
DROP TRIGGER report_change_delete ON vbp.purchase_default;
DROP TRIGGER report_change_truncate ON vbp.purchase_default;
INSERT INTO vbp.purchase_default (org_code, product_code, purchased_on, quantity, amount)
SELECT org_code, product_code, purchased_on, quantity * 2, amount FROM purchase
WHERE purchased_on BETWEEN '2023-02-01' AND '2023-02-28' ORDER BY purchase_id LIMIT 1;
SELECT count(*) AS notes FROM report_change;
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.benchmark_differs() AS differing, pg_temp.agreements_differ() AS agreements_differing,
       pg_temp.lines_differ() AS lines_differing,
       (SELECT count(*) FROM pg_trigger WHERE tgrelid = 'vbp.purchase_default'::regclass AND tgname LIKE 'report\_change\_%') AS triggers_back;
-- the kept tables as a new database may see them: analysed while empty, filled by a
-- whole refresh before autovacuum looks again (the planner's count is 0): the pairs
-- and lines written are still weighed against the rows there are, and stay incremental
UPDATE pg_class SET reltuples = 0 WHERE oid IN ('vbp.agreement'::regclass, 'vbp.order_line_supply_stored'::regclass);
SELECT table_rows('vbp.agreement') = (SELECT count(*) FROM agreement) AS agreements_counted,
       table_rows('vbp.order_line_supply_stored') = (SELECT count(*) FROM order_line_supply_stored) AS lines_counted;
-- a purchase moved to another institution: both pairs, the old and the new
UPDATE purchase SET org_code = (SELECT i.org_code FROM institution i WHERE i.org_code <> p.org_code ORDER BY i.org_code LIMIT 1)
FROM (SELECT purchase_id, org_code FROM purchase WHERE purchased_on BETWEEN '2023-05-01' AND '2023-05-31' ORDER BY purchase_id LIMIT 1) p
WHERE purchase.purchase_id = p.purchase_id;
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.agreements_differ() AS agreements_differing;
ANALYZE agreement, order_line_supply_stored;
SELECT table_rows('vbp.agreement') > 0 AND table_rows('vbp.order_line_supply_stored') > 0 AS estimated;
SELECT pg_temp.lines_differ() AS lines_differing, (SELECT count(*) > 1000 FROM order_line_supply_stored) AS lines_kept,
       (SELECT count(*) > 0 FROM bi_supply_alert) AS alerts_stored;
-- the application role orders a line (a purchase with an order number) the day before the
-- reporting date; the platform's feed (the owner, as a load would) records its confirmation
-- and a unit of another institution's line sent back (a negative delivery): two lines
-- noted (the new one twice: by the purchase's and by the event's statement)
SET ROLE bi_test_app;
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no)
SELECT org_code, product_code, current_setting('vbp.as_of')::date - 1, ordered, amount, 'BI-TEST-1', '1'
FROM order_line_supply WHERE org_code = :'app_org' ORDER BY order_no, line_no LIMIT 1;
RESET ROLE;
INSERT INTO order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity)
VALUES (:'app_org', 'BI-TEST-1', '1', 'confirmed', '1', current_setting('vbp.as_of')::date, NULL);
SELECT org_code, order_no, line_no, delivered FROM order_line_supply
WHERE org_code <> :'app_org' AND delivered > 0 ORDER BY org_code, order_no, line_no LIMIT 1 \gset back_
INSERT INTO order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity)
VALUES (:'back_org_code', :'back_order_no', :'back_line_no', 'delivered', 'bi-test', current_setting('vbp.as_of')::date, -1);
SELECT count(*) AS line_notes, count(DISTINCT (org_code, order_no, line_no)) AS lines FROM order_line_change;
SELECT step, mode FROM refresh_reports() WHERE step = 4;
SELECT pg_temp.lines_differ() AS lines_differing,
       (SELECT delivered FROM order_line_supply_stored
        WHERE org_code = :'back_org_code' AND order_no = :'back_order_no' AND line_no = :'back_line_no') = :back_delivered - 1 AS unit_sent_back,
       (SELECT response FROM order_line_supply_stored WHERE order_no = 'BI-TEST-1') AS new_line;
-- the return undone (deleted), then the confirmation corrected (updated): one line each time
DELETE FROM order_event WHERE event_no = 'bi-test';
SELECT step, mode FROM refresh_reports() WHERE step = 4;
SELECT pg_temp.lines_differ() AS lines_differing;
UPDATE order_event SET event = 'refused' WHERE order_no = 'BI-TEST-1';
SELECT step, mode FROM refresh_reports() WHERE step = 4;
SELECT pg_temp.lines_differ() AS lines_differing, (SELECT response FROM order_line_supply_stored WHERE order_no = 'BI-TEST-1') AS new_line;
-- the line's purchase deleted (its event stays, without a line): the line leaves
DELETE FROM purchase WHERE order_no = 'BI-TEST-1';
SELECT step, mode FROM refresh_reports() WHERE step = 4;
SELECT pg_temp.lines_differ() AS lines_differing, (SELECT count(*) FROM order_line_supply_stored WHERE order_no = 'BI-TEST-1') AS left_over;
DELETE FROM order_event WHERE order_no = 'BI-TEST-1';
-- another input of the order lines (a regional delivery deadline, which moves every
-- line's due date in its region): every line again
INSERT INTO delivery_deadline (rule_set, division, days, source)
SELECT 'national', province(:'app_org'), 3, 'bi test'
WHERE NOT EXISTS (SELECT FROM delivery_deadline WHERE rule_set = 'national' AND division = province(:'app_org'));
SELECT step, mode FROM refresh_reports() WHERE step = 4;
SELECT pg_temp.lines_differ() AS lines_differing;
DELETE FROM delivery_deadline WHERE rule_set = 'national' AND division = province(:'app_org') AND source = 'bi test';
SELECT step, mode FROM refresh_reports() WHERE step = 4;
SELECT pg_temp.lines_differ() AS lines_differing;
-- a volume report changed (another input of the agreement reports; its robust z
-- moves its peers'): both recomputed whole
UPDATE volume_report SET reported_volume = reported_volume * 3
WHERE (batch_id, org_code, group_code, cycle_year) IN (SELECT batch_id, org_code, group_code, cycle_year FROM volume_report
                                                       WHERE reported_volume > 0 ORDER BY 1, 2, 3, 4 LIMIT 1);
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.agreements_differ() AS agreements_differing;
-- one statement over more than 10,000 pairs (every line of the demo rewritten as
-- it was): every pair, noted once; the reports whole
UPDATE purchase SET amount = amount;
SELECT source, month, org_code IS NULL AS every_pair FROM report_change WHERE source = 'purchase_pair';
SELECT count(*) AS line_notes, bool_and(org_code IS NULL) AS every_line FROM order_line_change;
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.agreements_differ() AS agreements_differing;
-- another rule set, then one of its parameters changed: every month again
SELECT copy_rule_set('vbp.parameter', 'national', 'bi_test');
SELECT copy_rule_set('vbp.trace_rule', 'national', 'bi_test') IS NOT NULL AS copied;
SET vbp.rule_set = 'bi_test';
SELECT mode FROM refresh_reports() WHERE step = 1;
UPDATE parameter SET value = 0.2 WHERE rule_set = 'bi_test' AND name = 'benchmark_centile';
SELECT mode FROM refresh_reports() WHERE step = 1;
SELECT pg_temp.benchmark_differs() AS differing;
RESET vbp.rule_set;
SELECT step, mode FROM refresh_reports(incremental => false) WHERE step <= 4 ORDER BY step;
SELECT pg_temp.benchmark_differs() AS differing, pg_temp.agreements_differ() AS agreements_differing;
-- off: no change triggers, every refresh recomputes every month; on again: the
-- first refresh recomputes every month (what was written meanwhile was not noted)
SELECT disable_incremental_refresh() AS disabled, disable_incremental_refresh() AS again;
SELECT count(*) AS change_triggers FROM pg_trigger WHERE tgrelid = 'vbp.purchase'::regclass AND tgname LIKE 'report\_change%';
SELECT count(*) AS input_triggers FROM pg_trigger WHERE tgname = 'report_input_change';
SELECT count(*) AS line_triggers FROM pg_trigger WHERE tgname LIKE 'order\_line\_%';
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT enable_incremental_refresh() AS enabled, enable_incremental_refresh() AS again;
SELECT count(*) AS line_triggers FROM pg_trigger WHERE tgname LIKE 'order\_line\_%';
SELECT count(*) AS change_triggers FROM pg_trigger WHERE tgrelid = 'vbp.purchase'::regclass AND tgname LIKE 'report\_change%';
SELECT count(*) AS input_triggers FROM pg_trigger WHERE tgname = 'report_input_change';
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT step, mode FROM refresh_reports() WHERE step <= 4 ORDER BY step;
SELECT pg_temp.benchmark_differs() AS differing, pg_temp.agreements_differ() AS agreements_differing,
       pg_temp.lines_differ() AS lines_differing;
DELETE FROM trace_rule WHERE rule_set = 'bi_test';
DELETE FROM parameter WHERE rule_set = 'bi_test';
DROP OWNED BY bi_test_app;
DROP ROLE bi_test_app;
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
-- the reporting date moved back: every order line again
SELECT step, mode FROM refresh_reports() WHERE step = 4;
SELECT pg_temp.lines_differ() AS lines_differing;

-- an agreement that improves from severely lagging to lagging is no new alert: one with
-- agreed x time progress above 100 units is brought to ceil(0.9 x tau x agreed) selected
-- units, inside the lagging band [0.8 tau, tau) (the extra unit of the ceiling is under 0.1 tau)
SELECT count(*) > 0 AS refreshed FROM refresh_reports();
SELECT f.batch_id, f.org_code, f.group_code, f.cycle_year, f.agreed_volume, f.selected_volume, f.time_progress, f.cycle_start
FROM bi_fulfilment f WHERE f.status = 'severely_lagging' AND f.agreed_volume * f.time_progress > 100
ORDER BY 1, 2, 3, 4 LIMIT 1 \gset sev_
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount)
SELECT :'sev_org_code', s.product_code, :'sev_cycle_start', ceil(0.9 * :sev_time_progress * :sev_agreed_volume)::bigint - :sev_selected_volume, '1.00'
FROM selection s JOIN product p USING (product_code)
WHERE s.batch_id = :sev_batch_id AND s.selected AND p.group_code = :'sev_group_code'::drugcode ORDER BY 1 LIMIT 1;
DELETE FROM alert_log;
SELECT count(*) > 0 AS refreshed FROM refresh_reports();
SELECT status FROM bi_fulfilment WHERE batch_id = :sev_batch_id AND org_code = :'sev_org_code' AND group_code = :'sev_group_code' AND cycle_year = :sev_cycle_year;
SELECT count(*) AS announced FROM alert_log
WHERE org_code = :'sev_org_code'::orgcode AND key = format('batch %s group %s year %s', :sev_batch_id, :'sev_group_code', :sev_cycle_year);

-- clean up for the other tests: empty tables, empty views
SELECT empty_demo_tables();
SELECT count(*) AS refreshed_empty FROM refresh_reports(concurrent => false);

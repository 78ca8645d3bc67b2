\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Supply guarantee reports (供应保障监测): each order line's response,
-- delivery and deadline; supply measures per company x product x province
-- x month and per institution x month; stock-out episodes; the company
-- supply score; substitutions under verified failures; alerts
-- (doc/supply.md).
-- =====================================================================

-- The events of one order line reduced in one pass (C, doc/supply.md): the
-- aggregate keeps the line's events and its final sorts them by date and
-- event number, as the reports would with ORDER BY happened_on, event_no.
CREATE TYPE vbp.order_line_track AS (
  responded_on date, response text, confirmed_part bigint, delivered bigint, cancelled bigint,
  cancelled_on date, first_delivered_on date, full_on date, response_on date);
COMMENT ON TYPE vbp.order_line_track IS
  'One order line''s events reduced (订单事件汇总): the first response and the latest, units partially confirmed, delivered (net) and cancelled, the last cancellation, the first delivery, the first day at whose end the deliveries so far reached ordered - cancelled, and the day of the latest response';
CREATE FUNCTION vbp.order_line_track_collect(internal, bigint, text, date, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_order_line_track_collect' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.order_line_track_collect(internal, bigint, text, date, text, bigint) IS
  'Transition function of order_line_track: keeps one event (a row without an event records only the units ordered); 22023 for an unknown event or an infinite date';
CREATE FUNCTION vbp.order_line_track_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_order_line_track_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.order_line_track_combine(internal, internal) IS
  'Combine function of order_line_track: appends the events of a partial state (parallel workers, partitions)';
CREATE FUNCTION vbp.order_line_track_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_order_line_track_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.order_line_track_serialize(internal) IS
  'Serial function of order_line_track: the units ordered, the collation, then each event (date, kind, quantity, event number)';
CREATE FUNCTION vbp.order_line_track_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_order_line_track_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.order_line_track_deserialize(bytea, internal) IS
  'Deserial function of order_line_track: rebuilds a state, refusing a malformed one';
CREATE FUNCTION vbp.order_line_track_final(internal) RETURNS vbp.order_line_track
  AS 'MODULE_PATHNAME', 'pgvbp_order_line_track_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.order_line_track_final(internal) IS
  'Final function of order_line_track: sorts the events by date and event number and reduces them; 22003 when a total leaves bigint';
CREATE AGGREGATE vbp.order_line_track(ordered bigint, event text, happened_on date, event_no text, quantity bigint) (
  SFUNC = vbp.order_line_track_collect, STYPE = internal, FINALFUNC = vbp.order_line_track_final,
  COMBINEFUNC = vbp.order_line_track_combine, SERIALFUNC = vbp.order_line_track_serialize,
  DESERIALFUNC = vbp.order_line_track_deserialize, PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.order_line_track(bigint, text, date, text, bigint) IS
  'One order line''s events (订单事件汇总) over (units ordered, event, date, event number, quantity), in any order: first response date, latest response (by date, then event number), units partially confirmed, delivered net of returns, cancelled, last cancellation, first delivery of a positive quantity, and the first day the deliveries so far reach ordered - cancelled (NULL if never); a row with a NULL event counts nothing; parallel-safe with combine, serial and deserial';

CREATE FUNCTION vbp.order_line_supply_for(as_of date, rule_set text DEFAULT vbp.report_rule_set(),
                                          scope_orgs vbp.orgcode[] DEFAULT NULL, scope_orders text[] DEFAULT NULL,
                                          scope_lines text[] DEFAULT NULL)
  RETURNS TABLE (org_code vbp.orgcode, order_no text, line_no text, product_code vbp.drugcode, company vbp.uscc,
                 province text, ordered_on date, ordered bigint, amount vbp.cny, deadline_days int, due_on date,
                 responded_on date, response text, confirmed bigint, delivered bigint, cancelled bigint,
                 first_delivered_on date, fulfilled_on date, closed_on date, on_time boolean, late boolean,
                 open_past_deadline boolean)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (
    SELECT vbp.param(order_line_supply_for.rule_set, 'delivery_days')::int AS days
  ), dl AS (   -- each institution's province and deadline: its most precise region's, else the rule set's
    -- (OFFSET 0: looked up once per institution, not at each use per line, and,
    -- unlike a materialized CTE, joined with the statistics of
    -- vbp.institution.org_code: a CTE's 200 assumed distinct codes made the
    -- planner expect 27 institutions per code, sort every line by institution
    -- and merge-join them)
    SELECT i.org_code, vbp.province(i.org_code) AS province,
           coalesce((SELECT d.days FROM vbp.delivery_deadline d
                     WHERE d.rule_set = order_line_supply_for.rule_set AND starts_with(vbp.division(i.org_code), d.division)
                     ORDER BY length(d.division) DESC LIMIT 1), p.days) AS days
    FROM vbp.institution i CROSS JOIN p
    OFFSET 0
  ), l AS (
    SELECT pu.purchase_id, pu.org_code, pu.order_no, pu.line_no, pu.product_code, pu.purchased_on, pu.quantity, pu.amount
    FROM vbp.purchase pu
    -- (distinct: known unique, so the planner removes the join where nothing reads it)
    LEFT JOIN (SELECT DISTINCT u.o, u.n, u.l
               FROM unnest(order_line_supply_for.scope_orgs, order_line_supply_for.scope_orders,
                           order_line_supply_for.scope_lines) u(o, n, l)) k
      ON k.o OPERATOR(vbp.=) pu.org_code AND k.n = pu.order_no AND k.l = pu.line_no
    WHERE pu.order_no IS NOT NULL AND pu.quantity > 0 AND pu.purchased_on <= as_of
      -- the winners' supply is monitored: products selected in a batch running by the order date
      AND EXISTS (SELECT 1 FROM vbp.selection se JOIN vbp.batch b ON b.batch_id = se.batch_id
                  WHERE se.product_code OPERATOR(vbp.=) pu.product_code AND se.selected AND b.cycle_start <= pu.purchased_on)
      -- the lines asked for (the join above made inner by this condition, the lines
      -- read by the order index), or all (folded away when scope_orgs is NULL, and
      -- the join with it: the plain scan's plan)
      AND (order_line_supply_for.scope_orgs IS NULL OR k.o IS NOT NULL)
  ), x AS (   -- each line with its events up to the date, reduced in one pass
    -- (one aggregate, however many fields are taken from it; each field is taken
    -- here, once per line: taken where y's columns are used, a field of the
    -- composite would be taken again at every use, about 30 per line).  Grouped
    -- by the purchase first: the sort that groups the lines then compares one
    -- bigint, not seven columns (two of them text, three of vbp's types
    -- compared through their functions); the rest follow from the purchase
    SELECT l.org_code, l.order_no, l.line_no, l.product_code, l.purchased_on, l.quantity, l.amount,
           (vbp.order_line_track(l.quantity, ev.event, ev.happened_on, ev.event_no, ev.quantity)).*
    FROM l
    LEFT JOIN vbp.order_event ev ON ev.org_code OPERATOR(vbp.=) l.org_code AND ev.order_no = l.order_no
                                AND ev.line_no = l.line_no AND ev.happened_on <= as_of
    GROUP BY l.purchase_id, l.org_code, l.order_no, l.line_no, l.purchased_on, l.product_code, l.quantity, l.amount
  ), y AS (
    SELECT x.org_code, x.order_no, x.line_no, x.product_code, x.purchased_on, x.quantity, x.amount,
           x.responded_on, x.response, x.response_on, x.confirmed_part, x.delivered, x.cancelled,
           x.cancelled_on, x.first_delivered_on, x.full_on,
           pr.company, dl.province, dl.days, x.quantity - x.cancelled AS need
    FROM x
    JOIN dl ON dl.org_code OPERATOR(vbp.=) x.org_code
    JOIN vbp.product pr ON pr.product_code OPERATOR(vbp.=) x.product_code
  )
  SELECT y.org_code, y.order_no, y.line_no, y.product_code, y.company, y.province, y.purchased_on, y.quantity, y.amount,
         y.days, y.purchased_on + y.days, y.responded_on, y.response,
         CASE y.response WHEN 'refused' THEN 0 WHEN 'partially_confirmed' THEN y.confirmed_part
                         WHEN 'confirmed' THEN y.quantity END,
         y.delivered, y.cancelled,
         y.first_delivered_on,
         CASE WHEN y.need > 0 THEN y.full_on END,
         -- closed: delivered in full, cancelled in full, or the rest refused (the refusal's
         -- own day: the latest response, not the first, which may be a confirmation)
         CASE WHEN y.need > 0 AND y.full_on IS NOT NULL THEN y.full_on
              WHEN y.need <= 0 THEN y.cancelled_on
              WHEN y.response = 'refused' THEN y.response_on END,
         coalesce(y.need > 0 AND y.full_on <= y.purchased_on + y.days, false),
         -- true or false, never NULL (a line with no event has no full day and no response)
         CASE WHEN y.need > 0 THEN coalesce(y.full_on > y.purchased_on + y.days, false)
                                   OR (y.full_on IS NULL AND y.purchased_on + y.days < as_of)
              ELSE coalesce(y.delivered < y.quantity AND y.cancelled_on > y.purchased_on + y.days, false) END,
         y.need > 0 AND y.full_on IS NULL AND y.purchased_on + y.days < as_of
           AND y.response IS DISTINCT FROM 'refused'
  FROM y
  WHERE vbp.known_rule_set(order_line_supply_for.rule_set);
END;
COMMENT ON FUNCTION vbp.order_line_supply_for(date, text, vbp.orgcode[], text[], text[]) IS
  'Supply of each order line (订单配送情况) as of a date: the order (vbp.purchase lines with an order number and a positive quantity), its deadline (delivery_days, or the institution''s region in vbp.delivery_deadline), the first response and the latest, the confirmed, delivered (net) and cancelled units, the first delivery, the day the line was delivered in full (need = ordered - cancelled), the day it closed (delivered in full, cancelled in full, or refused with nothing delivered), whether it was on time, late (delivered in full after the deadline; not delivered in full by a deadline already past, a refusal included; or cancelled in full after the deadline without full delivery), and open past the deadline (neither delivered nor refused).  Only lines of products selected in a batch whose cycle started by the order date are monitored: the winners'' supply.  scope_orgs, scope_orders and scope_lines, paired element by element, restrict it to those (institution, order, line) lines, read by the order index (NULL: every line)';

CREATE VIEW vbp.order_line_supply WITH (security_invoker = true) AS SELECT * FROM vbp.order_line_supply_for(vbp.report_date());
COMMENT ON VIEW vbp.order_line_supply IS
  'Supply of each order line (订单配送情况) as of vbp.report_date()';

-- The order lines as of the last vbp.refresh_reports(), every institution's,
-- which vbp.refresh_order_lines() recomputes only for the lines whose purchase
-- or events changed, when nothing else they read did; the supply alerts stored
-- for BI are computed from them (vbp.supply_review_for(..., kept => true)).
-- Its columns are the report function's own.
CREATE TABLE vbp.order_line_supply_stored AS SELECT * FROM vbp.order_line_supply_for('infinity', 'national') WITH NO DATA;
ALTER TABLE vbp.order_line_supply_stored ADD PRIMARY KEY (org_code, order_no, line_no, ordered_on);
-- row-level security: a tenant reads the rows of the institutions it sees, as in
-- vbp.order_line_supply
ALTER TABLE vbp.order_line_supply_stored ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.order_line_supply_stored FOR SELECT USING (vbp.tenant_sees(org_code));
SELECT pg_catalog.pg_extension_config_dump('vbp.order_line_supply_stored', '');
COMMENT ON TABLE vbp.order_line_supply_stored IS
  'Supply of every monitored order line (订单配送情况) as of the last vbp.refresh_reports(): the rows of vbp.order_line_supply_for on its reporting date and rule set, kept by vbp.refresh_order_lines() (only the lines whose purchase or events changed, when nothing else did); the supply alerts stored for BI are computed from it';
COMMENT ON COLUMN vbp.order_line_supply.org_code IS '机构编码 / ordering institution code (定点医疗机构代码), code';
COMMENT ON COLUMN vbp.order_line_supply.order_no IS '订单编号 / platform order number, code';
COMMENT ON COLUMN vbp.order_line_supply.line_no IS '订单明细号 / order line, empty when one line per order, code';
COMMENT ON COLUMN vbp.order_line_supply.product_code IS '药品代码 / product ordered (医保药品代码), code';
COMMENT ON COLUMN vbp.order_line_supply.company IS '生产企业 / company of the product (统一社会信用代码), code';
COMMENT ON COLUMN vbp.order_line_supply.province IS '省份 / province code of the institution (2 digits), code';
COMMENT ON COLUMN vbp.order_line_supply.ordered_on IS '下单日期 / order date, date';
COMMENT ON COLUMN vbp.order_line_supply.ordered IS '订购量 / units ordered, units (最小计量单位)';
COMMENT ON COLUMN vbp.order_line_supply.amount IS '订单金额 / amount of the line, yuan (元)';
COMMENT ON COLUMN vbp.order_line_supply.deadline_days IS '配送时限 / days from the order within which the line is due, days';
COMMENT ON COLUMN vbp.order_line_supply.due_on IS '应送达日期 / order date + deadline, date';
COMMENT ON COLUMN vbp.order_line_supply.responded_on IS '响应日期 / first response of the company (confirmed, partially confirmed or refused), date';
COMMENT ON COLUMN vbp.order_line_supply.response IS '响应结果 / latest response: confirmed, partially_confirmed, refused, code';
COMMENT ON COLUMN vbp.order_line_supply.confirmed IS '确认量 / units the company confirmed (all for confirmed, 0 for refused), units (最小计量单位)';
COMMENT ON COLUMN vbp.order_line_supply.delivered IS '配送量 / units delivered, net of goods sent back, units (最小计量单位)';
COMMENT ON COLUMN vbp.order_line_supply.cancelled IS '取消量 / units cancelled, units (最小计量单位)';
COMMENT ON COLUMN vbp.order_line_supply.first_delivered_on IS '首次送达日期 / first delivery, date';
COMMENT ON COLUMN vbp.order_line_supply.fulfilled_on IS '全部送达日期 / day the line was delivered in full (ordered − cancelled), date';
COMMENT ON COLUMN vbp.order_line_supply.closed_on IS '结束日期 / day the line closed: delivered in full, cancelled in full, or the rest refused (the refusal''s day); empty while open, date';
COMMENT ON COLUMN vbp.order_line_supply.on_time IS '按时送达 / true = delivered in full by the due date, flag';
COMMENT ON COLUMN vbp.order_line_supply.late IS '配送超时 / true = delivered in full after the due date, not in full by a due date already past (refusals included), or cancelled in full after it, flag';
COMMENT ON COLUMN vbp.order_line_supply.open_past_deadline IS '超期未送达 / true = neither delivered in full nor refused, due date past, flag';

CREATE FUNCTION vbp.supply_performance_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (company vbp.uscc, company_name text, product_code vbp.drugcode, province text, month date,
                 lines bigint, ordered bigint, ordered_amount vbp.cny, responded bigint, refused bigint,
                 avg_response_days numeric, delivered bigint, delivered_amount vbp.cny, fill_rate numeric,
                 fill_rate_amount numeric, avg_lead_days numeric, lines_due bigint, on_time bigint,
                 on_time_rate numeric, open_past_deadline bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  -- grouped first, then named: the company's name is the product's, joined
  -- once per group rather than once per order line
  SELECT g.company, pr.company_name, g.product_code, g.province, g.month, g.lines, g.ordered, g.ordered_amount,
         g.responded, g.refused, g.avg_response_days, g.delivered, g.delivered_amount, g.fill_rate,
         g.fill_rate_amount, g.avg_lead_days, g.lines_due, g.on_time, g.on_time_rate, g.open_past_deadline
  FROM (SELECT s.company, s.product_code, s.province, vbp.month_start(s.ordered_on) AS month,
               count(*) AS lines, sum(s.ordered)::bigint AS ordered, vbp.sum(s.amount) AS ordered_amount,
               count(s.responded_on) AS responded, count(*) FILTER (WHERE s.response = 'refused') AS refused,
               round(avg(s.responded_on - s.ordered_on), 2) AS avg_response_days,
               sum(s.delivered)::bigint AS delivered,
               round(sum(s.delivered_amount), 2)::vbp.cny AS delivered_amount,
               round(sum(s.delivered)::numeric / sum(s.ordered), 6) AS fill_rate,
               round(sum(s.delivered_amount) / nullif(vbp.sum(s.amount)::numeric, 0), 6) AS fill_rate_amount,
               round(avg(s.first_delivered_on - s.ordered_on), 2) AS avg_lead_days,
               count(*) FILTER (WHERE s.due_on < as_of OR s.fulfilled_on IS NOT NULL) AS lines_due,
               count(*) FILTER (WHERE s.on_time) AS on_time,
               round(count(*) FILTER (WHERE s.on_time)::numeric
                     / nullif(count(*) FILTER (WHERE s.due_on < as_of OR s.fulfilled_on IS NOT NULL), 0), 6) AS on_time_rate,
               count(*) FILTER (WHERE s.open_past_deadline) AS open_past_deadline
        -- each line's delivered amount once (it is summed twice), and without
        -- a division when the line was delivered in full (most are); OFFSET 0
        -- keeps the subquery from being flattened into two copies of it
        FROM (SELECT l.*, CASE WHEN l.delivered = l.ordered THEN l.amount::numeric
                               ELSE l.amount::numeric * l.delivered / l.ordered END AS delivered_amount
              FROM vbp.order_line_supply_for(as_of, rule_set) l OFFSET 0) s
        GROUP BY s.company, s.product_code, s.province, vbp.month_start(s.ordered_on)) g
  JOIN vbp.product pr ON pr.product_code OPERATOR(vbp.=) g.product_code
  -- an unknown rule set fails before any row is read, even on empty tables
  -- (here, above the join: inside the grouping it is not evaluated when the
  -- join finds no product first)
  WHERE vbp.known_rule_set(supply_performance_for.rule_set);
END;
COMMENT ON FUNCTION vbp.supply_performance_for(date, text) IS
  'Supply measures (供应监测指标) per company x product x province x order month as of a date: order lines, units and amount ordered; lines responded and refused; mean response days (response - order); units and amount delivered (a line''s amount x delivered / ordered); fill rate = delivered / ordered by units and by amount; mean lead days (order -> first delivery); lines due (due date past, or delivered in full), on time, on-time rate = on time / due; lines open past the deadline.  A line belongs to its order month, wherever its deliveries fall';

CREATE VIEW vbp.supply_performance WITH (security_invoker = true) AS SELECT * FROM vbp.supply_performance_for(vbp.report_date());
COMMENT ON VIEW vbp.supply_performance IS
  'Supply measures per company, product, province and order month (企业供应监测) as of vbp.report_date()';
COMMENT ON COLUMN vbp.supply_performance.company IS '生产企业 / company (统一社会信用代码), code';
COMMENT ON COLUMN vbp.supply_performance.company_name IS '企业名称 / company name, text';
COMMENT ON COLUMN vbp.supply_performance.product_code IS '药品代码 / product (医保药品代码), code';
COMMENT ON COLUMN vbp.supply_performance.province IS '省份 / province code of the ordering institutions (2 digits), code';
COMMENT ON COLUMN vbp.supply_performance.month IS '下单月份 / order month (its first day), date';
COMMENT ON COLUMN vbp.supply_performance.lines IS '订单行数 / order lines, count';
COMMENT ON COLUMN vbp.supply_performance.ordered IS '订购量 / units ordered, units (最小计量单位)';
COMMENT ON COLUMN vbp.supply_performance.ordered_amount IS '订单金额 / amount ordered, yuan (元)';
COMMENT ON COLUMN vbp.supply_performance.responded IS '已响应行数 / lines the company responded to, count';
COMMENT ON COLUMN vbp.supply_performance.refused IS '拒绝行数 / lines refused, count';
COMMENT ON COLUMN vbp.supply_performance.avg_response_days IS '平均响应天数 / mean days from order to first response, days';
COMMENT ON COLUMN vbp.supply_performance.delivered IS '配送量 / units delivered (net), units (最小计量单位)';
COMMENT ON COLUMN vbp.supply_performance.delivered_amount IS '配送金额 / amount delivered, line amount × delivered ÷ ordered, yuan (元)';
COMMENT ON COLUMN vbp.supply_performance.fill_rate IS '配送率（数量） / fill rate, delivered ÷ ordered units, ratio';
COMMENT ON COLUMN vbp.supply_performance.fill_rate_amount IS '配送率（金额） / fill rate by amount, delivered ÷ ordered amount, ratio';
COMMENT ON COLUMN vbp.supply_performance.avg_lead_days IS '平均配送天数 / mean days from order to first delivery, days';
COMMENT ON COLUMN vbp.supply_performance.lines_due IS '应送达行数 / lines whose due date has passed or that were delivered in full, count';
COMMENT ON COLUMN vbp.supply_performance.on_time IS '按时送达行数 / lines delivered in full by their due date, count';
COMMENT ON COLUMN vbp.supply_performance.on_time_rate IS '按时配送率 / on time ÷ lines due, ratio (0–1)';
COMMENT ON COLUMN vbp.supply_performance.open_past_deadline IS '超期未送达行数 / lines open past their deadline, count';

CREATE FUNCTION vbp.institution_supply_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (org_code vbp.orgcode, month date, lines bigint, ordered bigint, delivered bigint, fill_rate numeric,
                 lines_due bigint, on_time bigint, on_time_rate numeric, open_past_deadline bigint, refused bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT s.org_code, vbp.month_start(s.ordered_on), count(*), sum(s.ordered)::bigint, sum(s.delivered)::bigint,
         round(sum(s.delivered)::numeric / sum(s.ordered), 6),
         count(*) FILTER (WHERE s.due_on < as_of OR s.fulfilled_on IS NOT NULL),
         count(*) FILTER (WHERE s.on_time),
         round(count(*) FILTER (WHERE s.on_time)::numeric
               / nullif(count(*) FILTER (WHERE s.due_on < as_of OR s.fulfilled_on IS NOT NULL), 0), 6),
         count(*) FILTER (WHERE s.open_past_deadline), count(*) FILTER (WHERE s.response = 'refused')
  FROM vbp.order_line_supply_for(as_of, rule_set) s
  WHERE vbp.known_rule_set(institution_supply_for.rule_set)
  GROUP BY s.org_code, vbp.month_start(s.ordered_on);
END;
COMMENT ON FUNCTION vbp.institution_supply_for(date, text) IS
  'Supply received by each institution per order month (机构到货监测) as of a date: lines, units ordered and delivered, fill rate, lines due, on time, on-time rate, open past the deadline, refused';

CREATE VIEW vbp.institution_supply WITH (security_invoker = true) AS SELECT * FROM vbp.institution_supply_for(vbp.report_date());
COMMENT ON VIEW vbp.institution_supply IS
  'Supply received by each institution per order month (机构到货监测) as of vbp.report_date()';
COMMENT ON COLUMN vbp.institution_supply.org_code IS '机构编码 / institution code (定点医疗机构代码), code';
COMMENT ON COLUMN vbp.institution_supply.month IS '下单月份 / order month (its first day), date';
COMMENT ON COLUMN vbp.institution_supply.lines IS '订单行数 / order lines, count';
COMMENT ON COLUMN vbp.institution_supply.ordered IS '订购量 / units ordered, units (最小计量单位)';
COMMENT ON COLUMN vbp.institution_supply.delivered IS '到货量 / units delivered (net), units (最小计量单位)';
COMMENT ON COLUMN vbp.institution_supply.fill_rate IS '到货率 / delivered ÷ ordered units, ratio';
COMMENT ON COLUMN vbp.institution_supply.lines_due IS '应送达行数 / lines whose due date has passed or that were delivered in full, count';
COMMENT ON COLUMN vbp.institution_supply.on_time IS '按时送达行数 / lines delivered in full by their due date, count';
COMMENT ON COLUMN vbp.institution_supply.on_time_rate IS '按时到货率 / on time ÷ lines due, ratio (0–1)';
COMMENT ON COLUMN vbp.institution_supply.open_past_deadline IS '超期未送达行数 / lines open past their deadline, count';
COMMENT ON COLUMN vbp.institution_supply.refused IS '被拒绝行数 / lines the company refused, count';

-- the reporting date a report that counts days up to it needs: finite
CREATE FUNCTION vbp.finite_report_date(as_of date) RETURNS date
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  IF NOT isfinite(as_of) THEN
    RAISE EXCEPTION 'report date % is not a finite date', as_of
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'The stock-outs, supply scores and supply alerts count the days an open line has waited up to the report date.';
  END IF;
  RETURN as_of;
END $$;
COMMENT ON FUNCTION vbp.finite_report_date(date) IS
  'The report date itself when it is finite; 22023 for infinity or -infinity (报告日期须为有限日期): the reports that count days up to it call it once';

-- The order lines' stock-outs, the stock-out episodes and the supply scores
-- read the same order lines and the same episodes: one function computes all
-- three, each report keeps its kind of row (inlined, the filter on the kind
-- removes the other branches of the query), and the supply alerts, which need
-- episodes and scores, read the lines once.
CREATE FUNCTION vbp.supply_review_for(as_of date, rule_set text DEFAULT vbp.report_rule_set(), kept boolean DEFAULT false)
  RETURNS TABLE (kind text, org_code vbp.orgcode, product_code vbp.drugcode, company vbp.uscc, started_on date,
                 ended_on date, duration_days int, lines bigint, ongoing boolean, batch_id int, company_name text,
                 products bigint, lines_due bigint, problems bigint, problem_rate numeric, episodes bigint,
                 stockout_days bigint, score numeric, rank bigint, below_threshold boolean,
                 ordered_on date, due_on date, fulfilled_on date, closed_on date, late boolean, response text,
                 delivered bigint, stockout_until date, episode bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (
    SELECT vbp.param(supply_review_for.rule_set, 'stockout_days')::int AS days,
           vbp.param(supply_review_for.rule_set, 'supply_score_per_episode') AS w_ep,
           vbp.param(supply_review_for.rule_set, 'supply_score_per_problem_pct') AS w_pct,
           vbp.param(supply_review_for.rule_set, 'supply_score_per_stockout_day') AS w_day,
           vbp.param(supply_review_for.rule_set, 'supply_score_alert') AS alert,
           vbp.finite_report_date(supply_review_for.as_of) AS upto
  ), win AS (   -- the winners of each batch started by as_of: one row per selected product
    SELECT s.batch_id, b.cycle_start, pr.company, pr.company_name, s.product_code
    FROM vbp.selection s JOIN vbp.batch b USING (batch_id)
    JOIN vbp.product pr ON pr.product_code OPERATOR(vbp.=) s.product_code
    WHERE s.selected AND b.cycle_start <= as_of AND pr.company IS NOT NULL
  ), co AS (
    SELECT w.batch_id, w.company, min(w.company_name) AS company_name, count(*) AS products
    FROM win w GROUP BY w.batch_id, w.company
  ), o AS MATERIALIZED (   -- the order lines, read once for the lines, the episodes and the scores
    -- a stock-out: not delivered in full within stockout_days of the order
    SELECT l.org_code, l.product_code, l.company, l.ordered_on, l.due_on, l.fulfilled_on, l.closed_on, l.late,
           l.response, l.delivered, coalesce(l.closed_on, p.upto) AS e_upto,
           -- refused short of its need: refused outright, or the rest refused after a part was
           -- delivered (not a line cancelled in full, which nobody was to supply)
           l.response = 'refused' AND l.fulfilled_on IS NULL AND l.ordered > l.cancelled AS refused_short,
           coalesce(l.closed_on, p.upto) - l.ordered_on > p.days AS stockout
    -- the lines computed, or those kept by the last refresh (one branch is planned
    -- away by its constant condition)
    FROM (SELECT ls.* FROM vbp.order_line_supply_for(as_of, rule_set) ls WHERE NOT supply_review_for.kept
          UNION ALL
          SELECT st.* FROM vbp.order_line_supply_stored st WHERE supply_review_for.kept) l
    CROSS JOIN p
  ), marked AS (   -- a new episode where a stock-out starts after every earlier one ended
    SELECT o.*,
           CASE WHEN o.ordered_on > max(o.e_upto) OVER (PARTITION BY o.org_code, o.product_code
                                                         ORDER BY o.ordered_on, o.e_upto
                                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                THEN 1 ELSE 0 END AS starts
    FROM o WHERE o.stockout
  ), numbered AS MATERIALIZED (   -- the stock-outs with their episode (few; read by the lines and the episodes)
    SELECT m.*, sum(m.starts) OVER (PARTITION BY m.org_code, m.product_code
                                    ORDER BY m.ordered_on, m.e_upto ROWS UNBOUNDED PRECEDING) AS episode
    FROM marked m
  ), l AS (
    SELECT w.batch_id, w.company, count(*) AS lines,
           -- judged: due by the date, delivered in full, or closed (a refusal before
           -- its due date is a problem, so it is judged: the rate stays within 0-1)
           count(*) FILTER (WHERE o.due_on < as_of OR o.fulfilled_on IS NOT NULL OR o.closed_on IS NOT NULL) AS due,
           count(*) FILTER (WHERE o.late OR o.refused_short) AS problems
    FROM win w JOIN o
      ON o.product_code OPERATOR(vbp.=) w.product_code AND o.ordered_on >= w.cycle_start
    GROUP BY w.batch_id, w.company
  ), e AS MATERIALIZED (   -- the episodes: overlapping stock-outs of an institution and product
    SELECT n.org_code, n.product_code, min(n.company::text)::vbp.uscc AS company, min(n.ordered_on) AS started_on,
           CASE WHEN bool_and(n.closed_on IS NOT NULL) THEN max(n.closed_on) END AS ended_on,
           (max(n.e_upto) - min(n.ordered_on))::int AS duration_days, count(*) AS lines,
           NOT bool_and(n.closed_on IS NOT NULL) AS ongoing
    FROM numbered n
    GROUP BY n.org_code, n.product_code, n.episode
  ), ep AS (
    SELECT w.batch_id, w.company, count(*) AS episodes, sum(e.duration_days)::bigint AS days
    FROM win w JOIN e
      ON e.product_code OPERATOR(vbp.=) w.product_code AND e.started_on >= w.cycle_start
    GROUP BY w.batch_id, w.company
  ), sc AS (
    SELECT w.batch_id, w.company, w.company_name, w.products,
           coalesce(l.lines, 0) AS lines, coalesce(l.due, 0) AS due, coalesce(l.problems, 0) AS problems,
           round(l.problems::numeric / nullif(l.due, 0), 6) AS rate,
           coalesce(ep.episodes, 0) AS episodes, coalesce(ep.days, 0) AS days,
           -- no line due and no stock-out: nothing to judge, no score (not a perfect one)
           CASE WHEN coalesce(l.due, 0) > 0 OR coalesce(ep.episodes, 0) > 0 THEN
           round(greatest(0, 100 - p.w_ep * coalesce(ep.episodes, 0)
                               - p.w_pct * 100 * coalesce(l.problems::numeric / nullif(l.due, 0), 0)
                               - p.w_day * coalesce(ep.days, 0)), 2) END AS score,
           p.alert
    FROM co w CROSS JOIN p
    LEFT JOIN l ON l.batch_id = w.batch_id AND l.company OPERATOR(vbp.=) w.company
    LEFT JOIN ep ON ep.batch_id = w.batch_id AND ep.company OPERATOR(vbp.=) w.company
  ), ranked AS (   -- ranked here, so that the branch below has no window and a filter on the kind reaches it
    SELECT sc.*, CASE WHEN sc.score IS NOT NULL
                      THEN rank() OVER (PARTITION BY sc.batch_id ORDER BY sc.score DESC NULLS LAST) END AS rk FROM sc
  )
  SELECT 'line'::text, x.org_code, x.product_code, x.company, NULL::date, NULL::date, NULL::int, NULL::bigint,
         NULL::boolean, NULL::int, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint, NULL::numeric, NULL::bigint,
         NULL::bigint, NULL::numeric, NULL::bigint, NULL::boolean,
         x.ordered_on, x.due_on, x.fulfilled_on, x.closed_on, x.late, x.response, x.delivered, x.stockout_until, x.episode
  FROM (SELECT o.org_code, o.product_code, o.company, o.ordered_on, o.due_on, o.fulfilled_on, o.closed_on, o.late,
               o.response, o.delivered, NULL::date AS stockout_until, NULL::bigint AS episode
        FROM o WHERE NOT o.stockout
        UNION ALL
        SELECT n.org_code, n.product_code, n.company, n.ordered_on, n.due_on, n.fulfilled_on, n.closed_on, n.late,
               n.response, n.delivered, n.e_upto, n.episode::bigint
        FROM numbered n) x
  UNION ALL
  SELECT 'episode'::text, e.org_code, e.product_code, e.company, e.started_on, e.ended_on, e.duration_days, e.lines,
         e.ongoing, NULL::int, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint, NULL::numeric, NULL::bigint,
         NULL::bigint, NULL::numeric, NULL::bigint, NULL::boolean,
         NULL::date, NULL::date, NULL::date, NULL::date, NULL::boolean, NULL::text, NULL::bigint, NULL::date, NULL::bigint
  FROM e
  UNION ALL
  SELECT 'score'::text, NULL::vbp.orgcode, NULL::vbp.drugcode, r.company, NULL::date, NULL::date, NULL::int, r.lines,
         NULL::boolean, r.batch_id, r.company_name, r.products, r.due, r.problems, r.rate, r.episodes, r.days,
         r.score, r.rk, r.score < r.alert,
         NULL::date, NULL::date, NULL::date, NULL::date, NULL::boolean, NULL::text, NULL::bigint, NULL::date, NULL::bigint
  FROM ranked r
  WHERE vbp.known_rule_set(supply_review_for.rule_set);
END;
COMMENT ON FUNCTION vbp.supply_review_for(date, text, boolean) IS
  'Order lines'' stock-outs, stock-out episodes and supply scores in one pass over the order lines (供应评价) as of a date: kind line (the columns of vbp.order_line_stockout_for), episode (those of vbp.stockout_episodes_for) or score (those of vbp.supply_score_for); the three and vbp.supply_alert_for read it.  kept: read the order lines kept by the last refresh (vbp.order_line_supply_stored, which must be as of the same date and rule set: vbp.refresh_reports() refreshes them first) instead of computing them';

CREATE FUNCTION vbp.order_line_stockout_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (org_code vbp.orgcode, product_code vbp.drugcode, company vbp.uscc, ordered_on date, due_on date,
                 fulfilled_on date, closed_on date, late boolean, response text, delivered bigint,
                 stockout_until date, episode bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT r.org_code, r.product_code, r.company, r.ordered_on, r.due_on, r.fulfilled_on, r.closed_on, r.late,
         r.response, r.delivered, r.stockout_until, r.episode
  FROM vbp.supply_review_for(as_of, rule_set) r
  WHERE r.kind = 'line';
END;
COMMENT ON FUNCTION vbp.order_line_stockout_for(date, text) IS
  'Each monitored order line (订单行断供标记) as of a date with what the supply score needs and its stock-out episode: a line not delivered in full for longer than stockout_days after its order date (until it is delivered in full, cancelled in full or refused, or until as_of while open: stockout_until) is a stock-out; stock-outs of the same institution and product that overlap share an episode number (from 0, in order of their order dates); NULL for the other lines';

CREATE FUNCTION vbp.stockout_episodes_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (org_code vbp.orgcode, product_code vbp.drugcode, company vbp.uscc, started_on date, ended_on date,
                 duration_days int, lines bigint, ongoing boolean)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT r.org_code, r.product_code, r.company, r.started_on, r.ended_on, r.duration_days, r.lines, r.ongoing
  FROM vbp.supply_review_for(as_of, rule_set) r
  WHERE r.kind = 'episode';
END;
COMMENT ON FUNCTION vbp.stockout_episodes_for(date, text) IS
  'Stock-out episodes (断供事件) as of a date: an order line not delivered in full for longer than stockout_days after its order date (until it is delivered in full, cancelled in full or refused, or until as_of while open) is a stock-out of its product at its institution; overlapping stock-outs of the same product and institution are one episode, from the first order date to the last close (ended_on empty and ongoing while one is open); duration = end (or as_of) - start, days';

CREATE VIEW vbp.stockout_episodes WITH (security_invoker = true) AS SELECT * FROM vbp.stockout_episodes_for(vbp.report_date());
COMMENT ON VIEW vbp.stockout_episodes IS
  'Stock-out episodes (断供事件) as of vbp.report_date()';
COMMENT ON COLUMN vbp.stockout_episodes.org_code IS '机构编码 / institution that could not get the product, code';
COMMENT ON COLUMN vbp.stockout_episodes.product_code IS '药品代码 / product not delivered (医保药品代码), code';
COMMENT ON COLUMN vbp.stockout_episodes.company IS '生产企业 / company of the product (统一社会信用代码), code';
COMMENT ON COLUMN vbp.stockout_episodes.started_on IS '开始日期 / order date of the first line of the episode, date';
COMMENT ON COLUMN vbp.stockout_episodes.ended_on IS '结束日期 / day the last line closed; empty while ongoing, date';
COMMENT ON COLUMN vbp.stockout_episodes.duration_days IS '持续天数 / end (or the report date) − start, days';
COMMENT ON COLUMN vbp.stockout_episodes.lines IS '涉及订单行数 / order lines in the episode, count';
COMMENT ON COLUMN vbp.stockout_episodes.ongoing IS '仍在断供 / true = a line is still open, flag';

CREATE FUNCTION vbp.supply_score_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (batch_id int, company vbp.uscc, company_name text, products bigint, lines bigint, lines_due bigint,
                 problems bigint, problem_rate numeric, episodes bigint, stockout_days bigint, score numeric,
                 rank bigint, below_threshold boolean)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT r.batch_id, r.company, r.company_name, r.products, r.lines, r.lines_due, r.problems, r.problem_rate,
         r.episodes, r.stockout_days, r.score, r.rank, r.below_threshold
  FROM vbp.supply_review_for(as_of, rule_set) r
  WHERE r.kind = 'score';
END;
COMMENT ON FUNCTION vbp.supply_score_for(date, text) IS
  'Supply score of each winning company of a batch (中选企业供应评分) as of a date, over the order lines of its selected products since the batch''s cycle start: score = max(0, 100 - supply_score_per_episode x stock-out episodes - supply_score_per_problem_pct x 100 x problem rate - supply_score_per_stockout_day x stock-out days), problem rate = lines late or refused short of their need (outright, or the rest after a part delivered; not a line cancelled in full) / lines due; no score (NULL, unranked, not below the threshold) for a company with no line due and no stock-out, which has nothing to judge; ranked within the batch (1 = best), below_threshold under supply_score_alert';

CREATE VIEW vbp.supply_score WITH (security_invoker = true) AS SELECT * FROM vbp.supply_score_for(vbp.report_date());
COMMENT ON VIEW vbp.supply_score IS
  'Supply score of each batch''s winning companies, ranked (中选企业供应评分排名) as of vbp.report_date()';
COMMENT ON COLUMN vbp.supply_score.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.supply_score.company IS '中选企业 / winning company (统一社会信用代码), code';
COMMENT ON COLUMN vbp.supply_score.company_name IS '企业名称 / company name, text';
COMMENT ON COLUMN vbp.supply_score.products IS '中选产品数 / products the company won in the batch, count';
COMMENT ON COLUMN vbp.supply_score.lines IS '订单行数 / order lines of those products since the cycle start, count';
COMMENT ON COLUMN vbp.supply_score.lines_due IS '应考核行数 / lines judged: due date passed, delivered in full, or closed (cancelled in full, refused), count';
COMMENT ON COLUMN vbp.supply_score.problems IS '供应问题行数 / lines late or refused short of their need (the rest refused after a part delivered included), count';
COMMENT ON COLUMN vbp.supply_score.problem_rate IS '供应问题频次 / problems ÷ lines due, ratio (0–1)';
COMMENT ON COLUMN vbp.supply_score.episodes IS '断供次数 / stock-out episodes, count';
COMMENT ON COLUMN vbp.supply_score.stockout_days IS '断供天数 / days of stock-out, summed over episodes, days';
COMMENT ON COLUMN vbp.supply_score.score IS '供应评分 / supply score, 100 − deductions, points (0–100); NULL with no line due and no stock-out';
COMMENT ON COLUMN vbp.supply_score.rank IS '排名 / rank within the batch, 1 = best (NULL when not scored), rank';
COMMENT ON COLUMN vbp.supply_score.below_threshold IS '低于预警线 / true = score below supply_score_alert, flag';

CREATE VIEW vbp.company_supply_record WITH (security_invoker = true) AS
  SELECT s.company, min(s.company_name) AS company_name, count(*) AS batches, min(s.score) AS lowest_score,
         (array_agg(s.score ORDER BY s.batch_id DESC))[1] AS latest_score,
         sum(s.episodes)::bigint AS episodes, sum(s.stockout_days)::bigint AS stockout_days,
         bool_or(s.below_threshold) AS ever_below_threshold
  FROM vbp.supply_score s
  GROUP BY s.company;
COMMENT ON VIEW vbp.company_supply_record IS
  'Supply record of each company over the batches it won (企业供应记录), as of vbp.report_date(): for the next batch''s review of candidates and bidders';
COMMENT ON COLUMN vbp.company_supply_record.company IS '企业 / company (统一社会信用代码), code';
COMMENT ON COLUMN vbp.company_supply_record.company_name IS '企业名称 / company name, text';
COMMENT ON COLUMN vbp.company_supply_record.batches IS '中选批次数 / batches the company won, count';
COMMENT ON COLUMN vbp.company_supply_record.lowest_score IS '最低供应评分 / lowest supply score over those batches, points (0–100)';
COMMENT ON COLUMN vbp.company_supply_record.latest_score IS '最近供应评分 / supply score in the latest batch, points (0–100)';
COMMENT ON COLUMN vbp.company_supply_record.episodes IS '断供次数 / stock-out episodes, all batches, count';
COMMENT ON COLUMN vbp.company_supply_record.stockout_days IS '断供天数 / days of stock-out, all batches, days';
COMMENT ON COLUMN vbp.company_supply_record.ever_below_threshold IS '曾低于预警线 / true = below supply_score_alert in some batch, flag';

CREATE FUNCTION vbp.supply_substitution_for(as_of date)
  RETURNS TABLE (batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int, failures bigint[],
                 backup_volume bigint, backup_spend vbp.cny)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year, k.failures, k.units, k.spend
  FROM vbp.backup_purchases(as_of) k
  JOIN vbp.agreement a ON a.batch_id = k.batch_id AND a.org_code OPERATOR(vbp.=) k.org_code
                      AND a.group_code OPERATOR(vbp.=) k.group_code AND a.cycle_start = k.cycle_start AND a.cycle_end = k.cycle_end;
END;
COMMENT ON FUNCTION vbp.supply_substitution_for(date) IS
  'Substitutions under verified supply failures (断供替代) as of a date: per agreement year, the backup units and spend counted as selected in fulfilment, the selected-share alert and retention, and the failures they come under';

CREATE VIEW vbp.supply_substitution WITH (security_invoker = true) AS SELECT * FROM vbp.supply_substitution_for(vbp.report_date());
COMMENT ON VIEW vbp.supply_substitution IS
  'Substitutions under verified supply failures (断供替代) as of vbp.report_date()';
COMMENT ON COLUMN vbp.supply_substitution.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.supply_substitution.org_code IS '机构编码 / institution code, code';
COMMENT ON COLUMN vbp.supply_substitution.group_code IS '通用名编码 / generic group code, code';
COMMENT ON COLUMN vbp.supply_substitution.cycle_year IS '协议年度 / year of the agreement cycle, ordinal';
COMMENT ON COLUMN vbp.supply_substitution.failures IS '断供记录 / supply failures (vbp.supply_failure) the purchases come under, identifier';
COMMENT ON COLUMN vbp.supply_substitution.backup_volume IS '备选产品计入量 / backup units counted as selected, units (最小计量单位)';
COMMENT ON COLUMN vbp.supply_substitution.backup_spend IS '备选产品金额 / spend on those backup units, counted as selected spend, yuan (元)';

CREATE FUNCTION vbp.supply_alert_for(as_of date, rule_set text DEFAULT vbp.report_rule_set(), kept boolean DEFAULT false)
  RETURNS TABLE (kind text, org_code vbp.orgcode, company vbp.uscc, key text, detail text)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  -- the episodes and the scores from one reading of the order lines
  SELECT CASE r.kind WHEN 'episode' THEN 'stockout' ELSE 'supply_score_low' END, r.org_code, r.company,
         CASE r.kind WHEN 'episode' THEN format('product %s from %s', r.product_code, r.started_on)
                     ELSE format('batch %s company %s', r.batch_id, r.company) END,
         CASE r.kind WHEN 'episode'
              THEN format('%s days, %s lines%s', r.duration_days, r.lines, CASE WHEN r.ongoing THEN ', ongoing' ELSE '' END)
              ELSE format('score %s, %s episodes, problem rate %s', r.score, r.episodes, r.problem_rate) END
  FROM vbp.supply_review_for(as_of, rule_set, supply_alert_for.kept) r
  WHERE r.kind = 'episode' OR r.below_threshold;
END;
COMMENT ON FUNCTION vbp.supply_alert_for(date, text, boolean) IS
  'Supply alerts (供应预警) as of a date: each stock-out episode (kind stockout, the institution and product) and each winning company whose supply score is below supply_score_alert (kind supply_score_low); kept: from the order lines kept by the last refresh (see vbp.supply_review_for)';

CREATE VIEW vbp.supply_alert WITH (security_invoker = true) AS SELECT * FROM vbp.supply_alert_for(vbp.report_date());
COMMENT ON VIEW vbp.supply_alert IS
  'Supply alerts (供应预警): stock-out episodes and companies below the score threshold, as of vbp.report_date()';
COMMENT ON COLUMN vbp.supply_alert.kind IS '预警类型 / stockout or supply_score_low, code';
COMMENT ON COLUMN vbp.supply_alert.org_code IS '机构编码 / institution of a stock-out; empty for a company alert, code';
COMMENT ON COLUMN vbp.supply_alert.company IS '企业 / company (统一社会信用代码), code';
COMMENT ON COLUMN vbp.supply_alert.key IS '预警对象 / what the alert is about: product and start, or batch and company, text';
COMMENT ON COLUMN vbp.supply_alert.detail IS '预警说明 / duration and lines, or score, episodes and problem rate, text';

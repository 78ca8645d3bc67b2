\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Retention of fund savings (结余留用), doc/domain.md §5
-- =====================================================================

-- exact apportionment (src/core/apportion.c)
CREATE FUNCTION vbp.apportion(total vbp.cny, weight integer) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_apportion_window' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION vbp.apportion(total vbp.cny, weight bigint) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_apportion_window' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION vbp.apportion(total vbp.cny, weight numeric) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_apportion_window' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION vbp.apportion(total vbp.cny, weight vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_apportion_window' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION vbp.apportion(total vbp.cny, weights numeric[]) RETURNS vbp.cny[]
  AS 'MODULE_PATHNAME', 'pgvbp_apportion_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.apportion(vbp.cny, integer) IS
  'Window function: this row''s exact share in fen of the partition''s total (按比例分摊), largest remainder; shares sum to the total; ties to the larger weight, then the earlier row of the window order';
COMMENT ON FUNCTION vbp.apportion(vbp.cny, bigint) IS
  'Window function: this row''s exact share in fen of the partition''s total (按比例分摊), largest remainder, bigint weights';
COMMENT ON FUNCTION vbp.apportion(vbp.cny, numeric) IS
  'Window function: this row''s exact share in fen of the partition''s total (按比例分摊), largest remainder, numeric weights scaled exactly';
COMMENT ON FUNCTION vbp.apportion(vbp.cny, vbp.cny) IS
  'Window function: this row''s exact share in fen of the partition''s total (按比例分摊), largest remainder, amounts as weights';
COMMENT ON FUNCTION vbp.apportion(vbp.cny, numeric[]) IS
  'Exact shares in fen of a total over an array of weights (按比例分摊), largest remainder; a NULL weight gets a NULL share';

-- parameters of the retention formula

CREATE TABLE vbp.fund_share (
  batch_id            int NOT NULL REFERENCES vbp.batch,
  org_code            vbp.orgcode NOT NULL REFERENCES vbp.institution,
  fund_payment_ratio  numeric NOT NULL CHECK (fund_payment_ratio >= 0 AND fund_payment_ratio <= 1),
  insured_share       numeric NOT NULL CHECK (insured_share >= 0 AND insured_share <= 1),
  PRIMARY KEY (batch_id, org_code)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.fund_share ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.fund_share FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.fund_share IS
  'Fund payment ratio (基金支付比例) and insured share (参保患者占比) of an institution in a cycle, where known; otherwise the parameters apply';
COMMENT ON COLUMN vbp.fund_share.batch_id IS 'Batch (cycle)';
COMMENT ON COLUMN vbp.fund_share.org_code IS 'Institution';
COMMENT ON COLUMN vbp.fund_share.fund_payment_ratio IS 'r_pay: the fund''s actual payment ratio';
COMMENT ON COLUMN vbp.fund_share.insured_share IS 's_ins: share of insured patients';


CREATE FUNCTION vbp.contract_completion(selected bigint, agreed bigint) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN agreed > 0 THEN greatest(0, least(1, coalesce(selected, 0)::numeric / agreed))
            WHEN agreed = 0 THEN 1 END;
COMMENT ON FUNCTION vbp.contract_completion(bigint, bigint) IS
  'Completion of one contract (合同完成率) for the assessment: selected units bought / agreed volume, within [0, 1] (more returned than bought in the year completes nothing, never less); 1 for an agreed volume of 0; NULL without an agreed volume';

-- per institution x cycle x generic group: every component of the formula
--   B = Q_agreed x P_ref x r_pay x s_ins
--   E = (min(Q_sel, Q_agreed) x P_sel + A_nonsel) x r_pay x s_ins
--   S = B - E, counted as S x deduction factor (not reported: 0; under-reported: by policy)
-- and what the assessment reads of the same agreement, from one pass over the
-- purchases: the components, the assessment and the statement all read these lines
CREATE FUNCTION vbp.retention_lines(rule_set text DEFAULT vbp.report_rule_set(), as_of date DEFAULT 'infinity')
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int,
    agreed_volume bigint, selected_volume bigint, selected_within_agreed bigint,
    selected_spend vbp.cny, selected_price numeric, nonselected_spend vbp.cny,
    reference_price numeric, fund_payment_ratio numeric, insured_share numeric,
    budget vbp.cny, spend vbp.cny, savings vbp.cny,
    report_status text, deduction_factor numeric, counted_savings vbp.cny, reference_basis text,
    reported_volume bigint, all_units bigint, payments_due bigint, paid_on_time bigint,
    completion_weighted numeric, completion_weight numeric, completion_sum numeric, contracts bigint,
    completion_min numeric, counted_savings_exact numeric, completion numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (   -- the rule set's parameters, looked up once
    SELECT q.*, q.r_pay * q.s_ins AS rs
    FROM (SELECT vbp.param(retention_lines.rule_set, 'fund_payment_ratio') AS r_pay,
                 vbp.param(retention_lines.rule_set, 'insured_share') AS s_ins,
                 vbp.param(retention_lines.rule_set, 'report_floor') AS floor,
                 vbp.param_choice(retention_lines.rule_set, 'under_report_deduction', '{none,zero,proportional}') AS policy) q
  ), prices AS (
    -- P_ref of the budget: the published figure (vbp.group_reference_price), else the
    -- volume-weighted pre-procurement price sum(p x q) / sum(q) over the group's products
    -- in the batch, to 6 decimals; the plain mean only when a volume is missing, marked
    SELECT s.batch_id, pr.group_code,
           coalesce(min(gp.price),
                    CASE WHEN count(s.pre_volume) = count(*) AND sum(s.pre_volume) > 0
                         THEN round(sum(s.reference_price * s.pre_volume) / sum(s.pre_volume), 6) END,
                    avg(s.reference_price)) AS reference_price,
           CASE WHEN min(gp.price) IS NOT NULL THEN 'published'
                WHEN count(s.pre_volume) = count(*) AND sum(s.pre_volume) > 0 THEN 'volume_weighted'
                ELSE 'unweighted: pre-procurement volumes missing' END AS basis
    FROM vbp.selection s JOIN vbp.product pr USING (product_code)
    LEFT JOIN vbp.group_reference_price gp ON gp.batch_id = s.batch_id AND gp.group_code OPERATOR(vbp.=) pr.group_code
                                          AND gp.purpose = 'budget'
    GROUP BY 1, 2
  ), bought AS MATERIALIZED (   -- (materialized: on Citus, computed by the coordinator once, not per shard)
    SELECT ap.batch_id, ap.org_code, ap.group_code, ap.cycle_year, ap.agreed_volume, ap.selected_units AS sel_q,
           ap.selected_units + ap.other_units AS all_q, ap.selected_spend AS sel_spend, ap.other_spend AS nonsel_spend,
           ap.payments_due, ap.paid_on_time, pz.reference_price, pz.basis
    -- (the arguments are expressions, not subqueries: the function is inlined)
    FROM vbp.agreement_purchases(retention_lines.as_of, vbp.param(retention_lines.rule_set, 'payment_days')::int) ap
    -- every agreement in its batch has a price (in_batch: its group has products in
    -- the batch's selection, which is what prices groups); a left join keeps the
    -- planner's estimate at the agreements' rather than at the few rows it
    -- guesses for a two-key join, which made the volume reports be probed by
    -- index once per line
    LEFT JOIN prices pz ON pz.batch_id = ap.batch_id AND pz.group_code OPERATOR(vbp.=) ap.group_code
    WHERE ap.in_batch AND ap.cycle_start <= retention_lines.as_of
  ), prod AS MATERIALIZED (
    -- brand-level agreements (按厂牌): what is bought above each product's own
    -- agreed volume is excluded product by product, and each product is a
    -- contract of the assessment (materialized: computed once, not once per
    -- agreement when the planner's estimates fall to one row)
    SELECT q.batch_id, q.org_code, q.group_code, q.cycle_year,
           sum(greatest(0, least(q.units, q.agreed_volume)))::bigint AS within,
           sum(CASE WHEN q.units > 0 THEN q.spend::numeric * least(q.units, q.agreed_volume) / q.units ELSE 0 END) AS spend_within,
           sum(q.agreed_volume * vbp.contract_completion(greatest(q.units, 0), q.agreed_volume)) AS w_sum,
           sum(q.agreed_volume) FILTER (WHERE q.agreed_volume > 0) AS w_den,
           sum(vbp.contract_completion(greatest(q.units, 0), q.agreed_volume)) AS c_sum,
           count(*) AS c_n,
           min(vbp.contract_completion(greatest(q.units, 0), q.agreed_volume)) AS c_min
    FROM vbp.product_agreement_purchases(retention_lines.as_of) q
    GROUP BY 1, 2, 3, 4
  ), c AS (
    SELECT v.batch_id, v.org_code, v.group_code, v.cycle_year, b.agreed_volume, b.sel_q,
           coalesce(pq.within, least(b.sel_q, b.agreed_volume)) AS within,
           b.sel_spend, CASE WHEN b.sel_q > 0 THEN b.sel_spend::numeric / b.sel_q END AS p_sel, b.nonsel_spend,
           -- the selected spend within the agreed volume, sel_spend x min(sel_q, agreed) / sel_q:
           -- all of it when no more than the agreed volume was bought (the quotient is exact
           -- then, and not computed)
           coalesce(pq.spend_within,
                    CASE WHEN b.sel_q = 0 THEN NULL
                         WHEN b.sel_q <= b.agreed_volume THEN b.sel_spend::numeric
                         ELSE b.sel_spend::numeric * b.agreed_volume / b.sel_q END, 0) AS sel_spend_within,
           b.reference_price, b.basis, coalesce(f.fund_payment_ratio, p.r_pay) AS r_pay, coalesce(f.insured_share, p.s_ins) AS s_ins,
           -- r_pay x s_ins: the rule set's product, once, unless the institution has its own
           -- (exact: multiplying by it equals multiplying by each)
           CASE WHEN f.batch_id IS NULL THEN p.rs ELSE f.fund_payment_ratio * f.insured_share END AS rs,
           -- the report floor's volume, once for the status and the factor
           v.reported_volume IS NULL AND v.baseline_volume > 0 AS unreported, p.floor * v.baseline_volume AS floor_volume,
           p.policy, v.reported_volume, b.all_q, b.payments_due, b.paid_on_time,
           pq.w_sum AS pq_w_sum, pq.w_den AS pq_w_den, pq.c_sum AS pq_c_sum, pq.c_n AS pq_c_n, pq.c_min AS pq_c_min,
           vbp.contract_completion(b.sel_q, b.agreed_volume) AS cc
    -- (the volume reports drive the join: on Citus the ledgers must join a
    -- distributed table on its distribution column, not the coordinator's
    -- intermediate result; bought carries its agreement's columns, so no
    -- agreement is looked up again by an index probe per line)
    FROM vbp.volume_report v
    CROSS JOIN p
    JOIN bought b USING (batch_id, org_code, group_code, cycle_year)
    LEFT JOIN prod pq USING (batch_id, org_code, group_code, cycle_year)
    LEFT JOIN vbp.fund_share f ON f.batch_id = v.batch_id AND f.org_code OPERATOR(vbp.=) v.org_code
  ), x AS (
    -- each line's budget, spend, status and factor computed once (a column used
    -- several times below would otherwise be computed where each use is inlined);
    -- OFFSET 0 keeps the subquery from being flattened without writing its rows
    -- to a tuplestore as a materialized CTE would
    SELECT c.*, (c.agreed_volume * c.reference_price * c.rs)::vbp.cny AS budget,
           ((c.sel_spend_within + c.nonsel_spend::numeric) * c.rs)::vbp.cny AS spend,
           CASE WHEN c.unreported THEN 'not_reported'
                WHEN c.reported_volume < c.floor_volume THEN 'under_reported'
                ELSE 'reported' END AS status,
           CASE WHEN c.unreported THEN 0
                WHEN c.reported_volume < c.floor_volume THEN
                  CASE c.policy WHEN 'none' THEN 1 WHEN 'zero' THEN 0
                                ELSE c.reported_volume / c.floor_volume END
                ELSE 1 END AS factor
    FROM c OFFSET 0
  ), y AS (
    -- the counted savings unrounded, once: a deduction applies to positive savings
    -- only, a loss counts in full
    SELECT x.*, CASE WHEN x.budget OPERATOR(vbp.>) x.spend
                     THEN (x.budget OPERATOR(vbp.-) x.spend)::numeric * x.factor
                     ELSE (x.budget OPERATOR(vbp.-) x.spend)::numeric END AS counted
    FROM x OFFSET 0
  )
  SELECT y.batch_id, y.org_code, y.group_code, y.cycle_year, y.agreed_volume, y.sel_q, y.within,
         y.sel_spend, round(y.p_sel, 6), y.nonsel_spend, y.reference_price, y.r_pay, y.s_ins,
         y.budget, y.spend, y.budget OPERATOR(vbp.-) y.spend,
         y.status, round(y.factor, 6), y.counted::vbp.cny,
         y.basis,
         y.reported_volume, y.all_q, y.payments_due, y.paid_on_time,
         -- one contract per agreement, or its products' contracts
         coalesce(y.pq_w_sum, y.agreed_volume * y.cc),
         CASE WHEN y.pq_c_n IS NOT NULL THEN y.pq_w_den WHEN y.agreed_volume > 0 THEN y.agreed_volume END,
         coalesce(y.pq_c_sum, y.cc), coalesce(y.pq_c_n, 1), coalesce(y.pq_c_min, y.cc),
         -- the counted savings unrounded: the statement rounds their sum x ratio once
         y.counted,
         y.cc
  FROM y
  WHERE vbp.known_rule_set(retention_lines.rule_set);
END;
COMMENT ON FUNCTION vbp.retention_lines(text, date) IS
  'Retention lines (结余留用测算明细) per institution x generic group x cycle year, from one pass over the purchases up to as_of: the columns of vbp.retention_components, then what the assessment reads of the same agreement: the reported volume, units of every product of the group, payments due (accepted more than payment_days before as_of, or paid) and those paid within payment_days, and its contracts'' completions (one contract, or one per product of a brand-level agreement: agreed-weighted sum and weight, sum and count, minimum), and the counted savings unrounded (counted_savings_exact), whose sum the statement multiplies by the ratio and rounds once; last, the group''s own contract completion, selected / agreed within [0, 1] (completion), whose lowest the scores report';

CREATE FUNCTION vbp.retention_components(rule_set text DEFAULT vbp.report_rule_set(), as_of date DEFAULT 'infinity')
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int,
    agreed_volume bigint, selected_volume bigint, selected_within_agreed bigint,
    selected_spend vbp.cny, selected_price numeric, nonselected_spend vbp.cny,
    reference_price numeric, fund_payment_ratio numeric, insured_share numeric,
    budget vbp.cny, spend vbp.cny, savings vbp.cny,
    report_status text, deduction_factor numeric, counted_savings vbp.cny, reference_basis text)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT l.batch_id, l.org_code, l.group_code, l.cycle_year, l.agreed_volume, l.selected_volume, l.selected_within_agreed,
         l.selected_spend, l.selected_price, l.nonselected_spend, l.reference_price, l.fund_payment_ratio, l.insured_share,
         l.budget, l.spend, l.savings, l.report_status, l.deduction_factor, l.counted_savings, l.reference_basis
  FROM vbp.retention_lines(retention_components.rule_set, retention_components.as_of) l;
END;
COMMENT ON FUNCTION vbp.retention_components(text, date) IS
  'Retention components (结余留用测算) per institution x generic group x cycle year (按年度), the purchases of each agreement year up to as_of (infinity: the whole year; years starting after as_of are left out): budget B = Q_agreed x P_ref x r_pay x s_ins (P_ref the group''s published pre-procurement price, else its volume-weighted pre-procurement price sum(p x q) / sum(q), to 6 decimals; reference_basis says which), spend E = (min(Q_sel, Q_agreed) x P_sel + A_nonsel) x r_pay x s_ins (in a batch reporting per product, min(Q_sel,p, Q_agreed,p) x P_sel,p summed over the product agreements), savings S = B - E, and the deduction for not- or under-reported groups, on positive savings only (S x d when S > 0, else S); money rounded half away from zero once per component';

-- per institution x cycle year: the sums of the components and the assessment
-- score (考核得分) 0-100 from weighted items, or supplied directly, from the same lines
CREATE FUNCTION vbp.retention_scores(rule_set text DEFAULT vbp.report_rule_set(), as_of date DEFAULT 'infinity')
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, cycle_year int,
    groups bigint, budget vbp.cny, spend vbp.cny, savings vbp.cny, counted_savings vbp.cny,
    counted_savings_exact numeric, any_not_reported boolean, min_completion numeric,
    completion_score numeric, selected_share_score numeric,
    on_time_payment_score numeric, report_accuracy_score numeric, weighted_score numeric,
    supplied_score numeric, score numeric, grade text, retention_ratio numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (   -- the rule set's parameters, looked up once
    SELECT vbp.param(retention_scores.rule_set, 'report_accuracy_low') AS acc_lo,
           vbp.param(retention_scores.rule_set, 'report_accuracy_high') AS acc_hi,
           vbp.param_text(retention_scores.rule_set, 'retention_grade_rule_set') AS grade_set,
           vbp.param_text(retention_scores.rule_set, 'assessment_weight_rule_set') AS weight_set,
           vbp.param_choice(retention_scores.rule_set, 'completion_combination', '{agreed_weighted,mean,minimum}') AS combine
  ), items AS (
    SELECT l.batch_id, l.org_code, l.cycle_year,
           count(*) AS groups, vbp.sum(l.budget) AS budget, vbp.sum(l.spend) AS spend, vbp.sum(l.savings) AS savings,
           -- counted savings: each group's exact S'_g summed, shown to the fen (the
           -- statement's retained amount is their sum x ratio, rounded once)
           sum(l.counted_savings_exact)::vbp.cny AS counted_savings, sum(l.counted_savings_exact) AS counted_exact,
           bool_or(l.report_status = 'not_reported') AS any_not_reported,
           min(l.completion) AS min_completion,
           -- completion per contract (按采购合同), each capped at 1, then combined: buying
           -- more in one contract does not make up for another
           100 * CASE (SELECT combine FROM p)
                   -- nothing agreed in any contract: each is complete (vbp.contract_completion), so is their mean
                   WHEN 'agreed_weighted' THEN coalesce(sum(l.completion_weighted) / nullif(sum(l.completion_weight), 0),
                                                        sum(l.completion_sum) / sum(l.contracts))
                   WHEN 'mean' THEN sum(l.completion_sum) / sum(l.contracts)
                   WHEN 'minimum' THEN min(l.completion_min)
                 END AS completion,
           100 * sum(coalesce(l.selected_volume, 0))::numeric / nullif(sum(coalesce(l.all_units, 0)), 0) AS sel_share,
           -- payments made within payment_days / payments due (a payment not yet due,
           -- in an interim statement, is neither)
           100 * sum(l.paid_on_time)::numeric / nullif(sum(l.payments_due), 0) AS on_time,
           100 * avg(CASE WHEN l.reported_volume > 0
                          AND coalesce(l.all_units, 0)::numeric / l.reported_volume BETWEEN (SELECT acc_lo FROM p) AND (SELECT acc_hi FROM p)
                          THEN 1 ELSE 0 END) AS accuracy
    FROM vbp.retention_lines(retention_scores.rule_set, retention_scores.as_of) l
    GROUP BY 1, 2, 3
  ), w AS MATERIALIZED (   -- the items' weights, read once (no weights: no weighted score)
    SELECT count(*) AS n,
           coalesce(sum(a.weight) FILTER (WHERE a.item = 'completion'), 0) AS completion,
           coalesce(sum(a.weight) FILTER (WHERE a.item = 'selected_share'), 0) AS sel_share,
           coalesce(sum(a.weight) FILTER (WHERE a.item = 'on_time_payment'), 0) AS on_time,
           coalesce(sum(a.weight) FILTER (WHERE a.item = 'report_accuracy'), 0) AS accuracy
    FROM vbp.assessment_weight a WHERE a.rule_set = (SELECT weight_set FROM p)
  ), grades AS MATERIALIZED (   -- the rule set's grades, read once
    SELECT r.grade, r.ratio, r.score_range FROM vbp.retention_grade_rule r WHERE r.rule_set = (SELECT grade_set FROM p)
  ), scored AS (
    SELECT i.*, CASE WHEN w.n > 0 THEN w.completion * coalesce(i.completion, 0) + w.sel_share * coalesce(i.sel_share, 0)
                                       + w.on_time * coalesce(i.on_time, 0) + w.accuracy * coalesce(i.accuracy, 0) END AS weighted,
           asm.score AS supplied
    FROM items i CROSS JOIN w LEFT JOIN vbp.assessment asm USING (batch_id, org_code, cycle_year)
  )
  SELECT s.batch_id, s.org_code, s.cycle_year, s.groups, s.budget, s.spend, s.savings, s.counted_savings,
         s.counted_exact, s.any_not_reported, s.min_completion,
         round(s.completion, 2), round(s.sel_share, 2), round(s.on_time, 2), round(s.accuracy, 2),
         round(s.weighted, 2), s.supplied, round(coalesce(s.supplied, s.weighted), 2), r.grade, r.ratio
  FROM scored s
  -- the grade on the exact score (80.004 is above 80); the score is shown to 2 decimals
  LEFT JOIN grades r ON r.score_range @> coalesce(s.supplied, s.weighted)
  WHERE vbp.known_rule_set(retention_scores.rule_set);
END;
COMMENT ON FUNCTION vbp.retention_scores(text, date) IS
  'Retention per institution and cycle year (年度结余与考核), from vbp.retention_lines: the groups and the sums of budget, spend, savings and counted savings (the groups'' exact counted savings summed, shown to the fen, and unrounded), whether a group was not reported, the lowest contract completion; and the assessment: weighted items (completion of agreed volume per contract, each capped at 1 and combined by parameter completion_combination; selected share; on-time payment; report accuracy; each 0-100) or the score supplied in vbp.assessment, with the grade and retention ratio of the configured rule set decided on the exact score (shown rounded to 2 decimals)';

CREATE FUNCTION vbp.retention_assessment(rule_set text DEFAULT vbp.report_rule_set(), as_of date DEFAULT 'infinity')
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, cycle_year int, completion_score numeric, selected_share_score numeric,
    on_time_payment_score numeric, report_accuracy_score numeric, weighted_score numeric,
    supplied_score numeric, score numeric, grade text, retention_ratio numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT s.batch_id, s.org_code, s.cycle_year, s.completion_score, s.selected_share_score, s.on_time_payment_score,
         s.report_accuracy_score, s.weighted_score, s.supplied_score, s.score, s.grade, s.retention_ratio
  FROM vbp.retention_scores(retention_assessment.rule_set, retention_assessment.as_of) s;
END;
COMMENT ON FUNCTION vbp.retention_assessment(text, date) IS
  'Assessment score (考核得分) per institution and cycle year (年度考核), on the purchases up to as_of (infinity: the whole year): weighted items (completion of agreed volume per contract, each capped at 1 and combined by parameter completion_combination; selected share; on-time payment; report accuracy; each 0-100) or the score supplied in vbp.assessment, with the grade and retention ratio of the configured rule set decided on the exact score (shown rounded to 2 decimals)';

-- settlements: each (institution, cycle) once; corrections are audited adjustments
CREATE TABLE vbp.retention_settlement (
  batch_id        int NOT NULL REFERENCES vbp.batch,
  org_code        vbp.orgcode NOT NULL REFERENCES vbp.institution,
  cycle_year      int NOT NULL DEFAULT 1 CHECK (cycle_year BETWEEN 1 AND 10),
  rule_set        text NOT NULL,
  budget          vbp.cny NOT NULL,
  spend           vbp.cny NOT NULL,
  savings         vbp.cny NOT NULL,
  counted_savings vbp.cny NOT NULL,
  score           numeric,
  grade           text,
  retention_ratio numeric NOT NULL CHECK (retention_ratio >= 0 AND retention_ratio <= 1),
  retained        vbp.cny NOT NULL CHECK (retained >= '0'::vbp.cny),
  settled_at      timestamptz NOT NULL DEFAULT now(),
  settled_by      text NOT NULL DEFAULT current_user,
  PRIMARY KEY (batch_id, org_code, cycle_year)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.retention_settlement ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.retention_settlement FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.retention_settlement IS
  'Settled retention (结余留用结算) of an institution for one year of a cycle (按年度结算), recorded once; the primary key refuses a second settlement of the year';
COMMENT ON COLUMN vbp.retention_settlement.batch_id IS 'Batch (cycle)';
COMMENT ON COLUMN vbp.retention_settlement.org_code IS 'Institution';
COMMENT ON COLUMN vbp.retention_settlement.cycle_year IS 'Year of the cycle settled (结算年度)';
COMMENT ON COLUMN vbp.retention_settlement.rule_set IS 'Parameter rule set used';
COMMENT ON COLUMN vbp.retention_settlement.budget IS 'Sum of B over the groups';
COMMENT ON COLUMN vbp.retention_settlement.spend IS 'Sum of E over the groups';
COMMENT ON COLUMN vbp.retention_settlement.savings IS 'S = B - E before deductions';
COMMENT ON COLUMN vbp.retention_settlement.counted_savings IS 'Savings after deductions for not- and under-reported groups';
COMMENT ON COLUMN vbp.retention_settlement.score IS 'Assessment score 0-100';
COMMENT ON COLUMN vbp.retention_settlement.grade IS 'Assessment grade';
COMMENT ON COLUMN vbp.retention_settlement.retention_ratio IS 'Retention ratio of the grade';
COMMENT ON COLUMN vbp.retention_settlement.retained IS 'R = max(0, counted savings) x ratio, rounded half away from zero';
COMMENT ON COLUMN vbp.retention_settlement.settled_at IS 'When it was settled';
COMMENT ON COLUMN vbp.retention_settlement.settled_by IS 'Who settled it';

CREATE TABLE vbp.retention_settlement_group (
  batch_id          int NOT NULL,
  org_code          vbp.orgcode NOT NULL,
  group_code        vbp.drugcode NOT NULL,
  cycle_year        int NOT NULL,
  agreed_volume     bigint NOT NULL,
  selected_volume   bigint NOT NULL,
  selected_within_agreed bigint NOT NULL,
  selected_spend    vbp.cny NOT NULL,
  nonselected_spend vbp.cny NOT NULL,
  reference_price   numeric NOT NULL,
  fund_payment_ratio numeric NOT NULL,
  insured_share     numeric NOT NULL,
  budget            vbp.cny NOT NULL,
  spend             vbp.cny NOT NULL,
  savings           vbp.cny NOT NULL,
  report_status     text NOT NULL,
  deduction_factor  numeric NOT NULL,
  counted_savings   vbp.cny NOT NULL,
  reference_basis   text NOT NULL,
  PRIMARY KEY (batch_id, org_code, cycle_year, group_code),
  FOREIGN KEY (batch_id, org_code, cycle_year) REFERENCES vbp.retention_settlement ON DELETE CASCADE
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.retention_settlement_group ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.retention_settlement_group FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.retention_settlement_group IS
  'The per-group components of a settlement as they were when it was settled (结算明细)';
COMMENT ON COLUMN vbp.retention_settlement_group.batch_id IS 'Batch (cycle)';
COMMENT ON COLUMN vbp.retention_settlement_group.org_code IS 'Institution';
COMMENT ON COLUMN vbp.retention_settlement_group.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.retention_settlement_group.cycle_year IS 'Year of the cycle settled';
COMMENT ON COLUMN vbp.retention_settlement_group.agreed_volume IS 'Q_agreed';
COMMENT ON COLUMN vbp.retention_settlement_group.selected_volume IS 'Q_sel bought in the cycle';
COMMENT ON COLUMN vbp.retention_settlement_group.selected_within_agreed IS 'min(Q_sel, Q_agreed): purchases above the agreed volume are excluded';
COMMENT ON COLUMN vbp.retention_settlement_group.selected_spend IS 'Spend on selected products';
COMMENT ON COLUMN vbp.retention_settlement_group.nonselected_spend IS 'A_nonsel: spend on non-selected products of the group';
COMMENT ON COLUMN vbp.retention_settlement_group.reference_price IS 'P_ref per smallest unit';
COMMENT ON COLUMN vbp.retention_settlement_group.fund_payment_ratio IS 'r_pay';
COMMENT ON COLUMN vbp.retention_settlement_group.insured_share IS 's_ins';
COMMENT ON COLUMN vbp.retention_settlement_group.budget IS 'B';
COMMENT ON COLUMN vbp.retention_settlement_group.spend IS 'E';
COMMENT ON COLUMN vbp.retention_settlement_group.savings IS 'S = B - E';
COMMENT ON COLUMN vbp.retention_settlement_group.report_status IS 'reported, under_reported or not_reported';
COMMENT ON COLUMN vbp.retention_settlement_group.deduction_factor IS 'Share of the savings counted';
COMMENT ON COLUMN vbp.retention_settlement_group.counted_savings IS 'S x deduction factor when S > 0, else S';
COMMENT ON COLUMN vbp.retention_settlement_group.reference_basis IS 'How P_ref was set: published, volume_weighted, or unweighted when pre-procurement volumes were missing';

CREATE SEQUENCE vbp.retention_adjustment_id_seq;
COMMENT ON SEQUENCE vbp.retention_adjustment_id_seq IS 'Identifiers of retention adjustments';
CREATE TABLE vbp.retention_adjustment (
  adjustment_id  bigint NOT NULL DEFAULT nextval('vbp.retention_adjustment_id_seq'),
  batch_id       int NOT NULL,
  org_code       vbp.orgcode NOT NULL,
  cycle_year     int NOT NULL,
  amount         vbp.cny NOT NULL CHECK (amount <> '0'::vbp.cny),
  reason         text NOT NULL CHECK (length(btrim(reason)) > 0),
  made_at        timestamptz NOT NULL DEFAULT now(),
  made_by        text NOT NULL DEFAULT current_user,
  FOREIGN KEY (batch_id, org_code, cycle_year) REFERENCES vbp.retention_settlement,
  -- the institution is part of the key so that Citus can distribute the table by it
  -- (doc/scale-out.md); the identifier alone is unique already
  PRIMARY KEY (adjustment_id, org_code)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.retention_adjustment ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.retention_adjustment FOR SELECT
  USING (vbp.tenant_sees(org_code));
CREATE INDEX retention_adjustment_settlement ON vbp.retention_adjustment (batch_id, org_code, cycle_year);
COMMENT ON TABLE vbp.retention_adjustment IS
  'Correction of a settled retention (结算调整): an explicit, audited, append-only row with its reason';
COMMENT ON COLUMN vbp.retention_adjustment.adjustment_id IS 'Identifier';
COMMENT ON COLUMN vbp.retention_adjustment.batch_id IS 'Batch (cycle) of the settlement corrected';
COMMENT ON COLUMN vbp.retention_adjustment.org_code IS 'Institution of the settlement corrected';
COMMENT ON COLUMN vbp.retention_adjustment.cycle_year IS 'Year of the settlement corrected';
COMMENT ON COLUMN vbp.retention_adjustment.amount IS 'Amount added to (positive) or taken from (negative) the retained amount';
COMMENT ON COLUMN vbp.retention_adjustment.reason IS 'Why (required)';
COMMENT ON COLUMN vbp.retention_adjustment.made_at IS 'When';
COMMENT ON COLUMN vbp.retention_adjustment.made_by IS 'Who';

CREATE FUNCTION vbp.forbid_change() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'rows of %.% cannot be changed or deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'object_not_in_prerequisite_state',
          HINT = 'Record a further adjustment instead.';
END $$;
COMMENT ON FUNCTION vbp.forbid_change() IS 'Trigger: keeps an audit table append-only (只增不改)';
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON vbp.retention_adjustment
  FOR EACH ROW EXECUTE FUNCTION vbp.forbid_change();
COMMENT ON TRIGGER append_only ON vbp.retention_adjustment IS 'Adjustments are never changed or deleted';
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON vbp.retention_settlement
  FOR EACH ROW EXECUTE FUNCTION vbp.forbid_change();
COMMENT ON TRIGGER append_only ON vbp.retention_settlement IS 'Settlements are never changed or deleted; corrections are adjustments';

-- the statement: per institution and cycle year, every component, settled or not
CREATE FUNCTION vbp.retention_statement_for(rule_set text DEFAULT vbp.report_rule_set(), as_of date DEFAULT 'infinity')
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, cycle_year int, year_end date, interim boolean,
    groups bigint, budget vbp.cny, spend vbp.cny, savings vbp.cny,
    deductions vbp.cny, counted_savings vbp.cny, score numeric, grade text, retention_ratio numeric,
    retained vbp.cny, settled boolean, settled_retained vbp.cny, adjustments vbp.cny, net_retained vbp.cny,
    forfeited text)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (   -- the rule set's institution-wide rules
    SELECT vbp.param_choice(retention_statement_for.rule_set, 'not_reported_forfeit', '{group,institution}') AS forfeit,
           vbp.param(retention_statement_for.rule_set, 'retention_completion_required') AS required,
           vbp.param(retention_statement_for.rule_set, 'retention_ratio_floor') AS floor
  ), s AS (     -- what was settled, adjusted, and when each year ends, each
    -- grouped by key and joined: correlated reads of the ledgers per statement
    -- row Citus does not plan (doc/scale-out.md)
    SELECT st.batch_id, st.org_code, st.cycle_year, st.retained FROM vbp.retention_settlement st
  ), j AS (
    SELECT ra.batch_id, ra.org_code, ra.cycle_year, vbp.sum(ra.amount) AS amount
    FROM vbp.retention_adjustment ra GROUP BY ra.batch_id, ra.org_code, ra.cycle_year
  ), y AS (     -- the year ends when the institution's last agreement of the year ends
    SELECT ag.batch_id, ag.org_code, ag.cycle_year, max(ag.cycle_end) AS year_end
    FROM vbp.agreement ag GROUP BY ag.batch_id, ag.org_code, ag.cycle_year
  )
  SELECT r.batch_id, r.org_code, r.cycle_year, y.year_end, y.year_end > retention_statement_for.as_of,
         r.groups, r.budget, r.spend, r.savings, r.savings OPERATOR(vbp.-) r.counted_savings, r.counted_savings,
         r.score, r.grade, greatest(coalesce(r.retention_ratio, 0), p.floor),
         CASE WHEN (p.forfeit = 'institution' AND r.any_not_reported) OR r.min_completion < p.required THEN '0'::vbp.cny
              ELSE (greatest(r.counted_savings_exact, 0) * greatest(coalesce(r.retention_ratio, 0), p.floor))::vbp.cny END,
         s.org_code IS NOT NULL, s.retained, j.amount,
         CASE WHEN s.org_code IS NOT NULL THEN s.retained OPERATOR(vbp.+) coalesce(j.amount, '0') END,
         CASE WHEN p.forfeit = 'institution' AND r.any_not_reported THEN 'a group not reported'
              WHEN r.min_completion < p.required THEN 'agreed volume not completed' END
  -- the sums and scores are computed once (materialized) and planned on their
  -- own (WITH ORDINALITY keeps them from being inlined): inlined, the
  -- planner's estimate of their rows fell to one and every join after them
  -- became a nested loop
  FROM (WITH r AS MATERIALIZED (SELECT * FROM vbp.retention_scores(retention_statement_for.rule_set, retention_statement_for.as_of))
        SELECT * FROM r) r
  LEFT JOIN s USING (batch_id, org_code, cycle_year)
  LEFT JOIN j USING (batch_id, org_code, cycle_year)
  LEFT JOIN y USING (batch_id, org_code, cycle_year)
  CROSS JOIN p
  WHERE vbp.known_rule_set(retention_statement_for.rule_set);
END;
COMMENT ON FUNCTION vbp.retention_statement_for(text, date) IS
  'Retention statement (结余留用结算单) per institution and cycle year under a rule set, on the purchases up to as_of (infinity: final): budget, spend, savings, deductions, score, grade, ratio (the grade''s, at least retention_ratio_floor), R = max(0, counted savings) x ratio, or 0 when forfeited (not_reported_forfeit = institution and a group not reported; a contract below retention_completion_required); interim while the year ends after as_of (期中测算: spend to date against the whole year''s budget); and what was settled and adjusted';

CREATE VIEW vbp.retention_statement WITH (security_invoker = true) AS
  SELECT * FROM vbp.retention_statement_for(vbp.report_rule_set(), vbp.report_date());
COMMENT ON VIEW vbp.retention_statement IS
  'Retention statement (结余留用结算单) per institution and cycle year under the national rule set as of vbp.report_date(): final for the years ended by then, interim for the year running; see vbp.retention_statement_for for another rule set or date';
COMMENT ON COLUMN vbp.retention_statement.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.retention_statement.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.retention_statement.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.retention_statement.year_end IS '年度截止日 / last day of the agreement year of the institution, date';
COMMENT ON COLUMN vbp.retention_statement.interim IS '期中测算 / true = year ends after the report date (spend to date vs whole-year budget), flag';
COMMENT ON COLUMN vbp.retention_statement.groups IS '品种数 / generic groups in the statement, count';
COMMENT ON COLUMN vbp.retention_statement.budget IS '医保基金预算 / budget B = Σ agreed volume × pre-procurement price × r_pay × s_ins, yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.spend IS '医保基金支出 / spend E = Σ (min(selected, agreed) × selected price + non-selected spend) × r_pay × s_ins, yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.savings IS '结余金额 / savings S = B − E before deductions, yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.deductions IS '扣减金额 / deductions for not- or under-reported groups (savings − counted savings), yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.counted_savings IS '计入结余 / savings counted after deductions, yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.score IS '考核得分 / assessment score, 0–100, score';
COMMENT ON COLUMN vbp.retention_statement.grade IS '考核等级 / assessment grade (e.g. A–D), code';
COMMENT ON COLUMN vbp.retention_statement.retention_ratio IS '留用比例 / retention ratio of the grade (at least the floor), ratio (0–1)';
COMMENT ON COLUMN vbp.retention_statement.retained IS '结余留用金额 / retained R = max(0, counted savings) × ratio, 0 if forfeited, yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.settled IS '已结算 / true = the year has been settled, flag';
COMMENT ON COLUMN vbp.retention_statement.settled_retained IS '结算留用金额 / retained amount recorded at settlement, yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.adjustments IS '调整金额 / sum of adjustments to the settlement, yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.net_retained IS '净留用金额 / settled retained amount plus adjustments (NULL if not settled), yuan (元)';
COMMENT ON COLUMN vbp.retention_statement.forfeited IS '取消留用原因 / reason retention is forfeited (a group not reported; agreed volume not completed), text';
CREATE VIEW vbp.retention_by_region WITH (security_invoker = true) AS
  SELECT st.batch_id, st.cycle_year, vbp.province(st.org_code) AS province, vbp.city(st.org_code) AS city,
         count(*) AS institutions, vbp.sum(st.budget) AS budget, vbp.sum(st.spend) AS spend,
         vbp.sum(st.savings) AS savings, vbp.sum(st.retained) AS retained,
         count(*) FILTER (WHERE st.settled) AS settled, vbp.sum(st.net_retained) AS net_retained,
         bool_or(st.interim) AS interim
  FROM vbp.retention_statement st
  GROUP BY GROUPING SETS ((st.batch_id, st.cycle_year, vbp.province(st.org_code)),
                          (st.batch_id, st.cycle_year, vbp.province(st.org_code), vbp.city(st.org_code)));
COMMENT ON VIEW vbp.retention_by_region IS
  'Retention by region (地区结余留用): per batch, cycle year and province, and per prefecture city (city NULL on province rows); interim when any institution''s year is still running';
COMMENT ON COLUMN vbp.retention_by_region.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.retention_by_region.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.retention_by_region.province IS '省份 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.retention_by_region.city IS '地市 / prefecture city code (4 digits); NULL on province rows, code';
COMMENT ON COLUMN vbp.retention_by_region.institutions IS '机构数 / institutions with a retention statement, count';
COMMENT ON COLUMN vbp.retention_by_region.budget IS '医保基金预算 / Σ budget B = agreed volume × pre-procurement price × r_pay × s_ins, yuan (元)';
COMMENT ON COLUMN vbp.retention_by_region.spend IS '医保基金支出 / Σ spend E at selected and non-selected prices × r_pay × s_ins, yuan (元)';
COMMENT ON COLUMN vbp.retention_by_region.savings IS '结余金额 / Σ savings S = B − E before deductions, yuan (元)';
COMMENT ON COLUMN vbp.retention_by_region.retained IS '结余留用金额 / Σ retained amount R as computed, yuan (元)';
COMMENT ON COLUMN vbp.retention_by_region.settled IS '已结算机构数 / institutions whose year is settled, count';
COMMENT ON COLUMN vbp.retention_by_region.net_retained IS '结算净留用金额 / Σ settled retained amount plus adjustments, yuan (元)';
COMMENT ON COLUMN vbp.retention_by_region.interim IS '期中测算 / true = the agreement year of some institution is still running, flag';

-- the year to settle or adjust: the one named, or the institution's only year
CREATE FUNCTION vbp.settlement_year(batch int, org vbp.orgcode, cycle_year int) RETURNS int
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  years int[];
BEGIN
  IF settlement_year.cycle_year IS NOT NULL THEN
    RETURN settlement_year.cycle_year;
  END IF;
  SELECT array_agg(DISTINCT a.cycle_year ORDER BY a.cycle_year) INTO years FROM vbp.agreement a
  WHERE a.batch_id = settlement_year.batch AND a.org_code OPERATOR(vbp.=) settlement_year.org;
  IF cardinality(years) > 1 THEN
    RAISE EXCEPTION 'institution % has agreements in years % of batch %', org, array_to_string(years, ', '), batch
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Name the year: cycle_year => 1.';
  END IF;
  RETURN coalesce(years[1], 1);
END $$;
COMMENT ON FUNCTION vbp.settlement_year(int, vbp.orgcode, int) IS
  'The cycle year a settlement or adjustment is for (结算年度): the year named, else the institution''s only year in the batch; refused (22023) when it has several';

CREATE FUNCTION vbp.settle_retention(batch int, org vbp.orgcode, rule_set text DEFAULT vbp.report_rule_set(),
                                     cycle_year int DEFAULT NULL)
  RETURNS vbp.retention_settlement
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  yr int := vbp.settlement_year(batch, org, settle_retention.cycle_year);
  got record;
  st vbp.retention_settlement;
  groups vbp.retention_settlement_group[];
  done vbp.retention_settlement;
BEGIN
  -- the statement and its groups in one SQL statement, so from one snapshot: a
  -- purchase committed meanwhile is in both or in neither, and the recorded
  -- groups add up to the recorded settlement
  SELECT ROW(x.batch_id, x.org_code, x.cycle_year, settle_retention.rule_set, x.budget, x.spend, x.savings, x.counted_savings,
             x.score, x.grade, x.retention_ratio, x.retained, NULL, NULL)::vbp.retention_settlement AS st,
         x.year_end,
         (SELECT array_agg(ROW(c.batch_id, c.org_code, c.group_code, c.cycle_year, c.agreed_volume, c.selected_volume,
                                   c.selected_within_agreed, c.selected_spend, c.nonselected_spend, c.reference_price,
                                   c.fund_payment_ratio, c.insured_share, c.budget, c.spend, c.savings, c.report_status,
                                   c.deduction_factor, c.counted_savings, c.reference_basis)::vbp.retention_settlement_group)
             FROM vbp.retention_components(settle_retention.rule_set) c
             WHERE c.batch_id = settle_retention.batch AND c.org_code = settle_retention.org AND c.cycle_year = yr) AS groups
    INTO got
  FROM vbp.retention_statement_for(settle_retention.rule_set) x
  WHERE x.batch_id = settle_retention.batch AND x.org_code = settle_retention.org AND x.cycle_year = yr;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'institution % has no agreement in year % of batch %', org, yr, batch
      USING ERRCODE = 'no_data_found';
  END IF;
  -- a year is settled once it is over: its purchases are then all known
  IF got.year_end >= current_date THEN
    RAISE EXCEPTION 'year % of batch % has not ended for institution %', yr, batch, org
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Its agreements run until %s.', got.year_end),
            HINT = 'vbp.retention_statement shows the interim figures; settle after the year ends.';
  END IF;
  st := got.st;
  groups := got.groups;
  BEGIN
    INSERT INTO vbp.retention_settlement (batch_id, org_code, cycle_year, rule_set, budget, spend, savings, counted_savings,
                                          score, grade, retention_ratio, retained)
    VALUES (batch, org, yr, settle_retention.rule_set, st.budget, st.spend, st.savings, st.counted_savings,
            st.score, st.grade, st.retention_ratio, st.retained)
    RETURNING * INTO done;
  EXCEPTION WHEN unique_violation THEN
    SELECT * INTO done FROM vbp.retention_settlement s WHERE s.batch_id = batch AND s.org_code = org AND s.cycle_year = yr;
    RAISE EXCEPTION 'retention of institution % for year % of batch % is already settled', org, yr, batch
      USING ERRCODE = 'unique_violation',
            DETAIL = format('It was settled at %s by %s with %s yuan retained.', done.settled_at, done.settled_by, done.retained),
            HINT = 'A correction is an adjustment: vbp.adjust_retention(batch, org, amount, reason, cycle_year).';
  END;
  INSERT INTO vbp.retention_settlement_group SELECT * FROM unnest(groups);
  RETURN done;
END $$;
COMMENT ON FUNCTION vbp.settle_retention(int, vbp.orgcode, text, int) IS
  'Settles the retention of an institution for one year of a cycle (按年度结余留用结算) once, recording the statement and every group''s components; the year named, or the only one; refused while the year has not ended (55000); a second settlement of the year is refused with SQLSTATE 23505';
REVOKE EXECUTE ON FUNCTION vbp.settle_retention(integer, vbp.orgcode, text, int) FROM PUBLIC;

CREATE FUNCTION vbp.adjust_retention(batch int, org vbp.orgcode, amount vbp.cny, reason text, cycle_year int DEFAULT NULL)
  RETURNS vbp.retention_adjustment
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  yr int := vbp.settlement_year(batch, org, adjust_retention.cycle_year);
  done vbp.retention_adjustment;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM vbp.retention_settlement s WHERE s.batch_id = batch AND s.org_code = org AND s.cycle_year = yr) THEN
    RAISE EXCEPTION 'retention of institution % for year % of batch % is not settled', org, yr, batch
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'Settle it first with vbp.settle_retention(batch, org).';
  END IF;
  INSERT INTO vbp.retention_adjustment (batch_id, org_code, cycle_year, amount, reason)
  VALUES (batch, org, yr, amount, reason) RETURNING * INTO done;
  RETURN done;
END $$;
COMMENT ON FUNCTION vbp.adjust_retention(int, vbp.orgcode, vbp.cny, text, int) IS
  'Records an audited correction (结算调整) of a settled retention year: amount and a required reason; the year named, or the only one; settlements themselves never change';
REVOKE EXECUTE ON FUNCTION vbp.adjust_retention(integer, vbp.orgcode, vbp.cny, text, int) FROM PUBLIC;

SELECT pg_catalog.pg_extension_config_dump('vbp.fund_share', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.retention_settlement', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.retention_settlement_group', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.retention_adjustment', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.retention_adjustment_id_seq', '');

-- a capped pool: a region (province or city code prefix) whose retention is capped
CREATE FUNCTION vbp.retention_pool(batch int, region text, cap vbp.cny, rule_set text DEFAULT vbp.report_rule_set(),
                                   cycle_year int DEFAULT 1)
  RETURNS TABLE (org_code vbp.orgcode, retained vbp.cny, pool_total vbp.cny, capped boolean, paid vbp.cny)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  IF cap IS NULL OR cap < '0'::vbp.cny THEN
    RAISE EXCEPTION 'the pool cap must be zero or more, not %', cap
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF region IS NULL OR region !~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$' THEN
    RAISE EXCEPTION 'region must be a 2-, 4- or 6-digit division code, not "%"', region
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN QUERY
  SELECT s.org_code, s.retained, t.total, t.total > cap,
         CASE WHEN t.total > cap THEN vbp.apportion(cap, s.retained) OVER (ORDER BY s.org_code)
              ELSE s.retained END
  FROM vbp.retention_statement_for(retention_pool.rule_set) s
  CROSS JOIN LATERAL (SELECT vbp.sum(x.retained) AS total FROM vbp.retention_statement_for(retention_pool.rule_set) x
                      WHERE x.batch_id = retention_pool.batch AND x.cycle_year = retention_pool.cycle_year
                        AND vbp.division(x.org_code) LIKE region || '%') t
  WHERE s.batch_id = retention_pool.batch AND s.cycle_year = retention_pool.cycle_year AND vbp.division(s.org_code) LIKE region || '%'
  ORDER BY s.org_code;
END $$;
COMMENT ON FUNCTION vbp.retention_pool(int, text, vbp.cny, text, int) IS
  'Capped regional retention pool (统筹区结余留用总额控制) of one cycle year: when the retained amounts of a province or city exceed the cap, the cap is apportioned exactly in proportion to them (largest remainder); otherwise each keeps its own';

\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Policy parameters (政策参数): every published [pub], seed [seed], method [method]
-- and default [param] number vbp computes with, each row with its source
-- (doc/domain.md).  Shipped rows are read-only; a province copies a rule set
-- under its own name (vbp.copy_rule_set) and edits the copy.  Every reader
-- goes through vbp.param(), which fails loudly on an unknown rule set or name.
-- =====================================================================

-- Shipped parameter rows are the published rules: they cannot be changed in
-- place.  A province copies a rule set under its own name and edits that.
CREATE FUNCTION vbp.protect_shipped_rows() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF OLD.shipped THEN
    RAISE EXCEPTION 'cannot % a shipped row of %.%', lower(TG_OP), TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('%s is a published default (source: %s).',
                            coalesce('Rule set "' || (to_jsonb(OLD) ->> 'rule_set') || '"', 'The row'), OLD.source),
            HINT = 'Copy the rule set under a new name (vbp.copy_rule_set) and change the copy.';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
COMMENT ON FUNCTION vbp.protect_shipped_rows() IS
  'Trigger: refuses UPDATE and DELETE of shipped (published default) parameter rows (已发布参数保护)';

-- ---------------------------------------------------------------------
-- Parameters: every published [pub] and default [param] number, with source
-- ---------------------------------------------------------------------
CREATE TABLE vbp.parameter (
  rule_set    text NOT NULL,
  name        text NOT NULL,
  value       numeric,
  value_date  date,
  value_text  text,
  unit        text NOT NULL,
  description text NOT NULL,
  source      text NOT NULL,
  shipped     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, name),
  CONSTRAINT parameter_one_value CHECK (num_nonnulls(value, value_date, value_text) = 1),
  -- a number of days, months or years is a whole number, not negative
  CONSTRAINT parameter_whole_periods CHECK (unit NOT IN ('days', 'months', 'years')
                                            OR (value IS NOT NULL AND value >= 0 AND value = trunc(value))),
  -- points deducted from a score, or a score's threshold, are not negative
  CONSTRAINT parameter_points CHECK (unit <> 'points' OR (value IS NOT NULL AND value >= 0))
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.parameter ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.parameter FOR SELECT USING (true);
COMMENT ON TABLE vbp.parameter IS
  'Scalar policy parameters (政策参数) by rule set: thresholds, ratios, deadlines, each with its source; functions read them, never C constants';
COMMENT ON COLUMN vbp.parameter.rule_set IS 'Named rule set, e.g. national; a province adds its own';
COMMENT ON COLUMN vbp.parameter.name IS 'Parameter name, e.g. lagging_factor';
COMMENT ON COLUMN vbp.parameter.value IS 'Numeric value (exactly one of value, value_date, value_text is set)';
COMMENT ON COLUMN vbp.parameter.value_date IS 'Date value, for deadlines';
COMMENT ON COLUMN vbp.parameter.value_text IS 'Text value, for policies chosen by name';
COMMENT ON COLUMN vbp.parameter.unit IS 'Unit of the value (ratio, days, count, yuan, date, policy); days, months and years are whole numbers, not negative';
COMMENT ON COLUMN vbp.parameter.description IS 'What the parameter governs';
COMMENT ON COLUMN vbp.parameter.source IS 'Policy source: [seed] document, [pub] publication, or [param] vbp default';
COMMENT ON COLUMN vbp.parameter.shipped IS 'True for published defaults shipped with the extension (read-only)';

CREATE TABLE vbp.agreed_ratio_rule (
  rule_set     text NOT NULL,
  category     text NOT NULL CHECK (category IN ('standard', 'anti_infective')),
  winners_min  int NOT NULL CHECK (winners_min >= 1),
  winners_max  int CHECK (winners_max >= winners_min),
  ratio        numeric NOT NULL CHECK (ratio > 0 AND ratio <= 1),
  cycle_years  int CHECK (cycle_years BETWEEN 1 AND 3),
  source       text NOT NULL,
  shipped      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, category, winners_min)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.agreed_ratio_rule ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.agreed_ratio_rule FOR SELECT USING (true);
COMMENT ON TABLE vbp.agreed_ratio_rule IS
  'Agreed-volume ratio (约定采购量比例) by number of winning companies: Q_agreed = round(ratio x Q_reported); cycle length by winners';
COMMENT ON COLUMN vbp.agreed_ratio_rule.rule_set IS 'Rule set named by a batch (batch.ratio_rule_set)';
COMMENT ON COLUMN vbp.agreed_ratio_rule.category IS 'standard, or anti_infective (特殊抗菌药物, lower ratios)';
COMMENT ON COLUMN vbp.agreed_ratio_rule.winners_min IS 'Smallest number of winners the row applies to';
COMMENT ON COLUMN vbp.agreed_ratio_rule.winners_max IS 'Largest number of winners (NULL: no upper bound)';
COMMENT ON COLUMN vbp.agreed_ratio_rule.ratio IS 'Share of the reported volume contracted to winners';
COMMENT ON COLUMN vbp.agreed_ratio_rule.cycle_years IS 'Agreement cycle in years (采购周期)';
COMMENT ON COLUMN vbp.agreed_ratio_rule.source IS 'Policy source';
COMMENT ON COLUMN vbp.agreed_ratio_rule.shipped IS 'True for published defaults (read-only)';

CREATE TABLE vbp.retention_grade_rule (
  rule_set     text NOT NULL,
  grade        text NOT NULL,
  score_range  numrange NOT NULL CHECK (NOT isempty(score_range)),
  ratio        numeric NOT NULL CHECK (ratio >= 0 AND ratio <= 1),
  source       text NOT NULL,
  shipped      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, grade)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.retention_grade_rule ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.retention_grade_rule FOR SELECT USING (true);
COMMENT ON TABLE vbp.retention_grade_rule IS
  'Retention ratio (结余留用比例) by assessment grade (考核等级): a score in score_range earns ratio of the savings';
COMMENT ON COLUMN vbp.retention_grade_rule.rule_set IS 'Named rule set: shenzhen-2024, national-min-50, or a province''s own';
COMMENT ON COLUMN vbp.retention_grade_rule.grade IS 'Grade label (A, B, C, D ...)';
COMMENT ON COLUMN vbp.retention_grade_rule.score_range IS 'Assessment scores of the grade, bounds inclusive or exclusive as published';
COMMENT ON COLUMN vbp.retention_grade_rule.ratio IS 'Share of savings the institution retains';
COMMENT ON COLUMN vbp.retention_grade_rule.source IS 'Policy source';
COMMENT ON COLUMN vbp.retention_grade_rule.shipped IS 'True for published defaults (read-only)';

CREATE TABLE vbp.assessment_weight (
  rule_set  text NOT NULL,
  item      text NOT NULL CHECK (item IN ('completion', 'selected_share', 'on_time_payment', 'report_accuracy')),
  weight    numeric NOT NULL CHECK (weight >= 0 AND weight <= 1),
  source    text NOT NULL,
  shipped   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, item)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.assessment_weight ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.assessment_weight FOR SELECT USING (true);
COMMENT ON TABLE vbp.assessment_weight IS
  'Weights of the assessment items (考核指标权重) that make an institution''s score; weights of a rule set sum to 1';
COMMENT ON COLUMN vbp.assessment_weight.rule_set IS 'Named rule set';
COMMENT ON COLUMN vbp.assessment_weight.item IS 'completion of agreed volume, selected share, on-time payment, report accuracy';
COMMENT ON COLUMN vbp.assessment_weight.weight IS 'Weight of the item in the 0-100 score';
COMMENT ON COLUMN vbp.assessment_weight.source IS 'Policy source';
COMMENT ON COLUMN vbp.assessment_weight.shipped IS 'True for published defaults (read-only)';

CREATE TABLE vbp.credit_threshold (
  rule_set      text NOT NULL,
  level         text NOT NULL,
  basis         text NOT NULL CHECK (basis IN ('cumulative', 'single')),
  min_amount    vbp.cny NOT NULL,
  max_amount    vbp.cny,
  window_years  int NOT NULL CHECK (window_years > 0),
  source        text NOT NULL,
  shipped       boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, level, basis),
  CONSTRAINT credit_threshold_range CHECK (max_amount IS NULL OR max_amount > min_amount)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.credit_threshold ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.credit_threshold FOR SELECT USING (true);
COMMENT ON TABLE vbp.credit_threshold IS
  'Kickback amounts that set a company''s credit-rating level (医药价格和招采信用评价): 一般 / 中等 / 严重 / 特别严重';
COMMENT ON COLUMN vbp.credit_threshold.rule_set IS 'Revision of the rating rules';
COMMENT ON COLUMN vbp.credit_threshold.level IS 'Rating level (失信等级)';
COMMENT ON COLUMN vbp.credit_threshold.basis IS 'cumulative amount in one case, or a single payment';
COMMENT ON COLUMN vbp.credit_threshold.min_amount IS 'Lowest amount of the level (inclusive)';
COMMENT ON COLUMN vbp.credit_threshold.max_amount IS 'Amount from which the next level applies (exclusive; NULL: none)';
COMMENT ON COLUMN vbp.credit_threshold.window_years IS 'Look-back window in years';
COMMENT ON COLUMN vbp.credit_threshold.source IS 'Policy source';
COMMENT ON COLUMN vbp.credit_threshold.shipped IS 'True for published defaults (read-only)';

CREATE TABLE vbp.credit_level_rank (
  rule_set  text NOT NULL,
  level     text NOT NULL,
  severity  int NOT NULL CHECK (severity > 0),
  source    text NOT NULL,
  shipped   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, level),
  UNIQUE (rule_set, severity)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.credit_level_rank ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.credit_level_rank FOR SELECT USING (true);
COMMENT ON TABLE vbp.credit_level_rank IS
  'The levels of a credit-rating revision (信用评价等级) in order of severity, so a level set by the amount and one set by the kind of case can be compared';
COMMENT ON COLUMN vbp.credit_level_rank.rule_set IS 'Revision of the rating rules (as vbp.credit_threshold.rule_set)';
COMMENT ON COLUMN vbp.credit_level_rank.level IS 'Rating level';
COMMENT ON COLUMN vbp.credit_level_rank.severity IS 'Order: 1 the mildest';
COMMENT ON COLUMN vbp.credit_level_rank.source IS 'Policy source';
COMMENT ON COLUMN vbp.credit_level_rank.shipped IS 'True for published defaults (read-only)';

CREATE TABLE vbp.credit_override (
  rule_set      text NOT NULL,
  case_kind     text NOT NULL,
  level         text NOT NULL,
  window_years  int NOT NULL CHECK (window_years > 0),
  source        text NOT NULL,
  shipped       boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, case_kind),
  FOREIGN KEY (rule_set, level) REFERENCES vbp.credit_level_rank
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.credit_override ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.credit_override FOR SELECT USING (true);
COMMENT ON TABLE vbp.credit_override IS
  'Kinds of case that set a credit-rating level whatever the amount (按情形直接认定), e.g. in the 2025 revision bribing insurance staff or rigging bids in national VBP is 特别严重失信';
COMMENT ON COLUMN vbp.credit_override.rule_set IS 'Revision of the rating rules';
COMMENT ON COLUMN vbp.credit_override.case_kind IS 'Kind of case (vbp.kickback_record.case_kind)';
COMMENT ON COLUMN vbp.credit_override.level IS 'Level it sets, at least';
COMMENT ON COLUMN vbp.credit_override.window_years IS 'Look-back window in years';
COMMENT ON COLUMN vbp.credit_override.source IS 'Policy source';
COMMENT ON COLUMN vbp.credit_override.shipped IS 'True for published defaults (read-only)';

CREATE TABLE vbp.payment_standard_step (
  schedule        text NOT NULL,
  year            int NOT NULL CHECK (year >= 1),
  price_weight    numeric NOT NULL CHECK (price_weight >= 0),
  selected_weight numeric NOT NULL CHECK (selected_weight >= 0),
  not_below_selected boolean NOT NULL DEFAULT false,
  source          text NOT NULL,
  shipped         boolean NOT NULL DEFAULT false,
  PRIMARY KEY (schedule, year)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.payment_standard_step ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.payment_standard_step FOR SELECT USING (true);
COMMENT ON TABLE vbp.payment_standard_step IS
  'Payment-standard schedules as steps (支付标准调整路径): in year k of a schedule the standard of a drug priced P whose generic''s winning price is P_sel is price_weight x P + selected_weight x P_sel (at least P_sel where not_below_selected, never above P); years after the last step keep it; vbp.payment_standard_scheduled reads them';
COMMENT ON COLUMN vbp.payment_standard_step.schedule IS 'Schedule name, e.g. a province''s';
COMMENT ON COLUMN vbp.payment_standard_step.year IS 'Year of the phase-in (1 = the first year after the winning price)';
COMMENT ON COLUMN vbp.payment_standard_step.price_weight IS 'Weight of the drug''s own price P';
COMMENT ON COLUMN vbp.payment_standard_step.selected_weight IS 'Weight of the winning price P_sel';
COMMENT ON COLUMN vbp.payment_standard_step.not_below_selected IS 'The standard does not fall below the winning price (a step cut stops there)';
COMMENT ON COLUMN vbp.payment_standard_step.source IS 'Policy source';
COMMENT ON COLUMN vbp.payment_standard_step.shipped IS 'True for shipped schedules (read-only)';
INSERT INTO vbp.payment_standard_step (schedule, year, price_weight, selected_weight, not_below_selected, source, shipped) VALUES
  ('p70-then-selected', 1, 0.7, 0, true, '[param] example shape: 70% of the price in year 1, then converging to the winning price within 3 years', true),
  ('p70-then-selected', 2, 0.35, 0.5, true, '[param] example shape: halfway from 70% of the price to the winning price', true),
  ('p70-then-selected', 3, 0, 1, true, '[param] example shape: the winning price from year 3', true),
  ('step-15', 1, 0.85, 0, true, '[param] example shape: the non-selected price cut 15% a year (梯度降价), not below the winning price', true),
  ('step-15', 2, 0.7225, 0, true, '[param] example shape: 0.85 x 0.85', true),
  ('step-15', 3, 0.614125, 0, true, '[param] example shape: 0.85 x 0.85 x 0.85', true);
SELECT pg_catalog.pg_extension_config_dump('vbp.payment_standard_step', 'WHERE NOT shipped');

-- ---------------------------------------------------------------------
-- Traceability-code rules (追溯码规则): what each violation does, and the
-- rows exempt from the one-sale rule, per rule set (doc/triggers.md)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.trace_rule (
  rule_set   text NOT NULL,
  violation  text NOT NULL CHECK (violation IN ('repeat_sale', 'other_site', 'not_received', 'received_twice',
                                                'wrong_drug', 'late_return', 'missing_code')),
  action     text NOT NULL CHECK (action IN ('reject', 'alert', 'allow')),
  source     text NOT NULL,
  shipped    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, violation)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.trace_rule ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.trace_rule FOR SELECT USING (true);
COMMENT ON TABLE vbp.trace_rule IS
  'What vbp.tracecode_guard does with each traceability-code violation (追溯码违规处理): reject the statement, alert and let it through, or allow; one row per violation and rule set, a province copies the national rows (vbp.copy_rule_set) and changes its copy';
COMMENT ON COLUMN vbp.trace_rule.rule_set IS 'Named rule set (the guard''s rules= option)';
COMMENT ON COLUMN vbp.trace_rule.violation IS 'repeat_sale (重复销售: a whole pack sold again, or a split pack past its units), other_site (跨机构: a code dispensed at a site other than the one that received or first dispensed it), not_received (未入库: dispensed without being received), received_twice (重复入库), wrong_drug (串码: the code belongs to another drug), late_return (超期退药: returned after the undo window or at another site), missing_code (无码: a row without a code that no exemption covers)';
COMMENT ON COLUMN vbp.trace_rule.action IS 'reject (the statement fails, SQLSTATE 23505 or 23514), alert (the row passes and vbp.trace_alert records it), or allow';
COMMENT ON COLUMN vbp.trace_rule.source IS 'Policy source';
COMMENT ON COLUMN vbp.trace_rule.shipped IS 'True for published defaults (read-only)';

INSERT INTO vbp.trace_rule (rule_set, violation, action, source, shipped) VALUES
  ('national', 'repeat_sale', 'reject', '[pub] a package is sold once; the fund refuses to pay a repeated code (mandatory scanning from 2025-07-01); split packs (拆零) may repeat up to the pack''s units', true),
  ('national', 'other_site', 'reject', '[pub] a code sold at another institution than the one that received it is a resold or diverted package (回流药, 串货)', true),
  ('national', 'not_received', 'reject', '[pub] codes are scanned at receiving (入库采集) and at dispensing (发药核销): a code never received cannot be dispensed', true),
  ('national', 'received_twice', 'reject', '[pub] a code is received once', true),
  ('national', 'wrong_drug', 'reject', '[pub] a code must belong to the drug dispensed (串码 otherwise)', true),
  ('national', 'late_return', 'alert', '[pub] the EU medicines verification system lets the same site undo within 10 days and alerts after that', true),
  ('national', 'missing_code', 'alert', '[param] the fund refuses to pay an unscanned package; vbp alerts rather than stops the sale, since refusing payment is the fund''s decision', true);

CREATE TABLE vbp.trace_exemption (
  rule_set   text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('class', 'setting', 'stock', 'drug')),
  value      text NOT NULL CHECK (value <> ''),
  reason     text NOT NULL,
  source     text NOT NULL,
  shipped    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (rule_set, kind, value)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.trace_exemption ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.trace_exemption FOR SELECT USING (true);
COMMENT ON TABLE vbp.trace_exemption IS
  'Rows exempt from the traceability-code rules (追溯码豁免): an exempt row may repeat its code, needs no code and is never a violation; matched against the columns the guard names (class=, setting=, stock=, drug=)';
COMMENT ON COLUMN vbp.trace_exemption.rule_set IS 'Named rule set';
COMMENT ON COLUMN vbp.trace_exemption.kind IS 'class: the row''s drug class column equals value (中药饮片); setting: its setting column equals value (住院拆零); stock: its stock column equals value (无码库); drug: its drug code starts with value';
COMMENT ON COLUMN vbp.trace_exemption.value IS 'The value matched (exactly; a prefix for kind drug)';
COMMENT ON COLUMN vbp.trace_exemption.reason IS 'Why the rows are exempt';
COMMENT ON COLUMN vbp.trace_exemption.source IS 'Policy source';
COMMENT ON COLUMN vbp.trace_exemption.shipped IS 'True for published defaults (read-only)';

INSERT INTO vbp.trace_exemption (rule_set, kind, value, reason, source, shipped)
SELECT 'national', e.kind, v.value, e.reason, e.source, true
FROM (VALUES
  ('class', ARRAY['中药饮片', 'herbal_pieces'], 'Chinese herbal pieces (中药饮片) carry no package code yet',
   '[pub] exempt from dispensing-code scanning for now'),
  ('class', ARRAY['中药颗粒', '中药配方颗粒', 'herbal_granules'], 'Chinese herbal granules (中药颗粒) carry no package code yet',
   '[pub] exempt from dispensing-code scanning for now'),
  ('setting', ARRAY['住院拆零', 'inpatient_split'], 'Packs split for inpatients (住院拆零): one box serves many doses over a stay',
   '[pub] exempt from dispensing-code scanning for now'),
  ('stock', ARRAY['无码库', 'uncoded_stock'], 'Stock bought before scanning became mandatory, without codes (无码库), may still be settled',
   '[pub] pre-rule stock without codes may still be settled')
) AS e(kind, values_, reason, source)
CROSS JOIN LATERAL unnest(e.values_) AS v(value);

CREATE TABLE vbp.published_batch (
  batch_id      int PRIMARY KEY,
  name          text NOT NULL,
  drugs         int NOT NULL CHECK (drugs > 0),
  avg_cut       numeric CHECK (avg_cut > 0 AND avg_cut < 1),
  announced_on  date,
  source        text NOT NULL,
  shipped       boolean NOT NULL DEFAULT false
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.published_batch ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.published_batch FOR SELECT USING (true);
COMMENT ON TABLE vbp.published_batch IS
  'Published figures of the national batches (国家集采批次公布数据): drugs and average price cut, to check data against and to calibrate the demo';
COMMENT ON COLUMN vbp.published_batch.batch_id IS 'Batch number';
COMMENT ON COLUMN vbp.published_batch.name IS 'Name of the batch';
COMMENT ON COLUMN vbp.published_batch.drugs IS 'Number of drugs (品种数)';
COMMENT ON COLUMN vbp.published_batch.avg_cut IS 'Average price cut as published (平均降幅), unweighted over drugs';
COMMENT ON COLUMN vbp.published_batch.announced_on IS 'Date results were announced';
COMMENT ON COLUMN vbp.published_batch.source IS 'Source';
COMMENT ON COLUMN vbp.published_batch.shipped IS 'True for the figures shipped with the extension (read-only)';

INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped) VALUES
  ('national', 'fund_payment_ratio', 0.7, NULL, NULL, 'ratio',
   'Fund''s actual payment ratio r_pay (医保基金实际支付比例) where vbp.fund_share gives none',
   '[param] vbp default; a province sets its own or per institution in vbp.fund_share', true),
  ('national', 'insured_share', 0.9, NULL, NULL, 'ratio',
   'Share of insured patients s_ins (参保患者占比) where vbp.fund_share gives none',
   '[param] vbp default; a province sets its own or per institution in vbp.fund_share', true),
  ('national', 'retention_grade_rule_set', NULL, NULL, 'shenzhen-2024', 'rule set',
   'Rule set of vbp.retention_grade_rule used for the retention ratio',
   '[pub] Shenzhen 2024 draft grades; national-min-50 is the alternative', true),
  ('national', 'assessment_weight_rule_set', NULL, NULL, 'default', 'rule set',
   'Rule set of vbp.assessment_weight used for the assessment score', '[param] vbp default', true),
  ('national', 'credit_threshold_rule_set', NULL, NULL, '2020', 'rule set',
   'Rule set of vbp.credit_threshold used for credit ratings (信用评价)',
   '[pub] NHSA pharmaceutical price and procurement credit rating (医药价格和招采信用评价), 2020 catalogue', true),
  ('national', 'credit_reach_holder', 0, NULL, NULL, 'flag',
   'Whether a rating reaches through to the marketing-authorisation holder (上市许可持有人) named in a kickback record: 1 yes, 0 no',
   '[pub] not in the 2020 rules; the 2025 revision reaches through (rule set credit-2025)', true);

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


-- Published [pub], seed [seed] and default [param] numbers of doc/domain.md.
-- Shipped rows are read-only; copy a rule set to change it.

INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped) VALUES
  ('national', 'report_floor', 0.8, NULL, NULL, 'ratio',
   'Reported volume must be at least this share of baseline use, else under-reported (报量不足)',
   '[pub] batch 11 rules: reported volume >= 80% of the average use of the previous two years', true),
  ('national', 'report_accuracy_low', 0.8, NULL, NULL, 'ratio',
   'Realised accuracy actual/reported below this is flagged (报量准确性下限)', '[param] vbp default', true),
  ('national', 'report_accuracy_high', 1.2, NULL, NULL, 'ratio',
   'Realised accuracy actual/reported above this is flagged (报量准确性上限)', '[param] vbp default', true),
  ('national', 'robust_z_threshold', 3.5, NULL, NULL, 'z',
   'Volume reports with |robust z| above this are anomalous (异常报量)',
   '[pub] Iglewicz and Hoaglin (1993), modified z-score', true),
  ('national', 'robust_z_constant', 0.6745, NULL, NULL, 'factor',
   'Constant of the modified z-score 0.6745 (x - median) / MAD',
   '[pub] Iglewicz and Hoaglin (1993)', true),
  ('national', 'completion_combination', NULL, NULL, 'agreed_weighted', 'rule',
   'How the assessment combines the completion of each contract (each capped at 1): agreed_weighted (weighted by agreed volume), mean, or minimum',
   '[param] vbp default; per contract as the seed requires (按采购合同完成约定采购量)', true),
  ('national', 'not_reported_forfeit', NULL, NULL, 'group', 'rule',
   'What a group not reported (未报量) costs: group (that group''s savings count nothing) or institution (the institution retains nothing)',
   '[param] vbp default group, as the seed''s per-group deduction; institution as some provinces rule', true),
  ('national', 'benchmark_min_peers', 5, NULL, NULL, 'count',
   'Fewest institutions buying a generic group in a month for its peer price figures (benchmark, median, percentile) to be shown, to everyone alike: with two peers one would read the other''s price',
   '[param] vbp default, as statistical disclosure control (最少同类机构数)', true),
  ('national', 'ledger_time_zone', NULL, NULL, 'Asia/Shanghai', 'time zone',
   'Time zone whose calendar day is the ledger date of an instant (a timestamptz captured from a hospital''s table), whatever the writing session''s TimeZone',
   '[param] China keeps one time zone, UTC+8 (北京时间)', true),
  ('national', 'annual_volume_basis', NULL, NULL, 'previous_use', 'rule',
   'How vbp.open_cycle_year sets the volume of year 2 and 3 of a multi-year cycle: previous_use (the previous year''s use of the group is the reported volume, and the agreed volume is ratio x that use) or report (the previous year''s use is the baseline and the institution reports again)',
   '[pub] batch rules: in cycles of 2-3 years the agreed volume is reset each year from the previous year''s use; report as provinces that ask for a yearly report (报量)', true),
  ('national', 'retention_completion_required', 0, NULL, NULL, 'ratio',
   'Completion every contract must reach for any retention (完成约定采购量方可结余留用); 0: no precondition, 1: every contract complete',
   '[param] vbp default 0', true),
  ('national', 'retention_ratio_floor', 0, NULL, NULL, 'ratio',
   'Least retention ratio whatever the grade (e.g. 0.5: "in principle not below 50%")',
   '[param] vbp default 0 (graded); 0.5 as the national rule is believed to say (医保发〔2020〕26号)', true),
  ('national', 'robust_z_meanad_constant', 0.7979, NULL, NULL, 'factor',
   'Constant of the modified z-score when the MAD is 0: 0.7979 (x - median) / MeanAD, MeanAD the mean absolute deviation around the median (1 / 1.2533, the ratio of the mean absolute deviation to the standard deviation of a normal distribution)',
   '[pub] Iglewicz and Hoaglin (1993); the MeanAD fallback as in IBM SPSS''s modified z-score', true),
  ('national', 'robust_z_min_peers', 5, NULL, NULL, 'count',
   'Fewest reports in a cell (batch x generic group x institution level) for the robust z test; with two or three peers the modified z cannot exceed about 0.67',
   '[param] vbp default', true),
  ('national', 'over_report_multiple', 2, NULL, NULL, 'ratio',
   'A report above this multiple of the baseline use is flagged over-reported (超量报量), with any number of peers',
   '[param] vbp default', true),
  ('national', 'lagging_factor', 0.8, NULL, NULL, 'ratio',
   'Completion at least this share of time progress is lagging, below it severely lagging (进度滞后)',
   '[param] vbp default', true),
  ('national', 'selected_share_floor', 0.7, NULL, NULL, 'ratio',
   'Selected-product share below this is not preferring selected products (优先使用中选产品)',
   '[param] vbp default', true),
  ('national', 'payment_days', 30, NULL, NULL, 'days',
   'Payment to the supplier due within this many days of acceptance (回款时限)',
   '[pub] national VBP rules: payment no later than 30 days after delivery acceptance', true),
  ('national', 'payment_standard_multiple', 2, NULL, NULL, 'ratio',
   'Non-selected price above this multiple of the selected price is cut to payment_standard_cut of itself',
   '[pub] 医保发〔2019〕18号', true),
  ('national', 'payment_standard_cut', 0.7, NULL, NULL, 'ratio',
   'Target payment standard of a non-selected drug priced above the multiple: this share of its price',
   '[pub] 医保发〔2019〕18号', true),
  ('national', 'payment_standard_phase_years', 3, NULL, NULL, 'years',
   'Years over which payment standards converge in linear steps (过渡期)', '[param] vbp default (policy says 2-3 years)', true),
  ('national', 'listed_price_cap', 1.5, NULL, NULL, 'ratio',
   'Outside the supply region, listed prices at most this multiple of the winning price (挂网价上限)',
   '[pub] batches 8-9 rules', true),
  ('national', 'coverage_target_2022', 350, NULL, NULL, 'varieties',
   'National + provincial VBP varieties per province by end of 2022 (品种数目标)', '[seed] 医保函〔2022〕137号', true),
  ('national', 'coverage_target_2025', 500, NULL, NULL, 'varieties',
   'National + provincial VBP varieties per province by end of 2025 (品种数目标)', '[seed] 医保函〔2022〕137号', true),
  ('national', 'competition_min_companies', 3, NULL, NULL, 'companies',
   'Generic groups with at least this many consistency-evaluated companies have enough competition for VBP (应采尽采)',
   '[param] vbp default', true),
  ('national', 'committee_days', 30, NULL, NULL, 'days',
   'Pharmacy and therapeutics committee within this many days of a new list (药事会)',
   '[pub] Shanghai rules: within one month', true),
  ('national', 'dual_channel_list_deadline', NULL, '2021-10-31', NULL, 'date',
   'Provinces publish their dual-channel drug lists by this date (双通道名单)', '[seed] 医保函〔2021〕182号', true),
  ('national', 'dual_channel_pharmacy_deadline', NULL, '2021-11-30', NULL, 'date',
   'Every prefecture city has a qualifying dual-channel pharmacy by this date (双通道药店)', '[seed] 医保函〔2021〕182号', true),
  ('national', 'under_report_deduction', NULL, NULL, 'proportional', 'policy',
   'Retention deduction for under-reported groups: none, zero or proportional (reported / required)',
   '[param] vbp default; seed: under-reporters lose (part of) their retention', true);

INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped) VALUES
  ('national', 'vbp_varieties_mid_2022', 234, NULL, NULL, 'drugs',
   'Drugs in the six national VBP batches by mid-2022 (国家集采品种数)', '[seed] 医保函〔2022〕137号', true),
  ('national', 'vbp_average_cut_mid_2022', 0.53, NULL, NULL, 'ratio',
   'Average price cut of the six national batches (平均降价)', '[seed] 医保函〔2022〕137号', true),
  ('national', 'vbp_essential_varieties_mid_2022', 115, NULL, NULL, 'drugs',
   'Essential medicines among the 234 national VBP drugs (基本药物, 49%)', '[seed] 医保函〔2022〕137号', true),
  ('national', 'vbp_purchase_multiple_batches_1_5', 2, NULL, NULL, 'ratio',
   'Actual annual purchases of batches 1-5 exceeded the agreed volume more than this many times (实际采购量超协议量)',
   '[seed] 医保函〔2022〕137号', true);

INSERT INTO vbp.agreed_ratio_rule (rule_set, category, winners_min, winners_max, ratio, cycle_years, source, shipped) VALUES
  ('batch7', 'standard', 1, 1, 0.5, 1, '[pub] batch 7 rules: 1 winner 50%, 1-year cycle', true),
  ('batch7', 'standard', 2, 2, 0.6, 1, '[pub] batch 7 rules: 2 winners 60%, 1-year cycle', true),
  ('batch7', 'standard', 3, 3, 0.7, 2, '[pub] batch 7 rules: 3 winners 70%, 2-year cycle', true),
  ('batch7', 'standard', 4, NULL, 0.8, 3, '[pub] batch 7 rules: 4 or more winners 80%, 3-year cycle', true),
  ('batch7', 'anti_infective', 1, 1, 0.3, 1, '[pub] batch 7 rules: special anti-infectives, 1 winner 30%', true),
  ('batch7', 'anti_infective', 2, 2, 0.4, 1, '[pub] batch 7 rules: special anti-infectives, 2 winners 40%', true),
  ('batch7', 'anti_infective', 3, 3, 0.5, 2, '[pub] batch 7 rules: special anti-infectives, 3 winners 50%, 2-year cycle', true),
  ('batch7', 'anti_infective', 4, NULL, 0.5, 3, '[pub] batch 7 rules: special anti-infectives, 4 or more winners 50%, 3-year cycle', true);

INSERT INTO vbp.published_batch (batch_id, name, drugs, avg_cut, announced_on, source, shipped) VALUES
  (1, '第一批国家集采 (4+7)', 25, 0.52, '2018-12-07', '[pub] NHSA batch results; average cut per batch as published', true),
  (2, '第二批国家集采', 32, 0.53, '2020-01-17', '[pub] NHSA batch results', true),
  (3, '第三批国家集采', 55, 0.53, '2020-08-20', '[pub] NHSA batch results', true),
  (4, '第四批国家集采', 45, 0.52, '2021-02-03', '[pub] NHSA batch results', true),
  (5, '第五批国家集采', 61, 0.56, '2021-06-23', '[pub] NHSA batch results', true),
  (6, '第六批国家集采 (胰岛素专项)', 16, 0.48, '2021-11-26', '[pub] NHSA batch results (insulin)', true),
  (7, '第七批国家集采', 60, 0.48, NULL, '[pub] NHSA batch results', true),
  (8, '第八批国家集采', 39, 0.56, NULL, '[pub] NHSA batch results', true),
  (9, '第九批国家集采', 41, 0.58, NULL, '[pub] NHSA batch results', true),
  (10, '第十批国家集采', 62, NULL, NULL, '[pub] NHSA batch results (average cut not published with the results)', true);

INSERT INTO vbp.retention_grade_rule (rule_set, grade, score_range, ratio, source, shipped) VALUES
  ('shenzhen-2024', 'A', '(80,100]', 0.5, '[pub] Shenzhen 2024 draft: score above 80, 50%', true),
  ('shenzhen-2024', 'B', '[70,80]', 0.4, '[pub] Shenzhen 2024 draft: score 70-80, 40%', true),
  ('shenzhen-2024', 'C', '[60,70)', 0.3, '[pub] Shenzhen 2024 draft: score 60-70, 30%', true),
  ('shenzhen-2024', 'D', '[0,60)', 0, '[pub] Shenzhen 2024 draft: score below 60, 0%', true),
  ('national-min-50', 'all', '[0,100]', 0.5,
   '[believed] national rule: retention in principle not below 50% (医保发〔2020〕26号)', true);

INSERT INTO vbp.assessment_weight (rule_set, item, weight, source, shipped) VALUES
  ('default', 'completion', 0.4, '[param] vbp default', true),
  ('default', 'selected_share', 0.2, '[param] vbp default', true),
  ('default', 'on_time_payment', 0.2, '[param] vbp default', true),
  ('default', 'report_accuracy', 0.2, '[param] vbp default', true);

INSERT INTO vbp.credit_threshold (rule_set, level, basis, min_amount, max_amount, window_years, source, shipped) VALUES
  ('2020', '一般', 'cumulative', '10000', '150000', 3,
   '[pub] NHSA pharmaceutical price and procurement credit rating (医药价格和招采信用评价), level 一般: cumulative in one case >= 10,000 and < 150,000 yuan within 3 years; higher levels vary by revision', true),
  ('2020', '一般', 'single', '10000', '100000', 3,
   '[pub] NHSA pharmaceutical price and procurement credit rating (医药价格和招采信用评价), level 一般: single payment >= 10,000 and < 100,000 yuan within 3 years', true);

INSERT INTO vbp.credit_level_rank (rule_set, level, severity, source, shipped) VALUES
  ('2020', '一般', 1, '[pub] NHSA credit rating (医药价格和招采信用评价): levels 一般, 中等, 严重, 特别严重', true),
  ('2020', '中等', 2, '[pub] NHSA credit rating (医药价格和招采信用评价): levels 一般, 中等, 严重, 特别严重', true),
  ('2020', '严重', 3, '[pub] NHSA credit rating (医药价格和招采信用评价): levels 一般, 中等, 严重, 特别严重', true),
  ('2020', '特别严重', 4, '[pub] NHSA credit rating (医药价格和招采信用评价): levels 一般, 中等, 严重, 特别严重', true),
  ('2025', '失信', 1, '[pub] NHSA 2025 notice revising the credit-evaluation catalogue: three levels 失信, 严重失信, 特别严重失信', true),
  ('2025', '严重失信', 2, '[pub] NHSA 2025 notice revising the credit-evaluation catalogue: three levels 失信, 严重失信, 特别严重失信', true),
  ('2025', '特别严重失信', 3, '[pub] NHSA 2025 notice revising the credit-evaluation catalogue: three levels 失信, 严重失信, 特别严重失信', true);

-- the 2025 revision's top-level cases; its amount bands are in the notice's annex,
-- which vbp does not ship: add them to vbp.credit_threshold as rule set 2025
INSERT INTO vbp.credit_override (rule_set, case_kind, level, window_years, source, shipped) VALUES
  ('2025', 'bribery_of_insurance_staff', '特别严重失信', 3,
   '[pub] NHSA 2025 notice revising the credit-evaluation catalogue: bribing medical-insurance staff is rated at the top level', true),
  ('2025', 'bid_rigging_national_vbp', '特别严重失信', 3,
   '[pub] NHSA 2025 notice revising the credit-evaluation catalogue: rigging bids in national VBP is rated at the top level', true);

-- supply guarantee (供应保障, doc/supply.md)
INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped) VALUES
  ('national', 'delivery_days', 2, NULL, NULL, 'days',
   'An order line is delivered on time when delivered in full within this many days of the order date (配送时限); a region may have its own (vbp.delivery_deadline, e.g. 偏远地区 3 days)',
   '[believed] procurement documents commonly require delivery within 48 hours of the order, 72 in remote areas; set the province''s own', true),
  ('national', 'stockout_days', 7, NULL, NULL, 'days',
   'An order line not delivered in full for longer than this many days after the order date is a stock-out (断供); overlapping stock-outs of a product at an institution are one episode',
   '[param] vbp default', true),
  ('national', 'supply_score_per_episode', 2, NULL, NULL, 'points',
   'Supply score: points deducted from 100 per stock-out episode of the company (断供次数)',
   '[param] vbp default', true),
  ('national', 'supply_score_per_problem_pct', 1, NULL, NULL, 'points',
   'Supply score: points deducted per percentage point of order lines due that were late, refused or still open past the deadline (断供频次)',
   '[param] vbp default', true),
  ('national', 'supply_score_per_stockout_day', 0.2, NULL, NULL, 'points',
   'Supply score: points deducted per day of stock-out, summed over episodes (断供时长)',
   '[param] vbp default', true),
  ('national', 'supply_score_alert', 60, NULL, NULL, 'points',
   'A company whose supply score falls below this is alerted (供应评分预警)',
   '[param] vbp default', true);

-- traceability codes (追溯码, doc/triggers.md); what each violation does is in vbp.trace_rule
INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped) VALUES
  ('national', 'trace_undo_window_days', 10, NULL, NULL, 'days',
   'A dispensed code returned (退药) or cancelled at the site that dispensed it within this many days of the dispensing is freed without an alert; later, or at another site, is a late_return (撤销时限)',
   '[pub] the EU medicines verification system lets the dispensing site undo a decommissioning within 10 days and alerts after that; no Chinese figure is published', true),
  ('national', 'trace_escalate_after', 3, NULL, NULL, 'count',
   'The violation of a code from which its alerts are escalated (升级): the first violations are warnings, this one and later ones escalated',
   '[param] vbp default', true);

INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped) VALUES
  ('national', 'reimbursement_tolerance', 0.01, NULL, NULL, 'ratio',
   'Largest difference of the fund-paid share between the hospital and the pharmacy channel still counted as the same reimbursement (双通道同等报销)',
   '[method] rounding each line''s fund payment to the fen moves a channel''s share by far less', true);

-- The 2025 credit revision as a rule set: the national rule set with the 2025 levels,
-- and ratings reaching through to the marketing-authorisation holder
INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped)
SELECT 'credit-2025', p.name,
       CASE p.name WHEN 'credit_reach_holder' THEN 1 ELSE p.value END, p.value_date,
       CASE p.name WHEN 'credit_threshold_rule_set' THEN '2025' ELSE p.value_text END,
       p.unit, p.description,
       CASE p.name WHEN 'credit_threshold_rule_set' THEN '[pub] rule set credit-2025: the 2025 revision of the credit-evaluation catalogue (levels and top-level cases shipped; amount bands per its annex, to add)'
                   WHEN 'credit_reach_holder' THEN '[pub] rule set credit-2025: the 2025 revision reaches through to the marketing-authorisation holder'
                   ELSE p.source END, true
FROM vbp.parameter p WHERE p.rule_set = 'national';

-- Named rule sets of the institution-wide retention rules provinces use: each the
-- national rule set with one rule changed (a province copies one and edits it)
INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped)
SELECT r.rule_set, p.name,
       CASE WHEN p.name = r.name THEN r.value ELSE p.value END, p.value_date,
       CASE WHEN p.name = r.name THEN r.value_text ELSE p.value_text END,
       p.unit, p.description, CASE WHEN p.name = r.name THEN r.source ELSE p.source END, true
FROM vbp.parameter p
CROSS JOIN (VALUES
  ('forfeit-unreported', 'not_reported_forfeit', NULL::numeric, 'institution',
   '[param] rule set forfeit-unreported: an institution with a group not reported retains nothing'),
  ('completion-required', 'retention_completion_required', 1, NULL,
   '[param] rule set completion-required: retention only when every contract''s agreed volume is complete'),
  ('national-floor-50', 'retention_ratio_floor', 0.5, NULL,
   '[believed] rule set national-floor-50: graded, but never below 50% (医保发〔2020〕26号, "in principle not below 50%")')
) AS r(rule_set, name, value, value_text, source)
WHERE p.rule_set = 'national';

CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.parameter
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.agreed_ratio_rule
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.retention_grade_rule
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.assessment_weight
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.credit_threshold
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.credit_level_rank
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.credit_override
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.published_batch
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.payment_standard_step
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.trace_rule
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.trace_exemption
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();

COMMENT ON TRIGGER protect_shipped ON vbp.parameter IS 'Keeps shipped parameter rows read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.agreed_ratio_rule IS 'Keeps shipped agreed-ratio rows read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.retention_grade_rule IS 'Keeps shipped retention-grade rows read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.assessment_weight IS 'Keeps shipped assessment weights read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.credit_threshold IS 'Keeps shipped credit thresholds read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.published_batch IS 'Keeps the published batch figures read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.payment_standard_step IS 'Keeps shipped payment-standard steps read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.trace_rule IS 'Keeps shipped traceability-code rules read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.trace_exemption IS 'Keeps shipped traceability-code exemptions read-only';

-- the traceability-code guard keeps the rules it read until one of their tables changes
CREATE FUNCTION vbp.trace_rules_changed() RETURNS trigger
  AS 'MODULE_PATHNAME', 'pgvbp_trace_rules_changed' LANGUAGE C;
COMMENT ON FUNCTION vbp.trace_rules_changed() IS
  'Statement trigger on the tables vbp.tracecode_guard reads its rules from (规则变更通知): every session reads the rules again once the change commits';
CREATE TRIGGER trace_rules_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vbp.parameter
  FOR EACH STATEMENT EXECUTE FUNCTION vbp.trace_rules_changed();
CREATE TRIGGER trace_rules_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vbp.trace_rule
  FOR EACH STATEMENT EXECUTE FUNCTION vbp.trace_rules_changed();
CREATE TRIGGER trace_rules_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vbp.trace_exemption
  FOR EACH STATEMENT EXECUTE FUNCTION vbp.trace_rules_changed();
COMMENT ON TRIGGER trace_rules_changed ON vbp.parameter IS 'Makes the traceability-code guard read its parameters again';
COMMENT ON TRIGGER trace_rules_changed ON vbp.trace_rule IS 'Makes the traceability-code guard read its rules again';
COMMENT ON TRIGGER trace_rules_changed ON vbp.trace_exemption IS 'Makes the traceability-code guard read its exemptions again';


-- ---------------------------------------------------------------------
-- The one lookup every reader of a policy number goes through
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.parameter_row(rule_set text, name text, kind text DEFAULT NULL) RETURNS vbp.parameter
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r vbp.parameter;
BEGIN
  SELECT p.* INTO r FROM vbp.parameter p WHERE p.rule_set = parameter_row.rule_set AND p.name = parameter_row.name;
  IF FOUND THEN
    -- kind: the value the reader expects (number, date or text), NULL for any
    IF (kind = 'number' AND r.value IS NULL) OR (kind = 'date' AND r.value_date IS NULL)
       OR (kind = 'text' AND r.value_text IS NULL) THEN
      RAISE EXCEPTION 'parameter "%" of rule set "%" is not %', name, rule_set,
                      CASE kind WHEN 'text' THEN 'text' ELSE 'a ' || kind END
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = format('Its value is %s (unit %s).',
                              coalesce(r.value::text, r.value_date::text, quote_literal(r.value_text)), r.unit);
    ELSIF kind NOT IN ('number', 'date', 'text') THEN
      RAISE EXCEPTION 'unknown parameter kind "%"', kind
        USING ERRCODE = 'invalid_parameter_value', HINT = 'Use number, date or text.';
    END IF;
    RETURN r;
  END IF;
  IF rule_set IS NULL OR name IS NULL THEN
    RAISE EXCEPTION 'rule set and parameter name must not be null'
      USING ERRCODE = 'invalid_parameter_value';
  ELSIF NOT EXISTS (SELECT FROM vbp.parameter p WHERE p.rule_set = parameter_row.rule_set) THEN
    RAISE EXCEPTION 'unknown rule set "%"', rule_set
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('vbp.parameter has no rows for rule set "%s" (asked for parameter "%s").', rule_set, name),
            HINT = format('Known rule sets: %s.  A province copies one with vbp.copy_rule_set().',
                          (SELECT string_agg(DISTINCT p.rule_set, ', ') FROM vbp.parameter p));
  ELSE
    RAISE EXCEPTION 'unknown parameter "%" in rule set "%"', name, rule_set
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('Rule set "%s" exists but has no parameter "%s".', rule_set, name),
            HINT = 'The parameters and their meaning are listed in vbp.parameter and doc/domain.md.';
  END IF;
END $$;
COMMENT ON FUNCTION vbp.parameter_row(text, text, text) IS
  'The parameter row (政策参数) of a rule set by name; raises 22023 naming the rule set and the parameter when either is unknown, or when its value is not of the kind asked for (number, date or text)';

CREATE FUNCTION vbp.known_rule_set(rule_set text) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r record;
  missing text;
BEGIN
  IF rule_set IS NULL OR NOT EXISTS (SELECT FROM vbp.parameter p WHERE p.rule_set = known_rule_set.rule_set) THEN
    RAISE EXCEPTION 'unknown rule set "%"', rule_set
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('vbp.parameter has no rows for rule set %s.', coalesce('"' || rule_set || '"', 'NULL')),
            HINT = format('Known rule sets: %s.  A province copies one with vbp.copy_rule_set().',
                          (SELECT string_agg(DISTINCT p.rule_set, ', ') FROM vbp.parameter p));
  END IF;
  -- every parameter the shipped rule sets hold: a report whose query does not
  -- reach the one it lacks (a column not selected, an empty table) fails all the same
  missing := (SELECT string_agg(n.name, ', ' ORDER BY n.name)
              FROM (SELECT DISTINCT s.name FROM vbp.parameter s WHERE s.shipped) n
              WHERE NOT EXISTS (SELECT FROM vbp.parameter q WHERE q.rule_set = known_rule_set.rule_set AND q.name = n.name));
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'rule set "%" lacks parameters: %', rule_set, missing
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'A rule set holds every parameter of the shipped rule sets; the reports read theirs from one rule set.',
            HINT = format('Copy the missing rows from the rule set it was made from, e.g. INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source) SELECT %L, name, value, value_date, value_text, unit, description, source FROM vbp.parameter WHERE rule_set = ''national'' AND name IN (...).',
                          rule_set);
  END IF;
  -- the rule tables a rule set names by parameter must hold that rule set
  FOR r IN
    SELECT p.name, p.value_text, t.tbl
    FROM vbp.parameter p
    JOIN (VALUES ('retention_grade_rule_set', 'vbp.retention_grade_rule'),
                 ('assessment_weight_rule_set', 'vbp.assessment_weight'),
                 ('credit_threshold_rule_set', 'vbp.credit_threshold')) t(name, tbl) ON t.name = p.name
    WHERE p.rule_set = known_rule_set.rule_set
  LOOP
    IF NOT (SELECT CASE r.tbl
                   WHEN 'vbp.retention_grade_rule' THEN EXISTS (SELECT FROM vbp.retention_grade_rule g WHERE g.rule_set = r.value_text)
                   WHEN 'vbp.assessment_weight' THEN EXISTS (SELECT FROM vbp.assessment_weight w WHERE w.rule_set = r.value_text)
                   ELSE EXISTS (SELECT FROM vbp.credit_threshold c WHERE c.rule_set = r.value_text) END) THEN
      RAISE EXCEPTION 'rule set "%" names "%" in % (parameter %), which has no such rule set',
                      rule_set, r.value_text, r.tbl, r.name
        USING ERRCODE = 'invalid_parameter_value',
              HINT = format('Copy a rule set of %s under that name with vbp.copy_rule_set(), or point %s at an existing one.',
                            r.tbl, r.name);
    END IF;
  END LOOP;
  RETURN true;
END $$;
COMMENT ON FUNCTION vbp.known_rule_set(text) IS
  'True for a rule set that vbp.parameter holds, with every parameter the shipped rule sets hold, and whose named rule tables (retention grades, assessment weights, credit thresholds) hold the rule sets it names (规则集校验); raises 22023 naming the rule set otherwise.  Reports test it as a one-time filter, so an unknown rule set fails even on empty tables';

CREATE FUNCTION vbp.param(rule_set text, name text) RETURNS numeric
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (vbp.parameter_row(rule_set, name, 'number')).value;
COMMENT ON FUNCTION vbp.param(text, text) IS
  'Numeric policy parameter (政策参数) of a rule set, e.g. vbp.param(''national'', ''lagging_factor''); 22023 on an unknown rule set or name, or a non-numeric parameter';

CREATE FUNCTION vbp.param_date(rule_set text, name text) RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (vbp.parameter_row(rule_set, name, 'date')).value_date;
COMMENT ON FUNCTION vbp.param_date(text, text) IS
  'Date policy parameter (政策参数, deadlines) of a rule set; 22023 on an unknown rule set or name, or a parameter that is not a date';

CREATE FUNCTION vbp.param_text(rule_set text, name text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (vbp.parameter_row(rule_set, name, 'text')).value_text;
COMMENT ON FUNCTION vbp.param_text(text, text) IS
  'Text policy parameter (政策参数, a policy chosen by name, e.g. the grade rule set) of a rule set; 22023 on an unknown rule set or name, or a parameter that is not text';

CREATE FUNCTION vbp.param_choice(rule_set text, name text, choices text[]) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  v text := vbp.param_text(rule_set, name);
BEGIN
  IF v IS NULL OR NOT v = ANY (choices) THEN
    RAISE EXCEPTION 'parameter % of rule set "%" is "%", not one of %', name, rule_set, v, array_to_string(choices, ', ')
      USING ERRCODE = 'invalid_parameter_value',
            HINT = format('UPDATE vbp.parameter SET value_text = ... WHERE rule_set = %L AND name = %L', rule_set, name);
  END IF;
  RETURN v;
END $$;
COMMENT ON FUNCTION vbp.param_choice(text, text, text[]) IS
  'Text policy parameter that must be one of the given choices (e.g. under_report_deduction: none, zero, proportional); 22023 naming the rule set, the parameter and the choices otherwise';

CREATE FUNCTION vbp.report_rule_set() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT coalesce(nullif(current_setting('vbp.rule_set', true), ''), 'national');
END;
COMMENT ON FUNCTION vbp.report_rule_set() IS
  'Rule set of the reporting views and of functions called without one (适用规则集): the setting vbp.rule_set if set (SET vbp.rule_set = ''guangdong''), else national';

SELECT pg_catalog.pg_extension_config_dump('vbp.parameter', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.agreed_ratio_rule', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.retention_grade_rule', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.assessment_weight', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.credit_threshold', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.credit_level_rank', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.credit_override', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.published_batch', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_rule', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_exemption', 'WHERE NOT shipped');

CREATE FUNCTION vbp.copy_rule_set(tbl regclass, from_rule_set text, to_rule_set text)
  RETURNS bigint LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  cols text;
  n bigint;
BEGIN
  IF tbl NOT IN ('vbp.parameter'::regclass, 'vbp.agreed_ratio_rule'::regclass,
                 'vbp.retention_grade_rule'::regclass, 'vbp.assessment_weight'::regclass,
                 'vbp.credit_threshold'::regclass, 'vbp.trace_rule'::regclass,
                 'vbp.trace_exemption'::regclass) THEN
    RAISE EXCEPTION '% is not a vbp parameter table', tbl USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols
  FROM pg_attribute WHERE attrelid = tbl AND attnum > 0 AND NOT attisdropped
    AND attname NOT IN ('rule_set', 'shipped');
  EXECUTE format('INSERT INTO %s (rule_set, shipped, %s) SELECT %L, false, %s FROM %s WHERE rule_set = %L',
                 tbl, cols, to_rule_set, cols, tbl, from_rule_set);
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n = 0 THEN
    RAISE EXCEPTION 'rule set "%" has no rows in %', from_rule_set, tbl USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN n;
END $$;
COMMENT ON FUNCTION vbp.copy_rule_set(regclass, text, text) IS
  'Copies a rule set of a parameter table under a new name (复制规则集) so a province can change the copy; returns rows copied';
REVOKE EXECUTE ON FUNCTION vbp.copy_rule_set(regclass, text, text) FROM PUBLIC;

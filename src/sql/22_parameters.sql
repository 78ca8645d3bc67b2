\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- Published [pub], seed [seed] and default [param] numbers of DOMAIN.md.
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
  (10, '第十批国家集采', 62, NULL, NULL, '[pub] NHSA batch results (average cut not in DOMAIN.md)', true);

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

-- protection of shipped rows, and what pg_dump saves
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
CREATE TRIGGER protect_shipped BEFORE UPDATE OR DELETE ON vbp.published_batch
  FOR EACH ROW EXECUTE FUNCTION vbp.protect_shipped_rows();

COMMENT ON TRIGGER protect_shipped ON vbp.parameter IS 'Keeps shipped parameter rows read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.agreed_ratio_rule IS 'Keeps shipped agreed-ratio rows read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.retention_grade_rule IS 'Keeps shipped retention-grade rows read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.assessment_weight IS 'Keeps shipped assessment weights read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.credit_threshold IS 'Keeps shipped credit thresholds read-only';
COMMENT ON TRIGGER protect_shipped ON vbp.published_batch IS 'Keeps the published batch figures read-only';

SELECT pg_catalog.pg_extension_config_dump('vbp.division', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.parameter', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.agreed_ratio_rule', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.retention_grade_rule', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.assessment_weight', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.credit_threshold', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.published_batch', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('vbp.batch', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.generic_group', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.product', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.selection', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.institution', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.volume_report', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.agreement', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.purchase_default', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.purchase_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.dispensing_default', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.dispensing_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.nrdl_version', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.nrdl_item', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.committee_meeting', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.formulary_admission', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.assessment', '');

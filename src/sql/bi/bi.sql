\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- ---------------------------------------------------------------------
-- Labels of code values (代码值中文标签): one table, so that nobody
-- hard-codes a translation in a dashboard.
-- ---------------------------------------------------------------------
CREATE TABLE vbp.label (
  domain   text NOT NULL,
  code     text NOT NULL,
  zh       text NOT NULL,
  en       text NOT NULL,
  shipped  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (domain, code)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.label ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.label FOR SELECT USING (true);
COMMENT ON TABLE vbp.label IS
  'Chinese and English labels of code values (代码值标签): statuses, alert kinds, levels, channels, grades; the BI views join it (their *_zh columns); rows a user adds (shipped false) are kept by pg_dump';
COMMENT ON COLUMN vbp.label.domain IS '值域 / which code list the value belongs to (e.g. fulfilment_status), code';
COMMENT ON COLUMN vbp.label.code IS '代码值 / the value as the reports print it, code';
COMMENT ON COLUMN vbp.label.zh IS '中文标签 / Chinese label, text';
COMMENT ON COLUMN vbp.label.en IS '英文标签 / English label, text';
COMMENT ON COLUMN vbp.label.shipped IS '随扩展发布 / shipped with vbp (true) or added by the user (false), flag';
SELECT pg_catalog.pg_extension_config_dump('vbp.label', 'WHERE NOT shipped');

INSERT INTO vbp.label (domain, code, zh, en, shipped) VALUES
  ('fulfilment_status', 'completed', '已完成', 'completed: selected units reached the agreed volume', true),
  ('fulfilment_status', 'on_track', '进度正常', 'on track: completion at least the time progress', true),
  ('fulfilment_status', 'lagging', '滞后', 'lagging: completion below the time progress', true),
  ('fulfilment_status', 'severely_lagging', '严重滞后', 'severely lagging: completion below the lagging factor times the time progress', true),
  ('alert', 'lagging', '履约滞后', 'agreement lagging behind the time progress', true),
  ('alert', 'severely_lagging', '履约严重滞后', 'agreement severely lagging behind the time progress', true),
  ('alert', 'not_preferring_selected', '未优先使用中选产品', 'selected products are not the larger share of the group''s units', true),
  ('alert', 'late_payment', '回款超期', 'payments not made on time', true),
  ('alert', 'anomalous_report', '报量异常', 'volume report far from its peers (robust z-score)', true),
  ('alert', 'duplicate_trace_code', '追溯码重复', 'a traceability code seen again (resold or counterfeit package)', true),
  ('alert', 'trace_not_received', '追溯码未入库', 'a traceability code dispensed without being received', true),
  ('alert', 'trace_received_twice', '追溯码重复入库', 'a traceability code received again', true),
  ('alert', 'trace_wrong_drug', '串码', 'a traceability code dispensed as another drug than its own', true),
  ('alert', 'trace_late_return', '超期退药', 'a dispensed traceability code returned after the undo window or at another site', true),
  ('alert', 'trace_missing_code', '无码发药', 'a dispensing row without a traceability code that no exemption covers', true),
  ('alert', 'not_reported', '未报量', 'no volume report although the institution used the drug', true),
  ('alert', 'under_reported', '少报量', 'volume report below the floor of the baseline', true),
  ('alert', 'stockout', '断供', 'an ordered product not delivered for longer than stockout_days', true),
  ('alert', 'supply_score_low', '供应评分低于预警线', 'a winning company''s supply score below supply_score_alert', true),
  ('order_event', 'confirmed', '确认', 'order confirmed by the company', true),
  ('order_event', 'partially_confirmed', '部分确认', 'order partly confirmed', true),
  ('order_event', 'refused', '拒绝', 'order refused by the company', true),
  ('order_event', 'delivered', '配送', 'delivered (negative: goods sent back)', true),
  ('order_event', 'cancelled', '取消', 'order cancelled', true),
  ('report_status', 'reported', '已报量', 'reported', true),
  ('report_status', 'under_reported', '少报量', 'reported below the floor of the baseline', true),
  ('report_status', 'not_reported', '未报量', 'not reported', true),
  ('institution_level', 'tertiary', '三级医疗机构', 'tertiary hospital', true),
  ('institution_level', 'secondary', '二级医疗机构', 'secondary hospital', true),
  ('institution_level', 'primary', '基层医疗机构', 'primary-care institution', true),
  ('institution_level', 'pharmacy', '定点零售药店', 'designated retail pharmacy', true),
  ('division_level', 'province', '省级', 'province', true),
  ('division_level', 'city', '地市级', 'prefecture city', true),
  ('division_level', 'county', '县级', 'county', true),
  ('stocking_scope', 'national', '全国', 'national', true),
  ('stocking_scope', 'province', '省', 'by province', true),
  ('stocking_scope', 'city', '地市', 'by prefecture city', true),
  ('stocking_scope', 'level', '机构级别', 'by institution level', true),
  ('channel', 'hospital', '定点医疗机构', 'dispensed by the hospital', true),
  ('channel', 'pharmacy', '定点零售药店（双通道）', 'dispensed by a dual-channel pharmacy', true),
  ('batch_kind', 'national', '国家组织集采', 'national VBP batch', true),
  ('batch_kind', 'alliance', '省际联盟集采', 'inter-provincial alliance batch', true),
  ('batch_kind', 'provincial', '省级集采', 'provincial batch', true),
  ('retention_grade', 'A', 'A档', 'grade A', true),
  ('retention_grade', 'B', 'B档', 'grade B', true),
  ('retention_grade', 'C', 'C档', 'grade C', true),
  ('retention_grade', 'D', 'D档', 'grade D', true),
  ('forfeited', 'a group not reported', '有品种未报量，不予留用', 'forfeited: a group was not reported', true),
  ('forfeited', 'agreed volume not completed', '未完成约定采购量，不予留用', 'forfeited: an agreed volume was not completed', true),
  ('credibility_level', 'tertiary', '三级医疗机构', 'tertiary hospitals', true),
  ('credibility_level', 'secondary', '二级医疗机构', 'secondary hospitals', true),
  ('credibility_level', 'primary', '基层医疗机构', 'primary-care institutions', true),
  ('credibility_level', 'pharmacy', '定点零售药店', 'retail pharmacies', true);

CREATE FUNCTION vbp.label_zh(domain text, code text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT coalesce((SELECT l.zh FROM vbp.label l WHERE l.domain = label_zh.domain AND l.code = label_zh.code), label_zh.code);
END;
COMMENT ON FUNCTION vbp.label_zh(text, text) IS
  'Chinese label (中文标签) of a code value in a domain of vbp.label; the code itself where it has none (NULL for NULL), so a report never loses a row or a value to a missing label';

-- ---------------------------------------------------------------------
-- Materialized views for BI: the report views stored, each with a unique
-- index so vbp.refresh_reports() can refresh it CONCURRENTLY (readers keep
-- reading the old rows meanwhile).  Shaped for BI clients: money as
-- numeric(18,2) yuan, ratios as numeric fractions, codes as text, the
-- names of batches, institutions, provinces and drugs beside the codes, a
-- Chinese label beside each status.  Created empty: run SELECT * FROM
-- vbp.refresh_reports() once, and after a restore.  The reporting date is
-- the refreshing session's vbp.report_date().
-- ---------------------------------------------------------------------

-- over the two reports kept by agreement (vbp.fulfilment_stored and
-- vbp.report_credibility_stored, beside the reports they keep), with the names
-- joined as they are read
CREATE VIEW vbp.bi_fulfilment WITH (security_invoker = false) AS
  SELECT f.batch_id, b.name AS batch_name, f.org_code::text AS org_code, i.name AS org_name,
         vbp.province(f.org_code) AS province, dp.name AS province_name,
         f.group_code::text AS group_code, g.generic_name, f.cycle_year, f.agreed_volume, f.cycle_start, f.cycle_end,
         f.time_progress, f.selected_volume, f.nonselected_volume, f.completion, f.status,
         coalesce(l.zh, f.status) AS status_zh, f.selected_share, f.prefers_selected,
         f.payments_due, f.paid_on_time, f.on_time_rate, f.backup_volume
  FROM vbp.fulfilment_stored f
  JOIN vbp.batch b ON b.batch_id = f.batch_id
  LEFT JOIN vbp.institution i ON i.org_code = f.org_code
  LEFT JOIN vbp.division dp ON dp.code = vbp.province(f.org_code)
  LEFT JOIN vbp.generic_group g ON g.group_code = f.group_code
  -- the label joined as a table, as vbp.label_zh reads it: read with the view's
  -- rights (the function would read vbp.label with the reader's, which a BI role
  -- granted only this view does not have)
  LEFT JOIN vbp.label l ON l.domain = 'fulfilment_status' AND l.code = f.status;
COMMENT ON VIEW vbp.bi_fulfilment IS
  'Fulfilment (履约进度) stored for BI: vbp.fulfilment as of the last vbp.refresh_reports(), with names and the status in Chinese; a view over vbp.fulfilment_stored, which the refresh brings up to date agreement by agreement, with the names joined as it is read; runs with its owner''s rights, like the materialized views: every institution''s rows, granted to the BI reader only';
COMMENT ON COLUMN vbp.bi_fulfilment.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.bi_fulfilment.batch_name IS '批次名称 / batch name, text';
COMMENT ON COLUMN vbp.bi_fulfilment.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.bi_fulfilment.org_name IS '机构名称 / institution name, text';
COMMENT ON COLUMN vbp.bi_fulfilment.province IS '省份编码 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.bi_fulfilment.province_name IS '省份 / province name, text';
COMMENT ON COLUMN vbp.bi_fulfilment.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.bi_fulfilment.generic_name IS '通用名 / generic name of the group, text';
COMMENT ON COLUMN vbp.bi_fulfilment.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.bi_fulfilment.agreed_volume IS '约定采购量 / agreed volume for the agreement year, units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_fulfilment.cycle_start IS '协议年度起始日 / first day of the agreement year, date';
COMMENT ON COLUMN vbp.bi_fulfilment.cycle_end IS '协议年度截止日 / last day of the agreement year, date';
COMMENT ON COLUMN vbp.bi_fulfilment.time_progress IS '时间进度 / time progress, elapsed days ÷ days of the agreement year, ratio (0–1)';
COMMENT ON COLUMN vbp.bi_fulfilment.selected_volume IS '中选产品采购量 / units of selected products bought in the agreement year up to the report date, units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_fulfilment.nonselected_volume IS '非中选产品采购量 / units of other products of the group (non-selected or not bidding) bought, units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_fulfilment.completion IS '完成率 / completion, selected units bought ÷ agreed units (1 if nothing agreed), ratio';
COMMENT ON COLUMN vbp.bi_fulfilment.status IS '履约状态 / fulfilment status: completed, on_track, lagging, severely_lagging, code';
COMMENT ON COLUMN vbp.bi_fulfilment.status_zh IS '履约状态（中文） / fulfilment status in Chinese (已完成, 进度正常, 滞后, 严重滞后), text';
COMMENT ON COLUMN vbp.bi_fulfilment.selected_share IS '中选产品使用占比 / selected share, selected units ÷ (selected + non-selected units), ratio (0–1)';
COMMENT ON COLUMN vbp.bi_fulfilment.prefers_selected IS '优先使用中选产品 / true = selected share reaches selected_share_floor (0.7) or no purchases, flag';
COMMENT ON COLUMN vbp.bi_fulfilment.payments_due IS '应回款笔数 / purchases of batch products whose payment is due (accepted more than 30 days (payment_days) before the report date, or paid), count';
COMMENT ON COLUMN vbp.bi_fulfilment.paid_on_time IS '按时回款笔数 / purchases paid to the supplier within 30 days (payment_days) of acceptance, count';
COMMENT ON COLUMN vbp.bi_fulfilment.backup_volume IS '备选产品计入量 / units of backup products bought under a verified supply failure (断供), counted in selected_volume, units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_fulfilment.on_time_rate IS '按时回款率 / on-time payment rate, paid on time ÷ payments due, ratio (0–1)';

CREATE VIEW vbp.bi_report_credibility WITH (security_invoker = false) AS
  SELECT c.batch_id, b.name AS batch_name, c.org_code::text AS org_code, i.name AS org_name,
         vbp.province(c.org_code) AS province, dp.name AS province_name,
         c.group_code::text AS group_code, g.generic_name, c.cycle_year, c.level,
         coalesce(l.zh, c.level) AS level_zh,
         c.baseline_volume, c.reported_volume, c.not_reported, c.under_reported, c.missing_sign_off, c.actual_volume,
         c.realised_accuracy, c.accuracy_flag, c.log_ratio::numeric AS log_ratio, c.peers, c.robust_z::numeric AS robust_z,
         c.anomalous, c.over_reported
  FROM vbp.report_credibility_stored c
  JOIN vbp.batch b ON b.batch_id = c.batch_id
  LEFT JOIN vbp.institution i ON i.org_code = c.org_code
  LEFT JOIN vbp.division dp ON dp.code = vbp.province(c.org_code)
  LEFT JOIN vbp.generic_group g ON g.group_code = c.group_code
  -- the label as a table, read with the view's rights (see vbp.bi_fulfilment)
  LEFT JOIN vbp.label l ON l.domain = 'credibility_level' AND l.code = c.level;
COMMENT ON VIEW vbp.bi_report_credibility IS
  'Volume-report credibility (报量可信度) stored for BI: vbp.report_credibility as of the last vbp.refresh_reports(), with names; a view over vbp.report_credibility_stored, with the names joined as it is read; runs with its owner''s rights: every institution''s rows, granted to the BI reader only';
COMMENT ON COLUMN vbp.bi_report_credibility.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.bi_report_credibility.batch_name IS '批次名称 / batch name, text';
COMMENT ON COLUMN vbp.bi_report_credibility.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.bi_report_credibility.org_name IS '机构名称 / institution name, text';
COMMENT ON COLUMN vbp.bi_report_credibility.province IS '省份编码 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.bi_report_credibility.province_name IS '省份 / province name, text';
COMMENT ON COLUMN vbp.bi_report_credibility.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.bi_report_credibility.generic_name IS '通用名 / generic name of the group, text';
COMMENT ON COLUMN vbp.bi_report_credibility.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.bi_report_credibility.level IS '机构级别 / institution level: tertiary, secondary, primary, pharmacy, code';
COMMENT ON COLUMN vbp.bi_report_credibility.level_zh IS '机构层级（中文） / institution level of the peer cell in Chinese, text';
COMMENT ON COLUMN vbp.bi_report_credibility.baseline_volume IS '基线用量 / use in the reference period (历史使用量), units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_report_credibility.reported_volume IS '报量 / reported volume (NULL = not reported), units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_report_credibility.not_reported IS '未报量 / true = baseline > 0 but no report, flag';
COMMENT ON COLUMN vbp.bi_report_credibility.under_reported IS '少报 / true = reported < report_floor (0.8) × baseline, flag';
COMMENT ON COLUMN vbp.bi_report_credibility.missing_sign_off IS '未经领导审核 / true = reported but not signed off by leadership, flag';
COMMENT ON COLUMN vbp.bi_report_credibility.actual_volume IS '实际采购量 / units of all products of the group bought in the year up to the report date, units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_report_credibility.realised_accuracy IS '报量准确度 / actual ÷ reported volume, once the agreement year has ended, ratio';
COMMENT ON COLUMN vbp.bi_report_credibility.accuracy_flag IS '准确度异常 / true = realised accuracy outside [0.8, 1.2], flag';
COMMENT ON COLUMN vbp.bi_report_credibility.log_ratio IS '报量对数比 / ln(reported ÷ baseline), log ratio';
COMMENT ON COLUMN vbp.bi_report_credibility.peers IS '同组报量数 / peer reports in the cell (batch × year × group × institution level), count';
COMMENT ON COLUMN vbp.bi_report_credibility.robust_z IS '稳健Z值 / robust z of the log ratio among peers (median/MAD), z-score';
COMMENT ON COLUMN vbp.bi_report_credibility.anomalous IS '报量异常 / true = |robust z| > 3.5, flag';
COMMENT ON COLUMN vbp.bi_report_credibility.over_reported IS '多报 / true = reported > 2 × baseline (over_report_multiple), flag';

CREATE MATERIALIZED VIEW vbp.bi_batch_summary AS
  SELECT s.batch_id, s.name, b.kind, vbp.label_zh('batch_kind', b.kind) AS kind_zh, s.drugs, s.published_drugs,
         s.avg_cut, s.published_avg_cut, s.volume_weighted_cut, s.essential, s.selected_products,
         s.fulfilment_ratio, s.first_year_ratio
  -- from the agreements kept by the refresh (vbp.refresh_agreement_reports, an earlier step)
  FROM vbp.batch_summary_for(kept => true) s JOIN vbp.batch b ON b.batch_id = s.batch_id
WITH NO DATA;
CREATE UNIQUE INDEX bi_batch_summary_key ON vbp.bi_batch_summary (batch_id);
COMMENT ON MATERIALIZED VIEW vbp.bi_batch_summary IS
  'Batch summary (批次汇总) stored for BI: vbp.batch_summary as of the last vbp.refresh_reports(); its fulfilment ratios computed from the agreements the refresh keeps (vbp.fulfilment_stored), so refreshed by vbp.refresh_reports(), not alone';
COMMENT ON COLUMN vbp.bi_batch_summary.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.bi_batch_summary.name IS '批次名称 / batch name, e.g. 第一批国家集采, text';
COMMENT ON COLUMN vbp.bi_batch_summary.kind IS '批次类型 / batch kind: national, alliance, provincial, code';
COMMENT ON COLUMN vbp.bi_batch_summary.kind_zh IS '批次类型（中文） / batch kind in Chinese (国家组织集采, 省际联盟集采, 省级集采), text';
COMMENT ON COLUMN vbp.bi_batch_summary.drugs IS '中选品种数 / drugs (generic groups) with a winner in the batch, count';
COMMENT ON COLUMN vbp.bi_batch_summary.published_drugs IS '公布品种数 / number of drugs as officially published, count';
COMMENT ON COLUMN vbp.bi_batch_summary.avg_cut IS '平均降幅 / unweighted average price cut over drugs (a drug = mean of its winners), ratio (0–1)';
COMMENT ON COLUMN vbp.bi_batch_summary.published_avg_cut IS '公布平均降幅 / average price cut as officially published, ratio (0–1)';
COMMENT ON COLUMN vbp.bi_batch_summary.volume_weighted_cut IS '加权平均降幅 / volume-weighted cut, 1 − Σ(中选价×约定量) ÷ Σ(集采前价×约定量), ratio (0–1)';
COMMENT ON COLUMN vbp.bi_batch_summary.essential IS '基本药物品种数 / drugs on the national essential medicines list (基本药物), count';
COMMENT ON COLUMN vbp.bi_batch_summary.selected_products IS '中选产品数 / selected (winning) products over all drugs of the batch, count';
COMMENT ON COLUMN vbp.bi_batch_summary.fulfilment_ratio IS '履约进度比 / selected units bought ÷ Σ(agreed volume × time progress), all agreement years, ratio';
COMMENT ON COLUMN vbp.bi_batch_summary.first_year_ratio IS '首年履约进度比 / selected units bought ÷ Σ(agreed volume × time progress), first agreement year only, ratio';

CREATE MATERIALIZED VIEW vbp.bi_retention_statement AS
  SELECT r.batch_id, b.name AS batch_name, r.org_code::text AS org_code, i.name AS org_name,
         vbp.province(r.org_code) AS province, dp.name AS province_name, r.cycle_year, r.year_end, r.interim, r.groups,
         r.budget::numeric(18,2) AS budget, r.spend::numeric(18,2) AS spend, r.savings::numeric(18,2) AS savings,
         r.deductions::numeric(18,2) AS deductions, r.counted_savings::numeric(18,2) AS counted_savings,
         r.score, r.grade, vbp.label_zh('retention_grade', r.grade) AS grade_zh, r.retention_ratio,
         r.retained::numeric(18,2) AS retained, r.settled, r.settled_retained::numeric(18,2) AS settled_retained,
         r.adjustments::numeric(18,2) AS adjustments, r.net_retained::numeric(18,2) AS net_retained,
         r.forfeited, vbp.label_zh('forfeited', r.forfeited) AS forfeited_zh
  FROM vbp.retention_statement r
  JOIN vbp.batch b ON b.batch_id = r.batch_id
  LEFT JOIN vbp.institution i ON i.org_code = r.org_code
  LEFT JOIN vbp.division dp ON dp.code = vbp.province(r.org_code)
WITH NO DATA;
CREATE UNIQUE INDEX bi_retention_statement_key ON vbp.bi_retention_statement (batch_id, org_code, cycle_year);
COMMENT ON MATERIALIZED VIEW vbp.bi_retention_statement IS
  'Retention statement (结余留用测算) stored for BI: vbp.retention_statement as of the last vbp.refresh_reports(), money in yuan as numeric';
COMMENT ON COLUMN vbp.bi_retention_statement.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.bi_retention_statement.batch_name IS '批次名称 / batch name, text';
COMMENT ON COLUMN vbp.bi_retention_statement.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.bi_retention_statement.org_name IS '机构名称 / institution name, text';
COMMENT ON COLUMN vbp.bi_retention_statement.province IS '省份编码 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.bi_retention_statement.province_name IS '省份 / province name, text';
COMMENT ON COLUMN vbp.bi_retention_statement.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.bi_retention_statement.year_end IS '年度截止日 / last day of the agreement year of the institution, date';
COMMENT ON COLUMN vbp.bi_retention_statement.interim IS '期中测算 / true = year ends after the report date (spend to date vs whole-year budget), flag';
COMMENT ON COLUMN vbp.bi_retention_statement.groups IS '品种数 / generic groups in the statement, count';
COMMENT ON COLUMN vbp.bi_retention_statement.budget IS '医保基金预算 / budget B = Σ agreed volume × pre-procurement price × r_pay × s_ins, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.spend IS '医保基金支出 / spend E = Σ (min(selected, agreed) × selected price + non-selected spend) × r_pay × s_ins, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.savings IS '结余金额 / savings S = B − E before deductions, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.deductions IS '扣减金额 / deductions for not- or under-reported groups (savings − counted savings), yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.counted_savings IS '计入结余 / savings counted after deductions, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.score IS '考核得分 / assessment score, 0–100, score';
COMMENT ON COLUMN vbp.bi_retention_statement.grade IS '考核等级 / assessment grade (e.g. A–D), code';
COMMENT ON COLUMN vbp.bi_retention_statement.grade_zh IS '考核档次（中文） / assessment grade in Chinese, text';
COMMENT ON COLUMN vbp.bi_retention_statement.retention_ratio IS '留用比例 / retention ratio of the grade (at least the floor), ratio (0–1)';
COMMENT ON COLUMN vbp.bi_retention_statement.retained IS '结余留用金额 / retained R = max(0, counted savings) × ratio, 0 if forfeited, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.settled IS '已结算 / true = the year has been settled, flag';
COMMENT ON COLUMN vbp.bi_retention_statement.settled_retained IS '结算留用金额 / retained amount recorded at settlement, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.adjustments IS '调整金额 / sum of adjustments to the settlement, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.net_retained IS '净留用金额 / settled retained amount plus adjustments (NULL if not settled), yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_retention_statement.forfeited IS '取消留用原因 / reason retention is forfeited (a group not reported; agreed volume not completed), text';
COMMENT ON COLUMN vbp.bi_retention_statement.forfeited_zh IS '不予留用原因（中文） / why retention is forfeited, in Chinese; empty when not forfeited, text';

-- ---------------------------------------------------------------------
-- Incremental refresh (增量刷新).  Statement triggers on vbp.purchase note
-- which months of purchases changed, and which (institution, product) pairs;
-- vbp.refresh_reports() recomputes the price benchmark of those months only
-- (and of the months the reporting date moved through) and keeps it per month
-- in vbp.price_benchmark_month, which the view vbp.bi_price_benchmark reads:
-- nothing is copied afterwards; and it recomputes the fulfilment and the
-- credibility of the agreements of those pairs' (institution, generic group)
-- in vbp.fulfilment_stored and vbp.report_credibility_stored.  Statement
-- triggers on the purchases and on vbp.order_event note the order lines
-- changed, whose supply it recomputes in vbp.order_line_supply_stored.
-- Anything else the rows depend on (the rule set and its parameters, the
-- products' groups, the purchase partitions) is fingerprinted, and the other
-- tables the reports read note that they changed: a change recomputes every
-- month, every agreement, or every order line.
-- ---------------------------------------------------------------------
CREATE TABLE vbp.report_change (
  source       text NOT NULL CHECK (source IN ('purchase', 'purchase_pair', 'input')),
  month        date NOT NULL,
  org_code     vbp.orgcode,
  product_code vbp.drugcode,
  noted_by     xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
  noted_at     timestamptz NOT NULL DEFAULT now(),
  -- a month of purchases; a month, institution and product of purchases, or every
  -- pair (-infinity, no pair); or another input of the agreement reports (-infinity)
  CHECK (CASE source WHEN 'purchase' THEN org_code IS NULL AND product_code IS NULL
                     WHEN 'purchase_pair' THEN (org_code IS NULL) = (product_code IS NULL)
                                               AND (org_code IS NULL) = (month = '-infinity')
                     ELSE org_code IS NULL AND product_code IS NULL AND month = '-infinity' END)
);
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.report_change ENABLE ROW LEVEL SECURITY;
-- once per writing transaction: a second note of the same month, pair or input by the
-- same transaction is left out by these keys (ON CONFLICT DO NOTHING), whatever the
-- planner makes of the table's statistics; the transaction is part of each key, so
-- two writers never wait for each other
CREATE UNIQUE INDEX report_change_once ON vbp.report_change (source, month, noted_by) WHERE org_code IS NULL;
CREATE UNIQUE INDEX report_change_pair_once ON vbp.report_change (month, org_code, product_code, noted_by)
  WHERE org_code IS NOT NULL;
COMMENT ON TABLE vbp.report_change IS
  'What changed since the last vbp.refresh_reports() (报表变更记录): months of purchases, the months, institutions and products of purchases, and the other tables the agreement reports read, noted by statement triggers once per writing transaction and month (pair, table): a transaction never relies on another''s note, which a refresh may consume before it commits; the writing transaction is part of every key, so that writers of the same month never wait for each other; the refresh consumes the rows it sees';
COMMENT ON COLUMN vbp.report_change.source IS 'What changed: purchase (a month of purchases, for the price benchmark''s months), purchase_pair (a month, institution and product of purchases, for the agreement reports), or input (another table the agreement reports read: all of them are recomputed)';
COMMENT ON COLUMN vbp.report_change.month IS 'First day of a month whose rows were inserted, updated or deleted; -infinity after a TRUNCATE (every month), for every pair (more pairs than a statement notes one by one), or for an input';
COMMENT ON COLUMN vbp.report_change.org_code IS 'Institution of the purchases changed (purchase_pair); empty otherwise';
COMMENT ON COLUMN vbp.report_change.product_code IS 'Product of the purchases changed (purchase_pair); empty otherwise';
COMMENT ON COLUMN vbp.report_change.noted_by IS 'The writing transaction (top-level transaction id)';
COMMENT ON COLUMN vbp.report_change.noted_at IS 'Transaction time of the change';
COMMENT ON INDEX vbp.report_change_once IS 'A month, every pair or an input noted once per writing transaction';
COMMENT ON INDEX vbp.report_change_pair_once IS 'A (month, institution, product) noted once per writing transaction';
SELECT pg_catalog.pg_extension_config_dump('vbp.report_change', '');

CREATE TABLE vbp.order_line_change (
  org_code  vbp.orgcode,
  order_no  text,
  line_no   text,
  noted_by  xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
  noted_at  timestamptz NOT NULL DEFAULT now(),
  -- a line, or every line (all three empty)
  CHECK ((org_code IS NULL) = (order_no IS NULL) AND (org_code IS NULL) = (line_no IS NULL))
);
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.order_line_change ENABLE ROW LEVEL SECURITY;
-- once per writing transaction, as vbp.report_change
CREATE UNIQUE INDEX order_line_change_once ON vbp.order_line_change (org_code, order_no, line_no, noted_by)
  WHERE org_code IS NOT NULL;
CREATE UNIQUE INDEX order_line_change_every ON vbp.order_line_change (noted_by) WHERE org_code IS NULL;
COMMENT ON TABLE vbp.order_line_change IS
  'Order lines changed since the last vbp.refresh_reports() (订单行变更记录): the (institution, order, line) of purchases with an order number and of order events a statement inserted, updated or deleted, or every line (after a TRUNCATE, past 10,000 lines in a statement, or a change to another table the lines read), noted by statement triggers once per writing transaction; the refresh consumes the rows it sees';
COMMENT ON COLUMN vbp.order_line_change.org_code IS 'Institution of the line; empty: every line';
COMMENT ON COLUMN vbp.order_line_change.order_no IS 'Order number of the line; empty: every line';
COMMENT ON COLUMN vbp.order_line_change.line_no IS 'Line of the order; empty: every line';
COMMENT ON COLUMN vbp.order_line_change.noted_by IS 'The writing transaction (top-level transaction id)';
COMMENT ON COLUMN vbp.order_line_change.noted_at IS 'Transaction time of the change';
COMMENT ON INDEX vbp.order_line_change_once IS 'A line noted once per writing transaction';
COMMENT ON INDEX vbp.order_line_change_every IS 'Every line noted once per writing transaction';
SELECT pg_catalog.pg_extension_config_dump('vbp.order_line_change', '');

-- The order lines a statement changed, once per writing transaction; past
-- 10,000 lines, or when every line is asked for, one note for every line.
-- (The change triggers collect the lines from their transition tables, which
-- only the trigger function itself can read.)
CREATE FUNCTION vbp.note_order_lines(orgs vbp.orgcode[], orders text[], lines text[], every boolean)
  RETURNS void
  LANGUAGE sql SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan
BEGIN ATOMIC
  INSERT INTO vbp.order_line_change (org_code, order_no, line_no)
  SELECT x.o, x.n, x.l FROM unnest(orgs, orders, lines) x(o, n, l)
  WHERE NOT every AND cardinality(orgs) <= 10000
  UNION ALL
  SELECT NULL, NULL, NULL WHERE every OR cardinality(orgs) > 10000
  ON CONFLICT DO NOTHING;
END;
COMMENT ON FUNCTION vbp.note_order_lines(vbp.orgcode[], text[], text[], boolean) IS
  'Notes in vbp.order_line_change the order lines (institution, order, line) given, the three arrays paired element by element, or every line (every, or past 10,000 lines), each once per writing transaction; the change triggers on vbp.purchase and vbp.order_event call it';
REVOKE EXECUTE ON FUNCTION vbp.note_order_lines(vbp.orgcode[], text[], text[], boolean) FROM PUBLIC;

CREATE FUNCTION vbp.note_order_event_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  lo vbp.orgcode[];
  ln text[];
  ll text[];
BEGIN
  -- the writer's role may not write the bookkeeping: SECURITY DEFINER, and it
  -- writes nothing but the lines of the rows its statement changed
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.o), array_agg(x.n), array_agg(x.l) INTO lo, ln, ll
    FROM (SELECT DISTINCT n.org_code, n.order_no, n.line_no FROM vbp_new n) x(o, n, l);
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(x.o), array_agg(x.n), array_agg(x.l) INTO lo, ln, ll
    FROM (SELECT n.org_code, n.order_no, n.line_no FROM vbp_new n
          UNION SELECT o.org_code, o.order_no, o.line_no FROM vbp_old o) x(o, n, l);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.o), array_agg(x.n), array_agg(x.l) INTO lo, ln, ll
    FROM (SELECT DISTINCT o.org_code, o.order_no, o.line_no FROM vbp_old o) x(o, n, l);
  END IF;
  PERFORM vbp.note_order_lines(lo, ln, ll, TG_OP = 'TRUNCATE');
  RETURN NULL;
END $$;
COMMENT ON FUNCTION vbp.note_order_event_change() IS
  'Statement trigger on vbp.order_event (记录订单行变更): notes in vbp.order_line_change the order lines whose events a statement inserted, updated (before and after) or deleted (every line after a TRUNCATE or past 10,000 lines), unless its transaction noted them already; SECURITY DEFINER, as the writer may not write the bookkeeping';
REVOKE EXECUTE ON FUNCTION vbp.note_order_event_change() FROM PUBLIC;

-- (One generic plan for each statement: planned anew for every one-line write, as
-- the plan cache otherwise chooses, the notes cost a one-line statement twice as much.)
CREATE FUNCTION vbp.note_purchase_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  pm date[];           -- the statement's (month, institution, product) triples
  po vbp.orgcode[];
  pp vbp.drugcode[];
  lo vbp.orgcode[];    -- its order lines (institution, order, line)
  ln text[];
  ll text[];
BEGIN
  -- the writer's role may not write the bookkeeping: SECURITY DEFINER, and it
  -- writes nothing but the months and pairs of the rows its statement changed
  -- (a transition table exists only for its own operations: one query each)
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.m), array_agg(x.o), array_agg(x.p) INTO pm, po, pp
    FROM (SELECT DISTINCT vbp.month_start(n.purchased_on), n.org_code, n.product_code FROM vbp_new n) x(m, o, p);
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(x.m), array_agg(x.o), array_agg(x.p) INTO pm, po, pp
    FROM (SELECT vbp.month_start(n.purchased_on), n.org_code, n.product_code FROM vbp_new n
          UNION SELECT vbp.month_start(o.purchased_on), o.org_code, o.product_code FROM vbp_old o) x(m, o, p);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.m), array_agg(x.o), array_agg(x.p) INTO pm, po, pp
    FROM (SELECT DISTINCT vbp.month_start(o.purchased_on), o.org_code, o.product_code FROM vbp_old o) x(m, o, p);
  END IF;
  -- one statement: the months, then the pairs, or past 10,000 of them (a bulk load) and
  -- after a TRUNCATE every pair; each left out when this transaction noted it already
  -- (the unique keys), never because another did: another transaction's note may be
  -- consumed by a refresh whose snapshot does not hold this transaction's rows, and the
  -- month or pair would stay stale
  INSERT INTO vbp.report_change (source, month, org_code, product_code)
  SELECT DISTINCT 'purchase', m.month, NULL::vbp.orgcode, NULL::vbp.drugcode
  FROM unnest(CASE WHEN TG_OP = 'TRUNCATE' THEN ARRAY['-infinity'::date] ELSE pm END) AS m(month)
  UNION ALL
  SELECT 'purchase_pair', x.m, x.o, x.p FROM unnest(pm, po, pp) x(m, o, p)
  WHERE cardinality(pm) <= 10000
  UNION ALL
  SELECT 'purchase_pair', '-infinity', NULL, NULL
  WHERE TG_OP = 'TRUNCATE' OR cardinality(pm) > 10000
  ON CONFLICT DO NOTHING;
  -- and the order lines among the rows, before and after (their supply is kept
  -- line by line), or every line
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.o), array_agg(x.n), array_agg(x.l) INTO lo, ln, ll
    FROM (SELECT DISTINCT n.org_code, n.order_no, n.line_no FROM vbp_new n WHERE n.order_no IS NOT NULL) x(o, n, l);
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(x.o), array_agg(x.n), array_agg(x.l) INTO lo, ln, ll
    FROM (SELECT n.org_code, n.order_no, n.line_no FROM vbp_new n WHERE n.order_no IS NOT NULL
          UNION SELECT o.org_code, o.order_no, o.line_no FROM vbp_old o WHERE o.order_no IS NOT NULL) x(o, n, l);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.o), array_agg(x.n), array_agg(x.l) INTO lo, ln, ll
    FROM (SELECT DISTINCT o.org_code, o.order_no, o.line_no FROM vbp_old o WHERE o.order_no IS NOT NULL) x(o, n, l);
  END IF;
  IF lo IS NOT NULL OR TG_OP = 'TRUNCATE' THEN
    PERFORM vbp.note_order_lines(lo, ln, ll, TG_OP = 'TRUNCATE');
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION vbp.note_purchase_change() IS
  'Statement trigger on vbp.purchase (记录变更月份): notes in vbp.report_change the months of the rows a statement inserted, updated or deleted (every month after a TRUNCATE), and their months, institutions and products (every pair after a TRUNCATE or past 10,000 of them in a statement), and in vbp.order_line_change their order lines (vbp.note_order_lines), unless its transaction noted them already; SECURITY DEFINER, as the writer may not write the bookkeeping';
REVOKE EXECUTE ON FUNCTION vbp.note_purchase_change() FROM PUBLIC;
-- The four statement triggers that note a table's changed months, on vbp.purchase
-- and on each of its partitions (a statement addressed to a partition fires the
-- partition's statement triggers, not its parent's).
CREATE FUNCTION vbp.watch_changes(tbl regclass, prefix text, note regprocedure) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('insert', 'REFERENCING NEW TABLE AS vbp_new', 'the rows a statement inserted'),
      ('update', 'REFERENCING OLD TABLE AS vbp_old NEW TABLE AS vbp_new', 'the rows a statement updated, before and after'),
      ('delete', 'REFERENCING OLD TABLE AS vbp_old', 'the rows a statement deleted'),
      ('truncate', '', 'that every row changed')) x(op, refs, what) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %s %s FOR EACH STATEMENT EXECUTE FUNCTION %s',
                   prefix || '_' || t.op, upper(t.op), tbl, t.refs, note);
    EXECUTE format('COMMENT ON TRIGGER %I ON %s IS %L', prefix || '_' || t.op, tbl,
                   format('Notes %s, for the incremental refresh (%s)', t.what, note));
  END LOOP;
END $$;
COMMENT ON FUNCTION vbp.watch_changes(regclass, text, regprocedure) IS
  'Creates on a table the four statement triggers prefix_insert, prefix_update, prefix_delete (with transition tables vbp_new and vbp_old) and prefix_truncate that run a change-noting function for the incremental refresh (变更监视): vbp.note_purchase_change on the purchases and their partitions, vbp.note_order_event_change on the order events';
REVOKE EXECUTE ON FUNCTION vbp.watch_changes(regclass, text, regprocedure) FROM PUBLIC;
CREATE FUNCTION vbp.watch_purchase_changes(tbl regclass) RETURNS void
  LANGUAGE sql
BEGIN ATOMIC
  SELECT vbp.watch_changes(tbl, 'report_change', 'vbp.note_purchase_change()'::regprocedure);
END;
COMMENT ON FUNCTION vbp.watch_purchase_changes(regclass) IS
  'Creates on vbp.purchase or one of its partitions the four statement triggers report_change_* (vbp.watch_changes) that note changed months, pairs and order lines for the incremental refresh (vbp.note_purchase_change)';
REVOKE EXECUTE ON FUNCTION vbp.watch_purchase_changes(regclass) FROM PUBLIC;

-- Which tables lack a change trigger: the refresh's steps recompute whole
-- when a table they rely on is not watched, and the partitions found are watched.
CREATE FUNCTION vbp.purchase_tables() RETURNS regclass[]
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT array_agg(t.relid::regclass ORDER BY t.relid)
  FROM pg_partition_tree('vbp.purchase') t JOIN pg_class c ON c.oid = t.relid
  WHERE c.relkind IN ('r', 'p');
END;
COMMENT ON FUNCTION vbp.purchase_tables() IS
  'vbp.purchase and every partition of it that holds or routes rows (采购表及其分区), whose statement triggers note the purchases changed';
CREATE FUNCTION vbp.unwatched_tables(tables regclass[], trigger_name text) RETURNS SETOF regclass
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT u.t FROM unnest(tables) u(t)
  WHERE NOT EXISTS (SELECT FROM pg_trigger g WHERE g.tgrelid = u.t AND g.tgname = unwatched_tables.trigger_name);
END;
COMMENT ON FUNCTION vbp.unwatched_tables(regclass[], text) IS
  'The tables of a list that have no trigger of the given name (未监视的表): those whose changes the incremental refresh would not see noted';

-- How many rows a kept table holds, for the refresh's "past a twentieth" tests:
-- the planner's count when it is positive, else a count (a table never analysed
-- shows -1, and one analysed while empty shows 0 until autovacuum looks again,
-- however many rows a whole refresh has written to it since).
CREATE FUNCTION vbp.table_rows(tbl regclass) RETURNS bigint
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  estimate real;
  n bigint;
BEGIN
  SELECT c.reltuples INTO estimate FROM pg_class c WHERE c.oid = tbl;
  IF estimate > 0 THEN
    RETURN estimate::bigint;
  END IF;
  EXECUTE format('SELECT count(*) FROM %s', tbl) INTO n;
  RETURN n;
END $$;
COMMENT ON FUNCTION vbp.table_rows(regclass) IS
  'Rows of a table (表行数), as the incremental refresh weighs its notes against them: the planner''s count (pg_class.reltuples) when positive, else a count of the rows the caller sees (a table never analysed, or last analysed while empty)';

CREATE FUNCTION vbp.watch_purchase_partitions() RETURNS boolean
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  part regclass;
  unwatched boolean := false;
BEGIN
  FOR part IN SELECT u.t FROM vbp.unwatched_tables(vbp.purchase_tables(), 'report_change_insert') u(t)
              WHERE u.t <> 'vbp.purchase'::regclass ORDER BY u.t LOOP
    unwatched := true;
    BEGIN
      PERFORM vbp.watch_purchase_changes(part);
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'partition % of vbp.purchase cannot be watched for the incremental refresh', part
        USING DETAIL = 'Its owner is another role; what is written to it directly is not noted, so every refresh recomputes every month.',
              HINT = 'Have the partition''s owner run SELECT vbp.watch_purchase_changes(partition), or give the partition to vbp''s owner.';
    END;
  END LOOP;
  -- what was written to such a partition meanwhile was not noted: every pair and
  -- every order line, for the steps of the refresh that keep them (before any
  -- refresh, as at CREATE EXTENSION, the first one is whole anyway)
  IF unwatched AND EXISTS (SELECT FROM vbp.report_cache_state) THEN
    INSERT INTO vbp.report_change (source, month) VALUES ('purchase_pair', '-infinity') ON CONFLICT DO NOTHING;
    PERFORM vbp.note_order_lines(NULL, NULL, NULL, true);
  END IF;
  RETURN unwatched;
END $$;
COMMENT ON FUNCTION vbp.watch_purchase_partitions() IS
  'Creates the change triggers (vbp.watch_purchase_changes) on every partition of vbp.purchase that has none (a partition made or attached since); true when there was one, whose rows written meanwhile were not noted: vbp.refresh_price_benchmark_months then recomputes every month, and every pair and order line is noted for the agreement reports and the order lines; a partition it may not add triggers to is warned about and recomputed whole at every refresh';
REVOKE EXECUTE ON FUNCTION vbp.watch_purchase_partitions() FROM PUBLIC;

-- The other tables the agreement reports read (vbp.fulfilment_for and
-- vbp.report_credibility_for, beside the purchases and what the fingerprint
-- covers): a statement that changes one makes the next refresh recompute both
-- reports whole.  No transition table: nothing is collected per row.
CREATE FUNCTION vbp.report_input_tables() RETURNS regclass[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['vbp.agreement', 'vbp.institution', 'vbp.selection', 'vbp.supply_failure', 'vbp.supply_backup',
             'vbp.volume_report']::regclass[];
COMMENT ON FUNCTION vbp.report_input_tables() IS
  'The tables the stored agreement reports read besides the purchases and what their fingerprint covers (协议报表输入表): agreements, institutions (levels, regions), selections, supply failures and their backups, volume reports; a change to any makes the next refresh recompute both reports whole';

CREATE FUNCTION vbp.note_report_input_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  -- once per writing transaction (see vbp.note_purchase_change)
  INSERT INTO vbp.report_change (source, month) VALUES ('input', '-infinity') ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION vbp.note_report_input_change() IS
  'Statement trigger on the tables of vbp.report_input_tables() (记录输入变更): notes in vbp.report_change that an input of the agreement reports changed, once per writing transaction, so the next refresh recomputes them whole; SECURITY DEFINER, as the writer may not write the bookkeeping';
REVOKE EXECUTE ON FUNCTION vbp.note_report_input_change() FROM PUBLIC;

-- The other tables the order lines read (vbp.order_line_supply_for, beside the
-- purchases, the events and what the fingerprint covers): a statement that
-- changes one makes the next refresh recompute every line.
CREATE FUNCTION vbp.order_line_input_tables() RETURNS regclass[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY['vbp.batch', 'vbp.delivery_deadline', 'vbp.institution', 'vbp.product', 'vbp.selection']::regclass[];
COMMENT ON FUNCTION vbp.order_line_input_tables() IS
  'The tables the stored order lines read besides the purchases, the order events and what their fingerprint covers (订单行输入表): batches (cycle starts), regional delivery deadlines, institutions (regions), products (companies), selections (which lines are monitored); a change to any makes the next refresh recompute every line';

CREATE FUNCTION vbp.note_order_line_input_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  -- once per writing transaction (see vbp.note_purchase_change)
  PERFORM vbp.note_order_lines(NULL, NULL, NULL, true);
  RETURN NULL;
END $$;
COMMENT ON FUNCTION vbp.note_order_line_input_change() IS
  'Statement trigger on the tables of vbp.order_line_input_tables() (记录订单行输入变更): notes in vbp.order_line_change that every line is to be recomputed, once per writing transaction; SECURITY DEFINER, as the writer may not write the bookkeeping';
REVOKE EXECUTE ON FUNCTION vbp.note_order_line_input_change() FROM PUBLIC;

-- The triggers exist while the incremental refresh is on (the default, set up
-- below).  Off, they are gone: PostgreSQL collects transition tables even for
-- disabled triggers, and refuses to route rows to a foreign partition under
-- them, and Citus cannot read them on a shard.
CREATE FUNCTION vbp.enable_incremental_refresh() RETURNS boolean
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  distributed boolean := false;
  t regclass;
BEGIN
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
    EXECUTE 'SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = ''vbp.purchase''::regclass)'
      INTO distributed;
  END IF;
  IF distributed THEN
    RAISE EXCEPTION 'the incremental refresh does not run on Citus'
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'Its statement triggers on vbp.purchase would run on the shards, which cannot read their transition tables.',
            HINT = 'On the cluster vbp.refresh_reports() recomputes the price benchmark''s months whole.';
  END IF;
  IF EXISTS (SELECT FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'vbp.purchase'::regclass AND c.relkind = 'f') THEN
    RAISE EXCEPTION 'vbp.purchase has foreign partitions'
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'PostgreSQL routes no row to a foreign partition under a trigger with transition tables.',
            HINT = 'Keep the incremental refresh off on a coordinator with postgres_fdw partitions (doc/scale-out.md).';
  END IF;
  IF EXISTS (SELECT FROM pg_trigger WHERE tgrelid = 'vbp.purchase'::regclass AND tgname = 'report_change_insert') THEN
    RETURN false;
  END IF;
  PERFORM vbp.watch_purchase_changes('vbp.purchase');
  -- and every partition: a statement addressed to a partition fires its triggers,
  -- not its parent's
  PERFORM vbp.watch_purchase_partitions();
  FOREACH t IN ARRAY vbp.report_input_tables() LOOP
    EXECUTE format('CREATE TRIGGER report_input_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s
                    FOR EACH STATEMENT EXECUTE FUNCTION vbp.note_report_input_change()', t);
    EXECUTE format('COMMENT ON TRIGGER report_input_change ON %s IS %L', t,
                   'Notes that an input of the stored agreement reports changed, for the incremental refresh');
  END LOOP;
  -- the order events' lines, and the order lines' other inputs
  PERFORM vbp.watch_changes('vbp.order_event', 'order_line_change', 'vbp.note_order_event_change()');
  FOREACH t IN ARRAY vbp.order_line_input_tables() LOOP
    EXECUTE format('CREATE TRIGGER order_line_input_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s
                    FOR EACH STATEMENT EXECUTE FUNCTION vbp.note_order_line_input_change()', t);
    EXECUTE format('COMMENT ON TRIGGER order_line_input_change ON %s IS %L', t,
                   'Notes that an input of the stored order lines changed, for the incremental refresh');
  END LOOP;
  -- whatever was written meanwhile was not noted: the next refresh recomputes
  -- every month and every agreement (before any refresh, as at CREATE
  -- EXTENSION, it would anyway)
  IF EXISTS (SELECT FROM vbp.report_cache_state) THEN
    INSERT INTO vbp.report_change (source, month) VALUES ('purchase', '-infinity'), ('input', '-infinity')
    ON CONFLICT DO NOTHING;
    PERFORM vbp.note_order_lines(NULL, NULL, NULL, true);
  END IF;
  RETURN true;
END $$;
COMMENT ON FUNCTION vbp.enable_incremental_refresh() IS
  'Turns the incremental refresh on (增量刷新): creates the statement triggers on vbp.purchase and each of its partitions that note changed months, pairs and order lines (vbp.note_purchase_change), those on vbp.order_event that note changed order lines (vbp.note_order_event_change), and those on the other tables the agreement reports and the order lines read (vbp.report_input_tables, vbp.note_report_input_change; vbp.order_line_input_tables, vbp.note_order_line_input_change); the next refresh recomputes every month, every agreement and every order line; on by default; refuses on Citus and with foreign partitions (0A000); false when already on';
REVOKE EXECUTE ON FUNCTION vbp.enable_incremental_refresh() FROM PUBLIC;

CREATE FUNCTION vbp.disable_incremental_refresh() RETURNS boolean
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  part regclass;
  prefix text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = 'vbp.purchase'::regclass AND tgname = 'report_change_insert') THEN
    RETURN false;
  END IF;
  -- the four triggers of vbp.watch_changes on the purchases, their partitions and the order events
  FOR part, prefix IN SELECT g.tgrelid::regclass, 'report_change' FROM pg_partition_tree('vbp.purchase') t
                      JOIN pg_trigger g ON g.tgrelid = t.relid AND g.tgname = 'report_change_insert'
                      UNION ALL
                      SELECT g.tgrelid::regclass, 'order_line_change' FROM pg_trigger g
                      WHERE g.tgrelid = 'vbp.order_event'::regclass AND g.tgname = 'order_line_change_insert' LOOP
    EXECUTE (SELECT string_agg(format('DROP TRIGGER %I ON %s', prefix || '_' || op, part), '; ')
             FROM unnest(ARRAY['insert', 'update', 'delete', 'truncate']) op);
  END LOOP;
  FOR part IN SELECT g.tgrelid::regclass FROM pg_trigger g
              WHERE g.tgrelid = ANY (vbp.report_input_tables()) AND g.tgname = 'report_input_change' LOOP
    EXECUTE format('DROP TRIGGER report_input_change ON %s', part);
  END LOOP;
  FOR part IN SELECT g.tgrelid::regclass FROM pg_trigger g
              WHERE g.tgrelid = ANY (vbp.order_line_input_tables()) AND g.tgname = 'order_line_input_change' LOOP
    EXECUTE format('DROP TRIGGER order_line_input_change ON %s', part);
  END LOOP;
  DELETE FROM vbp.report_change;
  DELETE FROM vbp.order_line_change;
  RETURN true;
END $$;
COMMENT ON FUNCTION vbp.disable_incremental_refresh() IS
  'Turns the incremental refresh off: drops the change triggers on vbp.purchase and its partitions, on vbp.order_event, and on the agreement reports'' and the order lines'' other inputs (needed before postgres_fdw foreign partitions are attached; vbp.distribute() does it on Citus); every refresh then recomputes the price benchmark''s months, the agreement reports and the order lines whole; false when already off';
REVOKE EXECUTE ON FUNCTION vbp.disable_incremental_refresh() FROM PUBLIC;

CREATE TABLE vbp.report_cache_state (
  cache        text PRIMARY KEY CHECK (cache IN ('price_benchmark_month', 'agreement_reports', 'order_lines')),
  report_date  date NOT NULL,
  fingerprint  text NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.report_cache_state ENABLE ROW LEVEL SECURITY;
COMMENT ON TABLE vbp.report_cache_state IS
  'What a report kept by month or by agreement was last computed for (增量刷新状态): its reporting date and the fingerprint of what its rows depend on besides the ledger';
COMMENT ON COLUMN vbp.report_cache_state.cache IS 'What is kept: price_benchmark_month, agreement_reports (vbp.fulfilment_stored and vbp.report_credibility_stored), or order_lines (vbp.order_line_supply_stored)';
COMMENT ON COLUMN vbp.report_cache_state.report_date IS 'vbp.report_date() of the last refresh';
COMMENT ON COLUMN vbp.report_cache_state.fingerprint IS 'md5 of the rule set, its parameters, the products'' generic groups and the ledger''s partitions at the last refresh';
COMMENT ON COLUMN vbp.report_cache_state.refreshed_at IS 'Transaction time of the last refresh';
SELECT pg_catalog.pg_extension_config_dump('vbp.report_cache_state', '');
-- on by default
SELECT vbp.enable_incremental_refresh();

CREATE TABLE vbp.price_benchmark_month (
  month                date NOT NULL,
  group_code           vbp.drugcode NOT NULL,
  org_code             vbp.orgcode NOT NULL,
  quantity             bigint,
  spend                vbp.cny,
  unit_price           numeric,
  peers                bigint,
  benchmark_unit_price numeric,
  median_unit_price    numeric,
  percentile           numeric,
  saving               vbp.cny,
  PRIMARY KEY (month, group_code, org_code)
);
-- row-level security: a tenant reads the rows of the institutions it sees
-- (doc/security.md), as in vbp.price_benchmark; vbp.bi_price_benchmark reads
-- every row with its owner's rights, for the BI reader
ALTER TABLE vbp.price_benchmark_month ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.price_benchmark_month FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.price_benchmark_month IS
  'The price benchmark (价格对标) of the 12 months up to the last refresh''s reporting date, kept per month by vbp.refresh_price_benchmark_months() for vbp.bi_price_benchmark: the rows of vbp.price_benchmark_for over each month, every institution';
COMMENT ON COLUMN vbp.price_benchmark_month.month IS 'Month (first day)';
COMMENT ON COLUMN vbp.price_benchmark_month.group_code IS 'Generic group code';
COMMENT ON COLUMN vbp.price_benchmark_month.org_code IS 'Institution code';
COMMENT ON COLUMN vbp.price_benchmark_month.quantity IS 'Units bought in the month';
COMMENT ON COLUMN vbp.price_benchmark_month.spend IS 'Amount spent in the month';
COMMENT ON COLUMN vbp.price_benchmark_month.unit_price IS 'Spend ÷ units';
COMMENT ON COLUMN vbp.price_benchmark_month.peers IS 'Peer institutions buying the group in the month';
COMMENT ON COLUMN vbp.price_benchmark_month.benchmark_unit_price IS 'Peers'' unit price at the benchmark centile';
COMMENT ON COLUMN vbp.price_benchmark_month.median_unit_price IS 'Peers'' median unit price';
COMMENT ON COLUMN vbp.price_benchmark_month.percentile IS 'Percentile rank of the unit price among peers';
COMMENT ON COLUMN vbp.price_benchmark_month.saving IS 'Price-per-unit saving';
SELECT pg_catalog.pg_extension_config_dump('vbp.price_benchmark_month', '');

CREATE FUNCTION vbp.report_fingerprint(rule_set text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT md5(concat_ws('|', report_fingerprint.rule_set,
               (SELECT string_agg(concat_ws('=', p.name, p.value, p.value_date, p.value_text), ',' ORDER BY p.name)
                FROM vbp.parameter p WHERE p.rule_set = report_fingerprint.rule_set),
               (SELECT string_agg(pr.product_code::text || '>' || pr.group_code::text, ',' ORDER BY pr.product_code)
                FROM vbp.product pr),
               (SELECT string_agg(i.inhrelid::text, ',' ORDER BY i.inhrelid)
                FROM pg_inherits i WHERE i.inhparent = 'vbp.purchase'::regclass)))
  -- an unknown rule set fails, as everywhere a rule set is named
  WHERE vbp.known_rule_set(report_fingerprint.rule_set);
END;
COMMENT ON FUNCTION vbp.report_fingerprint(text) IS
  'Fingerprint (报表指纹) of what the reports kept between refreshes depend on besides the tables whose changes are noted: md5 of the rule set''s name and parameters, every product''s generic group and the partitions of vbp.purchase; a refresh that finds it changed recomputes them whole';

CREATE FUNCTION vbp.refresh_price_benchmark_months(incremental boolean DEFAULT true)
  RETURNS text
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  rd date := vbp.report_date();
  rs text := vbp.report_rule_set();
  lo date := (date_trunc('month', rd) - interval '11 months')::date;
  fp text;
  prev record;
  noted date[];
  redo date[];
  m date;
BEGIN
  -- one refresh at a time, called alone or by vbp.refresh_reports (the same lock)
  PERFORM pg_advisory_xact_lock(hashtext('vbp.refresh_reports'));
  PERFORM vbp.known_rule_set(rs);
  -- what the rows depend on besides the purchases
  fp := vbp.report_fingerprint(rs);
  SELECT s.* INTO prev FROM vbp.report_cache_state s WHERE s.cache = 'price_benchmark_month';
  -- the notes are consumed and read in one statement: a TRUNCATE (or the
  -- triggers turned on) committed between a check and a later consumption
  -- would have its note taken without being seen
  WITH taken AS (DELETE FROM vbp.report_change c WHERE c.source = 'purchase' RETURNING c.month)
  SELECT coalesce(array_agg(DISTINCT t.month), '{}') INTO noted FROM taken t;
  IF NOT incremental OR prev IS NULL OR prev.fingerprint <> fp OR vbp.citus_distributed()
     OR NOT EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'vbp.purchase'::regclass AND t.tgname = 'report_change_insert')
     -- a partition made or attached since the last refresh (its rows written
     -- directly were not noted) is watched from now on, and every month recomputed
     OR vbp.watch_purchase_partitions()
     OR '-infinity' = ANY (noted) THEN
    DELETE FROM vbp.price_benchmark_month;
    INSERT INTO vbp.price_benchmark_month SELECT * FROM vbp.price_benchmark_for(lo, rd, rs);
    redo := NULL;
  ELSE
    -- the months noted, the months of both reporting dates (partial months),
    -- and the months new to the window
    SELECT coalesce(array_agg(DISTINCT x.m ORDER BY x.m), '{}') INTO redo
    FROM (SELECT unnest(noted)
          UNION ALL SELECT date_trunc('month', prev.report_date)::date
          UNION ALL SELECT date_trunc('month', rd)::date
          UNION ALL SELECT g::date FROM generate_series(lo, rd, interval '1 month') g
                    WHERE g::date < (date_trunc('month', prev.report_date) - interval '11 months')::date
                       OR g::date > prev.report_date) x(m)
    WHERE x.m BETWEEN lo AND rd;
    DELETE FROM vbp.price_benchmark_month b WHERE b.month < lo OR b.month > rd OR b.month = ANY (redo);
    FOREACH m IN ARRAY redo LOOP
      INSERT INTO vbp.price_benchmark_month
      SELECT * FROM vbp.price_benchmark_for(m, least((m + interval '1 month')::date - 1, rd), rs);
    END LOOP;
  END IF;
  INSERT INTO vbp.report_cache_state AS s (cache, report_date, fingerprint) VALUES ('price_benchmark_month', rd, fp)
  ON CONFLICT (cache) DO UPDATE SET report_date = rd, fingerprint = fp, refreshed_at = now();
  RETURN CASE WHEN redo IS NULL THEN 'full' ELSE format('incremental: %s of 12 months', cardinality(redo)) END;
END $$;
COMMENT ON FUNCTION vbp.refresh_price_benchmark_months(boolean) IS
  'Brings vbp.price_benchmark_month to vbp.report_date() (价格对标增量刷新): recomputes only the months vbp.report_change noted, the months of the previous and the current reporting date and the months new to the 12-month window, and drops the months that left it; every month when asked (incremental => false), the first time, after a TRUNCATE, when the fingerprint changed, when a partition of vbp.purchase was made or attached since (vbp.watch_purchase_partitions) or on Citus (where vbp.purchase has no change triggers); returns full or incremental: N of 12 months. vbp.refresh_reports() calls it';
REVOKE EXECUTE ON FUNCTION vbp.refresh_price_benchmark_months(boolean) FROM PUBLIC;

CREATE FUNCTION vbp.refresh_agreement_reports(incremental boolean DEFAULT true)
  RETURNS TABLE (stored regclass, mode text, milliseconds numeric)
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  rd date := vbp.report_date();
  rs text := vbp.report_rule_set();
  fp text;
  prev record;
  every boolean;
  orgs vbp.orgcode[];
  prods vbp.drugcode[];
  grps vbp.drugcode[];
  whole boolean;
  t0 timestamptz;
BEGIN
  -- one refresh at a time, called alone or by vbp.refresh_reports (the same lock)
  PERFORM pg_advisory_xact_lock(hashtext('vbp.refresh_reports'));
  PERFORM vbp.known_rule_set(rs);
  fp := vbp.report_fingerprint(rs);
  SELECT s.* INTO prev FROM vbp.report_cache_state s WHERE s.cache = 'agreement_reports';
  -- the notes are consumed and read in one statement (see the price benchmark's
  -- months); what a writer commits after it is noted for the next refresh, and
  -- what it committed before is read by the statements below
  WITH taken AS (DELETE FROM vbp.report_change c WHERE c.source IN ('purchase_pair', 'input')
                 RETURNING c.org_code, c.product_code)
  SELECT bool_or(t.org_code IS NULL), array_agg(t.org_code), array_agg(t.product_code)
    INTO every, orgs, prods
  FROM taken t;
  -- the (institution, generic group) pairs of the (institution, product) pairs noted
  -- (a second statement: on Citus the local bookkeeping may not join the products)
  SELECT array_agg(p.org_code ORDER BY p.org_code, p.group_code), array_agg(p.group_code ORDER BY p.org_code, p.group_code)
    INTO orgs, grps
  FROM (SELECT DISTINCT k.o AS org_code, pr.group_code
        FROM unnest(orgs, prods) k(o, pc) JOIN vbp.product pr ON pr.product_code OPERATOR(vbp.=) k.pc
        WHERE k.o IS NOT NULL) p;
  -- (on Citus, first and alone: the tests below read distributed tables)
  whole := NOT incremental OR prev IS NULL OR vbp.citus_distributed();
  IF NOT whole THEN
    whole := prev.report_date <> rd OR prev.fingerprint <> fp OR coalesce(every, false)
             -- without the triggers (off, or on a partition they could not be put on)
             -- nothing is noted
             OR EXISTS (SELECT FROM vbp.unwatched_tables(vbp.purchase_tables(), 'report_change_insert'))
             OR EXISTS (SELECT FROM vbp.unwatched_tables(vbp.report_input_tables(), 'report_input_change'))
             -- past a twentieth of the agreements, one pass over every purchase costs less
             OR coalesce(cardinality(orgs), 0) * 20 > vbp.table_rows('vbp.agreement');
  END IF;
  t0 := clock_timestamp();
  IF whole THEN
    DELETE FROM vbp.fulfilment_stored;
    INSERT INTO vbp.fulfilment_stored SELECT * FROM vbp.fulfilment_for(rd, rs);
  ELSIF orgs IS NOT NULL THEN
    DELETE FROM vbp.fulfilment_stored f WHERE (f.org_code, f.group_code) IN (SELECT * FROM vbp.scope_pairs(orgs, grps));
    INSERT INTO vbp.fulfilment_stored SELECT * FROM vbp.fulfilment_for(rd, rs, orgs, grps);
  END IF;
  stored := 'vbp.fulfilment_stored';
  mode := CASE WHEN whole THEN 'full'
               ELSE format('incremental: %s pair%s', coalesce(cardinality(orgs), 0), CASE WHEN cardinality(orgs) = 1 THEN '' ELSE 's' END) END;
  milliseconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1);
  RETURN NEXT;
  t0 := clock_timestamp();
  IF whole THEN
    DELETE FROM vbp.report_credibility_stored;
    INSERT INTO vbp.report_credibility_stored SELECT * FROM vbp.report_credibility_for(rd, rs);
  ELSIF orgs IS NOT NULL THEN
    DELETE FROM vbp.report_credibility_stored c WHERE (c.org_code, c.group_code) IN (SELECT * FROM vbp.scope_pairs(orgs, grps));
    INSERT INTO vbp.report_credibility_stored SELECT * FROM vbp.report_credibility_for(rd, rs, orgs, grps);
  END IF;
  stored := 'vbp.report_credibility_stored';
  milliseconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1);
  RETURN NEXT;
  INSERT INTO vbp.report_cache_state AS s (cache, report_date, fingerprint) VALUES ('agreement_reports', rd, fp)
  ON CONFLICT (cache) DO UPDATE SET report_date = rd, fingerprint = fp, refreshed_at = now();
END $$;
COMMENT ON FUNCTION vbp.refresh_agreement_reports(boolean) IS
  'Brings vbp.fulfilment_stored and vbp.report_credibility_stored to vbp.report_date() (协议报表增量刷新): recomputes only the agreements and volume reports of the (institution, generic group) pairs whose purchases vbp.report_change noted, through the scoped forms of vbp.fulfilment_for and vbp.report_credibility_for, when the reporting date, the rule set and the fingerprint are those of the last refresh and no other input changed; both whole when asked (incremental => false), the first time, when the reporting date, rule set or fingerprint changed, after a TRUNCATE, a statement of more than 10,000 pairs or a change to another input (vbp.report_input_tables), when the triggers are off or missing on a partition, on Citus, or when the pairs exceed a twentieth of the agreements; returns each table with its mode and time. vbp.refresh_reports() calls it';
REVOKE EXECUTE ON FUNCTION vbp.refresh_agreement_reports(boolean) FROM PUBLIC;

-- (Custom plans: the scoped lines are read by the order index only when the
-- planner sees the arrays; a generic plan would read every purchase.)
CREATE FUNCTION vbp.refresh_order_lines(incremental boolean DEFAULT true)
  RETURNS text
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  rd date := vbp.report_date();
  rs text := vbp.report_rule_set();
  fp text;
  prev record;
  every boolean;
  orgs vbp.orgcode[];
  ords text[];
  lns text[];
  whole boolean;
BEGIN
  -- one refresh at a time, called alone or by vbp.refresh_reports (the same lock)
  PERFORM pg_advisory_xact_lock(hashtext('vbp.refresh_reports'));
  PERFORM vbp.known_rule_set(rs);
  -- the lines are computed as of a finite date (their deadlines count days up to it)
  PERFORM vbp.finite_report_date(rd);
  fp := vbp.report_fingerprint(rs);
  SELECT s.* INTO prev FROM vbp.report_cache_state s WHERE s.cache = 'order_lines';
  -- the notes are consumed and read in one statement (see the price benchmark's months)
  WITH taken AS (DELETE FROM vbp.order_line_change c RETURNING c.org_code, c.order_no, c.line_no)
  SELECT bool_or(t.org_code IS NULL), array_agg(t.org_code) FILTER (WHERE t.org_code IS NOT NULL),
         array_agg(t.order_no) FILTER (WHERE t.org_code IS NOT NULL), array_agg(t.line_no) FILTER (WHERE t.org_code IS NOT NULL)
    INTO every, orgs, ords, lns
  FROM (SELECT DISTINCT * FROM taken) t;
  whole := NOT incremental OR prev IS NULL OR vbp.citus_distributed();
  IF NOT whole THEN
    whole := prev.report_date > rd OR prev.fingerprint <> fp OR coalesce(every, false)
             -- without the triggers (off, or on a partition they could not be put on)
             -- nothing is noted
             OR EXISTS (SELECT FROM vbp.unwatched_tables(vbp.purchase_tables(), 'report_change_insert'))
             OR EXISTS (SELECT FROM vbp.unwatched_tables(ARRAY['vbp.order_event'::regclass], 'order_line_change_insert'))
             OR EXISTS (SELECT FROM vbp.unwatched_tables(vbp.order_line_input_tables(), 'order_line_input_change'));
  END IF;
  IF NOT whole AND prev.report_date < rd THEN
    -- the reporting date moved forward (a nightly refresh): besides the lines noted,
    -- the lines the days in between change: an open line whose due date passed
    -- (late and open past its deadline compare the due date with the reporting
    -- date, from the day after it), and a line with a purchase or an event dated
    -- in between (counted from the new date on)
    SELECT array_agg(x.o), array_agg(x.n), array_agg(x.l) INTO orgs, ords, lns
    FROM (SELECT k.o, k.n, k.l FROM unnest(orgs, ords, lns) k(o, n, l)
          UNION
          SELECT s.org_code, s.order_no, s.line_no FROM vbp.order_line_supply_stored s
          WHERE s.fulfilled_on IS NULL AND s.due_on >= prev.report_date AND s.due_on < rd
          UNION
          SELECT pu.org_code, pu.order_no, pu.line_no FROM vbp.purchase pu
          WHERE pu.order_no IS NOT NULL AND pu.purchased_on > prev.report_date AND pu.purchased_on <= rd
          UNION
          SELECT e.org_code, e.order_no, e.line_no FROM vbp.order_event e
          WHERE e.happened_on > prev.report_date AND e.happened_on <= rd) x(o, n, l);
  END IF;
  IF NOT whole THEN
    -- past a twentieth of the lines, one pass over every line costs less
    whole := coalesce(cardinality(orgs), 0) * 20 > vbp.table_rows('vbp.order_line_supply_stored');
  END IF;
  IF whole THEN
    DELETE FROM vbp.order_line_supply_stored;
    INSERT INTO vbp.order_line_supply_stored SELECT * FROM vbp.order_line_supply_for(rd, rs);
  ELSIF orgs IS NOT NULL THEN
    DELETE FROM vbp.order_line_supply_stored s
    WHERE (s.org_code, s.order_no, s.line_no) IN (SELECT * FROM unnest(orgs, ords, lns));
    INSERT INTO vbp.order_line_supply_stored SELECT * FROM vbp.order_line_supply_for(rd, rs, orgs, ords, lns);
  END IF;
  INSERT INTO vbp.report_cache_state AS s (cache, report_date, fingerprint) VALUES ('order_lines', rd, fp)
  ON CONFLICT (cache) DO UPDATE SET report_date = rd, fingerprint = fp, refreshed_at = now();
  RETURN CASE WHEN whole THEN 'full'
              ELSE format('incremental: %s line%s', coalesce(cardinality(orgs), 0), CASE WHEN cardinality(orgs) = 1 THEN '' ELSE 's' END) END;
END $$;
COMMENT ON FUNCTION vbp.refresh_order_lines(boolean) IS
  'Brings vbp.order_line_supply_stored to vbp.report_date() (订单行增量刷新): recomputes only the order lines whose purchase or events vbp.order_line_change noted, through the scoped form of vbp.order_line_supply_for, when the rule set and the fingerprint are those of the last refresh and no other input changed; when the reporting date moved forward, also the open lines whose due date it passed and the lines with a purchase or event dated in between; every line when asked (incremental => false), the first time, when the reporting date moved back, when the rule set or fingerprint changed, after a TRUNCATE, a statement of more than 10,000 lines or a change to another input (vbp.order_line_input_tables), when the triggers are off or missing on a partition, on Citus, or when the lines noted exceed a twentieth of those kept; returns full or incremental: N lines. vbp.refresh_reports() calls it, before the supply alerts stored for BI, which are computed from these lines';
REVOKE EXECUTE ON FUNCTION vbp.refresh_order_lines(boolean) FROM PUBLIC;

-- with its owner's rights, as the materialized views beside it: every
-- institution's rows, for the BI reader only (vbp.setup_tenancy grants it so)
CREATE VIEW vbp.bi_price_benchmark WITH (security_invoker = false) AS
  SELECT p.month, p.group_code::text AS group_code, g.generic_name, p.org_code::text AS org_code, i.name AS org_name,
         vbp.province(p.org_code) AS province, dp.name AS province_name,
         p.quantity, p.spend::numeric(18,2) AS spend, p.unit_price, p.peers, p.benchmark_unit_price,
         p.median_unit_price, p.percentile, p.saving::numeric(18,2) AS saving
  FROM vbp.price_benchmark_month p
  LEFT JOIN vbp.institution i ON i.org_code = p.org_code
  LEFT JOIN vbp.division dp ON dp.code = vbp.province(p.org_code)
  LEFT JOIN vbp.generic_group g ON g.group_code = p.group_code;
COMMENT ON VIEW vbp.bi_price_benchmark IS
  'Price benchmark (价格对标) stored for BI: vbp.price_benchmark as of the last vbp.refresh_reports(), money in yuan as numeric; a view over vbp.price_benchmark_month, which the refresh brings up to date month by month (nothing to copy afterwards), with the names joined as it is read; runs with its owner''s rights, like the materialized views: every institution''s rows, granted to the BI reader only';
COMMENT ON COLUMN vbp.bi_price_benchmark.month IS '月份 / month (first day), date';
COMMENT ON COLUMN vbp.bi_price_benchmark.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.bi_price_benchmark.generic_name IS '通用名 / generic name of the group, text';
COMMENT ON COLUMN vbp.bi_price_benchmark.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.bi_price_benchmark.org_name IS '机构名称 / institution name, text';
COMMENT ON COLUMN vbp.bi_price_benchmark.province IS '省份编码 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.bi_price_benchmark.province_name IS '省份 / province name, text';
COMMENT ON COLUMN vbp.bi_price_benchmark.quantity IS '采购量 / units bought in the month, units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_price_benchmark.spend IS '采购金额 / amount spent in the month, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_price_benchmark.unit_price IS '单价 / unit price, spend ÷ units, yuan (元) per unit';
COMMENT ON COLUMN vbp.bi_price_benchmark.peers IS '同类机构数 / peer institutions buying the generic group in the month, count';
COMMENT ON COLUMN vbp.bi_price_benchmark.benchmark_unit_price IS '对标单价 / unit price of peers at the benchmark centile (10th percentile), yuan (元) per unit';
COMMENT ON COLUMN vbp.bi_price_benchmark.median_unit_price IS '同类中位单价 / median unit price of peers, yuan (元) per unit';
COMMENT ON COLUMN vbp.bi_price_benchmark.percentile IS '价格百分位 / percentile rank of the unit price among peers, 0 cheapest to 100 dearest, percentile (0–100)';
COMMENT ON COLUMN vbp.bi_price_benchmark.saving IS '可节约金额 / price-per-unit saving max(0, spend − units × benchmark unit price), yuan (元), numeric(18,2)';

CREATE MATERIALIZED VIEW vbp.bi_nrdl_stocking_summary AS
  SELECT s.version_id, v.name AS version_name, s.scope, vbp.label_zh('stocking_scope', s.scope) AS scope_zh, s.key,
         CASE WHEN s.scope IN ('province', 'city') THEN d.name WHEN s.scope = 'level' THEN vbp.label_zh('institution_level', s.key)
              ELSE '全国' END AS key_name,
         s.institutions, s.applicable, s.stocked, s.stocking_rate
  FROM vbp.nrdl_stocking_summary s
  JOIN vbp.nrdl_version v ON v.version_id = s.version_id
  LEFT JOIN vbp.division d ON d.code = s.key AND s.scope IN ('province', 'city')
WITH NO DATA;
CREATE UNIQUE INDEX bi_nrdl_stocking_summary_key ON vbp.bi_nrdl_stocking_summary (version_id, scope, key);
COMMENT ON MATERIALIZED VIEW vbp.bi_nrdl_stocking_summary IS
  'Negotiated-drug stocking rates (谈判药品配备率) stored for BI: vbp.nrdl_stocking_summary as of the last vbp.refresh_reports(), with the names of provinces, cities and levels';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.version_id IS '目录版本 / negotiated-drug list version id (谈判药品目录版本), identifier';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.version_name IS '目录版本名称 / negotiated-drug list version name, text';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.scope IS '汇总层级 / aggregation scope: national, province, city, level, code';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.scope_zh IS '统计口径（中文） / scope in Chinese (全国, 省, 地市, 机构级别), text';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.key IS '汇总对象 / key: all, province code, city code or institution level, code';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.key_name IS '统计对象名称 / name of the province, city or institution level the row is about, text';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.institutions IS '医疗机构数 / medical institutions in the scope, count';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.applicable IS '应配备数 / applicable (institution, drug) pairs, count';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.stocked IS '已配备数 / stocked (institution, drug) pairs, count';
COMMENT ON COLUMN vbp.bi_nrdl_stocking_summary.stocking_rate IS '配备率 / stocking rate, Σ stocked ÷ Σ applicable pairs, ratio (0–1)';

CREATE MATERIALIZED VIEW vbp.bi_nrdl_monitoring AS
  SELECT m.province, d.name AS province_name, m.month, m.drugs, m.institutions, m.applicable, m.stocked,
         m.stocking_rate, m.lines, m.units, m.amount::numeric(18,2) AS amount, m.fund_paid::numeric(18,2) AS fund_paid,
         m.pharmacy_share
  FROM vbp.nrdl_monitoring m
  LEFT JOIN vbp.division d ON d.code = m.province
WITH NO DATA;
CREATE UNIQUE INDEX bi_nrdl_monitoring_key ON vbp.bi_nrdl_monitoring (province, month);
COMMENT ON MATERIALIZED VIEW vbp.bi_nrdl_monitoring IS
  'Negotiated-drug monitoring (谈判药品落地监测) stored for BI: vbp.nrdl_monitoring as of the last vbp.refresh_reports(), money in yuan as numeric';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.province IS '省份 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.province_name IS '省份 / province name, text';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.month IS '月份 / month (first day), date';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.drugs IS '现行谈判药品数 / negotiated drugs in force at the month end, count';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.institutions IS '医疗机构数 / medical institutions of the province with applicable drugs, count';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.applicable IS '应配备数 / applicable (institution, drug) pairs at the month end, count';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.stocked IS '已配备数 / stocked (institution, drug) pairs at the month end, count';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.stocking_rate IS '配备率 / stocking rate, stocked pairs ÷ applicable pairs, ratio (0–1)';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.lines IS '使用明细数 / negotiated-drug dispensing lines in the month, count';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.units IS '使用量 / units of negotiated drugs dispensed in the month, units (最小计量单位)';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.amount IS '使用金额 / amount of negotiated drugs dispensed in the month, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.fund_paid IS '统筹支付金额 / insurance fund payments (医保基金统筹支付) for them in the month, yuan (元), numeric(18,2)';
COMMENT ON COLUMN vbp.bi_nrdl_monitoring.pharmacy_share IS '药店渠道占比 / pharmacy (双通道药店) channel share of the amount, ratio (0–1)';

CREATE MATERIALIZED VIEW vbp.bi_trace_code_monthly AS
  SELECT t.month, t.org_code::text AS org_code, i.name AS org_name,
         vbp.province(t.org_code) AS province, dp.name AS province_name, t.scans, t.repeats, t.repeat_rate
  FROM vbp.trace_code_monthly t
  LEFT JOIN vbp.institution i ON i.org_code = t.org_code
  LEFT JOIN vbp.division dp ON dp.code = vbp.province(t.org_code)
WITH NO DATA;
CREATE UNIQUE INDEX bi_trace_code_monthly_key ON vbp.bi_trace_code_monthly (month, org_code);
COMMENT ON MATERIALIZED VIEW vbp.bi_trace_code_monthly IS
  'Traceability-code scans and repeats per institution and month (追溯码重复监测) stored for BI: vbp.trace_code_monthly as of the last vbp.refresh_reports()';
COMMENT ON COLUMN vbp.bi_trace_code_monthly.month IS '月份 / month (its first day), date';
COMMENT ON COLUMN vbp.bi_trace_code_monthly.org_code IS '机构编码 / institution code (定点医药机构代码) of the dispensing line, code';
COMMENT ON COLUMN vbp.bi_trace_code_monthly.org_name IS '机构名称 / institution name, text';
COMMENT ON COLUMN vbp.bi_trace_code_monthly.province IS '省份编码 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.bi_trace_code_monthly.province_name IS '省份 / province name, text';
COMMENT ON COLUMN vbp.bi_trace_code_monthly.scans IS '扫码发药行数 / dispensing lines with a traceability code, count';
COMMENT ON COLUMN vbp.bi_trace_code_monthly.repeats IS '重复追溯码行数 / lines whose code had been dispensed before (回流药, 串换), count';
COMMENT ON COLUMN vbp.bi_trace_code_monthly.repeat_rate IS '重复率 / repeats ÷ scans, ratio (0–1)';

CREATE MATERIALIZED VIEW vbp.bi_supply_alert AS
  SELECT a.kind, vbp.label_zh('alert', a.kind) AS kind_zh, coalesce(a.org_code::text, '') AS org_code, i.name AS org_name,
         a.company::text AS company, pr.company_name, a.key, a.detail
  -- from the order lines kept by the refresh (vbp.refresh_order_lines, an earlier step)
  FROM vbp.supply_alert_for(vbp.report_date(), vbp.report_rule_set(), kept => true) a
  LEFT JOIN vbp.institution i ON i.org_code = a.org_code
  -- the companies' names grouped once and hashed: a lateral look-up per alert was
  -- estimated at a scan of the products for each of tens of thousands of alerts, a
  -- cost past jit_inline_above_cost, and the refresh spent a second compiling it
  LEFT JOIN (SELECT p.company, min(p.company_name) AS company_name FROM vbp.product p GROUP BY p.company) pr
    ON pr.company = a.company
WITH NO DATA;
CREATE UNIQUE INDEX bi_supply_alert_key ON vbp.bi_supply_alert (kind, org_code, key);
COMMENT ON MATERIALIZED VIEW vbp.bi_supply_alert IS
  'Supply alerts (供应预警) stored for BI: vbp.supply_alert as of the last vbp.refresh_reports(), with names; computed from the order lines the refresh keeps (vbp.order_line_supply_stored), so refreshed by vbp.refresh_reports(), not alone';
COMMENT ON COLUMN vbp.bi_supply_alert.kind IS '预警类型 / stockout or supply_score_low, code';
COMMENT ON COLUMN vbp.bi_supply_alert.kind_zh IS '预警类型（中文） / alert kind in Chinese, text';
COMMENT ON COLUMN vbp.bi_supply_alert.org_code IS '机构编码 / institution of a stock-out; empty for a company alert, code';
COMMENT ON COLUMN vbp.bi_supply_alert.org_name IS '机构名称 / institution name, text';
COMMENT ON COLUMN vbp.bi_supply_alert.company IS '企业 / company (统一社会信用代码), code';
COMMENT ON COLUMN vbp.bi_supply_alert.company_name IS '企业名称 / company name, text';
COMMENT ON COLUMN vbp.bi_supply_alert.key IS '预警对象 / product and start, or batch and company, text';
COMMENT ON COLUMN vbp.bi_supply_alert.detail IS '预警说明 / duration and lines, or score, episodes and problem rate, text';

-- built on two of the above, so refreshed after them
CREATE MATERIALIZED VIEW vbp.bi_institution_scorecard AS
  SELECT f.batch_id, f.org_code, min(f.org_name) AS org_name, min(f.province_name) AS province_name, f.cycle_year,
         count(*) AS agreements,
         count(*) FILTER (WHERE f.status = 'completed') AS completed,
         count(*) FILTER (WHERE f.status = 'on_track') AS on_track,
         count(*) FILTER (WHERE f.status = 'lagging') AS lagging,
         count(*) FILTER (WHERE f.status = 'severely_lagging') AS severely_lagging,
         count(*) FILTER (WHERE NOT f.prefers_selected) AS not_preferring_selected,
         count(*) FILTER (WHERE f.paid_on_time < f.payments_due) AS late_payment,
         coalesce(max(r.reports), 0) AS reports, coalesce(max(r.not_reported), 0) AS not_reported,
         coalesce(max(r.under_reported), 0) AS under_reported, coalesce(max(r.anomalous), 0) AS anomalous
  FROM vbp.bi_fulfilment f
  LEFT JOIN (SELECT c.batch_id, c.org_code, c.cycle_year, count(*) AS reports, count(*) FILTER (WHERE c.not_reported) AS not_reported,
                    count(*) FILTER (WHERE c.under_reported) AS under_reported, count(*) FILTER (WHERE c.anomalous) AS anomalous
             FROM vbp.bi_report_credibility c GROUP BY 1, 2, 3) r USING (batch_id, org_code, cycle_year)
  GROUP BY f.batch_id, f.org_code, f.cycle_year
WITH NO DATA;
CREATE UNIQUE INDEX bi_institution_scorecard_key ON vbp.bi_institution_scorecard (batch_id, org_code, cycle_year);
COMMENT ON MATERIALIZED VIEW vbp.bi_institution_scorecard IS
  'Scorecard of each institution, batch and cycle year (机构履约记分卡) for BI, from vbp.bi_fulfilment and vbp.bi_report_credibility: agreements by status, not preferring selected products, late payments, volume reports not made, under-reported and anomalous';
COMMENT ON COLUMN vbp.bi_institution_scorecard.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.bi_institution_scorecard.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.bi_institution_scorecard.org_name IS '机构名称 / institution name, text';
COMMENT ON COLUMN vbp.bi_institution_scorecard.province_name IS '省份 / province name, text';
COMMENT ON COLUMN vbp.bi_institution_scorecard.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.bi_institution_scorecard.agreements IS '协议数 / agreements of the institution in the batch and cycle year, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.completed IS '已完成协议数 / agreements completed, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.on_track IS '进度正常协议数 / agreements on track, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.lagging IS '滞后协议数 / agreements lagging behind the time progress, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.severely_lagging IS '严重滞后协议数 / agreements severely lagging, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.not_preferring_selected IS '未优先使用中选产品协议数 / agreements whose selected share is below the floor, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.late_payment IS '回款超期协议数 / agreements with payments not made on time, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.reports IS '报量数 / volume reports of the institution in the batch and year, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.not_reported IS '未报量数 / groups not reported although used, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.under_reported IS '少报量数 / reports below the floor of the baseline, count';
COMMENT ON COLUMN vbp.bi_institution_scorecard.anomalous IS '报量异常数 / anomalous volume reports (robust z-score), count';

-- ---------------------------------------------------------------------
-- Alerts announced (预警推送): what is alerting now in the stored views;
-- vbp.refresh_reports() sends each alert that was not there before the
-- refresh on NOTIFY channel vbp_alert, and the guard's duplicate-code
-- alerts are sent as they are written.
-- ---------------------------------------------------------------------
CREATE VIEW vbp.bi_alert WITH (security_invoker = true) AS
  SELECT f.status AS kind, f.org_code, format('batch %s group %s year %s', f.batch_id, f.group_code, f.cycle_year) AS key,
         f.batch_id, vbp.label_zh('alert', f.status) AS kind_zh
  FROM vbp.bi_fulfilment f WHERE f.status IN ('lagging', 'severely_lagging')
  UNION ALL
  SELECT 'anomalous_report', c.org_code, format('batch %s group %s year %s', c.batch_id, c.group_code, c.cycle_year),
         c.batch_id, vbp.label_zh('alert', 'anomalous_report')
  FROM vbp.bi_report_credibility c WHERE c.anomalous
  UNION ALL
  SELECT a.kind, a.org_code, a.key, NULL, a.kind_zh FROM vbp.bi_supply_alert a;
COMMENT ON VIEW vbp.bi_alert IS
  'Alerts standing in the stored BI views (当前预警): agreements lagging or severely lagging, anomalous volume reports, stock-outs and companies below the supply-score threshold, one row each; vbp.refresh_reports() announces on NOTIFY channel vbp_alert the rows a refresh adds';
COMMENT ON COLUMN vbp.bi_alert.kind IS '预警类型 / alert kind: lagging, severely_lagging, anomalous_report, stockout or supply_score_low, code';
COMMENT ON COLUMN vbp.bi_alert.org_code IS '机构编码 / institution code (定点医药机构代码); empty for a company alert, code';
COMMENT ON COLUMN vbp.bi_alert.key IS '预警对象 / what the alert is about: batch, generic group and cycle year; product and start; batch and company, text';
COMMENT ON COLUMN vbp.bi_alert.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.bi_alert.kind_zh IS '预警类型（中文） / alert kind in Chinese, text';

-- NOTIFY has no privileges: any role may LISTEN on any channel.  A notice
-- therefore names no institution and no code: it carries the alert's number,
-- and the alert itself is a row of vbp.alert_log, read under row-level
-- security like the rows it is about.
CREATE TABLE vbp.alert_log (
  alert_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  announced_at timestamptz NOT NULL DEFAULT now(),
  kind         text NOT NULL,
  org_code     vbp.orgcode,
  site         text,
  key          text
);
-- row-level security: a tenant reads the alerts of the institutions it sees;
-- a company's alert (supply_score_low) names no institution and is read by all
ALTER TABLE vbp.alert_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.alert_log FOR SELECT
  USING (CASE WHEN kind = 'supply_score_low' THEN true ELSE vbp.tenant_sees(org_code) END);
SELECT pg_catalog.pg_extension_config_dump('vbp.alert_log', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.alert_log_alert_id_seq', '');
COMMENT ON TABLE vbp.alert_log IS
  'Alerts announced (预警推送记录): one row per notice sent on NOTIFY channel vbp_alert, whose payload carries only alert_id, kind and kind_zh; the institution and what the alert is about are read here, under row-level security (a tenant reads the alerts of the institutions it sees; a company''s alert is read by every tenant)';
COMMENT ON COLUMN vbp.alert_log.alert_id IS '预警编号 / number of the alert, the payload''s alert_id, identifier';
COMMENT ON COLUMN vbp.alert_log.announced_at IS '推送时间 / transaction time of the notice, timestamp';
COMMENT ON COLUMN vbp.alert_log.kind IS '预警类型 / lagging, severely_lagging, anomalous_report, stockout, supply_score_low, duplicate_trace_code or trace_<violation>, code';
COMMENT ON COLUMN vbp.alert_log.org_code IS '机构编码 / institution the alert is about; empty for a company''s alert, or a traceability-code alert whose site is not an institution code, code';
COMMENT ON COLUMN vbp.alert_log.site IS '发药地点 / the site a traceability-code alert was raised at, as the hospital''s table names it, text';
COMMENT ON COLUMN vbp.alert_log.key IS '预警对象 / batch, group and cycle year; product and start; batch and company; or the traceability code, text';
COMMENT ON SEQUENCE vbp.alert_log_alert_id_seq IS 'Identity sequence of vbp.alert_log.alert_id';

CREATE FUNCTION vbp.announce_alert(kind text, org_code text, key text, site text DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  id bigint;
BEGIN
  INSERT INTO vbp.alert_log (kind, org_code, site, key)
  VALUES (announce_alert.kind, nullif(announce_alert.org_code, '')::vbp.orgcode, announce_alert.site, announce_alert.key)
  RETURNING alert_id INTO id;
  PERFORM pg_notify('vbp_alert', json_build_object('alert_id', id, 'kind', announce_alert.kind,
                                                   'kind_zh', vbp.label_zh('alert', announce_alert.kind))::text);
  RETURN id;
END $$;
COMMENT ON FUNCTION vbp.announce_alert(text, text, text, text) IS
  'Announces one alert (预警推送): records it in vbp.alert_log (with the site a traceability-code alert was raised at) and sends {"alert_id", "kind", "kind_zh"} on NOTIFY channel vbp_alert (delivered when the transaction commits); the institution, site and key are read from vbp.alert_log under row-level security, never sent; returns the alert_id';
REVOKE EXECUTE ON FUNCTION vbp.announce_alert(text, text, text, text) FROM PUBLIC;

CREATE FUNCTION vbp.announce_trace_alert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  a record;
  kind text;
  org vbp.orgcode;
BEGIN
  -- On Citus the guard writes the shards of vbp.trace_alert (trace_alert_<shard
  -- id>) inside the cluster's transaction, which commits in two phases, where
  -- NOTIFY is not allowed: the cluster's alerts are read from vbp.trace_alert
  IF TG_TABLE_NAME <> 'trace_alert' THEN
    RETURN NULL;
  END IF;
  -- SECURITY DEFINER: it reads only the rows the guard just wrote and records
  -- them in vbp.alert_log, which the writer may not write
  FOR a IN SELECT n.violation, n.seen_where, n.trace_code FROM new_alerts n LOOP
    kind := CASE WHEN a.violation IN ('repeat_sale', 'other_site') THEN 'duplicate_trace_code' ELSE 'trace_' || a.violation END;
    -- a site that is not an institution code (the owner's own tables may name
    -- a department) is kept as text: such an alert is read by the owner only
    org := NULL;
    IF a.seen_where ~ '^[HP][0-9]{11}$' THEN
      BEGIN
        org := a.seen_where::vbp.orgcode;
      EXCEPTION WHEN data_exception THEN
        org := NULL;
      END;
    END IF;
    PERFORM vbp.announce_alert(kind, org::text, a.trace_code::text, a.seen_where);
  END LOOP;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION vbp.announce_trace_alert() IS
  'Trigger on vbp.trace_alert: announces each traceability-code alert (kind duplicate_trace_code for a repeated sale or a sale at another site, trace_<violation> for the others): records it in vbp.alert_log and sends {"alert_id", "kind", "kind_zh"} on NOTIFY channel vbp_alert; SECURITY DEFINER, as the writer may not write the log; on a Citus shard it announces nothing (a two-phase commit allows no NOTIFY)';
REVOKE EXECUTE ON FUNCTION vbp.announce_trace_alert() FROM PUBLIC;
CREATE TRIGGER announce AFTER INSERT ON vbp.trace_alert
  REFERENCING NEW TABLE AS new_alerts FOR EACH STATEMENT EXECUTE FUNCTION vbp.announce_trace_alert();
COMMENT ON TRIGGER announce ON vbp.trace_alert IS 'Announces traceability-code alerts on NOTIFY channel vbp_alert';

-- (JIT off: each stored query runs once, and its compilation is not repaid.  At
-- scale 10 the supply alerts' plan passed jit_inline_above_cost whenever the kept
-- lines' table held dead rows after a full refresh, its stock-out estimate being
-- a share of every line where a few are, and LLVM spent a second on it; at scale
-- 100 the whole refresh took the same time with JIT and without: doc/benchmarks.md.)
CREATE FUNCTION vbp.refresh_reports(concurrent boolean DEFAULT true, incremental boolean DEFAULT true)
  RETURNS TABLE (step int, matview regclass, mode text, milliseconds numeric)
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp SET jit = off AS $$
DECLARE
  todo oid[];
  ready oid[];
  m oid;
  n int := 0;
  t0 timestamptz;
  announcing boolean;
BEGIN
  -- the alerts standing before the refresh, to announce only the new ones;
  -- a first refresh sets the baseline and announces nothing
  announcing := (SELECT c.relispopulated FROM pg_class c WHERE c.oid = 'vbp.bi_supply_alert'::regclass)
                AND EXISTS (SELECT FROM vbp.report_cache_state s WHERE s.cache = 'agreement_reports');
  IF announcing THEN
    CREATE TEMP TABLE IF NOT EXISTS vbp_refresh_alerts (kind text, org_code text, key text) ON COMMIT DROP;
    TRUNCATE vbp_refresh_alerts;
    INSERT INTO vbp_refresh_alerts SELECT a.kind, a.org_code, a.key FROM vbp.bi_alert a;
  END IF;
  -- one refresh at a time: the month-by-month tables are read and rewritten
  PERFORM pg_advisory_xact_lock(hashtext('vbp.refresh_reports'));
  -- the tables kept month by month come first: the views read them
  n := n + 1;
  t0 := clock_timestamp();
  step := n;
  matview := 'vbp.price_benchmark_month'::regclass;
  mode := vbp.refresh_price_benchmark_months(incremental);
  milliseconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1);
  RETURN NEXT;
  FOR matview, mode, milliseconds IN SELECT * FROM vbp.refresh_agreement_reports(incremental) LOOP
    n := n + 1;
    step := n;
    RETURN NEXT;
  END LOOP;
  -- the order lines, which the supply alerts below are computed from
  n := n + 1;
  t0 := clock_timestamp();
  step := n;
  matview := 'vbp.order_line_supply_stored'::regclass;
  mode := vbp.refresh_order_lines(incremental);
  milliseconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1);
  RETURN NEXT;
  SELECT array_agg(c.oid) INTO todo FROM pg_class c
  WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'm';
  -- the materialized views each one reads, directly or through views
  CREATE TEMP TABLE IF NOT EXISTS vbp_refresh_needs (mv oid, needs oid) ON COMMIT DROP;
  TRUNCATE vbp_refresh_needs;
  INSERT INTO vbp_refresh_needs
  WITH RECURSIVE reads(mv, rel, depth) AS (
    SELECT rw.ev_class, d.refobjid, 1
    FROM pg_rewrite rw JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                                        AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> rw.ev_class
    WHERE rw.ev_class = ANY (todo)
    UNION
    SELECT r.mv, d.refobjid, r.depth + 1
    FROM reads r JOIN pg_class c ON c.oid = r.rel AND c.relkind = 'v'
    JOIN pg_rewrite rw ON rw.ev_class = c.oid
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> c.oid
    WHERE r.depth < 32
  )
  SELECT DISTINCT mv, rel FROM reads WHERE rel = ANY (todo) AND rel <> mv;
  WHILE cardinality(todo) > 0 LOOP
    SELECT array_agg(x ORDER BY x::regclass::text) INTO ready FROM unnest(todo) x
    WHERE NOT EXISTS (SELECT FROM vbp_refresh_needs d WHERE d.mv = x AND d.needs = ANY (todo));
    IF ready IS NULL THEN
      RAISE EXCEPTION 'materialized views of vbp depend on each other in a cycle'
        USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    FOREACH m IN ARRAY ready LOOP
      n := n + 1;
      t0 := clock_timestamp();
      IF concurrent AND (SELECT c.relispopulated FROM pg_class c WHERE c.oid = m) THEN
        EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %s', m::regclass);
        mode := 'concurrently';
      ELSE
        EXECUTE format('REFRESH MATERIALIZED VIEW %s', m::regclass);
        mode := 'full';
      END IF;
      step := n;
      matview := m::regclass;
      milliseconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1);
      RETURN NEXT;
    END LOOP;
    todo := ARRAY(SELECT x FROM unnest(todo) x WHERE x <> ALL (ready));
  END LOOP;
  IF announcing THEN
    -- an agreement that improves from severely lagging to lagging is no new alert
    PERFORM vbp.announce_alert(a.kind, a.org_code, a.key)
    FROM (SELECT b.kind, b.org_code, b.key FROM vbp.bi_alert b
          EXCEPT SELECT o.kind, o.org_code, o.key FROM vbp_refresh_alerts o) a
    WHERE NOT (a.kind = 'lagging'
               AND EXISTS (SELECT FROM vbp_refresh_alerts o WHERE o.kind = 'severely_lagging'
                                                             AND o.org_code IS NOT DISTINCT FROM a.org_code AND o.key = a.key));
  END IF;
END $$;
COMMENT ON FUNCTION vbp.refresh_reports(boolean, boolean) IS
  'Brings vbp.price_benchmark_month up to date month by month (only the months changed since the last refresh, unless incremental => false: vbp.refresh_price_benchmark_months), vbp.fulfilment_stored and vbp.report_credibility_stored agreement by agreement (only the pairs whose purchases changed: vbp.refresh_agreement_reports), and vbp.order_line_supply_stored line by line (only the order lines whose purchase or events changed: vbp.refresh_order_lines), then refreshes every materialized view of vbp (报表刷新) in dependency order (a view that reads another comes after it, found through pg_depend), CONCURRENTLY once populated so BI readers are never blocked (a first refresh, or concurrent => false, is a full refresh); returns each step with its mode and time; runs without JIT (each stored query runs once); then announces on NOTIFY channel vbp_alert every row of vbp.bi_alert the refresh added (a first refresh announces nothing; an agreement that went from severely lagging to lagging is not announced again; one that recovered and lags again is)';
REVOKE EXECUTE ON FUNCTION vbp.refresh_reports(boolean, boolean) FROM PUBLIC;

-- ---------------------------------------------------------------------
-- The report page (监测报告页): one self-contained HTML page in Chinese
-- with inline SVG charts, computed from the live reports as of a date and
-- within the caller's row-level-security scope; no script, no font, no
-- image fetched at view time (doc/bi.md).
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.html_escape(s text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN replace(replace(replace(replace(replace(s, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION vbp.html_escape(text) IS
  'Text made safe inside HTML and SVG (HTML 转义): & < > " and '' replaced by their character references';

CREATE FUNCTION vbp.report_page(as_of date DEFAULT vbp.report_date(), batch int DEFAULT NULL, org vbp.orgcode DEFAULT NULL)
  RETURNS text
  LANGUAGE plpgsql VOLATILE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  saved text := current_setting('vbp.as_of', true);
  b int := batch;
  b_name text;
  y int;
  tp numeric;
  o vbp.orgcode := org;
  page text;
  part text;
  figs text;
  n int;
  h int;
  r record;
  vmax numeric;
  mv int;
  lagging_orgs int;
  all_orgs int;
BEGIN
  IF as_of IS NULL OR NOT isfinite(as_of) THEN
    RAISE EXCEPTION 'report date must be a finite date' USING ERRCODE = 'invalid_parameter_value',
      HINT = 'Pass the date the report is as of, e.g. current_date.';
  END IF;
  PERFORM set_config('vbp.as_of', as_of::text, true);
  page := format($h$<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>药品集中带量采购与医保监测报告 %1$s</title>
<style>
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;max-width:980px}
h1{font-size:22px}h2{font-size:17px;border-left:4px solid #c23531;padding-left:8px;margin-top:28px}
.meta,.note{color:#666;font-size:12px}table.fig{border-collapse:collapse;font-size:12px;margin-top:6px}
table.fig td,table.fig th{border:1px solid #ddd;padding:2px 8px;text-align:right}table.fig td:first-child{text-align:left}
details summary{cursor:pointer;color:#555;font-size:12px}svg text{font-size:11px}
body:has(section:target)>section:not(:target),body:has(section:target)>h1,body:has(section:target)>p.meta{display:none}
</style></head><body>
<h1>药品集中带量采购与医保监测报告</h1>
<p class="meta">数据截至 <span id="as-of">%1$s</span>；范围：当前登录角色按行级安全可见的数据（角色 %2$s）；由 vbp %3$s 生成，页面不访问网络。</p>
$h$, as_of, vbp.html_escape(current_user), (SELECT extversion FROM pg_extension WHERE extname = 'vbp'));

  -- 1. fulfilment against time progress, by institution, for one batch and its running year
  IF b IS NULL THEN
    SELECT f.batch_id INTO b FROM vbp.fulfilment f
    GROUP BY f.batch_id ORDER BY count(*) FILTER (WHERE f.status IN ('lagging', 'severely_lagging')) DESC, f.batch_id LIMIT 1;
  END IF;
  SELECT bt.name INTO b_name FROM vbp.batch bt WHERE bt.batch_id = b;
  SELECT max(f.cycle_year) INTO y FROM vbp.fulfilment f WHERE f.batch_id = b;
  SELECT max(f.time_progress) INTO tp FROM vbp.fulfilment f WHERE f.batch_id = b AND f.cycle_year = y;
  SELECT count(DISTINCT f.org_code), count(DISTINCT f.org_code) FILTER (WHERE f.status IN ('lagging', 'severely_lagging'))
    INTO all_orgs, lagging_orgs
  FROM vbp.fulfilment f WHERE f.batch_id = b AND f.cycle_year = y;
  CREATE TEMP TABLE IF NOT EXISTS vbp_page_rows (k text, label text, v numeric, v2 numeric, v3 numeric, c text, ord int) ON COMMIT DROP;
  TRUNCATE vbp_page_rows;
  INSERT INTO vbp_page_rows
  SELECT f.org_code::text, coalesce(i.name, f.org_code::text),
         round(sum(f.selected_volume)::numeric / nullif(sum(f.agreed_volume), 0), 4), NULL, NULL,
         CASE max(CASE f.status WHEN 'severely_lagging' THEN 3 WHEN 'lagging' THEN 2 ELSE 1 END)
              WHEN 3 THEN '#c23531' WHEN 2 THEN '#e98f36' ELSE '#5b9b5f' END,
         row_number() OVER (ORDER BY sum(f.selected_volume)::numeric / nullif(sum(f.agreed_volume), 0), f.org_code::text)
  FROM vbp.fulfilment f LEFT JOIN vbp.institution i ON i.org_code = f.org_code
  WHERE f.batch_id = b AND f.cycle_year = y
  GROUP BY f.org_code, i.name;
  DELETE FROM vbp_page_rows WHERE ord > 30;
  SELECT count(*), greatest(1.2, max(v)) INTO n, vmax FROM vbp_page_rows;
  h := 40 + 20 * n;
  part := format('<svg id="chart-fulfilment" xmlns="http://www.w3.org/2000/svg" width="900" height="%s" viewBox="0 0 900 %s">', h + 20, h + 20)
    || '<rect width="900" height="' || (h + 20) || '" fill="#fff"/>'
    || coalesce((SELECT string_agg(format('<text x="235" y="%s" text-anchor="end">%s</text><rect x="240" y="%s" width="%s" height="14" fill="%s"/><text x="%s" y="%s">%s%%</text>',
                  30 + 20 * (ord - 1) + 11, vbp.html_escape(left(label, 16)), 30 + 20 * (ord - 1),
                  round(560 * least(v, vmax) / vmax, 1), c, round(245 + 560 * least(v, vmax) / vmax, 1), 30 + 20 * (ord - 1) + 11,
                  to_char(100 * v, 'FM990.0')), '' ORDER BY ord) FROM vbp_page_rows), '')
    || CASE WHEN tp IS NOT NULL THEN format('<line x1="%1$s" x2="%1$s" y1="22" y2="%2$s" stroke="#333" stroke-dasharray="4 3"/><text x="%1$s" y="16" text-anchor="middle">时间进度 %3$s%%</text>',
                  round(240 + 560 * least(tp, vmax) / vmax, 1), h, to_char(100 * tp, 'FM990.0')) ELSE '' END
    || format('<line x1="%1$s" x2="%1$s" y1="22" y2="%2$s" stroke="#999"/><text x="%1$s" y="%3$s" text-anchor="middle" fill="#666">100%%</text>', round(240 + 560 / vmax, 1), h, h + 14)
    || '</svg>';
  figs := (SELECT string_agg(format('<tr data-chart="fulfilment" data-key="%s" data-value="%s"><td>%s</td><td>%s%%</td></tr>',
                   vbp.html_escape(k), v, vbp.html_escape(label), to_char(100 * v, 'FM990.00')), '' ORDER BY ord) FROM vbp_page_rows);
  page := page || format('<section id="fulfilment"><h2>一、约定采购量完成进度（%s，第 %s 协议年度）</h2>', vbp.html_escape(coalesce(b_name, '无数据')), coalesce(y, 0))
    || format('<p class="note">%s 家机构中 <b id="lagging-orgs" data-value="%s">%s</b> 家有滞后品种；虚线为时间进度 %s%%。图中为完成率最低的 %s 家（完成率 = 中选产品采购量 ÷ 约定采购量，按机构合计），红色为有严重滞后品种、橙色为有滞后品种。</p>',
              coalesce(all_orgs, 0), coalesce(lagging_orgs, 0), coalesce(lagging_orgs, 0), coalesce(to_char(100 * tp, 'FM990.0'), '—'), n)
    || part || '<details><summary>数据表</summary><table class="fig"><tr><th>机构</th><th>完成率</th></tr>' || coalesce(figs, '') || '</table></details></section>';

  -- 2. price cuts by batch, unweighted vs volume-weighted
  TRUNCATE vbp_page_rows;
  INSERT INTO vbp_page_rows
  SELECT s.batch_id::text, s.name, round(s.avg_cut, 4), round(s.volume_weighted_cut, 4), NULL, NULL,
         row_number() OVER (ORDER BY s.batch_id)
  FROM vbp.batch_summary s;
  SELECT count(*) INTO n FROM vbp_page_rows;
  h := 50 + 40 * n;
  part := format('<svg id="chart-price-cuts" xmlns="http://www.w3.org/2000/svg" width="900" height="%s" viewBox="0 0 900 %s">', h, h)
    || '<rect width="900" height="' || h || '" fill="#fff"/>'
    || '<rect x="240" y="6" width="12" height="10" fill="#3a6ea5"/><text x="256" y="15">平均降幅（不加权）</text><rect x="400" y="6" width="12" height="10" fill="#c23531"/><text x="416" y="15">按采购量加权降幅</text>'
    || coalesce((SELECT string_agg(format('<text x="235" y="%s" text-anchor="end">%s</text><rect x="240" y="%s" width="%s" height="14" fill="#3a6ea5"/><text x="%s" y="%s">%s%%</text><rect x="240" y="%s" width="%s" height="14" fill="#c23531"/><text x="%s" y="%s">%s</text>',
                  30 + 40 * (ord - 1) + 18, vbp.html_escape(left(label, 16)),
                  30 + 40 * (ord - 1), round(560 * coalesce(v, 0), 1), round(245 + 560 * coalesce(v, 0), 1), 30 + 40 * (ord - 1) + 11, to_char(100 * v, 'FM990.0'),
                  30 + 40 * (ord - 1) + 16, round(560 * coalesce(v2, 0), 1), round(245 + 560 * coalesce(v2, 0), 1), 30 + 40 * (ord - 1) + 27,
                  CASE WHEN v2 IS NULL THEN '无采购' ELSE to_char(100 * v2, 'FM990.0') || '%' END), '' ORDER BY ord) FROM vbp_page_rows), '')
    || '</svg>';
  figs := (SELECT string_agg(format('<tr data-chart="price-cuts" data-key="%s" data-value="%s" data-value2="%s"><td>%s</td><td>%s%%</td><td>%s</td></tr>',
                   k, v, coalesce(v2::text, ''), vbp.html_escape(label), to_char(100 * v, 'FM990.00'),
                   coalesce(to_char(100 * v2, 'FM990.00') || '%', '—')), '' ORDER BY ord) FROM vbp_page_rows);
  page := page || '<section id="price-cuts"><h2>二、各批次价格降幅：不加权与按采购量加权</h2>'
    || '<p class="note">平均降幅 = 各品种（中选价相对参考价）降幅的简单平均；加权降幅按各品种实际采购量加权。</p>'
    || part || '<details><summary>数据表</summary><table class="fig"><tr><th>批次</th><th>平均降幅</th><th>加权降幅</th></tr>' || coalesce(figs, '') || '</table></details></section>';

  -- 3. retention waterfall for one institution
  TRUNCATE vbp_page_rows;
  IF o IS NULL THEN
    SELECT s.org_code INTO o FROM vbp.retention_statement s WHERE s.batch_id = b
    ORDER BY s.retained DESC, s.org_code LIMIT 1;
  END IF;
  SELECT s.* INTO r FROM vbp.retention_statement s WHERE s.batch_id = b AND s.org_code = o ORDER BY s.cycle_year DESC LIMIT 1;
  IF FOUND THEN
    INSERT INTO vbp_page_rows VALUES
      ('budget', '医保基金预算', r.budget::numeric, 0, r.budget::numeric, '#3a6ea5', 1),
      ('spend', '实际采购金额', r.spend::numeric, r.budget::numeric - r.spend::numeric, r.budget::numeric, '#e98f36', 2),
      ('savings', '结余', r.savings::numeric, 0, r.savings::numeric, '#3a6ea5', 3),
      ('deductions', '扣减', r.deductions::numeric, r.savings::numeric - r.deductions::numeric, r.savings::numeric, '#e98f36', 4),
      ('counted_savings', '计入结余', r.counted_savings::numeric, 0, r.counted_savings::numeric, '#3a6ea5', 5),
      ('retained', '留用金额', r.retained::numeric, 0, r.retained::numeric, '#5b9b5f', 6);
  END IF;
  SELECT count(*), greatest(max(abs(v3)), max(abs(v2)), 1) INTO n, vmax FROM vbp_page_rows;
  h := 320;
  part := '<svg id="chart-retention" xmlns="http://www.w3.org/2000/svg" width="900" height="340" viewBox="0 0 900 340"><rect width="900" height="340" fill="#fff"/>'
    || '<line x1="60" x2="860" y1="280" y2="280" stroke="#999"/>'
    || coalesce((SELECT string_agg(format('<rect x="%s" y="%s" width="90" height="%s" fill="%s"/><text x="%s" y="%s" text-anchor="middle">%s</text><text x="%s" y="300" text-anchor="middle">%s</text>',
                  80 + 130 * (ord - 1), round(280 - 240 * greatest(v2, v3) / vmax, 1), greatest(round(240 * abs(v3 - v2) / vmax, 1), 1), c,
                  80 + 130 * (ord - 1) + 45, round(280 - 240 * greatest(v2, v3) / vmax - 6, 1), to_char(v, 'FM999,999,999,990.00'),
                  80 + 130 * (ord - 1) + 45, label), '' ORDER BY ord) FROM vbp_page_rows), '<text x="450" y="150" text-anchor="middle">无结余留用数据</text>')
    || '</svg>';
  figs := (SELECT string_agg(format('<tr data-chart="retention" data-key="%s" data-value="%s"><td>%s</td><td>%s</td></tr>',
                   k, v, label, to_char(v, 'FM999,999,999,990.00')), '' ORDER BY ord) FROM vbp_page_rows);
  page := page || format('<section id="retention"><h2>三、结余留用瀑布图：%s（%s，第 %s 协议年度）</h2>',
              vbp.html_escape(coalesce((SELECT i.name FROM vbp.institution i WHERE i.org_code = o), o::text, '无数据')),
              vbp.html_escape(coalesce(b_name, '')), coalesce(r.cycle_year, 0))
    || format('<p class="note">预算 − 实际采购 = 结余；结余 − 扣减 = 计入结余；计入结余 × 留用比例 %s（考核得分 %s，%s）= 留用金额%s。单位：元。</p>',
              coalesce(to_char(100 * r.retention_ratio, 'FM990.0') || '%', '—'), coalesce(r.score::text, '—'),
              coalesce(vbp.label_zh('retention_grade', r.grade), '—'),
              CASE WHEN r.interim THEN '（协议年度未结束，期中测算）' ELSE '' END)
    || part || '<details><summary>数据表</summary><table class="fig"><tr><th>项目</th><th>金额（元）</th></tr>' || coalesce(figs, '') || '</table></details></section>';

  -- 4. negotiated-drug stocking rate by province (the latest list version)
  TRUNCATE vbp_page_rows;
  INSERT INTO vbp_page_rows
  SELECT s.key, coalesce(d.name, s.key), s.stocking_rate, NULL, NULL,
         CASE WHEN s.stocking_rate < 0.5 THEN '#c23531' ELSE '#3a6ea5' END,
         row_number() OVER (ORDER BY s.stocking_rate DESC NULLS LAST, s.key)
  FROM vbp.nrdl_stocking_summary s LEFT JOIN vbp.division d ON d.code = s.key
  WHERE s.scope = 'province' AND s.version_id = (SELECT max(x.version_id) FROM vbp.nrdl_stocking_summary x);
  SELECT count(*) INTO n FROM vbp_page_rows;
  h := 30 + 20 * n;
  part := format('<svg id="chart-nrdl-stocking" xmlns="http://www.w3.org/2000/svg" width="900" height="%s" viewBox="0 0 900 %s">', h, h)
    || '<rect width="900" height="' || h || '" fill="#fff"/>'
    || coalesce((SELECT string_agg(format('<text x="235" y="%s" text-anchor="end">%s</text><rect x="240" y="%s" width="%s" height="14" fill="%s"/><text x="%s" y="%s">%s%%</text>',
                  20 + 20 * (ord - 1) + 11, vbp.html_escape(label), 20 + 20 * (ord - 1), round(560 * coalesce(v, 0), 1), c,
                  round(245 + 560 * coalesce(v, 0), 1), 20 + 20 * (ord - 1) + 11, to_char(100 * v, 'FM990.0')), '' ORDER BY ord) FROM vbp_page_rows), '')
    || '</svg>';
  figs := (SELECT string_agg(format('<tr data-chart="nrdl-stocking" data-key="%s" data-value="%s"><td>%s</td><td>%s%%</td></tr>',
                   k, v, vbp.html_escape(label), to_char(100 * v, 'FM990.00')), '' ORDER BY ord) FROM vbp_page_rows);
  page := page || '<section id="nrdl-stocking"><h2>四、国家谈判药品配备率（按省）</h2>'
    || '<p class="note">配备率 = 已配备的（机构，药品）对 ÷ 应配备的对，最新一版目录；红色为低于 50% 的省份。</p>'
    || part || '<details><summary>数据表</summary><table class="fig"><tr><th>省份</th><th>配备率</th></tr>' || coalesce(figs, '') || '</table></details></section>';

  -- 5. traceability-code repeats by month (the last 24 months)
  TRUNCATE vbp_page_rows;
  INSERT INTO vbp_page_rows
  SELECT to_char(t.month, 'YYYY-MM'), to_char(t.month, 'YYYY-MM'), sum(t.repeats), sum(t.scans),
         round(sum(t.repeats)::numeric / nullif(sum(t.scans), 0), 6), NULL,
         row_number() OVER (ORDER BY t.month)
  FROM vbp.trace_code_monthly t
  WHERE t.month > (date_trunc('month', as_of) - interval '24 months')::date
  GROUP BY t.month;
  SELECT count(*), greatest(max(v), 1) INTO n, vmax FROM vbp_page_rows;
  mv := greatest(n - 1, 1);
  part := '<svg id="chart-trace" xmlns="http://www.w3.org/2000/svg" width="900" height="300" viewBox="0 0 900 300"><rect width="900" height="300" fill="#fff"/>'
    || '<line x1="60" x2="860" y1="250" y2="250" stroke="#999"/><line x1="60" x2="60" y1="20" y2="250" stroke="#999"/>'
    || format('<text x="55" y="24" text-anchor="end">%s</text><text x="55" y="250" text-anchor="end">0</text>', vmax)
    || coalesce('<polyline fill="none" stroke="#c23531" stroke-width="2" points="'
       || (SELECT string_agg(format('%s,%s', round(60 + 800.0 * (ord - 1) / mv, 1), round(250 - 226 * v / vmax, 1)), ' ' ORDER BY ord) FROM vbp_page_rows) || '"/>', '')
    || coalesce((SELECT string_agg(format('<circle cx="%s" cy="%s" r="3" fill="#c23531"/><text x="%s" y="%s" text-anchor="middle">%s</text>',
                  round(60 + 800.0 * (ord - 1) / mv, 1), round(250 - 226 * v / vmax, 1),
                  round(60 + 800.0 * (ord - 1) / mv, 1), round(250 - 226 * v / vmax - 7, 1), v)
                  || CASE WHEN ord % 3 = 1 THEN format('<text x="%s" y="268" text-anchor="middle">%s</text>', round(60 + 800.0 * (ord - 1) / mv, 1), k) ELSE '' END,
                  '' ORDER BY ord) FROM vbp_page_rows), '<text x="450" y="150" text-anchor="middle">无追溯码数据</text>')
    || '</svg>';
  figs := (SELECT string_agg(format('<tr data-chart="trace" data-key="%s" data-value="%s" data-value2="%s"><td>%s</td><td>%s</td><td>%s</td><td>%s%%</td></tr>',
                   k, v, v2, k, v, v2, to_char(100 * v3, 'FM990.000')), '' ORDER BY ord) FROM vbp_page_rows);
  page := page || '<section id="trace"><h2>五、追溯码重复（疑似回流药）月度趋势</h2>'
    || '<p class="note">每月发药中追溯码此前已出现过的行数（近 24 个月）；表中同时给出扫码行数与重复率。</p>'
    || part || '<details><summary>数据表</summary><table class="fig"><tr><th>月份</th><th>重复行数</th><th>扫码行数</th><th>重复率</th></tr>' || coalesce(figs, '') || '</table></details></section>';

  PERFORM set_config('vbp.as_of', coalesce(saved, ''), true);
  RETURN page || '</body></html>';
END $$;
COMMENT ON FUNCTION vbp.report_page(date, int, vbp.orgcode) IS
  'The report page (监测报告页): a self-contained HTML page in Chinese with inline SVG charts, from the live reports as of a date and within the caller''s row-level-security scope: (1) completion against time progress by institution for a batch (default: the batch with the most lagging agreements), (2) price cuts by batch unweighted and volume-weighted, (3) a retention waterfall for one institution (default: the largest retained amount), (4) negotiated-drug stocking rate by province, (5) traceability-code repeats by month; every figure also in a data table (data-chart, data-key, data-value); nothing is fetched at view time; page.html#fulfilment (or any chart''s id) shows that chart alone';
REVOKE EXECUTE ON FUNCTION vbp.report_page(date, int, vbp.orgcode) FROM PUBLIC;

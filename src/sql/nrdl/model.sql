\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Negotiated-drug landing data (谈判药品落地, doc/domain.md §6): list versions and items,
-- committee meetings, formulary admissions, applicability, dual-channel lists,
-- platform listings, patient certification, budgets, monthly totals, DRG cases,
-- and prescriptions (处方流转) the dual-channel fraud rules read.
-- =====================================================================

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
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.nrdl_version ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.nrdl_version FOR SELECT USING (true);
COMMENT ON TABLE vbp.nrdl_version IS 'Version of the national reimbursement drug list''s negotiated part (国家医保药品目录谈判药品)';
COMMENT ON COLUMN vbp.nrdl_version.version_id IS 'Version number';
COMMENT ON COLUMN vbp.nrdl_version.name IS 'Name, e.g. 2021年版';
COMMENT ON COLUMN vbp.nrdl_version.published_on IS 'Publication date';
COMMENT ON COLUMN vbp.nrdl_version.effective_from IS 'First day in force';
COMMENT ON COLUMN vbp.nrdl_version.effective_to IS 'Last day in force (NULL: current)';
SELECT pg_catalog.pg_extension_config_dump('vbp.nrdl_version', '');

CREATE TABLE vbp.nrdl_item (
  version_id              int NOT NULL REFERENCES vbp.nrdl_version,
  group_code              vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  negotiated_price        numeric(18, 6) NOT NULL CHECK (negotiated_price > 0),
  separate_payment        boolean NOT NULL DEFAULT false,
  dual_channel            boolean NOT NULL DEFAULT false,
  patient_certification   boolean NOT NULL DEFAULT false,
  load_id                 bigint,
  PRIMARY KEY (version_id, group_code)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.nrdl_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.nrdl_item FOR SELECT USING (true);
COMMENT ON TABLE vbp.nrdl_item IS 'Negotiated drug (谈判药品) of a list version';
COMMENT ON COLUMN vbp.nrdl_item.version_id IS 'List version';
COMMENT ON COLUMN vbp.nrdl_item.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.nrdl_item.negotiated_price IS 'Negotiated payment price per smallest unit (谈判支付标准)';
COMMENT ON COLUMN vbp.nrdl_item.separate_payment IS 'Paid outside the institution''s total budget (单独支付)';
COMMENT ON COLUMN vbp.nrdl_item.dual_channel IS 'On the province''s dual-channel list (双通道)';
COMMENT ON COLUMN vbp.nrdl_item.patient_certification IS 'Dispensing requires patient certification (患者认定)';
COMMENT ON COLUMN vbp.nrdl_item.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.nrdl_item', '');

CREATE TABLE vbp.committee_meeting (
  org_code  vbp.orgcode NOT NULL REFERENCES vbp.institution,
  met_on    date NOT NULL,
  PRIMARY KEY (org_code, met_on)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.committee_meeting ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.committee_meeting FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.committee_meeting IS 'Meeting of an institution''s pharmacy and therapeutics committee (药事会)';
COMMENT ON COLUMN vbp.committee_meeting.org_code IS 'Institution';
COMMENT ON COLUMN vbp.committee_meeting.met_on IS 'Meeting date';
SELECT pg_catalog.pg_extension_config_dump('vbp.committee_meeting', '');

CREATE TABLE vbp.formulary_admission (
  org_code     vbp.orgcode NOT NULL REFERENCES vbp.institution,
  group_code   vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  admitted_on  date NOT NULL,
  temporary    boolean NOT NULL DEFAULT false,
  load_id      bigint,
  PRIMARY KEY (org_code, group_code, admitted_on)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.formulary_admission ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.formulary_admission FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.formulary_admission IS
  'Admission of a drug to an institution''s formulary (入院/配备), or a temporary purchase (临时采购)';
COMMENT ON COLUMN vbp.formulary_admission.org_code IS 'Institution';
COMMENT ON COLUMN vbp.formulary_admission.group_code IS 'Generic group admitted';
COMMENT ON COLUMN vbp.formulary_admission.admitted_on IS 'Date admitted';
COMMENT ON COLUMN vbp.formulary_admission.temporary IS 'Temporary purchase outside the formulary (临时采购)';
COMMENT ON COLUMN vbp.formulary_admission.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
SELECT pg_catalog.pg_extension_config_dump('vbp.formulary_admission', '');

CREATE TABLE vbp.prescription (
  prescription_id  text NOT NULL,
  org_code         vbp.orgcode NOT NULL REFERENCES vbp.institution,
  patient_id       text NOT NULL,
  group_code       vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  prescribed_on    date NOT NULL,
  quantity         bigint NOT NULL CHECK (quantity > 0),
  days_supply      int CHECK (days_supply > 0),
  -- a prescription number is the prescribing institution's: two institutions may
  -- use the same one, and Citus distributes the table by institution
  PRIMARY KEY (prescription_id, org_code)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.prescription ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.prescription FOR SELECT
  USING (vbp.tenant_sees(org_code));
CREATE INDEX prescription_patient ON vbp.prescription (patient_id, group_code);
COMMENT ON TABLE vbp.prescription IS
  'Prescription (处方), e.g. one circulated to a dual-channel pharmacy (处方流转): the prescribing institution, patient, drug, quantity in smallest units and days'' supply';
COMMENT ON COLUMN vbp.prescription.prescription_id IS 'Prescription number';
COMMENT ON COLUMN vbp.prescription.org_code IS 'Prescribing institution';
COMMENT ON COLUMN vbp.prescription.patient_id IS 'Pseudonymous patient identifier, as in vbp.dispensing';
COMMENT ON COLUMN vbp.prescription.group_code IS 'Drug prescribed (generic group)';
COMMENT ON COLUMN vbp.prescription.prescribed_on IS 'Date prescribed';
COMMENT ON COLUMN vbp.prescription.quantity IS 'Quantity prescribed, in smallest dosage units';
COMMENT ON COLUMN vbp.prescription.days_supply IS 'Days'' supply prescribed';
COMMENT ON INDEX vbp.prescription_patient IS 'Prescriptions by patient and drug';
SELECT pg_catalog.pg_extension_config_dump('vbp.prescription', '');

CREATE TABLE vbp.nrdl_applicability (
  version_id  int NOT NULL,
  group_code  vbp.drugcode NOT NULL,
  level       text NOT NULL CHECK (level IN ('tertiary', 'secondary', 'primary')),
  PRIMARY KEY (version_id, group_code, level),
  FOREIGN KEY (version_id, group_code) REFERENCES vbp.nrdl_item
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.nrdl_applicability ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.nrdl_applicability FOR SELECT USING (true);
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
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.dual_channel_list ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.dual_channel_list FOR SELECT USING (true);
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
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.platform_listing ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.platform_listing FOR SELECT USING (true);
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
-- row-level security: a tenant reads the certifications of patients its institutions served
ALTER TABLE vbp.patient_certification ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.patient_certification FOR SELECT USING (
    (SELECT pg_catalog.bool_or(s.scope = 'nation') FROM vbp.tenant_scope s
     WHERE vbp.scope_holder(s.member, s.member_name))
    OR patient_id IN (SELECT d.patient_id FROM vbp.dispensing d)
    OR patient_id IN (SELECT p.patient_id FROM vbp.prescription p));
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
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.institution_budget ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.institution_budget FOR SELECT
  USING (vbp.tenant_sees(org_code));
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
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.institution_month ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.institution_month FOR SELECT
  USING (vbp.tenant_sees(org_code));
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
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.drg_case ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.drg_case FOR SELECT
  USING (vbp.tenant_sees(org_code));
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


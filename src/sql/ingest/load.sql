\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Loading real exports (数据导入, doc/loading.md).  A CSV export is copied as
-- it comes into a staging table of text columns named by its own headers
-- (psql \copy, any encoding PostgreSQL converts: UTF-8, GBK, GB18030), then
-- vbp.load() maps the headers (vbp.load_header), translates enumerations
-- (vbp.load_value), parses every field with the soft parsers (vbp.parse_*),
-- checks every row in one pass, writes each bad row's problems to
-- vbp.load_reject with file, line, column, value and reason, and loads the
-- good rows by the source's natural key: a re-load changes nothing, a
-- corrected line replaces the old one (kept in vbp.load_superseded), and
-- vbp.undo_load() takes a whole load back.  Runs with the caller's rights.
-- =====================================================================

-- ---------------------------------------------------------------------
-- What can be loaded: targets and their fields (shipped, read-only)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.load_target (
  target       text PRIMARY KEY,
  table_name   regclass NOT NULL,
  key_columns  text[] NOT NULL,
  writer_may   boolean NOT NULL DEFAULT false,
  joins        text NOT NULL DEFAULT '',
  position     int NOT NULL UNIQUE,
  description  text NOT NULL
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.load_target ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.load_target FOR SELECT USING (true);
COMMENT ON TABLE vbp.load_target IS
  'What vbp.load can load (导入目标): the table, its natural key, whether a writer (vbp_writer) may load it for its own institutions, and the order to load in (position)';
COMMENT ON COLUMN vbp.load_target.target IS 'Target name, vbp.load''s first argument';
COMMENT ON COLUMN vbp.load_target.table_name IS 'Table written';
COMMENT ON COLUMN vbp.load_target.key_columns IS 'Natural key: a row with the same key is the same line (re-load: unchanged; other values: replaced)';
COMMENT ON COLUMN vbp.load_target.writer_may IS 'A member of vbp_writer may load it for the institutions its scope covers; other targets need the table owner';
COMMENT ON COLUMN vbp.load_target.joins IS 'Joins the target''s column expressions use (internal)';
COMMENT ON COLUMN vbp.load_target.position IS 'Load order: a target refers only to targets before it';
COMMENT ON COLUMN vbp.load_target.description IS 'What the export is';

CREATE TABLE vbp.load_field (
  target       text NOT NULL REFERENCES vbp.load_target,
  field        text NOT NULL,
  position     int NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('text', 'int', 'numeric', 'money', 'date', 'orgcode', 'drugcode',
                                             'tracecode', 'uscc', 'enum', 'list')),
  domain       text,
  required     boolean NOT NULL DEFAULT false,
  column_name  text,
  expr         text,
  description  text NOT NULL,
  PRIMARY KEY (target, field),
  CONSTRAINT load_field_enum_domain CHECK ((kind = 'enum') = (domain IS NOT NULL)),
  CONSTRAINT load_field_column_expr CHECK ((column_name IS NULL) = (expr IS NULL))
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.load_field ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.load_field FOR SELECT USING (true);
COMMENT ON TABLE vbp.load_field IS
  'Fields of a load target (导入字段): how each is parsed, whether the export must have it, and the table column it fills (column_name, from the expression expr over the parsed row r); the allowed headers are in vbp.load_header';
COMMENT ON COLUMN vbp.load_field.target IS 'Load target';
COMMENT ON COLUMN vbp.load_field.field IS 'Field name (also an accepted English header)';
COMMENT ON COLUMN vbp.load_field.position IS 'Order in documentation and in the parsed row';
COMMENT ON COLUMN vbp.load_field.kind IS 'Parser: text, int, numeric, money, date, a vbp code type, enum (through vbp.load_value) or list';
COMMENT ON COLUMN vbp.load_field.domain IS 'For enum: the vbp.load_value domain';
COMMENT ON COLUMN vbp.load_field.required IS 'Every row must give it (a missing column refuses the load; an empty cell rejects the row)';
COMMENT ON COLUMN vbp.load_field.column_name IS 'Table column the expression fills; NULL for an input only used by other expressions';
COMMENT ON COLUMN vbp.load_field.expr IS 'SQL expression over the parsed row r (and the target''s joins) giving the column''s value (internal)';
COMMENT ON COLUMN vbp.load_field.description IS 'Meaning, unit and Chinese term';

CREATE TABLE vbp.load_check (
  target   text NOT NULL REFERENCES vbp.load_target,
  position int NOT NULL,
  field    text,
  ok       text NOT NULL,
  reason   text NOT NULL,
  sqlstate text CHECK (sqlstate ~ '^[0-9A-Z]{5}$'),
  PRIMARY KEY (target, position)
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.load_check ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.load_check FOR SELECT USING (true);
COMMENT ON TABLE vbp.load_check IS
  'Row checks of a load target (导入校验) beyond each field''s own parse: references, signs, date order; ok is an SQL condition over the parsed row r that is true or NULL for a good row';
COMMENT ON COLUMN vbp.load_check.target IS 'Load target';
COMMENT ON COLUMN vbp.load_check.position IS 'Order';
COMMENT ON COLUMN vbp.load_check.field IS 'Field the reject names (NULL: the row)';
COMMENT ON COLUMN vbp.load_check.ok IS 'Condition a good row meets (false rejects it)';
COMMENT ON COLUMN vbp.load_check.reason IS 'SQL text expression giving the reason';
COMMENT ON COLUMN vbp.load_check.sqlstate IS 'SQLSTATE of the reject (错误代码); NULL: 23503 when the reason says a value is not in a table, 22001 for a key''s length, else 23514';

-- ---------------------------------------------------------------------
-- Header map and enumeration translations (users add rows)
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.load_header_key(header text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.translate(pg_catalog.lower(pg_catalog.regexp_replace(header, '[\s\u3000\ufeff*＊:：_]+', '', 'g')),
                            '（）【】［］', '()[][]');
COMMENT ON FUNCTION vbp.load_header_key(text) IS
  'Normal form of an export''s column header (表头) for matching: lower case, without white space (also U+3000), byte-order mark, asterisks, colons and underscores, full-width brackets as ASCII';

CREATE FUNCTION vbp.load_sentence(reason text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.upper(pg_catalog.left(reason, 1)) OPERATOR(pg_catalog.||) pg_catalog.substr(reason, 2)
       OPERATOR(pg_catalog.||) CASE WHEN pg_catalog.right(reason, 1) OPERATOR(pg_catalog.=) '.' THEN '' ELSE '.' END;
COMMENT ON FUNCTION vbp.load_sentence(text) IS 'A reject reason as a sentence: capital first letter, full stop at the end';

CREATE TABLE vbp.load_header (
  target   text NOT NULL REFERENCES vbp.load_target,
  field    text NOT NULL,
  header   text NOT NULL,
  shipped  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (target, header),
  FOREIGN KEY (target, field) REFERENCES vbp.load_field,
  CONSTRAINT load_header_normal CHECK (header = vbp.load_header_key(header))
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.load_header ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.load_header FOR SELECT USING (true);
COMMENT ON TABLE vbp.load_header IS
  'Header map (表头映射): a column header an export may use for a field, in normal form (vbp.load_header_key); add a row for your platform''s header, e.g. INSERT INTO vbp.load_header VALUES (''purchase'', ''order_no'', vbp.load_header_key(''采购单号''))';
COMMENT ON COLUMN vbp.load_header.target IS 'Load target';
COMMENT ON COLUMN vbp.load_header.field IS 'Field the header means';
COMMENT ON COLUMN vbp.load_header.header IS 'Header in normal form';
COMMENT ON COLUMN vbp.load_header.shipped IS 'Shipped with vbp (re-created by CREATE EXTENSION, so pg_dump saves only the rows a user added)';
SELECT pg_catalog.pg_extension_config_dump('vbp.load_header', 'WHERE NOT shipped');

CREATE TABLE vbp.load_value (
  domain   text NOT NULL,
  raw      text NOT NULL,
  value    text NOT NULL,
  shipped  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (domain, raw),
  CONSTRAINT load_value_normal CHECK (raw = pg_catalog.lower(pg_catalog.btrim(raw)))
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.load_value ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.load_value FOR SELECT USING (true);
COMMENT ON TABLE vbp.load_value IS
  'Enumeration translations (枚举值映射): the value vbp stores for a value an export writes (是 -> true, 三级 -> tertiary, 医院 -> hospital); raw in lower case without surrounding spaces; add rows for your platform''s spellings';
COMMENT ON COLUMN vbp.load_value.domain IS 'Enumeration: boolean, level, channel, selected, batch_kind, unit, purchase_line, dispensing_line, volume_basis';
COMMENT ON COLUMN vbp.load_value.raw IS 'Value as exported, lower case, trimmed';
COMMENT ON COLUMN vbp.load_value.value IS 'Value vbp stores';
COMMENT ON COLUMN vbp.load_value.shipped IS 'Shipped with vbp';
SELECT pg_catalog.pg_extension_config_dump('vbp.load_value', 'WHERE NOT shipped');

-- ---------------------------------------------------------------------
-- Loads, rejects and superseded rows (bookkeeping; a caller sees its own)
-- ---------------------------------------------------------------------
CREATE TABLE vbp.load (
  load_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target      text NOT NULL REFERENCES vbp.load_target,
  source      text NOT NULL,
  mode        text NOT NULL CHECK (mode IN ('good_rows', 'all_or_nothing')),
  status      text NOT NULL CHECK (status IN ('loading', 'loaded', 'refused', 'undone')),
  loaded_by   name NOT NULL DEFAULT current_user,
  loaded_at   timestamptz NOT NULL DEFAULT now(),
  rows_read   bigint NOT NULL DEFAULT 0,
  inserted    bigint NOT NULL DEFAULT 0,
  replaced    bigint NOT NULL DEFAULT 0,
  unchanged   bigint NOT NULL DEFAULT 0,
  rejected    bigint NOT NULL DEFAULT 0,
  undone_at   timestamptz,
  CONSTRAINT load_undone_at CHECK ((status = 'undone') = (undone_at IS NOT NULL))
);
-- row-level security: a caller reads and changes its own loads
ALTER TABLE vbp.load ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_loads ON vbp.load USING (loaded_by = current_user) WITH CHECK (loaded_by = current_user);
COMMENT ON TABLE vbp.load IS
  'A load of an export (导入批次): target, file, who and when, rows read, inserted, replaced (a corrected line), unchanged (already loaded) and rejected; refused when all_or_nothing met a bad row; undone by vbp.undo_load';
COMMENT ON COLUMN vbp.load.load_id IS 'Identifier; the rows written carry it (load_id)';
COMMENT ON COLUMN vbp.load.target IS 'Load target';
COMMENT ON COLUMN vbp.load.source IS 'File name (or other description) as the caller gave it';
COMMENT ON COLUMN vbp.load.mode IS 'good_rows: the good rows load and the bad go to vbp.load_reject; all_or_nothing: one bad row refuses the load';
COMMENT ON COLUMN vbp.load.status IS 'loaded, refused (all_or_nothing and bad rows: nothing written) or undone';
COMMENT ON COLUMN vbp.load.loaded_by IS 'Role that loaded';
COMMENT ON COLUMN vbp.load.loaded_at IS 'Transaction time';
COMMENT ON COLUMN vbp.load.rows_read IS 'Data rows in the staging table (the header is not a row)';
COMMENT ON COLUMN vbp.load.inserted IS 'Rows new to vbp';
COMMENT ON COLUMN vbp.load.replaced IS 'Rows that replaced an earlier row with the same natural key and other values (the earlier row is in vbp.load_superseded)';
COMMENT ON COLUMN vbp.load.unchanged IS 'Rows already in vbp with the same values (a re-load)';
COMMENT ON COLUMN vbp.load.rejected IS 'Rows rejected (vbp.load_reject holds each problem)';
COMMENT ON COLUMN vbp.load.undone_at IS 'When vbp.undo_load took the load back';

-- Whether a load is the caller's own (and, given a target, still running with it):
-- what the policies below ask before a caller adds rejects or superseded rows to a
-- load.  A function, not a subquery in the policy: Citus takes no subquery in a
-- policy of a distributed or reference table.
CREATE FUNCTION vbp.own_load(load_id bigint, target text) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RETURN EXISTS (SELECT FROM vbp.load l
                 WHERE l.load_id = own_load.load_id AND l.loaded_by = current_user
                   AND (own_load.target IS NULL OR (l.status = 'loading' AND l.target = own_load.target)));
END $$;
COMMENT ON FUNCTION vbp.own_load(bigint, text) IS
  'Whether a load (导入批次) is the caller''s own, read with the caller''s rights; given a target, whether it is still loading that target: the policies of vbp.load_reject and vbp.load_superseded ask it';

CREATE TABLE vbp.load_reject (
  load_id      bigint REFERENCES vbp.load ON DELETE CASCADE,
  source       text NOT NULL,
  line         bigint,
  source_key   text,
  field        text,
  column_name  text,
  value        text,
  reason       text NOT NULL,
  sqlstate     text,
  rejected_by  name NOT NULL DEFAULT current_user,
  rejected_at  timestamptz NOT NULL DEFAULT now()
);
-- row-level security: a caller reads and writes its own rejects
ALTER TABLE vbp.load_reject ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rejects ON vbp.load_reject USING (rejected_by = current_user)
  WITH CHECK (rejected_by = current_user AND (load_id IS NULL OR vbp.own_load(load_id, NULL)));
CREATE INDEX load_reject_load ON vbp.load_reject (load_id, line);
COMMENT ON TABLE vbp.load_reject IS
  'Rejected lines (错误行): each problem of a bad line of a load (file, line, column, value, reason), or a row a capture trigger in quarantine mode let the hospital''s transaction keep (source the table, source_key its key); nothing bad vanishes';
COMMENT ON COLUMN vbp.load_reject.load_id IS 'The load; NULL for a capture trigger''s quarantine';
COMMENT ON COLUMN vbp.load_reject.source IS 'File of the load, or the captured table';
COMMENT ON COLUMN vbp.load_reject.line IS 'Line in the file (the header is line 1; a field with a line break inside quotes counts as one line)';
COMMENT ON COLUMN vbp.load_reject.source_key IS 'The captured row''s key, or the line''s natural key';
COMMENT ON COLUMN vbp.load_reject.field IS 'vbp field with the problem; NULL when the problem is the row';
COMMENT ON COLUMN vbp.load_reject.column_name IS 'The export''s header of that column';
COMMENT ON COLUMN vbp.load_reject.value IS 'The value as exported';
COMMENT ON COLUMN vbp.load_reject.reason IS 'Why, as a sentence';
COMMENT ON COLUMN vbp.load_reject.sqlstate IS 'SQLSTATE of the error the row would have raised, where there is one';
COMMENT ON COLUMN vbp.load_reject.rejected_by IS 'Role that loaded or captured';
COMMENT ON COLUMN vbp.load_reject.rejected_at IS 'Transaction time';
COMMENT ON INDEX vbp.load_reject_load IS 'Rejects by load and line';
SELECT pg_catalog.pg_extension_config_dump('vbp.load', '');
COMMENT ON SEQUENCE vbp.load_load_id_seq IS 'Identifiers of loads (导入批次编号)';
SELECT pg_catalog.pg_extension_config_dump('vbp.load_load_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.load_reject', '');

CREATE TABLE vbp.load_superseded (
  load_id     bigint NOT NULL REFERENCES vbp.load ON DELETE CASCADE,
  target      text NOT NULL,
  old_row     jsonb NOT NULL,
  loaded_by   name NOT NULL DEFAULT current_user
);
-- row-level security: a caller reads and writes what its own loads replaced
ALTER TABLE vbp.load_superseded ENABLE ROW LEVEL SECURITY;
-- what a caller adds: only to a load of its own still running, of the same target,
-- and only rows of an institution it may write (vbp.undo_load puts them back, and
-- the owner's undo does so with the owner's rights)
CREATE POLICY own_superseded ON vbp.load_superseded USING (loaded_by = current_user)
  WITH CHECK (loaded_by = current_user AND vbp.own_load(load_id, target)
              AND (NOT old_row ? 'org_code' OR vbp.may_write((old_row ->> 'org_code')::vbp.orgcode)));
CREATE INDEX load_superseded_load ON vbp.load_superseded (load_id);
COMMENT ON TABLE vbp.load_superseded IS
  'Rows a load replaced (被替换的行): the earlier row of a corrected line as it was, so vbp.undo_load can put it back';
COMMENT ON COLUMN vbp.load_superseded.load_id IS 'The load that replaced it';
COMMENT ON COLUMN vbp.load_superseded.target IS 'Load target';
COMMENT ON COLUMN vbp.load_superseded.old_row IS 'The row as it was (to_jsonb)';
COMMENT ON COLUMN vbp.load_superseded.loaded_by IS 'Role of the load';
COMMENT ON INDEX vbp.load_superseded_load IS 'Superseded rows by load';
SELECT pg_catalog.pg_extension_config_dump('vbp.load_superseded', '');

-- ---------------------------------------------------------------------
-- Targets, fields, checks, headers and values shipped with vbp
-- ---------------------------------------------------------------------
INSERT INTO vbp.load_target (target, table_name, key_columns, writer_may, joins, position, description) VALUES
  ('institution', 'vbp.institution', '{org_code}', false, '', 1,
   'Institutions and pharmacies (定点医药机构名单)'),
  ('product', 'vbp.product', '{product_code}', false, '', 2,
   'Products with their generic groups (药品目录/产品清单); a group not yet known is created from the row''s generic name'),
  ('batch', 'vbp.batch', '{batch_id}', false, '', 3,
   'Procurement batches (集采批次)'),
  ('selection', 'vbp.selection', '{batch_id,product_code}', false, '', 4,
   'Selection results of a batch (中选结果): one row per product bid, selected or not'),
  ('volume_report', 'vbp.volume_report', '{batch_id,org_code,group_code,cycle_year}', false, '', 5,
   'Volume reports (报量): baseline use and reported volume per institution, generic group and cycle year'),
  ('nrdl_item', 'vbp.nrdl_item', '{version_id,group_code}', false, '', 6,
   'Negotiated drugs of a list version (谈判药品目录)'),
  ('formulary_admission', 'vbp.formulary_admission', '{org_code,group_code,admitted_on}', false, '', 7,
   'Formulary admissions (药品配备/入院) and temporary purchases'),
  ('purchase', 'vbp.purchase', '{org_code,order_no,line_no}', true,
   'LEFT JOIN vbp.product p ON p.product_code OPERATOR(vbp.=) r.product_code', 8,
   'Purchase order lines of the procurement platform (采购订单明细) with acceptance and payment dates; returns (退货) as negative lines'),
  ('dispensing', 'vbp.dispensing', '{org_code,line_id}', true,
   'LEFT JOIN vbp.product p ON p.product_code OPERATOR(vbp.=) r.product_code LEFT JOIN vbp.institution i ON i.org_code OPERATOR(vbp.=) r.org_code', 9,
   'Dispensing and settlement lines (发药/结算明细) with traceability codes; refunds (退药) as negative lines'),
  ('province_agreement', 'vbp.province_agreement', '{batch_id,province,group_code,cycle_year}', false, '', 10,
   'Province-level agreed volumes (省级约定采购量) of a batch, allocated to the province''s institutions'),
  ('product_volume_report', 'vbp.product_volume_report', '{batch_id,org_code,group_code,cycle_year,product_code}', false,
   'LEFT JOIN vbp.product p ON p.product_code OPERATOR(vbp.=) r.product_code', 11,
   'Brand-level volume reports (按厂牌报量): the volume per selected product, in a batch reporting per product'),
  ('order_event', 'vbp.order_event', '{org_code,order_no,line_no,event,event_no}', false, '', 12,
   'Order execution of the procurement platform (订单执行/配送记录): the company''s responses, deliveries (a negative quantity sends goods back) and cancellations of each order line');

INSERT INTO vbp.load_field (target, field, position, kind, domain, required, column_name, expr, description) VALUES
  ('institution', 'org_code', 1, 'orgcode', NULL, true, 'org_code', 'r.org_code', 'Institution code (定点医药机构编码)'),
  ('institution', 'name', 2, 'text', NULL, true, 'name', 'r.name', 'Name (机构名称)'),
  ('institution', 'level', 3, 'enum', 'level', true, 'level', 'r.level', 'Level (医院等级): 三级, 二级, 一级/基层, 药店'),
  ('institution', 'division', 4, 'text', NULL, false, 'division',
   'coalesce(r.division, (SELECT d.code FROM vbp.division d WHERE d.code IN (vbp.division(r.org_code), vbp.city(r.org_code), vbp.province(r.org_code)) ORDER BY length(d.code) DESC LIMIT 1))',
   'Division code (行政区划代码); default the most precise division of the code that vbp.division has'),
  ('institution', 'dual_channel', 5, 'enum', 'boolean', false, 'dual_channel',
   'coalesce(r.dual_channel::boolean, r.dual_channel_since IS NOT NULL)', 'Dual-channel pharmacy (双通道药店): 是/否'),
  ('institution', 'dual_channel_since', 6, 'date', NULL, false, 'dual_channel_since', 'r.dual_channel_since', 'Date qualified for the dual channel'),
  ('institution', 'public', 7, 'enum', 'boolean', false, 'public', 'coalesce(r.public::boolean, true)', 'Public institution (公立): 是/否; default 是'),

  ('product', 'product_code', 1, 'drugcode', NULL, true, 'product_code', 'r.product_code', 'Drug code (医保药品代码), full length'),
  ('product', 'group_code', 2, 'drugcode', NULL, false, 'group_code', 'vbp.generic_group(r.product_code)', 'Generic group (taken from the drug code; a given value must agree)'),
  ('product', 'generic_name', 3, 'text', NULL, false, NULL, NULL, 'Generic name (通用名); needed when the group is new'),
  ('product', 'dosage_form', 4, 'text', NULL, false, NULL, NULL, 'Dosage form (剂型), for a new group'),
  ('product', 'company', 5, 'uscc', NULL, false, 'company', 'r.company', 'Company''s unified social credit code (统一社会信用代码)'),
  ('product', 'company_name', 6, 'text', NULL, false, 'company_name', 'r.company_name', 'Company name (生产企业)'),
  ('product', 'units_per_pack', 7, 'int', NULL, false, 'units_per_pack', 'coalesce(r.units_per_pack, 1)', 'Smallest units per pack (包装数量/转换比); default 1'),
  ('product', 'consistency_evaluated', 8, 'enum', 'boolean', false, 'consistency_evaluated', 'coalesce(r.consistency_evaluated::boolean, false)', 'Passed consistency evaluation (过评): 是/否'),
  ('product', 'originator', 9, 'enum', 'boolean', false, 'originator', 'coalesce(r.originator::boolean, false)', 'Originator brand (原研): 是/否'),
  ('product', 'essential', 10, 'enum', 'boolean', false, NULL, NULL, 'Essential medicine (基本药物), for a new group'),
  ('product', 'anti_infective', 11, 'enum', 'boolean', false, NULL, NULL, 'Special anti-infective (抗菌药物), for a new group'),

  ('batch', 'batch_id', 1, 'int', NULL, true, 'batch_id', 'r.batch_id::int', 'Batch number (批次)'),
  ('batch', 'name', 2, 'text', NULL, true, 'name', 'r.name', 'Name (批次名称)'),
  ('batch', 'kind', 3, 'enum', 'batch_kind', false, 'kind', 'coalesce(r.kind, ''national'')', 'national (国家), alliance (联盟) or provincial (省级); default national'),
  ('batch', 'province', 4, 'text', NULL, false, 'province', 'r.province', 'Province code of a provincial batch'),
  ('batch', 'announced_on', 5, 'date', NULL, false, 'announced_on', 'r.announced_on', 'Results announced (公布日期)'),
  ('batch', 'cycle_start', 6, 'date', NULL, true, 'cycle_start', 'r.cycle_start', 'Start of the agreement cycle (执行日期)'),
  ('batch', 'ratio_rule_set', 7, 'text', NULL, true, 'ratio_rule_set', 'r.ratio_rule_set', 'Agreed-ratio rule set (vbp.agreed_ratio_rule), e.g. batch7'),
  ('batch', 'volume_basis', 8, 'enum', 'volume_basis', false, 'volume_basis', 'coalesce(r.volume_basis, ''group'')', 'How volumes are reported: 按品种 (group, default) or 按厂牌 (product)'),

  ('selection', 'batch_id', 1, 'int', NULL, true, 'batch_id', 'r.batch_id::int', 'Batch number (批次)'),
  ('selection', 'product_code', 2, 'drugcode', NULL, true, 'product_code', 'r.product_code', 'Drug code (医保药品代码)'),
  ('selection', 'selected', 3, 'enum', 'selected', true, 'selected', 'r.selected::boolean', 'Selected (中选/未中选)'),
  ('selection', 'reference_price', 4, 'numeric', NULL, true, 'reference_price', 'r.reference_price', 'Pre-procurement price per smallest unit (集采前价格), yuan'),
  ('selection', 'ceiling_price', 5, 'numeric', NULL, false, 'ceiling_price', 'r.ceiling_price', 'Bid ceiling per smallest unit (最高有效申报价), yuan'),
  ('selection', 'selected_price', 6, 'numeric', NULL, false, 'selected_price', 'r.selected_price', 'Winning price per smallest unit (中选价), yuan'),
  ('selection', 'winners', 7, 'int', NULL, true, 'winners', 'r.winners::int', 'Winning companies of the generic group (中选企业数)'),
  ('selection', 'supply_provinces', 8, 'list', NULL, false, 'supply_provinces', 'r.supply_provinces', 'Province codes supplied (供应省份), separated by 、 , ; or spaces; empty = all'),
  ('selection', 'pre_volume', 9, 'int', NULL, false, 'pre_volume', 'r.pre_volume', 'Pre-procurement volume (集采前采购量), smallest units: the weight of the reference price in the budget''s weighted price'),

  ('volume_report', 'batch_id', 1, 'int', NULL, true, 'batch_id', 'r.batch_id::int', 'Batch number (批次)'),
  ('volume_report', 'org_code', 2, 'orgcode', NULL, true, 'org_code', 'r.org_code', 'Institution code'),
  ('volume_report', 'group_code', 3, 'drugcode', NULL, true, 'group_code', 'vbp.generic_group(r.group_code)', 'Generic group code, or a full drug code of the group'),
  ('volume_report', 'baseline_volume', 4, 'int', NULL, true, 'baseline_volume', 'r.baseline_volume', 'Use in the reference period, smallest units (历史使用量)'),
  ('volume_report', 'reported_volume', 5, 'int', NULL, false, 'reported_volume', 'r.reported_volume', 'Reported volume, smallest units (报送量); empty = not reported (未报量)'),
  ('volume_report', 'signed_off', 6, 'enum', 'boolean', false, 'signed_off', 'coalesce(r.signed_off::boolean, false)', 'Signed off by the leadership (领导审核): 是/否'),
  ('volume_report', 'reported_on', 7, 'date', NULL, false, 'reported_on', 'r.reported_on', 'Report date (报量日期); required with a reported volume'),
  ('volume_report', 'cycle_year', 8, 'int', NULL, false, 'cycle_year', 'coalesce(r.cycle_year, 1)::int', 'Year of the agreement cycle (协议年度): 1 (default) for the report before the batch, 2 or 3 for a yearly reset'),

  ('province_agreement', 'batch_id', 1, 'int', NULL, true, 'batch_id', 'r.batch_id::int', 'Batch number (批次)'),
  ('province_agreement', 'province', 2, 'text', NULL, true, 'province',
   'coalesce((SELECT d.code FROM vbp.division d WHERE d.level = ''province'' AND d.name = btrim(r.province)), btrim(r.province))',
   'Province: its 2-digit code or its name (广东省)'),
  ('province_agreement', 'group_code', 3, 'drugcode', NULL, true, 'group_code', 'vbp.generic_group(r.group_code)', 'Generic group code, or a full drug code of the group'),
  ('province_agreement', 'agreed_volume', 4, 'int', NULL, true, 'agreed_volume', 'r.agreed_volume', 'The province''s agreed volume, smallest units (约定采购量)'),
  ('province_agreement', 'cycle_year', 5, 'int', NULL, false, 'cycle_year', 'coalesce(r.cycle_year, 1)::int', 'Year of the agreement cycle (协议年度), 1 when empty'),
  ('province_agreement', 'source', 6, 'text', NULL, false, 'source', 'r.source', 'Where the figure comes from (来源)'),

  ('product_volume_report', 'batch_id', 1, 'int', NULL, true, 'batch_id', 'r.batch_id::int', 'Batch number (批次)'),
  ('product_volume_report', 'org_code', 2, 'orgcode', NULL, true, 'org_code', 'r.org_code', 'Institution code'),
  ('product_volume_report', 'product_code', 3, 'drugcode', NULL, true, 'product_code', 'r.product_code', 'Drug code of the selected product (医保药品代码)'),
  ('product_volume_report', 'group_code', 4, 'drugcode', NULL, false, 'group_code', 'coalesce(vbp.generic_group(r.group_code), p.group_code)', 'Generic group; from the product when empty'),
  ('product_volume_report', 'reported_volume', 5, 'int', NULL, true, 'reported_volume', 'r.reported_volume', 'Reported volume of the product, smallest units (报送量)'),
  ('product_volume_report', 'reported_on', 6, 'date', NULL, true, 'reported_on', 'r.reported_on', 'Report date (报量日期)'),
  ('product_volume_report', 'cycle_year', 7, 'int', NULL, false, 'cycle_year', 'coalesce(r.cycle_year, 1)::int', 'Year of the agreement cycle (协议年度), 1 when empty'),

  ('nrdl_item', 'version_id', 1, 'int', NULL, true, 'version_id', 'r.version_id::int', 'List version (目录版本)'),
  ('nrdl_item', 'group_code', 2, 'drugcode', NULL, true, 'group_code', 'vbp.generic_group(r.group_code)', 'Generic group code, or a full drug code of the group'),
  ('nrdl_item', 'negotiated_price', 3, 'numeric', NULL, true, 'negotiated_price', 'r.negotiated_price', 'Negotiated payment price per smallest unit (支付标准), yuan'),
  ('nrdl_item', 'separate_payment', 4, 'enum', 'boolean', false, 'separate_payment', 'coalesce(r.separate_payment::boolean, false)', 'Paid separately (单独支付): 是/否'),
  ('nrdl_item', 'dual_channel', 5, 'enum', 'boolean', false, 'dual_channel', 'coalesce(r.dual_channel::boolean, false)', 'On the dual-channel list (双通道): 是/否'),
  ('nrdl_item', 'patient_certification', 6, 'enum', 'boolean', false, 'patient_certification', 'coalesce(r.patient_certification::boolean, false)', 'Needs patient certification (患者认定): 是/否'),

  ('formulary_admission', 'org_code', 1, 'orgcode', NULL, true, 'org_code', 'r.org_code', 'Institution code'),
  ('formulary_admission', 'group_code', 2, 'drugcode', NULL, true, 'group_code', 'vbp.generic_group(r.group_code)', 'Generic group code, or a full drug code of the group'),
  ('formulary_admission', 'admitted_on', 3, 'date', NULL, true, 'admitted_on', 'r.admitted_on', 'Date admitted (配备日期)'),
  ('formulary_admission', 'temporary', 4, 'enum', 'boolean', false, 'temporary', 'coalesce(r.temporary::boolean, false)', 'Temporary purchase (临时采购): 是/否'),

  ('purchase', 'org_code', 1, 'orgcode', NULL, true, 'org_code', 'r.org_code', 'Buying institution (医疗机构编码)'),
  ('purchase', 'order_no', 2, 'text', NULL, true, 'order_no', 'r.order_no', 'Platform order number (订单编号)'),
  ('purchase', 'line_no', 3, 'text', NULL, false, 'line_no', 'coalesce(r.line_no, '''')', 'Order line (订单明细号); empty when one line per order'),
  ('purchase', 'product_code', 4, 'drugcode', NULL, true, 'product_code', 'r.product_code', 'Drug code (医保药品代码)'),
  ('purchase', 'purchased_on', 5, 'date', NULL, true, 'purchased_on', 'r.purchased_on', 'Order date (采购日期/下单时间)'),
  ('purchase', 'quantity', 6, 'int', NULL, false, 'quantity',
   'CASE WHEN r.line_type = ''return'' THEN -abs(coalesce(r.quantity * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END, r.quantity_packs * p.units_per_pack)) ELSE coalesce(r.quantity * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END, r.quantity_packs * p.units_per_pack) END',
   'Quantity (数量) in the unit of the unit column, else in smallest units (最小制剂单位)'),
  ('purchase', 'quantity_packs', 7, 'int', NULL, false, NULL, NULL, 'Quantity in packs (数量(盒)), converted with the product''s units per pack'),
  ('purchase', 'unit', 8, 'enum', 'unit', false, NULL, NULL, 'Unit of the quantity (单位): 盒/瓶/包 … = pack, 片/粒/支 … = smallest unit'),
  ('purchase', 'amount', 9, 'money', NULL, true, 'amount',
   'CASE WHEN r.line_type = ''return'' THEN ''0''::vbp.cny OPERATOR(vbp.-) vbp.abs(r.amount) ELSE r.amount END',
   'Amount (金额), yuan; ¥ and thousands separators allowed'),
  ('purchase', 'accepted_on', 10, 'date', NULL, false, 'accepted_on', 'r.accepted_on', 'Delivery accepted (验收/入库日期)'),
  ('purchase', 'paid_on', 11, 'date', NULL, false, 'paid_on', 'r.paid_on', 'Paid to the supplier (回款/支付日期)'),
  ('purchase', 'line_type', 12, 'enum', 'purchase_line', false, NULL, NULL, 'Line type (类型): 采购 = order, 退货/冲销/冲红 = return (a positive quantity is made negative)'),
  ('purchase', 'return_of_order', 13, 'text', NULL, false, 'return_of_order', 'r.return_of_order', 'For a return: the original order number (原订单编号)'),
  ('purchase', 'return_of_line', 14, 'text', NULL, false, 'return_of_line',
   'CASE WHEN r.return_of_order IS NOT NULL THEN coalesce(r.return_of_line, '''') END', 'For a return: the original order line (原订单明细号)'),

  ('dispensing', 'org_code', 1, 'orgcode', NULL, true, 'org_code', 'r.org_code', 'Dispensing institution or pharmacy'),
  ('dispensing', 'line_id', 2, 'text', NULL, true, 'line_id', 'r.line_id', 'Settlement or prescription line id (结算明细ID)'),
  ('dispensing', 'product_code', 3, 'drugcode', NULL, true, 'product_code', 'r.product_code', 'Drug code (医保药品代码)'),
  ('dispensing', 'dispensed_on', 4, 'date', NULL, true, 'dispensed_on', 'r.dispensed_on', 'Dispensing or settlement date (结算日期)'),
  ('dispensing', 'quantity', 5, 'int', NULL, false, 'quantity',
   'CASE WHEN r.line_type = ''refund'' THEN -abs(coalesce(r.quantity * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END, r.quantity_packs * p.units_per_pack)) ELSE coalesce(r.quantity * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END, r.quantity_packs * p.units_per_pack) END',
   'Quantity (数量) in the unit of the unit column, else in smallest units'),
  ('dispensing', 'quantity_packs', 6, 'int', NULL, false, NULL, NULL, 'Quantity in packs (数量(盒))'),
  ('dispensing', 'unit', 7, 'enum', 'unit', false, NULL, NULL, 'Unit of the quantity (单位)'),
  ('dispensing', 'amount', 8, 'money', NULL, true, 'amount',
   'CASE WHEN r.line_type = ''refund'' THEN ''0''::vbp.cny OPERATOR(vbp.-) vbp.abs(r.amount) ELSE r.amount END', 'Total amount (金额/费用), yuan'),
  ('dispensing', 'fund_paid', 9, 'money', NULL, true, 'fund_paid',
   'CASE WHEN r.line_type = ''refund'' THEN ''0''::vbp.cny OPERATOR(vbp.-) vbp.abs(r.fund_paid) ELSE r.fund_paid END', 'Paid by the fund (统筹支付), yuan'),
  ('dispensing', 'patient_id', 10, 'text', NULL, true, 'patient_id', 'r.patient_id', 'Pseudonymous patient id (患者标识)'),
  ('dispensing', 'trace_code', 11, 'tracecode', NULL, false, 'trace_code', 'r.trace_code', 'Traceability code (追溯码), 20 digits or GS1 (01) GTIN + (21) serial'),
  ('dispensing', 'channel', 12, 'enum', 'channel', false, 'channel',
   'coalesce(r.channel, CASE i.level WHEN ''pharmacy'' THEN ''pharmacy'' ELSE ''hospital'' END)', 'Channel (渠道): 医院 = hospital, 药店/双通道药店 = pharmacy; default from the institution'),
  ('dispensing', 'drg_group', 13, 'text', NULL, false, 'drg_group', 'r.drg_group', 'DRG group (DRG分组)'),
  ('dispensing', 'days_supply', 14, 'int', NULL, false, 'days_supply', 'r.days_supply::int', 'Days supplied (用药天数)'),
  ('dispensing', 'prescription_id', 15, 'text', NULL, false, 'prescription_id', 'r.prescription_id', 'Prescription (处方号)'),
  ('dispensing', 'line_type', 16, 'enum', 'dispensing_line', false, NULL, NULL, 'Line type (类型): 发药/结算 = sale, 退药/退费/冲销 = refund'),
  ('dispensing', 'refund_of', 17, 'text', NULL, false, 'refund_of', 'r.refund_of', 'For a refund: the line id of the sale refunded (原结算明细ID)'),

  ('order_event', 'org_code', 1, 'orgcode', NULL, true, 'org_code', 'r.org_code', 'Ordering institution (医疗机构编码)'),
  ('order_event', 'order_no', 2, 'text', NULL, true, 'order_no', 'r.order_no', 'Platform order number (订单编号) of the purchase line'),
  ('order_event', 'line_no', 3, 'text', NULL, false, 'line_no', 'coalesce(r.line_no, '''')', 'Order line (订单明细号); empty when one line per order'),
  ('order_event', 'event', 4, 'enum', 'order_event', true, 'event', 'r.event', 'Event (事件): 确认, 部分确认, 拒绝, 配送/送达, 取消/撤单'),
  ('order_event', 'event_no', 5, 'text', NULL, false, 'event_no', 'coalesce(r.event_no, ''1'')', 'Delivery note or event number (配送单号); 1 when empty'),
  ('order_event', 'happened_on', 6, 'date', NULL, true, 'happened_on', 'r.happened_on', 'Day of the event (日期)'),
  ('order_event', 'quantity', 7, 'int', NULL, false, 'quantity', 'r.quantity', 'Quantity in smallest units (数量): confirmed, delivered (negative = sent back) or cancelled');

-- Row checks.  ok is true or NULL for a good row; reason an SQL text expression.
INSERT INTO vbp.load_check (target, position, field, ok, reason) VALUES
  ('institution', 1, 'level', 'r.org_code IS NULL OR r.level IS NULL OR (r.level = ''pharmacy'') = (vbp.kind(r.org_code) = ''P'')',
   '''level '' || r.level || '' does not fit code '' || r.org_code || '': P codes are pharmacies, H codes medical institutions'''),
  ('institution', 2, 'division', 'r.division IS NULL OR r.division IN (SELECT d.code FROM vbp.division d)',
   '''division '' || r.division || '' is not in vbp.division'''),
  ('institution', 3, 'division', 'r.org_code IS NULL OR r.division IS NULL OR r.division IN (vbp.division(r.org_code), vbp.city(r.org_code), vbp.province(r.org_code))',
   '''division '' || r.division || '' is not the county, city or province of code '' || r.org_code'),
  ('institution', 4, 'division', 'r.org_code IS NULL OR r.division IS NOT NULL OR EXISTS (SELECT 1 FROM vbp.division d WHERE d.code IN (vbp.division(r.org_code), vbp.city(r.org_code), vbp.province(r.org_code)))',
   '''no division of code '' || r.org_code || '' is in vbp.division'''),
  ('institution', 5, 'dual_channel', 'NOT coalesce(r.dual_channel::boolean OR r.dual_channel_since IS NOT NULL, false) OR r.level IS NULL OR r.level = ''pharmacy''',
   '''only a pharmacy can be a dual-channel pharmacy'''),
  ('institution', 6, 'dual_channel_since', 'r.dual_channel_since IS NULL OR r.dual_channel IS NULL OR r.dual_channel::boolean',
   '''a qualification date is given but the pharmacy is marked as not dual-channel'''),

  ('product', 1, 'group_code', 'r.group_code IS NULL OR r.product_code IS NULL OR r.group_code OPERATOR(vbp.=) vbp.generic_group(r.product_code)',
   '''group '' || r.group_code || '' is not the generic group of drug code '' || r.product_code'),
  ('product', 2, 'product_code', 'r.product_code IS NULL OR NOT vbp.is_generic_level(r.product_code)',
   '''drug code '' || r.product_code || '' is a generic-level code; a product needs the full code'''),
  ('product', 3, 'generic_name', 'r.product_code IS NULL OR vbp.is_generic_level(r.product_code) OR r.generic_name IS NOT NULL OR vbp.generic_group(r.product_code) IN (SELECT g.group_code FROM vbp.generic_group g)',
   '''generic group '' || vbp.generic_group(r.product_code) || '' is new and the row gives no generic name (通用名)'''),
  ('product', 4, 'units_per_pack', 'r.units_per_pack IS NULL OR r.units_per_pack BETWEEN 1 AND 2147483647',
   '''units per pack must be a positive whole number'''),

  ('batch', 1, 'batch_id', 'r.batch_id IS NULL OR r.batch_id BETWEEN 1 AND 2147483647', '''batch number out of range'''),
  ('batch', 2, 'ratio_rule_set', 'r.ratio_rule_set IS NULL OR r.ratio_rule_set IN (SELECT a.rule_set FROM vbp.agreed_ratio_rule a)',
   '''agreed-ratio rule set "'' || r.ratio_rule_set || ''" is not in vbp.agreed_ratio_rule'''),
  ('batch', 3, 'province', '(coalesce(r.kind, ''national'') = ''provincial'') = (r.province IS NOT NULL)',
   '''a provincial batch names its province, and only a provincial batch does'''),
  ('batch', 4, 'province', 'r.province IS NULL OR r.province IN (SELECT d.code FROM vbp.division d WHERE d.level = ''province'')',
   '''province '' || r.province || '' is not a province code of vbp.division'''),

  ('selection', 1, 'batch_id', 'r.batch_id IS NULL OR r.batch_id IN (SELECT b.batch_id FROM vbp.batch b)',
   '''batch '' || r.batch_id || '' is not in vbp.batch (load batches first)'''),
  ('selection', 2, 'product_code', 'r.product_code IS NULL OR r.product_code IN (SELECT pr.product_code FROM vbp.product pr)',
   '''product '' || r.product_code || '' is not in vbp.product (load products first)'''),
  ('selection', 3, 'selected_price', 'r.selected IS NULL OR (r.selected::boolean) = (r.selected_price IS NOT NULL)',
   'CASE WHEN r.selected::boolean THEN ''a selected product needs its winning price (中选价)'' ELSE ''a product not selected has no winning price'' END'),
  ('selection', 4, 'reference_price', 'r.reference_price IS NULL OR r.reference_price > 0', '''the reference price must be positive: at least 0.000001 (prices are kept to six decimals)'''),
  ('selection', 5, 'selected_price', 'r.selected_price IS NULL OR r.selected_price > 0', '''the winning price must be positive: at least 0.000001 (prices are kept to six decimals)'''),
  ('selection', 6, 'selected_price', 'r.selected_price IS NULL OR r.ceiling_price IS NULL OR r.selected_price <= r.ceiling_price',
   '''the winning price '' || r.selected_price || '' is above the ceiling '' || r.ceiling_price'),
  ('selection', 10, 'ceiling_price', 'r.ceiling_price IS NULL OR r.ceiling_price > 0',
   '''the bid ceiling must be positive: at least 0.000001 (prices are kept to six decimals)'''),
  ('selection', 7, 'winners', 'r.winners IS NULL OR r.winners BETWEEN 1 AND 2147483647', '''the number of winners must be at least 1'''),
  ('selection', 9, 'pre_volume', 'r.pre_volume IS NULL OR r.pre_volume >= 0', '''a volume cannot be negative'''),
  ('selection', 8, 'supply_provinces', 'r.supply_provinces IS NULL OR r.supply_provinces <@ ARRAY(SELECT d.code FROM vbp.division d WHERE d.level = ''province'')',
   '''supply provinces '' || array_to_string(r.supply_provinces, '','') || '' are not all province codes'''),

  ('volume_report', 1, 'batch_id', 'r.batch_id IS NULL OR r.batch_id IN (SELECT b.batch_id FROM vbp.batch b)',
   '''batch '' || r.batch_id || '' is not in vbp.batch'''),
  ('volume_report', 2, 'org_code', 'r.org_code IS NULL OR r.org_code IN (SELECT i.org_code FROM vbp.institution i)',
   '''institution '' || r.org_code || '' is not in vbp.institution (load institutions first)'''),
  ('volume_report', 3, 'group_code', 'r.group_code IS NULL OR vbp.generic_group(r.group_code) IN (SELECT g.group_code FROM vbp.generic_group g)',
   '''generic group '' || vbp.generic_group(r.group_code) || '' is not in vbp.generic_group (load products first)'''),
  ('volume_report', 4, 'baseline_volume', 'r.baseline_volume IS NULL OR r.baseline_volume >= 0', '''a volume cannot be negative'''),
  ('volume_report', 5, 'reported_volume', 'r.reported_volume IS NULL OR r.reported_volume >= 0', '''a volume cannot be negative'''),
  ('volume_report', 6, 'reported_on', '(r._reported_volume IS NULL) = (r._reported_on IS NULL)',
   'CASE WHEN r._reported_on IS NULL THEN ''a reported volume needs its report date (报量日期)'' ELSE ''a report date is given without a reported volume'' END'),
  ('volume_report', 7, 'cycle_year', 'r.cycle_year IS NULL OR r.cycle_year BETWEEN 1 AND 10',
   '''the cycle year is the year of the agreement cycle (1, 2 or 3), not '' || r.cycle_year'),

  ('province_agreement', 1, 'batch_id', 'r.batch_id IS NULL OR r.batch_id IN (SELECT b.batch_id FROM vbp.batch b)',
   '''batch '' || r.batch_id || '' is not in vbp.batch'''),
  ('province_agreement', 2, 'province',
   'r.province IS NULL OR btrim(r.province) IN (SELECT d.code FROM vbp.division d WHERE d.level = ''province'' UNION ALL SELECT d.name FROM vbp.division d WHERE d.level = ''province'')',
   '''"'' || r.province || ''" is neither a province code nor a province name'''),
  ('province_agreement', 3, 'group_code', 'r.group_code IS NULL OR vbp.generic_group(r.group_code) IN (SELECT g.group_code FROM vbp.generic_group g)',
   '''generic group '' || vbp.generic_group(r.group_code) || '' is not in vbp.generic_group (load products first)'''),
  ('province_agreement', 4, 'agreed_volume', 'r.agreed_volume IS NULL OR r.agreed_volume >= 0', '''a volume cannot be negative'''),
  ('province_agreement', 5, 'cycle_year', 'r.cycle_year IS NULL OR r.cycle_year BETWEEN 1 AND 10',
   '''the cycle year is the year of the agreement cycle (1, 2 or 3), not '' || r.cycle_year'),

  ('product_volume_report', 1, 'batch_id', 'r.batch_id IS NULL OR r.batch_id IN (SELECT b.batch_id FROM vbp.batch b WHERE b.volume_basis = ''product'')',
   '''batch '' || r.batch_id || '' is not a batch reporting per product (vbp.batch.volume_basis)'''),
  ('product_volume_report', 2, 'product_code',
   'r.product_code IS NULL OR r.batch_id IS NULL OR EXISTS (SELECT FROM vbp.selection s WHERE s.batch_id = r.batch_id AND s.product_code OPERATOR(vbp.=) r.product_code AND s.selected)',
   '''product '' || r.product_code || '' is not selected in batch '' || r.batch_id'),
  ('product_volume_report', 3, 'group_code', 'r.group_code IS NULL OR p.group_code IS NULL OR vbp.generic_group(r.group_code) OPERATOR(vbp.=) p.group_code',
   '''product '' || r.product_code || '' belongs to group '' || p.group_code || '', not '' || vbp.generic_group(r.group_code)'),
  ('product_volume_report', 4, 'org_code',
   'r.org_code IS NULL OR r.batch_id IS NULL OR p.group_code IS NULL OR EXISTS (SELECT FROM vbp.volume_report v WHERE v.batch_id = r.batch_id AND v.org_code OPERATOR(vbp.=) r.org_code AND v.group_code OPERATOR(vbp.=) p.group_code AND v.cycle_year = coalesce(r.cycle_year, 1))',
   '''institution '' || r.org_code || '' has no volume report of group '' || p.group_code || '' (load the group''''s report with its baseline first)'''),
  ('product_volume_report', 5, 'reported_volume', 'r.reported_volume IS NULL OR r.reported_volume >= 0', '''a volume cannot be negative'''),

  ('nrdl_item', 1, 'version_id', 'r.version_id IS NULL OR r.version_id IN (SELECT v.version_id FROM vbp.nrdl_version v)',
   '''list version '' || r.version_id || '' is not in vbp.nrdl_version'''),
  ('nrdl_item', 2, 'group_code', 'r.group_code IS NULL OR vbp.generic_group(r.group_code) IN (SELECT g.group_code FROM vbp.generic_group g)',
   '''generic group '' || vbp.generic_group(r.group_code) || '' is not in vbp.generic_group'''),
  ('nrdl_item', 3, 'negotiated_price', 'r.negotiated_price IS NULL OR r.negotiated_price > 0', '''the payment price must be positive: at least 0.000001 (prices are kept to six decimals)'''),

  ('formulary_admission', 1, 'org_code', 'r.org_code IS NULL OR r.org_code IN (SELECT i.org_code FROM vbp.institution i)',
   '''institution '' || r.org_code || '' is not in vbp.institution'''),
  ('formulary_admission', 2, 'group_code', 'r.group_code IS NULL OR vbp.generic_group(r.group_code) IN (SELECT g.group_code FROM vbp.generic_group g)',
   '''generic group '' || vbp.generic_group(r.group_code) || '' is not in vbp.generic_group'''),

  ('purchase', 1, 'org_code', 'r.org_code IS NULL OR r.org_code IN (SELECT i.org_code FROM vbp.institution i)',
   '''institution '' || r.org_code || '' is not in vbp.institution (load institutions first)'''),
  ('purchase', 2, 'product_code', 'r.product_code IS NULL OR p.product_code IS NOT NULL',
   '''product '' || r.product_code || '' is not in vbp.product (load products first)'''),
  ('purchase', 3, 'quantity', 'r._quantity IS NOT NULL OR r._quantity_packs IS NOT NULL',
   '''no quantity (数量): give it in smallest units, or in packs'''),
  ('purchase', 4, 'quantity', 'coalesce(r.quantity, r.quantity_packs) <> 0', '''a line of quantity 0 buys nothing'''),
  ('purchase', 5, 'quantity', 'p.units_per_pack IS NULL OR abs(coalesce(r.quantity::numeric * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END, r.quantity_packs::numeric * p.units_per_pack)) <= 9223372036854775807',
   '''the quantity in smallest units is larger than a bigint holds'''),
  ('purchase', 6, 'quantity', 'r.line_type IS DISTINCT FROM ''order'' OR coalesce(r.quantity, r.quantity_packs) > 0',
   '''an order line (采购) with a negative quantity: mark a return as 退货'''),
  ('purchase', 7, 'amount', 'r.amount IS NULL OR coalesce(r.quantity, r.quantity_packs) IS NULL OR r.line_type = ''return'' OR r.amount OPERATOR(vbp.=) ''0''::vbp.cny OR (coalesce(r.quantity, r.quantity_packs) > 0) = (r.amount OPERATOR(vbp.>) ''0''::vbp.cny)',
   '''the amount '' || r.amount::text || '' and the quantity have opposite signs'''),
  ('purchase', 8, 'accepted_on', 'r.accepted_on IS NULL OR r.purchased_on IS NULL OR r.accepted_on >= r.purchased_on',
   '''accepted on '' || r.accepted_on || '', before the order date '' || r.purchased_on'),
  ('purchase', 9, 'paid_on', 'r.paid_on IS NULL OR (r._accepted_on IS NOT NULL AND (r.accepted_on IS NULL OR r.paid_on >= r.accepted_on))',
   'CASE WHEN r._accepted_on IS NULL THEN ''paid without an acceptance date'' ELSE ''paid on '' || r.paid_on || '', before acceptance on '' || r.accepted_on END'),
  ('purchase', 10, 'return_of_order', 'r.return_of_order IS NULL OR r.line_type = ''return'' OR coalesce(r.quantity, r.quantity_packs) < 0',
   '''an original order is named but the line is not a return'''),
  ('purchase', 11, 'return_of_order',
   'r.return_of_order IS NULL OR r.org_code IS NULL OR EXISTS (SELECT 1 FROM vbp.purchase o WHERE o.org_code OPERATOR(vbp.=) r.org_code AND o.order_no = r.return_of_order AND o.line_no = coalesce(r.return_of_line, '''') AND o.quantity > 0) OR EXISTS (SELECT 1 FROM pg_temp.vbp_load_rows o WHERE o.org_code OPERATOR(vbp.=) r.org_code AND o.order_no = r.return_of_order AND coalesce(o.line_no, '''') = coalesce(r.return_of_line, '''') AND o.line <> r.line)',
   '''returns order '' || r.return_of_order || coalesce('' line '' || r.return_of_line, '''') || '', which is neither in vbp.purchase nor in this file'''),
  ('purchase', 12, 'return_of_order',
   'r.return_of_order IS NULL OR r.org_code IS NULL OR r.product_code IS NULL OR NOT EXISTS (SELECT 1 FROM vbp.purchase o WHERE o.org_code OPERATOR(vbp.=) r.org_code AND o.order_no = r.return_of_order AND o.line_no = coalesce(r.return_of_line, '''') AND o.quantity > 0 AND (o.product_code OPERATOR(vbp.<>) r.product_code OR o.quantity < abs(coalesce(r.quantity::numeric * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END, r.quantity_packs::numeric * p.units_per_pack))))',
   '''returns more than order '' || r.return_of_order || '' bought, or another product'''),

  ('dispensing', 1, 'org_code', 'r.org_code IS NULL OR i.org_code IS NOT NULL',
   '''institution '' || r.org_code || '' is not in vbp.institution (load institutions first)'''),
  ('dispensing', 2, 'product_code', 'r.product_code IS NULL OR p.product_code IS NOT NULL',
   '''product '' || r.product_code || '' is not in vbp.product (load products first)'''),
  ('dispensing', 3, 'quantity', 'r._quantity IS NOT NULL OR r._quantity_packs IS NOT NULL',
   '''no quantity (数量): give it in smallest units, or in packs'''),
  ('dispensing', 4, 'quantity', 'coalesce(r.quantity, r.quantity_packs) <> 0', '''a line of quantity 0 dispenses nothing'''),
  ('dispensing', 5, 'quantity', 'p.units_per_pack IS NULL OR abs(coalesce(r.quantity::numeric * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END, r.quantity_packs::numeric * p.units_per_pack)) <= 9223372036854775807',
   '''the quantity in smallest units is larger than a bigint holds'''),
  ('dispensing', 6, 'quantity', 'r.line_type IS DISTINCT FROM ''sale'' OR coalesce(r.quantity, r.quantity_packs) > 0',
   '''a sale with a negative quantity: mark a refund as 退药'''),
  ('dispensing', 7, 'amount', 'r.amount IS NULL OR coalesce(r.quantity, r.quantity_packs) IS NULL OR r.line_type = ''refund'' OR r.amount OPERATOR(vbp.=) ''0''::vbp.cny OR (coalesce(r.quantity, r.quantity_packs) > 0) = (r.amount OPERATOR(vbp.>) ''0''::vbp.cny)',
   '''the amount '' || r.amount::text || '' and the quantity have opposite signs'''),
  ('dispensing', 8, 'fund_paid', 'r.amount IS NULL OR r.fund_paid IS NULL OR (vbp.abs(r.fund_paid) OPERATOR(vbp.<=) vbp.abs(r.amount) AND (r.fund_paid OPERATOR(vbp.=) ''0''::vbp.cny OR r.line_type = ''refund'' OR (r.fund_paid OPERATOR(vbp.>) ''0''::vbp.cny) = (r.amount OPERATOR(vbp.>) ''0''::vbp.cny)))',
   '''the fund paid '' || r.fund_paid::text || '' is more than the amount '' || r.amount::text || '' or of the other sign'''),
  ('dispensing', 9, 'refund_of', 'r.refund_of IS NULL OR r.line_type = ''refund'' OR coalesce(r.quantity, r.quantity_packs) < 0',
   '''a refunded line is named but the line is not a refund'''),
  ('dispensing', 10, 'refund_of',
   'r.refund_of IS NULL OR r.org_code IS NULL OR EXISTS (SELECT 1 FROM vbp.dispensing o WHERE o.org_code OPERATOR(vbp.=) r.org_code AND o.line_id = r.refund_of AND o.quantity > 0) OR EXISTS (SELECT 1 FROM pg_temp.vbp_load_rows o WHERE o.org_code OPERATOR(vbp.=) r.org_code AND o.line_id = r.refund_of AND o.line <> r.line)',
   '''refunds line '' || r.refund_of || '', which is neither in vbp.dispensing nor in this file'''),

  ('order_event', 1, 'org_code', 'r.org_code IS NULL OR r.org_code IN (SELECT i.org_code FROM vbp.institution i)',
   '''institution '' || r.org_code || '' is not in vbp.institution (load institutions first)'''),
  ('order_event', 2, 'order_no',
   'r.org_code IS NULL OR r.order_no IS NULL OR EXISTS (SELECT 1 FROM vbp.purchase pu WHERE pu.org_code OPERATOR(vbp.=) r.org_code AND pu.order_no = r.order_no AND pu.line_no = coalesce(r.line_no, ''''))',
   '''order line '' || r.order_no || coalesce(''/'' || nullif(r.line_no, ''''), '''') || '' is not in vbp.purchase (load the purchases first)'''),
  ('order_event', 3, 'quantity',
   'r.event IS NULL OR CASE r.event WHEN ''refused'' THEN coalesce(r.quantity, 0) = 0 WHEN ''delivered'' THEN coalesce(r.quantity, 0) <> 0 WHEN ''confirmed'' THEN r.quantity IS NULL OR r.quantity > 0 ELSE coalesce(r.quantity, 0) > 0 END',
   '''a '' || r.event || '' event cannot have quantity '' || coalesce(r.quantity::text, ''none'') || '' (a delivery needs one, a refusal none, a partial confirmation or a cancellation a positive one)''');
INSERT INTO vbp.load_check (target, position, field, ok, reason) VALUES
  ('dispensing', 11, 'days_supply', 'r.days_supply IS NULL OR r.days_supply BETWEEN 1 AND 2147483647', '''days supplied must be a positive whole number''');
-- a return (a refund) names the line it takes back: nothing writes a return
-- without its order, and only a named original can be checked
INSERT INTO vbp.load_check (target, position, field, ok, reason, sqlstate) VALUES
  ('purchase', 16, 'return_of_order',
   'r.return_of_order IS NOT NULL OR NOT (r.line_type IS NOT DISTINCT FROM ''return'' OR coalesce(r.quantity, r.quantity_packs) < 0)',
   '''a return (退货 or a negative quantity) names the order line it returns (原订单编号, 原订单明细号)''', '23502'),
  ('dispensing', 15, 'refund_of',
   'r.refund_of IS NOT NULL OR NOT (r.line_type IS NOT DISTINCT FROM ''refund'' OR coalesce(r.quantity, r.quantity_packs) < 0)',
   '''a refund (退药 or a negative quantity) names the line it refunds (原结算明细ID)''', '23502');
-- a quantity given both in the unit of the unit column (数量) and in packs
-- (数量(盒)) must come to the same smallest units, else the line is ambiguous
INSERT INTO vbp.load_check (target, position, field, ok, reason)
SELECT c.target, c.position, 'quantity_packs',
       'r.quantity IS NULL OR r.quantity_packs IS NULL OR p.units_per_pack IS NULL OR r.quantity::numeric * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END = r.quantity_packs::numeric * p.units_per_pack',
       '''the quantity '' || r.quantity || '' (数量) comes to '' || (r.quantity::numeric * CASE WHEN r.unit = ''pack'' THEN p.units_per_pack ELSE 1 END) || '' smallest units, the quantity in packs '' || r.quantity_packs || '' (数量(盒)) to '' || (r.quantity_packs::numeric * p.units_per_pack) || ''; give one of them, or both alike'''
FROM (VALUES ('purchase', 17), ('dispensing', 16)) AS c(target, position);
-- a key a ledger indexes fits an index entry: a field of a few kilobytes would
-- fail the whole load at its insert, not as a reject on its line
INSERT INTO vbp.load_check (target, position, field, ok, reason)
SELECT c.target, c.position, c.field, format('r.%1$I IS NULL OR length(r.%1$I) <= 200', c.field),
       format('%L || length(r.%I) || %L', c.what || ' has ', c.field, ' characters; a key holds at most 200')
FROM (VALUES ('purchase', 13, 'order_no', 'the order number'), ('purchase', 14, 'line_no', 'the order line'),
             ('purchase', 15, 'return_of_order', 'the original order number'),
             ('dispensing', 12, 'line_id', 'the line id'), ('dispensing', 13, 'patient_id', 'the patient id'),
             ('dispensing', 14, 'refund_of', 'the refunded line id'),
             ('order_event', 4, 'order_no', 'the order number'), ('order_event', 5, 'event_no', 'the event number'))
     AS c(target, position, field, what);

-- Headers: every field's own name, and the Chinese headers of common exports
INSERT INTO vbp.load_header (target, field, header, shipped)
SELECT f.target, f.field, vbp.load_header_key(f.field), true FROM vbp.load_field f;
INSERT INTO vbp.load_header (target, field, header, shipped)
SELECT h.target, h.field, vbp.load_header_key(h.header), true
FROM (VALUES
  ('institution', 'org_code', '机构编码'), ('institution', 'org_code', '医疗机构编码'), ('institution', 'org_code', '定点医药机构编码'),
  ('institution', 'org_code', '医药机构编码'), ('institution', 'name', '机构名称'), ('institution', 'name', '医疗机构名称'),
  ('institution', 'name', '名称'), ('institution', 'level', '医院等级'), ('institution', 'level', '机构等级'), ('institution', 'level', '等级'),
  ('institution', 'division', '行政区划'), ('institution', 'division', '行政区划代码'), ('institution', 'division', '区划代码'),
  ('institution', 'dual_channel', '双通道药店'), ('institution', 'dual_channel', '是否双通道'), ('institution', 'dual_channel', '是否双通道药店'),
  ('institution', 'dual_channel_since', '双通道认定日期'), ('institution', 'public', '是否公立'), ('institution', 'public', '公立'),

  ('product', 'product_code', '药品代码'), ('product', 'product_code', '医保药品代码'), ('product', 'product_code', '药品编码'),
  ('product', 'product_code', '医保药品编码'), ('product', 'group_code', '通用名编码'), ('product', 'generic_name', '通用名'),
  ('product', 'generic_name', '药品通用名'), ('product', 'generic_name', '通用名称'), ('product', 'dosage_form', '剂型'),
  ('product', 'company', '统一社会信用代码'), ('product', 'company', '企业统一社会信用代码'), ('product', 'company_name', '生产企业'),
  ('product', 'company_name', '企业名称'), ('product', 'company_name', '上市许可持有人'), ('product', 'units_per_pack', '包装数量'),
  ('product', 'units_per_pack', '转换比'), ('product', 'units_per_pack', '最小包装数量'), ('product', 'consistency_evaluated', '是否过评'),
  ('product', 'consistency_evaluated', '通过一致性评价'), ('product', 'originator', '是否原研'), ('product', 'originator', '原研'),
  ('product', 'essential', '基本药物'), ('product', 'essential', '是否基药'), ('product', 'anti_infective', '抗菌药物'),
  ('product', 'anti_infective', '是否抗菌药物'),

  ('batch', 'batch_id', '批次'), ('batch', 'batch_id', '批次号'), ('batch', 'name', '批次名称'), ('batch', 'kind', '类型'),
  ('batch', 'kind', '集采类型'), ('batch', 'province', '省份'), ('batch', 'province', '省份代码'), ('batch', 'announced_on', '公布日期'),
  ('batch', 'cycle_start', '执行日期'), ('batch', 'cycle_start', '执行开始日期'), ('batch', 'cycle_start', '协议期开始'),
  ('batch', 'ratio_rule_set', '约定比例规则'),

  ('selection', 'batch_id', '批次'), ('selection', 'batch_id', '批次号'), ('selection', 'product_code', '药品代码'),
  ('selection', 'product_code', '医保药品代码'), ('selection', 'product_code', '药品编码'), ('selection', 'selected', '是否中选'),
  ('selection', 'selected', '中选结果'), ('selection', 'selected', '中选状态'), ('selection', 'reference_price', '集采前价格'),
  ('selection', 'reference_price', '集采前价格(元)'), ('selection', 'reference_price', '参考价'), ('selection', 'ceiling_price', '最高有效申报价'),
  ('selection', 'ceiling_price', '最高有效申报价(元)'), ('selection', 'selected_price', '中选价'), ('selection', 'selected_price', '中选价格'),
  ('selection', 'selected_price', '中选价格(元)'), ('selection', 'selected_price', '中选单价'), ('selection', 'winners', '中选企业数'),
  ('selection', 'supply_provinces', '供应省份'), ('selection', 'supply_provinces', '供应地区'),
  ('selection', 'pre_volume', '集采前采购量'), ('selection', 'pre_volume', '集采前使用量'), ('selection', 'pre_volume', '上年采购量'),

  ('volume_report', 'batch_id', '批次'), ('volume_report', 'batch_id', '批次号'), ('volume_report', 'org_code', '机构编码'),
  ('volume_report', 'org_code', '医疗机构编码'), ('volume_report', 'org_code', '医药机构编码'), ('volume_report', 'group_code', '通用名编码'),
  ('volume_report', 'group_code', '药品代码'), ('volume_report', 'group_code', '品种编码'), ('volume_report', 'baseline_volume', '历史使用量'),
  ('volume_report', 'baseline_volume', '上年度使用量'), ('volume_report', 'baseline_volume', '基期使用量'),
  ('volume_report', 'reported_volume', '报送量'), ('volume_report', 'reported_volume', '报量'), ('volume_report', 'reported_volume', '采购需求量'),
  ('volume_report', 'reported_volume', '报送采购量'), ('volume_report', 'signed_off', '领导审核'), ('volume_report', 'signed_off', '是否审核'),
  ('volume_report', 'reported_on', '报量日期'), ('volume_report', 'reported_on', '报送日期'),
  ('volume_report', 'cycle_year', '协议年度'), ('volume_report', 'cycle_year', '协议期年度'), ('volume_report', 'cycle_year', '周期年度'),

  ('nrdl_item', 'version_id', '目录版本'), ('nrdl_item', 'version_id', '版本'), ('nrdl_item', 'group_code', '通用名编码'),
  ('nrdl_item', 'group_code', '药品代码'), ('nrdl_item', 'negotiated_price', '支付标准'), ('nrdl_item', 'negotiated_price', '医保支付标准'),
  ('nrdl_item', 'negotiated_price', '谈判价格'), ('nrdl_item', 'separate_payment', '单独支付'), ('nrdl_item', 'separate_payment', '是否单独支付'),
  ('nrdl_item', 'dual_channel', '双通道'), ('nrdl_item', 'dual_channel', '是否双通道'), ('nrdl_item', 'patient_certification', '患者认定'),
  ('nrdl_item', 'patient_certification', '是否需要认定'),

  ('formulary_admission', 'org_code', '机构编码'), ('formulary_admission', 'org_code', '医疗机构编码'),
  ('formulary_admission', 'group_code', '通用名编码'), ('formulary_admission', 'group_code', '药品代码'),
  ('formulary_admission', 'admitted_on', '配备日期'), ('formulary_admission', 'admitted_on', '入院日期'), ('formulary_admission', 'admitted_on', '进院日期'),
  ('formulary_admission', 'temporary', '临时采购'), ('formulary_admission', 'temporary', '是否临时采购'),

  ('purchase', 'org_code', '机构编码'), ('purchase', 'org_code', '医疗机构编码'), ('purchase', 'org_code', '医药机构编码'),
  ('purchase', 'org_code', '采购机构编码'), ('purchase', 'order_no', '订单编号'), ('purchase', 'order_no', '订单号'),
  ('purchase', 'order_no', '采购单号'), ('purchase', 'line_no', '订单明细号'), ('purchase', 'line_no', '明细编号'),
  ('purchase', 'line_no', '行号'), ('purchase', 'line_no', '订单明细编号'), ('purchase', 'product_code', '药品代码'),
  ('purchase', 'product_code', '医保药品代码'), ('purchase', 'product_code', '药品编码'), ('purchase', 'product_code', '医保药品编码'),
  ('purchase', 'purchased_on', '采购日期'), ('purchase', 'purchased_on', '下单日期'), ('purchase', 'purchased_on', '下单时间'),
  ('purchase', 'purchased_on', '订单日期'), ('purchase', 'quantity', '数量'), ('purchase', 'quantity', '采购数量'),
  ('purchase', 'quantity', '数量(最小单位)'), ('purchase', 'quantity', '采购数量(最小制剂单位)'), ('purchase', 'quantity_packs', '数量(盒)'),
  ('purchase', 'quantity_packs', '采购数量(盒)'), ('purchase', 'quantity_packs', '包装数量(盒)'), ('purchase', 'unit', '单位'),
  ('purchase', 'unit', '采购单位'), ('purchase', 'amount', '金额'), ('purchase', 'amount', '采购金额'), ('purchase', 'amount', '金额(元)'),
  ('purchase', 'amount', '采购金额(元)'), ('purchase', 'accepted_on', '验收日期'), ('purchase', 'accepted_on', '入库日期'),
  ('purchase', 'accepted_on', '收货日期'), ('purchase', 'paid_on', '回款日期'), ('purchase', 'paid_on', '支付日期'),
  ('purchase', 'paid_on', '结算日期'), ('purchase', 'line_type', '类型'), ('purchase', 'line_type', '订单类型'),
  ('purchase', 'line_type', '单据类型'), ('purchase', 'return_of_order', '原订单编号'), ('purchase', 'return_of_order', '原订单号'),
  ('purchase', 'return_of_line', '原订单明细号'), ('purchase', 'return_of_line', '原明细编号'),

  ('dispensing', 'org_code', '机构编码'), ('dispensing', 'org_code', '医疗机构编码'), ('dispensing', 'org_code', '医药机构编码'),
  ('dispensing', 'org_code', '定点医药机构编码'), ('dispensing', 'line_id', '结算明细id'), ('dispensing', 'line_id', '明细流水号'),
  ('dispensing', 'line_id', '费用明细流水号'), ('dispensing', 'line_id', '处方明细id'), ('dispensing', 'product_code', '药品代码'),
  ('dispensing', 'product_code', '医保药品代码'), ('dispensing', 'product_code', '医保目录编码'), ('dispensing', 'dispensed_on', '结算日期'),
  ('dispensing', 'dispensed_on', '发药日期'), ('dispensing', 'dispensed_on', '结算时间'), ('dispensing', 'quantity', '数量'),
  ('dispensing', 'quantity', '发药数量'), ('dispensing', 'quantity_packs', '数量(盒)'), ('dispensing', 'unit', '单位'),
  ('dispensing', 'amount', '金额'), ('dispensing', 'amount', '费用'), ('dispensing', 'amount', '明细项目费用总额'),
  ('dispensing', 'amount', '金额(元)'), ('dispensing', 'fund_paid', '统筹支付'), ('dispensing', 'fund_paid', '基金支付'),
  ('dispensing', 'fund_paid', '统筹基金支付'), ('dispensing', 'fund_paid', '统筹支付(元)'), ('dispensing', 'patient_id', '患者标识'),
  ('dispensing', 'patient_id', '人员编号'), ('dispensing', 'patient_id', '患者id'), ('dispensing', 'trace_code', '追溯码'),
  ('dispensing', 'trace_code', '药品追溯码'), ('dispensing', 'channel', '渠道'), ('dispensing', 'channel', '购药渠道'),
  ('dispensing', 'drg_group', 'drg分组'), ('dispensing', 'days_supply', '用药天数'), ('dispensing', 'prescription_id', '处方号'),
  ('dispensing', 'prescription_id', '处方编号'), ('dispensing', 'line_type', '类型'), ('dispensing', 'line_type', '结算类型'),
  ('dispensing', 'refund_of', '原结算明细id'), ('dispensing', 'refund_of', '原明细流水号'),
  ('province_agreement', 'batch_id', '批次'), ('province_agreement', 'batch_id', '批次号'),
  ('province_agreement', 'province', '省份'), ('province_agreement', 'province', '省份编码'), ('province_agreement', 'province', '省份代码'),
  ('province_agreement', 'province', '省级行政区划代码'), ('province_agreement', 'group_code', '通用名编码'),
  ('province_agreement', 'group_code', '品种编码'), ('province_agreement', 'agreed_volume', '约定采购量'),
  ('province_agreement', 'agreed_volume', '省约定采购量'), ('province_agreement', 'agreed_volume', '协议采购量'),
  ('province_agreement', 'cycle_year', '协议年度'), ('province_agreement', 'source', '来源'), ('province_agreement', 'source', '数据来源'),
  ('batch', 'volume_basis', '报量方式'), ('product_volume_report', 'batch_id', '批次'), ('product_volume_report', 'org_code', '机构编码'),
  ('product_volume_report', 'org_code', '医疗机构编码'), ('product_volume_report', 'product_code', '医保药品代码'),
  ('product_volume_report', 'product_code', '产品编码'), ('product_volume_report', 'product_code', '中选产品代码'),
  ('product_volume_report', 'group_code', '通用名编码'), ('product_volume_report', 'reported_volume', '报送量'),
  ('product_volume_report', 'reported_volume', '报量'), ('product_volume_report', 'reported_on', '报量日期'),
  ('product_volume_report', 'cycle_year', '协议年度'),
  ('order_event', 'org_code', '机构编码'), ('order_event', 'org_code', '医疗机构编码'), ('order_event', 'order_no', '订单编号'),
  ('order_event', 'order_no', '订单号'), ('order_event', 'line_no', '订单明细号'), ('order_event', 'line_no', '明细编号'),
  ('order_event', 'event', '事件'), ('order_event', 'event', '事件类型'), ('order_event', 'event', '订单状态'),
  ('order_event', 'event_no', '配送单号'), ('order_event', 'event_no', '事件编号'), ('order_event', 'happened_on', '日期'),
  ('order_event', 'happened_on', '事件日期'), ('order_event', 'happened_on', '配送日期'), ('order_event', 'quantity', '数量'),
  ('order_event', 'quantity', '配送数量')
) AS h(target, field, header)
ON CONFLICT DO NOTHING;

-- Enumerations as exports write them
INSERT INTO vbp.load_value (domain, raw, value, shipped)
SELECT v.domain, lower(v.raw), v.value, true
FROM (VALUES
  ('boolean', '是', 'true'), ('boolean', '否', 'false'), ('boolean', 'y', 'true'), ('boolean', 'n', 'false'),
  ('boolean', 'yes', 'true'), ('boolean', 'no', 'false'), ('boolean', 'true', 'true'), ('boolean', 'false', 'false'),
  ('boolean', 't', 'true'), ('boolean', 'f', 'false'), ('boolean', '1', 'true'), ('boolean', '0', 'false'),
  ('boolean', '√', 'true'), ('boolean', '×', 'false'), ('boolean', '有', 'true'), ('boolean', '无', 'false'),
  ('level', '三级', 'tertiary'), ('level', '三级甲等', 'tertiary'), ('level', '三甲', 'tertiary'), ('level', '三级乙等', 'tertiary'),
  ('level', '二级', 'secondary'), ('level', '二级甲等', 'secondary'), ('level', '二甲', 'secondary'), ('level', '二级乙等', 'secondary'),
  ('level', '一级', 'primary'), ('level', '基层', 'primary'), ('level', '基层医疗机构', 'primary'), ('level', '社区卫生服务中心', 'primary'),
  ('level', '乡镇卫生院', 'primary'), ('level', '未定级', 'primary'), ('level', '药店', 'pharmacy'), ('level', '零售药店', 'pharmacy'),
  ('level', '定点零售药店', 'pharmacy'), ('level', 'tertiary', 'tertiary'), ('level', 'secondary', 'secondary'),
  ('level', 'primary', 'primary'), ('level', 'pharmacy', 'pharmacy'),
  ('channel', '医院', 'hospital'), ('channel', '医疗机构', 'hospital'), ('channel', '门诊', 'hospital'), ('channel', '住院', 'hospital'),
  ('channel', '药店', 'pharmacy'), ('channel', '双通道药店', 'pharmacy'), ('channel', '定点零售药店', 'pharmacy'),
  ('channel', 'hospital', 'hospital'), ('channel', 'pharmacy', 'pharmacy'),
  ('selected', '中选', 'true'), ('selected', '未中选', 'false'), ('selected', '是', 'true'), ('selected', '否', 'false'),
  ('selected', '拟中选', 'true'), ('selected', 'true', 'true'), ('selected', 'false', 'false'), ('selected', 'y', 'true'), ('selected', 'n', 'false'),
  ('batch_kind', '国家', 'national'), ('batch_kind', '国家集采', 'national'), ('batch_kind', '国家组织', 'national'),
  ('batch_kind', '联盟', 'alliance'), ('batch_kind', '省际联盟', 'alliance'), ('batch_kind', '省级', 'provincial'),
  ('batch_kind', '省级集采', 'provincial'), ('batch_kind', 'national', 'national'), ('batch_kind', 'alliance', 'alliance'),
  ('batch_kind', 'provincial', 'provincial'),
  ('unit', '盒', 'pack'), ('unit', '包', 'pack'), ('unit', '箱', 'pack'), ('unit', '板', 'pack'), ('unit', 'pack', 'pack'),
  ('unit', '片', 'unit'), ('unit', '粒', 'unit'), ('unit', '丸', 'unit'), ('unit', '支', 'unit'), ('unit', '袋', 'unit'),
  ('unit', '瓶', 'unit'), ('unit', '贴', 'unit'), ('unit', '枚', 'unit'), ('unit', '揿', 'unit'), ('unit', '剂', 'unit'),
  ('unit', 'unit', 'unit'),
  ('purchase_line', '采购', 'order'), ('purchase_line', '订单', 'order'), ('purchase_line', '正常', 'order'),
  ('purchase_line', '退货', 'return'), ('purchase_line', '冲销', 'return'), ('purchase_line', '冲红', 'return'),
  ('purchase_line', 'order', 'order'), ('purchase_line', 'return', 'return'),
  ('dispensing_line', '发药', 'sale'), ('dispensing_line', '结算', 'sale'), ('dispensing_line', '正常', 'sale'),
  ('dispensing_line', '退药', 'refund'), ('dispensing_line', '退费', 'refund'), ('dispensing_line', '冲销', 'refund'),
  ('dispensing_line', 'sale', 'sale'), ('dispensing_line', 'refund', 'refund'),
  ('volume_basis', '按品种', 'group'), ('volume_basis', '按通用名', 'group'), ('volume_basis', '按厂牌', 'product'),
  ('volume_basis', '按产品', 'product'), ('volume_basis', 'group', 'group'), ('volume_basis', 'product', 'product'),
  ('order_event', '确认', 'confirmed'), ('order_event', '已确认', 'confirmed'), ('order_event', '部分确认', 'partially_confirmed'),
  ('order_event', '拒绝', 'refused'), ('order_event', '拒绝配送', 'refused'), ('order_event', '配送', 'delivered'),
  ('order_event', '送达', 'delivered'), ('order_event', '已配送', 'delivered'), ('order_event', '取消', 'cancelled'),
  ('order_event', '撤单', 'cancelled'), ('order_event', 'confirmed', 'confirmed'),
  ('order_event', 'partially_confirmed', 'partially_confirmed'), ('order_event', 'refused', 'refused'),
  ('order_event', 'delivered', 'delivered'), ('order_event', 'cancelled', 'cancelled')
) AS v(domain, raw, value);

-- ---------------------------------------------------------------------
-- The loader
-- ---------------------------------------------------------------------
CREATE FUNCTION vbp.load(target text, staging regclass, source text DEFAULT NULL, mode text DEFAULT 'good_rows')
  RETURNS vbp.load
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  t vbp.load_target;
  l vbp.load;
  f record;
  a record;
  fld text;
  mapped jsonb := '{}';
  ignored text[] := '{}';
  missing text;
  privileged boolean;
  inner_sel text := '';
  outer_sel text := '';
  checks text := '';
  allok text := 'true';
  parse text;
  typ text;
  col text;
  keyexpr text;
  keys text[];
  tcols text[];
  cols_list text;
  fcols_list text;
  on_key text;
  n bigint;
  prec int;
  scale int;
BEGIN
  SELECT * INTO t FROM vbp.load_target lt WHERE lt.target = load.target;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown load target "%"', load.target
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Targets, in load order: ' || (SELECT string_agg(lt.target, ', ' ORDER BY lt.position) FROM vbp.load_target lt) || '.';
  END IF;
  IF mode IS NULL OR mode NOT IN ('good_rows', 'all_or_nothing') THEN
    RAISE EXCEPTION 'unknown load mode "%"', mode
      USING ERRCODE = 'invalid_parameter_value', HINT = 'Modes: good_rows (bad rows to vbp.load_reject) or all_or_nothing.';
  END IF;
  IF staging IS NULL THEN
    RAISE EXCEPTION 'no staging table given' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- the caller's own rights: the table owner (or a superuser) loads every
  -- target; a writer loads the ledgers for the institutions its scope covers
  privileged := (SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user)
                OR pg_has_role(current_user, (SELECT c.relowner FROM pg_class c WHERE c.oid = t.table_name), 'USAGE');
  IF NOT privileged AND NOT (t.writer_may AND pg_has_role(current_user, 'vbp_writer', 'MEMBER')) THEN
    RAISE EXCEPTION 'permission denied to load %', t.target
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = CASE WHEN t.writer_may THEN 'Loading ' || t.target || ' needs the owner of vbp.' || t.target || ' or a member of vbp_writer.'
                          ELSE 'Loading ' || t.target || ' needs the owner of vbp.' || t.target || '.' END,
            HINT = 'The DBA runs vbp.grant_tenant(role, ''institution_writer'', ...) for a hospital''s own ledgers.';
  END IF;
  IF NOT has_table_privilege(staging, 'SELECT') THEN
    RAISE EXCEPTION 'permission denied for staging table %', staging USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- the ledgers are locked per institution (below) and then read afresh,
  -- which needs a new snapshot per statement
  IF t.target IN ('purchase', 'dispensing') AND current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'a load of % needs read committed isolation', t.target
      USING ERRCODE = 'feature_not_supported',
            DETAIL = format('The transaction is %s: it would not see the lines that a load of the same institutions committed while this one waited.',
                            current_setting('transaction_isolation')),
            HINT = 'Run the load in a READ COMMITTED transaction (the default).';
  END IF;

  -- headers -> fields
  FOR a IN SELECT at.attname::text AS name FROM pg_attribute at
           WHERE at.attrelid = staging AND at.attnum > 0 AND NOT at.attisdropped ORDER BY at.attnum LOOP
    SELECT h.field INTO fld FROM vbp.load_header h WHERE h.target = t.target AND h.header = vbp.load_header_key(a.name);
    IF fld IS NULL THEN
      ignored := ignored || a.name;
    ELSIF mapped ? fld THEN
      RAISE EXCEPTION 'columns "%" and "%" of % both mean field %', mapped ->> fld, a.name, staging, fld
        USING ERRCODE = 'invalid_parameter_value', HINT = 'Drop or rename one of them in the staging table.';
    ELSE
      mapped := mapped || jsonb_build_object(fld, a.name);
    END IF;
  END LOOP;
  SELECT string_agg(lf.field, ', ' ORDER BY lf.position) INTO missing
  FROM vbp.load_field lf WHERE lf.target = t.target AND lf.required AND NOT mapped ? lf.field;
  IF missing IS NULL AND EXISTS (SELECT 1 FROM vbp.load_field lf WHERE lf.target = t.target AND lf.field = 'quantity_packs')
     AND NOT (mapped ? 'quantity' OR mapped ? 'quantity_packs') THEN
    missing := 'quantity (or quantity_packs)';
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'the export has no column for %', missing
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Columns of ' || staging::text || ': ' || (SELECT string_agg(quote_ident(at.attname), ', ' ORDER BY at.attnum)
                        FROM pg_attribute at WHERE at.attrelid = staging AND at.attnum > 0 AND NOT at.attisdropped) || '.',
            HINT = 'Headers vbp knows are in vbp.load_header (SELECT header FROM vbp.load_header WHERE target = ''' || t.target
                   || '''); add your own with vbp.load_header_key(''your header'').';
  END IF;
  IF cardinality(ignored) > 0 THEN
    RAISE NOTICE 'columns not loaded: %', array_to_string(ignored, ', ')
      USING HINT = 'Map a header to a field by adding a row to vbp.load_header.';
  END IF;

  INSERT INTO vbp.load (target, source, mode, status) VALUES (t.target, coalesce(source, staging::text), mode, 'loading')
  RETURNING * INTO l;

  -- one pass: the raw text of every field and its parsed value
  FOR f IN SELECT lf.* FROM vbp.load_field lf WHERE lf.target = t.target ORDER BY lf.position LOOP
    col := mapped ->> f.field;
    inner_sel := inner_sel || ', ' || CASE WHEN col IS NULL THEN 'NULL::text'
                 ELSE format('nullif(btrim(s.%I::text, E'' \t\r\n\u3000\u00a0''), '''')', col) END
                 || ' AS ' || quote_ident('_' || f.field);
    typ := CASE f.kind WHEN 'text' THEN 'text' WHEN 'int' THEN 'bigint' WHEN 'numeric' THEN 'numeric' WHEN 'money' THEN 'vbp.cny'
                       WHEN 'date' THEN 'date' WHEN 'enum' THEN 'text' WHEN 'list' THEN 'text[]' ELSE 'vbp.' || f.kind END;
    parse := CASE f.kind
      WHEN 'text' THEN 'x.%1$I'
      WHEN 'enum' THEN coalesce((SELECT 'CASE lower(x.%1$I)' || string_agg(replace(format(' WHEN %L THEN %L', v.raw, v.value), '%', '%%'), '') || ' END'
                                 FROM vbp.load_value v WHERE v.domain = f.domain), 'NULL')
      WHEN 'list' THEN 'CASE WHEN x.%1$I IS NOT NULL THEN array_remove(regexp_split_to_array(x.%1$I, ''[、，,;；[:space:]]+''), '''') END'
      ELSE 'vbp.parse_' || f.kind || '(x.%1$I)' END;
    -- a decimal the table keeps as numeric(p, s) is parsed as the value it
    -- stores, rounded to s decimals, and is out of range (22003) from 10^(p-s)
    prec := NULL;
    scale := NULL;
    IF f.kind = 'numeric' AND f.column_name IS NOT NULL THEN
      SELECT ((at.atttypmod - 4) >> 16) & 65535, (at.atttypmod - 4) & 65535 INTO prec, scale
      FROM pg_attribute at
      WHERE at.attrelid = t.table_name AND at.attname = f.column_name AND NOT at.attisdropped
        AND at.atttypid = 'numeric'::regtype AND at.atttypmod >= 4;
    END IF;
    outer_sel := outer_sel || ', ' || CASE WHEN scale IS NULL THEN format(parse, '_' || f.field) || '::' || typ
                                          ELSE format('round(%s::numeric, %s)', format(parse, '_' || f.field), scale) END
                 || ' AS ' || quote_ident(f.field);
    IF col IS NOT NULL THEN
      -- 23502 a missing value, 22003 a number out of range, 22P02 the rest
      checks := checks || format(', (%L, %L, r.%I, CASE WHEN r.%I IS NULL THEN %s WHEN r.%I IS NULL THEN %s%s END, %s)',
        f.field, col, '_' || f.field, '_' || f.field,
        CASE WHEN f.required THEN quote_literal('A value is required.') ELSE 'NULL' END,
        f.field,
        CASE f.kind WHEN 'text' THEN 'NULL' WHEN 'list' THEN 'NULL'
          WHEN 'enum' THEN quote_literal('Not a value vbp.load_value knows for ' || f.domain || ' (known: '
                             || coalesce((SELECT string_agg(v.raw, ', ' ORDER BY v.value, v.raw) FROM vbp.load_value v WHERE v.domain = f.domain), 'none') || ').')
          ELSE format('vbp.parse_error(%L, r.%I)', f.kind, '_' || f.field) END,
        -- an amount past the fen is a unit price or a shifted column, not rounded
        CASE WHEN f.kind = 'money'
             THEN format(' WHEN r.%I ~ %L THEN %L', '_' || f.field, '[.][0-9]{2}[0-9]*[1-9]',
                         'An amount has at most two decimals (fen); this one has more.')
             WHEN prec IS NOT NULL
             THEN format(' WHEN abs(r.%I) >= 1e%s THEN %L', f.field, prec - scale,
                         format('The value is out of range: vbp keeps at most %s digits before the decimal point.', prec - scale))
             ELSE '' END,
        CASE WHEN f.kind IN ('int', 'numeric', 'money')
             THEN format('CASE WHEN r.%I IS NULL THEN ''23502'' WHEN r.%I IS NULL AND vbp.parse_error(%L, r.%I) ~ ''out of range|does not fit'' THEN ''22003''%s ELSE ''22P02'' END',
                         '_' || f.field, f.field, f.kind, '_' || f.field,
                         CASE WHEN prec IS NOT NULL THEN format(' WHEN r.%I IS NOT NULL THEN ''22003''', f.field) ELSE '' END)
             ELSE format('CASE WHEN r.%I IS NULL THEN ''23502'' ELSE ''22P02'' END', '_' || f.field) END);
      allok := allok || format(' AND (r.%I IS NOT NULL OR r.%I IS NULL)', f.field, '_' || f.field)
                     || CASE WHEN f.required THEN format(' AND r.%I IS NOT NULL', '_' || f.field) ELSE '' END
                     || CASE WHEN f.kind = 'money' THEN format(' AND NOT coalesce(r.%I ~ %L, false)', '_' || f.field, '[.][0-9]{2}[0-9]*[1-9]') ELSE '' END
                     || CASE WHEN prec IS NOT NULL THEN format(' AND NOT coalesce(abs(r.%I) >= 1e%s, false)', f.field, prec - scale) ELSE '' END;
    END IF;
  END LOOP;
  FOR f IN SELECT c.* FROM vbp.load_check c WHERE c.target = t.target ORDER BY c.position LOOP
    col := mapped ->> f.field;
    -- a writer sees only the institutions of its scope: one outside it is
    -- refused for that (42501, below), not reported as unknown
    IF NOT privileged AND f.field = 'org_code' AND f.reason LIKE '%not in vbp.institution%' THEN
      f.ok := '(' || f.ok || ') OR NOT vbp.may_write(r.org_code)';
    END IF;
    checks := checks || format(', (%L, %L, %s, CASE WHEN (%s) IS FALSE THEN vbp.load_sentence(%s) END, %L)',
      f.field, col, CASE WHEN col IS NULL THEN 'NULL::text' ELSE format('r.%I', '_' || f.field) END, f.ok, f.reason,
      coalesce(f.sqlstate, CASE WHEN f.reason LIKE '%not in vbp.%' OR f.reason LIKE '%neither in vbp.%' THEN '23503'
                                WHEN f.reason LIKE '%a key holds at most%' THEN '22001' ELSE '23514' END));
    allok := allok || ' AND (' || f.ok || ') IS NOT FALSE';
  END LOOP;
  IF NOT privileged THEN
    checks := checks || format(', (''org_code'', %L, r._org_code, CASE WHEN r.org_code IS NOT NULL AND NOT vbp.may_write(r.org_code) THEN ''Institution '' || r.org_code || '' is outside the scope you may write.'' END, ''42501'')',
                               mapped ->> 'org_code');
    allok := allok || ' AND (r.org_code IS NULL OR vbp.may_write(r.org_code))';
  END IF;
  keyexpr := (SELECT 'concat_ws('' / '', ' || string_agg(format('r.%I', '_' || k), ', ') || ')' FROM unnest(t.key_columns) k);

  -- left over from a load that failed earlier in this transaction
  IF to_regclass('pg_temp.vbp_load_rows') IS NOT NULL THEN DROP TABLE pg_temp.vbp_load_rows; END IF;
  IF to_regclass('pg_temp.vbp_load_bad') IS NOT NULL THEN DROP TABLE pg_temp.vbp_load_bad; END IF;
  IF to_regclass('pg_temp.vbp_load_final') IS NOT NULL THEN DROP TABLE pg_temp.vbp_load_final; END IF;
  EXECUTE format('CREATE TEMP TABLE vbp_load_rows ON COMMIT DROP AS SELECT x.*%s FROM (SELECT row_number() OVER (ORDER BY s.ctid) + 1 AS line%s FROM %s s) x',
                 outer_sel, inner_sel, staging);
  GET DIAGNOSTICS n = ROW_COUNT;
  l.rows_read := n;
  IF n = 0 THEN
    RAISE WARNING 'staging table % is empty: the load of % reads no rows', staging, t.target
      USING DETAIL = 'An empty export loads nothing; a \copy that failed (a line with a wrong number of fields, 22P04) leaves the staging table empty too.',
            HINT = 'Check the \copy''s result; in psql, \set ON_ERROR_STOP on stops a script at it.';
  END IF;
  -- a return (refund) looks its original up among the file's lines (load_check)
  IF t.target = 'purchase' THEN
    CREATE INDEX ON pg_temp.vbp_load_rows (order_no);
  ELSIF t.target = 'dispensing' THEN
    CREATE INDEX ON pg_temp.vbp_load_rows (line_id);
  END IF;
  ANALYZE pg_temp.vbp_load_rows;
  -- loads of one institution's ledger lines run one after the other: each
  -- takes, before it reads the ledger, a lock per institution of the file
  -- (1024 slots by hash, in slot order, so two loads never wait for each
  -- other in a circle), held to the end of the transaction; a second load
  -- waits, then sees the first's lines: its lines are unchanged or replace
  -- them, never stored twice
  IF t.target IN ('purchase', 'dispensing') THEN
    FOR n IN SELECT DISTINCT hashtext(r.org_code::text) & 1023 FROM pg_temp.vbp_load_rows r WHERE r.org_code IS NOT NULL ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(hashtext('vbp.load ' || t.target), n::int);
    END LOOP;
  END IF;

  -- every problem of every bad row, with its line, column and value
  EXECUTE format('INSERT INTO vbp.load_reject (load_id, source, line, source_key, field, column_name, value, reason, sqlstate) '
                 'SELECT $1, $2, r.line, %s, c.field, c.column_name, c.value, c.reason, c.sqlstate FROM pg_temp.vbp_load_rows r %s '
                 'CROSS JOIN LATERAL (VALUES %s) c(field, column_name, value, reason, sqlstate) '
                 'WHERE NOT (%s) AND c.reason IS NOT NULL',
                 keyexpr, t.joins, substr(checks, 3), allok)
    USING l.load_id, l.source;
  CREATE TEMP TABLE vbp_load_bad ON COMMIT DROP AS
    SELECT DISTINCT j.line FROM vbp.load_reject j WHERE j.load_id = l.load_id;

  -- the good rows as the table's columns
  SELECT array_agg(lf.column_name ORDER BY lf.position), string_agg(format('%s AS %I', lf.expr, lf.column_name), ', ' ORDER BY lf.position)
  INTO tcols, cols_list
  FROM vbp.load_field lf WHERE lf.target = t.target AND lf.column_name IS NOT NULL;
  EXECUTE format('CREATE TEMP TABLE vbp_load_final ON COMMIT DROP AS SELECT r.line, %s, NULL::text AS state FROM pg_temp.vbp_load_rows r %s '
                 'WHERE NOT EXISTS (SELECT 1 FROM pg_temp.vbp_load_bad b WHERE b.line = r.line)', cols_list, t.joins);
  -- returns (refunds) look up their originals, and stored lines the file's
  -- lines replace, by key: per line, not by a scan of the file
  IF t.target = 'purchase' THEN
    CREATE INDEX ON pg_temp.vbp_load_final (order_no, line_no);
  ELSIF t.target = 'dispensing' THEN
    CREATE INDEX ON pg_temp.vbp_load_final (line_id);
  END IF;
  ANALYZE pg_temp.vbp_load_final;

  -- a natural key twice in one file: the first line counts
  keys := t.key_columns;
  on_key := (SELECT string_agg(format('o.%1$I = f.%1$I', k), ' AND ') FROM unnest(keys) k);
  EXECUTE format('INSERT INTO vbp.load_reject (load_id, source, line, source_key, field, column_name, value, reason, sqlstate) '
                 'SELECT $1, $2, d.line, d.k, NULL, NULL, NULL, ''The same %s as line '' || d.first || '': a key appears once in a file.'', ''23505'' '
                 'FROM (SELECT f.line, concat_ws('' / '', %s) AS k, min(f.line) OVER (PARTITION BY %s) AS first FROM pg_temp.vbp_load_final f) d '
                 'WHERE d.line <> d.first',
                 array_to_string(keys, ', '),
                 (SELECT string_agg(format('f.%I::text', k), ', ') FROM unnest(keys) k),
                 (SELECT string_agg(format('f.%I', k), ', ') FROM unnest(keys) k))
    USING l.load_id, l.source;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    DELETE FROM pg_temp.vbp_load_final fin USING vbp.load_reject j WHERE j.load_id = l.load_id AND j.sqlstate = '23505' AND j.line = fin.line;
  END IF;
  -- a return (a refund) is checked against what is loaded with it: its original
  -- must be a purchase (a sale) of vbp or a good line of this file, of the same
  -- product, and the returns of an original, those stored and those of this
  -- file in line order, may not take back more than it bought (a stored return
  -- this file replaces is not counted twice)
  IF t.target IN ('purchase', 'dispensing') THEN
    -- a line that corrects an original (same key) still covers the returns
    -- already loaded against it (those this file does not replace): at
    -- least as many units, of the same product; else the line is rejected
    -- and the stored original stands (the file's own returns are judged
    -- against whichever original stands, below)
    EXECUTE format($q$
      INSERT INTO vbp.load_reject (load_id, source, line, source_key, field, column_name, value, reason, sqlstate)
      SELECT $1, $2, j.line, j.skey,
             CASE WHEN j.other_product THEN 'product_code' ELSE 'quantity' END,
             CASE WHEN j.other_product THEN $3 ELSE $4 END,
             CASE WHEN j.other_product THEN r._product_code ELSE coalesce(r._quantity, r._quantity_packs) END,
             CASE WHEN j.other_product THEN %4$s ELSE %5$s END, '23514'
      FROM (SELECT f.line, %3$s AS skey, f.quantity, -sum(o.quantity) AS taken,
                   bool_or(o.product_code OPERATOR(vbp.<>) f.product_code) AS other_product
            FROM pg_temp.vbp_load_final f
            JOIN %1$s o ON o.org_code OPERATOR(vbp.=) f.org_code AND %2$s
            WHERE o.quantity < 0 AND o.org_code IN (SELECT DISTINCT g.org_code FROM pg_temp.vbp_load_final g)
              AND NOT EXISTS (SELECT 1 FROM pg_temp.vbp_load_final g WHERE g.org_code OPERATOR(vbp.=) o.org_code AND %6$s)
            GROUP BY f.line, skey, f.quantity) j
      JOIN pg_temp.vbp_load_rows r ON r.line = j.line
      WHERE j.other_product OR j.taken > j.quantity$q$,
      CASE t.target WHEN 'purchase' THEN 'vbp.purchase' ELSE 'vbp.dispensing' END,
      CASE t.target WHEN 'purchase' THEN 'o.return_of_order = f.order_no AND coalesce(o.return_of_line, '''') = f.line_no'
                    ELSE 'o.refund_of = f.line_id' END,
      CASE t.target WHEN 'purchase' THEN 'concat_ws('' / '', f.org_code::text, f.order_no, f.line_no)'
                    ELSE 'concat_ws('' / '', f.org_code::text, f.line_id)' END,
      CASE t.target WHEN 'purchase'
        THEN $r$'Returns already loaded of this order line are of another product than the corrected line.'$r$
        ELSE $r$'Refunds already loaded of this line are of another product than the corrected line.'$r$ END,
      CASE t.target WHEN 'purchase'
        THEN $r$'Returns already loaded take back ' || j.taken || ' units of this order line; the corrected line buys ' || j.quantity || '.'$r$
        ELSE $r$'Refunds already loaded take back ' || j.taken || ' units of this line; the corrected line sells ' || j.quantity || '.'$r$ END,
      CASE t.target WHEN 'purchase' THEN 'g.order_no = o.order_no AND g.line_no = o.line_no' ELSE 'g.line_id = o.line_id' END)
      USING l.load_id, l.source, mapped ->> 'product_code', coalesce(mapped ->> 'quantity', mapped ->> 'quantity_packs');
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
      DELETE FROM pg_temp.vbp_load_final fin USING vbp.load_reject j
      WHERE j.load_id = l.load_id AND j.line = fin.line AND j.sqlstate = '23514' AND j.field IN ('product_code', 'quantity');
    END IF;
    EXECUTE format($q$
      INSERT INTO vbp.load_reject (load_id, source, line, source_key, field, column_name, value, reason, sqlstate)
      WITH ret AS (
        SELECT f.line, f.org_code, f.%1$I AS ref, %2$s AS rline, f.product_code, -f.quantity AS units, %3$s AS skey
        FROM pg_temp.vbp_load_final f WHERE f.%1$I IS NOT NULL AND f.quantity < 0
      ), orig AS (
        SELECT r.line, o.product_code, o.quantity AS bought
        FROM ret r
        LEFT JOIN LATERAL (
          SELECT x.product_code, x.quantity FROM (
            SELECT f.product_code, f.quantity, 0 AS src FROM pg_temp.vbp_load_final f
            WHERE f.org_code OPERATOR(vbp.=) r.org_code AND f.%4$I = r.ref AND %5$s = r.rline AND f.quantity > 0
            UNION ALL
            SELECT o.product_code, o.quantity, 1 FROM %6$s o
            WHERE o.org_code OPERATOR(vbp.=) r.org_code AND o.%4$I = r.ref AND %7$s = r.rline AND o.quantity > 0
              AND NOT EXISTS (SELECT 1 FROM pg_temp.vbp_load_final f WHERE f.org_code OPERATOR(vbp.=) o.org_code AND %8$s)) x
          ORDER BY x.src LIMIT 1) o ON true
      ), stored AS (
        -- the stored returns of the file's institutions, summed once per original
        SELECT r.line, coalesce(s.units, 0) AS units
        FROM ret r
        LEFT JOIN (SELECT o.org_code, o.%1$I AS ref, %9$s AS rline, -sum(o.quantity) AS units FROM %6$s o
                   WHERE o.quantity < 0 AND o.%1$I IS NOT NULL AND o.org_code IN (SELECT DISTINCT g.org_code FROM ret g)
                     AND NOT EXISTS (SELECT 1 FROM pg_temp.vbp_load_final f WHERE f.org_code OPERATOR(vbp.=) o.org_code AND %8$s)
                   GROUP BY 1, 2, 3) s
          ON s.org_code OPERATOR(vbp.=) r.org_code AND s.ref = r.ref AND s.rline = r.rline
      ), judged AS (
        SELECT r.line, r.skey, r.ref, o.bought, o.product_code OPERATOR(vbp.<>) r.product_code AS other_product,
               st.units + sum(r.units) OVER (PARTITION BY r.org_code, r.ref, r.rline ORDER BY r.line) AS taken
        FROM ret r JOIN orig o USING (line) JOIN stored st USING (line)
      )
      SELECT $1, $2, j.line, j.skey, %1$L, $3, j.ref,
             CASE WHEN j.bought IS NULL THEN %10$s WHEN j.other_product THEN %11$s ELSE %12$s END,
             CASE WHEN j.bought IS NULL THEN '23503' ELSE '23514' END
      FROM judged j
      WHERE j.bought IS NULL OR j.other_product OR j.taken > j.bought$q$,
      CASE t.target WHEN 'purchase' THEN 'return_of_order' ELSE 'refund_of' END,
      CASE t.target WHEN 'purchase' THEN 'coalesce(f.return_of_line, '''')' ELSE '''''' END,
      CASE t.target WHEN 'purchase' THEN 'concat_ws('' / '', f.org_code::text, f.order_no, f.line_no)'
                    ELSE 'concat_ws('' / '', f.org_code::text, f.line_id)' END,
      CASE t.target WHEN 'purchase' THEN 'order_no' ELSE 'line_id' END,
      CASE t.target WHEN 'purchase' THEN 'f.line_no' ELSE '''''' END,
      CASE t.target WHEN 'purchase' THEN 'vbp.purchase' ELSE 'vbp.dispensing' END,
      CASE t.target WHEN 'purchase' THEN 'o.line_no' ELSE '''''' END,
      CASE t.target WHEN 'purchase' THEN 'f.order_no = o.order_no AND f.line_no = o.line_no' ELSE 'f.line_id = o.line_id' END,
      CASE t.target WHEN 'purchase' THEN 'coalesce(o.return_of_line, '''')' ELSE '''''' END,
      CASE t.target WHEN 'purchase'
        THEN $r$'Returns order ' || j.ref || ', which is neither in vbp.purchase nor among the good lines of this file.'$r$
        ELSE $r$'Refunds line ' || j.ref || ', which is neither in vbp.dispensing nor among the good lines of this file.'$r$ END,
      CASE t.target WHEN 'purchase'
        THEN $r$'Returns another product than order ' || j.ref || ' bought.'$r$
        ELSE $r$'Refunds another product than line ' || j.ref || ' sold.'$r$ END,
      CASE t.target WHEN 'purchase'
        THEN $r$'The returns of order ' || j.ref || ' would take back ' || j.taken || ' units; it bought ' || j.bought || '.'$r$
        ELSE $r$'The refunds of line ' || j.ref || ' would take back ' || j.taken || ' units; it sold ' || j.bought || '.'$r$ END)
      USING l.load_id, l.source, mapped ->> CASE t.target WHEN 'purchase' THEN 'return_of_order' ELSE 'refund_of' END;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
      DELETE FROM pg_temp.vbp_load_final fin USING vbp.load_reject j
      WHERE j.load_id = l.load_id AND j.line = fin.line AND j.field IN ('return_of_order', 'refund_of');
    END IF;
  END IF;
  SELECT count(DISTINCT j.line) INTO l.rejected FROM vbp.load_reject j WHERE j.load_id = l.load_id;

  IF mode = 'all_or_nothing' AND l.rejected > 0 THEN
    UPDATE vbp.load SET status = 'refused', rows_read = l.rows_read, rejected = l.rejected WHERE load_id = l.load_id
    RETURNING * INTO l;
    RAISE WARNING 'load % of % refused: % of % rows are bad, nothing was written', l.load_id, t.target, l.rejected, l.rows_read
      USING HINT = format('SELECT * FROM vbp.load_reject WHERE load_id = %s ORDER BY line;', l.load_id);
    RETURN l;
  END IF;

  -- a new product's generic group comes from the same row
  IF t.target = 'product' THEN
    INSERT INTO vbp.generic_group (group_code, generic_name, dosage_form, essential, anti_infective, load_id)
    SELECT DISTINCT ON (fin.group_code) fin.group_code, r.generic_name, r.dosage_form,
           coalesce(r.essential::boolean, false), coalesce(r.anti_infective::boolean, false), l.load_id
    FROM pg_temp.vbp_load_final fin JOIN pg_temp.vbp_load_rows r ON r.line = fin.line
    WHERE r.generic_name IS NOT NULL AND fin.group_code NOT IN (SELECT g.group_code FROM vbp.generic_group g)
    ORDER BY fin.group_code, fin.line;
  END IF;

  -- same key: unchanged (a re-load) or replaced (a corrected line)
  cols_list := (SELECT string_agg(format('%I', c), ', ') FROM unnest(tcols) c);
  fcols_list := (SELECT string_agg(format('f.%I', c), ', ') FROM unnest(tcols) c);
  EXECUTE format('UPDATE pg_temp.vbp_load_final f SET state = CASE WHEN ROW(%s) IS NOT DISTINCT FROM ROW(%s) THEN ''same'' ELSE ''changed'' END '
                 'FROM %s o WHERE %s',
                 (SELECT string_agg(format('o.%I', c), ', ') FROM unnest(tcols) c), fcols_list, t.table_name, on_key);
  EXECUTE format('INSERT INTO vbp.load_superseded (load_id, target, old_row) SELECT $1, $2, to_jsonb(o) FROM %s o JOIN pg_temp.vbp_load_final f ON %s WHERE f.state = ''changed''',
                 t.table_name, on_key)
    USING l.load_id, t.target;
  EXECUTE format('UPDATE %s o SET (%s, load_id) = ROW(%s, $1) FROM pg_temp.vbp_load_final f WHERE %s AND f.state = ''changed''',
                 t.table_name, cols_list, fcols_list, on_key)
    USING l.load_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  l.replaced := n;
  EXECUTE format('INSERT INTO %s (%s, load_id) SELECT %s, $1 FROM pg_temp.vbp_load_final f WHERE f.state IS NULL',
                 t.table_name, cols_list, fcols_list)
    USING l.load_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  l.inserted := n;
  SELECT count(*) INTO l.unchanged FROM pg_temp.vbp_load_final fin WHERE fin.state = 'same';

  UPDATE vbp.load SET status = 'loaded', rows_read = l.rows_read, inserted = l.inserted, replaced = l.replaced,
                      unchanged = l.unchanged, rejected = l.rejected
  WHERE load_id = l.load_id RETURNING * INTO l;
  DROP TABLE pg_temp.vbp_load_rows, pg_temp.vbp_load_bad, pg_temp.vbp_load_final;
  RETURN l;
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.load(text, regclass, text, text) FROM PUBLIC;
COMMENT ON FUNCTION vbp.load(text, regclass, text, text) IS
  'Loads an export (导入) from a staging table of text columns named by the export''s headers: maps headers (vbp.load_header), translates enumerations (vbp.load_value), parses and checks every row in one pass, writes each problem of a bad row to vbp.load_reject (file, line, column, value, reason) and loads the good rows by natural key (unchanged on a re-load, replaced when corrected); mode all_or_nothing writes nothing when a row is bad; returns the vbp.load row; runs with the caller''s rights';

-- Whether a later load replaced rows of a load, whoever ran it: the writer
-- reads only its own rows of vbp.load_superseded, so it asks through this
-- function, which names the later load's number and nothing of its rows
CREATE FUNCTION vbp.load_replaced_since(load_id bigint) RETURNS bigint
  LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  RETURN (SELECT min(s.load_id) FROM vbp.load_superseded s JOIN vbp.load x ON x.load_id = s.load_id AND x.status = 'loaded'
          WHERE s.load_id > load_replaced_since.load_id AND (s.old_row ->> 'load_id')::bigint = load_replaced_since.load_id);
COMMENT ON FUNCTION vbp.load_replaced_since(bigint) IS
  'The first load still standing that replaced rows of a load (后续覆盖导入), whoever ran it, or NULL; SECURITY DEFINER, as a writer reads only its own replaced rows: it names a load''s number, no row; vbp.undo_load asks it';
REVOKE EXECUTE ON FUNCTION vbp.load_replaced_since(bigint) FROM PUBLIC;

CREATE FUNCTION vbp.undo_load(load_id bigint) RETURNS vbp.load
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  l vbp.load;
  t vbp.load_target;
  later bigint;
  example text;
  slot int;
  tcols text[];
  on_key text;
BEGIN
  SELECT * INTO l FROM vbp.load x WHERE x.load_id = undo_load.load_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'load % does not exist', undo_load.load_id
      USING ERRCODE = 'invalid_parameter_value', HINT = 'vbp.load lists your loads.';
  END IF;
  IF l.status <> 'loaded' THEN
    RAISE EXCEPTION 'load % is %, not loaded', l.load_id, l.status USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  SELECT * INTO t FROM vbp.load_target lt WHERE lt.target = l.target;
  -- a later load by anyone (the writer sees only its own in vbp.load_superseded)
  later := vbp.load_replaced_since(l.load_id);
  IF later IS NOT NULL THEN
    RAISE EXCEPTION 'load % has rows that load % replaced since', l.load_id, later
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = format('Undo load %s first (whoever ran it may).', later);
  END IF;
  -- a ledger load waits for the loads of its institutions (vbp.load), then
  -- is refused while a later load holds returns (refunds) of its lines:
  -- undoing it would leave them without their order
  IF t.target IN ('purchase', 'dispensing') THEN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
      RAISE EXCEPTION 'an undo of a load of % needs read committed isolation', t.target
        USING ERRCODE = 'feature_not_supported',
              DETAIL = format('The transaction is %s: it would not see the returns that a load committed while this one waited.',
                              current_setting('transaction_isolation')),
              HINT = 'Run the undo in a READ COMMITTED transaction (the default).';
    END IF;
    FOR slot IN EXECUTE format('SELECT DISTINCT hashtext(o.org_code::text) & 1023 FROM %s o WHERE o.load_id = $1 ORDER BY 1', t.table_name)
      USING l.load_id LOOP
      PERFORM pg_advisory_xact_lock(hashtext('vbp.load ' || t.target), slot);
    END LOOP;
    EXECUTE format($q$
      SELECT r.load_id, min(%3$s)
      FROM %1$s o JOIN %1$s r ON r.org_code OPERATOR(vbp.=) o.org_code AND %2$s
      WHERE o.load_id = $1 AND o.quantity > 0 AND r.quantity < 0 AND r.load_id > $1
      GROUP BY r.load_id ORDER BY r.load_id DESC LIMIT 1$q$,
      t.table_name,
      CASE t.target WHEN 'purchase' THEN 'r.return_of_order = o.order_no AND coalesce(r.return_of_line, '''') = o.line_no'
                    ELSE 'r.refund_of = o.line_id' END,
      CASE t.target WHEN 'purchase' THEN 'concat_ws('' / '', o.org_code::text, o.order_no, o.line_no)'
                    ELSE 'concat_ws('' / '', o.org_code::text, o.line_id)' END)
      INTO later, example USING l.load_id;
    IF later IS NOT NULL THEN
      RAISE EXCEPTION 'load % has lines that load % returns', l.load_id, later
        USING ERRCODE = 'object_not_in_prerequisite_state',
              DETAIL = format('Load %s holds %s of lines of load %s (the first: %s); undone, load %s would leave them without their %s.',
                              later, CASE t.target WHEN 'purchase' THEN 'returns' ELSE 'refunds' END, l.load_id, example, l.load_id,
                              CASE t.target WHEN 'purchase' THEN 'order line' ELSE 'sale' END),
              HINT = format('Undo load %s first (whoever ran it may).', later);
    END IF;
  END IF;
  SELECT array_agg(at.attname::text ORDER BY at.attnum) INTO tcols FROM pg_attribute at
  WHERE at.attrelid = t.table_name AND at.attnum > 0 AND NOT at.attisdropped;
  on_key := (SELECT string_agg(format('o.%1$I = s.%1$I', k), ' AND ') FROM unnest(t.key_columns) k);
  -- rows the load replaced come back as they were (only where the load's row still stands)
  EXECUTE format('UPDATE %s o SET (%s) = ROW(%s) FROM (SELECT (jsonb_populate_record(NULL::%s, j.old_row)).* FROM vbp.load_superseded j WHERE j.load_id = $1) s '
                 'WHERE %s AND o.load_id = $1',
                 t.table_name, (SELECT string_agg(format('%I', c), ', ') FROM unnest(tcols) c),
                 (SELECT string_agg(format('s.%I', c), ', ') FROM unnest(tcols) c), t.table_name, on_key)
    USING l.load_id;
  -- rows it added go
  EXECUTE format('DELETE FROM %s o WHERE o.load_id = $1', t.table_name) USING l.load_id;
  IF t.target = 'product' THEN
    DELETE FROM vbp.generic_group g WHERE g.load_id = l.load_id
      AND NOT EXISTS (SELECT 1 FROM vbp.product p WHERE p.group_code OPERATOR(vbp.=) g.group_code);
  END IF;
  UPDATE vbp.load x SET status = 'undone', undone_at = now() WHERE x.load_id = l.load_id RETURNING * INTO l;
  RETURN l;
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.undo_load(bigint) FROM PUBLIC;
COMMENT ON FUNCTION vbp.undo_load(bigint) IS
  'Takes a load back as a whole (撤销导入): rows it replaced return as they were, rows it added are deleted; refused while a later load replaced rows of it, or holds returns (退货) or refunds (退药) of its lines (undo that first); runs with the caller''s rights';

CREATE FUNCTION vbp.stage_table(name text, header text, delimiter text DEFAULT ',') RETURNS text
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  cols text[];
  ddl text;
BEGIN
  IF header IS NULL OR btrim(header) = '' THEN
    RAISE EXCEPTION 'no header line given' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- a CSV header: fields split at the delimiter outside double quotes, once a
  -- byte-order mark is gone (a quoted first field then loses its quotes too)
  SELECT array_agg(CASE WHEN m[1] IS NOT NULL THEN replace(m[1], '""', '"') ELSE btrim(m[2]) END ORDER BY ord)
  INTO cols
  FROM regexp_matches(regexp_replace(regexp_replace(header, '^\ufeff', ''), '[\r\n]+$', ''),
                      '(?:^|' || regexp_replace(delimiter, '([^[:alnum:]])', '\\\1', 'g') || ')(?:"((?:[^"]|"")*)"|([^' || regexp_replace(delimiter, '([^[:alnum:]])', '\\\1', 'g') || ']*))', 'g')
       WITH ORDINALITY AS x(m, ord);
  -- a spreadsheet's empty trailing columns: named _1, _2 …, which vbp.load ignores
  FOR i IN REVERSE cardinality(cols) .. 1 LOOP
    EXIT WHEN cols[i] IS NOT NULL AND cols[i] <> '';
    cols[i] := '_' || i;
  END LOOP;
  IF EXISTS (SELECT 1 FROM unnest(cols) c WHERE c IS NULL OR c = '') THEN
    RAISE EXCEPTION 'the header line has an empty column name'
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('Column %s of %s has no name.',
                            (SELECT min(o) FROM unnest(cols) WITH ORDINALITY AS u(c, o) WHERE c IS NULL OR c = ''), cardinality(cols)),
            HINT = 'Name the column in the header line; empty columns at the end of the line are ignored.';
  END IF;
  SELECT format('Column %s of %s repeats the name "%s" of column %s.', d.o, cardinality(cols), d.c, d.first) INTO ddl
  FROM (SELECT u.c, u.o, min(u.o) OVER (PARTITION BY u.c) AS first FROM unnest(cols) WITH ORDINALITY AS u(c, o)) d
  WHERE d.o > d.first ORDER BY d.o LIMIT 1;
  IF ddl IS NOT NULL THEN
    RAISE EXCEPTION 'the header line names a column twice'
      USING ERRCODE = 'invalid_parameter_value', DETAIL = ddl,
            HINT = 'Rename one of them in the header line (vbp.load reads a column by its name).';
  END IF;
  SELECT format('CREATE TEMP TABLE %I (%s)', name, string_agg(format('%I text', c), ', ' ORDER BY o))
  INTO ddl FROM unnest(cols) WITH ORDINALITY AS u(c, o);
  IF to_regclass(format('pg_temp.%I', name)) IS NOT NULL THEN
    EXECUTE format('DROP TABLE pg_temp.%I', name);
  END IF;
  EXECUTE ddl;
  RETURN format('pg_temp.%I', name);
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.stage_table(text, text, text) FROM PUBLIC;
COMMENT ON FUNCTION vbp.stage_table(text, text, text) IS
  'Creates (or re-creates) a temporary staging table (暂存表) with one text column per field of an export''s header line, in file order, for \copy ... (FORMAT csv, HEADER, ENCODING ''GBK''); returns its name for vbp.load';

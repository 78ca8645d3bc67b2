-- A user database that depends on vbp: defaults, views, indexes, constraints
-- and partitions that use vbp functions and types.  Extended as areas land.
CREATE TABLE public.vbp_dump_probe (
  id int PRIMARY KEY,
  built_with text NOT NULL DEFAULT vbp.version()
);
INSERT INTO public.vbp_dump_probe (id) SELECT g FROM generate_series(1, 10) g;
CREATE VIEW public.vbp_dump_view AS
  SELECT id, built_with = vbp.version() AS same_build FROM public.vbp_dump_probe;

-- every type as a column, with B-tree and hash indexes and a check using an accessor
CREATE TABLE public.purchase (
  id int PRIMARY KEY,
  product vbp.drugcode NOT NULL,
  trace vbp.tracecode UNIQUE,
  buyer vbp.orgcode NOT NULL CHECK (vbp.kind(buyer) = 'H'),
  supplier vbp.uscc NOT NULL,
  amount vbp.cny NOT NULL DEFAULT '0.00'
);
CREATE INDEX purchase_product ON public.purchase (vbp.generic_group(product));
CREATE INDEX purchase_buyer ON public.purchase USING hash (buyer);
INSERT INTO public.purchase
SELECT g,
       ('XA01ABD075A00201010' || lpad((g % 1000)::text, 4, '0'))::vbp.drugcode,
       (lpad(g::text, 7, '0') || lpad((g * 7919)::text, 13, '0'))::vbp.tracecode,
       ('H4401030' || lpad((g % 500)::text, 4, '0'))::vbp.orgcode,
       ('91440300' || lpad((g % 997)::text, 9, '0') || '?')::vbp.uscc,
       (g::bigint * 1234567 % 10000000)::vbp.cny
FROM generate_series(1, 2000) g;
-- a view that aggregates with vbp's exact sum, and a hash-partitioned table
CREATE VIEW public.spend_by_group AS
  SELECT vbp.generic_group(product) AS grp, vbp.sum(amount) AS spend, count(*) AS n
  FROM public.purchase GROUP BY 1;
CREATE TABLE public.dispensing (trace vbp.tracecode, qty int) PARTITION BY HASH (trace);
CREATE TABLE public.dispensing_0 PARTITION OF public.dispensing FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.dispensing_1 PARTITION OF public.dispensing FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO public.dispensing SELECT trace, 1 FROM public.purchase;

-- vbp's own tables with demo data (saved through pg_extension_config_dump), monthly
-- partitions the user made, and a rule set the user copied and changed
SELECT count(*) FROM vbp.generate_demo(1, 7);
SELECT vbp.add_month_partitions('vbp.purchase', '2022-01-01', '2022-12-31');
SELECT vbp.copy_rule_set('vbp.parameter', 'national', 'shanghai-2024');
UPDATE vbp.parameter SET value = 0.75 WHERE rule_set = 'shanghai-2024' AND name = 'lagging_factor';
-- a settled retention with an audited adjustment (append-only tables with foreign keys)
SELECT retained FROM vbp.settle_retention(1, (SELECT min(org_code::text) FROM vbp.agreement WHERE batch_id = 1)::vbp.orgcode, cycle_year => 1);
SELECT amount FROM vbp.adjust_retention(1, (SELECT min(org_code::text) FROM vbp.retention_settlement)::vbp.orgcode, '12.34', 'dump test', 1);
-- tenancy: policies created by vbp.setup_tenancy() are user objects that
-- pg_dump must restore once (policies made by the extension script would be
-- restored twice), and a tenant's scope row (a regrole) survives
SELECT count(*) FROM vbp.setup_tenancy();
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vbp_dump_hospital') THEN CREATE ROLE vbp_dump_hospital; END IF;
END $$;
SELECT scope FROM vbp.grant_tenant('vbp_dump_hospital', 'institution_user',
                                   org_code => (SELECT min(org_code::text) FROM vbp.institution)::vbp.orgcode);
-- a role dropped without revoke_tenant: its scope row is dumped with the old oid
-- as a number, and must hold for nobody after the restore
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vbp_dump_gone') THEN CREATE ROLE vbp_dump_gone; END IF;
END $$;
SELECT scope FROM vbp.grant_tenant('vbp_dump_gone', 'institution_user',
                                   org_code => (SELECT max(org_code::text) FROM vbp.institution)::vbp.orgcode);
DROP ROLE vbp_dump_gone;
-- a load of an export: loaded rows carry their load, a rejected line and a
-- replaced row are kept, a user's own header and value survive (shipped ones
-- come back with CREATE EXTENSION)
INSERT INTO vbp.load_header (target, field, header) VALUES ('purchase', 'order_no', vbp.load_header_key('采购单据号'));
INSERT INTO vbp.load_value (domain, raw, value) VALUES ('unit', '提', 'pack');
CREATE TEMP TABLE dump_stage (采购单据号 text, 医疗机构编码 text, 医保药品代码 text, 采购日期 text, 数量 text, 单位 text, 金额 text);
INSERT INTO dump_stage
SELECT 'DUMP-1', org_code::text, product_code::text, '2024-03-01', '2', '提', '￥10.00' FROM vbp.purchase ORDER BY purchase_id LIMIT 1;
INSERT INTO dump_stage VALUES ('DUMP-2', 'H00000000000', 'X', '2024-02-30', '1', '盒', '1');
SELECT status, inserted, rejected FROM vbp.load('purchase', 'dump_stage', 'dump.csv');
UPDATE dump_stage SET 金额 = '12.00' WHERE 采购单据号 = 'DUMP-1';
SELECT status, replaced FROM vbp.load('purchase', 'dump_stage', 'dump.csv');

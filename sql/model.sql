-- The reference data model: shipped reference data, parameters and constraints.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
\set SHOW_CONTEXT never

-- GB/T 2260 divisions: 31 provinces, 342 cities, 2,978 counties, each under its parent
SELECT level, count(*) FROM division GROUP BY level ORDER BY min(length(code));
-- prefecture-level units (地级行政区): 342 four-digit codes less the municipalities' 市辖区
-- (1101, 1201, 3101, 5001) and 县 (5002) and the province-administered county-level units
-- (4190, 4290, 4690, 6590): 342 - 9 = 333; the municipalities are 11, 12, 31 and 50
SELECT count(*) FILTER (WHERE prefecture_level) AS prefecture_level_units,
       string_agg(code, ' ' ORDER BY code) FILTER (WHERE level = 'city' AND NOT prefecture_level) AS not_cities,
       string_agg(code, ' ' ORDER BY code) FILTER (WHERE municipality) AS municipalities
FROM division;
-- the dual-channel city of an institution: its prefecture-level unit; the whole municipality
-- (a Chongqing county, 500101 and 500229, both count as 50); a directly administered
-- county-level city is its own (仙桃, 429004)
SELECT o AS org_code, vbp.dual_channel_unit(o::vbp.orgcode) AS unit
FROM unnest(ARRAY['H44010300001', 'H50010100001', 'H50022900001', 'H42900400001', 'H11010100001']) o;
SELECT count(*) AS orphans FROM division c LEFT JOIN division p ON p.code = c.parent
WHERE c.parent IS NOT NULL AND (p.code IS NULL OR p.level <> CASE c.level WHEN 'city' THEN 'province' ELSE 'city' END);
SELECT d.name AS province, c.name AS city FROM division d JOIN division c ON c.parent = d.code
WHERE c.code = city('H44010300351'::orgcode);

-- every shipped parameter carries a source; a few published values
SELECT count(*) AS parameters, count(*) FILTER (WHERE source ~ '^\[(pub|seed|param|believed|method)\]') AS with_source_mark
FROM parameter WHERE shipped;
-- the shipped rule sets: national, and three that change one institution-wide retention rule
SELECT rule_set, count(*) AS parameters FROM parameter WHERE shipped GROUP BY 1 ORDER BY 1;
SELECT name, coalesce(value::text, to_char(value_date, 'YYYY-MM-DD'), value_text) AS value, unit FROM parameter
WHERE rule_set = 'national' AND name IN ('report_floor', 'robust_z_threshold', 'payment_days', 'coverage_target_2025', 'dual_channel_list_deadline')
ORDER BY name;
-- the published batch figures; batches 1-6 add up to the 2022 reply's 234 drugs
SELECT batch_id, name, drugs, avg_cut FROM published_batch ORDER BY batch_id;
SELECT sum(drugs) AS drugs_1_6, (SELECT value FROM parameter WHERE rule_set = 'national' AND name = 'vbp_varieties_mid_2022') AS seed_varieties,
       round(sum(drugs * avg_cut) / sum(drugs), 2) AS drug_weighted_cut
FROM published_batch WHERE batch_id <= 6;
SELECT category, winners_min, winners_max, ratio, cycle_years FROM agreed_ratio_rule
WHERE rule_set = 'batch7' ORDER BY category DESC, winners_min;
SELECT rule_set, grade, score_range, ratio FROM retention_grade_rule ORDER BY rule_set DESC, grade;
-- weights of a rule set sum to 1; grades of a rule set do not overlap
SELECT rule_set, sum(weight) FROM assessment_weight GROUP BY rule_set;
SELECT count(*) AS overlapping_grades FROM retention_grade_rule a JOIN retention_grade_rule b
  ON a.rule_set = b.rule_set AND a.grade < b.grade AND a.score_range && b.score_range;

-- shipped rows are read-only; a province copies the rule set and changes its copy
UPDATE parameter SET value = 0.75 WHERE rule_set = 'national' AND name = 'lagging_factor';
DELETE FROM agreed_ratio_rule WHERE rule_set = 'batch7';
SELECT copy_rule_set('vbp.parameter', 'national', 'guangdong-2024') AS copied;
UPDATE parameter SET value = 0.75, source = '[param] Guangdong example'
WHERE rule_set = 'guangdong-2024' AND name = 'lagging_factor';
SELECT rule_set, value FROM parameter WHERE name = 'lagging_factor' ORDER BY rule_set;
SELECT try_sql($$SELECT vbp.copy_rule_set('vbp.parameter', 'nowhere', 'x')$$) AS missing_rule_set,
       try_sql($$SELECT vbp.copy_rule_set('vbp.batch', 'a', 'b')$$) AS not_a_parameter_table;
DELETE FROM parameter WHERE rule_set = 'guangdong-2024';
-- a parameter has exactly one value
INSERT INTO parameter (rule_set, name, value, value_text, unit, description, source)
VALUES ('x', 'y', 1, 'two', 'ratio', 'd', 's');

-- constraints of the model, each refused with its constraint named
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (99, '测试批次', '2024-01-01', 'batch7');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XA01ABD075A002', '地喹氯铵含片');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XA01ABD075A002010100483', 'a full code is not a group');
INSERT INTO product (product_code, group_code) VALUES ('XA01ABD075A002010100483', 'XA01ABD075A002');
INSERT INTO product (product_code, group_code) VALUES ('XA01ABD075A003010100483', 'XA01ABD075A002');
INSERT INTO selection (batch_id, product_code, selected, reference_price, winners)
VALUES (99, 'XA01ABD075A002010100483', true, 1.5, 1);
INSERT INTO selection (batch_id, product_code, selected, reference_price, ceiling_price, selected_price, winners)
VALUES (99, 'XA01ABD075A002010100483', true, 1.5, 1.0, 1.2, 1);
INSERT INTO institution (org_code, name, level, division) VALUES ('H44010300351', '广州演示医院', 'tertiary', '440103');
INSERT INTO institution (org_code, name, level, division) VALUES ('P44010300001', 'a pharmacy must be level pharmacy', 'tertiary', '440103');
INSERT INTO institution (org_code, name, level, division) VALUES ('H44010300352', 'division must match the code', 'tertiary', '440104');
INSERT INTO institution (org_code, name, level, division, dual_channel) VALUES ('H44010300353', 'only pharmacies are dual-channel', 'primary', '440103', true);
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, reported_on)
VALUES (99, 'H44010300351', 'XA01ABD075A002', 1000, 900, '2023-12-01');
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume)
VALUES (99, 'H44010300351', 'XA01ABD075A002', 1000, 900);
INSERT INTO agreement VALUES (99, 'H44010300351', 'XA01ABD075A002', 630, '2024-01-01', '2023-12-31');
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount) VALUES ('H44010300351', 'XA01ABD075A002010100483', '2024-01-05', 0, '10.00');
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on)
VALUES ('H44010300351', 'XA01ABD075A002010100483', '2024-01-05', 10, '10.00', '2024-01-06', '2024-01-02');
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount) VALUES ('H44010300351', 'XA01ABD075A002010199999', '2024-01-05', 10, '10.00');
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel)
VALUES ('H44010300351', 'XA01ABD075A002010100483', '2024-01-05', 1, '10.00', '10.01', 'PT1', 'hospital');
-- dates must be real dates (1990 to 2199): infinity, -infinity and 4713 BC are refused (23514)
SELECT d AS purchased_on,
       try_sql(format($$INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount)
                       VALUES ('H44010300351', 'XA01ABD075A002010100483', %L, 1, '1.00')$$, d)) AS result
FROM unnest(ARRAY['infinity', '-infinity', '4713-01-01 BC']) d;
SELECT try_sql($$INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on)
                 VALUES ('H44010300351', 'XA01ABD075A002010100483', '2024-01-05', 1, '1.00', '2024-01-06', 'infinity')$$) AS paid_at_infinity;
SELECT try_sql($$INSERT INTO vbp.dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel)
                 VALUES ('H44010300351', 'XA01ABD075A002010100483', '-infinity', 1, '1.00', '1.00', 'PT1', 'hospital')$$) AS dispensed_at_minus_infinity;
SELECT try_sql($$INSERT INTO vbp.agreement VALUES (99, 'H44010300351', 'XA01ABD075A002', 630, '2024-01-01', 'infinity')$$) AS endless_cycle;
-- time progress needs a real cycle (22008), not a number for an endless one; the
-- reporting date may be infinite: before every cycle (0) or after every cycle (1)
SELECT try_sql($$SELECT vbp.time_progress('2024-01-01', 'infinity', '2024-06-30')$$) AS endless_cycle_progress,
       try_sql($$SELECT vbp.time_progress('-infinity', '2024-12-31', '2024-06-30')$$) AS beginless_cycle_progress,
       vbp.time_progress('2024-01-01', '2024-12-31', '-infinity') AS before_every_cycle,
       vbp.time_progress('2024-01-01', '2024-12-31', 'infinity') AS after_every_cycle;

-- purchases partition by month: rows already in the default partition move with their month
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on)
SELECT 'H44010300351', 'XA01ABD075A002010100483', d, 10, '12.00', d + 1, d + 20
FROM generate_series(date '2024-01-01', date '2024-03-31', interval '1 day') g, LATERAL (SELECT g::date AS d) x;
SELECT add_month_partitions('vbp.purchase', '2024-01-01', '2024-02-29') AS partitions_made;
SELECT tableoid::regclass AS partition, count(*), min(purchased_on), max(purchased_on)
FROM purchase GROUP BY 1 ORDER BY 1;
-- each new partition has the default partition's key and indexes
SELECT i.indexrelid::regclass AS index, i.indisprimary AS primary_key, pg_get_indexdef(i.indexrelid) ~ 'USING btree' AS btree
FROM pg_index i WHERE i.indrelid = 'vbp.purchase_202401'::regclass
-- by name (ordering a regclass orders by OID, which the order of creation decides)
ORDER BY i.indisprimary DESC, i.indexrelid::regclass::text COLLATE "C";
SELECT add_month_partitions('vbp.purchase', '2024-01-01', '2024-01-31') AS already_there;
SELECT try_sql($$SELECT vbp.add_month_partitions('vbp.batch', '2024-01-01', '2024-01-31')$$) AS not_partitioned,
       try_sql($$SELECT vbp.add_month_partitions('vbp.purchase', '2024-03-01', '2024-01-31')$$) AS inverted;
-- a query over the partitions sees every row once
SELECT count(*), sum(amount) FROM purchase;
DELETE FROM purchase;
DROP TABLE vbp.purchase_202401, vbp.purchase_202402;
DELETE FROM volume_report; DELETE FROM institution; DELETE FROM selection;
DELETE FROM product; DELETE FROM generic_group; DELETE FROM batch;

-- what pg_dump saves: user data tables, and only user-added rows of shipped tables
SELECT c.relname, coalesce(nullif(e.cond, ''), '(all rows)') AS dumped
FROM pg_extension x, unnest(x.extconfig, x.extcondition) AS e(rel, cond)
JOIN pg_class c ON c.oid = e.rel
WHERE x.extname = 'vbp' ORDER BY 1;

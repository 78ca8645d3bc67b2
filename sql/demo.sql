-- The demo generator: determinism, calibration to the 2022 reply's figures, and every
-- injected defect present in the data exactly as recorded (no more, no fewer).
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
\set SHOW_CONTEXT never

SELECT * FROM generate_demo(1, 42);
SELECT scale, seed, as_of FROM demo_run;
-- the tables are not empty any more: a second run needs replace => true
SELECT * FROM generate_demo(1, 42);
SELECT try_sql('SELECT vbp.generate_demo(0)') AS scale_zero;

-- deterministic: the same seed gives the same rows, another seed other rows
CREATE TABLE demo_digest AS
SELECT (SELECT md5(string_agg(p::text, '|' ORDER BY purchase_id)) FROM purchase p) AS purchases,
       (SELECT md5(string_agg(d::text, '|' ORDER BY dispensing_id)) FROM dispensing d) AS dispensing;
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT (SELECT md5(string_agg(p::text, '|' ORDER BY purchase_id)) FROM purchase p) = d.purchases AS same_purchases_again,
       (SELECT md5(string_agg(x::text, '|' ORDER BY dispensing_id)) FROM dispensing x) = d.dispensing AS same_dispensing_again
FROM demo_digest d;
-- sequences restart with the data, so identifiers repeat too
SELECT min(purchase_id) AS first_purchase_id FROM purchase;
SELECT count(*) FROM generate_demo(1, 43, replace => true);
SELECT (SELECT md5(string_agg(p::text, '|' ORDER BY purchase_id)) FROM purchase p) <> d.purchases AS other_seed_other_purchases
FROM demo_digest d;
SELECT count(*) FROM generate_demo(1, 42, replace => true);

-- calibration (doc/domain.md §4, §8): drugs and unweighted average cut per batch as published
WITH drug AS (
  SELECT s.batch_id, p.group_code, avg(1 - s.selected_price / s.reference_price) AS cut
  FROM selection s JOIN product p USING (product_code) WHERE s.selected GROUP BY 1, 2)
SELECT batch_id, count(*) AS drugs, b.published_drugs, round(100 * avg(cut), 1) AS avg_cut_pct,
       100 * b.published_avg_cut AS published_cut_pct
FROM drug JOIN batch b USING (batch_id) GROUP BY batch_id, b.published_drugs, b.published_avg_cut ORDER BY 1;
WITH drug AS (
  SELECT p.group_code, avg(1 - s.selected_price / s.reference_price) AS cut
  FROM selection s JOIN product p USING (product_code) WHERE s.selected GROUP BY 1)
SELECT count(*) AS drugs, round(100 * avg(cut)) AS avg_cut_pct,
       count(*) FILTER (WHERE g.essential) AS essential,
       round(100.0 * count(*) FILTER (WHERE g.essential) / count(*)) AS essential_pct
FROM drug JOIN generic_group g USING (group_code);
-- all 31 provinces and 342 prefecture cities have institutions with real codes
SELECT count(DISTINCT province(org_code)) AS provinces, count(DISTINCT city(org_code)) AS cities,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM division d WHERE d.code = city(org_code))) AS unknown_cities
FROM institution;
-- agreed volume = round(ratio x reported) by winners and category (non-reporters from baseline),
-- one agreement per year of the cycle (year k from the batch's start plus k - 1 years, one year
-- long, at most cycle_years), each started by as_of; year k's report is year k-1's use
SELECT count(*) AS agreements,
       count(*) FILTER (WHERE a.agreed_volume <> round(r.ratio * coalesce(v.reported_volume, v.baseline_volume))) AS wrong_volume,
       count(*) FILTER (WHERE a.cycle_start <> (b.cycle_start + make_interval(years => a.cycle_year - 1))::date
                           OR a.cycle_end <> (a.cycle_start + interval '1 year' - interval '1 day')::date
                           OR a.cycle_year > r.cycle_years OR a.cycle_start > date '2023-06-30') AS wrong_cycle
FROM agreement a
JOIN batch b USING (batch_id)
JOIN volume_report v USING (batch_id, org_code, group_code, cycle_year)
JOIN generic_group g USING (group_code)
JOIN (SELECT DISTINCT s.batch_id, p.group_code, s.winners FROM selection s JOIN product p USING (product_code)) w USING (batch_id, group_code)
JOIN agreed_ratio_rule r ON r.rule_set = 'batch7' AND r.category = CASE WHEN g.anti_infective THEN 'anti_infective' ELSE 'standard' END
 AND w.winners >= r.winners_min AND (r.winners_max IS NULL OR w.winners <= r.winners_max);
SELECT cycle_year, count(*) AS agreements FROM agreement GROUP BY 1 ORDER BY 1;
-- year k's baseline and reported volume are the group's units bought in year k - 1
SELECT count(*) AS later_year_reports,
       count(*) FILTER (WHERE v.baseline_volume <> u.q OR v.reported_volume <> u.q) AS not_previous_use
FROM volume_report v
JOIN agreement a ON a.batch_id = v.batch_id AND a.org_code = v.org_code AND a.group_code = v.group_code
                AND a.cycle_year = v.cycle_year - 1
CROSS JOIN LATERAL (SELECT coalesce(sum(p.quantity), 0) AS q FROM purchase p JOIN product pr USING (product_code)
                    WHERE p.org_code = a.org_code AND pr.group_code = a.group_code
                      AND p.purchased_on BETWEEN a.cycle_start AND a.cycle_end) u
WHERE v.cycle_year > 1;

-- per-agreement completion against time progress at as_of (used by the checks below)
CREATE TABLE demo_status AS
WITH bought AS (
  SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year,
         coalesce(sum(p.quantity) FILTER (WHERE s.selected), 0) AS selected_q,
         coalesce(sum(p.quantity) FILTER (WHERE NOT s.selected), 0) AS other_q
  FROM agreement a
  JOIN product pr ON pr.group_code = a.group_code
  JOIN selection s ON s.product_code = pr.product_code AND s.batch_id = a.batch_id
  LEFT JOIN purchase p ON p.org_code = a.org_code AND p.product_code = pr.product_code
   AND p.purchased_on BETWEEN a.cycle_start AND least(a.cycle_end, date '2023-06-30')
  GROUP BY 1, 2, 3, 4)
SELECT a.*, b.selected_q, b.other_q,
       b.selected_q::numeric / nullif(a.agreed_volume, 0) AS completion,
       least(1, greatest(0, (date '2023-06-30' - a.cycle_start + 1)::numeric / (a.cycle_end - a.cycle_start + 1))) AS tau
FROM agreement a JOIN bought b USING (batch_id, org_code, group_code, cycle_year);
-- the seed's figure on its own basis: in batches 1-5 a year's actual purchases exceeded the
-- year's agreed volume more than twice over (前五批...年度实际采购量达约定采购量的2倍以上), here in
-- the first agreement year; later years' volumes are reset from the previous year's use, so
-- they run nearer 1.3; batch 6 bought less; years still running are time-prorated
SELECT batch_id <= 5 AS batches_1_to_5, cycle_year, bool_and(cycle_end < date '2023-06-30') AS ended,
       round(sum(selected_q) / sum(agreed_volume * tau), 2) AS fulfilment_ratio
FROM demo_status GROUP BY 1, 2 ORDER BY 1 DESC, 2;

-- each injected defect against the data: "missing" = injected but not in the data,
-- "extra" = in the data but not injected; all must be 0
CREATE TABLE demo_found (kind text, key text);
INSERT INTO demo_found
SELECT 'not_reported', batch_id || ' ' || org_code::text || ' ' || group_code::text FROM volume_report
WHERE baseline_volume > 0 AND reported_volume IS NULL
UNION ALL
SELECT 'under_reported', batch_id || ' ' || org_code::text || ' ' || group_code::text FROM volume_report
WHERE reported_volume < 0.8 * baseline_volume
UNION ALL
SELECT 'missing_sign_off', batch_id || ' ' || org_code::text || ' ' || group_code::text FROM volume_report
WHERE reported_volume IS NOT NULL AND NOT signed_off
UNION ALL
-- robust z (Iglewicz-Hoaglin, vbp.median_mad and vbp.robust_z) of ln(reported / baseline)
-- within generic group x cycle year x institution level
SELECT 'anomalous_report', x.key
FROM (SELECT v.batch_id || ' ' || v.org_code::text || ' ' || v.group_code::text AS key, v.group_code, v.cycle_year, i.level,
             ln(v.reported_volume::numeric / v.baseline_volume)::float8 AS lx
      FROM volume_report v JOIN institution i USING (org_code) WHERE v.reported_volume > 0) x
JOIN (SELECT v.group_code, v.cycle_year, i.level, median_mad(ln(v.reported_volume::numeric / v.baseline_volume)::float8) AS m
      FROM volume_report v JOIN institution i USING (org_code) WHERE v.reported_volume > 0
      GROUP BY 1, 2, 3) s USING (group_code, cycle_year, level)
WHERE abs(robust_z(x.lx, (s.m).median, (s.m).mad)) > 3.5
UNION ALL
SELECT CASE WHEN completion >= 0.8 * tau THEN 'lagging' ELSE 'severely_lagging' END,
       batch_id || ' ' || org_code::text || ' ' || group_code::text || ' y' || cycle_year
FROM demo_status WHERE completion < 1 AND completion < tau
UNION ALL
SELECT 'not_preferring_selected', batch_id || ' ' || org_code::text || ' ' || group_code::text || ' y' || cycle_year
FROM demo_status WHERE selected_q::numeric / nullif(selected_q + other_q, 0) < 0.7
UNION ALL
SELECT DISTINCT 'late_payer', org_code::text FROM purchase WHERE paid_on > accepted_on + 30
UNION ALL
-- a city: a prefecture-level unit (four-digit codes less 1101, 1201, 3101, 5001, 5002 and the
-- province-administered 4190, 4290, 4690, 6590), or a whole municipality (11, 12, 31, 50)
SELECT 'city_without_dual_channel_pharmacy', u.code
FROM (SELECT c.code FROM division c
      WHERE c.level = 'city' AND c.code NOT IN ('1101', '1201', '3101', '5001', '5002', '4190', '4290', '4690', '6590')
      UNION ALL SELECT unnest(ARRAY['11', '12', '31', '50'])) u
WHERE NOT EXISTS (SELECT 1 FROM institution i
                  WHERE i.dual_channel
                    AND CASE WHEN province(i.org_code) IN ('11', '12', '31', '50') THEN province(i.org_code)
                             ELSE city(i.org_code) END = u.code)
UNION ALL
SELECT 'late_committee', m.org_code::text || ' ' || v.version_id FROM nrdl_version v
JOIN LATERAL (SELECT org_code, min(met_on) AS met_on FROM committee_meeting
              WHERE met_on >= v.effective_from AND met_on < coalesce(v.effective_to, 'infinity') GROUP BY org_code) m ON true
WHERE m.met_on > v.effective_from + 30
UNION ALL
SELECT 'nrdl_unstocked_in_province', p.code || ' ' || it.group_code::text
FROM nrdl_item it JOIN division p ON p.level = 'province'
WHERE NOT EXISTS (SELECT 1 FROM formulary_admission f WHERE f.group_code = it.group_code AND province(f.org_code) = p.code)
GROUP BY p.code, it.group_code
UNION ALL
SELECT 'duplicate_trace_code', trace_code::text FROM dispensing GROUP BY trace_code HAVING count(*) > 1
UNION ALL
SELECT 'channel_reimbursement_mismatch', group_code::text FROM (
  SELECT p.group_code, d.channel, round(sum(d.fund_paid::numeric) / sum(d.amount::numeric), 2) AS share
  FROM dispensing d JOIN product p USING (product_code) GROUP BY 1, 2) s
GROUP BY group_code HAVING max(share) - min(share) > 0.05
UNION ALL
SELECT 'province_without_dual_channel_list', p.code FROM division p
WHERE p.level = 'province' AND NOT EXISTS (SELECT 1 FROM dual_channel_list l WHERE l.province = p.code AND l.version_id = 2)
UNION ALL
SELECT 'nrdl_not_listed', p.code || ' ' || it.group_code::text
FROM division p JOIN nrdl_item it ON it.version_id = 2
WHERE p.level = 'province'
  AND NOT EXISTS (SELECT 1 FROM platform_listing l WHERE l.province = p.code AND l.group_code = it.group_code)
UNION ALL
SELECT 'stockout', org_code::text || ' ' || product_code::text || ' ' || started_on FROM stockout_episodes_for((SELECT as_of FROM demo_run))
UNION ALL
SELECT 'supply_substitution', format('%s %s %s y%s', batch_id, org_code, group_code, cycle_year) FROM supply_substitution_for((SELECT as_of FROM demo_run))
UNION ALL
SELECT DISTINCT 'uncertified_dispensing', d.patient_id || ' ' || p.group_code::text
FROM dispensing d JOIN product p USING (product_code)
WHERE p.group_code IN (SELECT group_code FROM nrdl_item WHERE patient_certification)
  AND NOT EXISTS (SELECT 1 FROM patient_certification c WHERE c.patient_id = d.patient_id AND c.group_code = p.group_code);

SELECT kind,
       (SELECT count(*) FROM demo_injection i WHERE i.kind = k.kind) AS injected,
       (SELECT count(*) FROM (SELECT key FROM demo_injection i WHERE i.kind = k.kind
                              EXCEPT SELECT key FROM demo_found f WHERE f.kind = k.kind) x) AS missing,
       (SELECT count(*) FROM (SELECT key FROM demo_found f WHERE f.kind = k.kind
                              EXCEPT SELECT key FROM demo_injection i WHERE i.kind = k.kind) x) AS extra
FROM (SELECT DISTINCT kind FROM demo_injection UNION SELECT DISTINCT kind FROM demo_found) k
ORDER BY kind;
-- every kind the generator documents was injected at least once at scale 1
SELECT count(DISTINCT kind) AS kinds_injected FROM demo_injection;

-- the whole demo can be partitioned by month and gives the same totals
SELECT count(*) AS purchases, sum(amount) AS spend FROM purchase;
SELECT add_month_partitions('vbp.purchase', '2019-04-01', '2023-06-30') AS monthly_partitions;
SELECT count(*) AS purchases, sum(amount) AS spend,
       count(*) FILTER (WHERE tableoid = 'vbp.purchase_default'::regclass) AS left_in_default FROM purchase;
DROP TABLE demo_digest, demo_status, demo_found;
-- leave vbp empty for the other tests
SELECT empty_demo_tables();

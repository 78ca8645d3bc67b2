-- Headline report of the demo database, read from vbp's report views as of the demo date:
-- per batch the drugs, the unweighted average cut over drugs and the fulfilment ratio
-- (selected units bought / (agreed volume x time progress)) in the first agreement year and
-- over every year, then the 2022 reply's totals on the reply's own basis: a year's purchases
-- against that year's agreed volume.
\set QUIET on
SET search_path = "$user", public, vbp;
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM vbp.demo_run), false) IS NOT NULL AS as_of_set \gset
\echo
\echo '== vbp headline: national volume-based procurement (国家组织药品集中带量采购) as of the demo date'
SELECT vbp.version() AS vbp, as_of, scale, seed FROM vbp.demo_run;
SELECT batch_id AS batch, name, drugs, round(100 * avg_cut, 1) AS avg_cut_pct,
       round(first_year_ratio, 2) AS fulfilment_year_1, round(fulfilment_ratio, 2) AS fulfilment_all_years
FROM vbp.batch_summary ORDER BY batch_id;
\echo '-- the 2022 reply (医保函〔2022〕137号): 234 drugs, average cut 53%, 115 essential (49%), batches 1-5: a year''s actual purchases more than 2x that year''s agreed volume (年度实际采购量达约定采购量的2倍以上)'
SELECT sum(drugs) AS drugs,
       round(100 * sum(avg_cut * drugs) / sum(drugs)) AS avg_cut_pct,
       sum(essential) AS essential_medicines,
       round(100.0 * sum(essential) / sum(drugs)) AS essential_pct,
       (SELECT round(sum(selected_volume)::numeric / sum(agreed_volume), 2)
        FROM vbp.fulfilment WHERE batch_id <= 5 AND cycle_year = 1 AND cycle_end <= vbp.report_date())
         AS annual_ratio_batches_1_5_year_1
FROM vbp.batch_summary;
\echo '-- each agreement year of batches 1-5 (协议年度): years 2 and 3 are reset from the previous year''s use, so they run nearer the use'
SELECT cycle_year, count(*) AS agreements, sum(agreed_volume) AS agreed, sum(selected_volume) AS bought,
       round(sum(selected_volume) / sum(agreed_volume * time_progress), 2) AS fulfilment,
       count(*) FILTER (WHERE cycle_end > vbp.report_date()) AS running
FROM vbp.fulfilment WHERE batch_id <= 5 GROUP BY 1 ORDER BY 1;
\echo '== defects injected for the reports to find (vbp.demo_injection)'
SELECT kind, count(*) FROM vbp.demo_injection GROUP BY kind ORDER BY kind;
\echo '== who lags, whose reports are not credible (vbp.fulfilment_alert, vbp.report_credibility as of the demo date)'
SELECT alert, count(*) AS agreements, count(DISTINCT org_code) AS institutions FROM vbp.fulfilment_alert GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE not_reported) AS not_reported, count(*) FILTER (WHERE under_reported) AS under_reported,
       count(*) FILTER (WHERE missing_sign_off) AS missing_sign_off, count(*) FILTER (WHERE anomalous) AS anomalous_robust_z
FROM vbp.report_credibility;
\echo '== negotiated drugs landing (谈判药品落地) as of the demo date: stocking rate by level, dual-channel gaps, listing, certification'
SELECT version_id AS list, key AS level, institutions, applicable, stocked, round(100 * stocking_rate, 1) AS stocking_pct
FROM vbp.nrdl_stocking_summary WHERE scope IN ('national', 'level') ORDER BY version_id, scope DESC, key;
SELECT kind, count(*) FROM vbp.dual_channel_gap GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE not_listed) AS not_listed_pairs, round(avg(days_to_list), 1) AS avg_days_to_list,
       (SELECT count(*) FROM vbp.nrdl_stocking WHERE committee_late) AS late_committees,
       (SELECT count(DISTINCT (patient_id, group_code)) FROM vbp.uncertified_dispensing_for('2022-01-01', vbp.report_date()))
         AS uncertified_patient_drugs
FROM vbp.nrdl_listing;
\echo '== supply of the winners (供应保障) as of the demo date: on time, fill rate, stock-outs, scores, substitutions'
SELECT count(*) AS order_lines, round(100.0 * count(*) FILTER (WHERE on_time) / nullif(count(*) FILTER (WHERE due_on < vbp.report_date() OR fulfilled_on IS NOT NULL), 0), 2) AS on_time_pct,
       round(100.0 * sum(delivered) / sum(ordered), 2) AS fill_pct, count(*) FILTER (WHERE late) AS late_lines,
       count(*) FILTER (WHERE open_past_deadline) AS open_past_deadline
FROM vbp.order_line_supply;
SELECT count(*) AS stockout_episodes, count(DISTINCT product_code) AS products, sum(duration_days) AS stockout_days
FROM vbp.stockout_episodes;
SELECT batch_id, company_name, episodes, problem_rate, score, rank FROM vbp.supply_score
WHERE episodes > 0 OR below_threshold ORDER BY batch_id, rank;
SELECT count(*) AS agreements_with_backup, sum(backup_volume) AS backup_units_counted_as_selected FROM vbp.supply_substitution;

-- Headline report of the demo database, computed from the data (not typed in):
-- per batch the drugs, the unweighted average cut over drugs (a drug's cut is the mean
-- over its selected products of 1 - selected / reference price), and the fulfilment
-- ratio: selected units bought / (agreed volume x time progress) as of the demo date.
\set QUIET on
SET search_path = "$user", public, vbp;
\echo
\echo '== vbp headline: national volume-based procurement (国家组织药品集中带量采购) as of the demo date'
SELECT vbp.version() AS vbp, as_of, scale, seed FROM vbp.demo_run;
CREATE TEMP VIEW drug_cut AS
  SELECT s.batch_id, p.group_code, avg(1 - s.selected_price / s.reference_price) AS cut
  FROM vbp.selection s JOIN vbp.product p USING (product_code) WHERE s.selected GROUP BY 1, 2;
CREATE TEMP VIEW agreement_progress AS
  SELECT a.batch_id, a.agreed_volume,
         least(1, greatest(0, (r.as_of - a.cycle_start + 1)::numeric / (a.cycle_end - a.cycle_start + 1))) AS tau,
         (SELECT coalesce(sum(pu.quantity), 0)
          FROM vbp.purchase pu JOIN vbp.selection s ON s.product_code = pu.product_code AND s.batch_id = a.batch_id AND s.selected
          WHERE pu.org_code = a.org_code AND generic_group(pu.product_code) = a.group_code
            AND pu.purchased_on BETWEEN a.cycle_start AND least(a.cycle_end, r.as_of)) AS bought
  FROM vbp.agreement a, vbp.demo_run r;
SELECT b.batch_id AS batch, b.name, count(DISTINCT d.group_code) AS drugs,
       round(100 * avg(d.cut), 1) AS avg_cut_pct,
       (SELECT round(sum(bought) / sum(agreed_volume * tau), 2) FROM agreement_progress ap WHERE ap.batch_id = b.batch_id) AS fulfilment
FROM vbp.batch b JOIN drug_cut d USING (batch_id) GROUP BY b.batch_id, b.name ORDER BY 1;
\echo '-- seed (医保函〔2022〕137号): 234 drugs, average cut 53%, 115 essential (49%), batches 1-5 bought more than 2x the agreed volume'
SELECT count(*) AS drugs,
       round(100 * avg(d.cut)) AS avg_cut_pct,
       count(*) FILTER (WHERE g.essential) AS essential_medicines,
       round(100.0 * count(*) FILTER (WHERE g.essential) / count(*)) AS essential_pct,
       (SELECT round(sum(bought) / sum(agreed_volume * tau), 2) FROM agreement_progress WHERE batch_id <= 5) AS fulfilment_batches_1_5
FROM drug_cut d JOIN vbp.generic_group g USING (group_code);
\echo '== defects injected for the reports to find (vbp.demo_injection)'
SELECT kind, count(*) FROM vbp.demo_injection GROUP BY kind ORDER BY kind;
\echo '== who lags, whose reports are not credible (vbp.fulfilment_alert, vbp.report_credibility as of the demo date)'
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM vbp.demo_run), false) IS NOT NULL AS as_of_set \gset
SELECT alert, count(*) AS agreements, count(DISTINCT org_code) AS institutions FROM vbp.fulfilment_alert GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE not_reported) AS not_reported, count(*) FILTER (WHERE under_reported) AS under_reported,
       count(*) FILTER (WHERE missing_sign_off) AS missing_sign_off, count(*) FILTER (WHERE anomalous) AS anomalous_robust_z
FROM vbp.report_credibility;

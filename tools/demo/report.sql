-- Headline report of the demo database.
\echo
\echo '== vbp headline: national volume-based procurement batches 1-6 (集采批次)'
SELECT vbp.version() AS vbp;
SELECT count(*)                                    AS batches,
       sum(drugs)                                  AS drugs,
       round(100 * sum(drugs * avg_cut) / sum(drugs), 1) AS avg_cut_pct,
       sum(essential)                              AS essential_medicines,
       round(100.0 * sum(essential) / sum(drugs))  AS essential_pct
FROM demo.batch;

\echo '== demo purchases by province and generic group (exact sums in yuan; vbp.orgcode / vbp.drugcode / vbp.cny)'
SELECT vbp.province(buyer) AS province,
       vbp.generic_group(product) AS generic_group,
       count(*) AS purchases,
       sum(quantity) AS units,
       vbp.sum(amount) AS spend,
       vbp.avg(amount) AS avg_purchase
FROM demo.purchase
GROUP BY 1, 2
ORDER BY 1, 2;

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

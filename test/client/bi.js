// node-postgres reads every BI view as the BI reader (bi_node.sh sets up the database):
// every numeric column arrives typed numeric (OID 1700, what a BI connector charts as a
// number); with the one-line parser doc/bi.md gives, every value is a JS number, and each
// money and ratio column's total equals the owner's total from psql ($VBP_BI_TOTALS: view,
// column, total).  Prints "ok node: ..." / "FAIL node: ...".
'use strict';
const fs = require('fs');
const { Client, types } = require('pg');

types.setTypeParser(1700, (v) => Number(v)); // numeric -> JS number (doc/bi.md)

async function main() {
  const totals = fs.readFileSync(process.env.VBP_BI_TOTALS, 'utf8').split('\n').filter((l) => l)
    .map((l) => l.split('\t'));
  const client = new Client();
  await client.connect();
  let failed = 0;
  const say = (ok, what, detail) => {
    console.log(`${ok ? 'ok' : 'FAIL'} node: ${what}${detail ? ': ' + detail : ''}`);
    if (!ok) failed += 1;
  };
  const views = [...new Set(totals.map((t) => t[0]))];
  for (const view of views) {
    const res = await client.query(`SELECT * FROM ${view}`);
    const cols = totals.filter((t) => t[0] === view);
    const wrong = [];
    for (const [, col, want] of cols) {
      const field = res.fields.find((f) => f.name === col);
      if (!field || field.dataTypeID !== 1700) { wrong.push(`${col} is not numeric`); continue; }
      const vals = res.rows.map((r) => r[col]).filter((v) => v !== null);
      if (vals.some((v) => typeof v !== 'number')) wrong.push(`${col} has a non-number`);
      const sum = vals.reduce((a, b) => a + b, 0);
      const w = want === '' ? 0 : Number(want);
      if (Math.abs(sum - w) > 1e-6 * Math.max(1, Math.abs(w))) wrong.push(`${col}: ${sum} <> ${w}`);
    }
    say(wrong.length === 0 && res.rows.length > 0,
      `${view}: ${cols.length} money and ratio columns arrive as numbers, totals equal to the owner's`,
      wrong.join('; ') || `${res.rows.length} rows`);
  }
  await client.end();
  process.exitCode = failed ? 1 : 0;
}
main().catch((e) => { console.log(`FAIL node: ${e.message}`); process.exitCode = 1; });

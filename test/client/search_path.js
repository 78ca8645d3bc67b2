// node-postgres client for search_path.sh: in a database set up with ALTER DATABASE
// ... SET search_path = "$user", public, vbp, a new connection runs the checks in
// $VBP_SP_CHECKS (what, expected, query) with vbp's operators and aggregates unqualified.
// Connects through PGHOST/PGPORT/PGUSER/PGDATABASE; prints "ok node: ..." / "FAIL node: ...".
'use strict';
const fs = require('fs');
const { Client } = require('pg');

async function main() {
  const checks = fs.readFileSync(process.env.VBP_SP_CHECKS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [what, want, ...rest] = line.split('\t');
      return { what, want, query: rest.join('\t') };
    });
  const client = new Client();
  await client.connect();
  let failed = 0;
  for (const { what, want, query } of checks) {
    let got;
    try {
      const res = await client.query({ text: query, rowMode: 'array' });
      got = res.rows.map((row) => String(row[0])).sort().join(',');
    } catch (e) {
      got = `ERROR ${e.code}: ${e.message}`;
    }
    if (got === want) {
      console.log(`ok node: ${what}`);
    } else {
      console.log(`FAIL node: ${what} (got ${got})`);
      failed += 1;
    }
  }
  await client.end();
  return failed ? 1 : 0;
}

main().then(
  (rc) => { process.exitCode = rc; },
  (e) => { console.log(`FAIL node: ${e.message}`); process.exitCode = 1; },
);
